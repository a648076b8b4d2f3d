//! The Tuning lab's result: the chosen hyperparameters retrained on all the training points,
//! scored once on the test points and on fresh points, with what tells the estimates apart.

use super::*;

/// The second loop: the chosen hyperparameters retrained on all the training points, then
/// scored once on the test points.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// The configuration with the axes at the chosen values (still of the Tuning lab).
    pub config: Config,
    /// The chosen values, one per axis.
    pub values: Vec<f64>,
    /// The search's estimate: the chosen trial's cross-validated error (or, selecting by the
    /// test score, its test error).
    pub cv: MeanSd,
    /// The error of the retrained model on the training and the test points: the mean squared
    /// error of polynomial regression, the error rate (1 − accuracy) of a model on the plane;
    /// [`DIVERGED`] (as `fresh_error`) if its training on all the training points diverged.
    pub train_error: f64,
    pub test_error: f64,
    /// Its error on [`FRESH_POINTS`] fresh points from the same generator: what it really does.
    pub fresh_error: f64,
    /// How far a test set of `test_count` points strays from that by chance alone (the standard
    /// error, from the fresh points' per-point errors); `None` if the retraining diverged.
    pub test_chance: Option<f64>,
    pub test_count: usize,
    /// How far `fresh_error` itself strays by chance (the fresh points are a sample too, helper
    /// 83): [`crate::tune::fresh::PointErrors::chance`] over √[`FRESH_POINTS`]. `None` if the
    /// retraining diverged.
    pub fresh_chance: Option<f64>,
    /// Selecting by cross-validation: what its fold models (the chosen hyperparameters on the
    /// same folds) do on the same fresh points, which tells why its estimate differs from
    /// `fresh_error` ([`crate::tune::fresh`]). `None` selecting by the test score, or if a
    /// retraining diverged.
    pub folds_fresh: Option<FoldsOnFresh>,
    /// For a decision tree, the depth its trees stop growing at without a depth limit (the
    /// deepest fold's, or the tree on all the training points selecting by the test score):
    /// [`crate::state::tuning_plane::grown_depth`].
    pub grown_depth: Option<usize>,
    /// How many estimates the search kept the lowest of, when they differ
    /// ([`crate::state::folds_note::lowest_of`]).
    pub lowest_of: Option<usize>,
    /// Polynomial regression: the fresh points beyond the training points' range scored apart
    /// from those within it (`None` on the plane, or if the retraining diverged).
    pub beyond: Option<Beyond>,
    /// What the retrained model learned.
    pub parameters: Vec<Parameter>,
}

impl Outcome {
    /// When cross-validation chose and the test error strays from the fresh error by over twice
    /// what chance makes two such means stray apart (√(test² + fresh²) of their standard errors):
    /// the difference, positive when the test points are hard ones for this model.
    pub fn test_strays(&self, by_test: bool) -> Option<f64> {
        let off = self.test_error - self.fresh_error;
        let apart = self.test_chance?.hypot(self.fresh_chance?);
        (!by_test && off.abs() > 2.0 * apart).then_some(off)
    }

    /// Test error minus the cross-validation estimate.
    pub fn gap(&self) -> f64 {
        self.test_error - self.cv.mean
    }

    /// The lab the model belongs to ([`result_lab`]).
    pub fn lab(&self) -> Lab {
        result_lab(&self.config)
    }

    /// The epochs the scored model trained from zero, where its lab's link trains on past them
    /// (the polynomial, logistic regression and the network); `None` for a model its lab grows
    /// in full (a tree, an ensemble) or keeps (k-NN).
    pub fn scored_epochs(&self) -> Option<u32> {
        trial_epochs(&self.config)
    }

    /// The link of [`Outcome::lab`] with exactly these settings (the chosen model and data).
    pub fn lab_link(&self) -> String {
        crate::state::url::encode(&result_config(&self.config))
    }
}
