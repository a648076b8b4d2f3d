//! The session's verdict: the evidence a lab's state holds, read into [`Evidence`] and judged by
//! [`diagnose`], with what only the session can add (settings moved and not yet trained with,
//! the validation curve's note and when it speaks for this model, more points, a penalty that
//! flattens the curve).

use super::*;

impl<K: LabKind> Session<K> {
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
            coincident: self.coincident,
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
                // (Error rates for classes: a score with an accuracy, trained or not.)
                .or_else(|| {
                    let rate = self.train_score.accuracy.is_some();
                    training_rises(&self.sweep, rate, curve)
                })
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
}
