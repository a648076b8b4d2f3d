//! The room a lesson's or challenge's bar takes above the lab: its height, kept in the page's
//! `--bar` (style.css), so that the main plot below takes the height the bar leaves and Play stays
//! on the screen under a prompt of three lines as under one of one (helper 91).

use crate::web::{set_bar_room, WindowListener};
use web_sys::Element;
use yew::prelude::*;

/// Measures the bar when it shows something new (`shown`: a lesson's step, a challenge) and when
/// the window resizes. Not as a challenge's status changes with each move: the plot would jump
/// by a line as the status rewraps, and move a chart below it from under the pointer. (No bar,
/// no use of `--bar`: the rules that read it apply only under a bar.)
#[hook]
pub fn use_bar_room<T: PartialEq + 'static>(bar: NodeRef, shown: T) {
    let measure = move || {
        if let Some(bar) = bar.cast::<Element>() {
            set_bar_room(bar.get_bounding_client_rect().height());
        }
    };
    {
        let measure = measure.clone();
        use_effect_with(shown, move |_| measure());
    }
    use_effect_with((), move |_| {
        let listener = WindowListener::start("resize", measure);
        move || drop(listener)
    });
}
