//! Cross-validation of any model: for each fold, train a fresh model on the other folds and
//! score it on the held-out one. The mean of the held-out errors estimates how the
//! hyperparameters would do on new data, using only the training samples — the test set stays
//! untouched for the final verdict.
//!
//! **Divergence.** A fold model whose training diverged — a step made its loss explode and was
//! undone ([`Progress::Diverged`], the same test on which a lab's training stops and says
//! "Diverged") — has no error to compare: the parameters its guard kept are wherever the
//! explosion had got to, and scoring them gives an arbitrary number (an explosion cut off
//! earlier scores lower). Its error is [`DIVERGED`] (+∞), and so is the mean of any folds that
//! include it: one diverged fold makes the whole cross-validation diverged. Validation curves
//! draw no number there, the Tuning lab's tables say "diverged", and a search never chooses it.

use super::folds::{FoldError, Folds};
use crate::ml::model::{fit_checked, Model, Progress, Samples, Score};

/// The error of a model whose training diverged: +∞, worse than every finished model's, and
/// never a number to draw or average. Passed as it is between the page and its workers.
pub const DIVERGED: f64 = f64::INFINITY;

/// Whether `error` is [`DIVERGED`]'s.
pub fn diverged(error: f64) -> bool {
    error == DIVERGED
}

/// The mean and the spread of some numbers.
///
/// `sd` is the *sample* standard deviation, √(Σ(x − mean)² / (n − 1)), as most texts report the
/// spread of cross-validation errors; 0 for a single number.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct MeanSd {
    pub mean: f64,
    pub sd: f64,
}

impl MeanSd {
    /// The mean and sample standard deviation of `values` (zeros if there are none). If any is
    /// [`DIVERGED`], the mean is too, with no spread (sd 0): there is no mean to speak of.
    pub fn of(values: &[f64]) -> Self {
        let n = values.len();
        if n == 0 {
            return MeanSd::default();
        }
        if values.iter().any(|v| diverged(*v)) {
            return MeanSd {
                mean: DIVERGED,
                sd: 0.0,
            };
        }
        let mean = values.iter().sum::<f64>() / n as f64;
        let squares = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>();
        let sd = if n > 1 {
            libm::sqrt(squares / (n - 1) as f64)
        } else {
            0.0
        };
        MeanSd { mean, sd }
    }

    /// Whether the mean is [`DIVERGED`]'s: a model that diverged is among those averaged.
    pub fn diverged(&self) -> bool {
        diverged(self.mean)
    }
}

/// Whether a mean error ties with the lowest: equal but for the last bits, in which two errors
/// that are the same share of the same points may differ when summed in another order (helper
/// 59: k = 32 was named best where k = 16, 17 and 48 read the same 15.7 %). The validation
/// curve's lowest point and the Tuning lab's best trial are both the first of those that tie.
pub fn ties(error: f64, lowest: f64) -> bool {
    error <= lowest + 1e-9 * lowest.abs()
}

/// The index of the lowest of `means` that is finite (never a [`DIVERGED`] one), the first of
/// those that [`ties`] with it; `None` if none is finite. The validation curve's lowest point,
/// the Tuning lab's best trial and the one its picture rings.
pub fn first_lowest(means: &[f64]) -> Option<usize> {
    let finite = || means.iter().copied().filter(|m| m.is_finite());
    let lowest = finite().reduce(f64::min)?;
    means.iter().position(|&m| m.is_finite() && ties(m, lowest))
}

/// How one choice of hyperparameters did in a cross-validation.
#[derive(Clone, Debug, PartialEq)]
pub struct CrossValidation {
    /// Each fold's score on its held-out samples, fold 0 first (of a fold that diverged: the
    /// score of the parameters its guard kept, not an error to compare).
    pub scores: Vec<Score>,
    /// Each fold's held-out error ([`Score::error`]; [`DIVERGED`] if its model diverged), fold
    /// 0 first.
    pub errors: Vec<f64>,
    /// Mean and sample standard deviation of `errors` ([`DIVERGED`] if any fold diverged).
    pub error: MeanSd,
    /// Mean and sample standard deviation of each fold model's error on the samples it learned
    /// from: the training curve of a validation curve, from the same models as `error`
    /// ([`DIVERGED`] likewise).
    pub train_error: MeanSd,
}

/// The error on `held_out` of a fresh model built with `seed` on `learn` and trained for at most
/// `steps` steps, or [`DIVERGED`] if its training diverged: one fold of [`cross_validate`] (or,
/// with the test samples held out, one trial selected by the test score).
pub fn fold_error<M: Model>(
    hyper: &M::Hyper,
    learn: &M::Samples,
    held_out: &M::Samples,
    seed: u64,
    steps: u32,
) -> f64 {
    match fit_checked::<M>(hyper, learn, seed, steps) {
        (_, true) => DIVERGED,
        (model, false) => model.score(held_out).error(),
    }
}

/// Cross-validates `hyper` on `train` over `folds`: each fold's model is built with `seed` and
/// trained for at most `steps` steps ([`crate::ml::model::fit`]). Only training samples come in, so the test set
/// cannot leak into the choice of hyperparameters. Refused if the folds were made for another
/// number of samples.
pub fn cross_validate<M: Model>(
    hyper: &M::Hyper,
    train: &M::Samples,
    folds: &Folds,
    seed: u64,
    steps: u32,
) -> Result<CrossValidation, FoldError> {
    let mut cv = SlicedCv::<M>::new(hyper.clone(), train, folds.clone(), seed, steps)?;
    cv.advance(train, u32::MAX);
    Ok(cv.result().expect("an unlimited budget runs every fold"))
}

/// A cross-validation run a slice at a time: the same models and errors as [`cross_validate`]
/// (which runs one to the end), but each call trains for a budget of steps only, so that a page
/// can spread the work over animation frames (the validation curves do).
#[derive(Clone, Debug)]
pub struct SlicedCv<M: Model> {
    hyper: M::Hyper,
    folds: Folds,
    seed: u64,
    steps: u32,
    /// The fold in training: its model, the steps it has taken, and the samples it learns from.
    current: Option<(M, u32, M::Samples)>,
    /// Each finished fold's error on its own training samples, its held-out score, and whether
    /// its training diverged.
    done: Vec<(f64, Score, bool)>,
}

impl<M: Model> SlicedCv<M> {
    /// A cross-validation of `hyper` on `train` over `folds`, each fold's model built with `seed`
    /// and trained for at most `steps` steps; nothing is trained yet. Refused if the folds were
    /// made for another number of samples.
    pub fn new(
        hyper: M::Hyper,
        train: &M::Samples,
        folds: Folds,
        seed: u64,
        steps: u32,
    ) -> Result<Self, FoldError> {
        if folds.samples() != train.count() {
            return Err(FoldError::SampleCount {
                folds_for: folds.samples(),
                samples: train.count(),
            });
        }
        Ok(SlicedCv {
            hyper,
            folds,
            seed,
            steps,
            current: None,
            done: Vec::new(),
        })
    }

    /// Trains for up to `budget` steps (calls of [`Model::step`], as [`crate::ml::model::fit`] makes
    /// them) on
    /// `train` — the samples given to [`SlicedCv::new`] — scoring each fold as it finishes.
    /// Returns the steps used: all of `budget` unless every fold is done.
    ///
    /// Panics if `train` has another number of samples than the folds.
    pub fn advance(&mut self, train: &M::Samples, budget: u32) -> u32 {
        assert_eq!(self.folds.samples(), train.count(), "the folds' samples");
        let mut used = 0;
        while self.done.len() < self.folds.count() {
            let fold = self.done.len();
            let (model, taken, learn) = self.current.get_or_insert_with(|| {
                let learn = train.subset(&self.folds.training(fold));
                (M::new(&self.hyper, &learn, self.seed), 0, learn)
            });
            let mut finished = *taken >= self.steps;
            let mut diverged = false;
            // As `fit_checked` steps.
            while !finished && used < budget {
                used += 1;
                *taken += 1;
                let progress = model.step();
                diverged = progress == Progress::Diverged;
                finished = progress != Progress::Trained || *taken >= self.steps;
            }
            if !finished {
                break;
            }
            let own = model.score(learn).error();
            let held_out = model.score(&train.subset(self.folds.validation(fold)));
            self.done.push((own, held_out, diverged));
            self.current = None;
        }
        used
    }

    /// Each finished fold's held-out error ([`Score::error`], or [`DIVERGED`]), fold 0 first:
    /// the errors so far.
    pub fn held_out(&self) -> Vec<f64> {
        self.done
            .iter()
            .map(|d| Self::error(d.1.error(), d.2))
            .collect()
    }

    /// Each finished fold's error on the samples it learned from (or [`DIVERGED`]), fold 0
    /// first.
    pub fn own_errors(&self) -> Vec<f64> {
        self.done.iter().map(|d| Self::error(d.0, d.2)).collect()
    }

    /// A fold's error, or [`DIVERGED`] if its model diverged.
    fn error(error: f64, diverged: bool) -> f64 {
        if diverged {
            DIVERGED
        } else {
            error
        }
    }

    /// The cross-validation, once every fold is done.
    pub fn result(&self) -> Option<CrossValidation> {
        if self.done.len() < self.folds.count() {
            return None;
        }
        let scores: Vec<Score> = self.done.iter().map(|d| d.1.clone()).collect();
        let errors = self.held_out();
        Some(CrossValidation {
            error: MeanSd::of(&errors),
            train_error: MeanSd::of(&self.own_errors()),
            scores,
            errors,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::folds::Scheme;
    use super::super::toy::{Shifted, Values};
    use super::*;

    #[test]
    fn the_first_lowest_skips_divergence_and_takes_the_first_of_a_tie() {
        // 4/28 summed in two orders: a last bit apart, a tie; the first wins.
        let means = [0.3, DIVERGED, 0.14285714285714288, 0.14285714285714285, 0.2];
        assert_eq!(first_lowest(&means), Some(2));
        assert_eq!(first_lowest(&[0.2, 0.1]), Some(1));
        assert_eq!(first_lowest(&[DIVERGED, DIVERGED]), None);
        assert_eq!(first_lowest(&[]), None);
    }

    #[test]
    fn mean_and_sample_sd() {
        let s = MeanSd::of(&[1.0, 2.0, 3.0, 6.0]);
        // Squares around 3: 4 + 1 + 0 + 9 = 14, over n − 1 = 3.
        assert_eq!(s.mean, 3.0);
        assert!((s.sd - (14.0f64 / 3.0).sqrt()).abs() < 1e-15);
        assert_eq!(MeanSd::of(&[5.0]), MeanSd { mean: 5.0, sd: 0.0 });
        assert_eq!(MeanSd::of(&[]), MeanSd::default());
    }

    #[test]
    fn leave_one_out_of_the_mean_predictor_by_hand() {
        // Leaving yᵢ out, the mean of the rest misses it by n/(n − 1)·(yᵢ − ȳ).
        // y = 1, 2, 3, 6: ȳ = 3, n/(n − 1) = 4/3, so the errors are (4/3)²·(4, 1, 0, 9).
        let train = Values(vec![1.0, 2.0, 3.0, 6.0]);
        let folds = Folds::new(4, Scheme::LeaveOneOut, 0).unwrap();
        let cv = cross_validate::<Shifted>(&0.0, &train, &folds, 0, 10).unwrap();
        let by_hand = [4.0, 1.0, 0.0, 9.0].map(|d| d * 16.0 / 9.0);
        for (e, h) in cv.errors.iter().zip(by_hand) {
            assert!((e - h).abs() < 1e-12, "{:?}", cv.errors);
        }
        assert!((cv.error.mean - 14.0 * 4.0 / 9.0).abs() < 1e-12);
        assert_eq!(
            cv.errors,
            cv.scores.iter().map(Score::error).collect::<Vec<_>>()
        );
        // With no training step the model predicts 0: the steps reach the models.
        let untrained = cross_validate::<Shifted>(&0.0, &train, &folds, 0, 0).unwrap();
        assert_eq!(untrained.errors, vec![1.0, 4.0, 9.0, 36.0]);
    }

    #[test]
    fn each_fold_learns_from_the_others_and_is_scored_on_itself() {
        // Values far apart: each fold's error names the samples it learned from and was scored
        // on. Fold i's model predicts the mean of the other fold's values.
        let train = Values(vec![0.0, 10.0, 100.0, 1000.0]);
        let folds = Folds::new(4, Scheme::KFold(2), 3).unwrap();
        let cv = cross_validate::<Shifted>(&0.0, &train, &folds, 0, 1).unwrap();
        for i in 0..2 {
            let rest: Vec<f64> = folds.training(i).iter().map(|&j| train.0[j]).collect();
            let guess = (rest[0] + rest[1]) / 2.0;
            let held = folds.validation(i);
            let by_hand = held
                .iter()
                .map(|&j| (train.0[j] - guess).powi(2))
                .sum::<f64>()
                / 2.0;
            assert_eq!(cv.errors[i], by_hand);
        }
        let wrong = Folds::new(5, Scheme::KFold(2), 3).unwrap();
        assert_eq!(
            cross_validate::<Shifted>(&0.0, &train, &wrong, 0, 1),
            Err(FoldError::SampleCount {
                folds_for: 5,
                samples: 4
            })
        );
    }

    #[test]
    fn sliced_runs_give_the_same_cross_validation_and_its_training_errors() {
        let train = Values(vec![0.0, 10.0, 100.0, 1000.0, 3.0, 7.0]);
        let folds = Folds::new(6, Scheme::KFold(3), 4).unwrap();
        let whole = cross_validate::<Shifted>(&0.5, &train, &folds, 0, 10).unwrap();
        // One step per call: each fold learns in one step and finishes on the next call.
        let mut sliced = SlicedCv::<Shifted>::new(0.5, &train, folds.clone(), 0, 10).unwrap();
        let mut calls = 0;
        while sliced.result().is_none() {
            assert_eq!(sliced.advance(&train, 1), 1);
            calls += 1;
        }
        assert_eq!(
            (calls, sliced.result(), sliced.advance(&train, 5)),
            (6, Some(whole.clone()), 0)
        );
        // The training error is each fold model's error on the samples it learned from.
        let own: Vec<f64> = (0..3)
            .map(|i| {
                let learn = train.subset(&folds.training(i));
                let model: Shifted = crate::ml::model::fit(&0.5, &learn, 0, 10);
                model.score(&learn).error()
            })
            .collect();
        assert_eq!(whole.train_error, MeanSd::of(&own));
        let wrong = Values(vec![1.0; 5]);
        assert!(SlicedCv::<Shifted>::new(0.5, &wrong, folds, 0, 10).is_err());
    }

    /// Polynomial regression of degree 1 by plain full-batch SGD at learning rate `lr`.
    fn sgd(lr: f64) -> crate::ml::polynomial::Hyper {
        use crate::ml::{optimizer::OptimizerKind, regularization::Regularization};
        crate::ml::polynomial::Hyper::new(
            lr,
            1,
            Regularization::None,
            0.0,
            None,
            OptimizerKind::Sgd,
        )
        .unwrap()
    }

    /// Points at x = 0 with y = 1: the features there are φ₀ = 1 and φ₁ = 0, so only w₀ moves,
    /// w₀ ← w₀ − η·2(w₀ − 1): the residual w₀ − 1 is multiplied by 1 − 2η each epoch.
    fn at_zero(n: usize) -> Vec<crate::data::regression::Point> {
        vec![crate::data::regression::Point { x: 0.0, y: 1.0 }; n]
    }

    #[test]
    fn a_fold_model_that_diverges_has_no_error_to_compare() {
        use crate::ml::polynomial::Trainer;
        let train = at_zero(4);
        let folds = Folds::new(4, Scheme::KFold(2), 0).unwrap();
        // η = 0.1: the residual shrinks by 0.8 an epoch; after 3 epochs it is 0.512, and every
        // held-out point is missed by that much: error 0.512² = 0.262144.
        let calm = cross_validate::<Trainer>(&sgd(0.1), &train, &folds, 0, 3).unwrap();
        assert!(calm.errors.iter().all(|e| (e - 0.262144).abs() < 1e-12));
        assert!(calm.error.mean.is_finite());
        // η = 10: the residual is multiplied by −19, the loss (from 1) by 361: 361 after epoch
        // 1, 130 321 after epoch 2, past the guard's 10⁴ (the test the labs' training stops
        // on), so every fold diverges. The parameters the guard kept (epoch 1: w₀ = 20) would
        // score (1 − 20)² = 361, a number like any other; a diverged fold has none.
        let blown = cross_validate::<Trainer>(&sgd(10.0), &train, &folds, 0, 100).unwrap();
        assert_eq!(blown.errors, vec![f64::INFINITY; 2]);
        assert_eq!(blown.error.mean, f64::INFINITY);
        assert_eq!(blown.train_error.mean, f64::INFINITY);
    }

    #[test]
    fn one_diverged_fold_makes_the_whole_cross_validation_diverged() {
        use crate::ml::polynomial::Trainer;
        // Leave one out of two points at x = 0 and one at x = 1 (features 1 and √3 there).
        // Learning the two at x = 0, w₀'s residual is multiplied by 1 − 2·0.6 = −0.2: it
        // converges, w₁ stays 0. Learning one at x = 0 and the one at x = 1, the loss's
        // curvature is [[2, √3], [√3, 3]], whose largest eigenvalue (5 + √13)/2 ≈ 4.30 makes a
        // step multiply that direction by 1 − 0.6·4.30 ≈ −1.58: it diverges.
        let mut train = at_zero(2);
        train.push(crate::data::regression::Point { x: 1.0, y: 1.0 });
        let folds = Folds::new(3, Scheme::LeaveOneOut, 0).unwrap();
        let cv = cross_validate::<Trainer>(&sgd(0.6), &train, &folds, 0, 1000).unwrap();
        for (i, e) in cv.errors.iter().enumerate() {
            let held_out_at_one = train[folds.validation(i)[0]].x == 1.0;
            assert_eq!(e.is_finite(), held_out_at_one, "fold {i}: {:?}", cv.errors);
        }
        assert_eq!(cv.error.mean, f64::INFINITY);
        assert_eq!(cv.error.sd, 0.0, "no spread to speak of");
    }
}
