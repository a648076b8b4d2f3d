//! How a searched axis reads in scikit-learn: the pipeline parameter, Optuna's name for it and
//! the conversion of ParamLab's value into scikit-learn's (penalty strengths are scaled
//! differently: see [`super::code`] and [`super::code_plane`] for each estimator's factor).

use super::code::number;
use crate::tune::space::{Axis, Space};

/// How ParamLab's value of an axis becomes scikit-learn's.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Map {
    Same,
    /// v · factor.
    Times(f64),
    /// 1 / (factor · v).
    Inverse(f64),
    /// The first hidden layer's width: (v, the second layer's).
    Layer1(usize),
}

impl Map {
    /// v · factor, written as [`Map::Same`] when the factor is 1 (no `1 * …` in the code).
    pub(super) fn times(factor: f64) -> Self {
        if factor == 1.0 {
            Map::Same
        } else {
            Map::Times(factor)
        }
    }

    /// Scikit-learn's value of ParamLab's `v`, as a Python literal.
    pub(super) fn value(self, v: f64) -> String {
        match self {
            Map::Same => number(v),
            Map::Times(f) => sig4(v * f),
            Map::Inverse(f) => sig4(1.0 / (f * v)),
            Map::Layer1(second) => format!("({}, {second})", number(v)),
        }
    }

    /// The Python expression of scikit-learn's value from ParamLab's (`inner`).
    pub(super) fn expr(self, inner: &str) -> String {
        match self {
            Map::Same => inner.into(),
            Map::Times(f) => format!("{} * {inner}", number(f)),
            Map::Inverse(f) => format!("1 / ({} * {inner})", number(f)),
            Map::Layer1(second) => format!("({inner}, {second})"),
        }
    }
}

/// A number to four significant figures (a converted value: no 17-digit tails).
pub(super) fn sig4(v: f64) -> String {
    number(format!("{v:.3e}").parse().unwrap_or(v))
}

/// A searched axis in scikit-learn: the pipeline parameter, Optuna's name, the conversion.
pub(super) struct Param {
    pub(super) name: String,
    pub(super) short: &'static str,
    pub(super) map: Map,
}

/// The grid search of `budget` trials over `space` (the exact lattice ParamLab runs), each axis's
/// values in scikit-learn's terms, scored by `scoring`, then `result`: the same for every model.
pub(super) fn grid_search(
    space: &Space,
    params: &[Param],
    budget: usize,
    scoring: &str,
    result: &str,
) -> String {
    let points = crate::tune::strategy::grid(space, budget);
    let rows: Vec<String> = (params.iter().enumerate())
        .map(|(i, p)| {
            let mut v: Vec<f64> = points.iter().map(|q| space.values(q)[i]).collect();
            v.sort_unstable_by(f64::total_cmp);
            v.dedup();
            let v: Vec<String> = v.iter().map(|&x| p.map.value(x)).collect();
            format!("    \"{}\": [{}],", p.name, v.join(", "))
        })
        .collect();
    format!(
        "# The exact lattice ParamLab runs ({} trials of a budget of {budget}).\n\
         param_grid = {{\n{}\n}}\nsearch = GridSearchCV(model, param_grid, cv=cv, \
         scoring=\"{scoring}\")\nsearch.fit(X_train, y_train)\n{result}",
        points.len(),
        rows.join("\n")
    )
}

/// The random search of `budget` trials over `space` with `seed`, scored by `scoring`, then
/// `result`: the same for every model. Each axis is the list of its table's values in range (the
/// settings ParamLab snaps its draws to), in scikit-learn's terms. Given lists only,
/// `RandomizedSearchCV` samples settings without replacement, as ParamLab never tries one twice,
/// and `n_iter` is the budget capped to the space's settings, where ParamLab's search ends
/// (scikit-learn would cap it too, with a warning).
pub(super) fn random_search(
    space: &Space,
    params: &[Param],
    budget: usize,
    seed: u64,
    scoring: &str,
    result: &str,
) -> String {
    let rows: Vec<String> = (space.axes().iter().zip(params))
        .map(|(a, p)| format!("    \"{}\": {},", p.name, list(a, p.map)))
        .collect();
    let settings = space.settings();
    let capped = if budget > settings {
        format!("\n# A budget of {budget} is more than the {settings} settings: each runs once.")
    } else {
        String::new()
    };
    format!(
        "# The values of each control's table in its range: ParamLab's {settings} settings. It \
         snaps its\n# random draws to them and never tries a setting twice; RandomizedSearchCV \
         samples lists\n# without replacement. (Chances differ: ParamLab draws evenly along each \
         axis, then snaps.){capped}\n\
         param_distributions = {{\n{}\n}}\nsearch = RandomizedSearchCV(model, \
         param_distributions, n_iter={}, cv=cv,\n    scoring=\"{scoring}\", \
         random_state={seed})\nsearch.fit(X_train, y_train)\n{result}",
        rows.join("\n"),
        budget.min(settings)
    )
}

/// Bayesian optimization's number of trials and a comment when the budget is above the space's
/// settings: ParamLab's search ends when every setting has run (Optuna's sampler could repeat
/// one, so the Python may try fewer distinct settings).
pub(super) fn bayes_trials(space: &Space, budget: usize) -> (usize, String) {
    let settings = space.settings();
    let note = if budget > settings {
        format!(
            "# A budget of {budget} is more than the {settings} settings: ParamLab stops when \
             each has run once\n# (Optuna may repeat a setting).\n"
        )
    } else {
        String::new()
    };
    (budget.min(settings), note)
}

/// The list a random search samples an axis from, in scikit-learn's values: a run of whole
/// numbers as a `range`, other values written out one by one.
fn list(axis: &Axis, map: Map) -> String {
    let values: Vec<f64> = axis.table_values().collect();
    let (first, last) = (values[0], values[values.len() - 1]);
    let run = values.iter().all(|v| v.fract() == 0.0) && last - first + 1.0 == values.len() as f64;
    let range = format!("range({}, {})", number(first), number(last + 1.0));
    match map {
        Map::Same if run => format!("list({range})"),
        Map::Layer1(second) if run => format!("[(n, {second}) for n in {range}]"),
        _ => {
            let written: Vec<String> = values.iter().map(|&v| map.value(v)).collect();
            format!("[{}]", written.join(", "))
        }
    }
}
