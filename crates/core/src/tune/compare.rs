//! Strategy comparisons: the best error so far against the trial number, one curve per seed,
//! and their mean ± sd over the seeds, for each strategy. The Tuning lab looks each trial up in
//! its finished landscape, so that comparing costs no training.

use super::cv::MeanSd;
use super::search::{run, Search, SearchError};
use super::space::Space;
use super::strategy::Strategy;

/// Remembers the evaluations of points already seen, so that the trials of several searches
/// over the same problem run once.
pub struct Memo<F> {
    evaluate: F,
    seen: Vec<(Vec<f64>, MeanSd)>,
}

impl<F: FnMut(&[f64]) -> MeanSd> Memo<F> {
    pub fn new(evaluate: F) -> Self {
        Memo {
            evaluate,
            seen: Vec::new(),
        }
    }

    /// The evaluation at `point`, computed on first use.
    pub fn get(&mut self, point: &[f64]) -> MeanSd {
        if let Some((_, e)) = self.seen.iter().find(|(p, _)| p == point) {
            return *e;
        }
        let e = (self.evaluate)(point);
        self.seen.push((point.to_vec(), e));
        e
    }

    /// How many distinct points were evaluated.
    pub fn evaluations(&self) -> usize {
        self.seen.len()
    }
}

/// Best-so-far curves of `strategy` with a budget of `budget`, one per seed: entry i is the
/// lowest mean error after trial i + 1. A search that ends early (a grid, or random search once
/// it has tried every setting of the space) keeps its best to the end of the budget. Refused for
/// an invalid budget.
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

/// A strategy's curves ([`curves`], all of one length) summed up: the mean and sample sd over
/// the seeds of the best error so far after each trial number.
pub fn summary(curves: &[Vec<f64>]) -> Vec<MeanSd> {
    let budget = curves.first().map_or(0, Vec::len);
    let at = |i: usize| MeanSd::of(&curves.iter().map(|c| c[i]).collect::<Vec<_>>());
    (0..budget).map(at).collect()
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
    fn the_comparison_and_a_memo_that_evaluates_each_point_once() {
        let space = space();
        let mut calls = 0;
        let mut memo = Memo::new(|p: &[f64]| {
            calls += 1;
            bowl(p)
        });
        let lattice = space.lattice(30);
        let map: Vec<MeanSd> = lattice.iter().map(|p| memo.get(&space.snap(p))).collect();
        assert_eq!((map.len(), memo.evaluations()), (900, 315));
        // The learning rate and λ take 21 and 15 values there: 315 distinct points.
        assert_eq!(calls, 315);
        let lowest = map.iter().map(|e| e.mean).fold(f64::INFINITY, f64::min);
        let seeds = [1, 2, 3, 4];
        let random = summary(&curves(&space, Strategy::Random, 9, &seeds, bowl).unwrap());
        assert_eq!(random.len(), 9);
        assert!(random.windows(2).all(|w| w[1].mean <= w[0].mean));
        assert!(random.iter().all(|e| e.mean >= lowest && e.sd >= 0.0));
        // A 3 × 3 grid whatever the seed: no spread; a budget of 10 keeps its best to the end.
        let grid = curves(&space, Strategy::Grid, 10, &seeds, bowl).unwrap();
        assert!(grid.iter().all(|c| c == &grid[0] && c[8] == c[9]));
        assert!(curves(&space, Strategy::Grid, 99, &seeds, bowl).is_err());
        // The summary by hand: (3 + 5) / 2 = 4, sd √((1 + 1) / 1); then 1 and 1.
        let by_hand = summary(&[vec![3.0, 1.0], vec![5.0, 1.0]]);
        let sd = std::f64::consts::SQRT_2;
        assert_eq!(
            by_hand,
            [MeanSd { mean: 4.0, sd }, MeanSd { mean: 1.0, sd: 0.0 }]
        );
        assert!(summary(&[]).is_empty());
    }
}
