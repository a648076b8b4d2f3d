//! The page of the plane labs (the Classification and the Neural-network lab) and its thin
//! adapter around the pure reducer in `state::plane`: link sync (hand-placed points beyond what a link carries go to the browser's
//! storage), the shared training loop, and the layout.

use super::challenge_bar::{drawer_line, echo, ChallengeBar};
use super::chart::{Chart, ChartInput};
use super::class_parameters::ClassParameters;
use super::confusion::Confusion;
use super::controls::{Controls, SeedControl};
use super::diagnosis::DiagnosisBox;
use super::hyper_panel::HyperPanel;
use super::kept::use_kept_reducer;
use super::lab_props::LabProps;
use super::model_file::{file_callbacks, ModelFile};
use super::notices::Notices;
use super::playback::{paced, Playback};
use super::point_tools::PointTools;
use super::region_chart::RegionChart;
use super::shortcuts::use_shortcuts;
use super::store::use_relay;
use super::throttle::{use_frames_since_stop, use_throttled};
use super::training::{shown_rate, sweep_pacing, training_pacing, use_frame_loop};
use super::validation::Validation;
use super::verdict_chip::VerdictChip;
use crate::classroom::figures::Figures;
use crate::data::classification::CLASS_NAMES;
use crate::format::{count, log_loss, percent, r_squared, short, thousands};
use crate::ml::history::Record;
use crate::ml::mlp::parameter_count;
use crate::ml::model::Model;
use crate::ml::plane_model::PlaneModel;
use crate::ml::tree::Criterion;
use crate::state::action::Action;
use crate::state::choice::{Bootstrap, ModelKind};
use crate::state::plane::{PlaneLab, MAX_CUSTOM_POINTS, SWEEP_EPOCHS};
use crate::state::spec::{Group, Key};
use crate::state::sweep::sweep_keys;
use crate::state::table::frames_per_step;
use crate::state::url;
use crate::web;
use std::rc::Rc;
use yew::prelude::*;

/// Where hand-placed points live when a link cannot carry them.
const STORAGE_KEY: &str = "paramlab.points";

/// The link's points, or, when it has none and the dataset is hand-placed, the browser's.
fn initial_state(props: &LabProps) -> PlaneLab {
    let (mut config, mut notices) = (props.config.clone(), props.notices.clone());
    if config.is_custom() && config.custom.is_empty() {
        let (stored, unreadable) = web::stored(STORAGE_KEY)
            .map(|text| url::parse_points(&text, MAX_CUSTOM_POINTS))
            .unwrap_or_default();
        notices.extend(url::stored_points_note(stored.len(), unreadable));
        config.custom = stored;
    }
    PlaneLab::new(config, notices)
}

/// Least time between two redraws of the loss and error charts while an ensemble grows at full
/// speed (ms): a tree comes every frame then, and each redrawn canvas costs the browser 1–2 ms to
/// hand to the compositor (BENCHMARKS.md, session 9), which made frames late.
const ENSEMBLE_CHARTS_MS: f64 = 100.0;

#[component]
pub fn ClassificationLab(props: &LabProps) -> Html {
    let state = use_kept_reducer(props.config.lab, props.generation, &props.kept, || {
        let state = initial_state(props);
        if props.play {
            state.show_me()
        } else {
            state
        }
    });
    // A challenge's starting configuration, read from its link once, not on every frame.
    let start = use_memo(props.challenge, |c| c.map(|c| c.start_config()));
    let dispatch = {
        let d = state.dispatcher();
        Callback::from(move |a| d.dispatch(a))
    };

    // The link holds the configuration; points placed here go to storage too, so a reload keeps
    // them even when there are too many for the link. Points that came with the link are not
    // stored: opening someone's link must not erase the points saved in this browser.
    // Points that came with the link stay in it, however many, until they change.
    let opened_with = use_memo((), |_| state.config.custom.clone());
    let as_opened = !opened_with.is_empty() && state.config.custom == *opened_with;
    let on_query = props.on_query.clone();
    {
        let opened_with = opened_with.clone();
        use_effect_with(state.config.clone(), move |config| {
            let changed = config.custom != *opened_with;
            on_query.emit(if changed {
                url::encode(config)
            } else {
                url::encode_with_all_points(config)
            });
            if config.is_custom() && changed {
                web::store(STORAGE_KEY, &url::points_text(&config.custom));
            }
        });
    }

    let model = state.config.model();
    // A tree's level every half second, an ensemble's tree every fifth (as Speed's help says).
    let frames_per_tick = frames_per_step(model);
    let epochs_per_second = shown_rate(
        use_frame_loop(
            state.running,
            training_pacing(state.config.speed(), frames_per_tick),
            dispatch.clone(),
        ),
        state.running,
        state.model.steps(),
    );

    // An ensemble grown at full speed is finished within a second or so: the validation curve's
    // sweep waits for it instead of sharing its frames (both in one frame made it miss frames).
    let full_speed_ensemble =
        state.config.speed().is_none() && matches!(model, ModelKind::Forest | ModelKind::Boosting);
    let ensemble_at_full_speed = state.running && full_speed_ensemble;
    use_frame_loop(
        !state.sweep.is_done() && !ensemble_at_full_speed,
        sweep_pacing(),
        dispatch.clone(),
    );
    use_shortcuts(dispatch.clone());
    let on_focus = use_relay(state.dispatcher(), Action::Focus);
    let on_set = use_relay(state.dispatcher(), |(key, pos): (Key, usize)| {
        Action::Set(key, pos)
    });
    let on_seed = use_relay(state.dispatcher(), Action::SetSeed);
    let on_dismiss = use_relay(state.dispatcher(), |()| Action::DismissNotices);
    let on_add = use_relay(state.dispatcher(), |(x1, x2)| Action::AddPoint(x1, x2));
    let on_remove = use_relay(state.dispatcher(), |(x1, x2)| Action::RemoveNearest(x1, x2));
    let config = state.config.clone();
    // Boosting on three classes grows one tree per class each round: its steps are rounds
    // (helper 55 read "Trees 50" beside "50 rounds, 150 trees").
    let per_round = match &*state.model {
        PlaneModel::Boosting(b) if b.outputs() > 1 => Some(b.outputs()),
        _ => None,
    };
    let (step_name, step_axis, rate_label) = match model {
        ModelKind::Tree => ("Depth", "depth", "Levels / s"),
        ModelKind::Boosting if per_round.is_some() => ("Rounds", "rounds", "Rounds / s"),
        ModelKind::Forest | ModelKind::Boosting => ("Trees", "trees", "Trees / s"),
        _ => ("Epoch", "epoch", "Epochs / s"),
    };
    // The speed in this model's steps, every `frames_per_tick` frames: a tree's levels and an
    // ensemble's trees, so each can be watched.
    let step_names = match model {
        ModelKind::Tree => Some(("level", "levels")),
        ModelKind::Boosting if per_round.is_some() => Some(("round", "rounds")),
        ModelKind::Forest | ModelKind::Boosting => Some(("tree", "trees")),
        _ => None,
    };
    // (k-NN has no steps: "1 epoch / frame" named a unit it does not have; helper 80.)
    let speed_text = match model {
        ModelKind::Knn => Some("no steps to pace".into()),
        _ => (step_names.zip(config.speed()))
            .map(|((one, many), n)| paced(n, one, many, frames_per_tick)),
    };
    // An ensemble with all its trees has nothing left to train: Play and Step say so.
    let trees = config.number(Key::Trees) as u64;
    let complete: Option<AttrValue> = match model {
        ModelKind::Forest | ModelKind::Boosting if state.model.steps() >= trees => Some(
            format!(
                "{}: Play and Step have nothing left to add. Raise Number of trees to grow more \
                 (the trees grown are kept), or Reset.",
                match per_round {
                    Some(k) if trees == 1 => {
                        format!("Its one round is grown ({k} trees, one per class)")
                    }
                    Some(k) =>
                        format!("All {trees} rounds are grown, {k} trees each (one per class)"),
                    None if trees == 1 => "Its one tree is grown".to_string(),
                    None => format!("All {trees} trees are grown"),
                }
            )
            .into(),
        ),
        _ => None,
    };
    // Hand-placed data too small to split: nothing to learn from or nothing to test on.
    let (no_train, no_test) = (state.data.train.is_empty(), state.data.test.is_empty());
    let complete = complete.or_else(|| {
        (no_train || no_test).then(|| {
            "Place at least two points: one trains the model and one tests it. Until then Play and \
             Step have nothing to do."
                .into()
        })
    });
    let regression = state.data.values.is_some();
    // k-NN has no training steps to count (its "Epoch 0" said nothing).
    let mut stats = match model {
        ModelKind::Knn => vec![],
        _ => vec![(step_name, "epoch", thousands(state.model.steps()))],
    };
    let (train, test) = (&state.train_score, &state.test_score);
    // A score of no points is no score: "—", not 0 %.
    let or_none = |none: bool, figure: String| if none { "—".to_string() } else { figure };
    // A model with nothing to predict with yet (a forest of no trees: every point a tie) has
    // no accuracy or confusion matrix; its log-loss is a score ([`Model::predicts`]).
    let unvoted = !state.model.predicts();
    match (train.accuracy, test.accuracy) {
        (Some(train_acc), Some(test_acc)) => stats.extend([
            (
                "Train accuracy",
                "train-acc",
                or_none(no_train || unvoted, percent(train_acc)),
            ),
            (
                "Test accuracy",
                "test-acc",
                or_none(no_test || unvoted, percent(test_acc)),
            ),
            (
                "Train log-loss",
                "train-loss",
                or_none(no_train, log_loss(train.loss)),
            ),
            (
                "Test log-loss",
                "test-loss",
                or_none(no_test, log_loss(test.loss)),
            ),
        ]),
        _ => stats.extend([
            (
                "Train MSE",
                "train-mse",
                or_none(no_train, short(train.loss)),
            ),
            ("Test MSE", "test-mse", or_none(no_test, short(test.loss))),
        ]),
    }
    // (As the Regression lab shows it: helper 47 missed it on the network's surfaces.)
    if let Some(values) = &state.data.values {
        let r2 = or_none(no_test, r_squared(test.loss, &values.test));
        stats.push(("Test R²", "test-r2", r2));
    }
    if let PlaneModel::Forest(f) = &*state.model {
        // No out-of-bag votes: without bootstrap every tree sees every point; with it, before
        // the first tree (or while every tree's sample happened to hold every point).
        let why = if config.choice::<Bootstrap>(Key::Bootstrap) == Bootstrap::Off {
            "— (needs Bootstrap on)"
        } else if state.model.steps() == 0 {
            "— (no tree yet)"
        } else {
            "— (no point left out yet)"
        };
        let oob = f.oob_error().map_or_else(|| why.to_string(), percent);
        stats.push(("Out-of-bag error", "oob", oob));
    }
    if let Some((zeros, total)) = state.zero_weights() {
        stats.push((
            "Exactly zero (L1)",
            "zero-weights",
            format!("{zeros} of {total} weights"),
        ));
    }
    // The loss over training: mean squared error for a regression set, else log-loss.
    let loss = if regression { "MSE" } else { "log-loss" };
    let model_rc = state.model.clone();
    let criterion: Criterion = config.choice(Key::Criterion);
    // While a big network trains, its diagram (one SVG line per weight) is redrawn every few
    // frames only: about 100 links per frame.
    // While an ensemble grows at full speed, its panel (the newest tree as rules, its own map)
    // waits until growth stops: a tree comes every frame then, faster than anyone reads one, the
    // whole growth takes about a second, and laying out the first tree's rules made the first
    // frame after Play late (and each later update one in the middle). When training stops, the plot's full-resolution map comes one frame later, an
    // ensemble's loss and error charts two and the panel three (the rules of a depth-4 tree are
    // 130 elements to lay out): the frame that adds the last tree stays as light as the others.
    let since_stop = use_frames_since_stop(state.running, 3);
    let map_running = since_stop < 1;
    let panel_running = since_stop < 3;
    // At a set speed the trees come a fifth of a second apart (`frames_per_step`): the panel
    // follows each at once.
    let panel_every_ms = match state.config.speed() {
        None => f64::INFINITY,
        Some(_) => 0.0,
    };
    let ensemble_version = use_throttled(state.version, panel_running, panel_every_ms);
    let parameters_version = match (&*state.model, panel_running) {
        (PlaneModel::Mlp(m), true) => state.version / (m.params().len() as u64 / 100).max(1),
        (PlaneModel::Forest(_) | PlaneModel::Boosting(_), true) => ensemble_version,
        _ => state.version,
    };
    // The charts' curves, redrawn at most every ENSEMBLE_CHARTS_MS while an ensemble grows at
    // full speed (the map and the scores above follow every tree), and in full two frames after
    // the last tree (with it, they made its frame late); else on every change.
    let charts_version = use_throttled(state.version, ensemble_at_full_speed, ENSEMBLE_CHARTS_MS);
    let charts_settling = full_speed_ensemble && since_stop < 2;
    let curves = use_mut_ref(|| -> (Rc<[Record]>, Rc<[Record]>) { (Rc::from([]), Rc::from([])) });
    if !charts_settling || (ensemble_at_full_speed && charts_version == state.version) {
        *curves.borrow_mut() = (
            state.history.records().into(),
            state.errors.records().into(),
        );
    }
    let (loss_curve, error_curve) = curves.borrow().clone();
    let zero_error = crate::plot::loss::Frame::of(&error_curve).draws_zero();
    let custom = config.is_custom();
    let overflow = custom && !config.custom.is_empty() && !url::links_points(&config) && !as_opened;
    let too_few = custom && (no_train || no_test);
    let idle = match (&*state.model, too_few) {
        (_, true) => {
            "Click the plot to place points (at least two); pick each point's class below."
        }
        _ if state.data.one_class() && custom => {
            "No verdict: every training point is of one class, so a model that always answers it \
             gets them all right and there is nothing to learn. Place points of another class too \
             (pick it under the plot)."
        }
        _ if state.data.one_class() => {
            "No verdict: every training point is of one class, so a model that always answers it \
             gets them all right and there is nothing to learn. Raise the number of points or the \
             training fraction."
        }
        (PlaneModel::Knn(_), _) => "Add data to see a verdict.",
        _ => "Press play or step: the verdict appears once training starts.",
    };

    // A challenge under way is checked on every change.
    let challenge = props
        .challenge
        .zip(start.as_ref().as_ref())
        .map(|(c, start)| {
            let figures = Figures::plane(&state);
            (
                c,
                c.status_in_view(start, &state.config, &figures, &props.hidden),
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
    let diagnosis = if too_few { None } else { state.diagnosis() };
    html! {
        <>
            <Notices notices={state.notices.clone()} {on_dismiss} />
            { for challenge }
            <main class="lab">
                <div class="column settings">
                    <HyperPanel title="Hyperparameters" tag="you set these" diverged={state.divergence.is_some()} challenge={in_drawer}>
                        <Controls group={Group::Hyperparameter} config={config.clone()} on_set={on_set.clone()} on_focus={on_focus.clone()} train_size={Some(state.data.train.len())} slight={state.slight_effects().to_vec()} />
                        if model == ModelKind::Mlp {
                            <p class="param-count" id="param-count">{ parameter_sentence(&config, state.data.classes) }</p>
                        }
                    </HyperPanel>
                    <section class="panel data" aria-labelledby="data-title">
                        <h2 id="data-title">{ "Data" }{ super::heading_tag("the experiment, not the model") }</h2>
                        <Controls group={Group::Data} config={config.clone()} on_set={on_set.clone()} />
                        <SeedControl seed={config.seed} {on_seed} />
                    </section>
                </div>
                <div class="column plots">
                    <section class="panel" aria-labelledby="plane-title">
                        // The chip after the heading, for a reader; beside it on screen, in one row whose
                        // height no title changes (a long one is cut short, not wrapped under).
                        <div class="plot-head">
                            <h2 id="plane-title">{ if regression { "Data and the predicted surface" } else { "Data and decision regions" } }</h2>
                            <VerdictChip diagnosis={diagnosis.clone()} diverged={state.divergence.is_some()} />
                        </div>
                        <RegionChart data={state.data.clone()} model={model_rc.clone()} version={state.version} editable={custom} running={map_running} {on_add} {on_remove} />
                        // Under the plot it acts on (on a phone the Data panel is far below it).
                        if custom {
                            <PointTools brush={state.lab.brush} count={config.custom.len()} {overflow} dispatch={dispatch.clone()} />
                        }
                        <ul class="legend" aria-hidden="true">
                            <li><span class="key model">{ "●" }</span>{ "training points" }</li>
                            <li><span class="key model">{ "▲" }</span>{ "test points" }</li>
                            if regression {
                                <li class="aside">{ "colour: the number to predict (blue above zero, orange below, white at zero); background: the network's prediction" }</li>
                            } else {
                                <li class="aside">{ format!("colour: class ({}); background: the model's prediction, paler where unsure", CLASS_NAMES[..state.data.classes.min(CLASS_NAMES.len())].join(", ")) }</li>
                            }
                        </ul>
                        <Playback running={state.running} {stats} config={config.clone()} {epochs_per_second} {rate_label} {complete} {speed_text} on_action={dispatch.clone()} on_set={on_set.clone()}
                            reset_same={model == ModelKind::Mlp} />
                        <DiagnosisBox {diagnosis} divergence={state.divergence.clone()} idle={idle} />
                    </section>
                    // The test set's confusion matrix is a score: hidden with the scores (k-NN's
                    // panel holds nothing else), the curves with the loss.
                    <section class="panel" data-panel={if model == ModelKind::Knn { "scores" } else { "loss" }} aria-labelledby="score-title">
                        <h2 id="score-title">{ "Scores" }</h2>
                        if !regression {
                            <div data-panel="scores"><Confusion matrix={state.test_score.confusion.clone()} {unvoted} /></div>
                        }
                        if model != ModelKind::Knn {
                            <Chart input={ChartInput::Loss(loss_curve, loss, step_axis)} id="loss-chart"
                                label={format!("Training and test {loss} against training step, log scale; current values are shown as text above.")} />
                            if super::chart::no_history(state.history.records(), state.model.steps()) {
                                <p class="help" id="no-history">{ super::chart::NO_HISTORY }</p>
                            }
                            <ul class="legend" aria-hidden="true">
                                <li><span class="key train">{ "━" }</span>{ format!("training {loss}") }</li>
                                <li><span class="key test">{ "╍" }</span>{ format!("test {loss} (dashed)") }</li>
                            </ul>
                        }
                        if model != ModelKind::Knn && !regression {
                            <Chart input={ChartInput::Loss(error_curve, "error rate", step_axis)} id="error-chart"
                                label="Training and test error rate (1 − accuracy) against training step, log scale; current accuracies are shown as text above." />
                            <ul class="legend" aria-hidden="true">
                                <li><span class="key train">{ "━" }</span>{ "training error rate" }</li>
                                <li><span class="key test">{ "╍" }</span>{ "test error rate (dashed)" }</li>
                            </ul>
                            if zero_error {
                                <p class="help" id="error-zero-note">{ "An error rate of 0 is drawn on the bottom edge, labelled 0: a log scale has no zero." }</p>
                            }
                        }
                    </section>
                    <Validation sweep={state.sweep.clone()} config={config.clone()} keys={sweep_keys(&config)} log_y={regression}
                        method={validation_method(model)} outrun={state.curve_outrun().map(AttrValue::from)} dispatch={dispatch.clone()} challenge={echo} />
                </div>
                <div class="column learned">
                    <section class="panel params" data-panel="parameters" aria-labelledby="params-title">
                        <h2 id="params-title">{ "Parameters" }{ super::heading_tag("learned from data") }</h2>
                        <ClassParameters model={model_rc} version={parameters_version} classes={state.data.classes} {criterion} />
                        <ModelFile {on_save} {on_data_csv} {on_parameters_csv} on_load={props.on_load.clone()}
                            no_parameters={model == ModelKind::Knn} />
                    </section>
                </div>
            </main>
        </>
    }
}

/// "2 hidden layers (4, 2 neurons) → 28 parameters: 20 weights + 8 biases".
fn parameter_sentence(config: &crate::state::config::Config, classes: usize) -> String {
    let hidden = config.hidden_layers();
    let inputs = config.mlp_architecture().inputs().count();
    let (weights, biases) = parameter_count(inputs, &hidden, classes);
    let layers = match hidden.len() {
        0 => "No hidden layer".to_string(),
        1 => format!("1 hidden layer ({})", count(hidden[0], "neuron", "neurons")),
        n => {
            let each: Vec<String> = hidden.iter().map(|h| h.to_string()).collect();
            format!("{n} hidden layers ({} neurons)", each.join(", "))
        }
    };
    let outputs = if classes == 1 {
        "1 output".to_string()
    } else {
        format!("{classes} outputs")
    };
    format!(
        "{layers}, {}, {outputs} → {}: {} + {}",
        count(inputs, "input", "inputs"),
        count(weights + biases, "parameter", "parameters"),
        count(weights, "weight", "weights"),
        count(biases, "bias", "biases"),
    )
}

fn validation_method(model: ModelKind) -> String {
    match model {
        ModelKind::Knn => "Each point: k-NN with that value on the current training points.".into(),
        ModelKind::Tree => "Each point: a tree grown to completion with that value.".into(),
        ModelKind::Forest | ModelKind::Boosting => {
            "Each point: a fresh ensemble with that value, every tree grown, your other settings.".into()
        }
        ModelKind::Mlp => format!(
            "Each point: a fresh network from the same initialization seed, trained {} epochs with your other settings.",
            SWEEP_EPOCHS
        ),
        ModelKind::Logistic => format!(
            "Each point: a fresh model trained {} epochs from zero with your other settings.",
            SWEEP_EPOCHS
        ),
    }
}
