//! The network's hyperparameters, validated: which input features it sees ([`Inputs`]), its
//! shape and starting point ([`Architecture`]: changing it starts over), and what can change
//! while training continues ([`Training`]).

use crate::ml::activation::Activation;
use crate::ml::optimizer::OptimizerKind;
use crate::ml::regularization::Regularization;

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
    /// The coordinate (x₁ or x₂) of which no chosen feature carries anything, if there is one,
    /// with the features that would: a network on these inputs cannot tell apart points that
    /// differ only in that coordinate, however it is trained.
    pub fn blind_to(self) -> Option<(&'static str, [&'static str; 4])> {
        let carriers = |fs: [usize; 4]| fs.map(|f| FEATURE_NAMES[f]);
        for (axis, fs) in [("x₁", [0, 2, 4, 5]), ("x₂", [1, 3, 4, 6])] {
            if !fs.iter().any(|&f| self.has(f)) {
                return Some((axis, carriers(fs)));
            }
        }
        None
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

/// What decides the network's shape and starting point; changing any of it starts over.
#[derive(Clone, Debug, PartialEq)]
pub struct Architecture {
    pub(super) inputs: Inputs,
    pub(super) hidden: Vec<usize>,
    pub(super) activation: Activation,
    pub(super) init_seed: u64,
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
    pub(super) learning_rate: f64,
    pub(super) batch: Option<usize>,
    pub(super) optimizer: OptimizerKind,
    pub(super) regularization: Regularization,
    pub(super) lambda: f64,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn out_of_range_hyperparameters_are_refused() {
        assert!(Training::new(0.0, None, OptimizerKind::Sgd, Regularization::None, 0.0).is_err());
        assert!(Architecture::new(Inputs(1), &[17], Activation::Tanh, 0).is_err());
        assert!(Inputs::new(0).is_err() && Inputs::new(128).is_err());
    }

    #[test]
    fn inputs_blind_to_a_coordinate() {
        let blind = |bits| Inputs::new(bits).unwrap().blind_to().map(|(axis, _)| axis);
        assert_eq!(blind(0b11), None, "x₁, x₂");
        assert_eq!(blind(0b10), Some("x₁"), "x₂ alone");
        assert_eq!(blind(0b1), Some("x₂"), "x₁ alone");
        assert_eq!(blind(0b1010), Some("x₁"), "x₂, x₂²");
        assert_eq!(blind(0b1100), None, "x₁², x₂²: the squares carry both");
        assert_eq!(blind(0b1_0000), None, "x₁x₂ carries both");
        assert_eq!(blind(0b10_0010), None, "x₂ and sin πx₁");
        let (_, carriers) = Inputs::new(0b10).unwrap().blind_to().unwrap();
        assert_eq!(carriers, ["x₁", "x₁²", "x₁x₂", "sin πx₁"]);
    }
}
