//! What a challenge's check reads: the few numbers the page shows about the lab's state, taken
//! from a session or the Tuning lab's search. Plain values, so the check itself is a pure
//! function of the configurations and these figures (and a test can write them by hand).

use crate::ml::diagnosis::{Fit, Unsettled};
use crate::ml::model::Model;
use crate::state::plane::Plane;
use crate::state::regression::Regression;
use crate::state::session::{LabKind, Session};
use crate::state::spec::Key;
use crate::state::tuning::Tuning;

/// The figures of a lab's state that challenges are judged on.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Figures {
    /// The verdict on the fit, once there is one (see [`Session::diagnosis`]).
    pub verdict: Option<Fit>,
    /// Whether the verdict's figures can still move (see [`crate::ml::diagnosis::Diagnosis::unsettled`]).
    pub unsettled: Option<Unsettled>,
    /// Test mean squared error and the noise variance σ² it is judged against (numbers only,
    /// σ > 0).
    pub test_mse: Option<(f64, f64)>,
    /// Share of test points classified right (classes only).
    pub test_accuracy: Option<f64>,
    /// Under L1: the penalized weights that are exactly zero, and how many there are.
    pub zero_weights: Option<(usize, usize)>,
    /// Learned numbers of the model as it stands.
    pub parameters: usize,
    /// Whether training stopped because the loss exploded.
    pub diverged: bool,
    /// Settings moved while paused that the model has not trained with yet, in words
    /// ("Learning rate changed to 2 at epoch 244"): its scores are the settings' before.
    pub untrained: Option<String>,
    /// The Tuning lab's search, if this is the Tuning lab.
    pub search: Option<SearchFigures>,
    /// The validation curve the lab shows (none in the Tuning lab).
    pub curve: Option<CurveFigures>,
}

/// The validation curve the lab shows: what it sweeps, whether it is done, and what it reads at
/// the control's value now.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CurveFigures {
    /// The control it sweeps.
    pub key: Key,
    /// Every point computed (and its training checked, where it is).
    pub done: bool,
    /// Its cross-validated error at that control's current value (`None` off the curve, or
    /// where its fold models diverged).
    pub here: Option<f64>,
    /// Whether that error ties with the curve's lowest ([`crate::state::sweep::Sweep::tied_lowest`]).
    pub at_lowest: bool,
    /// The control's position at the lowest (the first of those tied there), if any point has
    /// an error.
    pub lowest_at: Option<usize>,
    /// Whether its errors are shares of points misclassified (else mean squared errors).
    pub rate: bool,
}

impl CurveFigures {
    /// The session's curve as it stands.
    fn of<K: LabKind>(s: &Session<K>) -> Self {
        let sweep = &s.sweep;
        let current = s.config.position(sweep.key);
        let at = sweep.positions.iter().position(|&p| p == current);
        let tied = sweep.tied_lowest();
        CurveFigures {
            key: sweep.key,
            done: sweep.is_done(),
            here: at
                .and_then(|i| sweep.results.get(i))
                .map(|r| r.cv.mean)
                .filter(|e| e.is_finite()),
            at_lowest: at.is_some_and(|i| tied.contains(&i)),
            // (The first of the tied is the curve's lowest_at.)
            lowest_at: tied.first().map(|&i| sweep.positions[i]),
            rate: s.test_score.accuracy.is_some(),
        }
    }
}

/// How far the Tuning lab's search is and what it found.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SearchFigures {
    /// Whether the budget is spent (or there is nothing left to try).
    pub done: bool,
    /// Trials finished.
    pub trials: usize,
    /// The lowest cross-validated mean error so far.
    pub best: Option<f64>,
}

impl Figures {
    /// The Regression lab's figures.
    pub fn regression(s: &Session<Regression>) -> Self {
        let noise = s.data.noise * s.data.noise;
        Figures {
            test_mse: (noise > 0.0).then_some((s.test_score.loss, noise)),
            ..Figures::session(s)
        }
    }

    /// The Classification or Neural-network lab's figures (accuracy for classes, MSE against
    /// the noise floor on a regression surface).
    pub fn plane(s: &Session<Plane>) -> Self {
        let noise = s
            .data
            .values
            .as_ref()
            .map_or(0.0, |v| v.noise_sd * v.noise_sd);
        Figures {
            test_mse: (s.data.values.is_some() && noise > 0.0)
                .then_some((s.test_score.loss, noise)),
            test_accuracy: s.test_score.accuracy,
            ..Figures::session(s)
        }
    }

    /// The Tuning lab's figures: its search.
    pub fn tuning(t: &Tuning) -> Self {
        Figures {
            search: Some(SearchFigures {
                done: t.is_done(),
                trials: t.search.trials().len(),
                best: t.search.best().map(|b| b.error.mean),
            }),
            ..Figures::default()
        }
    }

    /// What every training lab shows.
    fn session<K: LabKind>(s: &Session<K>) -> Self {
        let diagnosis = s.diagnosis();
        Figures {
            curve: Some(CurveFigures::of(s)),
            verdict: diagnosis.as_ref().map(|d| d.fit),
            unsettled: diagnosis.and_then(|d| d.unsettled),
            zero_weights: s.zero_weights(),
            parameters: s.model.parameters().len(),
            diverged: s.divergence.is_some(),
            untrained: s.untrained_changes().map(|c| c.words),
            ..Figures::default()
        }
    }
}
