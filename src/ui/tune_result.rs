//! The two loops made explicit: the inner loop chose hyperparameters by cross-validation on the
//! training points; the outer loop retrains them on all the training points and scores the
//! result once on the test points. The gap between the two errors, and a link to the
//! Regression lab with exactly those settings.

use crate::format::short;
use crate::state::tuning::Outcome;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TuneResultProps {
    pub outcome: Outcome,
    /// The chosen values as text ("degree 5, λ 0.01").
    pub chosen: String,
}

#[component]
pub fn TuneResult(props: &TuneResultProps) -> Html {
    let o = &props.outcome;
    let weights: Vec<String> = o
        .parameters
        .iter()
        .map(|p| format!("{} = {}", p.name, short(p.value)))
        .collect();
    html! {
        <section class="panel result" id="result" aria-labelledby="result-title">
            <h2 id="result-title">{ "The choice, then the test" }</h2>
            <ol class="loops">
                <li>{ "The search chose " }<strong id="chosen">{ props.chosen.clone() }</strong>
                    { " — cross-validated error " }<span id="result-cv">{ format!("{} ± {}", short(o.cv.mean), short(o.cv.sd)) }</span>{ "." }</li>
                <li>{ "Retrained on all the training points: training error " }
                    <span id="result-train">{ short(o.train_error) }</span>{ ", parameters " }
                    <span class="weights">{ weights.join(", ") }</span>{ "." }</li>
                <li>{ "Scored once on the test points: test error " }<strong id="result-test">{ short(o.test_error) }</strong>{ "." }</li>
            </ol>
            <p>{ "Test error − CV estimate = " }<strong id="result-gap">{ short(o.gap()) }</strong>
                { if o.gap() > 0.0 { " (the estimate was optimistic)" } else { " (the test points happened to be easier)" } }</p>
            <p><a id="open-regression" href={format!("?{}", o.regression_link())}>{ "Open in the Regression lab" }</a>
                { " with exactly these settings." }</p>
        </section>
    }
}
