//! One control with named options: a `<select>` with its label, one line of help, and what the
//! chosen option does.

use crate::state::spec::{Domain, Key};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChoiceProps {
    pub key_: Key,
    pub position: usize,
    pub on_change: Callback<(Key, usize)>,
    /// Told when the control gets focus (to show its validation curve).
    #[prop_or_default]
    pub on_focus: Callback<Key>,
    /// Why the control has no effect right now (shown beside it), if it has none.
    #[prop_or_default]
    pub note: Option<String>,
    /// The note is about these data only (another setting may matter elsewhere): not dimmed.
    #[prop_or_default]
    pub slight: bool,
    /// Options not offered now (the chosen one is always listed).
    #[prop_or_default]
    pub withheld: Vec<usize>,
}

/// A `<select>`'s node, kept showing `value`: once a reader has picked an option the browser no
/// longer follows the options' `selected` attribute, so a choice made elsewhere (focusing a
/// slider picks the validation curve's hyperparameter; helper 46 saw the menu name another) is
/// set on the element itself.
#[hook]
pub fn use_select_value(value: String) -> NodeRef {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(value, move |value| {
            if let Some(select) = node.cast::<HtmlSelectElement>() {
                select.set_value(value);
            }
        });
    }
    node
}

#[component]
pub fn Choice(props: &ChoiceProps) -> Html {
    let node = use_select_value(props.position.to_string());
    let spec = props.key_.spec();
    let Domain::Choices(choices) = spec.domain else {
        return html! {};
    };
    let id = format!("ctl-{}", spec.url);
    let key = props.key_;
    let on_change = props.on_change.clone();
    let onchange = Callback::from(move |e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        if let Ok(pos) = select.value().parse::<usize>() {
            on_change.emit((key, pos));
        }
    });
    html! {
        <div class={classes!("control", (props.note.is_some() && !props.slight).then_some("inert"))}>
            <div class="control-head">
                <label for={id.clone()}>{ spec.label }</label>
            </div>
            <select ref={node} id={id.clone()} aria-describedby={format!("{id}-help")} onfocus={{ let (f, k) = (props.on_focus.clone(), props.key_); Callback::from(move |_: FocusEvent| f.emit(k)) }} {onchange}>
                { for choices.iter().enumerate()
                    .filter(|(i, _)| *i == props.position || !props.withheld.contains(i))
                    .map(|(i, opt)| html! {
                        <option value={i.to_string()} selected={i == props.position} title={opt.help}>{ opt.label }</option>
                    }) }
            </select>
            <p class="help" id={format!("{id}-help")}>{ spec.help }</p>
            // One last line, the same element either way (a line put in before it made Yew
            // rebuild the select): why the control has no effect, or else what its option does
            // (which the no-effect note would contradict).
            if let Some(note) = &props.note {
                <p class="help inert-note" id={format!("{id}-inert")} role="note">{ note.clone() }</p>
            } else {
                <p class="help option-help">{ choices[props.position.min(choices.len() - 1)].help }</p>
            }
        </div>
    }
}
