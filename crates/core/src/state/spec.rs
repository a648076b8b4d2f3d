//! The one table of controls. It feeds the sliders and selects (label, range, help), the URL
//! parser's clamping, and the tests; nothing about a control is written anywhere else.

/// Every control of every lab. The order is the order of [`SPECS`].
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
}

impl Key {
    pub const ALL: [Key; 30] = [
        Key::LearningRate,
        Key::Degree,
        Key::Regularization,
        Key::Lambda,
        Key::BatchSize,
        Key::Optimizer,
        Key::Dataset,
        Key::Points,
        Key::Noise,
        Key::TrainFraction,
        Key::Speed,
        Key::Model,
        Key::K,
        Key::Weighting,
        Key::MaxDepth,
        Key::MinLeaf,
        Key::Criterion,
        Key::Features,
        Key::Pattern,
        Key::HiddenLayers,
        Key::Neurons1,
        Key::Neurons2,
        Key::Neurons3,
        Key::Neurons4,
        Key::Neurons5,
        Key::Neurons6,
        Key::Activation,
        Key::Inputs,
        Key::InitSeed,
        Key::NeuralData,
    ];

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
}

impl Lab {
    pub const ALL: [Lab; 3] = [Lab::Regression, Lab::Classification, Lab::Neural];

    /// Name in the link (`lab=…`).
    pub fn url(self) -> &'static str {
        match self {
            Lab::Regression => "regression",
            Lab::Classification => "classification",
            Lab::Neural => "neural",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Lab::Regression => "Regression lab",
            Lab::Classification => "Classification lab",
            Lab::Neural => "Neural-network lab",
        }
    }
}

/// The classifiers: those of the Classification lab (positions of [`Key::Model`]) and the
/// Neural-network lab's multilayer perceptron.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Model {
    Knn,
    Tree,
    Logistic,
    Mlp,
}

const REGRESSION: &[Lab] = &[Lab::Regression];
const CLASSIFICATION: &[Lab] = &[Lab::Classification];
const NEURAL: &[Lab] = &[Lab::Neural];
const REGRESSION_AND_NEURAL: &[Lab] = &[Lab::Regression, Lab::Neural];
const ALL: &[Lab] = &[Lab::Regression, Lab::Classification, Lab::Neural];
const GRADIENT: &[Model] = &[Model::Logistic, Model::Mlp];
const ANY: &[Model] = &[];

/// Which panel a control belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// Set by you before training: the model's hyperparameters.
    Hyperparameter,
    /// The experiment's data: not part of the model.
    Data,
    /// How fast training is shown: changes nothing about the result.
    Playback,
}

/// The values a control can take, by position (a slider's or select's index).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Domain {
    /// `min + i·step` for i = 0 …; `count` values.
    Linear { min: f64, step: f64, count: usize },
    /// Listed numbers, ascending (log-spaced grids). `f64::INFINITY` stands for "all" or "max".
    Listed(&'static [f64]),
    /// Named choices: (URL value, label).
    Choices(&'static [(&'static str, &'static str)]),
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
    pub models: &'static [Model],
}

impl Spec {
    /// Whether the control is shown in `lab` with `model` chosen.
    pub fn applies(&self, lab: Lab, model: Model) -> bool {
        self.labs.contains(&lab)
            && (lab == Lab::Regression || self.models.is_empty() || self.models.contains(&model))
    }
}

const LEARNING_RATES: &[f64] = &[
    1e-4, 2e-4, 3e-4, 5e-4, 1e-3, 2e-3, 3e-3, 5e-3, 0.01, 0.02, 0.03, 0.05, 0.1, 0.2, 0.3, 0.5,
    1.0, 2.0, 3.0, 5.0, 10.0,
];
const LAMBDAS: &[f64] = &[
    0.0, 1e-6, 3e-6, 1e-5, 3e-5, 1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0,
];
const BATCH_SIZES: &[f64] = &[
    1.0,
    2.0,
    4.0,
    8.0,
    10.0,
    16.0,
    32.0,
    64.0,
    128.0,
    256.0,
    f64::INFINITY,
];
const SPEEDS: &[f64] = &[
    1.0,
    2.0,
    5.0,
    10.0,
    20.0,
    50.0,
    100.0,
    200.0,
    500.0,
    1000.0,
    f64::INFINITY,
];

/// The datasets on the plane: class patterns and hand-placed points (both plane labs), then the
/// regression surfaces (the Neural-network lab only).
const PLANE_DATA: &[(&str, &str)] = &[
    ("blobs", "Two blobs"),
    ("circles", "Circles"),
    ("moons", "Moons"),
    ("xor", "XOR"),
    ("spiral", "Spiral"),
    ("three", "Three classes"),
    ("custom", "Your own points"),
    ("plane", "Plane (regression)"),
    ("bumps", "Bumps (regression)"),
];
const CLASS_DATA: &[(&str, &str)] = PLANE_DATA.split_at(7).0;

pub const SPECS: [Spec; 30] = [
    Spec {
        key: Key::LearningRate,
        url: "lr",
        label: "Learning rate",
        help: "How big a step each update takes. Too small: slow. Too large: the loss explodes.",
        group: Group::Hyperparameter,
        domain: Domain::Listed(LEARNING_RATES),
        default: 10, // 0.03
        restarts: false,
        labs: ALL,
        models: GRADIENT,
    },
    Spec {
        key: Key::Degree,
        url: "degree",
        label: "Polynomial degree",
        help: "How bendy the curve may be: degree d learns d + 1 coefficients.",
        group: Group::Hyperparameter,
        domain: Domain::Linear { min: 1.0, step: 1.0, count: 15 },
        default: 2, // 3
        restarts: true,
        labs: REGRESSION,
        models: ANY,
    },
    Spec {
        key: Key::Regularization,
        url: "reg",
        label: "Regularization",
        help: "A penalty on large coefficients: L2 (ridge) shrinks them, L1 (lasso) zeroes some.",
        group: Group::Hyperparameter,
        domain: Domain::Choices(&[("none", "None"), ("l2", "L2 (ridge)"), ("l1", "L1 (lasso)")]),
        default: 0,
        restarts: false,
        labs: ALL,
        models: GRADIENT,
    },
    Spec {
        key: Key::Lambda,
        url: "lambda",
        label: "Regularization strength",
        help: "λ: how much the penalty weighs against the error. 0 turns it off.",
        group: Group::Hyperparameter,
        domain: Domain::Listed(LAMBDAS),
        default: 0,
        restarts: false,
        labs: ALL,
        models: GRADIENT,
    },
    Spec {
        key: Key::BatchSize,
        url: "batch",
        label: "Batch size",
        help: "Points per update: small batches give many noisy steps, all points one exact step.",
        group: Group::Hyperparameter,
        domain: Domain::Listed(BATCH_SIZES),
        default: 10, // all
        restarts: false,
        labs: REGRESSION_AND_NEURAL,
        models: ANY,
    },
    Spec {
        key: Key::Optimizer,
        url: "opt",
        label: "Optimizer",
        help: "The update rule: plain SGD, SGD with momentum, or Adam (a step size per coefficient).",
        group: Group::Hyperparameter,
        domain: Domain::Choices(&[("sgd", "SGD"), ("momentum", "Momentum"), ("adam", "Adam")]),
        default: 2,
        restarts: false,
        labs: ALL,
        models: GRADIENT,
    },
    Spec {
        key: Key::Dataset,
        url: "data",
        label: "Dataset",
        help: "The true curve behind the points.",
        group: Group::Data,
        domain: Domain::Choices(&[("line", "Line"), ("sine", "Sine wave"), ("cubic", "Cubic"), ("step", "Step")]),
        default: 1,
        restarts: true,
        labs: REGRESSION,
        models: ANY,
    },
    Spec {
        key: Key::Points,
        url: "n",
        label: "Number of points",
        help: "How many points are generated, training and test together.",
        group: Group::Data,
        domain: Domain::Linear { min: 10.0, step: 10.0, count: 50 },
        default: 3, // 40
        restarts: true,
        labs: ALL,
        models: ANY,
    },
    Spec {
        key: Key::Noise,
        url: "noise",
        label: "Noise",
        help: "How much random noise blurs the pattern. In regression it is σ of the noise on y, and σ² is the smallest error any model can expect.",
        group: Group::Data,
        domain: Domain::Linear { min: 0.0, step: 0.05, count: 21 },
        default: 4, // 0.2
        restarts: true,
        labs: ALL,
        models: ANY,
    },
    Spec {
        key: Key::TrainFraction,
        url: "train",
        label: "Training fraction",
        help: "Share of points used for training; the rest are held out to test.",
        group: Group::Data,
        domain: Domain::Linear { min: 0.1, step: 0.05, count: 17 },
        default: 12, // 0.7
        restarts: true,
        labs: ALL,
        models: ANY,
    },
    Spec {
        key: Key::Speed,
        url: "speed",
        label: "Speed",
        help: "Epochs per animation frame: 1 to watch each step, max for as many as a frame allows.",
        group: Group::Playback,
        domain: Domain::Listed(SPEEDS),
        default: 10, // max
        restarts: false,
        labs: ALL,
        models: ANY,
    },
    Spec {
        key: Key::Model,
        url: "model",
        label: "Model",
        help: "The kind of model. Choosing it is itself a hyperparameter.",
        group: Group::Hyperparameter,
        domain: Domain::Choices(&[("knn", "k-nearest neighbours"), ("tree", "Decision tree"), ("logistic", "Logistic regression")]),
        default: 0,
        restarts: true,
        labs: CLASSIFICATION,
        models: ANY,
    },
    Spec {
        key: Key::K,
        url: "k",
        label: "k",
        help: "How many nearest training points vote. Small k follows every point; large k smooths everything.",
        group: Group::Hyperparameter,
        domain: Domain::Linear { min: 1.0, step: 1.0, count: 450 },
        default: 4, // 5
        restarts: true,
        labs: CLASSIFICATION,
        models: &[Model::Knn],
    },
    Spec {
        key: Key::Weighting,
        url: "weight",
        label: "Weighting",
        help: "Uniform: one vote each. Distance: closer neighbours' votes count more (1/distance).",
        group: Group::Hyperparameter,
        domain: Domain::Choices(&[("uniform", "Uniform"), ("distance", "Distance")]),
        default: 0,
        restarts: true,
        labs: CLASSIFICATION,
        models: &[Model::Knn],
    },
    Spec {
        key: Key::MaxDepth,
        url: "depth",
        label: "Max depth",
        help: "How many questions the tree may ask in a row. Deep trees carve out single points.",
        group: Group::Hyperparameter,
        domain: Domain::Linear { min: 1.0, step: 1.0, count: 15 },
        default: 3, // 4
        restarts: true,
        labs: CLASSIFICATION,
        models: &[Model::Tree],
    },
    Spec {
        key: Key::MinLeaf,
        url: "leaf",
        label: "Min samples per leaf",
        help: "A split is allowed only if each side keeps at least this many training points.",
        group: Group::Hyperparameter,
        domain: Domain::Linear { min: 1.0, step: 1.0, count: 50 },
        default: 0, // 1
        restarts: true,
        labs: CLASSIFICATION,
        models: &[Model::Tree],
    },
    Spec {
        key: Key::Criterion,
        url: "criterion",
        label: "Criterion",
        help: "How a node's mix of classes is measured: Gini impurity or entropy.",
        group: Group::Hyperparameter,
        domain: Domain::Choices(&[("gini", "Gini"), ("entropy", "Entropy")]),
        default: 0,
        restarts: true,
        labs: CLASSIFICATION,
        models: &[Model::Tree],
    },
    Spec {
        key: Key::Features,
        url: "features",
        label: "Features",
        help: "Inputs the model weighs: x₁, x₂; then their squares and product; then every product up to a degree.",
        group: Group::Hyperparameter,
        domain: Domain::Linear { min: 1.0, step: 1.0, count: 8 },
        default: 0, // 1: x₁, x₂
        restarts: true,
        labs: CLASSIFICATION,
        models: &[Model::Logistic],
    },
    Spec {
        key: Key::Pattern,
        url: "data",
        label: "Dataset",
        help: "The pattern behind the points, or your own points: click the plot to add one.",
        group: Group::Data,
        domain: Domain::Choices(CLASS_DATA),
        default: 1,
        restarts: true,
        labs: CLASSIFICATION,
        models: ANY,
    },
    Spec {
        key: Key::HiddenLayers,
        url: "layers",
        label: "Hidden layers",
        help: "Layers of neurons between inputs and output. 0: a linear boundary in the chosen features.",
        group: Group::Hyperparameter,
        domain: Domain::Linear { min: 0.0, step: 1.0, count: 7 },
        default: 2,
        restarts: true,
        labs: NEURAL,
        models: ANY,
    },
    neurons(Key::Neurons1, "l1", "Neurons in layer 1", 3),
    neurons(Key::Neurons2, "l2", "Neurons in layer 2", 1),
    neurons(Key::Neurons3, "l3", "Neurons in layer 3", 1),
    neurons(Key::Neurons4, "l4", "Neurons in layer 4", 1),
    neurons(Key::Neurons5, "l5", "Neurons in layer 5", 1),
    neurons(Key::Neurons6, "l6", "Neurons in layer 6", 1),
    Spec {
        key: Key::Activation,
        url: "act",
        label: "Activation",
        help: "What each hidden neuron does with its weighted sum: bends it (ReLU, tanh, sigmoid) or not (linear).",
        group: Group::Hyperparameter,
        domain: Domain::Choices(&[("relu", "ReLU"), ("tanh", "tanh"), ("sigmoid", "Sigmoid"), ("linear", "Linear")]),
        default: 1,
        restarts: true,
        labs: NEURAL,
        models: ANY,
    },
    Spec {
        key: Key::Inputs,
        url: "inputs",
        label: "Input features",
        help: "What the first layer sees. Hand-made features (squares, products, sines) can replace hidden neurons.",
        group: Group::Hyperparameter,
        domain: Domain::Flags(&[
            ("x1", "x₁"),
            ("x2", "x₂"),
            ("x1sq", "x₁²"),
            ("x2sq", "x₂²"),
            ("x1x2", "x₁x₂"),
            ("sin1", "sin πx₁"),
            ("sin2", "sin πx₂"),
        ]),
        default: 2, // x₁, x₂ (bits 0b11)
        restarts: true,
        labs: NEURAL,
        models: ANY,
    },
    Spec {
        key: Key::InitSeed,
        url: "init",
        label: "Initialization",
        help: "Seed of the random starting weights: the same seed, the same start. Reset draws the next one.",
        group: Group::Hyperparameter,
        domain: Domain::Linear { min: 0.0, step: 1.0, count: 1000 },
        default: 1,
        restarts: true,
        labs: NEURAL,
        models: ANY,
    },
    Spec {
        key: Key::NeuralData,
        url: "data",
        label: "Dataset",
        help: "A pattern of classes, your own points (click the plot to add one), or a surface of numbers to predict (regression).",
        group: Group::Data,
        domain: Domain::Choices(PLANE_DATA),
        default: 1,
        restarts: true,
        labs: NEURAL,
        models: ANY,
    },
];

/// One neurons-per-layer control (1 … 16).
const fn neurons(key: Key, url: &'static str, label: &'static str, default: usize) -> Spec {
    Spec {
        key,
        url,
        label,
        help: "Neurons in this hidden layer: more neurons, more weights, more flexible boundaries.",
        group: Group::Hyperparameter,
        domain: Domain::Linear {
            min: 1.0,
            step: 1.0,
            count: 16,
        },
        default,
        restarts: true,
        labs: NEURAL,
        models: ANY,
    }
}

/// The value at `pos` as it appears in the URL and next to the control.
pub fn format_value(key: Key, pos: usize) -> String {
    let spec = key.spec();
    match spec.domain {
        Domain::Choices(c) => c[pos.min(c.len() - 1)].0.to_string(),
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

/// The text shown next to a control.
pub fn display_value(key: Key, pos: usize) -> String {
    match key.spec().domain {
        Domain::Choices(c) => c[pos.min(c.len() - 1)].1.to_string(),
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
            Key::Speed => "max (as many as fit in a frame)".into(),
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
            "0.03"
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
    fn the_classification_lab_offers_every_plane_dataset_but_the_surfaces() {
        assert_eq!(CLASS_DATA.last().unwrap().0, "custom");
        assert_eq!(&PLANE_DATA[..CLASS_DATA.len()], CLASS_DATA);
        assert_eq!(PLANE_DATA.len(), CLASS_DATA.len() + 2);
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
