//! How often the verdict on classes is right, measured against the truth rather than against the
//! verdict's own earlier output: 765 seeded cases (k-NN at six values of k, trees at five depths,
//! random forests at three, boosting at three settings; on moons, circles and XOR, at noise 0.1,
//! 0.3 and 0.6, seeds 1–4 and the default 42), each model trained to the end and scored on 20,000
//! fresh points from its pattern. A model is truly good within 4.5 points of the best any
//! model can expect there (the pattern's Bayes accuracy); the verdict says so when it is "Good
//! fit". The test pins the figures BENCHMARKS.md records, so a change that makes the verdict
//! wrong more often, or its "close call" caution blind to where it errs, fails here.
//!
//! `cargo test --release -p paramlab-core --test verdict_calibration -- --nocapture` prints them.

use paramlab_core::data::bayes::bayes_accuracy;
use paramlab_core::data::classification::{generate, Pattern};
use paramlab_core::ml::diagnosis::Fit;
use paramlab_core::ml::model::Model;
use paramlab_core::ml::plane_model::PlaneSet;
use paramlab_core::state::action::Action;
use paramlab_core::state::plane::PlaneLab;
use paramlab_core::state::session::Reduce;
use paramlab_core::state::url::decode;

/// One case's outcome: whether the verdict and the truth agree, and whether it was a close call.
struct Outcome {
    wrong: bool,
    /// Wrong by a clear margin: "Good fit" for a model more than 6 points short of the best on
    /// fresh points, or not for one within 3 (around 4.5 the truth itself is a close call).
    clearly_wrong: bool,
    close: bool,
}

/// A plane lab's link played for 40 ticks of 10 steps: every model here trained to the end.
fn trained(query: &str) -> PlaneLab {
    let (config, notices) = decode(query);
    assert!(notices.is_empty(), "{query}: {notices:?}");
    let mut s = PlaneLab::new(config, notices);
    s.apply(Action::Play);
    for _ in 0..40 {
        s.apply(Action::Tick(10));
    }
    s
}

/// 20,000 fresh points from `pattern` at `noise`, drawn apart from every lab's points.
fn fresh(pattern: Pattern, noise: f64) -> PlaneSet {
    PlaneSet {
        points: generate(pattern, 20_000, noise, 1.0, 777).train,
        values: None,
        classes: 2,
    }
}

fn outcome(query: &str, fresh: &PlaneSet, best: f64) -> Outcome {
    let s = trained(query);
    let verdict = s
        .diagnosis()
        .unwrap_or_else(|| panic!("{query}: no verdict"));
    let accuracy = s.model.score(fresh).accuracy.unwrap();
    let shortfall = best - accuracy;
    let good = verdict.fit == Fit::GoodFit;
    Outcome {
        wrong: good != (shortfall < 0.045),
        clearly_wrong: (good && shortfall > 0.06) || (!good && shortfall < 0.03),
        close: verdict.close_call,
    }
}

#[test]
fn the_verdict_on_classes_against_fresh_points() {
    let patterns = [
        ("moons", Pattern::Moons),
        ("circles", Pattern::Circles),
        ("xor", Pattern::Xor),
    ];
    let models: Vec<String> = [1, 2, 3, 5, 10, 20]
        .iter()
        .map(|k| format!("model=knn&k={k}"))
        .chain(
            [1, 2, 3, 4, 6]
                .iter()
                .map(|d| format!("model=tree&depth={d}")),
        )
        .chain(
            [
                "model=forest&depth=3",
                "model=forest&depth=5",
                "model=forest&depth=10",
                "model=boosting&depth=3",
                "model=boosting&depth=5",
                "model=boosting&depth=1&shrinkage=1",
            ]
            .map(String::from),
        )
        .collect();
    let (mut cases, mut wrong, mut close) = (0, 0, 0);
    let (mut clearly_wrong, mut clearly_wrong_and_close) = (0, 0);
    for (name, pattern) in patterns {
        for noise in [0.1, 0.3, 0.6] {
            let fresh = fresh(pattern, noise);
            let best = bayes_accuracy(pattern, noise);
            for seed in [1, 2, 3, 4, 42] {
                for model in &models {
                    let query =
                        format!("lab=classification&{model}&data={name}&noise={noise}&seed={seed}");
                    let o = outcome(&query, &fresh, best);
                    cases += 1;
                    wrong += usize::from(o.wrong);
                    close += usize::from(o.close);
                    clearly_wrong += usize::from(o.clearly_wrong);
                    clearly_wrong_and_close += usize::from(o.clearly_wrong && o.close);
                }
            }
        }
    }
    println!(
        "{cases} cases: the verdict wrong in {wrong}, clearly wrong in {clearly_wrong}; {close} \
         close calls, {clearly_wrong_and_close} of the clearly wrong verdicts among them"
    );
    assert_eq!(cases, 765);
    assert!(wrong <= 135, "wrong in {wrong} of {cases}");
    assert!(clearly_wrong <= 38, "clearly wrong in {clearly_wrong}");
    // The caution is where the mistakes are, and not everywhere.
    assert!(clearly_wrong - clearly_wrong_and_close <= 8);
    assert!(close <= 220, "{close} close calls");
}

/// A plane lab's link trained as in the scan above, its validation curve computed to the end.
fn grown(query: &str) -> PlaneLab {
    let mut s = trained(query);
    s.finish_curve();
    s
}

/// A gap only because the test accuracy falls short of the rule that knows the pattern (no noise
/// learned), beside a validation curve clearly better at a more flexible setting, reads "too
/// simple" (the diagnosis module's rule 8). Over the 765 cases above, with each forest's curve
/// over depth, that happens in these 8; in every one the curve's setting does better on 20,000
/// fresh points, and no model is truly good (within 4.5 points of the best). They used to read
/// "too flexible … make it less flexible".
#[test]
fn a_gap_the_curve_blames_on_too_little_flexibility_is_cured_by_more() {
    let (moons, circles, xor) = (
        ("moons", Pattern::Moons),
        ("circles", Pattern::Circles),
        ("xor", Pattern::Xor),
    );
    for (model, (name, pattern), noise, seed, (label, value)) in [
        ("tree&depth=4", moons, 0.1, 3, ("Max depth", "6")),
        ("tree&depth=1", moons, 0.3, 4, ("Max depth", "2")),
        ("tree&depth=3", circles, 0.3, 1, ("Max depth", "6")),
        ("tree&depth=2", circles, 0.6, 1, ("Max depth", "3")),
        ("knn&k=20", circles, 0.6, 4, ("k", "11")),
        ("tree&depth=3", circles, 0.6, 4, ("Max depth", "4")),
        ("knn&k=10", xor, 0.1, 42, ("k", "3")),
        ("tree&depth=3", xor, 0.3, 42, ("Max depth", "4")),
    ] {
        let query =
            format!("lab=classification&model={model}&data={name}&noise={noise}&seed={seed}");
        let s = grown(&query);
        let verdict = s.diagnosis().unwrap();
        assert_eq!(verdict.fit, Fit::TooSimple, "{query}: {}", verdict.reason);
        assert!(
            (verdict.reason).contains("has not learned its training points' noise"),
            "{query}: {}",
            verdict.reason
        );
        assert!(
            (verdict.reason).contains(&format!("better at {label} = {value}:")),
            "{query}: {}",
            verdict.reason
        );
        let fresh = fresh(pattern, noise);
        let (model, _) = model.rsplit_once('=').unwrap();
        let flexible = grown(&format!(
            "lab=classification&model={model}={value}&data={name}&noise={noise}&seed={seed}"
        ));
        let accuracy = |lab: &PlaneLab| lab.model.score(&fresh).accuracy.unwrap();
        assert!(
            accuracy(&flexible) > accuracy(&s),
            "{query}: {label} = {value} does no better on fresh points"
        );
        let best = bayes_accuracy(pattern, noise);
        assert!(best - accuracy(&s) >= 0.045, "{query}: truly good");
    }
}
