//! The footer: keyboard help and what the link holds (over the interview practice, what it
//! keeps instead: helper 85 read of sliders under a quiz).

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FooterProps {
    pub practice: bool,
}

#[component]
pub fn Footer(props: &FooterProps) -> Html {
    html! {
        <footer>
            if props.practice {
                <p>{ "Keyboard: Tab moves between the answers and buttons, Enter or Space picks one. \
                      Your score and the questions you missed are kept in this browser, not in the link." }</p>
            } else {
                <p>{ format!("Keyboard: Tab moves between controls; arrow keys move a slider one step, Home and End to its ends. \
                      The address bar always holds every setting and the seed (and up to {} hand-placed points): copy it to share this exact experiment.", crate::state::url::MAX_POINTS_IN_LINK) }</p>
            }
        </footer>
    }
}
