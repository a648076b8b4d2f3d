//! The configuration: everything a link carries (lab, every control, seed). Runtime-only state
//! (the model being trained, play/pause) lives in [`super::lab::LabState`].

use super::spec::{Domain, Key, SPECS};
use crate::data::regression::{Curve, DataSpec};
use crate::ml::optimizer::OptimizerKind;
use crate::ml::polynomial::Hyper;
use crate::ml::regularization::Regularization;

pub const DEFAULT_SEED: u64 = 42;
/// Seeds are kept below 2³² so that they stay readable in a link.
pub const MAX_SEED: u64 = u32::MAX as u64;

/// Every control by position in its domain, plus the seed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    positions: [usize; SPECS.len()],
    pub seed: u64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            positions: SPECS.map(|s| s.default),
            seed: DEFAULT_SEED,
        }
    }
}

impl Config {
    pub fn position(&self, key: Key) -> usize {
        self.positions[key as usize]
    }

    /// Sets a control, clamped into its domain.
    pub fn set(&mut self, key: Key, pos: usize) {
        self.positions[key as usize] = pos.min(key.spec().domain.len() - 1);
    }

    pub fn number(&self, key: Key) -> f64 {
        key.spec().domain.number(self.position(key))
    }

    fn choice(&self, key: Key) -> &'static str {
        match key.spec().domain {
            Domain::Choices(c) => c[self.position(key)].0,
            _ => unreachable!("{key:?} is not a choice"),
        }
    }

    /// The model's hyperparameters. Every position of the table is a valid value, so this cannot
    /// fail; a test walks the whole table to prove it.
    pub fn hyper(&self) -> Hyper {
        let regularization = match self.choice(Key::Regularization) {
            "l2" => Regularization::L2,
            "l1" => Regularization::L1,
            _ => Regularization::None,
        };
        let optimizer = match self.choice(Key::Optimizer) {
            "sgd" => OptimizerKind::Sgd,
            "momentum" => OptimizerKind::Momentum,
            _ => OptimizerKind::Adam,
        };
        let batch = self.number(Key::BatchSize);
        Hyper::new(
            self.number(Key::LearningRate),
            self.number(Key::Degree) as usize,
            regularization,
            self.number(Key::Lambda),
            batch.is_finite().then_some(batch as usize),
            optimizer,
        )
        .expect("every position of the control table is a valid hyperparameter")
    }

    pub fn data_spec(&self) -> DataSpec {
        let curve = match self.choice(Key::Dataset) {
            "line" => Curve::Line,
            "cubic" => Curve::Cubic,
            "step" => Curve::Step,
            _ => Curve::Sine,
        };
        DataSpec::new(
            curve,
            self.number(Key::Points) as usize,
            self.number(Key::Noise),
            self.number(Key::TrainFraction),
            self.seed,
        )
        .expect("every position of the control table is a valid data setting")
    }

    /// Epochs per frame; `None` means as many as the frame budget allows.
    pub fn speed(&self) -> Option<u32> {
        let v = self.number(Key::Speed);
        v.is_finite().then_some(v as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_position_of_every_control_gives_valid_settings() {
        for key in Key::ALL {
            for pos in 0..key.spec().domain.len() {
                let mut c = Config::default();
                c.set(key, pos);
                c.hyper();
                c.data_spec();
            }
        }
    }

    #[test]
    fn set_clamps() {
        let mut c = Config::default();
        c.set(Key::Degree, 999);
        assert_eq!(c.number(Key::Degree), 15.0);
    }
}
