//! The one session's rules, the same in every lab.

use super::*;
use crate::state::plane::{Plane, PlaneLab};
use crate::state::regression::{Regression, RegressionLab};
use crate::state::url::decode;

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
