//! A lesson under way: its title, the step's prompt, and ← → through its steps (the keys too).

use super::other_lab::OtherLab;
use crate::classroom::lessons::{Lesson, Look};
use crate::classroom::panel::Panel;
use crate::state::spec::Key;
use crate::state::spec::Lab;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LessonBarProps {
    pub lesson: &'static Lesson,
    /// The step shown, from 0.
    pub step: usize,
    /// The lab the page shows (the step's own, unless a link or a lab switch took it elsewhere).
    pub lab: Lab,
    /// The settings moved from the step's own ([`crate::classroom::view::View::step_changes`]).
    pub changed: Option<String>,
    /// The panels hidden from the class.
    pub hidden: Vec<Panel>,
    /// Shows these panels to the class (those the step's prompt reads).
    pub on_show: Callback<Vec<Panel>>,
    pub on_step: Callback<usize>,
    pub on_leave: Callback<()>,
    /// Shows the validation curve over a hyperparameter (its panel shown if hidden) and brings
    /// it into view.
    pub on_look: Callback<Key>,
    /// Shows the loss over training (its panel shown if hidden) and brings it into view.
    pub on_see_loss: Callback<()>,
    /// Shows the network (its panel shown if hidden) and focuses its first hidden neuron.
    pub on_see_neurons: Callback<()>,
}

#[component]
pub fn LessonBar(props: &LessonBarProps) -> Html {
    let (lesson, step) = (props.lesson, props.step);
    let last = lesson.steps.len() - 1;
    let set_in = lesson.steps[step].lab();
    // What the prompt is about, in the step's own lab.
    let look = lesson.steps[step].look.filter(|_| props.lab == set_in);
    // The panels the prompt reads that the teacher has hidden, and the bar's offer to show them.
    let hidden_reads = lesson.steps[step].hidden_reads(&props.hidden);
    let hidden_note =
        (lesson.steps[step].hidden_note(&hidden_reads)).filter(|_| props.lab == set_in);
    let many_hidden = hidden_reads.len() > 1;
    let go = |to: usize| props.on_step.reform(move |_| to);
    let bar = use_node_ref();
    {
        let bar = bar.clone();
        use_effect_with(lesson.id, move |_| crate::web::take_lost_focus(&bar));
    }
    // (And as the note of hidden panels comes or goes: a teacher's toggle, not a slider's move.)
    let noted = hidden_note.is_some();
    super::bar_room::use_bar_room(bar.clone(), (lesson.id, step, props.lab, noted));
    html! {
        <section ref={bar} tabindex="-1" class="classroom-bar lesson" aria-labelledby="lesson-title" id="lesson">
            <div class="bar-head">
                <h2 id="lesson-title">{ format!("Lesson: {}", lesson.title) }</h2>
                <span class="bar-count" id="lesson-step">{ format!("Step {} of {}", step + 1, last + 1) }</span>
            </div>
            // (The step's number is said with its prompt, as it is seen beside the title.)
            <p class="bar-prompt" id="lesson-prompt" aria-live="polite">
                <span class="visually-hidden">{ format!("Step {} of {}: ", step + 1, last + 1) }</span>
                { lesson.steps[step].prompt }</p>
            if let Some(shown) = (props.lab != set_in).then_some(props.lab) {
                <OtherLab what={format!("Step {} of this lesson", step + 1)} {set_in} {shown}
                    open={format!("Open step {}", step + 1)} on_open={props.on_step.reform(move |_| step)} />
            }
            if let Some(changed) = props.changed.clone().filter(|_| props.lab == set_in) {
                // (Not live: a slider dragged would have it read at every value, beside the
                // slider's own.)
                <p class="bar-elsewhere" id="lesson-changed">{ changed }{ " " }
                    <button onclick={props.on_step.reform(move |_| step)}>{ "Back to the step's settings" }</button></p>
            }
            if let Some(note) = hidden_note {
                <p class="bar-elsewhere" id="lesson-hidden">{ note }{ " " }
                    <button onclick={props.on_show.reform(move |_| hidden_reads.clone())}>
                        { if many_hidden { "Show them to the class" } else { "Show it to the class" } }</button></p>
            }
            <div class="buttons">
                // (aria-disabled: Next, disabled on reaching the last step, dropped the focus to
                // the page's top; helper 97. Arrows are hidden from a screen reader, which said
                // "Next right arrow".)
                <button aria-disabled={(step == 0).to_string()} onclick={(step > 0).then(|| go(step - 1))} title="Key ←"><span aria-hidden="true">{ "← " }</span>{ "Previous" }</button>
                <button class="primary" aria-disabled={(step == last).to_string()} onclick={(step < last).then(|| go(step + 1))} title="Key →">{ "Next" }<span aria-hidden="true">{ " →" }</span></button>
                if let Some(Look::Curve(key)) = look {
                    <button id="lesson-look" onclick={props.on_look.reform(move |_| key)}>{ "See the validation curve" }<span aria-hidden="true">{ " ↓" }</span></button>
                }
                if let Some(Look::LossCurve) = look {
                    <button id="lesson-look" onclick={props.on_see_loss.reform(|_| ())}>{ "See the loss curve" }<span aria-hidden="true">{ " ↓" }</span></button>
                }
                if let Some(Look::Neurons) = look {
                    <button id="lesson-look" onclick={props.on_see_neurons.reform(|_| ())}>{ "Go to the neurons" }<span aria-hidden="true">{ " ↓" }</span></button>
                }
                if let Some(Look::Control(key)) = look {
                    <button id="lesson-look" onclick={move |_| crate::web::focus_control(key.spec().url)}>
                        { format!("Go to {}", key.spec().label) }<span aria-hidden="true">{ " ↓" }</span>
                    </button>
                }
                <button onclick={props.on_leave.reform(|_| ())}>{ "Leave the lesson" }</button>
            </div>
        </section>
    }
}
