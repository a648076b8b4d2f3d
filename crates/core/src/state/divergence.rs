//! What the page says when training explodes: the divergence's message, and the verdict while
//! training goes on from the model it went back to with the settings it exploded with.

use super::{LabKind, Session};
use crate::format::{short, thousands};
use crate::ml::diagnosis::{Diagnosis, Fit};
use crate::ml::model::{Model, Samples};
use crate::ml::optimizer::OptimizerKind;
use crate::ml::regularization::Regularization;
use crate::state::spec::Key;

impl<K: LabKind> Session<K> {
    /// The verdict once training goes on (a Step, or Play) from the model a divergence went
    /// back to, with the settings it exploded with: the model keeps its random state and its
    /// optimizer's memory, so it takes the same steps and explodes in the same epoch again
    /// (helper 103 stepped `?data=line&lr=1&reg=l2&lambda=0.1` through epochs 1 to 14 twice,
    /// and read "too early to judge … let it train on" between the explosions). `None` once a
    /// hyperparameter moves or training starts afresh.
    pub(super) fn explodes_again(&self) -> Option<Diagnosis> {
        let exploded = self.exploded.filter(|&e| self.model.steps() < e)?;
        let lr = self.config.number(Key::LearningRate);
        let epoch = thousands(exploded);
        Some(Diagnosis {
            fit: Fit::LearningRateTooHigh,
            reason: format!(
                "At a learning rate of {lr} the training loss exploded in epoch {epoch}, and \
                 training went back to the best epoch before it. It goes on from there with the \
                 same settings, so it takes the same steps and explodes in epoch {epoch} again. {}",
                self.advice()
            ),
            close_call: false,
            unsettled: None,
        })
    }

    /// What happened, what the page shows now (the epoch gone back to), and what to do.
    pub(super) fn divergence_text(&self, exploded: u64) -> String {
        let lr = self.config.number(Key::LearningRate);
        // (The loss chart's log axis has no epoch 0: "on the loss chart" pointed at a point it
        // does not draw; helper 60.)
        let loss = short(self.train_score.loss);
        let kept = match self.model.steps() {
            0 => format!(
                "epoch 0 (the start), before any update: no epoch had a lower training loss than \
                 its {loss}"
            ),
            epoch => format!(
                "epoch {}, the lowest training loss recorded ({loss})",
                thousands(epoch)
            ),
        };
        // (Helper 72: "that epoch was undone" beside an epoch counter 255,000 epochs back.)
        let back = match exploded - self.model.steps() {
            1 => "so that epoch was undone".to_string(),
            n => format!(
                "so training went back {} epochs, to the best one before it",
                thousands(n)
            ),
        };
        format!(
            "Training stopped: the loss exploded in epoch {}, {back}. A learning rate of \
             {lr} is too high for this setting — each step overshoots the minimum by more than \
             the last. Shown: the parameters of {kept}. {}",
            thousands(exploded),
            self.advice()
        )
    }

    /// With mini-batches, the batch size's part in a divergence: each step follows the gradient
    /// of its own few points, whose curvature is at least their average's over all points on a
    /// single point (its squared length against the average's largest eigenvalue), so a rate
    /// that trains on all points can explode on few (helper 60: 0.5 trains with all points per
    /// step and explodes in epoch 1 with one).
    fn batch_cause(&self) -> String {
        let (batch, n) = (self.config.number(Key::BatchSize), self.train_set().count());
        if batch >= n as f64 {
            return String::new();
        }
        let few = if batch == 1.0 {
            "1 point follows its own gradient".to_string()
        } else {
            format!("{batch} points follows their own gradient")
        };
        format!(
            ", or use larger batches (each step on {few}, which can be far steeper than the \
             average over all {n})"
        )
    }

    /// What to do about a learning rate that explodes: the rate to go below (exactly, where the
    /// lab knows it), larger batches, or Adam.
    fn advice(&self) -> String {
        let lr = self.config.number(Key::LearningRate);
        // Adam normalizes the gradient: its steps are about η whatever the gradient, which
        // tames a steep loss but not a step of 1 or more in weights of order 1.
        let adam = match self.config.optimizer() {
            OptimizerKind::Adam => ". Adam does not prevent this: each of its steps is about \
                                   the learning rate in size, however small the gradient."
                .to_string(),
            _ if lr >= 1.0 => format!(
                ", or switch to Adam, whose steps stay about the learning rate in size however \
                 steep the loss (at {lr} that may still be too large)."
            ),
            _ => ", or switch to Adam.".to_string(),
        };
        // (Where the stable rates are known exactly, they are said: "a tenth may not be enough"
        // beside a curve note's "try 0.1 or lower" read as two answers; helper 60.)
        let lower = match K::stable_rate(self) {
            Some(limit) => {
                // The slider's own value under the limit (helper 61: 0.6797 is not on it).
                let rates = Key::LearningRate.spec().domain;
                let below = (0..rates.len())
                    .rev()
                    .map(|p| rates.number(p))
                    .find(|&r| r < limit)
                    .map(|r| format!("on the slider {} or lower; ", short(r)))
                    .unwrap_or_default();
                let (bowl, set) = match self.config.regularization() {
                    Regularization::L2 if self.config.number(Key::Lambda) > 0.0 => (
                        " the objective (the MSE plus the L2 penalty) is a bowl",
                        "these training points and λ set",
                    ),
                    _ => (
                        " and no penalty the loss is a bowl",
                        "these training points set",
                    ),
                };
                format!(
                    "Lower the learning rate below {} ({below}with all points per step{bowl}, \
                     and plain gradient descent goes down it at any rate under 2 over \
                     its steepest curvature, which {set}; a search over the rate in the Tuning \
                     lab shows how low an error each reaches in 1,000 epochs)",
                    short(limit)
                )
            }
            None => format!(
                "Lower the learning rate (a tenth, {}, may not be enough: a search over it in the \
                 Tuning lab shows which rates train)",
                short(lr / 10.0)
            ),
        };
        format!("{lower}{}{adam}", self.batch_cause())
    }
}
