//! A hyperparameter search: a strategy proposes points of the space one at a time, each is
//! cross-validated on the training samples, and the search keeps every trial and the best so far.
//!
//! The search itself never trains anything: [`Search::next`] hands out a plain
//! [`TrialRequest`] and [`Search::record`] takes the result back, so the page can run a trial
//! wherever it likes (a Web Worker, a few per frame) while the search stays a small value.
//! [`Evaluation`] is what runs a trial: the lab's configuration with the searched controls set,
//! its hyperparameters, a cross-validation.

use super::cv::{cross_validate, CrossValidation, MeanSd};
use super::folds::{FoldError, Folds};
use super::gp::{Gp, Kernel};
use super::space::Space;
use super::strategy::{surrogate, Strategy};
use crate::ml::model::{Model, Samples};
use crate::state::config::Config;

/// Most trials of one search. It keeps the surrogate's Cholesky factorization exact enough (see
/// [`Gp::fit`]) and a search a matter of seconds.
pub const MAX_BUDGET: usize = 64;

/// Why a search was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SearchError {
    /// The budget must be 1 … [`MAX_BUDGET`] trials.
    Budget(usize),
}

impl core::fmt::Display for SearchError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            SearchError::Budget(b) => write!(f, "budget must be 1 … {MAX_BUDGET} trials, got {b}"),
        }
    }
}

/// One trial to run: plain numbers, so it can be sent elsewhere and back.
#[derive(Clone, Debug, PartialEq)]
pub struct TrialRequest {
    /// Its place in the search (0 first).
    pub index: usize,
    /// Where, in unit coordinates, snapped to the controls' tables.
    pub point: Vec<f64>,
    /// The control values there, one per axis.
    pub values: Vec<f64>,
}

/// A trial that ran.
#[derive(Clone, Debug, PartialEq)]
pub struct Trial {
    pub point: Vec<f64>,
    pub values: Vec<f64>,
    /// Mean and sample standard deviation of the folds' errors.
    pub error: MeanSd,
}

/// A search in progress or done.
#[derive(Clone, Debug, PartialEq)]
pub struct Search {
    space: Space,
    strategy: Strategy,
    budget: usize,
    seed: u64,
    trials: Vec<Trial>,
}

impl Search {
    /// A search of `space` by `strategy` of at most `budget` trials; `seed` drives the random
    /// proposals, so the same seed gives the same search.
    pub fn new(
        space: Space,
        strategy: Strategy,
        budget: usize,
        seed: u64,
    ) -> Result<Self, SearchError> {
        if !(1..=MAX_BUDGET).contains(&budget) {
            return Err(SearchError::Budget(budget));
        }
        Ok(Search {
            space,
            strategy,
            budget,
            seed,
            trials: Vec::new(),
        })
    }

    pub fn space(&self) -> &Space {
        &self.space
    }
    pub fn trials(&self) -> &[Trial] {
        &self.trials
    }

    fn points(&self) -> Vec<Vec<f64>> {
        self.trials.iter().map(|t| t.point.clone()).collect()
    }

    fn errors(&self) -> Vec<f64> {
        self.trials.iter().map(|t| t.error.mean).collect()
    }

    /// The next trial to run; `None` once the budget is spent or the strategy has nothing left.
    pub fn next(&self) -> Option<TrialRequest> {
        if self.trials.len() >= self.budget {
            return None;
        }
        let (points, errors) = (self.points(), self.errors());
        let raw = (self.strategy).propose(&self.space, &points, &errors, self.budget, self.seed)?;
        Some(TrialRequest {
            index: self.trials.len(),
            point: self.space.snap(&raw),
            values: self.space.values(&raw),
        })
    }

    /// Records the result of `request`. A request that is not the next one (stale: from before a
    /// reset) is ignored, and `false` returned.
    pub fn record(&mut self, request: &TrialRequest, error: MeanSd) -> bool {
        if request.index != self.trials.len() || self.trials.len() >= self.budget {
            return false;
        }
        self.trials.push(Trial {
            point: request.point.clone(),
            values: request.values.clone(),
            error,
        });
        true
    }

    pub fn is_done(&self) -> bool {
        self.next().is_none()
    }

    /// The trial with the lowest mean error (the first of equals); `None` before any.
    pub fn best(&self) -> Option<&Trial> {
        let mut best: Option<&Trial> = None;
        for t in &self.trials {
            if best.is_none_or(|b| t.error.mean < b.error.mean) {
                best = Some(t);
            }
        }
        best
    }

    /// The lowest mean error after each trial: trial 1, 2, ….
    pub fn best_so_far(&self) -> Vec<f64> {
        let running = self.trials.iter().scan(f64::INFINITY, |best, t| {
            *best = best.min(t.error.mean);
            Some(*best)
        });
        running.collect()
    }

    /// The Gaussian process fitted to the trials so far, for drawing the surrogate and its
    /// expected improvement: Bayesian optimization's own kernel, or the default kernel for
    /// the other strategies. `None` before the first trial.
    pub fn surrogate(&self) -> Option<Gp> {
        let kernel = match self.strategy {
            Strategy::Bayes(b) => b.kernel(),
            _ => Kernel::default(),
        };
        surrogate(kernel, &self.points(), &self.errors())
    }
}

/// Runs `search` to the end, evaluating each trial with `evaluate` (point → mean and sd of the
/// cross-validation error).
pub fn run(search: &mut Search, mut evaluate: impl FnMut(&[f64]) -> MeanSd) {
    while let Some(request) = search.next() {
        let error = evaluate(&request.point);
        search.record(&request, error);
    }
}

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

/// The exact cross-validation error over the whole space, for the faint picture behind the
/// trials: at each point of `space.lattice(per_axis)` (in its order), evaluated at the snapped
/// point, each distinct one once.
pub fn landscape(
    space: &Space,
    per_axis: usize,
    evaluate: impl FnMut(&[f64]) -> MeanSd,
) -> Vec<MeanSd> {
    let mut memo = Memo::new(evaluate);
    let lattice = space.lattice(per_axis);
    lattice.iter().map(|p| memo.get(&space.snap(p))).collect()
}

/// Best-so-far curves of `strategy` with a budget of `budget`, one per seed: entry i is the
/// lowest mean error after trial i + 1. A search that ends early (a grid) keeps its best to the
/// end of the budget. Refused for an invalid budget.
pub fn curves(
    space: &Space,
    strategy: Strategy,
    budget: usize,
    seeds: &[u64],
    evaluate: impl FnMut(&[f64]) -> MeanSd,
) -> Result<Vec<Vec<f64>>, SearchError> {
    let mut memo = Memo::new(evaluate);
    let mut out = Vec::with_capacity(seeds.len());
    for &seed in seeds {
        let mut search = Search::new(space.clone(), strategy, budget, seed)?;
        run(&mut search, |p| memo.get(p));
        let mut curve = search.best_so_far();
        let last = curve.last().copied().unwrap_or(f64::INFINITY);
        curve.resize(budget, last);
        out.push(curve);
    }
    Ok(out)
}

/// Strategies compared: the mean and sample sd over `seeds` of the best error so far after each
/// trial number ([`curves`]).
pub fn compare(
    space: &Space,
    strategy: Strategy,
    budget: usize,
    seeds: &[u64],
    evaluate: impl FnMut(&[f64]) -> MeanSd,
) -> Result<Vec<MeanSd>, SearchError> {
    let curves = curves(space, strategy, budget, seeds, evaluate)?;
    let at = |i: usize| MeanSd::of(&curves.iter().map(|c| c[i]).collect::<Vec<_>>());
    Ok((0..budget).map(at).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::spec::Key;
    use crate::tune::space::{Axis, Scale};
    use crate::tune::strategy::Bayes;

    /// A bowl with its bottom at (0.3, 0.7), known everywhere.
    fn bowl(p: &[f64]) -> MeanSd {
        let mean = (p[0] - 0.3).powi(2) + (p[1] - 0.7).powi(2);
        MeanSd { mean, sd: 0.0 }
    }

    fn space() -> Space {
        let lr = Axis::new(Key::LearningRate, 1e-4, 10.0, Scale::Log, false).unwrap();
        let lambda = Axis::new(Key::Lambda, 1e-6, 10.0, Scale::Log, false).unwrap();
        Space::new(vec![lr, lambda]).unwrap()
    }

    #[test]
    fn a_search_runs_one_request_at_a_time_and_keeps_the_best() {
        let mut search = Search::new(space(), Strategy::Random, 6, 11).unwrap();
        let first = search.next().unwrap();
        assert_eq!(first.index, 0);
        assert_eq!(first.values, search.space().values(&first.point));
        let stale = TrialRequest {
            index: 3,
            ..first.clone()
        };
        assert!(!search.record(&stale, bowl(&stale.point)));
        assert!(search.record(&first, bowl(&first.point)));
        run(&mut search, bowl);
        assert_eq!(search.trials().len(), 6);
        assert!(search.is_done() && search.next().is_none());
        assert!(!search.record(&first, MeanSd::default()));
        let best = search.best().unwrap();
        let so_far = search.best_so_far();
        assert_eq!(*so_far.last().unwrap(), best.error.mean);
        assert!(so_far.windows(2).all(|w| w[1] <= w[0]));
        // The same seed, the same search.
        let mut again = Search::new(space(), Strategy::Random, 6, 11).unwrap();
        run(&mut again, bowl);
        assert_eq!(again, search);
        assert_eq!(
            Search::new(space(), Strategy::Grid, 0, 0),
            Err(SearchError::Budget(0))
        );
        assert_eq!(
            Search::new(space(), Strategy::Grid, 65, 0),
            Err(SearchError::Budget(65))
        );
    }

    #[test]
    fn bayes_finds_the_bottom_of_a_bowl_sooner_than_a_grid() {
        let budget = 16;
        let mut grid = Search::new(space(), Strategy::Grid, budget, 0).unwrap();
        run(&mut grid, bowl);
        let mut bayes = Search::new(space(), Strategy::Bayes(Bayes::default()), budget, 0).unwrap();
        run(&mut bayes, bowl);
        let (g, b) = (
            grid.best().unwrap().error.mean,
            bayes.best().unwrap().error.mean,
        );
        assert!(b < g && b < 0.005, "bayes {b}, grid {g}");
        let gp = bayes.surrogate().unwrap();
        let at = gp.predict(&bayes.best().unwrap().point);
        assert!((at.mean - b).abs() < 0.01, "{at:?}");
    }

    #[test]
    fn the_landscape_and_the_comparison() {
        let space = space();
        let mut calls = 0;
        let map = landscape(&space, 30, |p| {
            calls += 1;
            bowl(p)
        });
        assert_eq!(map.len(), 900);
        // The learning rate and λ take 21 and 15 values there: 315 distinct points.
        assert_eq!(calls, 315);
        let lowest = map.iter().map(|e| e.mean).fold(f64::INFINITY, f64::min);
        let seeds = [1, 2, 3, 4];
        let random = compare(&space, Strategy::Random, 9, &seeds, bowl).unwrap();
        assert_eq!(random.len(), 9);
        assert!(random.windows(2).all(|w| w[1].mean <= w[0].mean));
        assert!(random.iter().all(|e| e.mean >= lowest && e.sd >= 0.0));
        // A 3 × 3 grid whatever the seed: no spread; a budget of 10 keeps its best to the end.
        let grid = curves(&space, Strategy::Grid, 10, &seeds, bowl).unwrap();
        assert!(grid.iter().all(|c| c == &grid[0] && c[8] == c[9]));
        assert!(compare(&space, Strategy::Grid, 99, &seeds, bowl).is_err());
    }
}
