//! The Tuning lab's jobs: workers that rebuild the state from its link and return fold errors
//! in any order give exactly the search and the landscape of the frame-by-frame path, whatever
//! their number; stale results are dropped; a landscape already computed makes trials free, by
//! workers or a frame at a time.

use super::*;
use crate::state::choice::{ModelKind, TuneAxis, TuneModel};
use crate::state::url::decode;

/// A small problem: polynomial regression on 20 points (3 folds), or a plane model on 60
/// moons (3 folds), degree / the model's first axis alone, `budget` trials.
fn small(model: Option<ModelKind>, strategy: StrategyKind, budget: usize) -> Config {
    let mut c = Config::for_lab(Lab::Tuning);
    if let Some(model) = model {
        c.set_choice(Key::TuneModel, TuneModel::Plane(model));
        crate::state::tuning_axes::default_axes_for_model(&mut c);
        c.set(Key::Points, 5); // 60 points
    } else {
        c.set(Key::Points, 1); // 20 points
    }
    c.set(Key::Folds, 1); // 3 folds
    c.set_choice(Key::AxisY, TuneAxis::None);
    c.set_choice(Key::Strategy, strategy);
    c.set(Key::Budget, budget - 4);
    c
}

/// The frame-by-frame path: Play and ticks, then the landscape in sweeps.
fn by_frames(config: &Config) -> Tuning {
    let mut state = Tuning::new(config.clone(), vec![]);
    state.apply(Action::Play);
    while state.running {
        state.apply(Action::Tick(3));
        state.apply(Action::Reveal);
    }
    while !state.landscape.is_done() {
        state.apply(Action::SweepTick(3));
    }
    state
}

/// `workers` workers, each rebuilding the state from the link (as the page's workers do); the
/// jobs of each round come back in an order shuffled by `order`.
fn by_workers(config: &Config, workers: usize, order: u64) -> Tuning {
    let mut page = Tuning::new(config.clone(), vec![]);
    let query = page.work_query();
    let worker = Tuning::new(decode(&query).0, vec![]);
    page.apply(Action::Play);
    let mut round = order;
    loop {
        let mut jobs = page.wanted_jobs(&[], workers);
        if jobs.is_empty() {
            // (Trials scored and waiting to be shown, at a set speed.)
            if !page.running {
                break;
            }
            page.apply(Action::Reveal);
            continue;
        }
        round = round
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let shift = (round >> 33) as usize % jobs.len();
        jobs.rotate_left(shift);
        if round & 1 == 1 {
            jobs.reverse();
        }
        // Each worker's batch comes back as one message, the batches in any order.
        for batch in jobs.chunks(2) {
            let done = batch
                .iter()
                .map(|j| (j.point.clone(), j.unit, worker.job_error(j)));
            page.apply(Action::FoldsDone {
                query: query.clone(),
                done: done.collect(),
            });
        }
    }
    page
}

fn same(a: &Tuning, b: &Tuning) {
    assert_eq!(a.search.trials(), b.search.trials());
    assert_eq!(a.fold_errors, b.fold_errors);
    assert_eq!(a.landscape.errors, b.landscape.errors);
    assert_eq!(a.outcome, b.outcome);
}

#[test]
fn workers_in_any_number_and_order_make_the_frame_paths_search_and_landscape() {
    let cases = [
        (None, StrategyKind::Grid),
        (None, StrategyKind::Bayes),
        (Some(ModelKind::Tree), StrategyKind::Random),
        (Some(ModelKind::Knn), StrategyKind::Bayes),
    ];
    for (model, strategy) in cases {
        let config = small(model, strategy, 6);
        let frames = by_frames(&config);
        assert!(frames.outcome.is_some() && frames.landscape.is_done());
        for (workers, order) in [(1, 0), (2, 7), (5, 99)] {
            let workers = by_workers(&config, workers, order);
            same(&frames, &workers);
        }
    }
}

#[test]
fn selecting_by_the_test_score_is_one_job_per_point() {
    let mut config = small(Some(ModelKind::Tree), StrategyKind::Grid, 5);
    config.set_choice(Key::Selection, crate::state::choice::Selection::Test);
    let page = Tuning::new(config.clone(), vec![]);
    let jobs = page.wanted_jobs(&[], 100);
    assert!(jobs.iter().all(|j| j.unit == 0));
    same(&by_frames(&config), &by_workers(&config, 2, 3));
}

#[test]
fn a_result_for_another_configuration_is_dropped() {
    let config = small(None, StrategyKind::Grid, 4);
    let mut page = Tuning::new(config.clone(), vec![]);
    page.apply(Action::Play);
    let job = page.wanted_jobs(&[], 1).remove(0);
    let old = page.work_query();
    page.apply(Action::Set(Key::Noise, config.position(Key::Noise) + 1));
    page.apply(Action::FoldsDone {
        query: old,
        done: vec![(job.point.clone(), job.unit, 0.0)],
    });
    assert_eq!(page.known, Known::default());
    // The new configuration still wants that job.
    assert!(page.wanted_jobs(&[], 100).contains(&job));
}

#[test]
fn the_search_comes_first_and_busy_jobs_are_not_handed_out_twice() {
    let config = small(None, StrategyKind::Grid, 6);
    let mut page = Tuning::new(config, vec![]);
    // Paused: only the landscape's cells, in order.
    let paused = page.wanted_jobs(&[], 4);
    assert_eq!(paused[0].point, page.landscape.points[0]);
    page.apply(Action::Play);
    let first = page.search.next().unwrap();
    let playing = page.wanted_jobs(&[], 3);
    assert!(playing.iter().all(|j| j.point == first.point));
    assert_eq!(
        page.in_progress().map(|(r, done)| (r, done.len())),
        Some((first, 0))
    );
    let more = page.wanted_jobs(&playing, 3);
    assert!(more.iter().all(|j| !playing.contains(j)));
    assert_eq!(more.len(), 3);
}

#[test]
fn with_the_landscape_done_play_records_every_trial_without_new_work() {
    let config = small(Some(ModelKind::Knn), StrategyKind::Random, 8);
    // The workers' landscape, then Play: every trial is a landscape cell.
    let mut workers = Tuning::new(config.clone(), vec![]);
    let query = workers.work_query();
    while let Some(job) = workers.wanted_jobs(&[], 1).pop() {
        let error = workers.job_error(&job);
        workers.apply(Action::FoldsDone {
            query: query.clone(),
            done: vec![(job.point, job.unit, error)],
        });
    }
    workers.apply(Action::Play);
    for _ in 1..8 {
        assert!(workers.wanted_jobs(&[], 10).is_empty());
        workers.apply(Action::Reveal);
    }
    assert!(workers.outcome.is_some(), "every trial is a landscape cell");
    assert!(workers.wanted_jobs(&[], 10).is_empty());
    same(&workers, &by_frames(&config));
    // The frame path's landscape likewise: a trial a Reveal, with no tick.
    let mut frames = Tuning::new(config.clone(), vec![]);
    while !frames.landscape.is_done() {
        frames.apply(Action::SweepTick(50));
    }
    assert_eq!(frames.landscape.errors, workers.landscape.errors);
    frames.apply(Action::Play);
    for _ in 1..8 {
        frames.apply(Action::Reveal);
    }
    assert!(frames.outcome.is_some());
    same(&frames, &workers);
    // And Step after Reset: one trial, from what is known, with no tick.
    frames.apply(Action::Reset);
    frames.apply(Action::Step);
    assert_eq!(frames.search.trials().len(), 1);
}

/// Pausing and playing (or resetting) in the middle of a landscape cell that a trial at the
/// same point has just finished: each cell keeps its own folds' errors (helper 64 read that the
/// frame path's half-done cell was then carried over into the next cell).
#[test]
fn a_cell_finished_by_a_trial_mid_way_leaves_the_next_cell_its_own() {
    for model in [None, Some(ModelKind::Tree)] {
        let config = small(model, StrategyKind::Grid, 6);
        let mut alone = Tuning::new(config.clone(), vec![]);
        while !alone.landscape.is_done() {
            alone.apply(Action::SweepTick(1));
        }
        let mut page = Tuning::new(config.clone(), vec![]);
        let first = page.search.next().unwrap().point;
        assert_eq!(
            first, page.landscape.points[0],
            "the grid starts at the first cell"
        );
        // One unit of the first cell, then the first trial (the same point), then Pause, Play.
        page.apply(Action::SweepTick(1));
        page.apply(Action::Play);
        while page.search.trials().is_empty() {
            page.apply(Action::Tick(1000));
            page.apply(Action::Reveal);
        }
        for action in [Action::Pause, Action::Play, Action::Reset, Action::Play] {
            page.apply(action);
            page.apply(Action::SweepTick(1));
            page.apply(Action::Tick(1));
        }
        while page.running {
            page.apply(Action::Tick(7));
            page.apply(Action::Reveal);
            page.apply(Action::SweepTick(2));
        }
        while !page.landscape.is_done() {
            page.apply(Action::SweepTick(5));
        }
        assert_eq!(page.landscape.errors, alone.landscape.errors, "{model:?}");
        same(&page, &by_frames(&config));
    }
}

#[test]
fn step_runs_one_whole_trial_from_what_is_known() {
    let config = small(None, StrategyKind::Grid, 5);
    let mut page = Tuning::new(config, vec![]);
    page.apply(Action::Play);
    page.apply(Action::Tick(1));
    assert_eq!(page.current.as_ref().map(|c| c.1.len()), Some(1));
    page.apply(Action::Step);
    assert!(!page.running && page.current.is_none());
    assert_eq!(page.search.trials().len(), 1);
    page.apply(Action::Step);
    assert_eq!(page.search.trials().len(), 2);
}

#[test]
fn space_plays_and_pauses_by_the_state_it_meets() {
    // (Two quick presses once both played: the page chose by a stale render.) A finished search
    // stays paused.
    let mut state = Tuning::new(small(Some(ModelKind::Knn), StrategyKind::Grid, 4), vec![]);
    for expected in [true, false, true] {
        state.apply(Action::PlayPause);
        assert_eq!(state.running, expected);
    }
    while state.running {
        state.apply(Action::Tick(1000));
        state.apply(Action::Reveal);
    }
    state.apply(Action::PlayPause);
    assert!(!state.running, "done: nothing to play");
}
