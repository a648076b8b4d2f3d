//! The training loop both labs share: while playing, one `Tick` per animation frame (or per
//! `frames_per_tick` frames, for models whose steps should be watched one by one), sized to a time
//! budget learned from the previous frames. Reports epochs per second.

use crate::state::lab::Action;
use crate::web;
use yew::prelude::*;

/// Milliseconds of training per animation frame; the rest of the ~16.7 ms frame is for Yew,
/// drawing and the browser (9 ms missed every few frames on the benchmark machine; 7 ms does not).
const FRAME_BUDGET_MS: f64 = 7.0;

/// How many epochs fit in a frame, learned from the last frames.
#[derive(Default)]
struct Pace {
    epochs_per_ms: f64,
    window_epochs: u64,
    window_start: f64,
    frame: u32,
}

/// Runs the loop while `running`; returns the measured epochs per second (0 before the first
/// half-second of training).
#[hook]
pub fn use_training_loop(
    running: bool,
    speed: Option<u32>,
    frames_per_tick: u32,
    dispatch: Callback<Action>,
) -> f64 {
    let epochs_per_second = use_state(|| 0.0);
    let pace = use_mut_ref(Pace::default);
    let eps = epochs_per_second.setter();
    use_effect_with(
        (running, speed, frames_per_tick),
        move |&(running, speed, frames_per_tick)| {
            let frames = running.then(|| {
                pace.borrow_mut().window_start = web::now_ms();
                web::FrameLoop::start(move |_| {
                    let mut p = pace.borrow_mut();
                    p.frame = p.frame.wrapping_add(1);
                    if p.frame % frames_per_tick.max(1) != 0 {
                        return;
                    }
                    let affordable = if p.epochs_per_ms > 0.0 {
                        (p.epochs_per_ms * FRAME_BUDGET_MS) as u32
                    } else {
                        1
                    };
                    let epochs = speed
                        .map_or(affordable, |s| s.min(affordable.max(1)))
                        .clamp(1, 1_000_000);
                    let start = web::now_ms();
                    dispatch.emit(Action::Tick(epochs));
                    let took = (web::now_ms() - start).max(0.05);
                    // Smoothed estimate; grows at most 2× per frame so one fast frame cannot overshoot.
                    let measured = epochs as f64 / took;
                    p.epochs_per_ms = if p.epochs_per_ms > 0.0 {
                        (0.7 * p.epochs_per_ms + 0.3 * measured).min(2.0 * p.epochs_per_ms)
                    } else {
                        measured
                    };
                    p.window_epochs += epochs as u64;
                    let elapsed = web::now_ms() - p.window_start;
                    if elapsed >= 500.0 {
                        eps.set(p.window_epochs as f64 * 1000.0 / elapsed);
                        p.window_epochs = 0;
                        p.window_start = web::now_ms();
                    }
                })
            });
            move || drop(frames)
        },
    );
    *epochs_per_second
}
