//! The equivalent code: the scikit-learn (`GridSearchCV`, `RandomizedSearchCV`) or Optuna
//! program that runs the Tuning lab's search, for a reader who will meet those libraries in an
//! interview or a job rather than ParamLab's own code.
//!
//! The search itself is the lab's: the same axes over the same values (a grid's exact lattice;
//! for random search the lists of the tables' values, sampled without repeats as the lab does),
//! the same number of folds shuffled by the same seed, the same budget (capped, as the lab's, to
//! the settings there are), mean squared error as the score. The model is an approximation, and the snippet says
//! so: ParamLab trains Legendre features by gradient steps, scikit-learn's estimators either solve
//! the penalized least squares exactly or run their own stochastic gradient descent, and the
//! folds' shuffles draw from different random generators.
//!
//! λ is converted to each estimator's alpha, and the snippet says how: ParamLab minimizes
//! (1/n)·Σ(ŷ−y)² + λ·Σw² (L2) or λ·Σ|w| (L1), the intercept unpenalized, so `Ridge`'s alpha
//! (against the summed squared errors) is n·λ for n points per fit (a fold's training points),
//! `Lasso`'s (against half the mean) λ/2, and `SGDRegressor`'s (half the mean, against ½‖w‖² or
//! ‖w‖₁) λ under L2 and λ/2 under L1. Its steps follow the gradient of that half, so its eta0 is
//! twice ParamLab's learning rate for the same steps. With λ = 0 and not searched there is no penalty at all
//! (`LinearRegression`, `SGDRegressor(penalty=None)`): `Ridge(alpha=0)` is not advised.

use super::code_imports::imports;
use super::code_map::{bayes_trials, grid_search, random_search, Map, Param};
use crate::classroom::saved::file_name;
use crate::data::regression::generate;
use crate::data::regression::Curve;
use crate::ml::optimizer::OptimizerKind;
use crate::ml::regularization::Regularization;
use crate::state::choice::Choice;
use crate::state::choice::StrategyKind;
use crate::state::config::Config;
use crate::state::spec::Key;
use crate::state::tuning::result_config;
use crate::state::tuning::{by_test, folds as lab_folds, space, TRIAL_EPOCHS};
use crate::tune::folds::Folds;
use crate::tune::space::{Axis, Scale, Space};
use crate::tune::strategy::Bayes;
use std::fmt::Write;

/// The scikit-learn estimator behind the polynomial features: its pipeline step name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Estimator {
    /// Exact penalized least squares (L2), (L1), or none (no penalty, or λ = 0 and not searched:
    /// `Ridge(alpha=0)` is not advised).
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
        let unpenalized = config.number(Key::Lambda) == 0.0 && !searched(Key::Lambda);
        match penalty {
            _ if unpenalized => Estimator::LinearRegression,
            Regularization::L2 => Estimator::Ridge,
            Regularization::L1 => Estimator::Lasso,
            Regularization::None => Estimator::LinearRegression,
        }
    }

    /// The lower-case pipeline step name.
    fn step(self) -> &'static str {
        match self {
            Estimator::Ridge => "ridge",
            Estimator::Lasso => "lasso",
            Estimator::LinearRegression => "linearregression",
            Estimator::Sgd => "sgdregressor",
        }
    }

    /// ParamLab's λ as the estimator's alpha, for `n` points per fit (see [`Self::caveat`]).
    fn alpha(self, config: &Config, n: usize) -> Map {
        let l1 = config.regularization() == Regularization::L1;
        match self {
            Estimator::Ridge => Map::times(n as f64),
            Estimator::Lasso => Map::times(0.5),
            Estimator::Sgd if l1 => Map::times(0.5),
            _ => Map::Same,
        }
    }

    /// Whether the SGD estimator runs without a penalty: none chosen, or λ = 0 and not searched.
    fn sgd_unpenalized(config: &Config, searched_lambda: bool) -> bool {
        config.regularization() == Regularization::None
            || (config.number(Key::Lambda) == 0.0 && !searched_lambda)
    }

    /// The constructor call with the configuration's fixed settings (searched ones are set by the
    /// search, so alpha is left out when λ is searched).
    fn call(self, config: &Config, n: usize, searched_lambda: bool) -> String {
        let lambda = config.number(Key::Lambda);
        let alpha = |sep: &str| match searched_lambda {
            true => String::new(),
            false => format!("alpha={}{sep}", self.alpha(config, n).value(lambda)),
        };
        match self {
            Estimator::Ridge => format!("Ridge({})", alpha("")),
            Estimator::Lasso => format!("Lasso({}max_iter=10_000)", alpha(", ")),
            Estimator::LinearRegression => "LinearRegression()".into(),
            Estimator::Sgd => {
                let penalty = match config.regularization() {
                    _ if Self::sgd_unpenalized(config, searched_lambda) => "None".to_string(),
                    Regularization::L2 => format!("\"l2\", {}", alpha("")),
                    _ => format!("\"l1\", {}", alpha("")),
                };
                let penalty = penalty.trim_end_matches(", ");
                format!(
                    "SGDRegressor(penalty={penalty}, learning_rate=\"constant\", eta0={}, \
                     max_iter={TRIAL_EPOCHS},\n        tol=None, random_state={})",
                    ETA0.value(config.number(Key::LearningRate)),
                    config.seed
                )
            }
        }
    }

    /// SGDRegressor steps once per training point in a shuffled order; ParamLab once per batch.
    fn steps_differ(config: &Config) -> String {
        let batch = config.number(Key::BatchSize);
        if batch == 1.0 {
            return "\n# Both step once per training point, each in its own shuffled order.".into();
        }
        let per = if batch.is_finite() {
            format!("per batch of {batch}")
        } else {
            "per epoch, on all the points at once".into()
        };
        format!(
            "\n# But SGDRegressor steps once per training point, ParamLab once {per}:\n# the \
             same step size is not the same training, and the best eta0 need not be 2× \
             ParamLab's best η."
        )
    }

    /// Ridge's alpha is n·λ for a fold's n training points; the refit on all the training points
    /// keeps that alpha, so there it stands for a smaller λ (the lab refits with λ itself).
    /// Empty when the fits already use all the training points (leave-one-out on few points
    /// comes close, never equal).
    fn refit_alpha(n: usize, all: usize) -> String {
        if n == all {
            return String::new();
        }
        format!(
            "\n# The refit on all {all} training points keeps the same alpha: there it is \
             λ·{n}/{all} in ParamLab's\n# terms, a weaker penalty than the lab's refit with λ."
        )
    }

    /// With a penalty: the alpha is λ on the objective's scale, but on other features (helper
    /// 108: "alpha = n·λ" read as exact).
    fn other_features(self, config: &Config, searched_lambda: bool) -> &'static str {
        match self {
            Estimator::Ridge | Estimator::Lasso => OTHER_FEATURES,
            Estimator::Sgd if !Self::sgd_unpenalized(config, searched_lambda) => OTHER_FEATURES,
            _ => "",
        }
    }

    /// How the estimator's alpha is ParamLab's λ, said above the model (empty without one).
    /// ParamLab minimizes (1/n)·Σ(ŷ−y)² + λ·Σw² (L2) or λ·Σ|w| (L1), the intercept unpenalized,
    /// as each of these estimators leaves it.
    fn caveat(self, config: &Config, fit: FitPoints, searched_lambda: bool) -> String {
        match self {
            Estimator::Ridge => format!(
                "\n# Ridge minimizes Σ(ŷ−y)² + alpha·‖w‖², ParamLab (1/n)·Σ(ŷ−y)² + λ·‖w‖² (neither \
                 penalizes the\n# intercept): alpha = n·λ, {}.{}",
                fit.per_fit(),
                Self::refit_alpha(fit.fewest, fit.all)
            ),
            Estimator::Lasso => "\n# Lasso minimizes (1/(2n))·Σ(ŷ−y)² + alpha·‖w‖₁, ParamLab \
                 (1/n)·Σ(ŷ−y)² + λ·‖w‖₁, twice\n# Lasso's objective with alpha = λ/2."
                .into(),
            Estimator::Sgd if !Self::sgd_unpenalized(config, searched_lambda) => format!(
                "\n# SGDRegressor minimizes the mean of ½(ŷ−y)² plus alpha·½‖w‖² (L2) or \
                 alpha·‖w‖₁ (L1);\n# ParamLab's objective is twice that with alpha = λ under L2, \
                 λ/2 under L1, and eta0 = 2·η is\n# ParamLab's step size.{}{}",
                Self::steps_differ(config),
                optimizer_differs(config)
            ),
            Estimator::Sgd => format!(
                "\n# SGDRegressor minimizes the mean of ½(ŷ−y)², half ParamLab's objective: \
                 eta0 = 2·η is\n# ParamLab's step size.{}{}",
                Self::steps_differ(config),
                optimizer_differs(config)
            ),
            _ => String::new(),
        }
    }
}

/// Where ParamLab trains with momentum or Adam, what scikit-learn's SGD estimators (plain steps
/// only) cannot match: eta0 = 2·η takes ParamLab's steps under its SGD optimizer alone (helper
/// 108: the Tuning lab's default is Adam, and the comment said "eta0 = 2·η is ParamLab's step
/// size" under it). Empty under SGD.
pub(super) fn optimizer_differs(config: &Config) -> &'static str {
    match config.choice::<OptimizerKind>(Key::Optimizer) {
        OptimizerKind::Sgd => "",
        OptimizerKind::Momentum => {
            "\n# ParamLab trains with momentum here, whose steps grow to 10× η; the SGD estimator \
             takes plain steps\n# only, so its eta0 = 2·η matches ParamLab's SGD, not this \
             training: search eta0 on a range of its own."
        }
        OptimizerKind::Adam => {
            "\n# ParamLab trains with Adam here, whose steps are about η whatever the gradient; \
             the SGD estimator\n# takes plain steps only, so its eta0 = 2·η matches ParamLab's \
             SGD, not this training: search eta0\n# on a range of its own."
        }
    }
}

/// The penalty's alpha converts the lab's λ on the objective's scale, on other features.
const OTHER_FEATURES: &str = " The alpha below is the lab's λ on the objective's\n# scale, but \
                              it penalizes other features (correlated powers, not Legendre's), so \
                              the\n# best alpha need not be the best λ converted.";

/// SGDRegressor's eta0 from ParamLab's learning rate η: its step is eta0 times the gradient of
/// ½(ŷ−y)², ParamLab's η times that of (ŷ−y), so eta0 = 2·η takes the same steps.
const ETA0: Map = Map::Times(2.0);

/// The pipeline parameter an axis sets, Optuna's name for it, and how λ becomes alpha.
fn parameter(axis: &Axis, estimator: Estimator, config: &Config, n: usize) -> Param {
    let step = estimator.step();
    let (name, short, map) = match axis.key() {
        Key::Degree => ("polynomialfeatures__degree".into(), "degree", Map::Same),
        Key::Lambda => (format!("{step}__alpha"), "lam", estimator.alpha(config, n)),
        // Optuna's name for ParamLab's η itself (eta0 is twice it): its best_params read as the
        // lab's learning rate.
        _ => (format!("{step}__eta0"), "lr", ETA0),
    };
    Param { name, short, map }
}

/// Points per fit of the search the code runs: the fewest and the most a fold's model learns
/// from (the code cross-validates even when the lab selects by the test score, see
/// [`MISTAKE`]), and all the training points (every fit's, when no folds can be made).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct FitPoints {
    pub fewest: usize,
    pub most: usize,
    pub all: usize,
}

impl FitPoints {
    /// Of `all` training points cut by `folds` (`None`: no folds can be made).
    pub fn of(folds: Option<&Folds>, all: usize) -> Self {
        match folds {
            Some(f) => FitPoints {
                fewest: f.smallest_training(),
                most: f.largest_training(),
                all,
            },
            None => FitPoints {
                fewest: all,
                most: all,
                all,
            },
        }
    }

    /// "n = 22 points per fit", the n that converts λ to a fixed alpha or C, and, when the folds
    /// differ in size, what that fixed value stands for on the larger ones (ParamLab's λ
    /// weighs the mean loss, so it means the same on every fold; a fixed alpha does not).
    pub fn per_fit(&self) -> String {
        let (n, most) = (self.fewest, self.most);
        if most == n {
            format!("n = {n} points per fit (a fold's training points)")
        } else {
            format!(
                "n = {n} points per fit (the smaller folds' training points;\n# on the folds \
                 of {most} it is λ·{n}/{most} in ParamLab's terms)"
            )
        }
    }
}

fn fit_points(config: &Config) -> FitPoints {
    let n_train = generate(&config.data_spec()).train.len();
    FitPoints::of(
        lab_folds(config, n_train).ok().map(|f| f.0).as_ref(),
        n_train,
    )
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
/// the plane are [`super::code_plane`]'s), its imports those of the names it uses.
pub fn python(config: &Config) -> String {
    if let Some(model) = config.tuned() {
        return super::code_plane::python(config, model);
    }
    let space = space(config);
    let axes = space.axes();
    let searched = |k: Key| axes.iter().any(|a| a.key() == k);
    let estimator = Estimator::of(config, axes);
    let fit = fit_points(config);
    let n = fit.fewest;
    let params: Vec<Param> = (axes.iter())
        .map(|a| parameter(a, estimator, config, n))
        .collect();
    let kind: StrategyKind = config.choice(Key::Strategy);
    let budget = config.number(Key::Budget) as usize;
    let mut out = String::new();
    let o = &mut out;
    // Writing to a String cannot fail.
    let mut line = |s: &str| {
        let _ = writeln!(o, "{s}");
    };
    line(&data(config));
    line("");
    // (Fitted to the minimum, where the lab's fixed number of epochs from zero stops short.)
    let to_the_minimum = if estimator == Estimator::Sgd {
        String::new()
    } else {
        format!(
            "\n# ParamLab's {TRIAL_EPOCHS} epochs from zero per fit hold high degrees back, as \
             early stopping does;\n# fitted to the minimum, a high degree with a small λ can \
             score far worse here than in the lab."
        )
    };
    line(&format!(
        "# Approximate: ParamLab fits Legendre features of x by gradient steps; here the same \
         degree of\n# plain powers, standardized, fitted as scikit-learn fits them.{} Its folds' \
         shuffle and a\n# random search's settings are scikit-learn's draws, not ParamLab's.\
         {to_the_minimum}{}",
        estimator.other_features(config, searched(Key::Lambda)),
        estimator.caveat(config, fit, searched(Key::Lambda))
    ));
    // Degree 1 is x itself: no polynomial step unless the degree is searched.
    let degree = config.number(Key::Degree);
    let features = if degree == 1.0 && !searched(Key::Degree) {
        String::new()
    } else {
        format!(
            "PolynomialFeatures({}, include_bias=False), ",
            number(degree)
        )
    };
    line(&format!(
        "model = make_pipeline({features}StandardScaler(),\n    {})",
        estimator.call(config, n, searched(Key::Lambda))
    ));
    line(&folds(config));
    line("");
    if by_test(config) {
        line(MISTAKE);
    }
    line(&search(config, kind, &space, &params, budget));
    line("");
    line(second_loop(kind));
    line("print(\"chosen:\", best_params, \"CV MSE:\", best_cv_mse)");
    line("print(\"test MSE:\", mean_squared_error(y_test, best_model.predict(X_test)))");
    format!("{}\n{out}", imports(&out))
}

/// The comment on the refit: the searches' `refit=True` (their default), or Optuna's explicit
/// `.fit` (Optuna has no refit of its own).
pub(super) fn second_loop(kind: StrategyKind) -> &'static str {
    match kind {
        StrategyKind::Bayes => {
            "# The second loop: the .fit above refits on all the training points; score once on \
             the test set."
        }
        _ => {
            "# The second loop: refit on all the training points (refit=True), score once on the \
             test set."
        }
    }
}

/// ParamLab's own points, read from the file the Tuning lab's (or the Regression lab's) "Data as
/// CSV" saves: the same points, so the same folds' errors up to the fitting method. (It once drew
/// stand-in points with numpy: the shape of the problem, not its numbers.)
fn data(config: &Config) -> String {
    let file = file_name(&result_config(config), "data.csv");
    let n = config.number(Key::Points) as usize;
    format!(
        "# The data: ParamLab's {n} points of the {} curve (noise {}, seed {}), as \"Data as \
         CSV\" saves them\n# beside this code (or in the Regression lab).\n\
         data = pd.read_csv(\"{file}\")\n\
         train, test = data[data[\"set\"] == \"train\"], data[data[\"set\"] == \"test\"]\n\
         X_train, y_train = train[[\"x\"]].to_numpy(), train[\"y\"].to_numpy()\n\
         X_test, y_test = test[[\"x\"]].to_numpy(), test[\"y\"].to_numpy()",
        config
            .choice::<Curve>(Key::Dataset)
            .opt()
            .label
            .to_lowercase(),
        number(config.number(Key::Noise)),
        config.seed
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

/// The search call for the strategy over `space`, leaving `best_params`, `best_cv_mse` and
/// `best_model`; the values in scikit-learn's terms (`params`' conversions).
fn search(
    config: &Config,
    kind: StrategyKind,
    space: &Space,
    params: &[Param],
    budget: usize,
) -> String {
    let seed = config.seed;
    let scoring = "neg_mean_squared_error";
    let result = "best_params, best_cv_mse = search.best_params_, -search.best_score_\n\
                  best_model = search.best_estimator_";
    match kind {
        StrategyKind::Grid => grid_search(space, params, budget, scoring, result),
        StrategyKind::Random => random_search(space, params, budget, seed, scoring, result),
        StrategyKind::Bayes => {
            let suggest: Vec<String> = (space.axes().iter().zip(params))
                .map(|(a, p)| {
                    let value = p.map.expr(&suggestion(a, p.short));
                    format!("        \"{}\": {value},", p.name)
                })
                .collect();
            let best: Vec<String> = (params.iter())
                .map(|p| {
                    let value = p.map.expr(&format!("study.best_params[\"{}\"]", p.short));
                    format!("    \"{}\": {value},", p.name)
                })
                .collect();
            let initial = Bayes::default().initial();
            let (trials, capped) = bayes_trials(space, budget);
            format!(
                "# ParamLab's own: a Gaussian process with expected improvement, {initial} random \
                 trials first.\ndef objective(trial):\n    model.set_params(**{{\n{}\n    }})\n    \
                 return -cross_val_score(model, X_train, y_train, cv=cv,\n        \
                 scoring=\"neg_mean_squared_error\").mean()\n\n\
                 study = optuna.create_study(direction=\"minimize\",\n    \
                 sampler=optuna.samplers.GPSampler(seed={seed}, n_startup_trials={initial}))\n\
                 {capped}study.optimize(objective, n_trials={trials})\n\
                 best_params, best_cv_mse = study.best_params, study.best_value\n\
                 best_model = model.set_params(**{{\n{}\n}}).fit(X_train, y_train)",
                suggest.join("\n"),
                best.join("\n")
            )
        }
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

#[cfg(test)]
#[path = "code_imports_tests.rs"]
mod imports_tests;
