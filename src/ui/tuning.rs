//! The Tuning lab page and the thin adapter between Yew and the pure reducer
//! (`state::tuning`): it writes the link back as controls move, runs the search and the
//! landscape in Web Workers (or, where none start, a few folds per animation frame), and shows the search
//! space, the trials, the folds of the current trial and — once done — the chosen
//! hyperparameters retrained and tested.

use super::challenge_bar::{drawer_line, ChallengeBar};
use super::controls::{Controls, SeedControl};
use super::fold_strip::FoldStrip;
use super::hyper_panel::HyperPanel;
use super::kept::use_kept_reducer;
use super::lab_props::LabProps;
use super::notices::Notices;
use super::picture::{Picture, PictureInput};
use super::playback::{pace_ms, paced};
use super::search_progress::SearchProgress;
use super::search_workers::use_search_workers;
use super::shortcuts::use_shortcuts;
use super::slider::Slider;
use super::throttle::use_throttled;
use super::training::{reveal_pacing, sweep_pacing, training_pacing, use_frame_loop};
use super::trials::{Row, Trials};
use super::tune_result::TuneResult;
use crate::classroom::figures::Figures;
use crate::classroom::saved;
use crate::format::{error, error_spread, short};
use crate::plot::best_so_far::{best_so_far_draws_zero, Compared, STRATEGY_COLOURS};
use crate::plot::landscape::{AxisView, View};
use crate::state::action::Action;
use crate::state::choice::{Choice, StrategyKind};
use crate::state::search_notes::{
    compare_status, diverged_note, fewer_note, landscape_status, loo_note, no_line_note,
    surrogate_note, test_set_note,
};
use crate::state::session::Reduce;
use crate::state::spec::{value_text, Group, Key, Lab};
use crate::state::table::FRAMES_PER_TRIAL;
use crate::state::tie_note::{near_note, same_trees_note, tie_note, unreached_depth_note};
use crate::state::tuning::{by_test, SurrogateView, Tuning, COMPARE_SEEDS, NEGLIGIBLE_IMPROVEMENT};
use crate::state::url;
use crate::tune::code::python;
use crate::tune::cv::first_lowest;
use crate::tune::search::Search;
use crate::tune::space::Scale;
use crate::tune::strategy::Strategy;
use crate::web;
use yew::prelude::*;

#[component]
pub fn TuningLab(props: &LabProps) -> Html {
    let state = use_kept_reducer(Lab::Tuning, props.generation, &props.kept, || {
        // (A question's "Show me" plays the search, one trial at a time at a set speed.)
        let mut state = Tuning::new(props.config.clone(), props.notices.clone());
        if props.play {
            state.apply(Action::Play);
        }
        state
    });
    // The Python of this search: rewritten when the settings change, not on every frame.
    let code = use_memo(state.config.clone(), python);
    // A challenge's starting configuration, read from its link once, not on every frame.
    let start = use_memo(props.challenge, |c| c.map(|c| c.start_config()));
    let on_query = props.on_query.clone();
    use_effect_with(state.config.clone(), move |config| {
        on_query.emit(url::encode(config))
    });
    let dispatch = {
        let d = state.dispatcher();
        Callback::from(move |a| d.dispatch(a))
    };
    // The search and the landscape run in Web Workers; where they cannot, in animation frames.
    // The comparison of the strategies (no training: lookups in the landscape) runs in frames.
    let workers = use_search_workers(&state);
    use_frame_loop(
        state.running && !workers,
        training_pacing(None, 1),
        dispatch.clone(),
    );
    // At a set speed, trials are shown a few at a time, so that a search can be watched.
    use_frame_loop(
        state.running && state.config.speed().is_some(),
        reveal_pacing(FRAMES_PER_TRIAL),
        dispatch.clone(),
    );
    let background = !workers || state.landscape.is_done();
    use_frame_loop(
        background && !state.background_done(),
        sweep_pacing(),
        dispatch.clone(),
    );
    use_shortcuts(dispatch.clone());
    // The same callbacks from render to render, so that the controls (whose settings do not
    // change while a search runs) are not re-rendered after every batch of results.
    let on_set = use_callback(state.dispatcher(), |(key, pos): (Key, usize), d| {
        d.dispatch(Action::Set(key, pos))
    });
    let on_seed = use_callback(state.dispatcher(), |seed, d| {
        d.dispatch(Action::SetSeed(seed))
    });
    let on_dismiss = use_callback(state.dispatcher(), |(), d| {
        d.dispatch(Action::DismissNotices)
    });
    let send = |a: Action| {
        let d = dispatch.clone();
        Callback::from(move |_| d.emit(a.clone()))
    };
    // The pictures change once per trial or landscape row, not per fold, and — while work
    // runs — at most every PICTURE_MS: a redraw of the numbered dots and labels costs 10–40 ms
    // (BENCHMARKS.md, session 7) and batches of results arrive faster than that.
    let row = state.landscape.points.len().min(15);
    let cells_now = if state.landscape.is_done() {
        state.landscape.errors.len()
    } else {
        state.landscape.errors.len() / row.max(1) * row
    };
    let trials_now = state.search.trials().len();
    let busy = state.running || !state.landscape.is_done();
    let (shown_trials, shown_cells) = use_throttled((trials_now, cells_now), busy, PICTURE_MS);
    let view = {
        let s = state.clone();
        let key = (shown_trials, shown_cells, state.config.clone());
        use_memo(key, move |(trials, cells, _)| view(&s, *cells, *trials))
    };

    let config = state.config.clone();
    let search = &state.search;
    let axes: Vec<&'static str> = search
        .space()
        .axes()
        .iter()
        .map(|a| a.key().spec().label)
        .collect();
    let best = best_index(&state);
    let keys: Vec<Key> = search.space().axes().iter().map(|a| a.key()).collect();
    let texts = |values: &[f64]| -> Vec<String> {
        keys.iter()
            .zip(values)
            .map(|(k, v)| value_text(*k, *v))
            .collect()
    };
    let rows: Vec<Row> = search
        .trials()
        .iter()
        .map(|t| (texts(&t.values), t.error.mean, t.error.sd))
        .collect();
    let describe = |values: &[f64]| search.space().describe(values);
    // The fold strip: the trial in progress, else the last one.
    let (strip_errors, strip_caption) = match (&state.in_progress(), search.trials().last()) {
        (Some((request, errors)), _) => (
            errors.clone(),
            format!(
                "Trial {} (training): {}",
                request.index + 1,
                describe(&request.values)
            ),
        ),
        (None, Some(t)) => (
            state.fold_errors.last().cloned().unwrap_or_default(),
            format!("Trial {}: {}", search.trials().len(), describe(&t.values)),
        ),
        (None, None) => (Vec::new(), "No trial yet: press Play or Step.".into()),
    };
    let (held_out, samples) = match &state.folds {
        Ok(f) => (
            (0..f.count()).map(|i| f.validation(i).to_vec()).collect(),
            f.samples(),
        ),
        Err(_) => (Vec::new(), state.split_sizes().0),
    };
    // (Helper 79: leave-one-out's "± sd" larger than its mean, with no word why.)
    let one_point_folds = !held_out.is_empty() && held_out.iter().all(|f| f.len() == 1);
    let budget = search.budget();
    let by_test = by_test(&config);
    let measure = if by_test {
        "test error"
    } else {
        "cross-validated error"
    };
    let done = state.is_done();
    let planned = search.planned();
    // A budget larger than what the space offers: say so before the search runs.
    let why_fewer: Option<AttrValue> = fewer_note(search).map(AttrValue::from);
    // Settings already scored: said only before a search's first trial, once the landscape is
    // done (not counted on every frame of a search).
    let scored = match search.trials().is_empty() && !state.running && state.background_done() {
        true => state.settings_scored(),
        false => 0,
    };
    // Speed counts trials shown, one Reveal every FRAMES_PER_TRIAL frames (60 a second).
    let paced_ms = (config.speed()).map(|n| pace_ms(n, FRAMES_PER_TRIAL));
    let speed_text = Some(match config.speed() {
        Some(n) => paced(n, "trial", "trials", FRAMES_PER_TRIAL),
        None => "max".into(),
    });
    let (toggle_label, toggle) = if state.running {
        ("Pause", Action::Pause)
    } else {
        ("Play", Action::Play)
    };
    // The strategies' comparison, worked out once per render for the chart, its legend and
    // its note.
    let comparison = state.compared();
    let compared: Vec<Compared> = comparison
        .iter()
        .zip(STRATEGY_COLOURS)
        .map(|((kind, curve), colour)| {
            (
                kind.opt().label,
                colour,
                curve.iter().map(|e| e.mean).collect(),
            )
        })
        .collect();
    let best_so_far = search.best_so_far()[..shown_trials].to_vec();
    let best_text = best.map(|b| {
        let t = &search.trials()[b];
        (
            describe(&t.values),
            if by_test {
                error(t.error.mean)
            } else {
                error_spread(t.error)
            },
        )
    });
    let diverged_note = diverged_note(search);
    let nothing_chosen = done && state.outcome.is_none() && state.folds.is_ok();

    // A challenge under way is checked on every change.
    let challenge = (props.challenge.zip(start.as_ref().as_ref())).map(|(c, start)| {
        let figures = Figures::tuning(&state);
        (
            c,
            c.status_in_view(start, &state.config, &figures, &props.hidden),
        )
    });
    let in_drawer = challenge.as_ref().map(|(_, status)| drawer_line(status));
    let challenge = challenge.map(|(c, status)| {
        html! { <ChallengeBar challenge={c} {status} on_restart={props.on_restart.clone()} on_leave={props.on_leave.clone()} on_look={props.on_look.clone()} /> }
    });
    html! {
        <>
            <Notices notices={state.notices.clone()} {on_dismiss} />
            { for challenge }
            <main class="lab tuning">
                <div class="column settings">
                    <section class="panel search" aria-labelledby="search-title">
                        <h2 id="search-title">{ "Search" }{ super::heading_tag("how hyperparameters are chosen") }</h2>
                        <Controls group={Group::Search} config={config.clone()} on_set={on_set.clone()} />
                        if let Some(note) = &state.folds_note { <p class="help inert-note" role="note">{ note.clone() }</p> }
                    </section>
                    <HyperPanel title={config.tuned().map_or("Polynomial regression", |m| m.opt().label)} tag="the other hyperparameters stay as set" handle="Model settings" challenge={in_drawer}>
                        <Controls group={Group::Hyperparameter} config={config.clone()} on_set={on_set.clone()} />
                    </HyperPanel>
                    <section class="panel data" aria-labelledby="data-title">
                        <h2 id="data-title">{ "Data" }{ super::heading_tag("the experiment, not the model") }</h2>
                        <Controls group={Group::Data} config={config.clone()} on_set={on_set.clone()} />
                        <SeedControl seed={config.seed} {on_seed} />
                    </section>
                </div>
                <div class="column plots">
                    <section class="panel" aria-labelledby="space-title">
                        <h2 id="space-title">{ "The search space" }</h2>
                        <Picture input={PictureInput::Landscape(View { best: view.best.filter(|_| !props.hide_best), ..(*view).clone() })} id="landscape-chart"
                            label={format!("The {measure} over the searched hyperparameters (faint), the trials as numbered dots{}; the trials are listed in the table.", if props.hide_best { "" } else { ", the best ringed" })} />
                        if view.draws_zero() {
                            <p class="help" id="landscape-zero-note">{ "An error of 0 is drawn on the bottom edge, labelled 0: a log scale has no zero." }</p>
                        }
                        <p class="help" id="landscape-status">{ landscape_status(&state, measure) }</p>
                        <section class="playback" aria-label="Search">
                            <div class="buttons">
                                // (aria-disabled: see the labs' Playback.)
                                <button type="button" id="play" class="primary" onclick={(!done).then(|| send(toggle))} aria-disabled={done.to_string()}>{ toggle_label }</button>
                                <button type="button" id="step" onclick={(!done).then(|| send(Action::Step))} aria-disabled={done.to_string()}>{ "Step" }</button>
                                <button type="button" id="reset" onclick={send(Action::Reset)}>{ "Reset" }</button>
                            </div>
                            // (Beside the buttons: below the stats it dropped off screen when Play
                            // added Cancel; helper 80.)
                            <Slider key_={Key::Speed} position={config.position(Key::Speed)} on_change={on_set.clone()}
                                value_text={speed_text} help={config.help(Key::Speed)} />
                            <SearchProgress done={search.trials().len()} {planned} {budget} {why_fewer} scored={scored} {paced_ms} running={state.running} finished={done} on_cancel={send(Action::Reset)} />
                            <dl class="stats">
                                <div><dt>{ "Trials" }</dt><dd id="trials-done">{ format!("{} / {planned}", search.trials().len()) }</dd></div>
                                // (Hidden with "Best so far", as the chart of it is.)
                                <div data-panel="loss"><dt>{ "Best so far" }</dt><dd id="best-values">{ best_text.as_ref().map_or("—".into(), |b| b.0.clone()) }</dd></div>
                                <div data-panel="loss"><dt>{ if by_test { "Its test error" } else { "Its CV error" } }</dt><dd id="best-cv">{ best_text.as_ref().map_or("—".into(), |b| b.1.clone()) }</dd></div>
                            </dl>
                        </section>
                        // (Under Play: the next trial's line comes and goes while Bayesian
                        // optimization plays, and above Play it pushed Play off a projector.)
                        if matches!(search.strategy(), Strategy::Bayes(_)) {
                            <p class="help" id="surrogate-note">{ surrogate_note(search.space().dims(), view.top_expected_improvement(), measure) }</p>
                            if let Some(next) = next_trial(search, &view) {
                                <p class="help" id="next-trial">{ next }</p>
                            }
                        }
                        if by_test {
                            <p class="help inert-note" id="test-unlocked" role="note">{ test_set_note(&state) }</p>
                        } else {
                            <p class="help locked" id="test-locked">{ test_set_note(&state) }</p>
                        }
                        if let Err(why) = &state.folds { <p class="help inert-note" role="note">{ why.clone() }</p> }
                    </section>
                    <section class="panel" aria-labelledby="folds-title" data-panel="validation">
                        <h2 id="folds-title">{ "Cross-validation, fold by fold" }</h2>
                        if by_test {
                            <p class="help" id="no-folds">{ "No folds while selecting by the test score: each trial is one model on all the training points, scored on the test points." }</p>
                        } else {
                            <FoldStrip {held_out} {samples} errors={strip_errors} caption={strip_caption} />
                            if one_point_folds {
                                <p class="help" id="loo-note">{ loo_note(&config) }</p>
                            }
                        }
                    </section>
                </div>
                <div class="column learned">
                    if let Some(outcome) = &state.outcome {
                        <TuneResult outcome={outcome.clone()} chosen={describe(&outcome.values)} {by_test} />
                    }
                    if nothing_chosen {
                        <section class="panel result" id="result" aria-labelledby="result-title" data-panel="verdict">
                            <h2 id="result-title">{ "Nothing to choose" }</h2>
                            <p id="all-diverged">{ "Every trial diverged: at each setting tried, a model's training loss exploded. The learning rate is too high for all of them — lower it (or switch to Adam) and search again." }</p>
                        </section>
                    }
                    <section class="panel" aria-labelledby="trials-title" data-panel="scores">
                        <h2 id="trials-title">{ "Trials" }</h2>
                        <Trials axes={axes.clone()} {rows} {best} {by_test} {done} />
                        if let Some(note) = diverged_note {
                            <p class="help inert-note" id="trials-diverged" role="note">{ note }</p>
                        }
                        if let Some(note) = tie_note(search, by_test, state.one_class()) {
                            <p class="help" id="trials-tie" role="note">{ note }{ same_trees_note(&state).unwrap_or_default() }</p>
                        }
                        if let Some(note) = unreached_depth_note(&state) {
                            <p class="help" id="trials-same" role="note">{ note }</p>
                        }
                        if let Some(note) = near_note(&state) {
                            <p class="help" id="trials-near" role="note">{ note }</p>
                        }
                    </section>
                    <section class="panel" aria-labelledby="best-title" data-panel="loss">
                        <h2 id="best-title">{ "Best so far against trials" }</h2>
                        <Picture input={PictureInput::BestSoFar(best_so_far.clone(), compared.clone(), planned.max(shown_trials), view.error)} id="best-chart"
                            label={format!("The lowest {measure} after each trial, this search's and each strategy's mean over seeds.")} />
                        if let Some(note) = no_line_note(&best_so_far, compared.iter().map(|c| &c.2[..])) {
                            <p class="help" id="best-no-line">{ note }</p>
                        }
                        if best_so_far_draws_zero(&best_so_far, &compared) {
                            <p class="help" id="best-zero-note">{ "An error of 0 is drawn on the bottom edge, labelled 0: a log scale has no zero." }</p>
                        }
                        <ul class="legend" aria-hidden="true">
                            <li><span class="key model">{ "━" }</span>{ "this search" }</li>
                            { for comparison.iter().map(|(kind, _)| html! {
                                <li><span class={classes!("key", kind.opt().url)}>{ "╍" }</span>{ match kind {
                                    // Nothing random: every seed runs the same lattice.
                                    StrategyKind::Grid => format!("{}: the same on every seed", kind.opt().label),
                                    _ => format!("{}: mean of {COMPARE_SEEDS} seeds", kind.opt().label),
                                } }</li>
                            }) }
                        </ul>
                        <p class="help" id="compare-status">{ compare_status(&state, &comparison) }</p>
                    </section>
                    <section class="panel" aria-labelledby="code-title">
                        <h2 id="code-title">{ "The same search in Python" }{ super::heading_tag("scikit-learn / Optuna") }</h2>
                        <details>
                            <summary>{ "Show the code an interviewer would expect for this search" }</summary>
                            <pre class="code"><code id="python-code">{ (*code).clone() }</code></pre>
                        </details>
                        <div class="buttons">
                            <button id="data-csv" onclick={Callback::from({
                                let config = state.config.clone();
                                move |_| {
                                    let (file, text) = saved::tuning_data_csv(&config);
                                    web::download_text(&file, "text/csv", &text);
                                }
                            })}>{ "Data as CSV" }</button>
                        </div>
                        <p class="help">{ "The training and test points searched here, as the code reads them." }</p>
                    </section>
                </div>
            </main>
        </>
    }
}

/// Least time between two redraws of the pictures while the search or the landscape runs (ms).
const PICTURE_MS: f64 = 250.0;

/// Where Bayesian optimization's next trial goes, as the picture marks it: "Next trial (largest
/// expected improvement): degree 4, λ 0.001."
fn next_trial(search: &Search, view: &View) -> Option<String> {
    let next = view.next.as_ref()?;
    let axes = search.space().axes().iter();
    let values = axes
        .zip(search.space().values(next))
        .map(|(a, v)| format!("{} {}", a.key().spec().label, value_text(a.key(), v)));
    let top = view.top_candidate_improvement();
    let none = if top < NEGLIGIBLE_IMPROVEMENT {
        // (Helper 98: "it reads the best so far as about the best there is" beside the faint
        // curve of exact errors, lower at k = 3 … 5: a surrogate of few trials can be sure and
        // wrong.)
        format!(" The surrogate expects next to no improvement anywhere (at most {}): fitted to {}, it is sure the best so far is about the best there is, and may be wrong; its pick among such tiny values says little.", short(top), crate::format::count(search.trials().len(), "trial", "trials"))
    } else {
        String::new()
    };
    Some(format!(
        "Next trial (largest expected improvement): {}.{none}",
        values.collect::<Vec<_>>().join(", ")
    ))
}

/// The index of the best trial (the first of equals), as [`crate::tune::search::Search::best`].
fn best_index(state: &Tuning) -> Option<usize> {
    let best = state.search.best()?;
    state
        .search
        .trials()
        .iter()
        .position(|t| std::ptr::eq(t, best))
}

/// The picture's input: the axes, the first `cells` landscape cells, the first `trials` trials
/// (the best of them ringed), and Bayesian optimization's surrogate.
fn view(state: &Tuning, cells: usize, trials: usize) -> View {
    let space = state.search.space();
    let axes = space.axes().iter().map(|a| AxisView {
        label: a.key().spec().label,
        min: a.min(),
        max: a.max(),
        log: a.scale() == Scale::Log,
        integer: a.integer(),
    });
    let ticks = (0..space.dims()).map(|d| {
        let mut t: Vec<f64> = state.landscape.points.iter().map(|p| p[d]).collect();
        t.sort_unstable_by(f64::total_cmp);
        t.dedup();
        t
    });
    let land = state.landscape.points.iter().zip(&state.landscape.errors);
    let shown: Vec<(&[f64], f64)> = state.search.trials()[..trials]
        .iter()
        .map(|t| (t.point.as_slice(), t.error.mean))
        .collect();
    // As `Search::best`: the first of those that tie, never a trial that diverged.
    let means: Vec<f64> = shown.iter().map(|s| s.1).collect();
    let best = first_lowest(&means);
    let per_axis = if space.dims() == 1 { 101 } else { 25 };
    let surrogate = match state.search.strategy() {
        Strategy::Bayes(_) => state.surrogate(per_axis),
        _ => None,
    }
    .unwrap_or(SurrogateView {
        lattice: Vec::new(),
        candidates: Vec::new(),
        next: None,
    });
    View {
        axes: axes.collect(),
        ticks: ticks.collect(),
        cells: land.take(cells).map(|(p, e)| (p.clone(), e.mean)).collect(),
        trials: shown.iter().map(|(p, e)| (p.to_vec(), *e)).collect(),
        best,
        surrogate: (surrogate.lattice.into_iter())
            .map(|(p, m, ei)| (p, m.mean, m.sd, ei))
            .collect(),
        candidates: surrogate.candidates,
        next: surrogate.next,
        error: if by_test(&state.config) {
            "test error"
        } else {
            "CV error"
        },
    }
}
