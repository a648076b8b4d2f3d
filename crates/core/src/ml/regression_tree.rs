//! A regression tree (CART on numbers, squared error): gradient boosting's weak learner.
//!
//! **Parameters learned from data**: at each inner node a feature and a threshold ("x₁ ≤ 0.31?"),
//! at each leaf a value — the mean of its training targets, unless the owner sets another
//! (gradient boosting puts its Newton step there).
//! **Hyperparameters**: the maximum depth and the minimum number of samples per leaf.
//!
//! **Growing.** A node is split at the feature and threshold (midway between two neighbouring
//! distinct values) that minimize the children's summed squared error Σ(y − ȳ_left)² +
//! Σ(y − ȳ_right)², provided each child keeps at least `min_leaf` samples and the depth limit
//! allows. With S the sum and n the count of a side's targets that error is Σy² − S²/n per side,
//! so the search maximizes S_left²/n_left + S_right²/n_right. A node whose targets are all equal
//! (mean squared deviation at most the machine epsilon, as scikit-learn) is a leaf; as in the
//! classification tree, any other node splits even if no split lowers the error. The tree grows
//! level by level, so nodes are numbered by level, left to right.

use super::leaf_grid::Splits;
use super::rows::Rows;
use super::tree::{partition, threshold_between, Split};

/// Valid by construction: `max_depth` ≥ 1 when set, `min_leaf` ≥ 1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RegressionHyper {
    max_depth: Option<usize>,
    min_leaf: usize,
}

impl RegressionHyper {
    pub fn new(max_depth: Option<usize>, min_leaf: usize) -> Result<Self, String> {
        if max_depth == Some(0) {
            return Err("max depth must be at least 1".into());
        }
        if min_leaf == 0 {
            return Err("min samples per leaf must be at least 1".into());
        }
        Ok(RegressionHyper {
            max_depth,
            min_leaf,
        })
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct RegressionNode {
    pub depth: usize,
    /// Training samples that reached the node.
    pub samples: usize,
    /// The mean of their targets, or the value its owner set (at leaves).
    pub value: f64,
    pub split: Option<Split>,
}

impl Splits for RegressionNode {
    fn split(&self) -> Option<(usize, f64, usize, usize)> {
        self.split
            .map(|s| (s.feature, s.threshold, s.left, s.right))
    }
}

/// A fully grown regression tree.
#[derive(Clone, Debug, PartialEq)]
pub struct RegressionTree {
    nodes: Vec<RegressionNode>,
}

impl RegressionTree {
    /// Grows a tree on the rows `members` of `rows`, row i's target being `targets[i]`.
    pub fn fit(hyper: RegressionHyper, rows: &Rows, members: &[usize], targets: &[f64]) -> Self {
        let mut nodes = vec![node(0, members, targets)];
        // Each node's rows sorted by each feature (Rows::sorted), by level.
        let mut level = vec![(0, rows.sorted(members))];
        while !level.is_empty() {
            let mut next = Vec::new();
            for (id, sorted) in level {
                if !splittable(&hyper, &nodes[id], &sorted[0], targets) {
                    continue;
                }
                let Some((f, threshold)) = best_split(&hyper, rows, &sorted, targets) else {
                    continue;
                };
                let (l, r) = partition(rows, sorted, f, threshold);
                let (left, right) = (nodes.len(), nodes.len() + 1);
                let depth = nodes[id].depth + 1;
                nodes.push(node(depth, &l[0], targets));
                nodes.push(node(depth, &r[0], targets));
                nodes[id].split = Some(Split {
                    feature: f,
                    threshold,
                    left,
                    right,
                });
                next.push((left, l));
                next.push((right, r));
            }
            level = next;
        }
        RegressionTree { nodes }
    }

    /// A saved tree, its nodes numbered as [`RegressionTree::nodes`] numbers them (the caller
    /// checks the shape).
    pub fn from_nodes(nodes: Vec<RegressionNode>) -> Self {
        RegressionTree { nodes }
    }

    pub fn nodes(&self) -> &[RegressionNode] {
        &self.nodes
    }

    /// The index of the leaf a row of features reaches.
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

    /// The value of the leaf a row reaches: the tree's prediction.
    pub fn predict(&self, row: &[f64]) -> f64 {
        self.nodes[self.leaf_index(row)].value
    }

    /// Replaces the value of node `id` (a leaf).
    pub fn set_value(&mut self, id: usize, value: f64) {
        self.nodes[id].value = value;
    }
}

fn node(depth: usize, members: &[usize], targets: &[f64]) -> RegressionNode {
    RegressionNode {
        depth,
        samples: members.len(),
        value: mean(members, targets),
        split: None,
    }
}

fn mean(members: &[usize], targets: &[f64]) -> f64 {
    if members.is_empty() {
        return 0.0;
    }
    members.iter().map(|&i| targets[i]).sum::<f64>() / members.len() as f64
}

/// Whether the depth limit allows a split and the targets are not all equal.
fn splittable(
    hyper: &RegressionHyper,
    node: &RegressionNode,
    members: &[usize],
    targets: &[f64],
) -> bool {
    if hyper.max_depth.is_some_and(|m| node.depth >= m) || members.len() < 2 {
        return false;
    }
    let deviation = members
        .iter()
        .map(|&i| (targets[i] - node.value).powi(2))
        .sum::<f64>()
        / members.len() as f64;
    deviation > f64::EPSILON
}

/// The feature and threshold that maximize S_left²/n_left + S_right²/n_right among the splits
/// that leave at least `min_leaf` samples on each side (the first on ties: lower feature, then
/// lower threshold).
fn best_split(
    hyper: &RegressionHyper,
    rows: &Rows,
    sorted: &[Vec<usize>],
    targets: &[f64],
) -> Option<(usize, f64)> {
    let n = sorted[0].len();
    let total: f64 = sorted[0].iter().map(|&i| targets[i]).sum();
    let mut best: Option<(f64, usize, f64)> = None;
    for (f, sorted) in sorted.iter().enumerate() {
        let value = |i: usize| rows.get(i, f);
        let mut left_sum = 0.0;
        for (i, &m) in sorted.iter().enumerate().take(n - 1) {
            left_sum += targets[m];
            let (here, next) = (value(m), value(sorted[i + 1]));
            let n_left = i + 1;
            if here == next || n_left < hyper.min_leaf || n - n_left < hyper.min_leaf {
                continue;
            }
            let right_sum = total - left_sum;
            let gain =
                left_sum * left_sum / n_left as f64 + right_sum * right_sum / (n - n_left) as f64;
            if best.is_none_or(|(b, _, _)| gain > b) {
                best = Some((gain, f, threshold_between(here, next)));
            }
        }
    }
    best.map(|(_, f, t)| (f, t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::classification::Point2;
    use crate::ml::rows::FeatureMap;

    fn line(xs: &[f64]) -> Rows {
        let pts: Vec<Point2> = (xs.iter())
            .map(|&x1| Point2 {
                x1,
                x2: 0.0,
                class: 0,
            })
            .collect();
        FeatureMap::new(1).rows(&pts)
    }

    #[test]
    fn a_step_function_is_found_and_leaves_hold_means() {
        // Targets 1, 1, 5, 5, 6 at x₁ = 0 … 4: the best first cut is x₁ ≤ 1.5 (squared errors
        // 0 + 2/3, against at least 11 for the other cuts); its right side then splits at 3.5.
        let rows = line(&[0.0, 1.0, 2.0, 3.0, 4.0]);
        let targets = [1.0, 1.0, 5.0, 5.0, 6.0];
        let hyper = RegressionHyper::new(None, 1).unwrap();
        let tree = RegressionTree::fit(hyper, &rows, &[0, 1, 2, 3, 4], &targets);
        let root = tree.nodes()[0].split.unwrap();
        assert_eq!((root.feature, root.threshold), (0, 1.5));
        assert_eq!(tree.nodes()[root.left].value, 1.0);
        assert!((tree.nodes()[root.right].value - 16.0 / 3.0).abs() < 1e-15);
        assert_eq!(tree.nodes()[root.right].split.unwrap().threshold, 3.5);
        assert_eq!(tree.predict(&[3.7, 0.0]), 6.0);
        assert_eq!(tree.nodes().len(), 5); // the left leaf is constant, so it stays a leaf
        let stump = RegressionTree::fit(
            RegressionHyper::new(Some(1), 1).unwrap(),
            &rows,
            &[0, 1, 2, 3, 4],
            &targets,
        );
        assert_eq!(stump.nodes().len(), 3);
        // Two samples per leaf at least: x₁ ≤ 1.5 is still allowed and best, and its right
        // side (three samples) can no longer split.
        let wide = RegressionTree::fit(
            RegressionHyper::new(None, 2).unwrap(),
            &rows,
            &[0, 1, 2, 3, 4],
            &targets,
        );
        assert_eq!(wide.nodes()[0].split.unwrap().threshold, 1.5);
        assert!(wide.nodes().iter().all(|n| n.samples >= 2));
        assert!(
            RegressionHyper::new(Some(0), 1).is_err() && RegressionHyper::new(None, 0).is_err()
        );
    }

    #[test]
    fn members_may_repeat_and_others_are_ignored() {
        let rows = line(&[0.0, 1.0, 2.0]);
        let targets = [0.0, 3.0, 9.0];
        let hyper = RegressionHyper::new(Some(1), 1).unwrap();
        // Rows 0, 0, 1 only: the mean is 1 and the cut is at x₁ ≤ 0.5.
        let tree = RegressionTree::fit(hyper, &rows, &[0, 0, 1], &targets);
        assert_eq!(tree.nodes()[0].value, 1.0);
        assert_eq!(tree.nodes()[0].samples, 3);
        assert_eq!(tree.nodes()[0].split.unwrap().threshold, 0.5);
    }
}
