//! The Tuning lab's state and its one reducer, without any UI: a search of a model's
//! hyperparameters by cross-validation on the training points — polynomial regression on the
//! Regression lab's curves (its error the mean squared error), or a model of the Classification
//! lab on its patterns (its error the error rate, [`super::tuning_plane`]) — run fold by fold (on
//! the plane, model step by model step) so that the page can pace it per animation frame, the
//! exact landscape of the same cross-validation over a lattice of the axes (computed in the
//! background), and — once the search is done — the second loop: the chosen hyperparameters
//! retrained on all the training points and scored once on the test points. Which axes each model
//! has is [`super::tuning_axes`]; the work itself runs a frame at a time in `tuning_frames.rs`, or
//! as jobs for Web Workers in `tuning_jobs.rs`.
//!
//! Selecting by cross-validation (the default), the test points never choose anything: only
//! `data.train` is cut into folds, and the test points are read once, in [`Tuning::retrain`],
//! after the search has chosen. "Select by: test score" shows the mistake instead: each trial is
//! trained on all the training points and scored on the test points, which then choose; a fresh
//! set of points from the same generator shows how optimistic the chosen test score is.

use super::action::Action;
use super::choice::{Choice, ModelKind, Selection, StrategyKind, TuneAxis, TuneModel};
use super::config::{Config, MAX_SEED};
use super::regression::SWEEP_EPOCHS;
use super::session::Reduce;
use super::spec::{Key, Lab};
pub use super::tuning_axes::{axis_key, space};
use super::tuning_axes::{default_axes_for_model, default_points, fit_axes, space_within};
use super::tuning_plane::{
    classification_config, fresh_set, grown_depth, neural_config, PlanePoints, PlaneWork,
    Retrained, PLANE_STEPS,
};
use crate::data::classification::class_name;
use crate::data::regression::{generate, DataSpec, Dataset, Point};
use crate::ml::model::{fit_checked, Parameter, Samples};
use crate::ml::plane_model::{PlaneModel, PlaneSet};
use crate::ml::polynomial::Trainer;
use crate::tune::beyond::Beyond;
use crate::tune::compare::summary;
use crate::tune::cv::{diverged, first_lowest, fold_error, ties, MeanSd, DIVERGED};
use crate::tune::folds::{Folds, Scheme};
use crate::tune::fresh::{folds_on_fresh, FoldsOnFresh};
use crate::tune::search::{Search, TrialRequest};
use crate::tune::space::Space;
use crate::tune::strategy::{Bayes, Strategy};
use std::rc::Rc;

#[path = "tuning_surrogate.rs"]
mod surrogate;
pub use surrogate::{SurrogateView, NEGLIGIBLE_IMPROVEMENT};
#[path = "tuning_frames.rs"]
mod frames;
#[path = "tuning_jobs.rs"]
mod jobs;
pub use jobs::{Job, Known};
#[path = "tuning_links.rs"]
mod links;
use links::default_speed;
pub use links::{learning_rate_search, result_config, result_lab};
#[path = "tuning_landscape.rs"]
mod landscape;
pub use landscape::Landscape;
#[path = "tuning_outcome.rs"]
mod outcome;
pub use outcome::Outcome;

/// Epochs each fold's model trains (and the retrained model): as the Regression lab's
/// validation curves train each point.
pub const TRIAL_EPOCHS: u32 = SWEEP_EPOCHS;

/// Lattice ticks per axis of the landscape: enough to reach every value of every listed
/// (log-scale) table (none has more than 21) and of every evenly stepped range up to 41 values
/// (k's range of up to 50 gets one tick per value, [`landscape_ticks`]), so that every trial any
/// strategy makes is a landscape cell (at most 15 × 21 = 315 cross-validations; k-NN's single
/// axis 50).
pub const LANDSCAPE_TICKS: usize = 41;

/// Points in the fresh set drawn from the same generator to check the chosen model: enough that
/// its error is close to what the model really does (helper 83: on 200 points a 1 % error read
/// ± 0.01, as wide as itself; on 2,000, ± 0.0024), so that a test set's or the held-out points'
/// straying is theirs. Scoring an error rate takes one pass over them
/// ([`crate::tune::fresh::PointErrors`]).
pub const FRESH_POINTS: usize = 2000;

/// Seeds over which the three strategies are compared.
pub const COMPARE_SEEDS: u64 = 10;

/// The strategies compared, in the order of the comparison.
pub const COMPARED: [StrategyKind; 3] = [
    StrategyKind::Grid,
    StrategyKind::Random,
    StrategyKind::Bayes,
];

/// Ticks per axis of the landscape of `space`: [`LANDSCAPE_TICKS`], or one per value of a
/// longer evenly stepped integer range, so that every value of every axis is a cell.
pub fn landscape_ticks(space: &Space) -> usize {
    space.ticks_for_every_value(LANDSCAPE_TICKS)
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

/// Why every trial scores the same when the training points are all of one class: any setting
/// learns to answer that class, so the search cannot tell settings apart (helper 66: it said only
/// that the trials tie). The same by cross-validation (error 0) and by the test score (the
/// share of test points of other classes).
fn one_class_note(train: &PlaneSet) -> Option<String> {
    only_class(train).map(|class| {
        format!(
            "All {} training points are {}: any setting learns to answer {1}, so every trial \
             scores the same and the search cannot tell settings apart. More points, or a larger \
             training fraction, bring in the other classes.",
            train.points.len(),
            class_name(class)
        )
    })
}

/// The one class of the training points, when there are two or more and all of one class.
fn only_class(train: &PlaneSet) -> Option<usize> {
    let first = train.points.first()?.class;
    let one = train.values.is_none() && train.points.iter().all(|p| p.class == first);
    (one && train.points.len() > 1).then_some(first)
}

/// The error of one unit of a trial's work at `point` (the configuration's hyperparameters with
/// the axes set there): selecting by cross-validation, fold `unit`'s validation error of a fresh
/// model trained on the other folds (the computation of [`crate::tune::cv::cross_validate`], one
/// fold at a time); selecting by the test score, the test error of a model trained on all the
/// training points (one unit). [`DIVERGED`] if the model's training diverged.
fn unit_error(
    config: &Config,
    space: &Space,
    point: &[f64],
    data: &Dataset,
    folds: &Folds,
    unit: usize,
) -> f64 {
    let hyper = space.apply(config, point).regression_hyper();
    let (train, seed) = (&data.train, config.seed);
    if by_test(config) {
        return fold_error::<Trainer>(&hyper, train, &data.test, seed, TRIAL_EPOCHS);
    }
    let learn = train.subset(&folds.training(unit));
    let held_out = train.subset(folds.validation(unit));
    fold_error::<Trainer>(&hyper, &learn, &held_out, seed, TRIAL_EPOCHS)
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

/// The epochs each fold's model (and the retrained one) trains from zero for the search of
/// `config`: the polynomial's [`TRIAL_EPOCHS`], logistic regression's and the network's
/// [`PLANE_STEPS`]; `None` for a model that grows in full (a tree, an ensemble) or learns
/// nothing (k-NN).
pub fn trial_epochs(config: &Config) -> Option<u32> {
    match config.tuned() {
        None => Some(TRIAL_EPOCHS),
        Some(ModelKind::Logistic | ModelKind::Mlp) => Some(PLANE_STEPS),
        Some(_) => None,
    }
}

/// The Tuning lab's whole state.
#[derive(Clone, Debug)]
pub struct Tuning {
    pub config: Config,
    /// The Regression lab's points of the configuration's curve: the data when the model is
    /// polynomial regression.
    pub data: Rc<Dataset>,
    /// The Classification lab's points of the configuration's pattern: the data when the model
    /// is on the plane (`None` for polynomial regression).
    pub plane: Option<Rc<PlanePoints>>,
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
    /// The search's next trials, to hand out as jobs ([`Search::upcoming`]).
    queue: Vec<TrialRequest>,
    /// Every fold error computed so far, by point: trials' and the landscape's alike, by
    /// workers or a frame at a time (so a trial at a cell already computed, or a cell a trial
    /// already computed, costs nothing).
    known: Known,
    /// On the plane, the work of the trial in progress, and of a landscape cell (with its
    /// point: the cell may be completed meanwhile by a trial at the same point).
    work: Option<PlaneWork>,
    land_work: Option<(Vec<f64>, PlaneWork)>,
    pub landscape: Landscape,
    /// Best-so-far curves of the strategies of [`COMPARED`] with this budget, one per seed,
    /// filled once the landscape is done (every trial is one of its cells, so no training).
    pub comparison: Vec<Vec<Vec<f64>>>,
    /// Set once the search is done and some trial trained without diverging (`None` if every
    /// trial diverged: there is nothing to choose).
    pub outcome: Option<Outcome>,
    /// Whether the search is over: its budget spent, or nothing left to try.
    searched: bool,
    pub running: bool,
    /// While playing, how many more trials may be shown before the next [`Action::Reveal`]:
    /// Speed's number at a set speed (a trial scored sooner waits), any number at max.
    may_show: u32,
    /// Fallbacks taken while reading the link (or on an axis that is not of the model).
    pub notices: Vec<String>,
}

impl Tuning {
    /// The state for a configuration, with its seeded data.
    pub fn new(config: Config, notices: Vec<String>) -> Self {
        let data = generate(&config.data_spec());
        Tuning::with_data(config, data, notices)
    }

    /// The state for a configuration on given curve data (tests swap the test points).
    pub fn with_data(config: Config, data: Dataset, notices: Vec<String>) -> Self {
        let plane = config.tuned().map(|_| PlanePoints::new(&config));
        Tuning::build(config, data, plane, notices)
    }

    /// The state for a configuration of a model on the plane on given points (tests swap the
    /// test points).
    pub fn with_points(config: Config, points: PlanePoints, notices: Vec<String>) -> Self {
        let data = generate(&config.data_spec());
        Tuning::build(config, data, Some(points), notices)
    }

    /// The state on the given data; axes that are not of the model fall back to its defaults,
    /// with a notice.
    fn build(
        mut config: Config,
        data: Dataset,
        plane: Option<PlanePoints>,
        mut notices: Vec<String>,
    ) -> Self {
        notices.extend(fit_axes(&mut config));
        let n = plane
            .as_ref()
            .map_or(data.train.len(), |p| p.train.points.len());
        let folds = folds(&config, n);
        let largest_k = match &folds {
            Ok((f, _)) if !by_test(&config) => f.smallest_training(),
            _ => n,
        };
        let space = space_within(&config, largest_k);
        let search = Search::new(
            space.clone(),
            strategy(&config),
            config.number(Key::Budget) as usize,
            config.seed,
        )
        .expect("the budget control stays within 1 … MAX_BUDGET");
        let mut tuning = Tuning {
            folds_note: {
                let one_class = plane.as_ref().and_then(|p| one_class_note(&p.train));
                let cut = folds.as_ref().ok().and_then(|f| f.1.clone());
                match (one_class, cut) {
                    (Some(a), Some(b)) => Some(format!("{a} {b}")),
                    (a, b) => a.or(b),
                }
            },
            folds: folds.map(|f| f.0),
            landscape: Landscape::new(&space),
            search,
            config,
            data: Rc::new(data),
            plane: plane.map(Rc::new),
            fold_errors: Vec::new(),
            comparison: vec![Vec::new(); COMPARED.len()],
            current: None,
            queue: Vec::new(),
            known: Known::default(),
            work: None,
            land_work: None,
            outcome: None,
            searched: false,
            running: false,
            may_show: 0,
            notices,
        };
        tuning.plan();
        tuning
    }

    /// Whether the training points on the plane are all of one class: every setting learns the
    /// same answer, and the folds note says so.
    pub fn one_class(&self) -> bool {
        (self.plane.as_ref()).is_some_and(|p| only_class(&p.train).is_some())
    }

    /// How many training and test points the search has (of the curve or of the pattern).
    pub fn split_sizes(&self) -> (usize, usize) {
        match &self.plane {
            Some(p) => (p.train.points.len(), p.test.points.len()),
            None => (self.data.train.len(), self.data.test.len()),
        }
    }

    /// The settings whose cross-validation is known already (the landscape's cells, the trials
    /// of a search before a new budget or strategy): a trial at one needs no training.
    pub fn settings_scored(&self) -> usize {
        self.known.complete()
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
        self.searched || self.folds.is_err()
    }

    /// Ends the search: retrains the choice (if any trial did not diverge) and stops.
    fn conclude(&mut self) {
        self.searched = true;
        self.outcome = self.retrain();
        self.running = false;
    }

    /// Up to Speed's number of trials may be shown now (any number at max speed).
    fn allow_trials(&mut self) {
        self.may_show = self.config.speed().unwrap_or(u32::MAX);
    }

    /// Shows (records) a trial while the search plays, counted against the speed.
    fn show(&mut self, request: TrialRequest, errors: Vec<f64>) {
        self.may_show = self.may_show.saturating_sub(1);
        self.finish(request, errors);
    }

    /// Records a trial (and its folds' errors, for any later trial or cell at the same point);
    /// once the search is done, retrains the choice and stops.
    fn finish(&mut self, request: TrialRequest, errors: Vec<f64>) {
        for (unit, e) in errors.iter().enumerate() {
            self.known.insert(&request.point, unit, errors.len(), *e);
        }
        if self.search.record(&request, MeanSd::of(&errors)) {
            self.fold_errors.push(errors);
        }
        if self.search.is_done() {
            self.conclude();
        }
        self.plan();
    }

    /// The second loop: the best trial's hyperparameters (the lowest cross-validated mean
    /// error; never a trial that diverged, so `None` if all did) trained on all the training
    /// points, then scored on the test points and on fresh points. Selecting by
    /// cross-validation, the only place the test points are read.
    fn retrain(&self) -> Option<Outcome> {
        let best = self.search.best()?;
        let config = self.search.space().apply(&self.config, &best.point);
        // Cross-validation's fold models on the same fresh points, when it chose.
        let folds = self.folds.as_ref().ok().filter(|_| !by_test(&config));
        let seed = config.seed;
        let grown_depth = (self.plane.as_ref()).and_then(|p| grown_depth(&config, p, folds));
        let mut beyond = None;
        let (r, folds_fresh) = match &self.plane {
            Some(points) => {
                let fresh = fresh_set(&config, FRESH_POINTS);
                let r = super::tuning_plane::retrain(&config, points, &fresh);
                let (hyper, train) = (config.plane_hyper(), &points.train);
                let on_fresh = folds.and_then(|f| {
                    folds_on_fresh::<PlaneModel>(&hyper, train, f, seed, PLANE_STEPS, &fresh)
                });
                (r, on_fresh)
            }
            None => {
                let (train, hyper) = (&self.data.train, config.regression_hyper());
                let fitted = fit_checked::<Trainer>(&hyper, train, seed, TRIAL_EPOCHS);
                let fresh = fresh_points(&config);
                beyond = (!fitted.1)
                    .then(|| Beyond::of(&fitted.0, train, &fresh))
                    .flatten();
                let r = Retrained::of(fitted, train, &self.data.test, &fresh);
                let on_fresh = folds.and_then(|f| {
                    folds_on_fresh::<Trainer>(&hyper, train, f, seed, TRIAL_EPOCHS, &fresh)
                });
                (r, on_fresh)
            }
        };
        Some(Outcome {
            values: best.values.clone(),
            cv: best.error,
            train_error: r.train_error,
            test_error: r.test_error,
            fresh_error: r.fresh_error,
            test_chance: r.test_chance,
            test_count: r.test_count,
            fresh_chance: r.fresh_chance,
            folds_fresh: folds_fresh.filter(|_| !diverged(r.test_error)),
            grown_depth,
            lowest_of: super::folds_note::lowest_of(&self.search),
            beyond,
            parameters: r.parameters,
            config,
        })
    }

    /// The comparison of each strategy whose seeds are all done: mean ± sd over the seeds of the
    /// best error after each trial.
    pub fn compared(&self) -> Vec<(StrategyKind, Vec<MeanSd>)> {
        let done = COMPARED.iter().zip(&self.comparison);
        let done = done.filter(|(_, c)| c.len() as u64 == COMPARE_SEEDS);
        done.map(|(k, c)| (*k, summary(c))).collect()
    }

    /// How many trials a compared strategy runs at this budget: the budget, or fewer where the
    /// space (or the grid's lattice) holds fewer settings ([`Search::planned`]).
    pub fn planned_by(&self, kind: StrategyKind) -> usize {
        let (space, budget) = (self.search.space(), self.search.budget());
        Search::new(space.clone(), strategy_of(kind), budget, 0).map_or(0, |s| s.planned())
    }

    /// Everything restarts from the configuration; the landscape and the comparison are kept
    /// when they cannot have changed, and so is playing.
    fn rebuild(&mut self, keep_landscape: bool, keep_comparison: bool) {
        let landscape = std::mem::take(&mut self.landscape);
        let comparison = std::mem::take(&mut self.comparison);
        let mut next = Tuning::new(self.config.clone(), std::mem::take(&mut self.notices));
        if keep_landscape {
            next.landscape = landscape;
            next.land_work = self.land_work.take();
            next.known = std::mem::take(&mut self.known);
        }
        if keep_landscape && keep_comparison {
            next.comparison = comparison;
        }
        next.running = self.running && !next.is_done();
        *self = next;
        self.allow_trials();
        self.absorb();
    }
}

impl Reduce for Tuning {
    type Action = Action;

    /// Controls restart the search (Strategy and Budget keep the landscape, which depends on
    /// neither; another model also takes its default axes; Speed restarts nothing); Play runs it
    /// per tick, Step runs one whole trial and pauses, Reset starts the same search over;
    /// `Tick(n)` runs up to n units (folds of polynomial regression, model steps on the plane)
    /// and shows at most one trial (so trials appear one per frame at most); at a set speed,
    /// Play and each `Reveal` let Speed's number of trials be shown, and a trial scored before
    /// then waits; `SweepTick(n)` runs up to n units of the landscape, then one curve of the
    /// strategies' comparison.
    fn apply(&mut self, action: Action) {
        match action.resolved(self.running) {
            Action::Set(key, pos) => {
                // (Compared once set: a position past the control's end is clamped to it.)
                let before = self.config.position(key);
                self.config.set(key, pos);
                if self.config.position(key) == before {
                    return;
                }
                if key == Key::Speed {
                    // What is shown when, not what is computed.
                    if self.running {
                        self.allow_trials();
                        self.absorb();
                    }
                    return;
                }
                if key == Key::TuneModel {
                    default_axes_for_model(&mut self.config);
                    // Points at the old model's default take the new one's (40 on a curve,
                    // 200 on the plane); any other number stays.
                    let old = TuneModel::VALUES.get(before).and_then(|m| m.plane());
                    if self.config.position(Key::Points) == default_points(old) {
                        self.config
                            .set(Key::Points, default_points(self.config.tuned()));
                    }
                }
                let keep = matches!(key, Key::Strategy | Key::Budget);
                self.rebuild(keep, key == Key::Strategy);
            }
            Action::SetSeed(seed) => {
                self.config.seed = seed.min(MAX_SEED);
                self.rebuild(false, false);
            }
            Action::Play => {
                self.running = !self.is_done();
                self.allow_trials();
                self.absorb();
            }
            Action::Reveal if self.running => {
                self.allow_trials();
                self.absorb();
            }
            Action::Pause => self.running = false,
            Action::Step => {
                self.running = false;
                self.step_trial();
            }
            Action::Reset => {
                self.running = false;
                self.rebuild(true, true);
            }
            Action::Tick(units) => self.tick(units),
            Action::SweepTick(units) => self.sweep_tick(units),
            Action::FoldsDone { query, done } => self.take_results(&query, done),
            Action::DismissNotices => self.notices.clear(),
            _ => {}
        }
    }
}

#[cfg(test)]
#[path = "tuning_tests.rs"]
mod tests;
