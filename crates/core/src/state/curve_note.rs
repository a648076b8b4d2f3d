//! What the validation curve says about a verdict's remedy. The curve is cross-validated on the
//! training points alone, so it may show that the current value of its control is already about
//! the best one: then moving that control will not cure the over- or underfitting the errors
//! suggest, and the learner should hear so (the rest is the noise in the points, or another
//! control).

use super::spec::{format_value, Key};
use super::sweep::Sweep;
use crate::format::{short, thousands};
use crate::tune::cv::first_lowest;

/// A sentence for the verdict, once the curve is done: when the current position's cross-validated
/// error is the lowest or within one standard error of the lowest (the folds' standard deviation
/// over √folds: how far the mean of the folds' errors moves by chance, as if the folds were
/// independent; they share most of their training points, so it understates that, a rough
/// yardstick, Bengio & Grandvalet 2004) — the one-standard-error rule — that moving this control
/// will not do clearly better; otherwise where the curve does clearly better, which may lie against
/// the verdict's remedy (helper 55: a forest of depth 4 on the moons read "shallower trees" while
/// the curve fell with depth to 8). An error rate's standard error is taken as at least one
/// training point's share. `None` before the curve is done. Error rates (`rate`) read as
/// percentages, as the scores and the curve's axis show them.
///
/// Where the curve does better elsewhere, the note also names the one-standard-error rule's
/// choice when it is not the lowest: the least flexible value within one standard error of the
/// lowest (Hastie, Tibshirani & Friedman, §7.10), as good by these folds (helper 93: the fit
/// lesson's last step read "clearly better at degree 6" where the rule picks a lower degree).
/// `simpler_below`: whether lower positions are the less flexible end; `None` where neither end
/// is (a forest's number of votes).
pub fn curve_note(
    sweep: &Sweep,
    current: usize,
    rate: bool,
    simpler_below: Option<bool>,
) -> Option<CurveNote> {
    let show = |v: f64| {
        if rate {
            format!("{:.1} %", 100.0 * v)
        } else {
            short(v)
        }
    };
    if !sweep.is_done() {
        return None;
    }
    let at = sweep.positions.iter().position(|&p| p == current)?;
    let here = sweep.results.get(at)?.cv;
    let best_at = sweep.lowest_at()?;
    let best = &sweep.results[best_at];
    // An error rate cannot tell apart less than one training point: with folds that all agree
    // (a standard deviation of 0) one point in 140 read as "clearly better" (helper 74).
    let one_point = match (rate, sweep.folds()) {
        (true, Some(folds)) => 1.0 / folds.samples().max(1) as f64,
        _ => 0.0,
    };
    let standard_error = (best.cv.sd / (sweep.fold_count().max(1) as f64).sqrt()).max(one_point);
    let label = sweep.key.spec().label;
    let value = format_value(sweep.key, current);
    if !here.mean.is_finite() || here.mean > best.cv.mean + standard_error {
        // (Helper 86: on the moons k = 17 read "clearly better … more than one standard error
        // apart" for a gap of 1.0001 standard errors, two training points in 140.)
        let just = here.mean <= best.cv.mean + 1.25 * standard_error;
        // "Clearly" only past two standard errors (helper 99: 1.55 of them read "clearly
        // better", where the folds' spread at the other end was 9.9 %).
        let beyond_two = here.mean > best.cv.mean + 2.0 * standard_error;
        // ... and fold by fold, where the folds' errors are kept ([`Sweep::apart_by_folds`]).
        let unsure = beyond_two && sweep.apart_by_folds(at, best_at) == Some(false);
        let clearly = !here.mean.is_finite() || (beyond_two && !unsure);
        let text = format!(
            "The validation curve does {} at {label} = {}{}: a cross-validated error of {}, \
             against {} at {label} = {value} ({} apart: the lowest's folds' spread over √{}, narrower \
             than the chart's band of ± 1 sd).{}",
            if clearly { "clearly better" } else { "better" },
            format_value(sweep.key, sweep.positions[best_at]),
            if just { ", if only just" } else { "" },
            show(best.cv.mean),
            if here.mean.is_finite() {
                show(here.mean)
            } else {
                "none (diverged)".to_string()
            },
            if just {
                "only just over one standard error"
            } else if beyond_two {
                "more than two standard errors"
            } else {
                "more than one standard error"
            },
            sweep.fold_count(),
            match unsure {
                true => {
                    " Fold by fold, though, the difference is under two of its own standard \
                     errors: compared on the same held-out points, the two settings come close \
                     on some folds, so it is not clear."
                }
                false => "",
            },
        );
        let rule = simpler_below
            .and_then(|below| {
                one_standard_error_choice(sweep, best.cv.mean + standard_error, below)
            })
            .filter(|&i| i != best_at)
            .map(|i| {
                let error = show(sweep.results[i].cv.mean);
                format!(
                    " The one-standard-error rule picks {label} = {} instead ({}{error}): the \
                     least flexible value within one standard error of the lowest, as good by \
                     these folds.",
                    format_value(sweep.key, sweep.positions[i]),
                    if error == show(best.cv.mean) {
                        "also "
                    } else {
                        ""
                    },
                )
            });
        let text = text + &rule.unwrap_or_default();
        return Some(CurveNote {
            text,
            better_at: Some(sweep.positions[best_at]),
        });
    }
    // After the verdict's remedies, which may name this control among others or not at all
    // (helper 61: "Not by Polynomial degree alone" under a remedy that named only λ): whichever,
    // moving this one alone will not do clearly better.
    // (The lowest may lie either way from here, even against the remedy's direction: within one
    // standard error the curve cannot tell the two apart, and says so.) The verdict joins it to
    // the remedy with "Yet" ([`CurveNote::after`]).
    let text = if best_at == at {
        format!(
            "On the validation curve {label} = {value} already has the lowest \
             cross-validated error, so moving {label} alone will not do clearly better on these \
             points."
        )
    } else if show(here.mean) == show(best.cv.mean) {
        format!(
            "On the validation curve {label} = {value} has the same cross-validated \
             error as its lowest, {} at {label} = {}, so moving {label} alone will not do \
             clearly better on these points.",
            show(best.cv.mean),
            format_value(sweep.key, sweep.positions[best_at])
        )
    } else {
        format!(
            "On the validation curve {label} = {value} has a cross-validated error of \
             {}, within one standard error of its lowest ({} at {label} = {}): the curve cannot \
             tell them apart, so moving {label} alone will not do clearly better on these \
             points.",
            show(here.mean),
            show(best.cv.mean),
            format_value(sweep.key, sweep.positions[best_at])
        )
    };
    Some(CurveNote {
        text,
        better_at: None,
    })
}

/// The index of the least flexible point whose cross-validated error is at most `within`: the
/// first from the low end when `simpler_below`, else the last.
fn one_standard_error_choice(sweep: &Sweep, within: f64, simpler_below: bool) -> Option<usize> {
    let fits = |i: &usize| sweep.results[*i].cv.mean <= within;
    let mut indices = 0..sweep.results.len();
    if simpler_below {
        indices.find(fits)
    } else {
        indices.rev().find(fits)
    }
}

/// Where the curve's training error rises toward a larger model of the same form (a higher
/// degree, more features, more units): that is its points' few epochs, not flexibility, since
/// trained to the end a larger model fits its training points at least as well (it can set its
/// extra weights to zero). Helper 110 read logistic regression's training error rise from 1.4 %
/// to 4.5 % toward degree 8, against the lesson's "training error falls with every degree".
/// Said when the most flexible end's training error exceeds the curve's lowest by over a
/// quarter of it and half a point (or 0.005). `epochs`: each point's.
pub fn training_rises(sweep: &Sweep, rate: bool, epochs: u32) -> Option<String> {
    let nested = matches!(sweep.key, Key::Degree | Key::Features | Key::Neurons1);
    if !nested || !sweep.is_done() {
        return None;
    }
    let trains: Vec<f64> = sweep.results.iter().map(|r| r.train).collect();
    let (end, lowest) = (trains.len().checked_sub(1)?, first_lowest(&trains)?);
    let (top, low) = (trains[end], trains[lowest]);
    if !top.is_finite() || top <= 1.25 * low + 0.005 {
        return None;
    }
    let show = |v: f64| match rate {
        true => format!("{:.1} %", 100.0 * v),
        false => short(v),
    };
    let label = sweep.key.spec().label;
    let at = |i: usize| format_value(sweep.key, sweep.positions[i]);
    Some(format!(
        "The curve's training error rises toward the larger models, from {} at {label} = {} to \
         {} at {label} = {}: each point trained only {} epochs, and a larger model has more to \
         fit in them. Trained to the end, it fits its training points at least as well (it can set \
         its extra weights to zero): the rise is training time, not flexibility.",
        show(low),
        at(lowest),
        show(top),
        at(end),
        thousands(u64::from(epochs))
    ))
}

/// What the validation curve says of the current value: a sentence, and the position of the
/// control where it does clearly better, if it does (which even a good fit's verdict says:
/// helper 62's boosting of 200 trees read a good fit where the curve is clearly lower at 10).
#[derive(Clone, Debug, PartialEq)]
pub struct CurveNote {
    pub text: String,
    pub better_at: Option<usize>,
}

impl CurveNote {
    /// The note as a verdict adds it: after a space, joined to the verdict's remedy by `lead`
    /// ("But" under a good fit, "Yet" where it answers the remedy back) when there is one.
    pub fn after(&self, lead: Option<&str>) -> String {
        match lead {
            Some(lead) => format!(
                " {lead} {}{}",
                self.text[..1].to_ascii_lowercase(),
                &self.text[1..]
            ),
            None => format!(" {}", self.text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::spec::Key;
    use crate::state::sweep::SweepPoint;
    use crate::tune::cv::MeanSd;

    /// A curve over the forest's number of trees, lowest at the eighth value (100 trees) and the
    /// current value (50) within one standard error of it (0.04 / √5 = 0.018).
    fn trees_curve() -> Sweep {
        let mut sweep = Sweep::new(Key::Trees, 300, 0);
        for i in 0..sweep.positions.len() {
            let mean = match i {
                7 => 0.2238,
                8 => 0.2104,
                _ => 0.25 + 0.01 * i as f64,
            };
            sweep.push(SweepPoint {
                train: 0.0,
                cv: MeanSd { mean, sd: 0.04 },
            });
        }
        sweep
    }

    /// A curve over Features whose training error rises toward degree 8 says it is the epochs
    /// (helper 110); one that falls, a curve over k, or one not done says nothing.
    #[test]
    fn a_training_error_rising_toward_a_larger_model_is_put_down_to_the_epochs() {
        let curve = |key: Key, trains: &[f64]| {
            let mut sweep = Sweep::new(key, 300, 0);
            for i in 0..sweep.positions.len() {
                let train = trains[i.min(trains.len() - 1)];
                sweep.push(SweepPoint {
                    train,
                    cv: MeanSd {
                        mean: 0.1,
                        sd: 0.01,
                    },
                });
            }
            sweep
        };
        let rising = [0.03, 0.014, 0.02, 0.025, 0.03, 0.035, 0.04, 0.045];
        assert_eq!(
            training_rises(&curve(Key::Features, &rising), true, 300).as_deref(),
            Some(
                "The curve's training error rises toward the larger models, from 1.4 % at \
                 Features = 2 to 4.5 % at Features = 8: each point trained only 300 epochs, and a \
                 larger model has more to fit in them. Trained to the end, it fits its training \
                 points at least as well (it can set its extra weights to zero): the rise is \
                 training time, not flexibility."
            )
        );
        let falling = [0.05, 0.04, 0.03, 0.02, 0.015, 0.014, 0.014, 0.0141];
        assert_eq!(
            training_rises(&curve(Key::Features, &falling), true, 300),
            None
        );
        assert_eq!(training_rises(&curve(Key::K, &rising), true, 300), None);
        let mut unfinished = Sweep::new(Key::Features, 300, 0);
        unfinished.push(SweepPoint::default());
        assert_eq!(training_rises(&unfinished, true, 300), None);
    }

    /// Error rates read as percentages, as the scores and the curve's axis show them; a regression
    /// error stays a number.
    #[test]
    fn error_rates_read_as_percentages() {
        let sweep = trees_curve();
        let note = curve_note(&sweep, 7, true, Some(true)).unwrap().text;
        assert!(
            note.contains(
                "a cross-validated error of 22.4 %, within one standard error of its lowest \
                 (21.0 % at Number of trees = 100): the curve cannot tell them apart"
            ),
            "{note}"
        );
        let note = curve_note(&sweep, 7, false, Some(true)).unwrap().text;
        assert!(
            note.contains("of 0.2238, within one standard error of its lowest (0.2104 at"),
            "{note}"
        );
    }

    /// Clearly worse than the lowest: the note says where the curve does better, whichever way
    /// that lies from the verdict's remedy.
    #[test]
    fn a_clearly_better_value_elsewhere_is_named() {
        let sweep = trees_curve();
        let note = curve_note(&sweep, 0, true, Some(true)).unwrap();
        assert_eq!(note.better_at, Some(sweep.positions[8]));
        assert_eq!(
            note.text,
            "The validation curve does clearly better at Number of trees = 100: a \
             cross-validated error of 21.0 %, against 25.0 % at Number of trees = 1 (more than \
             two standard errors apart: the lowest's folds' spread over √5, narrower than the chart's \
             band of ± 1 sd). The one-standard-error rule picks Number of trees = 50 instead (22.4 %): \
             the least flexible value within one standard error of the lowest, as good by these \
             folds."
        );
    }

    /// The one-standard-error rule's choice comes from the less flexible end, whichever that is;
    /// none is named where it is the lowest itself, or where neither end is less flexible (a
    /// forest's votes). Lowest 0.2104 at index 8, one standard error 0.04 / √5 = 0.0179: within
    /// it, index 7 (0.2238) and, here, index 10 (0.22).
    #[test]
    fn the_one_standard_error_rule_picks_the_least_flexible_value_near_the_lowest() {
        let rule = |tenth: f64, below| {
            let mut sweep = trees_curve();
            sweep.results[10].cv.mean = tenth;
            let text = curve_note(&sweep, 0, false, below).unwrap().text;
            let picks = text.split("rule picks Number of trees = ").nth(1);
            picks.map(|p| p.split(' ').next().unwrap().to_string())
        };
        let value = |i: usize| format_value(Key::Trees, trees_curve().positions[i]);
        assert_eq!(rule(0.22, Some(true)), Some(value(7)));
        assert_eq!(rule(0.22, Some(false)), Some(value(10)));
        assert_eq!(rule(0.22, None), None);
        assert_eq!(rule(0.2104 + 0.0179 + 1e-4, Some(false)), None);
        // An error that reads as the lowest's says so.
        let mut sweep = trees_curve();
        sweep.results[7].cv.mean = 0.21041;
        let note = curve_note(&sweep, 0, true, Some(true)).unwrap().text;
        assert!(
            note.contains("picks Number of trees = 50 instead (also 21.0 %)"),
            "{note}"
        );
    }

    /// A gap only just over one standard error is named as the rule's difference, not a clear
    /// one (helper 86): 0.25 against 0.2104 is 2.2 standard errors, 0.228 is 1.0 to 1.25.
    #[test]
    fn a_gap_only_just_over_one_standard_error_is_not_called_clear() {
        let mut sweep = trees_curve();
        sweep.results[0].cv.mean = 0.2104 + 1.1 * 0.04 / 5f64.sqrt();
        let note = curve_note(&sweep, 0, false, Some(true)).unwrap();
        assert_eq!(note.better_at, Some(sweep.positions[8]));
        assert!(
            note.text.starts_with(
                "The validation curve does better at Number of trees = 100, if only just: a \
                 cross-validated error of 0.2104, against 0.2301 at Number of trees = 1 (only \
                 just over one standard error apart"
            ),
            "{}",
            note.text
        );
        // Between 1.25 and 2 standard errors: better, not "clearly" (helper 99: 1.55 read
        // "clearly better"); past 2, clearly.
        sweep.results[0].cv.mean = 0.2104 + 1.6 * 0.04 / 5f64.sqrt();
        let note = curve_note(&sweep, 0, false, Some(true)).unwrap().text;
        assert!(
            note.contains("does better at Number of trees = 100: a")
                && note.contains("(more than one standard error apart"),
            "{note}"
        );
        sweep.results[0].cv.mean = 0.2104 + 2.1 * 0.04 / 5f64.sqrt();
        let note = curve_note(&sweep, 0, false, Some(true)).unwrap().text;
        assert!(
            note.contains("does clearly better")
                && note.contains("(more than two standard errors apart"),
            "{note}"
        );
    }

    /// Two errors that read the same are called the same, not "within one standard error".
    #[test]
    fn a_tie_on_the_page_reads_as_the_same_error() {
        let mut sweep = trees_curve();
        sweep.results[7].cv.mean = 0.21041;
        let note = curve_note(&sweep, 7, true, Some(true)).unwrap().text;
        assert!(
            note.contains(
                "the same cross-validated error as its lowest, 21.0 % at Number of trees = 100"
            ),
            "{note}"
        );
    }

    /// Lowest errors equal but for their last bits name the first of them, as the Tuning lab's
    /// ties do (helper 59: the 32nd of four equal values was named).
    #[test]
    fn equal_lowest_errors_name_the_first() {
        let mut sweep = trees_curve();
        sweep.results[8].cv.mean = 0.2104;
        sweep.results[5].cv.mean = 0.2104 * (1.0 + 1e-15);
        sweep.results[9].cv.mean = 0.2104 * (1.0 - 1e-15);
        let note = curve_note(&sweep, 0, true, Some(true)).unwrap().text;
        assert!(
            note.contains("clearly better at Number of trees = "),
            "{note}"
        );
        let named = format_value(Key::Trees, sweep.positions[5]);
        assert!(
            note.contains(&format!("at Number of trees = {named}:")),
            "{note}"
        );
    }

    /// Folds that all agree (sd 0) cannot make one training point's difference in an error rate
    /// "clearly better" (helper 74: 0.0 % against 0.7 %, one point in 140); two points can.
    #[test]
    fn one_training_point_is_no_clear_difference() {
        let curve = |second: f64| {
            let mut sweep = Sweep::new(Key::K, 140, 0);
            for i in 0..sweep.positions.len() {
                let mean = if i == 0 { second } else { 0.0 };
                sweep.push(SweepPoint {
                    train: 0.0,
                    cv: MeanSd { mean, sd: 0.0 },
                });
            }
            sweep
        };
        let current = curve(0.0).positions[0];
        let better_at =
            |second| (curve_note(&curve(second), current, true, Some(false)).unwrap()).better_at;
        assert_eq!(better_at(1.0 / 140.0), None);
        assert!(better_at(2.0 / 140.0).is_some());
    }
}
