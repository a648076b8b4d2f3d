//! The error axis of the Tuning lab's pictures (the search space's curve and the best so far):
//! log₁₀ of the errors, with a place for an error of 0 and a band for a model that diverged.

/// The pictures' error axis: log₁₀ of the errors, each end a whole power of ten (a decade if
/// there is no error). A log scale has no zero, and a cross-validated error of exactly 0 is
/// common (k-NN on well-separated classes): zeros get a decade of their own below the smallest
/// positive error and are drawn on the bottom edge, labelled "0"; a model that diverged (no
/// error) is drawn in a band above the top, labelled "diverged", so that it never reads as the
/// error of the top gridline.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct ErrorAxis {
    pub(super) lo: f64,
    pub(super) hi: f64,
    /// Some error is exactly 0: the axis has a decade for it below the smallest positive one.
    pub(super) zero: bool,
    /// Some model diverged: the axis has the band above `hi`.
    pub(super) blown: bool,
}

/// The "diverged" band's height, as a share of the axis from `lo` to `hi`.
const BAND: f64 = 0.12;

impl ErrorAxis {
    pub(super) fn of(errors: impl Iterator<Item = f64>) -> Self {
        let (mut lo, mut hi, mut zero, mut blown) =
            (f64::INFINITY, f64::NEG_INFINITY, false, false);
        for e in errors {
            if e == 0.0 {
                zero = true;
            } else if e.is_finite() && e > 0.0 {
                (lo, hi) = (lo.min(e.log10()), hi.max(e.log10()));
            } else {
                blown = true;
            }
        }
        let (lo, hi) = if lo.is_finite() {
            (lo.floor(), hi.ceil().max(lo.floor() + 1.0))
        } else {
            (-2.0, 0.0)
        };
        ErrorAxis {
            lo: if zero { lo - 1.0 } else { lo },
            hi,
            zero,
            blown,
        }
    }

    /// The axis's top: `hi`, or above it the band where diverged models are drawn.
    pub(super) fn top(&self) -> f64 {
        if self.blown {
            self.hi + BAND * (self.hi - self.lo)
        } else {
            self.hi
        }
    }

    /// Where error `e` is drawn: at its log, a zero on the bottom edge, no error in the middle of
    /// the band above the top gridline (on the top edge where the axis has no band).
    pub(super) fn y(&self, e: f64) -> f64 {
        if e == 0.0 {
            self.lo
        } else if e.is_finite() && e > 0.0 {
            e.log10().clamp(self.lo, self.hi)
        } else {
            (self.hi + self.top()) / 2.0
        }
    }

    /// The label of a gridline at log₁₀ value `v` ("0" on the bottom edge when zeros are there;
    /// none in the band, which is no error at all).
    pub(super) fn label(&self, v: f64) -> String {
        if self.zero && (v - self.lo).abs() < 1e-9 {
            "0".into()
        } else if v > self.hi + 1e-9 {
            String::new()
        } else {
            log_tick(v)
        }
    }
}

/// The label of a gridline at log10 value `v`: the error there to two significant figures
/// ("0.63" at 10^−0.2). The axis is linear in log10, so plotters puts gridlines at any fraction
/// of a decade, and a rounded power of ten ("6e-1" at 0.631) named the wrong number.
fn log_tick(v: f64) -> String {
    super::style::log_tick(10f64.powf(v), 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_ticks_name_the_value_at_their_gridline() {
        assert_eq!(log_tick(-0.2), "0.63");
        assert_eq!(log_tick(-0.6), "0.25");
        assert_eq!(log_tick(-0.8), "0.16");
        assert_eq!(log_tick(-1.0), "0.10");
        assert_eq!(log_tick(0.0), "1.0");
        for i in -40..10 {
            let v = f64::from(i) / 10.0;
            let shown: f64 = log_tick(v).parse().unwrap();
            let relative = (shown / 10f64.powf(v) - 1.0).abs();
            assert!(relative < 0.05, "{v}: {} is {relative} off", log_tick(v));
        }
    }

    /// k-NN on well-separated classes: cross-validated errors of exactly 0. A log scale has no
    /// zero: they get the decade below the smallest positive error, on the bottom edge labelled
    /// "0" — not the top, above which a model that diverged goes.
    #[test]
    fn an_error_of_0_sits_on_the_bottom_edge_and_a_diverged_model_in_a_band_above() {
        let errors = ErrorAxis::of([0.0, 0.02, 0.3, f64::INFINITY].into_iter());
        assert_eq!(
            errors,
            ErrorAxis {
                lo: -3.0,
                hi: 0.0,
                zero: true,
                blown: true
            }
        );
        assert_eq!(errors.y(0.0), -3.0, "the bottom edge");
        // Diverged: in the middle of a band above the top gridline (1.0), which is unlabelled.
        assert_eq!(errors.top(), 0.36);
        assert!((errors.y(f64::INFINITY) - 0.18).abs() < 1e-12);
        assert_eq!(errors.label(0.2), "");
        assert_eq!(errors.label(0.0), "1.0");
        assert_eq!(errors.label(-3.0), "0");
        assert_eq!(errors.label(-2.0), "0.010");
        let calm = ErrorAxis::of([0.02, 0.3].into_iter());
        assert!(!calm.blown && calm.top() == calm.hi);
        assert!(!ErrorAxis::of([0.02, 0.3].into_iter()).zero);
    }
}
