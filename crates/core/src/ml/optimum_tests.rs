//! The solvers against answers found another way: by hand, by the gradient of the objective
//! written out here, and by the models' own gradient descent run to convergence.

use super::*;
use crate::data::classification::{generate as plane_data, Pattern};
use crate::data::regression::{generate, Curve, DataSpec};
use crate::ml::model::Epoch;
use crate::ml::optimizer::OptimizerKind;
use crate::ml::polynomial::Trainer;

fn line(regularization: Regularization, lambda: f64, degree: usize) -> Hyper {
    Hyper::new(
        0.1,
        degree,
        regularization,
        lambda,
        None,
        OptimizerKind::Sgd,
    )
    .unwrap()
}

/// Three points (−1, 0), (0, 1), (1, 5). The xs sum to 0, so the intercept is the mean of the
/// ys, 2, and the slope Σxy/Σx² = 5/2; on the features (1, √3·x): w = (2, 2.5/√3). Residuals
/// −0.5, 1, −0.5: MSE 1.5/3 = 0.5. With L2, the slope's weight solves
/// (2/3)·Σ√3x·(√3x·w₁ − y) + 2λw₁ = 0, i.e. w₁ = (5√3/3)/(2 + λ): at λ = 0.5, 2/√3 (slope 2).
#[test]
fn least_squares_line_by_hand() {
    let pts = [(-1.0, 0.0), (0.0, 1.0), (1.0, 5.0)].map(|(x, y)| Point { x, y });
    let w = polynomial_weights(&line(Regularization::None, 0.0, 1), &pts).unwrap();
    let s3 = 3f64.sqrt();
    assert!(
        (w[0] - 2.0).abs() < 1e-8 && (w[1] - 2.5 / s3).abs() < 1e-8,
        "{w:?}"
    );
    let mse = polynomial_mse(&line(Regularization::None, 0.0, 1), &pts).unwrap();
    assert!((mse - 0.5).abs() < 1e-8, "{mse}");
    let w = polynomial_weights(&line(Regularization::L2, 0.5, 1), &pts).unwrap();
    assert!(
        (w[0] - 2.0).abs() < 1e-8 && (w[1] - 2.0 / s3).abs() < 1e-8,
        "{w:?}"
    );
    assert_eq!(
        polynomial_weights(&line(Regularization::L1, 0.5, 1), &pts),
        None
    );
}

/// More weights than points: the minimum without a penalty passes through every point.
#[test]
fn a_polynomial_with_more_weights_than_points_interpolates() {
    let pts = [(-0.8, 1.0), (-0.1, -2.0), (0.3, 0.5), (0.9, 3.0)].map(|(x, y)| Point { x, y });
    let mse = polynomial_mse(&line(Regularization::None, 0.0, 6), &pts).unwrap();
    assert!(mse < 1e-6, "{mse}");
}

/// Full-batch gradient descent on the same objective, run until it stops moving, lands on the
/// solver's weights.
#[test]
fn polynomial_optimum_is_where_gradient_descent_ends() {
    let data = generate(&DataSpec::new(Curve::Sine, 40, 0.2, 0.75, 3).unwrap());
    for (regularization, lambda) in [(Regularization::None, 0.0), (Regularization::L2, 0.01)] {
        let hyper = line(regularization, lambda, 4);
        let mut trainer = Trainer::new(hyper, &data.train, 0);
        for _ in 0..20_000 {
            assert!(matches!(trainer.step(), Epoch::Done { .. }));
        }
        let want = &trainer.model().weights;
        let got = polynomial_weights(&hyper, &data.train).unwrap();
        for (g, w) in got.iter().zip(want) {
            assert!((g - w).abs() < 1e-6, "λ = {lambda}: {got:?} vs {want:?}");
        }
    }
}

fn logistic_hyper(degree: usize, regularization: Regularization, lambda: f64) -> LogisticHyper {
    LogisticHyper::new(1.0, degree, regularization, lambda, OptimizerKind::Sgd).unwrap()
}

/// Features (1, x₁, x₂, x₁², x₁x₂, x₂²) up to degree 2, written out.
fn phi(p: &Point2, degree: usize) -> Vec<f64> {
    let (a, b) = (p.x1, p.x2);
    let all = [1.0, a, b, a * a, a * b, b * b];
    all[..if degree == 1 { 3 } else { 6 }].to_vec()
}

/// The gradient of (1/n)·Σ −ln p(y) + λ·Σw² (intercepts excluded) + RIDGE·Σw², written out
/// from the definitions: softmax with `libm::exp`, features by [`phi`].
fn penalized_gradient(
    w: &[f64],
    pts: &[Point2],
    classes: usize,
    degree: usize,
    lambda: f64,
) -> Vec<f64> {
    let f = phi(&pts[0], degree).len();
    let mut g = vec![0.0; w.len()];
    for p in pts {
        let x = phi(p, degree);
        let scores: Vec<f64> = (0..classes)
            .map(|k| (0..f).map(|a| w[k * f + a] * x[a]).sum())
            .collect();
        let total: f64 = scores.iter().map(|s| libm::exp(*s)).sum();
        for k in 0..classes {
            let target = if p.class == k { 1.0 } else { 0.0 };
            for a in 0..f {
                g[k * f + a] += (libm::exp(scores[k]) / total - target) * x[a] / pts.len() as f64;
            }
        }
    }
    for (i, gi) in g.iter_mut().enumerate() {
        let l = if i % f == 0 { 0.0 } else { lambda };
        *gi += 2.0 * (l + RIDGE) * w[i];
    }
    g
}

/// At the returned weights the gradient of the penalized objective, computed here from its
/// definition, is zero: two overlapping classes by hand, and three noisy blobs with squares.
#[test]
fn logistic_optimum_has_zero_gradient() {
    let pts: Vec<Point2> = [
        (0.1, 0.2, 0),
        (-0.5, 0.4, 0),
        (0.3, -0.6, 0),
        (0.6, 0.1, 1),
        (0.2, 0.5, 1),
        (-0.2, -0.3, 1),
        (0.8, -0.4, 1),
    ]
    .iter()
    .map(|&(x1, x2, class)| Point2 { x1, x2, class })
    .collect();
    for lambda in [0.0, 0.05] {
        let reg = if lambda > 0.0 {
            Regularization::L2
        } else {
            Regularization::None
        };
        let w = logistic_weights(&logistic_hyper(1, reg, lambda), &pts, 2).unwrap();
        let g = penalized_gradient(&w, &pts, 2, 1, lambda);
        assert!(
            g.iter().all(|g| g.abs() < 1e-8),
            "λ = {lambda}: {g:?} at {w:?}"
        );
        assert!(
            w.iter().any(|w| w.abs() > 0.1),
            "a non-trivial answer: {w:?}"
        );
    }
    let blobs = plane_data(Pattern::ThreeBlobs, 90, 0.5, 0.8, 4);
    let hyper = logistic_hyper(2, Regularization::L2, 0.001);
    let w = logistic_weights(&hyper, &blobs.train, 3).unwrap();
    let g = penalized_gradient(&w, &blobs.train, 3, 2, 0.001);
    assert!(g.iter().all(|g| g.abs() < 1e-8), "{g:?}");
    let on_l1 = logistic_hyper(2, Regularization::L1, 0.001);
    assert_eq!(logistic_weights(&on_l1, &blobs.train, 3), None);
}

/// The model's own full-batch gradient descent, run long, ends where Newton's method does, and
/// classifies its training points as the optimum does.
#[test]
fn logistic_optimum_is_where_the_models_training_ends() {
    let moons = plane_data(Pattern::Moons, 120, 0.3, 0.8, 42);
    let hyper = logistic_hyper(1, Regularization::L2, 0.001);
    let mut model = Logistic::new(hyper, &moons.train, 2);
    for _ in 0..30_000 {
        assert!(matches!(model.step(), Epoch::Done { .. }));
    }
    let want = model.weights();
    let got = logistic_weights(&hyper, &moons.train, 2).unwrap();
    for (g, w) in got.iter().zip(want) {
        assert!((g - w).abs() < 1e-4, "{got:?} vs {want:?}");
    }
    let mut p = [0.0; 2];
    let right = (moons.train.iter())
        .filter(|q| {
            model.proba(q.x1, q.x2, &mut p);
            argmax(&p) == q.class
        })
        .count();
    let trained = right as f64 / moons.train.len() as f64;
    let best = logistic_accuracy(&hyper, &moons.train, 2).unwrap();
    assert_eq!(best, trained);
    // A straight line cannot separate the moons.
    assert!(best < 0.95, "{best}");
}

/// Separable classes and no penalty: the cross-entropy has no minimum, but with the tiny ridge
/// the answer exists, and it classifies every training point right.
#[test]
fn separable_classes_are_all_classified_right() {
    let circles = plane_data(Pattern::Circles, 200, 0.0, 0.8, 1);
    let hyper = logistic_hyper(2, Regularization::None, 0.0);
    assert_eq!(logistic_accuracy(&hyper, &circles.train, 2), Some(1.0));
}

/// Beyond MAX_WEIGHTS no optimum is computed (its cost would be a pause on the page): products
/// up to degree 4 on two classes are 2 × 15 = 30 weights, degree 5 on two classes 42.
#[test]
fn large_feature_maps_get_no_optimum() {
    let circles = plane_data(Pattern::Circles, 200, 0.0, 0.8, 1);
    let at = |degree| {
        logistic_accuracy(
            &logistic_hyper(degree, Regularization::L2, 0.01),
            &circles.train,
            2,
        )
    };
    assert!(at(4).is_some());
    assert_eq!(at(5), None);
}

/// L1 by hand: points (−1, −0.5) and (1, 0.5), degree 1. With φ₁ = √3·x the objective is
/// (√3·w₁ − 0.5)² + λ|w₁| (w₀ = 0), so w₁ = (√3 − λ)/6 for λ < √3 and 0 beyond.
#[test]
fn lasso_line_by_hand() {
    let pts = [(-1.0, -0.5), (1.0, 0.5)].map(|(x, y)| Point { x, y });
    for (lambda, slope) in [(1.2, (3.0f64 - 3.0f64.sqrt() * 1.2) / 6.0), (2.0, 0.0)] {
        let w = lasso_weights(&line(Regularization::L1, lambda, 1), &pts).unwrap();
        assert!(w[0].abs() < 1e-9, "{w:?}");
        assert!(
            (3.0f64.sqrt() * w[1] - slope).abs() < 1e-7,
            "λ {lambda}: {w:?}"
        );
    }
    assert_eq!(lasso_weights(&line(Regularization::L2, 0.5, 1), &pts), None);
}

/// The L1 minimum on noisy data of degree 9 meets the optimality conditions of its objective,
/// written out here: each penalized weight's gradient of the squared error, g = (2/n)·Σφ·(y − ŷ),
/// is λ·sign(w) where w ≠ 0 and within ±λ where w = 0; the intercept's is 0. Some weights are
/// exactly zero.
#[test]
fn the_lasso_minimum_meets_its_optimality_conditions() {
    let data = generate(&DataSpec::new(Curve::Sine, 40, 0.2, 0.75, 3).unwrap());
    for lambda in [0.001, 0.01, 0.05] {
        let hyper = line(Regularization::L1, lambda, 9);
        let w = lasso_weights(&hyper, &data.train).unwrap();
        let design = Design::new(&data.train, 9);
        let n = design.len() as f64;
        let residual: Vec<f64> = (0..design.len())
            .map(|r| design.targets()[r] - (0..10).map(|k| design.row(r)[k] * w[k]).sum::<f64>())
            .collect();
        let g = |k: usize| {
            2.0 / n
                * (0..design.len())
                    .map(|r| design.row(r)[k] * residual[r])
                    .sum::<f64>()
        };
        assert!(g(0).abs() < 1e-8, "λ {lambda}: intercept {}", g(0));
        for (k, &wk) in w.iter().enumerate().skip(1) {
            if wk == 0.0 {
                assert!(
                    g(k).abs() <= lambda + 1e-8,
                    "λ {lambda}: w{k} = 0, g = {}",
                    g(k)
                );
            } else {
                assert!(
                    (g(k) - lambda * wk.signum()).abs() < 1e-6,
                    "λ {lambda}: w{k} = {wk}, g = {}",
                    g(k)
                );
            }
        }
        if lambda >= 0.01 {
            assert!(w.iter().skip(1).any(|v| *v == 0.0), "λ {lambda}: {w:?}");
        }
    }
}

/// The stable learning rates by hand: one point at x = 0 on degree 1 has features (1, 0), the
/// curvature (2/n)·ΦᵀΦ = diag(2, 0), so the limit is 2/2 = 1 (the loss is multiplied by
/// (1 − 2η)² a step); two points at x = ±1 have features (1, ±√3), curvature diag(2, 6), so
/// the limit is 2/6. L2 adds its pull 2λ to every weight's curvature but the intercept's:
/// λ = 3 on the first makes it diag(2, 6), limit 1/3; λ = 1 on the second diag(2, 8), limit
/// 1/4. L1 has no curvature at zero to bound. And by the models' own gradient descent: on a
/// sine of 40 points at degree 5, 2 % under the limit every epoch lowers the objective for
/// 5,000 epochs, and 2 % over it training explodes, with no penalty and with L2.
#[test]
fn stable_learning_rate_by_hand_and_by_descent() {
    let at = |xs: &[f64]| xs.iter().map(|&x| Point { x, y: 1.0 }).collect::<Vec<_>>();
    let hyper = |lr: f64, degree, regularization, lambda| {
        Hyper::new(lr, degree, regularization, lambda, None, OptimizerKind::Sgd).unwrap()
    };
    let limit = |degree, regularization, lambda, xs: &[f64]| {
        stable_learning_rate(&hyper(0.1, degree, regularization, lambda), &at(xs))
    };
    let close = |a: Option<f64>, b: f64| a.is_some_and(|a| (a - b).abs() < 1e-12);
    assert!(close(limit(1, Regularization::None, 0.0, &[0.0]), 1.0));
    assert!(close(
        limit(1, Regularization::None, 0.0, &[-1.0, 1.0]),
        1.0 / 3.0
    ));
    assert!(close(limit(1, Regularization::L2, 3.0, &[0.0]), 1.0 / 3.0));
    assert!(close(limit(1, Regularization::L2, 1.0, &[-1.0, 1.0]), 0.25));
    // (λ unused without its penalty; L1 at λ = 0 is no penalty.)
    assert!(close(limit(1, Regularization::None, 3.0, &[0.0]), 1.0));
    assert!(close(limit(1, Regularization::L1, 0.0, &[0.0]), 1.0));
    assert_eq!(limit(1, Regularization::L1, 0.1, &[0.0]), None);
    assert_eq!(limit(1, Regularization::None, 0.0, &[]), None);
    let data = generate(&DataSpec::new(Curve::Sine, 40, 0.2, 0.75, 3).unwrap());
    for (regularization, lambda) in [(Regularization::None, 0.0), (Regularization::L2, 0.5)] {
        let limit = stable_learning_rate(&hyper(0.1, 5, regularization, lambda), &data.train);
        let limit = limit.unwrap();
        let descend = |lr: f64| {
            let mut trainer = Trainer::new(hyper(lr, 5, regularization, lambda), &data.train, 1);
            let mut last = f64::INFINITY;
            for _ in 0..5_000 {
                let Epoch::Done { .. } = trainer.step() else {
                    return false;
                };
                // (At the minimum the last bits of the objective wobble.)
                match trainer.objective() {
                    now if now <= last * (1.0 + 1e-12) => last = now,
                    _ => return false,
                }
            }
            true
        };
        assert!(descend(0.98 * limit), "{regularization:?}: {limit}");
        assert!(!descend(1.02 * limit), "{regularization:?}: {limit}");
    }
}
