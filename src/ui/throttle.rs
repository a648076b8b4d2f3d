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
