//! What the verdict looks at ([`Evidence`]: the errors, the loss's trend, the model's levers,
//! and what the lab knows of its optimum) and what it says ([`Fit`], [`Diagnosis`]), with the
//! readings of the loss history they are made from ([`Trend`], [`Momentum`], [`test_rise`]).

use super::{perfect, standard_error};
use crate::data::regression::span;
use crate::format::whole_percent;
use crate::ml::activation::Activation;
use crate::ml::history::Record;

/// The verdict: what is wrong, if anything.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    GoodFit,
    /// High variance: the model follows the noise of its training points.
    TooFlexible,
    /// High bias: the model cannot describe the pattern.
    TooSimple,
    TooStronglyRegularized,
    /// Not converged yet.
    StillTraining,
    /// A plateau that another initialization may escape.
    Stuck,
    LearningRateTooHigh,
    TooFewPoints,
    /// The gap comes only from test points beyond the training points' range, where the model
    /// had nothing to follow (rule 0).
    Extrapolating,
}

impl Fit {
    /// The verdict's title as the page shows it.
    pub fn title(self) -> &'static str {
        match self {
            Fit::GoodFit => "Good fit",
            Fit::TooFlexible => "Overfitting: too flexible",
            Fit::TooSimple => "Underfitting: too simple",
            Fit::TooStronglyRegularized => "Underfitting: too strongly regularized",
            Fit::StillTraining => "Still training",
            Fit::Stuck => "Stuck",
            Fit::LearningRateTooHigh => "Learning rate too high",
            Fit::TooFewPoints => "Overfitting: too few training points",
            Fit::Extrapolating => "Test points beyond the training data",
        }
    }

    /// Whether the model fails to describe even its training points (underfitting).
    pub fn is_underfitting(self) -> bool {
        matches!(self, Fit::TooSimple | Fit::TooStronglyRegularized)
    }

    /// Whether what it learned does not carry over to new points (overfitting).
    pub fn is_overfitting(self) -> bool {
        matches!(self, Fit::TooFlexible | Fit::TooFewPoints)
    }
}

/// A verdict with the reason in words.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnosis {
    pub fit: Fit,
    pub reason: String,
    /// A close call (`reading::close_call`): the accuracies lie so near the rules' lines that points of
    /// the other kind, as many as chance alone moves them, would change the reading.
    pub close_call: bool,
    /// Whether the figures a judgement rests on can still move (`None` for "Still training",
    /// whose figures are not a judgement yet): the model still grows, or its training loss
    /// still falls. A challenge waits for them (helper 86: "Challenge met!" beside a verdict
    /// that said its figures were not final).
    pub unsettled: Option<Unsettled>,
}

/// Why a judged model's figures are not final yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unsettled {
    /// A tree or an ensemble with levels or trees left to add.
    Growing,
    /// The training loss still falls ([`Trend::Falling`]).
    Falling,
}

/// [`Diagnosis::unsettled`] for a verdict other than "Still training": every point right is as
/// final as figures get.
pub(super) fn unsettled(e: &Evidence) -> Option<Unsettled> {
    if perfect(e.errors) {
        None
    } else if e.growing {
        Some(Unsettled::Growing)
    } else if e.trend == Trend::Falling {
        Some(Unsettled::Falling)
    } else {
        None
    }
}

/// The errors of the model on its training and test points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Errors {
    /// Mean squared errors, with the noise σ the data were made with, the targets' variance and
    /// how many test points the test error is of.
    Numbers {
        train: f64,
        test: f64,
        noise_sd: f64,
        variance: f64,
        test_points: usize,
    },
    /// Shares of points classified right, how many test points the test share is of, and the
    /// best any model can expect on the data when that is known.
    Classes {
        train: f64,
        test: f64,
        test_points: usize,
        ceiling: Option<Ceiling>,
    },
}

impl Errors {
    pub(super) fn train(self) -> f64 {
        let (Errors::Numbers { train, .. } | Errors::Classes { train, .. }) = self;
        train
    }

    pub(super) fn test(self) -> f64 {
        let (Errors::Numbers { test, .. } | Errors::Classes { test, .. }) = self;
        test
    }

    /// The same errors with another training figure (accuracy or MSE) in place of the model's.
    pub(super) fn with_train(mut self, figure: f64) -> Errors {
        let (Errors::Numbers { train, .. } | Errors::Classes { train, .. }) = &mut self;
        *train = figure;
        self
    }

    /// The same errors with another test figure in place of the model's.
    pub(super) fn with_test(mut self, figure: f64) -> Errors {
        let (Errors::Numbers { test, .. } | Errors::Classes { test, .. }) = &mut self;
        *test = figure;
        self
    }
}

/// The best accuracy any model can expect on data drawn from a known pattern at a known noise
/// level (its Bayes accuracy, from `data::bayes`), the number of classes, and what the rule that
/// knows the pattern scores on these very training and test points (`data::BayesRule`): on 60
/// test points it can lie 10 points either side of the average by chance alone.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ceiling {
    pub accuracy: f64,
    pub classes: usize,
    pub on_train: f64,
    pub on_test: f64,
    /// The model averages many trees (a random forest, boosting): it can fit its training
    /// points far better than the rule that knows the pattern and still carry the pattern over,
    /// so only its test accuracy can show a gap (see the module's documentation).
    pub averages: bool,
}

impl Ceiling {
    /// How far from the rule that knows the pattern an accuracy `p` measured on `n` of the same
    /// points may lie before the model is called worse (or, on its training points, better: it
    /// learned their noise); see the module's documentation.
    pub(super) fn allowance(self, p: f64, n: usize) -> f64 {
        let (c, guess) = (self.accuracy, 1.0 / self.classes as f64);
        let n = n.max(1) as f64;
        let room = 0.03 * (c - guess) / (1.0 - guess);
        let chance = 1.5 * standard_error(p, n as usize) + 1.0 / n;
        room.max(chance)
    }

    /// Whether a training accuracy `train` on `n` points lies above the rule's on those points
    /// by more than chance allows: the model has learned some of their noise.
    pub(super) fn learned_noise(self, train: f64, n: usize) -> bool {
        train > self.on_train + self.allowance(self.accuracy, n)
    }

    /// "about 78 %" and why: "the noise mixes the classes".
    pub(super) fn about(self) -> (String, &'static str) {
        let percent = (100.0 * self.accuracy).round();
        let why = if percent >= 100.0 {
            "the classes hardly overlap"
        } else {
            "the noise mixes the classes"
        };
        (format!("about {percent:.0} %"), why)
    }

    /// "the rule that knows the pattern scores 84 % (training) and 72 % (test)".
    pub(super) fn on_points(self) -> String {
        format!(
            "the rule that knows the pattern scores {} (training) and {} (test)",
            whole_percent(100.0 * self.on_train),
            whole_percent(100.0 * self.on_test)
        )
    }
}

/// Where the training loss is heading, from its recorded history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trend {
    /// Nothing to tell (no training steps, e.g. k-NN, or too few records).
    Unknown,
    /// Fell by more than 10 % over the second half of the epochs so far, or fell at every
    /// record of that half and by more than 2 % (a small learning rate: slow but steady), or
    /// by at least a quarter as much as in the first half (a descent that has not slowed, however
    /// slow: a learning rate far too small, with mini-batch noise).
    Falling,
    /// Changes little any more.
    Settled,
    /// Now 25 % or more above its lowest, or rising in at least a third of the recent records;
    /// or, from the third record, up at every one and more than doubled.
    Unstable,
    /// Rising since the model's objective changed, give or take a wobble under 5 %
    /// ([`Trend::after_change`]): a stronger penalty pulls the weights in, and the data's loss
    /// goes up to the new minimum.
    Rising,
}

impl Trend {
    /// [`Trend::of`] the records since the objective changed (a new penalty while training): a
    /// loss that only rises is on its way to the new objective's minimum, not unstable.
    pub fn after_change(records: &[Record]) -> Trend {
        let trend = Trend::of(records);
        // On its way up to the new minimum the loss wobbles (Adam's steps, the last digits at
        // the minimum): a record less than 5 % below the one before it is no fall back, as a
        // rise of less than 5 % is no jump in [`Trend::of`] (helper 59: a penalty switched on
        // after 300,000 epochs of Adam on degree 15 had a 4 % spike on its way up, and was called
        // a learning rate too high for good).
        let rising = (records.windows(2)).all(|w| w[1].train >= w[0].train * 0.95);
        if trend == Trend::Unstable && rising {
            Trend::Rising
        } else {
            trend
        }
    }

    /// Reads the trend of the training loss from the history's records (in epoch order) since
    /// the first of them: the second half is the epochs from halfway between it and the last.
    pub fn of(records: &[Record]) -> Trend {
        let (Some(first), Some(last)) = (records.first(), records.last()) else {
            return Trend::Unknown;
        };
        // Up at every record and doubled since the first: steps that overshoot by more each time,
        // plain after three records (a learning rate of 1 grows the loss 3.7× a step; waiting
        // for eight records called it "too early to judge" until it exploded).
        let climbing = records.len() >= 3
            && records.windows(2).all(|w| w[1].train > w[0].train)
            && last.train > 2.0 * first.train;
        if climbing {
            return Trend::Unstable;
        }
        if records.len() < 8 || !last.train.is_finite() {
            return Trend::Unknown;
        }
        let lowest = records
            .iter()
            .map(|r| r.train)
            .fold(f64::INFINITY, f64::min);
        let recent: Vec<f64> = records
            .iter()
            .filter(|r| r.epoch >= first.epoch + (last.epoch - first.epoch) / 2)
            .map(|r| r.train)
            .collect();
        let rises = recent.windows(2).filter(|w| w[1] > w[0] * 1.05).count();
        // A descent still a quarter as fast in the second half as in the first has not slowed to
        // a plateau (one after a fast start falls by a hundredth of that, or less).
        let (first_fall, second_fall) = (first.train - recent[0], recent[0] - last.train);
        let tiny = 1e-12;
        if last.train > 1.25 * lowest + tiny || 3 * rises >= recent.len().max(2) {
            Trend::Unstable
        } else if last.train < 0.9 * recent[0] - tiny
            || (last.train < 0.98 * recent[0] && recent.windows(2).all(|w| w[1] < w[0]))
            || (second_fall > 1e-3 * last.train && 4.0 * second_fall >= first_fall)
        {
            Trend::Falling
        } else {
            Trend::Settled
        }
    }
}

/// Whether the training loss still creeps down over the second half of `records` (in epoch
/// order), however slowly: the means of that half's four quarters each below the one before, the
/// last by a hundred-thousandth of the level or more. A plateau's descent can be a hundred-thousandth a record, far below what [`Trend::of`] counts
/// as falling, yet it goes one way; a loss that has stopped wobbles about a level and rarely
/// falls four quarters in a row.
pub fn creeping(records: &[Record]) -> bool {
    let (Some(first), Some(last)) = (records.first(), records.last()) else {
        return false;
    };
    let half = first.epoch + (last.epoch - first.epoch) / 2;
    let recent: Vec<f64> = (records.iter())
        .filter(|r| r.epoch >= half)
        .map(|r| r.train)
        .collect();
    if recent.len() < 8 {
        return false;
    }
    let quarter = |q: usize| {
        let part = &recent[q * recent.len() / 4..(q + 1) * recent.len() / 4];
        part.iter().sum::<f64>() / part.len() as f64
    };
    // (And by a hundred-thousandth of the level at least: a loss that stopped still approaches
    // its floor by ever tinier amounts.)
    (1..4).all(|q| quarter(q) < quarter(q - 1)) && quarter(3) < quarter(0) * (1.0 - 1e-5)
}

/// The least rise, as a share of the loss, that [`shrinking_swings`] counts as a swing.
const RISE: f64 = 1e-4;

/// How many swings the loss has made, when it swings and its swings die down: its peaks in
/// `records` (in epoch order; the first record counts as one, and the last while it is still
/// rising) each lower than the one before, over the last two swings at least, the last of them
/// in the second half of the epochs (one early bump before a long smooth fall is no swinging
/// now). Momentum's heavy ball on a quadratic swings with an amplitude that shrinks by √β a step
/// at any stable learning rate; beyond the stable range it grows.
///
/// A peak rises by more than [`RISE`] of the loss: a loss at its floor, whose last digits
/// wobble, makes no swings.
pub fn shrinking_swings(records: &[Record]) -> Option<usize> {
    let (first, last) = (records.first()?, records.last()?);
    let mut peaks: Vec<&Record> = vec![first];
    peaks.extend(
        (records.windows(3))
            .filter(|w| w[1].train > w[0].train * (1.0 + RISE) && w[1].train >= w[2].train)
            .map(|w| &w[1]),
    );
    if let [.., before, last] = records {
        if last.train > before.train * (1.0 + RISE) {
            peaks.push(last);
        }
    }
    let half = first.epoch + (last.epoch - first.epoch) / 2;
    // Or, over two swings or more, the highest peak of the second half below the first half's:
    // swings that die down unevenly, one a little above the one before now and then (helper 90:
    // logistic regression at a learning rate of 10 with momentum, its peaks 1.15, 1.01, 1.06,
    // 0.77, 0.79 while its loss fell from 0.79 to 0.47, flipped between "the steps overshoot"
    // and "swings … each smaller" some twenty times in 240 epochs).
    let highest = |second: bool| {
        (peaks.iter())
            .filter(|p| (p.epoch >= half) == second)
            .map(|p| p.train)
            .fold(f64::NEG_INFINITY, f64::max)
    };
    let envelope = peaks.len() >= 3 && highest(true) < highest(false);
    let last_two = peaks.len() >= 2
        && peaks
            .windows(2)
            .rev()
            .take(2)
            .all(|w| w[1].train < w[0].train);
    let shrink = (last_two || envelope) && peaks.last().is_some_and(|p| p.epoch >= half);
    shrink.then(|| peaks.len() - 1)
}

/// What momentum's loss shows so far, on full batches (with mini-batches the loss jumps with
/// each batch's noise: no swing to read).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Momentum {
    /// The loss swings, each swing lower than the one before ([`shrinking_swings`]): how many.
    pub settling: Option<usize>,
    /// The loss is above its lowest so far (epoch, loss): the heavy ball has carried the weights
    /// past the minimum. Before a trend can be read, whether its swings will shrink or grow is
    /// not yet to be seen.
    pub above_lowest: Option<(u64, f64)>,
}

impl Momentum {
    /// From the records since the way down last changed.
    pub fn of(records: &[Record]) -> Momentum {
        let lowest = records.iter().min_by(|a, b| a.train.total_cmp(&b.train));
        let above = |low: &Record| {
            records
                .last()
                .is_some_and(|r| r.train > low.train * (1.0 + 1e-9))
        };
        Momentum {
            settling: shrinking_swings(records),
            above_lowest: lowest
                .filter(|low| above(low))
                .map(|low| (low.epoch, low.train)),
        }
    }
}

/// Everything the verdict looks at.
#[derive(Clone, Debug, PartialEq)]
pub struct Evidence {
    pub errors: Errors,
    pub trend: Trend,
    pub train_points: usize,
    /// Learned numbers (0 for k-NN, whose "parameters" are the training points themselves).
    pub parameters: usize,
    /// The penalty is strong enough to hold the model back (see the module's rule 5).
    pub strong_penalty: bool,
    /// A penalty is set (λ > 0): the objective then has one minimum, not many.
    pub penalized: bool,
    /// Where the trend is [`Trend::Unstable`] because the objective (the MSE plus the L2
    /// penalty) rose at a step of plain gradient descent while the MSE fell: the objective
    /// before and after. The verdict then says it in the objective's words (the loss shown
    /// fell, and "the training loss has risen" would be false).
    pub objective_rise: Option<(f64, f64)>,
    /// A network's hidden units, when nonlinear: its loss has poor local minima and plateaus,
    /// and units can stop learning (ReLU's switched off, tanh's and sigmoid's saturated).
    pub hidden: Option<Activation>,
    /// A network's hidden layers (0 outside the Neural lab).
    pub layers: usize,
    /// A network whose inputs carry nothing of one coordinate: that coordinate and the features
    /// that would carry it ([`crate::ml::mlp::Inputs::blind_to`]). See the module's rule 4.
    pub blind_to: Option<(&'static str, [&'static str; 4])>,
    /// The network's training loss still about what a constant guess scores (the class
    /// shares, the targets' mean), and creeping down ([`creeping`]): the flat start that
    /// networks, sigmoid ones most, often sit on for hundreds of epochs before they leave it on
    /// their own. Not stuck, and Reset is not the cure.
    pub flat_start: bool,
    /// A network past its first thousand epochs whose training loss sits within 3 % of the
    /// constant guess's and does not creep below it: a falling trend there is the jitter of its
    /// steps, not progress (helper 89).
    pub at_guess: bool,
    /// Boosting whose training log-loss ended far above the lowest it reached, and above the
    /// constant guess's where it began: its rounds' steps overshoot ([`Overshoot`]).
    pub overshoot: Option<Overshoot>,
    /// Momentum's swings: the loss rises and falls again as the velocity carries the weights
    /// past the minimum and back, each swing lower than the one before at a stable learning
    /// rate ([`Momentum`]). A rise then is no sign of too high a learning rate.
    pub momentum: Option<Momentum>,
    /// What makes this model more or less flexible, named in the remedies.
    pub levers: Levers,
    /// The training figure of `errors` (accuracy for classes, MSE for numbers) that the same
    /// model reaches fully trained: the minimum of its convex objective, computed directly
    /// (`ml::optimum`). `None` when not known: models whose objective is not convex, a
    /// solver that did not converge. See the module's rule 4.
    pub best_reachable: Option<f64>,
    /// The training loss above the loss with every weight at zero ([`AboveZero`]).
    pub above_zero_weights: Option<AboveZero>,
    /// A penalty too steep for plain gradient descent at this learning rate ([`PenaltyPull`]).
    pub penalty_pull: Option<PenaltyPull>,
    /// The test loss's lowest and its last figure, when it has since more than doubled while
    /// the training loss went on down ([`test_rise`]): the model went on to learn its training
    /// points' accidents. See the module's rule 3.
    pub test_rise: Option<(f64, f64)>,
    /// The epoch half the training ago and its test loss, when the test loss has fallen by more
    /// than a fifth since, with the training loss ([`test_fall`]): a gap that is still closing.
    pub test_fall: Option<(u64, f64)>,
    /// The model has steps left that come to an end (a tree's levels, an ensemble's trees):
    /// high error now is no verdict on it yet.
    pub growing: bool,
    /// Test points that lie beyond the training points' range (one input: the Regression lab),
    /// when there are any. See the module's rule 0.
    pub beyond: Option<Beyond>,
    /// Mini-batches on a model whose fully trained error is known, once its loss no longer
    /// falls: where the batches' noise leaves it ([`Jitter`]). See the module's rule 2.
    pub jitter: Option<Jitter>,
    /// Which way the validation curve, cross-validated on the training points alone, points,
    /// when it is over a control of the model's form (more depth, a smaller k: not λ, nor a
    /// forest's number of trees) and speaks for this model; `None` otherwise (not computed yet,
    /// over another control, trained far past it, its models far from trained). See the
    /// module's rule 8.
    pub curve: Option<CurveLean>,
    /// A model trained on log-loss whose test log-loss is above a constant guess's
    /// ([`Overconfident`]).
    pub overconfident: Option<Overconfident>,
    /// A model trained on log-loss whose training log-loss (a network's median of recent
    /// epochs) and the constant guess's there, when the first is no lower ([`SharesOnly`]).
    pub shares_only: Option<SharesOnly>,
    /// Hand-placed training points at one spot with points of another class ([`Coincident`]).
    pub coincident: Option<Coincident>,
}

/// Hand-placed training points that share their spot with a point of another class. No model
/// can tell such points apart: at one spot it answers one class, so at most the largest class
/// of each spot is right, and `reachable` (that count over all the training points) is the
/// highest training accuracy any model can have (helper 109: five points at (0, 0) of three
/// classes read "too simple … more trees").
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Coincident {
    /// The training points at spots that hold more than one class.
    pub points: usize,
    pub reachable: f64,
}

impl Coincident {
    /// Of training points given as (x₁, x₂, class), at most 500 of them (a few hundred thousand
    /// comparisons): `None` when no spot holds two classes.
    pub fn of(points: &[(f64, f64, usize)]) -> Option<Coincident> {
        let (mut clashing, mut right) = (0, 0);
        for (i, &(x1, x2, _)) in points.iter().enumerate() {
            let here = |p: &&(f64, f64, usize)| p.0 == x1 && p.1 == x2;
            // Each spot once, at its first point: its points counted by class (at most 3).
            if points[..i].iter().any(|p| here(&p)) {
                continue;
            }
            let mut counts = [0usize; 3];
            for p in points.iter().filter(here) {
                counts[p.2.min(2)] += 1;
            }
            right += counts.iter().max().unwrap_or(&0);
            if counts.iter().filter(|&&k| k > 0).count() > 1 {
                clashing += counts.iter().sum::<usize>();
            }
        }
        (clashing > 0).then(|| Coincident {
            points: clashing,
            reachable: right as f64 / points.len() as f64,
        })
    }
}

/// A classifier trained to minimize log-loss whose log-loss on its own training points is no
/// lower than always predicting their class shares scores there: it has learned nothing of the
/// pattern. Where the pattern leaves more to learn than chance hides (the best any model can
/// expect above guessing by more than the training accuracy's allowance), that is high training
/// error whatever the accuracy reads: on the spiral at noise 0.5 the rule that knows the pattern
/// scores only 52 % on the training points of seed 42, where a network of three layers of 16,
/// stuck at the class shares, scores 52 % too, yet the best expects 60 % (helper 72 read "Good
/// fit" there).
/// (A network right on most points but sure of a few it gets wrong can score a training
/// log-loss above the guess's too: the training accuracy must also be no better than always
/// answering the largest class, `majority`, by more than chance.)
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SharesOnly {
    pub train: f64,
    pub guess: f64,
    /// The largest class's share of the training points.
    pub majority: f64,
}

/// A classifier trained to minimize log-loss whose log-loss on the test points is above what
/// always predicting the training points' class shares scores there: it is sure of test points
/// it gets wrong. The accuracy can still read a good fit (helper 74: boosting at a learning rate
/// of 1 on XOR, 88 % right on the test points, log-loss 10⁻⁸ on the training points and 1.16 on
/// the test points, where the constant guess scores 0.69): in its probabilities it has overfit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Overconfident {
    pub train: f64,
    pub test: f64,
    pub guess: f64,
}

/// Where a validation curve over a control of the model's flexibility does clearly better (more
/// than one standard error below the current value's cross-validated error).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CurveLean {
    MoreFlexible,
    LessFlexible,
    /// Nowhere: the current value is the lowest, or within one standard error of it.
    Neither,
}

/// A convex model's training loss above its loss with every weight at zero. Its minimum never
/// sits there: at zero weights the penalty is zero, so the minimum's training loss is at most
/// that loss. Then the steps hold the model up, not the minimum, whatever the minimum's own
/// error (helper 99: a logistic model at λ = 10 and a learning rate of 0.1 climbed to a log-loss
/// of 15.85 and read "too strongly regularized … Lower λ").
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AboveZero {
    /// The highest training loss of the last few records since how the model learns last
    /// changed (a loss that swings every other epoch is read at its peak, steadily).
    pub peak: f64,
    /// The training loss with every weight at zero.
    pub zero: f64,
}

/// λ and the learning rate of a convex model under L2 and plain gradient descent when 2λ × the
/// learning rate is 2 or more. The penalty's pull alone then moves each weight by 2λη times
/// itself per step, to as far past zero as it was or farther, and the data's own curvature
/// only adds to the steepness: gradient descent cannot settle at any learning rate of 1/λ or above, a
/// fact of the settings, read before any loss (helper 99's λ = 10 at 0.1, where the verdict
/// flipped every epoch as the loss swung either side of its loss at zero weights).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PenaltyPull {
    pub lambda: f64,
    pub rate: f64,
}

/// Boosting's training log-loss that rose past its start: the lowest it reached, after how many
/// trees, and where it stands now. Each round adds the learning rate times its leaves' values,
/// and a leaf's value is one Newton step on the few points it holds, Σr / Σp(1 − p), which is
/// huge where those points' p(1 − p) is near 0: a step that large overshoots on every training
/// point (helper 90: 200 trees at a learning rate of 1 on a subsample of 10 % ended at a
/// log-loss of 18 and 50 % right, and read "too simple … deeper trees").
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Overshoot {
    pub lowest: f64,
    pub at: u64,
    pub now: f64,
}

/// Where the noise of mini-batches leaves a model whose loss no longer falls: with a constant
/// learning rate each step follows a few points' gradient, so the weights never settle at the
/// minimum but jitter about it, the farther the larger the rate and the smaller the batch.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Jitter {
    /// Points per step.
    pub batch: usize,
    /// The median training loss over the second half of the epochs since the objective last
    /// changed: a reading of the jitter that one record does not swing.
    pub median: f64,
    /// The same model's training loss fully trained ([`Evidence::best_reachable`]).
    pub best: f64,
    /// What the median may exceed `best` by and still be called settled: a quarter of `best`,
    /// plus half a percent of the targets' variance (for data with no noise, whose `best` is 0).
    /// On helper 60's link the median at a learning rate of 0.1 with batches of 1 lies 43–73 %
    /// above `best` from epoch 150 to 3,000, and at 0.03 (or 0.1 with batches of 4) 1–4 %.
    pub slack: f64,
}

impl Jitter {
    /// The jitter keeps the training error well above what the model reaches fully trained.
    pub(super) fn costly(self) -> bool {
        self.median > self.best + self.slack
    }
}

/// The test points that lie beyond the range of the training points' x (one input only): there
/// the model had no points to follow, and its curve goes wherever its form takes it. (Counting
/// only those more than one mean spacing of the training points out was tried: it called 19
/// more cases too flexible whose gap fresh points between the training points do not show;
/// `tests/extrapolation_calibration.rs`.)
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Beyond {
    /// How many test points lie beyond.
    pub points: usize,
    /// The training points' lowest and highest x.
    pub range: (f64, f64),
    /// The test MSE over the other test points; `None` when there are none.
    pub inside: Option<f64>,
}

impl Beyond {
    /// The test points `(x, y)` beyond the range of `train`'s x, and the model's MSE over the
    /// others; `None` when no test point lies out there. (The verdict is read on every frame:
    /// nothing is collected, and nothing is predicted unless some test point lies beyond.)
    pub fn of<T>(
        train: impl IntoIterator<Item = f64>,
        test: T,
        predict: impl Fn(f64) -> f64,
    ) -> Option<Beyond>
    where
        T: Iterator<Item = (f64, f64)> + Clone,
    {
        // (One training point, or all at one x, has no range to speak of.)
        let (lo, hi) = span(train).filter(|(lo, hi)| lo < hi)?;
        let within = |x: f64| (lo..=hi).contains(&x);
        let points = test.clone().filter(|&(x, _)| !within(x)).count();
        if points == 0 {
            return None;
        }
        let (sum, count) = (test.filter(|&(x, _)| within(x))).fold((0.0, 0), |(s, c), (x, y)| {
            (s + (predict(x) - y).powi(2), c + 1)
        });
        Some(Beyond {
            points,
            range: (lo, hi),
            inside: (count > 0).then(|| sum / count as f64),
        })
    }
}

/// The test loss's lowest and last figure in `records` (in epoch order), when the last is more
/// than 1.5 times the lowest and the training loss is at its lowest yet: the test loss turns up
/// while the training loss still falls, the classic sign of overfitting as it happens (rule 3
/// asks for a doubling; a good fit names a smaller rise).
pub fn test_rise(records: &[Record]) -> Option<(f64, f64)> {
    let last = records.last()?;
    let lowest = |f: fn(&Record) -> f64| records.iter().map(f).fold(f64::INFINITY, f64::min);
    let (test, train) = (lowest(|r| r.test), lowest(|r| r.train));
    let rose = last.test.is_finite() && last.test > 1.5 * test;
    // (At its lowest give or take a thousandth: a settled loss wobbles in its last digits.)
    (rose && last.train <= train * (1.0 + 1e-3)).then_some((test, last.test))
}

/// The record half the training ago (the last at or before half the last record's epoch), as
/// (epoch, test loss), when the test loss has since fallen below four fifths of it and the
/// training loss fell too: the model is still learning what carries over to new points, so a
/// gap now may yet close (session 24: degree 15 on 40 points read "Overfitting"
/// from epoch 14 to 86 while its test error halved, then "Good fit").
pub fn test_fall(records: &[Record]) -> Option<(u64, f64)> {
    let last = records.last()?;
    let before = records.iter().rev().find(|r| r.epoch <= last.epoch / 2)?;
    let fell = last.test.is_finite() && last.test < 0.8 * before.test && last.train < before.train;
    fell.then_some((before.epoch, before.test))
}

/// The hyperparameters that make a model more or less flexible, in words, so a remedy names the
/// controls the learner has (k-NN is made simpler by a larger k, not by regularization), and
/// whether the model trains by epochs (only then is "however long it trains" true: k-NN does not
/// train, and a tree or an ensemble is done once grown).
#[derive(Clone, Debug, PartialEq)]
pub struct Levers {
    /// Completes "Give it more flexibility: …", e.g. "a higher degree".
    pub more: String,
    /// Completes "Make it less flexible: …", e.g. "a lower degree, or regularization (a larger λ)".
    pub less: String,
    /// Trained by gradient epochs (regression, logistic regression, the network), whose loss
    /// needs a few epochs before its trend says anything: until then a high training error is
    /// no verdict (trees and ensembles stop after a few levels or trees by design).
    pub epochs: bool,
    /// Whether its learning rate can still rise: a loss still falling is told "or raise the
    /// learning rate" only then (helper 90: at the slider's top, 10).
    pub faster: bool,
}

impl Default for Levers {
    fn default() -> Self {
        Levers {
            more: "a higher degree, more depth, features or neurons".into(),
            less: "a simpler model or regularization".into(),
            epochs: true,
            faster: true,
        }
    }
}
