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
}
