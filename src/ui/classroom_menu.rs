//! The Lessons menu: every lesson and every challenge, each a link of its own (a plain click
//! opens it in the page).

use crate::classroom::challenges::{Challenge, CHALLENGES};
use crate::classroom::lessons::{Lesson, LESSONS};
use yew::prelude::*;

/// What the menu opens.
#[derive(Clone, Copy, PartialEq)]
pub enum Pick {
    Lesson(&'static Lesson),
    Challenge(&'static Challenge),
}

#[derive(Properties, PartialEq)]
pub struct ClassroomMenuProps {
    pub on_pick: Callback<Pick>,
}

#[component]
pub fn ClassroomMenu(props: &ClassroomMenuProps) -> Html {
    let open = use_state(|| false);
    let item = |href: String, label: &'static str, about: String, pick: Pick| {
        let (on_pick, open) = (props.on_pick.clone(), open.clone());
        let onclick = Callback::from(move |e: MouseEvent| {
            if !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0) {
                e.prevent_default();
                open.set(false);
                on_pick.emit(pick);
            }
        });
        html! { <li><a {href} {onclick}>{ label }</a>{ " " }<span class="menu-about">{ about }</span></li> }
    };
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    // Escape closes it, back on its button; so does the focus leaving it (it covered the
    // buttons beside it that Tab went on to; helper 49).
    let (menu, button) = (use_node_ref(), use_node_ref());
    let onkeydown = {
        let (open, button) = (open.clone(), button.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" && *open {
                open.set(false);
                if let Some(b) = button.cast::<web_sys::HtmlElement>() {
                    let _ = b.focus();
                }
            }
        })
    };
    let onfocusout = {
        let (open, menu) = (open.clone(), menu.clone());
        Callback::from(move |e: FocusEvent| {
            if *open && crate::web::focus_moved_out(&e, menu.cast()) {
                open.set(false);
            }
        })
    };
    // A tap or click beside it, or Escape wherever the focus is, closes it too (a tap on plain
    // text moves no focus: it stayed open over the panel under it; helper 105).
    {
        let (open, menu) = (open.clone(), menu.clone());
        use_effect_with(*open, move |&is_open| {
            let listener = (menu.cast::<web_sys::Node>())
                .filter(|_| is_open)
                .map(|menu| crate::web::OutsideListener::start(menu, move || open.set(false)));
            move || drop(listener)
        });
    }
    html! {
        <div class="classroom-menu" ref={menu} {onkeydown} {onfocusout}>
            <button id="lessons-menu" ref={button} aria-expanded={open.to_string()} aria-controls="lessons-list" onclick={toggle}>
                { "Lessons & challenges" }</button>
            if *open {
                <div class="menu-box" id="lessons-list">
                    <h2>{ "Lessons" }</h2>
                    <ul>{ for LESSONS.iter().map(|l| item(format!("?lesson={}", l.id), l.title, l.summary(), Pick::Lesson(l))) }</ul>
                    <h2>{ "Challenges" }{ super::heading_tag("the app checks them") }</h2>
                    <ul>{ for CHALLENGES.iter().map(|c| item(format!("?challenge={}", c.id), c.title, c.start_config().lab.short_title().to_string(), Pick::Challenge(c))) }</ul>
                </div>
            }
        </div>
    }
}
