//! A fingerprint of seed 42's data and of 500 mini-batch Adam epochs on it, as raw f64 bits.
//! Both the native tests and the wasm-bindgen tests (in Chromium) compare it with the same
//! constant: same seed, same data, same training on every platform.

use paramlab::data::regression::{generate, Curve, DataSpec};
use paramlab::ml::optimizer::OptimizerKind;
use paramlab::ml::polynomial::{Hyper, Trainer};
use paramlab::ml::regularization::Regularization;

/// Recorded from a native x86_64 run.
pub const EXPECTED: (u64, u64) = (13841354828285005409, 4603014675939436894);

pub fn compute() -> (u64, u64) {
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
    let mut t = Trainer::new(h, &d.train, &d.test, 42);
    for _ in 0..500 {
        t.step();
    }
    let data_sum: f64 = d.train.iter().chain(&d.test).map(|p| p.x * 3.0 + p.y).sum();
    (
        data_sum.to_bits(),
        t.model().weights.iter().sum::<f64>().to_bits(),
    )
}
