//! The one interface every lab's model has, so that a lab's session, a validation curve, a
//! cross-validation or a search can build, train and score any model on any split of the data
//! without knowing which model it is.
//!
//! The life of a model: [`Model::new`] builds it from validated hyperparameters and its training
//! samples (its parameters at their starting values); [`Model::step`] learns a little (a gradient
//! epoch, one level of a tree) and says how it went; [`Model::score`] measures it on any samples;
//! [`Model::parameters`] lists what it has learned.

/// What one training step did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Something was learned (a gradient epoch, a tree level).
    Trained,
    /// Nothing left to learn (k-NN always; a fully grown tree). The model is unchanged.
    Finished,
    /// The loss exploded; the step was undone, so the parameters are those before it (finite,
    /// though possibly already far off: the loss may have risen for several steps before it
    /// passed the limit).
    Diverged,
}

/// What one gradient epoch did (polynomial and logistic regression, the network).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Epoch {
    /// The epoch finished, with its training loss (MSE or mean cross-entropy, no penalty): for
    /// polynomial and logistic regression the loss after the epoch; for the network the mean of
    /// its mini-batches' losses, each measured before that batch's update (the forward pass the
    /// gradient needs), as scikit-learn's networks report it.
    Done { train_loss: f64 },
    /// The loss became non-finite or exploded; the epoch was undone.
    Diverged,
}

impl From<Epoch> for Progress {
    fn from(epoch: Epoch) -> Self {
        match epoch {
            Epoch::Done { .. } => Progress::Trained,
            Epoch::Diverged => Progress::Diverged,
        }
    }
}

/// How well a model does on one set of samples.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Score {
    /// The data term of the objective: mean squared error for numbers, mean cross-entropy
    /// (log-loss) for classes.
    pub loss: f64,
    /// For classes: the share predicted right.
    pub accuracy: Option<f64>,
    /// For classes: `confusion[actual][predicted]`; empty for numbers.
    pub confusion: Vec<Vec<usize>>,
}

impl Score {
    /// The error that validation curves and searches compare: the error rate for classes, the
    /// mean squared error for numbers.
    pub fn error(&self) -> f64 {
        self.accuracy.map_or(self.loss, |a| 1.0 - a)
    }
}

/// One learned number and where it lives (e.g. "w₃", "layer 1: x₂ → 0", "layer 2: 1 → 0").
#[derive(Clone, Debug, PartialEq)]
pub struct Parameter {
    pub name: String,
    pub value: f64,
    /// Whether the penalty (L2 or L1) applies to it: weights yes, intercepts and biases no.
    pub penalized: bool,
}

/// A set of samples that can be cut into parts (folds of a cross-validation, a bootstrap).
pub trait Samples: Clone {
    /// How many samples there are.
    fn count(&self) -> usize;
    /// The samples at `indices`, in that order.
    fn subset(&self, indices: &[usize]) -> Self;
}

/// A model of one of the labs.
pub trait Model: Clone {
    /// Validated hyperparameters: every value of this type is one the math accepts.
    type Hyper: Clone + PartialEq + core::fmt::Debug;
    /// What it learns from and is scored on.
    type Samples: Samples + core::fmt::Debug;

    /// An untrained model on `train`. `seed` drives the randomness of training itself (a
    /// forest's bootstrap samples and split features, boosting's subsamples); randomness that is
    /// a hyperparameter is in `hyper`: the network's initialization seed, which also orders its
    /// mini-batches.
    fn new(hyper: &Self::Hyper, train: &Self::Samples, seed: u64) -> Self;

    /// Learns one step: a gradient epoch, or one level of a tree.
    fn step(&mut self) -> Progress;

    /// Steps taken so far (epochs or tree levels).
    fn steps(&self) -> u64;

    /// Takes new hyperparameters that only change how training goes on (learning rate, λ,
    /// batch size, optimizer), keeping the learned parameters. Those that change the model's
    /// shape need a new model: the control table says which are which.
    fn retune(&mut self, hyper: &Self::Hyper);

    /// The model's score on `samples` (training, test, or a fold it did not see).
    fn score(&self, samples: &Self::Samples) -> Score;

    /// Every learned number, in a fixed order. Empty when the model learns none (k-NN).
    fn parameters(&self) -> Vec<Parameter>;

    /// For a model whose training has a last step (a tree's last level, an ensemble's last tree,
    /// k-NN at once), whether it has taken it: `Some(true)` when [`Model::step`] would only say
    /// [`Progress::Finished`]. `None` for gradient training, which goes on until stopped.
    fn is_finished(&self) -> Option<bool> {
        None
    }

    /// Whether the model has anything to predict with yet. A forest of no trees has no vote:
    /// every point is a tie, which a count gives to the first class, so its accuracy and
    /// confusion matrix would say nothing of the model (helper 100: "Train accuracy 45.7 %",
    /// below always answering the majority). Its log-loss, the even guess's, is a score.
    fn predicts(&self) -> bool {
        true
    }

    /// Whether [`Model::step`] can report [`Progress::Diverged`]: gradient training can, growing
    /// trees and k-NN cannot. A lab's session keeps a copy of such a model at its best epoch, to
    /// go back to if training diverges (a copy per epoch would cost an ensemble dearly).
    fn can_diverge(&self) -> bool {
        false
    }
}

/// Builds a model on `train` and trains it for at most `max_steps` steps (fewer if it finishes
/// or diverges): what every validation-curve point, fold and search trial does.
pub fn fit<M: Model>(hyper: &M::Hyper, train: &M::Samples, seed: u64, max_steps: u32) -> M {
    fit_checked(hyper, train, seed, max_steps).0
}

/// [`fit`], and whether training stopped because it diverged: a step reported
/// [`Progress::Diverged`] (the loss exploded and the step was undone) — the same test on which a
/// lab's training stops and says "Diverged". Such a model has no error worth comparing with
/// others' (cross-validation counts it as [`crate::tune::cv::DIVERGED`]).
pub fn fit_checked<M: Model>(
    hyper: &M::Hyper,
    train: &M::Samples,
    seed: u64,
    max_steps: u32,
) -> (M, bool) {
    let mut model = M::new(hyper, train, seed);
    for _ in 0..max_steps {
        match model.step() {
            Progress::Trained => {}
            Progress::Finished => break,
            Progress::Diverged => return (model, true),
        }
    }
    (model, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A model that learns the mean of its samples one step at a time, halving the gap each step
    /// and finishing once it is within 1e-3: enough to check `fit` and `Score::error` by hand.
    #[derive(Clone, Debug, PartialEq)]
    struct Mean {
        target: f64,
        value: f64,
        steps: u64,
    }

    impl Samples for Vec<f64> {
        fn count(&self) -> usize {
            self.len()
        }
        fn subset(&self, indices: &[usize]) -> Self {
            indices.iter().map(|&i| self[i]).collect()
        }
    }

    impl Model for Mean {
        type Hyper = ();
        type Samples = Vec<f64>;
        fn new(_: &(), train: &Vec<f64>, _: u64) -> Self {
            let target = train.iter().sum::<f64>() / train.len() as f64;
            Mean {
                target,
                value: 0.0,
                steps: 0,
            }
        }
        fn step(&mut self) -> Progress {
            if (self.value - self.target).abs() < 1e-3 {
                return Progress::Finished;
            }
            self.value += (self.target - self.value) / 2.0;
            self.steps += 1;
            Progress::Trained
        }
        fn steps(&self) -> u64 {
            self.steps
        }
        fn retune(&mut self, _: &()) {}
        fn score(&self, samples: &Vec<f64>) -> Score {
            let loss = samples
                .iter()
                .map(|y| (y - self.value).powi(2))
                .sum::<f64>()
                / samples.len() as f64;
            Score {
                loss,
                ..Score::default()
            }
        }
        fn parameters(&self) -> Vec<Parameter> {
            vec![Parameter {
                name: "mean".into(),
                value: self.value,
                penalized: false,
            }]
        }
    }

    #[test]
    fn fit_stops_at_the_budget_or_when_finished() {
        let train = vec![1.0, 3.0]; // mean 2
        let m: Mean = fit(&(), &train, 0, 2);
        assert_eq!((m.steps, m.value), (2, 1.5)); // 0 → 1 → 1.5
                                                  // From 2 the gap halves each step: 2·2⁻¹¹ < 1e-3 after 11 steps, then it finishes.
        let m: Mean = fit(&(), &train, 0, 1000);
        assert_eq!(m.steps, 11);
        assert_eq!(m.subset_mean_score(), 1.0 + (2.0 - m.value).powi(2));
    }

    impl Mean {
        fn subset_mean_score(&self) -> f64 {
            // Samples 1 and 3 around the learned value v: ((1 − v)² + (3 − v)²)/2 = 1 + (2 − v)².
            self.score(&vec![3.0, 1.0, 9.0].subset(&[1, 0])).loss
        }
    }

    #[test]
    fn error_is_the_error_rate_for_classes_and_the_loss_for_numbers() {
        let numbers = Score {
            loss: 0.25,
            ..Score::default()
        };
        let classes = Score {
            loss: 0.4,
            accuracy: Some(0.875),
            confusion: vec![],
        };
        assert_eq!((numbers.error(), classes.error()), (0.25, 0.125));
    }
}
