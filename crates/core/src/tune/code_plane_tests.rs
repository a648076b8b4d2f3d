//! The equivalent code of every model on the plane, under every strategy, names its estimator,
//! each axis's parameter with the lab's values, the folds and the seed, and reads as Python.

use crate::state::config::Config;
use crate::state::url::decode;
use crate::tune::code::python;

/// The Tuning lab at `query`, on 40 points unless it says (the conversions' figures below are
/// those of 40 points' folds: 28 training points, 22 in each fold's fit).
fn tuning(query: &str) -> Config {
    let named = query.split('&').any(|pair| pair.starts_with("n="));
    let points = if named { "" } else { "n=40&" };
    let (config, notices) = decode(&format!("lab=tuning&{points}{query}"));
    assert!(notices.is_empty(), "{query}: {notices:?}");
    config
}

fn has(code: &str, parts: &[&str]) {
    for part in parts {
        assert!(code.contains(part), "no {part:?} in\n{code}");
    }
}

/// Brackets balance (outside strings), no Rust debug forms, no long float tails.
fn looks_like_python(code: &str) {
    let mut stack = Vec::new();
    let mut in_string = false;
    for c in code.chars() {
        match c {
            '"' => in_string = !in_string,
            '(' | '[' | '{' if !in_string => stack.push(c),
            ')' | ']' | '}' if !in_string => {
                let open = stack.pop();
                let want = match c {
                    ')' => '(',
                    ']' => '[',
                    _ => '{',
                };
                assert_eq!(open, Some(want), "unbalanced {c} in\n{code}");
            }
            _ => {}
        }
    }
    assert!(stack.is_empty() && !in_string, "unclosed in\n{code}");
    for bad in ["Some(", "None)", "inf", "NaN", "e-0", "0000000", "9999999"] {
        let hit = code
            .lines()
            .find(|l| l.contains(bad) && !l.contains("penalty=None") && !l.contains("C=np.inf"));
        let hit = hit.filter(|l| !l.contains("max_features=None") && !l.contains("# "));
        assert!(hit.is_none(), "{bad:?} in {hit:?}\n{code}");
    }
}

/// (model, its class, each default axis's parameter).
const MODELS: &[(&str, &str, &[&str])] = &[
    (
        "knn",
        "KNeighborsClassifier(",
        &["kneighborsclassifier__n_neighbors"],
    ),
    (
        "tree",
        "DecisionTreeClassifier(criterion=\"gini\", max_depth=4, min_samples_leaf=1",
        &[
            "decisiontreeclassifier__max_depth",
            "decisiontreeclassifier__min_samples_leaf",
        ],
    ),
    (
        "logistic",
        "SGDClassifier(loss=\"log_loss\", penalty=\"l2\"",
        &["sgdclassifier__alpha", "sgdclassifier__eta0"],
    ),
    (
        "forest",
        "RandomForestClassifier(n_estimators=50",
        &[
            "randomforestclassifier__n_estimators",
            "randomforestclassifier__max_depth",
        ],
    ),
    (
        "boosting",
        "GradientBoostingClassifier(learning_rate=0.1, n_estimators=50, max_depth=4",
        &[
            "gradientboostingclassifier__n_estimators",
            "gradientboostingclassifier__learning_rate",
        ],
    ),
    (
        "network",
        "MLPClassifier(hidden_layer_sizes=(4, 2), activation=\"tanh\", solver=\"adam\"",
        &["mlpclassifier__learning_rate_init", "mlpclassifier__alpha"],
    ),
];

#[test]
fn every_model_and_strategy_names_its_estimator_axes_folds_and_seed() {
    for (model, class, params) in MODELS {
        for strategy in ["grid", "random", "bayes"] {
            let q = format!("model={model}&strategy={strategy}&folds=4&seed=17&budget=9");
            // The model's own two axes, as choosing it on the page sets them.
            let mut config = tuning(&q);
            crate::state::tuning_axes::default_axes_for_model(&mut config);
            let code = python(&config);
            has(
                &code,
                &[class, "KFold(n_splits=4, shuffle=True, random_state=17)"],
            );
            has(
                &code,
                &["X_train, y_train", "accuracy", "best_model.predict(X_test)"],
            );
            for p in *params {
                has(&code, &[&format!("\"{p}\": ")]);
            }
            match strategy {
                "grid" => has(
                    &code,
                    &["GridSearchCV(model, param_grid, cv=cv, scoring=\"accuracy\")"],
                ),
                "random" => {
                    has(&code, &["n_iter=9, cv=cv", "random_state=17)"]);
                    // Every axis a list (sampled without replacement), no scipy distribution.
                    for p in *params {
                        let value = code.split(&format!("\"{p}\": ")).nth(1).unwrap();
                        assert!(
                            value.starts_with('[') || value.starts_with("list(range("),
                            "{q}: {p}\n{code}"
                        );
                    }
                    assert!(!code.contains("scipy"), "{q}\n{code}");
                }
                _ => has(
                    &code,
                    &["GPSampler(seed=17, n_startup_trials=3)", "n_trials=9"],
                ),
            }
            looks_like_python(&code);
            assert!(!code.contains("not translated"), "{q}");
        }
    }
}

#[test]
fn the_axes_carry_the_labs_ranges_and_values() {
    // k: 1 … the smallest fold's training points (28 training points, 5 folds: 22). Random
    // search samples lists of the tables' values (without replacement, as the lab).
    let knn = python(&tuning("model=knn&strategy=random"));
    has(
        &knn,
        &["\"kneighborsclassifier__n_neighbors\": list(range(1, 23)),"],
    );
    let knn = python(&tuning("model=knn&strategy=bayes"));
    has(&knn, &["trial.suggest_int(\"n_neighbors\", 1, 22)"]);
    // Trees: the control's log-spaced counts, integers.
    let forest = python(&tuning("model=forest&strategy=random"));
    has(
        &forest,
        &["n_estimators\": [1, 2, 3, 5, 10, 20, 30, 50, 100, 150, 200],"],
    );
    let boosting = python(&tuning("model=boosting&strategy=bayes"));
    has(
        &boosting,
        &["trial.suggest_int(\"n_estimators\", 1, 200, log=True)"],
    );
    has(
        &boosting,
        &["trial.suggest_float(\"learning_rate\", 0.01, 1, log=True)"],
    );
    // The network: learning rate 10⁻³ … 1; alpha = 2·b·λ with b = 22 (full batch of a fold of
    // 40 points' 28 training points).
    let net = python(&tuning("model=network&strategy=random"));
    has(
        &net,
        &[
            "\"mlpclassifier__learning_rate_init\": [0.001, 0.002, 0.003, 0.005, 0.01, 0.02, \
           0.03, 0.05, 0.1, 0.2, 0.3, 0.5, 1],",
        ],
    );
    has(
        &net,
        &[
            "\"mlpclassifier__alpha\": [4.4e-5, 0.000132, 0.00044, 0.00132, 0.0044, 0.0132, \
             0.044, 0.132, 0.44, 1.32, 4.4, 13.2, 44, 132, 440],",
            "batch_size=\"auto\"",
        ],
    );
    // The refit on all 28 points is one batch of 28: alpha there is λ·22/28 in the lab's terms.
    has(
        &net,
        &[
            "The refit on all 28 training points keeps the same alpha with batches of 28: there \
             it is\n# λ·22/28 in ParamLab's terms",
        ],
    );
    // Batches of 10 stay batches of 10 in the refit: the same penalty, nothing to say.
    let ten = python(&tuning("model=network&strategy=random&batch=10"));
    assert!(!ten.contains("The refit on all"), "{ten}");
    let net = python(&tuning("model=network&strategy=random&x=neurons&y=none"));
    has(
        &net,
        &["\"mlpclassifier__hidden_layer_sizes\": [(n, 2) for n in range(1, 17)],"],
    );
    let net = python(&tuning("model=network&strategy=bayes&x=neurons&y=lambda"));
    has(&net, &["(trial.suggest_int(\"neurons\", 1, 16), 2)"]);
    has(
        &net,
        &["44 * trial.suggest_float(\"lam\", 1e-6, 10, log=True)"],
    );
    has(&net, &["(study.best_params[\"neurons\"], 2)"]);
    let net = python(&tuning(
        "model=network&strategy=grid&x=neurons&y=none&act=relu&opt=sgd",
    ));
    has(
        &net,
        &[
            "\"mlpclassifier__hidden_layer_sizes\": [(1, 2), (",
            "(16, 2)],",
        ],
    );
    has(&net, &["activation=\"relu\", solver=\"sgd\", momentum=0"]);
    // C = 1/(n·λ) falls as λ grows: the list runs from λ = 10⁻⁶ to 10.
    let logistic = python(&tuning("model=logistic&strategy=random&y=none"));
    has(
        &logistic,
        &[
            "\"logisticregression__C\": [45450, 15150, 4545, 1515, 454.5, 151.5, 45.45, 15.15, \
           4.545, 1.515, 0.4545, 0.1515, 0.04545, 0.01515, 0.004545],",
        ],
    );
    // Logistic regression solved exactly when only λ is searched: C = 1/(n·λ) for the two
    // classes of the default moons (scikit-learn's one weight vector).
    let logistic = python(&tuning("model=logistic&strategy=grid&y=none&budget=4"));
    has(
        &logistic,
        &[
            "LogisticRegression(",
            "\"logisticregression__C\": [",
            "make_pipeline(LogisticRegression(max_iter=",
        ],
    );
    has(&logistic, &["C = 1/(n·λ), n = 22 points per fit"]);
    // Selecting by the test score, the code still cross-validates (it says so): the same C.
    let by_test = python(&tuning(
        "model=logistic&strategy=grid&y=none&budget=4&select=test",
    ));
    has(
        &by_test,
        &["C = 1/(n·λ), n = 22 points per fit", "0.004545", "45450"],
    );
    // λ = 10⁻⁶ … 10 → C = 1/(22·10) … 1/(22·10⁻⁶).
    has(&logistic, &["0.004545", "45450"]);
    // Three classes: scikit-learn's multinomial, a vector per class as ParamLab: C = 1/(2·n·λ).
    let three = python(&tuning(
        "model=logistic&strategy=grid&y=none&budget=4&pattern=three",
    ));
    has(
        &three,
        &[
            "C = 1/(2·n·λ) under L2",
            "n = 22 points per fit",
            "0.002273",
            "22730",
        ],
    );
    // λ = 0, not searched: no penalty, in each estimator's own words.
    let exact = python(&tuning("model=logistic&x=lr&y=none&lambda=0"));
    has(
        &exact,
        &["SGDClassifier(loss=\"log_loss\", penalty=None, learning_rate="],
    );
    // (LogisticRegression runs only with λ searched in the lab; its constructor still says so.)
    let exact = tuning("model=logistic&lambda=0");
    let call = super::Estimator::Logistic.call(&exact, 22, 22, 2, false);
    assert_eq!(call, "LogisticRegression(C=np.inf, max_iter=300)");
    let l1 = tuning("model=logistic&lambda=0.1&reg=l1");
    let call = super::Estimator::Logistic.call(&l1, 20, 20, 2, false);
    assert!(
        call.contains("l1_ratio=1, solver=\"saga\", C=0.5, max_iter"),
        "{call}"
    );
    let net = python(&tuning("model=network&x=lr&y=none&lambda=0"));
    has(&net, &["alpha=0, batch_size="]);
    // Optuna's refit is the explicit .fit, not refit=True.
    let bayes = python(&tuning("model=tree&strategy=bayes"));
    has(
        &bayes,
        &["the .fit above refits on all the training points"],
    );
    assert!(!bayes.contains("refit=True"), "{bayes}");
    // Leave-one-out and the mistake.
    let loo = python(&tuning("model=tree&folds=all&select=test"));
    has(&loo, &["cv = LeaveOneOut()", "Do NOT pick by the test set"]);
    let tree = python(&tuning("model=tree&criterion=entropy"));
    has(&tree, &["criterion=\"entropy\""]);
}

/// ParamLab's logistic regression trained until its weights stop moving on the training points
/// of the fold whose model learns from the fewest (the n the code's conversions use), with λ the
/// middle of the grid's values; its weights (class by class) and those points' features.
fn paramlab_minimum(config: &Config, lambda: f64) -> (Vec<f64>, Vec<[f64; 3]>, Vec<usize>) {
    use crate::ml::logistic::{Logistic, LogisticHyper};
    use crate::ml::model::Samples;
    use crate::ml::optimizer::OptimizerKind;
    use crate::ml::regularization::Regularization;
    let points = crate::state::tuning_plane::PlanePoints::new(config);
    let (folds, _) = crate::state::tuning::folds(config, points.train.points.len()).unwrap();
    let fold = (0..folds.count())
        .find(|&i| folds.training(i).len() == folds.smallest_training())
        .unwrap();
    let learn = points.train.subset(&folds.training(fold));
    let hyper = LogisticHyper::new(0.3, 1, Regularization::L2, lambda, OptimizerKind::Momentum);
    let mut m = Logistic::new(hyper.unwrap(), &learn.points, learn.classes);
    for _ in 0..100_000 {
        let before = m.weights().to_vec();
        m.step();
        let moved = before.iter().zip(m.weights()).map(|(a, b)| (a - b).abs());
        if moved.fold(0.0, f64::max) < 1e-15 {
            break;
        }
    }
    let phi = learn.points.iter().map(|p| [1.0, p.x1, p.x2]).collect();
    let ys = learn.points.iter().map(|p| p.class).collect();
    (m.weights().to_vec(), phi, ys)
}

/// The numbers of a Python list or keyword in the code: `"name": [a, b, …]` or `name=a`.
fn numbers_after(code: &str, key: &str) -> Vec<f64> {
    let rest = code
        .split(key)
        .nth(1)
        .unwrap_or_else(|| panic!("no {key} in\n{code}"));
    let rest = rest.trim_start_matches('[');
    let end = rest.find([']', ',', ')', '\n']).unwrap();
    let list = if key.ends_with('[') {
        &rest[..rest.find(']').unwrap()]
    } else {
        &rest[..end]
    };
    list.split(", ")
        .map(|v| v.trim().parse().unwrap())
        .collect()
}

/// The middle value of λ in the grid of `config` (λ the only axis), and the grid's λs ascending.
fn grid_lambdas(config: &Config) -> Vec<f64> {
    let points = crate::state::tuning_plane::PlanePoints::new(config);
    let (folds, _) = crate::state::tuning::folds(config, points.train.points.len()).unwrap();
    let space = crate::state::tuning_axes::space_within(config, folds.smallest_training());
    let budget = config.number(crate::state::spec::Key::Budget) as usize;
    let mut l: Vec<f64> = (crate::tune::strategy::grid(&space, budget).iter())
        .map(|p| space.values(p)[0])
        .collect();
    l.sort_by(f64::total_cmp);
    l
}

/// The printed C is the one scikit-learn needs: its objective C·Σ(cross-entropy) + ½‖coef‖²
/// (intercepts free) has zero gradient, written out here by hand, at the weights ParamLab's own
/// training converges to. Two classes: scikit-learn's one vector v = w₁ − w₀, sigmoid
/// probabilities; the gradient is C·Σ(σ(v·φ) − y)·φ + v (intercept entry without v), which at
/// ParamLab's minimum (mean-loss gradient = −λ·v) is (1 − C·n·λ)·v: zero for C = 1/(n·λ), v/2 for
/// the 1/(2·n·λ) of three classes. Three classes: a vector per class, (1 − 2·C·n·λ)·wₖ.
#[test]
fn the_printed_c_makes_scikit_learns_objective_stationary_at_paramlabs_minimum() {
    for (pattern, classes) in [("blobs", 2), ("three", 3)] {
        let config = tuning(&format!(
            "model=logistic&strategy=grid&x=lambda&y=none&budget=5&pattern={pattern}&noise=0.8"
        ));
        let code = python(&config);
        let lambdas = grid_lambdas(&config);
        let mut cs = numbers_after(&code, "\"logisticregression__C\": [");
        cs.sort_by(|a, b| b.total_cmp(a)); // C falls as λ grows
        assert_eq!(cs.len(), lambdas.len(), "{code}");
        let i = lambdas.len() / 2;
        let (lambda, c) = (lambdas[i], cs[i]);
        assert_eq!(lambda, 0.003);
        let (w, phi, ys) = paramlab_minimum(&config, lambda);
        let n = ys.len();
        assert_eq!(n, 22);
        // Each score's weights in scikit-learn's terms: v = w₁ − w₀, or each wₖ.
        let vectors: Vec<[f64; 3]> = if classes == 2 {
            vec![[w[3] - w[0], w[4] - w[1], w[5] - w[2]]]
        } else {
            w.chunks(3).map(|c| [c[0], c[1], c[2]]).collect()
        };
        let mut worst: f64 = 0.0;
        let mut size: f64 = 0.0;
        for (k, v) in vectors.iter().enumerate() {
            let mut grad = [0.0, v[1], v[2]];
            for (f, &y) in phi.iter().zip(&ys) {
                let score = |u: &[f64; 3]| u[0] * f[0] + u[1] * f[1] + u[2] * f[2];
                let (p, target) = if classes == 2 {
                    (1.0 / (1.0 + (-score(v)).exp()), (y == 1) as u8 as f64)
                } else {
                    let total: f64 = vectors.iter().map(|u| score(u).exp()).sum();
                    (score(v).exp() / total, (y == k) as u8 as f64)
                };
                for j in 0..3 {
                    grad[j] += c * (p - target) * f[j];
                }
            }
            worst = grad.iter().fold(worst, |m, g| m.max(g.abs()));
            size = size.max(v[1].abs()).max(v[2].abs());
        }
        // C is printed to 4 significant figures: the gradient is then up to 5e-4 of the weights.
        assert!(
            worst < 1e-3 * size,
            "{pattern}: C = {c}, gradient {worst}, weights {size}\n{code}"
        );
    }
}

/// SGDClassifier's alpha for two classes: its objective, the mean cross-entropy + alpha·½‖v‖², has
/// zero gradient at ParamLab's minimum only for alpha = λ (ParamLab: (λ/2)‖v‖², see above).
#[test]
fn the_printed_sgd_alpha_makes_its_objective_stationary_at_paramlabs_minimum() {
    let config = tuning("model=logistic&x=lr&y=none&lambda=0.003&pattern=blobs&noise=0.8&opt=sgd");
    let code = python(&config);
    let alpha = numbers_after(&code, "alpha=")[0];
    let (w, phi, ys) = paramlab_minimum(&config, 0.003);
    let v = [w[3] - w[0], w[4] - w[1], w[5] - w[2]];
    let n = ys.len() as f64;
    let mut grad = [0.0, alpha * v[1], alpha * v[2]];
    for (f, &y) in phi.iter().zip(&ys) {
        let p = 1.0 / (1.0 + (-(v[0] * f[0] + v[1] * f[1] + v[2] * f[2])).exp());
        for j in 0..3 {
            grad[j] += (p - y as f64) * f[j] / n;
        }
    }
    let worst = grad.iter().fold(0.0f64, |m, g| m.max(g.abs()));
    assert!(
        worst < 1e-3 * alpha * v[1].abs().max(v[2].abs()),
        "alpha = {alpha}: {grad:?}\n{code}"
    );
    has(&code, &["alpha = λ,", "λ(‖w₀‖² + ‖w₁‖²) = (λ/2)‖v‖²"]);
}

/// SGDClassifier's printed eta0 and alpha take ParamLab's steps for two classes: two full-batch
/// epochs of ParamLab on one point (its batch is then one point, as scikit-learn's) against
/// scikit-learn's update written out by hand (plain SGD on the log-loss: v ← (1 − eta0·alpha)·v −
/// eta0·(σ(v·φ) − y)·φ, the intercept without the decay), v = w₁ − w₀.
#[test]
fn the_printed_sgd_eta0_and_alpha_take_paramlabs_steps() {
    use crate::data::classification::Point2;
    use crate::ml::logistic::{Logistic, LogisticHyper};
    use crate::ml::optimizer::OptimizerKind;
    use crate::ml::regularization::Regularization;
    let config = tuning("model=logistic&x=lr&y=none&lambda=0.003&pattern=blobs&noise=0.8&opt=sgd");
    let code = python(&config);
    let (eta0, alpha) = (
        numbers_after(&code, "eta0=")[0],
        numbers_after(&code, "alpha=")[0],
    );
    let lr = config.number(crate::state::spec::Key::LearningRate);
    assert_eq!(eta0, 2.0 * lr, "{code}");
    let point = Point2 {
        x1: 0.5,
        x2: -0.25,
        class: 1,
    };
    let hyper = LogisticHyper::new(lr, 1, Regularization::L2, 0.003, OptimizerKind::Sgd).unwrap();
    let mut m = Logistic::new(hyper, &[point], 2);
    let phi = [1.0, point.x1, point.x2];
    let mut v = [0.0; 3];
    for _ in 0..2 {
        m.step();
        let z: f64 = v.iter().zip(&phi).map(|(a, b)| a * b).sum();
        let residual = 1.0 / (1.0 + (-z).exp()) - 1.0;
        v[0] -= eta0 * residual;
        for j in 1..3 {
            v[j] = (1.0 - eta0 * alpha) * v[j] - eta0 * residual * phi[j];
        }
    }
    let w = m.weights();
    for (j, vj) in v.iter().enumerate() {
        assert!((w[3 + j] - w[j] - vj).abs() < 1e-15, "{w:?} vs {v:?}");
    }
}

/// What the code's model does otherwise, said where it matters (helper 108): the forest's two
/// differences in growing a tree, and for logistic regression that ParamLab's epochs stop short
/// of the exact fit the estimator makes, and scikit-learn 1.8's words for an L1 penalty.
#[test]
fn the_code_names_where_its_model_differs() {
    let forest = python(&tuning("model=forest"));
    has(
        &forest,
        &["counts\n# twice toward min_samples_leaf in ParamLab, once in scikit-learn"],
    );
    let logistic = python(&tuning(
        "model=logistic&strategy=grid&x=lambda&y=none&reg=l1",
    ));
    has(
        &logistic,
        &[
            "ParamLab's epochs from zero stop short of that exact fit",
            "l1_ratio=1, solver=\"saga\"",
            "(l1_ratio=1 is an L1 penalty in scikit-learn 1.8 and later; before, penalty=\"l1\".)",
        ],
    );
    assert!(!logistic.contains("penalty=\"l1\", "), "{logistic}");
}

/// The note on scikit-learn 1.8's words follows what the constructor prints: l1_ratio's under
/// L1, none where it has neither new word (the SGD estimator keeps its own `penalty`).
#[test]
fn the_penalty_words_note_follows_the_constructor() {
    let note = |query: &str| {
        let code = python(&tuning(query));
        match (code.contains("# (l1_ratio=1"), code.contains("# (C=np.inf")) {
            (true, false) => "l1",
            (false, true) => "none",
            (false, false) => "",
            _ => panic!("both notes in\n{code}"),
        }
    };
    assert_eq!(
        note("model=logistic&strategy=grid&x=lambda&y=none&reg=l1"),
        "l1"
    );
    assert_eq!(note("model=logistic&strategy=grid&x=lambda&y=none"), "");
    // (The SGD estimator keeps its own penalty argument: no note.)
    assert_eq!(note("model=logistic&x=lr&y=none&reg=l1"), "");
}
