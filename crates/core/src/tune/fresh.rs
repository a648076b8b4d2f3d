//! Fresh points from the data's generator: what a model really does, and how far a set of points
//! strays from that by chance.
//!
//! Cross-validation's estimate of the chosen hyperparameters differs from what the model
//! retrained on all the training points does for two reasons, and fresh points tell them apart:
//! - **which points were held out** (and, for the best of many trials, that the search kept the
//!   lowest estimate): the fold models' error on fresh points against their held-out error;
//! - **fewer points to learn from**: each fold model learns from (k − 1)/k of the training
//!   points, the retrained model from all of them; both scored on the same fresh points.

use crate::ml::model::{fit_checked, Model, Samples, Score};

/// Most fold models trained again for [`folds_on_fresh`]: all of a k-fold split, the first ones
/// of leave-one-out (whose fold models all learn from all the points but one).
pub const MOST_FOLD_MODELS: usize = 10;

/// How far the mean error over `points` points strays by chance alone from the error on the
/// whole population (one standard error), from `per_point` errors on fresh points:
/// - error rates (`classes`: each per-point error 0 or 1) have the binomial spread √(f(1 − f))
///   at Agresti and Coull's f = (k + 2) / (N + 4), k of N fresh points wrong, so that a model
///   right on every fresh point still gets a spread (helper 82 read "± 0" at 0 of 200 wrong,
///   when 60 test points can very well hold a mistake);
/// - squared errors have their sample standard deviation;
///
/// over √points.
pub fn chance_spread(per_point: &[f64], classes: bool, points: usize) -> f64 {
    let spread = if classes {
        let wrong = per_point.iter().sum::<f64>();
        let f = (wrong + 2.0) / (per_point.len() as f64 + 4.0);
        libm::sqrt(f * (1.0 - f))
    } else {
        crate::tune::cv::MeanSd::of(per_point).sd
    };
    spread / libm::sqrt(points as f64)
}

/// A model's error on each fresh point, and whether they are error rates (0 or 1 each).
pub fn per_point<M: Model>(model: &M, fresh: &M::Samples) -> (Vec<f64>, bool) {
    let scores: Vec<Score> = (0..fresh.count())
        .map(|i| model.score(&fresh.subset(&[i])))
        .collect();
    let classes = scores.first().is_some_and(|s| s.accuracy.is_some());
    (scores.iter().map(Score::error).collect(), classes)
}

/// What cross-validation's own fold models do on fresh points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FoldsOnFresh {
    /// The mean of the fold models' errors on the fresh points.
    pub error: f64,
    /// How far cross-validation's mean over the held-out points (every training point held out
    /// once) strays from that by chance alone ([`chance_spread`] of the fold models' per-point
    /// errors, pooled, over √(training points)).
    pub chance: f64,
    /// How far `error` itself, a mean over the fresh points, strays by chance ([`chance_spread`]
    /// over √(fresh points)): the fresh points are a sample too (helper 83).
    pub fresh_chance: f64,
    /// How many fresh points.
    pub fresh_points: usize,
    /// The fold models trained again (all the folds, or the first [`MOST_FOLD_MODELS`]).
    pub models: usize,
    /// How many folds the cross-validation has.
    pub folds: usize,
    /// The fewest and the most training points a fold model learned from.
    pub learned: (usize, usize),
    /// All the training points.
    pub training: usize,
}

/// Cross-validation's fold models for `hyper` (built with `seed`, at most `steps` steps, on the
/// same folds of `train`: the very models whose held-out errors made its estimate), scored on
/// `fresh`. `None` if one of them diverged (then cross-validation had no estimate to explain).
pub fn folds_on_fresh<M: Model>(
    hyper: &M::Hyper,
    train: &M::Samples,
    folds: &crate::tune::folds::Folds,
    seed: u64,
    steps: u32,
    fresh: &M::Samples,
) -> Option<FoldsOnFresh> {
    let models = folds.count().min(MOST_FOLD_MODELS);
    let (mut errors, mut pooled, mut classes) = (Vec::new(), Vec::new(), false);
    for fold in 0..models {
        let learn = train.subset(&folds.training(fold));
        let (model, diverged) = fit_checked::<M>(hyper, &learn, seed, steps);
        if diverged {
            return None;
        }
        errors.push(model.score(fresh).error());
        let (points, rates) = per_point(&model, fresh);
        pooled.extend(points);
        classes = rates;
    }
    Some(FoldsOnFresh {
        error: errors.iter().sum::<f64>() / models as f64,
        chance: chance_spread(&pooled, classes, train.count()),
        fresh_chance: chance_spread(&pooled, classes, fresh.count()),
        fresh_points: fresh.count(),
        models,
        folds: folds.count(),
        learned: (folds.smallest_training(), folds.largest_training()),
        training: train.count(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tune::folds::{Folds, Scheme};
    use crate::tune::toy::{Shifted, Values};

    #[test]
    fn the_binomial_spread_is_agresti_and_coulls_and_squared_errors_their_sd() {
        // 3 of 10 wrong: f = 5/14.
        let rates = [1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0];
        let f: f64 = 5.0 / 14.0;
        let want = (f * (1.0 - f) / 25.0).sqrt();
        assert!((chance_spread(&rates, true, 25) - want).abs() < 1e-15);
        // 0 of 10 wrong still spreads: f = 2/14.
        assert!(chance_spread(&[0.0; 10], true, 4) > 0.17);
        // Squared errors 1, 2, 3: sd 1, over √4.
        assert!((chance_spread(&[1.0, 2.0, 3.0], false, 4) - 0.5).abs() < 1e-15);
    }

    /// The fold models are cross-validation's: a model that predicts its training values' mean,
    /// on folds of known values, errs on a fresh value by the hand-computed squared gap.
    #[test]
    fn the_fold_models_learn_from_the_other_folds_and_are_scored_on_the_fresh_samples() {
        let train = Values(vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
        let folds = Folds::new(6, Scheme::KFold(3), 1).unwrap();
        let fresh = Values(vec![5.0, 7.0]);
        let f = folds_on_fresh::<Shifted>(&0.0, &train, &folds, 0, 10, &fresh).unwrap();
        // Each fold model learns the mean m of its 4 training values and errs
        // ((m − 5)² + (m − 7)²) / 2 on the fresh values.
        let mut want = 0.0;
        for fold in 0..3 {
            let learned: Vec<f64> = folds.training(fold).iter().map(|&i| train.0[i]).collect();
            let m = learned.iter().sum::<f64>() / 4.0;
            want += ((m - 5.0).powi(2) + (m - 7.0).powi(2)) / 2.0 / 3.0;
        }
        assert!((f.error - want).abs() < 1e-12, "{} {want}", f.error);
        assert_eq!(
            (f.models, f.folds, f.learned, f.training),
            (3, 3, (4, 4), 6)
        );
        // Squared errors: the pooled six per-point errors' sd over √6.
        assert!(f.chance > 0.0 && f.chance.is_finite());
    }

    /// Leave-one-out trains only the first [`MOST_FOLD_MODELS`] of its fold models again.
    #[test]
    fn leave_one_out_trains_at_most_ten_fold_models_again() {
        let train = Values((0..30).map(f64::from).collect());
        let folds = Folds::new(30, Scheme::LeaveOneOut, 1).unwrap();
        let fresh = Values(vec![1.0, 2.0]);
        let f = folds_on_fresh::<Shifted>(&0.0, &train, &folds, 0, 10, &fresh);
        let f = f.unwrap();
        assert_eq!((f.models, f.folds, f.learned), (10, 30, (29, 29)));
    }
}
