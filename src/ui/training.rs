//! The frame loop the labs share, for training and for validation curves: while active, one
//! action per animation frame (or per `frames_per_tick` frames, for models whose steps should be
//! watched one by one), sized to a time budget learned from the previous frames.

use crate::state::action::Action;
use crate::web;
use yew::prelude::*;

/// Milliseconds of training per animation frame; the rest of the ~16.7 ms frame is for Yew,
/// drawing and the browser (9 ms missed every few frames on the benchmark machine; 7 ms does not).
pub const TRAINING_BUDGET_MS: f64 = 7.0;
/// Milliseconds per frame for validation curves, which may run alongside training.
pub const SWEEP_BUDGET_MS: f64 = 4.0;

/// How a loop is paced and what it sends.
#[derive(Clone, Copy, PartialEq)]
pub struct Pacing {
    /// Work per tick at most (`None`: as much as the budget allows).
    pub speed: Option<u32>,
    /// Send a tick every this many frames of a 60 Hz display: every `frames_per_tick` / 60 s,
    /// whatever the display's rate (a 120 Hz one calls twice as often).
    pub frames_per_tick: u32,
    pub budget_ms: f64,
    pub work: Work,
}

/// What a loop does each tick.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Work {
    Training,
    Sweep,
    /// The Tuning lab's pace: lets the next trials be shown (no work of its own).
    Reveal,
}

impl Work {
    fn action(self, units: u32) -> Action {
        match self {
            Work::Training => Action::Tick(units),
            Work::Sweep => Action::SweepTick(units),
            Work::Reveal => Action::Reveal,
        }
    }
}

/// Pacing for training: `speed` epochs per tick at most, within the training budget. A tick
/// comes every `frames_per_tick` frames at a set speed (so a tree's levels or an ensemble's trees
/// can be watched one by one), and every frame at full speed.
pub fn training_pacing(speed: Option<u32>, frames_per_tick: u32) -> Pacing {
    Pacing {
        speed,
        frames_per_tick: if speed.is_some() { frames_per_tick } else { 1 },
        budget_ms: TRAINING_BUDGET_MS,
        work: Work::Training,
    }
}

/// Pacing for the Tuning lab's trials at a set speed: a Reveal every `frames` frames.
pub fn reveal_pacing(frames: u32) -> Pacing {
    Pacing {
        speed: None,
        frames_per_tick: frames,
        budget_ms: 0.0,
        work: Work::Reveal,
    }
}

/// Pacing for validation curves: as much as the sweep budget allows, every frame.
pub fn sweep_pacing() -> Pacing {
    Pacing {
        speed: None,
        frames_per_tick: 1,
        budget_ms: SWEEP_BUDGET_MS,
        work: Work::Sweep,
    }
}

/// How much work fits in a frame, learned from the last frames.
#[derive(Default)]
struct Pace {
    units_per_ms: f64,
    window_units: u64,
    window_start: f64,
    /// The previous frame's timestamp, and the share of the budget in use (0 … 1): it shrinks
    /// when a frame comes late (drawing took longer than the budget left for it) and grows back
    /// while frames are on time: quickly up to nine tenths of the share at which the last late
    /// frame came (`ceiling`), then slowly, so that probing for more costs a late frame about
    /// every 200 frames instead of every 15.
    last_frame: f64,
    /// When the next tick is due (ms), for ticks more than a frame apart; 0: at once.
    next_tick: f64,
    share: f64,
    ceiling: f64,
    /// Work earned but not yet done (in units): a unit dearer than one frame's budget runs once
    /// enough frames have paid for it, instead of overrunning every frame.
    credit: f64,
}

impl Pace {
    /// After each frame: back off by 30 % when it came late, remembering the share it came late
    /// at; otherwise grow back by 2 % of the budget a frame up to nine tenths of that share, and
    /// by 0.05 % beyond it (so probing for more costs a late frame about every 200 frames).
    fn adjust_share(&mut self, late: bool) {
        self.share = if self.share == 0.0 {
            self.ceiling = 1.0;
            1.0
        } else if late {
            self.ceiling = self.share;
            (self.share * 0.7).max(0.1)
        } else if self.share < 0.9 * self.ceiling {
            self.share + 0.02
        } else {
            (self.share + 0.0005).min(1.0)
        };
    }
}

/// The rate to show: the last measured one stays after pausing, but a model paused before its
/// first step has no rate of its own (the last one was another model's, before a switch or a
/// restart), so none is shown.
pub fn shown_rate(measured: f64, running: bool, steps: u64) -> f64 {
    if running || steps > 0 {
        measured
    } else {
        0.0
    }
}

/// A frame interval above this (ms) means a frame was dropped.
const LATE_FRAME_MS: f64 = 20.0;

/// The frame of a 60 Hz display (ms): what `frames_per_tick` counts.
const FRAME_MS: f64 = 1000.0 / 60.0;

impl Pace {
    /// Learns the pace from a frame that did `units` in `took_ms`: smoothed, growing at most 2×
    /// a frame (one fast frame cannot overshoot) and never above twice what was just measured
    /// (after a switch to a model 100× slower, one frame overruns, not a dozen as the smoothing
    /// alone would let it).
    fn learn(&mut self, units: u32, took_ms: f64) {
        let measured = f64::from(units) / took_ms.max(0.05);
        self.units_per_ms = if self.units_per_ms > 0.0 {
            let smoothed = 0.7 * self.units_per_ms + 0.3 * measured;
            smoothed.min(2.0 * self.units_per_ms).min(2.0 * measured)
        } else {
            measured
        };
    }

    /// Whether a tick is due at `timestamp` for one every `frames` frames of 60 Hz. One frame a
    /// tick always is; more are timed, so "a tree every 0.2 s" holds on any display (helper 65:
    /// counted frames came twice as fast at 120 Hz). A quarter frame of slack keeps a 60 Hz
    /// display's jittered timestamps from skipping a frame.
    fn tick_due(&mut self, timestamp: f64, frames: u32) -> bool {
        if frames <= 1 {
            return true;
        }
        let interval = f64::from(frames) * FRAME_MS;
        if self.next_tick > 0.0 && timestamp < self.next_tick - FRAME_MS / 4.0 {
            return false;
        }
        // On time: the next one an interval on (no drift); long after (a pause, a slow frame):
        // an interval from now.
        let on_time = self.next_tick > 0.0 && timestamp - self.next_tick < interval;
        self.next_tick = if on_time { self.next_tick } else { timestamp } + interval;
        true
    }
}

/// Runs the loop while `active`; returns the measured work units (epochs) per second, 0 before
/// the first half-second.
#[hook]
pub fn use_frame_loop(active: bool, pacing: Pacing, dispatch: Callback<Action>) -> f64 {
    let per_second = use_state(|| 0.0);
    let pace = use_mut_ref(Pace::default);
    let report = per_second.setter();
    use_effect_with((active, pacing), move |&(active, pacing)| {
        let Pacing {
            speed,
            frames_per_tick,
            budget_ms,
            work,
        } = pacing;
        let frames = active.then(|| {
            {
                // (A frame before a pause is no measure of lateness, nor a tick's time.)
                let mut p = pace.borrow_mut();
                p.window_start = web::now_ms();
                p.last_frame = 0.0;
                // (The Tuning lab's Play shows a trial itself: the first Reveal is a pace later,
                // not at once; helper 80 saw trials 1 and 2 come 16 ms apart.)
                p.next_tick = match work {
                    Work::Reveal => web::now_ms() + f64::from(frames_per_tick) * FRAME_MS,
                    _ => 0.0,
                };
                // Nor is its pace this one's: the model may have changed meanwhile (helper 65).
                p.units_per_ms = 0.0;
            }
            web::FrameLoop::start(move |timestamp| {
                let mut p = pace.borrow_mut();
                let late = p.last_frame > 0.0 && timestamp - p.last_frame > LATE_FRAME_MS;
                p.last_frame = timestamp;
                p.adjust_share(late);
                if !p.tick_due(timestamp, frames_per_tick) {
                    return;
                }
                if work == Work::Reveal {
                    dispatch.emit(work.action(0));
                    return;
                }
                let units = if p.units_per_ms > 0.0 {
                    p.credit += p.units_per_ms * budget_ms * p.share;
                    let affordable = p.credit.floor().min(1_000_000.0);
                    let units = speed.map_or(affordable, |s| affordable.min(s as f64));
                    if units < 1.0 {
                        return;
                    }
                    // Carry at most one unit over, so a capped speed cannot save up a burst.
                    p.credit = (p.credit - units).min(1.0);
                    units as u32
                } else {
                    1
                };
                let start = web::now_ms();
                dispatch.emit(work.action(units));
                p.learn(units, web::now_ms() - start);
                p.window_units += units as u64;
                let elapsed = web::now_ms() - p.window_start;
                if elapsed >= 500.0 {
                    report.set(p.window_units as f64 * 1000.0 / elapsed);
                    p.window_units = 0;
                    p.window_start = web::now_ms();
                }
            })
        });
        move || drop(frames)
    });
    *per_second
}

#[cfg(test)]
mod tests {
    use super::Pace;

    /// A model 100× slower than the one the pace was learned on: the frame after the first
    /// overrun asks at most twice what fits, and the pace is the new model's within a few frames.
    #[test]
    fn a_slower_model_overruns_one_frame_not_a_dozen() {
        let mut pace = Pace::default();
        for _ in 0..20 {
            pace.learn(1000, 10.0); // 100 units a ms
        }
        let slow = 1.0; // units a ms of the new model
        let mut overruns = Vec::new();
        for _ in 0..6 {
            let units = (pace.units_per_ms * 10.0) as u32;
            let took = units as f64 / slow;
            overruns.push(took / 10.0);
            pace.learn(units, took);
        }
        assert!(overruns[0] > 50.0, "{overruns:?}");
        assert!(overruns[1..].iter().all(|&o| o <= 2.0), "{overruns:?}");
        assert!(overruns[5] <= 1.2, "{overruns:?}");
    }

    /// A page that can afford 60 % of the budget: a frame comes late whenever the share is above
    /// it. The share settles below and about one frame in a hundred is late (growing back by 2 %
    /// a frame all the way, as before, made one in ten late).
    #[test]
    fn the_share_settles_under_what_the_page_affords() {
        let mut pace = Pace::default();
        let mut late_frames = 0;
        let mut late = false;
        for frame in 0..1000 {
            pace.adjust_share(late);
            late = pace.share > 0.6;
            if frame >= 100 {
                late_frames += usize::from(late);
            }
        }
        assert!(late_frames <= 15, "{late_frames} of 900 frames late");
        assert!(
            pace.share > 0.45 && pace.share <= 0.61,
            "share {}",
            pace.share
        );
    }

    /// A tick every 12 frames of 60 Hz is every 0.2 s at 60 Hz and at 120 Hz alike (on 60 Hz
    /// timestamps jittered by a millisecond, never a frame late), and comes at once after a pause.
    #[test]
    fn ticks_more_than_a_frame_apart_are_timed_not_counted() {
        for (hz, jitter) in [(60.0, 1.0), (120.0, 0.0), (144.0, 0.0)] {
            let mut pace = Pace::default();
            let frame = 1000.0 / hz;
            let ticks: Vec<f64> = (0..600)
                .map(|i| 1000.0 + i as f64 * frame + if i % 2 == 0 { jitter } else { -jitter })
                .filter(|&t| pace.tick_due(t, 12))
                .collect();
            let gaps: Vec<f64> = ticks.windows(2).map(|w| w[1] - w[0]).collect();
            let mean = gaps.iter().sum::<f64>() / gaps.len() as f64;
            assert!((mean - 200.0).abs() < 0.5 * frame, "{hz} Hz: {mean} ms");
            assert!(
                gaps.iter()
                    .all(|g| (g - 200.0).abs() <= frame + 2.0 * jitter),
                "{hz} Hz: {gaps:?}"
            );
        }
        let mut pace = Pace::default();
        assert!(pace.tick_due(0.5, 12) && !pace.tick_due(100.0, 12));
        assert!(pace.tick_due(5000.0, 12), "long after: at once");
        assert!(
            (0..100).all(|i| pace.tick_due(i as f64, 1)),
            "one frame a tick: every frame"
        );
    }

    #[test]
    fn a_late_frame_backs_off_and_on_time_frames_recover() {
        let mut pace = Pace::default();
        pace.adjust_share(false);
        assert_eq!(pace.share, 1.0);
        pace.adjust_share(true);
        assert!((pace.share - 0.7).abs() < 1e-12);
        for _ in 0..10 {
            pace.adjust_share(false);
        }
        assert!(
            (pace.share - 0.9).abs() < 1e-9,
            "quickly back to 0.9 × 1.0: {}",
            pace.share
        );
    }
}
