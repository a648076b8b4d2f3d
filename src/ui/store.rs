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

/// "The page would look the same": Yew's `use_reducer_eq` renders again only when the new state
/// differs from the old, and a state whose last action was quiet ([`Reduce::quiet`]: a slice of
/// the validation curve that finished no point) shows nothing new. The state is kept either way.
impl<S: Reduce> PartialEq for Store<S> {
    fn eq(&self, _old: &Self) -> bool {
        self.0.quiet()
    }
}

impl<S> Deref for Store<S> {
    type Target = S;
    fn deref(&self) -> &S {
        &self.0
    }
}

/// A callback that turns its value into an action and sends it: the pages' controls report
/// values (a key and position, a seed, a point), the store takes actions. The same callback from
/// render to render, so that a child whose other props have not changed (the controls, while a
/// model trains) is not rendered again on every tick.
#[yew::hook]
pub fn use_relay<S, T>(
    dispatcher: yew::UseReducerDispatcher<Store<S>>,
    make: fn(T) -> crate::state::action::Action,
) -> yew::Callback<T>
where
    S: Reduce<Action = crate::state::action::Action> + Clone + 'static,
    T: 'static,
{
    yew::use_callback((dispatcher, make), |value, (d, make)| {
        d.dispatch(make(value))
    })
}
