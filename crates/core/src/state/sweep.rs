//! Validation curves: across the whole range of one hyperparameter, everything else as set, how
//! a model does by k-fold cross-validation on the training points. Each point cuts the training
//! points into the same folds, trains a fresh model on all but one fold and scores it on the
//! held-out one ([`crate::tune::cv`]), so the curve shows where the current value sits between
//! underfitting and overfitting — and the test points, which never enter it, stay for the final
//! verdict.
//!
//! Each point carries two errors from the same fold models: the mean of their errors on the
//! samples they learned from (the training curve, as scikit-learn's `validation_curve` reports
//! it), and the mean and spread of their errors on the held-out folds (the cross-validation
//! curve).
//!
//! The work is sliced: the lab advances the sweep a few training steps per animation frame
//! (`Action::SweepTick`), so the page never stalls however long the sweep.
//!
//! Where a fold model's training diverged (its loss exploded: the test that stops a lab's own
//! training), the point has no errors ([`crate::tune::cv::DIVERGED`]): the curve draws none
//! there, and [`divergence_note`] says which values diverged and why.
//!
//! A lab can have its curves checked for their steps ([`LabKind::checks_curve_training`]): once
//! every point is done, the first fold at the most flexible value trains ten times as long, in
//! the same slices, and the curve is done only then ([`Sweep::checking`]). Far below the
//! curve's own training error there, the curve's models were far from trained, and it says so.

use super::choice::ModelKind;
use super::config::Config;
use super::session::{LabKind, SamplesOf};
use super::spec::{format_value, Key, Lab};
use crate::ml::optimizer::OptimizerKind;
use crate::tune::cv::{first_lowest, ties, MeanSd, SlicedCv};
use crate::tune::folds::{Folds, Scheme};
use std::rc::Rc;

/// Most k values swept (k = 1 … 50).
pub const MAX_K: usize = 50;

/// Folds of a validation curve's cross-validation (fewer when there are fewer training points).
pub const SWEEP_FOLDS: usize = 5;

/// One point of a validation curve.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SweepPoint {
    /// Mean over the folds of each fold model's error on the samples it learned from
    /// ([`crate::tune::cv::DIVERGED`] if one diverged).
    pub train: f64,
    /// Mean and sample standard deviation over the folds of the error on the held-out fold
    /// (the mean [`crate::tune::cv::DIVERGED`] if one diverged).
    pub cv: MeanSd,
}

impl SweepPoint {
    /// Whether a fold model diverged at this value: there is no error to draw.
    pub fn diverged(&self) -> bool {
        self.cv.diverged()
    }
}

/// A validation curve in progress or done.
#[derive(Clone, Debug, PartialEq)]
pub struct Sweep {
    pub key: Key,
    /// Positions of `key` to try, in order (none when the training points are too few to fold).
    pub positions: Vec<usize>,
    /// The points for `positions[..results.len()]`.
    pub results: Vec<SweepPoint>,
    /// Each computed point's held-out error fold by fold, in the folds' order (empty where not
    /// kept): what tells two settings apart on the same held-out points ([`Sweep::apart_by_folds`]).
    held_out: Vec<Vec<f64>>,
    /// The folds of the training points every position is cross-validated on.
    folds: Option<Folds>,
    /// Whether the curve's training is checked once its points are done
    /// ([`LabKind::checks_curve_training`]); until then the curve is not done.
    check: bool,
    /// The first fold's model at the curve's most flexible value ([`Sweep::flexible_end`]): its
    /// training error at the curve's steps, once that point is done, and then (the check,
    /// `reach`) at ten times as many. Far apart, the curve's models were far from trained.
    /// Either is [`crate::tune::cv::DIVERGED`] if that model diverged.
    pub first_fold: Option<f64>,
    pub reach: Option<f64>,
}

impl Sweep {
    /// A fresh sweep over `key` on `samples` training points, cut into [`SWEEP_FOLDS`] folds
    /// (fewer if there are fewer points; no positions below two points) shuffled by `seed`. k
    /// stops at the smallest fold model's training set.
    pub fn new(key: Key, samples: usize, seed: u64) -> Self {
        let folds = Folds::new(samples, Scheme::KFold(SWEEP_FOLDS.min(samples)), seed).ok();
        let count = key.spec().domain.len();
        let count = match (key, &folds) {
            (_, None) => 0,
            (Key::K, Some(f)) => count.min(MAX_K).min(f.smallest_training()),
            _ => count,
        };
        Sweep {
            key,
            positions: (0..count).collect(),
            results: Vec::new(),
            held_out: Vec::new(),
            folds,
            check: false,
            first_fold: None,
            reach: None,
        }
    }

    /// The same sweep, its training checked once its points are done, if `check`.
    pub fn checking_training(self, check: bool) -> Sweep {
        Sweep { check, ..self }
    }

    /// Every point is computed, and the check of the curve's training is still to come (none
    /// where the most flexible value diverged: there is nothing to compare).
    pub fn checking(&self) -> bool {
        let end = self.flexible_end().and_then(|end| self.results.get(end));
        self.check
            && self.next().is_none()
            && self.reach.is_none()
            && end.is_some_and(|p| !p.diverged())
    }

    /// The position at the curve's most flexible end (the highest degree, the smallest λ).
    pub fn flexible_end(&self) -> Option<usize> {
        match rises(self.key) {
            true => self.positions.last().copied(),
            false => self.positions.first().copied(),
        }
    }

    /// How many folds each position is cross-validated on (0 when there are too few points).
    pub fn fold_count(&self) -> usize {
        self.folds.as_ref().map_or(0, Folds::count)
    }

    /// The folds of the training points, if there are enough points to fold.
    pub fn folds(&self) -> Option<&Folds> {
        self.folds.as_ref()
    }

    /// The next position to compute, if any.
    pub fn next(&self) -> Option<usize> {
        self.positions.get(self.results.len()).copied()
    }

    /// Every point computed, and the check of the curve's training too, if it has one.
    pub fn is_done(&self) -> bool {
        self.next().is_none() && !self.checking()
    }

    /// The index of the lowest cross-validated error so far, the first of those that tie with
    /// it ([`first_lowest`]), as the Tuning lab chooses its best trial.
    pub fn lowest_at(&self) -> Option<usize> {
        let means: Vec<f64> = self.results.iter().map(|r| r.cv.mean).collect();
        first_lowest(&means)
    }

    /// The indices of every point computed so far whose cross-validated error [`ties`] with the
    /// lowest (none diverged): where the curve would choose. The chart rings them, the page's
    /// table marks them, a challenge's goal accepts them.
    pub fn tied_lowest(&self) -> Vec<usize> {
        let Some(lowest) = self.lowest_at().map(|i| self.results[i].cv.mean) else {
            return Vec::new();
        };
        (self.results.iter().enumerate())
            .filter(|(_, r)| r.cv.mean.is_finite() && ties(r.cv.mean, lowest))
            .map(|(i, _)| i)
            .collect()
    }

    /// The point computed at the control's position `pos`, if it is computed yet.
    pub fn point_at(&self, pos: usize) -> Option<&SweepPoint> {
        let at = self.positions.iter().position(|&p| p == pos)?;
        self.results.get(at)
    }

    pub fn push(&mut self, point: SweepPoint) {
        self.push_with_folds(point, Vec::new());
    }

    /// A point with its held-out error on each fold.
    pub fn push_with_folds(&mut self, point: SweepPoint, held_out: Vec<f64>) {
        if !self.is_done() {
            self.results.push(point);
            self.held_out.push(held_out);
        }
    }

    /// Whether the point at index `a` errs more than the one at `b` by over two standard errors
    /// of their difference fold by fold. Every point is cross-validated on the same folds, so
    /// each fold's difference compares the two settings on the same held-out points: the paired
    /// test, which one fold that is hard for both cannot sway (helper 110: "clearly better at
    /// degree 6" on 14 training points, by the lowest's spread alone, where degree 3's folds
    /// ranged widely). `None` where the folds' errors are not kept or one diverged.
    pub fn apart_by_folds(&self, a: usize, b: usize) -> Option<bool> {
        let (x, y) = (self.held_out.get(a)?, self.held_out.get(b)?);
        if x.len() != y.len() || x.len() < 2 {
            return None;
        }
        let differences: Vec<f64> = x.iter().zip(y).map(|(p, q)| p - q).collect();
        if !differences.iter().all(|d| d.is_finite()) {
            return None;
        }
        let d = MeanSd::of(&differences);
        Some(d.mean > 2.0 * d.sd / (differences.len() as f64).sqrt())
    }

    /// The positions computed so far whose fold models diverged, in order.
    pub fn diverged(&self) -> Vec<usize> {
        let computed = self.positions.iter().zip(&self.results);
        computed
            .filter(|(_, r)| r.diverged())
            .map(|(p, _)| *p)
            .collect()
    }
}

/// What the page says under a validation curve where fold models diverged (`None` where none
/// did): at which values of the swept control, and why — the learning rate is too high for
/// those settings, so each gradient step overshoots further than the last.
pub fn divergence_note(sweep: &Sweep, config: &Config) -> Option<String> {
    let diverged = sweep.diverged();
    if diverged.is_empty() {
        return None;
    }
    let values: Vec<String> = diverged
        .iter()
        .map(|&p| format_value(sweep.key, p))
        .collect();
    let (n, of, label) = (diverged.len(), sweep.results.len(), sweep.key.spec().label);
    let which = match n == of {
        true if n > 1 => format!("every value of {label} computed ({n})"),
        _ => format!("{n} of {of} values of {label} ({})", values.join(", ")),
    };
    let lr = config.number(Key::LearningRate);
    let adam = match config.optimizer() {
        OptimizerKind::Adam => "",
        _ => ", or switch to Adam",
    };
    // (Helper 87: "try 1 or lower" at 10, where 1 diverged too, beside the lab's own stable
    // rate of 0.68 for the model on the page: a tenth is no rule, and more flexible settings
    // need lower rates.)
    Some(format!(
        "✕ Diverged at {which}: there a fold model's training loss exploded (the test that stops \
         training above), so the curve draws no error. A learning rate of {lr} is too high for \
         those settings: lower it (a tenth, {}, may not be enough{}){adam}.",
        crate::format::short(lr / 10.0),
        match sweep.key {
            // (The higher the degree, the steeper the bowl's steepest curvature.)
            Key::Degree => ": the higher the degree, the lower the rate it trains at",
            _ => "",
        }
    ))
}

/// The hyperparameters a lab (and model) can sweep; the first is the default.
pub fn sweepable(lab: Lab, model: ModelKind) -> &'static [Key] {
    match (lab, model) {
        (Lab::Regression, _) => &[Key::Degree, Key::Lambda],
        (_, ModelKind::Knn) => &[Key::K],
        (_, ModelKind::Tree) => &[Key::MaxDepth, Key::MinLeaf],
        (_, ModelKind::Logistic) => &[Key::Features, Key::Lambda],
        (_, ModelKind::Forest) => &[Key::Trees, Key::MaxDepth],
        (_, ModelKind::Boosting) => &[Key::Trees, Key::Shrinkage],
        (_, ModelKind::Mlp) => &[Key::Neurons1, Key::Lambda],
    }
}

/// What the page can sweep now: the lab's and model's keys whose control is shown (no
/// "Neurons in layer 1" without hidden layers).
pub fn sweep_keys(config: &Config) -> Vec<Key> {
    sweepable(config.lab, config.model())
        .iter()
        .copied()
        .filter(|k| config.shows(*k))
        .collect()
}

/// Which way `key` makes `model` (`None`: polynomial regression) more flexible, the one answer
/// for the validation curve's ends and notes and for the Tuning lab's one-standard-error rule:
/// `Some(true)` where a higher value is more flexible, `Some(false)` where it is simpler (a larger
/// k, λ or minimum leaf), `None` where it sets how training goes (a batch, an optimizer's
/// momentum) or how many votes a forest averages, not how flexible the model is (helper 88).
/// Boosting's shrinkage sets it: each tree's step is larger, so the same trees follow the
/// training points more closely (a smaller step is a regularization, ESL §10.12.1); the lab's
/// curve and the search's rule once disagreed on it. So does a learning rate, for the same
/// reason: trained for a fixed number of epochs from a start near zero (the Tuning lab's trials:
/// 1,000 or 300), a smaller rate gets less far, as early stopping does, and gradient descent
/// stopped after t steps of rate η is close to a ridge penalty of about 1/(ηt) (Ali, Kolter &
/// Tibshirani, 2019). Helper 98: the rule said "Learning rate does not set how flexible the
/// model is" beside a rate of 10⁻⁴ that stopped at 0.39 where the best read 0.047.
pub fn flexibility(key: Key, model: Option<ModelKind>) -> Option<bool> {
    match key {
        Key::Degree
        | Key::MaxDepth
        | Key::Neurons1
        | Key::HiddenLayers
        | Key::Features
        | Key::Shrinkage
        | Key::LearningRate => Some(true),
        Key::Trees => (model != Some(ModelKind::Forest)).then_some(true),
        Key::Lambda | Key::K | Key::MinLeaf => Some(false),
        _ => None,
    }
}

/// Whether a validation curve over `key` has its most flexible end (for a forest's trees, its
/// most votes) at its highest position: all but the keys simpler when higher, for every model.
pub fn rises(key: Key) -> bool {
    flexibility(key, None) != Some(false)
}

/// Whether `key` only sets how many votes `model` averages: a forest's number of trees. Its
/// expected error does not grow with them, so its curve has no overfitting end, and a curve
/// lower at fewer of them is the folds' chance.
pub fn votes_only(key: Key, model: ModelKind) -> bool {
    (key, model) == (Key::Trees, ModelKind::Forest)
}

/// Whether a curve over `key` can lead a verdict to more flexibility for `model`: `key` sets how
/// flexible the model's form is, and the remedy names it. Not λ (less of a penalty is the
/// remedy of a model too strongly regularized), nor a mere number of votes ([`votes_only`]).
pub fn shapes_model(key: Key, model: ModelKind) -> bool {
    key != Key::Lambda && !votes_only(key, model)
}

/// What each end of a validation curve over `key` means for `model`, as the chart labels it.
/// More trees make boosting more flexible (it overfits), but a forest only averages more votes:
/// its error settles and it does not overfit, so its ends are not "underfitting … overfitting".
pub fn curve_ends(key: Key, model: ModelKind) -> (&'static str, &'static str) {
    match (key, model) {
        _ if votes_only(key, model) => ("← noisier: fewer votes", "steadier: more votes →"),
        _ if rises(key) => ("← underfitting", "overfitting →"),
        _ => ("← overfitting", "underfitting →"),
    }
}

/// Runs up to `budget` units of validation-curve work — training steps of the fold models (an
/// epoch, a tree level, a tree of an ensemble, a k-NN fit) — cross-validating each position of
/// the swept control in turn on `train`'s folds. Only the training samples come in: the test
/// samples cannot reach the curve.
pub(super) fn sweep_work<K: LabKind>(
    sweep: &mut Sweep,
    job: &mut Option<Rc<SlicedCv<K::Model>>>,
    config: &Config,
    train: &SamplesOf<K>,
    mut budget: u32,
) {
    while budget > 0 {
        // The next point, or the check of the curve's training at its most flexible value.
        let checking = sweep.checking();
        let next = if checking {
            sweep.flexible_end()
        } else {
            sweep.next()
        };
        let (Some(pos), Some(folds)) = (next, sweep.folds()) else {
            return;
        };
        let cv = job.get_or_insert_with(|| {
            let mut config = config.clone();
            config.set(sweep.key, pos);
            let steps = if checking { 10 } else { 1 } * K::SWEEP_STEPS;
            let cv = SlicedCv::new(K::hyper(&config), train, folds.clone(), config.seed, steps);
            Rc::new(cv.expect("the sweep's folds are of the training samples"))
        });
        let cv = Rc::make_mut(cv);
        budget -= cv.advance(train, budget);
        // (The check needs the first fold only: what a tick's budget spent on the second is
        // dropped with it.)
        let first = cv.own_errors().first().copied();
        if checking {
            if first.is_some() {
                sweep.reach = first;
                *job = None;
            }
        } else if let Some(done) = cv.result() {
            if Some(pos) == sweep.flexible_end() {
                sweep.first_fold = first;
            }
            let point = SweepPoint {
                train: done.train_error.mean,
                cv: done.error,
            };
            sweep.push_with_folds(point, done.errors);
            *job = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The paired test by hand. Differences 0, 0.1, 0.2, 0.8, 0: mean 0.22, sample sd
    /// √(0.448 / 4) = 0.3347, two standard errors 2 · 0.3347 / √5 = 0.2993 > 0.22: one fold
    /// makes the difference, so not apart. Differences 0.05 ± 0.01: apart. Without the folds'
    /// errors, or with a diverged one, no answer.
    #[test]
    fn two_settings_are_apart_fold_by_fold_only_if_every_fold_says_so() {
        let mut s = Sweep::new(Key::Degree, 100, 0);
        let base = vec![0.1; 5];
        s.push_with_folds(point(0.0, 0.1), base.clone());
        s.push_with_folds(point(0.0, 0.32), vec![0.1, 0.2, 0.3, 0.9, 0.1]);
        s.push_with_folds(point(0.0, 0.15), vec![0.15, 0.16, 0.14, 0.15, 0.15]);
        s.push(point(0.0, 0.2));
        s.push_with_folds(point(0.0, 0.2), vec![0.1, 0.2, f64::INFINITY, 0.1, 0.1]);
        assert_eq!(s.apart_by_folds(1, 0), Some(false));
        assert_eq!(s.apart_by_folds(2, 0), Some(true));
        assert_eq!(s.apart_by_folds(0, 2), Some(false), "lower is not above");
        assert_eq!(s.apart_by_folds(3, 0), None);
        assert_eq!(s.apart_by_folds(4, 0), None);
    }
    use crate::tune::cv::DIVERGED;

    fn point(train: f64, cv: f64) -> SweepPoint {
        SweepPoint {
            train,
            cv: MeanSd { mean: cv, sd: 0.0 },
        }
    }

    /// Every point tied at the lowest, in the last bits too, and never a diverged one; none
    /// before a point is computed.
    #[test]
    fn the_tied_lowest_are_every_point_at_the_lowest() {
        let mut s = Sweep::new(Key::Degree, 100, 0);
        assert!(s.tied_lowest().is_empty());
        let tenth = 0.1 + 0.2 - 0.2; // 0.1 but for its last bit
        assert_ne!(tenth, 0.1);
        for cv in [0.3, 0.1, DIVERGED, tenth, 0.10001] {
            s.push(point(0.0, cv));
        }
        assert_eq!(s.tied_lowest(), [1, 3]);
        // Errors of thousands tie within their last bits too.
        let mut big = Sweep::new(Key::Degree, 100, 0);
        for cv in [12_345.678, 12_345.678 * (1.0 + 1e-15), 12_346.0] {
            big.push(point(0.0, cv));
        }
        assert_eq!(big.tied_lowest(), [0, 1]);
    }

    /// A sweep whose training is checked is done only once the check has its figure; one
    /// without a check, or without points, once its points are.
    #[test]
    fn a_checked_sweep_is_done_after_its_check() {
        let mut s = Sweep::new(Key::Degree, 100, 0).checking_training(true);
        for _ in 0..s.positions.len() {
            assert!(!s.checking());
            s.push(point(0.1, 0.2));
        }
        assert!(s.checking() && !s.is_done());
        assert_eq!(s.flexible_end(), s.positions.last().copied());
        s.reach = Some(0.05);
        assert!(!s.checking() && s.is_done());
        let mut plain = Sweep::new(Key::Lambda, 100, 0);
        assert_eq!(plain.flexible_end(), Some(0));
        while !plain.is_done() {
            plain.push(point(0.1, 0.2));
        }
        assert!(!plain.checking());
        assert!(Sweep::new(Key::Degree, 1, 0)
            .checking_training(true)
            .is_done());
    }

    #[test]
    fn k_sweep_is_capped_by_50_and_the_smallest_training_fold() {
        assert_eq!(Sweep::new(Key::K, 1000, 0).positions.len(), 50);
        // 14 points in 5 folds of 2 or 3: each fold model learns from 11 or 12.
        let small = Sweep::new(Key::K, 14, 0);
        assert_eq!((small.positions.len(), small.fold_count()), (11, 5));
        assert_eq!(Sweep::new(Key::K, 3, 0).fold_count(), 3);
        assert_eq!(Sweep::new(Key::Degree, 1000, 0).positions.len(), 15);
        let mut s = Sweep::new(Key::MaxDepth, 1000, 0);
        assert_eq!(s.next(), Some(0));
        for _ in 0..15 {
            s.push(point(0.1, 0.2));
        }
        s.push(point(9.0, 9.0)); // ignored: done
        assert!(s.is_done());
        assert_eq!(s.results.len(), 15);
    }

    #[test]
    fn too_few_points_to_fold_make_an_empty_curve() {
        for n in [0, 1] {
            let s = Sweep::new(Key::Degree, n, 0);
            assert!(s.is_done() && s.positions.is_empty() && s.fold_count() == 0);
        }
    }

    #[test]
    fn sides_and_the_ensembles_numbers_of_trees() {
        assert!(rises(Key::Degree) && !rises(Key::K) && !rises(Key::Lambda));
        assert_eq!(sweepable(Lab::Classification, ModelKind::Knn), &[Key::K]);
        let forest = sweepable(Lab::Classification, ModelKind::Forest);
        let boosting = sweepable(Lab::Classification, ModelKind::Boosting);
        assert_eq!(forest[0], Key::Trees);
        assert_eq!(boosting, &[Key::Trees, Key::Shrinkage]);
        assert!(rises(Key::Trees) && rises(Key::Shrinkage));
        // One answer for the curve and the search's rule: boosting's trees and shrinkage make
        // it more flexible, a forest's trees only add votes, a learning rate sets no flexibility.
        let boosting = Some(ModelKind::Boosting);
        assert_eq!(flexibility(Key::Shrinkage, boosting), Some(true));
        assert_eq!(flexibility(Key::Trees, boosting), Some(true));
        assert_eq!(flexibility(Key::Trees, Some(ModelKind::Forest)), None);
        assert_eq!(
            flexibility(Key::LearningRate, Some(ModelKind::Mlp)),
            Some(true)
        );
        assert_eq!(flexibility(Key::LearningRate, None), Some(true));
        assert_eq!(flexibility(Key::BatchSize, Some(ModelKind::Mlp)), None);
        assert_eq!(
            flexibility(Key::MinLeaf, Some(ModelKind::Tree)),
            Some(false)
        );
        assert_eq!(
            curve_ends(Key::Trees, ModelKind::Boosting).1,
            "overfitting →"
        );
        assert_eq!(curve_ends(Key::K, ModelKind::Knn).0, "← overfitting");
        // More trees never make a forest overfit: its curve does not say they do.
        let (left, right) = curve_ends(Key::Trees, ModelKind::Forest);
        assert!(!left.contains("fitting") && !right.contains("overfitting →"));
        assert_eq!(
            curve_ends(Key::MaxDepth, ModelKind::Forest).1,
            "overfitting →"
        );
    }

    #[test]
    fn the_note_names_the_values_that_diverged_and_why() {
        let config = Config::for_lab(Lab::Regression); // plain SGD at 0.01
        let mut s = Sweep::new(Key::Degree, 100, 0);
        s.push(point(0.1, 0.2));
        assert_eq!(divergence_note(&s, &config), None);
        let blown = SweepPoint {
            train: DIVERGED,
            cv: MeanSd::of(&[0.3, DIVERGED]),
        };
        for p in [blown, point(0.1, 0.3), blown] {
            s.push(p);
        }
        assert_eq!(s.diverged(), vec![1, 3]);
        assert!(s.results[1].diverged() && !s.results[2].diverged());
        let note = divergence_note(&s, &config).unwrap();
        assert!(
            note.contains("2 of 4 values of Polynomial degree (2, 4)"),
            "{note}"
        );
        assert!(note.contains("learning rate of 0.01 is too high"), "{note}");
        assert!(
            note.contains(
                "lower it (a tenth, 0.001, may not be enough: the higher the degree, the \
                 lower the rate it trains at), or switch to Adam"
            ),
            "{note}"
        );
        let mut all = Sweep::new(Key::Degree, 100, 0);
        all.push(blown);
        all.push(blown);
        let note = divergence_note(&all, &config).unwrap();
        assert!(
            note.contains("every value of Polynomial degree computed (2)"),
            "{note}"
        );
    }
}
