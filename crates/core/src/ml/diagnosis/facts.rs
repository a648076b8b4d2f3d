//! What the verdict's rules read besides the evidence itself: the reading of the errors and the
//! facts derived from it, computed once before the rules are tried.

use super::*;

/// The reading of the errors and what follows from it, shared by the rules.
pub(super) struct Facts {
    /// Is the training error high, is there a gap, and the sentence that says what the errors are.
    pub(super) r: Reading,
    /// `r`'s sentence, and when the loss still falls in vain, what not even full training reaches.
    pub(super) summary: String,
    /// The model gives every point about the class shares' probabilities ([`SharesOnly`]).
    pub(super) at_shares: bool,
    /// As many learned numbers as points and a model that does pass through them, or fewer
    /// than 5 points.
    pub(super) few: bool,
    /// The model passes through its training points (a penalty can hold it off them: then it
    /// is too flexible like any other, and λ is a remedy).
    pub(super) interpolates: bool,
    /// Through as many noisy points as it has numbers, well below the noise floor.
    pub(super) through_noise: bool,
    /// The objective's own minimum (computed directly) reads as a high training error.
    pub(super) minimum_high: bool,
    /// What not even full training reaches, while the loss still falls.
    pub(super) out_of_reach: Option<String>,
    /// The training loss still falls, and not as the jitter of a network stuck at the guess.
    pub(super) falling: bool,
    /// A gap only because the test accuracy falls short of the rule's: the model has not
    /// learned its training points' noise.
    pub(super) no_noise_gap: bool,
    /// That gap, where the validation curve finds more flexibility better.
    pub(super) curve_led: bool,
    /// That gap, where the validation curve finds no value of its control clearly better.
    pub(super) placement_led: bool,
    /// The training accuracy lies above the rule's on the training points by more than chance.
    pub(super) noise_learned: bool,
    /// What one standard error of chance would make the errors read as instead.
    pub(super) chance: Instead,
    /// Chance would make the errors read as overfitting.
    pub(super) near_overfitting: bool,
    /// The training accuracy is the highest any model can have on these points
    /// ([`Coincident`]): it is not read as a high training error.
    pub(super) clash_limited: bool,
}

impl Facts {
    /// The facts of `e`.
    pub(super) fn of(e: &Evidence) -> Facts {
        let mut r = read(e.errors, e.train_points);
        // Learned nothing of a pattern with something to learn: high training error, by the
        // log-loss rather than by accuracies that chance can make look fine (when they already
        // read high error, their summary stands; a stuck network's remedy is that of the class
        // shares either way).
        let shares_summary = at_class_shares(e);
        let at_shares = shares_summary.is_some();
        let by_log_loss = !r.high_train && at_shares;
        if let Some(text) = shares_summary.filter(|_| by_log_loss) {
            r.high_train = true;
            r.summary = text;
        }
        // Every training point right that any model can get right: what it misses is the
        // clashing points' ([`Coincident`]), not a model too simple.
        let clash_limited = matches!((e.errors, e.coincident),
            (Errors::Classes { train, .. }, Some(c)) if train >= c.reachable - 1e-9);
        if clash_limited {
            r.high_train = false;
        }
        let interpolates = match e.errors {
            Errors::Numbers {
                train,
                noise_sd,
                variance,
                ..
            } => train < 0.25 * noise_sd * noise_sd + 0.01 * variance,
            Errors::Classes { train, .. } => train >= 1.0,
        };
        let few = e.train_points < 5 || (e.parameters >= e.train_points && interpolates);
        // It has fit their noise, whatever a few test points say (helper 87: degree 15 through
        // 7 points at σ = 0.5 read "Good fit" at a test R² of −10 on 3 test points, where
        // σ = 0.2 read too few points).
        let through_noise = e.parameters >= e.train_points && learned_much_noise(e.errors);
        // Then the steps are not what holds it up, and a lower learning rate would not lower it
        // (Adam's constant steps jitter about a strongly penalized minimum without settling).
        let minimum_high = r.high_train
            && (e.best_reachable).is_some_and(|b| lines(e.errors.with_train(b), e.train_points).0);
        let out_of_reach = out_of_reach(e, minimum_high);
        // A network past its flat start whose training log-loss sits at the constant guess's
        // has learned nothing: a "falling" trend there is the jitter of its steps, not progress
        // (helper 89: "still falling … or raise the learning rate" of a loss flat at 0.69 for
        // 1,700 epochs, the stuck spiral network the README says reads "Stuck").
        let falling = e.trend == Trend::Falling && !(e.hidden.is_some() && e.at_guess);
        let summary = match &out_of_reach {
            Some(reach) => format!(
                "{}. The training loss is still falling, but even trained to the end a model of \
                 this form {reach}. Training longer will not fix it",
                r.summary
            ),
            None => r.summary.clone(),
        };
        // Rule 8's gap, only because the test accuracy falls short of the rule's.
        // (For an ensemble too: its gap needs no learned noise, yet it can have learned some.)
        let no_noise_gap = r.gap
            && matches!(e.errors, Errors::Classes { train, ceiling: Some(c), .. }
            if !c.learned_noise(train, e.train_points));
        let noise_learned = matches!(e.errors, Errors::Classes { train, ceiling: Some(c), .. }
            if c.learned_noise(train, e.train_points));
        // (Not of a verdict that reads the log-loss against the constant guess's.)
        let chance = match by_log_loss {
            true => Instead::default(),
            false => {
                let cap = (e.coincident.map(|c| c.reachable)).filter(|_| clash_limited);
                close_call(e.errors, e.train_points, &r, cap)
            }
        };
        let near_overfitting =
            chance.test.contains(&"overfitting") || chance.train.contains(&"overfitting");
        Facts {
            summary,
            at_shares,
            few,
            interpolates,
            through_noise,
            minimum_high,
            out_of_reach,
            falling,
            curve_led: no_noise_gap && e.curve == Some(CurveLean::MoreFlexible),
            placement_led: no_noise_gap && e.curve == Some(CurveLean::Neither),
            no_noise_gap,
            noise_learned,
            chance,
            near_overfitting,
            clash_limited,
            r,
        }
    }
}
