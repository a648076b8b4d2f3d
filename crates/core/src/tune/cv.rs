//! Cross-validation of any model: for each fold, train a fresh model on the other folds and
//! score it on the held-out one. The mean of the held-out errors estimates how the
//! hyperparameters would do on new data, using only the training samples — the test set stays
//! untouched for the final verdict.

use super::folds::{FoldError, Folds};
use crate::ml::model::{fit, Model, Samples, Score};

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
    /// The mean and sample standard deviation of `values` (zeros if there are none).
    pub fn of(values: &[f64]) -> Self {
        let n = values.len();
        if n == 0 {
            return MeanSd::default();
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
}

/// How one choice of hyperparameters did in a cross-validation.
#[derive(Clone, Debug, PartialEq)]
pub struct CrossValidation {
    /// Each fold's score on its held-out samples, fold 0 first.
    pub scores: Vec<Score>,
    /// Each fold's held-out error ([`Score::error`]), fold 0 first.
    pub errors: Vec<f64>,
    /// Mean and sample standard deviation of `errors`.
    pub error: MeanSd,
}

/// Cross-validates `hyper` on `train` over `folds`: each fold's model is built with `seed` and
/// trained for at most `steps` steps ([`fit`]). Only training samples come in, so the test set
/// cannot leak into the choice of hyperparameters. Refused if the folds were made for another
/// number of samples.
pub fn cross_validate<M: Model>(
    hyper: &M::Hyper,
    train: &M::Samples,
    folds: &Folds,
    seed: u64,
    steps: u32,
) -> Result<CrossValidation, FoldError> {
    if folds.samples() != train.count() {
        return Err(FoldError::SampleCount {
            folds_for: folds.samples(),
            samples: train.count(),
        });
    }
    let scores: Vec<Score> = (0..folds.count())
        .map(|i| {
            let model: M = fit(hyper, &train.subset(&folds.training(i)), seed, steps);
            model.score(&train.subset(folds.validation(i)))
        })
        .collect();
    let errors: Vec<f64> = scores.iter().map(Score::error).collect();
    Ok(CrossValidation {
        error: MeanSd::of(&errors),
        scores,
        errors,
    })
}

#[cfg(test)]
mod tests {
    use super::super::folds::Scheme;
    use super::super::toy::{Shifted, Values};
    use super::*;

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
}
