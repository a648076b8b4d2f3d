//! The panels a teacher can hide from the class (to ask first, then reveal) and their names in
//! each lab. Lessons, challenges and the view all name them.

use crate::state::spec::Lab;

/// A panel that presenter view can hide (to ask the class first) and reveal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Panel {
    /// The diagnosis: underfitting, overfitting, still training…
    Verdict,
    /// The training and test scores under the main plot.
    Scores,
    /// The learned parameters.
    Parameters,
    /// The loss (and error) over training.
    Loss,
    /// The validation curve.
    Validation,
}

impl Panel {
    pub const ALL: [Panel; 5] = [
        Panel::Verdict,
        Panel::Scores,
        Panel::Parameters,
        Panel::Loss,
        Panel::Validation,
    ];

    /// The name in the link and in the page's CSS classes.
    pub fn url(self) -> &'static str {
        match self {
            Panel::Verdict => "verdict",
            Panel::Scores => "scores",
            Panel::Parameters => "parameters",
            Panel::Loss => "loss",
            Panel::Validation => "validation",
        }
    }

    /// The panel a link's `hide=` names: by its name in the link, or by its toggle's label in
    /// any lab ("choice", "best so far", "best-so-far", "folds" in the Tuning lab; helper 109
    /// typed those and was told of "verdict, scores, …", which the Tuning lab shows nowhere).
    pub fn named(name: &str) -> Option<Panel> {
        let plain = |t: &str| {
            let t = t.trim().to_ascii_lowercase().replace(['-', '_'], " ");
            t.strip_prefix("the ").map(str::to_string).unwrap_or(t)
        };
        let name = plain(name);
        Panel::ALL.into_iter().find(|p| {
            p.url() == name
                || [Lab::Regression, Lab::Tuning]
                    .iter()
                    .any(|l| plain(p.label(*l)) == name)
        })
    }

    /// The toggle's label in `lab`: the Tuning lab's panels in the same five roles are the
    /// choice and its test score, the trials, the chosen model's parameters, the best error so
    /// far and the folds.
    pub fn label(self, lab: Lab) -> &'static str {
        self.texts(lab).0
    }

    /// What the toggle hides in `lab`, as its tooltip: a teacher sees what a press will do
    /// before the class does (the Tuning lab's parameters appear only once a search has chosen).
    pub fn hint(self, lab: Lab) -> &'static str {
        self.texts(lab).1
    }

    /// The toggle's label and tooltip in `lab`, side by side so that each says the same panel.
    fn texts(self, lab: Lab) -> (&'static str, &'static str) {
        match (self, lab == Lab::Tuning) {
            (Panel::Verdict, false) => (
                "Verdict",
                "The diagnosis: hide it, ask the class, reveal it",
            ),
            (Panel::Scores, false) => ("Scores", "The training and test scores under the plot"),
            (Panel::Parameters, false) => ("Parameters", "The panel of learned parameters"),
            (Panel::Loss, false) => ("Loss curve", "The loss (and error) curves over training"),
            (Panel::Validation, false) => ("Validation curve", "The validation curve"),
            (Panel::Verdict, true) => ("The choice", "The search's choice and its test score"),
            (Panel::Scores, true) => ("Trials", "The table of trials"),
            (Panel::Parameters, true) => (
                "Parameters",
                "The chosen model's learned parameters, shown under the choice once a search has \
                 finished (nothing to hide before)",
            ),
            (Panel::Loss, true) => (
                "Best so far",
                "The best cross-validated error after each trial, the best so far under the map \
                 and its ring on the map",
            ),
            (Panel::Validation, true) => ("Folds", "The folds of the cross-validation"),
        }
    }
}
