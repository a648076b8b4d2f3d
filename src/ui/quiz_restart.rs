//! The quiz's Restart button, which asks before it throws answers away: one tap beside "Back to
//! the lab" wiped the score, with no way back (helper 105).

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuizRestartProps {
    /// The answers given so far: what a restart loses.
    pub answers: u32,
    pub on_restart: Callback<()>,
}

#[component]
pub fn QuizRestart(props: &QuizRestartProps) -> Html {
    let asking = use_state(|| false);
    // The button pressed is replaced: the focus goes to the one that keeps the answers, and back
    // to Restart once the question is settled.
    let (keep, restart) = (use_node_ref(), use_node_ref());
    let asked_before = use_mut_ref(|| false);
    {
        let (keep, restart) = (keep.clone(), restart.clone());
        use_effect_with(*asking, move |&now| {
            let was = asked_before.replace(now);
            let target = if now {
                keep.cast()
            } else {
                was.then(|| restart.cast()).flatten()
            };
            if let Some(b) = target.and_then(|b: web_sys::Element| {
                wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(b).ok()
            }) {
                let _ = b.focus();
            }
        });
    }
    let set = |to: bool| {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| asking.set(to))
    };
    let restart_now = {
        let (asking, on_restart) = (asking.clone(), props.on_restart.clone());
        Callback::from(move |_: MouseEvent| {
            asking.set(false);
            on_restart.emit(());
        })
    };
    if *asking && props.answers > 0 {
        let (answers, them) = match props.answers {
            1 => ("your answer".to_string(), "it"),
            n => (format!("your {n} answers"), "them"),
        };
        html! {
            <span class="quiz-confirm" role="group" aria-labelledby="quiz-confirm">
                <span id="quiz-confirm">{ format!("Restart and lose {answers}?") }</span>
                <button onclick={restart_now}>{ "Yes, restart" }</button>
                <button class="primary" ref={keep} onclick={set(false)}>{ format!("No, keep {them}") }</button>
            </span>
        }
    } else if props.answers > 0 {
        html! { <button ref={restart} onclick={set(true)}>{ "Restart the quiz" }</button> }
    } else {
        html! { <button ref={restart} onclick={restart_now}>{ "Restart the quiz" }</button> }
    }
}
