//! The verdict's title beside the main plot's heading, for a screen too short to show the verdict
//! box under the plot (at 1280×800 it starts at the bottom edge): a learner sees the verdict
//! change while sliders move, and one click brings the whole box into view.

use super::diagnosis::{title, tone, CLOSE_CALL};
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
    let (name, fit, close, tone) = match (&props.diagnosis, props.diverged) {
        (_, true) => ("Diverged".to_string(), "Diverged", false, "over"),
        (Some(d), false) => (title(d), d.fit.title(), d.close_call, tone(d.fit)),
        (None, false) => return Html::default(),
    };
    // "Underfitting: too strongly regularized" is a kind and a cause: where the row is narrow
    // the chip shows the cause alone (static/style.css), so the words that say what to change
    // are the ones kept.
    let (kind, cause) = match fit.split_once(": ") {
        Some((kind, cause)) => (Some(format!("{kind}:")), cause),
        None => (None, fit),
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
    // (Not announced: the box's own live region says the title when it changes. Named by the
    // whole title, whatever the row shows; in full on hover too.)
    html! {
        <button id="verdict-chip" class={classes!("verdict-chip", tone)} {onclick}
            aria-label={name.clone()} title={format!("{name}: show the verdict in full")}>
            if let Some(kind) = kind {
                <span class="chip-kind">{ kind }</span>{ " " }
            }
            <span class="chip-cause">{ cause }</span>
            if close {
                { " " }<span class="chip-close">{ CLOSE_CALL }</span>
            }
            <span aria-hidden="true">{ " ↓" }</span>
        </button>
    }
}
