//! A fingerprint of seed 42's data, of 500 mini-batch Adam epochs on it, of 50 epochs of a
//! tanh network (its own exp, shuffles, Adam) on seed 42's circles, and of a random forest
//! (bootstrap samples, features drawn per split, out-of-bag error) and three-class gradient
//! boosting (subsamples, Newton leaves) on seed 42's noisy moons and three blobs, as raw f64 bits.
//! Both the native tests and the wasm-bindgen tests (in Chromium) compare it with the same
//! constant: same seed, same data, same training on every platform.

use paramlab_core::data::regression::{generate, Curve, DataSpec};
use paramlab_core::ml::optimizer::OptimizerKind;
use paramlab_core::ml::polynomial::{Hyper, Trainer};
use paramlab_core::ml::regularization::Regularization;

/// Recorded from a native x86_64 run (the training values changed when mini-batch shuffling
/// moved from ChaCha8 to PCG-32; the forest and boosting values added in session 7).
pub const EXPECTED: (u64, u64, u64, u64, u64) = (
    13841354828285005409,
    4602943093561761205,
    13831221078522202997,
    4655783559562227866,
    4657239105351466559,
);

pub fn compute() -> (u64, u64, u64, u64, u64) {
    let d = generate(&DataSpec::new(Curve::Sine, 40, 0.2, 0.7, 42).unwrap());
    let h = Hyper::new(
        0.03,
        5,
        Regularization::L2,
        1e-3,
        Some(8),
        OptimizerKind::Adam,
    )
    .unwrap();
    let mut t = Trainer::new(h, &d.train, 42);
    for _ in 0..500 {
        t.step();
    }
    let data_sum: f64 = d.train.iter().chain(&d.test).map(|p| p.x * 3.0 + p.y).sum();
    (
        data_sum.to_bits(),
        t.model().weights.iter().sum::<f64>().to_bits(),
        network_sum().to_bits(),
        forest_sum().to_bits(),
        boosting_sum().to_bits(),
    )
}

/// Probabilities summed over a 9 × 9 grid of the plane.
fn grid_sum(proba: impl Fn(f64, f64, &mut [f64])) -> f64 {
    let mut out = [0.0; 3];
    let mut sum = 0.0;
    for i in 0..81 {
        let (x1, x2) = ((i % 9) as f64 / 4.0 - 1.0, (i / 9) as f64 / 4.0 - 1.0);
        proba(x1, x2, &mut out);
        sum += out[0] * (i + 1) as f64 + out[1];
    }
    sum
}

/// 25 trees of depth 4 on degree-2 features, 2 features per split, bootstrap: the grid's
/// probabilities plus the out-of-bag error.
fn forest_sum() -> f64 {
    use paramlab_core::data::classification::{generate, Pattern};
    use paramlab_core::ml::forest::{Forest, ForestHyper};
    use paramlab_core::ml::tree::{Criterion, TreeHyper};
    let d = generate(Pattern::Moons, 200, 0.3, 0.7, 42);
    let tree = TreeHyper::new(Some(4), 2, Criterion::Gini).unwrap();
    let mut forest = Forest::new(
        ForestHyper::new(25, tree, 2, 2, true).unwrap(),
        &d.train,
        2,
        42,
    );
    while forest.step() == paramlab_core::ml::model::Progress::Trained {}
    grid_sum(|x1, x2, out| forest.proba(x1, x2, out)) + forest.oob_error().unwrap_or(-1.0)
}

/// 30 rounds at learning rate 0.3, depth 2, subsample 0.8, three classes.
fn boosting_sum() -> f64 {
    use paramlab_core::data::classification::{generate, Pattern};
    use paramlab_core::ml::boosting::{Boosting, BoostingHyper};
    let d = generate(Pattern::ThreeBlobs, 200, 0.3, 0.7, 42);
    let hyper = BoostingHyper::new(30, 0.3, Some(2), 1, 0.8).unwrap();
    let mut boosting = Boosting::new(hyper, &d.train, 3, 42);
    while boosting.step() == paramlab_core::ml::model::Progress::Trained {}
    grid_sum(|x1, x2, out| boosting.proba(x1, x2, out))
}

fn network_sum() -> f64 {
    use paramlab_core::data::classification::{generate, Pattern};
    use paramlab_core::ml::activation::Activation;
    use paramlab_core::ml::mlp::{Architecture, Inputs, Mlp, Targets, Training};
    let d = generate(Pattern::Circles, 200, 0.2, 0.7, 42);
    let xs: Vec<(f64, f64)> = d.train.iter().map(|p| (p.x1, p.x2)).collect();
    let ys: Vec<usize> = d.train.iter().map(|p| p.class).collect();
    let arch = Architecture::new(
        Inputs::new(0b111_1111).unwrap(),
        &[6, 3],
        Activation::Tanh,
        42,
    );
    let training = Training::new(
        0.03,
        Some(10),
        OptimizerKind::Adam,
        Regularization::L2,
        1e-3,
    );
    let mut net = Mlp::new(
        arch.unwrap(),
        training.unwrap(),
        &xs,
        Targets::Classes(&ys, 2),
    );
    for _ in 0..50 {
        net.step();
    }
    net.params().iter().sum()
}
