//! Chart drawing spread over the browser's tasks.
//!
//! A lab's first picture draws every chart at once, and in the browser a chart's first drawing is
//! slow (plotters measures each label through the DOM): on a slow phone the charts together
//! were one task of several hundred milliseconds, during which the page answers no tap. So a chart
//! does not draw itself directly: it hands [`paint`] a closure. While the current task has spent
//! less than [`BUDGET_MS`] on drawing, the closure runs at once (every frame of training fits,
//! and draws as before); past it, the chart waits for a task of its own, queued at once behind
//! this one, so the page can answer in between. A chart waiting keeps only its newest drawing.

use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Milliseconds of drawing one task may do before the next chart waits for a task of its own.
const BUDGET_MS: f64 = 8.0;

type Drawing = Box<dyn FnOnce()>;

#[derive(Default)]
struct Queue {
    /// When this task's first drawing started; cleared by the task queued behind it.
    window: Option<f64>,
    /// Charts waiting, in the order they asked, each with its newest drawing.
    waiting: Vec<(String, Drawing)>,
    /// A task to clear the window (and draw what waits) is queued.
    queued: bool,
}

thread_local! {
    static QUEUE: RefCell<Queue> = RefCell::new(Queue::default());
}

/// Draws the chart named `key` (its element id: one drawing per chart) now, or in a task of its
/// own if this task has drawn enough already.
pub fn paint(key: &str, draw: impl FnOnce() + 'static) {
    let now = super::now_ms();
    let run_now = QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        let start = *q.window.get_or_insert(now);
        let run_now = q.waiting.is_empty() && now - start < BUDGET_MS;
        if !run_now {
            let draw: Drawing = Box::new(draw);
            match q.waiting.iter_mut().find(|(k, _)| k == key) {
                Some(entry) => entry.1 = draw,
                None => q.waiting.push((key.to_string(), draw)),
            }
            ensure_queued(&mut q);
            return None;
        }
        ensure_queued(&mut q);
        Some(draw)
    });
    // Outside the borrow: a drawing never paints again, but nothing here depends on that.
    if let Some(draw) = run_now {
        draw();
    }
}

/// Queues the task that ends this window (once per window).
fn ensure_queued(q: &mut Queue) {
    if q.queued {
        return;
    }
    q.queued = true;
    let next = Closure::once_into_js(next_task);
    let queued = web_sys::window().and_then(|w| {
        w.set_timeout_with_callback_and_timeout_and_arguments_0(next.unchecked_ref(), 0)
            .ok()
    });
    if queued.is_none() {
        // No timer (no window): nothing can wait, so nothing is kept waiting.
        q.queued = false;
        q.window = None;
    }
}

/// A new task: a new window; draws waiting charts until the budget is spent (at least one), and
/// queues another task for the rest.
fn next_task() {
    let started = super::now_ms();
    QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        q.queued = false;
        q.window = None;
    });
    loop {
        let next = QUEUE.with(|q| {
            let mut q = q.borrow_mut();
            if q.waiting.is_empty() {
                return None;
            }
            let (_, draw) = q.waiting.remove(0);
            Some(draw)
        });
        let Some(draw) = next else { break };
        draw();
        if super::now_ms() - started >= BUDGET_MS {
            break;
        }
    }
    QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        if q.waiting.is_empty() {
            // The window of this task starts at its next drawing.
            q.window = None;
        } else {
            q.window = Some(started);
            ensure_queued(&mut q);
        }
    });
}
