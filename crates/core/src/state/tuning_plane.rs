//! The Tuning lab on the plane: a model of the Classification lab searched on its patterns, the
//! error being the error rate (1 − accuracy). Its trials are the same cross-validation as
//! [`crate::tune::cv::cross_validate`], run a model step at a time ([`SlicedCv`]: a tree level,
//! an ensemble's tree, a gradient epoch), because one fold of a 200-tree ensemble is more than a
//! frame's work.

use super::config::Config;
use super::plane::{make_data, SWEEP_EPOCHS};
use super::spec::{Key, Lab};
use crate::data::classification::generate;
use crate::ml::model::{fit_checked, Model, Parameter, Progress, Samples};
use crate::ml::plane_model::{PlaneHyper, PlaneModel, PlaneSet};
use crate::ml::tree::Tree;
use crate::tune::cv::{SlicedCv, DIVERGED};
use crate::tune::folds::Folds;
use crate::tune::fresh::PointErrors;

/// Most steps each fold's model (and the retrained model) takes: as the Classification lab's
/// validation curves train each point (enough for every ensemble and every tree to finish).
///
/// For the network a step is an epoch, here a full-batch Adam step (the Tuning lab's batch size
/// is "all" unless set): 300 of them learn 40 moons (cross-validated error 0 … 0.04 for
/// learning rates 0.01 … 0.3 and λ ≤ 10⁻³). Measured natively in release (a 2-core machine
/// shared with a build; seed 42, 5 folds of 28 training points, budget 16): the network search
/// (learning rate × λ) 0.12 s for any strategy and its whole landscape (195 cells, see
/// [`super::tuning_axes::NETWORK_RATES`]) 1.5 s; learning rate × neurons (208 cells) 2.4 s;
/// neurons × λ (240 cells, the widest networks) 2.9 s; one axis 0.1 … 0.2 s. On the default 200
/// moons (140 training points; session 37, nothing else running) the search takes 0.24 s and
/// its landscape 2.7 s. So the network keeps the same epochs as the other models; its lattice is
/// cut by its learning-rate range instead.
pub const PLANE_STEPS: u32 = SWEEP_EPOCHS;

/// The training and test points of the configuration's pattern, as samples.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanePoints {
    pub train: PlaneSet,
    pub test: PlaneSet,
}

impl PlanePoints {
    /// The Classification lab's points for the configuration (its pattern, number of points,
    /// noise, training fraction and seed).
    pub fn new(config: &Config) -> Self {
        let data = make_data(config);
        PlanePoints {
            train: data.train_set(),
            test: data.test_set(),
        }
    }
}

/// One trial's (or landscape cell's) work on the plane, a model step at a time.
#[derive(Clone, Debug)]
pub enum PlaneWork {
    /// Cross-validation on the folds of the training points.
    Cv(SlicedCv<PlaneModel>),
    /// Selecting by the test score: one model trained on all the training points (its steps
    /// taken so far), then its test error ([`DIVERGED`] if its training diverged).
    Test {
        model: PlaneModel,
        taken: u32,
        error: Option<f64>,
    },
}

impl PlaneWork {
    /// The work of a trial of `config` (the axes already set): on `folds` of the training
    /// points, or (`by_test`) on the test points.
    pub fn new(config: &Config, points: &PlanePoints, folds: &Folds, by_test: bool) -> Self {
        let hyper = config.plane_hyper();
        if by_test {
            let model = PlaneModel::new(&hyper, &points.train, config.seed);
            return PlaneWork::Test {
                model,
                taken: 0,
                error: None,
            };
        }
        let cv = SlicedCv::new(
            hyper,
            &points.train,
            folds.clone(),
            config.seed,
            PLANE_STEPS,
        );
        PlaneWork::Cv(cv.expect("the folds are of the training points"))
    }

    /// Up to `budget` model steps (as [`crate::ml::model::fit`] makes them); returns the steps used.
    pub fn advance(&mut self, points: &PlanePoints, budget: u32) -> u32 {
        match self {
            PlaneWork::Cv(cv) => cv.advance(&points.train, budget),
            PlaneWork::Test {
                model,
                taken,
                error,
            } => {
                let mut used = 0;
                // As `fold_error` trains and scores.
                while error.is_none() && used < budget {
                    used += 1;
                    *taken += 1;
                    match model.step() {
                        Progress::Diverged => *error = Some(DIVERGED),
                        p if p == Progress::Finished || *taken >= PLANE_STEPS => {
                            *error = Some(model.score(&points.test).error());
                        }
                        _ => {}
                    }
                }
                used
            }
        }
    }

    /// The errors of the folds done so far (or the one test error, once there).
    pub fn errors(&self) -> Vec<f64> {
        match self {
            PlaneWork::Cv(cv) => cv.held_out(),
            PlaneWork::Test { error, .. } => error.iter().copied().collect(),
        }
    }
}

/// What the chosen model does, retrained on all the training points.
pub struct Retrained {
    pub train_error: f64,
    pub test_error: f64,
    pub fresh_error: f64,
    /// How far, by chance alone, a test set of this many points strays from the error on the
    /// whole population (standard error, [`PointErrors::chance`] of the errors on the fresh
    /// points). `None` if training diverged.
    pub test_chance: Option<f64>,
    pub test_count: usize,
    /// How far the fresh error itself strays by chance: the fresh points are a sample too.
    pub fresh_chance: Option<f64>,
    pub parameters: Vec<Parameter>,
}

impl Retrained {
    /// A model fitted on `train` ([`fit_checked`]: the model and whether it diverged) scored on
    /// `train`, `test` and `fresh`; every error [`DIVERGED`] if it diverged (the chosen
    /// hyperparameters trained on the folds, but all the training points together can still
    /// make the loss explode).
    pub fn of<M: Model>(
        (model, diverged): (M, bool),
        train: &M::Samples,
        test: &M::Samples,
        fresh: &M::Samples,
    ) -> Self {
        let error = |samples| match diverged {
            true => DIVERGED,
            false => model.score(samples).error(),
        };
        let errors = PointErrors::of(&model, fresh);
        Retrained {
            train_error: error(train),
            test_error: error(test),
            fresh_error: if diverged { DIVERGED } else { errors.mean() },
            test_chance: (!diverged).then(|| errors.chance(test.count())),
            test_count: test.count(),
            fresh_chance: (!diverged).then(|| errors.chance(fresh.count())),
            parameters: model.parameters(),
        }
    }
}

/// `count` fresh points of the configuration's pattern (its noise; another seed stream than
/// any link's seed: those stay below 2³²).
pub fn fresh_set(config: &Config, count: usize) -> PlaneSet {
    let pattern = config
        .pattern()
        .expect("the Tuning lab's data are patterns");
    let (noise, seed) = (config.number(Key::Noise), config.seed + (1 << 32));
    let fresh = generate(pattern, count, noise, 0.5, seed);
    let mut all = fresh.train_set();
    all.points.extend(fresh.test);
    all
}

/// The configuration's model (axes set to the choice) trained on all the training points, and
/// scored on them, on the test points and on the `fresh` points ([`Retrained::of`]).
pub fn retrain(config: &Config, points: &PlanePoints, fresh: &PlaneSet) -> Retrained {
    let fitted = fit_checked(
        &config.plane_hyper(),
        &points.train,
        config.seed,
        PLANE_STEPS,
    );
    Retrained::of::<PlaneModel>(fitted, &points.train, &points.test, fresh)
}

/// For a decision tree: how deep its trees grow without a depth limit (every leaf pure or
/// unsplittable) at the configuration's other settings: the deepest of the trees cross-validation
/// grows on `folds`, or with no folds (selecting by the test score) the tree on all the training
/// points. From that depth up, every Max depth grows the same trees. `None` for other models.
pub fn grown_depth(config: &Config, points: &PlanePoints, folds: Option<&Folds>) -> Option<usize> {
    let PlaneHyper::Tree(h) = config.plane_hyper() else {
        return None;
    };
    let grow = |set: &PlaneSet| {
        let mut tree = Tree::new(h.unlimited(), &set.points, set.classes);
        while tree.grow_level() {}
        tree.depth()
    };
    match folds {
        Some(f) => (0..f.count())
            .map(|i| grow(&points.train.subset(&f.training(i))))
            .max(),
        None => Some(grow(&points.train)),
    }
}

/// The Classification lab's configuration with exactly the Tuning lab's settings of a plane
/// model: that model, that pattern, every hyperparameter and data setting, the seed.
pub fn classification_config(config: &Config) -> Config {
    let mut lab = config.clone();
    let (model, data) = (config.model(), config.plane_data());
    lab.lab = Lab::Classification;
    lab.set_choice(Key::Model, model);
    lab.set_choice(Key::Pattern, data);
    lab
}

/// The Neural-network lab's configuration with exactly the Tuning lab's settings of the network
/// (the Classification lab does not offer it): the same pattern as that lab's dataset, the same
/// hyperparameters (learning rate, penalty, λ, optimizer, batch size, the two hidden layers'
/// widths, activation; inputs x₁, x₂ and the initialization seed at their defaults in both), the
/// same data settings and seed.
pub fn neural_config(config: &Config) -> Config {
    let mut lab = config.clone();
    let data = config.plane_data();
    lab.lab = Lab::Neural;
    lab.set_choice(Key::NeuralData, data);
    lab
}

#[cfg(test)]
#[path = "tuning_plane_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "tuning_network_tests.rs"]
mod network_tests;
