//! Every option of every select, through the link and the reducer, builds what it names.
//!
//! The expectations below are written independently of the option tables in
//! `state/choice.rs`: a misspelt URL name there makes the link fall back (a notice), and a row
//! naming the wrong value builds a model or data set that does not match what is written here.

use paramlab_core::data::classification::{generate as plane_data, BestOnPoints, Pattern};
use paramlab_core::data::regression::{generate as curve_data, Curve, DataSpec};
use paramlab_core::data::surface::{generate as surface_data, Surface};
use paramlab_core::state::plane::PlaneLab;
use paramlab_core::state::regression::RegressionLab;
use paramlab_core::state::spec::{Domain, Key, Lab};
use paramlab_core::state::tuning::Tuning;
use paramlab_core::state::url::decode;
use std::collections::BTreeSet;

/// (lab, other settings the option needs, control's URL name, option's URL name, what the
/// model built must say of itself in its debug form).
const MODEL_OPTIONS: &[(&str, &str, &str, &str, &str)] = &[
    ("regression", "", "reg", "none", "regularization: None"),
    ("regression", "", "reg", "l2", "regularization: L2"),
    ("regression", "", "reg", "l1", "regularization: L1"),
    ("regression", "", "opt", "sgd", "optimizer: Sgd"),
    ("regression", "", "opt", "momentum", "optimizer: Momentum"),
    ("regression", "", "opt", "adam", "optimizer: Adam"),
    (
        "classification",
        "model=logistic",
        "reg",
        "none",
        "regularization: None",
    ),
    (
        "classification",
        "model=logistic",
        "reg",
        "l2",
        "regularization: L2",
    ),
    (
        "classification",
        "model=logistic",
        "reg",
        "l1",
        "regularization: L1",
    ),
    (
        "classification",
        "model=logistic",
        "opt",
        "sgd",
        "optimizer: Sgd",
    ),
    (
        "classification",
        "model=logistic",
        "opt",
        "momentum",
        "optimizer: Momentum",
    ),
    (
        "classification",
        "model=logistic",
        "opt",
        "adam",
        "optimizer: Adam",
    ),
    ("classification", "", "model", "knn", "Knn(Knn"),
    ("classification", "", "model", "tree", "Tree(Tree"),
    (
        "classification",
        "",
        "model",
        "logistic",
        "Logistic(Logistic",
    ),
    (
        "classification",
        "model=knn",
        "weight",
        "uniform",
        "weighting: Uniform",
    ),
    (
        "classification",
        "model=knn",
        "weight",
        "distance",
        "weighting: Distance",
    ),
    (
        "classification",
        "model=tree",
        "criterion",
        "gini",
        "criterion: Gini",
    ),
    (
        "classification",
        "model=tree",
        "criterion",
        "entropy",
        "criterion: Entropy",
    ),
    ("classification", "", "model", "forest", "Forest(Forest"),
    (
        "classification",
        "",
        "model",
        "boosting",
        "Boosting(Boosting",
    ),
    // Degree-2 features are 5 (x₁, x₂, x₁², x₁x₂, x₂²): √5 → 2, all → 5, one → 1.
    (
        "classification",
        "model=forest&features=2",
        "maxfeat",
        "sqrt",
        "max_features: 2,",
    ),
    (
        "classification",
        "model=forest&features=2",
        "maxfeat",
        "all",
        "max_features: 5,",
    ),
    (
        "classification",
        "model=forest&features=2",
        "maxfeat",
        "one",
        "max_features: 1,",
    ),
    (
        "classification",
        "model=forest",
        "bootstrap",
        "on",
        "bootstrap: true",
    ),
    (
        "classification",
        "model=forest",
        "bootstrap",
        "off",
        "bootstrap: false",
    ),
    ("neural", "", "reg", "none", "regularization: None"),
    ("neural", "", "reg", "l2", "regularization: L2"),
    ("neural", "", "reg", "l1", "regularization: L1"),
    ("neural", "", "opt", "sgd", "optimizer: Sgd"),
    ("neural", "", "opt", "momentum", "optimizer: Momentum"),
    ("neural", "", "opt", "adam", "optimizer: Adam"),
    ("neural", "", "act", "relu", "activation: Relu"),
    ("neural", "", "act", "tanh", "activation: Tanh"),
    ("neural", "", "act", "sigmoid", "activation: Sigmoid"),
    ("neural", "", "act", "linear", "activation: Linear"),
];

/// The Tuning lab's selects: (control's URL name, option's URL name, what the state's debug form
/// must say: the search's strategy and axes, or the hyperparameters a trial builds).
const TUNING_OPTIONS: &[(&str, &str, &str)] = &[
    ("strategy", "grid", "strategy: Grid"),
    ("strategy", "random", "strategy: Random"),
    ("strategy", "bayes", "strategy: Bayes"),
    ("x", "degree", "axes: [Axis { key: Degree"),
    ("x", "lambda", "axes: [Axis { key: Lambda"),
    ("x", "lr", "axes: [Axis { key: LearningRate"),
    // The same control as the first axis: one axis.
    ("y", "degree", "scale: Linear, integer: true }] }"),
    (
        "y",
        "lambda",
        "scale: Linear, integer: true }, Axis { key: Lambda",
    ),
    (
        "y",
        "lr",
        "scale: Linear, integer: true }, Axis { key: LearningRate",
    ),
    ("y", "none", "scale: Linear, integer: true }] }"),
    ("reg", "none", "regularization: None"),
    ("reg", "l2", "regularization: L2"),
    ("reg", "l1", "regularization: L1"),
    ("opt", "sgd", "optimizer: Sgd"),
    ("opt", "momentum", "optimizer: Momentum"),
    ("opt", "adam", "optimizer: Adam"),
];

/// The Tuning lab's options for its models on the plane: (query, what the search, the model's
/// hyperparameters and the data choice must say in their debug form). The last setting of the
/// query is the option checked.
const TUNING_PLANE_OPTIONS: &[(&str, &str)] = &[
    ("model=polynomial", "axes: [Axis { key: Degree"),
    ("model=knn", "axes: [Axis { key: K,"),
    ("model=tree", "axes: [Axis { key: MaxDepth"),
    ("model=logistic", "axes: [Axis { key: Lambda"),
    ("model=forest", "axes: [Axis { key: Trees"),
    ("model=boosting", "Axis { key: Shrinkage"),
    ("model=knn&x=k", "axes: [Axis { key: K,"),
    ("model=knn&x=k&y=k", "axes: [Axis { key: K,"),
    ("model=tree&x=depth", "axes: [Axis { key: MaxDepth"),
    ("model=tree&x=leaf", "axes: [Axis { key: MinLeaf"),
    ("model=tree&x=leaf&y=depth", "Axis { key: MaxDepth"),
    ("model=forest&y=leaf", "Axis { key: MinLeaf"),
    ("model=boosting&x=trees", "axes: [Axis { key: Trees"),
    ("model=boosting&x=shrinkage", "axes: [Axis { key: Shrinkage"),
    ("model=boosting&x=shrinkage&y=trees", "Axis { key: Trees"),
    ("model=boosting&y=shrinkage", "Axis { key: Shrinkage"),
    ("model=network", "axes: [Axis { key: LearningRate"),
    ("model=network&x=neurons", "axes: [Axis { key: Neurons1"),
    ("model=network&y=neurons", "Axis { key: Neurons1"),
    ("model=network&act=relu", "activation: Relu"),
    ("model=network&act=tanh", "activation: Tanh"),
    ("model=network&act=sigmoid", "activation: Sigmoid"),
    ("model=network&act=linear", "activation: Linear"),
    ("model=knn&weight=uniform", "weighting: Uniform"),
    ("model=knn&weight=distance", "weighting: Distance"),
    ("model=tree&criterion=gini", "criterion: Gini"),
    ("model=tree&criterion=entropy", "criterion: Entropy"),
    ("model=forest&features=2&maxfeat=sqrt", "max_features: 2,"),
    ("model=forest&features=2&maxfeat=all", "max_features: 5,"),
    ("model=forest&features=2&maxfeat=one", "max_features: 1,"),
    ("model=forest&bootstrap=on", "bootstrap: true"),
    ("model=forest&bootstrap=off", "bootstrap: false"),
    ("model=tree&pattern=blobs", "Pattern(Blobs)"),
    ("model=tree&pattern=circles", "Pattern(Circles)"),
    ("model=tree&pattern=moons", "Pattern(Moons)"),
    ("model=tree&pattern=xor", "Pattern(Xor)"),
    ("model=tree&pattern=spiral", "Pattern(Spiral)"),
    ("model=tree&pattern=three", "Pattern(ThreeBlobs)"),
];

/// The Tuning lab's "Select by" options: (option, units of work per trial on 28 training points
/// in 5 folds: five folds, or one test score).
const SELECT_OPTIONS: &[(&str, usize)] = &[("cv", 5), ("test", 1)];

#[test]
fn every_selection_scores_trials_as_it_says() {
    use paramlab_core::state::action::Action;
    use paramlab_core::state::session::Reduce;
    for &(option, units) in SELECT_OPTIONS {
        let (config, notices) = decode(&format!("lab=tuning&y=none&select={option}"));
        assert!(notices.is_empty(), "{notices:?}");
        let mut state = Tuning::new(config, notices);
        state.apply(Action::Play);
        for _ in 0..units - 1 {
            state.apply(Action::Tick(1));
        }
        assert!(state.search.trials().is_empty(), "select={option}");
        state.apply(Action::Tick(1));
        assert_eq!(state.fold_errors[0].len(), units, "select={option}");
    }
}

#[test]
fn every_tuning_option_sets_up_the_search_it_names() {
    for &(key, option, expected) in TUNING_OPTIONS {
        let (config, notices) = decode(&format!("lab=tuning&{key}={option}"));
        assert!(notices.is_empty(), "{key}={option}: {notices:?}");
        let state = Tuning::new(config, notices);
        let hyper = state.config.regression_hyper();
        let debug = format!("{:?} {hyper:?}", state.search);
        assert!(
            debug.contains(expected),
            "{key}={option}: no “{expected}” in {debug}"
        );
    }
    for (name, curve) in [
        ("line", Curve::Line),
        ("sine", Curve::Sine),
        ("cubic", Curve::Cubic),
        ("step", Curve::Step),
    ] {
        let (config, _) = decode(&format!("lab=tuning&data={name}"));
        let expected = curve_data(&DataSpec::new(curve, 40, 0.2, 0.7, 42).unwrap());
        assert_eq!(*Tuning::new(config, vec![]).data, expected, "data={name}");
    }
}

#[test]
fn every_tuning_option_of_the_plane_sets_up_the_search_it_names() {
    for &(query, expected) in TUNING_PLANE_OPTIONS {
        let (config, notices) = decode(&format!("lab=tuning&{query}"));
        assert!(notices.is_empty(), "{query}: {notices:?}");
        let state = Tuning::new(config, notices);
        assert!(state.notices.is_empty(), "{query}: {:?}", state.notices);
        let c = &state.config;
        let plane = c.tuned().map(|_| (c.plane_hyper(), c.plane_data()));
        let debug = format!("{:?} {plane:?}", state.search);
        assert!(
            debug.contains(expected),
            "{query}: no “{expected}” in {debug}"
        );
    }
}

fn model_debug(lab: &str, query: &str) -> String {
    let (config, notices) = decode(&format!("lab={lab}&{query}"));
    assert!(notices.is_empty(), "{query}: {notices:?}");
    match config.lab {
        Lab::Regression => format!("{:?}", RegressionLab::new(config, notices).model),
        _ => format!("{:?}", PlaneLab::new(config, notices).model),
    }
}

#[test]
fn every_model_option_builds_the_model_it_names() {
    for &(lab, extra, key, option, expected) in MODEL_OPTIONS {
        let debug = model_debug(lab, &format!("{extra}&{key}={option}"));
        assert!(
            debug.contains(expected),
            "{lab} {key}={option}: no “{expected}”"
        );
    }
}

#[test]
fn every_data_option_generates_the_data_it_names() {
    // Regression lab: 40 points, noise 0.2, 70 % training, seed 42 (the defaults).
    for (name, curve) in [
        ("line", Curve::Line),
        ("sine", Curve::Sine),
        ("cubic", Curve::Cubic),
        ("step", Curve::Step),
    ] {
        let (config, notices) = decode(&format!("data={name}"));
        let lab = RegressionLab::new(config, notices);
        let expected = curve_data(&DataSpec::new(curve, 40, 0.2, 0.7, 42).unwrap());
        assert_eq!(*lab.data, expected, "data={name}");
    }
    // Plane labs: 200 points (classification) or 500 with half for training (neural).
    for (lab, n, fraction) in [("classification", 200, 0.7), ("neural", 500, 0.5)] {
        for (name, pattern) in [
            ("blobs", Pattern::Blobs),
            ("circles", Pattern::Circles),
            ("moons", Pattern::Moons),
            ("xor", Pattern::Xor),
            ("spiral", Pattern::Spiral),
            ("three", Pattern::ThreeBlobs),
        ] {
            let (config, notices) = decode(&format!("lab={lab}&data={name}"));
            let s = PlaneLab::new(config, notices);
            // The pattern's points, with the best rule's scores on them (the verdict's reference).
            let mut expected = plane_data(pattern, n, 0.2, fraction, 42);
            expected.best = Some(BestOnPoints::of(pattern, 0.2, &expected));
            assert_eq!(*s.data, expected, "{lab} {name}");
        }
        let (config, _) = decode(&format!("lab={lab}&data=custom"));
        assert!(
            PlaneLab::new(config, vec![]).data.train.is_empty(),
            "{lab} custom"
        );
    }
    for (name, surface) in [("plane", Surface::Plane), ("bumps", Surface::Bumps)] {
        let (config, notices) = decode(&format!("lab=neural&data={name}"));
        let s = PlaneLab::new(config, notices);
        assert_eq!(*s.data, surface_data(surface, 500, 0.2, 0.5, 42), "{name}");
    }
}

/// The lists above cover every option of every select of every lab: a new option needs a line.
#[test]
fn every_option_of_every_select_is_checked() {
    let mut covered: BTreeSet<(String, String, String)> = MODEL_OPTIONS
        .iter()
        .map(|(lab, _, key, option, _)| (lab.to_string(), key.to_string(), option.to_string()))
        .collect();
    for data in ["line", "sine", "cubic", "step"] {
        covered.insert(("regression".into(), "data".into(), data.into()));
        covered.insert(("tuning".into(), "data".into(), data.into()));
    }
    for (key, option, _) in TUNING_OPTIONS {
        covered.insert(("tuning".into(), key.to_string(), option.to_string()));
    }
    for (option, _) in SELECT_OPTIONS {
        covered.insert(("tuning".into(), "select".into(), option.to_string()));
    }
    for (query, _) in TUNING_PLANE_OPTIONS {
        let (key, option) = query.rsplit('&').next().unwrap().split_once('=').unwrap();
        covered.insert(("tuning".into(), key.to_string(), option.to_string()));
    }
    for lab in ["classification", "neural"] {
        for data in [
            "blobs", "circles", "moons", "xor", "spiral", "three", "custom",
        ] {
            covered.insert((lab.into(), "data".into(), data.into()));
        }
    }
    for data in ["plane", "bumps"] {
        covered.insert(("neural".into(), "data".into(), data.into()));
    }
    let mut offered = BTreeSet::new();
    for lab in Lab::ALL {
        for key in Key::all().filter(|k| k.spec().labs.contains(&lab)) {
            if let Domain::Choices(options) = key.spec().domain {
                for o in options {
                    offered.insert((
                        lab.url().to_string(),
                        key.spec().url.to_string(),
                        o.url.to_string(),
                    ));
                }
            }
        }
    }
    assert_eq!(offered, covered);
}
