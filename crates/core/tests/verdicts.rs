//! The diagnosis names the real cause: a table of real configurations (a link and a number of
//! epochs, as a user would open and play them) and the verdict each must get.

use paramlab_core::ml::diagnosis::Fit;
use paramlab_core::state::action::Action;
use paramlab_core::state::plane::PlaneLab;
use paramlab_core::state::regression::RegressionLab;
use paramlab_core::state::session::Reduce;
use paramlab_core::state::spec::Lab;
use paramlab_core::state::url::decode;

/// Opens `query`, plays `epochs` steps, and returns the verdict and its reason.
fn verdict(query: &str, epochs: u32) -> (Fit, String) {
    let (config, notices) = decode(query);
    assert!(notices.is_empty(), "{query}: {notices:?}");
    let d = if config.lab == Lab::Regression {
        let mut s = RegressionLab::new(config, notices);
        s.apply(Action::Play);
        s.apply(Action::Tick(epochs));
        s.diagnosis()
    } else {
        let mut s = PlaneLab::new(config, notices);
        s.apply(Action::Play);
        for _ in 0..epochs / 10 {
            s.apply(Action::Tick(10));
        }
        s.diagnosis()
    };
    let d = d.unwrap_or_else(|| panic!("{query}: no verdict"));
    (d.fit, d.reason)
}

const CASES: &[(&str, u32, Fit)] = &[
    ("degree=1&data=sine", 3000, Fit::TooSimple),
    ("degree=3&data=sine", 3000, Fit::GoodFit),
    ("degree=3&data=sine&seed=8", 3000, Fit::GoodFit),
    // Training points from x = −0.92 to 0.68; test points at −0.95, 0.84 and 0.91.
    ("degree=2&data=cubic", 3000, Fit::Extrapolating),
    ("degree=15&n=20", 3000, Fit::TooFewPoints),
    ("degree=15&n=10&train=0.1", 3000, Fit::TooFewPoints),
    ("degree=15&n=40&lr=0.03&seed=1", 3000, Fit::TooFlexible),
    // At the default seed the same model is "beyond the training data": its gap is at the ends.
    ("degree=15&n=40&lr=0.03", 3000, Fit::Extrapolating),
    (
        "opt=sgd&lr=0.0001&degree=3&data=sine",
        2000,
        Fit::StillTraining,
    ),
    // As slow, but a straight line: even fully trained it misses the wave (its optimum, computed
    // directly, is far above the noise floor), so waiting would not help.
    ("opt=sgd&lr=0.0001&degree=1&data=sine", 2000, Fit::TooSimple),
    (
        "degree=3&data=sine&reg=l2&lambda=10",
        3000,
        Fit::TooStronglyRegularized,
    ),
    (
        "degree=3&data=sine&reg=l1&lambda=1",
        3000,
        Fit::TooStronglyRegularized,
    ),
    // Adam's constant steps jitter about the strongly penalized minimum (the loss "jumps about"),
    // but that minimum, computed directly, is itself far above the noise floor: the penalty.
    (
        "degree=15&n=30&opt=adam&lr=0.03&reg=l2&lambda=1",
        5000,
        Fit::TooStronglyRegularized,
    ),
    (
        "lab=classification&model=knn&k=1&data=moons&noise=0.6",
        0,
        Fit::TooFlexible,
    ),
    (
        "lab=classification&model=tree&depth=1&data=circles",
        10,
        Fit::TooSimple,
    ),
    (
        "lab=classification&model=logistic&data=circles&lr=0.1&features=1",
        2000,
        Fit::TooSimple,
    ),
    // A tiny learning rate: the loss hardly moves, but the optimum (computed directly) fits the
    // circles with these features, so the model is not too simple, only far from trained.
    (
        "lab=classification&model=logistic&lr=0.001",
        40,
        Fit::StillTraining,
    ),
    (
        "lab=classification&model=logistic&data=blobs&lr=0.1",
        2000,
        Fit::GoodFit,
    ),
    (
        "lab=neural&data=xor&noise=0&act=relu&init=8",
        3000,
        Fit::Stuck,
    ),
    // Stuck for good, not a plateau: the second layer's ReLUs are off on about half the points,
    // so nothing bends the boundary towards them, and 30,000 epochs do not change that.
    (
        "lab=neural&data=xor&noise=0&act=relu&init=8",
        30000,
        Fit::Stuck,
    ),
    (
        "lab=neural&data=xor&noise=0&act=relu&init=9",
        3000,
        Fit::GoodFit,
    ),
    // With tanh, initialization 6 is a plateau: Stuck for thousands of epochs, then it escapes.
    ("lab=neural&data=xor&noise=0&init=6", 3000, Fit::Stuck),
    ("lab=neural&data=xor&noise=0&init=6", 30000, Fit::GoodFit),
    ("lab=neural&data=xor&noise=0&init=2", 3000, Fit::GoodFit),
    ("lab=neural&data=circles&layers=0", 2000, Fit::TooSimple),
    // Linear hidden layers are one linear map: too simple, not stuck (Reset would not help).
    ("lab=neural&data=circles&act=linear", 2000, Fit::TooSimple),
    // Inputs without x₁ (helper 56: it read "Stuck … Press Reset", and every start and twice
    // the neurons stop at 82 %): too simple, whatever its layers.
    ("lab=neural&data=circles&inputs=x2", 3000, Fit::TooSimple),
    (
        "lab=neural&data=xor&inputs=x1,x1sq&l1=16&l2=16",
        3000,
        Fit::TooSimple,
    ),
    // x₂'s square carries x₂: the circles need nothing more.
    ("lab=neural&data=circles&inputs=x1,x2sq", 3000, Fit::GoodFit),
    ("lab=neural&opt=adam&lr=10", 500, Fit::LearningRateTooHigh),
    (
        "lab=neural&data=circles&reg=l2&lambda=1",
        1000,
        Fit::TooStronglyRegularized,
    ),
    (
        "lab=neural&data=circles&opt=sgd&lr=0.0001",
        3000,
        Fit::StillTraining,
    ),
];

#[test]
fn each_configuration_gets_its_cause() {
    let mut wrong = Vec::new();
    for &(query, epochs, expected) in CASES {
        let (fit, reason) = verdict(query, epochs);
        eprintln!("{query} @{epochs}: {fit:?} — {reason}");
        if fit != expected {
            wrong.push(format!("{query} @{epochs}: {fit:?}, expected {expected:?}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// A network blind to a coordinate says which, and what to tick; Reset is not the cure.
#[test]
fn inputs_without_a_coordinate_are_named_as_the_cause() {
    let (fit, reason) = verdict("lab=neural&data=circles&inputs=x2", 3000);
    assert_eq!(fit, Fit::TooSimple, "{reason}");
    assert!(
        reason.contains("carry nothing of x₁ (none of x₁, x₁², x₁x₂, sin πx₁ is ticked)")
            && reason.contains("Tick x₁")
            && !reason.contains("Reset"),
        "{reason}"
    );
}

/// A straight line on the moons (default learning rate) is too simple from the first epochs on:
/// its loss keeps falling for a long time, but even fully trained it stays far below the best
/// possible, which the verdict knows from the optimum computed directly. It must not send the
/// learner to wait (it read "Still training" for some 50 seconds of Play).
#[test]
fn a_straight_line_on_the_moons_is_too_simple_while_its_loss_still_falls() {
    for seed in [42, 2] {
        let query = format!("lab=classification&model=logistic&features=1&data=moons&seed={seed}");
        let (fit, reason) = verdict(&query, 100);
        assert_eq!(fit, Fit::TooSimple, "seed {seed}: {reason}");
        assert!(
            reason.contains("The training loss is still falling, but even trained to the end")
                && reason.contains("Training longer will not fix it"),
            "seed {seed}: {reason}"
        );
    }
}

/// With squares and the product, logistic regression can separate the circles: while its loss
/// falls it is still training (or already a good fit), never too simple.
#[test]
fn squares_on_the_circles_are_never_called_too_simple_while_learning() {
    for seed in [42, 2] {
        for epochs in [20, 50, 100, 200] {
            let query =
                format!("lab=classification&model=logistic&features=2&data=circles&seed={seed}");
            let (fit, reason) = verdict(&query, epochs);
            assert!(
                matches!(fit, Fit::StillTraining | Fit::GoodFit),
                "seed {seed}, epoch {epochs}: {fit:?} — {reason}"
            );
        }
    }
}
