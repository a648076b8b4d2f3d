//! A random forest: many classification trees, each grown on its own random version of the
//! training data, that vote by averaging their class probabilities.
//!
//! **Parameters learned from data**: every tree's questions (a feature and a threshold at each
//! inner node) and the class counts at its leaves.
//! **Hyperparameters**: the number of trees; each tree's maximum depth, minimum samples per leaf
//! and impurity criterion (as the decision tree, [`Tree`]); how many features each split may
//! consider (`max_features`); whether each tree sees a bootstrap sample; and the features
//! themselves: degree 1 is (x₁, x₂), degree d every monomial x₁ᵃx₂ᵇ with 1 ≤ a + b ≤ d
//! ([`FeatureMap`], logistic regression's map), so that drawing features is meaningful.
//!
//! **Training.** Each step grows one more tree to its limits by the decision tree's rule (the
//! split that most lowers the weighted impurity of the children), on n points drawn with
//! replacement from the n training points (bootstrap; a point drawn twice counts twice, in the
//! leaves' class counts and in the minimum samples per leaf alike), or on every point once
//! without bootstrap. At every split the tree considers only `max_features` features drawn at
//! random without replacement; a node none of whose drawn features can be split stays a leaf
//! (scikit-learn would draw further features then). Tree t draws from its own seeded stream, so the forest of n trees is the first n
//! trees of a larger forest with the same seed, on every platform.
//!
//! **Prediction**: the mean of the trees' class probabilities (as scikit-learn); the class with
//! the highest mean wins. On (x₁, x₂) a decision map is drawn leaf rectangle by leaf rectangle
//! ([`Forest::proba_grid`]); with a polynomial map it is drawn cell by cell, which is many times
//! slower (see `benches/ensembles.rs`).
//!
//! **Out-of-bag error.** A bootstrap sample leaves out about a third of the points
//! ((1 − 1/n)ⁿ ≈ 1/e). For each training point, average the probabilities of the trees whose
//! sample left it out; the out-of-bag error is the share of such points (those left out by at
//! least one tree) whose average picks the wrong class: a validation error for free.
//!
//! Classification only: on a regression surface (`values`) the forest ignores the numbers and
//! learns the points' classes.

use super::leaf_grid::SortedGrid;
use super::model::{Model, Parameter, Progress, Score};
use super::plane_model::{class_score, PlaneSet};
use super::rows::{FeatureMap, Rows};
use super::sum_cache::{GridCache, SumCache};
use super::tree::{LearnedNode, Tree, TreeHyper};
use crate::data::classification::{class_name, Point2};
use crate::data::rng::{seeded, SeededRng};
use crate::ml::logistic::MAX_FEATURE_DEGREE;
use crate::ml::metrics::argmax;
use rand::Rng;
use std::rc::Rc;

pub const MAX_TREES: usize = 200;

/// Tree t draws its bootstrap sample and features from stream `TREE_STREAM + t` (the data
/// generators use streams below 16).
const TREE_STREAM: u64 = 1 << 32;

/// Valid by construction: 1 … [`MAX_TREES`] trees, degree 1 … [`MAX_FEATURE_DEGREE`], and
/// 1 ≤ `max_features` ≤ the number of features of that degree.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ForestHyper {
    trees: usize,
    tree: TreeHyper,
    degree: usize,
    max_features: usize,
    bootstrap: bool,
}

impl ForestHyper {
    pub fn new(
        trees: usize,
        tree: TreeHyper,
        degree: usize,
        max_features: usize,
        bootstrap: bool,
    ) -> Result<Self, String> {
        if !(1..=MAX_TREES).contains(&trees) {
            return Err(format!(
                "number of trees must be 1 … {MAX_TREES}, got {trees}"
            ));
        }
        if !(1..=MAX_FEATURE_DEGREE).contains(&degree) {
            return Err(format!(
                "feature degree must be 1 … {MAX_FEATURE_DEGREE}, got {degree}"
            ));
        }
        let width = FeatureMap::new(degree).width();
        if !(1..=width).contains(&max_features) {
            return Err(format!(
                "max features must be 1 … {width} (the features of degree {degree}), got {max_features}"
            ));
        }
        Ok(ForestHyper {
            trees,
            tree,
            degree,
            max_features,
            bootstrap,
        })
    }
    pub fn trees(&self) -> usize {
        self.trees
    }
}

/// A forest being grown, one tree per step.
#[derive(Clone, Debug, PartialEq)]
pub struct Forest {
    hyper: ForestHyper,
    seed: u64,
    classes: usize,
    map: FeatureMap,
    rows: Rc<Rows>,
    labels: Rc<[usize]>,
    /// The trees, shared by the copies of the forest (the UI copies the model every frame).
    trees: Vec<Rc<Tree>>,
    /// For each tree, the training points its bootstrap sample left out (none without bootstrap).
    out_of_bag: Vec<Rc<[usize]>>,
    /// Per training point, the sum of the class shares of the trees that left it out, and how
    /// many trees did: kept as trees are added, so the out-of-bag error is read, not recomputed,
    /// on every frame.
    oob_sums: Vec<f64>,
    oob_voters: Vec<usize>,
    /// Per point set scored, the trees' shares summed so far ([`Forest::proba_points`]).
    scored: SumCache,
    /// The last decision map's sums so far ([`Forest::proba_grid`]).
    drawn: GridCache,
}

impl Forest {
    /// A forest of no trees on `train` (it predicts every class equally likely).
    pub fn new(hyper: ForestHyper, train: &[Point2], classes: usize, seed: u64) -> Self {
        let map = FeatureMap::new(hyper.degree);
        Forest {
            hyper,
            seed,
            classes,
            rows: Rc::new(map.rows(train)),
            labels: train.iter().map(|p| p.class).collect(),
            map,
            trees: Vec::new(),
            out_of_bag: Vec::new(),
            oob_sums: vec![0.0; train.len() * classes],
            oob_voters: vec![0; train.len()],
            scored: SumCache::default(),
            drawn: GridCache::default(),
        }
    }

    /// Adds tree `t`'s votes to the points it left out.
    fn add_out_of_bag_votes(&mut self, t: usize) {
        let k = self.classes;
        let mut one = vec![0.0; k];
        for &i in self.out_of_bag[t].iter() {
            self.trees[t].proba_of(self.rows.row(i), &mut one);
            (self.oob_sums[i * k..(i + 1) * k].iter_mut())
                .zip(&one)
                .for_each(|(s, p)| *s += p);
            self.oob_voters[i] += 1;
        }
    }

    /// Grows the next tree; `Finished` once the forest has all its trees.
    pub fn step(&mut self) -> Progress {
        if self.trees.len() >= self.hyper.trees {
            return Progress::Finished;
        }
        let (mut tree, mut rng, left_out) = self.plant();
        while tree.grow_level_sampled(self.hyper.max_features, &mut rng) {}
        self.add(tree, left_out);
        Progress::Trained
    }

    /// The next tree as a single leaf on its sample (bootstrap or every point), its seeded
    /// stream (which drew the sample and goes on to draw the features of its splits), and the
    /// points the sample left out.
    fn plant(&self) -> (Tree, SeededRng, Rc<[usize]>) {
        let mut rng = seeded(self.seed, TREE_STREAM + self.trees.len() as u64);
        let n = self.labels.len();
        let members: Vec<usize> = if self.hyper.bootstrap {
            (0..n)
                .map(|_| rng.gen_range(0..n as u32) as usize)
                .collect()
        } else {
            (0..n).collect()
        };
        let mut drawn = vec![false; n];
        members.iter().for_each(|&i| drawn[i] = true);
        let left_out = (0..n).filter(|&i| !drawn[i]).collect();
        let (rows, labels) = (Rc::clone(&self.rows), Rc::clone(&self.labels));
        let tree = Tree::on_rows(self.hyper.tree, rows, labels, members, self.classes);
        (tree, rng, left_out)
    }

    /// Adds a grown tree, with its votes for the points its sample left out.
    fn add(&mut self, tree: Tree, left_out: Rc<[usize]>) {
        self.trees.push(Rc::new(tree));
        self.out_of_bag.push(left_out);
        self.add_out_of_bag_votes(self.trees.len() - 1);
    }

    /// Takes the trees of a saved forest, each as [`Tree::restore`] takes it (the caller checks
    /// their shape and number), so it predicts exactly as that forest did. Each tree's sample is
    /// drawn again from its seeded stream — drawing, not growing — for the out-of-bag votes.
    pub fn restore(&mut self, trees: Vec<Vec<LearnedNode>>) {
        debug_assert!(self.trees.is_empty(), "restored into a new forest");
        for nodes in trees {
            let (mut tree, _, left_out) = self.plant();
            tree.restore(nodes, false);
            self.add(tree, left_out);
        }
    }

    pub fn trees(&self) -> &[Rc<Tree>] {
        &self.trees
    }

    pub fn classes(&self) -> usize {
        self.classes
    }

    /// The features the trees split on: [`FeatureMap::name`] names a split's feature, and
    /// [`FeatureMap::map`] gives the row a tree takes for a point.
    pub fn feature_map(&self) -> &FeatureMap {
        &self.map
    }

    /// Tree `t`'s class probabilities at (x₁, x₂) (its vote: the highest wins).
    pub fn tree_proba(&self, t: usize, x1: f64, x2: f64, out: &mut [f64]) {
        let mut buffer = [0.0; 64];
        let row = self.row(x1, x2, &mut buffer);
        self.trees[t].proba_of(row, out);
    }

    /// The forest's class probabilities at (x₁, x₂): the mean of its trees'.
    pub fn proba(&self, x1: f64, x2: f64, out: &mut [f64]) {
        let mut buffer = [0.0; 64];
        let row = self.row(x1, x2, &mut buffer);
        self.proba_of(row, out);
    }

    /// The features of (x₁, x₂), in `buffer` (at most 44 features: degree 8).
    fn row<'a>(&self, x1: f64, x2: f64, buffer: &'a mut [f64; 64]) -> &'a [f64] {
        let row = &mut buffer[..self.map.width()];
        self.map.map(x1, x2, row);
        row
    }

    fn proba_of(&self, row: &[f64], out: &mut [f64]) {
        mean_proba(&self.trees, row, out);
    }

    /// The forest's probabilities at many points, `classes` per point: the same numbers as
    /// [`Forest::proba`] at each (summed in the same order), computed tree by tree so that each
    /// leaf's shares are worked out once per tree rather than once per point, and only for the
    /// trees added since these points were last scored ([`SumCache`]: scoring the training and
    /// test points after every new tree was most of what a step of the lab cost).
    pub fn proba_points(&self, points: &[Point2]) -> Vec<f64> {
        let k = self.classes;
        if self.trees.is_empty() {
            return vec![1.0 / k as f64; points.len() * k];
        }
        let add = |from: usize, sums: &mut [f64]| self.add_shares(from, points, sums);
        let mut out = self.scored.sums(points, k, self.trees.len(), add);
        let count = self.trees.len() as f64;
        out.iter_mut().for_each(|o| *o /= count);
        out
    }

    /// Adds the class shares of the trees from `from` on at each point to `sums`.
    fn add_shares(&self, from: usize, points: &[Point2], sums: &mut [f64]) {
        let (k, width) = (self.classes, self.map.width());
        let mut rows = vec![0.0; points.len() * width];
        for (p, row) in points.iter().zip(rows.chunks_mut(width)) {
            self.map.map(p.x1, p.x2, row);
        }
        let mut shares = Vec::new();
        for tree in &self.trees[from..] {
            shares.clear();
            shares.resize(tree.nodes().len() * k, 0.0);
            for (node, s) in tree.nodes().iter().zip(shares.chunks_mut(k)) {
                node.shares(s);
            }
            for (row, o) in rows.chunks(width).zip(sums.chunks_mut(k)) {
                let leaf = &shares[tree.leaf_index(row) * k..][..k];
                o.iter_mut().zip(leaf).for_each(|(o, s)| *o += s);
            }
        }
    }

    /// The forest's probabilities at every (`x1s[col]`, `x2s[row]`), row after row, `classes` per
    /// cell: the decision map, the same numbers as [`Forest::proba`] at each cell.
    /// On the plane's own features the sums are kept between maps of the same grid
    /// ([`GridCache`]), so a map redrawn after a new tree adds only that tree's leaves.
    pub fn proba_grid(&self, x1s: &[f64], x2s: &[f64]) -> Vec<f64> {
        if !self.map.is_plane() || self.trees.is_empty() {
            return self.mean_grid(&self.trees, x1s, x2s);
        }
        let k = self.classes;
        let grid = SortedGrid::new(x1s, x2s);
        let start = || vec![vec![0.0; grid.len()]; k];
        let add = |from: usize, sums: &mut [Vec<f64>]| {
            add_rectangle_sums(&self.trees[from..], &grid, sums)
        };
        let sums = self.drawn.planes(x1s, x2s, self.trees.len(), start, add);
        self.average(&grid, &sums, self.trees.len())
    }

    /// Each cell's `classes` means: the planes' sums over `count` trees.
    fn average(&self, grid: &SortedGrid, sums: &[Vec<f64>], count: usize) -> Vec<f64> {
        let k = self.classes;
        let mut out = vec![0.0; grid.len() * k];
        for position in 0..grid.len() {
            let cell = grid.cell(position);
            for (c, plane) in sums.iter().enumerate() {
                out[cell * k + c] = plane[position] / count as f64;
            }
        }
        out
    }

    /// Tree `t`'s map alone: [`Forest::tree_proba`] at every cell, as [`Forest::proba_grid`].
    pub fn tree_proba_grid(&self, t: usize, x1s: &[f64], x2s: &[f64]) -> Vec<f64> {
        self.mean_grid(&self.trees[t..=t], x1s, x2s)
    }

    /// The mean of `trees`' probabilities at every cell.
    fn mean_grid(&self, trees: &[Rc<Tree>], x1s: &[f64], x2s: &[f64]) -> Vec<f64> {
        let k = self.classes;
        let mut out = vec![1.0 / k as f64; x1s.len() * x2s.len() * k];
        if trees.is_empty() {
            return out;
        }
        let count = trees.len() as f64;
        if self.map.is_plane() {
            let grid = SortedGrid::new(x1s, x2s);
            let mut sums = vec![vec![0.0; grid.len()]; k];
            add_rectangle_sums(trees, &grid, &mut sums);
            out = self.average(&grid, &sums, trees.len());
        } else {
            let sums = self.cell_sums(trees, x1s, x2s);
            for (cell, o) in out.chunks_mut(k).enumerate() {
                o.iter_mut()
                    .zip(&sums)
                    .for_each(|(o, plane)| *o = plane[cell] / count);
            }
        }
        out
    }

    /// Per class, the sum of `trees`' shares at every cell, row after row: on a polynomial map a
    /// leaf is no rectangle, so each tree walks down once per cell (each cell's features
    /// computed once, each leaf's shares once per tree).
    fn cell_sums(&self, trees: &[Rc<Tree>], x1s: &[f64], x2s: &[f64]) -> Vec<Vec<f64>> {
        let (k, width) = (self.classes, self.map.width());
        let mut rows = vec![0.0; x1s.len() * x2s.len() * width];
        for (cell, row) in rows.chunks_mut(width).enumerate() {
            self.map
                .map(x1s[cell % x1s.len()], x2s[cell / x1s.len()], row);
        }
        let mut sums = vec![vec![0.0; x1s.len() * x2s.len()]; k];
        for tree in trees {
            let shares: Vec<Vec<f64>> = (tree.nodes().iter())
                .map(|node| {
                    let mut s = vec![0.0; k];
                    node.shares(&mut s);
                    s
                })
                .collect();
            for (cell, row) in rows.chunks(width).enumerate() {
                let leaf = &shares[tree.leaf_index(row)];
                sums.iter_mut()
                    .zip(leaf)
                    .for_each(|(plane, s)| plane[cell] += s);
            }
        }
        sums
    }

    /// Whether each tree learns from a bootstrap sample (else from all the training points).
    pub fn bootstrap(&self) -> bool {
        self.hyper.bootstrap
    }

    /// The out-of-bag error (see the module notes); `None` without bootstrap, or while no
    /// point has been left out by any tree.
    pub fn oob_error(&self) -> Option<f64> {
        if !self.hyper.bootstrap {
            return None;
        }
        let (n, k, sums) = (self.labels.len(), self.classes, &self.oob_sums);
        let judged: Vec<usize> = (0..n).filter(|&i| self.oob_voters[i] > 0).collect();
        if judged.is_empty() {
            return None;
        }
        let wrong = (judged.iter())
            .filter(|&&i| argmax(&sums[i * k..(i + 1) * k]) != self.labels[i])
            .count();
        Some(wrong as f64 / judged.len() as f64)
    }

    /// Takes a new number of trees when nothing else changed: more lets training go on, fewer
    /// keeps the first ones (the same forest as a new one of that size). Anything else changes
    /// the trees and needs a new forest: ignored.
    pub fn set_hyper(&mut self, hyper: ForestHyper) {
        let same_shape = ForestHyper {
            trees: self.hyper.trees,
            ..hyper
        };
        if same_shape != self.hyper {
            return;
        }
        self.hyper = hyper;
        if hyper.trees < self.trees.len() {
            self.trees.truncate(hyper.trees);
            self.out_of_bag.truncate(hyper.trees);
            self.scored.clear();
            self.drawn.clear();
            self.oob_sums.fill(0.0);
            self.oob_voters.fill(0);
            (0..self.trees.len()).for_each(|t| self.add_out_of_bag_votes(t));
        }
    }
}

/// Per class, adds `trees`' shares at each sorted position of a grid on (x₁, x₂) to `sums`,
/// tree after tree: a leaf covers a rectangle of cells, so each tree adds its leaves' shares
/// rectangle by rectangle ([`SortedGrid`]) instead of walking down once per cell.
fn add_rectangle_sums(trees: &[Rc<Tree>], grid: &SortedGrid, sums: &mut [Vec<f64>]) {
    let mut shares = vec![0.0; sums.len()];
    for tree in trees {
        grid.for_each_leaf(tree.nodes(), |node, cells| {
            node.shares(&mut shares);
            for (plane, &share) in sums.iter_mut().zip(&shares) {
                for run in cells.runs() {
                    plane[run].iter_mut().for_each(|s| *s += share);
                }
            }
        });
    }
}

/// The mean of `trees`' class probabilities for a row (every class equally likely without
/// trees).
fn mean_proba(trees: &[Rc<Tree>], row: &[f64], out: &mut [f64]) {
    if trees.is_empty() {
        out.fill(1.0 / out.len() as f64);
        return;
    }
    out.fill(0.0);
    let mut one = vec![0.0; out.len()];
    for tree in trees {
        tree.proba_of(row, &mut one);
        out.iter_mut().zip(&one).for_each(|(o, p)| *o += p);
    }
    let count = trees.len() as f64;
    out.iter_mut().for_each(|o| *o /= count);
}

/// Every tree's questions and leaves, trees numbered from 1 and nodes from 0 as in one tree:
/// "tree 3 · node 2: x₁ ≤" (the threshold), "tree 3 · leaf 5: share of orange".
fn tree_parameters(t: usize, tree: &Tree, map: &FeatureMap) -> Vec<Parameter> {
    let p = |name: String, value: f64| Parameter {
        name,
        value,
        penalized: false,
    };
    let mut out = Vec::new();
    for (i, node) in tree.nodes().iter().enumerate() {
        match node.split {
            Some(s) => out.push(p(
                format!(
                    "tree {t} · {}",
                    s.name(i, &map.name(s.feature), |j| tree.nodes()[j].split.is_none())
                ),
                s.threshold,
            )),
            None => {
                let mut shares = vec![0.0; node.counts.len()];
                node.shares(&mut shares);
                for (c, share) in shares.into_iter().enumerate() {
                    out.push(p(
                        format!("tree {t} · leaf {i}: share of {}", class_name(c)),
                        share,
                    ));
                }
            }
        }
    }
    out
}

impl Model for Forest {
    type Hyper = ForestHyper;
    type Samples = PlaneSet;

    /// `seed` draws the bootstrap samples and the features of each split.
    fn new(hyper: &ForestHyper, train: &PlaneSet, seed: u64) -> Self {
        Forest::new(*hyper, &train.points, train.classes, seed)
    }

    /// Grows one tree.
    fn step(&mut self) -> Progress {
        Forest::step(self)
    }

    /// Trees grown.
    fn steps(&self) -> u64 {
        self.trees.len() as u64
    }

    fn is_finished(&self) -> Option<bool> {
        Some(self.trees.len() >= self.hyper.trees)
    }

    /// Once it has a tree to vote.
    fn predicts(&self) -> bool {
        !self.trees.is_empty()
    }

    /// Only the number of trees ([`Forest::set_hyper`]).
    fn retune(&mut self, hyper: &ForestHyper) {
        self.set_hyper(*hyper);
    }

    fn score(&self, samples: &PlaneSet) -> Score {
        let probs = self.proba_points(&samples.points);
        class_score(&samples.points, samples.classes, &probs)
    }

    fn parameters(&self) -> Vec<Parameter> {
        (self.trees.iter().enumerate())
            .flat_map(|(t, tree)| tree_parameters(t + 1, tree, &self.map))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::classification::{generate, Pattern};
    use crate::ml::model::fit;
    use crate::ml::tree::Criterion;

    fn tree_hyper(depth: Option<usize>) -> TreeHyper {
        TreeHyper::new(depth, 1, Criterion::Gini).unwrap()
    }

    fn grid() -> (Vec<f64>, Vec<f64>) {
        let x1s = (0..23).map(|i| -1.5 + 3.0 * i as f64 / 22.0).collect();
        // Rows top to bottom, as a screen draws them: the grid need not be ascending.
        let x2s = (0..17).map(|i| 1.5 - 3.0 * i as f64 / 16.0).collect();
        (x1s, x2s)
    }

    /// No tree, no vote: every point ties (its shares even, the log-loss ln K), and the forest
    /// says it predicts nothing yet; one tree and it does.
    #[test]
    fn a_forest_of_no_trees_predicts_nothing_yet() {
        let d = generate(Pattern::ThreeBlobs, 120, 0.4, 0.7, 8);
        let hyper = ForestHyper::new(5, tree_hyper(Some(2)), 1, 2, true).unwrap();
        let mut forest = <Forest as Model>::new(&hyper, &d.train_set(), 3);
        assert!(!forest.predicts());
        let score = Model::score(&forest, &d.train_set());
        assert!(
            (score.loss - (d.classes as f64).ln()).abs() < 1e-12,
            "{}",
            score.loss
        );
        Model::step(&mut forest);
        assert!(forest.predicts());
    }

    #[test]
    fn one_tree_without_bootstrap_on_every_feature_is_the_decision_tree() {
        for (pattern, depth) in [
            (Pattern::Moons, None),
            (Pattern::ThreeBlobs, Some(3)),
            (Pattern::Spiral, Some(6)),
        ] {
            let d = generate(pattern, 200, 0.4, 0.7, 8);
            let k = d.classes;
            let mut tree = Tree::new(tree_hyper(depth), &d.train, k);
            while tree.grow_level() {}
            let hyper = ForestHyper::new(1, tree_hyper(depth), 1, 2, false).unwrap();
            let forest: Forest = fit(&hyper, &d.train_set(), 99, 10);
            assert_eq!(forest.trees().len(), 1);
            assert_eq!(forest.trees()[0].nodes(), tree.nodes(), "{pattern:?}");
            let (x1s, x2s) = grid();
            let (mut a, mut b) = (vec![0.0; k], vec![0.0; k]);
            for &x2 in &x2s {
                for &x1 in &x1s {
                    forest.proba(x1, x2, &mut a);
                    tree.proba(x1, x2, &mut b);
                    assert_eq!(a, b);
                }
            }
        }
    }

    #[test]
    fn probabilities_sum_to_one_and_the_grid_matches_point_by_point() {
        let d = generate(Pattern::ThreeBlobs, 150, 0.6, 0.7, 3);
        for degree in [1, 3] {
            let hyper = ForestHyper::new(15, tree_hyper(Some(4)), degree, 2, true).unwrap();
            let forest: Forest = fit(&hyper, &d.train_set(), 5, 100);
            assert_eq!(forest.trees().len(), 15);
            let (x1s, x2s) = grid();
            let map = forest.proba_grid(&x1s, &x2s);
            let mut out = [0.0; 3];
            for (cell, want) in map.chunks(3).enumerate() {
                forest.proba(x1s[cell % x1s.len()], x2s[cell / x1s.len()], &mut out);
                assert_eq!(want, out, "degree {degree}, cell {cell}");
                assert!((out.iter().sum::<f64>() - 1.0).abs() < 1e-12);
            }
            let newest = forest.tree_proba_grid(14, &x1s, &x2s);
            for (cell, want) in newest.chunks(3).enumerate() {
                forest.tree_proba(14, x1s[cell % x1s.len()], x2s[cell / x1s.len()], &mut out);
                assert_eq!(want, out, "degree {degree}, cell {cell}");
            }
        }
    }

    #[test]
    fn each_split_considers_only_its_drawn_features() {
        // Two blobs: with one drawn feature per split, the roots ask about different features
        // (whichever was drawn), and with all features every root asks about the same best one.
        let d = generate(Pattern::Blobs, 200, 0.0, 0.7, 1);
        let roots = |max_features| {
            let hyper = ForestHyper::new(30, tree_hyper(Some(1)), 2, max_features, false).unwrap();
            let forest: Forest = fit(&hyper, &d.train_set(), 2, 100);
            let features: Vec<usize> = (forest.trees().iter())
                .map(|t| t.nodes()[0].split.unwrap().feature)
                .collect();
            features
        };
        let one = roots(1);
        let distinct = |fs: &[usize]| (0..5).filter(|f| fs.contains(f)).count();
        assert!(distinct(&one) >= 4, "{one:?}");
        let all = roots(5);
        assert_eq!(distinct(&all), 1, "{all:?}");
    }

    /// The out-of-bag error recomputed from its definition: each tree's sample redrawn from the
    /// tree's stream exactly as documented, each point's left-out trees found from it, their
    /// probabilities averaged.
    #[test]
    fn out_of_bag_error_by_its_definition() {
        let d = generate(Pattern::Moons, 40, 0.8, 0.5, 6);
        let n = d.train.len();
        let hyper = ForestHyper::new(7, tree_hyper(Some(2)), 1, 1, true).unwrap();
        let forest: Forest = fit(&hyper, &d.train_set(), 21, 100);
        let mut sums = vec![[0.0; 2]; n];
        let mut voters = vec![0; n];
        for (t, tree) in forest.trees().iter().enumerate() {
            let mut rng = seeded(21, TREE_STREAM + t as u64);
            let sample: Vec<u32> = (0..n).map(|_| rng.gen_range(0..n as u32)).collect();
            // The tree's root holds its sample: the class counts agree.
            let ones = sample.iter().filter(|&&i| d.train[i as usize].class == 1);
            assert_eq!(tree.nodes()[0].counts[1], ones.count());
            for (i, p) in d.train.iter().enumerate() {
                if !sample.contains(&(i as u32)) {
                    let mut out = [0.0; 2];
                    tree.proba(p.x1, p.x2, &mut out);
                    sums[i][0] += out[0];
                    sums[i][1] += out[1];
                    voters[i] += 1;
                }
            }
        }
        let judged: Vec<usize> = (0..n).filter(|&i| voters[i] > 0).collect();
        let wrong = judged
            .iter()
            .filter(|&&i| (sums[i][1] > sums[i][0]) as usize != d.train[i].class)
            .count();
        assert!(judged.len() > n / 2 && wrong > 0, "a non-trivial case");
        assert_eq!(forest.oob_error(), Some(wrong as f64 / judged.len() as f64));
        let no_bootstrap = ForestHyper::new(7, tree_hyper(Some(2)), 1, 1, false).unwrap();
        let plain: Forest = fit(&no_bootstrap, &d.train_set(), 21, 100);
        assert_eq!(plain.oob_error(), None);
    }

    #[test]
    fn out_of_bag_error_of_a_hand_made_case() {
        // Two trees by hand, on x₁ only (x₂ = 0): points 0, 1 of class 0 at x₁ = 0, 1 and
        // points 2, 3 of class 1 at x₁ = 2, 3.
        let pts: Vec<Point2> = (0..4)
            .map(|i| Point2 {
                x1: i as f64,
                x2: 0.0,
                class: (i >= 2) as usize,
            })
            .collect();
        let hyper = ForestHyper::new(2, tree_hyper(None), 1, 2, true).unwrap();
        let mut forest = Forest::new(hyper, &pts, 2, 0);
        let rows = Rc::clone(&forest.rows);
        let labels = Rc::clone(&forest.labels);
        let grown = |members: Vec<usize>| {
            let mut t = Tree::on_rows(tree_hyper(None), rows.clone(), labels.clone(), members, 2);
            while t.grow_level() {}
            Rc::new(t)
        };
        // Tree A drew {0, 0, 2, 3}: it splits at x₁ ≤ 1 (midway 0 … 2); left out: point 1.
        // Tree B drew {1, 1, 1, 3}: it splits at x₁ ≤ 2; left out: points 0 and 2.
        forest.trees = vec![grown(vec![0, 0, 2, 3]), grown(vec![1, 1, 1, 3])];
        forest.out_of_bag = vec![Rc::from(vec![1]), Rc::from(vec![0, 2])];
        (0..2).for_each(|t| forest.add_out_of_bag_votes(t));
        // Point 1 (x₁ = 1 ≤ 1): A says class 0, right. Point 0 (x₁ = 0 ≤ 2): B says 0, right.
        // Point 2 (x₁ = 2 ≤ 2): B says class 0, wrong. Point 3: never left out, not counted.
        assert_eq!(forest.oob_error(), Some(1.0 / 3.0));
    }

    #[test]
    fn more_trees_do_not_hurt_on_noisy_moons() {
        let d = generate(Pattern::Moons, 400, 0.6, 0.5, 12);
        let error = |trees| {
            let hyper = ForestHyper::new(trees, tree_hyper(None), 1, 1, true).unwrap();
            let forest: Forest = fit(&hyper, &d.train_set(), 4, 500);
            forest.score(&d.test_set()).error()
        };
        let (one, many) = (error(1), error(100));
        // One deep tree follows the noise; averaging 100 of them smooths it away.
        assert!(many <= one, "1 tree: {one}, 100 trees: {many}");
        assert!(many < 0.25, "{many}");
    }

    #[test]
    fn the_seed_decides_the_forest_and_fewer_trees_are_a_prefix() {
        let d = generate(Pattern::Xor, 120, 0.3, 0.7, 2);
        let hyper = ForestHyper::new(10, tree_hyper(Some(3)), 2, 2, true).unwrap();
        let a: Forest = fit(&hyper, &d.train_set(), 1, 100);
        let b: Forest = fit(&hyper, &d.train_set(), 1, 100);
        let c: Forest = fit(&hyper, &d.train_set(), 2, 100);
        assert_eq!(a, b);
        assert_ne!(a.trees(), c.trees());
        // Retuning to 4 trees keeps the first 4: the forest a new 4-tree model grows.
        let small = ForestHyper::new(4, tree_hyper(Some(3)), 2, 2, true).unwrap();
        let mut cut = a.clone();
        cut.retune(&small);
        assert_eq!(cut, fit::<Forest>(&small, &d.train_set(), 1, 100));
        assert_eq!((cut.steps(), cut.step()), (4, Progress::Finished));
        // A change of shape is ignored.
        let deeper = ForestHyper::new(4, tree_hyper(Some(5)), 2, 2, true).unwrap();
        cut.retune(&deeper);
        assert_eq!(cut.hyper, small);
    }

    #[test]
    fn parameters_name_each_tree_question_and_leaf() {
        let d = generate(Pattern::Blobs, 100, 0.2, 0.7, 3);
        let hyper = ForestHyper::new(2, tree_hyper(Some(1)), 1, 2, false).unwrap();
        let forest: Forest = fit(&hyper, &d.train_set(), 0, 100);
        let params = forest.parameters();
        // Two stumps: a threshold and two leaves of two class shares each.
        assert_eq!(params.len(), 2 * (1 + 2 * 2));
        assert!(
            params[0].name.starts_with("tree 1 · node 0: x"),
            "{}",
            params[0].name
        );
        assert_eq!(params[1].name, "tree 1 · leaf 1: share of blue");
        assert!(params[5].name.starts_with("tree 2 · node 0: x"));
    }

    #[test]
    fn invalid_hyperparameters_are_rejected() {
        let t = tree_hyper(None);
        assert!(ForestHyper::new(0, t, 1, 1, true).is_err());
        assert!(ForestHyper::new(MAX_TREES + 1, t, 1, 1, true).is_err());
        assert!(ForestHyper::new(10, t, 0, 1, true).is_err());
        assert!(ForestHyper::new(10, t, MAX_FEATURE_DEGREE + 1, 1, true).is_err());
        assert!(ForestHyper::new(10, t, 1, 0, true).is_err());
        assert!(ForestHyper::new(10, t, 1, 3, true).is_err()); // (x₁, x₂) has two features
        assert!(ForestHyper::new(10, t, 2, 5, true).is_ok()); // x₁, x₂, x₁², x₁x₂, x₂²
        assert!(ForestHyper::new(MAX_TREES, t, 1, 2, false).is_ok());
    }

    #[test]
    fn scores_kept_as_trees_are_added_equal_scoring_from_scratch() {
        let d = generate(Pattern::Moons, 120, 0.3, 0.7, 5);
        let hyper = ForestHyper::new(12, tree_hyper(Some(3)), 2, 2, true).unwrap();
        let mut forest = Forest::new(hyper, &d.train, 2, 3);
        let one_by_one = |f: &Forest, points: &[Point2]| {
            let mut all = Vec::new();
            let mut one = [0.0; 2];
            for p in points {
                f.proba(p.x1, p.x2, &mut one);
                all.extend_from_slice(&one);
            }
            all
        };
        // Scored and drawn after every tree, two sets in turn (as a lab scores training and test
        // points), the map kept on the plane's own features.
        let plane = ForestHyper::new(12, tree_hyper(Some(3)), 1, 2, true).unwrap();
        let mut on_plane = Forest::new(plane, &d.train, 2, 3);
        let (x1s, x2s) = grid();
        let cells: Vec<Point2> = (0..x1s.len() * x2s.len())
            .map(|c| Point2 {
                x1: x1s[c % x1s.len()],
                x2: x2s[c / x1s.len()],
                class: 0,
            })
            .collect();
        while forest.step() == Progress::Trained {
            on_plane.step();
            for set in [&d.train, &d.test] {
                assert_eq!(forest.proba_points(set), one_by_one(&forest, set));
            }
            assert_eq!(
                on_plane.proba_grid(&x1s, &x2s),
                one_by_one(&on_plane, &cells)
            );
        }
        // A copy scores as the original; cut to 5 trees and grown again, still from scratch.
        let copy = forest.clone();
        assert_eq!(copy.proba_points(&d.test), one_by_one(&forest, &d.test));
        forest.set_hyper(ForestHyper::new(5, tree_hyper(Some(3)), 2, 2, true).unwrap());
        assert_eq!(forest.proba_points(&d.test), one_by_one(&forest, &d.test));
        forest.set_hyper(hyper);
        while forest.step() == Progress::Trained {}
        assert_eq!(forest.proba_points(&d.test), one_by_one(&forest, &d.test));
        assert_eq!(forest, copy, "the same trees (the cache is not compared)");
    }

    #[test]
    fn scoring_many_points_tree_by_tree_equals_one_point_at_a_time() {
        let d = generate(Pattern::ThreeBlobs, 120, 0.4, 0.7, 5);
        for degree in [1, 3] {
            let hyper = ForestHyper::new(7, tree_hyper(Some(3)), degree, 2, true).unwrap();
            let mut forest = Forest::new(hyper, &d.train, 3, 11);
            assert_eq!(
                forest.proba_points(&d.test),
                vec![1.0 / 3.0; d.test.len() * 3]
            );
            while forest.step() == Progress::Trained {}
            let many = forest.proba_points(&d.test);
            let mut one = [0.0; 3];
            for (p, expected) in d.test.iter().zip(many.chunks(3)) {
                forest.proba(p.x1, p.x2, &mut one);
                assert_eq!(&one[..], expected, "degree {degree}: bit for bit");
            }
        }
    }
}
