//! Small cases to check cross-validation and searches by hand (tests only): a model that
//! predicts the mean of its training values, shifted by its one hyperparameter, so its error on
//! any samples is a formula; and a bowl-shaped error over a learning-rate × λ space.

use super::cv::MeanSd;
use super::search::Search;
use super::space::{Axis, Scale, Space};
use super::strategy::Strategy;
use crate::ml::model::{Model, Parameter, Progress, Samples, Score};
use crate::state::spec::Key;

/// The learning rate's whole table (10⁻⁴ … 10) × λ from 10⁻⁶ to 10, both on log scales.
pub fn lr_lambda() -> Space {
    let lr = Axis::for_key(Key::LearningRate).unwrap();
    let lambda = Axis::new(Key::Lambda, 1e-6, 10.0, Scale::Log, false).unwrap();
    Space::new(vec![lr, lambda]).unwrap()
}

/// A bowl with its bottom at (0.3, 0.7) in unit coordinates, known everywhere.
pub fn bowl(p: &[f64]) -> MeanSd {
    let mean = (p[0] - 0.3).powi(2) + (p[1] - 0.7).powi(2);
    MeanSd { mean, sd: 0.0 }
}

/// Numbers to predict.
#[derive(Clone, Debug, PartialEq)]
pub struct Values(pub Vec<f64>);

impl Samples for Values {
    fn count(&self) -> usize {
        self.0.len()
    }
    fn subset(&self, indices: &[usize]) -> Self {
        Values(indices.iter().map(|&i| self.0[i]).collect())
    }
}

/// Predicts (mean of the training values) + `shift`, learned in one step.
#[derive(Clone, Debug, PartialEq)]
pub struct Shifted {
    mean: f64,
    shift: f64,
    steps: u64,
}

impl Model for Shifted {
    /// The shift.
    type Hyper = f64;
    type Samples = Values;

    fn new(shift: &f64, train: &Values, _: u64) -> Self {
        let mean = train.0.iter().sum::<f64>() / train.0.len() as f64;
        Shifted {
            mean,
            shift: *shift,
            steps: 0,
        }
    }
    fn step(&mut self) -> Progress {
        if self.steps == 1 {
            return Progress::Finished;
        }
        self.steps = 1;
        Progress::Trained
    }
    fn steps(&self) -> u64 {
        self.steps
    }
    fn retune(&mut self, shift: &f64) {
        self.shift = *shift;
    }
    /// Mean squared error of the prediction; before its one step it predicts 0.
    fn score(&self, samples: &Values) -> Score {
        let p = if self.steps == 1 {
            self.mean + self.shift
        } else {
            0.0
        };
        let loss = samples.0.iter().map(|y| (y - p).powi(2)).sum::<f64>() / samples.0.len() as f64;
        Score {
            loss,
            ..Score::default()
        }
    }
    fn parameters(&self) -> Vec<Parameter> {
        vec![Parameter {
            name: "mean".into(),
            value: self.mean,
            penalized: false,
        }]
    }
}

/// A random search over k = 1 … 10 (or as many as the trials) whose trials have these mean
/// errors, in order, each with a folds' sd of 0.016: for notes on a search's trials.
pub fn k_search(means: &[f64]) -> Search {
    let most = means.len().max(10) as f64;
    let k = Axis::new(Key::K, 1.0, most, Scale::Linear, true).unwrap();
    let space = Space::new(vec![k]).unwrap();
    let mut search = Search::new(space, Strategy::Random, means.len(), 0).unwrap();
    for &mean in means {
        let request = search.next().unwrap();
        assert!(search.record(&request, MeanSd { mean, sd: 0.016 }));
    }
    search
}
