//! One session for every lab: the configuration, the data, the model being trained, its scores
//! and history, playing or paused, divergence, and the validation curve in progress — and one
//! reducer for the actions every lab shares. What differs between labs (how data and models are
//! made from the configuration, the diagnosis, hand-placed points) is a [`LabKind`].
//!
//! No Yew and no clock here: the page decides how many steps fit in a frame and passes the
//! number in (`Action::Tick`), so every transition is deterministic and testable natively.

use super::action::Action;
use super::config::{Config, MAX_SEED};
use super::curve_note::{curve_note, training_rises};
use super::levers::{can_move, Way};
use super::moved::{penalty, Changed, Moved};
use super::spec::{Group, Key, Lab};
use super::sweep::{flexibility, rises, shapes_model, sweep_work, votes_only, Sweep};
use crate::format::{percent, short, thousands};
use crate::ml::activation::Activation;
use crate::ml::diagnosis::{
    diagnose, test_fall, test_rise, AboveZero, Beyond, Coincident, CurveLean, Diagnosis, Errors,
    Evidence, Fit, Jitter, Levers, Momentum, Overconfident, Overshoot, PenaltyPull, SharesOnly,
    Trend, CLOSE_CALL,
};
use crate::ml::history::{History, Record};
use crate::ml::model::{Model, Progress, Samples, Score};
use crate::ml::optimizer::OptimizerKind;
use crate::ml::regularization::Regularization;
use crate::tune::cv::SlicedCv;
use std::rc::Rc;

/// A lab's objective at an epoch, beside the training loss the page shows
/// ([`LabKind::objective`]).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Objective {
    epoch: u64,
    objective: f64,
    loss: f64,
}

/// A lab's whole state.
#[derive(Clone, Debug)]
pub struct Session<K: LabKind> {
    pub config: Config,
    pub data: Rc<K::Data>,
    /// The training and the test samples of `data`.
    samples: Rc<TrainTest<K>>,
    /// Hand-placed training points that clash ([`LabKind::coincident`]), computed with `data`.
    pub(super) coincident: Option<Coincident>,
    /// Shared with the page (which draws it) and with the previous state: a step copies it once,
    /// when it is shared (`Rc::make_mut`), instead of every state copy and every render copying it.
    pub model: Rc<K::Model>,
    /// The loss (MSE or log-loss) over training, training and test.
    pub history: History,
    /// The error rate over training, training and test (classes only).
    pub errors: History,
    pub running: bool,
    /// Set when training stopped because the loss exploded; cleared by any change.
    pub divergence: Option<String>,
    /// The epoch the loss last exploded in, while the settings of the way down are those it
    /// exploded with: training from the model it went back to takes the same steps again
    /// ([`Session::explodes_again`]). Cleared when a hyperparameter moves or training restarts.
    exploded: Option<u64>,
    /// [`LabKind::objective`] and the training loss at the last two recorded epochs (the later
    /// last), or from where how the model learns last changed: a rise of the objective between
    /// them is what proves steps overshoot.
    objectives: [Option<Objective>; 2],
    /// For a model that can diverge ([`Model::can_diverge`]): the model at the recorded epoch
    /// with the lowest training loss since it was built (the start included), and that loss.
    /// A divergence goes back to it: the epoch before the explosion is usually already far worse
    /// than the start, because the loss rises from the first too-large step on.
    best: Option<(Rc<K::Model>, f64)>,
    /// Fallbacks taken while reading the link.
    pub notices: Vec<String>,
    pub train_score: Score,
    pub test_score: Score,
    /// Increases whenever the model changes, so drawings know when to repaint.
    pub version: u64,
    /// The validation curve for the hyperparameter in focus.
    pub sweep: Sweep,
    /// The cross-validation of the sweep point being computed.
    sweep_job: Option<Rc<SlicedCv<K::Model>>>,
    /// Under L1, the penalized weights that are exactly zero and their number.
    zero_weights: Option<(usize, usize)>,
    /// The learned numbers the model's shape fixes before training (taken when it is built; 0
    /// for models not trained by epochs: k-NN has none, a tree's grow with it).
    parameter_count: usize,
    /// What the model reaches fully trained ([`LabKind::best_reachable`]), for the verdict:
    /// computed when the model is built or its objective's penalty changes, not every frame.
    best_reachable: Option<f64>,
    /// [`LabKind::zero_weights_loss`], computed with `best_reachable` (the verdict and the
    /// curve's note read it every frame).
    zero_weights_loss: Option<f64>,
    /// [`LabKind::slight_effects`], computed with `best_reachable`.
    slight_effects: Vec<(Key, String)>,
    /// The epoch the model's objective last changed (a new penalty while it trains): the
    /// verdict's records start there (the losses before being of another objective), and once
    /// it has changed the trend is read as after a change ([`Trend::after_change`]) from
    /// `tuned_since`.
    objective_since: u64,
    /// The epoch the way down last changed (learning rate, batch size, optimizer, penalty): a
    /// lab's steady state is read from there ([`LabKind::jitter`]), the losses before being of
    /// other steps.
    tuned_since: u64,
    /// The settings at the model's last step, once one that training goes on with moved there:
    /// until the model trains with them, the verdict says so ([`Moved`]).
    moved: Option<Moved>,
    /// The training loss when how it learns last changed (`tuned_since`; `None`: from the
    /// start): a tenfold rise from it is read as steps that overshoot ([`Session::diagnosis`]).
    tuned_from: Option<f64>,
    /// The last action changed nothing the page shows ([`Reduce::quiet`]).
    quiet: bool,
    /// The lab's own runtime state.
    pub lab: K,
}

impl<K: LabKind> Session<K> {
    /// The lab a question's "Show me in the lab" opens, which shows what it says: at a set speed
    /// it plays, to be watched (a tree opened at depth 0 showed no threshold); at max it trains
    /// at once the steps of the validation curve's models (`K::SWEEP_STEPS`, or until it
    /// finishes or diverges) and pauses — played on at max it ran to millions of epochs, past
    /// what the curve speaks for (helper 80).
    pub fn show_me(mut self) -> Self {
        self.apply(Action::Play);
        if self.config.speed().is_none() {
            self.apply(Action::Tick(K::SWEEP_STEPS));
            self.apply(Action::Pause);
        }
        self
    }

    pub fn new(config: Config, notices: Vec<String>) -> Self {
        let data = K::data(&config);
        let samples = K::samples(&data);
        let coincident = K::coincident(&config, &data);
        let model = K::Model::new(&K::hyper(&config), &samples.0, config.seed);
        // The link's curve, if it names one this model has (else the first).
        let first = config.curve.unwrap_or(K::sweep_keys(&config)[0]);
        let mut session = Session {
            data: Rc::new(data),
            samples: Rc::new(samples),
            coincident,
            model: Rc::new(model),
            history: History::default(),
            errors: History::default(),
            running: false,
            divergence: None,
            exploded: None,
            objectives: [None; 2],
            best: None,
            notices,
            train_score: Score::default(),
            test_score: Score::default(),
            version: 0,
            sweep: Sweep::new(first, 0, 0),
            sweep_job: None,
            zero_weights: None,
            parameter_count: 0,
            best_reachable: None,
            zero_weights_loss: None,
            slight_effects: Vec::new(),
            objective_since: 0,
            tuned_since: 0,
            moved: None,
            tuned_from: None,
            quiet: false,
            lab: K::start(),
            config,
        };
        session.restart_sweep(first);
        session.start_over();
        session
    }

    /// The training samples.
    pub fn train_set(&self) -> &<K::Model as Model>::Samples {
        &self.samples.0
    }

    /// The test samples.
    pub fn test_set(&self) -> &<K::Model as Model>::Samples {
        &self.samples.1
    }

    /// Under L1: how many of the penalized weights are exactly zero, and how many there are
    /// (`None` without L1 or without penalized weights, e.g. k-NN and trees). Counted once per
    /// new model version, not on every render.
    pub fn zero_weights(&self) -> Option<(usize, usize)> {
        self.zero_weights
    }

    fn count_zero_weights(&self) -> Option<(usize, usize)> {
        if self.config.regularization() != Regularization::L1 {
            return None;
        }
        let params = self.model.parameters();
        let penalized = params.iter().filter(|p| p.penalized);
        let total = penalized.clone().count();
        let zeros = penalized.filter(|p| p.value == 0.0).count();
        (total > 0).then_some((zeros, total))
    }

    /// A new untrained model from the configuration; history and divergence cleared.
    pub fn restart(&mut self) {
        self.model = Rc::new(K::Model::new(
            &K::hyper(&self.config),
            self.train_set(),
            self.config.seed,
        ));
        self.start_over();
    }

    /// Training starts afresh from the model just built (by [`Session::new`] or
    /// [`Session::restart`]): history and divergence cleared, its counts and scores taken.
    fn start_over(&mut self) {
        self.history = History::default();
        self.errors = History::default();
        self.divergence = None;
        self.exploded = None;
        self.objectives = [None; 2];
        self.best = None;
        self.objective_since = 0;
        self.tuned_since = 0;
        self.moved = None;
        self.tuned_from = None;
        // (An unsplit tree's root shares, or boosting's prior, are no fixed shape: a tree's
        // numbers grow with it; helper 67 read "2 training points for 2 learned numbers".)
        self.parameter_count = match K::by_epochs(self) {
            true => self.model.parameters().len(),
            false => 0,
        };
        self.objective_changed();
        self.rescore();
        self.record();
    }

    /// Puts in a model trained elsewhere (a loaded file) for the same configuration, paused: its
    /// scores, history and diagnosis start afresh from it.
    pub fn install(&mut self, model: K::Model) {
        self.model = Rc::new(model);
        self.running = false;
        self.history = History::default();
        self.errors = History::default();
        self.divergence = None;
        self.exploded = None;
        self.objectives = [None; 2];
        self.best = None;
        self.objective_since = 0;
        self.tuned_since = 0;
        self.moved = None;
        self.tuned_from = None;
        self.rescore();
        self.record();
    }

    /// New data from the configuration, then a new model and validation curve.
    pub fn regenerate(&mut self) {
        let data = K::data(&self.config);
        self.samples = Rc::new(K::samples(&data));
        self.coincident = K::coincident(&self.config, &data);
        self.data = Rc::new(data);
        self.restart();
        self.restart_sweep(self.sweep.key);
    }

    fn rescore(&mut self) {
        self.train_score = self.model.score(&self.samples.0);
        self.test_score = self.model.score(&self.samples.1);
        self.zero_weights = self.count_zero_weights();
        self.version += 1;
    }

    fn record(&mut self) {
        let epoch = self.model.steps();
        let (train, test) = (&self.train_score, &self.test_score);
        self.history.push(Record {
            epoch,
            train: train.loss,
            test: test.loss,
        });
        if self
            .history
            .records()
            .last()
            .is_some_and(|r| r.epoch == epoch)
        {
            if let Some(objective) = K::objective(self) {
                let now = Objective {
                    epoch,
                    objective,
                    loss: train.loss,
                };
                self.objectives = [self.objectives[1], Some(now)];
            }
        }
        if let (Some(a), Some(b)) = (train.accuracy, test.accuracy) {
            self.errors.push(Record {
                epoch,
                train: 1.0 - a,
                test: 1.0 - b,
            });
        }
        let loss = train.loss;
        let better = self.best.as_ref().is_none_or(|(_, best)| loss < *best);
        if self.model.can_diverge() && better {
            self.best = Some((Rc::clone(&self.model), loss));
        }
    }

    /// The objective's rises are read from the model as it stands: how it learns changed (a
    /// new rate, or a new penalty, which is a new objective), or training went back.
    fn objective_from_here(&mut self) {
        let now = K::objective(self).map(|objective| Objective {
            epoch: self.model.steps(),
            objective,
            loss: self.train_score.loss,
        });
        self.objectives = [None, now];
    }

    /// Runs up to `steps` training steps; pauses when the model is done or on divergence.
    fn train(&mut self, steps: u32) {
        // Trained with the settings moved, or diverged with them: either way no longer before it.
        if steps > 0 {
            self.moved = None;
        }
        // After a divergence the model went back to an earlier epoch: the records after it were
        // of the run abandoned.
        self.history.truncate_after(self.model.steps());
        self.errors.truncate_after(self.model.steps());
        // Scores are taken when the history wants the epoch and once at the end, not twice.
        let mut scored = self.model.steps();
        for _ in 0..steps {
            match Rc::make_mut(&mut self.model).step() {
                Progress::Trained => {
                    if self.history.wants(self.model.steps()) {
                        self.rescore();
                        self.record();
                        scored = self.model.steps();
                    }
                    // Stopped with the last tree or level, not a tick later: else, when a tick
                    // ended just on it, the page's frame that showed it was still a running
                    // frame (and an ensemble's charts, throttled while it grows, could be
                    // redrawn in that frame, making it late).
                    if self.model.is_finished() == Some(true) {
                        self.running = false;
                        break;
                    }
                }
                Progress::Finished => {
                    self.running = false;
                    break;
                }
                Progress::Diverged => {
                    // The model undid the epoch that exploded: the next one.
                    let exploded = self.model.steps() + 1;
                    self.fall_back();
                    scored = self.model.steps();
                    self.running = false;
                    self.divergence = Some(self.divergence_text(exploded));
                    self.exploded = Some(exploded);
                    break;
                }
            }
        }
        if self.model.steps() != scored {
            self.rescore();
        }
    }

    /// What the model reaches fully trained, and what a control changes of it, for a new model
    /// or a new penalty.
    fn objective_changed(&mut self) {
        self.best_reachable = K::best_reachable(&self.config, self.train_set());
        self.zero_weights_loss = K::zero_weights_loss(&self.config, self.train_set());
        self.slight_effects = K::slight_effects(&self.config, self.train_set());
    }

    /// What the model reaches fully trained ([`LabKind::best_reachable`]), computed per model.
    pub fn best_reachable(&self) -> Option<f64> {
        self.best_reachable
    }

    /// The controls that barely change (or do not change) the fully trained model on this
    /// data, each with why ([`LabKind::slight_effects`]).
    pub fn slight_effects(&self) -> &[(Key, String)] {
        &self.slight_effects
    }

    /// After a divergence: back to the model of the recorded epoch with the lowest training loss,
    /// to train on with the hyperparameters now set.
    fn fall_back(&mut self) {
        if let Some((best, _)) = &self.best {
            self.model = Rc::clone(best);
            Rc::make_mut(&mut self.model).retune(&K::hyper(&self.config));
        }
        self.objective_since = self.objective_since.min(self.model.steps());
        self.tuned_since = self.tuned_since.min(self.model.steps());
        self.rescore();
        self.objective_from_here();
    }

    /// Starts the validation curve again over `key` (or the default, if `key` cannot be swept
    /// now), after anything it depends on changed. The link names the curve if it is not the
    /// default.
    fn restart_sweep(&mut self, key: Key) {
        let keys = K::sweep_keys(&self.config);
        let key = if keys.contains(&key) { key } else { keys[0] };
        self.config.curve = (key != keys[0]).then_some(key);
        self.sweep = Sweep::new(key, self.train_set().count(), self.config.seed)
            .checking_training(K::checks_curve_training(&self.config));
        self.sweep_job = None;
    }

    /// Computes the validation curve to its end at once, as the page does over its first frames
    /// (a lesson's or challenge's figures, and the tests, judge the verdict that cites it).
    pub fn finish_curve(&mut self) {
        while !self.sweep.is_done() {
            self.apply(Action::SweepTick(1000));
        }
    }

    /// Runs up to `budget` units of validation-curve work (see [`sweep_work`]).
    fn advance_sweep(&mut self, budget: u32) {
        let (sweep, job) = (&mut self.sweep, &mut self.sweep_job);
        sweep_work::<K>(sweep, job, &self.config, &self.samples.0, budget);
    }

    /// Moves a control: new data, a new model, or new training hyperparameters for the running
    /// model, as the control table says. A model that starts over keeps playing if it was.
    fn set(&mut self, key: Key, pos: usize) {
        if self.config.position(key) == pos.min(key.spec().domain.len() - 1) {
            return;
        }
        // What a move that training goes on with needs of the settings before it: the penalty,
        // and, for the first move at this step, the settings themselves (not cloned on every
        // move of a slider drag).
        let spec = key.spec();
        let steps = self.model.steps();
        let going_on = spec.group == Group::Hyperparameter && !spec.restarts;
        let penalty_before = penalty(&self.config);
        let first_move =
            (going_on && steps > 0) && self.moved.as_ref().is_none_or(|m| m.epoch != steps);
        let before = first_move.then(|| self.config.clone());
        self.config.set(key, pos);
        if spec.group == Group::Data {
            self.regenerate();
        } else if spec.restarts {
            self.restart();
        } else if spec.group == Group::Hyperparameter {
            let new_objective = penalty_before != penalty(&self.config);
            // (The settings of the step the model stands at: kept from the first move there.)
            if let Some(config) = before {
                self.moved = Some(Moved {
                    epoch: steps,
                    config,
                    objective_since: self.objective_since,
                    tuned_since: self.tuned_since,
                    tuned_from: self.tuned_from,
                });
            }
            self.tuned_since = steps;
            self.history.dense_from(steps);
            self.errors.dense_from(steps);
            self.tuned_from = Some(self.train_score.loss);
            Rc::make_mut(&mut self.model).retune(&K::hyper(&self.config));
            self.zero_weights = self.count_zero_weights();
            self.divergence = None;
            self.exploded = None;
            self.objective_from_here();
            // Fewer trees than an ensemble grew: it dropped the last ones, so its scores, map and
            // parameters are those of the smaller ensemble, and its history ends where it does.
            if self.model.steps() < steps {
                self.history.truncate_after(self.model.steps());
                self.errors.truncate_after(self.model.steps());
                self.rescore();
            }
            // Of the hyperparameters a running model takes on, only the penalty changes the
            // objective (the learning rate, batch size and optimizer change only the way down).
            // (Helper 71: λ moved without a penalty, or out and back, cut the records read.)
            if matches!(key, Key::Regularization | Key::Lambda) {
                if new_objective {
                    self.objective_since = self.model.steps();
                }
                self.objective_changed();
            }
        }
        if key != self.sweep.key && spec.group != Group::Playback {
            self.restart_sweep(self.sweep.key);
        }
    }

    /// The reducer of the actions every lab shares.
    fn apply_common(&mut self, action: Action) {
        match action {
            Action::Set(key, pos) => self.set(key, pos),
            Action::SetSeed(seed) => {
                self.config.seed = seed.min(MAX_SEED);
                self.regenerate();
            }
            Action::Play => {
                self.running = true;
                self.divergence = None;
            }
            Action::Pause => self.running = false,
            Action::PlayPause => self.apply_common(Action::PlayPause.resolved(self.running)),
            Action::Step => {
                self.running = false;
                self.divergence = None;
                self.train(1);
            }
            Action::Reset => {
                self.running = false;
                K::on_reset(&mut self.config);
                self.restart();
            }
            Action::ResetSame => {
                self.running = false;
                self.restart();
            }
            Action::Tick(steps) => {
                if self.running {
                    self.train(steps);
                }
            }
            Action::DismissNotices => self.notices.clear(),
            Action::Focus(key) => {
                if key != self.sweep.key && K::sweep_keys(&self.config).contains(&key) {
                    self.restart_sweep(key);
                }
            }
            Action::SweepTick(budget) => self.advance_sweep(budget),
            // The plane labs' own actions; the Regression lab has no points to place.
            Action::AddPoint(..)
            | Action::RemoveNearest(..)
            | Action::ClearPoints
            | Action::SetBrush(_) => {}
            // The Tuning lab's.
            Action::FoldsDone { .. } | Action::Reveal => {}
        }
    }
}

impl<K: LabKind> Reduce for Session<K> {
    type Action = Action;
    fn apply(&mut self, action: Action) {
        let slice = matches!(action, Action::SweepTick(_));
        // (A slice that ends the curve's check adds no point, yet its note is news.)
        let progress = |s: &Self| (s.sweep.results.len(), s.sweep.is_done());
        let before = progress(self);
        if let Some(common) = K::handle(self, action.resolved(self.running)) {
            self.apply_common(common);
        }
        self.quiet = slice && progress(self) == before;
    }

    fn quiet(&self) -> bool {
        self.quiet
    }
}

#[path = "divergence.rs"]
mod divergence;
// (The traits a lab and a session implement: `session::LabKind`, `session::Reduce`, where their
// users look for them.)
#[path = "lab_kind.rs"]
mod lab_kind;
pub use lab_kind::*;
#[path = "verdict.rs"]
mod verdict;

#[cfg(test)]
#[path = "session_tests.rs"]
mod tests;
