//! Tests of training (mod.rs): backpropagation against finite differences, small cases by hand,
//! learning, L1, seeding and the divergence guard; and the helpers the other files' tests share.

use super::*;
use crate::data::classification::{generate, Pattern, Point2};
use crate::ml::activation::Activation;
use crate::ml::model::Epoch;
use crate::ml::optimizer::OptimizerKind;
use crate::ml::regularization::Regularization;

pub(super) fn arch(inputs: u8, hidden: &[usize], g: Activation, seed: u64) -> Architecture {
    Architecture::new(Inputs::new(inputs).unwrap(), hidden, g, seed).unwrap()
}

pub(super) fn training(lr: f64, batch: Option<usize>, opt: OptimizerKind) -> Training {
    Training::new(lr, batch, opt, Regularization::None, 0.0).unwrap()
}

fn classes(points: &[Point2]) -> (Vec<(f64, f64)>, Vec<usize>) {
    (
        points.iter().map(|p| (p.x1, p.x2)).collect(),
        points.iter().map(|p| p.class).collect(),
    )
}

/// The gradient of the whole training set as one batch, via a plain SGD step of size 1 from
/// a copy: new = old − grad.
fn full_gradient(m: &Mlp) -> Vec<f64> {
    let mut copy = m.clone();
    copy.set_training(training(1.0, None, OptimizerKind::Sgd));
    let all: Vec<usize> = (0..m.order.len()).collect();
    copy.update(&all).unwrap();
    m.params
        .iter()
        .zip(&copy.params)
        .map(|(a, b)| a - b)
        .collect()
}

fn check_gradient(mut m: Mlp) {
    // Zero biases can put a ReLU exactly on its kink, where finite differences straddle two
    // slopes; move them off zero.
    for (n, l) in m.layers.clone().iter().enumerate() {
        for (j, b) in m.params[l.biases()..l.biases() + l.outputs]
            .iter_mut()
            .enumerate()
        {
            *b = 0.05 + 0.01 * (n + j) as f64;
        }
    }
    let analytic = full_gradient(&m);
    let h = 1e-6;
    for (i, want) in analytic.iter().enumerate() {
        let w = m.params[i];
        m.params[i] = w + h;
        let up = m.current_loss();
        m.params[i] = w - h;
        let down = m.current_loss();
        m.params[i] = w;
        let numeric = (up - down) / (2.0 * h);
        assert!(
            (numeric - want).abs() < 1e-6 * (1.0 + want.abs()),
            "parameter {i}: {numeric} vs {want}"
        );
    }
}

#[test]
fn backpropagation_matches_finite_differences_for_every_activation_and_loss() {
    let d = generate(Pattern::ThreeBlobs, 30, 0.5, 1.0, 5);
    let (xs, ys) = classes(&d.train);
    let values: Vec<f64> = xs.iter().map(|(a, b)| a * b - 0.3 * a).collect();
    for g in Activation::ALL {
        // All seven features and two hidden layers of different widths.
        let a = arch(0b111_1111, &[5, 3], g, 11);
        let t = training(0.1, None, OptimizerKind::Sgd);
        check_gradient(Mlp::new(a.clone(), t, &xs, Targets::Classes(&ys, 3)));
        check_gradient(Mlp::new(a, t, &xs, Targets::Values(&values)));
    }
}

#[test]
fn a_network_without_hidden_layers_is_logistic_regression() {
    // Zero hidden layers: the gradient of one point by hand. Weights start at seeded values;
    // set them to zero so p = (½, ½) and the gradient is (p − onehot)·x.
    let a = arch(0b11, &[], Activation::Tanh, 1);
    let mut m = Mlp::new(
        a,
        training(1.0, None, OptimizerKind::Sgd),
        &[(2.0, -1.0)],
        Targets::Classes(&[1], 2),
    );
    m.params.iter_mut().for_each(|w| *w = 0.0);
    assert_eq!(m.params.len(), 6); // 2 outputs × (2 weights + 1 bias)
    m.step();
    // Class 0: error ½ → weights −½·(2, −1), bias −½; class 1: error −½ → the opposite.
    assert_eq!(m.params, vec![-1.0, 0.5, 1.0, -0.5, -0.5, 0.5]);
}

/// The guess loss by hand (class shares ¾ and ¼: −(¾·ln ¾ + ¼·ln ¼) = 0.5623; targets 1, 2, 3, 6:
/// variance 3.5), and it is the loss of a network whose output ignores its inputs (all weights
/// 0, the output biases at the log shares or the mean).
#[test]
fn the_guess_loss_is_what_constant_outputs_score() {
    let xs = [(0.1, 0.2), (-0.3, 0.5), (0.7, -0.1), (0.4, 0.4)];
    let constant = |targets: Targets, biases: &[f64]| {
        let a = arch(0b11, &[3], Activation::Tanh, 2);
        let mut m = Mlp::new(a, training(0.1, None, OptimizerKind::Sgd), &xs, targets);
        m.params.iter_mut().for_each(|w| *w = 0.0);
        let at = m.params.len() - biases.len();
        m.params[at..].copy_from_slice(biases);
        (m.guess_loss(), m.current_loss())
    };
    let (guess, loss) = constant(
        Targets::Classes(&[0, 0, 0, 1], 2),
        &[0.75f64.ln(), 0.25f64.ln()],
    );
    assert!((guess - 0.562_335).abs() < 1e-6, "{guess}");
    assert!((loss - guess).abs() < 1e-12, "{loss} {guess}");
    let (guess, loss) = constant(Targets::Values(&[1.0, 2.0, 3.0, 6.0]), &[3.0]);
    assert_eq!(guess, 3.5);
    assert!((loss - guess).abs() < 1e-12, "{loss}");
}

#[test]
fn learns_xor_and_circles_to_near_zero_loss() {
    for (pattern, seed) in [(Pattern::Xor, 1), (Pattern::Circles, 2)] {
        let d = generate(pattern, 200, 0.0, 1.0, seed);
        let (xs, ys) = classes(&d.train);
        let mut m = Mlp::new(
            arch(0b11, &[8, 8], Activation::Tanh, 7),
            training(0.01, Some(10), OptimizerKind::Adam),
            &xs,
            Targets::Classes(&ys, 2),
        );
        for _ in 0..400 {
            assert!(matches!(m.step(), Epoch::Done { .. }));
        }
        assert!(m.current_loss() < 0.05, "{pattern:?}: {}", m.current_loss());
    }
}

#[test]
fn l1_drives_weights_exactly_to_zero() {
    let d = generate(Pattern::Blobs, 100, 0.2, 1.0, 3);
    let (xs, ys) = classes(&d.train);
    let t = Training::new(0.03, Some(10), OptimizerKind::Sgd, Regularization::L1, 0.03).unwrap();
    let mut m = Mlp::new(
        arch(0b111_1111, &[8], Activation::Tanh, 3),
        t,
        &xs,
        Targets::Classes(&ys, 2),
    );
    for _ in 0..300 {
        m.step();
    }
    let zeros = m
        .layers
        .iter()
        .flat_map(|l| &m.params[l.weights..l.biases()]);
    let zeros = zeros.filter(|w| **w == 0.0).count();
    assert!(
        zeros > 20,
        "only {zeros} of {} weights are zero",
        m.params.len()
    );
    // Without the penalty, none is.
    let mut plain = Mlp::new(
        m.arch.clone(),
        training(0.03, Some(10), OptimizerKind::Sgd),
        &xs,
        Targets::Classes(&ys, 2),
    );
    for _ in 0..300 {
        plain.step();
    }
    assert!(plain.params.iter().all(|w| *w != 0.0));
}

#[test]
fn same_seed_same_weights_and_another_seed_differs() {
    let d = generate(Pattern::Moons, 100, 0.2, 1.0, 4);
    let (xs, ys) = classes(&d.train);
    let run = |seed| {
        let mut m = Mlp::new(
            arch(0b1_0011, &[4, 2], Activation::Relu, seed),
            training(0.03, Some(7), OptimizerKind::Momentum),
            &xs,
            Targets::Classes(&ys, 2),
        );
        for _ in 0..50 {
            m.step();
        }
        m.params
    };
    assert_eq!(run(9), run(9));
    assert_ne!(run(9), run(10));
}

#[test]
fn an_exploding_learning_rate_is_refused_and_leaves_finite_weights() {
    let d = generate(Pattern::Circles, 100, 0.1, 1.0, 1);
    let (xs, ys) = classes(&d.train);
    let values: Vec<f64> = ys.iter().map(|&c| 10.0 * c as f64).collect();
    let mut m = Mlp::new(
        arch(0b111_1111, &[16, 16], Activation::Relu, 1),
        training(100.0, Some(1), OptimizerKind::Sgd),
        &xs,
        Targets::Values(&values),
    );
    let diverged = (0..50).any(|_| m.step() == Epoch::Diverged);
    assert!(diverged);
    assert!(m.params.iter().all(|w| w.is_finite()));
}
