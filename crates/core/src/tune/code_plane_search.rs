//! The search part of [`super`]'s program: the grid, the distributions or the Optuna study over
//! the axes, in scikit-learn's values.

use super::{Map, Param};
use crate::state::choice::StrategyKind;
use crate::state::config::Config;
use crate::state::tuning_axes::space_within;
use crate::tune::code::{distribution, number, suggestion};
use crate::tune::code_map::grid_search;
use crate::tune::space::{Axis, Scale};
use crate::tune::strategy::Bayes;

/// A scipy distribution (or a list to draw from) over an axis, in scikit-learn's values.
fn draw(a: &Axis, p: &Param) -> String {
    match p.map {
        Map::Same if a.integer() && a.scale() == Scale::Log => {
            format!("[{}]", values(a).join(", "))
        }
        Map::Same => distribution(a),
        Map::Layer1(second) => format!(
            "[(n, {second}) for n in range({}, {})]",
            number(a.min()),
            number(a.max() + 1.0)
        ),
        map => {
            let (x, y) = (map.value(a.min()), map.value(a.max()));
            let (lo, hi) = if matches!(map, Map::Inverse(_)) {
                (y, x)
            } else {
                (x, y)
            };
            format!("loguniform({lo}, {hi})")
        }
    }
}

/// The control's values within an axis, as Python literals.
fn values(a: &Axis) -> Vec<String> {
    let domain = a.key().spec().domain;
    let all = (0..domain.len()).map(|p| domain.number(p));
    all.filter(|v| (a.min()..=a.max()).contains(v))
        .map(number)
        .collect()
}

/// Optuna's suggestion of an axis, in scikit-learn's values.
fn suggest(a: &Axis, p: &Param) -> String {
    let inner = if a.integer() && a.scale() == Scale::Log {
        let (min, max) = (number(a.min()), number(a.max()));
        format!("trial.suggest_int(\"{}\", {min}, {max}, log=True)", p.short)
    } else {
        suggestion(a, p.short)
    };
    p.map.expr(&inner)
}

/// The search call for the strategy, leaving `best_params`, `best_cv_error` and `best_model`.
pub(super) fn search(
    config: &Config,
    kind: StrategyKind,
    axes: &[Axis],
    params: &[Param],
    budget: usize,
    n: usize,
) -> String {
    let seed = config.seed;
    let result = "best_params, best_cv_error = search.best_params_, 1 - search.best_score_\n\
                  best_model = search.best_estimator_";
    match kind {
        StrategyKind::Grid => {
            let space = space_within(config, n);
            grid_search(&space, params, budget, "accuracy", result)
        }
        StrategyKind::Random => {
            let rows: Vec<String> = (axes.iter().zip(params))
                .map(|(a, p)| format!("    \"{}\": {},", p.name, draw(a, p)))
                .collect();
            format!(
                "# ParamLab snaps each draw to the nearest value of the control's table and skips\n\
                 # a draw whose values an earlier trial already had.\n\
                 param_distributions = {{\n{}\n}}\nsearch = RandomizedSearchCV(model, \
                 param_distributions, n_iter={budget}, cv=cv,\n    scoring=\"accuracy\", \
                 random_state={seed})\nsearch.fit(X_train, y_train)\n{result}",
                rows.join("\n")
            )
        }
        StrategyKind::Bayes => {
            let rows: Vec<String> = (axes.iter().zip(params))
                .map(|(a, p)| format!("        \"{}\": {},", p.name, suggest(a, p)))
                .collect();
            let best: Vec<String> = (params.iter())
                .map(|p| {
                    let inner = format!("study.best_params[\"{}\"]", p.short);
                    format!("    \"{}\": {},", p.name, p.map.expr(&inner))
                })
                .collect();
            let initial = Bayes::default().initial();
            format!(
                "# ParamLab's own: a Gaussian process with expected improvement, {initial} \
                 random trials first.\ndef objective(trial):\n    model.set_params(**{{\n{}\n    \
                 }})\n    return 1 - cross_val_score(model, X_train, y_train, cv=cv,\n        \
                 scoring=\"accuracy\").mean()\n\n\
                 study = optuna.create_study(direction=\"minimize\",\n    \
                 sampler=optuna.samplers.GPSampler(seed={seed}, n_startup_trials={initial}))\n\
                 study.optimize(objective, n_trials={budget})\n\
                 best_params, best_cv_error = study.best_params, study.best_value\n\
                 best_model = model.set_params(**{{\n{}\n}}).fit(X_train, y_train)",
                rows.join("\n"),
                best.join("\n")
            )
        }
    }
}
