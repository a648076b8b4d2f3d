//! What every lab's state does with an action.

/// A pure reducer: the next state from the current one and an action, with no clock and no UI.
pub trait Reduce {
    type Action;
    fn apply(&mut self, action: Self::Action);
}
