//! How a searched axis reads in scikit-learn: the pipeline parameter, Optuna's name for it and
//! the conversion of ParamLab's value into scikit-learn's (penalty strengths are scaled
//! differently: see [`super::code`] and [`super::code_plane`] for each estimator's factor).

use super::code::number;

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
    space: &crate::tune::space::Space,
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
