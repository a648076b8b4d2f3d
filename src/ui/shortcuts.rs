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

/// Listens for the lab's shortcuts while the lab is shown. Space sends [`Action::PlayPause`],
/// which the lab's state resolves: a listener that chose Play or Pause itself would choose by the
/// state of the render it was made in, and Yew may take a second press before the next one.
#[hook]
pub fn use_shortcuts(dispatch: Callback<Action>) {
    use_effect_with((), move |_| {
        let listener = KeyListener::start(move |key| {
            let action = match key {
                " " => Action::PlayPause,
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
