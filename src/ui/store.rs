//! The thin adapter between Yew's `use_reducer` and a lab's pure state: Yew's `Reducible` cannot
//! be implemented on the core crate's types directly (the orphan rule), so the page holds a
//! `Store` that derefs to the state and hands each action to the state's own reducer.

use crate::state::session::Reduce;
use std::ops::Deref;
use std::rc::Rc;
use yew::Reducible;

/// A lab's state as Yew's reducer sees it.
#[derive(Clone)]
pub struct Store<S>(pub S);

impl<S: Reduce + Clone> Reducible for Store<S> {
    type Action = S::Action;
    fn reduce(self: Rc<Self>, action: S::Action) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        next.0.apply(action);
        Rc::new(next)
    }
}

impl<S> Deref for Store<S> {
    type Target = S;
    fn deref(&self) -> &S {
        &self.0
    }
}

/// A callback that turns its value into an action and sends it: the pages' controls report
/// values (a key and position, a seed, a point), the store takes actions.
pub fn relay<T: 'static>(
    dispatch: &yew::Callback<crate::state::action::Action>,
    make: fn(T) -> crate::state::action::Action,
) -> yew::Callback<T> {
    let d = dispatch.clone();
    yew::Callback::from(move |value| d.emit(make(value)))
}
