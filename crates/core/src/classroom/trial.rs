//! For the tests: a lab link opened, played for a number of epochs (the Tuning lab: its search
//! run to the end), and the figures a challenge is judged on.

use super::figures::Figures;
use crate::state::action::Action;
use crate::state::config::Config;
use crate::state::plane::PlaneLab;
use crate::state::regression::RegressionLab;
use crate::state::session::{LabKind, Reduce, Session};
use crate::state::spec::Lab;
use crate::state::tuning::Tuning;
use crate::state::url::decode;

/// Decodes `query`, insisting that it reads without a fallback.
pub fn config(query: &str) -> Config {
    let (config, notices) = decode(query);
    assert!(notices.is_empty(), "{query}: {notices:?}");
    config
}

/// The figures after `epochs` epochs of Play from `config` (the Tuning lab ignores `epochs`
/// and runs its search to the end), the validation curve computed to the end if `curve`.
pub fn figures(config: &Config, epochs: u32, curve: bool) -> Figures {
    match config.lab {
        Lab::Regression => {
            let mut s = RegressionLab::new(config.clone(), Vec::new());
            play(&mut s, epochs, curve);
            Figures::regression(&s)
        }
        Lab::Classification | Lab::Neural => {
            let mut s = PlaneLab::new(config.clone(), Vec::new());
            play(&mut s, epochs, curve);
            Figures::plane(&s)
        }
        Lab::Tuning => {
            let mut t = Tuning::new(config.clone(), Vec::new());
            t.apply(Action::Play);
            while !t.is_done() {
                // (Each trial shown once scored: no one watches this search.)
                t.apply(Action::Tick(1000));
                t.apply(Action::Reveal);
            }
            Figures::tuning(&t)
        }
    }
}

/// Plays `epochs` epochs, then computes the validation curve to the end if `curve`.
fn play<K: LabKind>(s: &mut Session<K>, epochs: u32, curve: bool) {
    s.apply(Action::Play);
    s.apply(Action::Tick(epochs));
    if curve {
        s.finish_curve();
    }
}
