//! Fresh points beyond the training points' range. Cross-validation holds out training points,
//! so every held-out point lies within the training points' range: a model that goes astray
//! beyond it (a polynomial's ends) errs there on fresh points, and no fold can show it. With one
//! input (polynomial regression) the range is an interval, and the fresh points outside it are
//! scored apart.
//!
//! Helper 85: the Tuning lesson's leave-one-out step chose degree 3 at a cross-validated 0.043,
//! and it erred 0.17 on fresh points; its 28 training points span x from −0.92 to 0.68 only.

use crate::data::regression::Point;
use crate::ml::model::Model;

/// The fresh points outside the training points' range, against those inside it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Beyond {
    /// The training points' range of x.
    pub range: (f64, f64),
    /// How many fresh points lie outside the range, of how many.
    pub outside: usize,
    pub fresh: usize,
    /// The mean squared error on the fresh points outside the range, and inside it.
    pub outside_error: f64,
    pub inside_error: f64,
}

impl Beyond {
    /// `model` (trained on `train`) on `fresh`, split at the training points' range; `None` when
    /// every fresh point lies on one side.
    pub fn of<M: Model<Samples = Vec<Point>>>(
        model: &M,
        train: &[Point],
        fresh: &[Point],
    ) -> Option<Beyond> {
        let lo = train.iter().map(|p| p.x).fold(f64::INFINITY, f64::min);
        let hi = train.iter().map(|p| p.x).fold(f64::NEG_INFINITY, f64::max);
        let (outside, inside): (Vec<Point>, Vec<Point>) =
            fresh.iter().partition(|p| p.x < lo || p.x > hi);
        if outside.is_empty() || inside.is_empty() {
            return None;
        }
        Some(Beyond {
            range: (lo, hi),
            outside: outside.len(),
            fresh: fresh.len(),
            outside_error: model.score(&outside).error(),
            inside_error: model.score(&inside).error(),
        })
    }

    /// The outside points' share of the fresh points' summed squared error.
    pub fn share(&self) -> f64 {
        let outside = self.outside_error * self.outside as f64;
        let inside = self.inside_error * (self.fresh - self.outside) as f64;
        outside / (outside + inside)
    }

    /// Whether the points outside are what makes the fresh error: they err over twice as much
    /// as those inside and carry at least half of it.
    pub fn matters(&self) -> bool {
        self.outside_error > 2.0 * self.inside_error && self.share() >= 0.5
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ml::optimizer::OptimizerKind;
    use crate::ml::polynomial::{Hyper, Trainer};
    use crate::ml::regularization::Regularization;

    /// By hand: a straight line fitted exactly to y = x on x ∈ [−0.5, 0.5], scored on y = x²
    /// at x = −1, 0, 0.25 and 1. Inside (0 and 0.25): errors 0² and (0.25 − 0.0625)², mean
    /// 0.017578125; outside (−1 and 1): (−1 − 1)² = 4 and 0, mean 2.
    #[test]
    fn fresh_points_outside_the_range_are_scored_apart() {
        let train: Vec<Point> = [-0.5, 0.0, 0.5].map(|x| Point { x, y: x }).to_vec();
        let hyper =
            Hyper::new(0.1, 1, Regularization::None, 0.0, None, OptimizerKind::Adam).unwrap();
        let mut line = Trainer::new(hyper, &train, 0);
        for _ in 0..5000 {
            line.step();
        }
        assert!((line.model().predict(1.0) - 1.0).abs() < 1e-6);
        let fresh: Vec<Point> = [-1.0, 0.0, 0.25, 1.0]
            .map(|x| Point { x, y: x * x })
            .to_vec();
        let b = Beyond::of(&line, &train, &fresh).unwrap();
        assert_eq!((b.range, b.outside, b.fresh), ((-0.5, 0.5), 2, 4));
        assert!((b.outside_error - 2.0).abs() < 1e-6, "{b:?}");
        assert!((b.inside_error - 0.017578125).abs() < 1e-6, "{b:?}");
        assert!((b.share() - 4.0 / (4.0 + 0.03515625)).abs() < 1e-6);
        assert!(b.matters());
        // Every fresh point inside: nothing to split.
        assert_eq!(Beyond::of(&line, &train, &fresh[1..3]), None);
    }
}
