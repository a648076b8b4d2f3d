//! The validation-curve panel: a select for the hyperparameter (focusing a control chooses it
//! too), the curve, and what it was computed from — and, where fold models diverged, which values
//! and why (no error is drawn or listed for them).

use super::chart::{Chart, ChartInput};
use crate::format::{error, percent};
use crate::plot::validation::value_at;
use crate::plot::validation::Curve;
use crate::state::action::Action;
use crate::state::config::Config;
use crate::state::spec::{display_value, format_value, Key};
use crate::state::sweep::{curve_ends, divergence_note, Sweep};
use crate::web;
use web_sys::{HtmlCanvasElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ValidationProps {
    pub sweep: Sweep,
    pub config: Config,
    /// The keys this lab and model can sweep.
    pub keys: Vec<Key>,
    /// Mean squared error on a log axis (regression) or error rate (classification).
    pub log_y: bool,
    /// How each point is trained, in words.
    pub method: AttrValue,
    /// Said when the model on the page has trained far longer than the curve's models.
    #[prop_or_default]
    pub outrun: Option<AttrValue>,
    pub dispatch: Callback<Action>,
    /// A challenge's status, where its goal reads this curve ([`super::challenge_bar::echo`]).
    #[prop_or_default]
    pub challenge: Option<AttrValue>,
}

#[component]
pub fn Validation(props: &ValidationProps) -> Html {
    // (A chart removed under the pointer never hears it leave.)
    use_effect_with((), |_| || crate::web::pointing_at_curve(false));
    let sweep = &props.sweep;
    let keys = props.keys.clone();
    let d = props.dispatch.clone();
    let onchange = Callback::from(move |e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        if let Some(key) = select
            .value()
            .parse::<usize>()
            .ok()
            .and_then(|i| keys.get(i))
        {
            d.emit(Action::Focus(*key));
        }
    });
    // A click on the chart sets the control to the value under it, as its slider would: a
    // learner reading the curve tries a value where it is read (the slider may be a screen
    // away; the slider stays the way by keyboard).
    let on_pick = {
        let (d, key, positions) = (props.dispatch.clone(), sweep.key, sweep.positions.clone());
        Callback::from(move |e: MouseEvent| {
            let Some(canvas) = e.target_dyn_into::<HtmlCanvasElement>() else {
                return;
            };
            // (The chart stays under the pointer by scroll anchoring: `pointing_at_curve`.)
            web::hold_height();
            let css = f64::from(canvas.client_width());
            if css <= 0.0 {
                return;
            }
            let ratio = f64::from(canvas.width()) / css;
            let scale = web::device_pixel_ratio() * web::text_zoom();
            let x = f64::from(e.offset_x()) * ratio;
            let at = value_at(f64::from(canvas.width()), scale, positions.len(), x);
            if let Some(&pos) = at.and_then(|i| positions.get(i)) {
                d.emit(Action::Set(key, pos));
            }
        })
    };
    let shown = props.keys.iter().position(|k| *k == sweep.key).unwrap_or(0);
    let node = super::choice::use_select_value(shown.to_string());
    let current = props.config.position(sweep.key);
    // k's curve stops at 50 or at a fold model's training points; a larger k is off it.
    let beyond = match sweep.positions.last() {
        Some(&last) if current > last => format!(
            " The current value, {}, is beyond the curve, which stops at {}.",
            format_value(sweep.key, current),
            format_value(sweep.key, last)
        ),
        _ => String::new(),
    };
    let lowest = sweep.tied_lowest();
    // The table reads as the chart's axis does: error rates in % (helper 87: fractions beside a
    // % axis), mean squared errors as numbers.
    let log_y = props.log_y;
    let number = move |v: f64| {
        if log_y || crate::tune::cv::diverged(v) {
            error(v)
        } else {
            percent(v)
        }
    };
    let curve = Curve {
        labels: sweep
            .positions
            .iter()
            .map(|&p| format_value(sweep.key, p))
            .collect(),
        results: sweep.results.clone(),
        lowest: lowest.clone(),
        current: sweep.positions.iter().position(|&p| p == current),
        ends: curve_ends(sweep.key, props.config.model()),
        log_y: props.log_y,
    };
    let diverged = sweep.diverged().len();
    let progress = if sweep.is_done() && diverged > 0 {
        format!(
            "{} values computed; {diverged} diverged.",
            sweep.results.len()
        )
    } else if sweep.is_done() {
        format!("{} values computed.", sweep.results.len())
    } else if sweep.checking() {
        "Checking how far the curve's epochs get …".to_string()
    } else {
        format!(
            "Computing {} of {} …",
            sweep.results.len() + 1,
            sweep.positions.len()
        )
    };
    let folds = sweep.fold_count();
    let cv_note = if folds == 0 {
        "Too few training points to cross-validate: add points to see the curve.".to_string()
    } else {
        format!(
            "Scored by {folds}-fold cross-validation on the training points: each value is fitted \
             {folds} times, each time leaving one fold out and scoring on it. The test points take \
             no part, so choosing a value here does not peek at the test set."
        )
    };
    html! {
        <section class="panel" data-panel="validation" aria-labelledby="validation-title">
            <h2 id="validation-title">{ "Validation curve" }</h2>
            <div class="control">
                <div class="control-head"><label for="ctl-sweep">{ "Validation curve for" }</label></div>
                <select ref={node} id="ctl-sweep" {onchange}>
                    { for props.keys.iter().enumerate().map(|(i, k)| html! {
                        <option value={i.to_string()} selected={*k == sweep.key}>{ k.spec().label }</option>
                    }) }
                </select>
            </div>
            <div class="curve-pick" onclick={on_pick}
                onpointerenter={Callback::from(|_| crate::web::pointing_at_curve(true))}
                onpointerleave={Callback::from(|_| crate::web::pointing_at_curve(false))}>
                <Chart input={ChartInput::Validation(curve, sweep.key.spec().label)} id="validation-chart"
                    label="Training error and cross-validation error (training points only) across the hyperparameter's range, the current value marked." />
            </div>
            <ul class="legend" aria-hidden="true">
                <li><span class="key train">{ "●━" }</span>{ "training error" }</li>
                <li><span class="key test">{ "▲╍" }</span>{ if folds == 0 { "cross-validation error: none, too few training points".to_string() } else { format!("cross-validation error, {folds} folds (band: ± 1 sd across folds)") } }</li>
                // (Helper 87: "(every value tied there)" read as a riddle. The entry stays while
                // no ring is drawn yet: a legend that came and went moved the chart under the
                // pointer.)
                <li><span class="key model">{ "◯" }</span>{ "lowest cross-validation error (a ring on each value tied for it)" }</li>
                <li><span class="key model">{ "│" }</span>{ "current value: click or tap the chart to move it" }</li>
                if diverged > 0 {
                    <li><span class="key model">{ "✕" }</span>{ "diverged: no error" }</li>
                }
            </ul>
            // The axis counts the feature sets; say what each number holds (helper 55).
            if sweep.key == Key::Features {
                <p class="help" id="validation-features">{ "Features on the axis: 1 is x₁, x₂; 2 adds their squares and product; each next number adds the products of one degree more." }</p>
            }
            if let Some(echo) = &props.challenge {
                <p class="help challenge-echo" id="validation-challenge">{ echo.clone() }</p>
            }
            <p class="help" id="validation-status">{ format!("{progress} {}{beyond}", props.method) }</p>
            if let Some(note) = divergence_note(sweep, &props.config) {
                <p class="help inert-note" id="validation-diverged" role="note">{ note }</p>
            }
            <p class="help" id="validation-cv">{ cv_note }</p>
            if let Some(note) = &props.outrun {
                <p class="help inert-note" id="validation-outrun" role="note">{ note.clone() }</p>
            }
            // Hidden from sight, not from screen readers (a table cannot be clipped itself).
            <div class="visually-hidden">
            <table id="validation-table">
                <caption>{ format!("Validation curve for {}: the numbers drawn", sweep.key.spec().label) }</caption>
                <thead><tr><th scope="col">{ sweep.key.spec().label }</th><th scope="col">{ "training error" }</th>
                    <th scope="col">{ "cross-validation error" }</th><th scope="col">{ "sd across folds" }</th>
                    <th scope="col">{ "lowest cross-validation error" }</th></tr></thead>
                <tbody>
                    { for sweep.results.iter().zip(&sweep.positions).enumerate().map(|(i, (r, &p))| html! {
                        <tr><th scope="row">{ display_value(sweep.key, p) }</th><td>{ number(r.train) }</td>
                            <td>{ number(r.cv.mean) }</td><td>{ if r.diverged() { "—".into() } else { number(r.cv.sd) } }</td>
                            <td>{ if lowest.contains(&i) { "lowest" } else { "" } }</td></tr>
                    }) }
                </tbody>
            </table>
            </div>
            // λ swept without a penalty gives a flat curve: say why.
            if sweep.key == Key::Lambda {
                if let Some(why) = props.config.no_effect(Key::Lambda, usize::MAX) {
                    <p class="help inert-note" id="validation-flat" role="note">{ format!("The curve is flat: λ has no effect here. {why}") }</p>
                }
            }
        </section>
    }
}
