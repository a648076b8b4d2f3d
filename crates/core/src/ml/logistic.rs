//! Logistic (softmax) regression on a polynomial map of (x₁, x₂).
//!
//! **Features.** Degree 1 gives (1, x₁, x₂); degree 2 adds x₁², x₁x₂, x₂²; degree d uses every
//! monomial x₁ᵃx₂ᵇ with a + b ≤ d. The boundary is a polynomial curve of that degree.
//! **Parameters learned from data**: one weight per feature and class. Class k's score is
//! sₖ = wₖ·φ(x); probabilities are the softmax pₖ = exp(sₖ) / Σⱼ exp(sⱼ).
//! **Objective**: mean cross-entropy −(1/n)·Σ ln p(true class) plus λ·Σw² (L2) or λ·Σ|w| (L1)
//! over all weights except the intercepts.
//! **Update rule**: full-batch gradient descent; the gradient of the mean cross-entropy for class
//! k is (1/n)·Σ (pₖ − [class = k])·φ(x), handed to the chosen optimizer (SGD, momentum, Adam),
//! followed under L1 by the soft-threshold step. An epoch that makes the loss non-finite or
//! explode is undone and reported, as in polynomial regression.

use super::activation::softmax;
use super::metrics::log_loss;
use super::model::Epoch;
use super::optimizer::{Optimizer, OptimizerKind};
use super::regularization::Regularization;
use crate::data::classification::Point2;
use std::rc::Rc;

pub const MAX_FEATURE_DEGREE: usize = 8;

/// Valid by construction.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LogisticHyper {
    learning_rate: f64,
    degree: usize,
    regularization: Regularization,
    lambda: f64,
    optimizer: OptimizerKind,
}

impl LogisticHyper {
    pub fn new(
        learning_rate: f64,
        degree: usize,
        regularization: Regularization,
        lambda: f64,
        optimizer: OptimizerKind,
    ) -> Result<Self, String> {
        if !(learning_rate > 0.0 && learning_rate <= 100.0) {
            return Err(format!(
                "learning rate must be in (0, 100], got {learning_rate}"
            ));
        }
        if !(1..=MAX_FEATURE_DEGREE).contains(&degree) {
            return Err(format!(
                "feature degree must be 1 … {MAX_FEATURE_DEGREE}, got {degree}"
            ));
        }
        if !(0.0..=1000.0).contains(&lambda) {
            return Err(format!(
                "regularization strength must be 0 … 1000, got {lambda}"
            ));
        }
        Ok(LogisticHyper {
            learning_rate,
            degree,
            regularization,
            lambda,
            optimizer,
        })
    }
    pub fn degree(&self) -> usize {
        self.degree
    }
    pub fn learning_rate(&self) -> f64 {
        self.learning_rate
    }
    pub fn regularization(&self) -> Regularization {
        self.regularization
    }
    pub fn lambda(&self) -> f64 {
        self.lambda
    }
}

/// The exponents (a, b) of the features x₁ᵃx₂ᵇ, intercept first, by total degree.
pub fn exponents(degree: usize) -> Vec<(u32, u32)> {
    let mut out = vec![(0, 0)];
    for total in 1..=degree as u32 {
        for b in 0..=total {
            out.push((total - b, b));
        }
    }
    out
}

/// A feature's name as the page writes it: "1 (intercept)", "x₁", "x₁²x₂" (the Parameters panel
/// and the parameters' CSV name them alike).
pub fn term_name((a, b): (u32, u32)) -> String {
    let part = |name: &str, e: u32| match e {
        0 => String::new(),
        1 => name.to_string(),
        e => name
            .chars()
            .chain(e.to_string().chars().map(superscript))
            .collect(),
    };
    match format!("{}{}", part("x₁", a), part("x₂", b)) {
        s if s.is_empty() => "1 (intercept)".into(),
        s => s,
    }
}

/// A digit as a superscript.
fn superscript(digit: char) -> char {
    match digit {
        '1' => '¹',
        '2' => '²',
        '3' => '³',
        d => char::from_u32(0x2070 + d.to_digit(10).unwrap_or(0)).unwrap_or('⁰'),
    }
}

/// The feature vector φ(x₁, x₂) into `out`.
pub fn features(exps: &[(u32, u32)], x1: f64, x2: f64, out: &mut [f64]) {
    for (o, &(a, b)) in out.iter_mut().zip(exps) {
        *o = pow(x1, a) * pow(x2, b);
    }
}

/// xⁿ by repeated multiplication (bit-identical everywhere, unlike `powi`).
fn pow(x: f64, n: u32) -> f64 {
    (0..n).fold(1.0, |acc, _| acc * x)
}

/// A softmax classifier being trained on fixed data.
#[derive(Clone, Debug, PartialEq)]
pub struct Logistic {
    hyper: LogisticHyper,
    classes: usize,
    exps: Vec<(u32, u32)>,
    /// Row-major: class k's weights are `weights[k·F .. (k+1)·F]`.
    weights: Vec<f64>,
    optimizer: Optimizer,
    /// The training features and labels never change, so copies of the model (one per UI
    /// frame while training) share them.
    design: Rc<Vec<f64>>,
    labels: Rc<Vec<usize>>,
    grad: Vec<f64>,
    epoch: u64,
    loss: f64,
    explosion_level: f64,
}

/// Loss level above which training counts as exploding: this many times the loss where it
/// started (all weights zero, or a loaded model's weights).
const EXPLOSION_FACTOR: f64 = 1e4;

impl Logistic {
    pub fn new(hyper: LogisticHyper, train: &[Point2], classes: usize) -> Self {
        let exps = exponents(hyper.degree);
        let f = exps.len();
        let mut design = vec![0.0; train.len() * f];
        for (row, p) in design.chunks_mut(f).zip(train) {
            features(&exps, p.x1, p.x2, row);
        }
        let start = (classes as f64).ln(); // all weights zero: every class has probability 1/K
        Logistic {
            hyper,
            classes,
            weights: vec![0.0; classes * f],
            optimizer: Optimizer::new(hyper.optimizer, classes * f),
            grad: vec![0.0; classes * f],
            labels: Rc::new(train.iter().map(|p| p.class).collect()),
            design: Rc::new(design),
            exps,
            epoch: 0,
            loss: start,
            explosion_level: EXPLOSION_FACTOR * start.max(1e-3),
        }
    }

    /// Continues with new hyperparameters of the same shape; `false` if the degree differs.
    pub fn set_hyper(&mut self, hyper: LogisticHyper) -> bool {
        if hyper.degree != self.hyper.degree {
            return false;
        }
        if hyper.optimizer != self.hyper.optimizer {
            self.optimizer = Optimizer::new(hyper.optimizer, self.weights.len());
        }
        self.hyper = hyper;
        true
    }

    pub fn epoch(&self) -> u64 {
        self.epoch
    }
    pub fn weights(&self) -> &[f64] {
        &self.weights
    }
    pub fn exponents(&self) -> &[(u32, u32)] {
        &self.exps
    }
    pub fn classes(&self) -> usize {
        self.classes
    }
    pub fn hyper(&self) -> &LogisticHyper {
        &self.hyper
    }

    /// Class probabilities at (x₁, x₂).
    pub fn proba(&self, x1: f64, x2: f64, out: &mut [f64]) {
        let mut phi = [0.0; 64];
        let phi = &mut phi[..self.exps.len()];
        features(&self.exps, x1, x2, phi);
        self.scores(phi, out);
        softmax(out);
    }

    fn scores(&self, phi: &[f64], out: &mut [f64]) {
        let f = phi.len();
        for (k, o) in out.iter_mut().enumerate() {
            *o = self.weights[k * f..(k + 1) * f]
                .iter()
                .zip(phi)
                .map(|(w, x)| w * x)
                .sum();
        }
    }

    /// Mean cross-entropy of the current weights on the training points (no penalty).
    pub fn train_loss(&self) -> f64 {
        self.loss
    }

    /// Gradient of the mean cross-entropy into `self.grad`; returns the loss before the step.
    fn gradient(&mut self) -> f64 {
        let f = self.exps.len();
        self.grad.iter_mut().for_each(|g| *g = 0.0);
        let mut p = vec![0.0; self.classes];
        let mut loss = 0.0;
        let n = self.labels.len().max(1) as f64;
        for (row, &y) in self.design.chunks(f).zip(self.labels.iter()) {
            self.scores(row, &mut p);
            softmax(&mut p);
            loss -= p[y].max(1e-15).ln();
            for (k, pk) in p.iter().enumerate() {
                let err = pk - if k == y { 1.0 } else { 0.0 };
                for (g, x) in self.grad[k * f..(k + 1) * f].iter_mut().zip(row) {
                    *g += err * x / n;
                }
            }
        }
        loss / n
    }

    /// Indices of penalized weights: all but each class's intercept (feature 0).
    fn penalized(&self, i: usize) -> bool {
        !i.is_multiple_of(self.exps.len())
    }

    /// Takes the weights a saved model learned in `epoch` epochs (class by class, as
    /// [`Logistic::weights`] lists them; the caller checks their number), so it predicts exactly
    /// as that model did.
    pub fn restore(&mut self, weights: Vec<f64>, epoch: u64) {
        debug_assert_eq!(weights.len(), self.weights.len());
        self.weights = weights;
        self.epoch = epoch;
        self.loss = self.loss_of_current();
        self.explosion_level = self.explosion_level.max(EXPLOSION_FACTOR * self.loss);
    }

    /// One full-batch gradient step.
    pub fn step(&mut self) -> Epoch {
        let saved = (self.weights.clone(), self.optimizer.clone());
        self.gradient();
        let h = self.hyper;
        if h.regularization == Regularization::L2 {
            for i in 0..self.weights.len() {
                if self.penalized(i) {
                    self.grad[i] += 2.0 * h.lambda * self.weights[i];
                }
            }
        }
        self.optimizer
            .step(h.learning_rate, &mut self.weights, &self.grad);
        if h.regularization == Regularization::L1 {
            for i in 0..self.weights.len() {
                if self.penalized(i) {
                    let step = self.optimizer.step_size(h.learning_rate, i);
                    self.weights[i] =
                        super::regularization::soft_threshold(self.weights[i], h.lambda * step);
                }
            }
        }
        let loss = self.loss_of_current();
        if !loss.is_finite()
            || loss > self.explosion_level
            || self.weights.iter().any(|w| !w.is_finite())
        {
            (self.weights, self.optimizer) = saved;
            return Epoch::Diverged;
        }
        self.loss = loss;
        self.epoch += 1;
        Epoch::Done { train_loss: loss }
    }

    fn loss_of_current(&self) -> f64 {
        let f = self.exps.len();
        let mut p = vec![0.0; self.classes];
        log_loss(
            self.design
                .chunks(f)
                .zip(self.labels.iter())
                .map(|(row, &y)| {
                    self.scores(row, &mut p);
                    softmax(&mut p);
                    p[y]
                }),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::classification::{generate, Pattern};

    fn hyper(lr: f64, degree: usize) -> LogisticHyper {
        LogisticHyper::new(lr, degree, Regularization::None, 0.0, OptimizerKind::Sgd).unwrap()
    }

    #[test]
    fn exponents_by_hand() {
        assert_eq!(
            exponents(2),
            vec![(0, 0), (1, 0), (0, 1), (2, 0), (1, 1), (0, 2)]
        );
        assert_eq!(exponents(8).len(), 45); // (8+1)(8+2)/2
    }

    #[test]
    fn terms_are_named_as_written() {
        let names: Vec<String> = exponents(2).into_iter().map(term_name).collect();
        assert_eq!(names, ["1 (intercept)", "x₁", "x₂", "x₁²", "x₁x₂", "x₂²"]);
        assert_eq!(term_name((2, 1)), "x₁²x₂");
        assert_eq!(term_name((0, 10)), "x₂¹⁰");
        assert_eq!(term_name((4, 5)), "x₁⁴x₂⁵");
    }

    /// With two classes the softmax depends only on the difference of the two scores, so the two
    /// classes' gradients are equal and opposite; from zero, every optimizer and penalty keeps the
    /// two columns of weights mirrored (what the Parameters panel says beside them).
    #[test]
    fn two_classes_weights_mirror_each_other() {
        let d = generate(Pattern::Moons, 80, 0.4, 0.8, 3);
        for opt in [
            OptimizerKind::Sgd,
            OptimizerKind::Momentum,
            OptimizerKind::Adam,
        ] {
            for (reg, lambda) in [
                (Regularization::None, 0.0),
                (Regularization::L2, 0.01),
                (Regularization::L1, 0.01),
            ] {
                let hyper = LogisticHyper::new(0.1, 3, reg, lambda, opt).unwrap();
                let mut m = Logistic::new(hyper, &d.train, 2);
                for _ in 0..200 {
                    m.step();
                }
                let (blue, orange) = m.weights().split_at(m.exponents().len());
                assert!(blue.iter().any(|w| w.abs() > 0.05), "{opt:?}: trained");
                for (b, o) in blue.iter().zip(orange) {
                    assert!((b + o).abs() < 1e-9, "{opt:?} {reg:?}: {b} vs {o}");
                }
            }
        }
    }

    #[test]
    fn gradient_matches_finite_differences() {
        let d = generate(Pattern::ThreeBlobs, 60, 0.5, 0.8, 2);
        let mut m = Logistic::new(hyper(0.1, 2), &d.train, 3);
        // Move away from zero so every partial derivative is non-trivial.
        for (i, w) in m.weights.iter_mut().enumerate() {
            *w = ((i * 7919) % 13) as f64 / 13.0 - 0.5;
        }
        m.gradient();
        let analytic = m.grad.clone();
        let h = 1e-6;
        for (i, want) in analytic.iter().enumerate() {
            let w = m.weights[i];
            m.weights[i] = w + h;
            let up = m.loss_of_current();
            m.weights[i] = w - h;
            let down = m.loss_of_current();
            m.weights[i] = w;
            let numeric = (up - down) / (2.0 * h);
            assert!(
                (numeric - want).abs() < 1e-6,
                "weight {i}: {numeric} vs {want}"
            );
        }
    }

    #[test]
    fn converges_on_separable_data() {
        let d = generate(Pattern::Blobs, 100, 0.0, 0.8, 1);
        // Blobs at ±0.4 with spread 0.2 can overlap; keep only points on their own side.
        let train: Vec<Point2> = d
            .train
            .into_iter()
            .filter(|p| (p.x1 + p.x2 > 0.0) == (p.class == 1))
            .collect();
        let mut m = Logistic::new(hyper(1.0, 1), &train, 2);
        let mut last = m.train_loss();
        for _ in 0..3000 {
            assert!(matches!(m.step(), Epoch::Done { .. }));
        }
        assert!(m.train_loss() < 0.05 * last, "{} vs {last}", m.train_loss());
        last = m.train_loss();
        m.step();
        assert!(m.train_loss() <= last); // still going down
        let mut out = [0.0; 2];
        for p in &train {
            m.proba(p.x1, p.x2, &mut out);
            assert!(out[p.class] > 0.5);
        }
    }

    #[test]
    fn huge_learning_rate_diverges_safely_or_not_at_all() {
        let d = generate(Pattern::Circles, 100, 0.1, 0.8, 1);
        let mut m = Logistic::new(hyper(100.0, 8), &d.train, 2);
        for _ in 0..200 {
            m.step();
        }
        assert!(m.weights().iter().all(|w| w.is_finite()) && m.train_loss().is_finite());
        assert!(LogisticHyper::new(0.1, 9, Regularization::None, 0.0, OptimizerKind::Sgd).is_err());
    }
}
