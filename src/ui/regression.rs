//! The Regression lab page and the thin adapter between Yew and the pure reducer: it writes the
//! link back as controls move and drives training from animation frames.

use super::challenge_bar::{drawer_line, echo, ChallengeBar};
use super::chart::{Chart, ChartInput};
use super::controls::{Controls, SeedControl};
use super::diagnosis::DiagnosisBox;
use super::hyper_panel::HyperPanel;
use super::kept::use_kept_reducer;
use super::lab_props::LabProps;
use super::model_file::{file_callbacks, ModelFile};
use super::notices::Notices;
use super::parameters::Parameters;
use super::playback::Playback;
use super::shortcuts::use_shortcuts;
use super::store::use_relay;
use super::training::{shown_rate, sweep_pacing, training_pacing, use_frame_loop};
use super::validation::Validation;
use super::verdict_chip::VerdictChip;
use crate::classroom::figures::Figures;
use crate::data::regression::Point;
use crate::format::{r_squared, short, thousands};
use crate::ml::metrics::mse;
use crate::ml::model::Model;
use crate::state::action::Action;
use crate::state::regression::{RegressionLab as State, SWEEP_EPOCHS};
use crate::state::spec::{Group, Key, Lab};
use crate::state::sweep::sweep_keys;
use crate::state::tuning::learning_rate_search;
use crate::state::url;
use yew::prelude::*;

#[component]
pub fn RegressionLab(props: &LabProps) -> Html {
    let state = use_kept_reducer(Lab::Regression, props.generation, &props.kept, || {
        let state = State::new(props.config.clone(), props.notices.clone());
        if props.play {
            state.show_me()
        } else {
            state
        }
    });
    // A challenge's starting configuration, read from its link once, not on every frame.
    let start = use_memo(props.challenge, |c| c.map(|c| c.start_config()));
    // The link always holds the whole configuration.
    let on_query = props.on_query.clone();
    use_effect_with(state.config.clone(), move |config| {
        on_query.emit(url::encode(config))
    });
    let dispatch = {
        let d = state.dispatcher();
        Callback::from(move |a| d.dispatch(a))
    };
    let epochs_per_second = shown_rate(
        use_frame_loop(
            state.running,
            training_pacing(state.config.speed(), 1),
            dispatch.clone(),
        ),
        state.running,
        state.model.steps(),
    );
    use_frame_loop(!state.sweep.is_done(), sweep_pacing(), dispatch.clone());
    use_shortcuts(dispatch.clone());
    // The same callbacks from render to render: the controls are not rendered again on every
    // tick while the model trains.
    let on_focus = use_relay(state.dispatcher(), Action::Focus);
    let on_set = use_relay(state.dispatcher(), |(key, pos): (Key, usize)| {
        Action::Set(key, pos)
    });
    let on_seed = use_relay(state.dispatcher(), Action::SetSeed);
    let on_dismiss = use_relay(state.dispatcher(), |()| Action::DismissNotices);
    let config = state.config.clone();
    let test_targets: Vec<f64> = state.data.test.iter().map(|p| p.y).collect();
    let stats = vec![
        ("Epoch", "epoch", thousands(state.model.steps())),
        // (The error alone: under a penalty the objective adds λ·Σw², which the loss chart's
        // note and the verdict speak of.)
        ("Train MSE", "train-loss", short(state.train_score.loss)),
        ("Test MSE", "test-loss", short(state.test_score.loss)),
        (
            "Test R²",
            "test-r2",
            r_squared(state.test_score.loss, &test_targets),
        ),
    ];
    let mut stats = stats;
    if let Some((zeros, total)) = state.zero_weights() {
        stats.push((
            "Exactly zero (L1)",
            "zero-weights",
            // The intercept w₀ is not penalized: the count is of the weights beside it.
            format!("{zeros} of the {total} weights beside w₀"),
        ));
    }

    // A challenge under way is checked on every change.
    let challenge = props
        .challenge
        .zip(start.as_ref().as_ref())
        .map(|(c, start)| {
            (
                c,
                c.status_in_view(
                    start,
                    &state.config,
                    &Figures::regression(&state),
                    &props.hidden,
                ),
            )
        });
    let echo = challenge
        .as_ref()
        .and_then(|(c, status)| echo(c, status, state.sweep.key));
    let in_drawer = challenge.as_ref().map(|(_, status)| drawer_line(status));
    let challenge = challenge.map(|(c, status)| {
        html! { <ChallengeBar challenge={c} {status} on_restart={props.on_restart.clone()} on_leave={props.on_leave.clone()} on_look={props.on_look.clone()} /> }
    });
    let (on_save, on_data_csv, on_parameters_csv) = file_callbacks(&state);
    let diagnosis = state.diagnosis();
    html! {
        <>
            <Notices notices={state.notices.clone()} {on_dismiss} />
            { for challenge }
            <main class="lab">
                <div class="column settings">
                    <HyperPanel title="Hyperparameters" tag="you set these" diverged={state.divergence.is_some()} challenge={in_drawer}>
                        <Controls group={Group::Hyperparameter} config={config.clone()} on_set={on_set.clone()} on_focus={on_focus.clone()} train_size={Some(state.data.train.len())}
                            slight={state.slight_effects().to_vec()} />
                    </HyperPanel>
                    <section class="panel data" aria-labelledby="data-title">
                        <h2 id="data-title">{ "Data" }{ super::heading_tag("the experiment, not the model") }</h2>
                        <Controls group={Group::Data} config={config.clone()} on_set={on_set.clone()} />
                        <SeedControl seed={config.seed} {on_seed} />
                    </section>
                </div>
                <div class="column plots">
                    <section class="panel" aria-labelledby="fit-title">
                        // The chip after the heading, for a reader; beside it on screen, in one row whose
                        // height no title changes (a long one is cut short, not wrapped under).
                        <div class="plot-head">
                            <h2 id="fit-title">{ "Data and fitted curve" }</h2>
                            <VerdictChip diagnosis={diagnosis.clone()} diverged={state.divergence.is_some()} />
                        </div>
                        <Chart input={ChartInput::Fit(state.data.clone(), state.model.model().clone())} id="fit-chart"
                            label="Scatter plot of training points (filled circles) and test points (triangles) with the fitted curve; the x beyond the training points is shaded, and arrowheads on the top and bottom edges mark where the curve leaves the frame." />
                        <ul class="legend" aria-hidden="true">
                            <li><span class="key train">{ "●" }</span>{ "training points (used to fit)" }</li>
                            <li><span class="key test">{ "▲" }</span>{ "test points (held out)" }</li>
                            <li><span class="key model">{ "━" }</span>{ "fitted curve" }<span class="aside">{ " (arrowheads on the edges: it runs off the chart there)" }</span></li>
                            <li><span class="key beyond"></span>{ "shaded: no training points there" }</li>
                        </ul>
                        <Playback running={state.running} stats={stats} config={config.clone()} {epochs_per_second} on_action={dispatch.clone()} on_set={on_set.clone()} />
                        <DiagnosisBox {diagnosis} divergence={state.divergence.clone()}
                            search={state.divergence.as_ref().and_then(|_| learning_rate_search(&config)).map(|c| AttrValue::from(format!("?{}", url::encode(&c))))}
                            idle="Press play or step: the verdict appears once training starts." />
                    </section>
                    <section class="panel" data-panel="loss" aria-labelledby="loss-title">
                        <h2 id="loss-title">{ "Loss over training" }</h2>
                        <Chart input={ChartInput::Loss(state.history.records().into(), "MSE", "epoch")} id="loss-chart"
                            label="Training and test mean squared error against epoch, log scale; current values are shown as text above." />
                        if super::chart::no_history(state.history.records(), state.model.steps()) {
                            <p class="help" id="no-history">{ super::chart::NO_HISTORY }</p>
                        }
                        <ul class="legend" aria-hidden="true">
                            <li><span class="key train">{ "━" }</span>{ "training loss" }</li>
                            <li><span class="key test">{ "╍" }</span>{ "test loss (dashed)" }</li>
                        </ul>
                    </section>
                    <Validation sweep={state.sweep.clone()} config={config.clone()} keys={sweep_keys(&config)} log_y={true}
                        method={format!("Each point: a fresh model trained {} epochs from zero with your other settings.", SWEEP_EPOCHS)}
                        outrun={state.curve_outrun().map(AttrValue::from)} {dispatch} challenge={echo} />
                </div>
                <div class="column learned">
                    <section class="panel params" data-panel="parameters" aria-labelledby="params-title">
                        <h2 id="params-title">{ "Parameters" }{ super::heading_tag("learned from data") }</h2>
                        <Parameters model={state.model.model().clone()} rms={rms(&state.data.train)} />
                        <ModelFile {on_save} {on_data_csv} {on_parameters_csv} on_load={props.on_load.clone()} />
                    </section>
                </div>
            </main>
        </>
    }
}

/// Root mean square of the targets (it fixes the weights' bar axis).
fn rms(points: &[Point]) -> f64 {
    mse(std::iter::repeat(0.0), points.iter().map(|p| p.y)).sqrt()
}
