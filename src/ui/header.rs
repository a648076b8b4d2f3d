//! The title, the one-sentence idea, and the navigation between labs (plain links: each lab is
//! a URL of its own, relative so any sub-path works).

use crate::state::spec::Lab;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub lab: Lab,
}

#[component]
pub fn Header(props: &HeaderProps) -> Html {
    html! {
        <header>
            <div class="title-row">
                <h1>{ "ParamLab" }<span class="lab-name">{ format!(" · {}", props.lab.title()) }</span></h1>
                <nav aria-label="Labs">
                    { for Lab::ALL.iter().map(|lab| {
                        let current = *lab == props.lab;
                        html! {
                            <a href={format!("?lab={}", lab.url())} class={classes!(current.then_some("current"))}
                                aria-current={current.then_some("page")}>{ lab.title() }</a>
                        }
                    }) }
                </nav>
            </div>
            <p class="lede" id="statement">
                <strong>{ "Parameters" }</strong>{ " are learned from data; " }
                <strong>{ "hyperparameters" }</strong>{ " are chosen by you before training." }
            </p>
        </header>
    }
}
