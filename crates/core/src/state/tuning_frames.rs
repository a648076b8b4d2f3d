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
    /// shown (so trials appear one per frame at most).
    pub(super) fn tick(&mut self, units: u32) {
        let mut left = units;
        while left > 0 && self.running {
            let (used, stop) = self.trial_work(left);
            if stop {
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
    /// proposes a setting twice). A trial at a point whose folds are all known (a landscape
    /// cell already computed) is shown at once if it may be, and a fold known already is not
    /// trained again. Returns the units used and whether to stop for this tick: a trial was
    /// shown, or one is scored and waits to be shown.
    fn trial_work(&mut self, budget: u32) -> (u32, bool) {
        let Ok(folds) = &self.folds else {
            return (0, false);
        };
        let units = units_per_trial(&self.config, folds);
        if self.current.is_none() {
            let Some(request) = self.queue.first().cloned() else {
                return (0, false);
            };
            if let Some(errors) = self.known.all(&request.point, units) {
                if self.may_show > 0 {
                    self.show(request, errors);
                }
                return (0, true);
            }
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
                match self.known.get(&request.point, unit) {
                    Some(known) => {
                        errors.push(known);
                        0
                    }
                    None => {
                        let data = &self.data;
                        errors.push(unit_error(config, space, &request.point, data, folds, unit));
                        1
                    }
                }
            }
        };
        if errors.len() < units {
            return (used, false);
        }
        // Scored: shown, or kept as known until it may be (Reveal shows it through `absorb`).
        self.work = None;
        if let Some((request, errors)) = self.current.take() {
            if self.may_show > 0 {
                self.show(request, errors);
            } else {
                for (unit, e) in errors.into_iter().enumerate() {
                    self.known.insert(&request.point, unit, units, e);
                }
            }
        }
        (used, true)
    }

    /// Up to `units` units of the landscape: folds of polynomial regression, model steps on
    /// the plane. Each fold's error goes into [`Known`], which a trial at the same point reads;
    /// a cell whose folds are all known already (a trial there) costs nothing.
    fn landscape_work(&mut self, units: u32) {
        let Ok(folds) = &self.folds else {
            return;
        };
        let per_cell = units_per_trial(&self.config, folds);
        let mut left = units;
        while left > 0 {
            let land = &mut self.landscape;
            let Some(point) = land.points.get(land.errors.len()) else {
                return;
            };
            if let Some(errors) = self.known.all(point, per_cell) {
                land.errors.push(MeanSd::of(&errors));
                continue;
            }
            let (config, space) = (&self.config, self.search.space());
            let Some(points) = &self.plane else {
                let unit = (0..per_cell).find(|&u| self.known.get(point, u).is_none());
                let unit = unit.expect("some fold of this cell is not known yet");
                let e = unit_error(config, space, point, &self.data, folds, unit);
                self.known.insert(point, unit, per_cell, e);
                left -= 1;
                continue;
            };
            // (Work left from another cell, completed meanwhile by a trial, is dropped.)
            if self.land_work.as_ref().is_none_or(|(at, _)| at != point) {
                let config = space.apply(config, point);
                let work = PlaneWork::new(&config, points, folds, by_test(&config));
                self.land_work = Some((point.clone(), work));
            }
            let Some((point, work)) = &mut self.land_work else {
                return;
            };
            left = left.saturating_sub(work.advance(points, left).max(1));
            let errors = work.errors();
            if errors.len() == per_cell {
                for (unit, e) in errors.into_iter().enumerate() {
                    self.known.insert(point, unit, per_cell, e);
                }
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
