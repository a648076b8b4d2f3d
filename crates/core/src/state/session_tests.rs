//! The one session's rules, the same in every lab.

use super::*;
use crate::ml::metrics::variance;
use crate::state::plane::{Plane, PlaneLab};
use crate::state::regression::{Regression, RegressionLab};
use crate::state::url::decode;
use crate::tune::toy::{Shifted, Values};

fn session<K: LabKind>(query: &str) -> Session<K> {
    let (config, notices) = decode(query);
    assert!(notices.is_empty(), "{notices:?}");
    Session::new(config, notices)
}

/// The same rules in every lab (they once drifted apart: a restarting control paused the
/// plane labs but not the Regression lab).
fn common_rules<K: LabKind>(query: &str, restarting: Key, continuing: Key) {
    let mut s: Session<K> = session(query);
    s.apply(Action::Play);
    s.apply(Action::Tick(5));
    assert_eq!(s.model.steps(), 5, "{query}");
    // A hyperparameter that only changes how training goes on keeps the parameters.
    s.apply(Action::Set(continuing, s.config.position(continuing) + 1));
    assert_eq!(s.model.steps(), 5, "{query}: {continuing:?} continues");
    // One that changes the model starts over and keeps playing.
    s.apply(Action::Set(restarting, s.config.position(restarting) + 1));
    assert_eq!(s.model.steps(), 0, "{query}: {restarting:?} restarts");
    assert!(s.running, "{query}: still playing after a restart");
    s.apply(Action::Tick(3));
    assert_eq!(s.model.steps(), 3);
    // Step trains exactly one step and pauses; ticks do nothing while paused.
    s.apply(Action::Step);
    assert_eq!((s.model.steps(), s.running), (4, false));
    s.apply(Action::Tick(10));
    assert_eq!(s.model.steps(), 4);
    // Scores always belong to the current model.
    assert_eq!(s.train_score, s.model.score(s.train_set()), "{query}");
    assert_eq!(s.test_score, s.model.score(s.test_set()), "{query}");
    // Reset: epoch 0, paused.
    s.apply(Action::Reset);
    assert_eq!((s.model.steps(), s.running), (0, false));
    // Space (PlayPause) plays when paused and pauses when playing, each press by the state it
    // meets: three presses in a row leave it playing.
    for expected in [true, false, true] {
        s.apply(Action::PlayPause);
        assert_eq!(s.running, expected, "{query}");
    }
}

#[test]
fn every_lab_follows_the_same_rules() {
    common_rules::<crate::state::regression::Regression>("", Key::Degree, Key::LearningRate);
    common_rules::<crate::state::plane::Plane>(
        "lab=classification&model=logistic",
        Key::Features,
        Key::LearningRate,
    );
    common_rules::<crate::state::plane::Plane>("lab=neural", Key::Neurons1, Key::BatchSize);
}

#[test]
fn a_divergence_pauses_and_keeps_scores_of_the_kept_parameters() {
    let mut r: RegressionLab = session("opt=sgd&lr=10");
    r.apply(Action::Play);
    r.apply(Action::Tick(1000));
    assert!(!r.running && r.divergence.is_some());
    assert_eq!(r.train_score, r.model.score(r.train_set()));
    let mut p: PlaneLab =
        session("lab=neural&lr=10&opt=sgd&batch=1&act=relu&layers=4&l1=16&l2=16&l3=16&l4=16");
    p.apply(Action::Play);
    p.apply(Action::Tick(200));
    assert!(!p.running && p.divergence.is_some());
    assert!(p
        .divergence
        .as_deref()
        .unwrap()
        .contains("learning rate of 10"));
    assert_eq!(p.train_score, p.model.score(p.train_set()));
    assert_eq!(p.test_score, p.model.score(p.test_set()));
    assert!(p
        .divergence
        .as_deref()
        .unwrap()
        .ends_with(", or switch to Adam, whose steps stay about the learning rate in size however steep the loss (at 10 that may still be too large)."));
    // With Adam on, the same network diverges too: the text does not offer Adam as the cure.
    let mut a: PlaneLab =
        session("lab=neural&lr=10&opt=adam&batch=1&act=relu&layers=4&l1=16&l2=16&l3=16&l4=16");
    a.apply(Action::Play);
    a.apply(Action::Tick(200));
    let said = a.divergence.as_deref().expect("Adam at 10 diverges too");
    assert!(!said.contains("switch to Adam"), "{said}");
    assert!(said.ends_with("Adam does not prevent this: each of its steps is about the learning rate in size, however small the gradient."), "{said}");
}

#[test]
fn the_histories_and_the_version_follow_training() {
    let mut s: PlaneLab = session("lab=classification&model=logistic&lr=0.3");
    let start = s.version;
    s.apply(Action::Step);
    assert!(
        s.version > start,
        "a new model version for the map to repaint"
    );
    let v = s.version;
    s.apply(Action::Step);
    assert!(s.version > v);
    // The latest records hold the loss and the error rate of the model shown.
    let (loss, errors) = (s.history.records(), s.errors.records());
    let (l, e) = (loss.last().unwrap(), errors.last().unwrap());
    assert_eq!((l.epoch, e.epoch), (2, 2));
    assert_eq!((l.train, l.test), (s.train_score.loss, s.test_score.loss));
    let accuracy = (
        s.train_score.accuracy.unwrap(),
        s.test_score.accuracy.unwrap(),
    );
    assert_eq!((e.train, e.test), (1.0 - accuracy.0, 1.0 - accuracy.1));
    assert!(
        e.train > 0.0 && e.test > 0.0,
        "circles are not separated after two steps"
    );
    // Numbers have a loss history only.
    let r: RegressionLab = session("");
    assert!(r.errors.records().is_empty() && !r.history.records().is_empty());
}

#[test]
fn under_l1_the_zero_weights_are_counted() {
    let mut r: RegressionLab = session("degree=15&n=20&reg=l1&lambda=0.01&opt=sgd&lr=0.1");
    assert_eq!(r.zero_weights(), Some((15, 15)), "all start at zero");
    r.apply(Action::Play);
    r.apply(Action::Tick(3000));
    let (zeros, total) = r.zero_weights().unwrap();
    assert!(total == 15 && zeros > 0 && zeros < 15, "{zeros} of {total}");
    let ridge: RegressionLab = session("reg=l2");
    assert_eq!(ridge.zero_weights(), None);
    let tree: PlaneLab = session("lab=classification&model=tree&reg=l1");
    assert_eq!(tree.zero_weights(), None, "a tree has no penalized weights");
    let net: PlaneLab = session("lab=neural&reg=l1");
    assert_eq!(
        net.zero_weights().map(|z| z.1),
        Some(20),
        "[4, 2]: 2·4 + 4·2 + 2·2 weights"
    );
}

/// The verdict counts the learned numbers L1 has not held at zero (helper 99: "only 14 training
/// points for 16 learned numbers, more than enough to pass through them all" beside 7 of the 15
/// weights at exactly zero and a training error of 0.0056).
#[test]
fn under_l1_the_verdict_counts_only_the_numbers_in_use() {
    let mut r: RegressionLab = session("degree=15&n=20&reg=l1&lambda=0.01&speed=max");
    r.apply(Action::Play);
    for _ in 0..40 {
        r.apply(Action::Tick(1000));
    }
    let (zeros, total) = r.zero_weights().unwrap();
    assert!(zeros > 0 && total == 15, "{zeros} of {total}");
    let verdict = r.diagnosis().unwrap();
    assert!(
        !verdict.reason.contains("for 16 learned numbers"),
        "{}",
        verdict.reason
    );
    if let Some(n) = (verdict.reason.split(" for ").nth(1))
        .and_then(|rest| rest.split(" learned numbers").next())
        .and_then(|n| n.parse::<usize>().ok())
    {
        assert_eq!(n, 16 - zeros, "{}", verdict.reason);
    }
}

/// What the model reaches fully trained is computed when the model is built and again when the
/// penalty changes (the objective with it), not when only the way down does; and only for the
/// convex models (L1's by coordinate descent).
#[test]
fn the_fully_trained_figure_follows_the_objective() {
    let mut r: RegressionLab = session("degree=3&data=sine&reg=l2&lr=0.001");
    let free = r.best_reachable.expect("least squares has a minimum");
    assert!(free < 0.1, "{free}");
    let lambdas = Key::Lambda.spec().domain;
    let strong = (0..lambdas.len())
        .find(|&p| lambdas.number(p) == 10.0)
        .unwrap();
    r.apply(Action::Set(Key::Lambda, strong));
    let held = r.best_reachable.unwrap();
    assert!(held > 3.0 * free, "{free} → {held}");
    r.apply(Action::Set(Key::LearningRate, learning_rate(0.01)));
    assert_eq!(r.best_reachable, Some(held));
    // L1 at λ = 10: every penalized weight is zero at the minimum (λ/2 is past each weight's
    // correlation with the targets), so the fit is the targets' mean and its MSE their variance.
    r.apply(Action::Set(Key::Regularization, 2));
    assert_eq!(r.config.regularization(), Regularization::L1);
    let targets: Vec<f64> = r.data.train.iter().map(|p| p.y).collect();
    let mean_only = r.best_reachable.expect("coordinate descent settles");
    assert!((mean_only - variance(&targets)).abs() < 1e-6, "{mean_only}");
    let line: PlaneLab = session("lab=classification&model=logistic&features=1&data=moons");
    let accuracy = line.best_reachable.unwrap();
    assert!(accuracy > 0.8 && accuracy < 0.95, "{accuracy}");
    let tree: PlaneLab = session("lab=classification&model=tree&data=moons");
    assert_eq!(tree.best_reachable, None);
    let net: PlaneLab = session("lab=neural&layers=0");
    assert_eq!(net.best_reachable, None, "a network is not covered");
}

/// Under L1 the verdict knows the lasso's minimum too: a λ that holds the fit far above the
/// floor is named at once, while the loss still falls, not "let it train on"; and plain gradient
/// descent with its soft-threshold step ends where coordinate descent does.
#[test]
fn under_l1_a_penalty_too_strong_is_named_before_training_ends() {
    let mut r: RegressionLab = session("degree=3&data=sine&reg=l1&lambda=1&lr=0.001&opt=sgd");
    let best = r.best_reachable.expect("coordinate descent settles");
    r.apply(Action::Play);
    r.apply(Action::Tick(100));
    let d = r.diagnosis().unwrap();
    assert_eq!(d.fit, Fit::TooStronglyRegularized, "{}", d.reason);
    assert!(d
        .reason
        .contains("The training loss is still falling, but even trained to the end"));
    assert!(d.reason.contains(&format!(
        "no lower than a training error of {}",
        short(best)
    )));
    r.apply(Action::Tick(20_000));
    let reached = r.train_score.loss;
    assert!(
        (reached - best).abs() < 1e-6 * best,
        "{reached} against {best}"
    );
}

/// A rate that trains on all points per step can explode on one: the message names the batch
/// size too (helper 60: 0.5 explodes in epoch 1 with batches of 1 and trains with all points).
#[test]
fn a_divergence_with_mini_batches_names_the_batch_size_too() {
    let data = "degree=3&data=sine&n=40&noise=0.2&train=0.7&seed=42&opt=sgd";
    let diverged = |q: &str| {
        let mut s: RegressionLab = session(&format!("{data}&{q}"));
        s.apply(Action::Play);
        s.apply(Action::Tick(300));
        s.divergence
    };
    let why = diverged("lr=0.5&batch=1").expect("explodes");
    assert!(
        why.contains("), or use larger batches (each step on 1 point follows its own gradient, which can be far steeper than the average over all 28), or switch to Adam."),
        "{why}"
    );
    assert_eq!(diverged("lr=0.5&batch=all"), None);
    let why = diverged("lr=1&batch=all").expect("explodes");
    assert!(!why.contains("batches"), "{why}");
}

/// Issue 10's link: Play after Play after a divergence once reached weights of 9e305, then
/// infinity. The epoch that explodes is undone whole, so playing again changes nothing.
#[test]
fn play_after_a_divergence_never_makes_things_worse() {
    let mut p: PlaneLab = session(
        "lab=neural&lr=10&reg=l2&lambda=10&batch=1&opt=sgd&n=490&train=0.8&inputs=x1&init=999&data=xor&seed=0",
    );
    p.apply(Action::Play);
    p.apply(Action::Tick(1000));
    assert!(p.divergence.is_some(), "diverges");
    let (kept, scores) = (p.model.parameters(), p.train_score.clone());
    for _ in 0..150 {
        p.apply(Action::Play);
        p.apply(Action::Tick(10));
        assert!(p.divergence.is_some() && !p.running);
    }
    assert_eq!(p.model.parameters(), kept);
    assert_eq!(p.train_score, scores);
    assert!(kept.iter().all(|w| w.value.is_finite()));
}

#[test]
fn scores_are_fresh_after_epochs_the_history_does_not_record() {
    // Epoch 1,000 is not a recorded one (one in 16 is kept between 512 and 1,024).
    let mut s: RegressionLab = session("degree=5");
    s.apply(Action::Play);
    s.apply(Action::Tick(1000));
    assert!(!s.history.wants(1000));
    assert_eq!(s.train_score, s.model.score(s.train_set()));
    assert_eq!(s.test_score, s.model.score(s.test_set()));
}

#[test]
fn a_k_curve_stops_at_the_training_set_size() {
    // 20 points, 70 % for training, in 5 folds of 2 or 3: each fold model learns from at least
    // 11 points, so k = 1 … 11, not 1 … 50.
    let s: PlaneLab = session("lab=classification&model=knn&n=20");
    assert_eq!(s.train_set().count(), 14);
    assert_eq!((s.sweep.key, s.sweep.positions.len()), (Key::K, 11));
}

/// The validation curve is cross-validation on the training samples: each point is
/// [`crate::tune::cv::cross_validate`] of that position on the sweep's folds, and swapping the
/// test samples for others changes no point of it.
fn sweep_cross_validates_without_the_test_set<K: LabKind>(query: &str, other_data: &str) {
    let mut a: Session<K> = session(query);
    let mut b: Session<K> = session(query);
    let other: Session<K> = session(other_data);
    b.samples = Rc::new((a.samples.0.clone(), other.samples.1.clone()));
    assert_ne!(format!("{:?}", a.test_set()), format!("{:?}", b.test_set()));
    for s in [&mut a, &mut b] {
        while !s.sweep.is_done() {
            s.apply(Action::SweepTick(500));
        }
    }
    assert!(!a.sweep.results.is_empty());
    assert_eq!(a.sweep.results, b.sweep.results, "{query}");
    let mut config = a.config.clone();
    config.set(a.sweep.key, 2);
    let folds = a.sweep.folds().unwrap();
    let cv = crate::tune::cv::cross_validate::<K::Model>(
        &K::hyper(&config),
        a.train_set(),
        folds,
        config.seed,
        K::SWEEP_STEPS,
    )
    .unwrap();
    let point = a.sweep.results[2];
    assert_eq!((point.train, point.cv), (cv.train_error.mean, cv.error));
}

#[test]
fn validation_curves_cross_validate_without_the_test_set() {
    sweep_cross_validates_without_the_test_set::<Regression>("n=20&data=sine", "n=20&seed=5");
    sweep_cross_validates_without_the_test_set::<Plane>(
        "lab=classification&model=tree&n=60",
        "lab=classification&model=tree&n=60&seed=5",
    );
}

/// The position of `value` in the learning rate's table.
fn learning_rate(value: f64) -> usize {
    let domain = Key::LearningRate.spec().domain;
    (0..domain.len())
        .find(|&p| domain.number(p) == value)
        .expect("a value of the table")
}

/// A Regression lab of degree 1, plain SGD at learning rate `lr`, on one training point
/// (x = 0, y = 1) and one test point (x = 0, y = 1). At x = 0 the features are φ₀ = 1 and
/// φ₁ = 0, so only w₀ moves: w₀ ← w₀ − η·2(w₀ − 1), the residual w₀ − 1 is multiplied by
/// 1 − 2η each epoch and the training loss (w₀ − 1)² by (1 − 2η)². From w₀ = 0 the loss
/// starts at 1, so the guard's limit is 10⁴ (10⁴ times the loss of predicting zero).
fn one_point(lr: f64) -> RegressionLab {
    let mut s: RegressionLab = session(&format!("opt=sgd&degree=1&lr={lr}"));
    let point = crate::data::regression::Point { x: 0.0, y: 1.0 };
    s.samples = Rc::new((vec![point], vec![point]));
    s.restart();
    s
}

/// At η = 10 the loss is multiplied by (1 − 20)² = 361 each epoch: 1 at the start, 361 after
/// epoch 1, 130 321 after epoch 2 — past the limit, so epoch 2 is undone. The lowest training
/// loss seen is the start's: the parameters kept are those of epoch 0 (w = 0, loss 1), not
/// epoch 1's (w₀ = 20, loss 361), and the page's epoch and the message say so.
#[test]
fn a_divergence_keeps_the_parameters_with_the_lowest_training_loss() {
    let mut s = one_point(10.0);
    s.apply(Action::Play);
    s.apply(Action::Tick(100));
    let why = s.divergence.clone().expect("epoch 2 explodes");
    assert!(!s.running);
    assert_eq!(s.model.steps(), 0, "the epoch shown is the kept one's");
    assert_eq!(s.model.model().weights, vec![0.0, 0.0]);
    assert_eq!((s.train_score.loss, s.test_score.loss), (1.0, 1.0));
    assert!(why.contains("epoch 2"), "{why}");
    assert!(
        why.contains(
            "epoch 0 (the start), before any update: no epoch had a lower training \
             loss than its 1."
        ),
        "{why}"
    );
    assert!(!why.contains("last good"), "{why}");
    // The loss chart keeps the climb (epochs 0 and 1) to show what happened.
    let losses: Vec<(u64, f64)> = s
        .history
        .records()
        .iter()
        .map(|r| (r.epoch, r.train))
        .collect();
    assert_eq!(losses, vec![(0, 1.0), (1, 361.0)]);
    // Playing again replays the same epochs from the kept parameters: the same divergence,
    // never worse, and the chart is not left with epochs of the abandoned run.
    s.apply(Action::Play);
    s.apply(Action::Tick(100));
    assert_eq!((s.model.steps(), s.train_score.loss), (0, 1.0));
    assert_eq!(s.history.records().len(), 2);
}

/// Three epochs at η = 0.1 multiply the loss by 0.8² each: 0.8⁶ = 0.262144 after epoch 3
/// (w₀ = 1 − 0.8³ = 0.488). Then η = 10: the residual −0.512 becomes 9.728 (loss 94.6) in
/// epoch 4 and −184.8 (loss 34 164, past the limit) in epoch 5. Kept: epoch 3's parameters,
/// with the learning rate now set.
#[test]
fn a_divergence_after_a_change_keeps_the_best_epoch_before_it() {
    let mut s = one_point(0.1);
    for _ in 0..3 {
        s.apply(Action::Step);
    }
    assert!((s.train_score.loss - 0.262144).abs() < 1e-12);
    s.apply(Action::Set(Key::LearningRate, learning_rate(10.0)));
    s.apply(Action::Play);
    s.apply(Action::Tick(100));
    let why = s.divergence.clone().expect("epoch 5 explodes");
    assert_eq!(s.model.steps(), 3);
    assert!((s.model.model().weights[0] - 0.488).abs() < 1e-12);
    assert!((s.train_score.loss - 0.262144).abs() < 1e-12);
    assert!(why.contains("epoch 5") && why.contains("epoch 3"), "{why}");
    // The kept model trains at the learning rate the page shows: another try diverges again.
    s.apply(Action::Step);
    assert!(
        (s.train_score.loss - 9.728f64.powi(2)).abs() < 1e-9,
        "{}",
        s.train_score.loss
    );
    s.apply(Action::Step);
    assert_eq!(s.model.steps(), 3);
    assert!(s.divergence.is_some());
}

/// A user's link: plain SGD at learning rate 10. The main panel says "Diverged"; so must the
/// validation curve: every degree's fold models explode (the same guard), so no point has an
/// error (they once read 140 … 982, the cross-validation error below the training error).
#[test]
fn validation_curve_points_whose_fold_models_diverged_have_no_error() {
    let mut s: RegressionLab = session("opt=sgd&lr=10");
    while !s.sweep.is_done() {
        s.apply(Action::SweepTick(5000));
    }
    assert_eq!(s.sweep.results.len(), 15);
    for (degree, p) in (1..).zip(&s.sweep.results) {
        assert_eq!(
            (p.train, p.cv.mean),
            (f64::INFINITY, f64::INFINITY),
            "degree {degree}"
        );
    }
}

/// A slice of the validation curve that finishes no point is quiet (the page keeps the state
/// without rendering); one that finishes a point, or any other action, is not.
#[test]
fn a_sweep_slice_that_finishes_no_point_is_quiet() {
    let mut s: RegressionLab = session("degree=5");
    assert!(!s.sweep.is_done());
    s.apply(Action::SweepTick(1));
    assert!(
        s.quiet(),
        "one training step of one fold model finishes no point"
    );
    assert!(s.sweep.results.is_empty());
    let mut slices = 0;
    while s.sweep.results.is_empty() {
        s.apply(Action::SweepTick(50));
        slices += 1;
        assert!(slices < 10_000, "the first point never came");
    }
    assert!(
        !s.quiet(),
        "the slice that finished the first point is shown"
    );
    s.apply(Action::SweepTick(1));
    assert!(s.quiet());
    s.apply(Action::Step);
    assert!(!s.quiet(), "training is shown");
}

/// One Step is too early for a verdict on a model trained by epochs (a walkthrough saw "too
/// simple, however long it trains" at degree 3 and "Stuck" for the default network after one
/// Step; both fit well after a few hundred epochs); a fully grown tree is judged at once.
#[test]
fn one_step_is_too_early_to_judge_a_model_trained_by_epochs() {
    use crate::ml::diagnosis::Fit;
    let mut regression: Session<Regression> = session("lab=regression");
    regression.apply(Action::Step);
    let d = regression.diagnosis().unwrap();
    assert_eq!(d.fit, Fit::StillTraining, "{}", d.reason);
    assert!(d.reason.contains("too early to judge"), "{}", d.reason);
    let mut network: Session<Plane> = session("lab=neural");
    network.apply(Action::Step);
    let d = network.diagnosis().unwrap();
    assert_eq!(d.fit, Fit::StillTraining, "{}", d.reason);
    // Trained on, the same network is judged (its loss's trend is known).
    network.apply(Action::Play);
    network.apply(Action::Tick(400));
    let d = network.diagnosis().unwrap();
    assert_ne!(d.fit, Fit::StillTraining, "{}", d.reason);
    // A stump grown to its one level: judged at once.
    let mut stump: Session<Plane> = session("lab=classification&model=tree&depth=1&data=moons");
    stump.apply(Action::Play);
    stump.apply(Action::Tick(5));
    let d = stump.diagnosis().unwrap();
    assert_ne!(d.fit, Fit::StillTraining, "{}", d.reason);
}

thread_local! {
    /// How many [`Counted`] models this test thread has built.
    static BUILT: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// The toy model of the tuning tests, counting how many are built.
#[derive(Clone, Debug, PartialEq)]
struct Counted(Shifted);

impl Model for Counted {
    type Hyper = f64;
    type Samples = Values;

    fn new(shift: &f64, train: &Self::Samples, seed: u64) -> Self {
        BUILT.with(|b| b.set(b.get() + 1));
        Counted(Shifted::new(shift, train, seed))
    }
    fn step(&mut self) -> Progress {
        self.0.step()
    }
    fn steps(&self) -> u64 {
        self.0.steps()
    }
    fn retune(&mut self, shift: &f64) {
        self.0.retune(shift);
    }
    fn score(&self, samples: &Self::Samples) -> Score {
        self.0.score(samples)
    }
    fn parameters(&self) -> Vec<crate::ml::model::Parameter> {
        self.0.parameters()
    }
}

/// A lab of [`Counted`] models on four fixed numbers.
#[derive(Clone, Debug)]
struct Counting;

impl LabKind for Counting {
    type Model = Counted;
    type Data = Vec<f64>;
    const SWEEP_STEPS: u32 = 1;

    fn start() -> Self {
        Counting
    }
    fn data(_: &Config) -> Vec<f64> {
        vec![1.0, 2.0, 3.0, 4.0]
    }
    fn samples(data: &Vec<f64>) -> TrainTest<Self> {
        (Values(data[..3].to_vec()), Values(data[3..].to_vec()))
    }
    fn hyper(_: &Config) -> f64 {
        0.0
    }
    fn sweep_keys(_: &Config) -> Vec<Key> {
        vec![Key::Degree]
    }
    fn errors(_: &Session<Self>) -> Option<Errors> {
        None
    }
    fn best_reachable(_: &Config, _: &SamplesOf<Self>) -> Option<f64> {
        None
    }
    fn levers(_: &Session<Self>) -> Levers {
        Levers::default()
    }
    fn handle(_: &mut Session<Self>, action: Action) -> Option<Action> {
        Some(action)
    }
}

/// A new session builds its model once (it once built one, then another in `restart`), and
/// Reset builds one more.
#[test]
fn a_new_session_builds_its_model_once() {
    BUILT.with(|b| b.set(0));
    let mut s: Session<Counting> = Session::new(Config::default(), Vec::new());
    assert_eq!(BUILT.with(|b| b.get()), 1);
    s.apply(Action::Reset);
    assert_eq!(BUILT.with(|b| b.get()), 2);
}

/// The validation curve's models train `SWEEP_STEPS` epochs each: once the model on the page has
/// trained far longer (degree 15 through 14 points, far from its optimum at the curve's epochs,
/// where a long run fits the points ever closer and swings ever wider between them), the curve
/// no longer speaks for it, and the verdict does not cite it. A model already about at its
/// optimum by then (degree 5 on 10 points) is the same model after a long run: the curve still
/// speaks for it (helper 99: at full speed it read "Good fit" beside a curve clearly lower at
/// degree 3).
#[test]
fn the_verdict_cites_the_curve_only_for_a_model_trained_about_as_long() {
    let verdicts = |query: &str| {
        let mut s: RegressionLab = session(query);
        s.finish_curve();
        s.apply(Action::Play);
        s.apply(Action::Tick(Regression::SWEEP_STEPS));
        let short_run = s.diagnosis().unwrap().reason;
        let at_curve_steps = s.train_score.loss;
        s.apply(Action::Tick(100 * Regression::SWEEP_STEPS));
        let best = s.best_reachable().unwrap();
        (
            short_run,
            s.diagnosis().unwrap().reason,
            at_curve_steps / best,
        )
    };
    let (short_run, long_run, off) = verdicts("degree=15&n=20&speed=max");
    assert!(off > 100.0, "{off}");
    let cited = "The validation curve does clearly better at Polynomial degree = 6";
    assert!(short_run.contains(cited), "{short_run}");
    assert!(!long_run.contains("validation curve"), "{long_run}");
    let (short_run, long_run, off) = verdicts("degree=5&n=10&speed=max");
    assert!(off < 1.25, "{off}");
    // (Not "clearly": one fold of ten points' three is far harder for degree 5 than the rest.)
    let cited = "But the validation curve does better at Polynomial degree = 3";
    assert!(short_run.contains(cited), "{short_run}");
    assert!(long_run.contains(cited), "{long_run}");
}

/// Without a penalty λ changes nothing: the curve over λ is flat, every value "the lowest", and
/// the verdict does not cite it (it once said "λ = 0 … the lowest" beside "No effect").
#[test]
fn the_verdict_does_not_cite_a_curve_over_a_control_with_no_effect() {
    let verdict = |query: &str| {
        let mut s: RegressionLab = session(query);
        s.apply(Action::Focus(Key::Lambda));
        s.finish_curve();
        s.apply(Action::Play);
        s.apply(Action::Tick(Regression::SWEEP_STEPS));
        assert_eq!(s.sweep.key, Key::Lambda);
        let verdict = s.diagnosis().unwrap();
        // (Overfitting both times: the curve is what differs.)
        assert_eq!(
            verdict.fit,
            crate::ml::diagnosis::Fit::TooFlexible,
            "{}",
            verdict.reason
        );
        verdict.reason
    };
    let penalized = verdict("data=step&degree=15&reg=l2&lambda=0&seed=2");
    assert!(
        penalized.contains("Yet on the validation curve"),
        "{penalized}"
    );
    let none = verdict("data=step&degree=15&reg=none&seed=2");
    assert!(!none.contains("validation curve"), "{none}");
}

/// A stronger penalty mid-run raises the training error once, to the new objective's level: the
/// loss is not jumping about, and the learning rate is not the cause. The verdict reads the
/// trend from the change on and names the penalty (it once said "Learning rate too high", for
/// good, comparing with the lowest loss of the old objective).
#[test]
fn a_penalty_raised_mid_run_is_judged_on_the_new_objective() {
    use crate::ml::diagnosis::Fit;
    let mut r: RegressionLab = session("reg=l2&lambda=0");
    r.apply(Action::Play);
    r.apply(Action::Tick(3000));
    assert_eq!(r.diagnosis().unwrap().fit, Fit::GoodFit);
    r.apply(Action::Set(Key::Lambda, 15)); // λ = 10
    for _ in 0..20 {
        r.apply(Action::Tick(500));
        let fit = r.diagnosis().unwrap().fit;
        assert_ne!(fit, Fit::LearningRateTooHigh, "epoch {}", r.model.steps());
    }
    assert_eq!(r.diagnosis().unwrap().fit, Fit::TooStronglyRegularized);
}

/// The same when the penalty is switched on after long training, as the ridge-rescue challenge
/// invites: with Adam the data's loss climbs to the new minimum with a spike of 4 % on the way,
/// and that is no learning rate too high either (helper 59 saw it called so for good, a million
/// epochs on).
#[test]
fn a_penalty_switched_on_late_is_not_a_learning_rate_too_high() {
    use crate::ml::diagnosis::Fit;
    let mut r: RegressionLab =
        session("degree=15&n=30&opt=adam&lr=0.03&reg=l2&lambda=0&speed=max&seed=8");
    r.apply(Action::Play);
    r.apply(Action::Tick(300_000));
    r.apply(Action::Set(Key::Lambda, 1)); // λ = 10⁻⁶
    for _ in 0..10 {
        r.apply(Action::Tick(50_000));
        let d = r.diagnosis().unwrap();
        assert_ne!(
            d.fit,
            Fit::LearningRateTooHigh,
            "epoch {}: {}",
            r.model.steps(),
            d.reason
        );
    }
    // As a fresh start at λ = 10⁻⁶ reads: the gap of the points it memorised.
    assert_eq!(r.diagnosis().unwrap().fit, Fit::TooFlexible);
}

/// On the Step data a degree-6 polynomial cannot follow the jump (training error above the
/// floor), yet its test error climbs from 0.045 to over 0.9 as it trains: overfitting as it
/// happens. The verdict says so; it used to say "too simple: a higher degree", which makes it
/// worse.
#[test]
fn a_test_error_climbing_while_training_falls_is_overfitting_even_above_the_floor() {
    use crate::ml::diagnosis::Fit;
    let mut r: RegressionLab = session("data=step&degree=6");
    r.apply(Action::Play);
    r.apply(Action::Tick(25_000));
    let verdict = r.diagnosis().unwrap();
    assert_eq!(verdict.fit, Fit::TooFlexible, "{}", verdict.reason);
    assert!(
        verdict
            .reason
            .contains("rose from 0.0447 while the training error fell"),
        "{}",
        verdict.reason
    );
    assert!(
        verdict.reason.contains("a lower degree"),
        "{}",
        verdict.reason
    );
}

/// The curve's note for a model trained far longer than its points: from 2 × the curve's
/// epochs on, for models trained by epochs only, unless the model had about reached its
/// optimum in the curve's epochs (the default fit has: no note, and the verdict may cite it).
#[test]
fn the_curve_says_when_the_model_has_outrun_it() {
    let mut settled: RegressionLab = session("");
    settled.apply(Action::Play);
    settled.apply(Action::Tick(2 * Regression::SWEEP_STEPS + 1));
    assert_eq!(settled.curve_outrun(), None);
    let mut r: RegressionLab = session("degree=15&n=20");
    r.apply(Action::Play);
    r.apply(Action::Tick(2 * Regression::SWEEP_STEPS));
    assert_eq!(r.curve_outrun(), None);
    r.apply(Action::Tick(1));
    let note = r.curve_outrun().unwrap();
    assert!(
        note.starts_with("This model has trained 2,001 epochs, each point of the curve 1,000"),
        "{note}"
    );
    // After a divergence, the model shown is the one training went back to (helper 101 read its
    // 3,456 epochs against "the loss exploded in epoch 29,194").
    let mut exploded: RegressionLab = session("degree=15&n=20&lr=1&batch=2&opt=adam");
    exploded.apply(Action::Play);
    while exploded.running {
        exploded.apply(Action::Tick(1000));
    }
    assert!(exploded.divergence.is_some());
    let note = exploded.curve_outrun().unwrap();
    assert!(
        note.starts_with(&format!(
            "The model shown, the one training went back to, has trained {} epochs",
            thousands(exploded.model.steps())
        )),
        "{note}"
    );
    let mut logistic: PlaneLab = session("lab=classification&model=logistic");
    logistic.apply(Action::Play);
    logistic.apply(Action::Tick(601));
    let note = logistic.curve_outrun().unwrap();
    assert!(
        note.contains("601 epochs, each point of the curve 300"),
        "{note}"
    );
}

/// Too flexible under a penalty with the training error already above σ²: the remedy "a larger
/// λ" may overshoot, and the verdict says so and names the curve over λ, which is lowest at 0.1
/// here (helper 59); with that curve shown, the curve's own note speaks instead.
#[test]
fn a_larger_lambda_is_not_offered_blindly_when_training_error_is_above_the_floor() {
    use crate::ml::diagnosis::Fit;
    let query = |lambda: &str| {
        format!(
            "lr=0.03&degree=15&reg=l2&lambda={lambda}&batch=all&opt=adam&data=sine&n=30\
             &noise=0.2&train=0.7&speed=max&seed=8"
        )
    };
    let mut r: RegressionLab = session(&query("0.3"));
    r.apply(Action::Play);
    r.apply(Action::Tick(2000));
    let d = r.diagnosis().unwrap();
    assert_eq!(d.fit, Fit::TooFlexible, "{}", d.reason);
    assert!(
        d.reason.contains(
            "(Its training error, 0.0563, is already above σ² = 0.04, and a larger λ raises it \
             further: whether one helps on new points, the validation curve over Regularization \
             strength tells; focus that slider.)"
        ),
        "{}",
        d.reason
    );
    r.apply(Action::Focus(Key::Lambda));
    r.finish_curve();
    assert_eq!(r.sweep.lowest_at(), Some(11)); // λ = 0.1
    let d = r.diagnosis().unwrap();
    assert!(!d.reason.contains("already above σ²"), "{}", d.reason);
    assert!(
        d.reason
            .contains("(0.1523 at Regularization strength = 0.1)"),
        "{}",
        d.reason
    );
    // Below the floor, a larger λ is the remedy it always was.
    let mut below: RegressionLab =
        session("degree=15&n=30&opt=adam&lr=0.03&reg=l2&lambda=0.000001&seed=8");
    below.apply(Action::Play);
    below.apply(Action::Tick(3000));
    let d = below.diagnosis().unwrap();
    assert_eq!(d.fit, Fit::TooFlexible, "{}", d.reason);
    assert!(!d.reason.contains("already above σ²"), "{}", d.reason);
}

/// A curve over λ lowest at λ = 0 says that its models stopped early, which holds weights in as
/// a penalty does: on the README's ridge demo, λ = 0 trained on reaches a test error many times
/// its point on the curve (helper 59: the curve read "λ = 0 is best" on the demo meant to show
/// that a penalty helps).
#[test]
fn a_curve_over_lambda_lowest_at_zero_says_its_models_stopped_early() {
    let query = "degree=15&n=20&reg=l2&lambda=0.03&speed=max";
    let mut r: RegressionLab = session(query);
    assert_eq!(r.curve_outrun(), None);
    r.apply(Action::Focus(Key::Lambda));
    r.finish_curve();
    assert_eq!(r.sweep.lowest_at(), Some(0));
    let at_zero = r.sweep.results[0].cv.mean;
    let note = r.curve_outrun().expect("a note");
    assert!(note.starts_with("Lowest at λ = 0 here, but each point trained only 1,000 epochs"));
    // Trained on at λ = 0, the model does overfit far beyond its point on the curve.
    let mut unpenalized: RegressionLab = session("degree=15&n=20&reg=l2&lambda=0&speed=max");
    unpenalized.apply(Action::Play);
    unpenalized.apply(Action::Tick(100_000));
    let test = unpenalized.test_score.loss;
    assert!(test > 10.0 * at_zero, "{test} against {at_zero}");
    // Over another control, or lowest elsewhere, no such note.
    let mut degree: RegressionLab = session(query);
    degree.apply(Action::Focus(Key::Degree));
    degree.finish_curve();
    assert_eq!(degree.curve_outrun(), None);
    // Without a penalty the curve over λ is flat (every point "lowest"): no note (helper 66:
    // the default lab's λ curve read "Lowest at λ = 0 here … set λ to 0", λ being 0 already).
    let mut flat: RegressionLab = session("degree=15&n=20&speed=max");
    flat.apply(Action::Focus(Key::Lambda));
    flat.finish_curve();
    assert_eq!(flat.sweep.lowest_at(), Some(0));
    assert_eq!(flat.curve_outrun(), None);
}

/// Momentum at the default learning rate swings past the minimum and back (helper 44: "learning
/// rate too high" flashed at epochs 14 to 24), and at a rate of 1 for 70 epochs: the swings
/// shrink, so the verdict is still training, never "Lower the learning rate"; once they die
/// down, a good fit. Plain gradient descent at those rates never swings.
#[test]
fn momentum_swings_that_shrink_are_still_training() {
    use crate::ml::diagnosis::Fit;
    for query in ["opt=momentum", "opt=momentum&lr=0.1", "opt=momentum&lr=1"] {
        let mut s: Session<Regression> = session(query);
        s.apply(Action::Play);
        let mut swinging = 0;
        for _ in 0..300 {
            s.apply(Action::Tick(1));
            let verdict = s.diagnosis().unwrap();
            assert_ne!(
                verdict.fit,
                Fit::LearningRateTooHigh,
                "{query}: {}",
                verdict.reason
            );
            // Falling between two swings is no reason to speed up (helper 60 saw it at lr=0.1).
            assert!(
                swinging == 0 || !verdict.reason.contains("raise the learning rate"),
                "{query}: {}",
                verdict.reason
            );
            swinging += usize::from(verdict.reason.contains("momentum carries"));
        }
        assert!(swinging >= 5, "{query}: {swinging}");
        assert_eq!(s.diagnosis().unwrap().fit, Fit::GoodFit, "{query}");
    }
}

/// Momentum at 0.1, step by step: the loss falls to 0.067 at epoch 3, then rises for three epochs
/// before it turns. Those epochs say the loss has risen and why, not only that it is too early
/// (helper 61); the first swing back down is called one swing, and "each swing smaller than the
/// one before" waits for a second.
#[test]
fn momentum_says_its_first_rise_and_first_swing_as_they_are() {
    let mut s: Session<Regression> = session("opt=momentum&lr=0.1");
    let mut reasons = Vec::new();
    for _ in 0..9 {
        s.apply(Action::Step);
        reasons.push(s.diagnosis().unwrap().reason);
    }
    let train = |epoch: usize| s.history.records()[epoch].train;
    assert!(train(4) > train(3) && train(5) > train(4) && train(7) < train(6));
    for epoch in 4..=6 {
        let reason = &reasons[epoch - 1];
        assert!(
            reason
                .contains("the training loss has risen from its lowest so far (0.0666 at epoch 3)")
                && reason.contains("too early to tell whether the swings will shrink"),
            "epoch {epoch}: {reason}"
        );
        assert!(!reason.contains("still falling"), "epoch {epoch}: {reason}");
    }
    assert!(
        reasons[6].contains("swung back up and is coming down again"),
        "{}",
        reasons[6]
    );
    assert!(!reasons[6].contains("each swing smaller"), "{}", reasons[6]);
    assert!(
        reasons[8].contains("each swing smaller than the one before"),
        "{}",
        reasons[8]
    );
}

/// Plain gradient descent on all points and no penalty: the MSE is a quadratic bowl, which a
/// step at a stable learning rate always lowers. At 1 one step triples it, and that is called a
/// learning rate too high at once (helper 60 read "too early to judge"); at 0.5, just inside the
/// stable range on this data, and at the default 0.01 no epoch of a long run is, so the rule
/// takes no rounding for a rise.
#[test]
fn a_rise_under_plain_gradient_descent_is_a_learning_rate_too_high_from_the_first_step() {
    use crate::ml::diagnosis::Fit;
    let data = "degree=3&data=sine&n=40&noise=0.2&train=0.7&seed=42&opt=sgd&batch=all";
    let mut s: Session<Regression> = session(&format!("{data}&lr=1"));
    s.apply(Action::Step);
    let first = s.diagnosis().unwrap();
    assert_eq!(first.fit, Fit::LearningRateTooHigh, "{}", first.reason);
    for lr in ["0.5", "0.01"] {
        let mut s: Session<Regression> = session(&format!("{data}&lr={lr}"));
        s.apply(Action::Play);
        for _ in 0..3000 {
            s.apply(Action::Tick(1));
            let verdict = s.diagnosis().unwrap();
            assert_ne!(
                verdict.fit,
                Fit::LearningRateTooHigh,
                "{lr}: {}",
                verdict.reason
            );
        }
        assert_eq!(s.diagnosis().unwrap().fit, Fit::GoodFit, "{lr}");
    }
    // Mini-batches and momentum may rise at a good learning rate: the rule is not theirs.
    let momentum = data.replace("opt=sgd", "opt=momentum");
    let mut s: Session<Regression> = session(&format!("{momentum}&lr=0.03"));
    s.apply(Action::Step);
    s.apply(Action::Step);
    assert_ne!(s.diagnosis().unwrap().fit, Fit::LearningRateTooHigh);
}

/// Mini-batches of 1 at a learning rate of 0.1 jitter the weights far off the minimum: the
/// verdict says so from epoch 300 on, every frame, where it used to flip between "good fit" and
/// "learning rate too high" every second or two (helper 60). At 0.03, or with batches of 4, the
/// jitter is harmless and never called a learning rate too high.
#[test]
fn mini_batch_noise_that_keeps_the_weights_off_the_minimum_is_named_steadily() {
    use crate::ml::diagnosis::Fit;
    let data = "degree=3&data=sine&n=40&noise=0.2&train=0.7&seed=42&opt=sgd&reg=none";
    let run = |q: &str| {
        let mut s: Session<Regression> = session(&format!("{data}&{q}"));
        s.apply(Action::Play);
        let mut fits = Vec::new();
        for epoch in 1..=3000 {
            s.apply(Action::Tick(1));
            if epoch >= 300 {
                fits.push(s.diagnosis().unwrap());
            }
        }
        fits
    };
    let noisy = run("lr=0.1&batch=1");
    assert!(noisy.iter().all(|d| d.fit == Fit::LearningRateTooHigh));
    let last = &noisy.last().unwrap().reason;
    assert!(
        last.contains("With batches of 1 each step follows only its batch's gradient, and at this learning rate that noise keeps the weights from settling: over the second half of training the median training error is 0.05"),
        "{last}"
    );
    assert!(
        last.contains("where fully trained this model reaches 0.0314"),
        "{last}"
    );
    for calm in ["lr=0.03&batch=1", "lr=0.1&batch=4"] {
        assert!(
            run(calm).iter().all(|d| d.fit != Fit::LearningRateTooHigh),
            "{calm}"
        );
    }
    // Lowered to 0.03 at epoch 1,200: the losses at 0.1 no longer speak (helper 61 read "Lower
    // the learning rate" for 80 epochs after doing it).
    let mut s: Session<Regression> = session(&format!("{data}&lr=0.1&batch=1"));
    s.apply(Action::Play);
    s.apply(Action::Tick(1200));
    s.apply(Action::Set(Key::LearningRate, learning_rate(0.03)));
    for _ in 0..600 {
        s.apply(Action::Tick(1));
        let d = s.diagnosis().unwrap();
        assert!(
            !d.reason.contains("Lower the learning rate"),
            "{}",
            d.reason
        );
    }
}

/// Any setting of any control of the three training labs, any seed, any training length: the
/// verdict and every note beside a control are sentences with numbers in them, never "NaN" or
/// "inf" (the page shows them as they are), and scores are finite unless training diverged.
mod any_setting {
    use super::*;
    use crate::ml::diagnosis::Fit;
    use crate::state::spec::SPECS;
    use proptest::prelude::*;

    /// A number the page would print as NaN or infinity (Rust's "NaN", "inf", "-inf").
    fn unprintable(text: &str) -> bool {
        text.contains("NaN")
            || text
                .split(|c: char| !c.is_alphanumeric())
                .any(|word| word == "inf")
    }

    fn check<K: LabKind>(config: Config, ticks: u32) -> Result<(), TestCaseError> {
        let link = crate::state::url::encode(&config);
        let mut s = Session::<K>::new(config, Vec::new());
        s.apply(Action::Play);
        s.apply(Action::Tick(ticks));
        if let Some(d) = s.diagnosis() {
            prop_assert!(!unprintable(&d.reason), "{link}: {}", d.reason);
            if d.fit == Fit::LearningRateTooHigh && s.divergence.is_none() {
                // "Too high" is read from a loss that rose somewhere, not from a falling one.
                let r = s.history.records();
                prop_assert!(r.windows(2).any(|w| w[1].train > w[0].train), "{link}");
            }
        }
        if let Some(text) = &s.divergence {
            prop_assert!(!unprintable(text), "{link}: {text}");
        }
        prop_assert!(s.train_score.loss.is_finite(), "{link}");
        let n = s.train_set().count();
        for spec in SPECS.iter().filter(|spec| s.config.shows(spec.key)) {
            if let Some(note) = s.config.no_effect(spec.key, n) {
                prop_assert!(!unprintable(&note), "{link}: {note}");
            }
        }
        for (_, note) in s.slight_effects() {
            prop_assert!(!unprintable(note), "{link}: {note}");
        }
        Ok(())
    }

    /// A configuration of `lab` with each of its controls at a position drawn from `picks`.
    fn drawn(lab: Lab, picks: &[usize], seed: u64) -> Config {
        let mut config = Config::for_lab(lab);
        for (spec, pick) in SPECS.iter().filter(|s| s.labs.contains(&lab)).zip(picks) {
            if spec.key != Key::Speed {
                config.set(spec.key, pick % spec.domain.len());
            }
        }
        config.seed = seed;
        config
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

        #[test]
        fn regression(picks in prop::collection::vec(0usize..64, 32), seed in 0u64..1000, ticks in 0u32..400) {
            check::<Regression>(drawn(Lab::Regression, &picks, seed), ticks)?;
        }

        #[test]
        fn classification(picks in prop::collection::vec(0usize..64, 32), seed in 0u64..1000, ticks in 0u32..60) {
            check::<Plane>(drawn(Lab::Classification, &picks, seed), ticks)?;
        }

        #[test]
        fn neural(picks in prop::collection::vec(0usize..64, 32), seed in 0u64..1000, ticks in 0u32..60) {
            check::<Plane>(drawn(Lab::Neural, &picks, seed), ticks)?;
        }
    }
}

/// A setting moved while paused that training goes on with (helper 69): a new penalty makes the
/// verdict wait for training with it, instead of judging the old model with the new λ's
/// remedies; a new learning rate leaves the verdict on the model standing, with an aside; both
/// go once the model trains, and after Reset.
#[test]
fn a_setting_moved_after_training_is_named_until_the_model_trains_with_it() {
    let mut s: Session<Regression> = session("degree=15&n=20&reg=l2&lambda=0");
    for a in [Action::Play, Action::Tick(240), Action::Pause] {
        s.apply(a);
    }
    let before = s.diagnosis().unwrap();
    assert!(!before.reason.contains("changed to"), "{}", before.reason);
    // Out and back: the very same verdict (helper 71: sentences of it were lost).
    s.apply(Action::Set(Key::Lambda, 3));
    s.apply(Action::Set(Key::Lambda, 0));
    assert_eq!(s.diagnosis().unwrap(), before);
    let top = Key::Lambda.spec().domain.len() - 1;
    s.apply(Action::Set(Key::Lambda, top));
    let waiting = s.diagnosis().unwrap();
    assert_eq!(waiting.fit, Fit::StillTraining);
    assert!(
        waiting
            .reason
            .starts_with("Regularization strength changed to 10 at epoch 240, and the model"),
        "{}",
        waiting.reason
    );
    // A second move does not hide the first (helper 70); moving λ back leaves the learning rate.
    s.apply(Action::Set(Key::LearningRate, 0));
    let both = s.diagnosis().unwrap();
    assert_eq!(both.fit, Fit::StillTraining);
    assert!(
        both.reason.starts_with(
            "Regularization strength changed to 10 and Learning rate to 1e-4 at epoch 240, and \
             the model has not trained with them yet"
        ),
        "{}",
        both.reason
    );
    s.apply(Action::Set(Key::Lambda, 0));
    let back = s.diagnosis().unwrap();
    assert_eq!(back.fit, before.fit, "{} / {}", before.reason, back.reason);
    assert!(
        back.reason
            .contains("(Learning rate changed to 1e-4 at epoch 240: "),
        "{}",
        back.reason
    );
    s.apply(Action::Step);
    let judged = s.diagnosis().unwrap();
    assert!(!judged.reason.contains("changed to"), "{}", judged.reason);
    // One epoch after a new λ is too few to judge a gap (helper 71: "a larger λ" one epoch after
    // λ was raised, the curve over λ preferring 0 in the same paragraph).
    s.apply(Action::Set(Key::Lambda, 12)); // 0.3
    s.apply(Action::Step);
    let early = s.diagnosis().unwrap();
    assert_eq!(early.fit, Fit::StillTraining, "{}", early.reason);
    assert!(early.reason.contains("too few epochs"), "{}", early.reason);
    // λ without a penalty changes nothing: no note, and the verdict reads the same records.
    let mut off: Session<Regression> = session("degree=15&n=20&reg=none");
    for a in [Action::Play, Action::Tick(240), Action::Pause] {
        off.apply(a);
    }
    let plain = off.diagnosis().unwrap();
    off.apply(Action::Set(Key::Lambda, 9));
    assert_eq!(off.diagnosis().unwrap(), plain);

    let mut s: Session<Regression> = session("");
    for a in [Action::Play, Action::Tick(3000), Action::Pause] {
        s.apply(a);
    }
    let fit = s.diagnosis().unwrap().fit;
    s.apply(Action::Set(Key::LearningRate, 0));
    let aside = s.diagnosis().unwrap();
    assert_eq!(aside.fit, fit);
    assert!(
        aside.reason.contains("(Learning rate changed to "),
        "{}",
        aside.reason
    );
    // Moved while running: the next tick trains with it, so there is nothing to say.
    s.apply(Action::Play);
    s.apply(Action::Set(Key::LearningRate, 1));
    assert!(!s.diagnosis().unwrap().reason.contains("changed to"));
    s.apply(Action::Pause);
    s.apply(Action::Set(Key::LearningRate, 2));
    s.apply(Action::Reset);
    assert!(s
        .diagnosis()
        .is_none_or(|d| !d.reason.contains("changed to")));
}

/// The validation curve chosen is in the link: a shared link shows the same curve (helper 69:
/// it showed the default). The default curve is not written.
#[test]
fn the_curve_chosen_travels_in_the_link() {
    let mut s: Session<Regression> = session("lab=regression");
    assert_eq!(s.sweep.key, Key::Degree);
    assert!(!crate::state::url::encode(&s.config).contains("curve"));
    s.apply(Action::Focus(Key::Lambda));
    let link = crate::state::url::encode(&s.config);
    assert!(link.contains("&curve=lambda&"), "{link}");
    let opened: Session<Regression> = session(&link);
    assert_eq!(opened.sweep.key, Key::Lambda);
    // Back to the default: the link no longer names it.
    s.apply(Action::Focus(Key::Degree));
    assert!(!crate::state::url::encode(&s.config).contains("curve"));

    // A model without that curve falls back to its first, and the link says nothing of it.
    let mut s: Session<Plane> = session("lab=classification&curve=shrinkage&model=boosting");
    assert_eq!(s.sweep.key, Key::Shrinkage);
    s.apply(Action::Set(Key::Model, 0));
    assert_ne!(s.sweep.key, Key::Shrinkage);
    assert_eq!(s.config.curve, None);
    assert!(!crate::state::url::encode(&s.config).contains("curve"));
}

/// A learning rate raised to its top while paused: the Steps after it multiply the training loss
/// many times over. That is read as steps that overshoot at once, not "too early to judge … let
/// it train on" (helper 71), whatever the optimizer; and a network's verdict no longer reads the
/// medians of the epochs before the change (99 % beside a network at 50 %).
#[test]
fn a_loss_multiplied_by_a_new_learning_rate_is_read_as_too_high() {
    use crate::format::whole_percent;
    use crate::ml::diagnosis::Fit;
    fn raise_and_step<K: LabKind>(query: &str, steps: usize) -> Session<K> {
        let mut s: Session<K> = session(query);
        s.apply(Action::Play);
        s.apply(Action::Tick(240));
        s.apply(Action::Pause);
        let top = Key::LearningRate.spec().domain.len() - 1;
        s.apply(Action::Set(Key::LearningRate, top));
        for _ in 0..steps {
            s.apply(Action::Step);
        }
        s
    }
    for (query, steps) in [("lab=regression", 2), ("lab=regression&opt=adam", 3)] {
        let s: Session<Regression> = raise_and_step(query, steps);
        let first = s.history.records()[0].train;
        assert!(
            s.train_score.loss > first,
            "{query}: the loss rose past its start"
        );
        let d = s.diagnosis().unwrap();
        assert_eq!(d.fit, Fit::LearningRateTooHigh, "{query}: {}", d.reason);
    }
    let s: Session<Plane> = raise_and_step("lab=neural", 1);
    let d = s.diagnosis().unwrap();
    assert_eq!(d.fit, Fit::LearningRateTooHigh, "{}", d.reason);
    let accuracy = s.train_score.accuracy.unwrap();
    assert!(accuracy < 0.6, "{accuracy}");
    assert!(!d.reason.contains("Medians"), "{}", d.reason);
    assert!(
        d.reason.starts_with(&format!(
            "Training accuracy {} ",
            whole_percent(100.0 * accuracy)
        )),
        "{}",
        d.reason
    );
}

/// Late in training the history keeps one epoch in many: one Step at a learning rate past the
/// stable range raised plain gradient descent's loss sevenfold between two records, and read
/// "too early … let it train on" (helper 72). The loss before the Step is kept apart.
#[test]
fn one_step_up_under_plain_gradient_descent_is_read_at_once() {
    use crate::ml::diagnosis::Fit;
    let mut s: Session<Regression> = session("lab=regression");
    s.apply(Action::Play);
    // (About two seconds at the default speed, as the helper played.)
    s.apply(Action::Tick(122));
    s.apply(Action::Pause);
    let top = Key::LearningRate.spec().domain.len() - 1;
    s.apply(Action::Set(Key::LearningRate, top));
    let before = s.train_score.loss;
    s.apply(Action::Step);
    assert!(
        s.train_score.loss > 5.0 * before,
        "the step raised the loss"
    );
    // (The first epoch after a change is kept, however late: the rise is in the records.)
    assert!(s.history.records().iter().any(|r| r.epoch == 123));
    let d = s.diagnosis().unwrap();
    assert_eq!(d.fit, Fit::LearningRateTooHigh, "{}", d.reason);
    // A move that changes nothing (down a notch and back; λ without a penalty) leaves it so
    // (helper 73: the run's rise was read only before any move).
    s.apply(Action::Set(Key::LearningRate, top - 1));
    s.apply(Action::Set(Key::LearningRate, top));
    s.apply(Action::Set(Key::Lambda, 3));
    assert_eq!(s.diagnosis().unwrap(), d);
}

/// A verdict on how training goes, read from the settings before a move while paused, waits for
/// the new ones as a new penalty does (helper 72: "Lower the learning rate" beside a learning
/// rate already lowered); a verdict on the model itself stands, with an aside.
#[test]
fn a_verdict_on_the_training_waits_for_settings_moved_while_paused() {
    use crate::ml::diagnosis::Fit;
    let mut s: Session<Regression> = session("lab=regression&batch=1&lr=0.1");
    s.apply(Action::Play);
    for _ in 0..100 {
        s.apply(Action::Tick(200));
    }
    s.apply(Action::Pause);
    let d = s.diagnosis().unwrap();
    assert_eq!(d.fit, Fit::LearningRateTooHigh, "{}", d.reason);
    s.apply(Action::Set(
        Key::LearningRate,
        s.config.position(Key::LearningRate) - 6,
    ));
    let d = s.diagnosis().unwrap();
    assert_eq!(d.fit, Fit::StillTraining, "{}", d.reason);
    assert!(
        d.reason.contains("has not trained with it yet"),
        "{}",
        d.reason
    );
    // Back where it was: the verdict it had.
    s.apply(Action::Set(
        Key::LearningRate,
        s.config.position(Key::LearningRate) + 6,
    ));
    assert_eq!(s.diagnosis().unwrap().fit, Fit::LearningRateTooHigh);
}

/// After a divergence the page shows the best epoch recorded, which can lie far back: the text
/// says how far, not "that epoch was undone" (helper 72: the counter read 44 beside "exploded in
/// epoch 255023").
#[test]
fn a_divergence_says_how_far_training_went_back() {
    let mut s: Session<Regression> = session("lab=regression&lr=3&opt=adam&batch=2");
    s.apply(Action::Play);
    for _ in 0..500 {
        s.apply(Action::Tick(1000));
        if s.divergence.is_some() {
            break;
        }
    }
    let text = s.divergence.clone().expect("it diverges");
    let exploded: u64 = text["Training stopped: the loss exploded in epoch ".len()..]
        .split(", ")
        .next()
        .unwrap()
        .replace(',', "")
        .parse()
        .unwrap();
    let back = exploded - s.model.steps();
    assert!(back > 1, "{text}");
    assert!(
        text.contains(&format!(
            "so training went back {} epochs",
            crate::format::thousands(back)
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "Shown: the parameters of epoch {}",
            crate::format::thousands(s.model.steps())
        )),
        "{text}"
    );
}

/// A penalty moved late in training is judged as soon as its loss has settled, not when the
/// thinned history next has eight records (helper 86: at epoch 300,000 they came one in 8,192
/// epochs, and "too early to tell" stayed for 60,000 epochs of a flat training error).
#[test]
fn a_late_change_is_judged_once_its_loss_settles() {
    use crate::ml::diagnosis::Fit;
    let mut s: Session<Regression> = session("lab=regression&degree=15&n=30&opt=adam&lr=0.03");
    s.apply(Action::Play);
    s.apply(Action::Tick(100_000));
    let at = s.model.steps();
    let l1 = session::<Regression>("lab=regression&reg=l1&lambda=0.3").config;
    s.apply(Action::Set(
        Key::Regularization,
        l1.position(Key::Regularization),
    ));
    s.apply(Action::Set(Key::Lambda, l1.position(Key::Lambda)));
    s.apply(Action::Tick(2_000));
    let d = s.diagnosis().unwrap();
    assert_eq!(d.fit, Fit::TooStronglyRegularized, "{}", d.reason);
    let since = s.history.records().iter().filter(|r| r.epoch > at).count();
    assert!(since >= 16, "{since} records since the change");
}

/// Degree 15 through 7 noisy points has fit their noise whatever 3 test points say (helper 87:
/// at σ = 0.5 it read "Good fit" at a test R² of −10, where σ = 0.2 read too few points).
#[test]
fn through_as_many_noisy_points_as_numbers_is_too_few_points_at_any_noise() {
    use crate::ml::diagnosis::Fit;
    for noise in ["0.2", "0.5"] {
        let mut s: Session<Regression> = session(&format!(
            "lab=regression&degree=15&n=10&noise={noise}&lr=0.01&opt=adam"
        ));
        s.apply(Action::Play);
        s.apply(Action::Tick(20_000));
        let d = s.diagnosis().unwrap();
        assert_eq!(d.fit, Fit::TooFewPoints, "σ = {noise}: {}", d.reason);
        assert!(
            d.reason
                .contains("only 7 training points for 16 learned numbers"),
            "{}",
            d.reason
        );
    }
}

/// A ridge model with more numbers than points runs close to them, not through them "in many
/// different ways": with a penalty its objective has one minimum (helper 89).
#[test]
fn a_penalized_model_with_too_few_points_is_not_said_to_pass_through_them_many_ways() {
    use crate::ml::diagnosis::Fit;
    for (lambda, penalized) in [("reg=l2&lambda=0.1", true), ("reg=none", false)] {
        let mut s: Session<Regression> = session(&format!("degree=15&n=20&{lambda}&speed=max"));
        s.apply(Action::Play);
        for _ in 0..40 {
            s.apply(Action::Tick(500));
        }
        let d = s.diagnosis().unwrap();
        assert_eq!(d.fit, Fit::TooFewPoints, "{lambda}: {}", d.reason);
        assert_eq!(
            d.reason.contains("in many different ways"),
            !penalized,
            "{}",
            d.reason
        );
        assert_eq!(
            d.reason
                .contains("the penalty holds it only a little off them"),
            penalized,
            "{}",
            d.reason
        );
    }
}

/// Too simple, and the curve over the degree cannot tell a higher one apart on 28 training
/// points: the next step is more points, where the curve is clearly lower at a higher degree and
/// the sentence gives way to it (helper 89: the verdict stopped at "will not do clearly better").
#[test]
fn too_simple_with_a_flat_curve_names_more_points() {
    let verdict = |query: &str| {
        let mut s: RegressionLab = session(query);
        s.finish_curve();
        s.apply(Action::Play);
        s.apply(Action::Tick(Regression::SWEEP_STEPS));
        s.diagnosis().unwrap()
    };
    let few = verdict("data=step&degree=3&speed=max");
    assert_eq!(few.fit, Fit::TooSimple, "{}", few.reason);
    assert!(
        few.reason.contains(
            "within one standard error of its lowest (0.13 at Polynomial degree = 5): the curve \
             cannot tell them apart, so moving Polynomial degree alone will not do clearly \
             better on these points. On 28 training points a more flexible model follows their \
             noise about as much as it gains on the pattern: with more points (Number of \
             points) it can pay off."
        ),
        "{}",
        few.reason
    );
    let more = verdict("data=step&degree=3&n=100&speed=max");
    assert_eq!(more.fit, Fit::TooSimple, "{}", more.reason);
    assert!(
        more.reason
            .contains("The validation curve does clearly better at Polynomial degree = 9"),
        "{}",
        more.reason
    );
    assert!(!more.reason.contains("more points"), "{}", more.reason);
}

/// Helper 91's tree of depth 2 on noisy moons: the rule's own 89 % on its training points, 70 %
/// on the test points where the rule scores 83 %, and a curve that finds no depth clearly better
/// (depth 1 clearly worse). It read "Make it less flexible"; more points are the cure.
#[test]
fn a_gap_the_curve_finds_no_depth_for_names_more_points() {
    let mut s: PlaneLab =
        session("lab=classification&model=tree&data=moons&noise=0.4&depth=2&criterion=entropy");
    s.finish_curve();
    s.apply(Action::Play);
    s.apply(Action::Tick(100));
    let d = s.diagnosis().unwrap();
    assert_eq!(d.fit, Fit::TooFewPoints, "{}", d.reason);
    assert!(!d.reason.contains("less flexible"), "{}", d.reason);
    assert!(
        d.reason.contains(
            "Add data. On the validation curve Max depth = 2 has a cross-validated error of \
             12.9 %, within one standard error of its lowest (12.1 % at Max depth = 3)"
        ),
        "{}",
        d.reason
    );
    assert!(d.close_call, "{}", d.reason);
}

/// Helper 90: boosting 200 trees of depth 3 at a learning rate of 1, each round on a subsample
/// of 10 %, ends at a training log-loss of 18 and 50 % right, and read "too simple … deeper
/// trees". Its log-loss fell, then rose far above the class shares' guess: the steps overshoot.
/// Either remedy named cures it: a lower learning rate, or each round on every point.
#[test]
fn boosting_whose_log_loss_climbs_reads_a_learning_rate_too_high() {
    let grown = |query: &str| {
        let mut s: PlaneLab = session(query);
        s.apply(Action::Play);
        s.apply(Action::Tick(200));
        assert!(s.model.is_finished() == Some(true));
        s
    };
    let base = "lab=classification&model=boosting&trees=200&depth=3&data=moons&noise=0.5";
    let s = grown(&format!("{base}&shrinkage=1&subsample=0.1"));
    let d = s.diagnosis().unwrap();
    assert_eq!(d.fit, Fit::LearningRateTooHigh, "{}", d.reason);
    assert!(
        d.reason.contains(
            "Its training log-loss fell to 0.5066 after 2 trees, then rose to 18.0218, above always \
             answering the class shares: the trees' steps overshoot."
        ),
        "{}",
        d.reason
    );
    assert!(s.train_score.loss > 10.0 * 0.507);
    // (Not larger leaves: on 14 points a round they change little until no split is left;
    // helper 92 followed that cure to "too simple … fewer samples per leaf".)
    assert!(!d.reason.contains("Min samples per leaf"), "{}", d.reason);
    for cure in ["shrinkage=0.1&subsample=0.1", "shrinkage=1&subsample=1"] {
        let s = grown(&format!("{base}&{cure}"));
        let d = s.diagnosis().unwrap();
        assert_ne!(d.fit, Fit::LearningRateTooHigh, "{cure}: {}", d.reason);
        assert!(s.train_score.loss < 0.5, "{cure}: {}", s.train_score.loss);
    }
}

/// At the learning rate's top (10), a loss still falling is not told "or raise the learning
/// rate" (helper 90: logistic regression with momentum on the spiral).
#[test]
fn a_loss_still_falling_at_the_top_rate_is_not_told_to_raise_it() {
    let mut s: PlaneLab = session("lab=classification&lr=10&opt=momentum&features=8&data=spiral");
    s.apply(Action::Play);
    let mut still = 0;
    for _ in 0..40 {
        s.apply(Action::Tick(25));
        let d = s.diagnosis().unwrap();
        if d.fit == Fit::StillTraining && d.reason.contains("still falling") {
            still += 1;
            assert!(
                d.reason.contains("Let it train on before judging"),
                "{}",
                d.reason
            );
        }
    }
    assert!(still > 0);
}

/// Helper 90: logistic regression at a learning rate of 10 with momentum on the spiral swings
/// as it falls (0.79 to 0.47 in 300 epochs), its peaks dying down unevenly (1.15, 1.01, 1.06,
/// 0.77, 0.79). It flipped between "the steps overshoot" and "swings … each smaller" about
/// twenty times in 240 epochs; the swings' envelope shrinks, and it reads still training
/// throughout. (Swings that grow still read a learning rate too high: `shrinking_swings`.)
/// Once the swings have died down (epoch 250) the loss goes on falling slowly, 0.472 to 0.447 by
/// epoch 900: while the last swings were in the second half of the epochs it flipped between
/// "too simple" and "swings" until epoch 530, as the half's first record fell on a peak (read
/// as falling) or a trough (settled). Swings still dying down are no settled loss.
#[test]
fn uneven_swings_that_die_down_read_still_training_throughout() {
    let mut s: PlaneLab =
        session("lab=classification&lr=10&opt=momentum&features=8&data=spiral&seed=7");
    s.finish_curve();
    s.apply(Action::Play);
    s.apply(Action::Tick(20));
    let start = s.train_score.loss;
    while s.model.steps() < 900 {
        s.apply(Action::Tick(10));
        let d = s.diagnosis().unwrap();
        assert_eq!(
            d.fit,
            Fit::StillTraining,
            "epoch {}: {}",
            s.model.steps(),
            d.reason
        );
        let swings = d
            .reason
            .contains("momentum carries the weights past the minimum and back");
        let falling = d.reason.contains("the training loss is still falling");
        assert!(
            swings || (s.model.steps() > 500 && falling),
            "epoch {}: {}",
            s.model.steps(),
            d.reason
        );
    }
    assert!(
        s.train_score.loss < 0.5 * start,
        "{start} → {}",
        s.train_score.loss
    );
}

/// Helper 92: k = 3 on noisy moons, a close call with overfitting by half a standard error on
/// its training accuracy, read "Good fit (a close call)" beside a curve clearly lower at k = 11,
/// which the verdict called the better judge. The curve settles it, whichever accuracy's chance
/// made the close call.
#[test]
fn a_close_call_by_the_training_accuracy_the_curve_settles_reads_overfitting() {
    let mut s: PlaneLab = session("lab=classification&model=knn&data=moons&noise=0.4&k=3&curve=k");
    s.finish_curve();
    s.apply(Action::Play);
    s.apply(Action::Tick(10));
    let d = s.diagnosis().unwrap();
    assert_eq!(d.fit, Fit::TooFlexible, "{}", d.reason);
    assert!(!d.close_call, "{}", d.reason);
    assert!(
        d.reason.contains(
            "on its scores alone it is a close call with a good fit, but the validation curve"
        ),
        "{}",
        d.reason
    );
    assert!(
        d.reason.contains("clearly better at k = 11"),
        "{}",
        d.reason
    );
}

/// Helper 92: "Give it more flexibility: a larger max depth. The validation curve does clearly
/// better at Min samples per leaf = 32" read as two instructions with no word that they
/// disagree. A curve clearly better against the remedy now begins "Yet".
#[test]
fn a_curve_against_the_remedy_says_yet() {
    let mut s: PlaneLab =
        session("lab=classification&model=tree&data=xor&noise=0.5&depth=2&curve=leaf");
    s.finish_curve();
    s.apply(Action::Play);
    s.apply(Action::Tick(10));
    let d = s.diagnosis().unwrap();
    assert_eq!(d.fit, Fit::TooSimple, "{}", d.reason);
    assert!(
        d.reason.contains(
            "Give it more flexibility: a larger max depth. Yet the validation curve does better \
             at Min samples per leaf = 32"
        ),
        "{}",
        d.reason
    );
}

/// An ensemble that has learned its training points' noise and is still growing says both
/// (helper 95: boosting at tree 29 of 50 read as final, its "still growing" aside displaced).
#[test]
fn a_growing_ensemble_that_learned_noise_says_it_is_still_growing() {
    let mut s: PlaneLab = session("lab=classification&model=boosting&data=moons&noise=0.5");
    s.apply(Action::Play);
    s.apply(Action::Tick(29));
    let reason = s.diagnosis().unwrap().reason;
    assert!(
        reason.contains("it has learned some of their noise")
            && reason.ends_with("(The model is still growing: these figures are not final, and the test figure can move either way.)"),
        "{reason}"
    );
    s.apply(Action::Tick(21));
    let done = s.diagnosis().unwrap().reason;
    assert!(!done.contains("still growing"), "{done}");
}

/// Too strongly regularized, with a flat curve over the degree: the penalty holds the weights
/// near zero at every degree (under L1 at exactly zero), which is why the curve cannot tell the
/// degrees apart; more points would not change that (helper 101: it read "with more points it
/// can pay off", and at 500 points every weight was still zero).
#[test]
fn a_curve_flattened_by_the_penalty_says_so_not_more_points() {
    for penalty in ["l1", "l2"] {
        let mut s: RegressionLab = session(&format!("degree=9&reg={penalty}&lambda=10&speed=max"));
        s.finish_curve();
        s.apply(Action::Play);
        s.apply(Action::Tick(Regression::SWEEP_STEPS));
        let d = s.diagnosis().unwrap();
        assert_eq!(d.fit, Fit::TooStronglyRegularized, "{}", d.reason);
        assert!(!d.reason.contains("with more points"), "{}", d.reason);
        assert!(
            d.reason.contains(
                "At λ = 10 the penalty holds the weights near zero whatever the Polynomial \
                 degree, so the curve can hardly tell its values apart: lower λ first, and then \
                 the curve can show what Polynomial degree does."
            ),
            "{penalty}: {}",
            d.reason
        );
        if penalty == "l1" {
            assert!(s.model.model().weights[1..].iter().all(|w| *w == 0.0));
        }
    }
}

/// Six sigmoid layers on XOR stay at the class shares at any learning rate and from any start:
/// the gradient fades by up to 4⁶ on its way back, and the verdict says so and to remove layers
/// (helper 101: it said to lower the learning rate and Reset, which changed nothing); four
/// layers train.
#[test]
fn six_sigmoid_layers_stuck_at_the_shares_are_told_the_gradient_fades() {
    let trained = |extra: &str| {
        let mut s: PlaneLab = session(&format!("lab=neural&data=xor&act=sigmoid&{extra}"));
        s.apply(Action::Play);
        for _ in 0..10 {
            s.apply(Action::Tick(1000));
        }
        s
    };
    for extra in ["layers=6", "layers=6&lr=0.003", "layers=6&init=2"] {
        let s = trained(extra);
        let d = s.diagnosis().unwrap();
        assert_eq!(d.fit, Fit::Stuck, "{extra}: {}", d.reason);
        assert!(
            d.reason.contains(
                "Through 6 layers of sigmoid the gradient fades on its way back: each sigmoid's \
                 slope is at most 1/4, so 6 of them multiply it by at most 1/4,096 (unless the \
                 weights between are large), and the first layers barely learn, whatever the \
                 learning rate or the start. Remove layers (one or two bend most boundaries), or \
                 switch to tanh, whose slope reaches 1."
            ),
            "{extra}: {}",
            d.reason
        );
        assert!(!d.reason.contains("press Reset"), "{}", d.reason);
    }
    let four = trained("layers=4");
    assert!(four.train_score.accuracy.unwrap() > 0.9);
}

/// Steps until training explodes (at most `limit`); the epoch it exploded in.
fn step_to_explosion<K: LabKind>(s: &mut Session<K>, limit: u32) -> Option<u64> {
    for _ in 0..limit {
        s.apply(Action::Step);
        if s.divergence.is_some() {
            return s.exploded;
        }
    }
    None
}

/// After a divergence, training goes on from the model it went back to with the same steps: it
/// explodes in the same epoch again, whatever the batches or the optimizer, and the verdict
/// says so in between (helper 103 read "too early to judge … let it train on" there). A moved
/// learning rate ends it.
#[test]
fn training_on_after_a_divergence_with_the_same_settings_explodes_again_and_the_verdict_says_so() {
    use crate::ml::diagnosis::Fit;
    let regression = "data=line&degree=1&reg=l2&lambda=0.1";
    for q in [
        format!("{regression}&lr=1&opt=sgd&batch=all"),
        format!("{regression}&lr=1&opt=sgd&batch=8"),
        format!("{regression}&lr=2&opt=momentum&batch=all"),
        format!("{regression}&lr=10&opt=adam&batch=1"),
    ] {
        let mut s: Session<Regression> = session(&q);
        let first = step_to_explosion(&mut s, 5000).unwrap_or_else(|| panic!("{q}: no explosion"));
        s.apply(Action::Step);
        let verdict = s.diagnosis().unwrap();
        assert_eq!(
            verdict.fit,
            Fit::LearningRateTooHigh,
            "{q}: {}",
            verdict.reason
        );
        let again = format!(
            "explodes in epoch {} again",
            crate::format::thousands(first)
        );
        assert!(verdict.reason.contains(&again), "{q}: {}", verdict.reason);
        assert_eq!(step_to_explosion(&mut s, 5000), Some(first), "{q}");
        // A lower rate is other steps: the verdict no longer foretells the explosion.
        s.apply(Action::Set(Key::LearningRate, 0));
        s.apply(Action::Step);
        let verdict = s.diagnosis().unwrap();
        assert!(!verdict.reason.contains("again"), "{q}: {}", verdict.reason);
    }
    // A network goes back to its start and explodes in its first epoch again.
    let q = "lab=neural&data=bumps&lr=1";
    let mut s: Session<Plane> = session(q);
    assert_eq!(step_to_explosion(&mut s, 10), Some(1), "{q}");
    assert_eq!(step_to_explosion(&mut s, 10), Some(1), "{q}");
}

/// Under L2 the objective, the MSE plus the penalty, is the bowl gradient descent goes down: a
/// step at a stable rate may raise the MSE (it does on the default data at λ = 0.1 and a rate
/// of 0.5), never the objective. One rise of the objective is a learning rate too high from the
/// second step on, where the verdict read "too early to judge" for the 14 epochs before the
/// explosion; under the stable limit no epoch of a long run is called so.
#[test]
fn under_l2_a_rise_of_the_objective_is_a_learning_rate_too_high_and_a_rise_of_the_mse_is_not() {
    use crate::ml::diagnosis::Fit;
    let line = "data=line&degree=1&reg=l2&lambda=0.1&opt=sgd&batch=all";
    let mut s: Session<Regression> = session(&format!("{line}&lr=1"));
    assert!(Regression::stable_rate(&s).unwrap() < 1.0);
    s.apply(Action::Step);
    s.apply(Action::Step);
    let verdict = s.diagnosis().unwrap();
    assert_eq!(verdict.fit, Fit::LearningRateTooHigh, "{}", verdict.reason);
    for q in [
        format!("{line}&lr=0.5"),
        "degree=3&reg=l2&lambda=0.1&opt=sgd&batch=all&lr=0.5".to_string(),
        "degree=9&reg=l2&lambda=0.01&opt=sgd&batch=all&lr=0.3".to_string(),
    ] {
        let mut s: Session<Regression> = session(&q);
        assert!(Regression::stable_rate(&s).unwrap() > s.config.number(Key::LearningRate));
        let mut mse_rose = false;
        s.apply(Action::Play);
        for _ in 0..3000 {
            let before = s.train_score.loss;
            s.apply(Action::Tick(1));
            mse_rose |= s.train_score.loss > before;
            let verdict = s.diagnosis().unwrap();
            assert_ne!(
                verdict.fit,
                Fit::LearningRateTooHigh,
                "{q}: {}",
                verdict.reason
            );
        }
        // (The MSE alone would have read as a rate too high.)
        assert!(mse_rose || q.starts_with("degree=9"), "{q}");
    }
}
/// Past the stable limit under L2 the objective can rise at a step while the MSE, the loss the
/// page shows, falls: from zero weights the first step lowers the MSE and raises the penalty
/// more. The verdict then says what rose, with its figures, not "the training loss has risen"
/// (in 246 of 1,072 settings past the limit, found over the four curves, degrees 1 to 15 and λ
/// from 0.001 to 10, the first rise was of this kind).
#[test]
fn a_rise_of_the_objective_alone_is_said_in_the_objectives_words() {
    use crate::ml::diagnosis::Fit;
    let q = "data=cubic&degree=15&opt=sgd&batch=all&reg=l2&lambda=1&lr=0.5";
    let mut s: Session<Regression> = session(q);
    let (mse, objective) = (s.train_score.loss, s.model.objective());
    s.apply(Action::Step);
    assert!(s.train_score.loss < mse && s.model.objective() > objective);
    let verdict = s.diagnosis().unwrap();
    assert_eq!(verdict.fit, Fit::LearningRateTooHigh, "{}", verdict.reason);
    let said = format!(
        "the objective the steps go down, the MSE plus the penalty, rose at the last step from {} \
         to {} (the MSE fell, the penalty rose more)",
        crate::format::short(objective),
        crate::format::short(s.model.objective())
    );
    assert!(verdict.reason.contains(&said), "{}", verdict.reason);
    assert!(!verdict.reason.contains("the training loss jumps"));
}
