//! Where every number of the network lives, and how it starts.
//!
//! `params` holds, layer after layer, the weights row by row (one row per neuron of the layer, one
//! entry per neuron of the previous layer), then that layer's biases. Activations and
//! backpropagated errors live in two buffers with one column per neuron (inputs first) and one
//! slot per point of a mini-batch. [`Mlp::new`] draws the starting weights from a seed; training
//! allocates nothing after that (a larger batch size grows the buffers once).

use super::{Architecture, Mlp, Targets, Training};
use crate::data::rng::{seeded, shuffler, standard_normal};
use crate::ml::activation::Activation;
use crate::ml::optimizer::Optimizer;
use std::rc::Rc;

/// Loss level above which training counts as exploding: this many times the loss of a network
/// that outputs zero everywhere (ln K for K classes, the mean of y² for a regression; at least
/// 10⁻³), or of a loaded network's weights when that is higher.
const EXPLOSION_FACTOR: f64 = 1e3;

/// (weights, biases) of a network with `inputs` inputs, `hidden` neurons per hidden layer and
/// `outputs` outputs: every neuron has one weight per neuron of the layer before and one bias.
pub fn parameter_count(inputs: usize, hidden: &[usize], outputs: usize) -> (usize, usize) {
    let mut sizes = vec![inputs];
    sizes.extend(hidden);
    sizes.push(outputs);
    let weights = sizes.windows(2).map(|w| w[0] * w[1]).sum();
    (weights, sizes[1..].iter().sum())
}

/// One layer's place in the flat arrays.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Layer {
    pub(super) inputs: usize,
    pub(super) outputs: usize,
    /// Start of the weights in `params` (the biases follow them).
    pub(super) weights: usize,
    /// Start of the layer's inputs (the previous layer's outputs) in the neuron buffers.
    pub(super) from: usize,
}

impl Layer {
    pub(super) fn biases(&self) -> usize {
        self.weights + self.inputs * self.outputs
    }
    pub(super) fn to(&self) -> usize {
        self.from + self.inputs
    }
}

/// Slots per neuron column a training step needs: the batch size, at most the number of points.
fn batch_rows(training: Training, points: usize) -> usize {
    training.batch.unwrap_or(points).min(points).max(1)
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
            explosion_level: EXPLOSION_FACTOR * start.max(1e-3),
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
    /// Mean loss over the last epoch's batches (as each batch was before its update); before the
    /// first epoch, the zero network's loss (a loaded network's own).
    pub fn train_loss(&self) -> f64 {
        self.loss
    }
    /// The order in which the last epoch visited the training points (indices into them), cut
    /// into mini-batches in this order: what an independent replay of mini-batch training needs.
    pub fn last_order(&self) -> &[usize] {
        &self.order
    }
    /// Every weight and bias, layer after layer.
    pub fn params(&self) -> &[f64] {
        &self.params
    }
    /// Takes the weights and biases a saved network learned in `epoch` epochs, laid out as
    /// [`Mlp::params`] lists them (the caller checks their number), so it predicts exactly as that
    /// network did. Training can go on from them, with a fresh optimizer memory.
    pub fn restore(&mut self, params: Vec<f64>, epoch: u64) {
        debug_assert_eq!(params.len(), self.params.len());
        self.params = params;
        self.epoch = epoch;
        self.loss = self.current_loss();
        self.explosion_level = self.explosion_level.max(EXPLOSION_FACTOR * self.loss);
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
}

#[cfg(test)]
mod tests {
    use super::super::tests::{arch, training};
    use super::*;
    use crate::ml::optimizer::OptimizerKind;

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
