//! The Tuning lab's work a frame at a time, in the page's own frame loops where Web Workers do
//! not run it (they did not start, or failed): `Tick(n)` runs up to n units of the search's trial in progress — folds of
//! polynomial regression, model steps on the plane — and at most one trial; `SweepTick(n)` runs
//! up to n units of the landscape, then adds one curve of the strategies' comparison. The same
//! work as jobs, for workers, is [`super::jobs`]; both record trials through [`Tuning::finish`],
//! so the results are the same bits either way.

use super::*;
use crate::tune::compare::curves;

impl Tuning {
    /// `Tick(units)`: up to `units` units of the search while it plays, and at most one trial
    /// (so trials appear one per frame at least).
    pub(super) fn tick(&mut self, units: u32) {
        let mut left = units;
        while left > 0 && self.running {
            let (used, finished) = self.trial_work(left);
            if finished {
                break;
            }
            left = left.saturating_sub(used.max(1));
        }
    }

    /// `SweepTick(units)`: up to `units` units of the landscape, then one curve of the
    /// comparison (once the landscape is done).
    pub(super) fn sweep_tick(&mut self, units: u32) {
        self.landscape_work(units);
        self.compare_work();
    }

    /// Up to `budget` units of the trial in progress — one fold of polynomial regression, up to
    /// `budget` model steps on the plane — starting the next trial first if none is (no strategy
    /// proposes a setting twice). Returns the units used and whether a trial finished.
    fn trial_work(&mut self, budget: u32) -> (u32, bool) {
        let Ok(folds) = &self.folds else {
            return (0, false);
        };
        if self.current.is_none() {
            let Some(request) = self.queue.first().cloned() else {
                return (0, false);
            };
            if let Some(points) = &self.plane {
                let config = self.search.space().apply(&self.config, &request.point);
                let by_test = by_test(&config);
                self.work = Some(PlaneWork::new(&config, points, folds, by_test));
            }
            self.current = Some((request, Vec::new()));
        }
        let Some((request, errors)) = &mut self.current else {
            return (0, false);
        };
        let (config, space) = (&self.config, self.search.space());
        let used = match (&self.plane, &mut self.work) {
            (Some(points), Some(work)) => {
                let used = work.advance(points, budget);
                *errors = work.errors();
                used
            }
            _ => {
                let unit = errors.len();
                let data = &self.data;
                errors.push(unit_error(config, space, &request.point, data, folds, unit));
                1
            }
        };
        if errors.len() < units_per_trial(config, folds) {
            return (used, false);
        }
        self.work = None;
        if let Some((request, errors)) = self.current.take() {
            self.finish(request, errors);
        }
        (used, true)
    }

    /// Up to `units` units of the landscape: folds of polynomial regression, model steps on
    /// the plane.
    fn landscape_work(&mut self, units: u32) {
        let Ok(folds) = &self.folds else {
            return;
        };
        let land = &mut self.landscape;
        let mut left = units;
        while left > 0 {
            let Some(point) = land.points.get(land.errors.len()) else {
                return;
            };
            let (config, space) = (&self.config, self.search.space());
            let Some(points) = &self.plane else {
                let unit = land.partial.len();
                let e = unit_error(config, space, point, &self.data, folds, unit);
                land.partial.push(e);
                if land.partial.len() == units_per_trial(config, folds) {
                    land.errors.push(MeanSd::of(&land.partial));
                    land.partial.clear();
                }
                left -= 1;
                continue;
            };
            let work = self.land_work.get_or_insert_with(|| {
                let config = space.apply(config, point);
                PlaneWork::new(&config, points, folds, by_test(&config))
            });
            left = left.saturating_sub(work.advance(points, left).max(1));
            let errors = work.errors();
            if errors.len() == units_per_trial(config, folds) {
                land.errors.push(MeanSd::of(&errors));
                self.land_work = None;
            }
        }
    }

    /// One best-so-far curve of the comparison (a strategy on a seed), looked up in the finished
    /// landscape.
    fn compare_work(&mut self) {
        let Some(s) = self
            .comparison
            .iter()
            .position(|c| (c.len() as u64) < COMPARE_SEEDS)
        else {
            return;
        };
        if !self.landscape.is_done() {
            return;
        }
        let seed = self.comparison[s].len() as u64;
        let (space, budget) = (self.search.space(), self.search.budget());
        let land = &self.landscape;
        let strategy = strategy_of(COMPARED[s]);
        if let Ok(mut c) = curves(space, strategy, budget, &[seed], |p| land.at(p)) {
            self.comparison[s].append(&mut c);
        }
    }
}
