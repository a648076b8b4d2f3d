//! The list of keyboard shortcuts (key ?), over the page until closed: a modal dialog that takes
//! the keyboard focus (its Close button) and keeps it, so Tab cannot reach the controls dimmed
//! behind it (helper 43 changed the hidden layers that way). Its checkbox turns the
//! single-character shortcuts off, in this browser.

use super::shortcuts::LAB_KEYS;
use yew::prelude::*;

/// The page's own keys, beside the lab's.
const PAGE_KEYS: &[(&str, &str)] = &[
    ("P", "presenter view on or off"),
    ("← →", "the previous or next step of a lesson"),
    ("?", "this list"),
    ("Esc", "close this list"),
    (
        "Tab",
        "the next control; arrow keys move a slider one step, Home and End to its ends",
    ),
];

#[derive(Properties, PartialEq)]
pub struct HelpProps {
    pub on_close: Callback<bool>,
}

#[component]
pub fn Help(props: &HelpProps) -> Html {
    let close = props.on_close.reform(|_| false);
    let on_close = props.on_close.clone();
    let button = use_node_ref();
    {
        // (The autofocus attribute acts only on page load, not on an element added later.)
        let button = button.clone();
        use_effect_with((), move |_| {
            // Where the focus was (the Keys button, or a control when ? was pressed): it goes
            // back there on close, not to the page's top (helper 49).
            let before = crate::web::focused_element();
            if let Some(b) = button.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
            move || {
                if let Some(element) = before {
                    let _ = element.focus();
                }
            }
        });
    }
    let (checkbox, on_keys) = (use_node_ref(), use_state(crate::web::character_keys_on));
    let onkeydown = {
        let (button, checkbox) = (button.clone(), checkbox.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Escape" => on_close.emit(false),
            // The checkbox and Close are the dialog's controls: Tab goes from one to the other.
            "Tab" => {
                e.prevent_default();
                let on_close_button =
                    crate::web::focused_element() == button.cast::<web_sys::HtmlElement>();
                let next = if on_close_button { &checkbox } else { &button };
                if let Some(element) = next.cast::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                }
            }
            _ => {}
        })
    };
    let on_toggle = {
        let on_keys = on_keys.clone();
        Callback::from(move |_: Event| {
            crate::web::set_character_keys(!*on_keys);
            on_keys.set(!*on_keys);
        })
    };
    html! {
        <div class="overlay" role="dialog" aria-modal="true" aria-labelledby="help-title" id="help" {onkeydown}>
            <div class="overlay-box">
                <h2 id="help-title">{ "Keyboard shortcuts" }</h2>
                <p>{ "They work whenever no control has the keys: a focused slider keeps its arrows, a field its letters." }</p>
                <table>
                    <tbody>
                        { for LAB_KEYS.iter().chain(PAGE_KEYS).map(|(key, what)| html! {
                            <tr><th scope="row"><kbd>{ *key }</kbd></th><td>{ *what }</td></tr>
                        }) }
                    </tbody>
                </table>
                <p><label><input type="checkbox" id="character-keys" ref={checkbox} checked={*on_keys} onchange={on_toggle} />
                    { " Single-character keys (Space, S, R, P, ?)" }</label></p>
                <p class="help">{ "Turn them off if you use speech input, which types words as key presses. The Keys button opens this list again." }</p>
                <button ref={button} onclick={close}>{ "Close" }</button>
            </div>
        </div>
    }
}
