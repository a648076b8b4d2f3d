//! What a control is (its key, domain, group, which labs show it) and how its values read. The
//! one table of controls itself is in [`super::table`]; it feeds the sliders and selects (label, range, help), the URL
//! parser's clamping, and the tests; nothing about a control is written anywhere else.

use super::choice::{ModelKind, Opt};
pub use super::table::SPECS;

/// Every control of every lab, in the order of the table ([`SPECS`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    LearningRate,
    Degree,
    Regularization,
    Lambda,
    BatchSize,
    Optimizer,
    Dataset,
    Points,
    Noise,
    TrainFraction,
    Speed,
    Model,
    K,
    Weighting,
    MaxDepth,
    MinLeaf,
    Criterion,
    Features,
    Pattern,
    HiddenLayers,
    Neurons1,
    Neurons2,
    Neurons3,
    Neurons4,
    Neurons5,
    Neurons6,
    Activation,
    Inputs,
    InitSeed,
    NeuralData,
    Trees,
    MaxFeatures,
    Bootstrap,
    Shrinkage,
    Subsample,
    Strategy,
    Budget,
    Folds,
    AxisX,
    AxisY,
    Selection,
    TuneModel,
    TunePattern,
}

impl Key {
    /// Every control, in the table's order.
    pub fn all() -> impl Iterator<Item = Key> {
        SPECS.iter().map(|s| s.key)
    }

    /// The neurons-per-layer controls, first hidden layer first.
    pub const NEURONS: [Key; 6] = [
        Key::Neurons1,
        Key::Neurons2,
        Key::Neurons3,
        Key::Neurons4,
        Key::Neurons5,
        Key::Neurons6,
    ];

    pub fn spec(self) -> &'static Spec {
        &SPECS[self as usize]
    }
}

/// The labs, each a page and a link of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lab {
    Regression,
    Classification,
    Neural,
    /// How hyperparameters are chosen: cross-validation and a search (issue 11).
    Tuning,
}

impl Lab {
    pub const ALL: [Lab; 4] = [
        Lab::Regression,
        Lab::Classification,
        Lab::Neural,
        Lab::Tuning,
    ];

    /// Name in the link (`lab=…`).
    pub fn url(self) -> &'static str {
        match self {
            Lab::Regression => "regression",
            Lab::Classification => "classification",
            Lab::Neural => "neural",
            Lab::Tuning => "tuning",
        }
    }

    /// Its name without "lab", as a list of labs reads it: "Neural network".
    pub fn short_title(self) -> &'static str {
        match self {
            Lab::Regression => "Regression",
            Lab::Classification => "Classification",
            Lab::Neural => "Neural network",
            Lab::Tuning => "Tuning",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Lab::Regression => "Regression lab",
            Lab::Classification => "Classification lab",
            Lab::Neural => "Neural-network lab",
            Lab::Tuning => "Tuning lab",
        }
    }
}

/// Which panel a control belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// Set by you before training: the model's hyperparameters.
    Hyperparameter,
    /// The experiment's data: not part of the model.
    Data,
    /// How fast training is shown: changes nothing about the result.
    Playback,
    /// The Tuning lab's search: strategy, budget, folds, axes. Not part of the model.
    Search,
}

/// The values a control can take, by position (a slider's or select's index).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Domain {
    /// `min + i·step` for i = 0 …; `count` values.
    Linear { min: f64, step: f64, count: usize },
    /// Listed numbers, ascending (log-spaced grids). `f64::INFINITY` stands for "all" or "max".
    Listed(&'static [f64]),
    /// Named choices, the options of an enum ([`super::choice::Choice`]), by position.
    Choices(&'static [Opt]),
    /// Any non-empty set of named options (URL value, label); position p is the set whose bits
    /// are p + 1.
    Flags(&'static [(&'static str, &'static str)]),
}

impl Domain {
    pub fn len(&self) -> usize {
        match self {
            Domain::Linear { count, .. } => *count,
            Domain::Listed(v) => v.len(),
            Domain::Choices(c) => c.len(),
            Domain::Flags(f) => (1 << f.len()) - 1,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The number at `pos` (choices: the position itself).
    pub fn number(&self, pos: usize) -> f64 {
        let pos = pos.min(self.len() - 1);
        match self {
            Domain::Linear { min, step, .. } => round6(min + step * pos as f64),
            Domain::Listed(v) => v[pos],
            Domain::Choices(_) => pos as f64,
            Domain::Flags(_) => (pos + 1) as f64,
        }
    }
}

/// Rounds away binary noise such as 0.30000000000000004, so URLs and labels stay clean.
fn round6(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

/// One control.
#[derive(Debug)]
pub struct Spec {
    pub key: Key,
    /// Short name in the URL query.
    pub url: &'static str,
    /// The label a person reads (and tests find the control by).
    pub label: &'static str,
    /// One line of explanation under the control.
    pub help: &'static str,
    pub group: Group,
    pub domain: Domain,
    /// Position of the default value.
    pub default: usize,
    /// Whether changing it starts training over (otherwise training continues from the current
    /// parameters).
    pub restarts: bool,
    /// The labs that show it.
    pub labs: &'static [Lab],
    /// In the Classification lab, the models it belongs to (empty: all).
    pub models: &'static [ModelKind],
}

impl Spec {
    /// Whether the control is shown in `lab` with `model` chosen (`None`: polynomial
    /// regression, the Regression lab's model and one the Tuning lab can search). The Tuning lab
    /// shows its own controls, and those of the lab the searched model belongs to: the
    /// Regression lab's, the Classification lab's, or (the network) the Neural-network lab's.
    pub fn applies(&self, lab: Lab, model: Option<ModelKind>) -> bool {
        let of_model = self.models.is_empty() || model.is_some_and(|m| self.models.contains(&m));
        let (regression, classification, neural) = (
            self.labs.contains(&Lab::Regression),
            self.labs.contains(&Lab::Classification),
            self.labs.contains(&Lab::Neural),
        );
        let own = !regression && !classification && !neural;
        self.labs.contains(&lab)
            && match (lab, model) {
                (Lab::Regression, _) => true,
                (Lab::Tuning, None) => regression || (self.models.is_empty() && !classification),
                (Lab::Tuning, Some(ModelKind::Mlp)) => of_model && (neural || own),
                (Lab::Tuning, Some(_)) => of_model && (classification || !regression),
                _ => of_model,
            }
    }
}

/// The value at `pos` as it appears in the URL and next to the control.
pub fn format_value(key: Key, pos: usize) -> String {
    let spec = key.spec();
    match spec.domain {
        Domain::Choices(c) => c[pos.min(c.len() - 1)].url.to_string(),
        Domain::Flags(f) => flag_names(f, pos, 0),
        d => {
            let v = d.number(pos);
            if v.is_infinite() {
                if key == Key::Speed { "max" } else { "all" }.to_string()
            } else if v != 0.0 && v.abs() < 1e-3 {
                format!("{v:e}")
            } else {
                format!("{v}")
            }
        }
    }
}

/// A value of `key`'s table as its slider shows it (a searched trial's values are values of its
/// table); any other number as a number.
pub fn value_text(key: Key, value: f64) -> String {
    let domain = key.spec().domain;
    match (0..domain.len()).find(|&p| domain.number(p) == value) {
        Some(p) => display_value(key, p),
        None => crate::format::short(value),
    }
}

/// The text shown next to a control.
pub fn display_value(key: Key, pos: usize) -> String {
    match key.spec().domain {
        Domain::Choices(c) => c[pos.min(c.len() - 1)].label.to_string(),
        Domain::Flags(f) => flag_names(f, pos, 1),
        _ => match key {
            Key::Speed if pos + 1 < key.spec().domain.len() => {
                let v = format_value(key, pos);
                if v == "1" {
                    "1 epoch / frame".into()
                } else {
                    format!("{v} epochs / frame")
                }
            }
            // (Short enough for one line beside the plot in the presenter view.)
            Key::Speed => "max (fills each frame)".into(),
            Key::Folds if pos + 1 == key.spec().domain.len() => "leave-one-out".into(),
            Key::Features => match pos {
                0 => "x₁, x₂".into(),
                1 => "x₁, x₂, x₁², x₁x₂, x₂²".into(),
                d => format!("all products up to degree {}", d + 1),
            },
            _ => format_value(key, pos),
        },
    }
}

/// The names (`which`: 0 for URL values, 1 for labels) of the set at `pos`, comma-separated.
fn flag_names(flags: &[(&str, &str)], pos: usize, which: usize) -> String {
    let names: Vec<&str> = flags
        .iter()
        .enumerate()
        .filter(|(i, _)| (pos + 1) & (1 << i) != 0)
        .map(|(_, f)| if which == 0 { f.0 } else { f.1 })
        .collect();
    names.join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_in_key_order_with_valid_defaults_and_unique_names() {
        for (i, s) in SPECS.iter().enumerate() {
            assert_eq!(s.key as usize, i);
            assert!(s.default < s.domain.len(), "{}", s.label);
            for lab in s.labs {
                let same = SPECS
                    .iter()
                    .filter(|t| t.url == s.url && t.labs.contains(lab))
                    .count();
                assert_eq!(same, 1, "{} twice in {lab:?}", s.url);
            }
        }
    }

    #[test]
    fn defaults_by_name() {
        assert_eq!(
            format_value(Key::LearningRate, Key::LearningRate.spec().default),
            "0.01"
        );
        assert_eq!(format_value(Key::Degree, 2), "3");
        assert_eq!(format_value(Key::Noise, 4), "0.2");
        assert_eq!(format_value(Key::TrainFraction, 12), "0.7");
        assert_eq!(format_value(Key::Points, 3), "40");
        assert_eq!(format_value(Key::BatchSize, 10), "all");
        assert_eq!(format_value(Key::Inputs, 2), "x1,x2");
        assert_eq!(
            display_value(Key::Inputs, 126),
            "x₁,x₂,x₁²,x₂²,x₁x₂,sin πx₁,sin πx₂"
        );
        assert_eq!(format_value(Key::LearningRate, 0), "1e-4");
        assert_eq!(display_value(Key::Optimizer, 2), "Adam");
    }

    #[test]
    fn listed_grids_ascend() {
        for s in &SPECS {
            if let Domain::Listed(v) = s.domain {
                assert!(v.windows(2).all(|w| w[0] < w[1]), "{}", s.label);
            }
        }
    }
}
