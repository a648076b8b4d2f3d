//! The search's progress: trials done of the budget as a bar, the time left at the pace of
//! this run so far, and Cancel (stop the search and discard its trials; the landscape stays).

use crate::web::now_ms;
use yew::prelude::*;

/// Trials of a run before the time left is estimated.
const ESTIMATE_AFTER: usize = 3;

#[derive(Properties, PartialEq)]
pub struct SearchProgressProps {
    pub done: usize,
    /// Trials the search will run: the budget, or fewer where the space has fewer settings.
    pub planned: usize,
    pub budget: usize,
    /// Settings whose folds are already scored, once that number no longer grows (a status
    /// read out on every landscape cell would chatter): a trial at one needs no training.
    pub scored: usize,
    /// At a set Speed, the time between two trials shown (ms): the pace before this run's own
    /// is timed, and a floor for it.
    pub paced_ms: Option<f64>,
    pub running: bool,
    /// Whether the search has spent its budget (or has nothing left to try).
    pub finished: bool,
    /// Why fewer trials are planned than the budget allows, if they are.
    #[prop_or_default]
    pub why_fewer: Option<AttrValue>,
    pub on_cancel: Callback<MouseEvent>,
}

#[component]
pub fn SearchProgress(props: &SearchProgressProps) -> Html {
    // When this run started, and with how many trials done.
    let since = use_mut_ref(|| None::<(f64, usize)>);
    let SearchProgressProps {
        done,
        planned,
        budget,
        running,
        finished,
        ..
    } = *props;
    if running {
        since.borrow_mut().get_or_insert((now_ms(), done));
    } else {
        *since.borrow_mut() = None;
    }
    // The first trials are no guide (workers starting, a landscape cell already known): an
    // estimate from at least ESTIMATE_AFTER trials of this run; before that, at a set Speed,
    // its pace (trials are never shown faster).
    let timed = since.borrow().and_then(|(start, at_start)| {
        let trials = done.saturating_sub(at_start);
        (trials >= ESTIMATE_AFTER).then(|| (now_ms() - start) / trials as f64)
    });
    let pace = match (timed, props.paced_ms) {
        (Some(t), Some(p)) => Some(t.max(p)),
        (t, p) => t.or(p),
    };
    // Fewer than the budget: every distinct setting the strategy can reach (a one-axis grid of
    // 15 degrees has 15; random search and Bayesian optimization never try one twice).
    let fewer = match &props.why_fewer {
        Some(why) => format!(" {why}"),
        None => String::new(),
    };
    let text = match (finished, running, pace) {
        (true, _, _) if done < budget => format!("Done: {done} trials.{fewer}"),
        (true, _, _) => format!("Done: {done} trials."),
        (false, true, Some(ms)) => {
            let left = ms * planned.saturating_sub(done) as f64 / 1000.0;
            format!("{done} of {planned} trials; about {} s left.", left.ceil())
        }
        (false, true, None) => format!("{done} of {planned} trials; timing the first trials…"),
        (false, false, _) if done > 0 => format!("Paused after {done} of {planned} trials.{fewer}"),
        // (Helper 69: after a new budget the trials before seemed lost; those the new search
        // tries again come back at once.)
        (false, false, _) if props.scored > 0 => format!(
            "0 of {planned} trials: press Play or Step.{fewer} A trial at one of the {} settings \
             already scored (the landscape's, a search's before) needs no training.",
            props.scored
        ),
        (false, false, _) => format!("0 of {planned} trials: press Play or Step.{fewer}"),
    };
    html! {
        <div class="search-progress">
            <progress id="search-progress" max={planned.to_string()} value={done.to_string()} aria-label="Trials done of the budget"></progress>
            // What a screen reader says: the state when the search starts, pauses or ends, not
            // each trial's count (helper 97: 16 announcements in 3 s). The visible line counts.
            <span id="time-left" aria-hidden="true">{ text.clone() }</span>
            <span class="visually-hidden" id="search-status" role="status">{ if running {
                format!("Searching: {planned} trials.")
            } else {
                text
            } }</span>
            if running {
                <button type="button" id="cancel" onclick={props.on_cancel.clone()}
                    title="Stop the search and discard its trials (the landscape stays); Pause keeps them">{ "Cancel and discard" }</button>
            }
        </div>
    }
}
