//! Running per-point sums of an ensemble's trees on the point sets it is scored on.
//!
//! A lab scores its model on the training and the test points after every tick; an ensemble
//! grown tree by tree would otherwise run every point through every tree each time, so that the
//! scoring, not the new tree, was most of the cost of a tick (and grew with the forest). The
//! ensemble keeps, per point set, the sums over the trees counted so far and adds only the new
//! trees: the same additions in the same order, so the same bits as summing from scratch. It is
//! a cache and nothing else: two ensembles compare equal whatever their caches hold.

use crate::data::classification::Point2;
use std::cell::RefCell;

/// Point sets remembered (the training and test points, and one more).
const SETS: usize = 3;

/// One point set's sums.
#[derive(Clone, Debug)]
struct Entry {
    /// The points' coordinates and classes, to know the set again.
    points: Vec<Point2>,
    /// Trees counted.
    trees: usize,
    /// `k` sums per point.
    sums: Vec<f64>,
}

/// The sums of the last [`SETS`] point sets, most recent last.
#[derive(Clone, Debug, Default)]
pub struct SumCache(RefCell<Vec<Entry>>);

impl PartialEq for SumCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl SumCache {
    /// The `k` sums per point over the first `trees` trees: those already counted for this point
    /// set, plus `add(from, sums)` for the trees from `from` on (`add` adds tree after tree, in
    /// order). Fewer trees than counted (a forest cut down) start again from zero.
    pub fn sums(
        &self,
        points: &[Point2],
        k: usize,
        trees: usize,
        add: impl FnOnce(usize, &mut [f64]),
    ) -> Vec<f64> {
        let mut entries = self.0.borrow_mut();
        let found = entries.iter().position(|e| e.points == points);
        let mut entry = match found {
            Some(i) => entries.remove(i),
            None => Entry {
                points: points.to_vec(),
                trees: 0,
                sums: Vec::new(),
            },
        };
        if entry.trees > trees || entry.sums.len() != points.len() * k {
            entry.trees = 0;
            entry.sums = vec![0.0; points.len() * k];
        }
        if entry.trees < trees {
            add(entry.trees, &mut entry.sums);
            entry.trees = trees;
        }
        let sums = entry.sums.clone();
        entries.push(entry);
        if entries.len() > SETS {
            entries.remove(0);
        }
        sums
    }

    /// Forgets every set (the trees changed in a way that sums cannot follow).
    pub fn clear(&self) {
        self.0.borrow_mut().clear();
    }
}

/// A decision map's planes (one per class or score, a number per cell of the grid) over the
/// trees counted so far, for the last grid drawn: redrawing the map after a new tree adds only
/// that tree's leaves.
#[derive(Clone, Debug, Default)]
pub struct GridCache(RefCell<Option<GridEntry>>);

#[derive(Clone, Debug)]
struct GridEntry {
    x1s: Vec<f64>,
    x2s: Vec<f64>,
    trees: usize,
    planes: Vec<Vec<f64>>,
}

impl PartialEq for GridCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl GridCache {
    /// The planes on the grid (`x1s`, `x2s`) over the first `trees` trees: `start()` for no
    /// tree, then `add(from, planes)` adds the trees from `from` on, in order — only those not
    /// counted yet when the grid is the last one. Fewer trees than counted start again.
    pub fn planes(
        &self,
        x1s: &[f64],
        x2s: &[f64],
        trees: usize,
        start: impl FnOnce() -> Vec<Vec<f64>>,
        add: impl FnOnce(usize, &mut [Vec<f64>]),
    ) -> Vec<Vec<f64>> {
        let mut cache = self.0.borrow_mut();
        let same = |e: &GridEntry| e.x1s == x1s && e.x2s == x2s && e.trees <= trees;
        if !cache.as_ref().is_some_and(same) {
            *cache = Some(GridEntry {
                x1s: x1s.to_vec(),
                x2s: x2s.to_vec(),
                trees: 0,
                planes: start(),
            });
        }
        let entry = cache.as_mut().expect("just filled");
        if entry.trees < trees {
            add(entry.trees, &mut entry.planes);
            entry.trees = trees;
        }
        entry.planes.clone()
    }

    /// Forgets the grid.
    pub fn clear(&self) {
        self.0.borrow_mut().take();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn points(n: usize) -> Vec<Point2> {
        let p = |i: usize| Point2 {
            x1: i as f64,
            x2: 0.5,
            class: i % 2,
        };
        (0..n).map(p).collect()
    }

    /// "Tree" t adds t + 1 to every sum.
    fn add(trees: usize) -> impl FnOnce(usize, &mut [f64]) {
        move |from, sums| {
            for t in from..trees {
                sums.iter_mut().for_each(|s| *s += (t + 1) as f64);
            }
        }
    }

    #[test]
    fn only_new_trees_are_added_per_point_set_and_a_cut_starts_again() {
        let cache = SumCache::default();
        let (a, b) = (points(3), points(4));
        assert_eq!(cache.sums(&a, 2, 2, add(2)), vec![3.0; 6]);
        // Trees 3 and 4 only: 3 + 3 + 4.
        let calls = std::cell::Cell::new(0);
        let counted = |from: usize, sums: &mut [f64]| {
            calls.set(calls.get() + 1);
            assert_eq!(from, 2);
            add(4)(from, sums);
        };
        assert_eq!(cache.sums(&a, 2, 4, counted), vec![10.0; 6]);
        assert_eq!(calls.get(), 1);
        // Another set has its own sums; the first is still there.
        assert_eq!(cache.sums(&b, 1, 1, add(1)), vec![1.0; 4]);
        assert_eq!(
            cache.sums(&a, 2, 4, |_, _| panic!("nothing new")),
            vec![10.0; 6]
        );
        // Cut to one tree: from scratch.
        assert_eq!(cache.sums(&a, 2, 1, add(1)), vec![1.0; 6]);
        cache.clear();
        assert_eq!(cache.sums(&a, 2, 2, add(2)), vec![3.0; 6]);
        assert!(cache == SumCache::default());
    }

    #[test]
    fn a_map_adds_only_new_trees_on_the_same_grid() {
        let cache = GridCache::default();
        let start = || vec![vec![0.5; 4]];
        let add = |trees: usize| {
            move |from: usize, planes: &mut [Vec<f64>]| {
                (from..trees).for_each(|t| planes[0].iter_mut().for_each(|p| *p += t as f64))
            }
        };
        let (xs, ys) = (vec![0.0, 1.0], vec![2.0, 3.0]);
        assert_eq!(cache.planes(&xs, &ys, 3, start, add(3)), vec![vec![3.5; 4]]);
        let only_new = |from: usize, planes: &mut [Vec<f64>]| {
            assert_eq!(from, 3);
            add(4)(from, planes)
        };
        assert_eq!(
            cache.planes(&xs, &ys, 4, start, only_new),
            vec![vec![6.5; 4]]
        );
        // Another grid, or fewer trees: from the start.
        assert_eq!(cache.planes(&ys, &xs, 1, start, add(1)), vec![vec![0.5; 4]]);
        assert_eq!(cache.planes(&ys, &xs, 0, start, add(0)), vec![vec![0.5; 4]]);
    }
}
