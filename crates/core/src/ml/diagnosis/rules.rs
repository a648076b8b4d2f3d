//! The verdict's rules, one function each, tried in the order of [`first_applying`]: the first
//! that applies gives the verdict, and a model none applies to is a good fit ([`good_fit`]).

use super::facts::Facts;
use super::*;
use crate::format::{count, short, thousands, whole_percent};

/// A verdict and its reason, before the close call is weighed.
pub(super) type Verdict = (Fit, String);

/// The verdict of the first rule that applies, in the order they are tried, else a good fit.
/// (A chain of calls rather than a list of function pointers: the build inlines it, 1.0 KiB
/// gzip smaller.)
pub(super) fn first_applying(e: &Evidence, f: &Facts) -> Verdict {
    penalty_pulls(e, f)
        .or_else(|| trees_overshoot(e, f))
        .or_else(|| costly_jitter(e, f))
        .or_else(|| too_early_for_gap(e, f))
        .or_else(|| beyond_training(e, f))
        .or_else(|| too_few_points(e, f))
        .or_else(|| momentum_swings(e, f))
        .or_else(|| momentum_past_lowest(e, f))
        .or_else(|| steps_overshoot(e, f))
        .or_else(|| test_error_rising(e, f))
        .or_else(|| blind_inputs(e, f))
        .or_else(|| still_growing(e, f))
        .or_else(|| still_falling(e, f))
        .or_else(|| too_early_for_high_error(e, f))
        .or_else(|| optimum_fits(e, f))
        .or_else(|| penalty_holds_back(e, f))
        .or_else(|| flat_start(e, f))
        .or_else(|| stuck_network(e, f))
        .or_else(|| points_collide(e, f))
        .or_else(|| too_simple(e, f))
        .or_else(|| gap_closing(e, f))
        .or_else(|| curve_wants_more(e, f))
        .or_else(|| placement(e, f))
        .or_else(|| too_flexible(e, f))
        .unwrap_or_else(|| good_fit(e, f))
}

/// The penalty's pull is so steep that the steps overshoot.
fn penalty_pulls(e: &Evidence, f: &Facts) -> Option<Verdict> {
    let p = e.penalty_pull.filter(|_| e.levers.epochs)?;
    Some((
        Fit::LearningRateTooHigh,
        format!("{}, and {}", f.r.summary, steep_penalty(p)),
    ))
}

/// Boosting's log-loss fell, then rose above the class shares': the trees' steps overshoot.
fn trees_overshoot(e: &Evidence, f: &Facts) -> Option<Verdict> {
    let o = e.overshoot?;
    Some((
        Fit::LearningRateTooHigh,
        format!(
            "{}. Its training log-loss fell to {} after {} trees, then rose to {}, above always \
             answering the class shares: the trees' steps overshoot. Each leaf takes one Newton \
             step on the points it holds, huge where they are few and the model is already \
             sure of them, some wrongly, and the learning rate scales it. Lower the learning \
             rate, or let each round see more points (a larger Subsample).",
            f.r.summary,
            short(o.lowest),
            thousands(o.at),
            short(o.now)
        ),
    ))
}

/// Mini-batches' noise keeps the weights off their minimum ([`Jitter`]).
fn costly_jitter(e: &Evidence, f: &Facts) -> Option<Verdict> {
    let j = e.jitter.filter(|j| j.costly())?;
    Some((
        Fit::LearningRateTooHigh,
        format!(
            "{}. With batches of {} each step follows only its batch's gradient, and at this \
             learning rate that noise keeps the weights from settling: over the second half of \
             training the median training error is {}, where fully trained this model reaches \
             {}. Lower the learning rate (the noise shrinks with it), or use larger batches.",
            f.r.summary,
            j.batch,
            short(j.median),
            short(j.best)
        ),
    ))
}

/// Too few epochs to read the loss's trend (since the start, or since the last change to how or
/// what it learns): no verdict on a gap, whatever else it would say (helper 71 read "too few
/// training points … a larger λ" one epoch after λ was raised, on scores that were still the old
/// objective's). A high training error is read below, after the swings of momentum.
fn too_early_for_gap(e: &Evidence, f: &Facts) -> Option<Verdict> {
    (!f.r.high_train && f.r.gap && e.levers.epochs && e.trend == Trend::Unknown)
        .then(|| too_early(&f.r.summary))
}

/// The gap comes only from test points beyond the training points' range (rule 0).
fn beyond_training(e: &Evidence, f: &Facts) -> Option<Verdict> {
    let beyond = extrapolating(e, &f.r)?;
    Some((
        Fit::Extrapolating,
        format!("{}. {beyond}{}", f.r.summary, few_test_points(e.errors)),
    ))
}

/// As many learned numbers as points, passing through them (rule 1).
fn too_few_points(e: &Evidence, f: &Facts) -> Option<Verdict> {
    if f.r.high_train || !(f.r.gap || f.through_noise) || !f.few {
        return None;
    }
    let points = count(e.train_points, "training point", "training points");
    let why = if e.parameters >= e.train_points && f.interpolates {
        // (As many numbers as points pass through them, but not many different ways: one cubic
        // passes through 4 points; helper 59.)
        // (With a penalty the objective has one minimum, and it runs close to the points, not
        // through them: "in many different ways" was false of ridge; helper 89.)
        let through = match (e.parameters > e.train_points, e.train_points, e.penalized) {
            (true, _, true) => {
                "more than enough to pass through them all, and the penalty holds it only a \
                 little off them"
            }
            (true, 1, false) => "more than enough to pass through it, in many different ways",
            (true, _, false) => "more than enough to pass through them all, in many different ways",
            (false, 1, _) => "enough to pass through it",
            (false, _, _) => "enough to pass through every one of them",
        };
        // (One point: "passes through them … between them" was no sentence of one; helper 90.)
        let (them, between) = match e.train_points {
            1 => ("it", "away from it"),
            _ => ("them", "between them"),
        };
        format!(
            "{}: only {points} for {} learned numbers, {through}, and a model that passes \
             through {them} need not follow the pattern {between}. Add points (or make it less \
             flexible: {}).",
            f.r.summary, e.parameters, e.levers.less
        )
    } else {
        // (k-NN learns no numbers: "for 0 learned numbers … pass through them all" was false,
        // helper 50; nor does a model still on its way to its points pass through them, helper
        // 59.)
        format!(
            "{}: only {points}, too few to tell the pattern from the noise, so a model that fits \
             them need not follow the pattern between them. Add points (or make it less \
             flexible: {}).",
            f.r.summary, e.levers.less
        )
    };
    Some((Fit::TooFewPoints, why))
}

/// Momentum's swings, still dying down.
fn momentum_swings(e: &Evidence, f: &Facts) -> Option<Verdict> {
    let swings = e.momentum.and_then(|m| m.settling).filter(|_| {
        // (Falling between two swings, high error: "still falling … or raise the learning rate"
        // between two swings told a class to speed up what was overshooting; helper 60.)
        // (Nor is a loss settled while its swings still die down: helper 90's momentum on the
        // spiral flipped between "too simple" and "swings" for 230 epochs, as the second half's
        // first record fell on a peak (falling) or a trough (settled).)
        e.trend == Trend::Unstable
            || (matches!(e.trend, Trend::Falling | Trend::Settled) && f.r.high_train)
    })?;
    // (After one swing, "each swing smaller than the one before" claimed a pattern from one
    // case; helper 61.)
    let how = if swings == 1 {
        "swung back up and is coming down again, its peak below where it started: momentum \
         carries the weights past the minimum and back"
    } else {
        "swings up and down: momentum carries the weights past the minimum and back, each swing \
         smaller than the one before"
    };
    Some((
        Fit::StillTraining,
        format!(
            "{}, and the training loss {how}. Let it settle before judging the model (swings \
             that grew would mean too high a learning rate).",
            f.r.summary
        ),
    ))
}

/// Momentum has carried the loss above its lowest, too early to tell whether it settles.
/// (The loss had visibly risen for three epochs while the verdict said only that it was too
/// early to tell whether it still fell; helper 61.)
fn momentum_past_lowest(e: &Evidence, f: &Facts) -> Option<Verdict> {
    let (at, lowest) = (e.momentum)
        .and_then(|m| m.above_lowest)
        .filter(|_| e.trend == Trend::Unknown && (f.r.high_train || f.r.gap))?;
    Some((
        Fit::StillTraining,
        format!(
            "{}, and the training loss has risen from its lowest so far ({} at epoch {}): \
             momentum carries the weights past the minimum before it turns them back. It is too \
             early to tell whether the swings will shrink (at a stable learning rate) or grow \
             (too high a rate): let it train on.",
            f.r.summary,
            short(lowest),
            thousands(at)
        ),
    ))
}

/// The loss jumps about, has risen, or stands above the zero weights': the steps overshoot
/// (rule 2).
/// (A model that has learned its training points' noise has found its minimum, jumps and all:
/// its gap is overfitting, which a lower rate does not cure; helper 89's network at 99 % on
/// training points where the best is 60 % read "the steps overshoot".)
/// (A loss above the zero weights' is off the minimum whatever the minimum's error: a loss
/// falling back from there is still training.)
/// (Momentum's first swings can rise above it and still settle: the two momentum rules before
/// this one read them.)
fn steps_overshoot(e: &Evidence, f: &Facts) -> Option<Verdict> {
    if !(e.levers.epochs && e.jitter.is_none() && (f.r.high_train || (f.r.gap && !f.noise_learned)))
    {
        return None;
    }
    let how = match (e.above_zero_weights)
        .filter(|_| e.trend != Trend::Falling && e.momentum.is_none())
    {
        // (The plain words where they are proof enough: a jumpy loss whose minimum fits.)
        Some(a) if f.minimum_high || e.trend != Trend::Unstable => above_zero(a, e.penalized),
        _ if e.trend == Trend::Unstable && !f.minimum_high => match e.objective_rise {
            Some((before, after)) => format!(
                "the objective the steps go down, the MSE plus the penalty, rose at the last step \
                 from {} to {} (the MSE fell, the penalty rose more): on its bowl a step at a \
                 stable learning rate always lowers it, so the steps overshoot the minimum. \
                 Lower the learning rate.",
                short(before),
                short(after)
            ),
            None => "the training loss jumps about or has risen above the lowest it reached: the \
                     steps overshoot the minimum. Lower the learning rate."
                .to_string(),
        },
        _ => return None,
    };
    let network = match e.hidden {
        Some(_) => {
            " Steps that large can also leave a network's neurons saturated or switched off for \
             good: if training does not recover at a lower rate, press Reset."
        }
        None => "",
    };
    Some((
        Fit::LearningRateTooHigh,
        format!("{}, and {how}{network}", f.r.summary),
    ))
}

/// The test error rose while the training error fell.
fn test_error_rising(e: &Evidence, f: &Facts) -> Option<Verdict> {
    let lowest = rising_test(e, &f.r)?;
    Some((
        Fit::TooFlexible,
        format!(
            "{}, yet test error {} is {}: it rose from {} while the training error fell. The \
             model goes on to learn the accidents of its own training points rather than the \
             pattern. Make it less flexible ({}), or add data. (Stopping earlier helps too, \
             judged on points held out of training, not on these test points.)",
            f.r.summary,
            short(e.errors.test()),
            times_higher(e.errors.test() / e.errors.train()),
            short(lowest),
            e.levers.less
        ),
    ))
}

/// A network whose ticked inputs carry nothing of an axis the classes differ along.
fn blind_inputs(e: &Evidence, f: &Facts) -> Option<Verdict> {
    let (axis, carriers) = e.blind_to.filter(|_| f.r.high_train)?;
    Some((
        Fit::TooSimple,
        format!(
            "{}: the network's inputs carry nothing of {axis} (none of {} is ticked), so it \
             cannot tell apart points that differ only in {axis}, however long it trains and \
             however many neurons it has. Tick {axis} (or another of them) under Inputs.",
            f.r.summary,
            carriers.join(", ")
        ),
    ))
}

/// A tree or an ensemble with levels or trees left to add.
fn still_growing(e: &Evidence, f: &Facts) -> Option<Verdict> {
    (f.r.high_train && e.growing).then(|| {
        (
            Fit::StillTraining,
            format!(
                "{}, but the model is still growing: it has levels or trees left to add. Let it \
                 grow to the end (Play or Step) before judging it.",
                f.r.summary
            ),
        )
    })
}

/// A high training error while the loss still falls, and full training would lower it.
fn still_falling(e: &Evidence, f: &Facts) -> Option<Verdict> {
    (f.r.high_train && f.falling && f.out_of_reach.is_none()).then(|| {
        let faster = match e.levers.faster {
            true => " (or raise the learning rate)",
            false => "",
        };
        (
            Fit::StillTraining,
            format!(
                "{}, but the training loss is still falling: it has not converged yet. Let it \
                 train on{faster} before judging the model.",
                f.r.summary
            ),
        )
    })
}

/// A high training error after too few epochs to read the loss's trend.
fn too_early_for_high_error(e: &Evidence, f: &Facts) -> Option<Verdict> {
    (f.r.high_train && e.levers.epochs && e.trend == Trend::Unknown && f.out_of_reach.is_none())
        .then(|| too_early(&f.r.summary))
}

/// Not moving, yet the objective's minimum fits: the steps are too small to see the loss fall
/// (a tiny learning rate), not a model too simple.
fn optimum_fits(e: &Evidence, f: &Facts) -> Option<Verdict> {
    let best = (e.best_reachable).filter(|_| f.r.high_train && !f.minimum_high)?;
    let reach = match e.errors {
        Errors::Numbers { .. } => format!("a training error of {}", short(best)),
        Errors::Classes { .. } => format!("{} on the training points", whole_percent(100.0 * best)),
    };
    Some((
        Fit::StillTraining,
        format!(
            "{}, but fully trained this model reaches {reach} (its optimum, computed directly): \
             it has not got there yet, its loss falling too slowly to show. Raise the learning \
             rate, or let it train on.",
            f.r.summary
        ),
    ))
}

/// A high training error under a strong penalty (rule 4).
fn penalty_holds_back(e: &Evidence, f: &Facts) -> Option<Verdict> {
    (f.r.high_train && e.strong_penalty).then(|| {
        (
            Fit::TooStronglyRegularized,
            format!(
                "{}, and the penalty holds the weights back: the model is too strongly \
                 regularized to follow the pattern. Lower λ.",
                f.summary
            ),
        )
    })
}

/// A network on its flat start, its loss still about a constant guess's.
fn flat_start(e: &Evidence, f: &Facts) -> Option<Verdict> {
    (f.r.high_train && e.hidden.is_some() && e.flat_start).then(|| {
        (
            Fit::StillTraining,
            format!(
                "{}, and the training loss is still about what a constant guess scores. On this \
                 flat start the network's steps are tiny; it usually leaves by itself, the loss \
                 creeping down until it falls fast. Let it train on (a larger learning rate, or \
                 Adam, shortens the wait); only if it stays for thousands of epochs, press Reset.",
                f.r.summary
            ),
        )
    })
}

/// A network whose training has stopped improving at a high error (rule 6).
fn stuck_network(e: &Evidence, f: &Facts) -> Option<Verdict> {
    let units = e.hidden.filter(|_| f.r.high_train && !f.falling)?;
    Some((
        Fit::Stuck,
        stuck(&f.r.summary, units, e.layers, f.at_shares),
    ))
}

/// A training error that is all the clashing points' ([`Coincident`]): the model gets every
/// training point right that any model can, and no gap follows (or too few test points to
/// tell). The points, not the model, are the limit.
fn points_collide(e: &Evidence, f: &Facts) -> Option<Verdict> {
    // (A gap on under 5 test points is chance's as much as anything: one test point at a
    // clashing spot is missed by any model.)
    let judged = !f.r.gap || few_tested(e.errors);
    let c = e.coincident.filter(|_| f.clash_limited && judged)?;
    Some((
        Fit::GoodFit,
        format!(
            "{}: no model can do better on these training points, since {}. The points, not the \
             model, are the limit: move clashing points apart, or remove one of each clashing \
             pair.{}",
            f.r.summary,
            clash(c),
            few_test_points(e.errors)
        ),
    ))
}

/// The clash in words: "4 of the training points share their spot with a point of another
/// class, and no model can tell those apart, so at most 60 % of the training points can be
/// right".
fn clash(c: Coincident) -> String {
    format!(
        "{} share their spot with a point of another class, and no model can tell those apart, \
         so at most {} of the training points can be right",
        count(c.points, "training point", "of the training points"),
        whole_percent(100.0 * c.reachable)
    )
}

/// A high training error that nothing else explains (rule 5).
fn too_simple(e: &Evidence, f: &Facts) -> Option<Verdict> {
    if !f.r.high_train {
        return None;
    }
    let however = match e.levers.epochs && f.out_of_reach.is_none() {
        true => ", however long it trains",
        false => "",
    };
    let unless = match (e.errors, e.coincident) {
        (Errors::Classes { .. }, Some(c)) => format!(" (Not all the way: {}.)", clash(c)),
        (Errors::Classes { ceiling: None, .. }, None) => {
            " (Unless the noise blurs the classes this much: if no setting does better on the \
             validation curve, the points themselves are the limit.)"
                .into()
        }
        _ => String::new(),
    };
    Some((
        Fit::TooSimple,
        format!(
            "{}: the model is too simple to describe the pattern{however}. Give it more \
             flexibility: {}.{unless}",
            f.summary, e.levers.more
        ),
    ))
}

/// A gap while both errors still fall: it is closing.
fn gap_closing(e: &Evidence, f: &Facts) -> Option<Verdict> {
    let (epoch, test) = (e.test_fall).filter(|_| f.r.gap && e.trend == Trend::Falling)?;
    Some((
        Fit::StillTraining,
        format!(
            "{}. Both errors are still falling (the test error from {} at epoch {epoch}): the gap \
             is closing, so it is too early to call this overfitting. Let it train on before \
             judging the model.",
            f.r.summary,
            short(test)
        ),
    ))
}

/// Rule 8's gap, only because the test accuracy falls short of the rule's, while the validation
/// curve finds more flexibility better: not overfitting.
fn curve_wants_more(e: &Evidence, f: &Facts) -> Option<Verdict> {
    f.curve_led.then(|| {
        (
            Fit::TooSimple,
            format!(
                "{}: the model has not learned its training points' noise (it is not above the \
                 rule on them by more than chance), yet what it learned does not carry over to \
                 new points. A model this simple can fit its training points about as well with \
                 a shape that is not the pattern (a boundary placed where they happen to lie), \
                 and the validation curve finds more flexibility better by more than one \
                 standard error. Give it more flexibility: {}.{}",
                f.r.summary,
                e.levers.more,
                few_test_points(e.errors)
            ),
        )
    })
}

/// The same gap where the curve finds no value of its control clearly better: neither less
/// flexibility nor more is the cure, and the miss is where its few splits or its boundary
/// happen to fall on these training points (helper 91: a tree of depth 2 on noisy moons, at the
/// rule's accuracy on its own points, read "Make it less flexible" where depth 1 is clearly
/// worse on the curve and raising its leaf size changes nothing).
fn placement(e: &Evidence, f: &Facts) -> Option<Verdict> {
    f.placement_led.then(|| {
        (
            Fit::TooFewPoints,
            format!(
                "{}: the model has not learned its training points' noise (it is not above the \
                 rule on them by more than chance), yet what it learned does not carry over to \
                 new points as well as the rule does: where it draws its boundary depends on just \
                 where its training points happen to lie, and more of them would pin it closer \
                 to the pattern. Add data.{}",
                f.r.summary,
                few_test_points(e.errors)
            ),
        )
    })
}

/// A gap: the model follows its training points' accidents (rule 8).
fn too_flexible(e: &Evidence, f: &Facts) -> Option<Verdict> {
    if !f.r.gap {
        return None;
    }
    let no_noise = match f.no_noise_gap && e.curve.is_none() {
        true => {
            " (Its training accuracy is not above the rule's on its own points by more than \
             chance, though: it has not learned their noise, and a model too simple can miss on \
             new points too, with a boundary placed where its training points happen to lie. A \
             validation curve over a control of its form, such as its depth or k, tells which \
             way to move.)"
        }
        false => "",
    };
    Some((
        Fit::TooFlexible,
        format!(
            "{}: the model is flexible enough to follow the accidents of its own training points \
             (their noise, and just where they happen to lie), and those do not carry over to \
             new points.{}{} Make it less flexible ({}), or add data.{no_noise}{}",
            f.r.summary,
            unseen_cost(e.errors),
            overfit_mostly_beyond(e),
            e.levers.less,
            few_test_points(e.errors)
        ),
    ))
}

/// No rule applies: a good fit, with what limits what it can say.
fn good_fit(e: &Evidence, f: &Facts) -> Verdict {
    let how = match (little_pattern(e.errors), e.errors) {
        (true, _) => "the model does about as well as any can, but the noise leaves little \
                      pattern to capture: even the best rule is right not much more often than a \
                      guess"
            .to_string(),
        (
            false,
            Errors::Numbers {
                noise_sd, variance, ..
            },
        ) if noise_sd * noise_sd >= 0.5 * variance => format!(
            "within what the noise allows, but the noise is most of the targets' variance ({}): \
             so little pattern is left that models of very different flexibility score alike, \
             and this verdict cannot tell which follows the pattern",
            short(variance)
        ),
        // (On under 5 test points nothing tells whether it carries over: helper 90's tree read
        // "carries it over to new points" at 0 % on its one test point.)
        _ if few_tested(e.errors) => "nothing in its scores says it misses the pattern".into(),
        // (Not "carries it over": its test points may be too few to show the noise it learned.)
        _ if learned_much_noise(e.errors) => {
            "its test points find nothing wrong, but a training error under a quarter of the \
             floor means the model has learned much of the noise, which usually costs more on \
             new points than a few test points show: the validation curve, which does not use \
             them, is the better judge"
                .into()
        }
        _ if f.near_overfitting => {
            "the model captures the pattern and seems to carry it over to new points".into()
        }
        _ => "the model captures the pattern and carries it over to new points".into(),
    };
    let asides = good_fit_aside(e)
        + &(match few_tested(e.errors) {
            true => String::new(),
            false => overconfident_aside(e),
        });
    // (For classes on 5 test points or more the close call speaks to this.)
    let few = match matches!(e.errors, Errors::Numbers { .. }) || few_tested(e.errors) {
        true => few_test_points(e.errors),
        false => String::new(),
    };
    (
        Fit::GoodFit,
        format!("{}: {how}.{asides}{few}", f.r.summary),
    )
}
