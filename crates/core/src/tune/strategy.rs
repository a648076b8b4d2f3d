//! How a search picks its next trial from the trials so far: a grid, at random, or by Bayesian
//! optimization. A proposal depends only on the space, the trials, the budget and the seed, so a
//! search can be replayed, resumed, or run one trial at a time elsewhere (a Web Worker).

use super::gp::{Gp, GpError, Kernel};
use super::space::Space;
use crate::data::rng::{seeded, uniform};

/// The random stream of random proposals (data and training use 0 … 5, folds 6).
const RANDOM_STREAM: u64 = 7;

/// Draws random search may spend per trial before it gives up on finding a new setting. Never
/// reached in practice (every setting has its share of the axes, [`Space::settings`]); it only
/// bounds the work should a table ever hold a value no draw can snap to.
const DRAWS_PER_TRIAL: usize = 1000;

/// Why Bayesian-optimization settings were refused.
#[derive(Clone, Debug, PartialEq)]
pub enum StrategyError {
    /// At least one random trial must come before the surrogate has something to fit.
    Initial(usize),
    /// Candidates per axis must be 2 … [`MAX_CANDIDATES`].
    Candidates(usize),
    Kernel(GpError),
}

impl core::fmt::Display for StrategyError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            StrategyError::Initial(n) => write!(f, "need at least 1 random first trial, got {n}"),
            StrategyError::Candidates(n) => {
                write!(
                    f,
                    "candidates per axis must be 2 … {MAX_CANDIDATES}, got {n}"
                )
            }
            StrategyError::Kernel(e) => e.fmt(f),
        }
    }
}

/// Most candidate points per axis of Bayesian optimization.
pub const MAX_CANDIDATES: usize = 201;

/// Settings of Bayesian optimization, valid by construction.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bayes {
    kernel: Kernel,
    initial: usize,
    candidates: usize,
}

impl Bayes {
    /// `initial` random trials first (the same ones random search with the same seed makes, so
    /// never the same setting twice), then each trial at the candidate with the highest expected
    /// improvement: a lattice of `candidates` points per axis, snapped to the table.
    pub fn new(kernel: Kernel, initial: usize, candidates: usize) -> Result<Self, StrategyError> {
        if initial == 0 {
            return Err(StrategyError::Initial(initial));
        }
        if !(2..=MAX_CANDIDATES).contains(&candidates) {
            return Err(StrategyError::Candidates(candidates));
        }
        Ok(Bayes {
            kernel,
            initial,
            candidates,
        })
    }

    pub fn kernel(&self) -> Kernel {
        self.kernel
    }
    pub fn initial(&self) -> usize {
        self.initial
    }
    pub fn candidates(&self) -> usize {
        self.candidates
    }
}

impl Default for Bayes {
    /// The default kernel, 3 random trials first, 41 candidates per axis (1681 on a map: every
    /// 2.5 % of an axis, finer than most controls' tables).
    fn default() -> Self {
        Bayes {
            kernel: Kernel::default(),
            initial: 3,
            candidates: 41,
        }
    }
}

/// A way of choosing trials.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Strategy {
    /// A lattice with as many points per axis as the budget allows: the budget on one axis,
    /// ⌊√budget⌋ on two, corners included, run row by row. Lattice points that snap to the same
    /// table values are tried once. Budget left over (10 trials give a 3 × 3 grid) is not spent:
    /// the search ends early, and comparisons count only the trials it ran.
    Grid,
    /// Points uniform in unit coordinates (so log-uniform on a log axis), from the seed, each
    /// snapped to the controls' tables, and never a setting tried before: a draw that snaps to
    /// the values of an earlier trial is skipped. A table is a finite list of values, and
    /// scikit-learn's `ParameterSampler` (behind `RandomizedSearchCV`) samples lists without
    /// replacement too: a repeat would spend a whole cross-validation to learn nothing, and make
    /// the comparison with a grid (which never repeats) unfair. Once every setting of the space
    /// has been tried (a budget above [`Space::settings`]) the search ends early, as a grid's
    /// does, and comparisons count only the trials it ran; scikit-learn likewise runs each
    /// setting once, with a warning. Where draws do not repeat (a space of many settings), the
    /// trials are the plain random stream's. (The chances differ: scikit-learn gives every
    /// setting of its lists the same, here a setting's chance is its share of the axes.)
    Random,
    /// Bayesian optimization: a Gaussian-process surrogate and expected improvement.
    Bayes(Bayes),
}

impl Strategy {
    /// Whether the proposal for trial `index` (0 first) ignores the errors of the trials before
    /// it: always for grid and random search, for Bayesian optimization only its initial random
    /// trials. Those trials can run side by side before the ones before them are done.
    pub fn ignores_errors(&self, index: usize) -> bool {
        match self {
            Strategy::Grid | Strategy::Random => true,
            Strategy::Bayes(b) => index < b.initial,
        }
    }

    /// The next point to try (unit coordinates, snapped to the table except for random points,
    /// which the search snaps), after the trials at `points` with `errors`; `None` when the
    /// strategy has nothing left to try. The budget is the search's; it is not checked here.
    ///
    /// Panics if `points` and `errors` differ in number.
    pub fn propose(
        &self,
        space: &Space,
        points: &[Vec<f64>],
        errors: &[f64],
        budget: usize,
        seed: u64,
    ) -> Option<Vec<f64>> {
        match self {
            Strategy::Grid => grid(space, budget).into_iter().nth(points.len()),
            Strategy::Random => random(space, points.len(), seed),
            Strategy::Bayes(b) if points.len() < b.initial => random(space, points.len(), seed),
            Strategy::Bayes(b) => bayes(b, space, points, errors),
        }
    }
}

/// The grid for `budget` trials, snapped and without repeats, in the order it is run.
pub fn grid(space: &Space, budget: usize) -> Vec<Vec<f64>> {
    space.snapped_lattice(grid_side(space.dims(), budget))
}

/// The values a grid of `budget` trials takes on each of `dims` axes: the budget on one axis,
/// the largest square within it on two.
pub fn grid_side(dims: usize, budget: usize) -> usize {
    match dims {
        1 => budget,
        _ => (1..=budget)
            .take_while(|s| s * s <= budget)
            .last()
            .unwrap_or(0),
    }
}

/// The `index`-th random point of `seed` (0 first, not snapped): the `index`-th draw of the
/// seeded stream whose setting (the draw snapped to the tables) no earlier draw had. `None` once
/// the space has no setting left (or, never in practice, after [`DRAWS_PER_TRIAL`] draws per
/// trial).
///
/// It depends on the seed, the space and the index alone, never on errors, so trials can be
/// proposed ahead and run side by side ([`Strategy::ignores_errors`]): the earlier trials' draws
/// are simply drawn again.
fn random(space: &Space, index: usize, seed: u64) -> Option<Vec<f64>> {
    if index >= space.settings() {
        return None;
    }
    let mut rng = seeded(seed, RANDOM_STREAM);
    let mut tried: Vec<Vec<f64>> = Vec::with_capacity(index);
    for _ in 0..DRAWS_PER_TRIAL * (index + 1) {
        let draw: Vec<f64> = (0..space.dims())
            .map(|_| uniform(&mut rng, 0.0, 1.0))
            .collect();
        let setting = space.snap(&draw);
        if tried.contains(&setting) {
            continue;
        }
        if tried.len() == index {
            return Some(draw);
        }
        tried.push(setting);
    }
    None
}

/// The length scales the surrogate chooses among besides its kernel's own, by the marginal
/// likelihood of the trials ([`Gp::fit_best`]): from a twentieth of an axis to a half.
const LENGTHS: [f64; 4] = [0.05, 0.1, 0.3, 0.5];

/// The surrogate fitted to the trials at `points` with `errors` (`None` before the first
/// trial). The Gaussian process needs finite errors, and a trial that diverged
/// ([`super::cv::DIVERGED`], +∞) has none. It counts as the worst (largest) finite error seen (0 if no trial
/// finished yet): as bad as anything tried, so expected improvement looks elsewhere, without an
/// invented number that would stretch the normalized scale and flatten the differences between
/// the trials that did finish. Any other non-finite error is treated the same way.
///
/// Panics if `points` and `errors` differ in number.
pub fn surrogate(kernel: Kernel, points: &[Vec<f64>], errors: &[f64]) -> Option<Gp> {
    if points.is_empty() {
        return None;
    }
    let worst = errors
        .iter()
        .copied()
        .filter(|e| e.is_finite())
        .fold(0.0, f64::max);
    let errors: Vec<f64> = errors
        .iter()
        .map(|&e| if e.is_finite() { e } else { worst })
        .collect();
    let fit = Gp::fit_best(kernel, &LENGTHS, points, &errors);
    Some(fit.expect("as many finite errors as points, lengths valid"))
}

/// The untried candidate with the highest expected improvement (the first on a tie).
fn bayes(b: &Bayes, space: &Space, points: &[Vec<f64>], errors: &[f64]) -> Option<Vec<f64>> {
    let gp = surrogate(b.kernel, points, errors)?;
    most_promising(&candidates(b, space, points, &gp)).map(<[f64]>::to_vec)
}

/// Bayesian optimization's candidates not tried yet, each with its expected improvement under
/// `gp`: the only settings its next trial can go to (a lattice snapped to the controls' tables,
/// so on an integer axis only whole values; fine enough to reach every value of each axis, so
/// that the search, like random search, can run until it has tried every setting).
pub fn candidates(b: &Bayes, space: &Space, points: &[Vec<f64>], gp: &Gp) -> Vec<(Vec<f64>, f64)> {
    let per_axis = space.ticks_for_every_value(b.candidates);
    let lattice = space.snapped_lattice(per_axis).into_iter();
    let untried = lattice.filter(|c| !points.contains(c));
    untried
        .map(|c| {
            let ei = gp.expected_improvement(&c);
            (c, ei)
        })
        .collect()
}

/// The candidate of highest expected improvement, the first on a tie: where Bayesian
/// optimization goes next.
pub fn most_promising(candidates: &[(Vec<f64>, f64)]) -> Option<&[f64]> {
    let mut best: Option<&(Vec<f64>, f64)> = None;
    for c in candidates {
        if best.is_none_or(|(_, e)| c.1 > *e) {
            best = Some(c);
        }
    }
    best.map(|(c, _)| c.as_slice())
}

#[cfg(test)]
mod tests {
    use super::super::toy::lr_lambda;
    use super::*;
    use crate::state::spec::Key;
    use crate::tune::space::{Axis, Scale};

    #[test]
    fn grid_covers_the_corners_and_leaves_the_rest_of_the_budget() {
        let space = lr_lambda();
        let g = grid(&space, 10); // 3 × 3, one trial left over
        assert_eq!(g.len(), 9);
        for corner in [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]] {
            assert!(g.contains(&corner.to_vec()), "{corner:?}");
        }
        assert_eq!(space.values(&g[4]), vec![0.03, 3e-3]); // the middle, snapped
        let next = |done: usize| Strategy::Grid.propose(&space, &g[..done], &[], 10, 0);
        assert_eq!(next(0), Some(g[0].clone()));
        assert_eq!(next(9), None);
        // On one axis: the budget itself, unless the table has fewer values.
        let degree = Space::new(vec![
            Axis::new(Key::Degree, 1.0, 5.0, Scale::Linear, true).unwrap()
        ]);
        let degree = degree.unwrap();
        assert_eq!(grid(&degree, 5).len(), 5);
        assert_eq!(grid(&degree, 9).len(), 5);
    }

    #[test]
    fn random_points_are_seeded_and_in_range() {
        let space = lr_lambda();
        let draw = |seed, done| Strategy::Random.propose(&space, &vec![vec![]; done], &[], 9, seed);
        let a: Vec<_> = (0..20).map(|i| draw(4, i).unwrap()).collect();
        assert!(a.iter().flatten().all(|u| (0.0..1.0).contains(u)));
        assert_eq!(a, (0..20).map(|i| draw(4, i).unwrap()).collect::<Vec<_>>());
        assert_ne!(a[0], draw(5, 0).unwrap());
        assert_ne!(a[0], a[1]);
        // Roughly uniform: a quarter of 20 draws in each quadrant, give or take.
        let low = a.iter().filter(|p| p[0] < 0.5).count();
        assert!((5..=15).contains(&low), "{low}");
    }

    /// The values of the trials `strategy` proposes one after another on `space` (the errors
    /// do not matter to random proposals), until it has nothing left or `budget` is reached.
    fn proposed(strategy: Strategy, space: &Space, budget: usize, seed: u64) -> Vec<Vec<f64>> {
        let mut points: Vec<Vec<f64>> = Vec::new();
        while points.len() < budget {
            let errors = vec![1.0; points.len()];
            let Some(p) = strategy.propose(space, &points, &errors, budget, seed) else {
                break;
            };
            points.push(space.snap(&p));
        }
        points.iter().map(|p| space.values(p)).collect()
    }

    #[test]
    fn random_search_tries_every_setting_of_a_small_space_once_then_stops() {
        let degree = Axis::new(Key::Degree, 1.0, 10.0, Scale::Linear, true).unwrap();
        let space = Space::new(vec![degree]).unwrap();
        assert_eq!(space.settings(), 10);
        let ten = proposed(Strategy::Random, &space, 10, 4);
        let mut sorted = ten.clone();
        sorted.sort_by(|a, b| a[0].total_cmp(&b[0]));
        let all: Vec<Vec<f64>> = (1..=10).map(|d| vec![d as f64]).collect();
        assert_eq!(sorted, all, "each degree once: {ten:?}");
        // An 11th trial has no new setting to try: the search ends early, as a grid's does.
        let points: Vec<Vec<f64>> = ten.iter().map(|v| vec![degree.unit(v[0])]).collect();
        let eleventh = Strategy::Random.propose(&space, &points, &[1.0; 10], 20, 4);
        assert_eq!(eleventh, None);
        assert_eq!(proposed(Strategy::Random, &space, 20, 4), ten);
        // Seeded: the same sequence again, another one from another seed.
        assert_ne!(proposed(Strategy::Random, &space, 10, 5), ten);
        // Bayesian optimization's first trials are the same, and never repeat either.
        let b = Bayes::new(Kernel::default(), 10, 15).unwrap();
        assert_eq!(proposed(Strategy::Bayes(b), &space, 20, 4), ten);
    }

    #[test]
    fn on_a_space_of_two_small_tables_no_setting_comes_twice() {
        let degree = Axis::new(Key::Degree, 1.0, 3.0, Scale::Linear, true).unwrap();
        let lambda = Axis::new(Key::Lambda, 0.01, 0.1, Scale::Log, false).unwrap();
        let space = Space::new(vec![degree, lambda]).unwrap();
        let n = space.settings();
        for seed in 0..20 {
            let values = proposed(Strategy::Random, &space, 64, seed);
            assert_eq!(values.len(), n, "seed {seed}");
            assert!(
                values
                    .iter()
                    .enumerate()
                    .all(|(i, v)| !values[..i].contains(v)),
                "seed {seed}: {values:?}"
            );
        }
    }

    #[test]
    fn random_search_is_the_plain_stream_until_a_draw_repeats() {
        let space = lr_lambda(); // 21 × 15 settings
        let mut rng = seeded(4, RANDOM_STREAM);
        let stream: Vec<Vec<f64>> = (0..12)
            .map(|_| vec![uniform(&mut rng, 0.0, 1.0), uniform(&mut rng, 0.0, 1.0)])
            .collect();
        let snapped: Vec<Vec<f64>> = stream.iter().map(|p| space.snap(p)).collect();
        let fresh = (1..snapped.len())
            .find(|&i| snapped[..i].contains(&snapped[i]))
            .unwrap_or(snapped.len());
        assert!(fresh >= 2, "{fresh}");
        for (i, draw) in stream.iter().enumerate().take(fresh) {
            let done = vec![vec![]; i];
            let point = Strategy::Random.propose(&space, &done, &[], 12, 4);
            assert_eq!(point.as_ref(), Some(draw), "trial {i}");
        }
    }

    #[test]
    fn bayes_starts_at_random_then_goes_for_the_expected_improvement() {
        let space = Space::new(vec![Axis::for_key(Key::Degree).unwrap()]).unwrap();
        let b = Bayes::new(Kernel::new(0.2, 1e-6).unwrap(), 2, 15).unwrap();
        let bayes = Strategy::Bayes(b);
        let first = bayes.propose(&space, &[], &[], 9, 3);
        assert_eq!(first, Strategy::Random.propose(&space, &[], &[], 9, 3));
        // Errors fall to the right: the next trial goes further right, to an untried degree.
        let points = vec![vec![0.0], vec![0.5], vec![space.snap(&[0.6])[0]]];
        let errors = [3.0, 2.0, 1.8];
        let next = bayes.propose(&space, &points, &errors, 9, 3).unwrap();
        assert!(next[0] > 0.6 && !points.contains(&next), "{next:?}");
        // The proposal is the candidate with the highest expected improvement under the
        // surrogate the strategy fits (its length scale chosen by the marginal likelihood).
        let gp = surrogate(b.kernel(), &points, &errors).unwrap();
        let ei = gp.expected_improvement(&next);
        for c in grid(&space, 15).iter().filter(|c| !points.contains(c)) {
            assert!(gp.expected_improvement(c) <= ei);
        }
        // A blown-up trial counts as the worst: the next one still comes.
        let blown = [3.0, f64::INFINITY, 1.8];
        assert!(bayes.propose(&space, &points, &blown, 9, 3).is_some());
        // Every degree tried: nothing left.
        let all = grid(&space, 15);
        let flat = vec![1.0; 15];
        assert_eq!(bayes.propose(&space, &all, &flat, 99, 3), None);
    }

    #[test]
    fn invalid_bayes_settings_are_refused() {
        let k = Kernel::default();
        assert_eq!(Bayes::new(k, 0, 41), Err(StrategyError::Initial(0)));
        assert_eq!(Bayes::new(k, 3, 1), Err(StrategyError::Candidates(1)));
        let d = Bayes::default();
        assert_eq!((d.initial(), d.candidates(), d.kernel()), (3, 41, k));
        assert!(StrategyError::Candidates(1).to_string().contains("201"));
    }
}
