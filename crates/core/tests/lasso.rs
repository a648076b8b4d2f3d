//! L1 under every optimizer minimizes the objective the app states:
//! (1/n)·Σ loss + λ·Σ|w| over the penalized weights (never the intercepts).
//!
//! Independent answers: a hand-solved case, a coordinate-descent lasso solver for regression and
//! a plain proximal-gradient (ISTA) solver for softmax regression, both written here.

use paramlab_core::data::classification::{generate as plane, Pattern, Point2};
use paramlab_core::data::regression::{generate, Curve, DataSpec, Point};
use paramlab_core::ml::legendre;
use paramlab_core::ml::logistic::{exponents, features, Logistic, LogisticHyper};
use paramlab_core::ml::model::Model;
use paramlab_core::ml::optimizer::OptimizerKind;
use paramlab_core::ml::polynomial::{Hyper, Trainer};
use paramlab_core::ml::regularization::Regularization;

const OPTIMIZERS: [OptimizerKind; 3] = [
    OptimizerKind::Sgd,
    OptimizerKind::Momentum,
    OptimizerKind::Adam,
];

fn train(
    points: &[Point],
    degree: usize,
    lr: f64,
    lambda: f64,
    opt: OptimizerKind,
    epochs: u32,
) -> Trainer {
    let h = Hyper::new(lr, degree, Regularization::L1, lambda, None, opt).unwrap();
    let mut t = Trainer::new(h, points, 0);
    for _ in 0..epochs {
        t.step();
    }
    t
}

/// Points (−1, −0.5) and (1, 0.5), degree 1. With φ₁ = √3·x the objective is
/// (√3·w₁ − 0.5)² + λ|w₁| (w₀ = 0), so w₁ = (√3 − λ)/6 for λ < √3 and 0 beyond: the slope in x,
/// √3·w₁, is 0 for λ = 2 and (3 − √3·1.2)/6 = 0.15359 for λ = 1.2.
#[test]
fn the_hand_case_under_every_optimizer() {
    let pts = [Point { x: -1.0, y: -0.5 }, Point { x: 1.0, y: 0.5 }];
    for opt in OPTIMIZERS {
        let slope = |lambda| train(&pts, 1, 0.1, lambda, opt, 3000).model().powers()[1];
        assert_eq!(slope(2.0), 0.0, "{opt:?}, λ = 2: exactly zero");
        let expected = (3.0 - 3f64.sqrt() * 1.2) / 6.0;
        let got = slope(1.2);
        assert!(
            (got - expected).abs() < 1e-4,
            "{opt:?}, λ = 1.2: {got} ≠ {expected}"
        );
    }
}

/// Coordinate descent for (1/n)·‖Φw − y‖² + λ·Σ_{j≥1}|w_j| on the Legendre features.
fn lasso_by_coordinate_descent(points: &[Point], degree: usize, lambda: f64) -> Vec<f64> {
    let n = points.len() as f64;
    let width = degree + 1;
    let rows: Vec<Vec<f64>> = points
        .iter()
        .map(|p| {
            let mut row = vec![0.0; width];
            legendre::fill(p.x, &mut row);
            row
        })
        .collect();
    let mut w = vec![0.0; width];
    for _ in 0..20_000 {
        let mut change: f64 = 0.0;
        for j in 0..width {
            let (mut rho, mut z) = (0.0, 0.0);
            for (row, p) in rows.iter().zip(points) {
                let others: f64 = (0..width).filter(|&k| k != j).map(|k| row[k] * w[k]).sum();
                rho += 2.0 / n * row[j] * (p.y - others);
                z += 2.0 / n * row[j] * row[j];
            }
            let new = if j == 0 {
                rho / z
            } else {
                (rho.abs() - lambda).max(0.0) * rho.signum() / z
            };
            change = change.max((new - w[j]).abs());
            w[j] = new;
        }
        if change < 1e-13 {
            break;
        }
    }
    w
}

#[test]
fn polynomial_lasso_matches_coordinate_descent_under_every_optimizer() {
    let data = generate(&DataSpec::new(Curve::Sine, 40, 0.2, 0.75, 11).unwrap());
    for lambda in [0.01, 0.05] {
        let exact = lasso_by_coordinate_descent(&data.train, 6, lambda);
        let zeros = exact.iter().filter(|w| **w == 0.0).count();
        assert!(zeros > 0, "λ = {lambda}: the case should zero some weights");
        for (opt, lr) in [
            (OptimizerKind::Sgd, 0.1),
            (OptimizerKind::Momentum, 0.02),
            (OptimizerKind::Adam, 0.01),
        ] {
            let t = train(&data.train, 6, lr, lambda, opt, 40_000);
            let w = &t.model().weights;
            for (j, (a, b)) in w.iter().zip(&exact).enumerate() {
                assert!(
                    (a - b).abs() < 1e-4,
                    "{opt:?} λ = {lambda} w{j}: {a} vs {b}"
                );
                assert_eq!(
                    *a == 0.0,
                    *b == 0.0,
                    "{opt:?} λ = {lambda}: w{j} zero or not"
                );
            }
            // The score the page shows is the data term alone, for the same weights.
            let mse = t.score(&data.train).loss;
            assert!((mse - t.train_mse()).abs() < 1e-12);
        }
    }
}

/// Softmax regression's objective: mean cross-entropy + λ·Σ|w| over non-intercept weights,
/// minimized by proximal gradient with a small fixed step, long enough to converge.
fn softmax_lasso_by_ista(
    points: &[Point2],
    classes: usize,
    degree: usize,
    lambda: f64,
) -> Vec<f64> {
    let exps = exponents(degree);
    let f = exps.len();
    let n = points.len() as f64;
    let mut w = vec![0.0; classes * f];
    let mut phi = vec![0.0; f];
    let step = 0.5;
    for _ in 0..60_000 {
        let mut grad = vec![0.0; classes * f];
        for p in points {
            features(&exps, p.x1, p.x2, &mut phi);
            let scores: Vec<f64> = (0..classes)
                .map(|k| (0..f).map(|i| w[k * f + i] * phi[i]).sum())
                .collect();
            let top = scores.iter().cloned().fold(f64::MIN, f64::max);
            let exp: Vec<f64> = scores.iter().map(|s| (s - top).exp()).collect();
            let total: f64 = exp.iter().sum();
            for k in 0..classes {
                let err = exp[k] / total - if k == p.class { 1.0 } else { 0.0 };
                for i in 0..f {
                    grad[k * f + i] += err * phi[i] / n;
                }
            }
        }
        for (i, (wi, g)) in w.iter_mut().zip(&grad).enumerate() {
            let moved = *wi - step * g;
            *wi = if i % f == 0 {
                moved
            } else {
                (moved.abs() - step * lambda).max(0.0) * moved.signum()
            };
        }
    }
    w
}

#[test]
fn logistic_lasso_matches_proximal_gradient_under_every_optimizer() {
    let data = plane(Pattern::Moons, 120, 0.3, 0.7, 4);
    let lambda = 0.02;
    let exact = softmax_lasso_by_ista(&data.train, 2, 2, lambda);
    assert!(exact.contains(&0.0), "the case should zero some weights");
    for (opt, lr) in [
        (OptimizerKind::Sgd, 0.5),
        (OptimizerKind::Momentum, 0.1),
        (OptimizerKind::Adam, 0.01),
    ] {
        let h = LogisticHyper::new(lr, 2, Regularization::L1, lambda, opt).unwrap();
        let mut m = Logistic::new(h, &data.train, 2);
        for _ in 0..30_000 {
            m.step();
        }
        for (i, (a, b)) in m.weights().iter().zip(&exact).enumerate() {
            assert!((a - b).abs() < 2e-3, "{opt:?} w{i}: {a} vs {b}");
            assert_eq!(
                *a == 0.0,
                *b == 0.0,
                "{opt:?}: w{i} zero or not ({a} vs {b})"
            );
        }
    }
}
