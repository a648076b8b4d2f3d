//! The saved-model file: **parameters are saved with the model; hyperparameters are not** — they
//! travel beside the parameters as the link that chose them. *Save model* writes the learned
//! numbers with that link; *Load model* rebuilds the lab from the link (the data again from its
//! seed), puts the learned numbers in the model without training it, and pauses: it predicts
//! exactly (bit for bit) what the saved model did. The link alone carries only the
//! hyperparameters and the seed, so opening it trains a new model from scratch.
//!
//! # Format (JSON, version 1)
//!
//! ```json
//! {"format":"paramlab-model","version":1,"lab":"regression",
//!  "link":"lab=regression&lr=0.03&degree=5&…&seed=42","model":"polynomial","steps":1234,
//!  "parameters":{"weights":[0.12,-0.5,0.03,0.9,-0.01,0.002]}}
//! ```
//!
//! - `format`: always `"paramlab-model"`; anything else is not a ParamLab model.
//! - `version`: `1`. A file of a later version is refused rather than misread.
//! - `lab`: `"regression"`, `"classification"` or `"neural"` (the Tuning lab has no model).
//! - `link`: the hyperparameters and the data's seed, exactly as the page's link writes them
//!   ([`encode`]), hand-placed points included (all of them, even beyond what a link carries).
//!   It must decode cleanly: no unknown setting, no value off the sliders.
//! - `model`: which model the parameters belong to; it must be the one the link chooses:
//!   `"polynomial"` (Regression lab), `"knn"`, `"tree"`, `"logistic"`, `"forest"`, `"boosting"`
//!   (Classification lab) or `"mlp"` (Neural-network lab).
//! - `steps`: training steps taken ([`crate::ml::model::Model::steps`]): epochs (polynomial, logistic, network),
//!   levels grown (tree), trees (forest), rounds (boosting), 0 (k-NN).
//! - `parameters`: the learned numbers, by model. Every number is finite; a number is written in
//!   the fewest digits that read back as the same `f64`.
//!   - `polynomial`: `{"weights":[w₀,…,w_d]}`, d + 1 weights (d the degree) on the orthonormal
//!     Legendre polynomials φ₀ … φ_d of x, ŷ = Σ wₖ·φₖ(x) (see [`crate::ml::legendre`]; x is not
//!     rescaled, the data lives on [−1, 1]); w₀ is the intercept.
//!   - `logistic`: `{"bias":[b per class],"weights":[[per feature] per class]}`: class k's score
//!     is bₖ + Σ wₖⱼ·x₁ᵃx₂ᵇ over the features of the link's feature degree in the order
//!     [`exponents`] lists them, the constant left out (x₁, x₂, x₁², x₁x₂, x₂², …); probabilities
//!     are the softmax of the scores.
//!   - `knn`: `{"points":[[x₁,x₂,class],…]}`: k-NN learns no numbers — the training points it
//!     memorized *are* its model, so they are what is saved (k and the weighting are in the link).
//!   - `tree`: `{"nodes":[node,…]}`, node 0 the root, nodes numbered level by level: a node is
//!     `{"counts":[training points per class],"split":{"feature":f,"threshold":t,"left":i,"right":j}}`,
//!     `split` absent at a leaf. A point goes left when its feature f (0: x₁, 1: x₂) is ≤ t; a
//!     leaf predicts its counts' shares.
//!   - `forest`: `{"trees":[[node,…],…]}`: each tree's nodes as `tree`'s (counts include a point
//!     drawn twice twice), features numbered as the link's feature degree maps (x₁, x₂, x₁², …);
//!     the forest predicts the mean of its trees' shares.
//!   - `boosting`: `{"initial":[F₀…],"rounds":[[[node,…] per score] per round]}`: one score (the
//!     log-odds) for two classes, one per class for more; a node is
//!     `{"value":v,"samples":n,"split":{…}}` (`samples`: training points that reached it).
//!     Score = initial + shrinkage (the link's `shrinkage`) × Σ over rounds of the leaf value
//!     reached; probabilities by the logistic function (one score) or the softmax.
//!   - `mlp`: `{"layers":[{"weights":[[w per input neuron] per neuron],"biases":[b per neuron]},…]}`,
//!     from the first hidden layer to the output layer; neuron j computes bⱼ + Σᵢ wⱼᵢ·aᵢ, then
//!     the link's activation (hidden layers) or the softmax (output, classes).
//!
//! Learned numbers whose count or shape disagrees with the link's hyperparameters, and any file
//! that is not such JSON, are refused with a sentence saying why; nothing is changed then.
//! What is not saved: the optimizer's memory (momentum, Adam's averages) and the mini-batch
//! order. A loaded model predicts exactly as the saved one, and training can go on from it, but
//! not along the very path the saved one would have taken.
//!
//! [`encode`]: crate::state::url::encode
//! [`exponents`]: crate::ml::logistic::exponents

mod export;
mod learned;
mod load;
#[cfg(test)]
mod tests;

pub use export::{data_csv, file_name, parameters_csv, tuning_data_csv, Export};
pub use load::{load, Loaded, LoadedLab};

use crate::state::config::Config;
use crate::state::plane::MAX_CUSTOM_POINTS;
use crate::state::session::Session;
use crate::state::url::{encode, links_points, points_text};
use serde::{Deserialize, Serialize};

/// What `format` says in every ParamLab model file.
pub const FORMAT: &str = "paramlab-model";
/// The file format version this code writes and reads.
pub const VERSION: u64 = 1;

/// The file, with the parameters left as JSON text until the model they belong to is known.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    format: String,
    version: u64,
    lab: String,
    link: String,
    model: String,
    steps: u64,
    parameters: Box<serde_json::value::RawValue>,
}

/// The session's model as a saved-model file (compact JSON; see the module notes).
pub fn save<K: Export>(session: &Session<K>) -> String {
    let (model, parameters) = K::learned(&session.model);
    let file = File {
        format: FORMAT.into(),
        version: VERSION,
        lab: session.config.lab.url().into(),
        link: link(&session.config),
        model: model.into(),
        steps: crate::ml::model::Model::steps(&*session.model),
        parameters,
    };
    to_json(&file)
}

/// Compact JSON of `value` (strings, integers and finite numbers).
fn to_json(value: &impl Serialize) -> String {
    let mut out = Vec::new();
    let mut writer = serde_json::Serializer::with_formatter(&mut out, ShortestFloats);
    (value.serialize(&mut writer)).expect("a file of strings, integers and finite numbers");
    String::from_utf8(out).expect("JSON is UTF-8")
}

/// serde_json's compact layout, with every number written by Rust's own shortest round-trip
/// formatting (`{:?}`: `0.1`, `1.0`, `1e-7`) rather than serde_json's: the same digits, and the
/// page's WebAssembly carries one float formatter instead of two (serde_json's brings 17 KB of
/// tables).
struct ShortestFloats;

impl serde_json::ser::Formatter for ShortestFloats {
    fn write_f64<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        value: f64,
    ) -> std::io::Result<()> {
        write!(w, "{value:?}")
    }
}

/// The link of `config`, with every hand-placed point even when there are more than a page's
/// link carries: the file must rebuild the very data the model learned from.
fn link(config: &Config) -> String {
    let mut link = encode(config);
    if !links_points(config) && config.is_custom() && !config.custom.is_empty() {
        let points = &config.custom[..config.custom.len().min(MAX_CUSTOM_POINTS)];
        link.push_str("&pts=");
        link.extend(form_urlencoded::byte_serialize(
            points_text(points).as_bytes(),
        ));
    }
    link
}
