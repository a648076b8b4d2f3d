//! A control that picks a non-empty set of named options: a fieldset of checkboxes. The last
//! ticked box cannot be unticked (a network needs at least one input), and says so.

use crate::state::spec::{Domain, Key};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FlagsProps {
    pub key_: Key,
    pub position: usize,
    pub on_change: Callback<(Key, usize)>,
}

#[component]
pub fn Flags(props: &FlagsProps) -> Html {
    let spec = props.key_.spec();
    let Domain::Flags(flags) = spec.domain else {
        return html! {};
    };
    let bits = props.position + 1;
    let only_one = bits.count_ones() == 1;
    let id = format!("ctl-{}", spec.url);
    html! {
        <fieldset class="control flags" aria-describedby={format!("{id}-help")}>
            <legend>{ spec.label }</legend>
            <div class="flag-row">
                { for flags.iter().enumerate().map(|(i, (url, label))| {
                    let on = bits & (1 << i) != 0;
                    let (key, on_change) = (props.key_, props.on_change.clone());
                    let onchange = Callback::from(move |_: Event| {
                        let next = bits ^ (1 << i);
                        if next != 0 {
                            on_change.emit((key, next - 1));
                        }
                    });
                    let box_id = format!("{id}-{url}");
                    html! {
                        <label for={box_id.clone()} class="flag">
                            <input type="checkbox" id={box_id} checked={on} disabled={on && only_one} {onchange} />
                            { *label }
                        </label>
                    }
                }) }
            </div>
            <p class="help" id={format!("{id}-help")}>{ spec.help }
                if only_one { { " At least one stays ticked." } }
            </p>
        </fieldset>
    }
}
