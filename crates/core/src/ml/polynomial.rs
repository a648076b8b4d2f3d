//! Polynomial regression trained by mini-batch gradient descent.
//!
//! **Model.** ŷ(x) = w₀·φ₀(x) + w₁·φ₁(x) + … + w_d·φ_d(x), where φₖ is the orthonormal Legendre
//! polynomial of degree k (see [`super::legendre`]): a polynomial of degree d, which
//! [`Polynomial::powers`] writes out as c₀ + c₁x + … + c_d·x^d. The weights w are the *parameters*:
//! they are learned from the training data. The degree d, the learning rate, the penalty and its strength,
//! the batch size and the optimizer are *hyperparameters*: chosen before training.
//!
//! **Objective.** The mean squared error on the training points, (1/n)·Σ(ŷ − y)², plus a penalty
//! λ·Σw² (L2) or λ·Σ|w| (L1) on w₁…w_d. The intercept w₀ is never penalized.
//!
//! **Update rule.** One epoch shuffles the training points and walks through them in mini-batches;
//! for each batch the gradient of the batch's mean squared error, (2/b)·Σ(ŷ − y)·(φ₀, φ₁, …),
//! plus the L2 term 2λw, goes to the optimizer; under L1 a soft-threshold step follows, by λ times
//! the step size the optimizer takes on each weight (`Optimizer::step_size`).
//!
//! **Divergence.** If an epoch makes the training loss non-finite or explode (more than 10⁴
//! times the loss where training started: predicting zero, or a loaded model's), the epoch is undone and [`Trainer::step`] reports it, so
//! the parameters stay finite: those after the last epoch that passed (a lab's session then goes
//! back further, to the epoch with the lowest training loss it recorded).

use super::legendre;
use super::metrics::mse;
use super::model::{Epoch, Model, Parameter, Progress, Samples, Score};
use super::optimizer::{Optimizer, OptimizerKind};
use super::regularization::Regularization;
use crate::data::regression::Point;
use crate::data::rng::{shuffler, ShuffleRng};
use rand::seq::SliceRandom;
use std::rc::Rc;

/// Largest degree offered (16 parameters).
pub const MAX_DEGREE: usize = 15;

/// Hyperparameters of polynomial regression, valid by construction.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hyper {
    learning_rate: f64,
    degree: usize,
    regularization: Regularization,
    lambda: f64,
    /// `None` means full batch: every training point in each step.
    batch_size: Option<usize>,
    optimizer: OptimizerKind,
}

/// Why a set of hyperparameters was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum HyperError {
    LearningRate(f64),
    Degree(usize),
    Lambda(f64),
    BatchSize(usize),
}

impl core::fmt::Display for HyperError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            HyperError::LearningRate(v) => write!(f, "learning rate must be in (0, 100], got {v}"),
            HyperError::Degree(v) => write!(f, "degree must be 1 … {MAX_DEGREE}, got {v}"),
            HyperError::Lambda(v) => write!(f, "regularization strength must be 0 … 1000, got {v}"),
            HyperError::BatchSize(v) => write!(f, "batch size must be at least 1, got {v}"),
        }
    }
}

impl Hyper {
    pub fn new(
        learning_rate: f64,
        degree: usize,
        regularization: Regularization,
        lambda: f64,
        batch_size: Option<usize>,
        optimizer: OptimizerKind,
    ) -> Result<Self, HyperError> {
        if !(learning_rate > 0.0 && learning_rate <= 100.0) {
            return Err(HyperError::LearningRate(learning_rate));
        }
        if !(1..=MAX_DEGREE).contains(&degree) {
            return Err(HyperError::Degree(degree));
        }
        if !(0.0..=1000.0).contains(&lambda) {
            return Err(HyperError::Lambda(lambda));
        }
        if batch_size == Some(0) {
            return Err(HyperError::BatchSize(0));
        }
        Ok(Hyper {
            learning_rate,
            degree,
            regularization,
            lambda,
            batch_size,
            optimizer,
        })
    }

    pub fn learning_rate(&self) -> f64 {
        self.learning_rate
    }
    pub fn degree(&self) -> usize {
        self.degree
    }
    pub fn regularization(&self) -> Regularization {
        self.regularization
    }
    pub fn lambda(&self) -> f64 {
        self.lambda
    }
    pub fn optimizer(&self) -> OptimizerKind {
        self.optimizer
    }
    pub fn batch_size(&self) -> Option<usize> {
        self.batch_size
    }
}

/// The learned polynomial: its weights on φ₀ … φ_d (w₀, on the constant φ₀ = 1, is the intercept).
#[derive(Clone, Debug, PartialEq)]
pub struct Polynomial {
    pub weights: Vec<f64>,
}

impl Polynomial {
    /// ŷ(x).
    pub fn predict(&self, x: f64) -> f64 {
        let mut f = [0.0; MAX_DEGREE + 1];
        let f = &mut f[..self.weights.len()];
        legendre::fill(x, f);
        dot(f, &self.weights)
    }

    /// The same polynomial as coefficients of 1, x, x², …
    pub fn powers(&self) -> Vec<f64> {
        legendre::to_powers(&self.weights)
    }
}

/// Points expanded into the features φ₀(x) … φ_d(x) (row-major), with their targets.
#[derive(Clone, Debug, PartialEq)]
pub struct Design {
    width: usize,
    features: Vec<f64>,
    targets: Vec<f64>,
}

impl Design {
    pub fn new(points: &[Point], degree: usize) -> Self {
        let width = degree + 1;
        let mut features = Vec::with_capacity(points.len() * width);
        let mut row = vec![0.0; width];
        for p in points {
            legendre::fill(p.x, &mut row);
            features.extend_from_slice(&row);
        }
        Design {
            width,
            features,
            targets: points.iter().map(|p| p.y).collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.targets.len()
    }

    pub fn is_empty(&self) -> bool {
        self.targets.is_empty()
    }

    pub fn row(&self, i: usize) -> &[f64] {
        &self.features[i * self.width..(i + 1) * self.width]
    }

    pub fn targets(&self) -> &[f64] {
        &self.targets
    }

    /// Mean squared error of `weights` on these points.
    pub fn mse(&self, weights: &[f64]) -> f64 {
        mse(
            (0..self.len()).map(|i| dot(self.row(i), weights)),
            self.targets.iter().copied(),
        )
    }
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Training-loss level above which a run counts as exploding: this many times the loss where
/// training started (predicting zero everywhere, or a loaded model's weights).
const EXPLOSION_FACTOR: f64 = 1e4;

/// A polynomial being trained on fixed data.
#[derive(Clone, Debug)]
pub struct Trainer {
    hyper: Hyper,
    model: Polynomial,
    optimizer: Optimizer,
    train: Rc<Design>,
    rng: ShuffleRng,
    order: Vec<usize>,
    grad: Vec<f64>,
    epoch: u64,
    train_mse: f64,
    explosion_level: f64,
}

impl Trainer {
    /// Starts from all-zero weights. `seed` drives the mini-batch shuffling.
    pub fn new(hyper: Hyper, train: &[Point], seed: u64) -> Self {
        let train = Rc::new(Design::new(train, hyper.degree));
        let width = hyper.degree + 1;
        let zeros = vec![0.0; width];
        let start = train.mse(&zeros);
        Trainer {
            hyper,
            model: Polynomial { weights: zeros },
            optimizer: Optimizer::new(hyper.optimizer, width),
            order: (0..train.len()).collect(),
            grad: vec![0.0; width],
            rng: shuffler(seed, 1),
            epoch: 0,
            train_mse: start,
            explosion_level: EXPLOSION_FACTOR * start.max(1e-6),
            train,
        }
    }

    /// Changes hyperparameters that do not change the model's shape and continues from the
    /// current weights. A new optimizer starts with fresh memory. Returns `false` (and changes
    /// nothing) if the degree differs: that needs a new trainer.
    pub fn set_hyper(&mut self, hyper: Hyper) -> bool {
        if hyper.degree != self.hyper.degree {
            return false;
        }
        if hyper.optimizer != self.hyper.optimizer {
            self.optimizer = Optimizer::new(hyper.optimizer, hyper.degree + 1);
        }
        self.hyper = hyper;
        true
    }

    pub fn hyper(&self) -> &Hyper {
        &self.hyper
    }
    pub fn model(&self) -> &Polynomial {
        &self.model
    }
    pub fn epoch(&self) -> u64 {
        self.epoch
    }
    /// Training MSE after the last epoch (penalty not included).
    pub fn train_mse(&self) -> f64 {
        self.train_mse
    }
    /// The objective being minimized: training MSE plus the penalty.
    pub fn objective(&self) -> f64 {
        let h = &self.hyper;
        self.train_mse + h.regularization.penalty(h.lambda, &self.model.weights[1..])
    }

    /// Takes the weights a saved model learned in `epoch` epochs (one per φₖ, as many as the
    /// degree asks for: the caller checks), so it predicts exactly as that model did. Training can
    /// go on from them, with a fresh optimizer memory and mini-batch order.
    pub fn restore(&mut self, weights: Vec<f64>, epoch: u64) {
        debug_assert_eq!(weights.len(), self.hyper.degree + 1);
        self.train_mse = self.train.mse(&weights);
        // (Hand-edited weights of 10¹² start far above the zero model's loss: a step that lowers
        // the loss is not an explosion; helper 46.)
        self.explosion_level = self.explosion_level.max(EXPLOSION_FACTOR * self.train_mse);
        self.model.weights = weights;
        self.epoch = epoch;
    }

    /// Runs one epoch: every training point is used once.
    pub fn step(&mut self) -> Epoch {
        let saved = (self.model.clone(), self.optimizer.clone(), self.rng.clone());
        let n = self.train.len();
        let batch = self.hyper.batch_size.unwrap_or(n).clamp(1, n);
        if batch < n {
            self.order.shuffle(&mut self.rng);
        }
        for start in (0..n).step_by(batch) {
            let end = (start + batch).min(n);
            self.batch_gradient(start, end);
            let h = self.hyper;
            self.optimizer
                .step(h.learning_rate, &mut self.model.weights, &self.grad);
            let optimizer = &self.optimizer;
            h.regularization
                .proximal(h.lambda, &mut self.model.weights[1..], |i| {
                    optimizer.step_size(h.learning_rate, i + 1)
                });
        }
        let loss = self.train.mse(&self.model.weights);
        if !loss.is_finite()
            || loss > self.explosion_level
            || self.model.weights.iter().any(|w| !w.is_finite())
        {
            (self.model, self.optimizer, self.rng) = saved;
            return Epoch::Diverged;
        }
        self.train_mse = loss;
        self.epoch += 1;
        Epoch::Done { train_loss: loss }
    }

    /// Gradient of the batch's mean squared error plus the L2 term, into `self.grad`.
    fn batch_gradient(&mut self, start: usize, end: usize) {
        self.grad.iter_mut().for_each(|g| *g = 0.0);
        let weights = &self.model.weights;
        for &i in &self.order[start..end] {
            let row = self.train.row(i);
            let residual = dot(row, weights) - self.train.targets()[i];
            for (g, f) in self.grad.iter_mut().zip(row) {
                *g += residual * f;
            }
        }
        let scale = 2.0 / (end - start) as f64;
        self.grad.iter_mut().for_each(|g| *g *= scale);
        let h = &self.hyper;
        h.regularization
            .add_gradient(h.lambda, &weights[1..], &mut self.grad[1..]);
    }
}

impl Samples for Vec<Point> {
    fn count(&self) -> usize {
        self.len()
    }
    fn subset(&self, indices: &[usize]) -> Self {
        indices.iter().map(|&i| self[i]).collect()
    }
}

impl Model for Trainer {
    type Hyper = Hyper;
    type Samples = Vec<Point>;

    fn new(hyper: &Hyper, train: &Vec<Point>, seed: u64) -> Self {
        Trainer::new(*hyper, train, seed)
    }

    fn step(&mut self) -> Progress {
        Trainer::step(self).into()
    }

    fn steps(&self) -> u64 {
        self.epoch
    }

    /// Learning rate, λ, regularization, batch size and optimizer; a new degree is ignored
    /// (it needs a new model).
    fn retune(&mut self, hyper: &Hyper) {
        self.set_hyper(*hyper);
    }

    /// The mean squared error on `samples` (penalty not included).
    fn score(&self, samples: &Vec<Point>) -> Score {
        Score {
            loss: Design::new(samples, self.hyper.degree).mse(&self.model.weights),
            ..Score::default()
        }
    }

    /// w₀ … w_d, the weights on the Legendre features φ₀ … φ_d (w₀, the intercept, is not
    /// penalized).
    fn parameters(&self) -> Vec<Parameter> {
        (self.model.weights.iter().enumerate())
            .map(|(k, &value)| Parameter {
                name: format!("w{k}"),
                value,
                penalized: k > 0,
            })
            .collect()
    }

    /// Gradient descent: a learning rate too high makes it diverge.
    fn can_diverge(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hyper(
        lr: f64,
        degree: usize,
        reg: Regularization,
        lambda: f64,
        opt: OptimizerKind,
    ) -> Hyper {
        Hyper::new(lr, degree, reg, lambda, None, opt).unwrap()
    }

    #[test]
    fn prediction_by_hand() {
        // φ₀ = 1, φ₁ = √3·x: weights (1, 2/√3) give 1 + 2x, so 2 at x = 0.5.
        let p = Polynomial {
            weights: vec![1.0, 2.0 / 3f64.sqrt()],
        };
        assert!((p.predict(0.5) - 2.0).abs() < 1e-15);
        let c = p.powers();
        assert!((c[0] - 1.0).abs() < 1e-15 && (c[1] - 2.0).abs() < 1e-15);
    }

    #[test]
    fn invalid_hyperparameters_are_refused() {
        let ok = |lr, d, l, b| Hyper::new(lr, d, Regularization::L2, l, b, OptimizerKind::Sgd);
        assert!(ok(f64::NAN, 2, 0.0, None).is_err());
        assert!(ok(0.0, 2, 0.0, None).is_err());
        assert!(ok(0.1, 0, 0.0, None).is_err());
        assert!(ok(0.1, 16, 0.0, None).is_err());
        assert!(ok(0.1, 2, -1.0, None).is_err());
        assert!(ok(0.1, 2, f64::INFINITY, None).is_err());
        assert!(ok(0.1, 2, 0.0, Some(0)).is_err());
        assert!(ok(0.1, 2, 0.0, Some(3)).is_ok());
    }

    #[test]
    fn one_full_batch_sgd_step_by_hand() {
        // Points (0, 1) and (1, 3); features (φ₀, φ₁) = (1, √3·x), so rows (1, 0) and (1, √3).
        // From zero the residuals are −1 and −3.
        // Gradient = (2/2)·[(−1)(1) + (−3)(1), (−1)(0) + (−3)(√3)] = [−4, −3√3].
        // With η = 0.1: w = [0.4, 0.3√3].
        let pts = [Point { x: 0.0, y: 1.0 }, Point { x: 1.0, y: 3.0 }];
        let mut t = Trainer::new(
            hyper(0.1, 1, Regularization::None, 0.0, OptimizerKind::Sgd),
            &pts,
            0,
        );
        assert!(matches!(t.step(), Epoch::Done { .. }));
        assert!((t.model().weights[0] - 0.4).abs() < 1e-15);
        assert!((t.model().weights[1] - 0.3 * 3f64.sqrt()).abs() < 1e-15);
    }

    #[test]
    fn huge_learning_rate_diverges_and_keeps_last_finite_weights() {
        let pts: Vec<Point> = (0..20)
            .map(|i| Point {
                x: i as f64 / 10.0 - 1.0,
                y: 1.0,
            })
            .collect();
        let mut t = Trainer::new(
            hyper(10.0, 15, Regularization::None, 0.0, OptimizerKind::Sgd),
            &pts,
            0,
        );
        let mut diverged = false;
        for _ in 0..1000 {
            if t.step() == Epoch::Diverged {
                diverged = true;
                break;
            }
        }
        assert!(diverged);
        assert!(t.model().weights.iter().all(|w| w.is_finite()));
        assert!(t.train_mse().is_finite());
    }
}
