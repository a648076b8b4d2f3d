//! How a gradient becomes a change of the parameters.
//!
//! - **SGD**: w ← w − η·g.
//! - **Momentum** (β = 0.9): v ← β·v + g; w ← w − η·v. Velocity smooths noisy mini-batch gradients
//!   and speeds travel along shallow valleys.
//! - **Adam** (β₁ = 0.9, β₂ = 0.999, ε = 1e−8): running means of g and g², m ← β₁·m + (1 − β₁)·g
//!   and v ← β₂·v + (1 − β₂)·g², bias-corrected at step t: m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ);
//!   each weight's step is η·m̂/(√v̂ + ε), so every weight moves at a similar pace whatever its
//!   scale.
//!
//! The bias corrections use running products β^t rather than `powi`, so results are bit-identical
//! on every platform.

/// Which update rule to use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptimizerKind {
    Sgd,
    Momentum,
    Adam,
}

const MOMENTUM: f64 = 0.9;
const BETA1: f64 = 0.9;
const BETA2: f64 = 0.999;
const EPSILON: f64 = 1e-8;

/// The optimizer's memory between steps (its own state, not a learned parameter of the model).
#[derive(Clone, Debug, PartialEq)]
pub struct Optimizer {
    kind: OptimizerKind,
    first: Vec<f64>,
    second: Vec<f64>,
    beta1_t: f64,
    beta2_t: f64,
}

impl Optimizer {
    pub fn new(kind: OptimizerKind, size: usize) -> Self {
        Optimizer {
            kind,
            first: vec![0.0; size],
            second: vec![0.0; size],
            beta1_t: 1.0,
            beta2_t: 1.0,
        }
    }

    pub fn kind(&self) -> OptimizerKind {
        self.kind
    }

    /// How far weight `i` moves per unit of gradient at learning rate `lr` once the optimizer's
    /// memory has settled: η for SGD; η/(1 − β) for momentum (its velocity settles at g/(1 − β));
    /// η/(√v̂ᵢ + ε) for Adam, with the v̂ᵢ of the step just taken (its step is that times m̂ᵢ,
    /// and m̂ᵢ settles at the gradient). L1's
    /// proximal step must shrink by λ times this same step size, or training minimizes a lasso
    /// with another λ (momentum: λ·(1 − β)) or none at all (Adam).
    pub fn step_size(&self, lr: f64, i: usize) -> f64 {
        match self.kind {
            OptimizerKind::Sgd => lr,
            OptimizerKind::Momentum => lr / (1.0 - MOMENTUM),
            OptimizerKind::Adam => {
                let c2 = 1.0 - self.beta2_t;
                if c2 == 0.0 {
                    return lr; // before the first step
                }
                lr / ((self.second[i] / c2).sqrt() + EPSILON)
            }
        }
    }

    /// Applies one update with learning rate `lr` to `weights` given `grad`.
    pub fn step(&mut self, lr: f64, weights: &mut [f64], grad: &[f64]) {
        match self.kind {
            OptimizerKind::Sgd => {
                for (w, g) in weights.iter_mut().zip(grad) {
                    *w -= lr * g;
                }
            }
            OptimizerKind::Momentum => {
                for ((w, g), v) in weights.iter_mut().zip(grad).zip(&mut self.first) {
                    *v = MOMENTUM * *v + g;
                    *w -= lr * *v;
                }
            }
            OptimizerKind::Adam => {
                self.beta1_t *= BETA1;
                self.beta2_t *= BETA2;
                let (c1, c2) = (1.0 - self.beta1_t, 1.0 - self.beta2_t);
                for (((w, g), m), v) in weights
                    .iter_mut()
                    .zip(grad)
                    .zip(&mut self.first)
                    .zip(&mut self.second)
                {
                    *m = BETA1 * *m + (1.0 - BETA1) * g;
                    *v = BETA2 * *v + (1.0 - BETA2) * g * g;
                    *w -= lr * (*m / c1) / ((*v / c2).sqrt() + EPSILON);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sgd_and_momentum_by_hand() {
        let mut w = [1.0];
        Optimizer::new(OptimizerKind::Sgd, 1).step(0.1, &mut w, &[2.0]);
        assert_eq!(w, [0.8]); // 1 − 0.1·2

        let mut m = Optimizer::new(OptimizerKind::Momentum, 1);
        let mut w = [0.0];
        m.step(1.0, &mut w, &[1.0]); // v = 1, w = −1
        m.step(1.0, &mut w, &[1.0]); // v = 0.9 + 1 = 1.9, w = −2.9
        assert!((w[0] + 2.9).abs() < 1e-12);
    }

    #[test]
    fn adam_first_step_is_learning_rate_times_sign() {
        // After one step m̂ = g and v̂ = g², so the step is η·g/|g| = η·sign(g) (ε aside).
        let mut a = Optimizer::new(OptimizerKind::Adam, 2);
        let mut w = [0.0, 0.0];
        a.step(0.01, &mut w, &[5.0, -0.001]);
        assert!((w[0] + 0.01).abs() < 1e-9);
        assert!((w[1] - 0.01).abs() < 1e-5);
    }
}
