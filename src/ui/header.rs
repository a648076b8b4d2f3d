//! The title, the one-sentence idea, the navigation between labs, and the view's buttons.
//!
//! Lab links are real links (`?lab=…`, relative so any sub-path works, and they open in a new
//! tab as links do); a plain click switches labs in the page instead, which keeps each lab's
//! state and needs no network.

use super::classroom_menu::{ClassroomMenu, Pick};
use crate::classroom::panel::Panel;
use crate::classroom::view::View;
use crate::state::spec::Lab;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub lab: Lab,
    pub on_switch: Callback<Lab>,
    pub view: View,
    pub on_view: Callback<View>,
    pub on_help: Callback<bool>,
    pub on_pick: Callback<Pick>,
}

#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let view = &props.view;
    let presenter = {
        let (view, on_view) = (view.clone(), props.on_view.clone());
        Callback::from(move |_| on_view.emit(view.presenter_toggled()))
    };
    let help = props.on_help.reform(|_| true);
    html! {
        <header>
            <div class="title-row">
                // Interview practice opens over the lab: the heading names the practice (helper
                // 53: it read "Regression lab"), and the lab under it, where the link and Close
                // lead, is outlined rather than marked current (helper 85 read it as selected).
                <h1>{ "ParamLab" }<span class="lab-name">{ format!(" · {}", if view.practice { "Interview practice" } else { props.lab.title() }) }</span></h1>
                <nav aria-label="Labs">
                    { for Lab::ALL.iter().map(|&lab| {
                        let (current, beneath) = (lab == props.lab && !view.practice, lab == props.lab && view.practice);
                        let on_switch = props.on_switch.clone();
                        let onclick = Callback::from(move |e: MouseEvent| {
                            if !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0) {
                                e.prevent_default();
                                on_switch.emit(lab);
                            }
                        });
                        html! {
                            <a href={format!("?lab={}", lab.url())} class={classes!(current.then_some("current"), beneath.then_some("beneath"))}
                                aria-current={current.then_some("page")} title={beneath.then_some("The lab under the practice: closing it returns here")}
                                {onclick}>{ lab.title() }</a>
                        }
                    }) }
                </nav>
                <div class="view-buttons">
                    <ClassroomMenu on_pick={props.on_pick.clone()} />
                    <button id="presenter" aria-pressed={view.presenter.to_string()} onclick={presenter}
                        title="Presenter view: large type and plots for a projector (key P)">{ "Presenter view" }</button>
                    <button id="practice" aria-pressed={view.practice.to_string()}
                        onclick={{ let (v, on_view) = (view.clone(), props.on_view.clone()); Callback::from(move |_| on_view.emit(v.with_practice(!v.practice))) }}
                        title="Interview practice: questions on parameters, hyperparameters and tuning, each with a demonstration">{ "Interview practice" }</button>
                    <button id="keys" onclick={help} title="Keyboard shortcuts (key ?)">{ "Keys" }</button>
                </div>
            </div>
            // (Over the quiz there are no panels to show or hide.)
            if view.presenter && !view.practice {
                <div class="panel-toggles" role="group" aria-label="Show or hide panels for the class">
                    <span>{ "Show:" }</span>
                    { for Panel::ALL.iter().map(|&panel| {
                        let shown = !view.is_hidden(panel);
                        let (mut next, on_view) = (view.clone(), props.on_view.clone());
                        next.toggle(panel);
                        html! {
                            <button class="toggle" aria-pressed={shown.to_string()} id={format!("show-{}", panel.url())} title={panel.hint(props.lab)}
                                onclick={Callback::from(move |_| on_view.emit(next.clone()))}>{ panel.label(props.lab) }</button>
                        }
                    }) }
                </div>
            }
            <p class="lede" id="statement">
                <strong>{ "Parameters" }</strong>{ " are learned from data; " }
                <strong>{ "hyperparameters" }</strong>{ " are chosen by you before training." }
            </p>
        </header>
    }
}
