//! The Regression lab's state and its pure reducer. No Yew and no clock here: the adapter decides
//! how many epochs fit in a frame and passes the number in, so every transition is deterministic
//! and testable natively.

use super::config::{Config, MAX_SEED};
use super::spec::{Group, Key, Lab, Model};
use super::sweep::{sweepable, Sweep};
use crate::data::regression::{generate, Dataset};
use crate::ml::diagnosis::{diagnose, Diagnosis};
use crate::ml::history::{History, Record};
use crate::ml::metrics::variance;
use crate::ml::polynomial::{Epoch, Trainer};
use std::rc::Rc;

/// Everything the page shows.
#[derive(Clone, Debug)]
pub struct LabState {
    pub config: Config,
    pub data: Rc<Dataset>,
    pub trainer: Trainer,
    pub history: History,
    pub running: bool,
    /// Set when training stopped because the loss exploded; cleared by any change.
    pub divergence: Option<String>,
    /// Fallbacks taken while reading the link.
    pub notices: Vec<String>,
    pub test_mse: f64,
    /// The validation curve for the hyperparameter in focus.
    pub sweep: Sweep,
    /// The model of the sweep point being computed, and its epochs so far.
    sweep_job: Option<(Trainer, u32)>,
}

/// Epochs each validation-curve point trains for, from zero, with the current optimizer.
pub const SWEEP_EPOCHS: u32 = 1000;

/// What can happen to the lab.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Moves a control to a position.
    Set(Key, usize),
    /// New data with this seed (clamped to the seed range).
    SetSeed(u64),
    Play,
    Pause,
    /// Runs exactly one epoch and pauses.
    Step,
    /// Back to the starting weights and epoch 0, same data (the Neural-network lab draws new
    /// starting weights: the next initialization seed).
    Reset,
    /// Neural-network lab: back to the same starting weights, to compare settings from one start.
    ResetSame,
    /// Runs up to this many epochs (sent once per animation frame while playing).
    Tick(u32),
    DismissNotices,
    /// Classification lab: adds a hand-placed point of the chosen class here.
    AddPoint(f64, f64),
    /// Classification lab: removes the hand-placed point nearest to here.
    RemoveNearest(f64, f64),
    /// Classification lab: removes every hand-placed point.
    ClearPoints,
    /// Classification lab: the class that new points get.
    SetBrush(usize),
    /// A control got keyboard focus: its validation curve is shown if it has one.
    Focus(Key),
    /// Advances the validation curve by up to this many units of work (epochs, or model fits).
    SweepTick(u32),
}

impl LabState {
    pub fn new(config: Config, notices: Vec<String>) -> Self {
        let data = Rc::new(generate(&config.data_spec()));
        let trainer = Trainer::new(config.hyper(), &data.train, &data.test, config.seed);
        let mut state = LabState {
            config,
            data,
            trainer,
            history: History::default(),
            running: false,
            divergence: None,
            notices,
            test_mse: 0.0,
            sweep: Sweep::new(Key::Degree, usize::MAX),
            sweep_job: None,
        };
        state.restart_training();
        state
    }

    fn restart_training(&mut self) {
        self.trainer = Trainer::new(
            self.config.hyper(),
            &self.data.train,
            &self.data.test,
            self.config.seed,
        );
        self.history = History::default();
        self.divergence = None;
        self.record();
    }

    fn regenerate(&mut self) {
        self.data = Rc::new(generate(&self.config.data_spec()));
        self.restart_training();
    }

    /// Starts the validation curve over `key` again (after anything it depends on changed).
    fn restart_sweep(&mut self, key: Key) {
        self.sweep = Sweep::new(key, usize::MAX);
        self.sweep_job = None;
    }

    /// Runs up to `budget` epochs of validation-curve work.
    fn advance_sweep(&mut self, mut budget: u32) {
        while budget > 0 {
            let Some(pos) = self.sweep.next() else { return };
            let (trainer, done) = self.sweep_job.get_or_insert_with(|| {
                let mut config = self.config.clone();
                config.set(self.sweep.key, pos);
                (
                    Trainer::new(
                        config.hyper(),
                        &self.data.train,
                        &self.data.test,
                        config.seed,
                    ),
                    0,
                )
            });
            let run = budget.min(SWEEP_EPOCHS - *done);
            for _ in 0..run {
                if trainer.step() == Epoch::Diverged {
                    *done = SWEEP_EPOCHS;
                    break;
                }
                *done += 1;
            }
            budget -= run;
            if *done >= SWEEP_EPOCHS {
                let (train, test) = (trainer.train_mse(), trainer.test_mse());
                self.sweep.push(train, test);
                self.sweep_job = None;
            }
        }
    }

    fn record(&mut self) {
        self.test_mse = self.trainer.test_mse();
        self.history.push(Record {
            epoch: self.trainer.epoch(),
            train: self.trainer.train_mse(),
            test: self.test_mse,
        });
    }

    /// Runs up to `epochs` epochs; stops early (and pauses) on divergence.
    fn train(&mut self, epochs: u32) {
        for _ in 0..epochs {
            match self.trainer.step() {
                Epoch::Done { .. } => {
                    if self.history.wants(self.trainer.epoch()) {
                        self.record();
                    }
                }
                Epoch::Diverged => {
                    self.running = false;
                    let lr = self.trainer.hyper().learning_rate();
                    self.divergence = Some(format!(
                        "Training stopped: the loss exploded at epoch {}. A learning rate of {lr} is \
                         too high for this setting — each step overshoots the minimum by more than \
                         the last. The last good coefficients are kept. Try a learning rate of {} or \
                         lower, or switch to Adam.",
                        self.trainer.epoch() + 1,
                        lr / 10.0
                    ));
                    break;
                }
            }
        }
        self.test_mse = self.trainer.test_mse();
    }

    /// The live verdict, once there is something to judge.
    pub fn diagnosis(&self) -> Option<Diagnosis> {
        (self.trainer.epoch() > 0).then(|| {
            diagnose(
                self.trainer.train_mse(),
                self.test_mse,
                self.data.noise,
                variance(self.trainer.train_targets()),
            )
        })
    }
}

impl super::session::Reduce for LabState {
    type Action = Action;
    fn apply(&mut self, action: Action) {
        apply(self, action)
    }
}

/// The reducer: the next state from the current one and an action.
pub fn apply(state: &mut LabState, action: Action) {
    match action {
        Action::Set(key, pos) => {
            if state.config.position(key) == pos.min(key.spec().domain.len() - 1) {
                return;
            }
            state.config.set(key, pos);
            let spec = key.spec();
            if spec.group == Group::Data {
                state.regenerate();
            } else if spec.restarts {
                state.restart_training();
            } else if spec.group == Group::Hyperparameter {
                state.trainer.set_hyper(state.config.hyper());
                state.divergence = None;
            }
            if key != state.sweep.key && spec.group != Group::Playback {
                state.restart_sweep(state.sweep.key);
            }
        }
        Action::SetSeed(seed) => {
            state.config.seed = seed.min(MAX_SEED);
            state.regenerate();
            state.restart_sweep(state.sweep.key);
        }
        Action::Focus(key) => {
            if key != state.sweep.key && sweepable(Lab::Regression, Model::Knn).contains(&key) {
                state.restart_sweep(key);
            }
        }
        Action::SweepTick(budget) => state.advance_sweep(budget),
        Action::Play => {
            state.running = true;
            state.divergence = None;
        }
        Action::Pause => state.running = false,
        Action::Step => {
            state.running = false;
            state.divergence = None;
            state.train(1);
        }
        Action::Reset | Action::ResetSame => {
            state.running = false;
            state.restart_training();
        }
        Action::Tick(epochs) => {
            if state.running {
                state.train(epochs);
            }
        }
        Action::DismissNotices => state.notices.clear(),
        Action::AddPoint(..)
        | Action::RemoveNearest(..)
        | Action::ClearPoints
        | Action::SetBrush(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ml::diagnosis::Fit;
    use crate::state::url::decode;

    fn lab(query: &str) -> LabState {
        let (config, notices) = decode(query);
        LabState::new(config, notices)
    }

    fn run(state: &mut LabState, epochs: u32) {
        apply(state, Action::Play);
        apply(state, Action::Tick(epochs));
    }

    #[test]
    fn ticks_only_train_while_playing() {
        let mut s = lab("");
        apply(&mut s, Action::Tick(10));
        assert_eq!(s.trainer.epoch(), 0);
        run(&mut s, 10);
        assert_eq!(s.trainer.epoch(), 10);
        apply(&mut s, Action::Step);
        assert_eq!(s.trainer.epoch(), 11);
        assert!(!s.running);
    }

    #[test]
    fn learning_rate_continues_and_degree_restarts() {
        let mut s = lab("");
        run(&mut s, 50);
        let before = s.trainer.model().weights.clone();
        apply(&mut s, Action::Set(Key::LearningRate, 5));
        assert_eq!(s.trainer.epoch(), 50);
        assert_eq!(s.trainer.model().weights, before);
        apply(&mut s, Action::Set(Key::Degree, 5));
        assert_eq!(s.trainer.epoch(), 0);
        assert_eq!(s.trainer.model().weights.len(), 7);
    }

    #[test]
    fn same_link_same_data_and_same_parameters_after_n_epochs() {
        let q = "lr=0.01&degree=5&batch=8&opt=momentum&data=cubic&n=60&seed=9";
        let (mut a, mut b) = (lab(q), lab(q));
        run(&mut a, 200);
        for _ in 0..4 {
            run(&mut b, 50); // split differently across frames: same result
        }
        assert_eq!(a.data, b.data);
        assert_eq!(a.trainer.model().weights, b.trainer.model().weights);
    }

    #[test]
    fn sgd_at_the_largest_learning_rate_pauses_with_a_message() {
        let mut s = lab("opt=sgd&lr=10");
        run(&mut s, 1000);
        assert!(!s.running);
        let msg = s.divergence.clone().expect("diverged");
        assert!(
            msg.contains("learning rate of 10 is too high") && msg.contains("1 or lower"),
            "{msg}"
        );
        assert!(s.trainer.model().weights.iter().all(|w| w.is_finite()));
        // Lowering the learning rate clears the message and training can go on.
        apply(&mut s, Action::Set(Key::LearningRate, 10));
        assert!(s.divergence.is_none());
        run(&mut s, 100);
        assert!(s.divergence.is_none());
    }

    #[test]
    fn the_promised_diagnoses() {
        let mut over = lab("degree=15&lambda=0&n=20");
        run(&mut over, 2000);
        assert_eq!(over.diagnosis().unwrap().fit, Fit::Overfitting);
        let mut under = lab("degree=1&data=sine");
        run(&mut under, 2000);
        assert_eq!(under.diagnosis().unwrap().fit, Fit::Underfitting);
        assert!(lab("").diagnosis().is_none());
    }

    #[test]
    fn validation_curve_over_degree_underfits_left_and_overfits_right() {
        let mut s = lab("n=20&data=sine");
        while !s.sweep.is_done() {
            apply(&mut s, Action::SweepTick(700));
        }
        let r = &s.sweep.results;
        assert_eq!(r.len(), 15);
        // Degree 1: both errors high. Degree 15 on 14 points: training error ≈ 0, test error high.
        assert!(r[0].0 > 0.1 && r[0].1 > 0.1, "{:?}", r[0]);
        assert!(r[14].0 < 0.01 && r[14].1 > 10.0 * r[14].0, "{:?}", r[14]);
        // Moving the swept control keeps the curve; moving another restarts it.
        apply(&mut s, Action::Set(Key::Degree, 5));
        assert!(s.sweep.is_done());
        apply(&mut s, Action::Set(Key::Noise, 2));
        assert!(s.sweep.results.is_empty());
        apply(&mut s, Action::Focus(Key::Lambda));
        assert_eq!(s.sweep.key, Key::Lambda);
        apply(&mut s, Action::Focus(Key::BatchSize)); // no curve for batch size
        assert_eq!(s.sweep.key, Key::Lambda);
    }

    #[test]
    fn new_seed_new_data() {
        let mut s = lab("");
        let before = s.data.clone();
        apply(&mut s, Action::SetSeed(7));
        assert_ne!(s.data, before);
        assert_eq!(s.config.seed, 7);
    }
}
