//! Typed choices: every option of every select is an enum value, and its URL name, label and
//! help are written once, in one row next to it, here. The control table takes its options from
//! these tables and the configuration turns a control's position back into the enum value by
//! position, so no code anywhere matches an option by its name.

use crate::data::classification::Pattern;
use crate::data::regression::Curve;
use crate::data::surface::Surface;
use crate::ml::activation::Activation;
use crate::ml::knn::Weighting;
use crate::ml::optimizer::OptimizerKind;
use crate::ml::regularization::Regularization;
use crate::ml::tree::Criterion;

/// One option of a select: its name in the link, its label on the page, one line of help.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Opt {
    pub url: &'static str,
    pub label: &'static str,
    pub help: &'static str,
}

/// An enum whose values are a select's options.
pub trait Choice: Copy + PartialEq + core::fmt::Debug + 'static {
    /// Every value, in the select's order (a control may offer only the first few).
    const VALUES: &'static [Self];
    /// `OPTIONS[i]` names `VALUES[i]`.
    const OPTIONS: &'static [Opt];

    /// The option naming this value.
    fn opt(self) -> Opt {
        let i = Self::VALUES.iter().position(|v| *v == self);
        Self::OPTIONS[i.expect("every value has a row")]
    }
}

/// Writes one row per option: value, URL name, label, help. The two lists it makes cannot fall
/// out of step because each row makes one entry of each.
macro_rules! choices {
    ($ty:ty { $($value:expr => $url:literal, $label:literal, $help:literal;)+ }) => {
        impl Choice for $ty {
            const VALUES: &'static [Self] = &[$($value),+];
            const OPTIONS: &'static [Opt] = &[$(Opt { url: $url, label: $label, help: $help }),+];
        }
    };
}

choices!(Regularization {
    Regularization::None => "none", "None", "No penalty: the model minimizes the error alone.";
    Regularization::L2 => "l2", "L2 (ridge)", "Adds λ·Σw²: the weights shrink as a whole towards zero, none reaches it.";
    Regularization::L1 => "l1", "L1 (lasso)", "Adds λ·Σ|w|: small weights become exactly zero.";
});

choices!(OptimizerKind {
    OptimizerKind::Sgd => "sgd", "SGD", "Plain gradient descent: each step is the learning rate times the gradient.";
    OptimizerKind::Momentum => "momentum", "Momentum", "Steps keep 90 % of the previous step: faster along long valleys, and at the same learning rate up to 10× SGD's step.";
    OptimizerKind::Adam => "adam", "Adam", "A step size per weight from running averages of its gradient.";
});

choices!(Curve {
    Curve::Line => "line", "Line", "y = 0.8·x + 0.2: a straight line.";
    Curve::Sine => "sine", "Sine wave", "y = sin(πx): one full wave.";
    Curve::Cubic => "cubic", "Cubic", "y = 2x³ − x: an S-shaped polynomial of degree 3.";
    Curve::Step => "step", "Step", "y jumps from −0.8 to 0.8 at x = 0: no polynomial fits it exactly.";
});

choices!(Weighting {
    Weighting::Uniform => "uniform", "Uniform", "Each of the k neighbours has one vote; a tie goes to the first class (blue, then orange), as in scikit-learn.";
    Weighting::Distance => "distance", "Distance", "A neighbour's vote counts 1/distance: closer ones count more.";
});

choices!(Criterion {
    Criterion::Gini => "gini", "Gini", "Gini impurity: the chance two random points of a node differ in class.";
    Criterion::Entropy => "entropy", "Entropy", "Entropy: the average bits needed to name a random point's class (with the best code).";
});

choices!(Activation {
    Activation::Relu => "relu", "ReLU", "max(0, z): straight pieces, bends at zero.";
    Activation::Tanh => "tanh", "tanh", "A smooth S from −1 to 1.";
    Activation::Sigmoid => "sigmoid", "Sigmoid", "A smooth S from 0 to 1.";
    Activation::Linear => "linear", "Linear", "z unchanged: layers of it add up to one straight map.";
});

/// The kind of model on the plane: the Classification lab's select (the first three), and the
/// Neural-network lab's network.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModelKind {
    Knn,
    Tree,
    Logistic,
    Forest,
    Boosting,
    Mlp,
}

/// The Classification lab's models: every [`ModelKind`] before the network.
pub const CLASS_MODEL_COUNT: usize = 5;

choices!(ModelKind {
    ModelKind::Knn => "knn", "k-nearest neighbours", "Learns no weights: the stored training points play their part, and the nearest k vote.";
    ModelKind::Tree => "tree", "Decision tree", "Learns a tree of yes/no questions (a feature and a split threshold each), with the classes' counts at its leaves.";
    ModelKind::Logistic => "logistic", "Logistic regression", "Learns one weight per feature and class.";
    ModelKind::Forest => "forest", "Random forest", "Learns many trees, each on a random version of the data, that vote.";
    ModelKind::Boosting => "boosting", "Gradient boosting", "Learns small trees one after another, each correcting the ones before.";
    ModelKind::Mlp => "mlp", "Neural network", "Learns every link's weight and every neuron's bias.";
});

/// How many features each split of a random forest may consider.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MaxFeatures {
    Sqrt,
    All,
    One,
}

impl MaxFeatures {
    /// The number of features out of `width`: √width rounded down (scikit-learn's default for
    /// classifiers), all of them, or one; at least 1.
    pub fn of(self, width: usize) -> usize {
        match self {
            MaxFeatures::Sqrt => ((width as f64).sqrt() as usize).max(1),
            MaxFeatures::All => width.max(1),
            MaxFeatures::One => 1,
        }
    }
}

choices!(MaxFeatures {
    MaxFeatures::Sqrt => "sqrt", "√ of the features", "Each split looks at a random √p of the p features (rounded down): the trees differ more.";
    MaxFeatures::All => "all", "All features", "Each split looks at every feature: the trees differ only by their bootstrap samples (with Bootstrap off, not at all).";
    MaxFeatures::One => "one", "One feature", "Each split looks at one random feature: the most different trees.";
});

/// Whether each tree of a random forest learns from a bootstrap sample.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bootstrap {
    On,
    Off,
}

choices!(Bootstrap {
    Bootstrap::On => "on", "On", "Each tree learns from as many points as the training set holds, drawn with replacement; the points it never saw give the out-of-bag error.";
    Bootstrap::Off => "off", "Off", "Each tree learns from every training point.";
});

/// The data on the plane: class patterns and hand-placed points (both plane labs), then the
/// regression surfaces (the Neural-network lab only).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaneData {
    Pattern(Pattern),
    Custom,
    Surface(Surface),
}

choices!(PlaneData {
    PlaneData::Pattern(Pattern::Blobs) => "blobs", "Two blobs", "Two round clouds: a straight line separates them.";
    PlaneData::Pattern(Pattern::Circles) => "circles", "Circles", "A disc inside a ring: no straight line separates them.";
    PlaneData::Pattern(Pattern::Moons) => "moons", "Moons", "Two interleaved half-moons.";
    PlaneData::Pattern(Pattern::Xor) => "xor", "XOR", "Four quadrants, opposite ones alike: x₁·x₂ > 0 or not.";
    PlaneData::Pattern(Pattern::Spiral) => "spiral", "Spiral", "Two interleaved spirals: the hardest pattern.";
    PlaneData::Pattern(Pattern::ThreeBlobs) => "three", "Three classes", "Three round clouds.";
    PlaneData::Custom => "custom", "Your own points", "Click the plot to place points of the chosen class.";
    PlaneData::Surface(Surface::Plane) => "plane", "Plane (regression)", "A number to predict at each point: (x₁ + x₂)/2, a tilted plane.";
    PlaneData::Surface(Surface::Bumps) => "bumps", "Bumps (regression)", "A number to predict at each point: two bumps and two dips.";
});

/// How many of [`PlaneData`]'s options the Classification lab offers (not the surfaces).
pub const CLASS_DATA_COUNT: usize = 7;

/// How many of [`PlaneData`]'s options are generated patterns (the Tuning lab offers these).
pub const PATTERN_COUNT: usize = 6;

/// The Tuning lab's search strategy (the core's [`crate::tune::strategy::Strategy`] with its
/// default settings).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StrategyKind {
    Grid,
    Random,
    Bayes,
}

choices!(StrategyKind {
    StrategyKind::Grid => "grid", "Grid search", "An even lattice of values, corners included, row by row (scikit-learn's GridSearchCV).";
    StrategyKind::Random => "random", "Random search", "Points drawn at random (log-uniform on a log axis) from the seed (RandomizedSearchCV).";
    StrategyKind::Bayes => "bayes", "Bayesian optimization", "Three random trials, then each next one where a Gaussian process expects the most improvement.";
});

/// The model the Tuning lab searches: polynomial regression on the Regression lab's curves (its
/// first model), one of the Classification lab's models on its patterns, or the Neural-network
/// lab's network on the same patterns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TuneModel {
    Polynomial,
    Plane(ModelKind),
}

impl TuneModel {
    /// The model on the plane, or `None` for polynomial regression.
    pub fn plane(self) -> Option<ModelKind> {
        match self {
            TuneModel::Polynomial => None,
            TuneModel::Plane(kind) => Some(kind),
        }
    }
}

choices!(TuneModel {
    TuneModel::Polynomial => "polynomial", "Polynomial regression", "The Regression lab's model on its curves; the error is the mean squared error.";
    TuneModel::Plane(ModelKind::Knn) => "knn", "k-nearest neighbours", "The Classification lab's k-NN on its patterns; the error is the error rate (1 − accuracy).";
    TuneModel::Plane(ModelKind::Tree) => "tree", "Decision tree", "The Classification lab's decision tree on its patterns; the error is the error rate.";
    TuneModel::Plane(ModelKind::Logistic) => "logistic", "Logistic regression", "The Classification lab's logistic regression on its patterns; the error is the error rate.";
    TuneModel::Plane(ModelKind::Forest) => "forest", "Random forest", "The Classification lab's random forest on its patterns; the error is the error rate.";
    TuneModel::Plane(ModelKind::Boosting) => "boosting", "Gradient boosting", "The Classification lab's gradient boosting on its patterns; the error is the error rate.";
    TuneModel::Plane(ModelKind::Mlp) => "network", "Neural network", "The Neural-network lab's network on the Classification lab's patterns; the error is the error rate.";
});

/// A hyperparameter the Tuning lab can search along an axis: the first axis offers every one
/// but "none" (the last), the second axis also "none" (a one-axis search). Which ones apply to
/// which model is [`crate::state::tuning_axes::axis_choices`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TuneAxis {
    Degree,
    Lambda,
    LearningRate,
    K,
    MaxDepth,
    MinLeaf,
    Trees,
    Shrinkage,
    Neurons,
    None,
}

/// How many of [`TuneAxis`]'s options the first axis offers (all but "none").
pub const AXIS_X_COUNT: usize = 9;

choices!(TuneAxis {
    TuneAxis::Degree => "degree", "Polynomial degree", "1 … 15, evenly spaced.";
    TuneAxis::Lambda => "lambda", "Regularization strength λ", "10⁻⁶ … 10 on a log scale (λ = 0 cannot sit on one).";
    TuneAxis::LearningRate => "lr", "Learning rate", "On a log scale: 10⁻⁴ … 10 for polynomial and logistic regression, 10⁻³ … 1 for the network.";
    TuneAxis::K => "k", "k (neighbours)", "1 … 50, evenly spaced, and at most the training points of the smallest fold model.";
    TuneAxis::MaxDepth => "depth", "Max depth", "1 … 15, evenly spaced.";
    TuneAxis::MinLeaf => "leaf", "Min samples per leaf", "1 … 20, evenly spaced.";
    TuneAxis::Trees => "trees", "Number of trees", "1 … 200 on a log scale (the control's 11 values).";
    TuneAxis::Shrinkage => "shrinkage", "Learning rate (shrinkage)", "0.01 … 1 on a log scale (the control's 8 values).";
    TuneAxis::Neurons => "neurons", "Neurons in layer 1", "The network's first hidden layer: 1 … 16 neurons, evenly spaced.";
    TuneAxis::None => "none", "None (one axis)", "Search along the first axis alone: the picture is a curve.";
});

/// What the Tuning lab's search selects by: cross-validation on the training points (right), or
/// the test score (the mistake issue 11 asks to show).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Selection {
    Cv,
    Test,
}

choices!(Selection {
    Selection::Cv => "cv", "Cross-validation", "Each trial is scored on folds of the training points; the test points stay locked away.";
    Selection::Test => "test", "Test score (the mistake)", "Each trial trains on all the training points and is scored on the test points, which then choose.";
});

#[cfg(test)]
mod tests {
    use super::*;

    fn names_are_unique<T: Choice>() {
        assert_eq!(T::VALUES.len(), T::OPTIONS.len());
        for (i, o) in T::OPTIONS.iter().enumerate() {
            assert!(!o.label.is_empty() && !o.help.is_empty(), "{o:?}");
            assert!(o
                .url
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()));
            assert_eq!(T::OPTIONS.iter().filter(|p| p.url == o.url).count(), 1);
            assert_eq!(T::VALUES[i].opt(), *o);
        }
    }

    #[test]
    fn every_table_names_each_value_once() {
        names_are_unique::<Regularization>();
        names_are_unique::<OptimizerKind>();
        names_are_unique::<Curve>();
        names_are_unique::<Weighting>();
        names_are_unique::<Criterion>();
        names_are_unique::<Activation>();
        names_are_unique::<ModelKind>();
        names_are_unique::<PlaneData>();
        names_are_unique::<StrategyKind>();
        names_are_unique::<TuneAxis>();
        names_are_unique::<TuneModel>();
        names_are_unique::<Selection>();
    }

    #[test]
    fn the_tuning_lab_offers_polynomial_regression_and_every_model_on_the_plane() {
        let plane: Vec<ModelKind> = TuneModel::VALUES.iter().filter_map(|m| m.plane()).collect();
        assert_eq!(plane, ModelKind::VALUES);
        assert_eq!(TuneModel::VALUES[0], TuneModel::Polynomial);
        assert_eq!(TuneAxis::VALUES[AXIS_X_COUNT], TuneAxis::None);
        assert_eq!(TuneAxis::VALUES.len(), AXIS_X_COUNT + 1);
    }

    #[test]
    fn the_classification_lab_offers_the_patterns_and_hand_placed_points() {
        let offered = &PlaneData::VALUES[..CLASS_DATA_COUNT];
        assert_eq!(offered.last(), Some(&PlaneData::Custom));
        assert!(!offered.iter().any(|d| matches!(d, PlaneData::Surface(_))));
    }
}
