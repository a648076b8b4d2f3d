//! The live verdict (underfitting, good fit, overfitting) and, when training blew up, why.

use super::Shared;
use crate::ml::diagnosis::Fit;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DiagnosisProps {
    pub state: Shared,
}

#[component]
pub fn DiagnosisBox(props: &DiagnosisProps) -> Html {
    let divergence = props.state.divergence.as_ref().map(|msg| {
        html! { <div class="divergence" role="alert"><strong>{ "Diverged. " }</strong>{ msg }</div> }
    });
    let verdict = match props.state.diagnosis() {
        _ if divergence.is_some() => html! {
            <p class="verdict idle" id="diagnosis">{ "No verdict while training has diverged." }</p>
        },
        None => {
            html! { <p class="verdict idle" id="diagnosis">{ "Press play or step: the verdict appears once training starts." }</p> }
        }
        Some(d) => {
            let (class, title) = match d.fit {
                Fit::Underfitting => ("verdict under", "Underfitting"),
                Fit::GoodFit => ("verdict good", "Good fit"),
                Fit::Overfitting => ("verdict over", "Overfitting"),
            };
            html! { <p class={class} id="diagnosis"><strong>{ title }</strong>{ " — " }{ d.reason }</p> }
        }
    };
    html! {
        <section class="diagnosis" aria-live="polite" aria-label="Diagnosis">
            { for divergence }
            { verdict }
        </section>
    }
}
