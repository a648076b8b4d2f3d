//! The search part of [`super`]'s program: the grid, the lists random search samples or the
//! Optuna study over the axes, in scikit-learn's values.

use super::Param;
use crate::state::choice::StrategyKind;
use crate::state::config::Config;
use crate::tune::code::{number, suggestion};
use crate::tune::code_map::{bayes_trials, grid_search, random_search};
use crate::tune::space::{Axis, Scale, Space};
use crate::tune::strategy::Bayes;

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

/// The search call for the strategy over `space`, leaving `best_params`, `best_cv_error` and
/// `best_model`.
pub(super) fn search(
    config: &Config,
    kind: StrategyKind,
    space: &Space,
    params: &[Param],
    budget: usize,
) -> String {
    let seed = config.seed;
    let result = "best_params, best_cv_error = search.best_params_, 1 - search.best_score_\n\
                  best_model = search.best_estimator_";
    match kind {
        StrategyKind::Grid => grid_search(space, params, budget, "accuracy", result),
        StrategyKind::Random => random_search(space, params, budget, seed, "accuracy", result),
        StrategyKind::Bayes => {
            let rows: Vec<String> = (space.axes().iter().zip(params))
                .map(|(a, p)| format!("        \"{}\": {},", p.name, suggest(a, p)))
                .collect();
            let best: Vec<String> = (params.iter())
                .map(|p| {
                    let inner = format!("study.best_params[\"{}\"]", p.short);
                    format!("    \"{}\": {},", p.name, p.map.expr(&inner))
                })
                .collect();
            let initial = Bayes::default().initial();
            let (trials, capped) = bayes_trials(space, budget);
            format!(
                "# ParamLab's own: a Gaussian process with expected improvement, {initial} \
                 random trials first.\ndef objective(trial):\n    model.set_params(**{{\n{}\n    \
                 }})\n    return 1 - cross_val_score(model, X_train, y_train, cv=cv,\n        \
                 scoring=\"accuracy\").mean()\n\n\
                 study = optuna.create_study(direction=\"minimize\",\n    \
                 sampler=optuna.samplers.GPSampler(seed={seed}, n_startup_trials={initial}))\n\
                 {capped}study.optimize(objective, n_trials={trials})\n\
                 best_params, best_cv_error = study.best_params, study.best_value\n\
                 best_model = model.set_params(**{{\n{}\n}}).fit(X_train, y_train)",
                rows.join("\n"),
                best.join("\n")
            )
        }
    }
}
