//! The surrogate of Bayesian optimization: a Gaussian process fitted to the cross-validation
//! errors of the trials so far, on the unit square (or segment) of the search space. At any point
//! it gives a best guess of the error (the posterior mean) and how unsure that guess is (the
//! posterior standard deviation), and from the two the *expected improvement* of trying there.
//!
//! **Model.** The errors are first normalized: minus their mean, over their sample standard
//! deviation (n − 1 in the denominator; 1 if there is only one or they are all equal). Prior: mean 0, covariance the
//! squared-exponential kernel k(a, b) = exp(−‖a − b‖² / (2ℓ²)) with a length scale ℓ
//! (in unit coordinates), plus an observation-noise variance σₙ² on the diagonal. With
//! K = k(X, X) + σₙ²I = LLᵀ (Cholesky) and k* = k(X, x):
//! mean(x) = k*ᵀ K⁻¹ y, variance(x) = 1 − ‖L⁻¹k*‖² (of the noise-free error), both turned back
//! into error units. σₙ² is fixed; ℓ is the likeliest of a few for the trials so far
//! ([`Gp::fit_best`], the marginal likelihood log p(y | X) = −½·yᵀK⁻¹y − ½·log det K −
//! (n/2)·log 2π). A fixed ℓ of a fifth of an axis smoothed degree's sharp drop from 2 to 3 away
//! and missed trial errors by 80 % and more while showing no doubt there.

use super::cv::MeanSd;
use nalgebra::{DMatrix, DVector};

/// Why a kernel or a fit was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum GpError {
    /// The length scale must be positive and finite.
    LengthScale(f64),
    /// The noise variance must be in 10⁻¹⁰ … 1.
    Noise(f64),
    /// No observations, or not as many errors as points.
    Observations { points: usize, errors: usize },
    /// An error that is not a finite number.
    NotFinite(f64),
}

impl core::fmt::Display for GpError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            GpError::LengthScale(l) => write!(f, "length scale must be positive, got {l}"),
            GpError::Noise(n) => write!(f, "noise variance must be 1e-10 … 1, got {n}"),
            GpError::Observations { points, errors } => {
                write!(
                    f,
                    "need as many errors as points (at least one): {points} and {errors}"
                )
            }
            GpError::NotFinite(e) => write!(f, "errors must be finite numbers, got {e}"),
        }
    }
}

/// The covariance of the surrogate: length scale and noise variance, in normalized units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Kernel {
    length: f64,
    noise: f64,
}

impl Kernel {
    pub fn new(length: f64, noise: f64) -> Result<Self, GpError> {
        if !(length > 0.0 && length.is_finite()) {
            return Err(GpError::LengthScale(length));
        }
        if !(1e-10..=1.0).contains(&noise) {
            return Err(GpError::Noise(noise));
        }
        Ok(Kernel { length, noise })
    }

    pub fn length(&self) -> f64 {
        self.length
    }
    pub fn noise(&self) -> f64 {
        self.noise
    }

    /// exp(−‖a − b‖² / (2ℓ²)).
    pub fn covariance(&self, a: &[f64], b: &[f64]) -> f64 {
        let d2: f64 = a.iter().zip(b).map(|(x, y)| (x - y) * (x - y)).sum();
        libm::exp(-d2 / (2.0 * self.length * self.length))
    }
}

impl Default for Kernel {
    /// ℓ = 0.2: a fifth of an axis, so a trial informs its neighbourhood but not the far side
    /// (the search also tries others, [`Gp::fit_best`]);
    /// σₙ² = 10⁻⁴: cross-validation errors are repeatable, so almost none, just enough to keep K
    /// well conditioned when two trials lie close. Not each trial's standard error (its folds'
    /// sd / √k) as noise of its own: every trial of a search uses the same folds, so the folds'
    /// spread (a hard fold is hard for every setting) is mostly shared and cancels between
    /// trials. Taken as independent noise, it read degree 1's error of 0.24 (± 0.088) as 0.065,
    /// smoothing the underfitting side away (session 46, `?lab=tuning&strategy=bayes&y=none`).
    fn default() -> Self {
        Kernel {
            length: 0.2,
            noise: 1e-4,
        }
    }
}

/// The surrogate's guess at one point, in error units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Prediction {
    pub mean: f64,
    pub sd: f64,
}

/// A Gaussian process fitted to observed errors.
#[derive(Clone, Debug)]
pub struct Gp {
    kernel: Kernel,
    points: Vec<Vec<f64>>,
    /// Cholesky factor L of K.
    l: DMatrix<f64>,
    /// K⁻¹y for the normalized errors y.
    alpha: DVector<f64>,
    offset: f64,
    scale: f64,
    best: f64,
    /// log p(y | X) of the normalized errors under this kernel.
    log_likelihood: f64,
}

impl Gp {
    /// Fits the process to `errors` observed at `points` (unit coordinates).
    pub fn fit(kernel: Kernel, points: &[Vec<f64>], errors: &[f64]) -> Result<Self, GpError> {
        let n = points.len();
        if n == 0 || errors.len() != n {
            return Err(GpError::Observations {
                points: n,
                errors: errors.len(),
            });
        }
        if let Some(&e) = errors.iter().find(|e| !e.is_finite()) {
            return Err(GpError::NotFinite(e));
        }
        let spread = MeanSd::of(errors);
        let scale = if spread.sd > 0.0 { spread.sd } else { 1.0 };
        let y = DVector::from_iterator(n, errors.iter().map(|e| (e - spread.mean) / scale));
        let k = DMatrix::from_fn(n, n, |i, j| {
            let noise = if i == j { kernel.noise } else { 0.0 };
            kernel.covariance(&points[i], &points[j]) + noise
        });
        // K's smallest eigenvalue is at least σₙ² ≥ 10⁻¹⁰, while rounding perturbs a Cholesky
        // factorization by about n²·ε·‖K‖ ≤ n³·2·10⁻¹⁶: below 10⁻¹⁰ for any search of up to
        // about 80 trials, so the factorization cannot fail for any budget a lab offers.
        let cholesky = k
            .cholesky()
            .expect("k(X, X) + σₙ²I with σₙ² ≥ 1e-10 is positive definite");
        let alpha = cholesky.solve(&y);
        let l = cholesky.unpack();
        // −½·yᵀK⁻¹y − ½·log det K − (n/2)·log 2π, with log det K = 2·Σ log Lᵢᵢ.
        let log_det: f64 = 2.0 * l.diagonal().iter().map(|d| d.ln()).sum::<f64>();
        let log_likelihood = -0.5 * y.dot(&alpha)
            - 0.5 * log_det
            - 0.5 * n as f64 * (2.0 * core::f64::consts::PI).ln();
        Ok(Gp {
            kernel,
            points: points.to_vec(),
            alpha,
            l,
            offset: spread.mean,
            scale,
            best: errors.iter().copied().fold(f64::INFINITY, f64::min),
            log_likelihood,
        })
    }

    /// Fits with each of `lengths` (and the kernel's noise) and keeps the fit under which the
    /// observed errors are most likely (the largest marginal likelihood, the rule scikit-learn's
    /// Gaussian process optimizes continuously; Optuna's adds priors on the kernel's settings): a length too long for the errors
    /// smooths a sharp drop away and misses the trials it was fitted to, one too short forgets
    /// each trial a step away from it. The first of equals wins.
    pub fn fit_best(
        kernel: Kernel,
        lengths: &[f64],
        points: &[Vec<f64>],
        errors: &[f64],
    ) -> Result<Self, GpError> {
        let mut best = Gp::fit(kernel, points, errors)?;
        for &length in lengths {
            let fit = Gp::fit(Kernel::new(length, kernel.noise)?, points, errors)?;
            if fit.log_likelihood > best.log_likelihood {
                best = fit;
            }
        }
        Ok(best)
    }

    /// The kernel fitted.
    pub fn kernel(&self) -> Kernel {
        self.kernel
    }

    /// The lowest error observed.
    pub fn best(&self) -> f64 {
        self.best
    }

    /// Posterior mean and standard deviation of the error at `x`.
    pub fn predict(&self, x: &[f64]) -> Prediction {
        let n = self.points.len();
        let k = DVector::from_iterator(n, self.points.iter().map(|p| self.kernel.covariance(p, x)));
        let v = self
            .l
            .solve_lower_triangular(&k)
            .expect("a Cholesky factor has a positive diagonal");
        let variance = (1.0 - v.norm_squared()).max(0.0);
        Prediction {
            mean: self.offset + self.scale * k.dot(&self.alpha),
            sd: self.scale * libm::sqrt(variance),
        }
    }

    /// The expected improvement at `x`: the mean of max(best − error, 0) under the posterior,
    /// positive even where the mean is above the best (the error there may still be lower).
    pub fn expected_improvement(&self, x: &[f64]) -> f64 {
        let p = self.predict(x);
        expected_improvement(self.best, p.mean, p.sd)
    }
}

/// The expected improvement over `best` of an error distributed as N(`mean`, `sd`²), when
/// lower is better: E[max(best − error, 0)] = (best − mean)·Φ(z) + sd·φ(z) = sd·(z·Φ(z) + φ(z))
/// with z = (best − mean)/sd; max(best − mean, 0) when sd is 0.
pub fn expected_improvement(best: f64, mean: f64, sd: f64) -> f64 {
    let gain = best - mean;
    if sd <= 0.0 {
        return gain.max(0.0);
    }
    let z = gain / sd;
    let cdf = 0.5 * libm::erfc(-z / core::f64::consts::SQRT_2);
    let pdf = libm::exp(-0.5 * z * z) / libm::sqrt(2.0 * core::f64::consts::PI);
    (gain * cdf + sd * pdf).max(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fit(length: f64, noise: f64, points: &[Vec<f64>], errors: &[f64]) -> Gp {
        Gp::fit(Kernel::new(length, noise).unwrap(), points, errors).unwrap()
    }

    #[test]
    fn the_posterior_interpolates_and_is_sure_only_near_observations() {
        let points = vec![vec![0.1], vec![0.4], vec![0.9]];
        let errors = [0.5, 0.2, 0.8];
        let gp = fit(0.2, 1e-10, &points, &errors);
        for (p, e) in points.iter().zip(errors) {
            let at = gp.predict(p);
            assert!((at.mean - e).abs() < 1e-6 && at.sd < 1e-3, "{at:?}");
        }
        let sd = |x: f64| gp.predict(&[x]).sd;
        assert!(
            sd(0.42) < sd(0.5) && sd(0.5) < sd(0.65),
            "{} {} {}",
            sd(0.42),
            sd(0.5),
            sd(0.65)
        );
        // Far from every point: the prior — the errors' mean and sample sd (0.3 here).
        let far = gp.predict(&[5.0]);
        assert!(
            (far.mean - 0.5).abs() < 1e-9 && (far.sd - 0.3).abs() < 1e-9,
            "{far:?}"
        );
        assert_eq!(gp.best(), 0.2);
    }

    #[test]
    fn two_points_match_the_explicit_inverse() {
        let (length, noise) = (0.3, 0.01);
        let points = vec![vec![0.2, 0.7], vec![0.5, 0.3]];
        let (e1, e2) = (1.0, 3.0);
        let gp = fit(length, noise, &points, &[e1, e2]);
        // Normalized: mean 2, sample sd √2, so y = (−1/√2, 1/√2).
        let (mean, sd) = (2.0, 2f64.sqrt());
        let y = [(e1 - mean) / sd, (e2 - mean) / sd];
        let k = |a: [f64; 2], b: [f64; 2]| {
            let d2 = (a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2);
            (-d2 / (2.0 * length * length)).exp()
        };
        let (p1, p2) = ([0.2, 0.7], [0.5, 0.3]);
        // K = [[a, c], [c, a]], K⁻¹ = [[a, −c], [−c, a]] / (a² − c²).
        let (a, c) = (1.0 + noise, k(p1, p2));
        let det = a * a - c * c;
        for x in [[0.3, 0.6], [0.9, 0.1], [0.2, 0.7]] {
            let (k1, k2) = (k(p1, x), k(p2, x));
            let w1 = (a * k1 - c * k2) / det; // (K⁻¹k*)₁
            let w2 = (a * k2 - c * k1) / det;
            let m = mean + sd * (w1 * y[0] + w2 * y[1]);
            let s = sd * (1.0 - (k1 * w1 + k2 * w2)).sqrt();
            let got = gp.predict(&x);
            assert!(
                (got.mean - m).abs() < 1e-12 && (got.sd - s).abs() < 1e-9,
                "{got:?} {m} {s}"
            );
        }
    }

    #[test]
    fn expected_improvement_in_closed_form() {
        // Φ(z) from erf, written out here independently of the code: Φ(z) = (1 + erf(z/√2))/2.
        let cdf = |z: f64| 0.5 * (1.0 + libm::erf(z / 2f64.sqrt()));
        let pdf = |z: f64| (-0.5 * z * z).exp() / (2.0 * std::f64::consts::PI).sqrt();
        for (best, mean, sd) in [(1.0, 0.7, 0.3), (0.2, 0.5, 0.1), (3.0, 3.0, 2.0)] {
            let z: f64 = (best - mean) / sd;
            let by_hand = sd * (z * cdf(z) + pdf(z));
            assert!((expected_improvement(best, mean, sd) - by_hand).abs() < 1e-15);
        }
        // Table values: Φ(1) = 0.8413447461, φ(1) = 0.2419707245; z = 0 gives sd/√(2π).
        let table = 0.3 * (0.8413447461 + 0.2419707245);
        assert!((expected_improvement(1.0, 0.7, 0.3) - table).abs() < 1e-10);
        assert!((expected_improvement(3.0, 3.0, 2.0) - 2.0 * 0.3989422804).abs() < 1e-9);
        // Certain guesses: the improvement itself, or nothing.
        assert_eq!(
            (
                expected_improvement(1.0, 0.4, 0.0),
                expected_improvement(1.0, 2.0, 0.0)
            ),
            (0.6, 0.0)
        );
        // Through the process: no improvement expected where the best point already is.
        let gp = fit(0.2, 1e-10, &[vec![0.1], vec![0.6]], &[0.3, 0.9]);
        // (sd there is about √σₙ² = 10⁻⁵ of the errors' spread: EI ≈ sd·φ(0).)
        assert!(gp.expected_improvement(&[0.1]) < 1e-5);
        assert!(gp.expected_improvement(&[0.3]) > 1e-3);
    }

    #[test]
    fn repeated_points_and_bad_input() {
        // The same point twice, with the least noise: still factors; the mean there is between.
        let same = fit(
            0.2,
            1e-10,
            &[vec![0.5], vec![0.5], vec![0.9]],
            &[1.0, 2.0, 2.0],
        );
        let at = same.predict(&[0.5]).mean;
        assert!((at - 1.5).abs() < 1e-4, "{at}");
        assert_eq!(Kernel::new(0.0, 0.1), Err(GpError::LengthScale(0.0)));
        assert_eq!(Kernel::new(0.2, 2.0), Err(GpError::Noise(2.0)));
        let k = Kernel::default();
        assert_eq!((k.length(), k.noise()), (0.2, 1e-4));
        let none = Gp::fit(k, &[], &[]).unwrap_err();
        assert_eq!(
            none,
            GpError::Observations {
                points: 0,
                errors: 0
            }
        );
        let nan = Gp::fit(k, &[vec![0.0]], &[f64::NAN]).unwrap_err();
        assert!(matches!(nan, GpError::NotFinite(_)));
        // One observation: normalized by sd 1, so the prior sd is 1 far away.
        let one = Gp::fit(k, &[vec![0.0]], &[4.0]).unwrap();
        assert!((one.predict(&[9.0]).sd - 1.0).abs() < 1e-12);
    }

    /// Fifteen trials a fourteenth apart, the first two high and the rest low (degree's drop):
    /// with ℓ = 0.2 the mean cannot turn that sharply and misses trials; the likeliest length
    /// among a few is the short one, which passes through every trial.
    #[test]
    fn the_likeliest_length_follows_a_sharp_drop() {
        let points: Vec<Vec<f64>> = (0..15).map(|i| vec![i as f64 / 14.0]).collect();
        let errors: Vec<f64> = (0..15).map(|i| if i < 2 { 0.2 } else { 0.05 }).collect();
        let miss = |gp: &Gp| {
            (points.iter().zip(&errors))
                .map(|(p, e)| (gp.predict(p).mean - e).abs())
                .fold(0.0, f64::max)
        };
        let fixed = fit(0.2, 1e-4, &points, &errors);
        assert!(miss(&fixed) > 0.01, "{}", miss(&fixed));
        let best = Gp::fit_best(Kernel::default(), &[0.05, 0.5], &points, &errors).unwrap();
        assert_eq!(best.kernel().length(), 0.05);
        assert!(best.log_likelihood > fixed.log_likelihood);
        assert!(miss(&best) < 1e-3, "{}", miss(&best));
    }
}
