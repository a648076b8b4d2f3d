//! What the Tuning lab draws of Bayesian optimization: the surrogate (the Gaussian process
//! fitted to the trials) over a lattice, the expected improvement at each setting the search can
//! still try, and where its next trial goes.

use super::Tuning;
use crate::tune::gp::{expected_improvement, Prediction};
use crate::tune::strategy::{candidates, most_promising, Strategy};

/// An expected improvement below this (in the error's own units) is next to none: where the
/// surrogate expects no untried setting to beat the best so far, Bayesian optimization's pick
/// among such values says little (helper 94: k-NN's search went to k = 50, the worst end, on an
/// expected improvement of 10⁻¹²).
pub const NEGLIGIBLE_IMPROVEMENT: f64 = 1e-6;

/// The surrogate as the picture shows it, all in unit coordinates.
#[derive(Clone, Debug, PartialEq)]
pub struct SurrogateView {
    /// Evenly spaced points with the posterior mean ± sd of the error and the expected
    /// improvement there: the smooth picture of what the surrogate believes.
    pub lattice: Vec<(Vec<f64>, Prediction, f64)>,
    /// Bayesian optimization's untried candidates with their expected improvement: the only
    /// settings its next trial can go to (snapped to the controls' tables). Empty for the other
    /// strategies.
    pub candidates: Vec<(Vec<f64>, f64)>,
    /// Where the next trial goes: the candidate of highest expected improvement, once the
    /// initial random trials are done and while the budget lasts.
    pub next: Option<Vec<f64>>,
}

impl Tuning {
    /// The surrogate (the Gaussian process fitted to the trials so far, fitted once here) for
    /// the picture; `None` before the first trial.
    pub fn surrogate(&self, per_axis: usize) -> Option<SurrogateView> {
        let gp = self.search.surrogate()?;
        let lattice = self.search.space().lattice(per_axis);
        // (One prediction per point: the expected improvement follows from its mean and sd.)
        let at = |p: Vec<f64>| {
            let prediction = gp.predict(&p);
            let ei = expected_improvement(gp.best(), prediction.mean, prediction.sd);
            (p, prediction, ei)
        };
        let lattice = lattice.into_iter().map(at).collect();
        let Strategy::Bayes(b) = self.search.strategy() else {
            return Some(SurrogateView {
                lattice,
                candidates: Vec::new(),
                next: None,
            });
        };
        let points = self.search.points();
        let candidates = candidates(&b, self.search.space(), &points, &gp);
        // Where the next trial goes, as `Search::next` would say without fitting again: only
        // once the initial random trials are done and while the budget lasts.
        let chooses = !self.search.strategy().ignores_errors(points.len())
            && points.len() < self.search.budget();
        let next = chooses
            .then(|| most_promising(&candidates).map(<[f64]>::to_vec))
            .flatten();
        Some(SurrogateView {
            lattice,
            candidates,
            next,
        })
    }
}
