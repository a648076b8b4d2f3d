//! The Tuning lab's landscape: the exact error over a lattice of the searched axes, computed in
//! the background for the faint picture under the trials and for comparing the strategies.

use super::*;

/// The exact cross-validated error (or test error, selecting by it) over a lattice of the
/// axes, filled in cell by cell.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Landscape {
    /// The lattice, snapped to the controls' tables and without repeats
    /// ([`Space::snapped_lattice`]), second axis fastest.
    pub points: Vec<Vec<f64>>,
    /// Mean ± sd of the folds' errors of the first cells ([`DIVERGED`] where a fold model
    /// diverged). (The folds done so far of the next cell are in the state's [`Known`], or on
    /// the plane in its landscape [`PlaneWork`].)
    pub errors: Vec<MeanSd>,
}

impl Landscape {
    pub(super) fn new(space: &Space) -> Self {
        Landscape {
            points: space.snapped_lattice(landscape_ticks(space)),
            errors: Vec::new(),
        }
    }

    pub fn is_done(&self) -> bool {
        self.errors.len() >= self.points.len()
    }

    /// Where the finished landscape is lowest, in words for the page (the picture's valley for a
    /// reader who cannot see it): the lowest error, the first point that reads it ([`first_lowest`]:
    /// as the search's best), and how many others tie with it. `None` until done, or where every
    /// point diverged.
    pub fn lowest(&self) -> Option<(f64, usize, usize)> {
        if !self.is_done() {
            return None;
        }
        let means: Vec<f64> = self.errors.iter().map(|e| e.mean).collect();
        let first = first_lowest(&means)?;
        let tied = means.iter().filter(|&&m| ties(m, means[first])).count() - 1;
        Some((means[first], first, tied))
    }

    /// The error at a snapped point, once computed (an unknown point counts as unboundedly bad,
    /// as a diverged one: never the best).
    pub(super) fn at(&self, point: &[f64]) -> MeanSd {
        let i = self.points.iter().position(|p| p == point);
        let error = i.and_then(|i| self.errors.get(i));
        error.copied().unwrap_or(MeanSd {
            mean: DIVERGED,
            sd: 0.0,
        })
    }
}
