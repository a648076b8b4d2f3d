//! The one model interface is enough to cross-validate any model: build it on one part of the
//! training samples, train it, score it on another part — with no lab, page or UI involved.

use paramlab_core::data::classification::{generate, Pattern};
use paramlab_core::data::regression::{generate as curve, Curve, DataSpec};
use paramlab_core::ml::model::{fit, Model, Samples};
use paramlab_core::ml::plane_model::{PlaneModel, PlaneSet};
use paramlab_core::ml::polynomial::Trainer;
use paramlab_core::state::config::Config;
use paramlab_core::state::spec::{Key, Lab};
use paramlab_core::state::url::decode;

/// Two folds of `n` samples: even indices and odd indices.
fn folds(n: usize) -> [Vec<usize>; 2] {
    [(0..n).step_by(2).collect(), (1..n).step_by(2).collect()]
}

/// Fits on one fold, scores on the other: the held-out error of each fold.
fn two_fold<M: Model>(hyper: &M::Hyper, samples: &M::Samples, steps: u32) -> [f64; 2] {
    let [a, b] = folds(samples.count());
    let score = |fit_on: &[usize], test_on: &[usize]| {
        let m: M = fit(hyper, &samples.subset(fit_on), 7, steps);
        m.score(&samples.subset(test_on)).error()
    };
    [score(&a, &b), score(&b, &a)]
}

fn plane_config(query: &str) -> Config {
    let (config, notices) = decode(query);
    assert!(notices.is_empty(), "{notices:?}");
    config
}

#[test]
fn every_plane_model_cross_validates_through_the_interface() {
    let data = generate(Pattern::Blobs, 200, 0.2, 0.7, 5);
    let train: PlaneSet = data.train_set();
    for query in [
        "lab=classification&model=knn&k=5",
        "lab=classification&model=tree&depth=3",
        "lab=classification&model=logistic&lr=0.3",
        "lab=neural&layers=1&l1=4&lr=0.1",
    ] {
        let hyper = plane_config(query).plane_hyper();
        let errors = two_fold::<PlaneModel>(&hyper, &train, 200);
        // Two well-separated blobs: every model gets nearly every held-out point right.
        assert!(errors.iter().all(|e| *e <= 0.05), "{query}: {errors:?}");
        // And the same fold twice gives the same model: the interface is deterministic.
        assert_eq!(
            errors,
            two_fold::<PlaneModel>(&hyper, &train, 200),
            "{query}"
        );
    }
}

#[test]
fn polynomial_regression_cross_validates_and_the_degree_shows() {
    let data = curve(&DataSpec::new(Curve::Sine, 80, 0.1, 0.75, 3).unwrap());
    let mut config = Config::for_lab(Lab::Regression);
    let cv = |config: &Config| {
        let e = two_fold::<Trainer>(&config.regression_hyper(), &data.train, 2000);
        (e[0] + e[1]) / 2.0
    };
    config.set(Key::Degree, 0); // a straight line cannot follow a sine wave
    let line = cv(&config);
    config.set(Key::Degree, 4); // degree 5 can
    let quintic = cv(&config);
    assert!(line > 0.1 && quintic < 0.03, "{line} {quintic}");
}

#[test]
fn parameters_are_listed_for_every_model_that_learns_some() {
    let data = generate(Pattern::Circles, 100, 0.1, 0.7, 2);
    let train = data.train_set();
    let count = |query: &str| {
        let m: PlaneModel = fit(&plane_config(query).plane_hyper(), &train, 0, 5);
        m.parameters().len()
    };
    assert_eq!(count("lab=classification&model=knn"), 0);
    // Logistic regression on x₁, x₂: (1, x₁, x₂) per class, two classes.
    assert_eq!(count("lab=classification&model=logistic&features=1"), 6);
    // A [4, 2] network on two inputs and two outputs: 2·4 + 4·2 + 2·2 weights, 4 + 2 + 2 biases.
    assert_eq!(count("lab=neural"), 20 + 8);
}
