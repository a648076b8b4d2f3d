//! Why the best trial is the best when others read the same. The trials table shows each error
//! as [`short`] rounds it, so two trials can read alike ("0.0492 ± 0.016") with only one marked
//! best. [`Search::best`] takes the lowest error unrounded, and of those that tie with it (equal
//! but for the last bits, [`ties`]) the first tried; this note says which of the two decided.

use super::choice::ModelKind;
use super::config::Config;
use super::sweep::{flexibility, votes_only};
use super::tuning::{by_test, Tuning};
use crate::format::{decimals_apart, short};
use crate::ml::plane_model::PlaneHyper;
use crate::ml::tree::TreeHyper;
use crate::tune::cv::ties;
use crate::tune::search::{Search, Trial};

/// A note under the trials table when other trials' errors read the same as the best's: their
/// numbers to more digits where the best's is lower, and the first-tried rule where they tie;
/// `None` when no other trial reads the same. `by_test`: the errors are test errors (one per
/// trial), not means over the folds.
pub fn tie_note(search: &Search, by_test: bool, one_class: bool) -> Option<String> {
    let trials = search.trials();
    let best = search.best()?;
    let at = trials.iter().position(|t| std::ptr::eq(t, best))?;
    let (mean, shown) = (best.error.mean, short(best.error.mean));
    let alike: Vec<usize> = (0..trials.len())
        .filter(|&i| i != at && short(trials[i].error.mean) == shown)
        .collect();
    if alike.is_empty() {
        return None;
    }
    let (equal, higher): (Vec<usize>, Vec<usize>) = alike
        .iter()
        .partition(|&&i| ties(trials[i].error.mean, mean));
    let error = if by_test {
        "test error"
    } else {
        "mean CV error"
    };
    let first_tried = "a tie goes to the first tried";
    if higher.is_empty() {
        let mut note = format!(
            "{} {} the same {error} as the best (trial {}): {first_tried}.",
            trial_list(&equal),
            if equal.len() == 1 { "has" } else { "have" },
            at + 1
        );
        // (Not when the training points are all of one class: there is nothing to overlap, and
        // the folds note says why every trial scores the same; helper 94.)
        if mean == 0.0 && !one_class {
            note.push_str(&clean_data(by_test));
        }
        return Some(note);
    }
    let values: Vec<f64> = higher.iter().map(|&i| trials[i].error.mean).collect();
    let decimals = decimals_apart(mean, &values);
    let others: Vec<String> = (higher.iter().zip(&values))
        .map(|(i, v)| format!("{v:.decimals$} (trial {})", i + 1))
        .collect();
    let mut note = format!(
        "{} also {} {shown}, as the best (trial {}) does. With more digits, the best's {error} \
         is lower: {mean:.decimals$} against {}.",
        trial_list(&alike),
        if alike.len() == 1 { "reads" } else { "read" },
        at + 1,
        others.join(", ")
    );
    // Helper 83: 0.049167 against 0.049241 is no real difference beside folds that spread by
    // ± 0.016.
    let widest = values.iter().fold(0.0f64, |w, v| w.max(v - mean));
    if !by_test && widest < 0.1 * best.error.sd {
        note.push_str(&format!(
            " That is far below the folds' spread (± {}): in effect a tie.",
            short(best.error.sd)
        ));
    }
    if !equal.is_empty() {
        note.push_str(&format!(
            " {} {} with it: {first_tried}.",
            trial_list(&equal),
            if equal.len() == 1 { "ties" } else { "tie" }
        ));
    }
    Some(note)
}

/// Why trials tie at error 0: each got every held-out (or test) point right, so those points
/// cannot rank them; noise that makes the classes overlap gives them mistakes to differ by
/// (k-NN on the
/// 40 moons: k = 1 … 5 all score 0 at noise 0.2, and 0.14 … 0.33 at noise 0.4).
fn clean_data(by_test: bool) -> String {
    let points = if by_test { "test" } else { "held-out" };
    format!(
        " At error 0 each of them gets every {points} point right, so these points cannot tell \
         them apart: among these points the classes barely overlap (fresh points may still hold \
         mistakes: the result says how many). With more Noise they overlap more, and the \
         settings differ."
    )
}

/// Why trees tie when Max depth is all they differ in (helper 82: depths 6, 10 and 15 read the
/// same, and the note said only that a tie goes to the first tried): once the search is done, if
/// the best and every trial that ties with it are trees alike but for Max depth, those whose
/// depth is at or above the one their trees stop growing at without a limit
/// ([`super::tuning::Outcome::grown_depth`]) grow the very same trees; shallower ones are cut short and score
/// the same by chance.
pub fn same_trees_note(state: &Tuning) -> Option<String> {
    let grown = state.outcome.as_ref()?.grown_depth?;
    let search = &state.search;
    let best = search.best()?;
    let trials = search.trials();
    let group: Vec<usize> = (0..trials.len())
        .filter(|&i| ties(trials[i].error.mean, best.error.mean))
        .collect();
    let hypers: Vec<TreeHyper> = (group.iter())
        .map(|&i| tree_hyper(state, &trials[i]))
        .collect::<Option<_>>()?;
    if group.len() < 2
        || hypers
            .iter()
            .any(|h| h.unlimited() != hypers[0].unlimited())
    {
        return None;
    }
    let deep = |(_, h): &(usize, TreeHyper)| h.max_depth().is_none_or(|d| d >= grown);
    let (same, short): (Vec<_>, Vec<_>) = group.into_iter().zip(hypers).partition(deep);
    let (same, short): (Vec<usize>, Vec<usize>) = (
        same.into_iter().map(|p| p.0).collect(),
        short.into_iter().map(|p| p.0).collect(),
    );
    if same.len() < 2 {
        return None;
    }
    let mut note = format!(
        " Max depth is all they differ in. Without a depth limit {} (every leaf pure or \
         unsplittable), so from {grown} up every Max depth grows the same trees",
        stops(&state.config, grown)
    );
    let best_at = trials.iter().position(|t| std::ptr::eq(t, best));
    if short.is_empty() {
        note.push('.');
    } else if short.len() == 1 && best_at == Some(short[0]) {
        // The others are the list the note began with (helper 83 read it twice).
        note.push_str(&format!(
            ": all of them but the best (trial {}), whose shallower limit stops its trees a \
             level or more short; it still scores the same.",
            short[0] + 1
        ));
    } else {
        note.push_str(&format!(
            " ({}); {}, shallower, {} cut short and still {} the same.",
            trial_list(&same).to_lowercase(),
            trial_list(&short).to_lowercase(),
            if short.len() == 1 { "is" } else { "are" },
            if short.len() == 1 { "scores" } else { "score" },
        ));
    }
    Some(note)
}

/// Trees that grow alike where none ties with the best (helper 84: selecting by the test score,
/// depths 7 … 15 read the same nine times below a best at depth 6, and nothing said why): the
/// trials set as the best is but for a Max depth at or above the one its trees stop growing at
/// without a limit ([`super::tuning::Outcome::grown_depth`]) grow the very same trees. `None` when fewer than
/// two such trials, or when they tie with the best ([`same_trees_note`] then says it).
///
/// [`Outcome::grown_depth`]: super::tuning::Outcome::grown_depth
pub fn unreached_depth_note(state: &Tuning) -> Option<String> {
    let grown = state.outcome.as_ref()?.grown_depth?;
    let search = &state.search;
    let best = search.best()?;
    let tree = |t: &Trial| tree_hyper(state, t);
    let unlimited = tree(best)?.unlimited();
    let trials = search.trials();
    let same: Vec<usize> = (0..trials.len())
        .filter(|&i| {
            tree(&trials[i]).is_some_and(|h| {
                h.unlimited() == unlimited && h.max_depth().is_none_or(|d| d >= grown)
            })
        })
        .collect();
    let error = trials.get(*same.first()?)?.error.mean;
    if same.len() < 2
        || same.iter().any(|&i| trials[i].error.mean != error)
        || ties(error, best.error.mean)
    {
        return None;
    }
    Some(format!(
        "{} read the same because they are the same trees: Max depth is all they differ in, \
         and without a depth limit {} (every leaf pure or unsplittable), so from {grown} up \
         every Max depth grows the same trees. A limit the trees never reach changes nothing.",
        trial_list(&same),
        stops(&state.config, grown)
    ))
}

/// A trial's decision-tree hyperparameters, or `None` if its model is no tree.
fn tree_hyper(state: &Tuning, trial: &Trial) -> Option<TreeHyper> {
    let config = state.search.space().apply(&state.config, &trial.point);
    match config.plane_hyper() {
        PlaneHyper::Tree(h) => Some(h),
        _ => None,
    }
}

/// Where the trees stop without a depth limit, as the notes say it.
fn stops(config: &Config, grown: usize) -> String {
    if by_test(config) {
        format!("the tree on all the training points stops at depth {grown}")
    } else {
        format!("every fold's tree stops by depth {grown}")
    }
}

/// Which other trials the folds cannot tell from the best, once a cross-validated search is done
/// (helper 84: "in effect a tie" was said only of trials whose error reads the same as the best's,
/// and 0.05 beside a best of 0.0492 ± 0.016 was left to look worse). The labs' validation curve
/// uses the same yardstick ([`super::curve_note`]): one standard error of the best's mean, the
/// folds' spread over √folds, and for an error rate at least one training point's share. `None`
/// selecting by the test score, before the end, or when no other trial is that close.
pub fn near_note(state: &Tuning) -> Option<String> {
    state.outcome.as_ref()?;
    if by_test(&state.config) {
        return None;
    }
    let folds = state.folds.as_ref().ok()?;
    let plane = state.config.tuned();
    let samples = plane.is_some().then(|| folds.samples());
    near(&state.search, folds.count(), samples, plane)
}

/// The end of [`near`]'s sentence: the one-standard-error rule's pick among the best and the
/// trials `close` to it, the simplest along the searched controls that set how flexible the
/// model is (of candidates alike there, the lowest error, and at equal errors a forest's more
/// trees). Named only where one is simplest
/// along every such control; said so where no searched control sets it.
fn simplest(search: &Search, plane: Option<ModelKind>, close: &[usize]) -> String {
    let axes: Vec<(usize, bool)> = (search.space().axes().iter().enumerate())
        .filter_map(|(i, a)| flexibility(a.key(), plane).map(|up| (i, up)))
        .collect();
    let rule = "the one-standard-error rule takes the simplest model within one standard error \
                of the best rather than the lowest estimate";
    if axes.is_empty() {
        let labels: Vec<&str> = (search.space().axes().iter())
            .map(|a| a.key().spec().label)
            .collect();
        let verb = if labels.len() == 1 { "does" } else { "do" };
        let labels = labels.join(" and ");
        return format!(
            "may do as well on new points. The one-standard-error rule, which takes the \
             simplest model within one standard error of the best, has no simplest here: \
             {labels} {verb} not set how flexible the model is."
        );
    }
    let trials = search.trials();
    let best = search.best().map_or(0, |b| {
        (trials.iter().position(|t| std::ptr::eq(t, b))).unwrap_or(0)
    });
    // How flexible a trial is, each control signed so that lower is simpler.
    let form = |i: usize| -> Vec<f64> {
        (axes.iter())
            .map(|&(a, up)| if up { 1.0 } else { -1.0 } * trials[i].values[a])
            .collect()
    };
    let mut candidates: Vec<usize> = std::iter::once(best).chain(close.iter().copied()).collect();
    // A forest's trees only add votes, steadier the more: at equal errors the more trees
    // (helper 88: of two forests of depth 5 with equal errors, the rule's pick was the one of 3
    // trees rather than of 20, the first listed).
    let votes =
        plane.and_then(|m| (search.space().axes().iter()).position(|a| votes_only(a.key(), m)));
    let trees = |i: usize| votes.map_or(0.0, |a| trials[i].values[a]);
    candidates.sort_by(|&a, &b| {
        (trials[a].error.mean.total_cmp(&trials[b].error.mean)).then(trees(b).total_cmp(&trees(a)))
    });
    // Of candidates alike in form, the lowest error (the first after the sort).
    let mut alike: Vec<usize> = Vec::new();
    for &c in &candidates {
        if !alike.iter().any(|&a| form(a) == form(c)) {
            alike.push(c);
        }
    }
    let simpler = |a: usize, b: usize| {
        let (fa, fb) = (form(a), form(b));
        fa != fb && fa.iter().zip(&fb).all(|(x, y)| x <= y)
    };
    let mut simplest: Vec<usize> = (alike.iter().copied())
        .filter(|&c| !alike.iter().any(|&o| simpler(o, c)))
        .collect();
    simplest.sort_unstable();
    match simplest.as_slice() {
        [one] if *one == best => format!(
            "may do as well on new points: {rule}, and here that is the best itself (trial \
                 {}): none near it is simpler.",
            best + 1
        ),
        [one] => {
            // Why this one of trials alike in form (helper 94: trial 14 named, not trial 6 of
            // the same λ, with no word of why).
            let twins: Vec<usize> = (candidates.iter().copied())
                .filter(|&c| c != *one && form(c) == form(*one))
                .collect();
            let error = |i: usize| trials[i].error.mean;
            let why = if twins.is_empty() {
                ""
            } else if twins.iter().all(|&t| error(*one) < error(t)) {
                "; of the trials as simple, the one of lowest error"
            } else if votes.is_some() {
                "; of the trials as simple and as good, the one of most trees"
            } else {
                ""
            };
            format!(
                "may do as well on new points: {rule}, here trial {} ({}){why}.",
                one + 1,
                search.space().describe(&trials[*one].values)
            )
        }
        // (Helper 98: "each simpler along one axis" named a trial simplest on neither; each is
        // one that no trial near the best beats on every axis.)
        several => format!(
            "may do as well on new points. The one-standard-error rule takes the simplest \
                 model within one standard error of the best, and here {} trade one axis for \
                 another (no trial near the best is simpler than {} on every axis): which counts \
                 as simplest is for you to choose.",
            trial_list(several).replacen("Trials", "trials", 1),
            if several.len() == 2 {
                "either"
            } else {
                "any of them"
            }
        ),
    }
}

/// [`near_note`]'s sentence for a search cross-validated on `folds` folds; `samples`: the
/// training points when the errors are rates, whose standard error is at least one point's share.
fn near(
    search: &Search,
    folds: usize,
    samples: Option<usize>,
    plane: Option<ModelKind>,
) -> Option<String> {
    let best = search.best()?;
    let spread = best.error.sd / (folds.max(1) as f64).sqrt();
    let one_point = samples.map_or(0.0, |n| 1.0 / n.max(1) as f64);
    let standard_error = spread.max(one_point);
    let trials = search.trials();
    let close: Vec<usize> = (0..trials.len())
        .filter(|&i| !std::ptr::eq(&trials[i], best) && !trials[i].error.diverged())
        .filter(|&i| trials[i].error.mean <= best.error.mean + standard_error)
        .collect();
    if close.is_empty() {
        return None;
    }
    let yardstick = match samples {
        // (Helper 98: "one training point's share" read as the standard error itself; it is a
        // floor, the smallest step an error rate takes.)
        Some(n) if spread < one_point => format!(
            "the best's folds' spread over √{folds}, raised to a floor of one training point's \
             share, 1/{n}, the smallest step an error rate takes"
        ),
        _ => format!("the best's folds' spread over √{folds}"),
    };
    let one = close.len() == 1;
    let which = if close.len() <= 8 {
        trial_list(&close)
    } else if close.len() == trials.len() - 1 {
        format!("All {} other trials", close.len())
    } else {
        format!("{} of the other {} trials", close.len(), trials.len() - 1)
    };
    let (verb, them) = if one {
        ("is", "it")
    } else {
        ("are", "any of them")
    };
    // Where the rounded figures would misplace a trial (helper 98: 0.0492 + 0.0073 reads 0.0565,
    // a trial at 0.0565 was left out: the cut is 0.05644), the cut itself, to six decimals, said
    // to be the sum before rounding (helper 100: "0.0492 + 0.0073 = 0.056425" read as a sum that
    // does not add up).
    let shown = |v: f64| short(v).parse::<f64>().unwrap_or(v);
    let shown_cut = shown(best.error.mean) + shown(standard_error);
    let misplaced = (0..trials.len())
        .filter(|&i| !std::ptr::eq(&trials[i], best) && !trials[i].error.diverged())
        .any(|i| (shown(trials[i].error.mean) <= shown_cut + 1e-12) != close.contains(&i));
    let cut = if misplaced {
        let exact = format!("{:.6}", best.error.mean + standard_error);
        format!(", which is {} before rounding", exact.trim_end_matches('0'))
    } else {
        String::new()
    };
    Some(format!(
        "{which} {verb} within one standard error of the best ({} + {}{cut}: {yardstick}). The \
         folds cannot tell {} from the best, and {them} {}",
        short(best.error.mean),
        short(standard_error),
        if one { "it" } else { "these" },
        simplest(search, plane, &close),
    ))
}

/// "Trial 3", "Trials 3 and 5", "Trials 3, 5 and 8" (`indices` from 0).
fn trial_list(indices: &[usize]) -> String {
    let numbers: Vec<String> = indices.iter().map(|i| (i + 1).to_string()).collect();
    match numbers.split_last() {
        Some((last, [])) => format!("Trial {last}"),
        Some((last, rest)) => format!("Trials {} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::spec::Key;
    use crate::tune::cv::MeanSd;
    use crate::tune::space::{Axis, Scale, Space};
    use crate::tune::strategy::Strategy;
    use crate::tune::toy::k_search as search;

    /// By hand: best 0.0492 ± 0.016 over 5 folds, one standard error 0.016 / √5 = 0.00716, so
    /// the cut is 0.056355: 0.05 and 0.0563 are in, 0.0564 and a diverged trial are out. Rounded,
    /// the cut would read 0.0492 + 0.0072 = 0.0564, and the sentence gives it exactly.
    #[test]
    fn trials_within_one_standard_error_of_the_best_are_named() {
        let s = search(&[0.0564, 0.05, 0.0492, 0.0563, crate::tune::cv::DIVERGED]);
        assert_eq!(
            near(&s, 5, None, Some(ModelKind::Knn)).unwrap(),
            "Trials 2 and 4 are within one standard error of the best (0.0492 + 0.0072, \
             which is 0.056355 before rounding: the best's folds' spread over √5). The folds cannot tell these from the best, and any \
             of them may do as well on new points: the one-standard-error rule takes the \
             simplest model within one standard error of the best rather than the lowest \
             estimate, and here that is the best itself (trial 3): none near it is simpler."
        );
        // Ten folds: 0.016 / √10 = 0.00506, so only 0.05 is left.
        assert!(near(&s, 10, None, Some(ModelKind::Knn))
            .unwrap()
            .starts_with(
                "Trial 2 is within one standard error \
             of the best (0.0492 + 0.0051: the best's folds' spread over √10). The folds cannot \
             tell it from the best, and it may do"
            ));
        // An error rate on 20 points: one point's share, 0.05, is wider than the folds' spread.
        assert!(near(&s, 5, Some(20), Some(ModelKind::Knn))
            .unwrap()
            .contains("(0.0492 + 0.05: the best's folds' spread over √5, raised to a floor of one training point's share, 1/20, the smallest step an error rate takes)"));
        // Nobody close, and a crowd counted rather than listed.
        let far = search(&[0.1, 0.2, 0.3]);
        assert_eq!(near(&far, 5, None, Some(ModelKind::Knn)), None);
        let crowd = search(&[0.05; 10]);
        assert!(near(&crowd, 5, None, Some(ModelKind::Knn))
            .unwrap()
            .starts_with("All 9 other trials are within"));
        let more = search(&[
            0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.3,
        ]);
        assert!(near(&more, 5, None, Some(ModelKind::Knn))
            .unwrap()
            .starts_with("9 of the other 10 trials are within"));
    }

    /// Rounded, 0.0492 + 0.0073 reads 0.0565, and a trial at 0.05648 (shown 0.0565) lies above
    /// the cut of 0.05646: the sentence then gives the cut itself (helper 98), as the sum before
    /// rounding (helper 100: "= 0.05646" read as a sum that does not add up).
    #[test]
    fn a_cut_the_rounded_figures_would_misplace_is_given_exactly() {
        // (The toy search's folds' sd is 0.016: the best's here sets a standard error of 0.00726.)
        let space = search(&[0.1]).space().clone();
        let mut s = Search::new(space, Strategy::Random, 3, 0).unwrap();
        for (mean, sd) in [
            (0.0492, 0.00726 * 5f64.sqrt()),
            (0.05648, 0.01),
            (0.05, 0.01),
        ] {
            let request = s.next().unwrap();
            assert!(s.record(&request, MeanSd { mean, sd }));
        }
        let said = near(&s, 5, None, Some(ModelKind::Knn)).unwrap();
        assert!(
            said.starts_with(
                "Trial 3 is within one standard error of the best (0.0492 + 0.0073, which is \
                 0.05646 before rounding: "
            ),
            "{said}"
        );
    }

    /// The rule's pick, by hand. The trials run k = 6, 2, 7, 1, 3 (a larger k is simpler):
    /// with the best at k = 2 and k = 6 close, the rule takes k = 6 (helper 88: the sentence
    /// never said which, and read as if the trials listed were the rule's).
    #[test]
    fn the_one_standard_error_rule_names_its_pick() {
        let s = search(&[0.05, 0.0492, 0.3]);
        assert!(near(&s, 5, None, Some(ModelKind::Knn)).unwrap().ends_with(
            "the one-standard-error rule takes the simplest model within one standard \
                 error of the best rather than the lowest estimate, here trial 1 (k = 6)."
        ));
        // A learning rate, in a fixed number of epochs, sets how far training gets: the
        // smaller is the simpler, as early stopping (helper 98).
        let lr = Axis::for_key(Key::LearningRate).unwrap();
        let mut rates = Search::new(Space::new(vec![lr]).unwrap(), Strategy::Grid, 3, 0).unwrap();
        for mean in [0.05, 0.0492, 0.3] {
            let request = rates.next().unwrap();
            assert!(rates.record(&request, MeanSd { mean, sd: 0.016 }));
        }
        let picked = near(&rates, 5, None, None).unwrap();
        assert!(
            picked.ends_with("here trial 1 (Learning rate = 1e-4)."),
            "{picked}"
        );
        // A forest's number of trees only adds votes: no simplest.
        let trees = Axis::for_key(Key::Trees).unwrap();
        let mut forests =
            Search::new(Space::new(vec![trees]).unwrap(), Strategy::Grid, 3, 0).unwrap();
        for mean in [0.05, 0.0492, 0.3] {
            let request = forests.next().unwrap();
            assert!(forests.record(&request, MeanSd { mean, sd: 0.016 }));
        }
        assert!(near(&forests, 5, None, Some(ModelKind::Forest))
            .unwrap()
            .ends_with(
                "may do as well on new points. The one-standard-error rule, which takes the \
             simplest model within one standard error of the best, has no simplest here: \
             Number of trees does not set how flexible the model is."
            ));
        // Degree × λ: degree 1 at λ 10⁻⁶ and degree 15 at λ 10 trade one axis for the other.
        let space = Space::new(vec![
            Axis::new(Key::Degree, 1.0, 15.0, Scale::Linear, true).unwrap(),
            Axis::new(Key::Lambda, 1e-6, 10.0, Scale::Log, false).unwrap(),
        ])
        .unwrap();
        let mut grid = Search::new(space, Strategy::Grid, 4, 0).unwrap();
        while let Some(request) = grid.next() {
            let mean = match request.values.as_slice() {
                [d, l] if (*d == 1.0) != (*l == 1e-6) => 0.3,
                [d, _] if *d == 1.0 => 0.05,
                _ => 0.0492,
            };
            assert!(grid.record(&request, MeanSd { mean, sd: 0.016 }));
        }
        let note = near(&grid, 5, None, None).unwrap();
        assert!(
            note.ends_with(
                "and here trials 1 and 4 trade one axis for another (no trial near the best \
                 is simpler than either on every axis): which counts as simplest is for you to \
                 choose."
            ),
            "{note}"
        );
    }

    /// A forest: depth sets its flexibility, the trees only its votes. Of equal errors at the
    /// same depth, the rule's pick is the forest of more trees, whichever was tried first.
    #[test]
    fn of_forests_alike_and_equal_the_rule_picks_more_trees() {
        let space = Space::new(vec![
            Axis::new(Key::MaxDepth, 1.0, 5.0, Scale::Linear, true).unwrap(),
            Axis::new(Key::Trees, 3.0, 20.0, Scale::Linear, true).unwrap(),
        ])
        .unwrap();
        let mut grid = Search::new(space, Strategy::Grid, 4, 0).unwrap();
        while let Some(request) = grid.next() {
            let mean = match request.values.as_slice() {
                [d, _] if *d == 5.0 => 0.1,
                _ => 0.3,
            };
            assert!(grid.record(&request, MeanSd { mean, sd: 0.016 }));
        }
        let depth5: Vec<(usize, f64)> = (grid.trials().iter().enumerate())
            .filter(|(_, t)| t.values[0] == 5.0)
            .map(|(i, t)| (i + 1, t.values[1]))
            .collect();
        assert_eq!(depth5.len(), 2, "{depth5:?}");
        let (most, trees) = *depth5.iter().max_by(|a, b| a.1.total_cmp(&b.1)).unwrap();
        assert!(trees > depth5.iter().map(|d| d.1).fold(f64::INFINITY, f64::min));
        let note = near(&grid, 5, None, Some(ModelKind::Forest)).unwrap();
        assert!(
            note.ends_with(&format!(
                "rather than the lowest estimate, here trial {most} (Max depth = 5, Number of \
                 trees = {trees}); of the trials as simple and as good, the one of most trees."
            )),
            "{note}"
        );
    }

    /// Of two trials as simple (the same λ; the learning rate sets no flexibility), the rule's
    /// pick is the one of lower error, and the note says why that one (helper 94).
    #[test]
    fn of_trials_as_simple_the_rule_picks_the_lower_error_and_says_so() {
        let space = Space::new(vec![
            Axis::new(Key::Lambda, 1e-4, 1.0, Scale::Log, false).unwrap(),
            // (A batch sets how training goes, not how flexible the model is.)
            Axis::new(Key::BatchSize, 10.0, 100.0, Scale::Log, true).unwrap(),
        ])
        .unwrap();
        let mut grid = Search::new(space, Strategy::Grid, 4, 0).unwrap();
        while let Some(request) = grid.next() {
            let mean = match request.values.as_slice() {
                [l, r] if *l < 0.5 && *r < 50.0 => 0.1,
                [l, r] if *l > 0.5 && *r > 50.0 => 0.102,
                [l, _] if *l > 0.5 => 0.105,
                _ => 0.3,
            };
            assert!(grid.record(&request, MeanSd { mean, sd: 0.016 }));
        }
        let pick = (grid.trials().iter())
            .position(|t| t.error.mean == 0.102)
            .unwrap();
        let note = near(&grid, 5, None, None).unwrap();
        assert!(
            note.contains(&format!("here trial {} (", pick + 1))
                && note.ends_with("; of the trials as simple, the one of lowest error."),
            "{note}"
        );
    }

    #[test]
    fn trials_that_read_as_the_best_are_told_apart() {
        let s = search(&[0.05, 0.049183, 0.049231, 0.049183, 0.3]);
        assert_eq!(s.best().unwrap().error.mean, 0.049183);
        assert_eq!(
            tie_note(&s, false, false).unwrap(),
            "Trials 3 and 4 also read 0.0492, as the best (trial 2) does. With more digits, the \
             best's mean CV error is lower: 0.049183 against 0.049231 (trial 3). That is far \
             below the folds' spread (± 0.016): in effect a tie. Trial 4 ties with it: a tie goes \
             to the first tried."
        );
        let close = search(&[0.04921, 0.049206349206349205]);
        assert_eq!(
            tie_note(&close, true, false).unwrap(),
            "Trial 1 also reads 0.0492, as the best (trial 2) does. With more digits, the best's \
             test error is lower: 0.049206 against 0.049210 (trial 1)."
        );
        let equal = search(&[0.3, 0.1419, 0.1419, 0.1419]);
        assert_eq!(
            tie_note(&equal, false, false).unwrap(),
            "Trials 3 and 4 have the same mean CV error as the best (trial 2): a tie goes to the \
             first tried."
        );
        // 4/28 summed in another order: a last bit apart, still a tie, so the first tried.
        let bits = search(&[0.3, 0.14285714285714288, 0.14285714285714285]);
        assert_eq!(bits.best().unwrap().error.mean, 0.14285714285714288);
        assert_eq!(
            tie_note(&bits, false, false).unwrap(),
            "Trial 3 has the same mean CV error as the best (trial 2): a tie goes to the first \
             tried."
        );
        // 0.08 apart is not far below a spread of 0.016: no "in effect a tie".
        let big = search(&[1234.54, 1234.46]);
        assert!(tie_note(&big, false, false)
            .unwrap()
            .ends_with("1234.46 against 1234.54 (trial 1)."));
    }

    #[test]
    fn a_tie_at_error_0_says_the_points_cannot_tell_the_settings_apart() {
        let zero = search(&[0.0, 0.17, 0.0, 0.0]);
        assert_eq!(
            tie_note(&zero, false, false).unwrap(),
            "Trials 3 and 4 have the same mean CV error as the best (trial 1): a tie goes to the \
             first tried. At error 0 each of them gets every held-out point right, so these \
             points cannot tell them apart: among these points the classes barely overlap \
             (fresh points may still hold mistakes: the result says how many). With more Noise \
             they overlap more, and the settings differ."
        );
        assert!(tie_note(&zero, true, false)
            .unwrap()
            .contains("every test point right"));
        let above = tie_note(&search(&[0.1, 0.1]), false, false).unwrap();
        assert!(!above.contains("Noise"), "{above}");
        // Training points all of one class: nothing overlaps, and more Noise is no remedy.
        let one_class = tie_note(&zero, false, true).unwrap();
        assert!(
            one_class.ends_with("a tie goes to the first tried."),
            "{one_class}"
        );
    }

    #[test]
    fn no_note_without_a_trial_reading_as_the_best() {
        assert_eq!(
            tie_note(&search(&[0.05, 0.0492, 0.0493]), false, false),
            None
        );
        // A diverged trial reads "diverged", never as a number.
        assert_eq!(tie_note(&search(&[f64::INFINITY, 0.1]), false, false), None);
        assert_eq!(tie_note(&search(&[f64::INFINITY]), false, false), None);
    }
}
