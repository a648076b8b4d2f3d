//! The room a lesson's or challenge's bar takes above the lab: its height, kept in the page's
//! `--bar` (style.css), so that the main plot below takes the height the bar leaves and Play stays
//! on the screen under a prompt of three lines as under one of one (helper 91).

use crate::web::{set_bar_room, WindowListener};
use web_sys::Element;
use yew::prelude::*;

/// Measures the bar after each of its renders (a new step, a new status) and when the window
/// resizes. (No bar, no use of `--bar`: the rules that read it apply only under a bar.)
#[hook]
pub fn use_bar_room(bar: NodeRef) {
    let measure = move || {
        if let Some(bar) = bar.cast::<Element>() {
            set_bar_room(bar.get_bounding_client_rect().height());
        }
    };
    {
        let measure = measure.clone();
        use_effect(measure);
    }
    use_effect_with((), move |_| {
        let listener = WindowListener::start("resize", measure);
        move || drop(listener)
    });
}
