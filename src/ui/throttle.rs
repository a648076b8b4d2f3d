//! A value that changes on the page at most every so often while work runs: a picture or panel
//! whose redraw costs more than a frame when results arrive every frame (the Tuning lab's
//! pictures, a growing ensemble's parameters panel). When the work stops, or the value goes
//! back (a restart), it follows at once.

use crate::web;
use yew::prelude::*;

/// `value`, or — while `busy` and less than `every_ms` after the last change shown — the value
/// shown last.
#[hook]
pub fn use_throttled<T: Copy + PartialOrd + 'static>(value: T, busy: bool, every_ms: f64) -> T {
    let shown = use_mut_ref(|| (f64::NEG_INFINITY, value));
    let mut shown = shown.borrow_mut();
    let now = web::now_ms();
    if !busy || value < shown.1 || now - shown.0 >= every_ms {
        *shown = (now, value);
    }
    shown.1
}

/// Animation frames since `active` last turned false, counted up to `frames` (0 while active, and
/// in the render where it turns false; `frames` when it never was). The expensive parts of a page
/// that settle when training stops (a full-resolution map, an ensemble's curves, a tree's rules)
/// each wait their own number of frames, so they appear in frames of their own instead of all in
/// the frame that ends the training.
#[hook]
pub fn use_frames_since_stop(active: bool, frames: u32) -> u32 {
    let since = use_mut_ref(|| frames);
    if active {
        *since.borrow_mut() = 0;
    }
    let now = *since.borrow();
    let counting = !active && now < frames;
    let update = use_force_update();
    use_effect_with(counting, move |&counting| {
        let frame_loop = counting.then(|| {
            web::FrameLoop::start(move |_| {
                let mut since = since.borrow_mut();
                if *since < frames {
                    *since += 1;
                    update.force_update();
                }
            })
        });
        move || drop(frame_loop)
    });
    now
}
