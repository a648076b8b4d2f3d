//! The equivalent code of a search on the plane: the scikit-learn estimator of the Tuning lab's
//! model (k-NN, decision tree, logistic regression, random forest, gradient boosting, the
//! network) with the other hyperparameters fixed as set, the axes as `GridSearchCV`'s grid,
//! `RandomizedSearchCV`'s lists (the tables' values, sampled without repeats as the lab does) or
//! an Optuna study, the lab's folds and seed, scored by accuracy (the lab's error is
//! 1 − accuracy). Written as [`super::code`] writes polynomial regression's.
//!
//! Where a hyperparameter is scaled differently, the value is converted and the snippet says
//! how: ParamLab penalizes the mean loss by λ·Σw² (L2) or λ·Σ|w| (L1), so `LogisticRegression`'s
//! C (which weighs the summed loss against ½‖w‖² or ‖w‖₁) is 1/(2·n·λ) under L2 for three classes
//! and 1/(n·λ) otherwise, for n points per fit, `SGDClassifier`'s alpha (against ½‖w‖²) is 2λ
//! (three classes) or λ (two), and `MLPClassifier`'s alpha (which adds alpha/(2·b)·‖W‖² to a
//! batch of b points' mean loss) is 2·b·λ. Two classes differ from three because ParamLab's
//! softmax keeps a weight vector per class and scikit-learn's two-class model one (see
//! [`l2_factor`]).

use super::code::{folds, number, optimizer_differs, second_loop, FitPoints, MISTAKE};
use super::code_imports::imports;
use super::code_map::{sig4, Map, Param};
use crate::classroom::saved::file_name;
use crate::ml::activation::Activation;
use crate::ml::knn::Weighting;
use crate::ml::optimizer::OptimizerKind;
use crate::ml::regularization::Regularization;
use crate::ml::tree::Criterion;
use crate::state::choice::{Bootstrap, Choice, MaxFeatures, ModelKind, StrategyKind};
use crate::state::config::Config;
use crate::state::spec::Key;
use crate::state::tuning::result_config;
use crate::state::tuning::{by_test, folds as lab_folds};
use crate::state::tuning_axes::space_within;
use crate::state::tuning_plane::{PlanePoints, PLANE_STEPS};
use crate::tune::space::Axis;
use std::fmt::Write;

/// The f of L2's conversions, `LogisticRegression(C = 1/(f·n·λ))` and `SGDClassifier(alpha =
/// f·λ)`, for `classes` classes. ParamLab's softmax has a weight vector wₖ per class and adds
/// λ·Σₖ‖wₖ‖² to the mean loss. With three or more classes that is scikit-learn's multinomial model,
/// whose ½·Σₖ‖wₖ‖² against C times the summed loss gives f = 2. With two, scikit-learn fits one
/// vector v = w₁ − w₀; ParamLab's two gradients are opposite, so from its zero start w₀ = −w₁
/// (and the minimum is symmetric too), v = 2w₁ and λ(‖w₀‖² + ‖w₁‖²) = (λ/2)·‖v‖²: f = 1. (L1:
/// λ(‖w₀‖₁ + ‖w₁‖₁) = λ‖v‖₁, and C = 1/(n·λ), alpha = λ for any number of classes.)
pub(super) fn l2_factor(classes: usize) -> f64 {
    if classes == 2 {
        1.0
    } else {
        2.0
    }
}

/// SGDClassifier's eta0 from ParamLab's learning rate η. Two classes: ParamLab's step on
/// v = w₁ − w₀ is η·(g₁ − g₀) = 2η·g₁ (the two classes' gradients are opposite), so eta0 = 2·η
/// takes the same steps on scikit-learn's one vector. Three: one-vs-rest is another model; η.
fn sgd_eta0(classes: usize) -> Map {
    Map::times(if classes == 2 { 2.0 } else { 1.0 })
}

/// The scikit-learn estimator of a model on the plane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Estimator {
    Knn,
    Tree,
    /// Logistic regression solved exactly (`LogisticRegression`), or by gradient steps
    /// (`SGDClassifier`: when the learning rate is searched, or λ without a penalty).
    Logistic,
    Sgd,
    Forest,
    Boosting,
    Mlp,
}

impl Estimator {
    fn of(model: ModelKind, config: &Config, axes: &[Axis]) -> Self {
        let searched = |k: Key| axes.iter().any(|a| a.key() == k);
        match model {
            ModelKind::Knn => Estimator::Knn,
            ModelKind::Tree => Estimator::Tree,
            ModelKind::Logistic
                if searched(Key::LearningRate)
                    || (config.regularization() == Regularization::None
                        && searched(Key::Lambda)) =>
            {
                Estimator::Sgd
            }
            ModelKind::Logistic => Estimator::Logistic,
            ModelKind::Forest => Estimator::Forest,
            ModelKind::Boosting => Estimator::Boosting,
            ModelKind::Mlp => Estimator::Mlp,
        }
    }

    /// The class, and whether polynomial features feed it.
    fn class(self) -> (&'static str, bool) {
        match self {
            Estimator::Knn => ("KNeighborsClassifier", false),
            Estimator::Tree => ("DecisionTreeClassifier", false),
            Estimator::Logistic => ("LogisticRegression", true),
            Estimator::Sgd => ("SGDClassifier", true),
            Estimator::Forest => ("RandomForestClassifier", true),
            Estimator::Boosting => ("GradientBoostingClassifier", false),
            Estimator::Mlp => ("MLPClassifier", false),
        }
    }

    /// The parameter an axis sets; `n` points per fit, `batch` per network step, `classes`
    /// classes.
    fn param(self, config: &Config, key: Key, n: usize, batch: usize, classes: usize) -> Param {
        let step = self.class().0.to_lowercase();
        let l1 = config.regularization() == Regularization::L1;
        let (name, short, map) = match (key, self) {
            (Key::K, _) => ("n_neighbors", "n_neighbors", Map::Same),
            (Key::MaxDepth, _) => ("max_depth", "max_depth", Map::Same),
            (Key::MinLeaf, _) => ("min_samples_leaf", "min_samples_leaf", Map::Same),
            (Key::Trees, _) => ("n_estimators", "n_estimators", Map::Same),
            (Key::Shrinkage, _) => ("learning_rate", "learning_rate", Map::Same),
            (Key::LearningRate, Estimator::Mlp) => ("learning_rate_init", "lr", Map::Same),
            (Key::LearningRate, _) => ("eta0", "eta0", sgd_eta0(classes)),
            (Key::Lambda, Estimator::Logistic) => {
                let f = if l1 { 1.0 } else { l2_factor(classes) };
                ("C", "lam", Map::Inverse(f * n as f64))
            }
            (Key::Lambda, Estimator::Mlp) => ("alpha", "lam", Map::Times(2.0 * batch as f64)),
            (Key::Lambda, _) => {
                let f = if l1 { 1.0 } else { l2_factor(classes) };
                ("alpha", "lam", Map::times(f))
            }
            _ => {
                let second = config.hidden_layers().get(1).copied().unwrap_or(1);
                ("hidden_layer_sizes", "neurons", Map::Layer1(second))
            }
        };
        Param {
            name: format!("{step}__{name}"),
            short,
            map,
        }
    }

    /// The constructor with the configuration's settings (searched ones are set by the search).
    fn call(
        self,
        config: &Config,
        n: usize,
        batch: usize,
        classes: usize,
        searched_lambda: bool,
    ) -> String {
        let seed = config.seed;
        let int = |k: Key| number(config.number(k));
        let lambda = config.number(Key::Lambda);
        let penalty = config.regularization();
        let criterion = match config.choice::<Criterion>(Key::Criterion) {
            Criterion::Gini => "gini",
            Criterion::Entropy => "entropy",
        };
        match self {
            Estimator::Knn => {
                let weights = match config.choice::<Weighting>(Key::Weighting) {
                    Weighting::Uniform => "uniform",
                    Weighting::Distance => "distance",
                };
                format!("KNeighborsClassifier(n_neighbors={}, weights=\"{weights}\")", int(Key::K))
            }
            Estimator::Tree => format!(
                "DecisionTreeClassifier(criterion=\"{criterion}\", max_depth={}, \
                 min_samples_leaf={}, random_state={seed})",
                int(Key::MaxDepth),
                int(Key::MinLeaf)
            ),
            Estimator::Logistic => {
                // λ searched: C is the search's (none written); else from λ, and no penalty at
                // all when λ = 0 (C = 1 would be a penalty).
                let c = |f: f64| match searched_lambda {
                    true => String::new(),
                    false => format!("C={}, ", Map::Inverse(f).value(lambda)),
                };
                // (scikit-learn 1.8 deprecates `penalty`: l1_ratio = 1 is L1, C = ∞ none; helper
                // 108.)
                let penalty = match penalty {
                    _ if lambda == 0.0 && !searched_lambda => "C=np.inf, ".to_string(),
                    Regularization::L2 => c(l2_factor(classes) * n as f64),
                    Regularization::L1 => {
                        format!("l1_ratio=1, solver=\"saga\", {}", c(n as f64))
                    }
                    Regularization::None => "C=np.inf, ".to_string(),
                };
                format!("LogisticRegression({penalty}max_iter={PLANE_STEPS})")
            }
            Estimator::Sgd => {
                // No penalty (nor alpha) when λ = 0 and not searched; a searched λ sets alpha.
                let alpha = |f: f64| match searched_lambda {
                    true => String::new(),
                    false => format!(", alpha={}", sig4(f * lambda)),
                };
                let penalty = match penalty {
                    _ if lambda == 0.0 && !searched_lambda => "None".to_string(),
                    Regularization::L2 => format!("\"l2\"{}", alpha(l2_factor(classes))),
                    Regularization::L1 => format!("\"l1\"{}", alpha(1.0)),
                    Regularization::None => "None".to_string(),
                };
                format!(
                    "SGDClassifier(loss=\"log_loss\", penalty={penalty}, \
                     learning_rate=\"constant\",\n        eta0={}, max_iter={PLANE_STEPS}, \
                     tol=None, random_state={seed})",
                    sgd_eta0(classes).value(config.number(Key::LearningRate))
                )
            }
            Estimator::Forest => {
                let features = match config.choice::<MaxFeatures>(Key::MaxFeatures) {
                    MaxFeatures::Sqrt => "\"sqrt\"",
                    MaxFeatures::All => "None",
                    MaxFeatures::One => "1",
                };
                let bootstrap = config.choice::<Bootstrap>(Key::Bootstrap) == Bootstrap::On;
                format!(
                    "RandomForestClassifier(n_estimators={}, criterion=\"{criterion}\", \
                     max_depth={},\n        min_samples_leaf={}, max_features={features}, \
                     bootstrap={}, random_state={seed})",
                    int(Key::Trees),
                    int(Key::MaxDepth),
                    int(Key::MinLeaf),
                    if bootstrap { "True" } else { "False" }
                )
            }
            Estimator::Boosting => format!(
                "GradientBoostingClassifier(learning_rate={}, n_estimators={}, max_depth={},\n        \
                 min_samples_leaf={}, subsample={}, random_state={seed})",
                number(config.number(Key::Shrinkage)),
                int(Key::Trees),
                int(Key::MaxDepth),
                int(Key::MinLeaf),
                number(config.number(Key::Subsample))
            ),
            Estimator::Mlp => {
                let layers = config.hidden_layers();
                let sizes: Vec<String> = layers.iter().map(|n| n.to_string()).collect();
                let sizes = match sizes.as_slice() {
                    [one] => format!("({one},)"),
                    _ => format!("({})", sizes.join(", ")),
                };
                let activation = match config.choice::<Activation>(Key::Activation) {
                    Activation::Relu => "relu",
                    Activation::Tanh => "tanh",
                    Activation::Sigmoid => "logistic",
                    Activation::Linear => "identity",
                };
                let solver = match config.optimizer() {
                    OptimizerKind::Adam => "solver=\"adam\"",
                    OptimizerKind::Sgd => "solver=\"sgd\", momentum=0",
                    OptimizerKind::Momentum => {
                        "solver=\"sgd\", momentum=0.9, nesterovs_momentum=False"
                    }
                };
                // Full batch ("all"): scikit-learn's "auto" is min(200, n), every fit's n.
                let all = !config.number(Key::BatchSize).is_finite();
                let batch_size = match all {
                    true if n <= 200 => "\"auto\"".to_string(),
                    _ => batch.to_string(),
                };
                let alpha = match penalty {
                    Regularization::L2 => 2.0 * batch as f64 * lambda,
                    _ => 0.0,
                };
                format!(
                    "MLPClassifier(hidden_layer_sizes={sizes}, activation=\"{activation}\", \
                     {solver},\n        learning_rate_init={}, alpha={}, batch_size={batch_size}, \
                     max_iter={PLANE_STEPS}, tol=0,\n        n_iter_no_change={PLANE_STEPS}, \
                     random_state={seed})",
                    number(config.number(Key::LearningRate)),
                    sig4(alpha)
                )
            }
        }
    }

    /// What differs from ParamLab, said above the model.
    fn caveat(self, config: &Config, fit: FitPoints, batch: usize, classes: usize) -> String {
        // Why two classes convert differently (see `l2_factor`).
        let two = "\n# (Two classes: ParamLab's softmax has weights w₀ = −w₁, scikit-learn one \
                   vector v = w₁ − w₀,\n# and λ(‖w₀‖² + ‖w₁‖²) = (λ/2)‖v‖².)";
        let model = match self {
            Estimator::Logistic if classes == 2 => format!(
                " ParamLab fits a softmax on the\n# polynomial features by {PLANE_STEPS} \
                 full-batch gradient epochs; LogisticRegression solves it exactly.{EARLY}\n# Its \
                 C weighs the summed loss against ½‖w‖² (L2) or ‖w‖₁ (L1); ParamLab adds λ·Σw² or \
                 λ·Σ|w| to the\n# mean loss, so C = 1/(n·λ), {}.{two}",
                fit.per_fit()
            ),
            Estimator::Logistic => format!(
                " ParamLab fits a softmax on the\n# polynomial features by {PLANE_STEPS} \
                 full-batch gradient epochs; LogisticRegression solves it exactly.{EARLY}\n# Its \
                 C weighs the summed loss against ½‖w‖² (L2) or ‖w‖₁ (L1); ParamLab adds λ·Σw² or \
                 λ·Σ|w| to the\n# mean loss, so C = 1/(2·n·λ) under L2 and 1/(n·λ) under L1, {}.",
                fit.per_fit()
            ),
            Estimator::Sgd if classes == 2 => format!(
                " SGDClassifier takes stochastic steps, ParamLab full-batch \
                 ones; its alpha\n# weighs ½‖w‖², so alpha = λ, and v moves by twice \
                 ParamLab's learning rate η: eta0 = 2·η.{two}{}",
                optimizer_differs(config)
            ),
            Estimator::Sgd => format!(
                " SGDClassifier is one-vs-rest, ParamLab's a softmax; its alpha weighs ½‖w‖², \
                 so\n# alpha = 2λ under L2 (λ under L1).{}",
                optimizer_differs(config)
            ),
            Estimator::Mlp => {
                let l1 = config.regularization() == Regularization::L1;
                // The refit's batches: the same size, or all its points where a fold's batch
                // was all of the fold's (helper 82: the refit note was the polynomial's only).
                let size = config.number(Key::BatchSize);
                let refit = match size.is_finite() {
                    true => (size as usize).min(fit.all),
                    false => fit.all,
                };
                let refit_note = match refit != batch && !l1 {
                    true => format!(
                        "\n# The refit on all {} training points keeps the same alpha with \
                         batches of {refit}: there it is\n# λ·{batch}/{refit} in ParamLab's \
                         terms, a weaker penalty than the lab's refit with λ.",
                        fit.all
                    ),
                    false => String::new(),
                };
                format!(
                    "\n# MLPClassifier adds alpha/(2·b)·‖W‖² to a batch's mean loss, ParamLab \
                     λ·Σw²: alpha = 2·b·λ\n# with b = {batch} points per batch (a fold's).{}{refit_note}",
                    if l1 {
                        " MLPClassifier has no L1 penalty: none here."
                    } else {
                        ""
                    }
                )
            }
            // (Helper 108: forest.rs says both; the code did not.)
            Estimator::Forest => " Two differences in the trees: a point a bootstrap \
                 sample draws twice counts\n# twice toward min_samples_leaf in ParamLab, once in \
                 scikit-learn; and where none of a split's\n# drawn features can split, ParamLab \
                 makes a leaf, scikit-learn draws further features."
                .into(),
            _ => String::new(),
        };
        format!(
            "# Approximate: ParamLab's own implementation of the same model; scikit-learn draws \
             its random\n# numbers (the folds' shuffle, a random search's settings), breaks ties \
             and initializes its own way.{model}"
        )
    }
}

/// ParamLab's fixed epochs from zero stop short of the exact minimum, which holds small λ's
/// weights back as a penalty would (the Tuning lab says so under its map); fitted exactly, a small
/// λ can score otherwise (helper 108: the polynomial's code said so, the logistic's did not).
const EARLY: &str = "\n# ParamLab's epochs from zero stop short of that exact fit and hold the \
                     weights back as a penalty\n# would: fitted exactly, small values of λ can \
                     score worse, and the search choose another.";

/// The words scikit-learn 1.8 uses for an L1 penalty or none (its `penalty` argument is
/// deprecated), said under the caveat when the constructor `call` uses them, for a reader with an
/// older version.
fn penalty_words(call: &str) -> &'static str {
    if call.contains("l1_ratio=1") {
        "\n# (l1_ratio=1 is an L1 penalty in scikit-learn 1.8 and later; before, penalty=\"l1\".)"
    } else if call.contains("C=np.inf") {
        "\n# (C=np.inf is no penalty in scikit-learn 1.8 and later; before, penalty=None.)"
    } else {
        ""
    }
}

/// The Python program that runs the search of `model` on the plane (see the module doc).
pub(super) fn python(config: &Config, model: ModelKind) -> String {
    let points = PlanePoints::new(config);
    let n_train = points.train.points.len();
    let classes = points.train.classes;
    // The code cross-validates even when the lab selects by the test score (see `MISTAKE`):
    // its fits, its axes' caps and its conversions of λ are a fold's.
    let fit = FitPoints::of(
        lab_folds(config, n_train).ok().map(|f| f.0).as_ref(),
        n_train,
    );
    let n = fit.fewest;
    let space = space_within(config, n);
    let axes = space.axes();
    let estimator = Estimator::of(model, config, axes);
    let batch = config.number(Key::BatchSize);
    let batch = if batch.is_finite() {
        (batch as usize).min(n)
    } else {
        n
    };
    let (_, polynomial) = estimator.class();
    let kind: StrategyKind = config.choice(Key::Strategy);
    let budget = config.number(Key::Budget) as usize;
    let seed = config.seed;
    let params: Vec<Param> = (axes.iter())
        .map(|a| estimator.param(config, a.key(), n, batch, classes))
        .collect();
    let mut out = String::new();
    let o = &mut out;
    let mut line = |s: &str| {
        let _ = writeln!(o, "{s}");
    };
    // (The file "Data as CSV" saves beside the code or in the lab the result opens: columns set,
    // x1, x2, class.)
    let file = file_name(&result_config(config), "data.csv");
    line(&format!(
        "# The data: ParamLab's {} points of the {} pattern (noise {}, seed {seed}), {n_train} \
         for training,\n# as \"Data as CSV\" saves them beside this code (or in the lab the \
         result opens).\n\
         data = pd.read_csv(\"{file}\")\n\
         train, test = data[data[\"set\"] == \"train\"], data[data[\"set\"] == \"test\"]\n\
         X_train, y_train = train[[\"x1\", \"x2\"]].to_numpy(), train[\"class\"].to_numpy()\n\
         X_test, y_test = test[[\"x1\", \"x2\"]].to_numpy(), test[\"class\"].to_numpy()",
        n_train + points.test.points.len(),
        config.plane_data().opt().label,
        number(config.number(Key::Noise)),
    ));
    line("");
    let searched_lambda = axes.iter().any(|a| a.key() == Key::Lambda);
    let call = estimator.call(config, n, batch, classes, searched_lambda);
    line(&format!(
        "{}{}",
        estimator.caveat(config, fit, batch, classes),
        penalty_words(&call)
    ));
    // Degree 1 is the plane's own features: no polynomial step.
    let degree = config.number(Key::Features);
    line(&if polynomial && degree != 1.0 {
        format!(
            "model = make_pipeline(PolynomialFeatures({}, include_bias=False),\n    {call})",
            number(degree)
        )
    } else {
        format!("model = make_pipeline({call})")
    });
    line(&folds(config));
    line("");
    if by_test(config) {
        line(MISTAKE);
    }
    line(&search(config, kind, &space, &params, budget));
    line("");
    line(second_loop(kind));
    line("print(\"chosen:\", best_params, \"CV error:\", best_cv_error)");
    line("print(\"test error:\", 1 - accuracy_score(y_test, best_model.predict(X_test)))");
    format!("{}\n{out}", imports(&out))
}

#[path = "code_plane_search.rs"]
mod search;
use search::search;

#[cfg(test)]
#[path = "code_plane_tests.rs"]
mod tests;
