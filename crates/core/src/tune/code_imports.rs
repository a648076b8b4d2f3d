//! The import lines of an equivalent program: exactly the names its code uses. The program is
//! written first, then each name that either program may need is imported if it appears in the
//! code (outside comments and strings), so no import is left unused and none is missing.

/// Every name the programs may use, with the module it comes from, in the order written.
const NAMES: &[(&str, &str)] = &[
    ("sklearn.model_selection", "train_test_split"),
    ("sklearn.model_selection", "KFold"),
    ("sklearn.model_selection", "LeaveOneOut"),
    ("sklearn.model_selection", "GridSearchCV"),
    ("sklearn.model_selection", "RandomizedSearchCV"),
    ("sklearn.model_selection", "cross_val_score"),
    ("sklearn.linear_model", "LinearRegression"),
    ("sklearn.linear_model", "Ridge"),
    ("sklearn.linear_model", "Lasso"),
    ("sklearn.linear_model", "SGDRegressor"),
    ("sklearn.linear_model", "LogisticRegression"),
    ("sklearn.linear_model", "SGDClassifier"),
    ("sklearn.neighbors", "KNeighborsClassifier"),
    ("sklearn.tree", "DecisionTreeClassifier"),
    ("sklearn.ensemble", "RandomForestClassifier"),
    ("sklearn.ensemble", "GradientBoostingClassifier"),
    ("sklearn.neural_network", "MLPClassifier"),
    ("sklearn.pipeline", "make_pipeline"),
    ("sklearn.preprocessing", "PolynomialFeatures"),
    ("sklearn.preprocessing", "StandardScaler"),
    ("sklearn.metrics", "mean_squared_error"),
    ("sklearn.metrics", "accuracy_score"),
];

/// The code of a program without its comments and the insides of its strings (`"…"`).
pub(super) fn code_only(program: &str) -> String {
    let mut out = String::new();
    for line in program.lines() {
        let mut in_string = false;
        for c in line.chars() {
            match c {
                '"' => in_string = !in_string,
                '#' if !in_string => break,
                _ if in_string => continue,
                _ => {}
            }
            out.push(c);
        }
        out.push('\n');
    }
    out
}

/// Whether `name` occurs in `code` as a name of its own: not part of a longer identifier and not
/// an attribute (`x.name`).
pub(super) fn uses(code: &str, name: &str) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    code.match_indices(name).any(|(i, _)| {
        let before = code[..i].chars().next_back();
        let after = code[i + name.len()..].chars().next();
        !before.is_some_and(|c| word(c) || c == '.') && !after.is_some_and(word)
    })
}

/// The import lines of `program`: numpy, pandas and Optuna as modules, the rest by name, one line per
/// module.
pub(super) fn imports(program: &str) -> String {
    let code = code_only(program);
    let mut out = String::new();
    if uses(&code, "np") {
        out.push_str("import numpy as np\n");
    }
    if uses(&code, "pd") {
        out.push_str("import pandas as pd\n");
    }
    let mut modules: Vec<(&str, Vec<&str>)> = Vec::new();
    for &(module, name) in NAMES.iter().filter(|(_, name)| uses(&code, name)) {
        match modules.iter_mut().find(|(m, _)| *m == module) {
            Some((_, names)) => names.push(name),
            None => modules.push((module, vec![name])),
        }
    }
    for (module, names) in modules {
        out.push_str(&format!("from {module} import {}\n", names.join(", ")));
    }
    if uses(&code, "optuna") {
        out.push_str("import optuna  # GPSampler needs Optuna 3.6 or later, and PyTorch\n");
    }
    out
}
