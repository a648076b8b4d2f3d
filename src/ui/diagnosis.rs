//! The live verdict (underfitting, good fit, overfitting) and, when training blew up, why.

use crate::ml::diagnosis::{Diagnosis, Fit};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DiagnosisProps {
    pub diagnosis: Option<Diagnosis>,
    pub divergence: Option<String>,
    /// Shown before there is anything to judge.
    pub idle: AttrValue,
}

#[component]
pub fn DiagnosisBox(props: &DiagnosisProps) -> Html {
    let divergence = props.divergence.as_ref().map(|msg| {
        html! { <div class="divergence" role="alert"><strong>{ "Diverged. " }</strong>{ msg }</div> }
    });
    let verdict = match &props.diagnosis {
        _ if divergence.is_some() => html! {
            <p class="verdict idle" id="diagnosis">{ "No verdict while training has diverged." }</p>
        },
        None => html! { <p class="verdict idle" id="diagnosis">{ props.idle.clone() }</p> },
        Some(d) => {
            let (class, title) = match d.fit {
                Fit::Underfitting => ("verdict under", "Underfitting"),
                Fit::GoodFit => ("verdict good", "Good fit"),
                Fit::Overfitting => ("verdict over", "Overfitting"),
            };
            html! { <p class={class} id="diagnosis"><strong>{ title }</strong>{ " — " }{ d.reason.clone() }</p> }
        }
    };
    html! {
        <section class="diagnosis" aria-live="polite" aria-label="Diagnosis">
            { for divergence }
            { verdict }
        </section>
    }
}
