//! Whole-space pictures and strategy comparisons: the exact cross-validation error over a fine
//! lattice (the faint background behind the trials), and the best error so far against the
//! trial number, averaged over seeds, for each strategy.

use super::cv::MeanSd;
use super::evaluation::Memo;
use super::search::{run, Search, SearchError};
use super::space::Space;
use super::strategy::Strategy;

/// The exact cross-validation error over the whole space, for the faint picture behind the
/// trials: at each point of `space.lattice(per_axis)` (in its order), evaluated at the snapped
/// point, each distinct one once.
pub fn landscape(
    space: &Space,
    per_axis: usize,
    evaluate: impl FnMut(&[f64]) -> MeanSd,
) -> Vec<MeanSd> {
    let mut memo = Memo::new(evaluate);
    let lattice = space.lattice(per_axis);
    lattice.iter().map(|p| memo.get(&space.snap(p))).collect()
}

/// Best-so-far curves of `strategy` with a budget of `budget`, one per seed: entry i is the
/// lowest mean error after trial i + 1. A search that ends early (a grid, or random search once
/// it has tried every setting of the space) keeps its best to the end of the budget. Refused for an invalid budget.
pub fn curves(
    space: &Space,
    strategy: Strategy,
    budget: usize,
    seeds: &[u64],
    evaluate: impl FnMut(&[f64]) -> MeanSd,
) -> Result<Vec<Vec<f64>>, SearchError> {
    let mut memo = Memo::new(evaluate);
    let mut out = Vec::with_capacity(seeds.len());
    for &seed in seeds {
        let mut search = Search::new(space.clone(), strategy, budget, seed)?;
        run(&mut search, |p| memo.get(p));
        let mut curve = search.best_so_far();
        let last = curve.last().copied().unwrap_or(f64::INFINITY);
        curve.resize(budget, last);
        out.push(curve);
    }
    Ok(out)
}

/// Strategies compared: the mean and sample sd over `seeds` of the best error so far after each
/// trial number ([`curves`]).
pub fn compare(
    space: &Space,
    strategy: Strategy,
    budget: usize,
    seeds: &[u64],
    evaluate: impl FnMut(&[f64]) -> MeanSd,
) -> Result<Vec<MeanSd>, SearchError> {
    let curves = curves(space, strategy, budget, seeds, evaluate)?;
    let at = |i: usize| MeanSd::of(&curves.iter().map(|c| c[i]).collect::<Vec<_>>());
    Ok((0..budget).map(at).collect())
}

#[cfg(test)]
mod tests {
    use super::super::toy::{bowl, lr_lambda as space};
    use super::*;
    use crate::tune::strategy::Bayes;

    #[test]
    fn bayes_finds_the_bottom_of_a_bowl_sooner_than_a_grid() {
        let budget = 16;
        let mut grid = Search::new(space(), Strategy::Grid, budget, 0).unwrap();
        run(&mut grid, bowl);
        let mut bayes = Search::new(space(), Strategy::Bayes(Bayes::default()), budget, 0).unwrap();
        run(&mut bayes, bowl);
        let (g, b) = (
            grid.best().unwrap().error.mean,
            bayes.best().unwrap().error.mean,
        );
        assert!(b < g && b < 0.005, "bayes {b}, grid {g}");
        let gp = bayes.surrogate().unwrap();
        let at = gp.predict(&bayes.best().unwrap().point);
        assert!((at.mean - b).abs() < 0.01, "{at:?}");
    }

    #[test]
    fn the_landscape_and_the_comparison() {
        let space = space();
        let mut calls = 0;
        let map = landscape(&space, 30, |p| {
            calls += 1;
            bowl(p)
        });
        assert_eq!(map.len(), 900);
        // The learning rate and λ take 21 and 15 values there: 315 distinct points.
        assert_eq!(calls, 315);
        let lowest = map.iter().map(|e| e.mean).fold(f64::INFINITY, f64::min);
        let seeds = [1, 2, 3, 4];
        let random = compare(&space, Strategy::Random, 9, &seeds, bowl).unwrap();
        assert_eq!(random.len(), 9);
        assert!(random.windows(2).all(|w| w[1].mean <= w[0].mean));
        assert!(random.iter().all(|e| e.mean >= lowest && e.sd >= 0.0));
        // A 3 × 3 grid whatever the seed: no spread; a budget of 10 keeps its best to the end.
        let grid = curves(&space, Strategy::Grid, 10, &seeds, bowl).unwrap();
        assert!(grid.iter().all(|c| c == &grid[0] && c[8] == c[9]));
        assert!(compare(&space, Strategy::Grid, 99, &seeds, bowl).is_err());
    }
}
