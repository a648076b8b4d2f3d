//! The trials of a search as a table: number, the value of each axis, the cross-validated error
//! (mean ± sd over the folds), or "diverged" where a fold model's training diverged (such a
//! trial is never the best); the best so far marked (the best, once the search is over); under
//! it, what "sd" is. Ids let tests read it: `#trials` and one row `#trial-n` per trial.

use crate::format::{error, short};
use crate::tune::cv::diverged;
use yew::prelude::*;

/// What "sd" is: the folds' sample standard deviation, which is not what scikit-learn reports
/// beside its mean (a reader comparing with `cv_results_` would find ours larger). Said under
/// the table, not in a tooltip: a touch screen shows no tooltip.
const SD: &str = "sd: the sample standard deviation over the k folds (divides by k − 1; \
                  scikit-learn's std_test_score divides by k).";

/// One trial as shown: the axes' values as text, mean and sd of the folds' errors.
pub type Row = (Vec<String>, f64, f64);

#[derive(Properties, PartialEq)]
pub struct TrialsProps {
    /// The axes' names.
    pub axes: Vec<&'static str>,
    pub rows: Vec<Row>,
    pub best: Option<usize>,
    /// Whether the test score chose (one number per trial, no folds).
    pub by_test: bool,
    /// Whether the search is over: its best is then "best", not "best so far" (helper 83).
    pub done: bool,
}

#[component]
pub fn Trials(props: &TrialsProps) -> Html {
    // The best trial's row kept in view inside the box (not the page), as trials come in: the
    // box is 420 px high, and a last trial that was the best showed only the foot of its row
    // (helper 79).
    let scroller = use_node_ref();
    {
        let scroller = scroller.clone();
        use_effect_with((props.rows.len(), props.best), move |_| {
            let Some(boxed) = scroller.cast::<web_sys::Element>() else {
                return;
            };
            let Ok(Some(row)) = boxed.query_selector("tr.best") else {
                return;
            };
            let head = (boxed.query_selector("thead").ok().flatten())
                .map_or(0.0, |h| h.get_bounding_client_rect().height());
            let (outer, inner) = (
                boxed.get_bounding_client_rect(),
                row.get_bounding_client_rect(),
            );
            let below = inner.bottom() - outer.bottom();
            let above = outer.top() + head - inner.top();
            if below > 0.0 {
                boxed.set_scroll_top(boxed.scroll_top() + below.ceil() as i32);
            } else if above > 0.0 {
                boxed.set_scroll_top(boxed.scroll_top() - above.ceil() as i32);
            }
        });
    }
    html! {
        <>
        // (It scrolls: focusable, so the keyboard can scroll it too; helper 49.)
        <div class="trials-box" tabindex="0" role="region" aria-label="The trials table (it scrolls)" ref={scroller}>
            <table id="trials" class="trials">
                <caption class="visually-hidden">{ "Trials in the order tried" }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "#" }</th>
                        { for props.axes.iter().map(|a| html! { <th scope="col">{ *a }</th> }) }
                        <th scope="col">{ if props.by_test { html! { "test error" } } else { html! { <>{ "CV error (mean ± " }<abbr title="standard deviation">{ "sd" }</abbr>{ ")" }</> } } }</th>
                    </tr>
                </thead>
                <tbody>
                    { for props.rows.iter().enumerate().map(|(i, (values, mean, sd))| {
                        let best = props.best == Some(i);
                        // The mean, then "± sd" in a box of its own, so a narrow column wraps it
                        // under the mean (helper 55: at 1366 the column was cut off). A test error
                        // has no spread; a diverged trial reads "diverged" alone.
                        let mean_text = error(*mean);
                        let sd_text = (!props.by_test && !diverged(*mean)).then(|| format!("± {}", short(*sd)));
                        html! {
                            <tr id={format!("trial-{}", i + 1)} class={classes!(best.then_some("best"), diverged(*mean).then_some("diverged"))}
                                aria-current={best.then_some("true")}>
                                <td>{ i + 1 }</td>
                                { for values.iter().map(|v| html! { <td class="value">{ v.clone() }</td> }) }
                                <td class="cv">{ mean_text }
                                    if let Some(sd) = sd_text { { " " }<span class="sd">{ sd }</span> }
                                    if best { <span class="tag">{ if props.done { " best" } else { " best so far" } }</span> }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
        if !props.by_test {
            <p class="help" id="trials-sd">{ SD }</p>
        }
        </>
    }
}
