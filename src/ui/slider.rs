//! One numeric control: a real `<input type=range>` with its label, current value and one line of
//! help. Arrow keys move it one step; Home/End jump to the ends.

use crate::state::spec::{display_value, Key};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SliderProps {
    pub key_: Key,
    pub position: usize,
    pub on_change: Callback<(Key, usize)>,
    /// Told when the control gets focus (to show its validation curve).
    #[prop_or_default]
    pub on_focus: Callback<Key>,
    /// Why the control has no effect right now (shown beside it), if it has none.
    #[prop_or_default]
    pub note: Option<String>,
    /// The note says the control does little (or nothing) on these data only, not in general:
    /// the slider is not dimmed.
    #[prop_or_default]
    pub slight: bool,
    /// A tighter upper end than the table's (k is at most the training-set size).
    #[prop_or_default]
    pub max_position: Option<usize>,
    /// The value as shown, where it reads differently for the model at hand (Speed counts trees
    /// for an ensemble, not epochs); else the table's text.
    #[prop_or_default]
    pub value_text: Option<String>,
    /// The help, where it reads differently for the lab or model at hand ([`Config::help`]:
    /// Speed speaks of a tree's levels or an ensemble's trees, Noise of this lab's data); else
    /// the table's.
    ///
    /// [`Config::help`]: crate::state::config::Config::help
    #[prop_or_default]
    pub help: Option<&'static str>,
}

#[component]
pub fn Slider(props: &SliderProps) -> Html {
    let spec = props.key_.spec();
    let id = format!("ctl-{}", spec.url);
    let max = props
        .max_position
        .unwrap_or(spec.domain.len() - 1)
        .min(spec.domain.len() - 1);
    let position = props.position.min(max);
    let value = props
        .value_text
        .clone()
        .unwrap_or_else(|| display_value(props.key_, position));
    let key = props.key_;
    let on_change = props.on_change.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        if let Ok(pos) = input.value().parse::<usize>() {
            on_change.emit((key, pos));
        }
    });
    html! {
        <div class={classes!("control", (props.note.is_some() && !props.slight).then_some("inert"))}>
            <div class="control-head">
                <label for={id.clone()}>{ spec.label }</label>
                // (Hidden from screen readers: the slider says its value, and an output is a live
                // region, so each move was announced twice; helper 97.)
                <output for={id.clone()} id={format!("{id}-value")} aria-hidden="true">{ value.clone() }</output>
            </div>
            <input type="range" id={id.clone()} min="0" max={max.to_string()} step="1"
                value={position.to_string()} aria-valuetext={value}
                aria-describedby={format!("{id}-help")} onfocus={{ let (f, k) = (props.on_focus.clone(), props.key_); Callback::from(move |_: FocusEvent| f.emit(k)) }} {oninput} />
            <p class="help" id={format!("{id}-help")}>{ props.help.unwrap_or(spec.help) }</p>
            if let Some(note) = &props.note {
                <p class="help inert-note" id={format!("{id}-inert")} role="note">{ note.clone() }</p>
            }
        </div>
    }
}
