//! A decision tree (CART) grown one level per training step.
//!
//! **Parameters learned from data**: the tree itself — at each inner node a feature and a
//! threshold ("x₁ ≤ 0.31?"), at each leaf the class counts of the training points that reach it.
//! **Hyperparameters**: the maximum depth, the minimum number of samples per leaf and the
//! impurity criterion.
//!
//! **Growing.** A node's impurity is Gini, 1 − Σₖ pₖ², or entropy, −Σₖ pₖ·log₂ pₖ, where pₖ is the
//! share of class k among its points. A node is split at the feature and threshold (midway between
//! two neighbouring distinct values) that most reduce the size-weighted impurity of the two
//! children, provided each child keeps at least `min_leaf` points and the depth limit allows.
//! A node becomes a leaf only when it is pure, at the depth limit, or when no split is allowed
//! (its points share every feature value, or no cut keeps `min_leaf` points on each side). An
//! impure node splits even when its best split lowers the impurity not at all (as scikit-learn's
//! trees do): on XOR no single cut helps, yet the cuts below it do.
//!
//! **Features.** The decision tree splits on (x₁, x₂). A tree can also grow on any rows of
//! features ([`Tree::on_rows`], e.g. a polynomial map), on a sample of the training rows in which
//! a row may repeat, and with each split considering only some features drawn at random
//! ([`Tree::grow_level_sampled`]): the trees of a random forest.

use super::rows::{FeatureMap, Rows};
use crate::data::classification::Point2;
use crate::data::rng::SeededRng;
use rand::seq::SliceRandom;
use std::rc::Rc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Criterion {
    Gini,
    Entropy,
}

impl Criterion {
    /// Impurity of a node with these class counts.
    pub fn impurity(self, counts: &[usize]) -> f64 {
        let n: usize = counts.iter().sum();
        if n == 0 {
            return 0.0;
        }
        let shares = counts
            .iter()
            .filter(|c| **c > 0)
            .map(|&c| c as f64 / n as f64);
        match self {
            Criterion::Gini => 1.0 - shares.map(|p| p * p).sum::<f64>(),
            Criterion::Entropy => -shares.map(|p| p * p.log2()).sum::<f64>(),
        }
    }
}

/// Valid by construction: `max_depth` ≥ 1 when set, `min_leaf` ≥ 1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TreeHyper {
    max_depth: Option<usize>,
    min_leaf: usize,
    criterion: Criterion,
}

impl TreeHyper {
    pub fn new(
        max_depth: Option<usize>,
        min_leaf: usize,
        criterion: Criterion,
    ) -> Result<Self, String> {
        if max_depth == Some(0) {
            return Err("max depth must be at least 1".into());
        }
        if min_leaf == 0 {
            return Err("min samples per leaf must be at least 1".into());
        }
        Ok(TreeHyper {
            max_depth,
            min_leaf,
            criterion,
        })
    }
    pub fn max_depth(self) -> Option<usize> {
        self.max_depth
    }
    pub fn min_leaf(self) -> usize {
        self.min_leaf
    }
    pub fn criterion(self) -> Criterion {
        self.criterion
    }
    /// The same without a depth limit (what the limit leaves unused: `state::plane`).
    pub fn unlimited(self) -> Self {
        TreeHyper {
            max_depth: None,
            ..self
        }
    }
    /// The same with another impurity.
    pub fn with_criterion(self, criterion: Criterion) -> Self {
        TreeHyper { criterion, ..self }
    }
}

/// A question at an inner node: go left when `point[feature] ≤ threshold`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Split {
    pub feature: usize,
    pub threshold: f64,
    pub left: usize,
    pub right: usize,
}

impl Split {
    /// The question as the parameter lists name it, with where a point goes next (so a tree
    /// can be rebuilt from the list; helper 47 had to guess): node `i`'s "node 0: x₁ ≤ (yes:
    /// node 1, no: leaf 2)". `leaf(j)`: whether node `j` is a leaf.
    pub fn name(&self, i: usize, feature: &str, leaf: impl Fn(usize) -> bool) -> String {
        let to = |j: usize| format!("{} {j}", if leaf(j) { "leaf" } else { "node" });
        format!(
            "node {i}: {feature} ≤ (yes: {}, no: {})",
            to(self.left),
            to(self.right)
        )
    }
}

/// A node as a saved tree gives it ([`Tree::restore`]): its question (`None` at a leaf) and the
/// class counts of the training rows that reached it.
pub type LearnedNode = (Option<Split>, Vec<usize>);

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub depth: usize,
    pub counts: Vec<usize>,
    pub impurity: f64,
    pub split: Option<Split>,
}

/// The tree being grown, with the training rows it is grown from.
#[derive(Clone, Debug, PartialEq)]
pub struct Tree {
    hyper: TreeHyper,
    classes: usize,
    /// The training rows and their classes; a forest's trees share them.
    rows: Rc<Rows>,
    labels: Rc<[usize]>,
    nodes: Vec<Node>,
    /// Leaves that may still split, with the indices of their rows sorted by each feature
    /// ([`Rows::sorted`]).
    frontier: Vec<(usize, Vec<Vec<usize>>)>,
}

impl Tree {
    /// A single leaf holding every training point; the tree splits on (x₁, x₂).
    pub fn new(hyper: TreeHyper, train: &[Point2], classes: usize) -> Self {
        let labels: Rc<[usize]> = train.iter().map(|p| p.class).collect();
        let rows = Rc::new(FeatureMap::new(1).rows(train));
        Tree::on_rows(hyper, rows, labels, (0..train.len()).collect(), classes)
    }

    /// A single leaf holding the rows `members` (indices into `rows` and `labels`; an index may
    /// repeat, as in a bootstrap sample, and then counts as many times).
    pub fn on_rows(
        hyper: TreeHyper,
        rows: Rc<Rows>,
        labels: Rc<[usize]>,
        members: Vec<usize>,
        classes: usize,
    ) -> Self {
        let counts = count(&labels, &members, classes);
        let frontier = vec![(0, rows.sorted(&members))];
        let root = Node {
            depth: 0,
            impurity: hyper.criterion.impurity(&counts),
            counts,
            split: None,
        };
        Tree {
            hyper,
            classes,
            rows,
            labels,
            nodes: vec![root],
            frontier,
        }
    }

    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    /// Depth of the deepest node.
    pub fn depth(&self) -> usize {
        self.nodes.iter().map(|n| n.depth).max().unwrap_or(0)
    }

    /// True when no leaf can split any more: none is left to try, or each is pure or at the
    /// maximum depth. (A leaf whose points allow no split, e.g. by the minimum per leaf, is
    /// known only once the next level tries it.)
    pub fn is_grown(&self) -> bool {
        self.frontier.iter().all(|&(id, _)| !self.may_split(id))
    }

    /// Whether the node's depth and purity let it split (the rest is the search for a split).
    fn may_split(&self, id: usize) -> bool {
        let node = &self.nodes[id];
        self.hyper.max_depth.is_none_or(|m| node.depth < m) && node.impurity != 0.0
    }

    /// Takes the nodes of a saved tree, numbered as [`Tree::nodes`] numbers them: each node's
    /// question (`None` at a leaf) and the class counts of the training rows that reached it.
    /// The caller checks the shape (every child after its parent and reached once, features and
    /// counts in range); depths and impurities are worked out again. With `may_grow` the deepest
    /// leaves may split further, as after the level that made them (a tree loaded part-grown goes
    /// on growing): the training rows are routed down the loaded questions to find theirs.
    pub fn restore(&mut self, nodes: Vec<LearnedNode>, may_grow: bool) {
        let root = std::mem::take(&mut self.frontier)
            .pop()
            .map(|(_, sorted)| sorted);
        let mut depths = vec![0; nodes.len()];
        self.nodes = Vec::with_capacity(nodes.len());
        for (id, (split, counts)) in nodes.into_iter().enumerate() {
            if let Some(s) = split {
                (depths[s.left], depths[s.right]) = (depths[id] + 1, depths[id] + 1);
            }
            self.nodes.push(Node {
                depth: depths[id],
                impurity: self.hyper.criterion.impurity(&counts),
                counts,
                split,
            });
        }
        if let (true, Some(sorted)) = (may_grow, root) {
            self.route(0, sorted, self.depth());
            self.frontier.sort_unstable_by_key(|(id, _)| *id);
        }
    }

    /// The first node whose class counts are not those of the training rows its questions send
    /// there, with both (a saved tree edited by hand: a threshold moved, counts swapped, another
    /// seed in its link; helper 74); `None` when every node's agree. For a tree grown on every
    /// row, as the Classification lab's single tree is (a forest's trees hold samples).
    pub fn miscounted(&self) -> Option<(usize, Vec<usize>, Vec<usize>)> {
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); self.nodes.len()];
        members[0] = (0..self.rows.len()).collect();
        // (Every child comes after its parent.)
        for (id, node) in self.nodes.iter().enumerate() {
            let here = std::mem::take(&mut members[id]);
            let routed = count(&self.labels, &here, self.classes);
            if routed != node.counts {
                return Some((id, node.counts.clone(), routed));
            }
            if let Some(s) = node.split {
                let (l, r) =
                    (here.into_iter()).partition(|&i| self.rows.get(i, s.feature) <= s.threshold);
                (members[s.left], members[s.right]) = (l, r);
            }
        }
        None
    }

    /// Puts the leaves at depth `deepest` below node `id`, with their rows of `sorted`, in the
    /// frontier.
    fn route(&mut self, id: usize, sorted: Vec<Vec<usize>>, deepest: usize) {
        match self.nodes[id].split {
            Some(s) => {
                let (l, r) = partition(&self.rows, sorted, s.feature, s.threshold);
                self.route(s.left, l, deepest);
                self.route(s.right, r, deepest);
            }
            None if self.nodes[id].depth == deepest => self.frontier.push((id, sorted)),
            None => {}
        }
    }

    /// Splits every splittable leaf once (one level), considering every feature. Returns
    /// whether anything changed.
    pub fn grow_level(&mut self) -> bool {
        let all: Vec<usize> = (0..self.rows.width()).collect();
        self.grow_level_on(|| all.clone())
    }

    /// As [`Tree::grow_level`], but each split considers only `max_features` features drawn at
    /// random without replacement (a random forest's trees). A node whose drawn features allow
    /// no split stays a leaf.
    pub fn grow_level_sampled(&mut self, max_features: usize, rng: &mut SeededRng) -> bool {
        let mut all: Vec<usize> = (0..self.rows.width()).collect();
        self.grow_level_on(|| {
            let mut drawn = all.partial_shuffle(rng, max_features).0.to_vec();
            drawn.sort_unstable();
            drawn
        })
    }

    /// One level, each split looking at the features `candidates` gives (ascending, so ties go
    /// to the lower feature).
    fn grow_level_on(&mut self, mut candidates: impl FnMut() -> Vec<usize>) -> bool {
        let frontier = std::mem::take(&mut self.frontier);
        let mut grew = false;
        for (id, sorted) in frontier {
            let depth = self.nodes[id].depth;
            if !self.may_split(id) {
                continue;
            }
            let Some((f, threshold)) = self.best_split(&sorted, id, &candidates()) else {
                continue;
            };
            let (l, r) = partition(&self.rows, sorted, f, threshold);
            let (left, right) = (self.nodes.len(), self.nodes.len() + 1);
            for side in [&l, &r] {
                let counts = count(&self.labels, &side[0], self.classes);
                self.nodes.push(Node {
                    depth: depth + 1,
                    impurity: self.hyper.criterion.impurity(&counts),
                    counts,
                    split: None,
                });
            }
            self.nodes[id].split = Some(Split {
                feature: f,
                threshold,
                left,
                right,
            });
            self.frontier.push((left, l));
            self.frontier.push((right, r));
            grew = true;
        }
        grew
    }

    /// The feature and threshold with the lowest weighted child impurity, among the splits that
    /// leave at least `min_leaf` points on each side. As in CART (and scikit-learn), an impure
    /// node splits even when the best split does not lower the impurity: on XOR no single
    /// question helps, but the next level's questions then separate the classes perfectly.
    fn best_split(
        &self,
        sorted: &[Vec<usize>],
        id: usize,
        features: &[usize],
    ) -> Option<(usize, f64)> {
        let n = sorted[0].len();
        let min_leaf = self.hyper.min_leaf;
        let mut best: Option<(f64, usize, f64)> = None;
        for &f in features {
            let value = |i: usize| self.rows.get(i, f);
            let sorted = &sorted[f];
            let mut left = vec![0usize; self.classes];
            let mut right = self.nodes[id].counts.clone();
            for (i, &m) in sorted.iter().enumerate().take(n - 1) {
                let c = self.labels[m];
                left[c] += 1;
                right[c] -= 1;
                let (here, next) = (value(m), value(sorted[i + 1]));
                let n_left = i + 1;
                if here == next || n_left < min_leaf || n - n_left < min_leaf {
                    continue;
                }
                let cost = self.hyper.criterion.impurity(&left) * n_left as f64
                    + self.hyper.criterion.impurity(&right) * (n - n_left) as f64;
                if best.is_none_or(|(b, _, _)| cost < b) {
                    best = Some((cost, f, threshold_between(here, next)));
                }
            }
        }
        best.map(|(_, f, t)| (f, t))
    }

    /// The leaf reached by (x₁, x₂), for a tree on (x₁, x₂) ([`Tree::new`]).
    pub fn leaf(&self, x1: f64, x2: f64) -> &Node {
        self.leaf_of(&[x1, x2])
    }

    /// The leaf reached by a row of features.
    pub fn leaf_of(&self, row: &[f64]) -> &Node {
        &self.nodes[self.leaf_index(row)]
    }

    /// The index (in [`Tree::nodes`]) of the leaf reached by a row of features.
    pub fn leaf_index(&self, row: &[f64]) -> usize {
        let mut id = 0;
        while let Some(s) = self.nodes[id].split {
            id = if row[s.feature] <= s.threshold {
                s.left
            } else {
                s.right
            };
        }
        id
    }

    /// Class probabilities at (x₁, x₂), for a tree on (x₁, x₂): the class shares of the leaf's
    /// training points.
    pub fn proba(&self, x1: f64, x2: f64, out: &mut [f64]) {
        self.proba_of(&[x1, x2], out);
    }

    /// Class probabilities for a row of features.
    pub fn proba_of(&self, row: &[f64], out: &mut [f64]) {
        self.leaf_of(row).shares(out);
    }
}

impl Node {
    /// The class shares of the node's training points into `out` (uniform if it has none).
    pub fn shares(&self, out: &mut [f64]) {
        let n: usize = self.counts.iter().sum();
        for (o, &c) in out.iter_mut().zip(&self.counts) {
            *o = if n == 0 {
                1.0 / self.counts.len() as f64
            } else {
                c as f64 / n as f64
            };
        }
    }
}

/// Each feature's sorted rows cut into those going left (feature `f` ≤ `threshold`) and right,
/// each side still sorted.
/// The threshold between two neighbouring distinct values `lo` < `hi`: their midpoint, or `lo`
/// when the midpoint rounds up to `hi` (two adjacent floating-point numbers) or overflows, so
/// that `x ≤ threshold` always sends `lo` left and `hi` right and neither side is empty (as
/// scikit-learn's trees guard it).
pub(crate) fn threshold_between(lo: f64, hi: f64) -> f64 {
    let mid = (lo + hi) / 2.0;
    if mid < hi && mid.is_finite() {
        mid
    } else {
        lo
    }
}

pub(crate) fn partition(
    rows: &Rows,
    sorted: Vec<Vec<usize>>,
    f: usize,
    threshold: f64,
) -> (Vec<Vec<usize>>, Vec<Vec<usize>>) {
    (sorted.into_iter())
        .map(|list| -> (Vec<usize>, Vec<usize>) {
            list.into_iter().partition(|&i| rows.get(i, f) <= threshold)
        })
        .unzip()
}

fn count(labels: &[usize], members: &[usize], classes: usize) -> Vec<usize> {
    let mut counts = vec![0; classes];
    for &i in members {
        counts[labels[i]] += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::classification::{generate, Pattern};
    use crate::ml::metrics::argmax;

    fn grow(tree: &mut Tree) {
        while tree.grow_level() {}
    }

    fn train_accuracy(tree: &Tree, pts: &[Point2], classes: usize) -> f64 {
        let mut out = vec![0.0; classes];
        pts.iter()
            .filter(|p| {
                tree.proba(p.x1, p.x2, &mut out);
                argmax(&out) == p.class
            })
            .count() as f64
            / pts.len() as f64
    }

    #[test]
    fn a_threshold_always_separates_its_two_values() {
        assert_eq!(threshold_between(1.0, 2.0), 1.5);
        // Adjacent numbers whose midpoint rounds (to even) up to the larger one.
        let lo = f64::from_bits(1.0f64.to_bits() + 1);
        let hi = f64::from_bits(lo.to_bits() + 1);
        assert_eq!((lo + hi) / 2.0, hi, "the case the guard is for");
        assert_eq!(threshold_between(lo, hi), lo);
        // A sum that overflows.
        assert_eq!(threshold_between(f64::MAX / 1.5, f64::MAX), f64::MAX / 1.5);
        assert_eq!(threshold_between(-f64::MAX, -f64::MAX / 1.5), -f64::MAX);
        // A tree on those two adjacent values still tells them apart.
        let pts = [
            Point2 {
                x1: lo,
                x2: 0.0,
                class: 0,
            },
            Point2 {
                x1: hi,
                x2: 0.0,
                class: 1,
            },
        ];
        let mut t = Tree::new(TreeHyper::new(None, 1, Criterion::Gini).unwrap(), &pts, 2);
        grow(&mut t);
        assert_eq!(train_accuracy(&t, &pts, 2), 1.0);
    }

    #[test]
    fn impurity_by_hand() {
        // Counts (3, 1): p = (3/4, 1/4). Gini = 1 − (9/16 + 1/16) = 6/16 = 0.375.
        assert!((Criterion::Gini.impurity(&[3, 1]) - 0.375).abs() < 1e-15);
        // Entropy = −(3/4·log₂ 3/4 + 1/4·log₂ 1/4) = 0.311278 + 0.5 = 0.811278.
        assert!((Criterion::Entropy.impurity(&[3, 1]) - 0.811_278_124_459_132_9).abs() < 1e-12);
        assert_eq!(Criterion::Gini.impurity(&[4, 0]), 0.0);
        assert_eq!(Criterion::Entropy.impurity(&[2, 2]), 1.0);
    }

    #[test]
    fn first_split_by_hand() {
        // Classes 0,0,1,1 at x₁ = 0,1,2,3 (x₂ = 0 for all): the best cut is x₁ ≤ 1.5, both children pure.
        let pts: Vec<Point2> = (0..4)
            .map(|i| Point2 {
                x1: i as f64,
                x2: 0.0,
                class: (i >= 2) as usize,
            })
            .collect();
        let mut t = Tree::new(TreeHyper::new(None, 1, Criterion::Gini).unwrap(), &pts, 2);
        assert!(t.grow_level());
        let s = t.nodes()[0].split.unwrap();
        assert_eq!((s.feature, s.threshold), (0, 1.5));
        assert!(!t.grow_level()); // both leaves pure
    }

    #[test]
    fn depth_is_respected_and_grows_one_level_per_step() {
        let d = generate(Pattern::Spiral, 300, 0.3, 0.7, 2);
        let mut t = Tree::new(
            TreeHyper::new(Some(4), 1, Criterion::Entropy).unwrap(),
            &d.train,
            2,
        );
        for level in 1..=4 {
            assert!(t.grow_level());
            assert_eq!(t.depth(), level);
        }
        assert!(!t.grow_level());
        assert_eq!(t.depth(), 4);
    }

    #[test]
    fn unlimited_depth_fits_separable_training_data_perfectly() {
        for p in [Pattern::Circles, Pattern::Xor, Pattern::Spiral] {
            let d = generate(p, 300, 0.0, 0.7, 4);
            let mut t = Tree::new(
                TreeHyper::new(None, 1, Criterion::Gini).unwrap(),
                &d.train,
                2,
            );
            grow(&mut t);
            assert_eq!(train_accuracy(&t, &d.train, 2), 1.0, "{p:?}");
        }
    }

    #[test]
    fn xor_splits_although_no_single_question_helps() {
        // (−1,−1)→0, (1,1)→0, (−1,1)→1, (1,−1)→1. Any one cut leaves each side half and half
        // (Gini 0.5 = the root's), yet CART splits; at depth 2 every leaf is pure.
        let pts: Vec<Point2> = [
            (-1.0, -1.0, 0),
            (1.0, 1.0, 0),
            (-1.0, 1.0, 1),
            (1.0, -1.0, 1),
        ]
        .iter()
        .map(|&(x1, x2, class)| Point2 { x1, x2, class })
        .collect();
        let mut t = Tree::new(
            TreeHyper::new(Some(2), 1, Criterion::Gini).unwrap(),
            &pts,
            2,
        );
        assert!(t.grow_level(), "the root splits");
        assert_eq!(t.nodes()[1].impurity, 0.5);
        grow(&mut t);
        assert_eq!(t.depth(), 2);
        assert_eq!(train_accuracy(&t, &pts, 2), 1.0);
        // With two points per leaf required, no split is allowed below the root's.
        let mut wide = Tree::new(
            TreeHyper::new(Some(2), 2, Criterion::Gini).unwrap(),
            &pts,
            2,
        );
        grow(&mut wide);
        assert_eq!((wide.depth(), train_accuracy(&wide, &pts, 2)), (1, 0.5));
    }

    #[test]
    fn min_leaf_is_respected() {
        let d = generate(Pattern::Moons, 200, 0.5, 0.7, 4);
        let mut t = Tree::new(
            TreeHyper::new(None, 10, Criterion::Gini).unwrap(),
            &d.train,
            2,
        );
        grow(&mut t);
        assert!(t
            .nodes()
            .iter()
            .all(|n| n.counts.iter().sum::<usize>() >= 10));
        assert!(TreeHyper::new(Some(0), 1, Criterion::Gini).is_err());
    }

    #[test]
    fn sampling_every_feature_grows_the_same_tree() {
        let d = generate(Pattern::ThreeBlobs, 200, 0.5, 0.7, 6);
        let hyper = TreeHyper::new(None, 2, Criterion::Entropy).unwrap();
        let mut plain = Tree::new(hyper, &d.train, 3);
        grow(&mut plain);
        let mut sampled = Tree::new(hyper, &d.train, 3);
        let mut rng = crate::data::rng::seeded(1, 0);
        while sampled.grow_level_sampled(2, &mut rng) {}
        assert_eq!(plain, sampled);
        // With one feature per split, this seed's tree differs somewhere.
        let mut one = Tree::new(hyper, &d.train, 3);
        while one.grow_level_sampled(1, &mut rng) {}
        assert_ne!(plain.nodes(), one.nodes());
    }
}
