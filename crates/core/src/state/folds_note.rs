//! Why cross-validation's estimate of the chosen hyperparameters differs from what the model
//! really does (its error on fresh points), in the two steps [`crate::tune::fresh`] measures:
//! the held-out points (chance, and the search keeping the lowest estimate), then the training
//! points the fold models did not learn from.
//!
//! Helper 82 saw a tree chosen at a cross-validated 0.086 err 0.010 on fresh points, and nothing
//! said why: its fold models, each trained on 112 of the 140 training points, err 0.052 on 2,000
//! fresh points (their held-out points read 0.034 more, within chance), and 28 more points take
//! 0.041 off. Helper 83: the fresh points are a sample too, so chance is that of two means apart.

use super::tuning::Outcome;
use crate::format::{in_words, short, thousands};
use crate::tune::beyond::Beyond;
use crate::tune::cv::ties;
use crate::tune::fresh::FoldsOnFresh;
use crate::tune::search::Search;

/// A number as the note shows it, read back: differences are taken between shown numbers, so
/// that they add up on the page (helper 84: 0.1003 − 0.0512 read as 0.0492).
fn shown(v: f64) -> f64 {
    short(v).parse().unwrap_or(v)
}

/// The note, when cross-validation chose (`Outcome::folds_fresh`).
pub fn folds_note(o: &Outcome) -> Option<String> {
    let f = o.folds_fresh?;
    let learned = match f.learned {
        (a, b) if a == b => a.to_string(),
        (a, b) => format!("{a}–{b}"),
    };
    // (Helper 88: "the first 10 of its 28 fold models … err 0.17 …, and 0.13 less on their
    // held-out points", the held-out mean being all 28's: the subject is all the fold models,
    // whose fresh error a few of them measure.)
    let measured = if f.models == f.folds {
        String::new()
    } else {
        format!(
            " (measured on the first {}: each learns from all the points but one, so a few tell \
             as much as all)",
            f.models
        )
    };
    Some(format!(
        "Why cross-validation read {} where the model errs {} on fresh points, in two steps. \
         First, its {} fold models, each trained on {learned} of the {} training points, err {} \
         on the fresh points on average{measured}, and {}. Second, trained on all {}, the model \
         errs {}{}.",
        short(o.cv.mean),
        short(o.fresh_error),
        f.folds,
        f.training,
        short(f.error),
        held_out(o.cv.mean, &f, o.lowest_of),
        f.training,
        short(o.fresh_error),
        more_points(shown(f.error), shown(o.fresh_error), &f),
    ))
}

/// The held-out points' part: their mean against the fold models' fresh error, and whether the
/// two means are further apart than twice what chance makes them stray (both are samples; the ±
/// is one standard error, helper 84). Within chance, it adds that keeping the lowest of many
/// estimates favours one that reads low (the winner's curse, a part of chance's share); past
/// twice the chance, the held-out points' luck is named alone (helper 98: the winner's curse
/// was named beside a gap of 0.12 where the trials nearest the best read within 0.0001 of it,
/// so keeping the lowest could explain little of it).
fn held_out(cv: f64, f: &FoldsOnFresh, lowest_of: Option<usize>) -> String {
    let off = shown(cv) - shown(f.error);
    let apart = f.chance.hypot(f.fresh_chance);
    // Cross-validation's estimate is the mean of the folds' errors: over folds of unequal size
    // not quite the mean over the points (helper 88: 0.04 from five folds, one miss in 28 points).
    let points = if f.training.is_multiple_of(f.folds) {
        format!(
            "their held-out points (the {} training points, each held out once)",
            f.training
        )
    } else {
        format!(
            "their held-out points (the {} training points, each held out once; the mean of the \
             {} folds' errors, folds of {}–{} points)",
            f.training,
            f.folds,
            f.training / f.folds,
            f.training / f.folds + 1
        )
    };
    if off == 0.0 {
        return format!("the same on {points}");
    }
    let reads = format!(
        "{} {} on {points}",
        in_words(off.abs()),
        if off > 0.0 { "more" } else { "less" }
    );
    let chance = format!(
        "the ± {} (one standard error) by which a mean over {} held-out points and one over {} \
         fresh points stray apart by chance",
        in_words(apart),
        f.training,
        thousands(f.fresh_points as u64),
    );
    let lowest = lowest_of.filter(|_| off < 0.0).map(|n| {
        format!("a search that keeps the lowest of {n} estimates tends to keep one that reads low")
    });
    if off.abs() <= 2.0 * apart {
        return match lowest {
            Some(lowest) => format!("{reads}: under twice {chance}; and {lowest}"),
            None => format!("{reads}: under twice {chance}"),
        };
    }
    let points = if off > 0.0 { "hard" } else { "easy" };
    format!("{reads}: over twice {chance}, so the held-out points happen to be {points} ones for these models")
}

/// When most of the fresh error lies beyond the training points' range (polynomial regression,
/// [`Beyond::matters`]), a third step the two above cannot show: every held-out point is a
/// training point, so no fold tests the model out there (helper 85: leave-one-out chose degree 3
/// at 0.043, and it erred 0.17 on fresh points). Said when cross-validation chose.
///
/// Where more of the fresh points lie beyond than the training points' number leaves on average
/// (x uniform on [−1, 1]: n points leave 2/(n + 1) of the range past their ends), it adds that
/// this is the sample's luck (helper 98: "no fold can show this" read as a flaw of
/// cross-validation in general, where this sample of 28 left x from 0.68 to 1 empty).
pub fn beyond_note(o: &Outcome) -> Option<String> {
    let training = o.folds_fresh?.training;
    let b = o.beyond.filter(Beyond::matters)?;
    let (lo, hi) = b.range;
    let (share, expected) = (
        b.outside as f64 / b.fresh as f64,
        2.0 / (training as f64 + 1.0),
    );
    let luck = if share > 2.0 * expected {
        format!(
            " That {} % of the fresh points lie out there is this sample's luck: {training} \
             points drawn uniformly at random over x from −1 to 1 leave {} % of that range past their ends on average \
             (2 / {}).",
            libm::round(100.0 * share),
            libm::round(100.0 * expected),
            training + 1
        )
    } else {
        String::new()
    };
    Some(format!(
        "Most of the fresh error lies beyond the training points: {} of the {} fresh points fall \
         outside their range (x from {:.2} to {:.2}), and there the model errs {} on average, against \
         {} within it ({} % of its fresh error). No fold can show this: every held-out point is \
         a training point, so none lies beyond that range.{luck}",
        thousands(b.outside as u64),
        thousands(b.fresh as u64),
        lo,
        hi,
        short(b.outside_error),
        short(b.inside_error),
        libm::round(100.0 * b.share()),
    ))
}

/// How many estimates the search kept the lowest of, when keeping it picked one of many that
/// differ: under half of the trials tie with the best (helper 83: with 14 of 16 k-NN trials at
/// error 0, keeping the lowest picked nothing lucky). Taken once, when the search ends
/// (`Outcome::lowest_of`).
pub fn lowest_of(search: &Search) -> Option<usize> {
    let best = search.best()?;
    let trials = search.trials();
    let tied = trials
        .iter()
        .filter(|t| ties(t.error.mean, best.error.mean));
    (trials.len() > 1 && 2 * tied.count() < trials.len()).then_some(trials.len())
}

/// What learning from all the training points instead of a fold's share did on fresh points
/// (`folds`: the fold models' mean fresh error, `all`: the retrained model's), beside how much
/// the fold models differ among themselves (helper 84: one retrained tree against the mean of
/// five), the end of the sentence after the retrained model's error. A retrained model that
/// errs less than their mean but no less than the best of them shows no clear gain: one model
/// differs from another by as much (helper 98: "takes 0.0054 off" beside fold models from 0.018
/// to 0.057).
fn more_points(folds: f64, all: f64, f: &FoldsOnFresh) -> String {
    let gain = folds - all;
    let more = match f.learned {
        (a, b) if a == b => format!("{}", f.training - a),
        (a, b) => format!("{}–{}", f.training - b, f.training - a),
    };
    let points = if more == "1" { "point" } else { "points" };
    let learning = format!("learning from {more} more {points}");
    let (low, high) = f.range;
    let range = if f.models > 1 && low != high {
        format!(
            " (the fold models alone range from {} to {})",
            short(low),
            short(high)
        )
    } else {
        String::new()
    };
    let within = f.models > 1 && low != high && all >= shown(low);
    if gain > 0.0 && within {
        format!(
            ": {learning} takes {} off their average, within how much the fold models differ \
             among themselves{range}, so no clear gain from more points shows here",
            in_words(gain)
        )
    } else if gain > 0.0 {
        format!(": {learning} takes {} off{range}", in_words(gain))
    } else if gain < 0.0 {
        format!(
            ", {} more than the fold models' average{range}: here {learning} does not help",
            in_words(-gain)
        )
    } else {
        format!(", as the fold models do on average{range}: here {learning} changes nothing")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::config::Config;
    use crate::state::spec::Lab;
    use crate::tune::cv::MeanSd;
    use crate::tune::toy::k_search as search;

    /// The note on `o` as it ends the search `s` (how many estimates it kept the lowest of).
    fn note_after(o: &Outcome, s: &Search) -> Option<String> {
        let mut o = o.clone();
        o.lowest_of = lowest_of(s);
        folds_note(&o)
    }

    fn outcome(cv: f64, fresh: f64, f: FoldsOnFresh) -> Outcome {
        Outcome {
            config: Config::for_lab(Lab::Tuning),
            values: vec![],
            cv: MeanSd { mean: cv, sd: 0.02 },
            train_error: 0.0,
            test_error: 0.017,
            fresh_error: fresh,
            test_chance: Some(0.01),
            test_count: 60,
            fresh_chance: Some(0.007),
            folds_fresh: Some(f),
            grown_depth: None,
            lowest_of: None,
            beyond: None,
            parameters: vec![],
        }
    }

    fn five_folds(error: f64, chance: f64, fresh_chance: f64) -> FoldsOnFresh {
        FoldsOnFresh {
            error,
            chance,
            fresh_chance,
            fresh_points: 2000,
            range: (error - 0.01, error + 0.02),
            models: 5,
            folds: 5,
            learned: (112, 112),
            training: 140,
        }
    }

    /// Helper 82's tree: hard held-out points (0.0417 against ± 0.0177 and ± 0.015 apart: 1.8
    /// of their combined 0.0232, within chance), and 28 more points take 0.034 off.
    #[test]
    fn the_two_means_chances_combine_and_more_points_take_their_share_off() {
        let s = search(&[0.2, 0.0857, 0.1]);
        let note = note_after(
            &outcome(0.0857, 0.010, five_folds(0.044, 0.0177, 0.015)),
            &s,
        );
        assert_eq!(
            note.unwrap(),
            "Why cross-validation read 0.0857 where the model errs 0.01 on fresh points, in two \
             steps. First, its 5 fold models, each trained on 112 of the 140 training points, err \
             0.044 on the fresh points on average, and 0.0417 more on their held-out points (the \
             140 training points, each held out once): under twice the ± 0.0232 (one standard \
             error) by which a mean over 140 held-out points and one over 2,000 fresh points \
             stray apart by chance. Second, trained on all 140, the model errs 0.01: learning \
             from 28 more points takes 0.034 off (the fold models alone range from 0.034 to \
             0.064)."
        );
        let hard = note_after(
            &outcome(0.0857, 0.010, five_folds(0.044, 0.0177, 0.005)),
            &s,
        );
        let hard = hard.unwrap();
        assert!(hard.contains("0.0417 more on their held-out points (the 140 training points, each held out once): over twice the ± 0.0184 (one standard error)"), "{hard}");
        assert!(hard.contains("stray apart by chance, so the held-out points happen to be hard ones for these models. Second"), "{hard}");
    }

    #[test]
    fn an_optimistic_estimate_names_the_searchs_lowest_only_when_it_picked_from_many() {
        let o = outcome(0.043, 0.105, five_folds(0.1, 0.018, 0.005));
        let many = search(&[0.2, 0.043, 0.1, 0.15, 0.12]);
        let note = note_after(&o, &many).unwrap();
        assert!(
            note.contains("0.057 less on their held-out points"),
            "{note}"
        );
        // Past twice the chance the held-out points' luck is named alone: keeping the lowest
        // is part of chance's share, not a cause that size (helper 98).
        assert!(
            note.contains("easy ones for these models. Second"),
            "{note}"
        );
        let worse = "errs 0.105, 0.005 more than the fold models' average (the fold models alone \
                     range from 0.09 to 0.12): here learning from 28 more points does not help.";
        assert!(note.ends_with(worse), "{note}");
        // Most trials tie with the best (helper 83: 14 of 16 at 0): the lowest picked nothing.
        let tied = search(&[0.043, 0.043, 0.043, 0.1]);
        let note = note_after(&o, &tied).unwrap();
        assert!(
            note.contains("easy ones for these models. Second"),
            "{note}"
        );
        // Within chance, the search's lowest is still named (helper 84: the winner's curse).
        let near = outcome(0.09, 0.105, five_folds(0.1, 0.018, 0.005));
        let note = note_after(&near, &many).unwrap();
        assert!(note.contains("0.01 less on their held-out points (the 140 training points, each held out once): under twice the ± 0.0187 (one standard error) by which a mean over 140 held-out points and one over 2,000 fresh points stray apart by chance; and a search that keeps the lowest of 5 estimates tends to keep one that reads low. Second"), "{note}");
    }

    #[test]
    fn uneven_folds_read_as_ranges_and_leave_one_out_as_some_of_its_models() {
        let mut f = five_folds(0.037, 0.016, 0.005);
        f.learned = (33, 34);
        f.training = 42;
        let s = search(&[0.05, 0.1]);
        let note = note_after(&outcome(0.05, 0.0365, f), &s).unwrap();
        assert!(
            note.contains("each trained on 33–34 of the 42 training points"),
            "{note}"
        );
        assert!(
            note.contains(
                "0.013 more on their held-out points (the 42 training points, each held out \
                 once; the mean of the 5 folds' errors, folds of 8–9 points)"
            ),
            "{note}"
        );
        // Less than the fold models' mean, but no less than the best of them: no clear gain.
        assert!(
            note.ends_with("learning from 8–9 more points takes 0.0005 off their average, within how much the fold models differ among themselves (the fold models alone range from 0.027 to 0.057), so no clear gain from more points shows here."),
            "{note}"
        );
        let mut loo = five_folds(0.037, 0.016, 0.005);
        (loo.models, loo.folds, loo.learned) = (10, 140, (139, 139));
        let note = note_after(&outcome(0.037, 0.037, loo), &s).unwrap();
        assert!(note.contains("First, its 140 fold models, each trained on 139 of the 140 training points, err 0.037 on the fresh points on average (measured on the first 10: each learns from all the points but one, so a few tell as much as all), and"), "{note}");
        assert!(
            note.contains("and the same on their held-out points"),
            "{note}"
        );
        let same = "errs 0.037, as the fold models do on average (the fold models alone range \
                    from 0.027 to 0.057): here learning from 1 more point changes nothing.";
        assert!(note.ends_with(same), "{note}");
    }

    #[test]
    fn no_note_when_the_test_score_chose() {
        let mut o = outcome(0.05, 0.035, five_folds(0.037, 0.016, 0.005));
        o.folds_fresh = None;
        assert_eq!(note_after(&o, &search(&[0.05])), None);
    }
}
