//! The learned numbers of each model as the file writes them (small structs of their own, so a
//! change inside a model cannot silently change the file format), taken from a model and put
//! back into a new one after checking that their shape fits its hyperparameters.

use crate::data::classification::Point2;
use crate::ml::boosting::Boosting;
use crate::ml::forest::Forest;
use crate::ml::logistic::Logistic;
use crate::ml::mlp::Mlp;
use crate::ml::regression_tree::{RegressionNode, RegressionTree};
use crate::ml::tree::{LearnedNode, Split, Tree};
use serde::{Deserialize, Serialize};

/// `polynomial`: the weights on φ₀ … φ_d.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PolynomialFile {
    pub weights: Vec<f64>,
}

/// `logistic`: each class's bias and its weights on the non-constant features.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct LogisticFile {
    bias: Vec<f64>,
    weights: Vec<Vec<f64>>,
}

/// `knn`: the memorized training points, `[x₁, x₂, class]` each.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct KnnFile {
    pub points: Vec<(f64, f64, usize)>,
}

/// `tree`: its nodes.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TreeFile {
    pub nodes: Vec<ClassNode>,
}

/// `forest`: each tree's nodes.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ForestFile {
    pub trees: Vec<Vec<ClassNode>>,
}

/// `boosting`: the starting scores, and per round one tree per score.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BoostingFile {
    initial: Vec<f64>,
    pub rounds: Vec<Vec<Vec<ValueNode>>>,
}

/// `mlp`: each layer's weights (one row per neuron) and biases.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct NetworkFile {
    layers: Vec<LayerFile>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct LayerFile {
    weights: Vec<Vec<f64>>,
    biases: Vec<f64>,
}

/// A node's question: go `left` when feature `feature` ≤ `threshold`, else `right`.
#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SplitFile {
    feature: usize,
    threshold: f64,
    left: usize,
    right: usize,
}

/// A classification tree's node: class counts, and its question unless it is a leaf.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ClassNode {
    counts: Vec<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    split: Option<SplitFile>,
}

/// A regression tree's node (boosting): its value, training points, and question.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ValueNode {
    value: f64,
    samples: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    split: Option<SplitFile>,
}

impl From<Split> for SplitFile {
    fn from(s: Split) -> Self {
        SplitFile {
            feature: s.feature,
            threshold: s.threshold,
            left: s.left,
            right: s.right,
        }
    }
}

impl From<SplitFile> for Split {
    fn from(s: SplitFile) -> Self {
        Split {
            feature: s.feature,
            threshold: s.threshold,
            left: s.left,
            right: s.right,
        }
    }
}

impl LogisticFile {
    pub fn of(model: &Logistic) -> Self {
        let width = model.exponents().len();
        let rows = model.weights().chunks(width);
        LogisticFile {
            bias: rows.clone().map(|w| w[0]).collect(),
            weights: rows.map(|w| w[1..].to_vec()).collect(),
        }
    }

    /// Puts the weights into `model`, if there are as many as its classes and features.
    pub fn restore(self, model: &mut Logistic, steps: u64) -> Result<(), String> {
        let (classes, width) = (model.classes(), model.exponents().len());
        let fits = self.bias.len() == classes
            && self.weights.len() == classes
            && self.weights.iter().all(|w| w.len() + 1 == width);
        if !fits {
            return Err(format!(
                "The file's logistic regression does not fit its link: the link asks for {classes} \
                 classes, each with a bias and {} weights (feature degree {}).",
                width - 1,
                model.hyper().degree()
            ));
        }
        let weights = (self.bias.into_iter().zip(self.weights))
            .flat_map(|(b, w)| std::iter::once(b).chain(w))
            .collect();
        model.restore(weights, steps);
        Ok(())
    }
}

impl KnnFile {
    pub fn of(points: &[Point2]) -> Self {
        let points = points.iter().map(|p| (p.x1, p.x2, p.class)).collect();
        KnnFile { points }
    }

    /// The points, if each class is one of the data's `classes`.
    pub fn points(self, classes: usize) -> Result<Vec<Point2>, String> {
        if let Some(&(_, _, class)) = self.points.iter().find(|p| p.2 >= classes) {
            return Err(format!(
                "A stored point of the file has class {class}, but the data has {classes} classes."
            ));
        }
        let point = |(x1, x2, class)| Point2 { x1, x2, class };
        Ok(self.points.into_iter().map(point).collect())
    }
}

impl TreeFile {
    pub fn of(tree: &Tree) -> Self {
        TreeFile {
            nodes: class_nodes(tree),
        }
    }
}

impl ForestFile {
    pub fn of(forest: &Forest) -> Self {
        let trees = forest.trees().iter().map(|t| class_nodes(t)).collect();
        ForestFile { trees }
    }

    /// Puts the trees into `forest`, if each is a tree on its features and classes and there are
    /// at most as many as the link asks for.
    pub fn restore(self, forest: &mut Forest, trees: usize) -> Result<(), String> {
        if self.trees.len() > trees {
            return Err(format!(
                "The file's forest has {} trees, but its link asks for at most {trees}.",
                self.trees.len()
            ));
        }
        let (width, classes) = (forest.feature_map().width(), forest.classes());
        let checked: Result<Vec<_>, String> = (self.trees.into_iter())
            .map(|nodes| Ok(class_tree(nodes, width, classes)?.0))
            .collect();
        forest.restore(checked?);
        Ok(())
    }
}

impl BoostingFile {
    pub fn of(model: &Boosting) -> Self {
        let node = |n: &RegressionNode| ValueNode {
            value: n.value,
            samples: n.samples,
            split: n.split.map(SplitFile::from),
        };
        let tree = |t: &RegressionTree| t.nodes().iter().map(node).collect();
        BoostingFile {
            initial: model.init().to_vec(),
            rounds: (model.rounds().iter())
                .map(|trees| trees.iter().map(tree).collect())
                .collect(),
        }
    }

    /// Puts the starting scores and rounds into `model`, if there is a score and a tree per round
    /// for each of its outputs and at most as many rounds as the link asks for.
    pub fn restore(self, model: &mut Boosting, rounds: usize) -> Result<(), String> {
        let outputs = model.outputs();
        if self.initial.len() != outputs || self.rounds.iter().any(|r| r.len() != outputs) {
            return Err(format!(
                "The file's boosting does not fit its link: {} classes need {outputs} starting \
                 score(s) and {outputs} tree(s) per round.",
                model.classes()
            ));
        }
        if self.rounds.len() > rounds {
            return Err(format!(
                "The file's boosting has {} rounds, but its link asks for at most {rounds}.",
                self.rounds.len()
            ));
        }
        let mut trees = Vec::with_capacity(self.rounds.len());
        for round in self.rounds {
            let mut one = Vec::with_capacity(outputs);
            for nodes in round {
                let splits: Vec<_> = nodes.iter().map(|n| n.split).collect();
                let depths = check_tree(&splits, 2)?;
                let nodes = (nodes.into_iter().zip(depths))
                    .map(|(n, depth)| RegressionNode {
                        depth,
                        samples: n.samples,
                        value: n.value,
                        split: n.split.map(Split::from),
                    })
                    .collect();
                one.push(RegressionTree::from_nodes(nodes));
            }
            trees.push(one);
        }
        model.restore(self.initial, trees);
        Ok(())
    }
}

impl NetworkFile {
    pub fn of(m: &Mlp) -> Self {
        let sizes = m.sizes();
        let layers = (0..sizes.len() - 1)
            .map(|l| LayerFile {
                weights: (0..sizes[l + 1])
                    .map(|to| (0..sizes[l]).map(|from| m.weight(l, to, from)).collect())
                    .collect(),
                biases: (0..sizes[l + 1]).map(|unit| m.bias(l, unit)).collect(),
            })
            .collect();
        NetworkFile { layers }
    }

    /// Puts the weights and biases into `m`, if every layer has the link's shape.
    pub fn restore(self, m: &mut Mlp, steps: u64) -> Result<(), String> {
        let sizes = m.sizes();
        let fits = self.layers.len() + 1 == sizes.len()
            && (self.layers.iter().zip(sizes.windows(2))).all(|(l, s)| {
                l.biases.len() == s[1]
                    && l.weights.len() == s[1]
                    && l.weights.iter().all(|row| row.len() == s[0])
            });
        if !fits {
            let shape: Vec<String> = sizes.iter().map(|s| s.to_string()).collect();
            return Err(format!(
                "The file's network does not fit its link, which asks for {} neurons per layer \
                 (inputs first): each layer needs one row of weights per neuron, one weight per \
                 neuron of the layer before, and one bias per neuron.",
                shape.join("-")
            ));
        }
        let params = (self.layers.into_iter())
            .flat_map(|l| l.weights.into_iter().flatten().chain(l.biases))
            .collect();
        m.restore(params, steps);
        Ok(())
    }
}

fn class_nodes(tree: &Tree) -> Vec<ClassNode> {
    let node = |n: &crate::ml::tree::Node| ClassNode {
        counts: n.counts.clone(),
        split: n.split.map(SplitFile::from),
    };
    tree.nodes().iter().map(node).collect()
}

/// A classification tree's nodes as [`Tree::restore`] takes them, and its depth, if they form a
/// tree on `width` features with counts for `classes` classes.
pub(super) fn class_tree(
    nodes: Vec<ClassNode>,
    width: usize,
    classes: usize,
) -> Result<(Vec<LearnedNode>, usize), String> {
    if nodes.iter().any(|n| n.counts.len() != classes) {
        return Err(format!(
            "A tree node of the file does not count training points for the data's {classes} \
             classes."
        ));
    }
    // (Below the root a node holds at least one point, each question leaving one or more on
    // each side: with none, its class shares are 0/0. The root is empty only on no points.)
    if nodes
        .iter()
        .skip(1)
        .any(|n| n.counts.iter().sum::<usize>() == 0)
    {
        return Err(
            "A tree node of the file holds no training points, though every question \
                    leaves some on each side."
                .into(),
        );
    }
    let splits: Vec<_> = nodes.iter().map(|n| n.split).collect();
    let depth = check_tree(&splits, width)?.into_iter().max().unwrap_or(0);
    let nodes = (nodes.into_iter())
        .map(|n| (n.split.map(Split::from), n.counts))
        .collect();
    Ok((nodes, depth))
}

/// Each node's depth, if the nodes form one tree rooted at node 0 in which every child comes
/// after its parent and has one parent, and every question asks about one of `width` features.
pub(super) fn check_tree(splits: &[Option<SplitFile>], width: usize) -> Result<Vec<usize>, String> {
    let bad = |why: &str| Err(format!("A tree of the file is not a tree: {why}."));
    if splits.is_empty() {
        return bad("it has no nodes");
    }
    let mut parents = vec![0usize; splits.len()];
    let mut depths = vec![0usize; splits.len()];
    for (id, split) in splits.iter().enumerate() {
        let Some(s) = split else { continue };
        if s.feature >= width {
            return Err(format!(
                "A tree node of the file asks about feature {}, but there are {width} features \
                 (numbered from 0).",
                s.feature
            ));
        }
        for child in [s.left, s.right] {
            if child <= id || child >= splits.len() {
                return bad(&format!(
                    "node {id} has child {child}, which is not a later node"
                ));
            }
            parents[child] += 1;
            depths[child] = depths[id] + 1;
        }
    }
    match parents[1..].iter().position(|&p| p != 1) {
        Some(i) => bad(&format!("node {} has {} parents", i + 1, parents[i + 1])),
        None => Ok(depths),
    }
}
