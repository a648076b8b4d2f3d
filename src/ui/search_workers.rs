//! The Tuning lab's Web Workers as a hook: started when the lab is shown, stopped when it is
//! left; after every render the idle workers get the search's next jobs (the trials first while
//! it runs, then the landscape). Where workers cannot start or fail, the page runs the same work
//! in its animation frames instead (the caller's frame loops), with the same results.

use super::store::Store;
use crate::state::tuning::Tuning;
use crate::web::pool::{worker_count, Pool};
use yew::prelude::*;

/// Whether the workers run the search (else the caller's frame loops must).
#[hook]
pub fn use_search_workers(state: &UseReducerHandle<Store<Tuning>>) -> bool {
    let pool = use_mut_ref(|| None::<Pool>);
    let working = use_state(|| true);
    {
        let (pool, working) = (pool.clone(), working.clone());
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let stop = working.clone();
            let on_fail = move |why: String| {
                let why = format!("ParamLab: {why}; the search runs on the page instead");
                web_sys::console::warn_1(&why.into());
                stop.set(false);
            };
            let started = Pool::start(worker_count(), move |a| dispatcher.dispatch(a), on_fail);
            if started.is_none() {
                working.set(false);
            }
            *pool.borrow_mut() = started;
            move || drop(pool.borrow_mut().take())
        });
    }
    {
        let (pool, working, state) = (pool.clone(), working.clone(), state.clone());
        use_effect(move || {
            let mut pool = pool.borrow_mut();
            if !*working {
                // Stopped: the frame loops run the work now.
                *pool = None;
            }
            let Some(workers) = pool.as_ref() else {
                return;
            };
            let idle = workers.idle();
            if idle > 0 {
                let query = state.work_query();
                let wanted = idle * workers.batch_size();
                let jobs = state.wanted_jobs(&workers.busy(&query), wanted);
                workers.send(&query, jobs);
            }
        });
    }
    *working
}
