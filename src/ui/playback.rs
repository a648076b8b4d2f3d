//! Play, pause, step and reset, the speed control, and the run's numbers as text.

use super::slider::Slider;
use super::Shared;
use crate::ml::diagnosis::short;
use crate::state::lab::Action;
use crate::state::spec::Key;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlaybackProps {
    pub state: Shared,
    pub epochs_per_second: f64,
    pub on_action: Callback<Action>,
    pub on_set: Callback<(Key, usize)>,
}

#[component]
pub fn Playback(props: &PlaybackProps) -> Html {
    let s = &props.state;
    let send = |a: Action| {
        let cb = props.on_action.clone();
        Callback::from(move |_| cb.emit(a.clone()))
    };
    let (toggle_label, toggle) = if s.running {
        ("Pause", Action::Pause)
    } else {
        ("Play", Action::Play)
    };
    // The last measured rate stays visible after pausing.
    let eps = if props.epochs_per_second > 0.0 {
        format!("{:.0}", props.epochs_per_second)
    } else {
        "—".into()
    };
    html! {
        <section class="playback" aria-label="Training">
            <div class="buttons">
                <button type="button" id="play" class="primary" onclick={send(toggle)} aria-pressed={s.running.to_string()}>{ toggle_label }</button>
                <button type="button" id="step" onclick={send(Action::Step)}>{ "Step" }</button>
                <button type="button" id="reset" onclick={send(Action::Reset)}>{ "Reset" }</button>
            </div>
            <dl class="stats">
                <div><dt>{ "Epoch" }</dt><dd id="epoch">{ s.trainer.epoch() }</dd></div>
                <div><dt>{ "Train loss" }</dt><dd id="train-loss">{ short(s.trainer.train_mse()) }</dd></div>
                <div><dt>{ "Test loss" }</dt><dd id="test-loss">{ short(s.test_mse) }</dd></div>
                <div><dt>{ "Epochs / s" }</dt><dd id="eps">{ eps }</dd></div>
            </dl>
            <Slider key_={Key::Speed} position={s.config.position(Key::Speed)} on_change={props.on_set.clone()} />
        </section>
    }
}
