//! The remedies a verdict names, in words, limited to the controls that can still move the way
//! the remedy says: a slider at its end, or a control the page says has no effect right now,
//! is no remedy (helper 67: "a higher learning rate" at the highest, "deeper trees" when each
//! boosting round's subsample is too small to split).

use super::choice::MaxFeatures;
use super::config::Config;
use super::spec::Key;

/// Which way a remedy moves its control.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Way {
    Up,
    Down,
}

/// One remedy: its words, the control it moves and which way.
pub type Lever = (&'static str, Key, Way);

/// Whether `key` can still move `way` and would change something: not at the end of its range
/// that way, and without a no-effect note. (λ's note, "choose L2 or L1 first", is part of the
/// remedy "regularization (a larger λ)", so only its end counts.)
pub fn can_move(config: &Config, train_size: usize, key: Key, way: Way) -> bool {
    let room = match key {
        // Its options are not in order of size: All is the most, One the fewest.
        Key::MaxFeatures => {
            let now = config.choice::<MaxFeatures>(key);
            match way {
                Way::Up => now != MaxFeatures::All,
                Way::Down => now != MaxFeatures::One,
            }
        }
        _ => match way {
            Way::Up => config.position(key) + 1 < key.spec().domain.len(),
            Way::Down => config.position(key) > 0,
        },
    };
    room && (key == Key::Lambda || config.no_effect(key, train_size).is_none())
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
    fn max_features_moves_by_its_sizes_not_its_option_order() {
        let mut c = Config::for_lab(Lab::Classification);
        c.set_choice(Key::Model, ModelKind::Forest);
        c.set_choice(Key::MaxFeatures, MaxFeatures::All);
        assert!(!can_move(&c, 100, Key::MaxFeatures, Way::Up));
        assert!(can_move(&c, 100, Key::MaxFeatures, Way::Down));
        c.set_choice(Key::MaxFeatures, MaxFeatures::One);
        assert!(can_move(&c, 100, Key::MaxFeatures, Way::Up));
        assert!(!can_move(&c, 100, Key::MaxFeatures, Way::Down));
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
