//! The Tuning lab's state and its one reducer, without any UI: a search of polynomial
//! regression's hyperparameters by cross-validation on the training points, run fold by fold so
//! that the page can pace it per animation frame, the exact landscape of the same
//! cross-validation over a lattice of the axes (computed in the background), and — once the
//! search is done — the second loop: the chosen hyperparameters retrained on all the training
//! points and scored once on the test points.
//!
//! Selecting by cross-validation (the default), the test points never choose anything: only
//! `data.train` is cut into folds, and the test points are read once, in [`Tuning::retrain`],
//! after the search has chosen. "Select by: test score" shows the mistake instead: each trial is
//! trained on all the training points and scored on the test points, which then choose; a fresh
//! set of points from the same generator shows how optimistic the chosen test score is.

use super::action::Action;
use super::choice::{Selection, StrategyKind, TuneAxis};
use super::config::{Config, MAX_SEED};
use super::regression::SWEEP_EPOCHS;
use super::session::Reduce;
use super::spec::{Key, Lab};
use crate::data::regression::{generate, DataSpec, Dataset, Point};
use crate::ml::model::{fit, Model, Parameter, Samples};
use crate::ml::polynomial::Trainer;
use crate::tune::compare::curves;
use crate::tune::cv::MeanSd;
use crate::tune::folds::{Folds, Scheme};
use crate::tune::gp::Prediction;
use crate::tune::search::{Search, TrialRequest};
use crate::tune::space::{Axis, Space};
use crate::tune::strategy::{Bayes, Strategy};
use std::rc::Rc;

/// Epochs each fold's model trains (and the retrained model): as the Regression lab's
/// validation curves train each point.
pub const TRIAL_EPOCHS: u32 = SWEEP_EPOCHS;

/// Lattice ticks per axis of the landscape: enough to reach every value of every searchable
/// table (none has more than 21), so that every trial any strategy makes is a landscape cell
/// (at most 15 × 21 = 315 cross-validations).
pub const LANDSCAPE_TICKS: usize = 41;

/// Points in the fresh set drawn from the same generator to check the chosen model.
pub const FRESH_POINTS: usize = 200;

/// Seeds over which the three strategies are compared.
pub const COMPARE_SEEDS: u64 = 10;

/// The strategies compared, in the order of the comparison.
pub const COMPARED: [StrategyKind; 3] = [
    StrategyKind::Grid,
    StrategyKind::Random,
    StrategyKind::Bayes,
];

/// The control behind an axis choice (`None` for "none").
pub fn axis_key(axis: TuneAxis) -> Option<Key> {
    match axis {
        TuneAxis::Degree => Some(Key::Degree),
        TuneAxis::Lambda => Some(Key::Lambda),
        TuneAxis::LearningRate => Some(Key::LearningRate),
        TuneAxis::None => None,
    }
}

/// The searched space of a configuration: the first axis, and the second unless it is "none"
/// or the same control. Each over its control's whole range (log scale for λ and the learning
/// rate).
pub fn space(config: &Config) -> Space {
    let x: TuneAxis = config.choice(Key::AxisX);
    let y: TuneAxis = config.choice(Key::AxisY);
    let keys = [axis_key(x), axis_key(y).filter(|_| y != x)];
    let axes = keys
        .into_iter()
        .flatten()
        .map(|k| Axis::for_key(k).expect("the axis choices are numeric controls"))
        .collect();
    Space::new(axes).expect("one or two different axes")
}

/// The strategy a configuration names, with Bayesian optimization's default settings.
pub fn strategy(config: &Config) -> Strategy {
    strategy_of(config.choice(Key::Strategy))
}

/// The core's strategy for a choice, with Bayesian optimization's default settings.
fn strategy_of(kind: StrategyKind) -> Strategy {
    match kind {
        StrategyKind::Grid => Strategy::Grid,
        StrategyKind::Random => Strategy::Random,
        StrategyKind::Bayes => Strategy::Bayes(Bayes::default()),
    }
}

/// The folds of `n` training points a configuration asks for, seeded by its seed; k is cut down
/// to `n` when there are fewer points (said in the second value). `Err` below two points.
pub fn folds(config: &Config, n: usize) -> Result<(Folds, Option<String>), String> {
    let k = config.number(Key::Folds);
    let (scheme, note) = match k {
        k if !k.is_finite() => (Scheme::LeaveOneOut, None),
        k if k as usize > n => (
            Scheme::KFold(n),
            Some(format!(
                "Only {n} training points: {n} folds instead of {k}."
            )),
        ),
        k => (Scheme::KFold(k as usize), None),
    };
    match Folds::new(n, scheme, config.seed) {
        Ok(f) => Ok((f, note)),
        Err(_) => Err(format!(
            "Only {n} training point(s): cross-validation needs at least 2. Add points or raise the training fraction."
        )),
    }
}

/// The error of one unit of a trial's work at `point` (the configuration's hyperparameters with
/// the axes set there): selecting by cross-validation, fold `unit`'s validation error of a fresh
/// model trained on the other folds (the computation of [`crate::tune::cv::cross_validate`], one
/// fold at a time); selecting by the test score, the test error of a model trained on all the
/// training points (one unit).
fn unit_error(
    config: &Config,
    space: &Space,
    point: &[f64],
    data: &Dataset,
    folds: &Folds,
    unit: usize,
) -> f64 {
    let hyper = space.apply(config, point).regression_hyper();
    let train = &data.train;
    if by_test(config) {
        let model: Trainer = fit(&hyper, train, config.seed, TRIAL_EPOCHS);
        return model.score(&data.test).error();
    }
    let model: Trainer = fit(
        &hyper,
        &train.subset(&folds.training(unit)),
        config.seed,
        TRIAL_EPOCHS,
    );
    model.score(&train.subset(folds.validation(unit))).error()
}

/// Whether the configuration selects by the test score (the mistake).
pub fn by_test(config: &Config) -> bool {
    config.choice::<Selection>(Key::Selection) == Selection::Test
}

/// Units of work per trial: one per fold, or one test score.
fn units_per_trial(config: &Config, folds: &Folds) -> usize {
    if by_test(config) {
        1
    } else {
        folds.count()
    }
}

/// A fresh set of points from the configuration's generator (another seed stream than any
/// link's seed: those stay below 2³²).
fn fresh_points(config: &Config) -> Vec<Point> {
    let (curve, noise) = (config.choice(Key::Dataset), config.number(Key::Noise));
    let fresh = DataSpec::new(curve, FRESH_POINTS, noise, 0.5, config.seed + (1 << 32))
        .expect("the same generator with more points");
    let data = generate(&fresh);
    [data.train, data.test].concat()
}

/// The exact cross-validated error (or test error, selecting by it) over a lattice of the
/// axes, filled in cell by cell.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Landscape {
    /// The lattice, snapped to the controls' tables and without repeats
    /// ([`Space::snapped_lattice`]), second axis fastest.
    pub points: Vec<Vec<f64>>,
    /// Mean ± sd of the folds' errors of the first cells.
    pub errors: Vec<MeanSd>,
    /// The errors of the folds done so far of the next cell.
    partial: Vec<f64>,
}

impl Landscape {
    fn new(space: &Space) -> Self {
        Landscape {
            points: space.snapped_lattice(LANDSCAPE_TICKS),
            errors: Vec::new(),
            partial: Vec::new(),
        }
    }

    pub fn is_done(&self) -> bool {
        self.errors.len() >= self.points.len()
    }

    /// The error at a snapped point, once computed (an unknown point counts as unboundedly bad).
    fn at(&self, point: &[f64]) -> MeanSd {
        let i = self.points.iter().position(|p| p == point);
        let error = i.and_then(|i| self.errors.get(i));
        error.copied().unwrap_or(MeanSd {
            mean: f64::INFINITY,
            sd: 0.0,
        })
    }
}

/// The second loop: the chosen hyperparameters retrained on all the training points, then
/// scored once on the test points.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// The configuration with the axes at the chosen values (still of the Tuning lab).
    pub config: Config,
    /// The chosen values, one per axis.
    pub values: Vec<f64>,
    /// The search's estimate: the chosen trial's cross-validated error (or, selecting by the
    /// test score, its test error).
    pub cv: MeanSd,
    /// Mean squared error of the retrained model on the training and the test points.
    pub train_error: f64,
    pub test_error: f64,
    /// Its error on [`FRESH_POINTS`] fresh points from the same generator: what it really does.
    pub fresh_error: f64,
    /// What the retrained model learned.
    pub parameters: Vec<Parameter>,
}

impl Outcome {
    /// Test error minus the cross-validation estimate.
    pub fn gap(&self) -> f64 {
        self.test_error - self.cv.mean
    }

    /// The Regression lab's link with exactly these settings.
    pub fn regression_link(&self) -> String {
        let mut config = self.config.clone();
        config.lab = Lab::Regression;
        super::url::encode(&config)
    }
}

/// The Tuning lab's whole state.
#[derive(Clone, Debug)]
pub struct Tuning {
    pub config: Config,
    pub data: Rc<Dataset>,
    /// The folds of the training points, or why there are none.
    pub folds: Result<Folds, String>,
    /// Said when the folds differ from the setting (fewer points than folds).
    pub folds_note: Option<String>,
    pub search: Search,
    /// Each finished trial's folds' errors (its one test error, selecting by the test
    /// score), in the order of the trials.
    pub fold_errors: Vec<Vec<f64>>,
    /// The trial in progress and the errors of its folds done so far.
    pub current: Option<(TrialRequest, Vec<f64>)>,
    pub landscape: Landscape,
    /// Best-so-far curves of the strategies of [`COMPARED`] with this budget, one per seed,
    /// filled once the landscape is done (every trial is one of its cells, so no training).
    pub comparison: Vec<Vec<Vec<f64>>>,
    /// Set once the search is done.
    pub outcome: Option<Outcome>,
    pub running: bool,
    /// Fallbacks taken while reading the link.
    pub notices: Vec<String>,
}

impl Tuning {
    /// The state for a configuration, with its seeded data.
    pub fn new(config: Config, notices: Vec<String>) -> Self {
        let data = generate(&config.data_spec());
        Tuning::with_data(config, data, notices)
    }

    /// The state for a configuration on given data (tests swap the test points).
    pub fn with_data(config: Config, data: Dataset, notices: Vec<String>) -> Self {
        let space = space(&config);
        let search = Search::new(
            space.clone(),
            strategy(&config),
            config.number(Key::Budget) as usize,
            config.seed,
        )
        .expect("the budget control stays within 1 … MAX_BUDGET");
        let folds = folds(&config, data.train.len());
        Tuning {
            folds_note: folds.as_ref().ok().and_then(|f| f.1.clone()),
            folds: folds.map(|f| f.0),
            landscape: Landscape::new(&space),
            search,
            config,
            data: Rc::new(data),
            fold_errors: Vec::new(),
            comparison: vec![Vec::new(); COMPARED.len()],
            current: None,
            outcome: None,
            running: false,
            notices,
        }
    }

    /// Whether the background work (the landscape, then the comparison) is done, or cannot run.
    pub fn background_done(&self) -> bool {
        let compared = self
            .comparison
            .iter()
            .all(|c| c.len() as u64 >= COMPARE_SEEDS);
        self.folds.is_err() || (self.landscape.is_done() && compared)
    }

    /// Whether the search has spent its budget (or has nothing left to try, or cannot run).
    pub fn is_done(&self) -> bool {
        self.outcome.is_some() || self.folds.is_err()
    }

    /// One fold of the trial in progress, starting the next trial first if none is; a point
    /// tried before (random search may draw it twice) reuses its folds. Returns whether a trial
    /// finished.
    fn trial_work(&mut self) -> bool {
        let Ok(folds) = &self.folds else {
            return false;
        };
        if self.current.is_none() {
            let Some(request) = self.search.next() else {
                // Nothing left to try (a grid smaller than the budget ends early): done.
                self.outcome = self.retrain();
                self.running = false;
                return false;
            };
            let trials = self.search.trials();
            if let Some(i) = trials.iter().position(|t| t.point == request.point) {
                let errors = self.fold_errors[i].clone();
                self.finish(request, errors);
                return true;
            }
            self.current = Some((request, Vec::new()));
        }
        let Some((request, errors)) = &mut self.current else {
            return false;
        };
        let (config, space) = (&self.config, self.search.space());
        let unit = errors.len();
        errors.push(unit_error(
            config,
            space,
            &request.point,
            &self.data,
            folds,
            unit,
        ));
        if errors.len() < units_per_trial(config, folds) {
            return false;
        }
        if let Some((request, errors)) = self.current.take() {
            self.finish(request, errors);
        }
        true
    }

    /// Trials finished and folds of the trial in progress done: how far the search is.
    fn progress(&self) -> (usize, usize) {
        let folds = self.current.as_ref().map_or(0, |c| c.1.len());
        (self.search.trials().len(), folds)
    }

    /// Records a trial; once the search is done, retrains the choice and stops.
    fn finish(&mut self, request: TrialRequest, errors: Vec<f64>) {
        if self.search.record(&request, MeanSd::of(&errors)) {
            self.fold_errors.push(errors);
        }
        if self.search.is_done() {
            self.outcome = self.retrain();
            self.running = false;
        }
    }

    /// The second loop: the best trial's hyperparameters (the lowest cross-validated mean
    /// error) trained on all the training points, then scored on the test points and on fresh
    /// points. Selecting by cross-validation, the only place the test points are read.
    fn retrain(&self) -> Option<Outcome> {
        let best = self.search.best()?;
        let config = self.search.space().apply(&self.config, &best.point);
        let model: Trainer = fit(
            &config.regression_hyper(),
            &self.data.train,
            config.seed,
            TRIAL_EPOCHS,
        );
        Some(Outcome {
            values: best.values.clone(),
            cv: best.error,
            train_error: model.score(&self.data.train).error(),
            test_error: model.score(&self.data.test).error(),
            fresh_error: model.score(&fresh_points(&config)).error(),
            parameters: model.parameters(),
            config,
        })
    }

    /// Up to `units` folds of the landscape.
    fn landscape_work(&mut self, units: u32) {
        let Ok(folds) = &self.folds else {
            return;
        };
        let land = &mut self.landscape;
        for _ in 0..units {
            let Some(point) = land.points.get(land.errors.len()) else {
                return;
            };
            let (config, space) = (&self.config, self.search.space());
            let unit = land.partial.len();
            let e = unit_error(config, space, point, &self.data, folds, unit);
            land.partial.push(e);
            if land.partial.len() == units_per_trial(config, folds) {
                land.errors.push(MeanSd::of(&land.partial));
                land.partial.clear();
            }
        }
    }

    /// One best-so-far curve of the comparison (a strategy on a seed), looked up in the finished
    /// landscape.
    fn compare_work(&mut self) {
        let Some(s) = self
            .comparison
            .iter()
            .position(|c| (c.len() as u64) < COMPARE_SEEDS)
        else {
            return;
        };
        if !self.landscape.is_done() {
            return;
        }
        let seed = self.comparison[s].len() as u64;
        let (space, budget) = (self.search.space(), self.search.budget());
        let land = &self.landscape;
        let strategy = strategy_of(COMPARED[s]);
        if let Ok(mut c) = curves(space, strategy, budget, &[seed], |p| land.at(p)) {
            self.comparison[s].append(&mut c);
        }
    }

    /// The comparison of each strategy whose seeds are all done: mean ± sd over the seeds of the
    /// best error after each trial.
    pub fn compared(&self) -> Vec<(StrategyKind, Vec<MeanSd>)> {
        let done = COMPARED.iter().zip(&self.comparison);
        let done = done.filter(|(_, c)| c.len() as u64 == COMPARE_SEEDS);
        let summary = |c: &Vec<Vec<f64>>| {
            let budget = c.first().map_or(0, Vec::len);
            let at = |i: usize| MeanSd::of(&c.iter().map(|r| r[i]).collect::<Vec<_>>());
            (0..budget).map(at).collect()
        };
        done.map(|(k, c)| (*k, summary(c))).collect()
    }

    /// The surrogate (the Gaussian process fitted to the trials so far) over `per_axis` evenly
    /// spaced coordinates per axis: each point with the posterior mean ± sd of the error and the
    /// expected improvement there. Empty before the first trial.
    pub fn surrogate(&self, per_axis: usize) -> Vec<(Vec<f64>, Prediction, f64)> {
        let Some(gp) = self.search.surrogate() else {
            return Vec::new();
        };
        let lattice = self.search.space().lattice(per_axis);
        let at = |p: Vec<f64>| {
            let prediction = gp.predict(&p);
            let ei = gp.expected_improvement(&p);
            (p, prediction, ei)
        };
        lattice.into_iter().map(at).collect()
    }

    /// Everything restarts from the configuration; the landscape and the comparison are kept
    /// when they cannot have changed, and so is playing.
    fn rebuild(&mut self, keep_landscape: bool, keep_comparison: bool) {
        let landscape = std::mem::take(&mut self.landscape);
        let comparison = std::mem::take(&mut self.comparison);
        let mut next = Tuning::new(self.config.clone(), std::mem::take(&mut self.notices));
        if keep_landscape {
            next.landscape = landscape;
        }
        if keep_landscape && keep_comparison {
            next.comparison = comparison;
        }
        next.running = self.running && !next.is_done();
        *self = next;
    }
}

impl Reduce for Tuning {
    type Action = Action;

    /// Controls restart the search (Strategy and Budget keep the landscape, which depends on
    /// neither); Play runs it per tick, Step runs one whole trial and pauses, Reset starts the
    /// same search over; `Tick(n)` runs up to n folds and at most one trial (so trials appear one
    /// per frame at least); `SweepTick(n)` runs up to n folds of the landscape, then one curve of
    /// the strategies' comparison.
    fn apply(&mut self, action: Action) {
        match action {
            Action::Set(key, pos) if self.config.position(key) != pos => {
                self.config.set(key, pos);
                let keep = matches!(key, Key::Strategy | Key::Budget);
                self.rebuild(keep, key == Key::Strategy);
            }
            Action::SetSeed(seed) => {
                self.config.seed = seed.min(MAX_SEED);
                self.rebuild(false, false);
            }
            Action::Play => self.running = !self.is_done(),
            Action::Pause => self.running = false,
            Action::Step => {
                self.running = false;
                // One fold at a time until a trial finishes, or nothing moves any more.
                loop {
                    let before = self.progress();
                    if self.trial_work() || self.progress() == before {
                        break;
                    }
                }
                self.running = false;
            }
            Action::Reset => {
                self.running = false;
                self.rebuild(true, true);
            }
            Action::Tick(units) => {
                for _ in 0..units {
                    if !self.running || self.trial_work() {
                        break;
                    }
                }
            }
            Action::SweepTick(units) => {
                self.landscape_work(units);
                self.compare_work();
            }
            Action::DismissNotices => self.notices.clear(),
            _ => {}
        }
    }
}

#[cfg(test)]
#[path = "tuning_tests.rs"]
mod tests;
