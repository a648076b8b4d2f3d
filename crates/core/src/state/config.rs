//! The configuration: everything a link carries (lab, every control, seed, hand-placed points).
//! Runtime-only state (the model being trained, play/pause) lives in the labs' states.

use super::choice::{Bootstrap, Choice, MaxFeatures, ModelKind, PlaneData, TuneModel};
use super::spec::{Domain, Key, Lab, SPECS};
use crate::data::classification::{Pattern, Point2};
use crate::data::regression::DataSpec;
use crate::data::surface::Surface;
use crate::format::count;
use crate::ml::boosting::{points_per_round, BoostingHyper};
use crate::ml::forest::ForestHyper;
use crate::ml::knn::KnnHyper;
use crate::ml::logistic::LogisticHyper;
use crate::ml::mlp::{Architecture, Inputs, Training};
use crate::ml::optimizer::OptimizerKind;
use crate::ml::plane_model::PlaneHyper;
use crate::ml::polynomial::Hyper;
use crate::ml::regularization::Regularization;
use crate::ml::rows::FeatureMap;
use crate::ml::tree::TreeHyper;

pub const DEFAULT_SEED: u64 = 42;
/// Seeds are kept below 2³² so that they stay readable in a link.
pub const MAX_SEED: u64 = u32::MAX as u64;

/// The lab, every control by position in its domain, the seed, and hand-placed points.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub lab: Lab,
    positions: [usize; SPECS.len()],
    pub seed: u64,
    /// Points placed by hand in the Classification lab ("Your own points").
    pub custom: Vec<Point2>,
    /// The hyperparameter whose validation curve is shown, when it is not the model's first (the
    /// session keeps it; a shared link shows the same curve).
    pub curve: Option<Key>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            lab: Lab::Regression,
            positions: SPECS.map(|s| s.default),
            seed: DEFAULT_SEED,
            custom: Vec::new(),
            curve: None,
        }
    }
}

/// Defaults that differ by lab: classification needs more points for its accuracies to mean
/// something (a 12-point test set moves in steps of 8 %).
/// The Classification lab opens on a model that trains, so that Play shows training: logistic
/// regression, with squares and product among its features so that it can separate the default
/// circles (with x₁, x₂ alone it stays at chance and nothing moves).
/// The Neural-network lab starts as TensorFlow Playground does: 500 points, half for training,
/// batches of 10, learning rate 0.03.
const LAB_DEFAULTS: &[(Lab, Key, usize)] = &[
    (Lab::Classification, Key::Points, 19),       // 200 points
    (Lab::Classification, Key::LearningRate, 12), // 0.1: logistic regression's fit takes seconds
    (Lab::Classification, Key::Model, 2),         // logistic regression
    (Lab::Classification, Key::Features, 1),      // 2: x₁, x₂, x₁², x₂², x₁x₂
    (Lab::Neural, Key::Points, 49),               // 500 points
    (Lab::Neural, Key::TrainFraction, 8),         // 0.5
    (Lab::Neural, Key::BatchSize, 4),             // 10
    (Lab::Neural, Key::LearningRate, 10),         // 0.03
    // The Tuning lab searches degree × λ: λ needs a penalty, and Adam trains every degree in
    // the epochs a trial has.
    (Lab::Tuning, Key::Regularization, 1), // L2
    (Lab::Tuning, Key::Optimizer, 2),      // Adam
];

impl Config {
    /// The defaults of `lab`.
    pub fn for_lab(lab: Lab) -> Self {
        let mut config = Config {
            lab,
            ..Config::default()
        };
        for &(l, key, pos) in LAB_DEFAULTS {
            if l == lab {
                config.set(key, pos);
            }
        }
        config
    }

    pub fn position(&self, key: Key) -> usize {
        self.positions[key as usize]
    }

    /// Sets a control, clamped into its domain.
    pub fn set(&mut self, key: Key, pos: usize) {
        self.positions[key as usize] = pos.min(key.spec().domain.len() - 1);
    }

    pub fn number(&self, key: Key) -> f64 {
        key.spec().domain.number(self.position(key))
    }

    /// The value of a select, as its enum. The control's options are `T`'s (a test reads every
    /// option of every select through here).
    pub fn choice<T: Choice>(&self, key: Key) -> T {
        debug_assert!(
            matches!(key.spec().domain, Domain::Choices(o) if T::OPTIONS.starts_with(o)),
            "{key:?} does not offer the options of {}",
            core::any::type_name::<T>()
        );
        T::VALUES[self.position(key)]
    }

    /// Sets a select to `value` (if the control offers it).
    pub fn set_choice<T: Choice>(&mut self, key: Key, value: T) {
        if let Some(pos) = T::VALUES.iter().position(|v| *v == value) {
            self.set(key, pos);
        }
    }

    pub fn regularization(&self) -> Regularization {
        self.choice(Key::Regularization)
    }

    pub fn optimizer(&self) -> OptimizerKind {
        self.choice(Key::Optimizer)
    }

    /// The Regression lab's hyperparameters. Every position of the table is a valid value, so
    /// this cannot fail; a test walks the whole table to prove it (as for the others below).
    pub fn regression_hyper(&self) -> Hyper {
        let batch = self.number(Key::BatchSize);
        Hyper::new(
            self.number(Key::LearningRate),
            self.number(Key::Degree) as usize,
            self.regularization(),
            self.number(Key::Lambda),
            batch.is_finite().then_some(batch as usize),
            self.optimizer(),
        )
        .expect("every position of the control table is a valid hyperparameter")
    }

    pub fn data_spec(&self) -> DataSpec {
        DataSpec::new(
            self.choice(Key::Dataset),
            self.number(Key::Points) as usize,
            self.number(Key::Noise),
            self.number(Key::TrainFraction),
            self.seed,
        )
        .expect("every position of the control table is a valid data setting")
    }

    /// The kind of model on the plane: the Classification lab's choice, the network, or the
    /// Tuning lab's model when it searches one on the plane.
    pub fn model(&self) -> ModelKind {
        match (self.lab, self.tuned()) {
            (Lab::Neural, _) => ModelKind::Mlp,
            (Lab::Tuning, Some(kind)) => kind,
            _ => self.choice(Key::Model),
        }
    }

    /// The Tuning lab's model on the plane, or `None` for polynomial regression (and in the
    /// other labs).
    pub fn tuned(&self) -> Option<ModelKind> {
        let model = (self.lab == Lab::Tuning).then(|| self.choice::<TuneModel>(Key::TuneModel));
        model.and_then(TuneModel::plane)
    }

    /// The plane labs' dataset choice (the Tuning lab's pattern).
    pub fn plane_data(&self) -> PlaneData {
        self.choice(match self.lab {
            Lab::Neural => Key::NeuralData,
            Lab::Tuning => Key::TunePattern,
            _ => Key::Pattern,
        })
    }

    /// The plane labs' class pattern, or `None` for hand-placed points or a regression surface.
    pub fn pattern(&self) -> Option<Pattern> {
        match self.plane_data() {
            PlaneData::Pattern(p) => Some(p),
            _ => None,
        }
    }

    /// The Neural-network lab's regression surface, if one is chosen.
    pub fn surface(&self) -> Option<Surface> {
        match self.plane_data() {
            PlaneData::Surface(s) => Some(s),
            _ => None,
        }
    }

    /// Whether the plane's points are placed by hand ("Your own points").
    pub fn is_custom(&self) -> bool {
        matches!(self.lab, Lab::Classification | Lab::Neural)
            && self.plane_data() == PlaneData::Custom
    }

    /// The hyperparameters of the plane labs' model.
    pub fn plane_hyper(&self) -> PlaneHyper {
        match self.model() {
            ModelKind::Knn => PlaneHyper::Knn(self.knn_hyper()),
            ModelKind::Tree => PlaneHyper::Tree(self.tree_hyper()),
            ModelKind::Logistic => PlaneHyper::Logistic(self.logistic_hyper()),
            ModelKind::Forest => PlaneHyper::Forest(self.forest_hyper()),
            ModelKind::Boosting => PlaneHyper::Boosting(self.boosting_hyper()),
            ModelKind::Mlp => PlaneHyper::Mlp(self.mlp_architecture(), self.mlp_training()),
        }
    }

    pub fn knn_hyper(&self) -> KnnHyper {
        KnnHyper::new(self.number(Key::K) as usize, self.choice(Key::Weighting))
            .expect("k ≥ 1 at every position")
    }

    pub fn tree_hyper(&self) -> TreeHyper {
        TreeHyper::new(
            Some(self.number(Key::MaxDepth) as usize),
            self.number(Key::MinLeaf) as usize,
            self.choice(Key::Criterion),
        )
        .expect("depth and leaf size ≥ 1 at every position")
    }

    /// Whether a forest's trees are all one tree: without bootstrap samples each sees the same
    /// points, and with every feature at every split it splits them the same way.
    pub fn identical_trees(&self) -> bool {
        self.choice::<Bootstrap>(Key::Bootstrap) == Bootstrap::Off
            && self.choice::<MaxFeatures>(Key::MaxFeatures) == MaxFeatures::All
    }

    pub fn forest_hyper(&self) -> ForestHyper {
        let degree = self.number(Key::Features) as usize;
        let width = FeatureMap::new(degree).width();
        ForestHyper::new(
            self.number(Key::Trees) as usize,
            self.tree_hyper(),
            degree,
            self.choice::<MaxFeatures>(Key::MaxFeatures).of(width),
            self.choice::<Bootstrap>(Key::Bootstrap) == Bootstrap::On,
        )
        .expect("every position of the control table is a valid forest")
    }

    pub fn boosting_hyper(&self) -> BoostingHyper {
        BoostingHyper::new(
            self.number(Key::Trees) as usize,
            self.number(Key::Shrinkage),
            Some(self.number(Key::MaxDepth) as usize),
            self.number(Key::MinLeaf) as usize,
            self.number(Key::Subsample),
        )
        .expect("every position of the control table is a valid boosting")
    }

    pub fn logistic_hyper(&self) -> LogisticHyper {
        LogisticHyper::new(
            self.number(Key::LearningRate),
            self.number(Key::Features) as usize,
            self.regularization(),
            self.number(Key::Lambda),
            self.optimizer(),
        )
        .expect("every position of the control table is a valid hyperparameter")
    }

    /// Whether the page shows the control: it belongs to this lab and model, and a neurons
    /// control belongs to a hidden layer that exists.
    pub fn shows(&self, key: Key) -> bool {
        let layers = self.number(Key::HiddenLayers) as usize;
        let model = match self.lab {
            Lab::Tuning => self.tuned(),
            _ => Some(self.model()),
        };
        key.spec().applies(self.lab, model)
            && Key::NEURONS
                .iter()
                .position(|k| *k == key)
                .is_none_or(|layer| layer < layers)
    }

    /// A control's help for the lab and model at hand: the table's, except Speed's where a step
    /// of training is not an epoch — a decision tree grows a level, an ensemble adds a tree — and
    /// Noise's, which speaks of this lab's data alone (the table's speaks of every lab, for the
    /// Tuning lab, whose data is either).
    pub fn help(&self, key: Key) -> &'static str {
        let model = (self.lab == Lab::Classification).then(|| self.model());
        if key == Key::Noise {
            return match self.lab {
                Lab::Regression => super::table::NOISE_REGRESSION_HELP,
                Lab::Neural if self.surface().is_some() => super::table::NOISE_SURFACE_HELP,
                Lab::Classification | Lab::Neural => super::table::NOISE_CLASSES_HELP,
                Lab::Tuning => key.spec().help,
            };
        }
        match (key, model) {
            (Key::Speed, _) if self.lab == Lab::Tuning => super::table::TUNING_SPEED_HELP,
            (Key::Speed, Some(ModelKind::Tree)) => super::table::TREE_SPEED_HELP,
            (Key::Speed, Some(ModelKind::Knn)) => super::table::KNN_SPEED_HELP,
            (Key::Speed, Some(ModelKind::Forest | ModelKind::Boosting)) => {
                super::table::ENSEMBLE_SPEED_HELP
            }
            (Key::Features, Some(ModelKind::Forest)) => super::table::FOREST_FEATURES_HELP,
            _ => key.spec().help,
        }
    }

    /// Why a shown control has no effect right now, if it has none (the page says so beside
    /// it): λ without a penalty, noise and number of points on hand-placed points, k or a batch
    /// beyond the training set, playback for k-NN (nothing to train), in the Tuning lab a
    /// searched control and an axis that is not of the model. `train_size`: training points.
    pub fn no_effect(&self, key: Key, train_size: usize) -> Option<String> {
        let knn = self.lab == Lab::Classification && self.model() == ModelKind::Knn;
        let forest = self.lab == Lab::Classification && self.model() == ModelKind::Forest;
        let boosting = self.lab == Lab::Classification && self.model() == ModelKind::Boosting;
        match key {
            Key::Lambda if self.regularization() == Regularization::None => {
                Some("No effect while Regularization is None: choose L2 or L1 first.".into())
            }
            // (Unless λ is a searched axis: then each trial sets a λ the penalty applies.)
            Key::Regularization
                if self.regularization() != Regularization::None
                    && self.number(Key::Lambda) == 0.0
                    && self.no_effect(Key::Lambda, train_size).is_none() =>
            {
                let penalty = match self.regularization() {
                    Regularization::L1 => "λ·Σ|w|",
                    _ => "λ·Σw²",
                };
                Some(format!(
                    "No effect while λ is 0: the penalty {penalty} is then 0. Raise λ to see it."
                ))
            }
            Key::Noise | Key::Points if self.is_custom() => {
                Some("No effect on your own points: they are used as placed.".into())
            }
            Key::MaxDepth if 2 * self.number(Key::MinLeaf) as usize > train_size => Some(format!(
                "No effect while each leaf needs {} points: no split of {train_size} training \
                 points leaves that many on both sides, so a tree stays one leaf.",
                self.number(Key::MinLeaf)
            )),
            // Boosting's trees each learn from a subsample (as `Boosting::subsample` draws it;
            // helper 67: 7 points a round against leaves of 10, and no word).
            Key::MaxDepth
                if boosting
                    && 2 * self.number(Key::MinLeaf) as usize
                        > points_per_round(self.number(Key::Subsample), train_size) =>
            {
                Some(format!(
                    "No effect while each leaf needs {} points: each round's tree learns from {} \
                     of the training points (Subsample), and no split leaves that many on both \
                     sides, so every tree stays one leaf.",
                    self.number(Key::MinLeaf),
                    points_per_round(self.number(Key::Subsample), train_size)
                ))
            }
            Key::Trees if forest && self.identical_trees() => Some(
                "No effect with Bootstrap off and all features at every split: each tree learns \
                 the same points the same way, so every tree is the same."
                    .into(),
            ),
            Key::MaxFeatures
                if forest && self.choice::<MaxFeatures>(Key::MaxFeatures) != MaxFeatures::All =>
            {
                // The features a split chooses from (x₁, x₂ and their products).
                let width = FeatureMap::new(self.number(Key::Features) as usize).width();
                (MaxFeatures::Sqrt.of(width) == 1).then(|| {
                    format!(
                        "With {width} features, √{width} rounds down to 1: “√ of the features” is \
                         “One feature”."
                    )
                })
            }
            Key::Weighting if knn && self.number(Key::K) == 1.0 => {
                Some("No effect at k = 1: one neighbour's vote needs no weighting.".into())
            }
            Key::Speed if knn => Some(
                "No effect for k-NN: it learns nothing, so there is no training to watch.".into(),
            ),
            _ if self.lab == Lab::Tuning
                && super::tuning::space(self)
                    .axes()
                    .iter()
                    .any(|a| a.key() == key) =>
            {
                Some("Searched: each trial sets it, so the value here is not used.".into())
            }
            Key::Activation
                if self.model() == ModelKind::Mlp && self.hidden_layers().is_empty() =>
            {
                // (Helper 99: "No effect on the model" went on to name one, the start.)
                Some(
                    "No effect on the model's form without hidden layers: it is a weighted sum \
                     of the inputs whatever the activation. Only its start changes: choosing ReLU \
                     starts the weights √2 × larger, as it would for a ReLU layer. Add a layer \
                     first."
                        .into(),
                )
            }
            // (Helper 63: "Only 0 training points: a batch of 1 holds them all".)
            Key::K | Key::BatchSize if train_size == 0 => Some(
                "No training points yet, so nothing for it to act on: place some points first."
                    .into(),
            ),
            Key::K if self.number(Key::K) as usize > train_size.max(1) => Some(format!(
                "Only {}: k = {} acts as k = {train_size}.",
                count(train_size, "training point", "training points"),
                self.number(Key::K)
            )),
            Key::BatchSize
                if (train_size.max(1) as f64..f64::INFINITY).contains(&self.number(key)) =>
            {
                Some(format!(
                    "Only {}: a batch of {} holds {}, as “all” does.",
                    count(train_size, "training point", "training points"),
                    self.number(key),
                    if train_size == 1 { "it" } else { "them all" }
                ))
            }
            Key::Folds if self.lab == Lab::Tuning && super::tuning::by_test(self) => Some(
                "No effect while selecting by the test score: no folds are cut (the mistake \
                 this switch shows)."
                    .into(),
            ),
            Key::AxisY if self.position(Key::AxisY) == self.position(Key::AxisX) => {
                Some("The same as the first axis: the search has one axis.".into())
            }
            Key::AxisX | Key::AxisY if self.lab == Lab::Tuning => {
                super::tuning_axes::axis_misfit(self, key)
                    .or_else(|| super::tuning_axes::axis_inert(self, key))
            }
            _ => None,
        }
    }

    /// Neurons in each hidden layer of the Neural-network lab.
    pub fn hidden_layers(&self) -> Vec<usize> {
        let layers = self.number(Key::HiddenLayers) as usize;
        Key::NEURONS[..layers]
            .iter()
            .map(|k| self.number(*k) as usize)
            .collect()
    }

    pub fn mlp_inputs(&self) -> Inputs {
        Inputs::new(self.number(Key::Inputs) as u8).expect("positions are non-empty sets")
    }

    pub fn mlp_architecture(&self) -> Architecture {
        Architecture::new(
            self.mlp_inputs(),
            &self.hidden_layers(),
            self.choice(Key::Activation),
            self.number(Key::InitSeed) as u64,
        )
        .expect("every position of the control table is a valid architecture")
    }

    pub fn mlp_training(&self) -> Training {
        let batch = self.number(Key::BatchSize);
        Training::new(
            self.number(Key::LearningRate),
            batch.is_finite().then_some(batch as usize),
            self.optimizer(),
            self.regularization(),
            self.number(Key::Lambda),
        )
        .expect("every position of the control table is a valid hyperparameter")
    }

    /// Epochs per frame; `None` means as many as the frame budget allows.
    pub fn speed(&self) -> Option<u32> {
        let v = self.number(Key::Speed);
        v.is_finite().then_some(v as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_speed_help_names_the_step_of_the_model_at_hand() {
        use crate::state::url::decode;
        let help = |query: &str| decode(query).0.help(Key::Speed);
        for epochs in [
            "lab=regression",
            "lab=neural",
            "lab=classification&model=logistic",
        ] {
            assert!(
                help(epochs).starts_with("Epochs per animation frame"),
                "{epochs}"
            );
        }
        assert!(help("lab=classification&model=tree")
            .starts_with("How many levels grow each half second"));
        for ensemble in ["forest", "boosting"] {
            let query = format!("lab=classification&model={ensemble}");
            assert!(
                help(&query).starts_with("How many trees are added each fifth"),
                "{query}"
            );
        }
        // k-NN trains nothing: its help does not speak of epochs.
        assert!(!help("lab=classification&model=knn").contains("poch"));
        let tree = decode("lab=classification&model=tree").0;
        assert_eq!(tree.help(Key::MaxDepth), Key::MaxDepth.spec().help);
        // A forest's inputs are its own: a single tree and boosting split on x₁ and x₂ alone.
        let forest = decode("lab=classification&model=forest").0;
        assert!(!tree.shows(Key::Features) && forest.shows(Key::Features));
        assert!(forest
            .help(Key::Features)
            .contains("A single tree and boosting split on x₁"));
    }

    /// Noise's help speaks of the lab's own data: y in the Regression lab, the points' jitter
    /// with classes, the value's σ on a surface; the Tuning lab, whose data is either, keeps both.
    #[test]
    fn the_noise_help_names_what_noise_does_to_this_labs_data() {
        use crate::state::url::decode;
        let help = |query: &str| decode(query).0.help(Key::Noise);
        assert!(help("lab=regression").contains("added to each y"));
        for classes in ["lab=classification", "lab=neural", "lab=neural&data=xor"] {
            assert!(help(classes).contains("jittered by half"), "{classes}");
            assert!(!help(classes).contains(" y"), "{classes}");
        }
        for surface in ["lab=neural&data=plane", "lab=neural&data=bumps"] {
            assert!(
                help(surface).contains("each value is half of it"),
                "{surface}"
            );
        }
        assert_eq!(help("lab=tuning"), Key::Noise.spec().help);
    }

    #[test]
    fn every_position_of_every_control_gives_valid_settings() {
        for key in Key::all() {
            for pos in 0..key.spec().domain.len() {
                let mut c = Config::default();
                c.set(key, pos);
                c.regression_hyper();
                c.data_spec();
                c.knn_hyper();
                c.tree_hyper();
                c.logistic_hyper();
                c.forest_hyper();
                c.boosting_hyper();
                for lab in Lab::ALL {
                    c.lab = lab;
                    c.plane_data();
                    c.plane_hyper();
                }
                c.mlp_architecture();
                c.mlp_training();
            }
        }
    }

    #[test]
    fn classification_starts_with_200_points() {
        assert_eq!(
            Config::for_lab(Lab::Classification).number(Key::Points),
            200.0
        );
        assert_eq!(Config::for_lab(Lab::Regression), Config::default());
        let neural = Config::for_lab(Lab::Neural);
        assert_eq!(neural.number(Key::BatchSize), 10.0);
        assert_eq!(neural.hidden_layers(), vec![4, 2]);
        assert!(neural.shows(Key::Neurons2) && !neural.shows(Key::Neurons3));
        assert!(!neural.shows(Key::Degree) && neural.shows(Key::LearningRate));
    }

    #[test]
    fn controls_without_effect_say_why() {
        let mut c = Config::default();
        assert!(c
            .no_effect(Key::Lambda, 28)
            .unwrap()
            .contains("Regularization is None"));
        c.set_choice(Key::Regularization, Regularization::L2);
        assert_eq!(c.no_effect(Key::Lambda, 28), None);
        // A penalty of λ = 0 is none: the Regularization control says so, until λ moves.
        assert_eq!(c.number(Key::Lambda), 0.0);
        let zero = c.no_effect(Key::Regularization, 28).unwrap();
        assert!(
            zero.starts_with("No effect while λ is 0: the penalty λ·Σw²"),
            "{zero}"
        );
        c.set_choice(Key::Regularization, Regularization::L1);
        assert!(c
            .no_effect(Key::Regularization, 28)
            .unwrap()
            .contains("λ·Σ|w|"));
        c.set(Key::Lambda, 3);
        assert_eq!(c.no_effect(Key::Regularization, 28), None);
        // In the Tuning lab a searched λ is set by each trial: the penalty matters there.
        let (searched, _) = crate::state::url::decode("lab=tuning&lambda=0");
        assert_eq!(searched.no_effect(Key::Regularization, 28), None);
        let (fixed, _) = crate::state::url::decode("lab=tuning&lambda=0&x=lr&y=none");
        assert!(fixed.no_effect(Key::Regularization, 28).is_some());
        assert_eq!(c.no_effect(Key::Noise, 28), None);
        let mut custom = Config::for_lab(Lab::Classification);
        custom.set_choice(Key::Model, ModelKind::Knn);
        custom.set_choice(Key::Pattern, PlaneData::Custom);
        assert!(custom.no_effect(Key::Noise, 0).is_some());
        assert!(custom.no_effect(Key::Points, 0).is_some());
        custom.set(Key::K, 9); // k = 10
        assert!(custom
            .no_effect(Key::K, 6)
            .unwrap()
            .contains("k = 10 acts as k = 6"));
        assert_eq!(custom.no_effect(Key::K, 10), None);
        // Boosting's trees learn from a subsample: 7 of 70 points a round, leaves of 10.
        let (boosting, _) =
            crate::state::url::decode("lab=classification&model=boosting&subsample=0.1&leaf=10");
        let note = boosting.no_effect(Key::MaxDepth, 70).unwrap();
        assert!(
            note.contains("each round's tree learns from 7 of"),
            "{note}"
        );
        assert_eq!(boosting.no_effect(Key::MaxDepth, 200), None, "20 a round");
        // With no points placed there is nothing for k to act on (not "acts as k = 0").
        assert!(custom
            .no_effect(Key::K, 0)
            .unwrap()
            .starts_with("No training points yet"));
        assert!(custom.no_effect(Key::Speed, 6).unwrap().contains("k-NN"));
        custom.set_choice(Key::Model, ModelKind::Tree);
        assert_eq!(custom.no_effect(Key::Speed, 6), None);
        // A batch as large as the training set is the whole set; "all" needs no note.
        let (mut batch, _) = crate::state::url::decode("batch=256");
        assert_eq!(
            batch.no_effect(Key::BatchSize, 28).as_deref(),
            Some("Only 28 training points: a batch of 256 holds them all, as “all” does.")
        );
        assert_eq!(batch.no_effect(Key::BatchSize, 300), None);
        assert_eq!(
            batch.no_effect(Key::BatchSize, 1).as_deref(),
            Some("Only 1 training point: a batch of 256 holds it, as “all” does.")
        );
        assert!(batch
            .no_effect(Key::BatchSize, 0)
            .unwrap()
            .starts_with("No training points yet"));
        batch.set(Key::BatchSize, 10); // all
        assert_eq!(batch.no_effect(Key::BatchSize, 28), None);
    }

    #[test]
    fn set_clamps() {
        let mut c = Config::default();
        c.set(Key::Degree, 999);
        assert_eq!(c.number(Key::Degree), 15.0);
    }
}
