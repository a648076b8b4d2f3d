//! The regression core checked against independent answers: the closed-form ridge solution
//! (solved with nalgebra), hand-derived properties of L1 and L2, reproducibility, and the
//! over- and underfitting cases the Regression lab promises, by a fixed number of epochs.

use nalgebra::{DMatrix, DVector, SymmetricEigen};
use paramlab_core::data::regression::{generate, Curve, DataSpec, Dataset};
use paramlab_core::ml::diagnosis::{diagnose, Diagnosis, Errors, Evidence, Fit, Levers, Trend};
use paramlab_core::ml::legendre;
use paramlab_core::ml::metrics::variance;
use paramlab_core::ml::model::Epoch;
use paramlab_core::ml::model::Model;
use paramlab_core::ml::optimizer::OptimizerKind;
use paramlab_core::ml::polynomial::{Hyper, Trainer};
use paramlab_core::ml::regularization::Regularization;
use proptest::prelude::*;

fn data(curve: Curve, points: usize, noise: f64, seed: u64) -> Dataset {
    generate(&DataSpec::new(curve, points, noise, 0.7, seed).unwrap())
}

/// Feature matrix (φ₀ … φ_d per row) and targets of the training points.
fn design(d: &Dataset, degree: usize) -> (DMatrix<f64>, DVector<f64>) {
    let n = d.train.len();
    let mut x = DMatrix::zeros(n, degree + 1);
    let mut row = vec![0.0; degree + 1];
    for (i, p) in d.train.iter().enumerate() {
        legendre::fill(p.x, &mut row);
        for (j, v) in row.iter().enumerate() {
            x[(i, j)] = *v;
        }
    }
    (x, DVector::from_iterator(n, d.train.iter().map(|p| p.y)))
}

/// Minimizer of (1/n)‖Xw − y‖² + λ‖w₁…‖²: solves (XᵀX/n + λD)w = Xᵀy/n, D = I without the
/// intercept's entry. Also returns the Hessian 2(XᵀX/n + λD).
fn ridge(x: &DMatrix<f64>, y: &DVector<f64>, lambda: f64) -> (DVector<f64>, DMatrix<f64>) {
    let n = x.nrows() as f64;
    let mut a = x.transpose() * x / n;
    for j in 1..a.nrows() {
        a[(j, j)] += lambda;
    }
    let b = x.transpose() * y / n;
    let w = a
        .clone()
        .lu()
        .solve(&b)
        .expect("ridge system is regular for λ > 0");
    (w, a * 2.0)
}

fn trainer(
    d: &Dataset,
    lr: f64,
    degree: usize,
    reg: Regularization,
    lambda: f64,
    opt: OptimizerKind,
) -> Trainer {
    Trainer::new(
        Hyper::new(lr, degree, reg, lambda, None, opt).unwrap(),
        &d.train,
        1,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Full-batch gradient descent with step 1/L (L the Hessian's largest eigenvalue) converges
    /// linearly at rate 1 − μ/L, so κ·ln(10¹⁰) steps shrink the initial error by 10¹⁰.
    #[test]
    fn gradient_descent_reaches_the_closed_form_ridge_solution(
        seed in any::<u64>(), degree in 1usize..=8, log_lambda in -3.0f64..0.0,
    ) {
        let lambda = 10f64.powf(log_lambda);
        let d = data(Curve::Sine, 60, 0.2, seed);
        let (x, y) = design(&d, degree);
        let (want, hessian) = ridge(&x, &y, lambda);
        let eig = SymmetricEigen::new(hessian).eigenvalues;
        let (lo, hi) = (eig.min(), eig.max());
        let steps = ((hi / lo) * (1e10f64).ln()).ceil() as usize;
        prop_assume!(steps < 400_000);
        let mut t = trainer(&d, 1.0 / hi, degree, Regularization::L2, lambda, OptimizerKind::Sgd);
        for _ in 0..steps {
            let done = t.step() != Epoch::Diverged;
            prop_assert!(done);
        }
        let got = &t.model().weights;
        for (g, w) in got.iter().zip(want.iter()) {
            prop_assert!((g - w).abs() < 1e-6 * (1.0 + want.norm()), "got {:?}, want {}", got, want);
        }
    }
}

#[test]
fn large_l1_gives_exact_zeros_and_small_l1_does_not() {
    let d = data(Curve::Cubic, 80, 0.1, 5);
    let fit = |lambda: f64| {
        let mut t = trainer(&d, 0.05, 8, Regularization::L1, lambda, OptimizerKind::Sgd);
        for _ in 0..5000 {
            t.step();
        }
        t.model().weights[1..].iter().filter(|w| **w == 0.0).count()
    };
    // A weight stays at zero when |gradient of the MSE| ≤ λ there; at λ = 0.3 most of the
    // eight weights of the cubic data qualify, at λ = 1e-6 none does.
    assert!(fit(0.3) >= 5, "{} zeros", fit(0.3));
    assert_eq!(fit(1e-6), 0);
}

#[test]
fn l2_norm_of_the_weights_falls_as_lambda_grows() {
    let d = data(Curve::Sine, 40, 0.3, 11);
    let (x, y) = design(&d, 10);
    let mut last = f64::INFINITY;
    for lambda in [0.0, 1e-4, 1e-3, 1e-2, 1e-1, 1.0] {
        let mut t = trainer(
            &d,
            0.02,
            10,
            Regularization::L2,
            lambda,
            OptimizerKind::Adam,
        );
        for _ in 0..20_000 {
            t.step();
        }
        let norm: f64 = t.model().weights[1..]
            .iter()
            .map(|w| w * w)
            .sum::<f64>()
            .sqrt();
        assert!(norm < last, "λ = {lambda}: ‖w‖ = {norm} not below {last}");
        last = norm;
        if lambda > 0.0 {
            let (want, _) = ridge(&x, &y, lambda);
            let want_norm = want.rows(1, want.len() - 1).norm();
            // Adam ends within its step size of the ridge solution.
            assert!(
                (norm - want_norm).abs() < 0.05 * (1.0 + want_norm),
                "λ = {lambda}: {norm} vs {want_norm}"
            );
        }
    }
}

#[test]
fn same_seed_same_data_and_same_training() {
    let run = || {
        let d = data(Curve::Step, 50, 0.2, 77);
        let h = Hyper::new(
            0.01,
            6,
            Regularization::L2,
            1e-3,
            Some(8),
            OptimizerKind::Momentum,
        )
        .unwrap();
        let mut t = Trainer::new(h, &d.train, 77);
        for _ in 0..300 {
            t.step();
        }
        (d, t.model().weights.clone())
    };
    let (d1, w1) = run();
    let (d2, w2) = run();
    assert_eq!(d1, d2);
    assert_eq!(w1, w2); // bit for bit
}

/// The verdict on a trained, settled polynomial with `parameters` coefficients (noise σ = 0.2).
fn judge(t: &Trainer, d: &Dataset, targets: &[f64], parameters: usize) -> Diagnosis {
    diagnose(&Evidence {
        errors: Errors::Numbers {
            train: t.train_mse(),
            test: t.score(&d.test).loss,
            noise_sd: 0.2,
            variance: variance(targets),
            test_points: d.test.len(),
        },
        trend: Trend::Settled,
        train_points: d.train.len(),
        parameters,
        strong_penalty: false,
        penalized: false,
        objective_rise: None,
        hidden: None,
        layers: 0,
        blind_to: None,
        flat_start: false,
        at_guess: false,
        overshoot: None,
        momentum: None,
        levers: Levers::default(),
        best_reachable: None,
        above_zero_weights: None,
        penalty_pull: None,
        test_rise: None,
        test_fall: None,
        growing: false,
        beyond: None,
        jitter: None,
        curve: None,
        overconfident: None,
        shares_only: None,
        coincident: None,
    })
}

/// "Degree 15, λ = 0, about 20 points must visibly overfit within 10 s" — 10 s at the target of
/// 10,000 epochs per second is 100,000 epochs; it already overfits by 2,000.
#[test]
fn degree_15_on_20_points_overfits() {
    for seed in 1..=10 {
        let d = data(Curve::Sine, 20, 0.2, seed);
        let mut t = trainer(&d, 0.03, 15, Regularization::None, 0.0, OptimizerKind::Adam);
        for _ in 0..2000 {
            t.step();
        }
        let targets: Vec<f64> = d.train.iter().map(|p| p.y).collect();
        let verdict = judge(&t, &d, &targets, 16);
        assert_eq!(
            verdict.fit,
            Fit::TooFewPoints, // 14 training points for 16 coefficients
            "seed {seed}: {}",
            verdict.reason
        );
        assert!(t.score(&d.test).loss > 5.0 * t.train_mse());
    }
}

#[test]
fn degree_1_on_sine_underfits_and_degree_3_fits() {
    for seed in 1..=10 {
        let d = data(Curve::Sine, 40, 0.2, seed);
        let targets: Vec<f64> = d.train.iter().map(|p| p.y).collect();
        let verdict = |degree| {
            let mut t = trainer(
                &d,
                0.03,
                degree,
                Regularization::None,
                0.0,
                OptimizerKind::Adam,
            );
            for _ in 0..3000 {
                t.step();
            }
            judge(&t, &d, &targets, degree + 1).fit
        };
        assert_eq!(verdict(1), Fit::TooSimple, "seed {seed}");
        assert!(!verdict(3).is_underfitting(), "seed {seed}");
    }
}

#[test]
fn plain_sgd_at_the_largest_learning_rate_diverges() {
    let d = data(Curve::Sine, 40, 0.2, 3);
    let mut t = trainer(&d, 10.0, 3, Regularization::None, 0.0, OptimizerKind::Sgd);
    let diverged = (0..100).any(|_| t.step() == Epoch::Diverged);
    assert!(diverged);
    assert!(t.train_mse().is_finite() && t.model().weights.iter().all(|w| w.is_finite()));
}

mod fingerprint;
mod knn_case;

#[test]
fn native_run_matches_the_recorded_fingerprint() {
    assert_eq!(fingerprint::compute(), fingerprint::EXPECTED);
}

/// The k-NN decision map equals the per-query search cell by cell (shared with the browser test,
/// which checks the SIMD vote sum the same way).
#[test]
fn knn_map_equals_one_query_at_a_time() {
    knn_case::map_equals_one_query_at_a_time();
}
