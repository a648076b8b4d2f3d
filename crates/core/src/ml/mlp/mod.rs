//! A multilayer perceptron on the 2-D plane, kept in flat arrays so it trains fast and every
//! number stays readable. This page is the model itself: what it computes, what training makes
//! small, and how one update changes the weights.
//!
//! **Inputs**: a chosen subset of x₁, x₂, x₁², x₂², x₁x₂, sin πx₁, sin πx₂.
//! **Parameters learned from data**: for each layer, a weight on every link from the previous
//! layer and one bias per neuron. Neuron j of a layer computes zⱼ = bⱼ + Σᵢ wⱼᵢ·aᵢ from the previous
//! layer's outputs aᵢ and outputs g(zⱼ) (hidden layers) or zⱼ itself (output layer).
//! **Objective** (what training makes small): how wrong the network is on average over the
//! training points, plus a price on large weights. For classification, softmax over one output
//! per class and the mean cross-entropy −ln p(true class); for regression, one output ŷ and the
//! mean squared error (ŷ − y)². Plus λ·Σw² (L2) or λ·Σ|w| (L1) over the weights, never the biases.
//! **Update rule** (how the weights change): each weight takes a small step against its slope in
//! the objective, downhill. Each epoch visits the training points in a fresh seeded order, in
//! mini-batches; for each batch, backpropagation gives the mean gradient (the output error
//! p − onehot or 2(ŷ − y) flows back through each layer's weights, scaled by g′ at each neuron),
//! the chosen optimizer applies it, and under L1 a soft-threshold step pulls weights exactly to
//! zero. L2's slope 2λw joins the gradient before the optimizer sees it (with Adam too: the
//! classic coupled penalty, not AdamW's decoupled decay); L1's threshold is λ times the step the
//! optimizer takes per unit of gradient (`Optimizer::step_size`). When a batch's loss (measured
//! before its update) is non-finite or past the explosion level, the epoch is undone and training
//! reports divergence.
//! **Reported training loss** of an epoch: each batch's mean loss, without the penalty, at the
//! parameters before its update, averaged over the epoch's points (with all points per step:
//! the loss where the epoch started). `scripts/sklearn-check.py` replays training from these
//! words alone with numpy and matches every parameter to 1e-14.
//!
//! Below, in reading order: the model ([`Mlp`]), the forward pass (`forward_columns`), the
//! objective at the output (`output_error`), the backward pass (`backward_layer`), and the
//! update (`update`, one mini-batch; [`Mlp::step`], one epoch). A batch is processed layer by
//! layer, forward then backward, in neuron columns with one slot per point of the batch, each
//! weight meeting a whole column of points, so the points' independent chains of arithmetic
//! overlap.
//!
//! Beside this page: `hyper.rs` (the validated hyperparameters [`Inputs`], [`Architecture`],
//! [`Training`]), `layout.rs` (where every weight, bias and neuron value lives in the flat arrays;
//! the seeded start, [`Mlp::new`]; [`parameter_count`]), `kernels.rs` (the forward pass's weighted
//! sums, written for speed), `predict.rs` (probabilities, predictions and one neuron's outputs at
//! many points) and `tests.rs` (the tests of training).

mod hyper;
mod kernels;
mod layout;
mod predict;
#[cfg(test)]
mod tests;

pub use hyper::{Architecture, Inputs, Training, FEATURE_NAMES, MAX_HIDDEN_LAYERS, MAX_NEURONS};
pub use layout::parameter_count;

use super::activation::{softmax, Activation};
use super::model::Epoch;
use super::optimizer::Optimizer;
use super::regularization::{soft_threshold, Regularization};
use crate::data::rng::ShuffleRng;
use kernels::weighted_sums;
use layout::Layer;
use rand::seq::SliceRandom;
use std::rc::Rc;

/// What the network learns to predict.
#[derive(Clone, Copy, Debug)]
pub enum Targets<'a> {
    /// A class per point, and how many classes there are (softmax + cross-entropy).
    Classes(&'a [usize], usize),
    /// A number per point (one output, squared error).
    Values(&'a [f64]),
}

/// A network being trained on fixed data.
#[derive(Clone, Debug, PartialEq)]
pub struct Mlp {
    arch: Architecture,
    training: Training,
    layers: Vec<Layer>,
    /// Output neurons: the number of classes, or 1 for regression.
    outputs: usize,
    classify: bool,
    params: Vec<f64>,
    optimizer: Optimizer,
    /// Training inputs (one row of features per point) and targets, shared between clones.
    x: Rc<Vec<f64>>,
    labels: Rc<Vec<usize>>,
    values: Rc<Vec<f64>>,
    order: Vec<usize>,
    shuffle: ShuffleRng,
    /// Neurons in the network, inputs included: the columns of `acts` and `deltas`.
    units: usize,
    /// Every neuron's output, and its error passed back, for each point of a mini-batch: one
    /// column per neuron, one slot per point.
    acts: Vec<f64>,
    deltas: Vec<f64>,
    /// One point's output scores (scratch for the loss).
    scores: Vec<f64>,
    grad: Vec<f64>,
    epoch: u64,
    loss: f64,
    explosion_level: f64,
}

impl Mlp {
    /// Runs the network on the first `count` points of a batch laid out in columns: neuron u's
    /// values for the points are `acts[u × cap ..][..count]`, inputs first. Fills every neuron's
    /// output (the output layer's raw scores are left before softmax). Neuron by neuron, each
    /// weight multiplies a whole column, so the points' arithmetic runs side by side (and in
    /// SIMD lanes in the browser). With `cap` = 1 this is one point's row of neurons.
    fn forward_columns(&self, acts: &mut [f64], cap: usize, count: usize) {
        for (i, l) in self.layers.iter().enumerate() {
            let last = i + 1 == self.layers.len();
            let (before, after) = acts.split_at_mut(l.to() * cap);
            let a = &before[l.from * cap..];
            let w = &self.params[l.weights..l.biases()];
            let b = &self.params[l.biases()..l.biases() + l.outputs];
            for ((out, row), bias) in after
                .chunks_exact_mut(cap)
                .zip(w.chunks_exact(l.inputs.max(1)))
                .zip(b)
            {
                let out = &mut out[..count];
                // z = bias + Σᵢ wᵢ·aᵢ, the sum started from −0.0 as `Iterator::sum` does.
                weighted_sums(out, row, a, cap);
                out.iter_mut().for_each(|o| *o += bias);
                if !last {
                    self.arch.activation.apply_all(out);
                }
            }
        }
    }

    /// The output layer's error for training point `s`, the batch's point `p` (columns of `cap`
    /// slots in `acts` and `deltas`), with `z` (one slot per output) as scratch; returns its loss,
    /// except that for cross-entropy the logarithm is left to the caller: the loss is
    /// ln(Σ e^(z − max)) + (max − z_y), and Σ e^(z − max) is multiplied into `sums` (one logarithm
    /// per batch instead of one per point).
    fn output_error(
        &self,
        s: usize,
        (p, cap): (usize, usize),
        acts: &[f64],
        (deltas, z): (&mut [f64], &mut [f64]),
        sums: &mut f64,
    ) -> f64 {
        let out_at = (self.units - self.outputs) * cap + p;
        for (o, z) in z.iter_mut().enumerate() {
            *z = acts[out_at + o * cap];
        }
        if self.classify {
            // Cross-entropy from the raw scores: ln Σ e^z − z_y, computed stably.
            // The error of each score is p − onehot(y).
            let y = self.labels[s];
            let z_y = z[y];
            let (max, sum) = softmax(z);
            z[y] -= 1.0;
            for (o, z) in z.iter().enumerate() {
                deltas[out_at + o * cap] = *z;
            }
            *sums *= sum;
            max - z_y
        } else {
            let err = z[0] - self.values[s];
            deltas[out_at] = 2.0 * err;
            err * err
        }
    }
}

/// Backpropagation through layer `l` for the first `count` points of a batch whose neuron
/// buffers hold a column of `cap` slots per neuron (see [`Mlp::forward_columns`]): adds the
/// gradient of the layer's weights and biases to `grad` from its output errors in `deltas` and
/// its inputs in `acts`, and (unless it is the first layer, whose inputs learn nothing) passes
/// the error back to its inputs' columns of `deltas`, scaled by the activation's slope. Each
/// weight adds up its points' contributions in batch order.
#[allow(clippy::too_many_arguments)]
fn backward_layer(
    l: &Layer,
    first: bool,
    activation: Activation,
    params: &[f64],
    grad: &mut [f64],
    acts: &[f64],
    deltas: &mut [f64],
    (cap, count): (usize, usize),
) {
    let (before, after) = deltas.split_at_mut(l.to() * cap);
    let delta_in = &mut before[l.from * cap..];
    let (gw, gb) = grad[l.weights..l.biases() + l.outputs].split_at_mut(l.biases() - l.weights);
    let w = &params[l.weights..l.biases()];
    let a = &acts[l.from * cap..l.to() * cap];
    let n = l.inputs.max(1);
    for (j, gb) in gb.iter_mut().enumerate() {
        let dj = &after[j * cap..j * cap + count];
        dj.iter().for_each(|d| *gb += d);
        for i in 0..l.inputs {
            let ai = &a[i * cap..i * cap + count];
            let g = &mut gw[j * n + i];
            dj.iter().zip(ai).for_each(|(d, x)| *g += d * x);
            if !first {
                // Σⱼ wⱼᵢ·δⱼ, from 0.0 (the first neuron's term starts it: no separate zeroing).
                let wji = w[j * n + i];
                let di = &mut delta_in[i * cap..i * cap + count];
                if j == 0 {
                    di.iter_mut()
                        .zip(dj)
                        .for_each(|(di, d)| *di = 0.0 + wji * d);
                } else {
                    di.iter_mut().zip(dj).for_each(|(di, d)| *di += wji * d);
                }
            }
        }
    }
    if !first {
        for (di, ai) in delta_in.chunks_exact_mut(cap).zip(a.chunks_exact(cap)) {
            for (di, ai) in di[..count].iter_mut().zip(&ai[..count]) {
                *di *= activation.slope(*ai);
            }
        }
    }
}

impl Mlp {
    /// One update from the training points `batch`; `None` (and no change) if the loss exploded.
    fn update(&mut self, batch: &[usize]) -> Option<f64> {
        self.grad.iter_mut().for_each(|g| *g = 0.0);
        // Forward, layer by layer for the whole batch: the points' chains of activations are
        // independent, so the processor overlaps them (a small network is latency-bound).
        let (cap, count, n_in) = (
            self.acts.len() / self.units,
            batch.len(),
            self.layers[0].inputs,
        );
        let mut acts = std::mem::take(&mut self.acts);
        for (p, &s) in batch.iter().enumerate() {
            for (f, &x) in self.x[s * n_in..(s + 1) * n_in].iter().enumerate() {
                acts[f * cap + p] = x;
            }
        }
        self.forward_columns(&mut acts, cap, count);
        let (mut loss, mut sums) = (0.0, 1.0);
        let mut deltas = std::mem::take(&mut self.deltas);
        let mut z = std::mem::take(&mut self.scores);
        for (p, &s) in batch.iter().enumerate() {
            let scratch = (&mut deltas[..], &mut z[..]);
            loss += self.output_error(s, (p, cap), &acts, scratch, &mut sums);
            // Each factor is at most the number of classes: fold into the sum long before overflow.
            if sums > 1e200 {
                loss += libm::log(sums);
                sums = 1.0;
            }
        }
        // Backward, layer by layer for the whole batch (each weight still adds up its points'
        // contributions in batch order).
        for (i, l) in self.layers.iter().enumerate().rev() {
            backward_layer(
                l,
                i == 0,
                self.arch.activation,
                &self.params,
                &mut self.grad,
                &acts,
                &mut deltas,
                (cap, count),
            );
        }
        self.acts = acts;
        self.deltas = deltas;
        self.scores = z;
        let scale = 1.0 / batch.len() as f64;
        loss = (loss + libm::log(sums)) * scale;
        if !loss.is_finite()
            || loss > self.explosion_level
            || self.grad.iter().any(|g| !g.is_finite())
        {
            return None;
        }
        self.grad.iter_mut().for_each(|g| *g *= scale);
        let t = self.training;
        for l in &self.layers {
            let range = l.weights..l.biases();
            t.regularization.add_gradient(
                t.lambda,
                &self.params[range.clone()],
                &mut self.grad[range],
            );
        }
        self.optimizer
            .step(t.learning_rate, &mut self.params, &self.grad);
        if t.regularization == Regularization::L1 {
            for l in &self.layers {
                for i in l.weights..l.biases() {
                    let step = self.optimizer.step_size(t.learning_rate, i);
                    self.params[i] = soft_threshold(self.params[i], t.lambda * step);
                }
            }
        }
        Some(loss)
    }

    /// One epoch: every training point once, in a fresh seeded order, batch by batch.
    pub fn step(&mut self) -> Epoch {
        let n = self.order.len();
        if n == 0 {
            return Epoch::Done { train_loss: 0.0 };
        }
        // Kept to undo the whole epoch if the loss explodes part-way: trying the epoch again then
        // replays it identically instead of piling up more updates. A batch's loss is measured
        // before its update, so the update that makes the loss explode is caught by the next
        // batch, one epoch late with a single batch: the parameters before this epoch may
        // already be past the limit. The session does not show those: it goes back to the
        // recorded epoch with the lowest training loss (`Session::fall_back`).
        let saved = (
            self.params.clone(),
            self.optimizer.clone(),
            self.shuffle.clone(),
            self.order.clone(),
        );
        let mut order = std::mem::take(&mut self.order);
        order.shuffle(&mut self.shuffle);
        let batch = self.training.batch.unwrap_or(n).min(n);
        let mut total = 0.0;
        let mut diverged = false;
        for chunk in order.chunks(batch) {
            match self.update(chunk) {
                Some(loss) => total += loss * chunk.len() as f64,
                None => {
                    diverged = true;
                    break;
                }
            }
        }
        self.order = order;
        if diverged {
            (self.params, self.optimizer, self.shuffle, self.order) = saved;
            return Epoch::Diverged;
        }
        self.loss = total / n as f64;
        self.epoch += 1;
        Epoch::Done {
            train_loss: self.loss,
        }
    }

    /// Mean loss of the current parameters on the training points (no penalty, no update).
    pub fn current_loss(&self) -> f64 {
        let n_in = self.layers[0].inputs;
        let mut buf = vec![0.0; self.units];
        let n = self.order.len().max(1) as f64;
        let out_at = buf.len() - self.outputs;
        let mut total = 0.0;
        for s in 0..self.order.len() {
            buf[..n_in].copy_from_slice(&self.x[s * n_in..(s + 1) * n_in]);
            self.forward_columns(&mut buf, 1, 1);
            let z = &buf[out_at..];
            total += if self.classify {
                let max = z.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
                let sum: f64 = z.iter().map(|v| libm::exp(v - max)).sum();
                max + libm::log(sum) - z[self.labels[s]]
            } else {
                (z[0] - self.values[s]).powi(2)
            };
        }
        total / n
    }

    /// The least loss of a network whose output ignores its inputs (the same scores for every
    /// point): for classes the entropy of the training class shares, −Σ p·ln p (ln 2 for two
    /// equal classes), for numbers the targets' variance. A loss still about this high means
    /// the network has learned nothing from the inputs yet.
    pub fn guess_loss(&self) -> f64 {
        if self.classify {
            let n = self.labels.len().max(1) as f64;
            let mut counts = vec![0usize; self.outputs];
            for &c in self.labels.iter() {
                counts[c] += 1;
            }
            let shares = counts.iter().filter(|&&c| c > 0).map(|&c| c as f64 / n);
            shares.map(|p| -p * libm::log(p)).sum()
        } else {
            crate::ml::metrics::variance(&self.values)
        }
    }
}
