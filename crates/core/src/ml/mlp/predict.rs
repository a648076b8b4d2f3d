//! Predictions of a trained network: class probabilities or the predicted value at a point
//! ([`Mlp::proba`]), at many points ([`Mlp::proba_many`]), and one neuron's output over many points
//! ([`Mlp::neuron_values`]). Points go through the network in columns of up to 64, as a
//! mini-batch does in training.

use super::{Mlp, FEATURE_NAMES};
use crate::ml::activation::softmax;

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

impl Mlp {
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
}

#[cfg(test)]
mod tests {
    use super::super::tests::{arch, training};
    use super::super::Targets;
    use super::*;
    use crate::ml::activation::Activation;
    use crate::ml::optimizer::OptimizerKind;

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
}
