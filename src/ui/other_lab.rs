//! A lesson step or a challenge set in another lab than the one shown: a link that names both
//! (`?lesson=fit&step=2&lab=neural`), or a switch of lab during the lesson. Its prompt is not
//! about what the page shows, so the bar says so and offers to open it where it is set.

use crate::state::spec::Lab;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OtherLabProps {
    /// What is set elsewhere, as a sentence starts: "Step 2 of this lesson", "This challenge".
    pub what: AttrValue,
    pub set_in: Lab,
    pub shown: Lab,
    /// The button's words: "Open step 2".
    pub open: AttrValue,
    pub on_open: Callback<()>,
}

#[component]
pub fn OtherLab(props: &OtherLabProps) -> Html {
    html! {
        <p class="bar-elsewhere" id="other-lab" role="status">
            { format!(
                "{} is set in the {}, but the page shows the {}: what it says is not about what you see. ",
                props.what,
                props.set_in.title(),
                props.shown.title()
            ) }
            <button onclick={props.on_open.reform(|_| ())}>{ props.open.clone() }</button>
        </p>
    }
}
