//! The tools for hand-placed points: the class of the next point, the count, and Clear.

use crate::data::classification::CLASS_NAMES;
use crate::format::count;
use crate::state::action::{Action, Brush};
use crate::state::url;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PointToolsProps {
    pub brush: Brush,
    pub count: usize,
    pub overflow: bool,
    pub dispatch: Callback<Action>,
}

/// The class of new points, "Remove last" and "Clear" for hand-placed data.
#[component]
pub fn PointTools(props: &PointToolsProps) -> Html {
    let d = props.dispatch.clone();
    let onchange = Callback::from(move |e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        let brush = match select.value().parse() {
            Ok(class) => Brush::Class(class),
            Err(_) => Brush::Erase,
        };
        d.emit(Action::SetBrush(brush));
    });
    let d = props.dispatch.clone();
    let clear = Callback::from(move |_| d.emit(Action::ClearPoints));
    html! {
        <div class="control point-tools">
            <div class="control-head"><label for="ctl-brush">{ "A click on the plot" }</label></div>
            <select id="ctl-brush" {onchange}>
                { for CLASS_NAMES.iter().enumerate().map(|(i, name)| html! {
                    <option value={i.to_string()} selected={props.brush == Brush::Class(i)}>{ format!("adds {} {name} point", if name.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" }) }</option>
                }) }
                <option value="erase" selected={props.brush == Brush::Erase}>{ "removes the nearest point" }</option>
            </select>
            <p class="help">{ format!("{}. Shift+click also removes the nearest.{}", count(props.count, "point", "points"), fewest(props.count)) }</p>
            // (Helper 87: a link made with more points than it holds opened elsewhere on an
            // empty plot, with nothing said.)
            if props.count == 0 {
                <p class="help" id="points-none">{ format!("A link holds at most {} hand-placed points; more stay in the browser that placed them, so a link made with more opens empty elsewhere.", url::MAX_POINTS_IN_LINK) }</p>
            }
            if props.overflow {
                <p class="help warn" id="points-notice">{ format!("More than {} points: the link no longer carries them; they are kept in this browser.", url::MAX_POINTS_IN_LINK) }</p>
            }
            <button type="button" id="clear-points" onclick={clear}>{ "Clear points" }</button>
        </div>
    }
}

/// Training needs a point to learn from and one to test on: what is missing, if anything.
fn fewest(points: usize) -> &'static str {
    match points {
        0 | 1 => " Place at least two: one trains the model and one tests it.",
        _ => "",
    }
}
