//! The Tuning lab's work as independent jobs, so that Web Workers can run it side by side.
//!
//! A job is one unit of a point's work — one fold: a fresh model trained on the other folds and
//! scored on this one (selecting by the test score, unit 0: trained on all the training points,
//! scored on the test points). Its error depends only on the configuration and the point, so a
//! worker that rebuilt the state from [`Tuning::work_query`] computes the same bits as the page.
//! The errors come back in any order ([`Action::FoldsDone`]); the state takes them in the
//! search's order and the landscape's order ([`Tuning::absorb`]), so the results do not depend on
//! which job finished first or on how many workers ran them.
//!
//! The points are snapped to the controls' tables, so a trial and a landscape cell at the same
//! place are the same job: a trial whose folds the landscape already computed is free.

use super::*;
use crate::ml::model::Samples;
use crate::ml::plane_model::PlaneModel;
use std::collections::BTreeMap;

/// Trials handed out ahead of the one the search records next (grid and random search know
/// them in advance): enough to keep eight workers busy with five folds each.
const LOOKAHEAD: usize = 8;

/// One fold (unit) of one point's cross-validation.
#[derive(Clone, Debug, PartialEq)]
pub struct Job {
    /// Unit coordinates, snapped to the controls' tables.
    pub point: Vec<f64>,
    pub unit: usize,
}

/// The units' errors computed so far, by point (its exact bits).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Known(BTreeMap<Vec<u64>, Vec<Option<f64>>>);

fn bits(point: &[f64]) -> Vec<u64> {
    point.iter().map(|v| v.to_bits()).collect()
}

impl Known {
    pub(super) fn get(&self, point: &[f64], unit: usize) -> Option<f64> {
        let errors = self.0.get(&bits(point))?;
        errors.get(unit).copied().flatten()
    }

    /// Records unit `unit` of `point`, one of `units`.
    pub(super) fn insert(&mut self, point: &[f64], unit: usize, units: usize, error: f64) {
        let errors = self
            .0
            .entry(bits(point))
            .or_insert_with(|| vec![None; units]);
        if let Some(slot) = errors.get_mut(unit) {
            *slot = Some(error);
        }
    }

    /// All `units` errors of `point`, once every one is known.
    pub(super) fn all(&self, point: &[f64], units: usize) -> Option<Vec<f64>> {
        let errors = self.0.get(&bits(point))?;
        (errors.len() == units).then_some(())?;
        errors.iter().copied().collect()
    }

    /// How many points have every unit known: a trial at one of them needs no training.
    pub(super) fn complete(&self) -> usize {
        self.0
            .values()
            .filter(|e| e.iter().all(Option::is_some))
            .count()
    }

    /// The errors of the point's first units, up to the first one not known yet.
    fn prefix(&self, point: &[f64]) -> Vec<f64> {
        let errors = self.0.get(&bits(point));
        errors.map_or_else(Vec::new, |e| e.iter().map_while(|e| *e).collect())
    }
}

impl Tuning {
    /// The link a worker rebuilds this state from (without its progress).
    /// Speed is left at its default: it sets when trials are shown, not what is computed, so
    /// moving it keeps the workers' jobs.
    pub fn work_query(&self) -> String {
        let mut config = self.config.clone();
        default_speed(&mut config);
        crate::state::url::encode(&config)
    }

    /// Units per point: the folds, or the one test score.
    fn units(&self) -> Option<usize> {
        let folds = self.folds.as_ref().ok()?;
        Some(units_per_trial(&self.config, folds))
    }

    /// The error of one job, computed from the configuration alone (the same computation as the
    /// frame-by-frame path: [`crate::tune::cv::SlicedCv`]'s fold, or the test score; [`DIVERGED`]
    /// if the model diverged). `NaN` when the state has no folds (no job is ever handed out
    /// then).
    pub fn job_error(&self, job: &Job) -> f64 {
        let Ok(folds) = &self.folds else {
            return f64::NAN;
        };
        let space = self.search.space();
        let Some(points) = &self.plane else {
            return unit_error(&self.config, space, &job.point, &self.data, folds, job.unit);
        };
        let config = space.apply(&self.config, &job.point);
        let (hyper, seed) = (config.plane_hyper(), config.seed);
        let steps = crate::state::tuning_plane::PLANE_STEPS;
        if by_test(&config) {
            return fold_error::<PlaneModel>(&hyper, &points.train, &points.test, seed, steps);
        }
        let learn = points.train.subset(&folds.training(job.unit));
        let held_out = points.train.subset(folds.validation(job.unit));
        fold_error::<PlaneModel>(&hyper, &learn, &held_out, seed, steps)
    }

    /// Up to `max` jobs to hand out next, none of them known or in `busy`: the search's next
    /// trials first while it runs, then the landscape's cells in order.
    pub fn wanted_jobs(&self, busy: &[Job], max: usize) -> Vec<Job> {
        let Some(units) = self.units() else {
            return Vec::new();
        };
        let trials = self.queue.iter().map(|r| &r.point);
        let trials = trials.filter(|_| self.running);
        let land = &self.landscape;
        let cells = land.points.iter().skip(land.errors.len());
        let mut jobs: Vec<Job> = Vec::new();
        for point in trials.chain(cells) {
            // One lookup per point (this runs after every batch of answers).
            let known = self.known.0.get(&bits(point));
            for unit in 0..units {
                if jobs.len() >= max {
                    return jobs;
                }
                let taken = |j: &Job| j.unit == unit && &j.point == point;
                let done = known.and_then(|e| e.get(unit).copied().flatten());
                let wanted = done.is_none() && !busy.iter().any(taken) && !jobs.iter().any(taken);
                if wanted {
                    jobs.push(Job {
                        point: point.clone(),
                        unit,
                    });
                }
            }
        }
        jobs
    }

    /// Takes in jobs' errors (point, unit, error), unless they were computed for another
    /// configuration (a setting changed while they ran: they are dropped).
    pub(super) fn take_results(&mut self, query: &str, done: Vec<(Vec<f64>, usize, f64)>) {
        let Some(units) = self.units() else {
            return;
        };
        if query != self.work_query() {
            return;
        }
        for (point, unit, error) in done {
            self.known.insert(&point, unit, units, error);
        }
        self.absorb();
    }

    /// The landscape's cells whose units are all known, in order; then, while the search runs,
    /// its trials likewise, in the search's order, as many as may be shown now.
    pub(super) fn absorb(&mut self) {
        let Some(units) = self.units() else {
            return;
        };
        let land = &mut self.landscape;
        while let Some(point) = land.points.get(land.errors.len()) {
            let Some(errors) = self.known.all(point, units) else {
                break;
            };
            land.errors.push(MeanSd::of(&errors));
        }
        while self.running && self.current.is_none() && self.may_show > 0 {
            let Some(request) = self.queue.first().cloned() else {
                break;
            };
            let Some(errors) = self.known.all(&request.point, units) else {
                break;
            };
            self.show(request, errors);
        }
    }

    /// The trials to hand out next ([`Search::upcoming`]); none once the search is done.
    pub(super) fn plan(&mut self) {
        self.queue = match self.searched {
            true => Vec::new(),
            false => self.search.upcoming(LOOKAHEAD),
        };
        if self.queue.is_empty() && !self.searched && self.folds.is_ok() {
            // Nothing left to try (a grid smaller than the budget): done.
            self.conclude();
        }
    }

    /// Runs the next trial to its end here and now (Step): each of its units not known yet.
    pub(super) fn step_trial(&mut self) {
        let Some(units) = self.units() else {
            return;
        };
        self.work = None;
        let request = match self.current.take() {
            Some((request, _)) => request,
            None => match self.queue.first() {
                Some(request) => request.clone(),
                None => return,
            },
        };
        for unit in 0..units {
            if self.known.get(&request.point, unit).is_none() {
                let job = Job {
                    point: request.point.clone(),
                    unit,
                };
                let error = self.job_error(&job);
                self.known.insert(&job.point, unit, units, error);
            }
        }
        let errors = self.known.all(&request.point, units);
        self.finish(request, errors.expect("every unit was just computed"));
        self.plan();
    }

    /// The trial in progress and the errors of its first folds done: the frame loop's, or —
    /// while workers run the search — the search's next trial's.
    pub fn in_progress(&self) -> Option<(TrialRequest, Vec<f64>)> {
        if self.current.is_some() || !self.running {
            return self.current.clone();
        }
        let request = self.queue.first()?;
        Some((request.clone(), self.known.prefix(&request.point)))
    }
}

#[cfg(test)]
#[path = "tuning_jobs_tests.rs"]
mod tests;
