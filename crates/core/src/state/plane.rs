//! The two labs on the plane: the Classification lab (k-NN, a decision tree, logistic
//! regression) and the Neural-network lab (the network, also on regression surfaces). What they
//! share with every lab is the [`Session`]; this is what they do their own way: data on the plane,
//! hand-placed points, and a diagnosis by accuracy (or by MSE on a surface).

use super::action::{Action, Brush};
use super::choice::ModelKind;
use super::config::Config;
use super::levers::{can_move, or_penalty, penalty_words, remedies, Lever, Way, NONE_LEFT};
use super::session::{medians_note, LabKind, Session};
use super::slack::{knn_slack, tree_slack};
use super::spec::{format_value, Key, Lab};
use super::sweep::sweep_keys;
use super::url::round_coordinate;
use crate::data::bayes::bayes_accuracy;
use crate::data::classification::{generate, split_points, BestOnPoints, Dataset2, Point2};
use crate::data::surface;
use crate::format::{percent, thousands, whole_percent};
use crate::ml::activation::Activation;
use crate::ml::diagnosis::{
    creeping, Ceiling, Coincident, Errors, Levers, Overconfident, Overshoot, SharesOnly,
};
use crate::ml::history::{recent_medians, History, Record};
use crate::ml::knn::{Knn, Weighting};
use crate::ml::metrics::{log_loss, variance};
use crate::ml::model::{Model, Samples};
use crate::ml::optimizer::OptimizerKind;
use crate::ml::optimum::logistic_accuracy;
use crate::ml::plane_model::{PlaneHyper, PlaneModel, PlaneSet};

/// Most hand-placed points kept (the rest of the page stays fast).
pub const MAX_CUSTOM_POINTS: usize = 500;

/// Steps each point of a plane model's validation curve trains for (`SWEEP_STEPS`): epochs of
/// logistic regression or a network; trees or levels stop sooner, when grown.
pub const SWEEP_EPOCHS: u32 = 300;

/// The plane labs' own runtime state.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Plane {
    /// What a click on the plane does with hand-placed points.
    pub brush: Brush,
}

/// The whole state of a lab on the plane.
pub type PlaneLab = Session<Plane>;

/// The model, if it is k-NN with distance weighting on classes, where each training point votes
/// for itself (distance 0) and the training accuracy is 100 % whatever k is.
fn self_voting(s: &Session<Plane>) -> Option<&Knn> {
    match &*s.model {
        // (At k = 1 the weighting changes nothing: judged like the uniform vote.)
        PlaneModel::Knn(k)
            if k.weighting() == Weighting::Distance
                && k.effective_k() > 1
                && s.data.values.is_none() =>
        {
            Some(k)
        }
        _ => None,
    }
}

impl LabKind for Plane {
    type Model = PlaneModel;
    type Data = Dataset2;
    const SWEEP_STEPS: u32 = SWEEP_EPOCHS;

    fn start() -> Self {
        Plane {
            brush: Brush::Class(0),
        }
    }

    /// The points, and for a pattern what the rule that knows it scores on them (the verdict's
    /// reference for classes).
    fn data(config: &Config) -> Dataset2 {
        let mut data = make_data(config);
        if let Some(pattern) = config.pattern() {
            data.best = Some(BestOnPoints::of(pattern, config.number(Key::Noise), &data));
        }
        data
    }

    fn samples(data: &Dataset2) -> (PlaneSet, PlaneSet) {
        (data.train_set(), data.test_set())
    }

    fn hyper(config: &Config) -> PlaneHyper {
        config.plane_hyper()
    }

    fn sweep_keys(config: &Config) -> Vec<Key> {
        sweep_keys(config)
    }

    /// Accuracies for classes (against the pattern's ceiling, if the points are not placed by
    /// hand), mean squared errors against the noise floor on a surface. A
    /// network trained in mini-batches jumps about from epoch to epoch; it is judged by the median
    /// of its last five recorded epochs since how it learns last changed, so one noisy step does
    /// not flip the verdict.
    fn errors(s: &Session<Self>) -> Option<Errors> {
        // (A tree that cannot split, its leaves needing more than half the points, is done
        // before its first step.)
        let trained = match &*s.model {
            PlaneModel::Knn(_) => true,
            other => other.steps() > 0 || other.is_finished() == Some(true),
        };
        if !trained || s.data.train.is_empty() || s.data.test.is_empty() {
            return None;
        }
        let recent = |h: &History| network_medians(s, h);
        let (train, test) = (&s.train_score, &s.test_score);
        match (&s.data.values, train.accuracy, test.accuracy) {
            (Some(v), _, _) => {
                let (train, test) = recent(&s.history).unwrap_or((train.loss, test.loss));
                Some(Errors::Numbers {
                    train,
                    test,
                    noise_sd: v.noise_sd,
                    variance: variance(&v.train),
                    test_points: s.data.test.len(),
                })
            }
            // Points of one class: nothing to judge (the page says why).
            (None, _, _) if s.data.one_class() => None,
            (None, Some(a), Some(b)) => {
                let (train, test) = recent(&s.errors).map_or((a, b), |(e, f)| (1.0 - e, 1.0 - f));
                let train = self_voting(s).map_or(train, Knn::leave_one_out_accuracy);
                Some(Errors::Classes {
                    train,
                    test,
                    test_points: s.data.test.len(),
                    ceiling: ceiling(&s.config, &s.data),
                })
            }
            _ => None,
        }
    }

    /// The training accuracy of logistic regression on classes fully trained (Newton's method on
    /// its objective); nothing for the other models, whose objectives are not convex or which do
    /// not descend one.
    fn best_reachable(config: &Config, train: &PlaneSet) -> Option<f64> {
        match config.plane_hyper() {
            PlaneHyper::Logistic(h) if train.values.is_none() => {
                logistic_accuracy(&h, &train.points, train.classes)
            }
            _ => None,
        }
    }

    /// Logistic regression's log-loss with every weight at zero: each of the classes equally
    /// likely, ln(classes).
    fn zero_weights_loss(config: &Config, train: &PlaneSet) -> Option<f64> {
        (config.model() == ModelKind::Logistic && train.values.is_none())
            .then(|| (train.classes as f64).ln())
    }

    /// Logistic regression's curve is checked: 3,000 epochs of one fold after the curve's
    /// 5 × 300 at each of its values (a quarter more epochs over Features, an eighth over λ).
    fn checks_curve_training(config: &Config) -> bool {
        config.model() == ModelKind::Logistic
    }

    /// A note for the validation curve when its models, trained a fixed number of epochs, are
    /// far from trained at this learning rate ([`more_epochs_fall`], [`short_of_optimum`]): then
    /// the curve shows how far its epochs get, not what each setting can do.
    fn curve_undertrained(s: &Session<Self>) -> Option<String> {
        more_epochs_fall(s).or_else(|| short_of_optimum(s))
    }

    /// A decision tree's limits that do not bind on these points (helper 56: on the default
    /// circles, max depth 5, min samples per leaf 2 and entropy each grew the very same tree, and
    /// nothing said so). Worked out by growing the trees, not by a rule.
    fn slight_effects(config: &Config, train: &PlaneSet) -> Vec<(Key, String)> {
        match config.plane_hyper() {
            PlaneHyper::Tree(h) if train.values.is_none() && !train.points.is_empty() => {
                tree_slack(&h, &train.points, train.classes)
            }
            PlaneHyper::Knn(h) if !train.points.is_empty() => {
                knn_slack(&h, &train.points, train.classes)
            }
            _ => Vec::new(),
        }
    }

    fn levers(s: &Session<Self>) -> Levers {
        levers::levers(s)
    }

    fn by_epochs(s: &Session<Self>) -> bool {
        matches!(&*s.model, PlaneModel::Logistic(_) | PlaneModel::Mlp(_))
    }

    fn verdict_note(s: &Session<Self>) -> Option<String> {
        match &*s.model {
            PlaneModel::Mlp(_) if by_medians(s) => {
                Some(medians_note(&s.train_score, &s.test_score))
            }
            PlaneModel::Knn(knn) if self_voting(s).is_some() => Some(format!(
                "(With distance weighting every training point is its own nearest neighbour, at \
                 distance 0, and outvotes the rest: its training accuracy is 100 % at any k and \
                 says nothing. The verdict uses each training point classified by the others \
                 instead (leave-one-out): {}.)",
                whole_percent(100.0 * knn.leave_one_out_accuracy())
            )),
            PlaneModel::Knn(knn) => even_k_ties(knn, s.data.classes),
            _ => None,
        }
    }

    fn flat_start(s: &Session<Self>, records: &[Record]) -> bool {
        let PlaneModel::Mlp(network) = &*s.model else {
            return false;
        };
        // (Within 3 %: the default sigmoid network's loss creeps from 0.693 to 0.686 over 400
        // epochs before it falls fast. In its first epochs the mini-batches' noise hides the
        // creep: before a thousand, a loss at the guess is no sign of being stuck either.)
        // Later it must be creeping below the guess: a network whose neurons are all off creeps
        // too, down to the guess itself, and stays there.
        let guess = network.guess_loss();
        recent_medians(records).is_some_and(|(train, _)| {
            train >= 0.97 * guess
                && (s.model.steps() < 1000 || (train < guess && creeping(records)))
        })
    }

    /// (Adam's steps keep such a loss jittering up to about 6 % above the guess's, and its
    /// accuracy at the largest class's share: helper 89's spiral at epoch 1,000 read 0.726
    /// against 0.692, 48 % right.)
    fn at_guess(s: &Session<Self>, records: &[Record]) -> bool {
        let PlaneModel::Mlp(network) = &*s.model else {
            return false;
        };
        let guess = network.guess_loss();
        // (Read only past the first thousand epochs: the verdict asks every frame.)
        let majority =
            || log_loss_shares(s).map_or(1.0, |shares| shares.iter().copied().fold(0.0, f64::max));
        // (Creeping counts only below the guess, as on a flat start: above it, the jitter of
        // a loss at the guess reads as a creep now and then.)
        s.model.steps() >= 1000
            && s.train_score
                .accuracy
                .is_some_and(|a| a <= majority() + 0.05)
            && recent_medians(records).is_some_and(|(train, _)| {
                (0.97 * guess..1.1 * guess).contains(&train)
                    && !(train < guess && creeping(records))
            })
    }

    /// Boosting's training log-loss, once it ended above where it began (the class shares' guess)
    /// and over twice the lowest it reached.
    fn overshoot(s: &Session<Self>, records: &[Record]) -> Option<Overshoot> {
        if !matches!(&*s.model, PlaneModel::Boosting(_)) {
            return None;
        }
        let (first, now) = (records.first()?.train, s.train_score.loss);
        let lowest = (records.iter()).min_by(|a, b| a.train.total_cmp(&b.train))?;
        (now > first && now > 2.0 * lowest.train).then_some(Overshoot {
            lowest: lowest.train,
            at: lowest.epoch,
            now,
        })
    }

    /// Logistic regression, boosting and the network train on log-loss; a test log-loss above
    /// that of always predicting the training points' class shares, with a training log-loss
    /// under half of that, is overconfidence.
    fn overconfident(s: &Session<Self>) -> Option<Overconfident> {
        let guess = guess_loss(&log_loss_shares(s)?, &s.data.test);
        // (Sure of its training points too, under half the guess's: a network stuck at the
        // class shares scores about the guess on both, and is sure of nothing.)
        let (train, test) = (s.train_score.loss, s.test_score.loss);
        (test > guess && train < 0.5 * guess).then_some(Overconfident { train, test, guess })
    }

    /// The same three: a training log-loss (a network's median of recent epochs, as its verdict
    /// reads) no lower than the constant guess's on the training points.
    fn shares_only(s: &Session<Self>) -> Option<SharesOnly> {
        let shares = log_loss_shares(s)?;
        let guess = guess_loss(&shares, &s.data.train);
        let train = network_medians(s, &s.history).map_or(s.train_score.loss, |(train, _)| train);
        let majority = shares.iter().copied().fold(0.0, f64::max);
        (train >= guess).then_some(SharesOnly {
            train,
            guess,
            majority,
        })
    }

    fn coincident(config: &Config, data: &Dataset2) -> Option<Coincident> {
        if !config.is_custom() || data.values.is_some() {
            return None;
        }
        let points: Vec<(f64, f64, usize)> =
            (data.train.iter()).map(|p| (p.x1, p.x2, p.class)).collect();
        Coincident::of(&points)
    }

    fn verdict_lead(s: &Session<Self>) -> Option<&'static str> {
        // Beside the figures, where a reader compares them with the scores.
        by_medians(s).then_some("Medians of the last five recorded epochs: ")
    }

    fn handle(s: &mut Session<Self>, action: Action) -> Option<Action> {
        match action {
            Action::AddPoint(x1, x2) if s.lab.brush == Brush::Erase => {
                return Self::handle(s, Action::RemoveNearest(x1, x2));
            }
            Action::AddPoint(x1, x2) => {
                if let (Brush::Class(class), true) = (
                    s.lab.brush,
                    s.config.is_custom() && s.config.custom.len() < MAX_CUSTOM_POINTS,
                ) {
                    // Rounded as the link writes it, so the link is exactly the state.
                    let (x1, x2) = (round_coordinate(x1), round_coordinate(x2));
                    s.config.custom.push(Point2 { x1, x2, class });
                    s.regenerate();
                }
            }
            Action::RemoveNearest(x1, x2) => {
                let d = |p: &Point2| (p.x1 - x1).powi(2) + (p.x2 - x2).powi(2);
                let nearest = (s.config.custom.iter().enumerate())
                    .min_by(|(_, a), (_, b)| d(a).total_cmp(&d(b)))
                    .map(|(i, _)| i);
                if let Some(i) = nearest {
                    s.config.custom.remove(i);
                    s.regenerate();
                }
            }
            Action::ClearPoints => {
                s.config.custom.clear();
                s.regenerate();
            }
            Action::SetBrush(Brush::Class(class)) => s.lab.brush = Brush::Class(class.min(2)),
            Action::SetBrush(Brush::Erase) => s.lab.brush = Brush::Erase,
            common => return Some(common),
        }
        None
    }

    /// The Neural-network lab's Reset draws new starting weights: the next initialization seed.
    fn on_reset(config: &mut Config) {
        if config.lab == Lab::Neural {
            let next = (config.position(Key::InitSeed) + 1) % Key::InitSeed.spec().domain.len();
            config.set(Key::InitSeed, next);
        }
    }
}

/// The best accuracy any model can expect on the configured pattern at its noise, and what the
/// rule that knows it scores on these points; `None` for hand-placed points, whose ceiling nobody
/// knows.
fn ceiling(config: &Config, data: &Dataset2) -> Option<Ceiling> {
    let (pattern, best) = (config.pattern()?, data.best?);
    Some(Ceiling {
        accuracy: bayes_accuracy(pattern, config.number(Key::Noise)),
        classes: pattern.classes(),
        on_train: best.train,
        on_test: best.test,
        // A forest of one tree, or of copies of one tree, averages nothing: it is judged as a
        // tree (helper 59: one such forest at 91 % training, 62 % test read "Good fit" where
        // the tree itself read "Overfitting").
        averages: match config.model() {
            ModelKind::Forest => config.number(Key::Trees) > 1.0 && !config.identical_trees(),
            ModelKind::Boosting => true,
            _ => false,
        },
    })
}

/// The validation curve's models far from trained, by more epochs: at the curve's most
/// flexible value, ten times the epochs lower the first fold's training error
/// ([`super::sweep::Sweep::first_fold`] to [`super::sweep::Sweep::reach`]) by more than the whole curve's (a mean over the
/// folds) falls from its least flexible value to there, and by 3 points at least. Then the
/// curve is flat for want of epochs, not because the setting does not matter (logistic
/// regression on the moons under SGD: 12.9 % at every number of features, while the verdict
/// asks for more).
fn more_epochs_fall(s: &Session<Plane>) -> Option<String> {
    let (short_run, long_run) = (s.sweep.first_fold?, s.sweep.reach?);
    let end = s.sweep.flexible_end()?;
    let start = match end {
        0 => *s.sweep.positions.last()?,
        _ => *s.sweep.positions.first()?,
    };
    let at = |pos: usize| s.sweep.results.get(pos).filter(|p| !p.diverged());
    let (point, first) = (at(end)?, at(start)?);
    let (epochs, curve) = (short_run - long_run, first.train - point.train);
    (epochs > curve.max(0.03)).then(|| {
        let key = s.sweep.key;
        format!(
            "At this learning rate {} epochs are far from enough: at {} = {} the first \
             fold's model reaches a training error of {} in {} epochs and {} in {}, a larger \
             fall than the whole curve's, from {} = {} ({}) to there ({}). The curve shows \
             how far its epochs get, not what each setting can do; raise the learning \
             rate{} to compare them.",
            thousands(u64::from(Plane::SWEEP_STEPS)),
            key.spec().label,
            format_value(key, end),
            percent(short_run),
            thousands(u64::from(Plane::SWEEP_STEPS)),
            percent(long_run),
            thousands(10 * u64::from(Plane::SWEEP_STEPS)),
            key.spec().label,
            format_value(key, start),
            percent(first.train),
            percent(point.train),
            raise_or_adam(s)
        )
    })
}

/// The validation curve's models far from trained, by the optimum (logistic regression, whose
/// objective is convex): at the model's own setting their training error is 3 points and half
/// again above what this model reaches fully trained ([`LabKind::best_reachable`]). Ten times the
/// epochs can move a curve too little to see at a tiny learning rate (logistic regression on the
/// moons at 10⁻⁴: 17.7 % at every number of features, where fully trained Features = 2 reaches
/// 9.3 %, and the verdict cited the flat curve).
fn short_of_optimum(s: &Session<Plane>) -> Option<String> {
    let best = 1.0 - s.best_reachable()?;
    let here = s.config.position(s.sweep.key);
    let point = s.sweep.point_at(here).filter(|p| !p.diverged())?;
    (point.train > (best + 0.03).max(1.5 * best)).then(|| {
        format!(
            "At this learning rate {} epochs are far from enough: at {} = {}, as now, the \
             curve's models reach a training error of {}, where fully trained this model reaches \
             {} (its optimum, computed directly). The curve shows how far those epochs get, not \
             what each setting can do; raise the learning rate{} to compare them.",
            thousands(u64::from(Plane::SWEEP_STEPS)),
            s.sweep.key.spec().label,
            format_value(s.sweep.key, here),
            percent(point.train),
            percent(best),
            raise_or_adam(s)
        )
    })
}

/// ", or choose Adam," after "raise the learning rate" where Adam is not chosen already.
fn raise_or_adam(s: &Session<Plane>) -> &'static str {
    match s.config.optimizer() {
        OptimizerKind::Adam => "",
        _ => ", or choose Adam,",
    }
}

/// For a model trained on log-loss (logistic regression, boosting, the network) on classes:
/// each class's share of the training points, the constant guess its log-loss is compared with.
fn log_loss_shares(s: &Session<Plane>) -> Option<Vec<f64>> {
    let trained_on_log_loss = matches!(
        &*s.model,
        PlaneModel::Logistic(_) | PlaneModel::Boosting(_) | PlaneModel::Mlp(_)
    );
    if !trained_on_log_loss || s.data.values.is_some() || s.data.train.is_empty() {
        return None;
    }
    let mut shares = vec![0.0; s.data.classes];
    for p in &s.data.train {
        shares[p.class] += 1.0 / s.data.train.len() as f64;
    }
    Some(shares)
}

/// The log-loss on `points` of always predicting the class `shares`.
fn guess_loss(shares: &[f64], points: &[Point2]) -> f64 {
    log_loss(points.iter().map(|p| shares[p.class]))
}

/// Whether the verdict judges the medians of recent epochs ([`recent_medians`]): a network, once
/// it has five records.
fn by_medians(s: &Session<Plane>) -> bool {
    network_medians(s, &s.history).is_some()
}

/// A network's verdict reads the medians of `h`'s last five records since how it learns last
/// changed, once there are five: those before a new learning rate are not this training's
/// (helper 71 read medians of 99 % beside a network at 50 % after the rate moved to 10).
fn network_medians(s: &Session<Plane>, h: &History) -> Option<(f64, f64)> {
    if !matches!(&*s.model, PlaneModel::Mlp(_)) {
        return None;
    }
    let (records, since) = (h.records(), s.judged_since().1);
    recent_medians(&records[records.partition_point(|r| r.epoch < since)..])
}

/// The plane labs' data for a configuration: a surface, a pattern or the hand-placed points.
pub(super) fn make_data(config: &Config) -> Dataset2 {
    let fraction = config.number(Key::TrainFraction);
    if let Some(s) = config.surface() {
        return surface::generate(
            s,
            config.number(Key::Points) as usize,
            config.number(Key::Noise),
            fraction,
            config.seed,
        );
    }
    match config.pattern() {
        Some(p) => generate(
            p,
            config.number(Key::Points) as usize,
            config.number(Key::Noise),
            fraction,
            config.seed,
        ),
        None => {
            let classes = config
                .custom
                .iter()
                .map(|p| p.class + 1)
                .max()
                .unwrap_or(2)
                .max(2);
            split_points(config.custom.clone(), classes, fraction, config.seed)
        }
    }
}

/// For uniform k-NN with an even k on two classes, when at least one training point in twenty
/// gets a tied vote: the tie rule, not a smoother boundary, costs part of the training accuracy,
/// so the gap to the test accuracy reads smaller than the model's flexibility alone would make
/// it (helper 55: k = 2 read "Good fit" where k = 1 read "Overfitting", at the same test
/// accuracy).
fn even_k_ties(knn: &Knn, classes: usize) -> Option<String> {
    let (k, n) = (knn.effective_k(), knn.points().len());
    // (The cheap conditions first: the count is a neighbour search per training point.)
    if knn.weighting() != Weighting::Uniform || classes != 2 || k % 2 == 1 {
        return None;
    }
    let ties = knn.tied_training_votes();
    (20 * ties >= n).then(|| {
        format!(
            "(k = {k} is even: the votes of {ties} of the {n} training points tie, and every tie \
             goes to blue, so part of the training accuracy is lost to the tie rule rather than \
             to a smoother boundary. An odd k cannot tie between two classes.)"
        )
    })
}

#[path = "plane_levers.rs"]
mod levers;

#[cfg(test)]
#[path = "plane_tests.rs"]
mod tests;
