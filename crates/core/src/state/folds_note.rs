//! Why cross-validation's estimate of the chosen hyperparameters differs from what the model
//! really does (its error on fresh points), in the two steps [`crate::tune::fresh`] measures:
//! the held-out points (chance, and the search keeping the lowest estimate), then the training
//! points the fold models did not learn from.
//!
//! Helper 82 saw a tree chosen at a cross-validated 0.086 err 0.010 on fresh points, and nothing
//! said why: its fold models, each trained on 112 of the 140 training points, err 0.044 on the
//! fresh points (so their held-out points were hard ones), and 28 more points take 0.034 off.

use super::tuning::Outcome;
use crate::format::short;
use crate::tune::fresh::FoldsOnFresh;

/// The note, when cross-validation chose (`Outcome::folds_fresh`); `trials`: how many estimates
/// the search chose the lowest of.
pub fn folds_note(o: &Outcome, trials: usize) -> Option<String> {
    let f = o.folds_fresh?;
    let learned = match f.learned {
        (a, b) if a == b => a.to_string(),
        (a, b) => format!("{a}–{b}"),
    };
    let models = if f.models == f.folds {
        format!("Its {} fold models", f.models)
    } else {
        format!("{} of its {} fold models", f.models, f.folds)
    };
    Some(format!(
        "Why cross-validation read {} where the model errs {} on fresh points, in two steps. \
         {models}, each trained on {learned} of the {} training points, err {} on the fresh \
         points on average; {}. Trained on all {}, the model errs {}{}.",
        short(o.cv.mean),
        short(o.fresh_error),
        f.training,
        short(f.error),
        held_out(o.cv.mean, &f, trials),
        f.training,
        short(o.fresh_error),
        more_points(f.error - o.fresh_error, &f),
    ))
}

/// The held-out points' part: their mean against the fold models' fresh error, and whether
/// that is within two standard errors of chance.
fn held_out(cv: f64, f: &FoldsOnFresh, trials: usize) -> String {
    let off = cv - f.error;
    let stray = format!(
        "a mean over {} held-out points strays by about ± {} by chance",
        f.training,
        short(f.chance)
    );
    if off.abs() <= 2.0 * f.chance {
        return format!(
            "their held-out points read {}, within chance ({stray})",
            short(cv)
        );
    }
    let why = if off > 0.0 {
        "the held-out points happen to be hard ones".to_string()
    } else if trials > 1 {
        format!(
            "the held-out points happen to be easy ones, and a search that keeps the lowest of \
             {trials} estimates keeps lucky ones"
        )
    } else {
        "the held-out points happen to be easy ones".to_string()
    };
    format!(
        "their held-out points read {} {}, over twice what chance makes it ({stray}): {why}",
        short(off.abs()),
        if off > 0.0 { "more" } else { "less" }
    )
}

/// What learning from all the training points instead of a fold's share did on fresh points
/// (`gain`: the fold models' fresh error minus the retrained model's), the end of the sentence
/// after the retrained model's error.
fn more_points(gain: f64, f: &FoldsOnFresh) -> String {
    let more = match f.learned {
        (a, b) if a == b => format!("{}", f.training - a),
        (a, b) => format!("{}–{}", f.training - b, f.training - a),
    };
    let points = if more == "1" { "point" } else { "points" };
    let learning = format!("learning from {more} more {points}");
    if gain > 0.0 {
        format!(": {learning} takes {} off", short(gain))
    } else if gain < 0.0 {
        format!(
            ", {} more than the fold models: {learning} does not help here, and models that \
             learned from other points differ by chance",
            short(-gain)
        )
    } else {
        format!(", as the fold models do: {learning} changes nothing here")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::config::Config;
    use crate::state::spec::Lab;
    use crate::tune::cv::MeanSd;

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
            folds_fresh: Some(f),
            grown_depth: None,
            parameters: vec![],
        }
    }

    fn five_folds(error: f64, chance: f64) -> FoldsOnFresh {
        FoldsOnFresh {
            error,
            chance,
            models: 5,
            folds: 5,
            learned: (112, 112),
            training: 140,
        }
    }

    /// Helper 82's tree: hard held-out points, and 28 more points take 0.034 off.
    #[test]
    fn a_pessimistic_estimate_is_hard_held_out_points_and_fewer_points_to_learn_from() {
        let note = folds_note(&outcome(0.086, 0.010, five_folds(0.044, 0.0177)), 16).unwrap();
        assert_eq!(
            note,
            "Why cross-validation read 0.086 where the model errs 0.01 on fresh points, in two \
             steps. Its 5 fold models, each trained on 112 of the 140 training points, err 0.044 \
             on the fresh points on average; their held-out points read 0.042 more, over twice \
             what chance makes it (a mean over 140 held-out points strays by about ± 0.0177 by \
             chance): the held-out points happen to be hard ones. Trained on all 140, the model \
             errs 0.01: learning from 28 more points takes 0.034 off."
        );
    }

    #[test]
    fn an_optimistic_estimate_names_the_searchs_lowest_of_its_trials() {
        let o = outcome(0.043, 0.105, five_folds(0.1, 0.018));
        let note = folds_note(&o, 16).unwrap();
        assert!(note.contains("read 0.057 less, over twice"), "{note}");
        assert!(note.contains("easy ones, and a search that keeps the lowest of 16"));
        let worse = "errs 0.105, 0.005 more than the fold models: learning from 28 more points \
                     does not help here, and models that learned from other points differ by chance.";
        assert!(note.ends_with(worse), "{note}");
        let one = folds_note(&o, 1).unwrap();
        assert!(one.contains("happen to be easy ones. Trained"), "{one}");
    }

    #[test]
    fn within_twice_the_chance_spread_is_chance_and_uneven_folds_read_as_ranges() {
        let mut f = five_folds(0.037, 0.016);
        f.learned = (33, 34);
        f.training = 42;
        let note = folds_note(&outcome(0.05, 0.035, f), 9).unwrap();
        assert!(
            note.contains("each trained on 33–34 of the 42 training points"),
            "{note}"
        );
        assert!(note.contains("read 0.05, within chance (a mean over 42 held-out"));
        assert!(note.ends_with("learning from 8–9 more points takes 0.002 off."));
        let mut loo = five_folds(0.037, 0.016);
        (loo.models, loo.folds, loo.learned) = (10, 140, (139, 139));
        let note = folds_note(&outcome(0.05, 0.037, loo), 9).unwrap();
        assert!(note.contains("10 of its 140 fold models, each trained on 139 of the 140"));
        let same =
            "errs 0.037, as the fold models do: learning from 1 more point changes nothing here.";
        assert!(note.ends_with(same), "{note}");
    }

    #[test]
    fn no_note_when_the_test_score_chose() {
        let mut o = outcome(0.05, 0.035, five_folds(0.037, 0.016));
        o.folds_fresh = None;
        assert_eq!(folds_note(&o, 9), None);
    }
}
