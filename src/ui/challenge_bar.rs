//! A challenge under way: the task, what is still missing (checked by the app as the lab
//! changes), and, once met, what the solution teaches.

use crate::classroom::challenges::{for_now, Challenge, Status, ON_TEST_POINTS};
use crate::state::spec::Key;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChallengeBarProps {
    pub challenge: &'static Challenge,
    pub status: Status,
    /// Back to the challenge's starting state.
    pub on_restart: Callback<()>,
    pub on_leave: Callback<()>,
    /// Brings the curve a goal reads into view.
    pub on_look: Callback<Key>,
}

/// The challenge's status again under the validation curve its goal reads (`key`'s), where the
/// bar at the top of the page is out of sight (helper 79: after "See the validation curve ↓" the
/// status and the slider were off screen). `None` for other curves and other goals.
pub fn echo(challenge: &Challenge, status: &Status, key: Key) -> Option<AttrValue> {
    (challenge.curve() == Some(key)).then(|| status_line(status))
}

/// The challenge's status in one line, for where the bar at the top is out of sight: under the
/// validation curve ([`echo`]) and at the top of the open drawer on a phone.
pub fn status_line(status: &Status) -> AttrValue {
    match status {
        Status::Met => "Challenge met! What it teaches is in the bar at the top.".to_string(),
        Status::MetForNow(unsettled) => format!(
            "Challenge met (for now). {} What it teaches is in the bar at the top.",
            for_now(*unsettled)
        ),
        Status::Working(missing) => format!("Challenge: {missing}"),
        Status::OffLimits(change) => format!(
            "Challenge: it keeps {} as it was; put it back, or restart the challenge.",
            change.label()
        ),
    }
    .into()
}

/// The status line and whether the challenge is met, for the phone's drawer ([`status_line`]).
pub fn drawer_line(status: &Status) -> (AttrValue, bool) {
    let met = matches!(status, Status::Met | Status::MetForNow(_));
    (status_line(status), met)
}

#[component]
pub fn ChallengeBar(props: &ChallengeBarProps) -> Html {
    let c = props.challenge;
    let (class, status) = match &props.status {
        Status::Met => (
            "met",
            html! { <p><strong>{ "Challenge met! " }</strong>{ c.teaches }</p> },
        ),
        Status::MetForNow(unsettled) => (
            "met",
            html! { <p><strong>{ "Challenge met (for now). " }</strong>{ for_now(*unsettled) }{ " " }{ c.teaches }</p> },
        ),
        Status::Working(missing) => ("working", html! { <p>{ missing.clone() }</p> }),
        Status::OffLimits(change) => (
            "off-limits",
            html! { <p>{ format!("This challenge keeps {} as it was: put it back, or restart the challenge.", change.label()) }</p> },
        ),
    };
    // The neurons of every layer read as one item, not six.
    let every_layer = c.may_change.contains(&Key::Neurons2);
    let allowed: Vec<&str> = (c.may_change.iter())
        .filter(|k| !every_layer || !Key::NEURONS[1..].contains(k))
        .map(|&k| match k {
            Key::Neurons1 if every_layer => "Neurons in each layer",
            k => k.spec().label,
        })
        .collect();
    let bar = use_node_ref();
    {
        let bar = bar.clone();
        use_effect_with(c.id, move |_| crate::web::take_lost_focus(&bar));
    }
    super::bar_room::use_bar_room(bar.clone(), c.id);
    html! {
        <section ref={bar} tabindex="-1" class={classes!("classroom-bar", "challenge", class)} aria-labelledby="challenge-title" id="challenge">
            <div class="bar-head">
                <h2 id="challenge-title">{ format!("Challenge: {}", c.title) }</h2>
            </div>
            <p class="bar-prompt">{ c.task }</p>
            <p class="bar-rules">{ format!("You may change: {}.", if allowed.is_empty() { "nothing but playback".to_string() } else { allowed.join(", ") }) }</p>
            if c.judged_on_test() {
                <p class="bar-note" id="challenge-on-test">{ ON_TEST_POINTS }</p>
            }
            <div class="bar-status" id="challenge-status" role="status">{ status }</div>
            <div class="buttons">
                <button onclick={props.on_restart.reform(|_| ())}>{ "Restart the challenge" }</button>
                <button onclick={props.on_leave.reform(|_| ())}>{ "Leave the challenge" }</button>
                if let Some(key) = c.curve() {
                    <button id="challenge-look" onclick={props.on_look.reform(move |_| key)}>{ "See the validation curve" }<span aria-hidden="true">{ " ↓" }</span></button>
                }
            </div>
        </section>
    }
}
