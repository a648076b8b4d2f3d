//! One session for every lab: the configuration, the data, the model being trained, its scores
//! and history, playing or paused, divergence, and the validation curve in progress — and one
//! reducer for the actions every lab shares. What differs between labs (how data and models are
//! made from the configuration, the diagnosis, hand-placed points) is a [`LabKind`].
//!
//! No Yew and no clock here: the page decides how many steps fit in a frame and passes the
//! number in (`Action::Tick`), so every transition is deterministic and testable natively.

use super::action::Action;
use super::config::{Config, MAX_SEED};
use super::curve_note::curve_note;
use super::levers::{can_move, Way};
use super::moved::{penalty, Changed, Moved};
use super::spec::{Group, Key, Lab};
use super::sweep::{flexibility, rises, shapes_model, sweep_work, votes_only, Sweep};
use crate::format::{percent, short, thousands};
use crate::ml::activation::Activation;
use crate::ml::diagnosis::{
    diagnose, test_fall, test_rise, AboveZero, Beyond, CurveLean, Diagnosis, Errors, Evidence, Fit,
    Jitter, Levers, Momentum, Overconfident, Overshoot, PenaltyPull, SharesOnly, Trend, CLOSE_CALL,
};
use crate::ml::history::{History, Record};
use crate::ml::model::{Model, Progress, Samples, Score};
use crate::ml::optimizer::OptimizerKind;
use crate::ml::regularization::Regularization;
use crate::tune::cv::SlicedCv;
use std::rc::Rc;

/// A pure reducer: the next state from the current one and an action, with no clock and no UI.
pub trait Reduce {
    type Action;
    fn apply(&mut self, action: Self::Action);

    /// Whether the last action left everything the page shows as it was, so the page need not
    /// render again: a validation-curve slice that finished no point of the curve, nor its check (the slices
    /// run every frame; a render and a redrawn curve each time made every frame of the sweep a
    /// long task).
    fn quiet(&self) -> bool {
        false
    }
}

/// What one lab does its own way. The value itself is the lab's own runtime state (the plane
/// labs' brush), kept in [`Session::lab`].
pub trait LabKind: Clone + core::fmt::Debug + Sized {
    type Model: Model + core::fmt::Debug;
    /// The generated (or hand-placed) data, training and test points together.
    type Data: core::fmt::Debug + PartialEq;

    /// Steps each validation-curve fold model trains for (fewer if the model finishes first).
    const SWEEP_STEPS: u32;

    /// The lab's runtime state at the start.
    fn start() -> Self;
    /// The data the configuration asks for (seeded).
    fn data(config: &Config) -> Self::Data;
    /// The training and the test samples of the data.
    fn samples(data: &Self::Data) -> TrainTest<Self>;
    /// The model's validated hyperparameters from the configuration.
    fn hyper(config: &Config) -> <Self::Model as Model>::Hyper;
    /// The hyperparameters a validation curve can sweep now; the first is the default.
    fn sweep_keys(config: &Config) -> Vec<Key>;
    /// The training and test errors the verdict judges, once there is something to judge.
    fn errors(session: &Session<Self>) -> Option<Errors>;
    /// The training figure of [`LabKind::errors`] (accuracy or MSE) that the configured model
    /// reaches fully trained on `train`, when its objective is convex and its minimum can be
    /// computed directly (`ml::optimum`); `None` otherwise. Costly: computed once per model.
    fn best_reachable(config: &Config, train: &SamplesOf<Self>) -> Option<f64>;
    /// The training loss on `train` with every weight at zero, for the models whose
    /// [`LabKind::best_reachable`] is known: their minimum never does worse on the training points
    /// (the penalty is zero there), so a loss above it is the steps', not the minimum's
    /// ([`Evidence::above_zero_weights`]). `None` for the others.
    fn zero_weights_loss(_config: &Config, _train: &SamplesOf<Self>) -> Option<f64> {
        None
    }
    /// The shown controls whose setting changes the fully trained model too little to see (or
    /// not at all) on this data, each with why (the page says so beside it, as it does
    /// [`Config::no_effect`]); none if there are none or the lab cannot tell. Costly: computed
    /// with [`LabKind::best_reachable`].
    fn slight_effects(_config: &Config, _train: &SamplesOf<Self>) -> Vec<(Key, String)> {
        Vec::new()
    }
    /// The controls that make the lab's current model more or less flexible (the remedies'), in
    /// words worked out from the controls' settings: built for a verdict only.
    fn levers(session: &Session<Self>) -> Levers;
    /// Whether the lab's current model trains by epochs ([`Levers::epochs`]), asked without
    /// building the remedies' words (the validation panel asks every frame).
    fn by_epochs(_session: &Session<Self>) -> bool {
        true
    }
    /// The test points beyond the training points' range, for a model of one input.
    fn beyond(_session: &Session<Self>) -> Option<Beyond> {
        None
    }
    /// A classifier trained on log-loss whose test log-loss is above a constant guess's
    /// ([`Overconfident`]).
    fn overconfident(_session: &Session<Self>) -> Option<Overconfident> {
        None
    }
    /// A classifier trained on log-loss whose training log-loss is no lower than a constant
    /// guess's ([`SharesOnly`]).
    fn shares_only(_session: &Session<Self>) -> Option<SharesOnly> {
        None
    }
    /// Whether the model is a network still on its flat start: its training loss about what a
    /// constant guess scores, and creeping down (see [`Evidence::flat_start`]).
    fn flat_start(_session: &Session<Self>, _records: &[Record]) -> bool {
        false
    }
    /// Whether the model is a network whose loss sits at the constant guess's past its flat
    /// start (see [`Evidence::at_guess`]).
    fn at_guess(_session: &Session<Self>, _records: &[Record]) -> bool {
        false
    }
    /// Whether the model is boosting whose training loss ended far above its lowest (see
    /// [`Evidence::overshoot`]).
    fn overshoot(_session: &Session<Self>, _records: &[Record]) -> Option<Overshoot> {
        None
    }
    /// Whether every training step lowers the objective at any stable learning rate: plain
    /// gradient descent on all the training points, when the objective is a quadratic bowl.
    /// Then one rise of it proves the steps overshoot (see [`Session::diagnosis`]): of the loss
    /// the verdict reads, or of [`LabKind::objective`] where the lab has one.
    fn descends(_session: &Session<Self>) -> bool {
        false
    }
    /// The objective training minimizes, where it can be more than the loss the verdict reads
    /// (the MSE plus a penalty): under a penalty the MSE may rise at a step that lowers the
    /// objective, so a rise of the MSE proves nothing. `None`: the loss read is the objective.
    fn objective(_session: &Session<Self>) -> Option<f64> {
        None
    }
    /// Whether a done validation curve's models are checked against one trained ten times as
    /// long at its most flexible value ([`Sweep::reach`]): only where that is cheap.
    fn checks_curve_training(_config: &Config) -> bool {
        false
    }
    /// A note for the validation curve of the lab's own, when [`Session::curve_outrun`] has none
    /// (e.g. its models far from trained at this learning rate). With a note the verdict does
    /// not cite the curve. Read with every verdict: it must be cheap.
    fn curve_undertrained(_session: &Session<Self>) -> Option<String> {
        None
    }
    /// Whether the model, trained with these settings from the start, had about reached its
    /// optimum ([`LabKind::best_reachable`]) by epoch `steps`, the validation curve's models'
    /// number: then theirs had too, and a longer run is about the same model, so the curve still
    /// speaks for it. False where the lab cannot tell.
    fn settled_by(_session: &Session<Self>, _records: &[Record], _steps: u32) -> bool {
        false
    }
    /// Under [`LabKind::descends`], the learning rate below which every step lowers the loss
    /// (computed from the data); `None` when not known.
    fn stable_rate(_session: &Session<Self>) -> Option<f64> {
        None
    }
    /// Where the noise of mini-batches leaves the model ([`Jitter`]), when the lab knows what
    /// the model reaches fully trained and its loss no longer falls.
    fn jitter(_session: &Session<Self>) -> Option<Jitter> {
        None
    }
    /// A sentence the verdict's reason ends with when its errors are not simply the current
    /// scores (e.g. medians of recent epochs), saying what they are instead.
    fn verdict_note(_session: &Session<Self>) -> Option<String> {
        None
    }
    /// Words the verdict's reason starts with, beside its figures, when they are not the current
    /// scores (e.g. "Medians of the last five recorded epochs: ").
    fn verdict_lead(_session: &Session<Self>) -> Option<&'static str> {
        None
    }
    /// Takes the lab's own actions; gives back the ones every lab shares.
    fn handle(session: &mut Session<Self>, action: Action) -> Option<Action>;
    /// What Reset changes in the configuration before training starts over.
    fn on_reset(_config: &mut Config) {}
}

/// The sentence a verdict judged by medians of recent epochs ends with: the score line shows the
/// last epoch alone, so both are on the screen and both are explained.
pub fn medians_note(train: &Score, test: &Score) -> String {
    let last = match (train.accuracy, test.accuracy) {
        (Some(a), Some(b)) => format!("training {}, test {}", percent(a), percent(b)),
        _ => format!("training {}, test {}", short(train.loss), short(test.loss)),
    };
    format!(
        "(Medians, which one epoch's jump does not swing; the last epoch alone, as the scores show \
         it: {last}.)"
    )
}

/// A lab's training samples and test samples.
pub type TrainTest<K> = (SamplesOf<K>, SamplesOf<K>);
pub(super) type SamplesOf<K> = <<K as LabKind>::Model as Model>::Samples;

/// A lab's objective at an epoch, beside the training loss the page shows
/// ([`LabKind::objective`]).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Objective {
    epoch: u64,
    objective: f64,
    loss: f64,
}

/// A lab's whole state.
#[derive(Clone, Debug)]
pub struct Session<K: LabKind> {
    pub config: Config,
    pub data: Rc<K::Data>,
    /// The training and the test samples of `data`.
    samples: Rc<TrainTest<K>>,
    /// Shared with the page (which draws it) and with the previous state: a step copies it once,
    /// when it is shared (`Rc::make_mut`), instead of every state copy and every render copying it.
    pub model: Rc<K::Model>,
    /// The loss (MSE or log-loss) over training, training and test.
    pub history: History,
    /// The error rate over training, training and test (classes only).
    pub errors: History,
    pub running: bool,
    /// Set when training stopped because the loss exploded; cleared by any change.
    pub divergence: Option<String>,
    /// The epoch the loss last exploded in, while the settings of the way down are those it
    /// exploded with: training from the model it went back to takes the same steps again
    /// ([`Session::explodes_again`]). Cleared when a hyperparameter moves or training restarts.
    exploded: Option<u64>,
    /// [`LabKind::objective`] and the training loss at the last two recorded epochs (the later
    /// last), or from where how the model learns last changed: a rise of the objective between
    /// them is what proves steps overshoot.
    objectives: [Option<Objective>; 2],
    /// For a model that can diverge ([`Model::can_diverge`]): the model at the recorded epoch
    /// with the lowest training loss since it was built (the start included), and that loss.
    /// A divergence goes back to it: the epoch before the explosion is usually already far worse
    /// than the start, because the loss rises from the first too-large step on.
    best: Option<(Rc<K::Model>, f64)>,
    /// Fallbacks taken while reading the link.
    pub notices: Vec<String>,
    pub train_score: Score,
    pub test_score: Score,
    /// Increases whenever the model changes, so drawings know when to repaint.
    pub version: u64,
    /// The validation curve for the hyperparameter in focus.
    pub sweep: Sweep,
    /// The cross-validation of the sweep point being computed.
    sweep_job: Option<Rc<SlicedCv<K::Model>>>,
    /// Under L1, the penalized weights that are exactly zero and their number.
    zero_weights: Option<(usize, usize)>,
    /// The learned numbers the model's shape fixes before training (taken when it is built; 0
    /// for models not trained by epochs: k-NN has none, a tree's grow with it).
    parameter_count: usize,
    /// What the model reaches fully trained ([`LabKind::best_reachable`]), for the verdict:
    /// computed when the model is built or its objective's penalty changes, not every frame.
    best_reachable: Option<f64>,
    /// [`LabKind::zero_weights_loss`], computed with `best_reachable` (the verdict and the
    /// curve's note read it every frame).
    zero_weights_loss: Option<f64>,
    /// [`LabKind::slight_effects`], computed with `best_reachable`.
    slight_effects: Vec<(Key, String)>,
    /// The epoch the model's objective last changed (a new penalty while it trains): the
    /// verdict's records start there (the losses before being of another objective), and once
    /// it has changed the trend is read as after a change ([`Trend::after_change`]) from
    /// `tuned_since`.
    objective_since: u64,
    /// The epoch the way down last changed (learning rate, batch size, optimizer, penalty): a
    /// lab's steady state is read from there ([`LabKind::jitter`]), the losses before being of
    /// other steps.
    tuned_since: u64,
    /// The settings at the model's last step, once one that training goes on with moved there:
    /// until the model trains with them, the verdict says so ([`Moved`]).
    moved: Option<Moved>,
    /// The training loss when how it learns last changed (`tuned_since`; `None`: from the
    /// start): a tenfold rise from it is read as steps that overshoot ([`Session::diagnosis`]).
    tuned_from: Option<f64>,
    /// The last action changed nothing the page shows ([`Reduce::quiet`]).
    quiet: bool,
    /// The lab's own runtime state.
    pub lab: K,
}

impl<K: LabKind> Session<K> {
    /// The lab a question's "Show me in the lab" opens, which shows what it says: at a set speed
    /// it plays, to be watched (a tree opened at depth 0 showed no threshold); at max it trains
    /// at once the steps of the validation curve's models (`K::SWEEP_STEPS`, or until it
    /// finishes or diverges) and pauses — played on at max it ran to millions of epochs, past
    /// what the curve speaks for (helper 80).
    pub fn show_me(mut self) -> Self {
        self.apply(Action::Play);
        if self.config.speed().is_none() {
            self.apply(Action::Tick(K::SWEEP_STEPS));
            self.apply(Action::Pause);
        }
        self
    }

    pub fn new(config: Config, notices: Vec<String>) -> Self {
        let data = K::data(&config);
        let samples = K::samples(&data);
        let model = K::Model::new(&K::hyper(&config), &samples.0, config.seed);
        // The link's curve, if it names one this model has (else the first).
        let first = config.curve.unwrap_or(K::sweep_keys(&config)[0]);
        let mut session = Session {
            data: Rc::new(data),
            samples: Rc::new(samples),
            model: Rc::new(model),
            history: History::default(),
            errors: History::default(),
            running: false,
            divergence: None,
            exploded: None,
            objectives: [None; 2],
            best: None,
            notices,
            train_score: Score::default(),
            test_score: Score::default(),
            version: 0,
            sweep: Sweep::new(first, 0, 0),
            sweep_job: None,
            zero_weights: None,
            parameter_count: 0,
            best_reachable: None,
            zero_weights_loss: None,
            slight_effects: Vec::new(),
            objective_since: 0,
            tuned_since: 0,
            moved: None,
            tuned_from: None,
            quiet: false,
            lab: K::start(),
            config,
        };
        session.restart_sweep(first);
        session.start_over();
        session
    }

    /// The training samples.
    pub fn train_set(&self) -> &<K::Model as Model>::Samples {
        &self.samples.0
    }

    /// The test samples.
    pub fn test_set(&self) -> &<K::Model as Model>::Samples {
        &self.samples.1
    }

    /// Under L1: how many of the penalized weights are exactly zero, and how many there are
    /// (`None` without L1 or without penalized weights, e.g. k-NN and trees). Counted once per
    /// new model version, not on every render.
    pub fn zero_weights(&self) -> Option<(usize, usize)> {
        self.zero_weights
    }

    fn count_zero_weights(&self) -> Option<(usize, usize)> {
        if self.config.regularization() != Regularization::L1 {
            return None;
        }
        let params = self.model.parameters();
        let penalized = params.iter().filter(|p| p.penalized);
        let total = penalized.clone().count();
        let zeros = penalized.filter(|p| p.value == 0.0).count();
        (total > 0).then_some((zeros, total))
    }

    /// The verdict on the current fit and its most likely cause (see [`diagnose`]).
    pub fn diagnosis(&self) -> Option<Diagnosis> {
        let errors = K::errors(self)?;
        if let Some(again) = self.explodes_again() {
            return Some(again);
        }
        // Settings moved while paused: a new penalty is a new objective, which the model has not
        // trained on yet, so the verdict waits for it; the others change only the steps to come,
        // so a verdict on the model stands (its trend read as before the move), with an aside,
        // and one on how training goes (too high a rate, stuck, still training) waits too.
        // (The records are read as at the model's step, also when every move went back: helper
        // 71 saw sentences of the verdict lost to λ moved out and back.)
        let at_step = self.moved_at_step();
        let (objective_since, tuned_since) = self.judged_since();
        let tuned_from = at_step.map_or(self.tuned_from, |m| m.tuned_from);
        let moved = self.untrained_changes();
        let not_trained_yet = |changed: &Changed| Diagnosis {
            fit: Fit::StillTraining,
            reason: format!(
                "{}, and the model has not trained with {them} yet: its scores are still those \
                 of the settings before. Press Play or Step to train on from here; the verdict \
                 judges the new settings then.",
                changed.words,
                them = changed.them
            ),
            close_call: false,
            unsettled: None,
        };
        if let Some(changed) = moved.as_ref().filter(|c| c.penalty) {
            return Some(not_trained_yet(changed));
        }
        // (A penalty left set from logistic regression is none of a tree's, k-NN's or an
        // ensemble's: they have no weights to hold back; helper 66.)
        let penalty = self.config.shows(Key::Regularization)
            && self.config.regularization() != Regularization::None;
        let mostly_zero = self
            .zero_weights
            .is_some_and(|(zeros, all)| 2 * zeros >= all);
        let records = self.history.records();
        let records = &records[records.partition_point(|r| r.epoch < objective_since)..];
        // The way down is read from the last change to it: the jumps of a learning rate just
        // lowered are not this one's (helper 61: "the steps overshoot … Lower the learning rate"
        // for 80 epochs after it was lowered).
        let tuned = &records[records.partition_point(|r| r.epoch < tuned_since)..];
        let finished = self.model.is_finished();
        // On a quadratic bowl a step of gradient descent lowers the loss unless the learning rate
        // is past the stable range (2 over the bowl's steepest curvature): one rise is proof,
        // from the first step on (helper 60: a learning rate of 1 tripled the loss in one step
        // and read "too early to judge … Let it train on").
        // (Late in training the history keeps one epoch in many, but always the first after a
        // change: a Step's rise just after a new learning rate is in the records; helper 72.)
        // (Under a penalty the objective's rise, not the MSE's: [`LabKind::objective`].)
        let objective_rise = self.objective_rise(tuned);
        let rose = match K::objective(self) {
            Some(_) => objective_rise.is_some(),
            None => matches!(tuned, [.., before, last] if last.train > before.train * (1.0 + 1e-9)),
        };
        // A training loss multiplied tenfold since how it learns last changed, to above where
        // training started, is no noise of mini-batches or of Adam's steps: the steps overshoot
        // (helper 71: a learning rate moved to 10 read "too early to judge … let it train on"
        // with the loss up a thousandfold). (The loss at the change is kept apart from the
        // history.)
        let start = records.first().map_or(f64::INFINITY, |r| r.train);
        let now = self.train_score.loss;
        let leapt = now > start && tuned_from.is_some_and(|from| now > 10.0 * from);
        // Nothing left to learn: whatever the last steps did, the loss has settled.
        let trend = if finished == Some(true) {
            Trend::Settled
        } else if (rose && K::descends(self)) || leapt {
            Trend::Unstable
        } else if objective_since > 0 {
            Trend::after_change(tuned)
        } else {
            Trend::of(tuned)
        };
        // The curve's models train SWEEP_STEPS each: it speaks for this model only while this one
        // has not trained far longer (a long run can overfit many times worse than a short one).
        // Nor when its models are far from trained at this learning rate: it then shows how far
        // their epochs get, not what each setting can do.
        // Nor while an ensemble or a tree still grows: the curve's point is the full model's,
        // not the 21 of 50 trees on the page (helper 87).
        // Nor when the steps overshoot at this learning rate ([`Session::curve_overshoots`]).
        let comparable = !self.outruns_curve()
            && finished != Some(false)
            && self.curve_overshoots().is_none()
            && K::curve_undertrained(self).is_none();
        // A curve over a control with no effect (λ without a penalty) is flat: it says nothing.
        let moves = (self.config)
            .no_effect(self.sweep.key, self.train_set().count())
            .is_none();
        let current = self.config.position(self.sweep.key);
        // A curve lower at fewer of a forest's votes is the folds' chance, not a remedy (helper
        // 76: "more trees never overfit a forest … clearly better at Number of trees = 1").
        let chance =
            |better: usize| votes_only(self.sweep.key, self.config.model()) && better < current;
        let note = (comparable && moves)
            .then(|| {
                let rate = matches!(errors, Errors::Classes { .. });
                let simpler_below = flexibility(self.sweep.key, Some(self.config.model()));
                curve_note(&self.sweep, current, rate, simpler_below)
            })
            .flatten()
            .filter(|note| !note.better_at.is_some_and(chance));
        let key = self.sweep.key;
        let lean = (note.as_ref())
            .filter(|_| shapes_model(key, self.config.model()))
            .map(|note| match note.better_at {
                Some(at) if (at > current) == rises(key) => CurveLean::MoreFlexible,
                Some(_) => CurveLean::LessFlexible,
                None => CurveLean::Neither,
            });
        let mut verdict = diagnose(&Evidence {
            errors,
            trend,
            train_points: self.train_set().count(),
            // The weights L1 holds at exactly zero take no part in the fit (helper 99: "14
            // training points for 16 learned numbers" where 7 of them were zero).
            parameters: (self.parameter_count)
                .saturating_sub(self.zero_weights.map_or(0, |(zeros, _)| zeros)),
            strong_penalty: penalty && (self.config.number(Key::Lambda) >= 0.1 || mostly_zero),
            penalized: penalty && self.config.number(Key::Lambda) > 0.0,
            // (Said in the objective's words only where the loss shown fell.)
            objective_rise: objective_rise
                .filter(|(before, after)| after.loss <= before.loss && K::descends(self))
                .map(|(before, after)| (before.objective, after.objective)),
            // Linear hidden layers compose to one linear map: no bend, no plateau to be stuck on.
            // Nor does a layer of one neuron leave anything to bend: all the network knows of
            // a point passes through that one number, so its boundary is lines parallel to one
            // another, and high error is a network too simple, not stuck (helper 87: one neuron
            // on XOR read "Stuck … let it train on … press Reset").
            hidden: Some(self.config.choice::<Activation>(Key::Activation)).filter(|&a| {
                let layers = self.config.hidden_layers();
                self.config.lab == Lab::Neural
                    && !layers.is_empty()
                    && !layers.contains(&1)
                    && a != Activation::Linear
            }),
            layers: match self.config.lab {
                Lab::Neural => self.config.hidden_layers().len(),
                _ => 0,
            },
            // (Read every frame: the inputs alone, not the whole architecture.)
            blind_to: (self.config.lab == Lab::Neural)
                .then(|| self.config.mlp_inputs().blind_to())
                .flatten(),
            flat_start: K::flat_start(self, records),
            at_guess: K::at_guess(self, records),
            overshoot: K::overshoot(self, records),
            // (With mini-batches the loss jumps with each batch's noise: no swing to read.)
            // (Only where there is an optimizer: one left set from logistic regression is not a
            // forest's; helper 67.)
            momentum: (self.config.shows(Key::Optimizer)
                && self.config.optimizer() == OptimizerKind::Momentum
                && self.config.number(Key::BatchSize) >= self.train_set().count() as f64)
                .then(|| Momentum::of(tuned)),
            levers: K::levers(self),
            best_reachable: self.best_reachable,
            above_zero_weights: self.above_zero_weights(),
            penalty_pull: self.penalty_pull(),
            test_rise: test_rise(records),
            test_fall: test_fall(records),
            growing: finished == Some(false),
            beyond: K::beyond(self),
            jitter: (trend != Trend::Falling).then(|| K::jitter(self)).flatten(),
            curve: lean,
            overconfident: K::overconfident(self),
            shares_only: K::shares_only(self),
        });
        let judged = verdict.fit.is_overfitting() || verdict.fit.is_underfitting();
        let good = verdict.fit == Fit::GoodFit;
        // A curve clearly better the other way from the remedy says it disagrees (helper 92:
        // "Give it more flexibility: a larger max depth. The validation curve does clearly
        // better at Min samples per leaf = 32", two opposite instructions with no word of it).
        let against = |at: usize| {
            let more = (at > current) == rises(key);
            (verdict.fit.is_underfitting() && !more) || (verdict.fit.is_overfitting() && more)
        };
        let curve = note
            .filter(|_| judged || good)
            // A good fit hears the curve only where it does clearly better at another value:
            // the test points alone may not show what the folds do.
            .filter(|note| judged || note.better_at.is_some())
            .map(|note| {
                // A curve that finds no value clearly better answers a remedy back ("Yet"),
                // except "Add data", which no value of a control could answer.
                let yet = match note.better_at {
                    Some(at) => against(at),
                    None => verdict.fit != Fit::TooFewPoints,
                };
                note.after(if good {
                    Some("But")
                } else {
                    yet.then_some("Yet")
                })
            });
        let asides: String = curve
            .into_iter()
            .chain(self.more_points(&verdict, lean))
            .chain(self.penalty_flattens(&verdict, lean))
            .chain(self.penalty_caution(&verdict, errors))
            .collect();
        if !asides.is_empty() {
            // Right after the remedy they answer: before a close call's caution, if there is one.
            let at = (verdict.reason.find(CLOSE_CALL)).unwrap_or(verdict.reason.len());
            verdict.reason.insert_str(at, &asides);
        }
        if let Some(note) = K::verdict_note(self) {
            verdict.reason.push(' ');
            verdict.reason.push_str(&note);
        }
        // A verdict on how training goes (the steps overshoot, it is stuck, still falling) is
        // about the settings before: it waits for the new ones too (helper 72: "Lower the
        // learning rate" beside a rate already lowered).
        let on_training = matches!(
            verdict.fit,
            Fit::LearningRateTooHigh | Fit::Stuck | Fit::StillTraining
        );
        if let Some(changed) = moved.as_ref().filter(|_| on_training) {
            return Some(not_trained_yet(changed));
        }
        if let Some(changed) = moved {
            // A rate past the bowl's stable limit will explode, whatever the model so far
            // (helper 102: a learning rate raised from 1, which had just exploded, to 2 read
            // "Good fit", and a challenge read met).
            let rate = self.config.number(Key::LearningRate);
            let explodes = match K::stable_rate(self) {
                Some(limit) if rate >= limit => format!(
                    " At a learning rate of {}, past {}, where plain gradient descent on all \
                     points stops going down this bowl, training will explode.",
                    short(rate),
                    short(limit)
                ),
                _ => String::new(),
            };
            verdict.reason.push_str(&format!(
                " ({}: training goes on with {them} from what the model has learned so far, from \
                 the next step on; the scores shown are from before the change.{explodes})",
                changed.words,
                them = changed.them
            ));
        }
        if let Some(lead) = K::verdict_lead(self) {
            // The reason's first word ("Training") continues the lead's sentence.
            let first = verdict.reason.chars().next().map_or(0, char::len_utf8);
            let lowered = verdict.reason[..first].to_lowercase();
            verdict.reason.replace_range(..first, &lowered);
            verdict.reason.insert_str(0, lead);
        }
        Some(verdict)
    }

    /// The objective (with the training loss) before and at the last recorded epoch of `tuned`
    /// (the records since how the model learns last changed), when it rose there: from the
    /// record before, or from the change itself.
    fn objective_rise(&self, tuned: &[Record]) -> Option<(Objective, Objective)> {
        match (self.objectives, tuned.last()) {
            ([Some(before), Some(after)], Some(end))
                if after.epoch == end.epoch
                    && after.objective > before.objective * (1.0 + 1e-9) =>
            {
                Some((before, after))
            }
            _ => None,
        }
    }

    /// The settings moved while paused that act otherwise than those the model trained with,
    /// while it still stands at the step they moved at ([`Moved::changed`]).
    pub fn untrained_changes(&self) -> Option<Changed> {
        (self.moved_at_step()).and_then(|m| m.changed(&self.config, self.train_set().count()))
    }

    /// The settings moved while paused, if the model still stands at the step they moved at.
    fn moved_at_step(&self) -> Option<&Moved> {
        (self.moved.as_ref()).filter(|m| !self.running && m.epoch == self.model.steps())
    }

    /// The epochs the verdict reads the training from: since the objective last changed (a new
    /// penalty) and since how it learns last changed (a new learning rate, batch size, optimizer
    /// or penalty) — as at the model's step while settings moved since wait for it.
    pub fn judged_since(&self) -> (u64, u64) {
        self.moved_at_step()
            .map_or((self.objective_since, self.tuned_since), |m| {
                (m.objective_since, m.tuned_since)
            })
    }

    /// For "too simple" where the validation curve over a control of the model's flexibility
    /// cannot tell the current value from its lowest: the training error says the model misses
    /// the pattern, yet on these few points what more flexibility gains in fit it loses by
    /// following their noise. More points let it pay off, and are the next step (helper 89:
    /// `?data=step&degree=3` read "a higher degree", then that the curve finds no degree clearly
    /// better, and stopped there; at 100 points the curve is clearly lower at degree 9). Only
    /// where the data are generated and can have more points.
    fn more_points(&self, verdict: &Diagnosis, lean: Option<CurveLean>) -> Option<String> {
        let n = self.train_set().count();
        (verdict.fit == Fit::TooSimple
            && lean == Some(CurveLean::Neither)
            && self.config.shows(Key::Points)
            && can_move(&self.config, n, Key::Points, Way::Up))
        .then(|| {
            format!(
                " On {n} training points a more flexible model follows their noise about as much \
                 as it gains on the pattern: with more points (Number of points) it can pay off."
            )
        })
    }

    /// For "too strongly regularized" where the validation curve over another control cannot
    /// tell the current value from its lowest: the penalty holds the weights near zero whatever
    /// that control, which is why (helper 101: `?degree=9&reg=l1&lambda=10`, every weight zero at
    /// every degree and the curve flat, read "a more flexible model follows their noise … with
    /// more points it can pay off", and at 500 points every weight was still zero).
    fn penalty_flattens(&self, verdict: &Diagnosis, lean: Option<CurveLean>) -> Option<String> {
        let label = self.sweep.key.spec().label;
        (verdict.fit == Fit::TooStronglyRegularized
            && lean == Some(CurveLean::Neither)
            && self.sweep.key != Key::Lambda)
            .then(|| {
                format!(
                    " At λ = {} the penalty holds the weights near zero whatever the {label}, so \
                     the curve can hardly tell its values apart: lower λ first, and then the \
                     curve can show what {label} does.",
                    short(self.config.number(Key::Lambda))
                )
            })
    }

    /// For "too flexible" under a penalty, with a training error already above the noise floor
    /// σ²: a larger λ raises it further, so its remedy "a larger λ" may overshoot; the curve over
    /// λ tells, and is named unless it is the curve shown (then [`curve_note`] speaks). Helper
    /// 59: at λ = 0.3 the remedy read "a larger λ" where the curve over λ is lowest at 0.1 and
    /// λ = 1 reads too strongly regularized.
    fn penalty_caution(&self, verdict: &Diagnosis, errors: Errors) -> Option<String> {
        let Errors::Numbers {
            train, noise_sd, ..
        } = errors
        else {
            return None;
        };
        let penalized = self.config.regularization() != Regularization::None
            && self.config.number(Key::Lambda) > 0.0;
        (verdict.fit == Fit::TooFlexible
            && penalized
            && noise_sd > 0.0
            && train > noise_sd * noise_sd
            && self.sweep.key != Key::Lambda)
            .then(|| {
                format!(
                    " (Its training error, {}, is already above σ² = {}, and a larger λ raises \
                     it further: whether one helps on new points, the validation curve over \
                     Regularization strength tells; focus that slider.)",
                    short(train),
                    short(noise_sd * noise_sd)
                )
            })
    }

    /// A note for the validation curve on its models' epochs, for models trained by epochs:
    /// when the model has trained far longer than the curve's models, a long run can fit, and
    /// overfit, quite differently from its point on the curve, and the verdict no longer cites
    /// it. Before that, a curve over λ lowest at λ = 0 says that its short training is itself a
    /// penalty (helper 59: on the README's ridge demo the curve read "λ = 0 is best", where λ = 0
    /// trained on reaches a test error of 10 against 0.3 at the demo's λ).
    pub fn curve_outrun(&self) -> Option<String> {
        let (steps, curve) = (self.model.steps(), K::SWEEP_STEPS);
        if !K::by_epochs(self) {
            None
        } else if self.outruns_curve() {
            // (After a divergence the model shown is the one training went back to: helper 101
            // read its epochs against the epoch the loss exploded in.)
            let model = match self.divergence {
                Some(_) => "The model shown, the one training went back to,",
                None => "This model",
            };
            Some(format!(
                "{model} has trained {} epochs, each point of the curve {}: trained this long, a \
                 model can fit (and overfit) quite differently from its point on the curve, so \
                 the verdict does not cite it.",
                thousands(steps),
                thousands(u64::from(curve))
            ))
        } else {
            // (Without a penalty the curve is flat, lowest everywhere: no finding; helper 66.)
            let penalized = (self.config)
                .no_effect(Key::Lambda, self.train_set().count())
                .is_none();
            let lowest_unpenalized = self.sweep.key == Key::Lambda
                && penalized
                && self.sweep.is_done()
                && self.sweep.lowest_at() == Some(0);
            lowest_unpenalized
                .then(|| {
                    format!(
                    "Lowest at λ = 0 here, but each point trained only {} epochs, and stopping \
                     early holds the weights in much as a penalty does. Trained on, a model at \
                     λ = 0 can overfit far more than its point here shows (set λ to 0 and press \
                     Play to see).",
                    thousands(u64::from(curve))
                )
                })
                .or_else(|| self.curve_overshoots())
                .or_else(|| K::curve_undertrained(self))
        }
    }

    /// This model has trained far longer than the curve's (over twice their epochs), so it can
    /// fit and overfit quite differently from its point on the curve. Unless, trained with these
    /// settings from the start, it had about reached its optimum in as many epochs as theirs
    /// ([`LabKind::settled_by`]): then a long run is the same model (helper 99: degree 5 on 10
    /// points at full speed read "Good fit" beside a curve clearly lower at degree 3).
    fn outruns_curve(&self) -> bool {
        self.model.steps() > 2 * u64::from(K::SWEEP_STEPS)
            && !(self.judged_since() == (0, 0)
                && K::settled_by(self, self.history.records(), K::SWEEP_STEPS))
    }

    /// A note for the validation curve when the model on the page does not settle at this
    /// learning rate ([`Session::above_zero_weights`]): the curve's models train at the same
    /// rate, so the curve shows where overshooting steps leave them. (More epochs' fall once
    /// read "raise the learning rate" of a curve whose models overshot at λ = 10.)
    fn curve_overshoots(&self) -> Option<String> {
        let why = match (self.penalty_pull(), self.above_zero_weights()) {
            (Some(p), _) => format!(
                "2 × λ × learning rate = {}, 2 or more: the penalty's pull alone carries each \
                 weight as far past zero as it was",
                short(2.0 * p.lambda * p.rate)
            ),
            (None, Some(above)) => format!(
                "its training loss has lately been as high as {}, above {}, its loss with every \
                 weight at zero",
                short(above.peak),
                short(above.zero)
            ),
            (None, None) => return None,
        };
        Some(format!(
            "At this learning rate the model on the page does not settle ({why}), and the \
             curve's models train at the same rate: the curve shows where overshooting steps \
             leave them, not what each setting can do. Lower the learning rate to compare them."
        ))
    }

    /// A new untrained model from the configuration; history and divergence cleared.
    pub fn restart(&mut self) {
        self.model = Rc::new(K::Model::new(
            &K::hyper(&self.config),
            self.train_set(),
            self.config.seed,
        ));
        self.start_over();
    }

    /// Training starts afresh from the model just built (by [`Session::new`] or
    /// [`Session::restart`]): history and divergence cleared, its counts and scores taken.
    fn start_over(&mut self) {
        self.history = History::default();
        self.errors = History::default();
        self.divergence = None;
        self.exploded = None;
        self.objectives = [None; 2];
        self.best = None;
        self.objective_since = 0;
        self.tuned_since = 0;
        self.moved = None;
        self.tuned_from = None;
        // (An unsplit tree's root shares, or boosting's prior, are no fixed shape: a tree's
        // numbers grow with it; helper 67 read "2 training points for 2 learned numbers".)
        self.parameter_count = match K::by_epochs(self) {
            true => self.model.parameters().len(),
            false => 0,
        };
        self.objective_changed();
        self.rescore();
        self.record();
    }

    /// Puts in a model trained elsewhere (a loaded file) for the same configuration, paused: its
    /// scores, history and diagnosis start afresh from it.
    pub fn install(&mut self, model: K::Model) {
        self.model = Rc::new(model);
        self.running = false;
        self.history = History::default();
        self.errors = History::default();
        self.divergence = None;
        self.exploded = None;
        self.objectives = [None; 2];
        self.best = None;
        self.objective_since = 0;
        self.tuned_since = 0;
        self.moved = None;
        self.tuned_from = None;
        self.rescore();
        self.record();
    }

    /// New data from the configuration, then a new model and validation curve.
    pub fn regenerate(&mut self) {
        let data = K::data(&self.config);
        self.samples = Rc::new(K::samples(&data));
        self.data = Rc::new(data);
        self.restart();
        self.restart_sweep(self.sweep.key);
    }

    fn rescore(&mut self) {
        self.train_score = self.model.score(&self.samples.0);
        self.test_score = self.model.score(&self.samples.1);
        self.zero_weights = self.count_zero_weights();
        self.version += 1;
    }

    fn record(&mut self) {
        let epoch = self.model.steps();
        let (train, test) = (&self.train_score, &self.test_score);
        self.history.push(Record {
            epoch,
            train: train.loss,
            test: test.loss,
        });
        if self
            .history
            .records()
            .last()
            .is_some_and(|r| r.epoch == epoch)
        {
            if let Some(objective) = K::objective(self) {
                let now = Objective {
                    epoch,
                    objective,
                    loss: train.loss,
                };
                self.objectives = [self.objectives[1], Some(now)];
            }
        }
        if let (Some(a), Some(b)) = (train.accuracy, test.accuracy) {
            self.errors.push(Record {
                epoch,
                train: 1.0 - a,
                test: 1.0 - b,
            });
        }
        let loss = train.loss;
        let better = self.best.as_ref().is_none_or(|(_, best)| loss < *best);
        if self.model.can_diverge() && better {
            self.best = Some((Rc::clone(&self.model), loss));
        }
    }

    /// The objective's rises are read from the model as it stands: how it learns changed (a
    /// new rate, or a new penalty, which is a new objective), or training went back.
    fn objective_from_here(&mut self) {
        let now = K::objective(self).map(|objective| Objective {
            epoch: self.model.steps(),
            objective,
            loss: self.train_score.loss,
        });
        self.objectives = [None, now];
    }

    /// Runs up to `steps` training steps; pauses when the model is done or on divergence.
    fn train(&mut self, steps: u32) {
        // Trained with the settings moved, or diverged with them: either way no longer before it.
        if steps > 0 {
            self.moved = None;
        }
        // After a divergence the model went back to an earlier epoch: the records after it were
        // of the run abandoned.
        self.history.truncate_after(self.model.steps());
        self.errors.truncate_after(self.model.steps());
        // Scores are taken when the history wants the epoch and once at the end, not twice.
        let mut scored = self.model.steps();
        for _ in 0..steps {
            match Rc::make_mut(&mut self.model).step() {
                Progress::Trained => {
                    if self.history.wants(self.model.steps()) {
                        self.rescore();
                        self.record();
                        scored = self.model.steps();
                    }
                    // Stopped with the last tree or level, not a tick later: else, when a tick
                    // ended just on it, the page's frame that showed it was still a running
                    // frame (and an ensemble's charts, throttled while it grows, could be
                    // redrawn in that frame, making it late).
                    if self.model.is_finished() == Some(true) {
                        self.running = false;
                        break;
                    }
                }
                Progress::Finished => {
                    self.running = false;
                    break;
                }
                Progress::Diverged => {
                    // The model undid the epoch that exploded: the next one.
                    let exploded = self.model.steps() + 1;
                    self.fall_back();
                    scored = self.model.steps();
                    self.running = false;
                    self.divergence = Some(self.divergence_text(exploded));
                    self.exploded = Some(exploded);
                    break;
                }
            }
        }
        if self.model.steps() != scored {
            self.rescore();
        }
    }

    /// What the model reaches fully trained, and what a control changes of it, for a new model
    /// or a new penalty.
    fn objective_changed(&mut self) {
        self.best_reachable = K::best_reachable(&self.config, self.train_set());
        self.zero_weights_loss = K::zero_weights_loss(&self.config, self.train_set());
        self.slight_effects = K::slight_effects(&self.config, self.train_set());
    }

    /// The training loss at its peak over the last eight records since how the model learns
    /// last changed, when above the loss with every weight at zero, and that loss
    /// ([`LabKind::zero_weights_loss`], computed per model).
    fn above_zero_weights(&self) -> Option<AboveZero> {
        let zero = self.zero_weights_loss?;
        let (_, tuned_since) = self.judged_since();
        let records = self.history.records();
        let recent = &records[records.partition_point(|r| r.epoch < tuned_since)..];
        let peak = (recent[recent.len().saturating_sub(8)..].iter())
            .filter(|r| r.epoch > 0)
            .map(|r| r.train)
            .fold(f64::NEG_INFINITY, f64::max);
        // (The margin: a model at its start computes the same loss by another route.)
        (peak > zero * (1.0 + 1e-6)).then_some(AboveZero { peak, zero })
    }

    /// Plain gradient descent under L2 on a convex model, at 2λη of 2 or more ([`PenaltyPull`]).
    fn penalty_pull(&self) -> Option<PenaltyPull> {
        let c = &self.config;
        let (lambda, rate) = (c.number(Key::Lambda), c.number(Key::LearningRate));
        (self.zero_weights_loss.is_some()
            && c.regularization() == Regularization::L2
            && c.optimizer() == OptimizerKind::Sgd
            && 2.0 * lambda * rate >= 2.0)
            .then_some(PenaltyPull { lambda, rate })
    }

    /// What the model reaches fully trained ([`LabKind::best_reachable`]), computed per model.
    pub fn best_reachable(&self) -> Option<f64> {
        self.best_reachable
    }

    /// The controls that barely change (or do not change) the fully trained model on this
    /// data, each with why ([`LabKind::slight_effects`]).
    pub fn slight_effects(&self) -> &[(Key, String)] {
        &self.slight_effects
    }

    /// After a divergence: back to the model of the recorded epoch with the lowest training loss,
    /// to train on with the hyperparameters now set.
    fn fall_back(&mut self) {
        if let Some((best, _)) = &self.best {
            self.model = Rc::clone(best);
            Rc::make_mut(&mut self.model).retune(&K::hyper(&self.config));
        }
        self.objective_since = self.objective_since.min(self.model.steps());
        self.tuned_since = self.tuned_since.min(self.model.steps());
        self.rescore();
        self.objective_from_here();
    }

    /// Starts the validation curve again over `key` (or the default, if `key` cannot be swept
    /// now), after anything it depends on changed. The link names the curve if it is not the
    /// default.
    fn restart_sweep(&mut self, key: Key) {
        let keys = K::sweep_keys(&self.config);
        let key = if keys.contains(&key) { key } else { keys[0] };
        self.config.curve = (key != keys[0]).then_some(key);
        self.sweep = Sweep::new(key, self.train_set().count(), self.config.seed)
            .checking_training(K::checks_curve_training(&self.config));
        self.sweep_job = None;
    }

    /// Computes the validation curve to its end at once, as the page does over its first frames
    /// (a lesson's or challenge's figures, and the tests, judge the verdict that cites it).
    pub fn finish_curve(&mut self) {
        while !self.sweep.is_done() {
            self.apply(Action::SweepTick(1000));
        }
    }

    /// Runs up to `budget` units of validation-curve work (see [`sweep_work`]).
    fn advance_sweep(&mut self, budget: u32) {
        let (sweep, job) = (&mut self.sweep, &mut self.sweep_job);
        sweep_work::<K>(sweep, job, &self.config, &self.samples.0, budget);
    }

    /// Moves a control: new data, a new model, or new training hyperparameters for the running
    /// model, as the control table says. A model that starts over keeps playing if it was.
    fn set(&mut self, key: Key, pos: usize) {
        if self.config.position(key) == pos.min(key.spec().domain.len() - 1) {
            return;
        }
        // What a move that training goes on with needs of the settings before it: the penalty,
        // and, for the first move at this step, the settings themselves (not cloned on every
        // move of a slider drag).
        let spec = key.spec();
        let steps = self.model.steps();
        let going_on = spec.group == Group::Hyperparameter && !spec.restarts;
        let penalty_before = penalty(&self.config);
        let first_move =
            (going_on && steps > 0) && self.moved.as_ref().is_none_or(|m| m.epoch != steps);
        let before = first_move.then(|| self.config.clone());
        self.config.set(key, pos);
        if spec.group == Group::Data {
            self.regenerate();
        } else if spec.restarts {
            self.restart();
        } else if spec.group == Group::Hyperparameter {
            let new_objective = penalty_before != penalty(&self.config);
            // (The settings of the step the model stands at: kept from the first move there.)
            if let Some(config) = before {
                self.moved = Some(Moved {
                    epoch: steps,
                    config,
                    objective_since: self.objective_since,
                    tuned_since: self.tuned_since,
                    tuned_from: self.tuned_from,
                });
            }
            self.tuned_since = steps;
            self.history.dense_from(steps);
            self.errors.dense_from(steps);
            self.tuned_from = Some(self.train_score.loss);
            Rc::make_mut(&mut self.model).retune(&K::hyper(&self.config));
            self.zero_weights = self.count_zero_weights();
            self.divergence = None;
            self.exploded = None;
            self.objective_from_here();
            // Fewer trees than an ensemble grew: it dropped the last ones, so its scores, map and
            // parameters are those of the smaller ensemble, and its history ends where it does.
            if self.model.steps() < steps {
                self.history.truncate_after(self.model.steps());
                self.errors.truncate_after(self.model.steps());
                self.rescore();
            }
            // Of the hyperparameters a running model takes on, only the penalty changes the
            // objective (the learning rate, batch size and optimizer change only the way down).
            // (Helper 71: λ moved without a penalty, or out and back, cut the records read.)
            if matches!(key, Key::Regularization | Key::Lambda) {
                if new_objective {
                    self.objective_since = self.model.steps();
                }
                self.objective_changed();
            }
        }
        if key != self.sweep.key && spec.group != Group::Playback {
            self.restart_sweep(self.sweep.key);
        }
    }

    /// The reducer of the actions every lab shares.
    fn apply_common(&mut self, action: Action) {
        match action {
            Action::Set(key, pos) => self.set(key, pos),
            Action::SetSeed(seed) => {
                self.config.seed = seed.min(MAX_SEED);
                self.regenerate();
            }
            Action::Play => {
                self.running = true;
                self.divergence = None;
            }
            Action::Pause => self.running = false,
            Action::PlayPause => self.apply_common(Action::PlayPause.resolved(self.running)),
            Action::Step => {
                self.running = false;
                self.divergence = None;
                self.train(1);
            }
            Action::Reset => {
                self.running = false;
                K::on_reset(&mut self.config);
                self.restart();
            }
            Action::ResetSame => {
                self.running = false;
                self.restart();
            }
            Action::Tick(steps) => {
                if self.running {
                    self.train(steps);
                }
            }
            Action::DismissNotices => self.notices.clear(),
            Action::Focus(key) => {
                if key != self.sweep.key && K::sweep_keys(&self.config).contains(&key) {
                    self.restart_sweep(key);
                }
            }
            Action::SweepTick(budget) => self.advance_sweep(budget),
            // The plane labs' own actions; the Regression lab has no points to place.
            Action::AddPoint(..)
            | Action::RemoveNearest(..)
            | Action::ClearPoints
            | Action::SetBrush(_) => {}
            // The Tuning lab's.
            Action::FoldsDone { .. } | Action::Reveal => {}
        }
    }
}

impl<K: LabKind> Reduce for Session<K> {
    type Action = Action;
    fn apply(&mut self, action: Action) {
        let slice = matches!(action, Action::SweepTick(_));
        // (A slice that ends the curve's check adds no point, yet its note is news.)
        let progress = |s: &Self| (s.sweep.results.len(), s.sweep.is_done());
        let before = progress(self);
        if let Some(common) = K::handle(self, action.resolved(self.running)) {
            self.apply_common(common);
        }
        self.quiet = slice && progress(self) == before;
    }

    fn quiet(&self) -> bool {
        self.quiet
    }
}

#[path = "divergence.rs"]
mod divergence;

#[cfg(test)]
#[path = "session_tests.rs"]
mod tests;
