//! The equivalent code names the right classes and carries the search's exact numbers.

use super::*;
use crate::state::spec::Lab;
use crate::state::url::decode;

fn tuning(query: &str) -> Config {
    let (config, notices) = decode(&format!("lab=tuning&{query}"));
    assert!(notices.is_empty(), "{notices:?}");
    config
}

fn has(code: &str, parts: &[&str]) {
    for part in parts {
        assert!(code.contains(part), "no {part:?} in\n{code}");
    }
}

#[test]
fn grid_search_runs_the_exact_lattice() {
    // The default space, degree × λ under L2, with a budget of 16 (a 4 × 4 grid) and 5 folds.
    let mut config = Config::for_lab(Lab::Tuning);
    config.set_choice(Key::Strategy, StrategyKind::Grid);
    config.seed = 42;
    let code = python(&config);
    has(
        &code,
        &[
            "GridSearchCV(model, param_grid, cv=cv, scoring=\"neg_mean_squared_error\")",
            "make_pipeline(PolynomialFeatures(",
            // λ searched: alpha is the search's.
            "StandardScaler(),\n    Ridge())",
            // Degrees 1, 1 + 14/3, 1 + 28/3, 15 rounded; λ at 10^(−6 + 7j/3) snapped to its table,
            // times n = 22 (28 training points, 5 folds): Ridge sums the squared errors.
            "\"polynomialfeatures__degree\": [1, 6, 10, 15],",
            "\"ridge__alpha\": [2.2e-5, 0.0066, 0.66, 220],",
            // 28 in 5 folds: three fits on 22, two on 23, where the fixed alpha is a weaker λ.
            "alpha = n·λ, n = 22 points per fit (the smaller folds' training points;\n# on the \
             folds of 23 it is λ·22/23 in ParamLab's terms).",
            // The refit on all 28 keeps alpha: a penalty of λ·22/28 there.
            "The refit on all 28 training points keeps the same alpha: there it is λ·22/28",
            "KFold(n_splits=5, shuffle=True, random_state=42)",
            "data = pd.read_csv(\"paramlab-regression-seed42-data.csv\")",
            "Approximate: ParamLab fits Legendre features",
            "ParamLab's 1000 epochs from zero per fit hold high degrees back",
            "best_model.predict(X_test)",
        ],
    );
    assert!(!code.contains("RandomizedSearchCV") && !code.contains("optuna"));
    assert!(!code.contains("Do NOT pick by the test set"));
}

#[test]
fn random_search_samples_the_tables_values_with_the_budget_and_seed() {
    let code = python(&tuning("strategy=random&budget=23&folds=3&seed=7"));
    has(
        &code,
        &[
            // 15 degrees × 15 values of λ: 225 settings, more than the budget.
            "RandomizedSearchCV(model, param_distributions, n_iter=23, cv=cv,",
            "random_state=7)",
            "ParamLab's 225 settings.",
            // Lists, which RandomizedSearchCV samples without replacement, as ParamLab does.
            "\"polynomialfeatures__degree\": list(range(1, 16)),",
            // λ's table from 10⁻⁶ to 10, times n = 18: a third of 28 training points is held
            // out (10, 9, 9).
            "\"ridge__alpha\": [1.8e-5, 5.4e-5, 0.00018, 0.00054, 0.0018, 0.0054, 0.018, 0.054, \
             0.18, 0.54, 1.8, 5.4, 18, 54, 180],",
            "KFold(n_splits=3, shuffle=True, random_state=7)",
        ],
    );
    // No scipy distribution, which would sample with replacement, nor its import.
    for gone in ["loguniform", "randint", "scipy"] {
        assert!(!code.contains(gone), "{gone} in\n{code}");
    }
    assert!(!code.contains("each runs once"), "{code}");
    // A budget above the settings: n_iter is capped to them, as ParamLab's search ends there.
    let degree = python(&tuning("strategy=random&budget=40&y=none&seed=7"));
    has(
        &degree,
        &[
            "\"polynomialfeatures__degree\": list(range(1, 16)),",
            "n_iter=15, cv=cv",
            "A budget of 40 is more than the 15 settings: each runs once.",
        ],
    );
    // The learning rate: SGDRegressor's eta0 = 2·η over the table's 21 rates.
    let lr = python(&tuning("strategy=random&x=lr&y=none"));
    has(
        &lr,
        &[
            "\"sgdregressor__eta0\": [0.0002, 0.0004, 0.0006, 0.001, 0.002, 0.004, 0.006, 0.01, \
           0.02, 0.04, 0.06, 0.1, 0.2, 0.4, 0.6, 1, 2, 4, 6, 10, 20],",
        ],
    );
}

#[test]
fn bayesian_optimization_is_optuna_with_a_gaussian_process() {
    let code = python(&tuning(
        "strategy=bayes&budget=12&seed=3&x=lr&y=lambda&reg=l1",
    ));
    has(
        &code,
        &[
            "optuna.samplers.GPSampler(seed=3, n_startup_trials=3)",
            "study.optimize(objective, n_trials=12)",
            // The learning rate is searched: stochastic gradient descent with an L1 penalty.
            "SGDRegressor(penalty=\"l1\"",
            "max_iter=1000",
            // SGDRegressor steps along half the gradient: eta0 = 2·η.
            "\"sgdregressor__eta0\": 2 * trial.suggest_float(\"lr\", 0.0001, 10, log=True),",
            // SGDRegressor halves the squared error: alpha = λ/2 under L1.
            "\"sgdregressor__alpha\": 0.5 * trial.suggest_float(\"lam\", 1e-6, 10, log=True),",
            "\"sgdregressor__alpha\": 0.5 * study.best_params[\"lam\"],",
            "alpha = λ under L2, λ/2 under L1",
            "scoring=\"neg_mean_squared_error\"",
            // Optuna has no refit argument: the refit is the explicit .fit.
            "# The second loop: the .fit above refits on all the training points",
        ],
    );
    assert!(!code.contains("refit=True"), "{code}");
    assert!(!code.contains("more than the"), "{code}");
    // A budget above the degree's 15 settings: ParamLab stops at 15, and so does the study.
    let degree = python(&tuning("strategy=bayes&budget=40&y=none&seed=3"));
    has(
        &degree,
        &[
            "A budget of 40 is more than the 15 settings: ParamLab stops when each has run once",
            "study.optimize(objective, n_trials=15)",
        ],
    );
    let grid = python(&tuning("strategy=grid"));
    has(&grid, &["(refit=True)"]);
}

#[test]
fn estimators_folds_and_the_test_set_mistake() {
    let mut config = tuning("strategy=grid&reg=l1&y=none&select=test&lambda=0.1");
    config.set(Key::Folds, 9); // leave-one-out
    let code = python(&config);
    has(
        &code,
        &[
            // Lasso halves the mean squared error: alpha = λ/2.
            "Lasso(alpha=0.05, max_iter=10_000)",
            "with alpha = λ/2.",
            "cv = LeaveOneOut()",
            "Do NOT pick by the test set",
            "\"polynomialfeatures__degree\": [",
        ],
    );
    assert!(!code.contains("lasso__alpha"), "one axis: degree alone");
    let none = python(&tuning("reg=none&y=none"));
    has(&none, &["LinearRegression()"]);
    // Fixed λ: Ridge's alpha = n·λ with a fold's 22 training points, also when the lab selects
    // by the test set (the code cross-validates instead, as it says): the same grid either way.
    let ridge = python(&tuning("y=none&lambda=0.1&select=test"));
    has(
        &ridge,
        &[
            "Ridge(alpha=2.2)",
            "n = 22 points per fit (the smaller folds' training points;",
            "The refit on all 28 training points keeps the same alpha",
        ],
    );
    let by_cv = python(&tuning("y=none&lambda=0.1"));
    let alpha_line = |code: &str| {
        code.lines()
            .find(|l| l.contains("Ridge("))
            .map(String::from)
    };
    assert_eq!(alpha_line(&ridge), alpha_line(&by_cv));
    // λ = 0, not searched: no penalty at all, not Ridge(alpha=0) nor an L2 SGDRegressor.
    for reg in ["l2", "l1"] {
        let exact = python(&tuning(&format!("reg={reg}&y=none&lambda=0")));
        has(&exact, &["LinearRegression()"]);
        assert!(!exact.contains("alpha"), "{exact}");
        let sgd = python(&tuning(&format!("reg={reg}&x=lr&y=none&lambda=0")));
        has(
            &sgd,
            &["SGDRegressor(penalty=None, learning_rate=\"constant\""],
        );
    }
    // λ searched without a penalty changes nothing, as in the lab: SGD without a penalty.
    let idle = python(&tuning("strategy=grid&reg=none"));
    has(
        &idle,
        &["SGDRegressor(penalty=None", "\"sgdregressor__alpha\": ["],
    );
}

/// SGDRegressor's printed eta0 and alpha take ParamLab's steps: two epochs of ParamLab on one
/// point (L2, batch 1) against scikit-learn's update written out by hand (plain SGD on ½(ŷ − y)²:
/// w ← (1 − eta0·alpha)·w − eta0·(ŷ − y)·x, the intercept without the decay), on ParamLab's own
/// features (1, φ₁(x)) (the code's standardized x is the same feature up to the sample's scale).
#[test]
fn the_printed_eta0_and_alpha_take_paramlabs_steps() {
    use crate::data::regression::Point;
    use crate::ml::optimizer::OptimizerKind;
    use crate::ml::polynomial::{Hyper, Trainer};
    // (Under ParamLab's SGD: with Adam or momentum no eta0 takes its steps, and the code says so.)
    let config = tuning("x=lr&y=none&reg=l2&lambda=0.1&opt=sgd");
    let code = python(&config);
    assert!(!code.contains("ParamLab trains with"), "{code}");
    let value = |key: &str| -> f64 {
        let rest = code
            .split(key)
            .nth(1)
            .unwrap_or_else(|| panic!("no {key}\n{code}"));
        rest.split([',', ')'])
            .next()
            .unwrap()
            .trim()
            .parse()
            .unwrap()
    };
    let (eta0, alpha) = (value("eta0="), value("alpha="));
    let lr = config.number(Key::LearningRate);
    assert_eq!((eta0, alpha), (2.0 * lr, 0.1), "{code}");
    let (x, y) = (0.5, 1.0);
    let hyper = Hyper::new(lr, 1, Regularization::L2, 0.1, Some(1), OptimizerKind::Sgd).unwrap();
    let mut t = Trainer::new(hyper, &[Point { x, y }], 0);
    let z = 3f64.sqrt() * x; // φ₁(x)
    let (mut b, mut c) = (0.0, 0.0);
    for _ in 0..2 {
        t.step();
        let residual = b + c * z - y;
        b -= eta0 * residual;
        c = (1.0 - eta0 * alpha) * c - eta0 * residual * z;
    }
    let w = &t.model().weights;
    assert!(
        (w[0] - b).abs() < 1e-15 && (w[1] - c).abs() < 1e-15,
        "{w:?} vs {b}, {c}"
    );
    has(&code, &["eta0 = 2·η is\n# ParamLab's step size."]);
    // Per point or per batch, the comment says which.
    let batches = if config.number(Key::BatchSize) == 1.0 {
        "Both step once per training point"
    } else {
        "the same step size is not the same training"
    };
    has(&code, &[batches]);
    let per_point = python(&tuning("x=lr&y=none&batch=1"));
    has(&per_point, &["Both step once per training point"]);
}

#[test]
fn points_per_fit_say_when_the_folds_differ_in_size() {
    use crate::tune::code::FitPoints;
    use crate::tune::folds::{Folds, Scheme};
    let even = Folds::new(25, Scheme::KFold(5), 1).unwrap();
    assert_eq!(
        FitPoints::of(Some(&even), 25).per_fit(),
        "n = 20 points per fit (a fold's training points)"
    );
    let uneven = Folds::new(28, Scheme::KFold(5), 1).unwrap();
    let fit = FitPoints::of(Some(&uneven), 28);
    assert_eq!((fit.fewest, fit.most, fit.all), (22, 23, 28));
    assert!(fit
        .per_fit()
        .ends_with("on the folds of 23 it is λ·22/23 in ParamLab's terms)"));
    // No folds: every fit has all the training points.
    let none = FitPoints::of(None, 7);
    assert_eq!((none.fewest, none.most), (7, 7));
}

/// Under Adam (the Tuning lab's default) or momentum no eta0 of the SGD estimator takes
/// ParamLab's steps, and the code says so rather than "eta0 = 2·η is ParamLab's step size"
/// alone (helper 108).
#[test]
fn the_code_says_when_paramlab_trains_with_steps_sgd_cannot_take() {
    let adam = python(&tuning("x=lr&y=none&reg=l2&lambda=0.1"));
    has(
        &adam,
        &["# ParamLab trains with Adam here, whose steps are about η whatever the gradient;"],
    );
    let momentum = python(&tuning("x=lr&y=none&reg=l2&lambda=0.1&opt=momentum"));
    has(&momentum, &["# ParamLab trains with momentum here"]);
    // Exact estimators take no steps: nothing to say.
    assert!(!python(&tuning("")).contains("ParamLab trains with"));
}
