//! What runs one trial: the lab's configuration with the searched controls set, the
//! hyperparameters built from it as the lab builds them, and a cross-validation on the training
//! samples. And a memo, so that the same snapped point is never trained twice.

use super::cv::{cross_validate, CrossValidation, MeanSd};
use super::folds::{FoldError, Folds};
use super::space::Space;
use crate::ml::model::{Model, Samples};
use crate::state::config::Config;

/// What a trial runs: the lab's configuration, how its hyperparameters are built from it, the
/// training samples and their folds, the training steps and the training seed.
#[derive(Clone, Debug)]
pub struct Evaluation<'a, M: Model> {
    config: Config,
    hyper: fn(&Config) -> M::Hyper,
    train: &'a M::Samples,
    folds: Folds,
    steps: u32,
    seed: u64,
}

impl<'a, M: Model> Evaluation<'a, M> {
    /// Trials of `config` (the searched controls are overwritten) with hyperparameters from
    /// `hyper` (such as [`Config::regression_hyper`]), on `train` cut into `folds`, each model
    /// trained for at most `steps` steps from `seed`. Refused if the folds are for another number
    /// of samples.
    pub fn new(
        config: Config,
        hyper: fn(&Config) -> M::Hyper,
        train: &'a M::Samples,
        folds: Folds,
        steps: u32,
        seed: u64,
    ) -> Result<Self, FoldError> {
        if folds.samples() != train.count() {
            return Err(FoldError::SampleCount {
                folds_for: folds.samples(),
                samples: train.count(),
            });
        }
        Ok(Evaluation {
            config,
            hyper,
            train,
            folds,
            steps,
            seed,
        })
    }

    /// The cross-validation of the hyperparameters at `point` of `space`.
    pub fn cross_validate(&self, space: &Space, point: &[f64]) -> CrossValidation {
        let hyper = (self.hyper)(&space.apply(&self.config, point));
        cross_validate::<M>(&hyper, self.train, &self.folds, self.seed, self.steps)
            .expect("the folds were checked against the samples")
    }
}

/// Remembers the evaluations of points already seen, so that points that snap to the same
/// values — and the trials of several searches over the same problem — run once.
pub struct Memo<F> {
    evaluate: F,
    seen: Vec<(Vec<f64>, MeanSd)>,
}

impl<F: FnMut(&[f64]) -> MeanSd> Memo<F> {
    pub fn new(evaluate: F) -> Self {
        Memo {
            evaluate,
            seen: Vec::new(),
        }
    }

    /// The evaluation at `point`, computed on first use.
    pub fn get(&mut self, point: &[f64]) -> MeanSd {
        if let Some((_, e)) = self.seen.iter().find(|(p, _)| p == point) {
            return *e;
        }
        let e = (self.evaluate)(point);
        self.seen.push((point.to_vec(), e));
        e
    }

    /// How many distinct points were evaluated.
    pub fn evaluations(&self) -> usize {
        self.seen.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::regression::generate;
    use crate::ml::polynomial::Trainer;
    use crate::state::spec::{Key, Lab};
    use crate::tune::folds::Scheme;
    use crate::tune::space::Axis;

    #[test]
    fn a_trial_is_the_labs_configuration_with_the_axes_set() {
        let config = Config::for_lab(Lab::Regression);
        let data = generate(&config.data_spec());
        let folds = Folds::new(data.train.len(), Scheme::KFold(4), 2).unwrap();
        let space = Space::new(vec![Axis::for_key(Key::Degree).unwrap()]).unwrap();
        let hyper = Config::regression_hyper;
        let eval =
            Evaluation::<Trainer>::new(config.clone(), hyper, &data.train, folds.clone(), 50, 9);
        let point = [space.axes()[0].unit(5.0)];
        let mut by_hand = config.clone();
        by_hand.set(Key::Degree, 4); // degree 5
        let direct =
            cross_validate::<Trainer>(&by_hand.regression_hyper(), &data.train, &folds, 9, 50);
        assert_eq!(
            eval.unwrap().cross_validate(&space, &point),
            direct.unwrap()
        );
        let other = Folds::new(data.train.len() + 1, Scheme::KFold(4), 2).unwrap();
        let refused = Evaluation::<Trainer>::new(config, hyper, &data.train, other, 50, 9);
        assert!(matches!(refused, Err(FoldError::SampleCount { .. })));
    }

    #[test]
    fn the_memo_evaluates_each_point_once() {
        let mut calls = 0;
        let mut memo = Memo::new(|p: &[f64]| {
            calls += 1;
            MeanSd {
                mean: p[0],
                sd: 0.0,
            }
        });
        assert_eq!(memo.get(&[0.5]).mean, 0.5);
        memo.get(&[0.25]);
        assert_eq!(memo.get(&[0.5]).mean, 0.5);
        assert_eq!(memo.evaluations(), 2);
        drop(memo);
        assert_eq!(calls, 2);
    }
}
