//! The state and pure reducer of the two labs on the 2-D plane, the Classification lab and the
//! Neural-network lab (the same `Action`s as the Regression lab, plus hand-placed points).

use super::config::{Config, MAX_SEED};
use super::lab::Action;
use super::spec::{Group, Key, Lab, Model};
use super::sweep::{sweep_keys, Sweep};
use crate::data::classification::{generate, split_points, Dataset2, Point2};
use crate::data::surface;
use crate::ml::classifier::{score, score_values, Classifier, Progress, Scores};
use crate::ml::diagnosis::{diagnose, diagnose_classifier, Diagnosis};
use crate::ml::history::{History, Record};
use crate::ml::knn::Knn;
use crate::ml::logistic::Logistic;
use crate::ml::metrics::variance;
use crate::ml::mlp::{Mlp, Targets};
use crate::ml::tree::Tree;
use std::rc::Rc;

/// Most hand-placed points kept (the rest of the page stays fast).
pub const MAX_CUSTOM_POINTS: usize = 500;

#[derive(Clone, Debug)]
pub struct ClassLabState {
    pub config: Config,
    pub data: Rc<Dataset2>,
    /// Shared with the page (which draws it) and with the previous state: a step copies it once,
    /// when it is shared (`Rc::make_mut`), instead of every state copy and every render copying it.
    pub model: Rc<Classifier>,
    /// Log-loss over training steps (train and test).
    pub history: History,
    /// Error rate (1 − accuracy) over training steps (train and test).
    pub errors: History,
    pub running: bool,
    pub divergence: Option<String>,
    pub notices: Vec<String>,
    pub train_scores: Scores,
    pub test_scores: Scores,
    /// Class given to points added by clicking.
    pub brush: usize,
    /// Increases whenever the model changes, so the decision map knows when to repaint.
    pub version: u64,
    /// The validation curve for the hyperparameter in focus.
    pub sweep: Sweep,
    /// The model of the sweep point being computed, and its steps so far.
    /// (Shared between state copies like `model`, for the same reason.)
    sweep_job: Option<(Rc<Classifier>, u32)>,
}

/// Gradient epochs each logistic-regression point of a validation curve trains for.
pub const SWEEP_EPOCHS: u32 = 300;

impl ClassLabState {
    pub fn new(config: Config, notices: Vec<String>) -> Self {
        let data = Rc::new(make_data(&config));
        let model = Rc::new(make_model(&config, &data));
        let mut state = ClassLabState {
            config,
            data,
            model,
            history: History::default(),
            errors: History::default(),
            running: false,
            divergence: None,
            notices,
            train_scores: Scores::default(),
            test_scores: Scores::default(),
            brush: 0,
            version: 0,
            sweep: Sweep::new(Key::K, 0),
            sweep_job: None,
        };
        state.restart_sweep(None);
        state.restart();
        state
    }

    fn restart(&mut self) {
        self.model = Rc::new(make_model(&self.config, &self.data));
        self.history = History::default();
        self.errors = History::default();
        self.divergence = None;
        self.rescore();
        self.record();
    }

    fn regenerate(&mut self) {
        self.data = Rc::new(make_data(&self.config));
        self.restart();
        self.restart_sweep(Some(self.sweep.key));
    }

    fn rescore(&mut self) {
        (self.train_scores, self.test_scores) = scores(&self.model, &self.data);
        self.version += 1;
    }

    fn record(&mut self) {
        let epoch = self.model.steps();
        if let (Some(train), Some(test)) = (self.train_scores.mse, self.test_scores.mse) {
            self.history.push(Record { epoch, train, test });
            return;
        }
        self.history.push(Record {
            epoch,
            train: self.train_scores.log_loss,
            test: self.test_scores.log_loss,
        });
        self.errors.push(Record {
            epoch,
            train: 1.0 - self.train_scores.accuracy,
            test: 1.0 - self.test_scores.accuracy,
        });
    }

    /// Runs up to `steps` training steps; pauses when done or on divergence.
    fn train(&mut self, steps: u32) {
        let before = self.model.steps();
        for _ in 0..steps {
            match Rc::make_mut(&mut self.model).step() {
                Progress::Trained => {
                    if self.history.wants(self.model.steps()) {
                        self.rescore();
                        self.record();
                    }
                }
                Progress::Finished => {
                    self.running = false;
                    break;
                }
                Progress::Diverged => {
                    self.running = false;
                    let lr = self.config.number(Key::LearningRate);
                    self.divergence = Some(format!(
                        "Training stopped: the loss exploded at epoch {}. A learning rate of {lr} is too \
                         high for this setting. The last good weights are kept. Try a learning rate of {} \
                         or lower, or switch to Adam.",
                        self.model.steps() + 1,
                        lr / 10.0
                    ));
                    break;
                }
            }
        }
        if self.model.steps() != before {
            self.rescore();
        }
    }

    /// Starts the validation curve again, over `key` or the model's default.
    fn restart_sweep(&mut self, key: Option<Key>) {
        let keys = sweep_keys(&self.config);
        let key = key.filter(|k| keys.contains(k)).unwrap_or(keys[0]);
        self.sweep = Sweep::new(
            key,
            if key == Key::K {
                self.data.train.len()
            } else {
                usize::MAX
            },
        );
        self.sweep_job = None;
    }

    /// Runs up to `budget` units of validation-curve work (a k-NN fit, a tree level, an epoch).
    fn advance_sweep(&mut self, mut budget: u32) {
        while budget > 0 {
            let Some(pos) = self.sweep.next() else { return };
            let (model, done) = self.sweep_job.get_or_insert_with(|| {
                let mut config = self.config.clone();
                config.set(self.sweep.key, pos);
                (Rc::new(make_model(&config, &self.data)), 0)
            });
            let model = Rc::make_mut(model);
            let mut finished = false;
            while budget > 0 && !finished {
                budget -= 1;
                *done += 1;
                finished = match model.step() {
                    Progress::Trained => *done >= SWEEP_EPOCHS,
                    Progress::Finished | Progress::Diverged => true,
                };
            }
            if finished {
                let (train, test) = scores(model, &self.data);
                let error = |s: Scores| s.mse.unwrap_or(1.0 - s.accuracy);
                self.sweep.push(error(train), error(test));
                self.sweep_job = None;
            }
        }
    }

    /// The live verdict, once the model has something to judge by.
    pub fn diagnosis(&self) -> Option<Diagnosis> {
        let trained = match &*self.model {
            Classifier::Knn(_) => true,
            other => other.steps() > 0,
        };
        if !trained || self.data.train.is_empty() || self.data.test.is_empty() {
            return None;
        }
        // A network trained in mini-batches jumps about from epoch to epoch; it is judged by the
        // median of its last five recorded epochs, so one noisy step does not flip the verdict.
        let recent = |h: &History| match &*self.model {
            Classifier::Mlp(_) => recent_medians(h.records()),
            _ => None,
        };
        let mut verdict = match (
            &self.data.values,
            self.train_scores.mse,
            self.test_scores.mse,
        ) {
            (Some(v), Some(train), Some(test)) => {
                let (train, test) = recent(&self.history).unwrap_or((train, test));
                diagnose(train, test, v.noise_sd, variance(&v.train))
            }
            _ => match recent(&self.errors) {
                Some((train, test)) => diagnose_classifier(1.0 - train, 1.0 - test),
                None => diagnose_classifier(self.train_scores.accuracy, self.test_scores.accuracy),
            },
        };
        if recent(&self.history).is_some() {
            verdict
                .reason
                .push_str(" (Medians of the last five recorded epochs.)");
        }
        Some(verdict)
    }

    /// Points the model was not trained on: what a click on the plot can remove.
    pub fn custom(&self) -> bool {
        self.config.is_custom()
    }
}

/// The medians of the training and of the test values of the last five records, if there are five.
fn recent_medians(records: &[Record]) -> Option<(f64, f64)> {
    let last = &records[records.len().checked_sub(5)?..];
    let median = |value: fn(&Record) -> f64| {
        let mut v: Vec<f64> = last.iter().map(value).collect();
        v.sort_unstable_by(f64::total_cmp);
        v[2]
    };
    Some((median(|r| r.train), median(|r| r.test)))
}

/// Training and test scores: MSE for a regression set, accuracy and log-loss otherwise.
fn scores(model: &Classifier, data: &Dataset2) -> (Scores, Scores) {
    match &data.values {
        Some(v) => (
            score_values(model, &data.train, &v.train),
            score_values(model, &data.test, &v.test),
        ),
        None => (
            score(model, &data.train, data.classes),
            score(model, &data.test, data.classes),
        ),
    }
}

fn make_data(config: &Config) -> Dataset2 {
    let fraction = config.number(Key::TrainFraction);
    if let Some(s) = config.surface() {
        return surface::generate(
            s,
            config.number(Key::Points) as usize,
            config.number(Key::Noise),
            fraction,
            config.seed,
        );
    }
    match config.pattern() {
        Some(p) => generate(
            p,
            config.number(Key::Points) as usize,
            config.number(Key::Noise),
            fraction,
            config.seed,
        ),
        None => {
            let classes = config
                .custom
                .iter()
                .map(|p| p.class + 1)
                .max()
                .unwrap_or(2)
                .max(2);
            split_points(config.custom.clone(), classes, fraction, config.seed)
        }
    }
}

fn make_model(config: &Config, data: &Dataset2) -> Classifier {
    match config.model() {
        Model::Knn => Classifier::Knn(Knn::fit(config.knn_hyper(), &data.train, data.classes)),
        Model::Tree => Classifier::Tree(Tree::new(config.tree_hyper(), &data.train, data.classes)),
        Model::Logistic => Classifier::Logistic(Logistic::new(
            config.logistic_hyper(),
            &data.train,
            data.classes,
        )),
        Model::Mlp => {
            let xs: Vec<(f64, f64)> = data.train.iter().map(|p| (p.x1, p.x2)).collect();
            let ys: Vec<usize> = data.train.iter().map(|p| p.class).collect();
            let targets = match &data.values {
                Some(v) => Targets::Values(&v.train),
                None => Targets::Classes(&ys, data.classes),
            };
            Classifier::Mlp(Box::new(Mlp::new(
                config.mlp_architecture(),
                config.mlp_training(),
                &xs,
                targets,
            )))
        }
    }
}

impl super::session::Reduce for ClassLabState {
    type Action = Action;
    fn apply(&mut self, action: Action) {
        apply(self, action)
    }
}

/// The reducer.
pub fn apply(state: &mut ClassLabState, action: Action) {
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
                state.running = false;
                state.restart();
            } else if spec.group == Group::Hyperparameter {
                match Rc::make_mut(&mut state.model) {
                    Classifier::Logistic(l) => {
                        l.set_hyper(state.config.logistic_hyper());
                    }
                    Classifier::Mlp(m) => m.set_training(state.config.mlp_training()),
                    _ => {}
                }
                state.divergence = None;
            }
            if key != state.sweep.key && spec.group != Group::Playback {
                state.restart_sweep(Some(state.sweep.key));
            }
        }
        Action::SetSeed(seed) => {
            state.config.seed = seed.min(MAX_SEED);
            state.regenerate();
        }
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
        Action::Reset => {
            state.running = false;
            if state.config.lab == Lab::Neural {
                let next =
                    (state.config.position(Key::InitSeed) + 1) % Key::InitSeed.spec().domain.len();
                state.config.set(Key::InitSeed, next);
            }
            state.restart();
        }
        Action::ResetSame => {
            state.running = false;
            state.restart();
        }
        Action::Tick(steps) => {
            if state.running {
                state.train(steps);
            }
        }
        Action::DismissNotices => state.notices.clear(),
        Action::AddPoint(x1, x2) => {
            if state.custom() && state.config.custom.len() < MAX_CUSTOM_POINTS {
                state.config.custom.push(Point2 {
                    x1,
                    x2,
                    class: state.brush,
                });
                state.regenerate();
            }
        }
        Action::RemoveNearest(x1, x2) => {
            let nearest = state
                .config
                .custom
                .iter()
                .enumerate()
                .min_by(|(_, a), (_, b)| {
                    let d = |p: &Point2| (p.x1 - x1).powi(2) + (p.x2 - x2).powi(2);
                    d(a).total_cmp(&d(b))
                });
            if let Some((i, _)) = nearest {
                state.config.custom.remove(i);
                state.regenerate();
            }
        }
        Action::ClearPoints => {
            state.config.custom.clear();
            state.regenerate();
        }
        Action::SetBrush(class) => state.brush = class.min(2),
        Action::Focus(key) => {
            if key != state.sweep.key && sweep_keys(&state.config).contains(&key) {
                state.restart_sweep(Some(key));
            }
        }
        Action::SweepTick(budget) => state.advance_sweep(budget),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ml::diagnosis::Fit;
    use crate::state::url::decode;

    fn lab(query: &str) -> ClassLabState {
        let (config, notices) = decode(&format!("lab=classification&{query}"));
        assert!(notices.is_empty(), "{notices:?}");
        ClassLabState::new(config, notices)
    }

    fn run(s: &mut ClassLabState, steps: u32) {
        apply(s, Action::Play);
        apply(s, Action::Tick(steps));
    }

    #[test]
    fn k_1_fits_training_points_and_overfits_noisy_moons() {
        let s = lab("model=knn&k=1&data=moons&noise=0.6&n=300");
        assert_eq!(s.train_scores.accuracy, 1.0);
        assert_eq!(s.diagnosis().unwrap().fit, Fit::Overfitting);
    }

    #[test]
    fn a_depth_1_tree_underfits_circles() {
        let mut s = lab("model=tree&depth=1&data=circles");
        run(&mut s, 10);
        assert_eq!(s.model.steps(), 1);
        assert!(!s.running, "a grown tree stops by itself");
        assert_eq!(s.diagnosis().unwrap().fit, Fit::Underfitting);
    }

    #[test]
    fn logistic_with_squares_learns_circles_and_the_learning_rate_continues() {
        let mut s = lab("model=logistic&features=2&data=circles&noise=0.1&lr=0.1");
        run(&mut s, 500);
        assert!(s.test_scores.accuracy > 0.9, "{}", s.test_scores.accuracy);
        let epoch = s.model.steps();
        apply(&mut s, Action::Set(Key::LearningRate, 5));
        assert_eq!(s.model.steps(), epoch);
        apply(&mut s, Action::Set(Key::Features, 0));
        assert_eq!(s.model.steps(), 0);
    }

    #[test]
    fn k_validation_curve_from_memorising_to_smoothing() {
        let mut s = lab("model=knn&data=moons&noise=0.6&n=500");
        assert_eq!(s.sweep.key, Key::K);
        let mut ticks = 0;
        while !s.sweep.is_done() {
            apply(&mut s, Action::SweepTick(3));
            ticks += 1;
        }
        assert_eq!(ticks, 17); // 50 k values, 3 per tick: sliced across frames
        let r = &s.sweep.results;
        assert_eq!(r[0].0, 0.0, "k = 1 makes no training error");
        assert!(
            r[0].1 > r[0].0 + 0.05,
            "but a visible test error: {:?}",
            r[0]
        );
        assert!(r[49].0 > r[0].0);
        // The model's own default: depth for trees.
        apply(&mut s, Action::Set(Key::Model, 1));
        assert_eq!(s.sweep.key, Key::MaxDepth);
        while !s.sweep.is_done() {
            apply(&mut s, Action::SweepTick(50));
        }
        assert!(
            s.sweep.results[0].0 > s.sweep.results[14].0,
            "deeper trees fit the training set better"
        );
    }

    fn neural(query: &str) -> ClassLabState {
        let (config, notices) = decode(&format!("lab=neural&{query}"));
        assert!(notices.is_empty(), "{notices:?}");
        ClassLabState::new(config, notices)
    }

    fn weights(s: &ClassLabState) -> Vec<f64> {
        match &*s.model {
            Classifier::Mlp(m) => m.params().to_vec(),
            other => panic!("not a network: {other:?}"),
        }
    }

    #[test]
    fn neural_lab_learns_xor_and_training_settings_continue() {
        // (Initialization 1 sits in a local minimum on XOR with this network: 77 % and stuck.
        // That is what "Reset" — new initial weights — is for.)
        let mut s = neural("data=xor&noise=0&lr=0.03&init=3");
        assert_eq!(s.config.model(), Model::Mlp);
        run(&mut s, 300);
        assert!(
            s.train_scores.accuracy > 0.97,
            "{}",
            s.train_scores.accuracy
        );
        let epoch = s.model.steps();
        for key in [
            Key::LearningRate,
            Key::BatchSize,
            Key::Optimizer,
            Key::Lambda,
        ] {
            apply(&mut s, Action::Set(key, 3));
            assert_eq!(s.model.steps(), epoch, "{key:?} continues training");
        }
        apply(&mut s, Action::Set(Key::Neurons1, 7));
        assert_eq!(s.model.steps(), 0, "the architecture starts over");
        assert_eq!(s.sweep.key, Key::Neurons1);
        apply(&mut s, Action::Set(Key::HiddenLayers, 0));
        assert_eq!(
            s.sweep.key,
            Key::Lambda,
            "no neurons to sweep without hidden layers"
        );
    }

    #[test]
    fn l1_with_sgd_switches_most_links_off_and_still_fits() {
        // The README's classroom link. (Under Adam few weights settle at zero: each Adam step
        // moves a weight by about the learning rate, far more than the soft-threshold's lr·λ.)
        let all = "inputs=x1,x2,x1sq,x2sq,x1x2,sin1,sin2";
        let mut s = neural(&format!(
            "data=circles&layers=1&l1=4&{all}&opt=sgd&lr=0.1&reg=l1&lambda=0.01"
        ));
        run(&mut s, 1000);
        let zeros = weights(&s).iter().filter(|w| **w == 0.0).count();
        assert!(zeros >= 20, "{zeros} of 42 weights are zero");
        assert!(s.test_scores.accuracy > 0.95, "{}", s.test_scores.accuracy);
    }

    #[test]
    fn regression_surfaces_are_learned_to_the_noise_floor() {
        // A plane is linear: no hidden layer needed. σ = 0.5 · noise 0.2 = 0.1, floor σ² = 0.01.
        let mut s = neural("data=plane&layers=0&noise=0.2");
        assert_eq!((s.data.classes, s.model.steps()), (1, 0));
        run(&mut s, 300);
        let (train, test) = (s.train_scores.mse.unwrap(), s.test_scores.mse.unwrap());
        assert!(train < 0.015 && test < 0.02, "{train} {test}");
        assert_eq!(s.diagnosis().unwrap().fit, Fit::GoodFit);
        assert!(s.errors.records().is_empty(), "no error rate for numbers");
        // The bumps need hidden neurons: without, a plane is all a network can do.
        let mut flat = neural("data=bumps&layers=0&noise=0.2");
        run(&mut flat, 300);
        assert_eq!(flat.diagnosis().unwrap().fit, Fit::Underfitting);
        let mut deep = neural("data=bumps&layers=2&l1=8&l2=8&noise=0.2");
        run(&mut deep, 1500);
        let mse = deep.test_scores.mse.unwrap();
        assert!(mse < 0.03, "{mse}");
        // The validation curve measures MSE too.
        while !deep.sweep.is_done() {
            apply(&mut deep, Action::SweepTick(2000));
        }
        assert!(deep
            .sweep
            .results
            .iter()
            .all(|(tr, te)| tr.is_finite() && te.is_finite()));
    }

    /// The model is shared between state copies, as the page's reducer makes them: stepping the
    /// new state copies it then, and leaves the old state's model where it was.
    #[test]
    fn a_step_on_a_copy_leaves_the_old_state_alone() {
        let mut s = neural("data=xor");
        apply(&mut s, Action::Play);
        let old = s.clone();
        assert!(Rc::ptr_eq(&old.model, &s.model), "copies share the model");
        apply(&mut s, Action::Tick(5));
        assert_eq!((old.model.steps(), s.model.steps()), (0, 5));
        assert_ne!(weights(&old), weights(&s));
    }

    #[test]
    fn noisy_mini_batches_do_not_flip_the_verdict() {
        // The bumps, two layers of 8, the lab's batch 10 and learning rate 0.03: single epochs
        // spike (the current epoch alone is not a good fit in many snapshots); the verdict
        // judges the median of the last five recorded epochs.
        let mut s = neural("data=bumps&layers=2&l1=8&l2=8");
        run(&mut s, 1000);
        let (mut snapshots, mut spikes, mut underfit) = (0, 0, 0);
        while s.model.steps() < 4000 {
            apply(&mut s, Action::Tick(40));
            let v = s.data.values.as_ref().unwrap();
            let current = diagnose(
                s.train_scores.mse.unwrap(),
                s.test_scores.mse.unwrap(),
                v.noise_sd,
                variance(&v.train),
            );
            let verdict = s.diagnosis().unwrap();
            assert!(verdict.reason.contains("Medians of the last five"));
            snapshots += 1;
            spikes += usize::from(current.fit != Fit::GoodFit);
            underfit += usize::from(verdict.fit != Fit::GoodFit);
        }
        // Measured: the current epoch alone 8 of 75 times, the verdict never.
        assert!(spikes > 0, "the epochs are noisy");
        assert!(underfit * 20 <= snapshots, "{underfit} of {snapshots}");
    }

    #[test]
    fn reset_draws_new_weights_and_reset_same_keeps_them() {
        let mut s = neural("init=5");
        let start = weights(&s);
        run(&mut s, 20);
        apply(&mut s, Action::ResetSame);
        assert_eq!(weights(&s), start);
        assert_eq!(s.model.steps(), 0);
        apply(&mut s, Action::Reset);
        assert_eq!(s.config.number(Key::InitSeed), 6.0);
        assert_ne!(weights(&s), start);
    }

    #[test]
    fn an_exploding_network_is_explained_and_keeps_finite_weights() {
        let mut s = neural("act=relu&lr=10&opt=sgd&batch=1&layers=4&l1=16&l2=16&l3=16&l4=16");
        run(&mut s, 200);
        let why = s
            .divergence
            .as_deref()
            .expect("a learning rate of 10 explodes");
        assert!(why.contains("learning rate of 10"), "{why}");
        assert!(!s.running);
        assert!(weights(&s).iter().all(|w| w.is_finite()));
        assert!(s.train_scores.log_loss.is_finite());
    }

    #[test]
    fn hand_placed_points_are_added_removed_and_cleared() {
        let mut s = lab("data=custom");
        assert!(s.data.train.is_empty() && s.diagnosis().is_none());
        for i in 0..10 {
            apply(&mut s, Action::SetBrush(i % 2));
            apply(&mut s, Action::AddPoint(i as f64 / 10.0, 0.0));
        }
        assert_eq!(s.data.train.len() + s.data.test.len(), 10);
        apply(&mut s, Action::RemoveNearest(0.31, 0.0));
        assert!(!s.config.custom.iter().any(|p| p.x1 == 0.3));
        apply(&mut s, Action::ClearPoints);
        assert!(s.config.custom.is_empty());
        // Generated data ignores clicks.
        let mut g = lab("data=moons");
        apply(&mut g, Action::AddPoint(0.0, 0.0));
        assert!(g.config.custom.is_empty());
    }
}
