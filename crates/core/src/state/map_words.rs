//! The decision map in words, for what a pointer or the keyboard's cross points at: the place,
//! what an ensemble's trees say there, and what the model predicts (helper 97: the arrow keys
//! moved a cross a screen reader said nothing of).

use crate::data::classification::{class_name, tied_classes, Dataset2, CLASS_NAMES};
use crate::format::{percent, short};
use crate::ml::metrics::argmax;
use crate::ml::plane_model::PlaneModel;

/// A point of the plane in words: "(x₁ 0.05, x₂ 0)".
pub fn point_words(x1: f64, x2: f64) -> String {
    format!("(x₁ {}, x₂ {})", short(x1), short(x2))
}

/// What each tree of an ensemble says at (x₁, x₂), in words: a forest's votes (each tree's most
/// likely class), or boosting's pushes on the score (the newest tree's and all of them).
pub fn ensemble_votes(model: &PlaneModel, x1: f64, x2: f64) -> Option<String> {
    let at = format!("At {}", point_words(x1, x2));
    match model {
        PlaneModel::Forest(f) if !f.trees().is_empty() => {
            let mut counts = vec![0usize; f.classes()];
            let mut proba = vec![0.0; f.classes()];
            let mut newest = 0;
            for t in 0..f.trees().len() {
                f.tree_proba(t, x1, x2, &mut proba);
                let vote = (0..proba.len()).fold(0, |b, c| if proba[c] > proba[b] { c } else { b });
                counts[vote] += 1;
                newest = vote;
            }
            let votes: Vec<String> = (counts.iter().zip(CLASS_NAMES))
                .filter(|(n, _)| **n > 0)
                .map(|(n, name)| format!("{n} {name}"))
                .collect();
            Some(format!(
                // (Their top classes; the forest itself averages their probabilities, which
                // can favour another class: helper 108.)
                "{at}: the {} trees' most likely classes: {}; the newest's, {} (the forest \
                 averages their probabilities).",
                f.trees().len(),
                votes.join(", "),
                CLASS_NAMES[newest]
            ))
        }
        PlaneModel::Boosting(b) if !b.rounds().is_empty() => {
            let outputs = b.outputs();
            let (mut total, mut push) = (b.init().to_vec(), vec![0.0; outputs]);
            for round in 0..b.rounds().len() {
                b.contribution(round, x1, x2, &mut push);
                total.iter_mut().zip(&push).for_each(|(t, p)| *t += p);
            }
            let rounds = b.rounds().len();
            // (Short, so that it fits the two lines kept for it under the plot.)
            if outputs == 1 {
                return Some(format!(
                    "{at}: log-odds of orange {} = the start {} + {rounds} trees' pushes (leaf \
                     value × learning rate), the newest {}.",
                    short(total[0]),
                    short(b.init()[0]),
                    signed(push[0])
                ));
            }
            let parts: Vec<String> = (0..outputs)
                .map(|o| {
                    format!(
                        "{} {} (the newest {})",
                        CLASS_NAMES[o],
                        short(total[o]),
                        signed(push[o])
                    )
                })
                .collect();
            Some(format!(
                "{at}: each class's score is its start + {rounds} rounds' pushes (leaf value × \
                 learning rate): {}.",
                parts.join(", ")
            ))
        }
        _ => None,
    }
}

/// A push with its sign, as [`short`] writes numbers ("+0.0004", "-0.12"; `{:+.3}` read
/// "+0.000" for a push of 0.0004, helper 65).
fn signed(v: f64) -> String {
    if v >= 0.0 {
        format!("+{}", short(v))
    } else {
        short(v)
    }
}

/// What the model predicts at (x₁, x₂): a network's value on a regression set; otherwise the most
/// likely class and its probability, or that classes tie there (a logistic model's first epoch,
/// all weights 0, is 50 % everywhere: "predicts blue (50.0 %)" read as a choice it had not made).
pub fn prediction_words(model: &PlaneModel, data: &Dataset2, x1: f64, x2: f64) -> String {
    let mut out = vec![0.0; data.classes.max(1)];
    model.predict(x1, x2, &mut Vec::new(), &mut out);
    let at = format!("At {}", point_words(x1, x2));
    if data.values.is_some() {
        return format!("{at}: the network predicts {}.", short(out[0]));
    }
    let class = argmax(&out);
    let sure = percent(out[class]);
    match tied_classes(&out) {
        Some(tied) => format!(
            "{at}: the model is undecided, {tied} tie at {sure} each (a tie is scored as {}).",
            class_name(class)
        ),
        None => format!("{at}: the model predicts {} ({sure}).", class_name(class)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::action::Action;
    use crate::state::plane::PlaneLab;
    use crate::state::session::Reduce;
    use crate::state::url::decode;

    fn trained(query: &str, steps: u32) -> PlaneLab {
        let (config, notices) = decode(&format!("lab=classification&{query}"));
        assert!(notices.is_empty(), "{notices:?}");
        let mut s = PlaneLab::new(config, notices);
        s.apply(Action::Play);
        s.apply(Action::Tick(steps));
        s
    }

    #[test]
    fn a_point_reads_as_its_coordinates() {
        assert_eq!(point_words(0.05, 0.0), "(x₁ 0.05, x₂ 0)");
    }

    /// A forest of 10 trees: the votes named add up to 10, one per tree.
    #[test]
    fn a_forests_votes_count_every_tree_once() {
        let s = trained("model=forest&trees=10&data=moons", 50);
        let words = ensemble_votes(&s.model, 0.3, -0.2).unwrap();
        assert!(
            words.starts_with("At (x₁ 0.3, x₂ -0.2): the 10 trees' most likely classes: "),
            "{words}"
        );
        let votes = words.split(": ").nth(2).unwrap().split(';').next().unwrap();
        let total: usize = (votes.split(", "))
            .map(|v| v.split(' ').next().unwrap().parse::<usize>().unwrap())
            .sum();
        assert_eq!(total, 10, "{words}");
    }

    /// Two classes: boosting's log-odds of orange, said as the start plus the trees' pushes, is
    /// the logit of the probability of orange the model predicts there.
    #[test]
    fn boostings_log_odds_are_the_logit_of_its_probability() {
        let s = trained("model=boosting&trees=20&data=moons", 50);
        let words = ensemble_votes(&s.model, 0.4, 0.1).unwrap();
        let said: f64 = (words.split("log-odds of orange ").nth(1).unwrap())
            .split(' ')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let mut p = vec![0.0; 2];
        s.model.predict(0.4, 0.1, &mut Vec::new(), &mut p);
        let logit = (p[1] / p[0]).ln();
        assert!(
            (said - logit).abs() < 0.01 * logit.abs().max(1.0),
            "{words} against {logit}"
        );
    }

    /// Before its first step a logistic model's weights are all 0: 50 % everywhere, which is no
    /// choice of a class, and the words say so.
    #[test]
    fn an_untrained_logistic_model_is_undecided() {
        let s = trained("model=logistic&data=moons", 0);
        let words = prediction_words(&s.model, &s.data, 0.2, 0.2);
        assert_eq!(
            words,
            "At (x₁ 0.2, x₂ 0.2): the model is undecided, blue and orange tie at 50.0 % each (a \
             tie is scored as blue)."
        );
        let s = trained("model=logistic&data=moons", 200);
        let words = prediction_words(&s.model, &s.data, 0.2, 0.2);
        assert!(words.contains("the model predicts"), "{words}");
    }
}
