//! The MLP benchmark case shared by the native benchmark (`benches/mlp.rs`) and the in-browser
//! one (`tests/browser_bench.rs`): TensorFlow Playground's setting — 2 inputs (x₁, x₂), tanh,
//! plain SGD, batch 10, 250 training points (circles) — with hidden layers `hidden`.

use paramlab_core::data::classification::{generate, Pattern};
use paramlab_core::ml::activation::Activation;
use paramlab_core::ml::mlp::{Architecture, Inputs, Mlp, Targets, Training};
use paramlab_core::ml::optimizer::OptimizerKind;
use paramlab_core::ml::regularization::Regularization;

pub const TRAIN_POINTS: usize = 250;

pub fn network(hidden: &[usize]) -> Mlp {
    let d = generate(Pattern::Circles, 300, 0.1, 0.9, 42);
    let train = &d.train[..TRAIN_POINTS];
    let xs: Vec<(f64, f64)> = train.iter().map(|p| (p.x1, p.x2)).collect();
    let ys: Vec<usize> = train.iter().map(|p| p.class).collect();
    let arch = Architecture::new(Inputs::new(0b11).unwrap(), hidden, Activation::Tanh, 1).unwrap();
    let training = Training::new(
        0.03,
        Some(10),
        OptimizerKind::Sgd,
        Regularization::None,
        0.0,
    )
    .unwrap();
    Mlp::new(arch, training, &xs, Targets::Classes(&ys, 2))
}
