//! What a lab tells the one session ([`LabKind`]): how its data, model and hyperparameters come
//! from the configuration, the evidence its verdict reads, and the actions it handles itself; and
//! the pure reducer every lab's state is ([`Reduce`]).

use super::*;

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
    /// Hand-placed training points at one spot with points of another class
    /// ([`Coincident`]). It depends on the data alone, so the session computes it once per data
    /// (the verdict reads it on every frame while training).
    fn coincident(_config: &Config, _data: &Self::Data) -> Option<Coincident> {
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
pub(in crate::state) type SamplesOf<K> = <<K as LabKind>::Model as Model>::Samples;
