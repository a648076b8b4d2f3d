//! Settings that training goes on with (the learning rate, the batch size, the optimizer, the
//! penalty), moved while the model stood still: until it trains with them, its scores are those of
//! the settings before, and the verdict says so (helper 69: λ moved to its largest after training
//! kept "Overfitting … a larger λ", and the link of that λ read the opposite).

use super::config::Config;
use super::spec::{display_value, Key};
use crate::format::thousands;
use crate::ml::regularization::Regularization;

/// The settings as they were at the model's step `epoch`, when one of them first moved there.
#[derive(Clone, Debug, PartialEq)]
pub struct Moved {
    pub epoch: u64,
    pub config: Config,
    /// The session's `objective_since`, `tuned_since` and `tuned_from` before the move: the
    /// objective and the way down the model's records are of.
    pub objective_since: u64,
    pub tuned_since: u64,
    pub tuned_from: Option<f64>,
}

/// What changed, in effect, since the model's last step.
#[derive(Clone, Debug, PartialEq)]
pub struct Changed {
    /// The penalty is among them: a new objective, which the model has not trained on.
    pub penalty: bool,
    /// "Learning rate changed to 0.1 and Batch size to 8 at epoch 240".
    pub words: String,
    /// "it" for one setting, "them" for more.
    pub them: &'static str,
}

/// The penalty a configuration trains with, if any: its kind and λ (none without a penalty or at
/// λ = 0). Only a change of it changes the objective.
pub fn penalty(c: &Config) -> Option<(usize, f64)> {
    let off = c.regularization() == Regularization::None || c.number(Key::Lambda) == 0.0;
    (!off).then(|| (c.position(Key::Regularization), c.number(Key::Lambda)))
}

/// The settings training goes on with, in the verdict's order.
const GOING_ON_WITH: [Key; 5] = [
    Key::Regularization,
    Key::Lambda,
    Key::LearningRate,
    Key::BatchSize,
    Key::Optimizer,
];

impl Moved {
    /// The settings of [`GOING_ON_WITH`] shown in `now`'s lab that act otherwise than at the
    /// model's step (a batch beyond the training points acts as all of them; λ without a penalty,
    /// or a penalty at λ = 0, as none); `None` when none does (a setting moved back, or to one
    /// that acts the same).
    pub fn changed(&self, now: &Config, train_size: usize) -> Option<Changed> {
        // The penalty as one: named by the controls moved, if it acts otherwise.
        let new_penalty = penalty(&self.config) != penalty(now);
        let acts = |c: &Config, key: Key| match key {
            Key::BatchSize => c.number(key).min(train_size as f64),
            _ => c.number(key),
        };
        let keys: Vec<Key> = (GOING_ON_WITH.into_iter())
            .filter(|&k| now.shows(k) && acts(&self.config, k) != acts(now, k))
            .filter(|&k| new_penalty || !matches!(k, Key::Regularization | Key::Lambda))
            .collect();
        let (first, rest) = keys.split_first()?;
        let to = |k: Key| display_value(k, now.position(k));
        let mut words = format!("{} changed to {}", first.spec().label, to(*first));
        for (i, &k) in rest.iter().enumerate() {
            let and = if i + 1 == rest.len() { " and" } else { "," };
            words.push_str(&format!("{and} {} to {}", k.spec().label, to(k)));
        }
        words.push_str(&format!(" at epoch {}", thousands(self.epoch)));
        Some(Changed {
            penalty: keys
                .iter()
                .any(|k| matches!(k, Key::Regularization | Key::Lambda)),
            words,
            them: if keys.len() > 1 { "them" } else { "it" },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::url::decode;

    fn moved(from: &str) -> Moved {
        Moved {
            epoch: 2400,
            config: decode(from).0,
            objective_since: 0,
            tuned_since: 0,
            tuned_from: None,
        }
    }

    #[test]
    fn names_what_acts_otherwise_and_whether_the_penalty_is_among_it() {
        let m = moved("reg=l2&lambda=0.01&lr=0.01");
        let changed = |to: &str| m.changed(&decode(to).0, 20);
        assert_eq!(changed("reg=l2&lambda=0.01&lr=0.01"), None);
        let lr = changed("reg=l2&lambda=0.01&lr=0.1").unwrap();
        assert_eq!(
            (lr.penalty, lr.words.as_str()),
            (false, "Learning rate changed to 0.1 at epoch 2,400")
        );
        let both = changed("reg=l2&lambda=1&lr=0.1&batch=8").unwrap();
        assert!(both.penalty);
        assert_eq!(
            both.words,
            "Regularization strength changed to 1, Learning rate to 0.1 and Batch size to 8 at \
             epoch 2,400"
        );
    }

    /// Moves that change nothing the model trains with: λ without a penalty, a penalty at λ = 0,
    /// a batch from one beyond the training points to all of them (helper 70).
    #[test]
    fn a_move_that_acts_the_same_is_no_change() {
        let none = moved("reg=none&lambda=0.01");
        assert_eq!(none.changed(&decode("reg=none&lambda=1").0, 20), None);
        let zero = moved("reg=l2&lambda=0");
        assert_eq!(zero.changed(&decode("reg=l1&lambda=0").0, 20), None);
        let batch = moved("batch=50");
        assert_eq!(batch.changed(&decode("batch=all").0, 20), None);
        assert!(batch.changed(&decode("batch=8").0, 20).is_some());
    }
}
