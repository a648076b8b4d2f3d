//! Each lab's state kept while another lab is shown: switching labs happens in the page, and
//! coming back finds the lab as it was left (its data, its trained model, playing or paused).

use super::store::Store;
use crate::state::session::Reduce;
use crate::state::spec::Lab;
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The states of the labs not shown, by lab and generation. Shared by the app and the lab shown.
/// A lab opened afresh (a lesson step, a "show me", a loaded model) has a new generation, so the
/// state its predecessor hands back as it goes is not taken for it.
#[derive(Clone, Default)]
pub struct Kept(Rc<RefCell<Vec<KeptLab>>>);

/// One lab's state, of whichever type that lab's reducer has, and its generation.
type KeptLab = (Lab, u32, Box<dyn Any>);

impl PartialEq for Kept {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Kept {
    fn take<S: 'static>(&self, lab: Lab, generation: u32) -> Option<S> {
        let mut kept = self.0.borrow_mut();
        let i = kept
            .iter()
            .position(|(l, g, _)| (*l, *g) == (lab, generation))?;
        let state = kept.swap_remove(i).2;
        // Older states of this lab can no longer be shown.
        kept.retain(|(l, g, _)| *l != lab || *g > generation);
        state.downcast::<S>().ok().map(|s| *s)
    }

    /// Keeps `state` as `lab`'s in `generation`: the lab starts from it when it is next shown in
    /// that generation (a lab switched back to; a loaded model). It replaces older states of
    /// the lab, not newer ones.
    pub fn put<S: 'static>(&self, lab: Lab, generation: u32, state: S) {
        let mut kept = self.0.borrow_mut();
        kept.retain(|(l, g, _)| *l != lab || *g > generation);
        kept.push((lab, generation, Box::new(state)));
    }
}

/// A lab's reducer that starts from the state kept for `lab` in this generation if there is one
/// (else `init`), and hands its state back to `kept` when the lab is left.
#[hook]
pub fn use_kept_reducer<S, F>(
    lab: Lab,
    generation: u32,
    kept: &Kept,
    init: F,
) -> UseReducerHandle<Store<S>>
where
    S: Reduce + Clone + 'static,
    F: FnOnce() -> S,
{
    // A quiet action (a validation-curve slice that finished no point) is kept without a render.
    let state = use_reducer_eq(|| Store(kept.take(lab, generation).unwrap_or_else(init)));
    let latest = use_mut_ref(|| None::<UseReducerHandle<Store<S>>>);
    *latest.borrow_mut() = Some(state.clone());
    let kept = kept.clone();
    use_effect_with((), move |_| {
        move || {
            if let Some(last) = latest.borrow_mut().take() {
                kept.put(lab, generation, last.0.clone());
            }
        }
    });
    state
}
