//! The footer: keyboard help and what the link holds.

use yew::prelude::*;

#[component]
pub fn Footer() -> Html {
    html! {
        <footer>
            <p>{ "Keyboard: Tab moves between controls; arrow keys move a slider one step, Home and End to its ends. \
                  The address bar always holds every setting and the seed: copy it to share this exact experiment." }</p>
        </footer>
    }
}
