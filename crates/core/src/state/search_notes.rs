//! The Tuning lab's sentences about the search itself: why it plans fewer trials than its
//! budget, which trials diverged, what the faint landscape and the surrogate show, how the test
//! points are kept from choosing (or, when they choose, that they no longer judge fairly), what
//! leave-one-out's spread means and how the strategies compare.

use super::choice::StrategyKind;
use super::compare_note::comparison_note;
use super::config::Config;
use super::tuning::{
    by_test, trial_epochs, Tuning, COMPARED, COMPARE_SEEDS, FRESH_POINTS, TRIAL_EPOCHS,
};
use crate::format::{count, short, thousands};
use crate::tune::cv::{diverged, MeanSd};
use crate::tune::search::Search;
use crate::tune::strategy::{grid_side, Strategy};

/// Why a search plans fewer trials than its budget, said before it runs; `None` when it spends
/// the whole budget. A grid is cut to the largest square lattice within the budget, which may
/// leave settings of the space untried (helper 74: "every distinct setting this strategy can
/// try" for 9 of 300 settings, where what ran out was the square grid, not the space).
pub fn fewer_note(search: &Search) -> Option<String> {
    let (planned, budget) = (search.planned(), search.budget());
    if planned >= budget {
        return None;
    }
    let settings = search.space().settings();
    Some(match search.strategy() {
        Strategy::Grid if planned < settings => {
            let dims = search.space().dims();
            let side = grid_side(dims, budget);
            format!(
                "A grid of {side} values an axis is the largest whose {} points fit the budget \
                 of {budget}: {planned} distinct settings of the space's {settings}. Random \
                 search or Bayesian optimization spends the whole budget.",
                side.pow(dims as u32)
            )
        }
        _ => format!(
            "The space has {planned} distinct settings, each tried once: the budget allows \
             {budget}."
        ),
    })
}

/// The trials whose model diverged, by number, and why they can never be chosen; `None` when
/// none did.
pub fn diverged_note(search: &Search) -> Option<String> {
    let blown = search.diverged();
    if blown.is_empty() {
        return None;
    }
    let numbers: Vec<String> = blown.iter().map(|i| (i + 1).to_string()).collect();
    let many = numbers.len() > 1;
    Some(format!(
        "Diverged: trial{} {} — a model's training loss exploded there (the learning rate is \
         too high for those settings), so {} no error and can never be chosen.",
        if many { "s" } else { "" },
        numbers.join(", "),
        if many { "they have" } else { "it has" },
    ))
}

/// What the faint landscape under the trials is: while it is computed, how far along; once
/// done, where its lowest lies (the picture's shape in words, for a reader who cannot see it;
/// helper 97), the heat map's colour key (it has no other) and where a model diverged.
/// `measure`: "cross-validated error" or "test error".
pub fn landscape_status(state: &Tuning, measure: &str) -> String {
    let (land, space) = (&state.landscape, state.search.space());
    if !land.is_done() {
        return format!(
            "Computing the exact {measure} in the background: {} of {} values.",
            land.errors.len(),
            land.points.len()
        );
    }
    let lowest = land.lowest().map_or(String::new(), |(error, at, tied)| {
        let values = space.values(&land.points[at]);
        let tied = match tied {
            0 => String::new(),
            n => format!(
                " ({} tie with it)",
                count(n, "other setting", "other settings")
            ),
        };
        format!(
            " Its lowest, {}, is at {}{tied}.",
            short(error),
            space.describe(&values)
        )
    });
    let finite = land.errors.iter().filter(|e| !e.diverged()).map(|e| e.mean);
    let (low, high) = finite.fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), e| {
        (l.min(e), h.max(e))
    });
    let key = match space.dims() == 2 && low <= high {
        true => format!(
            " Deeper blue is lower: from {} (deepest) to {} (palest), on a log scale.",
            short(low),
            short(high)
        ),
        false => String::new(),
    };
    let blown = match (
        land.errors.iter().filter(|e| e.diverged()).count(),
        space.dims(),
    ) {
        (0, _) => String::new(),
        (n, 1) => format!(
            " At {n} of them a model diverged: no error, a ✕ in the band labelled diverged, \
             above the top gridline."
        ),
        (n, _) => format!(" At {n} of them (grey) a model diverged: no error."),
    };
    format!(
        "Behind the trials: the exact {measure} at {} values, for comparison; the search sees \
         only its own trials.{lowest}{key}{blown}",
        land.points.len()
    )
}

/// How the test points stand to the search: locked away while the folds choose (and how each
/// fold's model trains), or, selecting by the test score, a warning that they no longer judge
/// fairly and that the result checks the choice on fresh points.
pub fn test_set_note(state: &Tuning) -> String {
    let (train, test) = state.split_sizes();
    let config: &Config = &state.config;
    if by_test(config) {
        return format!(
            "⚠ Selecting by the test score: every trial trains on the {train} training points \
             and is scored on the {test} test points, which then choose. The chosen test score \
             is no longer a fair estimate; the result checks it on {} fresh points.",
            thousands(FRESH_POINTS as u64)
        );
    }
    let training = match (config.tuned(), trial_epochs(config)) {
        // (Measured: tuning_tests.rs, a_trials_epochs_stop_short_….)
        (None, _) => format!(
            "each fold's model trains {TRIAL_EPOCHS} epochs from zero: a low degree reaches its \
             minimum, a high one stops short of it, which holds it back as early stopping does."
        ),
        // (Helper 94: λ ≤ 10⁻³ tied with the logistic search's best, all at 300 epochs of Adam
        // at 0.01, while fitted to the minimum they differ.)
        (Some(_), Some(epochs)) => format!(
            "each fold's model trains {epochs} epochs from zero, as its lab's validation curve \
             does: at a small learning rate that stops short of the minimum, which holds the \
             weights back as a penalty would, so small values of λ can tie. The error is the \
             error rate (1 − accuracy)."
        ),
        (Some(_), None) => "each fold's model is trained as its lab trains it. The error is the \
                            error rate (1 − accuracy)."
            .to_string(),
    };
    format!(
        "The {test} test points are locked away: the test set is not used to choose. Only the \
         {train} training points are cut into folds; {training}"
    )
}

/// What Bayesian optimization's picture shows of its surrogate: on two axes, the expected
/// improvement's map beside the search space, with its colour key (helper 88 found no scale to
/// read a shade by; `top` is its deepest shade, 0 when there is none); on one, the mean ± sd band
/// and the expected improvement's stems below.
pub fn surrogate_note(dims: usize, top: f64, measure: &str) -> String {
    if dims != 2 {
        return "Orange-red: the Gaussian-process surrogate fitted to the trials (mean ± sd) and, \
                below, its expected improvement (EI) at each setting not yet tried. After the \
                first random trials, the next trial goes to the tallest (the dot marked next)."
            .into();
    }
    let key = match top > 0.0 {
        true => format!(
            " White is 0; the deepest, {}, is the largest expected improvement: how much, on \
             average, the surrogate expects a trial there to lower the best {measure} so far.",
            short(top)
        ),
        false => String::new(),
    };
    format!(
        "Beside the map, over the same square: the expected improvement (EI) of the \
         Gaussian-process surrogate of the trials, darker where larger.{key} After the first \
         random trials, the next trial goes to the untried setting of largest EI (black ring; \
         orange: best so far)."
    )
}

/// What the best-so-far chart's dashed lines are, once the three strategies are compared on the
/// landscape, with the comparison's reading ([`comparison_note`]); until then, when they will be.
pub fn compare_status(state: &Tuning, comparison: &[(StrategyKind, Vec<MeanSd>)]) -> String {
    if comparison.len() < COMPARED.len() {
        return "The three strategies are compared once the landscape is done.".into();
    }
    let scores = match by_test(&state.config) {
        true => "test scores",
        false => "cross-validation",
    };
    let runs: Vec<usize> = (comparison.iter())
        .map(|(kind, _)| state.planned_by(*kind))
        .collect();
    let said = comparison_note(comparison, &runs, COMPARE_SEEDS)
        .map(|n| format!(" {n}"))
        .unwrap_or_default();
    format!(
        "The three strategies with this budget, each on {COMPARE_SEEDS} seeds, scored on the \
         landscape (the same {scores}, no new training).{said}"
    )
}

/// Leave-one-out's folds hold one point each, so their spread is large whatever the model
/// (helper 79: its "± sd" larger than its mean, with no word why).
pub fn loo_note(config: &Config) -> &'static str {
    match config.tuned() {
        Some(_) => {
            "Leave-one-out: each fold holds out one point, so its error is 0 or 1. The sd \
                    across the folds is large whatever the model, often larger than the mean: \
                    compare the means."
        }
        None => {
            "Leave-one-out: each fold holds out one point, so its error is that point's \
                 squared error alone. The sd across the folds is large whatever the model, often \
                 larger than the mean: compare the means."
        }
    }
}

/// Why the best-so-far chart draws no line: every trial shown so far diverged (helper 109: empty
/// axes under a legend, with no word why), and, once compared, every strategy's trials too.
/// `None` while some line is drawn, or before the first trial.
pub fn no_line_note<'a>(
    best_so_far: &[f64],
    compared: impl IntoIterator<Item = &'a [f64]>,
) -> Option<String> {
    let none = |errors: &[f64]| errors.iter().all(|e| diverged(*e));
    if best_so_far.is_empty() || !none(best_so_far) {
        return None;
    }
    let mut any = false;
    let all_none = compared.into_iter().inspect(|_| any = true).all(none);
    let strategies = match any && all_none {
        true => ", nor for the strategies compared",
        false => "",
    };
    Some(format!(
        "No line for this search{strategies}: every trial so far diverged, and a trial that \
         diverged has no error to be the best."
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::url::decode;

    fn tuning(query: &str) -> Tuning {
        let (config, notices) = decode(query);
        Tuning::new(config, notices)
    }

    /// A grid of budget 10 over two axes is 3 × 3: 9 settings, fewer than the space offers, and
    /// the note says the grid, not the space, ran out. One axis of 15 degrees and a budget of 20:
    /// the space itself runs out.
    #[test]
    fn a_search_says_why_it_plans_fewer_trials_than_its_budget() {
        let grid = tuning("lab=tuning&strategy=grid&budget=10");
        assert_eq!(grid.search.planned(), 9);
        let note = fewer_note(&grid.search).unwrap();
        assert!(note.starts_with("A grid of 3 values an axis is the largest whose 9 points fit the budget of 10: 9 distinct settings"), "{note}");
        let whole = tuning("lab=tuning&strategy=random&budget=10");
        assert_eq!(fewer_note(&whole.search), None);
    }

    /// Before any trial nothing has diverged; the locked note counts the split's points, and
    /// selecting by the test score warns instead.
    #[test]
    fn the_test_points_are_locked_unless_they_choose() {
        let locked = tuning("lab=tuning");
        assert_eq!(diverged_note(&locked.search), None);
        let (train, test) = locked.split_sizes();
        let note = test_set_note(&locked);
        assert!(
            note.starts_with(&format!("The {test} test points are locked away")),
            "{note}"
        );
        assert!(note.contains(&format!(
            "Only the {train} training points are cut into folds"
        )));
        let unlocked = tuning("lab=tuning&select=test");
        assert!(
            by_test(&unlocked.config),
            "the link selects by the test score"
        );
        assert!(test_set_note(&unlocked).starts_with("⚠ Selecting by the test score"));
    }

    /// While the landscape is computed the status counts its values; it is not done at the
    /// start.
    #[test]
    fn the_landscape_status_counts_its_values_until_done() {
        let state = tuning("lab=tuning");
        assert!(!state.landscape.is_done());
        let status = landscape_status(&state, "cross-validated error");
        assert_eq!(
            status,
            format!(
                "Computing the exact cross-validated error in the background: 0 of {} values.",
                state.landscape.points.len()
            )
        );
    }

    /// The two-axis note gives the map's deepest shade as a number, and none when every
    /// expected improvement is 0; one axis speaks of the band and the stems.
    #[test]
    fn the_surrogate_note_keys_the_map_by_its_deepest_shade() {
        let two = surrogate_note(2, 0.0123, "cross-validated error");
        assert!(
            two.contains("the deepest, 0.0123, is the largest expected improvement"),
            "{two}"
        );
        assert!(!surrogate_note(2, 0.0, "test error").contains("deepest"));
        assert!(surrogate_note(1, 0.5, "test error")
            .starts_with("Orange-red: the Gaussian-process surrogate"));
    }

    /// A search whose trials all diverged draws no line, and says so; one finite trial draws it.
    #[test]
    fn a_chart_with_no_line_says_why() {
        let inf = f64::INFINITY;
        assert_eq!(no_line_note(&[], []), None);
        assert_eq!(no_line_note(&[inf, 0.3], []), None);
        assert_eq!(
            no_line_note(&[inf, inf], [&[inf][..], &[inf]]).as_deref(),
            Some(
                "No line for this search, nor for the strategies compared: every trial so far \
                 diverged, and a trial that diverged has no error to be the best."
            )
        );
        let note = no_line_note(&[inf], [&[inf, 0.2][..]]).unwrap();
        assert!(note.starts_with("No line for this search:"), "{note}");
    }
}
