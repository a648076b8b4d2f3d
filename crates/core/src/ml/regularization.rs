//! Penalties on the weights (never on the intercept).
//!
//! - **L2 (ridge)** adds λ·Σw² to the objective; its gradient 2λw pulls every weight toward zero
//!   in proportion to its size, so weights shrink but rarely reach exactly zero.
//! - **L1 (lasso)** adds λ·Σ|w|. Its gradient is not defined at zero, so after each gradient step a
//!   proximal (soft-threshold) step moves each weight toward zero by λ times the step size the
//!   optimizer took on that weight, and stops at zero: that is what makes some weights exactly
//!   zero. (With plain SGD the step size is the learning rate; momentum and Adam take other steps,
//!   see [`super::optimizer::Optimizer::step_size`], and the shrinkage must match them for training
//!   to settle at the minimum of the stated objective.) A plain subgradient step would only
//!   oscillate around zero.

/// Which penalty to add to the loss.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Regularization {
    None,
    L2,
    L1,
}

impl Regularization {
    /// The penalty for the weights (intercept excluded by the caller): λ·Σw² (L2, the squared
    /// norm) or λ·Σ|w| (L1).
    pub fn penalty(self, lambda: f64, weights: &[f64]) -> f64 {
        match self {
            Regularization::None => 0.0,
            Regularization::L2 => lambda * weights.iter().map(|w| w * w).sum::<f64>(),
            Regularization::L1 => lambda * weights.iter().map(|w| w.abs()).sum::<f64>(),
        }
    }

    /// Adds the penalty's gradient to `grad` (L2 only: L1 is handled by [`Self::proximal`]).
    pub fn add_gradient(self, lambda: f64, weights: &[f64], grad: &mut [f64]) {
        if self == Regularization::L2 {
            for (g, w) in grad.iter_mut().zip(weights) {
                *g += 2.0 * lambda * w;
            }
        }
    }

    /// The proximal step after the optimizer's step (L1 only): weight i moves toward zero by
    /// λ·`step_size(i)`, the step size the optimizer takes on it, and stops at zero.
    pub fn proximal(self, lambda: f64, weights: &mut [f64], step_size: impl Fn(usize) -> f64) {
        if self == Regularization::L1 {
            for (i, w) in weights.iter_mut().enumerate() {
                *w = soft_threshold(*w, lambda * step_size(i));
            }
        }
    }
}

/// Moves `w` toward zero by `t`, stopping at zero.
pub fn soft_threshold(w: f64, t: f64) -> f64 {
    if w > t {
        w - t
    } else if w < -t {
        w + t
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn soft_threshold_by_hand() {
        assert_eq!(soft_threshold(0.5, 0.2), 0.3);
        assert_eq!(soft_threshold(-0.5, 0.2), -0.3);
        assert_eq!(soft_threshold(0.1, 0.2), 0.0);
    }

    #[test]
    fn penalties_by_hand() {
        let w = [3.0, -4.0];
        assert_eq!(Regularization::L2.penalty(0.5, &w), 12.5); // 0.5 · (9 + 16)
        assert_eq!(Regularization::L1.penalty(0.5, &w), 3.5); // 0.5 · (3 + 4)
        assert_eq!(Regularization::None.penalty(0.5, &w), 0.0);
        let mut g = [0.0, 0.0];
        Regularization::L2.add_gradient(0.5, &w, &mut g);
        assert_eq!(g, [3.0, -4.0]); // 2 · 0.5 · w
    }
}
