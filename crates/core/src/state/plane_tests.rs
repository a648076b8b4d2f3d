//! The plane labs' reducer, as a user drives it: links, Play, ticks, controls, points.

use super::*;
use crate::format::{percent, short};
use crate::ml::diagnosis::Fit;
use crate::state::choice::ModelKind;
use crate::state::levers::NONE_LEFT;
use crate::state::session::Reduce;
use crate::state::url::decode;
use std::rc::Rc;

fn lab(query: &str) -> PlaneLab {
    let (config, notices) = decode(&format!("lab=classification&{query}"));
    assert!(notices.is_empty(), "{notices:?}");
    PlaneLab::new(config, notices)
}

fn apply(s: &mut PlaneLab, action: Action) {
    s.apply(action);
}

fn run(s: &mut PlaneLab, steps: u32) {
    apply(s, Action::Play);
    apply(s, Action::Tick(steps));
}

/// A link played `steps` steps, its validation curve computed to the end.
fn grown(query: &str, steps: u32) -> PlaneLab {
    let mut s = lab(query);
    run(&mut s, steps);
    while !s.sweep.is_done() {
        apply(&mut s, Action::SweepTick(1000));
    }
    s
}

/// A penalty left set from logistic regression is not a tree's, k-NN's or a forest's: their
/// underfitting is never put down to it (helper 66: a depth-1 tree read "too strongly
/// regularized … Lower λ", λ not even shown for trees).
#[test]
fn models_without_a_penalty_are_never_too_strongly_regularized() {
    use crate::ml::diagnosis::Fit;
    for query in [
        "model=tree&data=circles&reg=l2&lambda=1&depth=1",
        "model=knn&data=spiral&reg=l1&lambda=10&k=450",
        "model=forest&data=spiral&reg=l2&lambda=3&depth=1&speed=max",
    ] {
        let s = grown(query, 200);
        let d = s.diagnosis().unwrap();
        assert!(d.fit.is_underfitting(), "{query}: {}", d.reason);
        assert_ne!(d.fit, Fit::TooStronglyRegularized, "{query}: {}", d.reason);
        assert!(!d.reason.contains("λ"), "{query}: {}", d.reason);
    }
    // Logistic regression's own penalty still is.
    let s = grown("model=logistic&data=circles&reg=l2&lambda=10&lr=0.03", 2000);
    assert_eq!(s.diagnosis().unwrap().fit, Fit::TooStronglyRegularized);
}

/// Settings left from logistic regression, and numbers a tree does not fix, are not a forest's
/// or a tree's (helper 67): no momentum verdict for a forest, no "learned numbers" for a tree,
/// and a tree stopped by points of both classes at one spot is not told "fewer samples per leaf".
#[test]
fn a_tree_or_forest_is_judged_on_what_it_has() {
    let mut forest = lab("model=forest&opt=momentum&data=moons&noise=0.6&n=500&depth=15");
    for _ in 0..12 {
        apply(&mut forest, Action::Step);
        let d = forest.diagnosis().unwrap();
        assert!(!d.reason.contains("momentum"), "{}", d.reason);
    }
    let tree = grown(
        "model=tree&data=custom&train=0.5&seed=1&pts=-0.5,-0.5,0;0.5,0.5,0;-0.5,0.5,1;0.5,-0.5,1",
        20,
    );
    let d = tree.diagnosis().unwrap();
    assert!(!d.reason.contains("learned numbers"), "{}", d.reason);
    let spot = "model=tree&data=custom&train=0.9&pts=0,0,0;0,0,1;0.5,0.5,0;0.5,0.5,1;\
                -0.5,0.5,0;-0.5,0.5,1;0.5,-0.5,0;0.5,-0.5,1";
    let d = grown(spot, 20).diagnosis().unwrap();
    assert!(!d.reason.contains("fewer samples per leaf"), "{}", d.reason);
    // (Every point it can get right, it does: the clashing points are the limit.)
    assert!(
        d.reason
            .contains("no model can do better on these training points"),
        "{}",
        d.reason
    );
}

#[test]
fn k_1_fits_training_points_and_overfits_noisy_moons() {
    let s = lab("model=knn&k=1&data=moons&noise=0.6&n=300");
    assert_eq!(s.train_score.accuracy.unwrap(), 1.0);
    assert_eq!(s.diagnosis().unwrap().fit, Fit::TooFlexible);
}

/// A straight line on the moons (default noise, where the best possible is 98.5 %) is too simple
/// whatever the seed's split: at seed 42 its 89 % training and 77 % test accuracy used to be
/// called overfitting, since 89 % passed the old 85 % bar and the 12-point gap was then blamed
/// on flexibility.
#[test]
fn a_straight_line_on_the_moons_is_never_called_too_flexible() {
    for seed in [42, 2] {
        let mut line = lab(&format!("model=logistic&features=1&data=moons&seed={seed}"));
        run(&mut line, 3000);
        let verdict = line.diagnosis().unwrap();
        assert!(
            !verdict.fit.is_overfitting(),
            "seed {seed}: {}",
            verdict.reason
        );
        assert!(
            matches!(verdict.fit, Fit::TooSimple | Fit::StillTraining),
            "seed {seed}: {}",
            verdict.reason
        );
    }
}

/// Distance-weighted k-NN classifies every training point as itself, so its training accuracy is
/// 100 % even when k is every training point: the verdict judges by leave-one-out instead, says
/// so, and does not call the largest k too flexible.
#[test]
fn distance_weighted_knn_is_judged_by_leave_one_out() {
    let s = lab("model=knn&k=140&weight=distance&data=moons&noise=0.6");
    assert_eq!(
        s.train_score.accuracy.unwrap(),
        1.0,
        "each point votes for itself"
    );
    let verdict = s.diagnosis().unwrap();
    assert_ne!(verdict.fit, Fit::TooFlexible, "{}", verdict.reason);
    assert!(
        verdict.reason.contains("(leave-one-out)"),
        "{}",
        verdict.reason
    );
    let uniform = lab("model=knn&k=140&data=moons&noise=0.6");
    assert!(!uniform
        .diagnosis()
        .unwrap()
        .reason
        .contains("leave-one-out"));
    // At k = 1 the weighting changes nothing (helper 44: the verdict flipped to "too simple …
    // a smaller k" at the smallest k): the same verdict as the uniform vote, and the control
    // says it has no effect.
    let one = |w: &str| lab(&format!("model=knn&k=1&weight={w}&data=moons&noise=0.4"));
    let (distance, uniform) = (one("distance"), one("uniform"));
    let (d, u) = (distance.diagnosis().unwrap(), uniform.diagnosis().unwrap());
    assert_eq!((d.fit, &d.reason), (u.fit, &u.reason));
    assert_eq!(d.fit, Fit::TooFlexible);
    assert!(distance.config.no_effect(Key::Weighting, 1).is_some());
    assert!(lab("model=knn&k=2&weight=distance")
        .config
        .no_effect(Key::Weighting, 1)
        .is_none());
}

/// The remedies name the model's own controls: k-NN is made simpler by a larger k (it has no
/// regularization and does not train), a tree by its depth.
#[test]
fn remedies_name_the_models_own_controls() {
    let s = lab("model=knn&k=1&data=moons&noise=0.6&n=300");
    let reason = s.diagnosis().unwrap().reason;
    assert!(
        reason.contains("Make it less flexible (a larger k)"),
        "{reason}"
    );
    let s = lab("model=knn&k=140&data=circles&noise=0.1");
    let verdict = s.diagnosis().unwrap();
    assert_eq!(verdict.fit, Fit::TooSimple, "{}", verdict.reason);
    assert!(
        verdict
            .reason
            .contains("Give it more flexibility: a smaller k."),
        "{}",
        verdict.reason
    );
    assert!(
        !verdict.reason.contains("however long it trains"),
        "{}",
        verdict.reason
    );
    // A grown tree is done, not training on; its leaves of one point cannot be smaller (helper
    // 59: it read "however long it trains … or fewer samples per leaf").
    let mut s = lab("model=tree&depth=1&data=circles");
    run(&mut s, 10);
    let reason = s.diagnosis().unwrap().reason;
    assert!(
        reason.contains("the pattern. Give it more flexibility: a larger max depth."),
        "{reason}"
    );
    assert!(!reason.contains("however long"), "{reason}");
    let mut s = lab("model=tree&depth=1&leaf=5&data=circles");
    run(&mut s, 10);
    let reason = s.diagnosis().unwrap().reason;
    assert!(
        reason.contains("a larger max depth or fewer samples per leaf."),
        "{reason}"
    );
}

/// A depth-3 tree on very noisy moons: its training accuracy runs well above its test accuracy
/// (called overfitting), yet the cross-validated curve over depth is lowest at or near 3: the
/// verdict says so rather than leave "make it less flexible" as the cure. At depth 12 the curve
/// does clearly better at a smaller depth, and says where.
#[test]
fn the_verdict_says_when_the_curve_finds_the_current_value_best() {
    let s = grown("model=tree&depth=4&data=moons&noise=0.6", 50);
    assert_eq!(s.sweep.key, Key::MaxDepth);
    let verdict = s.diagnosis().unwrap();
    assert!(
        verdict
            .reason
            .contains("Yet on the validation curve Max depth = 4 has the same cross-validated"),
        "{}",
        verdict.reason
    );
    let deep = grown("model=tree&depth=12&data=moons&noise=0.6", 50);
    let verdict = deep.diagnosis().unwrap();
    assert_eq!(verdict.fit, Fit::TooFlexible, "{}", verdict.reason);
    assert!(
        !verdict.reason.contains("Yet on the validation curve"),
        "{}",
        verdict.reason
    );
    let better = (verdict.reason.split("does better at Max depth = ").nth(1))
        .and_then(|rest| rest.split(':').next())
        .and_then(|depth| depth.parse::<u32>().ok());
    assert!(better.is_some_and(|d| d < 12), "{}", verdict.reason);
}

/// Logistic regression on the moons under SGD: 300 epochs leave every point of the curve over
/// Features at the same 12.9 %, and the verdict asks for more features. The curve says why it is
/// flat (3,000 epochs take the most flexible setting far lower), and the verdict does not cite
/// it. With Adam the curve falls, needs no such note, and is cited.
#[test]
fn a_curve_flat_for_want_of_epochs_says_so_and_is_not_cited() {
    let sgd = grown("model=logistic&data=moons", 300);
    assert_eq!(sgd.sweep.key, Key::Features);
    let note = sgd.curve_outrun().expect("a note");
    assert!(
        note.starts_with(
            "At this learning rate 300 epochs are far from enough: at Features = 8 the first \
             fold's model reaches a training error of "
        ),
        "{note}"
    );
    let step = " in 3,000, a larger fall than the whole curve's, from Features = 1";
    assert!(note.contains(step), "{note}");
    assert!(
        note.ends_with(", or choose Adam, to compare them."),
        "{note}"
    );
    let (short_run, long_run) = (sgd.sweep.first_fold.unwrap(), sgd.sweep.reach.unwrap());
    assert!(short_run > long_run + 0.03, "{short_run} {long_run}");
    let verdict = sgd.diagnosis().unwrap();
    assert!(
        verdict.reason.contains("more Features"),
        "{}",
        verdict.reason
    );
    assert!(
        !verdict.reason.contains("validation curve"),
        "{}",
        verdict.reason
    );
    let adam = grown("model=logistic&data=moons&opt=adam", 300);
    assert_eq!(adam.curve_outrun(), None);
    let verdict = adam.diagnosis().unwrap();
    assert!(
        (verdict.reason).contains("The validation curve does clearly better at Features"),
        "{}",
        verdict.reason
    );
}

/// Boosting at a learning rate of 1 on XOR: 88 % of the test points right, a good fit by
/// accuracy, but sure of the ones it gets wrong (log-loss 1.16 against the constant guess's
/// 0.69). The verdict says its probabilities have overfit; at a learning rate of 0.1 they have
/// not, and nothing is said.
#[test]
fn boosting_sure_of_its_mistakes_is_told_its_probabilities_overfit() {
    let sure = grown("model=boosting&shrinkage=1&data=xor", 300);
    let verdict = sure.diagnosis().unwrap();
    assert_eq!(verdict.fit, Fit::GoodFit, "{}", verdict.reason);
    assert!(sure.test_score.loss > std::f64::consts::LN_2);
    assert!(
        (verdict.reason).contains("in its probabilities it has overfit"),
        "{}",
        verdict.reason
    );
    let calm = grown("model=boosting&data=xor", 300);
    let verdict = calm.diagnosis().unwrap();
    assert!(
        !verdict.reason.contains("probabilities"),
        "{}",
        verdict.reason
    );
}

/// A forest's expected error does not grow with its trees: a curve lower at fewer of them is
/// the folds' chance, and the verdict does not send the learner there (helper 76: "more trees
/// never overfit a forest … clearly better at Number of trees = 1" on noisy spirals).
#[test]
fn a_forest_is_never_sent_to_fewer_trees() {
    let s = grown("model=forest&data=spiral&noise=0.5&speed=max", 300);
    assert_eq!(s.sweep.key, Key::Trees);
    let current = s.config.position(Key::Trees);
    let lowest = s.sweep.positions[s.sweep.lowest_at().unwrap()];
    assert!(
        lowest < current,
        "the folds' lowest lies at fewer trees here"
    );
    let verdict = s.diagnosis().unwrap();
    assert!(
        !verdict.reason.contains("clearly better at Number of trees"),
        "{}",
        verdict.reason
    );
}

/// Helper 74's depth-2 tree on XOR: its greedy first split has nothing to go by but where the
/// points happen to lie, so it fits its training points as well as the rule that knows the
/// pattern (89 %) and misses on the test points (75 % against the rule's 88 %). The curve does
/// clearly better at depth 4: "too simple", not "make it less flexible" beside that curve.
#[test]
fn a_tree_that_misses_xor_with_the_curve_deeper_is_too_simple() {
    let verdict = grown("model=tree&depth=2&data=xor", 50)
        .diagnosis()
        .unwrap();
    assert_eq!(verdict.fit, Fit::TooSimple, "{}", verdict.reason);
    assert!(
        (verdict.reason).contains("Give it more flexibility: a larger max depth."),
        "{}",
        verdict.reason
    );
    assert!(
        (verdict.reason).contains("The validation curve does clearly better at Max depth = 4"),
        "{}",
        verdict.reason
    );
    assert!(
        !verdict.reason.contains("less flexible"),
        "{}",
        verdict.reason
    );
}

/// Overfitting whose cost does not show on these test points says so (helper 99: a tree of depth
/// 15 that learned its noise scored 78 % on its test points against the rule's 77 %, and the
/// verdict said only that what it learned does not carry over).
#[test]
fn an_overfit_whose_cost_does_not_show_on_the_test_points_says_so() {
    let verdict = grown("model=tree&depth=15&data=moons&noise=0.5", 300)
        .diagnosis()
        .unwrap();
    assert_eq!(verdict.fit, Fit::TooFlexible, "{}", verdict.reason);
    assert!(
        verdict.reason.contains(
            "On these test points it does not show: 78 %, against the rule's 77 %. Learned \
             noise costs accuracy on new points on average, not on every sample of them."
        ),
        "{}",
        verdict.reason
    );
}

/// A good fit by the test points whose validation curve does clearly better elsewhere says so:
/// boosting 200 stumps at a learning rate of 1 (the interview question "does boosting overfit?")
/// read only "the model captures the pattern" while the curve is clearly lower at 10 trees
/// (helper 62). A good fit whose curve agrees gets no note.
#[test]
fn a_good_fit_says_where_the_curve_does_clearly_better() {
    let verdict = |query: &str| grown(query, 300).diagnosis().unwrap();
    let boosting = "model=boosting&data=moons&noise=0.5&n=300&depth=1&shrinkage=1";
    // On its 90 test points a close call with a good fit; the curve settles it: overfitting
    // (helper 89: "Good fit" beside a curve clearly lower at 10 trees).
    let many = verdict(&format!("{boosting}&trees=200"));
    assert_eq!(many.fit, Fit::TooFlexible, "{}", many.reason);
    assert!(!many.close_call, "{}", many.reason);
    assert!(
        many.reason.contains(
            "far above that rule on its own training points, 100 % against 88 % (it has \
             learned some of their noise), and on the test points alone it is a close call with \
             a good fit, but the validation curve, which averages folds of the training points \
             and is the better judge, does better with less flexibility"
        ),
        "{}",
        many.reason
    );
    assert!(
        many.reason.contains(
            " The validation curve does better at Number of trees = 10: a cross-validated \
             error of 15.2 %, against 18.6 % at Number of trees = 200 (more than one standard \
             error apart"
        ),
        "{}",
        many.reason
    );
    let few = verdict(&format!("{boosting}&trees=20"));
    assert_eq!(few.fit, Fit::GoodFit, "{}", few.reason);
    assert!(
        !few.reason.contains("validation curve does"),
        "{}",
        few.reason
    );
}

#[test]
fn a_depth_1_tree_underfits_circles() {
    let mut s = lab("model=tree&depth=1&data=circles");
    run(&mut s, 10);
    assert_eq!(s.model.steps(), 1);
    assert!(!s.running, "a grown tree stops by itself");
    assert_eq!(s.diagnosis().unwrap().fit, Fit::TooSimple);
}

#[test]
fn logistic_with_squares_learns_circles_and_the_learning_rate_continues() {
    let mut s = lab("model=logistic&features=2&data=circles&noise=0.1&lr=0.1");
    run(&mut s, 500);
    assert!(
        s.test_score.accuracy.unwrap() > 0.9,
        "{}",
        s.test_score.accuracy.unwrap()
    );
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
    // 50 k values × 5 folds, one k-NN fit each, 3 per tick: sliced across frames.
    assert_eq!((s.sweep.fold_count(), ticks), (5, 84));
    let r = &s.sweep.results;
    assert_eq!(r[0].train, 0.0, "k = 1 makes no training error");
    assert!(
        r[0].cv.mean > r[0].train + 0.05,
        "but a visible cross-validation error: {:?}",
        r[0]
    );
    assert!(r[0].cv.sd > 0.0, "which differs from fold to fold");
    assert!(r[49].train > r[0].train);
    // The model's own default: depth for trees.
    apply(&mut s, Action::Set(Key::Model, 1));
    assert_eq!(s.sweep.key, Key::MaxDepth);
    while !s.sweep.is_done() {
        apply(&mut s, Action::SweepTick(50));
    }
    assert!(
        s.sweep.results[0].train > s.sweep.results[14].train,
        "deeper trees fit the training set better"
    );
}

fn neural(query: &str) -> PlaneLab {
    let (config, notices) = decode(&format!("lab=neural&{query}"));
    assert!(notices.is_empty(), "{notices:?}");
    PlaneLab::new(config, notices)
}

fn weights(s: &PlaneLab) -> Vec<f64> {
    match &*s.model {
        PlaneModel::Mlp(m) => m.params().to_vec(),
        other => panic!("not a network: {other:?}"),
    }
}

#[test]
fn neural_lab_learns_xor_and_training_settings_continue() {
    // (With ReLU, initialization 8 leaves this network stuck on XOR at 77 % for good: that is
    // what "Reset" — new initial weights — is for; `tests/verdicts.rs`.)
    let mut s = neural("data=xor&noise=0&lr=0.03&init=3");
    assert_eq!(s.config.model(), ModelKind::Mlp);
    run(&mut s, 300);
    assert!(
        s.train_score.accuracy.unwrap() > 0.97,
        "{}",
        s.train_score.accuracy.unwrap()
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
    // The README's classroom link.
    let all = "inputs=x1,x2,x1sq,x2sq,x1x2,sin1,sin2";
    let mut s = neural(&format!(
        "data=circles&layers=1&l1=4&{all}&opt=sgd&lr=0.1&reg=l1&lambda=0.01"
    ));
    run(&mut s, 1000);
    let (zeros, total) = s.zero_weights().unwrap();
    assert_eq!((zeros, total), (27, 36), "the README's figure");
    assert!(
        s.test_score.accuracy.unwrap() > 0.95,
        "{}",
        s.test_score.accuracy.unwrap()
    );
    // The network-lasso challenge's lesson: the large first-layer weights left (the layer's 7×4,
    // each neuron's row of 7 inputs) come from x₁² and x₂² (inputs 2 and 3) only.
    let PlaneModel::Mlp(net) = &*s.model else {
        panic!("a network")
    };
    let large: Vec<usize> = (net.params()[..28].iter().enumerate())
        .filter(|(_, w)| w.abs() > 0.5)
        .map(|(i, _)| i % 7)
        .collect();
    assert!(
        !large.is_empty() && large.iter().all(|&input| input == 2 || input == 3),
        "{large:?}"
    );
}

#[test]
fn l1_zeroes_network_weights_under_every_optimizer() {
    // The shrinkage follows the step each optimizer actually takes (see Optimizer::step_size),
    // so momentum and Adam zero weights as plain SGD does.
    let all = "inputs=x1,x2,x1sq,x2sq,x1x2,sin1,sin2";
    for (opt, lr) in [("momentum", "0.01"), ("adam", "0.01")] {
        let mut s = neural(&format!(
            "data=circles&layers=1&l1=4&{all}&opt={opt}&lr={lr}&reg=l1&lambda=0.01"
        ));
        run(&mut s, 1000);
        let (zeros, total) = s.zero_weights().unwrap();
        assert!(
            zeros >= 20 && total == 36,
            "{opt}: {zeros} of {total} weights are zero"
        );
        assert!(s.test_score.accuracy.unwrap() > 0.9, "{opt}");
    }
}

#[test]
fn regression_surfaces_are_learned_to_the_noise_floor() {
    // A plane is linear: no hidden layer needed. σ = 0.5 · noise 0.2 = 0.1, floor σ² = 0.01.
    let mut s = neural("data=plane&layers=0&noise=0.2");
    assert_eq!((s.data.classes, s.model.steps()), (1, 0));
    run(&mut s, 300);
    let (train, test) = (s.train_score.loss, s.test_score.loss);
    assert!(train < 0.015 && test < 0.02, "{train} {test}");
    assert_eq!(s.diagnosis().unwrap().fit, Fit::GoodFit);
    assert!(s.errors.records().is_empty(), "no error rate for numbers");
    // The bumps need hidden neurons: without, a plane is all a network can do.
    let mut flat = neural("data=bumps&layers=0&noise=0.2");
    run(&mut flat, 300);
    assert_eq!(flat.diagnosis().unwrap().fit, Fit::TooSimple);
    let mut deep = neural("data=bumps&layers=2&l1=8&l2=8&noise=0.2");
    run(&mut deep, 1500);
    let mse = deep.test_score.loss;
    assert!(mse < 0.03, "{mse}");
    // The validation curve measures MSE too.
    while !deep.sweep.is_done() {
        apply(&mut deep, Action::SweepTick(2000));
    }
    assert!(deep
        .sweep
        .results
        .iter()
        .all(|p| p.train.is_finite() && p.cv.mean.is_finite() && p.cv.sd.is_finite()));
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
    // The bumps, two layers of 8, Adam, the lab's batch 10 and learning rate 0.03: single epochs
    // spike (the current epoch alone is not a good fit in many snapshots); the verdict
    // judges the median of the last five recorded epochs.
    let mut s = neural("data=bumps&layers=2&l1=8&l2=8&opt=adam");
    run(&mut s, 1000);
    let (mut snapshots, mut spikes, mut underfit) = (0, 0, 0);
    while s.model.steps() < 4000 {
        apply(&mut s, Action::Tick(40));
        let v = s.data.values.as_ref().unwrap();
        // The current epoch alone: over 1.5·σ² + tol is high, as the verdict's rule says.
        let current_high =
            s.train_score.loss > 1.5 * v.noise_sd.powi(2) + 0.01 * variance(&v.train);
        let verdict = s.diagnosis().unwrap();
        // Said first, beside the figures the reader compares with the scores.
        assert!(
            verdict
                .reason
                .starts_with("Medians of the last five recorded epochs: training "),
            "{}",
            verdict.reason
        );
        // The score line's numbers are in it too, said to be the last epoch's alone.
        let last = format!(
            "the last epoch alone, as the scores show it: training {}, test {}.)",
            short(s.train_score.loss),
            short(s.test_score.loss)
        );
        assert!(verdict.reason.contains(&last), "{}", verdict.reason);
        snapshots += 1;
        spikes += usize::from(current_high);
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
    assert!(s.train_score.loss.is_finite());
}

/// At noise 0.9 the moons are so mixed that the best any model can expect is 76 %: k-NN near it
/// is not called too simple (below 85 % was, whatever the noise), and the verdict names the
/// ceiling. A straight line on noise-free circles is still too simple; hand-placed points have
/// no ceiling to name.
#[test]
fn classes_are_judged_against_the_best_the_noise_allows() {
    let s = lab("model=knn&k=15&data=moons&noise=0.9");
    let train = s.train_score.accuracy.unwrap();
    let verdict = s.diagnosis().unwrap();
    assert!(train < 0.85, "{train}");
    assert!(!verdict.fit.is_underfitting(), "{}", verdict.reason);
    assert!(
        verdict.reason.contains(
            "; the best any model can expect on average here is about 76 % (the noise mixes the \
             classes)"
        ),
        "{}",
        verdict.reason
    );
    let mut line = lab("model=logistic&features=1&data=circles&noise=0");
    run(&mut line, 500);
    let verdict = line.diagnosis().unwrap();
    assert_eq!(verdict.fit, Fit::TooSimple, "{}", verdict.reason);
    assert!(
        verdict.reason.contains(
            "is well below the 100 % the rule that knows the pattern scores on these training \
             points (on average the best is about 100 %: the classes hardly \
             overlap)"
        ),
        "{}",
        verdict.reason
    );
    let mut own = lab("model=knn&data=custom");
    for i in 0..20 {
        apply(&mut own, Action::SetBrush(Brush::Class(i % 2)));
        apply(&mut own, Action::AddPoint(i as f64 / 20.0, 0.0));
    }
    let verdict = own.diagnosis().unwrap();
    assert!(
        !verdict.reason.contains("the best any model"),
        "{}",
        verdict.reason
    );
}

#[test]
fn hand_placed_points_are_added_removed_and_cleared() {
    let mut s = lab("data=custom");
    assert!(s.data.train.is_empty() && s.diagnosis().is_none());
    for i in 0..10 {
        apply(&mut s, Action::SetBrush(Brush::Class(i % 2)));
        apply(&mut s, Action::AddPoint(i as f64 / 10.0, 0.0));
    }
    assert_eq!(s.data.train.len() + s.data.test.len(), 10);
    apply(&mut s, Action::RemoveNearest(0.31, 0.0));
    assert!(!s.config.custom.iter().any(|p| p.x1 == 0.3));
    // The eraser: a click removes the nearest point instead of adding one.
    apply(&mut s, Action::SetBrush(Brush::Erase));
    apply(&mut s, Action::AddPoint(0.69, 0.0));
    assert_eq!(s.config.custom.len(), 8);
    assert!(!s.config.custom.iter().any(|p| p.x1 == 0.7));
    apply(&mut s, Action::SetBrush(Brush::Class(7)));
    assert_eq!(s.lab.brush, Brush::Class(2), "three classes at most");
    apply(&mut s, Action::ClearPoints);
    assert!(s.config.custom.is_empty());
    // Generated data ignores clicks.
    let mut g = lab("data=moons");
    apply(&mut g, Action::AddPoint(0.0, 0.0));
    assert!(g.config.custom.is_empty());
}

#[test]
fn a_forest_grows_tree_by_tree_and_more_trees_go_on_from_there() {
    let mut s = lab("model=forest&trees=5&data=moons");
    apply(&mut s, Action::Step);
    assert_eq!(s.model.steps(), 1, "Step adds one tree");
    run(&mut s, 100);
    assert_eq!(s.model.steps(), 5);
    assert!(!s.running, "a grown forest stops by itself");
    let before = s.model.clone();
    apply(&mut s, Action::Set(Key::Trees, 4)); // 10 trees
    assert_eq!(
        s.model.steps(),
        5,
        "more trees continue from the grown ones"
    );
    run(&mut s, 100);
    assert_eq!(s.model.steps(), 10);
    let (PlaneModel::Forest(now), PlaneModel::Forest(then)) = (&*s.model, &*before) else {
        panic!("a forest");
    };
    assert_eq!(
        now.trees()[..5],
        then.trees()[..],
        "the first five are kept"
    );
    assert!(now.oob_error().is_some_and(|e| (0.0..0.5).contains(&e)));
}

/// Fewer trees after they grew: the page is the smaller ensemble's at once (scores, history,
/// parameters), as if it had been grown with that many, not the large one's until Play.
#[test]
fn fewer_trees_score_the_kept_trees_at_once() {
    for model in ["forest", "boosting"] {
        let query = format!("model={model}&data=moons&noise=0.6");
        let mut s = lab(&format!("{query}&trees=50"));
        run(&mut s, 100);
        let version = s.version;
        apply(&mut s, Action::Set(Key::Trees, 1)); // 2 trees
        let mut two = lab(&format!("{query}&trees=2"));
        run(&mut two, 100);
        assert_eq!(s.model.steps(), 2, "{model}");
        assert!(s.version > version, "{model}: the page redraws");
        assert_eq!(s.train_score.loss, two.train_score.loss, "{model}");
        assert_eq!(s.test_score.accuracy, two.test_score.accuracy, "{model}");
        assert_eq!(s.model.parameters(), two.model.parameters(), "{model}");
        assert_eq!(s.history.records().last().unwrap().epoch, 2, "{model}");
        assert_eq!(
            s.errors.records().len(),
            two.errors.records().len(),
            "{model}"
        );
    }
}

#[test]
fn boosting_adds_rounds_and_its_map_is_its_prediction() {
    let mut s = lab("model=boosting&trees=20&data=three");
    run(&mut s, 100);
    assert_eq!((s.model.steps(), s.data.classes), (20, 3));
    let xs = [-0.8, 0.1, 0.7];
    let grid = s.model.predict_grid(&xs, &xs, 3);
    let cells: Vec<(f64, f64)> = xs
        .iter()
        .flat_map(|&x2| xs.iter().map(move |&x1| (x1, x2)))
        .collect();
    assert_eq!(grid, s.model.predict_points(&cells, 3));
    for name in ["model=forest&features=3", "model=forest"] {
        let mut f = lab(name);
        run(&mut f, 100);
        assert_eq!(
            f.model.predict_grid(&xs, &xs, 2),
            f.model.predict_points(&cells, 2),
            "{name}"
        );
    }
}

/// Paused, a projector shows the verdict and the score line at once: the verdict judges medians
/// of five epochs (77 %), the score line the last epoch (77.6 %); the verdict quotes both.
#[test]
fn the_network_verdict_quotes_the_score_lines_figures_too() {
    let mut s = neural("data=xor&noise=0&act=relu&init=8");
    run(&mut s, 300);
    apply(&mut s, Action::Pause);
    let (train, test) = (
        s.train_score.accuracy.unwrap(),
        s.test_score.accuracy.unwrap(),
    );
    let reason = s.diagnosis().unwrap().reason;
    let last = format!("training {}, test {}.)", percent(train), percent(test));
    assert!(reason.contains(&last), "{reason}");
}

/// Linear hidden layers compose to one linear map: on the spiral the verdict says too simple,
/// and its remedy is a nonlinear activation, not more of the layers that cannot bend.
#[test]
fn a_linear_network_is_told_to_bend_not_to_grow() {
    let mut s = neural("data=spiral&act=linear&layers=3&lr=0.03");
    run(&mut s, 300);
    let verdict = s.diagnosis().unwrap();
    assert!(verdict.fit.is_underfitting(), "{verdict:?}");
    assert!(
        verdict.reason.contains("a nonlinear activation"),
        "{}",
        verdict.reason
    );
    assert!(
        !verdict.reason.contains("more neurons"),
        "{}",
        verdict.reason
    );
    let mut bare = neural("data=spiral&layers=0&lr=0.03");
    run(&mut bare, 300);
    let verdict = bare.diagnosis().unwrap();
    assert!(
        verdict.reason.contains("a hidden layer"),
        "{}",
        verdict.reason
    );
}

/// Without hidden layers the activation has nothing to act on: the page says so, and it is true
/// (tanh and linear train the same weights; ReLU starts them √2 × larger, nothing else).
#[test]
fn the_activation_has_no_effect_without_hidden_layers() {
    let lab = |act: &str| {
        let s = neural(&format!("data=circles&layers=0&act={act}"));
        assert!(s.config.no_effect(Key::Activation, 100).is_some(), "{act}");
        s
    };
    let trained = |act: &str| {
        let mut s = lab(act);
        run(&mut s, 50);
        weights(&s)
    };
    assert_eq!(trained("linear"), trained("tanh"));
    let (relu, tanh) = (weights(&lab("relu")), weights(&lab("tanh")));
    for (r, t) in relu.iter().zip(&tanh) {
        assert!((r - 2f64.sqrt() * t).abs() < 1e-12, "{r} {t}");
    }
    let layered = neural("data=circles&layers=1&act=relu");
    assert!(layered.config.no_effect(Key::Activation, 100).is_none());
}

/// A learning rate of 10⁻⁴ on circles: the loss falls about 1 % per 100 epochs, with mini-batch
/// noise. That is still training (the interview question "still-training-plot" shows this very
/// link), not a network stuck on a plateau that Reset would cure.
#[test]
fn a_tiny_learning_rate_is_still_training_not_stuck() {
    let mut s = neural("data=circles&opt=sgd&lr=0.0001");
    apply(&mut s, Action::Play);
    for _ in 0..10 {
        apply(&mut s, Action::Tick(100));
        let fit = s.diagnosis().unwrap().fit;
        assert_eq!(fit, Fit::StillTraining, "epoch {}", s.model.steps());
    }
}

/// A sigmoid network starts on a flat stretch at what a constant guess scores (ln 2 on two equal
/// classes) and leaves it by itself after about 500 epochs (helper 44: it read "Stuck … Press
/// Reset" for epochs 7 to 470). Still training, and the verdict says why; then a good fit.
#[test]
fn a_sigmoid_network_on_its_flat_start_is_still_training() {
    for query in ["act=sigmoid", "act=sigmoid&init=5", "act=sigmoid&data=xor"] {
        let mut s = neural(query);
        apply(&mut s, Action::Play);
        for _ in 0..40 {
            apply(&mut s, Action::Tick(10));
            let verdict = s.diagnosis().unwrap();
            assert_eq!(
                verdict.fit,
                Fit::StillTraining,
                "{query} epoch {}",
                s.model.steps()
            );
        }
        let verdict = s.diagnosis().unwrap();
        assert!(
            verdict.reason.contains("what a constant guess scores"),
            "{}",
            verdict.reason
        );
        apply(&mut s, Action::Tick(2000));
        assert_eq!(s.diagnosis().unwrap().fit, Fit::GoodFit, "{query}");
    }
}

/// The walkthrough's two wrong verdicts, checked against the truth: the model's accuracy on
/// 20,000 fresh points from the same pattern, against the best any model can expect there.
/// - k = 5 on noisy moons scored 72 % on its 60 test points and was called too flexible; the
///   rule that knows the pattern scores 72 % on those same points, and on fresh points the
///   model is within 2 points of the best.
/// - A depth-3 tree on circles (95 % training, 88 % test) was called a good fit; on fresh points
///   it is 9 points short of the best, and depth 4 (the next step) is within 2.
#[test]
fn verdicts_agree_with_fresh_points() {
    use crate::data::bayes::bayes_accuracy;
    use crate::data::classification::{generate, Pattern};
    let fresh = |s: &PlaneLab, pattern: Pattern| {
        let noise = s.config.number(Key::Noise);
        let points = generate(pattern, 20_000, noise, 1.0, 777).train;
        let set = PlaneSet {
            points,
            values: None,
            classes: 2,
        };
        bayes_accuracy(pattern, noise) - s.model.score(&set).accuracy.unwrap()
    };
    let cases = [
        (
            "model=knn&k=5&data=moons&noise=0.6",
            Pattern::Moons,
            Fit::GoodFit,
        ),
        (
            "model=tree&data=moons&noise=0.6&depth=15&leaf=10",
            Pattern::Moons,
            Fit::GoodFit,
        ),
        (
            "model=tree&data=circles&depth=3",
            Pattern::Circles,
            Fit::TooSimple,
        ),
        (
            "model=tree&data=circles&depth=4",
            Pattern::Circles,
            Fit::GoodFit,
        ),
        // A forest of depth-5 trees fits its training points at 93 % where the rule that knows
        // the pattern scores 82 %, and its test accuracy, 80 %, is the rule's 81 %: averaging
        // carried the pattern over (once called "too flexible"; within 4 points on fresh points).
        (
            "model=forest&data=moons&noise=0.6&n=300&depth=5",
            Pattern::Moons,
            Fit::GoodFit,
        ),
    ];
    for (query, pattern, fit) in cases {
        let mut s = lab(query);
        run(&mut s, 60);
        let short = fresh(&s, pattern);
        assert_eq!(short < 0.045, fit == Fit::GoodFit, "{query}: {short}");
        let verdict = s.diagnosis().unwrap();
        assert_eq!(verdict.fit, fit, "{query}: {}", verdict.reason);
    }
}

/// A tree still growing is not judged "too simple, however long it trains" (two more levels
/// make it a good fit), and a grown one is not "still falling" (nothing is left to learn).
#[test]
fn a_growing_tree_is_still_training_and_a_grown_one_has_settled() {
    let mut s = lab("model=tree&depth=4&data=circles&noise=0.2");
    apply(&mut s, Action::Step);
    apply(&mut s, Action::Step);
    let verdict = s.diagnosis().unwrap();
    assert_eq!(verdict.fit, Fit::StillTraining, "{}", verdict.reason);
    assert!(
        verdict.reason.contains("still growing"),
        "{}",
        verdict.reason
    );
    run(&mut s, 10);
    assert_eq!(s.model.is_finished(), Some(true));
    let verdict = s.diagnosis().unwrap();
    assert_eq!(verdict.fit, Fit::GoodFit, "{}", verdict.reason);
    let mut deep = lab("model=tree&depth=8&data=moons&noise=0.2");
    run(&mut deep, 20);
    let verdict = deep.diagnosis().unwrap();
    assert!(
        !verdict.reason.contains("still falling"),
        "{}",
        verdict.reason
    );
}

/// Boosting stumps are not told to be shallower than depth 1: the remedy names what can still
/// move (fewer trees, a lower learning rate); deeper trees are.
#[test]
fn stumps_are_not_told_to_be_shallower() {
    let stumps = lab("model=boosting&data=moons&noise=0.5&n=300&depth=1&shrinkage=1");
    let less = <Plane as LabKind>::levers(&stumps).less;
    assert_eq!(less, "fewer trees or a lower learning rate");
    let deeper = lab("model=boosting&depth=3");
    assert!(<Plane as LabKind>::levers(&deeper)
        .less
        .contains("shallower trees"));
    let tree = lab("model=tree&depth=1");
    assert_eq!(
        <Plane as LabKind>::levers(&tree).less,
        "more samples per leaf"
    );
}

/// The stuck-XOR figure the lesson, the question, the challenge and the README quote: about
/// 77 % of the training and of the test points from ReLU initialization 8. From the same start a
/// tanh network (the default) solves XOR, so the texts name ReLU (helper 68).
#[test]
fn relu_xor_from_initialization_8_stalls_at_about_77_percent_and_tanh_does_not() {
    let mut relu = neural("data=xor&noise=0&act=relu&init=8");
    run(&mut relu, 3000);
    for score in [&relu.train_score, &relu.test_score] {
        let accuracy = score.accuracy.unwrap();
        assert!((accuracy - 0.77).abs() < 0.01, "{accuracy}");
    }
    assert_eq!(relu.diagnosis().unwrap().fit, Fit::Stuck);
    let mut tanh = neural("data=xor&noise=0&init=8");
    run(&mut tanh, 3000);
    assert_eq!(tanh.diagnosis().unwrap().fit, Fit::GoodFit);
}

/// A remedy names only what can still move and change something (helper 67): not deeper trees
/// when each boosting round's subsample is too small to split, not a higher learning rate at the
/// highest, not more features per split at All, not a smaller k at 1.
#[test]
fn remedies_leave_out_controls_at_their_end_or_without_effect() {
    let more = |q: &str| <Plane as LabKind>::levers(&lab(q)).more;
    // (Fewer samples per leaf is the lever that frees boosting's trees to split again.)
    assert_eq!(
        more("model=boosting&subsample=0.1&leaf=10"),
        "more trees, a higher learning rate or fewer samples per leaf"
    );
    assert_eq!(
        more("model=boosting&shrinkage=1&depth=15&leaf=1"),
        "more trees"
    );
    assert_eq!(more("model=forest&maxfeat=all&leaf=1"), "deeper trees");
    // √ of x₁, x₂ is one feature, as One is; All is two (helper 70).
    assert_eq!(
        more("model=forest&features=1&maxfeat=sqrt&leaf=1&depth=15"),
        "more features per split"
    );
    assert_eq!(more("model=knn&k=1"), NONE_LEFT);
    // A network at the largest λ is not told to raise it.
    let less = |q: &str| <Plane as LabKind>::levers(&neural(q)).less;
    assert_eq!(
        less("reg=l2&lambda=0.1"),
        "fewer neurons, or regularization (a larger λ)"
    );
    assert_eq!(less("reg=l2&lambda=10"), "fewer neurons");
    // Without a penalty chosen, a larger λ does nothing yet (helper 72).
    assert_eq!(
        less("reg=none&lambda=1"),
        "fewer neurons, or regularization (L2 or L1, with a λ above 0)"
    );
    assert_eq!(
        <Plane as LabKind>::levers(&lab("model=logistic&features=1")).less,
        "regularization (L2 or L1, with a λ above 0)"
    );
}

/// Hand-placed points of one class have nothing to learn: no verdict (it said "Good fit" at
/// 100 %), until a point of another class joins the training points.
#[test]
fn points_of_one_class_get_no_verdict() {
    let mut s = lab("model=logistic&data=custom");
    for i in 0..6 {
        apply(&mut s, Action::AddPoint(i as f64 / 6.0, 0.2));
    }
    run(&mut s, 20);
    assert!(s.data.one_class());
    assert_eq!(s.diagnosis(), None);
    apply(&mut s, Action::SetBrush(Brush::Class(1)));
    for i in 0..6 {
        apply(&mut s, Action::AddPoint(i as f64 / 6.0, -0.6));
    }
    run(&mut s, 20);
    assert!(!s.data.one_class());
    assert!(s.diagnosis().is_some());
}

/// Leaves of 50 points or more stop a tree on circles at depth 1 of the 6 allowed (helper 44: the
/// remedy still offered "a larger max depth"): the remedy names only the minimum per leaf, and a
/// smaller minimum does let it grow deeper; a tree that its depth stopped keeps both remedies.
#[test]
fn a_tree_stopped_by_its_leaves_is_not_told_to_grow_deeper() {
    let mut s = lab("model=tree&data=circles&leaf=50&depth=6");
    run(&mut s, 10);
    assert_eq!((s.model.steps(), s.model.is_finished()), (1, Some(true)));
    let verdict = s.diagnosis().unwrap();
    assert_eq!(verdict.fit, Fit::TooSimple, "{}", verdict.reason);
    assert!(
        !verdict.reason.contains("a larger max depth or"),
        "{}",
        verdict.reason
    );
    assert!(
        verdict
            .reason
            .contains("fewer samples per leaf (the minimum"),
        "{}",
        verdict.reason
    );
    let mut deeper = lab("model=tree&data=circles&leaf=50&depth=15");
    run(&mut deeper, 20);
    assert_eq!(
        deeper.model.steps(),
        1,
        "a larger max depth changes nothing"
    );
    let mut smaller = lab("model=tree&data=circles&leaf=10&depth=6");
    run(&mut smaller, 10);
    assert!(smaller.model.steps() > 1);
    let mut shallow = lab("model=tree&data=circles&depth=2&leaf=2");
    run(&mut shallow, 10);
    let reason = shallow.diagnosis().unwrap().reason;
    assert!(
        reason.contains("a larger max depth or fewer samples per leaf"),
        "{reason}"
    );
}

/// Leaves that need more than half the training points: no split is possible, the tree is done
/// at once (helper 44: the verdict waited for a step that never came), and Max depth says it
/// has no effect.
#[test]
fn a_tree_that_cannot_split_is_judged_and_depth_says_why_it_does_nothing() {
    let mut s = lab("model=tree&data=moons&noise=0.4&n=50&leaf=20&depth=15");
    assert_eq!(s.data.train.len(), 35);
    let note = s.config.no_effect(Key::MaxDepth, 35).expect("a note");
    assert!(note.contains("no split of 35 training points"), "{note}");
    assert_eq!(s.config.no_effect(Key::MaxDepth, 40), None);
    run(&mut s, 10);
    assert_eq!((s.model.steps(), s.model.is_finished()), (0, Some(true)));
    let verdict = s.diagnosis().expect("a verdict");
    assert!(
        verdict.reason.contains("fewer samples per leaf"),
        "{}",
        verdict.reason
    );
}

/// A forest of one tree, or of one tree copied, averages nothing: it is judged as that tree is,
/// not excused as an ensemble that learned its training points' noise (helper 59: one such
/// forest at 91 % training, 62 % test read "Good fit" where the tree itself read "Overfitting").
#[test]
fn a_forest_of_one_tree_is_judged_as_a_tree() {
    let data = "depth=4&features=2&data=moons&noise=0.6&speed=max";
    let verdict = |query: &str| {
        let mut s = lab(query);
        run(&mut s, 60);
        let d = s.diagnosis().expect("a verdict");
        (d.fit, s.train_score.accuracy, s.test_score.accuracy)
    };
    let tree = verdict(&format!("model=tree&{data}"));
    assert_eq!(tree.0, Fit::TooFlexible, "{tree:?}");
    for forest in [
        "trees=1&bootstrap=off&maxfeat=all",
        "trees=50&bootstrap=off&maxfeat=all",
    ] {
        // (Its trees split x₁², x₁x₂, x₂² too: a tree of its own, judged by the same rules.)
        let f = verdict(&format!("model=forest&{forest}&{data}"));
        assert_eq!(f.0, Fit::TooFlexible, "{forest}: {f:?}");
    }
    // Trees that differ are an average, and only the test accuracy judges them.
    let averaging = |q: &str| {
        super::ceiling(&lab(q).config, &lab(q).data)
            .unwrap()
            .averages
    };
    assert!(averaging(&format!("model=forest&trees=50&{data}")));
    assert!(averaging(&format!("model=boosting&{data}")));
    assert!(!averaging(&format!("model=forest&trees=1&{data}")));
    assert!(!averaging(&format!(
        "model=forest&trees=50&bootstrap=off&maxfeat=all&{data}"
    )));
}

/// A forest whose trees cannot differ (no bootstrap, every feature at every split): the number
/// of trees changes nothing, and says so; √ of two features is one feature (helper 44).
#[test]
fn forest_controls_without_effect_say_so() {
    let query = "model=forest&data=moons&noise=0.4&bootstrap=off&maxfeat=all";
    let mut s = lab(query);
    let note = s.config.no_effect(Key::Trees, 200).expect("a note");
    assert!(note.contains("every tree is the same"), "{note}");
    run(&mut s, 3);
    let three = s.test_score.accuracy;
    run(&mut s, 20);
    assert_eq!(s.model.steps(), 23);
    assert_eq!(s.test_score.accuracy, three);
    for other in ["bootstrap=on&maxfeat=all", "bootstrap=off&maxfeat=sqrt"] {
        let c = lab(&format!("model=forest&{other}")).config;
        assert_eq!(c.no_effect(Key::Trees, 200), None, "{other}");
    }
    let two = lab("model=forest&features=1&maxfeat=sqrt").config;
    let note = two.no_effect(Key::MaxFeatures, 200).expect("a note");
    assert!(
        note.starts_with("With 2 features, √2 rounds down to 1"),
        "{note}"
    );
    let nine = lab("model=forest&features=3&maxfeat=sqrt").config;
    assert_eq!(nine.no_effect(Key::MaxFeatures, 200), None);
}

/// Trees and ensembles learn as many numbers as their data lets them (thousands in a forest),
/// so "too few training points for N learned numbers" would be the wrong cause: a deep forest
/// that gets every training point right is too flexible, and the remedy names depth and leaf
/// size. The count the verdict uses is the one the model's shape fixes before training (helper
/// 50 asked, reading the rule alone).
#[test]
fn a_deep_forest_fitting_every_point_is_too_flexible_not_short_of_points() {
    for query in [
        "model=forest&data=moons&noise=0.6&depth=15&trees=50&n=100",
        "model=tree&data=moons&noise=0.6&depth=15&n=100",
        "model=boosting&data=moons&noise=0.6&depth=5&trees=200&shrinkage=1&n=100",
    ] {
        let mut s = lab(query);
        run(&mut s, 400);
        let d = s.diagnosis().expect("a verdict");
        assert_ne!(d.fit, Fit::TooFewPoints, "{query}: {}", d.reason);
        assert!(
            !d.reason.contains("learned numbers"),
            "{query}: {}",
            d.reason
        );
        if d.fit.is_overfitting() {
            assert!(d.reason.contains("depth"), "{query}: {}", d.reason);
        }
    }
}

/// Helper 56: on the default circles a decision tree's max depth 5, min samples per leaf 2 and
/// entropy each grew the very same tree, silently. Each note is checked against the trees the
/// other settings grow; on noisy moons the limits bind and no note is made.
#[test]
fn a_tree_limit_that_does_not_bind_says_so_and_is_true() {
    let grown = |query: &str| {
        let mut s = lab(query);
        run(&mut s, 20);
        let PlaneModel::Tree(t) = &*s.model else {
            panic!("{query}")
        };
        t.nodes().to_vec()
    };
    let questions =
        |nodes: &[crate::ml::tree::Node]| -> Vec<_> { nodes.iter().map(|n| n.split).collect() };
    let circles = lab("model=tree&data=circles");
    let notes = circles.slight_effects();
    let keys: Vec<Key> = notes.iter().map(|(k, _)| *k).collect();
    assert_eq!(
        keys,
        [Key::MaxDepth, Key::MinLeaf, Key::Criterion],
        "{notes:?}"
    );
    let base = grown("model=tree&data=circles");
    assert_eq!(grown("model=tree&data=circles&depth=8"), base);
    let smallest = notes[1].1.split("holds ").nth(1).unwrap();
    let smallest: usize = smallest.split(' ').next().unwrap().parse().unwrap();
    assert!(smallest > 1, "{}", notes[1].1);
    assert_eq!(
        grown(&format!("model=tree&data=circles&leaf={smallest}")),
        base
    );
    assert_ne!(
        grown(&format!("model=tree&data=circles&leaf={}", smallest + 1)),
        base,
        "one more binds"
    );
    assert_eq!(
        questions(&grown("model=tree&data=circles&criterion=entropy")),
        questions(&base)
    );
    // Noisy moons: a deeper tree, larger leaves and the other impurity all change it.
    let moons = lab("model=tree&data=moons&noise=0.5");
    assert!(
        moons.slight_effects().is_empty(),
        "{:?}",
        moons.slight_effects()
    );
    let base = grown("model=tree&data=moons&noise=0.5");
    assert_ne!(grown("model=tree&data=moons&noise=0.5&depth=5"), base);
    assert_ne!(
        questions(&grown("model=tree&data=moons&noise=0.5&criterion=entropy")),
        questions(&base)
    );
}

/// Helper 56: on the default circles k-NN's distance weighting changed next to nothing of the
/// map, silently. The note's share is checked against the two weightings' own models, built
/// from their links and compared on a grid eight times finer; where the weighting matters
/// (noisy moons, k = 15) no note is made.
#[test]
fn a_weighting_that_barely_changes_the_map_says_so_and_is_true() {
    let share_changed = |query: &str| {
        let maps: Vec<Vec<usize>> = ["uniform", "distance"]
            .iter()
            .map(|w| {
                let s = lab(&format!("{query}&weight={w}"));
                let PlaneModel::Knn(knn) = &*s.model else {
                    panic!("{query}")
                };
                let (mut scratch, mut out) = (Vec::new(), vec![0.0; s.data.classes]);
                let cells = 240;
                let at = |c: usize| -1.4 + (c as f64 + 0.5) * 2.8 / cells as f64;
                (0..cells * cells)
                    .map(|c| {
                        knn.proba(at(c / cells), at(c % cells), &mut scratch, &mut out);
                        crate::ml::metrics::argmax(&out)
                    })
                    .collect()
            })
            .collect();
        let changed = (maps[0].iter().zip(&maps[1]))
            .filter(|(a, b)| a != b)
            .count();
        100.0 * changed as f64 / maps[0].len() as f64
    };
    for query in ["model=knn", "model=knn&data=blobs"] {
        let notes = lab(query).slight_effects().to_vec();
        assert_eq!(notes.len(), 1, "{query}: {notes:?}");
        assert_eq!(notes[0].0, Key::Weighting);
        let fine = share_changed(query);
        let said = &notes[0].1;
        if said.contains("almost none") {
            assert!(fine < 0.2, "{query}: {fine} % against {said}");
        } else {
            let shown: f64 = said
                .split("only ")
                .nth(1)
                .unwrap()
                .split(' ')
                .next()
                .unwrap()
                .parse()
                .unwrap();
            assert!(
                (fine - shown).abs() < 0.4,
                "{query}: {fine} % against {said}"
            );
        }
        // The same note, whichever weighting is chosen.
        assert_eq!(
            lab(&format!("{query}&weight=distance")).slight_effects(),
            notes
        );
    }
    let moons = "model=knn&data=moons&noise=0.4&k=15";
    assert!(lab(moons).slight_effects().is_empty());
    assert!(share_changed(moons) > 1.0, "{}", share_changed(moons));
    // At k = 1 the weighting can change nothing, which `no_effect` says instead.
    assert!(lab("model=knn&k=1").slight_effects().is_empty());
}

/// Training stops with the last tree, in the tick that grows it, not a tick later: the page's
/// frame that shows the last tree is then no longer a running frame (an ensemble's throttled
/// charts were sometimes redrawn in it under load, making it late).
#[test]
fn an_ensemble_stops_running_with_its_last_tree() {
    for model in ["forest", "boosting"] {
        let mut s = lab(&format!("model={model}&trees=3"));
        apply(&mut s, Action::Play);
        apply(&mut s, Action::Tick(2));
        assert!(s.running, "{model}");
        apply(&mut s, Action::Tick(1));
        assert_eq!(s.model.steps(), 3, "{model}");
        assert!(!s.running, "{model}: still running after its last tree");
    }
    let mut tree = lab("model=tree&data=circles&depth=2");
    apply(&mut tree, Action::Play);
    apply(&mut tree, Action::Tick(2));
    assert!(!tree.running, "a tree stops with its last level");
}

/// Helper 55: k = 2 on noisy moons read "Good fit" where k = 1 read "Overfitting" at the same
/// test accuracy. The verdict now says why its training accuracy fell: ties. Counted here by
/// brute force (k = 2: a point and its nearest other point tie when their classes differ), and
/// every training point k = 2 gets wrong is an orange point whose vote tied.
#[test]
fn an_even_k_says_its_ties_cost_training_accuracy() {
    for seed in [42, 1, 2] {
        let s = lab(&format!("model=knn&data=moons&noise=0.4&k=2&seed={seed}"));
        let train = &s.data.train;
        let tied: Vec<bool> = (0..train.len())
            .map(|i| {
                let d = |j: usize| {
                    (train[i].x1 - train[j].x1).powi(2) + (train[i].x2 - train[j].x2).powi(2)
                };
                let nearest = (0..train.len())
                    .filter(|&j| j != i)
                    .min_by(|&a, &b| d(a).total_cmp(&d(b)).then(a.cmp(&b)))
                    .unwrap();
                train[nearest].class != train[i].class
            })
            .collect();
        let ties = tied.iter().filter(|t| **t).count();
        let reason = s.diagnosis().unwrap().reason;
        let said = format!(
            "k = 2 is even: the votes of {ties} of the {} training points tie",
            train.len()
        );
        assert!(reason.contains(&said), "{said} / {reason}");
        let wrong = (1.0 - s.train_score.accuracy.unwrap()) * train.len() as f64;
        let orange_ties = (0..train.len())
            .filter(|&i| tied[i] && train[i].class == 1)
            .count();
        assert_eq!(wrong.round() as usize, orange_ties, "seed {seed}");
    }
    for other in [
        "data=moons&noise=0.4&k=3",
        "data=moons&noise=0.4&k=2&weight=distance",
        "data=three&noise=0.4&k=2",
    ] {
        let s = lab(&format!("model=knn&{other}"));
        let reason = s.diagnosis().map(|d| d.reason).unwrap_or_default();
        assert!(!reason.contains("is even"), "{other}: {reason}");
    }
}

/// Helper 72's network of three layers of 16 on the spiral at noise 0.5: stuck at the class
/// shares (its training log-loss above the constant guess's), while the rule that knows the
/// pattern scores only 52 % on these training points. It read "Good fit (a close call)"; it is
/// stuck, as the same network reads at noise 0.3, and the verdict says it has learned nothing;
/// its remedy, a lower learning rate and Reset, trains it (helper 77: "add neurons" was no cure,
/// 16 a layer being the most there are).
#[test]
fn a_network_stuck_at_the_class_shares_on_a_noisy_spiral_is_stuck() {
    for noise in ["0.3", "0.5"] {
        let mut s = neural(&format!(
            "data=spiral&layers=3&l1=16&l2=16&l3=16&opt=adam&noise={noise}"
        ));
        apply(&mut s, Action::Play);
        // Past its first thousand epochs, never "still falling … or raise the learning rate":
        // its loss at the guess's only jitters (helper 89 read that at epoch 1,701).
        for _ in 0..20 {
            apply(&mut s, Action::Tick(250));
            let d = s.diagnosis().unwrap();
            assert!(
                s.model.steps() < 1000 || d.fit == Fit::Stuck,
                "{noise}, epoch {}: {}",
                s.model.steps(),
                d.reason
            );
        }
        let verdict = s.diagnosis().unwrap();
        assert_eq!(verdict.fit, Fit::Stuck, "{noise}: {}", verdict.reason);
        if noise == "0.5" {
            assert!(
                verdict
                    .reason
                    .contains("it has learned nothing of the pattern"),
                "{}",
                verdict.reason
            );
        }
        // At both noises the remedy is the class shares' (helper 78: at 0.3 it read "add
        // neurons", at 16 a layer the most there are).
        assert!(
            verdict
                .reason
                .contains("lower the learning rate and press Reset")
                && !verdict.reason.contains("add neurons"),
            "{noise}: {}",
            verdict.reason
        );
        // Its remedy works: a lower learning rate (0.01) and Reset, and it learns its points.
        let rates = Key::LearningRate.spec().domain;
        let lower = (0..rates.len()).find(|&p| rates.number(p) == 0.01).unwrap();
        apply(&mut s, Action::Set(Key::LearningRate, lower));
        apply(&mut s, Action::Reset);
        apply(&mut s, Action::Play);
        apply(&mut s, Action::Tick(5000));
        let trained = s.train_score.accuracy.unwrap();
        assert!(trained > 0.8, "{noise}: {trained}");
    }
}

/// Helper 80: k = 140 on the moons drew a near-neutral map that read as "nothing". With every
/// training point voting, the note names the majority class and its share, counted here from
/// the training points, and the model does predict that class at every place of a fine grid.
/// Distance weights make the votes differ from place to place: no such note.
#[test]
fn k_as_large_as_the_training_set_says_every_point_votes_for_the_majority() {
    let s = lab("model=knn&k=140&data=moons");
    let train = s.train_set();
    assert_eq!(train.points.len(), 140);
    let orange = train.points.iter().filter(|p| p.class == 1).count();
    let (class, share) = match orange * 2 > 140 {
        true => ("orange", orange),
        false => ("blue", 140 - orange),
    };
    let notes = s.slight_effects().to_vec();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0].0, Key::K);
    assert_eq!(
        notes[0].1,
        format!(
            "Every training point votes everywhere (k = 140 of 140): the whole plot gets the \
             majority's class, {class}, pale because only {:.0} % of the votes are {class}.",
            100.0 * share as f64 / 140.0
        )
    );
    let PlaneModel::Knn(knn) = &*s.model else {
        panic!("k-NN")
    };
    let (mut scratch, mut out) = (Vec::new(), vec![0.0; 2]);
    let want = usize::from(class == "orange");
    for c in 0..60 * 60 {
        let at = |i: usize| -1.4 + (i as f64 + 0.5) * 2.8 / 60.0;
        knn.proba(at(c / 60), at(c % 60), &mut scratch, &mut out);
        assert_eq!(crate::ml::metrics::argmax(&out), want);
    }
    let distance = lab("model=knn&k=140&data=moons&weight=distance");
    assert!(
        (distance.slight_effects().iter()).all(|(k, _)| *k != Key::K),
        "{:?}",
        distance.slight_effects()
    );
}

/// A gap of 1.0001 standard errors (two training points in 140) is the rule's difference, not a
/// clear one (helper 86: k = 17 on the cv-k challenge's moons read "clearly better").
#[test]
fn a_gap_at_the_edge_of_one_standard_error_reads_if_only_just() {
    let s = grown("model=knn&data=moons&noise=0.4&k=17", 1);
    let d = s.diagnosis().unwrap();
    assert!(
        d.reason.contains(
            "But the validation curve does better at k = 11, if only just: a cross-validated \
             error of 9.3 %, against 10.7 % at k = 17 (only just over one standard error apart"
        ),
        "{}",
        d.reason
    );
}

/// A hidden layer of one neuron passes all the network knows of a point through one number:
/// its boundary is parallel lines, and on XOR that is too simple, not stuck (helper 87).
#[test]
fn one_neuron_on_xor_is_too_simple_not_stuck() {
    let (config, _) = decode("lab=neural&layers=1&l1=1&data=xor");
    let mut s = PlaneLab::new(config, Vec::new());
    run(&mut s, 20_000);
    let d = s.diagnosis().unwrap();
    assert_eq!(d.fit, Fit::TooSimple, "{}", d.reason);
    assert!(d.reason.contains("more neurons or layers"), "{}", d.reason);
}

/// While boosting grows, the curve's point at the control's value is the full model's, not the
/// one on the page: the verdict does not cite it until the model is grown (helper 87: at tree
/// 21 of 50 it compared the curve at 50 trees).
#[test]
fn a_growing_ensemble_hears_no_curve_note_until_grown() {
    let mut s = lab("model=boosting");
    while !s.sweep.is_done() {
        apply(&mut s, Action::SweepTick(1000));
    }
    run(&mut s, 21);
    assert_eq!(s.model.steps(), 21);
    let d = s.diagnosis().unwrap();
    assert!(!d.reason.contains("validation curve"), "{}", d.reason);
    run(&mut s, 100);
    assert_eq!(s.model.is_finished(), Some(true));
    let d = s.diagnosis().unwrap();
    assert!(d.reason.contains("validation curve"), "{}", d.reason);
}

/// A network that has learned its training points' noise (99 % where the best is about 60 %)
/// overfits; the jumps of its loss under Adam are no cause (helper 89: "the steps overshoot …
/// Lower the learning rate", which cured nothing).
#[test]
fn a_network_that_learned_the_noise_overfits_whatever_its_loss_jumps() {
    let mut s = neural("data=spiral&layers=3&l1=16&l2=16&l3=16&opt=adam&noise=0.5&lr=0.003");
    apply(&mut s, Action::Play);
    for _ in 0..16 {
        apply(&mut s, Action::Tick(500));
        let d = s.diagnosis().unwrap();
        let train = s.train_score.accuracy.unwrap();
        if train > 0.9 {
            assert_ne!(
                d.fit,
                Fit::LearningRateTooHigh,
                "epoch {}: {}",
                s.model.steps(),
                d.reason
            );
        }
    }
    let d = s.diagnosis().unwrap();
    assert!(d.fit.is_overfitting(), "{}", d.reason);
}

/// Logistic regression under L2 at λ = 10 and a learning rate of 0.1: 2λη = 2, so the penalty's
/// pull alone flips each weight to as far past zero as it was, and gradient descent cannot
/// settle. Its log-loss swings either side of ln 2 (every weight at zero) and climbs; the
/// verdict is a learning rate too high at every epoch (helper 99: "too strongly regularized …
/// Lower λ" at a log-loss of 15.85; then a verdict that flipped every epoch with the swing).
#[test]
fn a_penalty_too_steep_for_the_steps_is_a_learning_rate_too_high_at_every_epoch() {
    let query = "model=logistic&data=circles&features=2&reg=l2&lambda=10&speed=max";
    let mut s = lab(&format!("{query}&lr=0.1"));
    apply(&mut s, Action::Play);
    for epoch in 1..=300 {
        apply(&mut s, Action::Tick(1));
        let d = s.diagnosis().unwrap();
        if epoch >= 20 {
            assert_eq!(d.fit, Fit::LearningRateTooHigh, "{epoch}: {}", d.reason);
            assert!(
                d.reason.contains("2 × 10 × 0.1 = 2 times itself"),
                "{}",
                d.reason
            );
            assert!(d.reason.contains("below 1/λ = 0.1"), "{}", d.reason);
        }
    }
    let s = grown(&format!("{query}&lr=0.1"), 300);
    let note = s.curve_outrun().expect("a note");
    assert!(note.starts_with("At this learning rate the model on the page does not settle (2 × λ × learning rate = 2, 2 or more"), "{note}");
    // Below it the same model settles at its minimum, and the penalty is the cause.
    let s = grown(&format!("{query}&lr=0.03"), 1000);
    let d = s.diagnosis().unwrap();
    assert!(s.train_score.loss < 2f64.ln());
    assert_eq!(d.fit, Fit::TooStronglyRegularized, "{}", d.reason);
    assert!(!s.curve_outrun().is_some_and(|n| n.contains("settle")));
}

/// At a learning rate of 10⁻⁴ ten times the epochs move the curve too little to see: every
/// point reads about 18 %. The fully trained model (Newton's method) says how far off its
/// epochs are, and the verdict does not cite the flat curve (it read "Features = 2 already has
/// the lowest cross-validated error, so moving Features alone will not do clearly better").
#[test]
fn a_curve_far_above_the_optimum_says_so_and_is_not_cited() {
    let slow = grown("model=logistic&data=moons&lr=0.0001", 300);
    let (short_run, long_run) = (slow.sweep.first_fold.unwrap(), slow.sweep.reach.unwrap());
    assert!(short_run - long_run < 0.03, "{short_run} {long_run}");
    let best = 1.0 - slow.best_reachable().unwrap();
    let here = slow.config.position(Key::Features);
    let point = slow.sweep.results[here].train;
    assert!(point > best + 0.05, "{point} {best}");
    let note = slow.curve_outrun().expect("a note");
    let expected = format!(
        "At this learning rate 300 epochs are far from enough: at Features = 2, as now, the \
         curve's models reach a training error of {}, where fully trained this model reaches {} \
         (its optimum, computed directly).",
        percent(point),
        percent(best)
    );
    assert!(note.starts_with(&expected), "{note}");
    let verdict = slow.diagnosis().unwrap();
    assert!(
        !verdict.reason.contains("validation curve"),
        "{}",
        verdict.reason
    );
    // At the default rate the curve's models get there: no note.
    let quick = grown("model=logistic&data=moons&opt=adam", 300);
    assert_eq!(quick.curve_outrun(), None);
}

/// A close call while boosting still grows does not send the learner to a curve the verdict has
/// not read (helper 100: at 81 of 200 trees, "the validation curve … is the better judge",
/// beside a curve that already settled it): the curve's points are fully grown models, and the
/// verdict reads it once this one is grown; then it cites the curve and drops the hedge.
#[test]
fn a_close_call_while_growing_says_when_the_curve_is_read() {
    let query = "model=boosting&data=moons&noise=0.4&n=500&depth=2&shrinkage=1&trees=200&seed=9";
    let s = grown(query, 81);
    assert_eq!(s.model.steps(), 81);
    let d = s.diagnosis().unwrap();
    assert!(d.close_call, "{d:?}");
    assert!(
        d.reason.ends_with(
            "is the better judge; its points are fully grown models, and the verdict reads it \
             once this one has grown all its trees or levels."
        ),
        "{}",
        d.reason
    );
    let done = grown(query, 200);
    let d = done.diagnosis().unwrap();
    assert!(
        !d.close_call && d.reason.contains("validation curve"),
        "{d:?}"
    );
    assert!(!d.reason.contains("fully grown models"), "{}", d.reason);
}

/// Hand-placed points piled on one spot with two classes (helper 109: "too simple … more
/// trees" where no model can do better): a tree that gets every point it can right is a good
/// fit limited by the points, and the verdict says so.
#[test]
fn points_that_clash_on_one_spot_are_the_limit_not_the_model() {
    let pile = "0,0,0;0,0,1;".repeat(7) + &"0,0,0;".repeat(6);
    let mut s = lab(&format!("data=custom&model=tree&pts={pile}"));
    run(&mut s, 50);
    let d = s.diagnosis().unwrap();
    assert_eq!(d.fit, Fit::GoodFit, "{}", d.reason);
    assert!(
        d.reason
            .contains("no model can do better on these training points"),
        "{}",
        d.reason
    );
    assert!(
        d.reason.contains("move clashing points apart"),
        "{}",
        d.reason
    );
}
