//! Each lab's state kept while another lab is shown: switching labs happens in the page, and
//! coming back finds the lab as it was left (its data, its trained model, playing or paused).

use super::store::Store;
use crate::state::session::Reduce;
use crate::state::spec::Lab;
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The states of the labs not shown, by lab. Shared by the app and the lab shown.
#[derive(Clone, Default)]
pub struct Kept(Rc<RefCell<Vec<KeptLab>>>);

/// One lab's state, of whichever type that lab's reducer has.
type KeptLab = (Lab, Box<dyn Any>);

impl PartialEq for Kept {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Kept {
    fn take<S: 'static>(&self, lab: Lab) -> Option<S> {
        let mut kept = self.0.borrow_mut();
        let i = kept.iter().position(|(l, _)| *l == lab)?;
        kept.swap_remove(i).1.downcast::<S>().ok().map(|s| *s)
    }

    /// Keeps `state` as `lab`'s: the lab starts from it when next shown (a loaded model).
    pub fn put<S: 'static>(&self, lab: Lab, state: S) {
        self.forget(lab);
        self.0.borrow_mut().push((lab, Box::new(state)));
    }

    /// Forgets a lab's state (a lesson step opens it afresh).
    pub fn forget(&self, lab: Lab) {
        self.0.borrow_mut().retain(|(l, _)| *l != lab);
    }
}

/// A lab's reducer that starts from the state kept for `lab` if there is one (else `init`), and
/// hands its state back to `kept` when the lab is left.
#[hook]
pub fn use_kept_reducer<S, F>(lab: Lab, kept: &Kept, init: F) -> UseReducerHandle<Store<S>>
where
    S: Reduce + Clone + 'static,
    F: FnOnce() -> S,
{
    let state = use_reducer(|| Store(kept.take(lab).unwrap_or_else(init)));
    let latest = use_mut_ref(|| None::<UseReducerHandle<Store<S>>>);
    *latest.borrow_mut() = Some(state.clone());
    let kept = kept.clone();
    use_effect_with((), move |_| {
        move || {
            if let Some(last) = latest.borrow_mut().take() {
                kept.put(lab, last.0.clone());
            }
        }
    });
    state
}
