//! The fully trained answer of a convex model, computed directly.
//!
//! **Why.** Polynomial regression and logistic regression descend a *convex* objective: it has
//! one minimum (one valley, no false bottoms), and gradient descent only creeps toward it. While it
//! creeps the training loss is still falling, and the verdict would say "still training". Whether
//! training on can help is decided by that minimum itself: when even the minimum describes the
//! training points badly, the model is too simple, however long it trains. So the labs compute the
//! minimum once per model (not every frame), by a solver of its own — not gradient descent — and
//! the verdict reads its training error (see [`super::diagnosis`]).
//!
//! **The objectives** are exactly the models' own, on the same features and training points:
//! - *Polynomial regression*: (1/n)·Σ(ŷ − y)² + λ·Σw² over the weights on φ₁ … φ_d (the
//!   intercept w₀ is not penalized). A quadratic in w: its minimum solves the normal equations
//!   (ΦᵀΦ/n + λD)·w = Φᵀy/n, D = diag(0, 1, …, 1), by a Cholesky factorization.
//! - *Logistic (softmax) regression*: the mean cross-entropy −(1/n)·Σ ln p(true class) + λ·Σw²
//!   over every weight but the intercepts. Smooth and convex; its minimum is found by Newton's
//!   method: at each step the gradient g and the matrix of second derivatives H, then the step d
//!   solving H·d = −g (Cholesky again), halved until the objective falls enough (a backtracking
//!   line search, so it never overshoots), until the predicted remaining decrease −g·d/2 is
//!   below 10⁻¹² (then one last full step), or no answer after 100 steps.
//!
//! **A tiny ridge.** Both add [`RIDGE`]·Σw² over *every* weight. It changes the minimum by far less
//! than anything shown, and it makes it exist and be unique where it otherwise would not: softmax
//! gives the same probabilities if the same number is added to every class's intercept (H is
//! singular along that direction); on classes a model can separate, the cross-entropy keeps
//! falling as the weights grow and has no minimum (the tiny ridge stops the growth where the
//! points are all classified right, as gradient descent would leave them); and a polynomial with
//! more weights than points passes through all of them in many ways.
//!
//! **Under L1** (λ·Σ|w|) the objective has a kink at every zero weight: neither the normal
//! equations nor Newton's method apply, and no answer is given (`None`), as when Newton's method
//! does not converge. For polynomial regression [`lasso_weights`] finds it by coordinate descent,
//! for the note on a λ too small to see.

use super::activation::softmax;
use super::logistic::{exponents, features, Logistic, LogisticHyper};
use super::metrics::{accuracy, argmax};
use super::polynomial::{Design, Hyper};
use super::regularization::Regularization;
use crate::data::classification::Point2;
use crate::data::regression::Point;
use nalgebra::{DMatrix, DVector};

/// The tiny ridge added to every weight's penalty (see the module's documentation).
pub const RIDGE: f64 = 1e-9;

/// Newton steps before giving up.
const MAX_NEWTON_STEPS: usize = 100;

/// Newton's method stops when the objective is predicted to fall by less than this.
const TOLERANCE: f64 = 1e-12;

/// Most weights (classes × features) whose optimum is computed. Each Newton step builds a
/// Hessian of n × weights² numbers: at 30 weights and 500 points a few milliseconds, while the
/// degree-8 map's 135 weights took about 100 ms natively, a visible pause on every λ change or
/// placed point. A model that large is rarely too simple; the verdict keeps its older rule.
pub const MAX_WEIGHTS: usize = 30;

/// The weights on φ₀ … φ_d that minimize polynomial regression's objective on `train` (as
/// [`super::polynomial::Polynomial::weights`] lists them); `None` under L1 with λ > 0 (see
/// [`lasso_weights`]).
pub fn polynomial_weights(hyper: &Hyper, train: &[Point]) -> Option<Vec<f64>> {
    let l1 = hyper.regularization() == Regularization::L1 && hyper.lambda() > 0.0;
    if l1 || train.is_empty() {
        return None;
    }
    let lambda = penalty(hyper.regularization(), hyper.lambda());
    let design = Design::new(train, hyper.degree());
    let (width, n) = (hyper.degree() + 1, train.len() as f64);
    let mut a = DMatrix::from_fn(width, width, |i, j| {
        (0..design.len())
            .map(|r| design.row(r)[i] * design.row(r)[j])
            .sum::<f64>()
            / n
    });
    for k in 0..width {
        a[(k, k)] += RIDGE + if k > 0 { lambda } else { 0.0 };
    }
    let b = DVector::from_fn(width, |i, _| {
        (0..design.len())
            .map(|r| design.row(r)[i] * design.targets()[r])
            .sum::<f64>()
            / n
    });
    Some(a.cholesky()?.solve(&b).iter().copied().collect())
}

/// Coordinate-descent sweeps before giving up on the L1 minimum.
const MAX_SWEEPS: usize = 2_000;

/// The weights that minimize polynomial regression's objective under L1,
/// (1/n)·Σ(ŷ − y)² + λ·Σ|w| over w₁ … w_d (plus the tiny ridge), by coordinate descent: each
/// weight in turn set to its best value with the others held, which for a penalized weight is the
/// least-squares value shrunk toward zero by λ/2 and clipped at zero ("soft thresholding"), until
/// a whole sweep moves no weight by more than 10⁻⁹; `None` if it has not settled after
/// [`MAX_SWEEPS`] sweeps. The objective is convex, and each coordinate's minimum is exact, so
/// the sweeps only go downhill to the one minimum.
pub fn lasso_weights(hyper: &Hyper, train: &[Point]) -> Option<Vec<f64>> {
    if hyper.regularization() != Regularization::L1 || train.is_empty() {
        return None;
    }
    let design = Design::new(train, hyper.degree());
    let (width, n) = (hyper.degree() + 1, train.len() as f64);
    let columns: Vec<Vec<f64>> = (0..width)
        .map(|k| (0..design.len()).map(|r| design.row(r)[k]).collect())
        .collect();
    // z_k = (1/n)·Σφ_k², and the residuals y − ŷ, kept up to date as weights change.
    let z: Vec<f64> = (columns.iter())
        .map(|c| c.iter().map(|v| v * v).sum::<f64>() / n)
        .collect();
    let mut residual = design.targets().to_vec();
    let mut w = vec![0.0; width];
    for _ in 0..MAX_SWEEPS {
        let mut largest = 0.0f64;
        for k in 0..width {
            // ρ = (1/n)·Σφ_k·(the residual without w_k's own part).
            let rho = columns[k]
                .iter()
                .zip(&residual)
                .map(|(v, r)| v * r)
                .sum::<f64>()
                / n
                + z[k] * w[k];
            let shrink = if k > 0 { hyper.lambda() / 2.0 } else { 0.0 };
            let new = rho.signum() * (rho.abs() - shrink).max(0.0) / (z[k] + RIDGE);
            let change = new - w[k];
            if change != 0.0 {
                (columns[k].iter())
                    .zip(residual.iter_mut())
                    .for_each(|(v, r)| *r -= change * v);
                w[k] = new;
            }
            largest = largest.max(change.abs());
        }
        if largest <= 1e-9 {
            return Some(w);
        }
    }
    None
}

/// The weights polynomial regression reaches fully trained, whatever its penalty: the normal
/// equations' ([`polynomial_weights`]), or under L1 with λ > 0 coordinate descent's
/// ([`lasso_weights`]).
pub fn minimum_weights(hyper: &Hyper, train: &[Point]) -> Option<Vec<f64>> {
    if hyper.regularization() == Regularization::L1 && hyper.lambda() > 0.0 {
        lasso_weights(hyper, train)
    } else {
        polynomial_weights(hyper, train)
    }
}

/// The learning rates at which plain gradient descent on all of `train` lowers polynomial
/// regression's objective at every step: those under the returned limit. With no penalty or L2
/// the objective is a quadratic bowl, (1/n)·‖Φw − y‖² + λ·Σ_{k≥1} wₖ², whose curvature (Hessian)
/// is (2/n)·ΦᵀΦ + 2λ·D (D the identity without the intercept's entry: the intercept is not
/// penalized); a step of η shrinks the error along each of its eigenvectors by the factor
/// |1 − η·(its eigenvalue)|, under 1 for every one exactly while η < 2 / (the largest
/// eigenvalue). Above it the steepest direction's error grows at every step, and training
/// explodes. The penalty's own pull, 2λ, adds to every weight's curvature: that is why L2 under
/// a learning rate of 1/λ or more never settles. `None` without training points, or under L1
/// with λ > 0, whose kink at zero has no curvature to bound.
pub fn stable_learning_rate(hyper: &Hyper, train: &[Point]) -> Option<f64> {
    if train.is_empty() || (hyper.regularization() == Regularization::L1 && hyper.lambda() > 0.0) {
        return None;
    }
    let degree = hyper.degree();
    let design = Design::new(train, degree);
    let n = train.len() as f64;
    let pull = 2.0 * penalty(hyper.regularization(), hyper.lambda());
    let curvature = DMatrix::from_fn(degree + 1, degree + 1, |i, j| {
        let data = (0..design.len())
            .map(|r| design.row(r)[i] * design.row(r)[j])
            .sum::<f64>()
            * 2.0
            / n;
        data + if i == j && i > 0 { pull } else { 0.0 }
    });
    let steepest = curvature.symmetric_eigenvalues().max();
    (steepest > 0.0).then(|| 2.0 / steepest)
}

/// The training MSE of polynomial regression fully trained (at its objective's minimum,
/// [`minimum_weights`]).
pub fn polynomial_mse(hyper: &Hyper, train: &[Point]) -> Option<f64> {
    let weights = minimum_weights(hyper, train)?;
    Some(Design::new(train, hyper.degree()).mse(&weights))
}

/// The λ of the objective's λ·Σw²: 0 without a penalty (L1 has no curvature to add).
fn penalty(regularization: Regularization, lambda: f64) -> f64 {
    if regularization == Regularization::L2 {
        lambda
    } else {
        0.0
    }
}

/// Logistic regression's objective on fixed training points: features, labels, and each
/// weight's penalty factor c (the objective adds c·w² for each weight w).
struct Softmax {
    classes: usize,
    width: usize,
    rows: Vec<f64>,
    labels: Vec<usize>,
    penalties: Vec<f64>,
}

impl Softmax {
    fn new(hyper: &LogisticHyper, train: &[Point2], classes: usize) -> Self {
        let exps = exponents(hyper.degree());
        let width = exps.len();
        let mut rows = vec![0.0; train.len() * width];
        for (row, p) in rows.chunks_mut(width).zip(train) {
            features(&exps, p.x1, p.x2, row);
        }
        let lambda = penalty(hyper.regularization(), hyper.lambda());
        // Feature 0 of each class is its intercept: not penalized.
        let penalties = (0..classes * width)
            .map(|i| RIDGE + if i % width == 0 { 0.0 } else { lambda })
            .collect();
        Softmax {
            classes,
            width,
            rows,
            labels: train.iter().map(|p| p.class).collect(),
            penalties,
        }
    }

    /// The class probabilities of row `r` into `p`; returns ln p(true class).
    fn probabilities(&self, w: &[f64], r: usize, p: &mut [f64]) -> f64 {
        let (f, row) = (self.width, &self.rows[r * self.width..(r + 1) * self.width]);
        for (k, pk) in p.iter_mut().enumerate() {
            *pk = w[k * f..(k + 1) * f]
                .iter()
                .zip(row)
                .map(|(a, b)| a * b)
                .sum();
        }
        let own = p[self.labels[r]];
        let (max, sum) = softmax(p);
        own - max - libm::log(sum)
    }

    /// The objective at `w`.
    fn value(&self, w: &[f64]) -> f64 {
        let mut p = vec![0.0; self.classes];
        let n = self.labels.len();
        let cross_entropy = -(0..n)
            .map(|r| self.probabilities(w, r, &mut p))
            .sum::<f64>()
            / n as f64;
        let penalty: f64 = w.iter().zip(&self.penalties).map(|(w, c)| c * w * w).sum();
        cross_entropy + penalty
    }

    /// The gradient and the matrix of second derivatives at `w`. For the cross-entropy of one
    /// point with features φ and probabilities p: ∂/∂w_ka = (p_k − [k = y])·φ_a and
    /// ∂²/∂w_ka∂w_lb = p_k·([k = l] − p_l)·φ_a·φ_b; each averaged over the points, plus 2c·w and
    /// 2c on the diagonal for the penalty. The block of classes (k, l) is a multiple of φφᵀ for
    /// each point, symmetric, and the block (l, k) is the same: only the pairs k ≤ l and the
    /// entries a ≤ b are summed (flat, so the sums run as plain loops over memory).
    fn derivatives(&self, w: &[f64]) -> (DVector<f64>, DMatrix<f64>) {
        let (f, classes) = (self.width, self.classes);
        let pairs: Vec<(usize, usize)> = (0..classes)
            .flat_map(|k| (k..classes).map(move |l| (k, l)))
            .collect();
        let triangle = f * (f + 1) / 2;
        let mut sums = vec![0.0; pairs.len() * triangle];
        let mut outer = vec![0.0; triangle];
        let mut g = DVector::zeros(w.len());
        let mut p = vec![0.0; classes];
        let n = self.labels.len() as f64;
        for r in 0..self.labels.len() {
            self.probabilities(w, r, &mut p);
            let row = &self.rows[r * f..(r + 1) * f];
            for k in 0..classes {
                let err = p[k] - if k == self.labels[r] { 1.0 } else { 0.0 };
                for a in 0..f {
                    g[k * f + a] += err * row[a] / n;
                }
            }
            let mut i = 0;
            for a in 0..f {
                for b in a..f {
                    outer[i] = row[a] * row[b];
                    i += 1;
                }
            }
            for (block, &(k, l)) in sums.chunks_mut(triangle).zip(&pairs) {
                let curvature = p[k] * (if k == l { 1.0 } else { 0.0 } - p[l]) / n;
                for (s, o) in block.iter_mut().zip(&outer) {
                    *s += curvature * o;
                }
            }
        }
        let mut h = DMatrix::zeros(w.len(), w.len());
        for (block, &(k, l)) in sums.chunks(triangle).zip(&pairs) {
            let mut i = 0;
            for a in 0..f {
                for b in a..f {
                    for (x, y) in [(k * f + a, l * f + b), (k * f + b, l * f + a)] {
                        h[(x, y)] = block[i];
                        h[(y, x)] = block[i];
                    }
                    i += 1;
                }
            }
        }
        for i in 0..w.len() {
            g[i] += 2.0 * self.penalties[i] * w[i];
            h[(i, i)] += 2.0 * self.penalties[i];
        }
        (g, h)
    }
}

/// The weights (class by class, as [`Logistic::weights`] lists them) that minimize logistic
/// regression's objective on `train`, by Newton's method; `None` under L1, beyond
/// [`MAX_WEIGHTS`] weights, or if it does not converge.
pub fn logistic_weights(
    hyper: &LogisticHyper,
    train: &[Point2],
    classes: usize,
) -> Option<Vec<f64>> {
    if hyper.regularization() == Regularization::L1 || train.is_empty() {
        return None;
    }
    let objective = Softmax::new(hyper, train, classes);
    if classes * objective.width > MAX_WEIGHTS {
        return None;
    }
    let mut w = vec![0.0; classes * objective.width];
    let mut value = objective.value(&w);
    for _ in 0..MAX_NEWTON_STEPS {
        let (g, h) = objective.derivatives(&w);
        let d = h.cholesky()?.solve(&(-&g));
        // gᵀH⁻¹g: near the minimum, where the objective is nearly quadratic, a full step gains
        // half of it.
        let decrease = -g.dot(&d);
        if decrease / 2.0 < TOLERANCE {
            // So close that the objective is a quadratic to rounding, whose minimum the full
            // step reaches (a line search could no longer tell the values apart).
            return Some(w.iter().zip(d.iter()).map(|(w, d)| w + d).collect());
        }
        // Halve the step until the objective falls by at least a quarter of what the slope
        // promises (at most 40 halvings: a step of 10⁻¹² of Newton's).
        let mut t = 1.0;
        let next = loop {
            let trial: Vec<f64> = w.iter().zip(d.iter()).map(|(w, d)| w + t * d).collect();
            let trial_value = objective.value(&trial);
            if trial_value <= value - 0.25 * t * decrease {
                break Some((trial, trial_value));
            }
            t /= 2.0;
            if t < 1e-12 {
                break None;
            }
        };
        (w, value) = next?;
    }
    None
}

/// The training accuracy of logistic regression fully trained (its objective's minimum): the
/// model itself with the optimum's weights, classifying its training points.
pub fn logistic_accuracy(hyper: &LogisticHyper, train: &[Point2], classes: usize) -> Option<f64> {
    let weights = logistic_weights(hyper, train, classes)?;
    let mut model = Logistic::new(*hyper, train, classes);
    model.restore(weights, 0);
    let mut p = vec![0.0; classes];
    let predicted: Vec<usize> = (train.iter())
        .map(|q| {
            model.proba(q.x1, q.x2, &mut p);
            argmax(&p)
        })
        .collect();
    let truth: Vec<usize> = train.iter().map(|q| q.class).collect();
    Some(accuracy(&predicted, &truth))
}

#[cfg(test)]
#[path = "optimum_tests.rs"]
mod tests;
