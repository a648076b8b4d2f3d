//! The list of keyboard shortcuts (key ?), over the page until closed: a modal dialog that takes
//! the keyboard focus (its Close button) and keeps it, so Tab cannot reach the controls dimmed
//! behind it (helper 43 changed the hidden layers that way).

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
            let before = focus_owner();
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
    let onkeydown = Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
        "Escape" => on_close.emit(false),
        // Close is the only control in the dialog: Tab and Shift+Tab stay on it.
        "Tab" => e.prevent_default(),
        _ => {}
    });
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
                <button ref={button} onclick={close}>{ "Close" }</button>
            </div>
        </div>
    }
}

/// The element that has the keyboard focus, if any besides the page itself.
fn focus_owner() -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    let active = web_sys::window()?.document()?.active_element()?;
    active.dyn_into::<web_sys::HtmlElement>().ok()
}
