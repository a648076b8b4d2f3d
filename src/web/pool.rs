//! The Tuning lab's Web Workers: one per core but one (`navigator.hardwareConcurrency` − 1, at
//! least one, at most [`MAX_WORKERS`]), each running the page's own WebAssembly module
//! (`static/search-worker.js` instantiates the module the page sends it, already compiled,
//! through the page's own JavaScript glue). A core is left to the page: with a worker on every
//! core the page's own frames had to share one with a worker and came 33 ms apart at the 95th
//! percentile instead of 16.8 (BENCHMARKS.md, session 7).
//!
//! The page hands each worker batches of jobs (folds of points) sized to take about
//! [`BATCH_MS`] — one fold of polynomial regression is well under a millisecond, and a message
//! and a page update per fold would cost more than the fold — [`IN_FLIGHT`] at a time. Each
//! batch's errors come back as one [`Action::FoldsDone`]; the reducer takes the errors in the
//! search's order, so the results are the same whatever the number of workers.

use crate::state::action::Action;
use crate::state::tuning::Job;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Most workers, whatever the number of cores.
pub const MAX_WORKERS: usize = 8;

/// The time a batch of jobs should take a worker, in milliseconds.
pub const BATCH_MS: f64 = 40.0;

/// Most jobs in one batch.
const MAX_BATCH: usize = 64;

/// Batches queued at each worker at a time. Measured (BENCHMARKS.md, session 7): two kept the
/// worker busy without a pause but finished no sooner, and the page, updating after every batch,
/// then dropped frames (p95 33–50 ms instead of 16.8).
const IN_FLIGHT: usize = 1;

/// The worker script, beside `index.html` (copied as it is: its name never changes).
const SCRIPT: &str = "search-worker.js";

/// A batch sent to a worker: the configuration and the jobs.
struct Batch {
    query: String,
    jobs: Vec<Job>,
}

/// What the pool calls once when its workers stop working.
type FailHandler = Box<dyn FnOnce(String)>;

/// Shared between the pool and its workers' message handlers.
#[derive(Default)]
struct Shared {
    /// Each worker's batches not answered yet, oldest first (a worker answers in order).
    busy: RefCell<Vec<VecDeque<Batch>>>,
    /// Milliseconds per job, as measured on the last batches (0 before any).
    ms_per_job: Cell<f64>,
    /// Told once why the workers stopped working.
    on_fail: RefCell<Option<FailHandler>>,
}

/// The workers, until dropped (then they are stopped).
pub struct Pool {
    workers: Vec<web_sys::Worker>,
    shared: Rc<Shared>,
    _handlers: Vec<Closure<dyn FnMut(web_sys::MessageEvent)>>,
    _errors: Vec<Closure<dyn FnMut(web_sys::Event)>>,
}

/// How many workers this browser gets: one per core but the page's, at least one.
pub fn worker_count() -> usize {
    let cores = web_sys::window().map_or(1.0, |w| w.navigator().hardware_concurrency());
    (cores as usize).saturating_sub(1).clamp(1, MAX_WORKERS)
}

/// The address of the page's JavaScript glue (Trunk preloads it as a module).
fn glue_url() -> Option<String> {
    let document = web_sys::window()?.document()?;
    let link = document
        .query_selector("link[rel=modulepreload]")
        .ok()??
        .dyn_into::<web_sys::HtmlLinkElement>()
        .ok()?;
    Some(link.href())
}

impl Pool {
    /// Starts `count` workers; `on_done` gets each batch's results, `on_fail` why the workers
    /// stopped (a script that did not load, a module that did not start, a failed job: the page
    /// then runs the search itself). `None` where workers cannot start at all (no glue to load).
    pub fn start(
        count: usize,
        on_done: impl Fn(Action) + 'static,
        on_fail: impl FnOnce(String) + 'static,
    ) -> Option<Pool> {
        let glue = glue_url()?;
        let init = js_sys::Object::new();
        set(&init, "glue", &glue.into());
        set(&init, "module", &wasm_bindgen::module());
        let message = js_sys::Object::new();
        set(&message, "init", &init);
        let on_done = Rc::new(on_done);
        let shared = Rc::new(Shared::default());
        shared
            .busy
            .replace((0..count).map(|_| VecDeque::new()).collect());
        shared.on_fail.replace(Some(Box::new(on_fail)));
        let mut pool = Pool {
            workers: Vec::new(),
            shared: shared.clone(),
            _handlers: Vec::new(),
            _errors: Vec::new(),
        };
        for i in 0..count {
            let options = web_sys::WorkerOptions::new();
            options.set_type(web_sys::WorkerType::Module);
            let worker = web_sys::Worker::new_with_options(SCRIPT, &options).ok()?;
            let (shared, on_done) = (shared.clone(), on_done.clone());
            let handler = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
                move |event: web_sys::MessageEvent| {
                    if let Some(action) = shared.answer(i, &event.data()) {
                        on_done(action);
                    }
                },
            );
            worker.set_onmessage(Some(handler.as_ref().unchecked_ref()));
            let shared = pool.shared.clone();
            let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
                shared.fail("a search worker did not start".into());
            });
            worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            // Kept before any failure returns: the pool dropped then terminates every worker
            // started so far, this one included, with its handlers still set.
            let posted = worker.post_message(&message);
            pool.workers.push(worker);
            pool._handlers.push(handler);
            pool._errors.push(on_error);
            posted.ok()?;
        }
        Some(pool)
    }

    /// The jobs of configuration `query` the workers are running.
    pub fn busy(&self, query: &str) -> Vec<Job> {
        let busy = self.shared.busy.borrow();
        let of_query = busy.iter().flatten().filter(|b| b.query == query);
        of_query.flat_map(|b| b.jobs.iter().cloned()).collect()
    }

    /// How many more batches the workers can take now.
    pub fn idle(&self) -> usize {
        let busy = self.shared.busy.borrow();
        busy.iter().map(|b| IN_FLIGHT.saturating_sub(b.len())).sum()
    }

    /// Jobs per batch: about [`BATCH_MS`] of work at the pace measured so far (one at first).
    pub fn batch_size(&self) -> usize {
        let ms = self.shared.ms_per_job.get();
        if ms <= 0.0 {
            return 1;
        }
        ((BATCH_MS / ms) as usize).clamp(1, MAX_BATCH)
    }

    /// Hands `jobs` of configuration `query` to the workers, [`Pool::batch_size`] a batch, the
    /// least busy worker first, up to [`IN_FLIGHT`] batches each (jobs left over wait).
    pub fn send(&self, query: &str, jobs: Vec<Job>) {
        let mut busy = self.shared.busy.borrow_mut();
        for batch in jobs.chunks(self.batch_size()) {
            let Some(i) = (0..busy.len()).min_by_key(|&i| busy[i].len()) else {
                return;
            };
            if busy[i].len() >= IN_FLIGHT {
                return;
            }
            let list = js_sys::Array::new();
            for job in batch {
                let item = js_sys::Object::new();
                let point = js_sys::Float64Array::from(job.point.as_slice());
                set(&item, "point", &point);
                set(&item, "unit", &(job.unit as f64).into());
                list.push(&item);
            }
            let message = js_sys::Object::new();
            set(&message, "query", &query.into());
            set(&message, "jobs", &list);
            if self.workers[i].post_message(&message).is_ok() {
                busy[i].push_back(Batch {
                    query: query.to_string(),
                    jobs: batch.to_vec(),
                });
            }
        }
    }
}

impl Shared {
    /// Says once why the workers stopped.
    fn fail(&self, why: String) {
        let told = self.on_fail.borrow_mut().take();
        if let Some(tell) = told {
            tell(why);
        }
    }

    /// Worker `i`'s answer: its batch's results as an action (and the pace measured), or a
    /// failure noted.
    fn answer(&self, i: usize, data: &JsValue) -> Option<Action> {
        if let Some(why) = get(data, "failed").as_string() {
            self.fail(why);
            return None;
        }
        let errors: Vec<f64> = js_sys::Float64Array::new(&get(data, "errors")).to_vec();
        let batch = self.busy.borrow_mut().get_mut(i)?.pop_front()?;
        if errors.len() != batch.jobs.len() {
            return None;
        }
        // The worker's own time for the batch (not its wait in the queue).
        let ms = get(data, "ms").as_f64().unwrap_or(0.0) / errors.len().max(1) as f64;
        let before = self.ms_per_job.get();
        let pace = if before > 0.0 {
            0.5 * (before + ms)
        } else {
            ms
        };
        self.ms_per_job.set(pace);
        let done = batch.jobs.into_iter().zip(errors);
        let done = done.map(|(job, error)| (job.point, job.unit, error));
        Some(Action::FoldsDone {
            query: batch.query,
            done: done.collect(),
        })
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        for worker in &self.workers {
            worker.terminate();
        }
    }
}

fn set(object: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(object, &key.into(), value);
}

fn get(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &key.into()).unwrap_or(JsValue::UNDEFINED)
}
