//! The Regression lab page and the thin adapter between Yew and the pure reducer: it reads the
//! link once, writes it back as controls move, and drives training from animation frames with a
//! time budget per frame.

use super::chart::{Chart, ChartKind};
use super::controls::{Controls, SeedControl};
use super::diagnosis::DiagnosisBox;
use super::notices::Notices;
use super::parameters::Parameters;
use super::playback::Playback;
use super::Shared;
use crate::state::lab::{apply, Action, LabState};
use crate::state::spec::{Group, Key};
use crate::state::url;
use crate::web;
use std::rc::Rc;
use yew::prelude::*;

/// Milliseconds of training per animation frame; the rest of the ~16.7 ms frame is for Yew,
/// drawing and the browser (9 ms missed every few frames on the benchmark machine; 7 ms does not).
const FRAME_BUDGET_MS: f64 = 7.0;

impl Reducible for LabState {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        apply(&mut next, action);
        Rc::new(next)
    }
}

/// How many epochs fit in a frame, learned from the last frames.
#[derive(Default)]
struct Pace {
    epochs_per_ms: f64,
    window_epochs: u64,
    window_start: f64,
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(|| {
        let (config, notices) = url::decode(&web::query());
        LabState::new(config, notices)
    });
    let epochs_per_second = use_state(|| 0.0);
    let pace = use_mut_ref(Pace::default);

    // The link always holds the whole configuration.
    use_effect_with(state.config.clone(), |config| {
        web::replace_query(&url::encode(config))
    });

    // While playing: one Tick per animation frame.
    {
        let dispatcher = state.dispatcher();
        let speed = state.config.speed();
        let eps = epochs_per_second.setter();
        use_effect_with((state.running, speed), move |&(running, speed)| {
            let frames = running.then(|| {
                pace.borrow_mut().window_start = web::now_ms();
                web::FrameLoop::start(move |_| {
                    let mut p = pace.borrow_mut();
                    let affordable = if p.epochs_per_ms > 0.0 {
                        (p.epochs_per_ms * FRAME_BUDGET_MS) as u32
                    } else {
                        1
                    };
                    let epochs = speed
                        .map_or(affordable, |s| s.min(affordable.max(1)))
                        .clamp(1, 1_000_000);
                    let start = web::now_ms();
                    dispatcher.dispatch(Action::Tick(epochs));
                    let took = (web::now_ms() - start).max(0.05);
                    // Smoothed estimate; grows at most 2× per frame so one fast frame cannot overshoot.
                    let measured = epochs as f64 / took;
                    p.epochs_per_ms = if p.epochs_per_ms > 0.0 {
                        (0.7 * p.epochs_per_ms + 0.3 * measured).min(2.0 * p.epochs_per_ms)
                    } else {
                        measured
                    };
                    p.window_epochs += epochs as u64;
                    let elapsed = web::now_ms() - p.window_start;
                    if elapsed >= 500.0 {
                        eps.set(p.window_epochs as f64 * 1000.0 / elapsed);
                        p.window_epochs = 0;
                        p.window_start = web::now_ms();
                    }
                })
            });
            move || drop(frames)
        });
    }

    let on_set = {
        let d = state.dispatcher();
        Callback::from(move |(key, pos): (Key, usize)| d.dispatch(Action::Set(key, pos)))
    };
    let on_seed = {
        let d = state.dispatcher();
        Callback::from(move |seed| d.dispatch(Action::SetSeed(seed)))
    };
    let on_action = {
        let d = state.dispatcher();
        Callback::from(move |a| d.dispatch(a))
    };
    let on_dismiss = {
        let d = state.dispatcher();
        Callback::from(move |()| d.dispatch(Action::DismissNotices))
    };
    let shared = Shared(Rc::new((*state).clone()));
    let config = state.config.clone();

    html! {
        <>
            <header>
                <h1>{ "ParamLab" }<span class="lab-name">{ " · Regression lab" }</span></h1>
                <p class="lede" id="statement">
                    <strong>{ "Parameters" }</strong>{ " are learned from data; " }
                    <strong>{ "hyperparameters" }</strong>{ " are chosen by you before training." }
                </p>
            </header>
            <Notices notices={state.notices.clone()} {on_dismiss} />
            <main class="lab">
                <div class="column settings">
                    <section class="panel hyper" aria-labelledby="hyper-title">
                        <h2 id="hyper-title">{ "Hyperparameters" }<span class="tag">{ "you set these" }</span></h2>
                        <Controls group={Group::Hyperparameter} config={config.clone()} on_set={on_set.clone()} />
                    </section>
                    <section class="panel data" aria-labelledby="data-title">
                        <h2 id="data-title">{ "Data" }<span class="tag">{ "the experiment, not the model" }</span></h2>
                        <Controls group={Group::Data} config={config.clone()} on_set={on_set.clone()} />
                        <SeedControl seed={config.seed} {on_seed} />
                    </section>
                </div>
                <div class="column plots">
                    <section class="panel" aria-labelledby="fit-title">
                        <h2 id="fit-title">{ "Data and fitted curve" }</h2>
                        <Chart kind={ChartKind::Fit} state={shared.clone()} id="fit-chart"
                            label="Scatter plot of training points (filled circles) and test points (triangles) with the fitted curve." />
                        <ul class="legend" aria-hidden="true">
                            <li><span class="key train">{ "●" }</span>{ "training points (used to fit)" }</li>
                            <li><span class="key test">{ "▲" }</span>{ "test points (held out)" }</li>
                            <li><span class="key model">{ "━" }</span>{ "fitted curve" }</li>
                        </ul>
                        <Playback state={shared.clone()} epochs_per_second={*epochs_per_second} {on_action} on_set={on_set.clone()} />
                        <DiagnosisBox state={shared.clone()} />
                    </section>
                    <section class="panel" aria-labelledby="loss-title">
                        <h2 id="loss-title">{ "Loss over training" }</h2>
                        <Chart kind={ChartKind::Loss} state={shared.clone()} id="loss-chart"
                            label="Training and test mean squared error against epoch, log scale; current values are shown as text above." />
                        <ul class="legend" aria-hidden="true">
                            <li><span class="key train">{ "━" }</span>{ "training loss" }</li>
                            <li><span class="key test">{ "╍" }</span>{ "test loss (dashed)" }</li>
                        </ul>
                    </section>
                </div>
                <div class="column learned">
                    <section class="panel params" aria-labelledby="params-title">
                        <h2 id="params-title">{ "Parameters" }<span class="tag">{ "learned from data" }</span></h2>
                        <Parameters state={shared} />
                    </section>
                </div>
            </main>
            <footer>
                <p>{ "Keyboard: Tab moves between controls; arrow keys move a slider one step, Home and End to its ends. \
                      The address bar always holds every setting and the seed: copy it to share this exact experiment." }</p>
            </footer>
        </>
    }
}
