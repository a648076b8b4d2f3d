//! The equivalent code: the scikit-learn (`GridSearchCV`, `RandomizedSearchCV`) or Optuna
//! program that runs the Tuning lab's search, for a reader who will meet those libraries in an
//! interview or a job rather than ParamLab's own code.
//!
//! The search itself is the lab's: the same axes over the same values (a grid's exact lattice,
//! log-uniform draws on a log axis), the same number of folds shuffled by the same seed, the same
//! budget, mean squared error as the score. The model is an approximation, and the snippet says
//! so: ParamLab trains Legendre features by gradient steps, scikit-learn's estimators either solve
//! the penalized least squares exactly or run their own stochastic gradient descent, and the
//! folds' shuffles draw from different random generators.

use crate::ml::regularization::Regularization;
use crate::state::choice::StrategyKind;
use crate::state::config::Config;
use crate::state::spec::Key;
use crate::state::tuning::{by_test, space, TRIAL_EPOCHS};
use crate::tune::space::{Axis, Scale};
use crate::tune::strategy::{grid, Bayes};
use std::fmt::Write;

/// The scikit-learn estimator behind the polynomial features: its pipeline step name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Estimator {
    /// Exact penalized least squares (L2), (L1), or none.
    Ridge,
    Lasso,
    LinearRegression,
    /// Stochastic gradient descent: needed when the learning rate is searched, or when λ is
    /// searched without a penalty (then, as in ParamLab, it changes nothing).
    Sgd,
}

impl Estimator {
    fn of(config: &Config, axes: &[Axis]) -> Self {
        let searched = |k: Key| axes.iter().any(|a| a.key() == k);
        let penalty = config.regularization();
        if searched(Key::LearningRate) || (penalty == Regularization::None && searched(Key::Lambda))
        {
            return Estimator::Sgd;
        }
        match penalty {
            Regularization::L2 => Estimator::Ridge,
            Regularization::L1 => Estimator::Lasso,
            Regularization::None => Estimator::LinearRegression,
        }
    }

    /// The class and its lower-case pipeline step name.
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Estimator::Ridge => ("Ridge", "ridge"),
            Estimator::Lasso => ("Lasso", "lasso"),
            Estimator::LinearRegression => ("LinearRegression", "linearregression"),
            Estimator::Sgd => ("SGDRegressor", "sgdregressor"),
        }
    }

    /// The constructor call with the configuration's fixed settings (searched ones are set by the
    /// search).
    fn call(self, config: &Config) -> String {
        let lambda = number(config.number(Key::Lambda));
        match self {
            Estimator::Ridge => format!("Ridge(alpha={lambda})"),
            Estimator::Lasso => format!("Lasso(alpha={lambda}, max_iter=10_000)"),
            Estimator::LinearRegression => "LinearRegression()".into(),
            Estimator::Sgd => {
                let penalty = match config.regularization() {
                    Regularization::L2 => "\"l2\"",
                    Regularization::L1 => "\"l1\"",
                    Regularization::None => "None",
                };
                format!(
                    "SGDRegressor(penalty={penalty}, alpha={lambda}, learning_rate=\"constant\", \
                     eta0={}, max_iter={TRIAL_EPOCHS}, tol=None, random_state={})",
                    number(config.number(Key::LearningRate)),
                    config.seed
                )
            }
        }
    }
}

/// The pipeline parameter an axis sets, and the short name Optuna's trial gives it.
fn parameter(axis: &Axis, estimator: Estimator) -> (String, &'static str) {
    let step = estimator.names().1;
    match axis.key() {
        Key::Degree => ("polynomialfeatures__degree".into(), "degree"),
        Key::Lambda => (format!("{step}__alpha"), "alpha"),
        _ => (format!("{step}__eta0"), "eta0"),
    }
}

/// A value as a Python literal: integers without a decimal point, other numbers as Rust's
/// shortest round-trip form (`0.003`, `1e-6`), which Python reads as the same double.
pub(super) fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v:?}")
    }
}

/// Said when the lab selects by the test score: the search below does not.
pub(super) const MISTAKE: &str = "# ParamLab is set to \"Select by: test score\" — the mistake. \
     Do NOT pick by the test set:\n#   for params in grid: fit on (X_train, y_train), score on \
     (X_test, y_test), keep the best\n# The test set then chooses, and its score is no longer an \
     honest estimate.\n# The search below chooses by cross-validation on the training set \
     instead.\n";

/// The Python program that runs the configuration's search (see the module doc; the models on
/// the plane are [`super::code_plane`]'s).
pub fn python(config: &Config) -> String {
    if let Some(model) = config.tuned() {
        return super::code_plane::python(config, model);
    }
    let space = space(config);
    let axes = space.axes();
    let estimator = Estimator::of(config, axes);
    let (class, _) = estimator.names();
    let kind: StrategyKind = config.choice(Key::Strategy);
    let budget = config.number(Key::Budget) as usize;
    let seed = config.seed;
    let mut out = String::new();
    let o = &mut out;
    // Writing to a String cannot fail.
    let mut line = |s: &str| {
        let _ = writeln!(o, "{s}");
    };
    line("import numpy as np");
    line("from sklearn.model_selection import KFold, LeaveOneOut, train_test_split");
    line(&format!(
        "from sklearn.linear_model import {class}\nfrom sklearn.pipeline import make_pipeline\n\
         from sklearn.preprocessing import PolynomialFeatures, StandardScaler\n\
         from sklearn.metrics import mean_squared_error"
    ));
    line(match kind {
        StrategyKind::Grid => "from sklearn.model_selection import GridSearchCV",
        StrategyKind::Random => {
            "from sklearn.model_selection import RandomizedSearchCV\n\
                                 from scipy.stats import loguniform, randint, uniform"
        }
        StrategyKind::Bayes => {
            "from sklearn.model_selection import cross_val_score\n\
                                import optuna  # GPSampler needs Optuna 3.6 or later, and PyTorch"
        }
    });
    line("");
    line(&data(config));
    line("");
    line(
        "# Approximate: ParamLab fits Legendre features of x by gradient steps; here the same \
         degree of\n# plain powers, standardized, fitted as scikit-learn fits them; alpha is ParamLab's \
         λ, which each\n# estimator scales its own way (Ridge sums the squared errors, Lasso \
         halves their mean).",
    );
    line(&format!(
        "model = make_pipeline(PolynomialFeatures({}, include_bias=False), StandardScaler(),\n    \
         {})",
        number(config.number(Key::Degree)),
        estimator.call(config)
    ));
    line(&folds(config));
    line("");
    if by_test(config) {
        line(MISTAKE);
    }
    line(&search(config, kind, axes, estimator, budget, seed));
    line("");
    line(
        "# The second loop: refit on all the training points (refit=True), score once on the \
         test set.",
    );
    line("print(\"chosen:\", best_params, \"CV MSE:\", best_cv_mse)");
    line("print(\"test MSE:\", mean_squared_error(y_test, best_model.predict(X_test)))");
    out
}

/// Stand-in data of the configuration's size, noise and split (ParamLab's own generator is
/// not numpy's: the numbers differ, the shape of the problem does not).
fn data(config: &Config) -> String {
    let n = config.number(Key::Points) as usize;
    let noise = number(config.number(Key::Noise));
    let train = number(config.number(Key::TrainFraction));
    format!(
        "# Stand-in data: {n} points of a noisy curve on [-1, 1] (ParamLab draws its own from \
         the seed).\nrng = np.random.default_rng({seed})\nX = rng.uniform(-1, 1, size=({n}, \
         1))\ny = np.sin(np.pi * X[:, 0]) + rng.normal(0, {noise}, size={n})\nX_train, X_test, \
         y_train, y_test = train_test_split(X, y, train_size={train}, random_state={seed})",
        seed = config.seed
    )
}

/// The cross-validation splitter: k shuffled folds, or leave-one-out.
pub(super) fn folds(config: &Config) -> String {
    let k = config.number(Key::Folds);
    if k.is_finite() {
        format!(
            "cv = KFold(n_splits={}, shuffle=True, random_state={})",
            k as usize, config.seed
        )
    } else {
        "cv = LeaveOneOut()".into()
    }
}

/// The search call for the strategy, leaving `best_params`, `best_cv_mse` and `best_model`.
fn search(
    config: &Config,
    kind: StrategyKind,
    axes: &[Axis],
    estimator: Estimator,
    budget: usize,
    seed: u64,
) -> String {
    let names: Vec<(String, &str)> = axes.iter().map(|a| parameter(a, estimator)).collect();
    let result = "best_params, best_cv_mse = search.best_params_, -search.best_score_\n\
                  best_model = search.best_estimator_";
    match kind {
        StrategyKind::Grid => {
            let space = space(config);
            let points = grid(&space, budget);
            let values = |i: usize| {
                let mut v: Vec<f64> = points.iter().map(|p| space.values(p)[i]).collect();
                v.sort_by(f64::total_cmp);
                v.dedup();
                v.iter().map(|&x| number(x)).collect::<Vec<_>>().join(", ")
            };
            let grid: Vec<String> = (names.iter().enumerate())
                .map(|(i, (name, _))| format!("    \"{name}\": [{}],", values(i)))
                .collect();
            format!(
                "# The exact lattice ParamLab runs ({} trials of a budget of {budget}).\n\
                 param_grid = {{\n{}\n}}\nsearch = GridSearchCV(model, param_grid, cv=cv, \
                 scoring=\"neg_mean_squared_error\")\nsearch.fit(X_train, y_train)\n{result}",
                points.len(),
                grid.join("\n")
            )
        }
        StrategyKind::Random => {
            let dists: Vec<String> = (axes.iter().zip(&names))
                .map(|(a, (name, _))| format!("    \"{name}\": {},", distribution(a)))
                .collect();
            format!(
                "# ParamLab snaps each draw to the nearest value of the control's table.\n\
                 param_distributions = {{\n{}\n}}\nsearch = RandomizedSearchCV(model, \
                 param_distributions, n_iter={budget}, cv=cv,\n    \
                 scoring=\"neg_mean_squared_error\", random_state={seed})\n\
                 search.fit(X_train, y_train)\n{result}",
                dists.join("\n")
            )
        }
        StrategyKind::Bayes => {
            let suggest: Vec<String> = (axes.iter().zip(&names))
                .map(|(a, (name, short))| format!("        \"{name}\": {},", suggestion(a, short)))
                .collect();
            format!(
                "# ParamLab's own: a Gaussian process with expected improvement, {} random \
                 trials first.\ndef objective(trial):\n    model.set_params(**{{\n{}\n    }})\n    \
                 return -cross_val_score(model, X_train, y_train, cv=cv,\n        \
                 scoring=\"neg_mean_squared_error\").mean()\n\n\
                 study = optuna.create_study(direction=\"minimize\",\n    \
                 sampler=optuna.samplers.GPSampler(seed={seed}, n_startup_trials={}))\n\
                 study.optimize(objective, n_trials={budget})\n\
                 best_params, best_cv_mse = study.best_params, study.best_value\n\
                 best_model = model.set_params(**{{\n{}\n}}).fit(X_train, y_train)",
                Bayes::default().initial(),
                suggest.join("\n"),
                Bayes::default().initial(),
                (names.iter())
                    .map(|(name, short)| format!("    \"{name}\": study.best_params[\"{short}\"],"))
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        }
    }
}

/// A scipy distribution over an axis: log-uniform on a log scale, uniform integers or floats on
/// a linear one.
pub(super) fn distribution(a: &Axis) -> String {
    let (min, max) = (number(a.min()), number(a.max()));
    match (a.scale(), a.integer()) {
        (Scale::Log, _) => format!("loguniform({min}, {max})"),
        (Scale::Linear, true) => format!("randint({min}, {})", number(a.max() + 1.0)),
        (Scale::Linear, false) => format!("uniform({min}, {})", number(a.max() - a.min())),
    }
}

/// Optuna's suggestion over an axis.
pub(super) fn suggestion(a: &Axis, short: &str) -> String {
    let (min, max) = (number(a.min()), number(a.max()));
    match (a.scale(), a.integer()) {
        (Scale::Log, _) => format!("trial.suggest_float(\"{short}\", {min}, {max}, log=True)"),
        (Scale::Linear, true) => format!("trial.suggest_int(\"{short}\", {min}, {max})"),
        (Scale::Linear, false) => format!("trial.suggest_float(\"{short}\", {min}, {max})"),
    }
}

#[cfg(test)]
#[path = "code_tests.rs"]
mod tests;
