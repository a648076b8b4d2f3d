//! k-nearest neighbours.
//!
//! **No parameters are learned.** "Training" stores the training set; to classify a point, find
//! the k stored points nearest to it (Euclidean distance) and let them vote. With **uniform**
//! weighting every neighbour has one vote; with **distance** weighting a neighbour at distance d
//! votes 1/d, so close neighbours count more. The vote shares are the class probabilities.
//! Hyperparameters: k and the weighting. Small k follows every training point (overfits); large
//! k smooths the boundary, and with uniform votes k = n makes it one class everywhere
//! (underfits). Distance weighting never quite gets there: a point on or very near a stored
//! point is decided by that point, whatever k.

use super::grid_index::GridIndex;
use super::metrics::argmax;
use crate::data::classification::Point2;
use std::cell::OnceCell;
use std::rc::Rc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weighting {
    Uniform,
    Distance,
}

/// Valid by construction: k ≥ 1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KnnHyper {
    k: usize,
    weighting: Weighting,
}

impl KnnHyper {
    pub fn new(k: usize, weighting: Weighting) -> Result<Self, String> {
        if k == 0 {
            return Err("k must be at least 1".into());
        }
        Ok(KnnHyper { k, weighting })
    }
    pub fn k(&self) -> usize {
        self.k
    }
    pub fn weighting(&self) -> Weighting {
        self.weighting
    }
    /// The same k with another weighting.
    pub fn with_weighting(self, weighting: Weighting) -> Self {
        KnnHyper { weighting, ..self }
    }
}

/// The stored training set.
#[derive(Clone, Debug)]
pub struct Knn {
    hyper: KnnHyper,
    /// Shared, not copied, when the model is cloned (the UI takes a copy per frame).
    points: Rc<Vec<Point2>>,
    classes: usize,
    index: Rc<GridIndex>,
    /// [`Knn::leave_one_out_accuracy`], computed once (the verdict asks for it on every render),
    /// shared by the copies.
    leave_one_out: Rc<OnceCell<f64>>,
    /// [`Knn::tied_training_votes`], computed once, shared by the copies.
    ties: Rc<OnceCell<usize>>,
}

/// The same hyperparameters and stored points (the index and the cached leave-one-out accuracy
/// follow from them, whether computed yet or not).
impl PartialEq for Knn {
    fn eq(&self, other: &Self) -> bool {
        self.hyper == other.hyper && self.classes == other.classes && self.points == other.points
    }
}

impl Knn {
    pub fn fit(hyper: KnnHyper, train: &[Point2], classes: usize) -> Self {
        Knn {
            hyper,
            points: Rc::new(train.to_vec()),
            classes,
            index: Rc::new(GridIndex::new(train.iter().map(|p| (p.x1, p.x2)))),
            leave_one_out: Rc::default(),
            ties: Rc::default(),
        }
    }

    /// k, limited to the number of stored points.
    pub fn effective_k(&self) -> usize {
        self.hyper.k.min(self.points.len())
    }

    /// Indices of the k nearest stored points, nearest first (ties: lower index first).
    /// `scratch` is reused between calls to avoid allocating.
    /// Small k searches the grid index; large k (a quarter of the points or more) scans them all.
    pub fn neighbours(&self, x1: f64, x2: f64, scratch: &mut Vec<(f64, usize)>) -> usize {
        if self.effective_k() * 4 <= self.points.len() {
            self.index.nearest(x1, x2, self.effective_k(), scratch);
            return scratch.len();
        }
        scratch.clear();
        scratch.extend(
            self.points
                .iter()
                .enumerate()
                .map(|(i, p)| ((p.x1 - x1).powi(2) + (p.x2 - x2).powi(2), i)),
        );
        let k = self.effective_k();
        if k > 0 && k < scratch.len() {
            scratch.select_nth_unstable_by(k - 1, by_distance);
        }
        scratch.truncate(k);
        scratch.sort_unstable_by(by_distance);
        k
    }

    /// Class probabilities at (x₁, x₂) into `out` (length = classes).
    pub fn proba(&self, x1: f64, x2: f64, scratch: &mut Vec<(f64, usize)>, out: &mut [f64]) {
        self.nearest_set(x1, x2, scratch);
        self.vote(self.hyper.weighting, scratch, out);
    }

    /// The class each weighting would predict at (x₁, x₂), uniform then distance, from one
    /// search for the k nearest (what changing the weighting alone would change).
    pub fn class_by_weighting(
        &self,
        x1: f64,
        x2: f64,
        scratch: &mut Vec<(f64, usize)>,
        out: &mut [f64],
    ) -> [usize; 2] {
        self.nearest_set(x1, x2, scratch);
        [Weighting::Uniform, Weighting::Distance].map(|w| {
            self.vote(w, scratch, out);
            argmax(out)
        })
    }

    /// The k nearest stored points in no particular order (voting needs no order, and not
    /// sorting saves most of the work when k is large).
    fn nearest_set(&self, x1: f64, x2: f64, scratch: &mut Vec<(f64, usize)>) {
        let k = self.effective_k();
        if k * 4 <= self.points.len() {
            self.index.nearest(x1, x2, k, scratch);
            return;
        }
        scratch.clear();
        scratch.extend(
            self.points
                .iter()
                .enumerate()
                .map(|(i, p)| ((p.x1 - x1) * (p.x1 - x1) + (p.x2 - x2) * (p.x2 - x2), i)),
        );
        if k > 0 && k < scratch.len() {
            scratch.select_nth_unstable_by(k - 1, by_distance);
        }
        scratch.truncate(k);
    }

    /// The neighbours' votes as probabilities.
    fn vote(&self, weighting: Weighting, scratch: &[(f64, usize)], out: &mut [f64]) {
        out.iter_mut().for_each(|o| *o = 0.0);
        if scratch.is_empty() {
            out.iter_mut().for_each(|o| *o = 1.0 / self.classes as f64);
            return;
        }
        if weighting == Weighting::Distance && scratch.iter().any(|(d, _)| *d == 0.0) {
            // Exactly on stored points: they decide alone (1/0 would be infinite).
            for &(_, i) in scratch.iter().filter(|(d, _)| *d == 0.0) {
                out[self.points[i].class] += 1.0;
            }
        } else {
            for &(d2, i) in scratch.iter() {
                let vote = match weighting {
                    Weighting::Uniform => 1.0,
                    Weighting::Distance => distance_vote(d2),
                };
                out[self.points[i].class] += vote;
            }
        }
        let total: f64 = out.iter().sum();
        out.iter_mut().for_each(|o| *o /= total);
    }

    /// The share of stored points that the others classify right: each point left out in turn,
    /// its k nearest among the rest vote (the argmax of the votes, ties to the lower class).
    /// Under distance weighting a stored point classifies itself (distance 0), so this, not the
    /// training accuracy, says how well k fits the training points.
    pub fn leave_one_out_accuracy(&self) -> f64 {
        *self
            .leave_one_out
            .get_or_init(|| self.count_leave_one_out())
    }

    /// How many stored points get a tied vote from their own k nearest (themselves among them,
    /// as when the training points are scored): two classes or more share the most votes, and
    /// the tie goes to the lower class whatever the point's own. Under uniform votes an even k
    /// ties often between two classes, an odd k never.
    pub fn tied_training_votes(&self) -> usize {
        *self.ties.get_or_init(|| {
            let (mut scratch, mut out) = (Vec::new(), vec![0.0; self.classes]);
            (self.points.iter())
                .filter(|p| {
                    self.nearest_set(p.x1, p.x2, &mut scratch);
                    self.vote(self.hyper.weighting, &scratch, &mut out);
                    let top = out.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                    out.iter().filter(|&&v| v == top).count() > 1
                })
                .count()
        })
    }

    fn count_leave_one_out(&self) -> f64 {
        let n = self.points.len();
        if n < 2 {
            return 0.0;
        }
        let k = self.hyper.k.min(n - 1);
        let (mut scratch, mut out) = (Vec::with_capacity(n), vec![0.0; self.classes]);
        let mut right = 0;
        for (i, p) in self.points.iter().enumerate() {
            scratch.clear();
            scratch.extend(
                (self.points.iter().enumerate())
                    .filter(|&(j, _)| j != i)
                    .map(|(j, q)| ((q.x1 - p.x1).powi(2) + (q.x2 - p.x2).powi(2), j)),
            );
            if k < scratch.len() {
                scratch.select_nth_unstable_by(k - 1, by_distance);
            }
            scratch.truncate(k);
            self.vote(self.hyper.weighting, &scratch, &mut out);
            right += usize::from(argmax(&out) == p.class);
        }
        right as f64 / n as f64
    }

    pub fn weighting(&self) -> Weighting {
        self.hyper.weighting
    }

    pub fn points(&self) -> &[Point2] {
        &self.points
    }
}

/// A neighbour's vote under distance weighting, 1/distance, from the squared distance `d2` > 0.
/// Computed in single precision: a vote needs no more than 7 digits, and `f32` square roots and
/// divisions run about twice as fast, which the decision map (up to 350 votes per cell) needs.
#[inline]
pub(super) fn distance_vote(d2: f64) -> f64 {
    (1.0 / (d2 as f32).max(f32::MIN_POSITIVE).sqrt()) as f64
}

/// Nearer first; equal distances by index, so every search ranks ties the same way. One named
/// function for every ranking of neighbours (one copy of the selection code in the bundle).
pub(crate) fn by_distance(a: &(f64, usize), b: &(f64, usize)) -> core::cmp::Ordering {
    a.0.total_cmp(&b.0).then(a.1.cmp(&b.1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::classification::{generate, Pattern};

    /// Points on a line at x₁ = 0, 1, 2, 3, 10 with classes 0, 0, 1, 1, 1. Distance-weighted
    /// k = 1 classifies every stored point as itself (training accuracy 1); left out, each takes
    /// its nearest other: 0 → 1 (class 0, right), 1 → 0 (right; 0 and 2 tie at distance 1, the
    /// lower index wins), 2 → 1 (class 0, wrong), 3 → 2 (right), 10 → 3 (right): 4/5.
    /// k = 3, uniform: 0 ← {1, 2, 3} classes 0, 1, 1 → 1 (wrong); 1 ← {0, 2, 3} → 1 (wrong);
    /// 2 ← {1, 3, 0} → 0 (wrong); 3 ← {2, 1, 0} → 0 (wrong); 10 ← {3, 2, 1} → 1 (right): 1/5.
    #[test]
    fn leave_one_out_by_hand() {
        let pts: Vec<Point2> = [(0.0, 0), (1.0, 0), (2.0, 1), (3.0, 1), (10.0, 1)]
            .iter()
            .map(|&(x1, class)| Point2 { x1, x2: 0.0, class })
            .collect();
        let near = Knn::fit(KnnHyper::new(1, Weighting::Distance).unwrap(), &pts, 2);
        let mut scratch = Vec::new();
        let mut out = [0.0; 2];
        for p in &pts {
            near.proba(p.x1, p.x2, &mut scratch, &mut out);
            assert_eq!(argmax(&out), p.class, "a stored point classifies itself");
        }
        assert_eq!(near.leave_one_out_accuracy(), 0.8);
        let three = Knn::fit(KnnHyper::new(3, Weighting::Uniform).unwrap(), &pts, 2);
        assert_eq!(three.leave_one_out_accuracy(), 0.2);
    }

    /// Reference: sort every point by distance, take the first k, count votes.
    fn brute_force(
        train: &[Point2],
        k: usize,
        weighting: Weighting,
        x1: f64,
        x2: f64,
        classes: usize,
    ) -> Vec<f64> {
        let mut all: Vec<(f64, usize)> = train
            .iter()
            .enumerate()
            .map(|(i, p)| (((p.x1 - x1).powi(2) + (p.x2 - x2).powi(2)).sqrt(), i))
            .collect();
        all.sort_by(|a, b| a.partial_cmp(b).unwrap());
        let mut votes = vec![0.0; classes];
        for (d, i) in all.into_iter().take(k) {
            votes[train[i].class] += if weighting == Weighting::Uniform {
                1.0
            } else {
                1.0 / d
            };
        }
        let total: f64 = votes.iter().sum();
        votes.iter().map(|v| v / total).collect()
    }

    #[test]
    fn matches_brute_force_on_a_grid() {
        let d = generate(Pattern::ThreeBlobs, 120, 0.4, 0.7, 3);
        for k in [1, 4, 15, 84] {
            for w in [Weighting::Uniform, Weighting::Distance] {
                let knn = Knn::fit(KnnHyper::new(k, w).unwrap(), &d.train, 3);
                let (mut scratch, mut out) = (Vec::new(), vec![0.0; 3]);
                for i in 0..15 {
                    for j in 0..15 {
                        let (x1, x2) = (-1.03 + i as f64 * 0.147, -0.97 + j as f64 * 0.139);
                        knn.proba(x1, x2, &mut scratch, &mut out);
                        let want = brute_force(&d.train, k, w, x1, x2, 3);
                        // Distance votes are computed in single precision (7 digits).
                        let tolerance = if w == Weighting::Uniform { 1e-12 } else { 1e-6 };
                        for c in 0..3 {
                            assert!(
                                (out[c] - want[c]).abs() < tolerance,
                                "k={k} {w:?} at ({x1}, {x2})"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn ties_at_the_kth_distance_go_to_the_lower_index() {
        // Four points at distance 1 from the origin; k = 2 takes indices 0 and 1.
        let at = |x1, x2, class| Point2 { x1, x2, class };
        let pts = [
            at(1.0, 0.0, 0),
            at(0.0, 1.0, 0),
            at(-1.0, 0.0, 1),
            at(0.0, -1.0, 1),
        ];
        let knn = Knn::fit(KnnHyper::new(2, Weighting::Uniform).unwrap(), &pts, 2);
        let (mut scratch, mut out) = (Vec::new(), vec![0.0; 2]);
        knn.proba(0.0, 0.0, &mut scratch, &mut out);
        assert_eq!(out, vec![1.0, 0.0]);
        assert_eq!(out, brute_force(&pts, 2, Weighting::Uniform, 0.0, 0.0, 2));
    }

    #[test]
    fn k_1_classifies_every_training_point_correctly() {
        let d = generate(Pattern::Moons, 200, 0.8, 0.7, 1);
        let knn = Knn::fit(KnnHyper::new(1, Weighting::Uniform).unwrap(), &d.train, 2);
        let (mut scratch, mut out) = (Vec::new(), vec![0.0; 2]);
        for p in &d.train {
            knn.proba(p.x1, p.x2, &mut scratch, &mut out);
            assert_eq!(argmax(&out), p.class);
        }
    }

    #[test]
    fn k_above_the_training_set_uses_all_points() {
        let pts = [
            Point2 {
                x1: 0.0,
                x2: 0.0,
                class: 0,
            },
            Point2 {
                x1: 1.0,
                x2: 0.0,
                class: 1,
            },
            Point2 {
                x1: 2.0,
                x2: 0.0,
                class: 1,
            },
        ];
        let knn = Knn::fit(KnnHyper::new(50, Weighting::Uniform).unwrap(), &pts, 2);
        let (mut scratch, mut out) = (Vec::new(), vec![0.0; 2]);
        knn.proba(-5.0, 0.0, &mut scratch, &mut out);
        assert_eq!(out, vec![1.0 / 3.0, 2.0 / 3.0]); // one vote against two
        assert!(KnnHyper::new(0, Weighting::Uniform).is_err());
    }
}
