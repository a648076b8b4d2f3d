//! The two loops made explicit: the inner loop chose hyperparameters by cross-validation on the
//! training points; the outer loop retrains them on all the training points and scores the
//! result once on the test points; a fresh set from the same generator says what the model
//! really does. The gap between the errors, and a link to the model's lab with exactly those
//! settings. Selecting by the test score, the same panel shows how that choice flatters itself.
//! If the retrained model's training diverged, its errors read "diverged" and the panel says why.

use crate::format::{error, error_spread, in_words, short, thousands};
use crate::state::folds_note::{beyond_note, folds_note};
use crate::state::tuning::{Outcome, FRESH_POINTS};
use crate::tune::cv::diverged;
use yew::prelude::*;

/// Most parameters listed in the sentence itself.
const MAX_INLINE: usize = 12;

#[derive(Properties, PartialEq)]
pub struct TuneResultProps {
    pub outcome: Outcome,
    /// The chosen values as text ("degree 5, λ 0.01").
    pub chosen: String,
    /// Whether the test score chose (the mistake) instead of cross-validation.
    pub by_test: bool,
}

/// When cross-validation chose and the test error strays from the fresh error by more than
/// twice what chance makes the two means stray apart ([`Outcome::test_strays`]): the test points
/// drawn happen to be hard (or easy) ones for this model, a matter of the split (helper 82), and
/// of this model (helper 83: the same 60 points are not hard for a tree). (When the test score
/// chose, its low value is the selection's doing, which the panel says.)
fn chance_note(o: &Outcome, by_test: bool) -> String {
    let (Some(off), Some(test), Some(fresh)) =
        (o.test_strays(by_test), o.test_chance, o.fresh_chance)
    else {
        return String::new();
    };
    format!(
        " This one strays from the fresh error by {}, over twice the ± {} (one standard error) by which a mean over {} test points and one over {} fresh points stray apart by chance: the {} points drawn for the test set happen to be {} ones for this model. More test points would stray less: the spread shrinks as 1/√(points).",
        in_words(off.abs()),
        in_words(test.hypot(fresh)),
        o.test_count,
        thousands(FRESH_POINTS as u64),
        o.test_count,
        if off > 0.0 { "hard" } else { "easy" }
    )
}

/// " (± 0.007)": how far the fresh error itself strays by chance, the fresh points being a
/// sample too (helper 83).
fn fresh_spread(o: &Outcome) -> String {
    o.fresh_chance
        .map(|c| {
            format!(
                " (± {} by chance: {} points are a sample too)",
                in_words(c),
                thousands(FRESH_POINTS as u64)
            )
        })
        .unwrap_or_default()
}

/// What "Fresh error − test error" means at its sign (helper 84: it is mostly below 0, and
/// "how far the test error understated …, when above 0" made the reader flip it).
fn understated(optimism: f64) -> &'static str {
    if optimism > 0.0 {
        " (above 0: the test error understated what the model really does, by that much)."
    } else if optimism < 0.0 {
        " (below 0: the test error overstated what the model really does, by that much)."
    } else {
        " (0: the test error said exactly what the model really does)."
    }
}

#[component]
pub fn TuneResult(props: &TuneResultProps) -> Html {
    let o = &props.outcome;
    // A split's name holds its comparison ("node 0: x₂ ≤ (yes: leaf 1, no: leaf 2)"): its
    // threshold goes right after "≤" (helper 81 read "x₂ ≤ (yes: …) = 0.0422").
    let weights: Vec<String> = o
        .parameters
        .iter()
        .map(|p| match p.name.split_once('≤') {
            Some((split, leaves)) => format!("{split}≤ {}{leaves}", short(p.value)),
            None => format!("{} = {}", p.name, short(p.value)),
        })
        .collect();
    // A handful inline; an ensemble's thousands behind a disclosure.
    let learned = match weights.len() {
        0 => html! { { ", no parameters (k-NN keeps the training points themselves)." } },
        n if n <= MAX_INLINE => html! {
            <span data-panel="parameters">{ ", parameters " }<span class="weights">{ weights.join(", ") }</span>{ "." }</span>
        },
        // (A block below the line: the sentence ends before it, helper 83 read a dangling comma.)
        n => html! {
            <><span>{ "." }</span>
            <details class="weights" data-panel="parameters">
                <summary>{ format!("{n} learned parameters") }</summary>
                { weights.join(", ") }
            </details></>
        },
    };
    let estimate = error_spread(o.cv);
    html! {
        <section class="panel result" id="result" aria-labelledby="result-title" data-panel="verdict">
            <h2 id="result-title">{ if props.by_test { "The choice by the test score" } else { "The choice, then the test" } }</h2>
            <ol class="loops">
                if props.by_test {
                    <li>{ "The test points chose " }<strong id="chosen">{ props.chosen.clone() }</strong>
                        { " — test error " }<span id="result-cv">{ error(o.cv.mean) }</span>{ ", the lowest of all trials." }</li>
                } else {
                    <li>{ "The search chose " }<strong id="chosen">{ props.chosen.clone() }</strong>
                        { " — cross-validated error " }<span id="result-cv">{ estimate }</span>{ " (mean ± sd over the folds)." }</li>
                }
                <li>{ "Retrained on all the training points: training error " }
                    <span id="result-train">{ error(o.train_error) }</span>{ learned }</li>
                <li>{ if props.by_test { "Its test error, the number it was chosen by: " } else { "Scored once on the test points: test error " } }
                    <strong id="result-test">{ error(o.test_error) }</strong>{ "." }</li>
                <li id="result-fresh-line">{ format!("On {} fresh points from the same generator: error ", thousands(FRESH_POINTS as u64)) }
                    <strong id="result-fresh">{ error(o.fresh_error) }</strong>
                    { fresh_spread(o) }
                    { if props.by_test { " — about what the chosen model really does; the test score above was picked for being low." } else { " — about what it really does." } }</li>
            </ol>
            if diverged(o.test_error) {
                <p class="help inert-note" id="result-diverged" role="note">{ "Retrained on all the training points, the model's training diverged: the loss exploded, so it has no errors. The learning rate that trained on the folds is too high on the whole training set: lower it." }</p>
            }
            if !props.by_test {
                <p>{ "Test error − CV estimate = " }<strong id="result-gap">{ short(o.gap()) }</strong></p>
            }
            // (In both modes, so the two choices compare: the test score's choice understates.)
            <p>{ "Fresh error − test error = " }<strong id="result-optimism">{ short(o.fresh_error - o.test_error) }</strong>
                { understated(o.fresh_error - o.test_error) }</p>
            if let Some(chance) = o.test_chance {
                <p id="result-chance">{ format!("A test set of {} points strays from what the model really does by about ± {} by chance alone (one standard error).", o.test_count, short(chance)) }
                    { chance_note(o, props.by_test) }</p>
            }
            if let Some(note) = folds_note(o) {
                <p class="help" id="result-folds">{ note }</p>
            }
            if let Some(note) = beyond_note(o) {
                <p class="help" id="result-beyond">{ note }</p>
            }
            if props.by_test {
                // (Helper 94: under a fresh error below the test error, "understates" read as this
                // run's finding.)
                <p class="help" id="result-luck">{ format!("One search proves little: the test score's choice may do well on fresh points, by luck{}. ", if o.fresh_error < o.test_error { ", as this one does, better than its test error said" } else { "" }) }
                    { "What it spoils is the number: picked for being the lowest, the test error understates what the model does, on average over searches. (Measured on polynomial regression, a 16-trial random search over 17 seeds: by 0.021 in mean squared error on average. When cross-validation chooses, the two differ by 0.007 the other way, about what chance leaves over 17 seeds: a test set nothing was chosen by is a fair estimate.)" }</p>
            }
            <p><a id="open-lab" href={format!("?{}", o.lab_link())}>{ format!("Open in the {}", o.lab().title()) }</a>
                { " with exactly these settings." }
                // (Helper 94: the lab trains on past the epochs the result scored.)
                { o.scored_epochs().map(|n| format!(" There it trains from zero as you watch: the model scored here is the one at epoch {}.", thousands(u64::from(n)))).unwrap_or_default() }</p>
        </section>
    }
}
