//! Gradient boosting of regression trees for classification with log-loss, as scikit-learn's
//! `GradientBoostingClassifier`: each round adds small trees that correct what the rounds before
//! got wrong.
//!
//! **Parameters learned from data**: the initial scores and, for every round, the trees' questions
//! (feature and threshold) and leaf values.
//! **Hyperparameters**: the number of rounds, the learning rate (shrinkage) η, each tree's
//! maximum depth and minimum samples per leaf, and the subsample share s of training points each
//! round sees.
//!
//! **The model.** Two classes: one raw score F(x), the log-odds, and p(class 1) = 1/(1 + e^(−F)).
//! K ≥ 3 classes: one raw score Fₖ(x) per class and pₖ = softmax(F)ₖ. Scores start at the log of
//! the class priors, centred as scikit-learn centres them (ln pₖ minus the mean of the ln pⱼ: the
//! softmax is the same for any added constant, and so the raw scores equal its
//! `decision_function`); two classes start at the prior log-odds ln(p₁/p₀). Priors are clipped
//! to [ε, 1 − ε] so a missing class stays finite. Each round adds η × its trees' leaf values.
//!
//! **A round** (one step): draw ⌊s·n⌋ training points (at least one) without replacement (all when s = 1);
//! compute every point's probabilities p from the current scores; for each score (one for two
//! classes, K for K classes) take the negative gradient of the log-loss, the residual r = y − p
//! (y = 1 for the point's class, else 0), and fit a regression tree to it by squared error on the
//! drawn points; then replace each leaf's value by one Newton step on the drawn points in it,
//! Σr / Σp(1 − p) for two classes and (K − 1)/K · Σr / Σp(1 − p) for K classes (Friedman's
//! Σr / Σ|r|(1 − |r|), the same number; 0 when the denominator is below 10⁻¹⁵⁰); finally add
//! η × leaf value to the scores of every training point.
//!
//! Splits are on (x₁, x₂). Classification only: on a regression surface (`values`) boosting
//! ignores the numbers and learns the points' classes.

use super::activation::softmax;
use super::leaf_grid::SortedGrid;
use super::model::{Model, Parameter, Progress, Score};
use super::plane_model::{class_score, PlaneSet};
use super::regression_tree::{RegressionHyper, RegressionTree};
use super::rows::{FeatureMap, Rows};
use super::sum_cache::{GridCache, SumCache};
use crate::data::classification::{class_name, Point2};
use crate::data::rng::seeded;
use rand::seq::SliceRandom;
use std::rc::Rc;

pub const MAX_ROUNDS: usize = 500;

/// Round r draws its subsample from stream `ROUND_STREAM + r`.
const ROUND_STREAM: u64 = 2 << 32;

/// Valid by construction: 1 … [`MAX_ROUNDS`] rounds, 0 < learning rate ≤ 1, 0 < subsample ≤ 1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BoostingHyper {
    rounds: usize,
    learning_rate: f64,
    tree: RegressionHyper,
    subsample: f64,
}

impl BoostingHyper {
    pub fn new(
        rounds: usize,
        learning_rate: f64,
        max_depth: Option<usize>,
        min_leaf: usize,
        subsample: f64,
    ) -> Result<Self, String> {
        if !(1..=MAX_ROUNDS).contains(&rounds) {
            return Err(format!(
                "number of rounds must be 1 … {MAX_ROUNDS}, got {rounds}"
            ));
        }
        if !(learning_rate > 0.0 && learning_rate <= 1.0) {
            return Err(format!(
                "learning rate must be in (0, 1], got {learning_rate}"
            ));
        }
        if !(subsample > 0.0 && subsample <= 1.0) {
            return Err(format!("subsample must be in (0, 1], got {subsample}"));
        }
        Ok(BoostingHyper {
            rounds,
            learning_rate,
            tree: RegressionHyper::new(max_depth, min_leaf)?,
            subsample,
        })
    }
    pub fn rounds(&self) -> usize {
        self.rounds
    }
    pub fn learning_rate(&self) -> f64 {
        self.learning_rate
    }
}

/// A boosted ensemble being trained, one round per step.
#[derive(Clone, Debug, PartialEq)]
pub struct Boosting {
    hyper: BoostingHyper,
    seed: u64,
    classes: usize,
    /// The training rows, labels and rounds never change once made, so copies of the model (the
    /// UI copies it every frame) share them.
    rows: Rc<Rows>,
    labels: Rc<[usize]>,
    /// The starting scores: the prior log-odds (two classes) or the log priors.
    init: Vec<f64>,
    /// Each round's trees, one per score.
    rounds: Vec<Rc<[RegressionTree]>>,
    /// The training points' current scores, `outputs()` per point.
    scores: Vec<f64>,
    /// Per point set scored, the raw scores over the rounds counted so far
    /// ([`Boosting::proba_points`]).
    scored: SumCache,
    /// The last decision map's scores so far ([`Boosting::proba_grid`]).
    drawn: GridCache,
}

impl Boosting {
    /// No rounds yet: the scores are the priors'.
    pub fn new(hyper: BoostingHyper, train: &[Point2], classes: usize, seed: u64) -> Self {
        let labels: Rc<[usize]> = train.iter().map(|p| p.class).collect();
        let init = initial_scores(&labels, classes);
        let scores = init.repeat(labels.len());
        Boosting {
            hyper,
            seed,
            classes,
            rows: Rc::new(FeatureMap::new(1).rows(train)),
            labels,
            init,
            rounds: Vec::new(),
            scores,
            scored: SumCache::default(),
            drawn: GridCache::default(),
        }
    }

    /// Scores per point: one (the log-odds) for up to two classes, else one per class.
    pub fn outputs(&self) -> usize {
        self.init.len()
    }

    pub fn classes(&self) -> usize {
        self.classes
    }

    /// The hyperparameters it was built with.
    pub fn hyper(&self) -> &BoostingHyper {
        &self.hyper
    }

    /// The starting scores (before any round).
    pub fn init(&self) -> &[f64] {
        &self.init
    }

    /// Each round's trees (one per score); their leaf values are Newton steps, which the ensemble
    /// adds times the learning rate.
    pub fn rounds(&self) -> &[Rc<[RegressionTree]>] {
        &self.rounds
    }

    /// Adds one round; `Finished` once all rounds are done.
    pub fn step(&mut self) -> Progress {
        if self.rounds.len() >= self.hyper.rounds {
            return Progress::Finished;
        }
        let drawn = self.subsample();
        let outs = self.outputs();
        let probs = self.training_probabilities();
        let mut trees = Vec::with_capacity(outs);
        // For each tree, the leaf every training point reaches.
        let mut leaves = Vec::with_capacity(outs);
        for k in 0..outs {
            let (residuals, hessians) = self.residuals(&probs, k);
            let mut tree = RegressionTree::fit(self.hyper.tree, &self.rows, &drawn, &residuals);
            let leaf: Vec<usize> = (0..self.labels.len())
                .map(|i| tree.leaf_index(self.rows.row(i)))
                .collect();
            newton_leaves(&mut tree, &leaf, &drawn, &residuals, &hessians, outs);
            trees.push(tree);
            leaves.push(leaf);
        }
        let eta = self.hyper.learning_rate;
        for (i, scores) in self.scores.chunks_mut(outs).enumerate() {
            for ((s, tree), leaf) in scores.iter_mut().zip(&trees).zip(&leaves) {
                *s += eta * tree.nodes()[leaf[i]].value;
            }
        }
        self.rounds.push(trees.into());
        Progress::Trained
    }

    /// Takes the starting scores and the rounds of a saved model (the caller checks their shape:
    /// `outputs()` scores and trees per round, at most the rounds the hyperparameters allow), so
    /// it predicts exactly as that model did; the training points' scores are worked out again.
    pub fn restore(&mut self, init: Vec<f64>, rounds: Vec<Vec<RegressionTree>>) {
        debug_assert_eq!(init.len(), self.init.len());
        self.init = init;
        self.rounds = rounds.into_iter().map(Into::into).collect();
        self.rescore();
    }

    /// The points this round learns from, ascending.
    fn subsample(&self) -> Vec<usize> {
        let n = self.labels.len();
        let mut all: Vec<usize> = (0..n).collect();
        if self.hyper.subsample >= 1.0 {
            return all;
        }
        let keep = points_per_round(self.hyper.subsample, n);
        let mut rng = seeded(self.seed, ROUND_STREAM + self.rounds.len() as u64);
        let mut drawn = all.partial_shuffle(&mut rng, keep).0.to_vec();
        drawn.sort_unstable();
        drawn
    }

    /// Every training point's class probabilities from its current scores, `classes` per point
    /// (two for the log-odds).
    fn training_probabilities(&self) -> Vec<f64> {
        let k = self.classes.max(2);
        let mut probs = vec![0.0; self.labels.len() * k];
        for (p, s) in probs.chunks_mut(k).zip(self.scores.chunks(self.outputs())) {
            probabilities(s, p);
        }
        probs
    }

    /// For score `k` (class k, or class 1 for the log-odds): each point's residual y − p and
    /// p(1 − p).
    fn residuals(&self, probs: &[f64], k: usize) -> (Vec<f64>, Vec<f64>) {
        let class = if self.outputs() == 1 { 1 } else { k };
        let width = self.classes.max(2);
        (probs.chunks(width).zip(self.labels.iter()))
            .map(|(p, &y)| {
                let p = p[class];
                ((y == class) as usize as f64 - p, p * (1.0 - p))
            })
            .unzip()
    }

    /// Round `round`'s contribution at (x₁, x₂) into `out` (`outputs()` long): the learning rate
    /// times each of its trees' leaf values.
    pub fn contribution(&self, round: usize, x1: f64, x2: f64, out: &mut [f64]) {
        for (o, tree) in out.iter_mut().zip(self.rounds[round].iter()) {
            *o = self.hyper.learning_rate * tree.predict(&[x1, x2]);
        }
    }

    /// The raw scores at (x₁, x₂) into `out` (`outputs()` long): the starting scores plus every
    /// round's contribution.
    pub fn scores(&self, x1: f64, x2: f64, out: &mut [f64]) {
        out.copy_from_slice(&self.init);
        for trees in &self.rounds {
            for (o, tree) in out.iter_mut().zip(trees.iter()) {
                *o += self.hyper.learning_rate * tree.predict(&[x1, x2]);
            }
        }
    }

    /// The class probabilities at (x₁, x₂) into `out` (`classes` long).
    pub fn proba(&self, x1: f64, x2: f64, out: &mut [f64]) {
        let mut scores = vec![0.0; self.outputs()];
        self.scores(x1, x2, &mut scores);
        probabilities(&scores, out);
    }

    /// The probabilities at many points, `classes` per point: the same numbers as
    /// [`Boosting::proba`] at each (the same additions in the same order), the raw scores kept
    /// per point set so that only the rounds added since are walked ([`SumCache`]: scoring the
    /// training and test points after every round was most of what a step of the lab cost).
    pub fn proba_points(&self, points: &[Point2]) -> Vec<f64> {
        let (outputs, k) = (self.outputs(), self.classes);
        let mut out = vec![0.0; points.len() * k];
        if self.rounds.is_empty() {
            out.chunks_mut(k).for_each(|o| probabilities(&self.init, o));
            return out;
        }
        let rate = self.hyper.learning_rate;
        let add = |from: usize, sums: &mut [f64]| {
            if from == 0 {
                sums.chunks_mut(outputs)
                    .for_each(|s| s.copy_from_slice(&self.init));
            }
            for (p, s) in points.iter().zip(sums.chunks_mut(outputs)) {
                for trees in &self.rounds[from..] {
                    for (s, tree) in s.iter_mut().zip(trees.iter()) {
                        *s += rate * tree.predict(&[p.x1, p.x2]);
                    }
                }
            }
        };
        let scores = self.scored.sums(points, outputs, self.rounds.len(), add);
        for (s, o) in scores.chunks(outputs).zip(out.chunks_mut(k)) {
            probabilities(s, o);
        }
        out
    }

    /// The probabilities at every (`x1s[col]`, `x2s[row]`), row after row, `classes` per cell: the
    /// decision map, the same numbers as [`Boosting::proba`] at each cell.
    /// The scores are kept between maps of the same grid ([`GridCache`]), so a map redrawn after
    /// a new round adds only that round's leaves.
    pub fn proba_grid(&self, x1s: &[f64], x2s: &[f64]) -> Vec<f64> {
        let grid = SortedGrid::new(x1s, x2s);
        let start = || self.score_planes(&grid, &self.init, &[]);
        let add = |from: usize, planes: &mut [Vec<f64>]| {
            self.add_rounds(&grid, planes, &self.rounds[from..])
        };
        let planes = self.drawn.planes(x1s, x2s, self.rounds.len(), start, add);
        Boosting::by_cell(&grid, &planes, self.classes, probabilities)
    }

    /// Round `round`'s contribution at every cell, `outputs()` per cell, row after row: the same
    /// numbers as [`Boosting::contribution`] at each cell.
    pub fn contribution_grid(&self, round: usize, x1s: &[f64], x2s: &[f64]) -> Vec<f64> {
        let grid = SortedGrid::new(x1s, x2s);
        let zeros = vec![0.0; self.outputs()];
        let planes = self.score_planes(&grid, &zeros, &self.rounds[round..=round]);
        Boosting::by_cell(&grid, &planes, self.outputs(), |scores, out| {
            out.copy_from_slice(scores)
        })
    }

    /// For each score, `start` plus the learning rate times the leaf values of `rounds`' trees at
    /// each sorted position of the grid: each tree walked once for the whole grid, adding its
    /// leaves' values rectangle by rectangle ([`SortedGrid`]).
    fn score_planes(
        &self,
        grid: &SortedGrid,
        start: &[f64],
        rounds: &[Rc<[RegressionTree]>],
    ) -> Vec<Vec<f64>> {
        let mut planes: Vec<Vec<f64>> = start.iter().map(|&s| vec![s; grid.len()]).collect();
        self.add_rounds(grid, &mut planes, rounds);
        planes
    }

    /// Adds the learning rate times the leaf values of `rounds`' trees to the planes, round
    /// after round.
    fn add_rounds(
        &self,
        grid: &SortedGrid,
        planes: &mut [Vec<f64>],
        rounds: &[Rc<[RegressionTree]>],
    ) {
        let eta = self.hyper.learning_rate;
        for trees in rounds {
            for (plane, tree) in planes.iter_mut().zip(trees.iter()) {
                grid.for_each_leaf(tree.nodes(), |leaf, cells| {
                    let add = eta * leaf.value;
                    for run in cells.runs() {
                        plane[run].iter_mut().for_each(|s| *s += add);
                    }
                });
            }
        }
    }

    /// `each(scores, out)` at every cell of the grid, `width` numbers out per cell, in the
    /// caller's cell order.
    fn by_cell(
        grid: &SortedGrid,
        planes: &[Vec<f64>],
        width: usize,
        each: impl Fn(&[f64], &mut [f64]),
    ) -> Vec<f64> {
        let mut out = vec![0.0; grid.len() * width];
        let mut scores = vec![0.0; planes.len()];
        for position in 0..grid.len() {
            scores
                .iter_mut()
                .zip(planes)
                .for_each(|(s, p)| *s = p[position]);
            let cell = grid.cell(position);
            each(&scores, &mut out[cell * width..(cell + 1) * width]);
        }
        out
    }

    /// Takes a new number of rounds when nothing else changed: more lets training go on, fewer
    /// keeps the first ones (the same model as a new one with that many rounds). Anything else
    /// changes the trees and needs a new model: ignored.
    pub fn set_hyper(&mut self, hyper: BoostingHyper) {
        let same_shape = BoostingHyper {
            rounds: self.hyper.rounds,
            ..hyper
        };
        if same_shape != self.hyper {
            return;
        }
        self.hyper = hyper;
        if self.rounds.len() > hyper.rounds {
            self.rounds.truncate(hyper.rounds);
            self.scored.clear();
            self.drawn.clear();
            self.rescore();
        }
    }

    /// The training points' scores recomputed from the rounds kept, in the order they were added.
    fn rescore(&mut self) {
        let outs = self.outputs();
        self.scores = self.init.repeat(self.labels.len());
        for (i, scores) in self.scores.chunks_mut(outs).enumerate() {
            for trees in &self.rounds {
                for (s, tree) in scores.iter_mut().zip(trees.iter()) {
                    *s += self.hyper.learning_rate * tree.predict(self.rows.row(i));
                }
            }
        }
    }
}

/// Sets each leaf of a tree for one of `outputs` scores to its Newton step on the drawn points
/// in it (`leaf[i]`: the leaf point i reaches).
fn newton_leaves(
    tree: &mut RegressionTree,
    leaf: &[usize],
    drawn: &[usize],
    residuals: &[f64],
    hessians: &[f64],
    outputs: usize,
) {
    let nodes = tree.nodes().len();
    let (mut num, mut den) = (vec![0.0; nodes], vec![0.0; nodes]);
    for &i in drawn {
        num[leaf[i]] += residuals[i];
        den[leaf[i]] += hessians[i];
    }
    let k = outputs as f64;
    let factor = if outputs == 1 { 1.0 } else { (k - 1.0) / k };
    for id in 0..nodes {
        if tree.nodes()[id].split.is_none() {
            let step = if den[id].abs() < 1e-150 {
                0.0
            } else {
                factor * num[id] / den[id]
            };
            tree.set_value(id, step);
        }
    }
}

/// ln(p₁/p₀) for up to two classes, else ln pₖ for each class, with the priors pₖ clipped to
/// [ε, 1 − ε].
fn initial_scores(labels: &[usize], classes: usize) -> Vec<f64> {
    let n = labels.len().max(1) as f64;
    let prior = |k: usize| {
        let share = labels.iter().filter(|&&y| y == k).count() as f64 / n;
        share.clamp(f64::EPSILON, 1.0 - f64::EPSILON)
    };
    if classes <= 2 {
        let p1 = prior(1);
        vec![libm::log(p1 / (1.0 - p1))]
    } else {
        let logs: Vec<f64> = (0..classes).map(|k| libm::log(prior(k))).collect();
        let mean = logs.iter().sum::<f64>() / classes as f64;
        logs.iter().map(|l| l - mean).collect()
    }
}

/// Class probabilities from raw scores: (1 − σ(F), σ(F)) for one score, the softmax for several.
/// With one class (`out` of length 1) it is the probability of class 0.
fn probabilities(scores: &[f64], out: &mut [f64]) {
    if let [log_odds] = scores {
        let mut two = [0.0, *log_odds];
        softmax(&mut two);
        out.copy_from_slice(&two[..out.len()]);
    } else {
        out.copy_from_slice(scores);
        softmax(out);
    }
}

impl Model for Boosting {
    type Hyper = BoostingHyper;
    type Samples = PlaneSet;

    /// `seed` draws each round's subsample (unused when the subsample is 1).
    fn new(hyper: &BoostingHyper, train: &PlaneSet, seed: u64) -> Self {
        Boosting::new(*hyper, &train.points, train.classes, seed)
    }

    /// Adds one round.
    fn step(&mut self) -> Progress {
        Boosting::step(self)
    }

    /// Rounds done.
    fn steps(&self) -> u64 {
        self.rounds.len() as u64
    }

    fn is_finished(&self) -> Option<bool> {
        Some(self.rounds.len() >= self.hyper.rounds)
    }

    /// Only the number of rounds ([`Boosting::set_hyper`]).
    fn retune(&mut self, hyper: &BoostingHyper) {
        self.set_hyper(*hyper);
    }

    fn score(&self, samples: &PlaneSet) -> Score {
        let probs = self.proba_points(&samples.points);
        class_score(&samples.points, samples.classes, &probs)
    }

    /// The starting scores ("prior log-odds", or "blue: log prior"), then each round's trees,
    /// rounds numbered from 1 and nodes from 0: "round 3 · node 2: x₁ ≤ (yes: leaf 5, no: leaf 6)"
    /// (the threshold) and
    /// "round 3 · leaf 4: value" (the Newton step), with the class ("· blue") after the round for
    /// K classes.
    fn parameters(&self) -> Vec<Parameter> {
        let p = |name: String, value: f64| Parameter {
            name,
            value,
            penalized: false,
        };
        let mut out: Vec<Parameter> = if self.outputs() == 1 {
            vec![p("prior log-odds".into(), self.init[0])]
        } else {
            (self.init.iter().enumerate())
                .map(|(k, &v)| p(format!("{}: log prior", class_name(k)), v))
                .collect()
        };
        let names = FeatureMap::new(1);
        for (r, trees) in self.rounds.iter().enumerate() {
            for (k, tree) in trees.iter().enumerate() {
                let prefix = if self.outputs() == 1 {
                    format!("round {}", r + 1)
                } else {
                    format!("round {} · {}", r + 1, class_name(k))
                };
                for (i, node) in tree.nodes().iter().enumerate() {
                    out.push(match node.split {
                        Some(s) => p(
                            format!(
                                "{prefix} · {}",
                                s.name(i, &names.name(s.feature), |j| tree.nodes()[j]
                                    .split
                                    .is_none())
                            ),
                            s.threshold,
                        ),
                        None => p(format!("{prefix} · leaf {i}: value"), node.value),
                    });
                }
            }
        }
        out
    }
}

/// How many of `n` training points each round learns from at a `subsample` share: the share,
/// rounded down, at least one (all at a share of 1).
pub fn points_per_round(subsample: f64, n: usize) -> usize {
    match subsample >= 1.0 {
        true => n,
        false => ((subsample * n as f64) as usize).max(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::classification::{generate, Pattern};
    use crate::ml::model::fit;

    fn on_a_line(classes: &[usize]) -> Vec<Point2> {
        (classes.iter().enumerate())
            .map(|(i, &class)| Point2 {
                x1: i as f64,
                x2: 0.0,
                class,
            })
            .collect()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn first_binary_round_by_hand() {
        // Classes 0, 1, 1, 1 at x₁ = 0 … 3. Prior p₁ = 3/4: start at ln(3/4 / 1/4) = ln 3, p = 3/4
        // everywhere, residuals −3/4, 1/4, 1/4, 1/4. The stump cuts at x₁ ≤ 0.5 (both sides
        // constant). Newton steps, p(1 − p) = 3/16 per point: left (−3/4)/(3/16) = −4, right
        // (3/4)/(9/16) = 4/3. With η = 1/2: scores ln 3 − 2 and ln 3 + 2/3.
        let pts = on_a_line(&[0, 1, 1, 1]);
        let hyper = BoostingHyper::new(1, 0.5, Some(1), 1, 1.0).unwrap();
        let mut m = Boosting::new(hyper, &pts, 2, 0);
        assert!(close(m.init()[0], 3f64.ln()));
        assert_eq!(m.step(), Progress::Trained);
        assert_eq!(m.step(), Progress::Finished);
        let nodes = m.rounds()[0][0].nodes();
        let split = nodes[0].split.unwrap();
        assert_eq!((split.feature, split.threshold), (0, 0.5));
        assert!(close(nodes[split.left].value, -4.0) && close(nodes[split.right].value, 4.0 / 3.0));
        let sigmoid = |f: f64| 1.0 / (1.0 + (-f).exp());
        let mut out = [0.0; 2];
        for (x1, score) in [(0.0, 3f64.ln() - 2.0), (2.0, 3f64.ln() + 2.0 / 3.0)] {
            m.proba(x1, 0.0, &mut out);
            assert!(close(out[1], sigmoid(score)) && close(out[0] + out[1], 1.0));
        }
        let names: Vec<String> = m.parameters().into_iter().map(|p| p.name).collect();
        assert_eq!(
            names,
            [
                "prior log-odds",
                "round 1 · node 0: x₁ ≤ (yes: leaf 1, no: leaf 2)",
                "round 1 · leaf 1: value",
                "round 1 · leaf 2: value"
            ]
        );
    }

    #[test]
    fn first_three_class_round_by_hand() {
        // Classes 0, 1, 2, 2 at x₁ = 0 … 3: priors 1/4, 1/4, 1/2 are the starting
        // probabilities. Residuals: class 0 (3/4, −1/4, −1/4, −1/4), cut at 0.5; class 1
        // (−1/4, 3/4, −1/4, −1/4), cut at 1.5 (squared error 1/2 against 2/3 for 0.5 or 2.5);
        // class 2 (−1/2, −1/2, 1/2, 1/2), cut at 1.5. Leaves: (K − 1)/K = 2/3 times Σr / Σp(1 − p).
        let pts = on_a_line(&[0, 1, 2, 2]);
        let hyper = BoostingHyper::new(1, 1.0, Some(1), 1, 1.0).unwrap();
        let mut m = Boosting::new(hyper, &pts, 3, 0);
        // Starting scores ln pₖ less their mean, (2·ln ¼ + ln ½)/3 = −(5/3)·ln 2.
        let mean = -5.0 / 3.0 * 2f64.ln();
        assert!(close(m.init()[0], 0.25f64.ln() - mean) && close(m.init()[2], 0.5f64.ln() - mean));
        m.step();
        let want = [
            (0.5, 2.0 / 3.0 * 0.75 / 0.1875, 2.0 / 3.0 * -0.75 / 0.5625), // 8/3, −8/9
            (1.5, 2.0 / 3.0 * 0.5 / 0.375, 2.0 / 3.0 * -0.5 / 0.375),     // 8/9, −8/9
            (1.5, 2.0 / 3.0 * (-1.0 / 0.5), 2.0 / 3.0 * (1.0 / 0.5)),     // −4/3, 4/3
        ];
        for (tree, (threshold, left, right)) in m.rounds()[0].iter().zip(want) {
            let s = tree.nodes()[0].split.unwrap();
            assert_eq!(s.threshold, threshold);
            assert!(close(tree.nodes()[s.left].value, left), "{tree:?}");
            assert!(close(tree.nodes()[s.right].value, right), "{tree:?}");
        }
        let mut c = [0.0; 3];
        m.contribution(0, 0.0, 0.0, &mut c);
        assert!(close(c[0], 8.0 / 3.0) && close(c[1], 8.0 / 9.0) && close(c[2], -4.0 / 3.0));
    }

    /// Boosting with stumps written out independently: the best stump by brute force over every
    /// midpoint, each side's squared error summed directly; Newton leaves; scores as plain sums.
    fn reference(
        train: &[Point2],
        classes: usize,
        rounds: usize,
        eta: f64,
        min_leaf: usize,
    ) -> impl Fn(f64, f64) -> Vec<f64> {
        let n = train.len();
        let outs = if classes == 2 { 1 } else { classes };
        let prior = |c: usize| train.iter().filter(|p| p.class == c).count() as f64 / n as f64;
        let init: Vec<f64> = if outs == 1 {
            vec![(prior(1) / prior(0)).ln()]
        } else {
            let logs: Vec<f64> = (0..classes).map(|k| prior(k).ln()).collect();
            let mean = logs.iter().sum::<f64>() / classes as f64;
            logs.iter().map(|l| l - mean).collect()
        };
        let probs = move |s: &[f64]| -> Vec<f64> {
            if outs == 1 {
                let p1 = 1.0 / (1.0 + (-s[0]).exp());
                vec![1.0 - p1, p1]
            } else {
                let e: Vec<f64> = s.iter().map(|v| v.exp()).collect();
                let total: f64 = e.iter().sum();
                e.iter().map(|v| v / total).collect()
            }
        };
        let x = |p: &Point2, f: usize| if f == 0 { p.x1 } else { p.x2 };
        let sse = |r: &[f64]| {
            let m = r.iter().sum::<f64>() / r.len() as f64;
            r.iter().map(|v| (v - m) * (v - m)).sum::<f64>()
        };
        let mut scores = vec![init.clone(); n];
        // (score, feature, threshold, left value, right value)
        let mut stumps: Vec<(usize, usize, f64, f64, f64)> = Vec::new();
        for _ in 0..rounds {
            let p: Vec<Vec<f64>> = scores.iter().map(|s| probs(s)).collect();
            let mut round = Vec::new();
            for k in 0..outs {
                let class = if outs == 1 { 1 } else { k };
                let r: Vec<f64> = (0..n)
                    .map(|i| (train[i].class == class) as u8 as f64 - p[i][class])
                    .collect();
                let mut best: Option<(f64, usize, f64)> = None;
                for f in 0..2 {
                    let mut values: Vec<f64> = train.iter().map(|q| x(q, f)).collect();
                    values.sort_by(f64::total_cmp);
                    values.dedup();
                    for w in values.windows(2) {
                        let t = (w[0] + w[1]) / 2.0;
                        let (l, rt): (Vec<usize>, Vec<usize>) =
                            (0..n).partition(|&i| x(&train[i], f) <= t);
                        if l.len() < min_leaf || rt.len() < min_leaf {
                            continue;
                        }
                        let pick = |side: &[usize]| side.iter().map(|&i| r[i]).collect::<Vec<_>>();
                        let cost = sse(&pick(&l)) + sse(&pick(&rt));
                        if best.is_none_or(|(b, _, _)| cost < b) {
                            best = Some((cost, f, t));
                        }
                    }
                }
                let (_, f, t) = best.unwrap();
                let factor = if outs == 1 {
                    1.0
                } else {
                    (outs as f64 - 1.0) / outs as f64
                };
                let newton = |left: bool| {
                    let side = (0..n).filter(|&i| (x(&train[i], f) <= t) == left);
                    let (num, den) = side.fold((0.0, 0.0), |(a, b), i| {
                        (a + r[i], b + p[i][class] * (1.0 - p[i][class]))
                    });
                    factor * num / den
                };
                round.push((k, f, t, newton(true), newton(false)));
            }
            for (i, s) in scores.iter_mut().enumerate() {
                for &(k, f, t, l, r) in &round {
                    s[k] += eta * if x(&train[i], f) <= t { l } else { r };
                }
            }
            stumps.extend(round);
        }
        move |x1, x2| {
            let mut s = init.clone();
            for &(k, f, t, l, r) in &stumps {
                let v = if f == 0 { x1 } else { x2 };
                s[k] += eta * if v <= t { l } else { r };
            }
            probs(&s)
        }
    }

    #[test]
    fn stumps_match_an_independent_implementation() {
        for (pattern, classes) in [(Pattern::Moons, 2), (Pattern::ThreeBlobs, 3)] {
            let d = generate(pattern, 60, 0.5, 0.7, 17);
            let hyper = BoostingHyper::new(12, 0.3, Some(1), 3, 1.0).unwrap();
            let model: Boosting = fit(&hyper, &d.train_set(), 0, 100);
            let want = reference(&d.train, classes, 12, 0.3, 3);
            let mut out = vec![0.0; classes];
            for q in d.test.iter().chain(&d.train) {
                model.proba(q.x1, q.x2, &mut out);
                let w = want(q.x1, q.x2);
                assert!(
                    out.iter().zip(&w).all(|(a, b)| close(*a, *b)),
                    "{pattern:?}: {out:?} vs {w:?}"
                );
            }
        }
    }

    #[test]
    fn the_grid_the_contributions_and_the_probabilities_agree() {
        let d = generate(Pattern::ThreeBlobs, 120, 0.6, 0.7, 4);
        let hyper = BoostingHyper::new(8, 0.2, Some(3), 2, 0.7).unwrap();
        let m: Boosting = fit(&hyper, &d.train_set(), 3, 100);
        let x1s: Vec<f64> = (0..19).map(|i| -1.5 + i as f64 / 6.0).collect();
        let x2s: Vec<f64> = (0..13).map(|i| 1.5 - i as f64 / 4.0).collect();
        let grid = m.proba_grid(&x1s, &x2s);
        let round_map = m.contribution_grid(7, &x1s, &x2s);
        let (mut out, mut scores, mut c) = ([0.0; 3], [0.0; 3], [0.0; 3]);
        for (cell, want) in grid.chunks(3).enumerate() {
            let (x1, x2) = (x1s[cell % x1s.len()], x2s[cell / x1s.len()]);
            m.proba(x1, x2, &mut out);
            assert_eq!(want, out);
            assert!(close(out.iter().sum(), 1.0));
            let mut sum = m.init().to_vec();
            for round in 0..8 {
                m.contribution(round, x1, x2, &mut c);
                sum.iter_mut().zip(c).for_each(|(s, c)| *s += c);
            }
            m.scores(x1, x2, &mut scores);
            assert_eq!(sum, scores);
            assert_eq!(&round_map[cell * 3..cell * 3 + 3], c); // round 8's, the last
        }
    }

    #[test]
    fn large_steps_and_deep_trees_overfit_where_small_steps_do_not() {
        let d = generate(Pattern::Moons, 300, 0.7, 0.5, 5);
        let run = |eta, depth| {
            let hyper = BoostingHyper::new(100, eta, Some(depth), 1, 1.0).unwrap();
            let m: Boosting = fit(&hyper, &d.train_set(), 0, 1000);
            (
                m.score(&d.train_set()).error(),
                m.score(&d.test_set()).error(),
            )
        };
        let (greedy_train, greedy_test) = run(1.0, 8);
        let (gentle_train, gentle_test) = run(0.05, 2);
        assert_eq!(greedy_train, 0.0);
        assert!(gentle_train > 0.0);
        assert!(greedy_test > gentle_test, "{greedy_test} vs {gentle_test}");
    }

    #[test]
    fn the_seed_draws_the_subsamples_and_fewer_rounds_are_a_prefix() {
        let d = generate(Pattern::Xor, 100, 0.3, 0.7, 2);
        let hyper = BoostingHyper::new(10, 0.3, Some(2), 1, 0.5).unwrap();
        let a: Boosting = fit(&hyper, &d.train_set(), 1, 100);
        assert_eq!(a, fit::<Boosting>(&hyper, &d.train_set(), 1, 100));
        assert_ne!(
            a.rounds(),
            fit::<Boosting>(&hyper, &d.train_set(), 2, 100).rounds()
        );
        // Without subsampling the seed plays no part.
        let all = BoostingHyper::new(10, 0.3, Some(2), 1, 1.0).unwrap();
        let one: Boosting = fit(&all, &d.train_set(), 1, 100);
        assert_eq!(
            one.rounds(),
            fit::<Boosting>(&all, &d.train_set(), 2, 100).rounds()
        );
        // Fewer rounds keep the first ones: the model a new one of that size learns.
        let short = BoostingHyper::new(4, 0.3, Some(2), 1, 0.5).unwrap();
        let mut cut = a.clone();
        cut.retune(&short);
        assert_eq!(cut, fit::<Boosting>(&short, &d.train_set(), 1, 100));
        // A new learning rate would change the model: ignored.
        cut.retune(&BoostingHyper::new(4, 0.9, Some(2), 1, 0.5).unwrap());
        assert_eq!(cut.hyper, short);
    }

    #[test]
    fn scores_kept_as_rounds_are_added_equal_scoring_from_scratch() {
        for (pattern, classes) in [(Pattern::Moons, 2), (Pattern::ThreeBlobs, 3)] {
            let d = generate(pattern, 120, 0.3, 0.7, 5);
            let hyper = BoostingHyper::new(9, 0.3, Some(2), 1, 0.8).unwrap();
            let mut model = Boosting::new(hyper, &d.train, classes, 3);
            let one_by_one = |m: &Boosting, points: &[Point2]| {
                let mut all = Vec::new();
                let mut one = vec![0.0; classes];
                for p in points {
                    m.proba(p.x1, p.x2, &mut one);
                    all.extend_from_slice(&one);
                }
                all
            };
            assert_eq!(model.proba_points(&d.test), one_by_one(&model, &d.test));
            let x1s: Vec<f64> = (0..19).map(|i| -1.5 + i as f64 / 6.0).collect();
            let x2s: Vec<f64> = (0..13).map(|i| 1.5 - i as f64 / 4.0).collect();
            let cells: Vec<Point2> = (0..19 * 13)
                .map(|c| Point2 {
                    x1: x1s[c % 19],
                    x2: x2s[c / 19],
                    class: 0,
                })
                .collect();
            // Scored and drawn after every round, two sets in turn (as a lab scores its points).
            while model.step() == Progress::Trained {
                for set in [&d.train, &d.test] {
                    assert_eq!(model.proba_points(set), one_by_one(&model, set));
                }
                assert_eq!(model.proba_grid(&x1s, &x2s), one_by_one(&model, &cells));
            }
            model.retune(&BoostingHyper::new(4, 0.3, Some(2), 1, 0.8).unwrap());
            assert_eq!(model.proba_points(&d.test), one_by_one(&model, &d.test));
            assert_eq!(model.proba_grid(&x1s, &x2s), one_by_one(&model, &cells));
            model.retune(&hyper);
            while model.step() == Progress::Trained {}
            assert_eq!(model.proba_points(&d.test), one_by_one(&model, &d.test));
        }
    }

    #[test]
    fn invalid_hyperparameters_are_rejected() {
        assert!(BoostingHyper::new(0, 0.1, Some(3), 1, 1.0).is_err());
        assert!(BoostingHyper::new(MAX_ROUNDS + 1, 0.1, Some(3), 1, 1.0).is_err());
        for eta in [0.0, -0.1, 1.5, f64::NAN] {
            assert!(
                BoostingHyper::new(10, eta, Some(3), 1, 1.0).is_err(),
                "{eta}"
            );
        }
        for s in [0.0, 1.01, f64::NAN] {
            assert!(BoostingHyper::new(10, 0.1, Some(3), 1, s).is_err(), "{s}");
        }
        assert!(BoostingHyper::new(10, 0.1, Some(0), 1, 1.0).is_err());
        assert!(BoostingHyper::new(10, 0.1, Some(3), 0, 1.0).is_err());
        assert!(BoostingHyper::new(MAX_ROUNDS, 1.0, None, 1, 1.0).is_ok());
    }
}
