//! The ensembles through the one model interface, as a lab's validation curve or search would
//! use them: cross-validation on folds, and the out-of-bag error as a free estimate of the error
//! on unseen points.

use paramlab_core::data::classification::{generate, Pattern};
use paramlab_core::ml::boosting::{Boosting, BoostingHyper};
use paramlab_core::ml::forest::{Forest, ForestHyper};
use paramlab_core::ml::model::{fit, Model, Samples};
use paramlab_core::ml::tree::{Criterion, TreeHyper};

/// Fits on the even samples and scores on the odd ones, then the other way round.
fn two_fold<M: Model>(hyper: &M::Hyper, samples: &M::Samples, steps: u32) -> [f64; 2] {
    let n = samples.count();
    let even: Vec<usize> = (0..n).step_by(2).collect();
    let odd: Vec<usize> = (1..n).step_by(2).collect();
    let score = |fit_on: &[usize], test_on: &[usize]| {
        let m: M = fit(hyper, &samples.subset(fit_on), 7, steps);
        m.score(&samples.subset(test_on)).error()
    };
    [score(&even, &odd), score(&odd, &even)]
}

fn forest(trees: usize, bootstrap: bool) -> ForestHyper {
    let tree = TreeHyper::new(None, 1, Criterion::Gini).unwrap();
    ForestHyper::new(trees, tree, 2, 2, bootstrap).unwrap()
}

#[test]
fn both_ensembles_cross_validate_through_the_interface() {
    for (pattern, worst) in [(Pattern::Blobs, 0.05), (Pattern::ThreeBlobs, 0.1)] {
        let train = generate(pattern, 240, 0.2, 0.7, 5).train_set();
        let boosting = BoostingHyper::new(50, 0.2, Some(2), 1, 0.8).unwrap();
        let errors = [
            two_fold::<Forest>(&forest(30, true), &train, 100),
            two_fold::<Boosting>(&boosting, &train, 100),
        ];
        assert!(
            errors.iter().flatten().all(|e| *e <= worst),
            "{pattern:?}: {errors:?}"
        );
        // The same folds and seed give the same models.
        assert_eq!(
            errors[0],
            two_fold::<Forest>(&forest(30, true), &train, 100)
        );
        assert_eq!(errors[1], two_fold::<Boosting>(&boosting, &train, 100));
    }
}

#[test]
fn the_out_of_bag_error_estimates_the_test_error() {
    // Noisy moons: the error is well above zero, and the out-of-bag estimate (from the training
    // points alone) lands near the error on 600 unseen points.
    let d = generate(Pattern::Moons, 1000, 0.8, 0.4, 9);
    let model: Forest = fit(&forest(100, true), &d.train_set(), 1, 1000);
    let oob = model.oob_error().unwrap();
    let test = model.score(&d.test_set()).error();
    assert!(test > 0.1, "{test}");
    assert!((oob - test).abs() < 0.05, "out of bag {oob}, test {test}");
    // Training error says nothing of the kind: deep trees fit their own samples almost perfectly.
    assert!(model.score(&d.train_set()).error() < oob / 2.0);
}

#[test]
fn steps_count_trees_and_rounds_and_training_then_finishes() {
    let train = generate(Pattern::Xor, 100, 0.2, 0.7, 1).train_set();
    let mut f = <Forest as Model>::new(&forest(3, false), &train, 0);
    let mut b = <Boosting as Model>::new(
        &BoostingHyper::new(2, 0.5, Some(2), 1, 1.0).unwrap(),
        &train,
        0,
    );
    let f_steps: Vec<_> = (0..4).map(|_| f.step()).collect();
    let b_steps: Vec<_> = (0..3).map(|_| b.step()).collect();
    use paramlab_core::ml::model::Progress::{Finished, Trained};
    assert_eq!(f_steps, [Trained, Trained, Trained, Finished]);
    assert_eq!(b_steps, [Trained, Trained, Finished]);
    assert_eq!((f.steps(), b.steps()), (3, 2));
    assert_eq!(f.trees().len(), 3);
    // Boosting's parameters: the prior log-odds, then each round's depth-2 tree.
    assert_eq!(b.parameters()[0].name, "prior log-odds");
    assert!(b
        .parameters()
        .iter()
        .any(|p| p.name.starts_with("round 2 · node 0: x")));
}

/// The validation curve of a link over Number of trees, run to the end: (trees, CV mean, CV sd).
fn trees_curve(link: &str) -> Vec<(f64, f64, f64)> {
    use paramlab_core::state::{plane::PlaneLab, spec::Key};
    let (config, notices) = paramlab_core::state::url::decode(link);
    assert!(notices.is_empty(), "{notices:?}");
    let mut lab = PlaneLab::new(config, notices);
    assert_eq!(lab.sweep.key, Key::Trees, "the ensembles' first curve");
    lab.finish_curve();
    let trees = |p: usize| Key::Trees.spec().domain.number(p);
    let points = lab.sweep.positions.iter().zip(&lab.sweep.results);
    let curve = points
        .map(|(&p, r)| (trees(p), r.cv.mean, r.cv.sd))
        .collect();
    println!("{link}: {curve:?}");
    curve
}

#[test]
fn more_trees_do_not_make_a_forest_overfit() {
    // A README preset: the forest's cross-validation error levels off and stays.
    let curve = trees_curve("lab=classification&model=forest&data=moons&noise=0.6&n=300&depth=10");
    let at = |t: f64| curve.iter().find(|c| c.0 == t).unwrap();
    let (fifty, two_hundred) = (at(50.0), at(200.0));
    assert!(
        two_hundred.1 <= fifty.1 + 0.02,
        "50 trees {fifty:?}, 200 trees {two_hundred:?}"
    );
    assert!(two_hundred.1 < at(1.0).1, "but one tree alone does worse");
}

#[test]
fn boosting_at_learning_rate_1_overfits_with_more_trees() {
    // A README preset: stumps at full learning rate on noisy moons. Each stump chases the
    // previous ones' mistakes, noise included: the cross-validation error is lowest near 10
    // trees (0.152) and climbs to 0.186 at 200 — about 1.5 held-out points per fold of 42.
    let curve = trees_curve(
        "lab=classification&model=boosting&data=moons&noise=0.5&n=300&depth=1&shrinkage=1",
    );
    let best = curve.iter().map(|c| c.1).fold(f64::INFINITY, f64::min);
    let last = curve.last().unwrap();
    assert_eq!(last.0, 200.0);
    assert!(last.1 > best + 0.025, "{curve:?}");
    let lowest = curve.iter().position(|c| c.1 == best).unwrap();
    assert!(
        curve[lowest].0 <= 20.0,
        "the minimum comes early: {curve:?}"
    );
}

/// The rise above is smaller than the folds' spread (helper 45), so the README's claim rests on
/// fresh points: at that link and four other seeds, 200 stumps classify 20,000 fresh points from
/// the same moons worse than 10 do (seed 42: 82.8 % → 81.4 %). At 150 points the curve rises
/// far more (0.21 → 0.37), yet fresh points improve with more trees at seed 42: a curve's rise
/// alone, on few points, is no proof.
#[test]
fn boosting_stumps_at_learning_rate_1_lose_accuracy_on_fresh_points() {
    use paramlab_core::ml::plane_model::PlaneSet;
    use paramlab_core::state::{action::Action, plane::PlaneLab, session::Reduce};
    let points = generate(Pattern::Moons, 20_000, 0.5, 1.0, 777).train;
    let fresh = PlaneSet {
        points,
        values: None,
        classes: 2,
    };
    for seed in [42, 1, 2, 3, 4] {
        let accuracy = |trees: u32| {
            let query = format!(
                "lab=classification&model=boosting&data=moons&noise=0.5&n=300&depth=1\
                 &shrinkage=1&trees={trees}&seed={seed}"
            );
            let (config, notices) = paramlab_core::state::url::decode(&query);
            assert!(notices.is_empty(), "{notices:?}");
            let mut lab = PlaneLab::new(config, notices);
            lab.apply(Action::Play);
            lab.apply(Action::Tick(trees));
            assert_eq!(lab.model.is_finished(), Some(true));
            lab.model.score(&fresh).accuracy.unwrap()
        };
        let (ten, two_hundred) = (accuracy(10), accuracy(200));
        assert!(
            two_hundred < ten - 0.01,
            "seed {seed}: {ten} → {two_hundred}"
        );
        if seed == 42 {
            assert!((0.825..0.835).contains(&ten) && (0.81..0.82).contains(&two_hundred));
        }
    }
}
