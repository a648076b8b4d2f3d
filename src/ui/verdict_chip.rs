//! The verdict's title beside the main plot's heading, for a screen too short to show the verdict
//! box under the plot (at 1280×800 it starts at the bottom edge): a learner sees the verdict
//! change while sliders move, and one click brings the whole box into view.

use super::diagnosis::{title, tone};
use crate::ml::diagnosis::Diagnosis;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct VerdictChipProps {
    pub diagnosis: Option<Diagnosis>,
    /// Training diverged: the box says why, and there is no verdict.
    pub diverged: bool,
}

#[component]
pub fn VerdictChip(props: &VerdictChipProps) -> Html {
    let (text, tone) = match (&props.diagnosis, props.diverged) {
        (_, true) => ("Diverged".to_string(), "over"),
        (Some(d), false) => (title(d), tone(d.fit)),
        (None, false) => return Html::default(),
    };
    let onclick = Callback::from(|_| {
        let verdict = (web_sys::window().and_then(|w| w.document()))
            .and_then(|d| d.query_selector("[data-panel=verdict]").ok().flatten());
        if let Some(verdict) = verdict {
            let height = verdict.get_bounding_client_rect().height();
            crate::web::near_view::reveal_top(&verdict, height);
            // (The focus goes with the eye: a keyboard or screen-reader user is at the verdict.)
            if let Ok(verdict) = verdict.dyn_into::<web_sys::HtmlElement>() {
                let _ = verdict.focus();
            }
        }
    });
    // (Not announced: the box's own live region says the title when it changes.)
    html! {
        <button id="verdict-chip" class={classes!("verdict-chip", tone)} {onclick}
            title="The verdict on the fit: show it in full">{ text }<span aria-hidden="true">{ " ↓" }</span></button>
    }
}
