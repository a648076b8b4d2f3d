//! The Tuning lab's search workers' entry point. Each worker (`static/search-worker.js`) runs
//! the page's own WebAssembly module and calls [`tune_fold`] for each job the page sends: the
//! page's `main` sees no window there and does nothing else.

use crate::state::tuning::{Job, Tuning};
use crate::state::url::decode;
use std::cell::RefCell;
use wasm_bindgen::prelude::wasm_bindgen;

thread_local! {
    /// The state the last jobs came from (rebuilding it for every fold would redo its data).
    static STATE: RefCell<Option<(String, Tuning)>> = const { RefCell::new(None) };
}

/// The error of fold `unit` of `point` in the Tuning lab configured by `query` (the page's
/// [`Tuning::work_query`]): the same bits as the page would compute.
#[wasm_bindgen]
pub fn tune_fold(query: &str, point: Vec<f64>, unit: usize) -> f64 {
    STATE.with_borrow_mut(|state| {
        if state.as_ref().is_none_or(|(q, _)| q != query) {
            let (config, _) = decode(query);
            *state = Some((query.to_string(), Tuning::new(config, Vec::new())));
        }
        let (_, tuning) = state.as_ref().expect("just built");
        tuning.job_error(&Job { point, unit })
    })
}
