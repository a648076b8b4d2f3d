//! Defaults that teach: at the default speed (one epoch per frame, 60 a second) the first Play
//! shows training unfold over seconds, and the learning rate visibly matters — crawling at 1e-4,
//! done within seconds at the default, diverging or jumping about at 10 — in every lab trained by
//! gradient descent. Seconds are counted as epochs: 60 per second.

use paramlab_core::ml::diagnosis::Fit;
use paramlab_core::ml::model::Model;
use paramlab_core::ml::optimizer::OptimizerKind;
use paramlab_core::state::action::Action;
use paramlab_core::state::choice::ModelKind;
use paramlab_core::state::config::Config;
use paramlab_core::state::plane::PlaneLab;
use paramlab_core::state::regression::RegressionLab;
use paramlab_core::state::session::Reduce;
use paramlab_core::state::spec::Lab;
use paramlab_core::state::url::decode;

const PER_SECOND: u32 = 60;

/// The training loss after each of `epochs` (cumulative), whether training diverged, and the
/// verdict at the end.
fn losses(query: &str, epochs: &[u32]) -> (Vec<f64>, bool, Option<Fit>) {
    let (config, notices) = decode(query);
    assert!(notices.is_empty(), "{query}: {notices:?}");
    macro_rules! run {
        ($s:expr) => {{
            let mut s = $s;
            s.apply(Action::Play);
            let mut out = Vec::new();
            for &e in epochs {
                while s.running && s.model.steps() < e as u64 {
                    s.apply(Action::Tick(1));
                }
                out.push(s.train_score.loss);
            }
            (out, s.divergence.is_some(), s.diagnosis().map(|d| d.fit))
        }};
    }
    if config.lab == Lab::Regression {
        run!(RegressionLab::new(config, notices))
    } else {
        run!(PlaneLab::new(config, notices))
    }
}

#[test]
fn the_defaults_play_one_epoch_per_frame_with_plain_sgd() {
    // The Tuning lab trains nothing to watch: its trials use Adam, which trains every degree
    // within a trial's epochs.
    for lab in [Lab::Regression, Lab::Classification, Lab::Neural] {
        let c = Config::for_lab(lab);
        assert_eq!(c.speed(), Some(1), "{lab:?}");
        assert_eq!(c.optimizer(), OptimizerKind::Sgd, "{lab:?}");
    }
}

#[test]
fn training_unfolds_over_seconds_and_the_learning_rate_shows() {
    // Logistic regression on standardized features has a gentle loss (its curvature is at most
    // a quarter of the features' second moment): even 10, the slider's top, converges there.
    for (lab, top_diverges) in [
        ("lab=regression", true),
        (
            "lab=classification&model=logistic&data=moons&features=1",
            false,
        ),
        ("lab=neural", true),
    ] {
        let (l, _, _) = losses(lab, &[0, PER_SECOND, 20 * PER_SECOND, 100 * PER_SECOND]);
        let (start, first_second, twenty, settled) = (l[0], l[1], l[2], l[3]);
        eprintln!("{lab}: {l:?}");
        // After one second the loss is still well above where it settles (on the page's log
        // scale, a visible way): there is training to watch.
        assert!(first_second > 1.5 * settled, "{lab}: {l:?}");
        // Within twenty seconds it has come 90 % of the way.
        assert!((start - twenty) / (start - settled) > 0.9, "{lab}: {l:?}");

        // Learning rate 1e-4: after ten seconds the loss has not come halfway from where it
        // started to where the default settles.
        let (slow, _, _) = losses(&format!("{lab}&lr=0.0001"), &[0, 10 * PER_SECOND]);
        let progress = (slow[0] - slow[1]) / (slow[0] - settled);
        eprintln!("{lab} at 1e-4: {slow:?}, {progress:.2} of the way");
        assert!(progress < 0.5, "{lab} at 1e-4: {slow:?} vs {settled}");

        // Learning rate 10: within ten seconds it diverges or the verdict says it jumps about.
        let (fast, diverged, fit) = losses(&format!("{lab}&lr=10"), &[10 * PER_SECOND]);
        eprintln!("{lab} at 10: {fast:?}, diverged {diverged}, {fit:?}");
        if top_diverges {
            assert!(
                diverged || fit == Some(Fit::LearningRateTooHigh),
                "{lab} at 10: {fit:?}"
            );
        } else {
            assert!(
                !diverged && (fast[0] - settled).abs() < 1e-3,
                "{lab}: {fast:?}"
            );
        }
    }
}

#[test]
fn a_bare_classification_link_opens_on_a_model_that_trains() {
    let (config, notices) = decode("lab=classification");
    assert_eq!(config, Config::for_lab(Lab::Classification));
    assert_eq!(config.model(), ModelKind::Logistic);
    // Play trains it at the default speed: the weights move in the first second and are still
    // moving seconds later, the loss falls, and the squares separate the circles.
    let mut s = PlaneLab::new(config, notices);
    s.apply(Action::Play);
    let weights =
        |s: &PlaneLab| -> Vec<f64> { s.model.parameters().iter().map(|p| p.value).collect() };
    let moved = |a: &[f64], b: &[f64]| {
        a.iter()
            .zip(b)
            .map(|(x, y)| (x - y).abs())
            .fold(0.0, f64::max)
    };
    let mut seen = vec![(weights(&s), s.train_score.loss)];
    for seconds in [1, 5] {
        while s.running && s.model.steps() < u64::from(seconds * PER_SECOND) {
            s.apply(Action::Tick(1));
        }
        seen.push((weights(&s), s.train_score.loss));
    }
    assert!(s.running, "still training after five seconds");
    let [(start, l0), (one, l1), (five, l5)] = &seen[..] else {
        unreachable!()
    };
    assert!(
        moved(start, one) > 0.2 && moved(one, five) > 0.5,
        "{seen:?}"
    );
    assert!(*l1 < 0.9 * l0 && *l5 < 0.75 * l1, "{seen:?}");
    assert!(s.test_score.accuracy.unwrap() > 0.9);
    assert_eq!(s.diagnosis().map(|d| d.fit), Some(Fit::GoodFit));
}
