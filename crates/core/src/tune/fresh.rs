//! Fresh points from the data's generator: what a model really does, and how far a set of points
//! strays from that by chance.
//!
//! Cross-validation's estimate of the chosen hyperparameters differs from what the model
//! retrained on all the training points does for two reasons, and fresh points tell them apart:
//! - **which points were held out** (and, for the best of many trials, that the search kept the
//!   lowest estimate): the fold models' error on fresh points against their held-out error;
//! - **fewer points to learn from**: each fold model learns from (k − 1)/k of the training
//!   points, the retrained model from all of them; both scored on the same fresh points.

#[cfg(doc)]
use crate::ml::model::Score;
use crate::ml::model::{fit_checked, Model, Samples};

/// Most fold models trained again for [`folds_on_fresh`]: all of a k-fold split, the first ones
/// of leave-one-out (whose fold models all learn from all the points but one).
pub const MOST_FOLD_MODELS: usize = 10;

/// One or more models' errors on fresh points, as much as their spread needs.
#[derive(Clone, Debug, PartialEq)]
pub enum PointErrors {
    /// Error rates: how many answers were wrong, of how many (each 0 or 1, so the count is all
    /// the spread needs, and one scoring of the whole set gives it).
    Rate { wrong: f64, answers: usize },
    /// Squared errors, one per point and model.
    Squared(Vec<f64>),
}

impl PointErrors {
    /// `model`'s errors on `fresh`.
    pub fn of<M: Model>(model: &M, fresh: &M::Samples) -> Self {
        let whole = model.score(fresh);
        if whole.accuracy.is_some() {
            let answers = fresh.count();
            return PointErrors::Rate {
                wrong: libm::round(whole.error() * answers as f64),
                answers,
            };
        }
        let each = (0..fresh.count()).map(|i| model.score(&fresh.subset(&[i])).error());
        PointErrors::Squared(each.collect())
    }

    /// The mean error: the error rate, or the mean squared error (what [`Score::error`] gives on
    /// the whole set, so it needs no second scoring).
    pub fn mean(&self) -> f64 {
        match self {
            PointErrors::Rate { wrong, answers } => wrong / *answers as f64,
            PointErrors::Squared(each) => each.iter().sum::<f64>() / each.len() as f64,
        }
    }

    /// These errors and `other`'s together (of the same kind).
    fn pool(self, other: Self) -> Self {
        match (self, other) {
            (
                PointErrors::Rate { wrong, answers },
                PointErrors::Rate {
                    wrong: w,
                    answers: a,
                },
            ) => PointErrors::Rate {
                wrong: wrong + w,
                answers: answers + a,
            },
            (PointErrors::Squared(mut a), PointErrors::Squared(b)) => {
                a.extend(b);
                PointErrors::Squared(a)
            }
            (_, other) => other,
        }
    }

    /// How far the mean error over `points` points strays by chance alone from the error on
    /// the whole population (one standard error):
    /// - error rates have the binomial spread √(f(1 − f)) at Agresti and Coull's f = (k + 2) /
    ///   (N + 4), k of N answers wrong, so that a model right on every fresh point still gets a
    ///   spread (helper 82 read "± 0" at 0 of 200 wrong, when 60 test points can very well hold
    ///   a mistake);
    /// - squared errors have their sample standard deviation;
    ///
    /// over √points.
    pub fn chance(&self, points: usize) -> f64 {
        let spread = match self {
            PointErrors::Rate { wrong, answers } => {
                let f = (wrong + 2.0) / (*answers as f64 + 4.0);
                libm::sqrt(f * (1.0 - f))
            }
            PointErrors::Squared(each) => crate::tune::cv::MeanSd::of(each).sd,
        };
        spread / libm::sqrt(points as f64)
    }
}

/// What cross-validation's own fold models do on fresh points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FoldsOnFresh {
    /// The mean of the fold models' errors on the fresh points.
    pub error: f64,
    /// How far cross-validation's mean over the held-out points (every training point held out
    /// once) strays from that by chance alone ([`PointErrors::chance`] of the fold models' errors,
    /// pooled, over √(training points)).
    pub chance: f64,
    /// How far `error` itself, a mean over the fresh points, strays by chance ([`PointErrors::chance`]
    /// over √(fresh points)): the fresh points are a sample too (helper 83).
    pub fresh_chance: f64,
    /// How many fresh points.
    pub fresh_points: usize,
    /// The fold models trained again (all the folds, or the first [`MOST_FOLD_MODELS`]).
    pub models: usize,
    /// How many folds the cross-validation has.
    pub folds: usize,
    /// The lowest and the highest of the fold models' errors on the fresh points: how much
    /// models trained on other points differ among themselves.
    pub range: (f64, f64),
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
    let mut errors = Vec::new();
    let mut pooled: Option<PointErrors> = None;
    for fold in 0..models {
        let learn = train.subset(&folds.training(fold));
        let (model, diverged) = fit_checked::<M>(hyper, &learn, seed, steps);
        if diverged {
            return None;
        }
        let these = PointErrors::of(&model, fresh);
        errors.push(these.mean());
        pooled = Some(match pooled {
            Some(p) => p.pool(these),
            None => these,
        });
    }
    let pooled = pooled?;
    Some(FoldsOnFresh {
        error: errors.iter().sum::<f64>() / models as f64,
        range: (
            errors.iter().copied().fold(f64::INFINITY, f64::min),
            errors.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        ),
        chance: pooled.chance(train.count()),
        fresh_chance: pooled.chance(fresh.count()),
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
        let rates = PointErrors::Rate {
            wrong: 3.0,
            answers: 10,
        };
        let f: f64 = 5.0 / 14.0;
        assert!((rates.chance(25) - (f * (1.0 - f) / 25.0).sqrt()).abs() < 1e-15);
        // 0 of 10 wrong still spreads: f = 2/14.
        let none = PointErrors::Rate {
            wrong: 0.0,
            answers: 10,
        };
        assert!(none.chance(4) > 0.17);
        // Pooled: 3 of 10 and 0 of 10 are 3 of 20.
        let pooled = rates.pool(none);
        assert_eq!(
            pooled,
            PointErrors::Rate {
                wrong: 3.0,
                answers: 20
            }
        );
        // Squared errors 1, 2, 3: sd 1, over √4.
        assert!((PointErrors::Squared(vec![1.0, 2.0, 3.0]).chance(4) - 0.5).abs() < 1e-15);
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
