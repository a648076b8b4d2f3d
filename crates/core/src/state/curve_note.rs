//! What the validation curve says about a verdict's remedy. The curve is cross-validated on the
//! training points alone, so it may show that the current value of its control is already about
//! the best one: then moving that control will not cure the over- or underfitting the errors
//! suggest, and the learner should hear so (the rest is the noise in the points, or another
//! control).

use super::spec::format_value;
use super::sweep::Sweep;
use crate::format::short;

/// A sentence for the verdict, once the curve is done, when the current position's
/// cross-validated error is the lowest or within one standard deviation (across folds) of the
/// lowest — the one-standard-error rule; `None` otherwise.
pub fn curve_note(sweep: &Sweep, current: usize) -> Option<String> {
    if !sweep.is_done() {
        return None;
    }
    let at = sweep.positions.iter().position(|&p| p == current)?;
    let here = sweep.results.get(at)?.cv;
    let (best_at, best) = (sweep.results.iter().enumerate())
        .filter(|(_, r)| r.cv.mean.is_finite())
        .min_by(|a, b| a.1.cv.mean.total_cmp(&b.1.cv.mean))?;
    if !here.mean.is_finite() || here.mean > best.cv.mean + best.cv.sd {
        return None;
    }
    let label = sweep.key.spec().label;
    let value = format_value(sweep.key, current);
    let lowest = if best_at == at {
        "the lowest cross-validated error on the curve".to_string()
    } else {
        format!(
            "a cross-validated error of {} against the lowest, {} at {}, within one standard \
             deviation across folds",
            short(here.mean),
            short(best.cv.mean),
            format_value(sweep.key, sweep.positions[best_at])
        )
    };
    Some(format!(
        "Yet the validation curve gives {label} = {value} {lowest}: moving {label} alone will \
         not do better on these points."
    ))
}
