//! A multilayer perceptron on the 2-D plane, kept in flat arrays so it trains fast and every
//! number stays readable.
//!
//! **Inputs**: a chosen subset of x₁, x₂, x₁², x₂², x₁x₂, sin πx₁, sin πx₂.
//! **Parameters learned from data**: for each layer, a weight on every link from the previous
//! layer and one bias per neuron. Neuron j of a layer computes zⱼ = bⱼ + Σᵢ wⱼᵢ·aᵢ from the previous
//! layer's outputs aᵢ and outputs g(zⱼ) (hidden layers) or zⱼ itself (output layer).
//! **Objective**: for classification, softmax over one output per class and the mean
//! cross-entropy −ln p(true class); for regression, one output ŷ and the mean squared error
//! (ŷ − y)². Plus λ·Σw² (L2) or λ·Σ|w| (L1) over the weights, never the biases.
//! **Update rule**: each epoch visits the training points in a fresh seeded order, in mini-batches;
//! for each batch, backpropagation gives the mean gradient (the output error p − onehot or 2(ŷ − y)
//! flows back through each layer's weights, scaled by g′ at each neuron), the chosen optimizer
//! applies it, and under L1 a soft-threshold step pulls weights exactly to zero. A batch whose loss
//! is non-finite or explodes is not applied and training reports divergence.
//!
//! Layout: `params` holds, layer after layer, the weights row by row (one row per neuron of the
//! layer, one entry per neuron of the previous layer), then that layer's biases. Activations and
//! backpropagated errors live in two buffers with one column per neuron (inputs first) and one
//! slot per point of a mini-batch; a batch is processed layer by layer, forward then backward,
//! each weight meeting a whole column of points, so the points' independent chains of arithmetic
//! overlap. Training allocates nothing after construction (a larger batch size grows the buffers
//! once).

use super::activation::{softmax, Activation};
use super::optimizer::{Optimizer, OptimizerKind};
use super::polynomial::Epoch;
use super::regularization::{soft_threshold, Regularization};
use crate::data::rng::{seeded, shuffler, standard_normal, ShuffleRng};
use rand::seq::SliceRandom;
use std::rc::Rc;

pub const MAX_HIDDEN_LAYERS: usize = 6;
pub const MAX_NEURONS: usize = 16;
/// The candidate input features, in the order of [`Inputs`]' bits.
pub const FEATURE_NAMES: [&str; 7] = ["x₁", "x₂", "x₁²", "x₂²", "x₁x₂", "sin πx₁", "sin πx₂"];

/// Which input features the network sees: a non-empty subset of [`FEATURE_NAMES`], as bits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Inputs(u8);

impl Inputs {
    pub fn new(bits: u8) -> Result<Self, String> {
        if bits == 0 || bits >= 1 << FEATURE_NAMES.len() {
            return Err(format!(
                "choose at least one of the {} input features",
                FEATURE_NAMES.len()
            ));
        }
        Ok(Inputs(bits))
    }
    pub fn bits(self) -> u8 {
        self.0
    }
    pub fn has(self, feature: usize) -> bool {
        self.0 & (1 << feature) != 0
    }
    pub fn count(self) -> usize {
        self.0.count_ones() as usize
    }
    /// Names of the chosen features, in order.
    pub fn names(self) -> Vec<&'static str> {
        (0..FEATURE_NAMES.len())
            .filter(|&f| self.has(f))
            .map(|f| FEATURE_NAMES[f])
            .collect()
    }
    /// The chosen features of (x₁, x₂) into `out[..count]`. sin uses πx so that one period spans
    /// the plane's [−1, 1] (sin x there is almost x itself).
    pub fn values(self, x1: f64, x2: f64, out: &mut [f64]) {
        let pi = core::f64::consts::PI;
        let chosen = (0..FEATURE_NAMES.len()).filter(|&f| self.has(f));
        for (at, f) in chosen.enumerate() {
            out[at] = match f {
                0 => x1,
                1 => x2,
                2 => x1 * x1,
                3 => x2 * x2,
                4 => x1 * x2,
                5 => libm::sin(pi * x1),
                _ => libm::sin(pi * x2),
            };
        }
    }
}

/// (weights, biases) of a network with `inputs` inputs, `hidden` neurons per hidden layer and
/// `outputs` outputs: every neuron has one weight per neuron of the layer before and one bias.
pub fn parameter_count(inputs: usize, hidden: &[usize], outputs: usize) -> (usize, usize) {
    let mut sizes = vec![inputs];
    sizes.extend(hidden);
    sizes.push(outputs);
    let weights = sizes.windows(2).map(|w| w[0] * w[1]).sum();
    (weights, sizes[1..].iter().sum())
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

/// out[p] = Σₖ wₖ·a[k·cap + p] for each point p (one column of `cap` slots per weight), each sum
/// from −0.0 and in order k = 0, 1, … (the bits of `Iterator::sum`); four points at a time, so
/// their running sums stay in registers instead of going through memory for every weight.
fn weighted_sums(out: &mut [f64], w: &[f64], a: &[f64], cap: usize) {
    let mut blocks = out.chunks_exact_mut(4);
    let mut p = 0;
    for block in &mut blocks {
        let (mut s0, mut s1, mut s2, mut s3) = (-0.0, -0.0, -0.0, -0.0);
        for (k, &wk) in w.iter().enumerate() {
            let x = &a[k * cap + p..k * cap + p + 4];
            s0 += wk * x[0];
            s1 += wk * x[1];
            s2 += wk * x[2];
            s3 += wk * x[3];
        }
        block.copy_from_slice(&[s0, s1, s2, s3]);
        p += 4;
    }
    for o in blocks.into_remainder() {
        let mut s = -0.0;
        for (k, &wk) in w.iter().enumerate() {
            s += wk * a[k * cap + p];
        }
        *o = s;
        p += 1;
    }
}

/// Slots per neuron column a training step needs: the batch size, at most the number of points.
fn batch_rows(training: Training, points: usize) -> usize {
    training.batch.unwrap_or(points).min(points).max(1)
}

/// What decides the network's shape and starting point; changing any of it starts over.
#[derive(Clone, Debug, PartialEq)]
pub struct Architecture {
    inputs: Inputs,
    hidden: Vec<usize>,
    activation: Activation,
    init_seed: u64,
}

impl Architecture {
    pub fn new(
        inputs: Inputs,
        hidden: &[usize],
        activation: Activation,
        init_seed: u64,
    ) -> Result<Self, String> {
        if hidden.len() > MAX_HIDDEN_LAYERS {
            return Err(format!(
                "at most {MAX_HIDDEN_LAYERS} hidden layers, got {}",
                hidden.len()
            ));
        }
        if let Some(n) = hidden.iter().find(|n| !(1..=MAX_NEURONS).contains(n)) {
            return Err(format!("a layer has 1 … {MAX_NEURONS} neurons, got {n}"));
        }
        Ok(Architecture {
            inputs,
            hidden: hidden.to_vec(),
            activation,
            init_seed,
        })
    }
    pub fn inputs(&self) -> Inputs {
        self.inputs
    }
    pub fn hidden(&self) -> &[usize] {
        &self.hidden
    }
    pub fn activation(&self) -> Activation {
        self.activation
    }
}

/// What can change while training continues.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Training {
    learning_rate: f64,
    batch: Option<usize>,
    optimizer: OptimizerKind,
    regularization: Regularization,
    lambda: f64,
}

impl Training {
    /// `batch`: points per update, `None` for all of them.
    pub fn new(
        learning_rate: f64,
        batch: Option<usize>,
        optimizer: OptimizerKind,
        regularization: Regularization,
        lambda: f64,
    ) -> Result<Self, String> {
        if !(learning_rate > 0.0 && learning_rate <= 100.0) {
            return Err(format!(
                "learning rate must be in (0, 100], got {learning_rate}"
            ));
        }
        if batch == Some(0) {
            return Err("a batch holds at least one point".into());
        }
        if !(0.0..=1000.0).contains(&lambda) {
            return Err(format!(
                "regularization strength must be 0 … 1000, got {lambda}"
            ));
        }
        Ok(Training {
            learning_rate,
            batch,
            optimizer,
            regularization,
            lambda,
        })
    }
    pub fn learning_rate(&self) -> f64 {
        self.learning_rate
    }
}

/// What the network learns to predict.
#[derive(Clone, Copy, Debug)]
pub enum Targets<'a> {
    /// A class per point, and how many classes there are (softmax + cross-entropy).
    Classes(&'a [usize], usize),
    /// A number per point (one output, squared error).
    Values(&'a [f64]),
}

/// One point's place in a batch of neuron columns (see [`Mlp::forward_columns`]).
#[derive(Clone, Copy)]
struct InColumns<'a> {
    acts: &'a [f64],
    cap: usize,
    p: usize,
}

impl InColumns<'_> {
    /// Neuron `unit`'s value for this point (the output layer's raw score, before softmax).
    fn neuron(self, unit: usize) -> f64 {
        self.acts[unit * self.cap + self.p]
    }
}

/// One layer's place in the flat arrays.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Layer {
    inputs: usize,
    outputs: usize,
    /// Start of the weights in `params` (the biases follow them).
    weights: usize,
    /// Start of the layer's inputs (the previous layer's outputs) in the neuron buffers.
    from: usize,
}

impl Layer {
    fn biases(&self) -> usize {
        self.weights + self.inputs * self.outputs
    }
    fn to(&self) -> usize {
        self.from + self.inputs
    }
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
    /// A network with seeded random weights (normal, scaled by 1/√fan-in, ×√2 for ReLU) and zero
    /// biases, ready to train on `points` (x₁, x₂) with `targets`.
    pub fn new(
        arch: Architecture,
        training: Training,
        points: &[(f64, f64)],
        targets: Targets,
    ) -> Self {
        let (outputs, classify) = match targets {
            Targets::Classes(_, k) => (k.max(1), true),
            Targets::Values(_) => (1, false),
        };
        let n_in = arch.inputs.count();
        let mut sizes = vec![n_in];
        sizes.extend(&arch.hidden);
        sizes.push(outputs);
        let mut layers = Vec::new();
        let (mut weights, mut from) = (0, 0);
        for w in sizes.windows(2) {
            layers.push(Layer {
                inputs: w[0],
                outputs: w[1],
                weights,
                from,
            });
            weights += (w[0] + 1) * w[1];
            from += w[0];
        }
        let units = from + outputs;
        let mut params = vec![0.0; weights];
        let mut rng = seeded(arch.init_seed, 3);
        let gain = if arch.activation == Activation::Relu {
            2.0
        } else {
            1.0
        };
        for l in &layers {
            let scale = libm::sqrt(gain / l.inputs as f64);
            for w in &mut params[l.weights..l.biases()] {
                *w = scale * standard_normal(&mut rng);
            }
        }
        let mut x = vec![0.0; points.len() * n_in];
        for (row, &(x1, x2)) in x.chunks_mut(n_in.max(1)).zip(points) {
            arch.inputs.values(x1, x2, row);
        }
        let (labels, values, start) = match targets {
            Targets::Classes(c, k) => (c.to_vec(), Vec::new(), (k.max(2) as f64).ln()),
            Targets::Values(v) => {
                let mean_square = v.iter().map(|y| y * y).sum::<f64>() / v.len().max(1) as f64;
                (Vec::new(), v.to_vec(), mean_square)
            }
        };
        Mlp {
            optimizer: Optimizer::new(training.optimizer, weights),
            grad: vec![0.0; weights],
            scores: vec![0.0; outputs],
            units,
            acts: vec![0.0; units * batch_rows(training, points.len())],
            deltas: vec![0.0; units * batch_rows(training, points.len())],
            order: (0..points.len()).collect(),
            shuffle: shuffler(arch.init_seed, 4),
            x: Rc::new(x),
            labels: Rc::new(labels),
            values: Rc::new(values),
            arch,
            training,
            layers,
            outputs,
            classify,
            params,
            epoch: 0,
            loss: start,
            explosion_level: 1e3 * start.max(1e-3),
        }
    }

    /// Continues training with new learning rate, batch size, optimizer or regularization.
    pub fn set_training(&mut self, training: Training) {
        if training.optimizer != self.training.optimizer {
            self.optimizer = Optimizer::new(training.optimizer, self.params.len());
        }
        let rows = batch_rows(training, self.order.len());
        if self.acts.len() < rows * self.units {
            self.acts.resize(rows * self.units, 0.0);
            self.deltas.resize(rows * self.units, 0.0);
        }
        self.training = training;
    }

    pub fn architecture(&self) -> &Architecture {
        &self.arch
    }
    pub fn epoch(&self) -> u64 {
        self.epoch
    }
    /// Mean loss over the last epoch's batches (as each batch was before its update).
    pub fn train_loss(&self) -> f64 {
        self.loss
    }
    /// Every weight and bias, layer after layer.
    pub fn params(&self) -> &[f64] {
        &self.params
    }
    /// Neurons per layer: inputs, each hidden layer, outputs.
    pub fn sizes(&self) -> Vec<usize> {
        let mut s: Vec<usize> = self.layers.iter().map(|l| l.inputs).collect();
        s.push(self.outputs);
        s
    }
    /// The weight on the link from neuron `from` of layer `layer` to neuron `to` of the next.
    pub fn weight(&self, layer: usize, to: usize, from: usize) -> f64 {
        let l = self.layers[layer];
        self.params[l.weights + to * l.inputs + from]
    }
    /// The bias of neuron `unit` of layer `layer + 1`.
    pub fn bias(&self, layer: usize, unit: usize) -> f64 {
        self.params[self.layers[layer].biases() + unit]
    }

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

    /// Class probabilities (or, for regression, the prediction) at (x₁, x₂) into `out`.
    pub fn proba(&self, x1: f64, x2: f64, out: &mut [f64]) {
        self.proba_many(&[(x1, x2)], out);
    }

    /// [`Mlp::proba`] at many points, one output row after another into `out`.
    pub fn proba_many(&self, points: &[(f64, f64)], out: &mut [f64]) {
        let k = self.outputs;
        self.run_points(points, |i, point| {
            self.outputs_of(point, &mut out[i * k..(i + 1) * k]);
        });
    }

    /// The output of neuron `unit` (its index among all neurons, inputs first) at each point;
    /// for the output layer, as probabilities (classification) or the prediction (regression).
    pub fn neuron_values(&self, points: &[(f64, f64)], unit: usize) -> Vec<f64> {
        let first_output = self.units - self.outputs;
        let mut outputs = vec![0.0; self.outputs];
        let mut values = vec![0.0; points.len()];
        self.run_points(points, |i, point| {
            values[i] = if unit < first_output {
                point.neuron(unit)
            } else {
                self.outputs_of(point, &mut outputs);
                outputs[unit - first_output]
            };
        });
        values
    }

    /// Runs `points` through the network in columns of up to 64, as a mini-batch does in
    /// training (a decision map's 10,000 cells cost a fraction of one at a time), and hands
    /// `take` each point's index and its place in the columns.
    fn run_points(&self, points: &[(f64, f64)], mut take: impl FnMut(usize, InColumns)) {
        let cap = points.len().clamp(1, 64);
        let n_in = self.layers[0].inputs;
        let mut acts = vec![0.0; self.units * cap];
        let mut features = [0.0; FEATURE_NAMES.len()];
        for (c, chunk) in points.chunks(cap).enumerate() {
            for (p, &(x1, x2)) in chunk.iter().enumerate() {
                self.arch.inputs.values(x1, x2, &mut features);
                for (f, &x) in features[..n_in].iter().enumerate() {
                    acts[f * cap + p] = x;
                }
            }
            self.forward_columns(&mut acts, cap, chunk.len());
            for p in 0..chunk.len() {
                take(
                    c * cap + p,
                    InColumns {
                        acts: &acts,
                        cap,
                        p,
                    },
                );
            }
        }
    }

    /// A point's outputs: probabilities (softmax of the scores) or the prediction.
    fn outputs_of(&self, point: InColumns, out: &mut [f64]) {
        let first = self.units - self.outputs;
        for (k, o) in out.iter_mut().enumerate() {
            *o = point.neuron(first + k);
        }
        if self.classify {
            softmax(out);
        }
    }

    /// The output layer's error for training point `s`, the batch's point `p` (columns of `cap`
    /// slots in `acts` and `deltas`), with `z` (one slot per output) as scratch; returns its loss, except that for cross-entropy the
    /// logarithm is left to the caller: the loss is ln(Σ e^(z − max)) + (max − z_y), and
    /// Σ e^(z − max) is multiplied into `sums` (one logarithm per batch instead of one per point).
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
                for w in &mut self.params[l.weights..l.biases()] {
                    *w = soft_threshold(*w, t.learning_rate * t.lambda);
                }
            }
        }
        Some(loss)
    }

    /// One epoch: every training point once, in a fresh seeded order, batch by batch.
    pub fn step(&mut self) -> Epoch {
        let n = self.order.len();
        if n == 0 {
            return Epoch::Done { train_mse: 0.0 };
        }
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
            return Epoch::Diverged;
        }
        self.loss = total / n as f64;
        self.epoch += 1;
        Epoch::Done {
            train_mse: self.loss,
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
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A neuron's values by hand: an input is its feature, a hidden neuron tanh(b + Σ w·x), the
    /// output neurons probabilities that add up to one.
    #[test]
    fn neuron_values_by_hand() {
        let pts: Vec<(f64, f64)> = (0..70)
            .map(|i| (i as f64 / 35.0 - 1.0, 0.3 - i as f64 / 90.0))
            .collect();
        let labels: Vec<usize> = (0..70).map(|i| i % 2).collect();
        let a = arch(0b11, &[3], Activation::Tanh, 5);
        let net = Mlp::new(
            a,
            training(0.1, None, OptimizerKind::Sgd),
            &pts,
            Targets::Classes(&labels, 2),
        );
        assert_eq!(
            net.neuron_values(&pts, 1),
            pts.iter().map(|p| p.1).collect::<Vec<_>>()
        );
        let hidden = net.neuron_values(&pts, 3);
        let (out0, out1) = (net.neuron_values(&pts, 5), net.neuron_values(&pts, 6));
        for (i, &(x1, x2)) in pts.iter().enumerate() {
            let z = net.bias(0, 1) + net.weight(0, 1, 0) * x1 + net.weight(0, 1, 1) * x2;
            assert!((hidden[i] - libm::tanh(z)).abs() < 1e-14, "{i}");
            assert!(
                (out0[i] + out1[i] - 1.0).abs() < 1e-15 && out0[i] > 0.0,
                "{i}"
            );
        }
    }

    /// Many points at once (three columns of 64, the last one short) give exactly each point's
    /// own answer, for classification and regression.
    #[test]
    fn batched_predictions_equal_one_point_at_a_time() {
        let pts: Vec<(f64, f64)> = (0..150)
            .map(|i| (i as f64 / 30.0 - 2.5, (i * 7 % 150) as f64 / 25.0 - 3.0))
            .collect();
        let labels: Vec<usize> = (0..150).map(|i| i % 3).collect();
        let values: Vec<f64> = pts.iter().map(|p| p.0 - p.1).collect();
        for targets in [Targets::Classes(&labels, 3), Targets::Values(&values)] {
            let a = arch(0b101_0111, &[5, 3], Activation::Tanh, 8);
            let t = training(0.05, Some(10), OptimizerKind::Adam);
            let mut net = Mlp::new(a, t, &pts, targets);
            for _ in 0..20 {
                net.step();
            }
            let k = net.outputs;
            let mut many = vec![0.0; pts.len() * k];
            net.proba_many(&pts, &mut many);
            let mut one = vec![0.0; k];
            for (&(x1, x2), row) in pts.iter().zip(many.chunks_exact(k)) {
                net.proba(x1, x2, &mut one);
                assert_eq!(row, &one[..]);
            }
        }
    }
    use crate::data::classification::{generate, Pattern, Point2};

    fn arch(inputs: u8, hidden: &[usize], g: Activation, seed: u64) -> Architecture {
        Architecture::new(Inputs::new(inputs).unwrap(), hidden, g, seed).unwrap()
    }

    fn training(lr: f64, batch: Option<usize>, opt: OptimizerKind) -> Training {
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
        let t =
            Training::new(0.03, Some(10), OptimizerKind::Sgd, Regularization::L1, 0.03).unwrap();
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
        assert!(Training::new(0.0, None, OptimizerKind::Sgd, Regularization::None, 0.0).is_err());
        assert!(Architecture::new(Inputs(1), &[17], Activation::Tanh, 0).is_err());
        assert!(Inputs::new(0).is_err() && Inputs::new(128).is_err());
    }

    #[test]
    fn parameter_count_and_layout() {
        let m = Mlp::new(
            arch(0b11, &[4, 2], Activation::Tanh, 1),
            training(0.1, None, OptimizerKind::Sgd),
            &[(0.0, 0.0)],
            Targets::Classes(&[0], 2),
        );
        // (2 + 1)·4 + (4 + 1)·2 + (2 + 1)·2 = 12 + 10 + 6.
        assert_eq!(m.params.len(), 28);
        assert_eq!(parameter_count(2, &[4, 2], 2), (8 + 8 + 4, 4 + 2 + 2));
        assert_eq!(m.sizes(), vec![2, 4, 2, 2]);
        assert_eq!(m.weight(1, 1, 3), m.params[12 + 4 + 3]);
        assert_eq!(m.bias(1, 1), m.params[12 + 8 + 1]);
    }
}
