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

/// `active`, and still true for `frames` animation frames after it turns false: the expensive
/// parts of a page that settle when training stops (a full-resolution map, a tree's rules) then
/// appear in frames of their own instead of all in the frame that ends the training.
#[hook]
pub fn use_lingering(active: bool, frames: u32) -> bool {
    let was_active = use_mut_ref(|| active);
    let left = use_mut_ref(|| 0u32);
    if active {
        *left.borrow_mut() = 0;
    } else if *was_active.borrow() {
        *left.borrow_mut() = frames;
    }
    *was_active.borrow_mut() = active;
    let lingering = *left.borrow() > 0;
    let update = use_force_update();
    use_effect_with(lingering, move |&lingering| {
        let frame_loop = lingering.then(|| {
            web::FrameLoop::start(move |_| {
                let mut left = left.borrow_mut();
                if *left > 0 {
                    *left -= 1;
                    if *left == 0 {
                        update.force_update();
                    }
                }
            })
        });
        move || drop(frame_loop)
    });
    active || lingering
}
