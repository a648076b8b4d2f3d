//! Folds of a cross-validation: the n training samples cut into k parts of (almost) equal size.
//! Each part in turn is held out for validation while the model learns from the other k − 1.
//!
//! The samples are shuffled by a seed first, so a fold is not a run of neighbours (generated data
//! may come in order), and the same seed gives the same folds on every platform.

use crate::data::rng::seeded;
use rand::seq::SliceRandom;

/// The random stream of the fold shuffle (data and training use streams 0 … 5).
const FOLD_STREAM: u64 = 6;

/// Most folds of a k-fold split; more is what leave-one-out is for.
pub const MAX_FOLDS: usize = 10;

/// How to cut the samples.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    /// k folds, k = 2 … [`MAX_FOLDS`].
    KFold(usize),
    /// n folds of one sample each. No shuffle is needed: every sample is held out once.
    LeaveOneOut,
}

/// Why a split was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FoldError {
    /// k outside 2 … [`MAX_FOLDS`].
    Folds(usize),
    /// More folds than samples (a fold would be empty), or fewer than 2 samples.
    TooFewSamples { folds: usize, samples: usize },
    /// The folds were made for a different number of samples than given.
    SampleCount { folds_for: usize, samples: usize },
}

impl core::fmt::Display for FoldError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            FoldError::Folds(k) => write!(f, "number of folds must be 2 … {MAX_FOLDS}, got {k}"),
            FoldError::TooFewSamples { folds, samples } => {
                write!(
                    f,
                    "{folds} folds need at least {folds} samples, got {samples}"
                )
            }
            FoldError::SampleCount { folds_for, samples } => {
                write!(f, "the folds are for {folds_for} samples, got {samples}")
            }
        }
    }
}

/// A validated split of `0..n` into folds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Folds {
    /// A permutation of `0..n`; fold i is `order[bound(i)..bound(i + 1)]`.
    order: Vec<usize>,
    count: usize,
}

impl Folds {
    /// Cuts `n` samples by `scheme`, shuffled by `seed` (leave-one-out ignores it).
    pub fn new(n: usize, scheme: Scheme, seed: u64) -> Result<Self, FoldError> {
        let count = match scheme {
            Scheme::KFold(k) if !(2..=MAX_FOLDS).contains(&k) => return Err(FoldError::Folds(k)),
            Scheme::KFold(k) => k,
            Scheme::LeaveOneOut => n.max(2),
        };
        if count > n {
            return Err(FoldError::TooFewSamples {
                folds: count,
                samples: n,
            });
        }
        let mut order: Vec<usize> = (0..n).collect();
        if scheme != Scheme::LeaveOneOut {
            order.shuffle(&mut seeded(seed, FOLD_STREAM));
        }
        Ok(Folds { order, count })
    }

    /// How many folds.
    pub fn count(&self) -> usize {
        self.count
    }

    /// How many samples they split.
    pub fn samples(&self) -> usize {
        self.order.len()
    }

    /// Where fold `i` starts in the shuffled order: ⌊i·n/k⌋, so sizes differ by at most one.
    fn bound(&self, i: usize) -> usize {
        i * self.order.len() / self.count
    }

    /// The samples fold `i` holds out (`i < count()`).
    pub fn validation(&self, i: usize) -> &[usize] {
        &self.order[self.bound(i)..self.bound(i + 1)]
    }

    /// The fewest samples any fold's model learns from: n minus the largest fold.
    pub fn smallest_training(&self) -> usize {
        let largest = (0..self.count).map(|i| self.validation(i).len()).max();
        self.order.len() - largest.unwrap_or(0)
    }

    /// The most samples any fold's model learns from: n minus the smallest fold (one more than
    /// [`Self::smallest_training`] when k does not divide n).
    pub fn largest_training(&self) -> usize {
        let smallest = (0..self.count).map(|i| self.validation(i).len()).min();
        self.order.len() - smallest.unwrap_or(0)
    }

    /// The samples the model learns from while fold `i` is held out: all the others, in the
    /// shuffled order.
    pub fn training(&self, i: usize) -> Vec<usize> {
        let (start, end) = (self.bound(i), self.bound(i + 1));
        [&self.order[..start], &self.order[end..]].concat()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_partition_the_samples_with_sizes_one_apart() {
        for (n, k) in [(10, 3), (11, 10), (40, 5), (7, 7), (2, 2)] {
            let folds = Folds::new(n, Scheme::KFold(k), 9).unwrap();
            assert_eq!(folds.count(), k);
            let mut seen: Vec<usize> = (0..k).flat_map(|i| folds.validation(i).to_vec()).collect();
            seen.sort_unstable();
            assert_eq!(seen, (0..n).collect::<Vec<_>>(), "n {n} k {k}");
            let sizes: Vec<usize> = (0..k).map(|i| folds.validation(i).len()).collect();
            let (lo, hi) = (sizes.iter().min().unwrap(), sizes.iter().max().unwrap());
            assert!(hi - lo <= 1 && *lo >= 1, "{sizes:?}");
            assert_eq!(folds.smallest_training(), n - hi);
            assert_eq!(folds.largest_training(), n - lo);
            for i in 0..k {
                // Training is exactly the complement of validation.
                let mut both = folds.training(i);
                assert!(both.iter().all(|s| !folds.validation(i).contains(s)));
                both.extend_from_slice(folds.validation(i));
                both.sort_unstable();
                assert_eq!(both, (0..n).collect::<Vec<_>>());
            }
        }
    }

    #[test]
    fn same_seed_same_folds_and_the_order_is_shuffled() {
        let a = Folds::new(30, Scheme::KFold(5), 1).unwrap();
        assert_eq!(a, Folds::new(30, Scheme::KFold(5), 1).unwrap());
        assert_ne!(a, Folds::new(30, Scheme::KFold(5), 2).unwrap());
        assert_ne!(a.validation(0), &[0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn leave_one_out_holds_out_each_sample_once() {
        let folds = Folds::new(4, Scheme::LeaveOneOut, 5).unwrap();
        assert_eq!(folds.count(), 4);
        for i in 0..4 {
            assert_eq!(folds.validation(i), &[i]);
            assert_eq!(folds.training(i).len(), 3);
        }
    }

    #[test]
    fn invalid_splits_are_refused() {
        assert_eq!(
            Folds::new(10, Scheme::KFold(1), 0),
            Err(FoldError::Folds(1))
        );
        assert_eq!(
            Folds::new(99, Scheme::KFold(11), 0),
            Err(FoldError::Folds(11))
        );
        let few = FoldError::TooFewSamples {
            folds: 5,
            samples: 4,
        };
        assert_eq!(Folds::new(4, Scheme::KFold(5), 0), Err(few));
        let one = FoldError::TooFewSamples {
            folds: 2,
            samples: 1,
        };
        assert_eq!(Folds::new(1, Scheme::LeaveOneOut, 0), Err(one));
        assert!(FoldError::Folds(1).to_string().contains("2 … 10"));
    }
}
