//! The one table of controls: every control of every lab with its URL name, label, help, group,
//! values, default, whether a change restarts training, and which labs and models show it. It
//! feeds the sliders and selects, the URL parser's clamping, the validation curves and the tests;
//! nothing about a control is written anywhere else (a select's options come from its enum's
//! table in [`super::choice`]).

use super::choice::{
    Bootstrap, Choice, MaxFeatures, ModelKind, PlaneData, Selection, StrategyKind, TuneAxis,
    TuneModel, AXIS_X_COUNT, CLASS_DATA_COUNT, CLASS_MODEL_COUNT, PATTERN_COUNT,
};
use super::spec::{Domain, Group, Key, Lab, Spec};
use crate::data::regression::Curve;
use crate::ml::activation::Activation;
use crate::ml::knn::Weighting;
use crate::ml::optimizer::OptimizerKind;
use crate::ml::regularization::Regularization;
use crate::ml::tree::Criterion;

// The Tuning lab searches polynomial regression on the Regression lab's data, or a model of the
// Classification lab on its patterns, so it shows that lab's controls (except the
// Classification lab's model and dataset selects, which it has its own of) beside its own; which
// of them apply to which model is `Spec::applies`. It also searches the Neural-network lab's
// network on those patterns: the network's width and activation are shown there too (its two
// hidden layers are fixed: the Neural-network lab's default depth).
const REGRESSION: &[Lab] = &[Lab::Regression, Lab::Tuning];
const CLASSIFICATION: &[Lab] = &[Lab::Classification];
const PLANE_MODELS: &[Lab] = &[Lab::Classification, Lab::Tuning];
const NEURAL: &[Lab] = &[Lab::Neural];
const NEURAL_AND_TUNING: &[Lab] = &[Lab::Neural, Lab::Tuning];
const NETWORK: &[ModelKind] = &[ModelKind::Mlp];
const REGRESSION_AND_NEURAL: &[Lab] = &[Lab::Regression, Lab::Neural, Lab::Tuning];
const ALL: &[Lab] = &[
    Lab::Regression,
    Lab::Classification,
    Lab::Neural,
    Lab::Tuning,
];
const TUNING: &[Lab] = &[Lab::Tuning];
const GRADIENT: &[ModelKind] = &[ModelKind::Logistic, ModelKind::Mlp];
const ANY: &[ModelKind] = &[];
const ENSEMBLES: &[ModelKind] = &[ModelKind::Forest, ModelKind::Boosting];
const TREES: &[ModelKind] = &[ModelKind::Tree, ModelKind::Forest, ModelKind::Boosting];

/// Speed's help for a decision tree, where a step grows a level, one every half second at a set
/// speed (the page's pacing); the table's help says epochs, as for the other trained models.
pub const TREE_SPEED_HELP: &str =
    "How many levels grow each half second: 1 to watch each level. At max there is no pause: as many as each frame allows.";
/// Animation frames (60 a second) between two training steps at a set speed: a tree grows a level
/// every half second and an ensemble adds a tree every fifth of a second, so each can be seen, as
/// Speed's help says; every other model takes a step (an epoch) every frame.
pub fn frames_per_step(model: ModelKind) -> u32 {
    match model {
        ModelKind::Tree => 30,
        ModelKind::Forest | ModelKind::Boosting => 12,
        _ => 1,
    }
}

/// Speed's help in the Tuning lab, where a step shows a trial, one every fifth of a second at a
/// set speed (the page's pacing: [`FRAMES_PER_TRIAL`]); every trial is computed as fast as the
/// page can, and a trial scored early waits to be shown.
pub const TUNING_SPEED_HELP: &str = "How many trials are shown each fifth of a second: 1 to watch the search choose each one. At max there is no pause: each is shown as soon as it is scored.";
/// Animation frames (60 a second) between two trials shown by the Tuning lab at a set speed:
/// the landscape scores most settings before the search asks for them, and 16 trials in one
/// frame cannot be watched (helper 79).
pub const FRAMES_PER_TRIAL: u32 = 12;

/// Speed's help for k-NN, which has no training to pace (the page greys the control and says so).
pub const KNN_SPEED_HELP: &str =
    "How fast training plays, for the models that train: k-NN keeps the points and votes when asked.";
/// Speed's help for a random forest or gradient boosting, where a step adds a tree, one every
/// fifth of a second at a set speed (the page's pacing).
pub const ENSEMBLE_SPEED_HELP: &str =
    "How many trees are added each fifth of a second: 1 to see each new tree. At max there is no pause: as many as each frame allows.";

/// The Features help for a random forest, whose default inputs (x₁, x₂, their squares and
/// product) a single tree and boosting do not have (helper 69: switching from a tree to a forest
/// changed the inputs without a word).
pub const FOREST_FEATURES_HELP: &str = "Inputs the forest's trees split on: x₁, x₂; then their squares and product; then every product up to a degree. A single tree and boosting split on x₁ and x₂ alone: at “x₁, x₂” the forest compares like with like.";
/// Noise's help in the Regression lab (the table's help, for the Tuning lab, speaks of every lab).
pub const NOISE_REGRESSION_HELP: &str = "How much random noise blurs the pattern: σ of the noise added to each y. σ² is the smallest test error any model can expect, so the more noise, the higher every model's error.";
/// Noise's help where the points are classes: each point is jittered by a normal of standard
/// deviation half of it (`data::classification`).
pub const NOISE_CLASSES_HELP: &str = "How much random noise blurs the pattern: each point is jittered by half of it, so some stray into the other class's region. The more noise, the fewer new points any model can get right.";
/// Noise's help on the Neural-network lab's surfaces, whose noise σ is half of it (`data::surface`).
pub const NOISE_SURFACE_HELP: &str = "How much random noise blurs the surface: σ of the noise added to each value is half of it, and σ² is the smallest test error any model can expect.";

const TREE_COUNTS: &[f64] = &[
    1.0, 2.0, 3.0, 5.0, 10.0, 20.0, 30.0, 50.0, 100.0, 150.0, 200.0,
];
const SHRINKAGES: &[f64] = &[0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0];

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
/// k = 2 … 10, then leave-one-out (as many folds as training points; "all" in the link).
const FOLDS: &[f64] = &[2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, f64::INFINITY];
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

pub const SPECS: [Spec; 43] = [
    Spec {
        key: Key::LearningRate,
        url: "lr",
        label: "Learning rate",
        help: "How far each update moves the weights (with SGD: the learning rate times the gradient). Too small: slow. Too large: the loss jumps about or explodes.",
        group: Group::Hyperparameter,
        domain: Domain::Listed(LEARNING_RATES),
        // 0.01: with plain SGD the default fit takes a few seconds at one epoch per frame, so
        // there is training to watch (the Neural-network lab starts at 0.03, see `config.rs`).
        default: 8, // 0.01
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
        domain: Domain::Choices(Regularization::OPTIONS),
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
        domain: Domain::Choices(OptimizerKind::OPTIONS),
        // Plain SGD: its step is the learning rate times the gradient, so the learning rate
        // visibly matters (Adam's step is about the learning rate whatever the gradient).
        default: 0,
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
        domain: Domain::Choices(Curve::OPTIONS),
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
        help: "How much random noise blurs the pattern. In the Regression lab it is σ of the noise on y (on the network's surfaces, Plane and Bumps, σ is half of it), and σ² is the smallest test error any model can expect; with classes it jitters the points by half of it, so some stray into the other class's region: the more noise, the fewer new points any model can get right.",
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
        // Trees and ensembles have their own (`Config::help`).
        help: "Epochs per animation frame: 1 to watch each step, max for as many as a frame allows.",
        group: Group::Playback,
        domain: Domain::Listed(SPEEDS),
        // One epoch per frame: the first Play unfolds over seconds; End on the slider is max.
        default: 0,
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
        domain: Domain::Choices(ModelKind::OPTIONS.split_at(CLASS_MODEL_COUNT).0),
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
        labs: PLANE_MODELS,
        models: &[ModelKind::Knn],
    },
    Spec {
        key: Key::Weighting,
        url: "weight",
        label: "Weighting",
        help: "Uniform: one vote each. Distance: closer neighbours' votes count more (1/distance).",
        group: Group::Hyperparameter,
        domain: Domain::Choices(Weighting::OPTIONS),
        default: 0,
        restarts: true,
        labs: PLANE_MODELS,
        models: &[ModelKind::Knn],
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
        labs: PLANE_MODELS,
        models: TREES,
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
        labs: PLANE_MODELS,
        models: TREES,
    },
    Spec {
        key: Key::Criterion,
        url: "criterion",
        label: "Criterion",
        help: "How a node's mix of classes is measured: Gini impurity or entropy.",
        group: Group::Hyperparameter,
        domain: Domain::Choices(Criterion::OPTIONS),
        default: 0,
        restarts: true,
        labs: PLANE_MODELS,
        models: &[ModelKind::Tree, ModelKind::Forest],
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
        labs: PLANE_MODELS,
        models: &[ModelKind::Logistic, ModelKind::Forest],
    },
    Spec {
        key: Key::Pattern,
        url: "data",
        label: "Dataset",
        help: "The pattern behind the points, or your own points: click the plot to add one.",
        group: Group::Data,
        domain: Domain::Choices(PlaneData::OPTIONS.split_at(CLASS_DATA_COUNT).0),
        default: 1,
        restarts: true,
        labs: CLASSIFICATION,
        models: ANY,
    },
    Spec {
        key: Key::HiddenLayers,
        url: "layers",
        label: "Hidden layers",
        help: "Layers of neurons between inputs and output. 0: a linear model of the chosen features (straight in those features: with x₁ and x₂ alone, a straight boundary between classes, a flat surface for numbers).",
        group: Group::Hyperparameter,
        domain: Domain::Linear { min: 0.0, step: 1.0, count: 7 },
        default: 2,
        restarts: true,
        labs: NEURAL,
        models: ANY,
    },
    // The Tuning lab's network has the default two hidden layers: only their widths are its.
    neurons(Key::Neurons1, "l1", "Neurons in layer 1", 3, NEURAL_AND_TUNING),
    neurons(Key::Neurons2, "l2", "Neurons in layer 2", 1, NEURAL_AND_TUNING),
    neurons(Key::Neurons3, "l3", "Neurons in layer 3", 1, NEURAL),
    neurons(Key::Neurons4, "l4", "Neurons in layer 4", 1, NEURAL),
    neurons(Key::Neurons5, "l5", "Neurons in layer 5", 1, NEURAL),
    neurons(Key::Neurons6, "l6", "Neurons in layer 6", 1, NEURAL),
    Spec {
        key: Key::Activation,
        url: "act",
        label: "Activation",
        help: "What each hidden neuron does with its weighted sum: bends it (ReLU, tanh, sigmoid) or not (linear).",
        group: Group::Hyperparameter,
        domain: Domain::Choices(Activation::OPTIONS),
        default: 1,
        restarts: true,
        labs: NEURAL_AND_TUNING,
        models: NETWORK,
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
        help: "Seed of the random starting weights: the same seed, the same start. Reset draws the next one. Chosen before training, but not a setting to tune: compare settings from the same seed, or over several.",
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
        domain: Domain::Choices(PlaneData::OPTIONS),
        default: 1,
        restarts: true,
        labs: NEURAL,
        models: ANY,
    },
    Spec {
        key: Key::Trees,
        url: "trees",
        label: "Number of trees",
        help: "How many trees the ensemble grows, one per step (boosting on three classes: a round of three). Adding trees does not make a forest overfit more; it can make boosting overfit.",
        group: Group::Hyperparameter,
        domain: Domain::Listed(TREE_COUNTS),
        default: 7, // 50
        restarts: false,
        labs: PLANE_MODELS,
        models: ENSEMBLES,
    },
    Spec {
        key: Key::MaxFeatures,
        url: "maxfeat",
        label: "Max features",
        help: "How many features each split may look at, drawn at random: fewer makes the trees differ more.",
        group: Group::Hyperparameter,
        domain: Domain::Choices(MaxFeatures::OPTIONS),
        default: 0,
        restarts: true,
        labs: PLANE_MODELS,
        models: &[ModelKind::Forest],
    },
    Spec {
        key: Key::Bootstrap,
        url: "bootstrap",
        label: "Bootstrap",
        help: "Whether each tree learns from its own sample of the points, drawn with replacement.",
        group: Group::Hyperparameter,
        domain: Domain::Choices(Bootstrap::OPTIONS),
        default: 0,
        restarts: true,
        labs: PLANE_MODELS,
        models: &[ModelKind::Forest],
    },
    Spec {
        key: Key::Shrinkage,
        url: "shrinkage",
        label: "Learning rate (shrinkage)",
        help: "How much of each new tree's correction is added. Small: many trees needed, smoother; 1: fast, can overfit.",
        group: Group::Hyperparameter,
        domain: Domain::Listed(SHRINKAGES),
        default: 3, // 0.1
        restarts: true,
        labs: PLANE_MODELS,
        models: &[ModelKind::Boosting],
    },
    Spec {
        key: Key::Subsample,
        url: "subsample",
        label: "Subsample",
        help: "Share of the training points each round learns from, drawn without replacement (1: all).",
        group: Group::Hyperparameter,
        domain: Domain::Linear { min: 0.1, step: 0.1, count: 10 },
        default: 9, // 1
        restarts: true,
        labs: PLANE_MODELS,
        models: &[ModelKind::Boosting],
    },
    Spec {
        key: Key::Strategy,
        url: "strategy",
        label: "Strategy",
        help: "How the next trial is chosen: a grid, random points, or Bayesian optimization.",
        group: Group::Search,
        domain: Domain::Choices(StrategyKind::OPTIONS),
        default: 1, // random
        restarts: true,
        labs: TUNING,
        models: ANY,
    },
    Spec {
        key: Key::Budget,
        url: "budget",
        label: "Budget",
        help: "How many trials the search may run; each trial is one cross-validation (or one test score, selecting by the test score).",
        group: Group::Search,
        domain: Domain::Linear { min: 4.0, step: 1.0, count: 61 },
        default: 12, // 16
        restarts: true,
        labs: TUNING,
        models: ANY,
    },
    Spec {
        key: Key::Folds,
        url: "folds",
        label: "Folds",
        help: "k: the training points are cut into k folds; each is held out once while the others train. Leave-one-out: one point per fold.",
        group: Group::Search,
        domain: Domain::Listed(FOLDS),
        default: 3, // 5
        restarts: true,
        labs: TUNING,
        models: ANY,
    },
    Spec {
        key: Key::AxisX,
        url: "x",
        label: "First axis",
        help: "The first hyperparameter searched; the others stay as set below.",
        group: Group::Search,
        domain: Domain::Choices(TuneAxis::OPTIONS.split_at(AXIS_X_COUNT).0),
        default: 0, // degree
        restarts: true,
        labs: TUNING,
        models: ANY,
    },
    Spec {
        key: Key::AxisY,
        url: "y",
        label: "Second axis",
        help: "A second hyperparameter searched at the same time (a map), or none (a curve).",
        group: Group::Search,
        domain: Domain::Choices(TuneAxis::OPTIONS),
        default: 1, // λ
        restarts: true,
        labs: TUNING,
        models: ANY,
    },
    Spec {
        key: Key::Selection,
        url: "select",
        label: "Select by",
        help: "What picks the best trial: cross-validation on the training points, or — the mistake — the test score.",
        group: Group::Search,
        domain: Domain::Choices(Selection::OPTIONS),
        default: 0,
        restarts: true,
        labs: TUNING,
        models: ANY,
    },
    Spec {
        key: Key::TuneModel,
        url: "model",
        label: "Model",
        help: "The model searched: polynomial regression on curves, or a Classification-lab model on its patterns.",
        group: Group::Search,
        domain: Domain::Choices(TuneModel::OPTIONS),
        default: 0, // polynomial regression
        restarts: true,
        labs: TUNING,
        models: ANY,
    },
    Spec {
        key: Key::TunePattern,
        url: "pattern",
        label: "Dataset",
        help: "The pattern behind the points (the Classification lab's, without hand-placed points).",
        group: Group::Data,
        domain: Domain::Choices(PlaneData::OPTIONS.split_at(PATTERN_COUNT).0),
        default: 2, // moons: the classic picture of boosting's trees × learning rate
        restarts: true,
        labs: TUNING,
        models: ModelKind::VALUES,
    },
];

/// One neurons-per-layer control (1 … 16), shown in `labs` (to the network alone).
const fn neurons(
    key: Key,
    url: &'static str,
    label: &'static str,
    default: usize,
    labs: &'static [Lab],
) -> Spec {
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
        labs,
        models: NETWORK,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speed_help_says_the_pacing_the_page_uses() {
        let seconds = |m| f64::from(frames_per_step(m)) / 60.0;
        assert_eq!(seconds(ModelKind::Tree), 0.5);
        assert!(TREE_SPEED_HELP.contains("each half second"));
        for m in [ModelKind::Forest, ModelKind::Boosting] {
            assert_eq!(seconds(m), 0.2);
        }
        assert!(ENSEMBLE_SPEED_HELP.contains("each fifth of a second"));
        assert_eq!(frames_per_step(ModelKind::Mlp), 1);
    }
}
