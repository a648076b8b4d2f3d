//! Interview practice: the question bank one question at a time, the explanation after each
//! answer, a "show me" that opens a lab in a state that demonstrates it, the score, and the
//! missed questions coming back. The quiz is kept in this browser's storage.

use super::quiz_restart::QuizRestart;
use super::store::Store;
use crate::classroom::quiz::{Quiz, QuizAction};
use crate::web;
use yew::prelude::*;

/// Where the quiz is kept in the browser.
const STORAGE_KEY: &str = "paramlab.quiz";

#[derive(Properties, PartialEq)]
pub struct PracticeProps {
    /// Opens a lab with this query (a question's "show me").
    pub on_show: Callback<String>,
    pub on_close: Callback<()>,
}

#[component]
pub fn Practice(props: &PracticeProps) -> Html {
    let quiz = use_reducer(|| {
        let seed = web::random_seed();
        Store(match web::stored(STORAGE_KEY) {
            Some(text) => Quiz::from_storage(&text, seed),
            None => Quiz::new(seed),
        })
    });
    // A kept score that cannot be read (edited by hand, another version) is said, once, before
    // the first answer overwrites it (helper 109).
    let unreadable = *use_memo((), |()| {
        web::stored(STORAGE_KEY).is_some_and(|text| Quiz::restore(&text).is_none())
    });
    use_effect_with(quiz.to_storage(), |text| {
        web::store(STORAGE_KEY, text);
    });
    let send = |action: QuizAction| {
        let d = quiz.dispatcher();
        Callback::from(move |_| d.dispatch(action))
    };
    // Answering disables the choices, which drops the focus: it goes to Next question instead,
    // so the keyboard and a screen reader keep their place (helper 49).
    // The next question's choices take it back from there.
    let (next, choices) = (use_node_ref(), use_node_ref());
    {
        let (next, choices) = (next.clone(), choices.clone());
        use_effect_with(quiz.picked().is_some(), move |answered| {
            let target = if *answered {
                next.cast::<web_sys::HtmlElement>()
            } else {
                (choices.cast::<web_sys::Element>())
                    .and_then(|c| c.query_selector("button").ok().flatten())
                    .and_then(|b| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(b).ok())
            };
            if let Some(b) = target {
                let _ = b.focus();
            }
        });
    }
    let (right, asked) = quiz.score();
    let missed = quiz.missed().count();
    let score = html! {
        <p class="quiz-score" id="quiz-score" aria-live="polite">
            { format!("{right} right of {asked} answers · {} to go", quiz.remaining()) }
            if missed > 0 { { format!(" · {missed} missed, coming back") } }
        </p>
    };
    let body = match quiz.current() {
        None => html! {
            <div class="quiz-done">
                <p><strong>{ "Every question answered right at least once." }</strong>{ format!(" {right} right of {asked} answers.") }</p>
                <button class="primary" onclick={send(QuizAction::Restart(web::random_seed()))}>{ "Start again" }</button>
            </div>
        },
        Some(q) => {
            let picked = quiz.picked();
            html! {
                <div class="question">
                    <p class="quiz-topic">{ q.topic.title() }</p>
                    <p class="quiz-prompt" id="quiz-prompt">{ q.prompt }</p>
                    <div class="choices" role="group" aria-labelledby="quiz-prompt" ref={choices.clone()}>
                        { for q.choices.iter().enumerate().map(|(i, choice)| {
                            // Marked in words and signs too, not by colour alone.
                            let (class, mark, said) = match picked {
                                Some(_) if i == q.answer => (Some("right"), "✓ ", " (the right answer)"),
                                Some(p) if p == i => (Some("wrong"), "✗ ", " (your answer)"),
                                _ => (None, "", ""),
                            };
                            html! {
                                <button class={classes!("choice", class)} disabled={picked.is_some()}
                                    aria-pressed={(picked == Some(i)).to_string()}
                                    onclick={send(QuizAction::Answer(i))}>
                                    <span aria-hidden="true">{ mark }</span>{ *choice }<span class="visually-hidden">{ said }</span></button>
                            }
                        }) }
                    </div>
                    if let Some(p) = picked {
                        <div class={classes!("explanation", if p == q.answer { "right" } else { "wrong" })} id="quiz-explanation" role="status">
                            <p id="quiz-why"><strong>{ if p == q.answer { "Right. " } else { "Not quite: it comes back later. " } }</strong>{ q.explanation }</p>
                            <div class="buttons">
                                <button onclick={{ let (s, link) = (props.on_show.clone(), q.show_me.to_string()); Callback::from(move |_| s.emit(link.clone())) }}>
                                    { "Show me in the lab" }</button>
                                // (Described by the verdict and the why: the focus comes here as the
                                // status appears, and a screen reader may say the focus alone;
                                // helper 97.)
                                <button class="primary" ref={next.clone()} onclick={send(QuizAction::Next)} aria-describedby="quiz-why">{ "Next question" }</button>
                            </div>
                        </div>
                    }
                </div>
            }
        }
    };
    let close = props.on_close.reform(|_| ());
    html! {
        <main class="practice" aria-labelledby="practice-title">
            <section class="panel">
                <h2 id="practice-title">{ "Interview practice" }{ super::heading_tag("kept in this browser") }</h2>
                { score }
                if unreadable && asked == 0 {
                    <p class="help" id="quiz-unreadable" role="note">{ "The score kept in this browser could not be read (changed by hand, or kept by another version of ParamLab), so practice starts afresh." }</p>
                }
                { body }
                <div class="buttons quiz-foot">
                    <button onclick={close}>{ "Back to the lab" }</button>
                    <QuizRestart answers={asked} on_restart={{ let d = quiz.dispatcher(); Callback::from(move |()| d.dispatch(QuizAction::Restart(web::random_seed()))) }} />
                </div>
            </section>
        </main>
    }
}
