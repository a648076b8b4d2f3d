//! The lab's keyboard shortcuts: Space plays or pauses, S steps, R resets. (The page's own — P
//! for presenter view, ? for help, ← → through a lesson — are in the app.) Keys typed into a
//! control stay with the control (see [`crate::web::KeyListener`]).

use crate::state::action::Action;
use crate::web::KeyListener;
use yew::prelude::*;

/// The shortcuts, for the help overlay: key and what it does.
pub const LAB_KEYS: &[(&str, &str)] = &[
    ("Space", "play or pause training"),
    ("S", "one step (an epoch, a tree level, a tree or a trial)"),
    ("R", "reset training"),
];

/// Listens for the lab's shortcuts while the lab is shown.
#[hook]
pub fn use_shortcuts(running: bool, dispatch: Callback<Action>) {
    use_effect_with(running, move |&running| {
        let listener = KeyListener::start(move |key| {
            let action = match key {
                " " if running => Action::Pause,
                " " => Action::Play,
                "s" | "S" => Action::Step,
                "r" | "R" => Action::Reset,
                _ => return false,
            };
            dispatch.emit(action);
            true
        });
        move || drop(listener)
    });
}
