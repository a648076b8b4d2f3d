//! The live verdict (a good fit, or what is wrong and its most likely cause) and, when training
//! blew up, why.

use crate::ml::diagnosis::{Diagnosis, Fit};
use yew::prelude::*;

/// How much of a divergence's message comes on screen when it appears: its first two lines, which
/// say that training stopped, at which epoch and that it was undone.
const REVEALED_LEAD: f64 = 56.0;

#[derive(Properties, PartialEq)]
pub struct DiagnosisProps {
    pub diagnosis: Option<Diagnosis>,
    pub divergence: Option<String>,
    /// A link (a query) to the Tuning lab searching this model's learning rate, offered beside a
    /// divergence.
    #[prop_or_default]
    pub search: Option<AttrValue>,
    /// Shown before there is anything to judge.
    pub idle: AttrValue,
}

/// What a title adds when the verdict was a close call.
pub const CLOSE_CALL: &str = "(a close call)";

/// The verdict's title as the box shows it: a verdict near its lines says so there too, where a
/// class reads it first.
pub fn title(d: &Diagnosis) -> String {
    match d.close_call {
        true => format!("{} {CLOSE_CALL}", d.fit.title()),
        false => d.fit.title().to_string(),
    }
}

/// The verdict's colour class: good, overfitting (or steps too large, or test points beyond the
/// data), underfitting, or still training.
pub fn tone(fit: Fit) -> &'static str {
    match fit {
        Fit::GoodFit => "good",
        Fit::StillTraining => "idle",
        f if f.is_overfitting() || f == Fit::LearningRateTooHigh || f == Fit::Extrapolating => {
            "over"
        }
        _ => "under",
    }
}

#[component]
pub fn DiagnosisBox(props: &DiagnosisProps) -> Html {
    // A divergence brings its first lines on screen when it appears (and only then).
    let alert = use_node_ref();
    {
        let alert = alert.clone();
        use_effect_with(props.divergence.is_some(), move |&shown| {
            if let Some(element) = alert.cast::<web_sys::Element>().filter(|_| shown) {
                crate::web::near_view::reveal_top(&element, REVEALED_LEAD);
            }
        });
    }
    let divergence = props.divergence.as_ref().map(|msg| {
        html! {
            <div class="divergence" role="alert" ref={alert.clone()}><strong>{ "Diverged. " }</strong>{ msg }
                if let Some(href) = &props.search {
                    { " " }<a href={href.clone()} id="search-rates">{ "Search the learning rate in the Tuning lab" }</a>
                }
            </div>
        }
    });
    let verdict = match &props.diagnosis {
        _ if divergence.is_some() => html! {
            <p class="verdict idle" id="diagnosis">{ "No verdict while training has diverged." }</p>
        },
        None => html! { <p class="verdict idle" id="diagnosis">{ props.idle.clone() }</p> },
        Some(d) => {
            html! { <p class={classes!("verdict", tone(d.fit))} id="diagnosis"><strong>{ title(d) }</strong>{ " — " }{ d.reason.clone() }</p> }
        }
    };
    // A screen reader hears the verdict's title when it changes, not the whole box: its figures
    // change on every frame while training runs (helper 49: 272 announcements in 5 s, the
    // change from "Still training" to "Good fit" lost among them).
    let said = match &props.diagnosis {
        Some(d) if props.divergence.is_none() => format!("Verdict: {}", title(d)),
        _ => String::new(),
    };
    html! {
        <section class="diagnosis" data-panel="verdict" aria-label="Diagnosis" tabindex="-1">
            { for divergence }
            { verdict }
            <p class="visually-hidden" id="verdict-said" aria-live="polite">{ said }</p>
        </section>
    }
}
