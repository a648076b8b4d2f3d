//! A fingerprint of seed 42's data, of 500 mini-batch Adam epochs on it, and of 50 epochs of a
//! tanh network (its own exp, shuffles, Adam) on seed 42's circles, as raw f64 bits.
//! Both the native tests and the wasm-bindgen tests (in Chromium) compare it with the same
//! constant: same seed, same data, same training on every platform.

use paramlab_core::data::regression::{generate, Curve, DataSpec};
use paramlab_core::ml::optimizer::OptimizerKind;
use paramlab_core::ml::polynomial::{Hyper, Trainer};
use paramlab_core::ml::regularization::Regularization;

/// Recorded from a native x86_64 run (the training values changed when mini-batch shuffling
/// moved from ChaCha8 to PCG-32).
pub const EXPECTED: (u64, u64, u64) = (
    13841354828285005409,
    4602943093561761205,
    13831221078522202997,
);

pub fn compute() -> (u64, u64, u64) {
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
    )
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
