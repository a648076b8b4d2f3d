//! The remedies a verdict names, in words, limited to the controls that can still move the way
//! the remedy says: a slider at its end, or a control the page says has no effect right now,
//! is no remedy (helper 67: "a higher learning rate" at the highest, "deeper trees" when each
//! boosting round's subsample is too small to split).

use super::choice::MaxFeatures;
use super::config::Config;
use super::spec::Key;
use crate::ml::regularization::Regularization;
use crate::ml::rows::FeatureMap;

/// Which way a remedy moves its control.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Way {
    Up,
    Down,
}

/// One remedy: its words, the control it moves and which way.
pub type Lever = (&'static str, Key, Way);

/// Whether `key` can still move `way` and would change something: judged by the value it acts
/// as where that differs from the slider's (k beyond the training points acts as their number;
/// √ of two features is one), otherwise not at the end of its range that way and without a
/// no-effect note (the one another control's setting gives: max depth under a minimum per leaf
/// too large to split). λ's note, "choose L2 or L1 first", is part of the remedy
/// ([`penalty_words`]: "regularization (L2 or L1, with a λ above 0)"), so only its end counts.
pub fn can_move(config: &Config, train_size: usize, key: Key, way: Way) -> bool {
    match (key, way) {
        (Key::K, Way::Up) => (config.number(key) as usize) < train_size,
        (Key::K, Way::Down) => (config.number(key) as usize).min(train_size) > 1,
        // Its options are not in order of size: compare the features a split looks at.
        (Key::MaxFeatures, _) => {
            let width = FeatureMap::new(config.number(Key::Features) as usize).width();
            let now = config.choice::<MaxFeatures>(key).of(width);
            match way {
                Way::Up => MaxFeatures::All.of(width) > now,
                Way::Down => MaxFeatures::One.of(width) < now,
            }
        }
        _ => {
            let room = match way {
                Way::Up => config.position(key) + 1 < key.spec().domain.len(),
                Way::Down => config.position(key) > 0,
            };
            room && (key == Key::Lambda || config.no_effect(key, train_size).is_none())
        }
    }
}

/// What a remedy says when none of its controls can move: true whether they stand at their ends
/// or another control's setting stops them (the page says which beside each).
pub const NONE_LEFT: &str = "none that its sliders offer at these settings";

/// `words`, then ", or regularization (a larger λ)" ([`penalty_words`]) while λ can still grow:
/// a remedy of the models trained with a penalty (polynomial regression, the network).
pub fn or_penalty(config: &Config, train_size: usize, words: &str) -> String {
    match can_move(config, train_size, Key::Lambda, Way::Up) {
        true => format!("{words}, or {}", penalty_words(config)),
        false => words.to_string(),
    }
}

/// The remedy "regularization" as the controls stand: without a penalty chosen, a larger λ does
/// nothing yet (helper 72: "a larger λ" beside λ = 1 and Regularization None).
pub fn penalty_words(config: &Config) -> &'static str {
    match config.regularization() {
        Regularization::None => "regularization (L2 or L1, with a λ above 0)",
        _ => "regularization (a larger λ)",
    }
}

/// The remedies of `levers` that can still move, as a list in words ("a, b or c"), with `tail`
/// after it; when none can, `none` says so.
pub fn remedies(
    config: &Config,
    train_size: usize,
    levers: &[Lever],
    tail: &str,
    none: &str,
) -> String {
    let open: Vec<&str> = levers
        .iter()
        .filter(|&&(_, key, way)| can_move(config, train_size, key, way))
        .map(|&(words, _, _)| words)
        .collect();
    match open.split_last() {
        None => none.to_string(),
        Some((last, [])) => format!("{last}{tail}"),
        Some((last, rest)) => format!("{} or {last}{tail}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ml::regularization::Regularization;
    use crate::state::choice::ModelKind;
    use crate::state::spec::Lab;

    fn boosting() -> Config {
        let mut c = Config::for_lab(Lab::Classification);
        c.set_choice(Key::Model, ModelKind::Boosting);
        c
    }

    const MORE: [Lever; 3] = [
        ("more trees", Key::Trees, Way::Up),
        ("a higher learning rate", Key::Shrinkage, Way::Up),
        ("deeper trees", Key::MaxDepth, Way::Up),
    ];

    #[test]
    fn lists_the_remedies_that_can_move_in_words() {
        let c = boosting();
        assert_eq!(
            remedies(&c, 100, &MORE, "", "none"),
            "more trees, a higher learning rate or deeper trees"
        );
        assert_eq!(
            remedies(&c, 100, &MORE[..2], "; tail", "none"),
            "more trees or a higher learning rate; tail"
        );
    }

    #[test]
    fn a_control_at_its_end_is_no_remedy() {
        let mut c = boosting();
        let top = Key::Shrinkage.spec().domain.len() - 1;
        c.set(Key::Shrinkage, top);
        assert!(!can_move(&c, 100, Key::Shrinkage, Way::Up));
        assert!(can_move(&c, 100, Key::Shrinkage, Way::Down));
        assert_eq!(
            remedies(&c, 100, &MORE, "", "none"),
            "more trees or deeper trees"
        );
        c.set(Key::Trees, Key::Trees.spec().domain.len() - 1);
        c.set(Key::MaxDepth, Key::MaxDepth.spec().domain.len() - 1);
        assert_eq!(remedies(&c, 100, &MORE, "", "none left"), "none left");
    }

    /// Helper 67: leaves of 10 points from subsamples of 7 points a round: every tree is one
    /// leaf whatever its max depth, so deeper trees are no remedy.
    #[test]
    fn a_control_without_effect_is_no_remedy() {
        let mut c = boosting();
        c.set(Key::MinLeaf, 9); // 10 points
        c.set(Key::Subsample, 0); // 10 % of 70 points: 7
        assert!(c.no_effect(Key::MaxDepth, 70).is_some());
        assert_eq!(
            remedies(&c, 70, &MORE, "", "none"),
            "more trees or a higher learning rate"
        );
    }

    #[test]
    fn max_features_moves_by_the_features_a_split_looks_at() {
        let mut c = Config::for_lab(Lab::Classification);
        c.set_choice(Key::Model, ModelKind::Forest);
        c.set_choice(Key::MaxFeatures, MaxFeatures::All);
        assert!(!can_move(&c, 100, Key::MaxFeatures, Way::Up));
        assert!(can_move(&c, 100, Key::MaxFeatures, Way::Down));
        c.set_choice(Key::MaxFeatures, MaxFeatures::One);
        assert!(can_move(&c, 100, Key::MaxFeatures, Way::Up));
        assert!(!can_move(&c, 100, Key::MaxFeatures, Way::Down));
        // Two features (x₁, x₂): √2 rounds down to one, as One does, and All is twice that
        // (helper 70: √'s no-effect note had dropped "more features per split").
        c.set(Key::Features, 0);
        c.set_choice(Key::MaxFeatures, MaxFeatures::Sqrt);
        assert!(c.no_effect(Key::MaxFeatures, 100).is_some());
        assert!(can_move(&c, 100, Key::MaxFeatures, Way::Up));
        assert!(!can_move(&c, 100, Key::MaxFeatures, Way::Down));
    }

    /// k beyond the training points acts as their number: a smaller k is still a remedy (helper
    /// 70: the default k = 5 on four placed points), a larger one is not.
    #[test]
    fn k_moves_by_the_neighbours_it_counts() {
        let mut c = Config::for_lab(Lab::Classification);
        c.set_choice(Key::Model, ModelKind::Knn);
        c.set(Key::K, 4); // k = 5
        assert!(can_move(&c, 4, Key::K, Way::Down));
        assert!(!can_move(&c, 4, Key::K, Way::Up));
        assert!(can_move(&c, 6, Key::K, Way::Up));
        c.set(Key::K, 0); // k = 1
        assert!(!can_move(&c, 4, Key::K, Way::Down));
        assert!(!can_move(&c, 0, Key::K, Way::Up));
    }

    /// λ's no-effect note (no penalty chosen) does not stop "regularization (a larger λ)".
    #[test]
    fn lambda_without_a_penalty_is_still_a_remedy() {
        let mut c = Config::for_lab(Lab::Regression);
        c.set_choice(Key::Regularization, Regularization::None);
        assert!(c.no_effect(Key::Lambda, 30).is_some());
        assert!(can_move(&c, 30, Key::Lambda, Way::Up));
    }
}
