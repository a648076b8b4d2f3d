//! Play, pause, step and reset, the speed control, and the run's numbers as text.

use super::slider::Slider;
use crate::state::action::Action;
use crate::state::choice::ModelKind;
use crate::state::config::Config;
use crate::state::spec::Key;
use yew::prelude::*;

/// One number shown under the buttons: label, element id, value.
pub type Stat = (&'static str, &'static str, String);

#[derive(Properties, PartialEq)]
pub struct PlaybackProps {
    pub running: bool,
    pub stats: Vec<Stat>,
    pub config: Config,
    pub epochs_per_second: f64,
    pub on_action: Callback<Action>,
    pub on_set: Callback<(Key, usize)>,
    /// Offer "Reset, same weights": start again from the same initial weights (Reset then draws
    /// new ones). Short, so that it stays on one line on a phone (the full label took five).
    #[prop_or_default]
    pub reset_same: bool,
    /// What a training step is, per second: "Epochs / s", or "Trees / s" for an ensemble.
    #[prop_or(AttrValue::Static("Epochs / s"))]
    pub rate_label: AttrValue,
    /// Why there is nothing left to train (an ensemble with all its trees): Play and Step are
    /// disabled and this says what would train more.
    #[prop_or_default]
    pub complete: Option<AttrValue>,
    /// The speed as it reads for this model ("2 trees / 0.2 s"), where a step is not an epoch.
    #[prop_or_default]
    pub speed_text: Option<String>,
}

/// The time between two shown steps (ms) where `n` steps are shown every `frames` frames (60
/// a second).
pub fn pace_ms(n: u32, frames: u32) -> f64 {
    f64::from(frames) * 1000.0 / 60.0 / f64::from(n.max(1))
}

/// A set speed as it reads where a step is shown every `frames` frames (60 a second): "2 trees
/// / 0.2 s", "1 trial / 0.2 s".
pub fn paced(n: u32, one: &str, many: &str, frames: u32) -> String {
    let seconds = pace_ms(1, frames) / 1000.0;
    format!(
        "{} / {seconds} s",
        crate::format::count(n as usize, one, many)
    )
}

#[component]
pub fn Playback(props: &PlaybackProps) -> Html {
    let send = |a: Action| {
        let cb = props.on_action.clone();
        Callback::from(move |_| cb.emit(a.clone()))
    };
    let (toggle_label, toggle) = if props.running {
        ("Pause", Action::Pause)
    } else {
        ("Play", Action::Play)
    };
    // k-NN learns nothing: Play and Step would do nothing.
    let config = &props.config;
    let knn =
        config.lab == crate::state::spec::Lab::Classification && config.model() == ModelKind::Knn;
    let nothing_to_train = knn || props.complete.is_some();
    let why = if knn {
        Some("nothing-to-train")
    } else {
        props.complete.as_ref().map(|_| "complete-note")
    };
    // The last measured rate stays visible after pausing.
    let eps = if props.epochs_per_second > 0.0 {
        crate::format::thousands(props.epochs_per_second.round() as u64)
    } else {
        "—".into()
    };
    html! {
        <section class="playback" aria-label="Training">
            <div class="buttons">
                // (aria-disabled, not disabled: a focused button that is disabled drops the focus
                // to the page's top, as Play did once the last tree grew; helper 97. Its name
                // says Play or Pause, so no aria-pressed besides: "Pause, pressed" contradicted.)
                <button type="button" id="play" class="primary" onclick={(!nothing_to_train).then(|| send(toggle))}
                    aria-disabled={nothing_to_train.to_string()} aria-describedby={why}>{ toggle_label }</button>
                <button type="button" id="step" onclick={(!nothing_to_train).then(|| send(Action::Step))}
                    aria-disabled={nothing_to_train.to_string()}>{ "Step" }</button>
                <button type="button" id="reset" onclick={send(Action::Reset)}
                    title={props.reset_same.then_some("Start again from new random weights")}>{ "Reset" }</button>
                if props.reset_same {
                    <button type="button" id="reset-same" onclick={send(Action::ResetSame)}
                        title="Start again from the same initial weights">{ "Reset, same weights" }</button>
                }
            </div>
            if let Some(note) = &props.complete {
                <p class="help inert-note" id="complete-note" role="note">{ note.clone() }</p>
            }
            if knn {
                <p class="help inert-note" id="nothing-to-train" role="note">{ "k-NN learns no parameters: it keeps the training points and lets the nearest vote, so there is nothing to train or step through. Its model is ready as soon as the data are." }</p>
            }
            <dl class="stats" data-panel="scores">
                { for props.stats.iter().map(|(label, id, value)| html! {
                    <div><dt>{ *label }</dt><dd id={*id}>{ value.clone() }</dd></div>
                }) }
                // (Paused, the rate is the last run's: "Epochs / s 60" beside a paused model read
                // as still training; helper 71.)
                <div><dt>{ props.rate_label.clone() }{ (!props.running && props.epochs_per_second > 0.0).then_some(", last run") }</dt><dd id="eps">{ eps }</dd></div>
            </dl>
            <Slider key_={Key::Speed} position={props.config.position(Key::Speed)} on_change={props.on_set.clone()}
                note={props.config.no_effect(Key::Speed, usize::MAX)} value_text={props.speed_text.clone()}
                help={props.config.help(Key::Speed)} />
        </section>
    }
}
