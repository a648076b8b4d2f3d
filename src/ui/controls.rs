//! The two panels of controls: the model's hyperparameters ("you set these") and the experiment's
//! data (not part of the model). Each control comes from the table in `state::spec`.

use super::choice::Choice;
use super::flags::Flags;
use super::slider::Slider;
use crate::state::config::{Config, MAX_SEED};
use crate::state::spec::{Domain, Group, Key, SPECS};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    pub group: Group,
    pub config: Config,
    pub on_set: Callback<(crate::state::spec::Key, usize)>,
    /// Told when a control gets focus.
    #[prop_or_default]
    pub on_focus: Callback<Key>,
    /// Training-set size: the largest useful k and batch (what they act as beyond it).
    #[prop_or_default]
    pub train_size: Option<usize>,
    /// The controls that barely change (or do not change) the fully trained model on this data,
    /// each with why (the session works them out: `Session::slight_effects`).
    #[prop_or_default]
    pub slight: Vec<(Key, String)>,
}

/// Every control of one group that the lab (and model) uses, in table order.
#[component]
pub fn Controls(props: &ControlsProps) -> Html {
    html! {
        { for shown(props).into_iter().map(|s| {
            let position = props.config.position(s.key);
            let on_change = props.on_set.clone();
            let on_focus = props.on_focus.clone();
            let max_position = (s.key == Key::K).then_some(props.train_size).flatten().map(|n| n.max(1) - 1);
            let none = props.config.no_effect(s.key, props.train_size.unwrap_or(usize::MAX));
            let slight = (props.slight.iter()).find(|(k, _)| none.is_none() && *k == s.key).map(|(_, why)| why.clone());
            match s.domain {
                // Keyed: controls appear and disappear (a layer's neurons), and focus must stay on
                // the control the person is using.
                Domain::Choices(c) => {
                    let withheld = withheld(&props.config, s.key, c.len());
                    html! { <Choice key={s.url} key_={s.key} {position} {on_change} {on_focus} note={none.or(slight.clone())} slight={slight.is_some()} {withheld} /> }
                }
                Domain::Flags(_) => html! { <Flags key={s.url} key_={s.key} {position} {on_change} /> },
                _ => html! { <Slider key={s.url} key_={s.key} {position} {on_change} {max_position} {on_focus} note={none.or(slight.clone())} slight={slight.is_some()} help={props.config.help(s.key)} /> },
            }
        }) }
    }
}

/// The group's controls for this lab and model: the model choice first, then what belongs to the
/// model alone, then what it shares with other models.
fn shown(props: &ControlsProps) -> Vec<&'static crate::state::spec::Spec> {
    let shown = |s: &&crate::state::spec::Spec| s.group == props.group && props.config.shows(s.key);
    // In table order within each rank (a stable grouping, without a sort).
    (0..3)
        .flat_map(|r| SPECS.iter().filter(move |s| shown(s) && rank(s.key) == r))
        .collect()
}

/// 0 for the model choice, 1 for what belongs to the model alone, 2 for what models share.
fn rank(key: Key) -> u8 {
    match key {
        Key::Model => 0,
        Key::K
        | Key::Weighting
        | Key::MaxDepth
        | Key::MinLeaf
        | Key::Criterion
        | Key::Features
        | Key::HiddenLayers
        | Key::Neurons1
        | Key::Neurons2
        | Key::Neurons3
        | Key::Neurons4
        | Key::Neurons5
        | Key::Neurons6
        | Key::Activation
        | Key::Inputs
        | Key::InitSeed => 1,
        _ => 2,
    }
}

#[derive(Properties, PartialEq)]
pub struct SeedProps {
    pub seed: u64,
    pub on_seed: Callback<u64>,
}

/// The seed as a number field, and a button that draws a fresh one.
///
/// The field is uncontrolled: Yew re-renders the page every frame while training runs and would
/// reset a controlled field's text under the user's fingers. Its text is set only when the seed
/// itself changes.
#[component]
pub fn SeedControl(props: &SeedProps) -> Html {
    let field = use_node_ref();
    // A refused entry, said beside the field (a custom validity alone shows only on a form's
    // submit, and the seed was ignored without a word; helper 46).
    let refused = use_state(|| None::<String>);
    {
        let (field, refused) = (field.clone(), refused.clone());
        use_effect_with(props.seed, move |seed| {
            if let Some(input) = field.cast::<HtmlInputElement>() {
                input.set_value(&seed.to_string());
            }
            refused.set(None);
        });
    }
    let on_seed = props.on_seed.clone();
    let (seed, shown_refusal) = (props.seed, refused.clone());
    let onchange = Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        let text = input.value();
        match crate::state::url::whole_seed(&text) {
            Some(new) => {
                shown_refusal.set(None);
                on_seed.emit(new);
            }
            // (A number field hands over no text it cannot read as a number: "abc" arrives
            // empty, and "“” is not a seed" quoted nothing; helper 87.)
            None if text.trim().is_empty() => shown_refusal.set(Some(format!(
                "That is not a seed: enter a whole number from 0 to {MAX_SEED}. The lab keeps \
                 seed {seed}."
            ))),
            None => shown_refusal.set(Some(format!(
                "“{}” is not a seed: enter a whole number from 0 to {MAX_SEED}. The lab keeps \
                 seed {seed}.",
                crate::format::clip(&text, 24)
            ))),
        }
    });
    let on_seed = props.on_seed.clone();
    let new_data = Callback::from(move |_| on_seed.emit(crate::web::random_seed()));
    html! {
        <div class="control">
            <div class="control-head">
                <label for="ctl-seed">{ "Seed" }</label>
            </div>
            <div class="seed-row">
                <input ref={field} type="number" id="ctl-seed" min="0" max={MAX_SEED.to_string()} step="1"
                    aria-describedby="ctl-seed-help" aria-invalid={refused.is_some().to_string()} {onchange} />
                <button type="button" onclick={new_data}>{ "New data" }</button>
            </div>
            <p class="help" id="ctl-seed-help">{ "The same seed always gives the same points and the same training run." }</p>
            if let Some(why) = &*refused {
                <p class="help warn" id="seed-refused" role="alert">{ why.clone() }</p>
            }
        </div>
    }
}

/// The options of a select that do not apply now: the Tuning lab's axes offer only the chosen
/// model's hyperparameters (and the second axis "none").
fn withheld(config: &crate::state::config::Config, key: Key, count: usize) -> Vec<usize> {
    use crate::state::choice::{Choice, TuneAxis};
    use crate::state::tuning_axes::axis_choices;
    if !matches!(key, Key::AxisX | Key::AxisY) {
        return Vec::new();
    }
    let offered = axis_choices(config.tuned());
    (0..count)
        .filter(|&i| {
            let axis = TuneAxis::VALUES[i];
            !(offered.contains(&axis) || (key == Key::AxisY && axis == TuneAxis::None))
        })
        .collect()
}
