//! What the page says about what was opened (fallbacks taken while reading the link, a loaded
//! model), shown until dismissed.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notices: Vec<String>,
    pub on_dismiss: Callback<()>,
}

#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    if props.notices.is_empty() {
        return html! {};
    }
    let on_dismiss = props.on_dismiss.clone();
    html! {
        <section class="notices" role="status" aria-label="Link notices">
            <p><strong>{ "About what was opened:" }</strong></p>
            <ul>{ for props.notices.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
            <button type="button" onclick={move |_| on_dismiss.emit(())}>{ "Dismiss" }</button>
        </section>
    }
}
