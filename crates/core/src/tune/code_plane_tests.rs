//! The equivalent code of every model on the plane, under every strategy, names its estimator,
//! each axis's parameter with the lab's values, the folds and the seed, and reads as Python.

use crate::state::config::Config;
use crate::state::url::decode;
use crate::tune::code::python;

fn tuning(query: &str) -> Config {
    let (config, notices) = decode(&format!("lab=tuning&{query}"));
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
            .find(|l| l.contains(bad) && !l.contains("penalty=None"));
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
                "random" => has(&code, &["n_iter=9, cv=cv", "random_state=17)"]),
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
    // k: 1 … the smallest fold's training points (28 training points, 5 folds: 22).
    let knn = python(&tuning("model=knn&strategy=random"));
    has(
        &knn,
        &["\"kneighborsclassifier__n_neighbors\": randint(1, 23),"],
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
    // The network: learning rate 10⁻³ … 1; alpha = 2·b·λ with b = 22 (full batch of a fold).
    let net = python(&tuning("model=network&strategy=random"));
    has(
        &net,
        &["\"mlpclassifier__learning_rate_init\": loguniform(0.001, 1),"],
    );
    has(
        &net,
        &[
            "\"mlpclassifier__alpha\": loguniform(4.4e-5, 440),",
            "batch_size=\"auto\"",
        ],
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
    // Logistic regression solved exactly when only λ is searched: C = 1/(2·n·λ).
    let logistic = python(&tuning("model=logistic&strategy=grid&y=none&budget=4"));
    has(
        &logistic,
        &[
            "LogisticRegression(",
            "\"logisticregression__C\": [",
            "make_pipeline(LogisticRegression(max_iter=",
        ],
    );
    has(
        &logistic,
        &["C = 1/(2·n·λ) under L2", "n = 22 points per fit"],
    );
    // λ = 10⁻⁶ … 10 → C = 1/(44·10) … 1/(44·10⁻⁶).
    has(&logistic, &["0.002273", "22730"]);
    // λ = 0, not searched: no penalty, in each estimator's own words.
    let exact = python(&tuning("model=logistic&x=lr&y=none&lambda=0"));
    has(
        &exact,
        &["SGDClassifier(loss=\"log_loss\", penalty=None, learning_rate="],
    );
    // (LogisticRegression runs only with λ searched in the lab; its constructor still says so.)
    let exact = tuning("model=logistic&lambda=0");
    let call = super::Estimator::Logistic.call(&exact, 22, 22, false);
    assert_eq!(call, "LogisticRegression(penalty=None, max_iter=300)");
    let l1 = tuning("model=logistic&lambda=0.1&reg=l1");
    let call = super::Estimator::Logistic.call(&l1, 20, 20, false);
    assert!(
        call.contains("penalty=\"l1\", solver=\"saga\", C=0.5, max_iter"),
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
