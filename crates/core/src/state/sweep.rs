//! Validation curves: training and test error across the whole range of one hyperparameter,
//! everything else as set. Each point trains a fresh model on the current data, so the curve shows
//! where the current value sits between underfitting and overfitting.
//!
//! The work is sliced: the lab advances the sweep a few steps per animation frame
//! (`Action::SweepTick`), so the page never stalls however long the sweep.

use super::choice::ModelKind;
use super::config::Config;
use super::spec::{Key, Lab};

/// Most k values swept (k = 1 … 50).
pub const MAX_K: usize = 50;

/// A validation curve in progress or done.
#[derive(Clone, Debug, PartialEq)]
pub struct Sweep {
    pub key: Key,
    /// Positions of `key` to try, in order.
    pub positions: Vec<usize>,
    /// (training error, test error) for `positions[..results.len()]`.
    pub results: Vec<(f64, f64)>,
}

impl Sweep {
    /// A fresh sweep over `key`; `limit` caps the number of positions (k ≤ training-set size).
    pub fn new(key: Key, limit: usize) -> Self {
        let count = key.spec().domain.len();
        let count = if key == Key::K {
            count.min(MAX_K)
        } else {
            count
        };
        Sweep {
            key,
            positions: (0..count.min(limit.max(1))).collect(),
            results: Vec::new(),
        }
    }

    /// The next position to compute, if any.
    pub fn next(&self) -> Option<usize> {
        self.positions.get(self.results.len()).copied()
    }

    pub fn is_done(&self) -> bool {
        self.next().is_none()
    }

    pub fn push(&mut self, train: f64, test: f64) {
        if !self.is_done() {
            self.results.push((train, test));
        }
    }
}

/// The hyperparameters a lab (and model) can sweep; the first is the default.
pub fn sweepable(lab: Lab, model: ModelKind) -> &'static [Key] {
    match (lab, model) {
        (Lab::Regression, _) => &[Key::Degree, Key::Lambda],
        (_, ModelKind::Knn) => &[Key::K],
        (_, ModelKind::Tree) => &[Key::MaxDepth, Key::MinLeaf],
        (_, ModelKind::Logistic) => &[Key::Features, Key::Lambda],
        (_, ModelKind::Forest) => &[Key::Trees, Key::MaxDepth],
        (_, ModelKind::Boosting) => &[Key::Trees, Key::Shrinkage],
        (_, ModelKind::Mlp) => &[Key::Neurons1, Key::Lambda],
    }
}

/// What the page can sweep now: the lab's and model's keys whose control is shown (no
/// "Neurons in layer 1" without hidden layers).
pub fn sweep_keys(config: &Config) -> Vec<Key> {
    sweepable(config.lab, config.model())
        .iter()
        .copied()
        .filter(|k| config.shows(*k))
        .collect()
}

/// Whether a higher position means a more flexible model (so underfitting lies to the left).
pub fn complexity_rises(key: Key) -> bool {
    !matches!(key, Key::K | Key::Lambda | Key::MinLeaf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn k_sweep_is_capped_by_50_and_the_training_set() {
        assert_eq!(Sweep::new(Key::K, 1000).positions.len(), 50);
        assert_eq!(Sweep::new(Key::K, 12).positions.len(), 12);
        assert_eq!(Sweep::new(Key::Degree, 1000).positions.len(), 15);
        let mut s = Sweep::new(Key::MaxDepth, 2);
        assert_eq!(s.next(), Some(0));
        s.push(0.3, 0.4);
        s.push(0.1, 0.2);
        s.push(9.0, 9.0); // ignored: done
        assert!(s.is_done());
        assert_eq!(s.results.len(), 2);
    }

    #[test]
    fn sides() {
        assert!(
            complexity_rises(Key::Degree)
                && !complexity_rises(Key::K)
                && !complexity_rises(Key::Lambda)
        );
        assert_eq!(sweepable(Lab::Classification, ModelKind::Knn), &[Key::K]);
    }
}
