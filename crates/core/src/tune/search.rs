//! A hyperparameter search: a strategy proposes points of the space one at a time, each is
//! cross-validated on the training samples, and the search keeps every trial and the best so far.
//!
//! The search itself never trains anything: [`Search::next`] hands out a plain
//! [`TrialRequest`] and [`Search::record`] takes the result back, so the page can run a trial
//! wherever it likes (a Web Worker, a few per frame) while the search stays a small value.
//! The Tuning lab runs a trial's folds as jobs (`state::tuning`: `unit_error`, `job_error`).
//!
//! A trial whose fold models diverged has the error [`DIVERGED`] (+∞, see [`super::cv`]): worse
//! than every finished trial, so it is never the best, and the best so far stays +∞ ("none yet")
//! until a trial finishes. Bayesian optimization's surrogate needs finite errors: it counts a
//! diverged trial as the worst finished one ([`surrogate`]).

use super::cv::{first_lowest, MeanSd, DIVERGED};
use super::gp::{Gp, Kernel};
use super::space::Space;
use super::strategy::{surrogate, Strategy};

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
    /// Mean and sample standard deviation of the folds' errors ([`DIVERGED`] if a fold model
    /// diverged).
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
    pub fn strategy(&self) -> Strategy {
        self.strategy
    }
    pub fn budget(&self) -> usize {
        self.budget
    }
    pub fn trials(&self) -> &[Trial] {
        &self.trials
    }

    /// How many trials this search will run: the budget, or fewer where the space runs out
    /// first — a grid's distinct lattice points, or every setting of the space for random search
    /// and Bayesian optimization (neither tries a setting twice). The page counts progress
    /// against this, so a search of 15 settings on a budget of 64 is not shown a quarter done.
    pub fn planned(&self) -> usize {
        let limit = match self.strategy {
            Strategy::Grid => super::strategy::grid(&self.space, self.budget).len(),
            Strategy::Random | Strategy::Bayes(_) => self.space.settings(),
        };
        self.budget.min(limit)
    }

    /// The points of the trials so far, in order.
    pub fn points(&self) -> Vec<Vec<f64>> {
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

    /// The next trials that can run now, at most `n`: the next one, and after it each following
    /// trial whose proposal ignores the errors of those before it ([`Strategy::ignores_errors`]:
    /// all of a grid or random search, Bayesian optimization's initial random trials), so that
    /// workers can run them side by side. Recording them in order gives the same search as
    /// running them one by one.
    pub fn upcoming(&self, n: usize) -> Vec<TrialRequest> {
        let mut ahead = self.clone();
        let mut out: Vec<TrialRequest> = Vec::new();
        while out.len() < n {
            let Some(request) = ahead.next() else {
                break;
            };
            out.push(request.clone());
            if !ahead.strategy.ignores_errors(request.index + 1) {
                break;
            }
            // Any error: the next proposal does not read it.
            ahead.record(&request, MeanSd::default());
        }
        out
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

    /// The trial with the lowest mean error (the first of those that tie with it,
    /// [`first_lowest`]), never one that diverged; `None` before any trial finished without diverging.
    pub fn best(&self) -> Option<&Trial> {
        let means: Vec<f64> = self.trials.iter().map(|t| t.error.mean).collect();
        first_lowest(&means).map(|i| &self.trials[i])
    }

    /// The indices of the trials that diverged, in order.
    pub fn diverged(&self) -> Vec<usize> {
        let trials = self.trials.iter().enumerate();
        trials
            .filter(|(_, t)| t.error.diverged())
            .map(|(i, _)| i)
            .collect()
    }

    /// The lowest mean error after each trial: trial 1, 2, … ([`DIVERGED`] while every trial so
    /// far diverged).
    pub fn best_so_far(&self) -> Vec<f64> {
        let running = self.trials.iter().scan(DIVERGED, |best, t| {
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

#[cfg(test)]
mod tests {
    use super::super::strategy::Bayes;
    use super::super::toy::{bowl, lr_lambda as space};
    use super::*;

    #[test]
    fn the_upcoming_trials_are_the_ones_the_search_makes() {
        for strategy in [
            Strategy::Grid,
            Strategy::Random,
            Strategy::Bayes(Bayes::default()),
        ] {
            let mut search = Search::new(space(), strategy, 12, 5).unwrap();
            let ahead = search.upcoming(12);
            match strategy {
                Strategy::Bayes(b) => assert_eq!(ahead.len(), b.initial()),
                // Two axes, 12 trials: a 3 × 3 grid.
                Strategy::Grid => assert_eq!(ahead.len(), 9),
                Strategy::Random => assert_eq!(ahead.len(), 12),
            }
            for expected in ahead {
                let request = search.next().unwrap();
                assert_eq!(request, expected, "{strategy:?}");
                search.record(&request, bowl(&request.point));
            }
            // Bayesian optimization after its initial trials: one at a time; the grid is done.
            assert!(search.upcoming(12).len() <= 1);
            assert!(search.upcoming(0).is_empty());
        }
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
    fn a_random_search_of_a_small_space_ends_once_every_setting_is_tried() {
        use super::super::space::{Axis, Scale};
        use crate::state::spec::Key;
        let k = Axis::new(Key::K, 1.0, 10.0, Scale::Linear, true).unwrap();
        let space = Space::new(vec![k]).unwrap();
        let mut search = Search::new(space.clone(), Strategy::Random, 20, 7).unwrap();
        // Known ahead, as workers get them: the ten values of k, each once.
        let ahead = search.upcoming(20);
        assert_eq!(ahead.len(), 10);
        // Planned from the start: ten trials, not the budget's twenty (a grid's too).
        assert_eq!(search.planned(), 10);
        let grid = Search::new(space.clone(), Strategy::Grid, 20, 7).unwrap();
        assert_eq!(grid.planned(), 10);
        assert_eq!(
            Search::new(space, Strategy::Random, 6, 7)
                .unwrap()
                .planned(),
            6
        );
        run(&mut search, |p| MeanSd {
            mean: p[0],
            sd: 0.0,
        });
        let mut values: Vec<f64> = search.trials().iter().map(|t| t.values[0]).collect();
        let proposed: Vec<f64> = ahead.iter().map(|r| r.values[0]).collect();
        assert_eq!(values, proposed);
        values.sort_by(f64::total_cmp);
        assert_eq!(values, (1..=10).map(f64::from).collect::<Vec<_>>());
        assert!(search.is_done() && search.next().is_none());
        assert_eq!(search.best().unwrap().values, vec![1.0]);
    }

    /// Bayesian optimization runs as long as it planned: over k = 1 … 50 (more values than its
    /// 41 candidates per axis) it tries all 50 (helper 64: it stopped at 44 while the progress
    /// bar and the Python code counted 50).
    #[test]
    fn bayes_over_more_values_than_its_candidates_tries_every_setting() {
        use super::super::space::{Axis, Scale};
        use super::super::strategy::Bayes;
        use crate::state::spec::Key;
        let k = Axis::new(Key::K, 1.0, 50.0, Scale::Linear, true).unwrap();
        let space = Space::new(vec![k]).unwrap();
        let mut search = Search::new(space, Strategy::Bayes(Bayes::default()), 64, 3).unwrap();
        assert_eq!(search.planned(), 50);
        run(&mut search, |p| MeanSd {
            mean: (p[0] - 0.3).powi(2),
            sd: 0.0,
        });
        let mut values: Vec<f64> = search.trials().iter().map(|t| t.values[0]).collect();
        values.sort_by(f64::total_cmp);
        assert_eq!(values, (1..=50).map(f64::from).collect::<Vec<_>>());
    }

    #[test]
    fn a_diverged_trial_is_never_the_best() {
        let diverged = MeanSd {
            mean: f64::INFINITY,
            sd: 0.0,
        };
        let mut search = Search::new(space(), Strategy::Grid, 4, 0).unwrap();
        // Every trial so far diverged: there is no best, and no best error yet.
        let first = search.next().unwrap();
        search.record(&first, diverged);
        assert_eq!(search.best(), None);
        assert_eq!(search.best_so_far(), vec![f64::INFINITY]);
        for error in [0.5, f64::INFINITY, 0.25] {
            let request = search.next().unwrap();
            search.record(
                &request,
                MeanSd {
                    mean: error,
                    sd: 0.0,
                },
            );
        }
        assert_eq!(search.best().unwrap().error.mean, 0.25);
        assert_eq!(search.best_so_far(), vec![f64::INFINITY, 0.5, 0.5, 0.25]);
        assert_eq!(search.diverged(), vec![0, 2]);
        // The surrogate gets finite errors: a diverged trial counts as the worst finite one.
        let gp = search.surrogate().unwrap();
        let at = gp.predict(&search.trials()[0].point);
        assert!(at.mean.is_finite() && at.mean > 0.25, "{at:?}");
    }
}
