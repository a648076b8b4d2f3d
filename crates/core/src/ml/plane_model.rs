//! The models of the two labs on the plane (k-NN, decision tree, logistic regression, random
//! forest, gradient boosting, the network) behind one enum, their hyperparameters, the samples they learn from, and their scores.
//! A network on a regression surface predicts one number per point instead of class
//! probabilities; everything else here serves both.

use super::boosting::{Boosting, BoostingHyper};
use super::forest::{Forest, ForestHyper};
use super::knn::{Knn, KnnHyper};
use super::logistic::{term_name, Logistic, LogisticHyper};
use super::metrics::{accuracy, argmax, confusion, log_loss, mse};
use super::mlp::{Architecture, Mlp, Targets, Training};
use super::model::{Model, Parameter, Progress, Samples, Score};
use super::rows::FeatureMap;
use super::tree::{Tree, TreeHyper};
use crate::data::classification::{class_name, Dataset2, Point2};

/// A model on the plane.
#[derive(Clone, Debug, PartialEq)]
pub enum PlaneModel {
    Knn(Knn),
    Tree(Tree),
    Logistic(Logistic),
    Forest(Box<Forest>),
    Boosting(Box<Boosting>),
    /// Boxed: a network with its buffers is several times larger than the other models.
    Mlp(Box<Mlp>),
}

/// The validated hyperparameters of one of the plane's models.
#[derive(Clone, Debug, PartialEq)]
pub enum PlaneHyper {
    Knn(KnnHyper),
    Tree(TreeHyper),
    Logistic(LogisticHyper),
    Forest(ForestHyper),
    Boosting(BoostingHyper),
    /// The network's shape (restarts training) and how it trains (can change mid-training).
    Mlp(Architecture, Training),
}

/// Points on the plane with what is to be learned at each: a class, or a number (a regression
/// surface, `values`).
#[derive(Clone, Debug, PartialEq)]
pub struct PlaneSet {
    pub points: Vec<Point2>,
    /// One number per point for a regression surface; `None` for classes.
    pub values: Option<Vec<f64>>,
    /// Classes of a classification set; 1 for numbers.
    pub classes: usize,
}

impl PlaneSet {
    fn xs(&self) -> Vec<(f64, f64)> {
        self.points.iter().map(|p| (p.x1, p.x2)).collect()
    }
}

/// Accuracy, log-loss and confusion of the class probabilities `probs` (`classes` per point)
/// predicted for `points`.
pub fn class_score(points: &[Point2], classes: usize, probs: &[f64]) -> Score {
    let mut predicted = Vec::with_capacity(points.len());
    let mut truth = Vec::with_capacity(points.len());
    let mut prob_of_true = Vec::with_capacity(points.len());
    for (q, p) in points.iter().zip(probs.chunks_exact(classes)) {
        predicted.push(argmax(p));
        truth.push(q.class);
        prob_of_true.push(p[q.class.min(classes - 1)]);
    }
    Score {
        loss: log_loss(prob_of_true.into_iter()),
        accuracy: Some(accuracy(&predicted, &truth)),
        confusion: confusion(&predicted, &truth, classes),
    }
}

impl Samples for PlaneSet {
    fn count(&self) -> usize {
        self.points.len()
    }
    fn subset(&self, indices: &[usize]) -> Self {
        PlaneSet {
            points: indices.iter().map(|&i| self.points[i]).collect(),
            values: self
                .values
                .as_ref()
                .map(|v| indices.iter().map(|&i| v[i]).collect()),
            classes: self.classes,
        }
    }
}

impl Dataset2 {
    /// The training points as samples.
    pub fn train_set(&self) -> PlaneSet {
        PlaneSet {
            points: self.train.clone(),
            values: self.values.as_ref().map(|v| v.train.clone()),
            classes: self.classes,
        }
    }
    /// The test points as samples.
    pub fn test_set(&self) -> PlaneSet {
        PlaneSet {
            points: self.test.clone(),
            values: self.values.as_ref().map(|v| v.test.clone()),
            classes: self.classes,
        }
    }
}

impl Model for PlaneModel {
    type Hyper = PlaneHyper;
    type Samples = PlaneSet;

    /// `seed` draws the ensembles' bootstrap samples, split features and subsamples; the
    /// network's mini-batch order comes from its initialization seed (in `hyper`).
    fn new(hyper: &PlaneHyper, train: &PlaneSet, seed: u64) -> Self {
        let (points, classes) = (&train.points, train.classes);
        match hyper {
            PlaneHyper::Knn(h) => PlaneModel::Knn(Knn::fit(*h, points, classes)),
            PlaneHyper::Tree(h) => PlaneModel::Tree(Tree::new(*h, points, classes)),
            PlaneHyper::Logistic(h) => PlaneModel::Logistic(Logistic::new(*h, points, classes)),
            PlaneHyper::Forest(h) => {
                PlaneModel::Forest(Box::new(Forest::new(*h, points, classes, seed)))
            }
            PlaneHyper::Boosting(h) => {
                PlaneModel::Boosting(Box::new(Boosting::new(*h, points, classes, seed)))
            }
            PlaneHyper::Mlp(arch, training) => {
                let ys: Vec<usize> = points.iter().map(|p| p.class).collect();
                let targets = match &train.values {
                    Some(v) => Targets::Values(v),
                    None => Targets::Classes(&ys, classes),
                };
                PlaneModel::Mlp(Box::new(Mlp::new(
                    arch.clone(),
                    *training,
                    &train.xs(),
                    targets,
                )))
            }
        }
    }

    fn step(&mut self) -> Progress {
        match self {
            PlaneModel::Knn(_) => Progress::Finished,
            PlaneModel::Tree(t) => {
                if t.grow_level() {
                    Progress::Trained
                } else {
                    Progress::Finished
                }
            }
            PlaneModel::Logistic(l) => l.step().into(),
            PlaneModel::Forest(f) => f.step(),
            PlaneModel::Boosting(b) => b.step(),
            PlaneModel::Mlp(m) => m.step().into(),
        }
    }

    /// k-NN learns nothing step by step; a tree is done when no leaf can split.
    fn is_finished(&self) -> Option<bool> {
        match self {
            PlaneModel::Knn(_) => Some(true),
            PlaneModel::Tree(t) => Some(t.is_grown()),
            PlaneModel::Forest(f) => f.is_finished(),
            PlaneModel::Boosting(b) => b.is_finished(),
            PlaneModel::Logistic(_) | PlaneModel::Mlp(_) => None,
        }
    }

    /// Gradient epochs, or tree levels grown.
    fn steps(&self) -> u64 {
        match self {
            PlaneModel::Knn(_) => 0,
            PlaneModel::Tree(t) => t.depth() as u64,
            PlaneModel::Logistic(l) => l.epoch(),
            PlaneModel::Forest(f) => Model::steps(&**f),
            PlaneModel::Boosting(b) => Model::steps(&**b),
            PlaneModel::Mlp(m) => m.epoch(),
        }
    }

    fn retune(&mut self, hyper: &PlaneHyper) {
        match (self, hyper) {
            (PlaneModel::Logistic(l), PlaneHyper::Logistic(h)) => {
                l.set_hyper(*h);
            }
            (PlaneModel::Mlp(m), PlaneHyper::Mlp(_, training)) => m.set_training(*training),
            (PlaneModel::Forest(f), PlaneHyper::Forest(h)) => f.set_hyper(*h),
            (PlaneModel::Boosting(b), PlaneHyper::Boosting(h)) => b.set_hyper(*h),
            _ => {}
        }
    }

    /// Accuracy, log-loss and confusion for classes; the mean squared error for numbers.
    fn score(&self, samples: &PlaneSet) -> Score {
        // The ensembles keep their sums per point set: only the trees added since are walked.
        match self {
            PlaneModel::Forest(f) if samples.values.is_none() => return f.score(samples),
            PlaneModel::Boosting(b) if samples.values.is_none() => return b.score(samples),
            _ => {}
        }
        let xs = samples.xs();
        if let Some(values) = &samples.values {
            let predicted = self.predict_points(&xs, 1);
            return Score {
                loss: mse(predicted.into_iter(), values.iter().copied()),
                ..Score::default()
            };
        }
        let all = self.predict_points(&xs, samples.classes);
        class_score(&samples.points, samples.classes, &all)
    }

    /// A forest once it has a tree; every other model from the start.
    fn predicts(&self) -> bool {
        match self {
            PlaneModel::Forest(f) => f.predicts(),
            _ => true,
        }
    }

    /// Logistic regression and the network, trained by gradient descent.
    fn can_diverge(&self) -> bool {
        matches!(self, PlaneModel::Logistic(_) | PlaneModel::Mlp(_))
    }

    fn parameters(&self) -> Vec<Parameter> {
        let p = |name: String, value: f64, penalized: bool| Parameter {
            name,
            value,
            penalized,
        };
        match self {
            PlaneModel::Knn(_) => Vec::new(),
            PlaneModel::Forest(f) => f.parameters(),
            PlaneModel::Boosting(b) => b.parameters(),
            PlaneModel::Tree(t) => t
                .nodes()
                .iter()
                .enumerate()
                .flat_map(|(i, n)| match n.split {
                    Some(s) => vec![p(
                        s.name(i, &FeatureMap::new(1).name(s.feature), |j| {
                            t.nodes()[j].split.is_none()
                        }),
                        s.threshold,
                        false,
                    )],
                    None => {
                        let total = n.counts.iter().sum::<usize>().max(1) as f64;
                        (n.counts.iter().enumerate())
                            .map(|(c, &k)| {
                                p(
                                    format!("leaf {i}: share of {}", class_name(c)),
                                    k as f64 / total,
                                    false,
                                )
                            })
                            .collect()
                    }
                })
                .collect(),
            PlaneModel::Logistic(l) => {
                let f = l.exponents().len();
                (l.weights().iter().enumerate())
                    .map(|(i, &w)| {
                        p(
                            format!("{}: {}", class_name(i / f), term_name(l.exponents()[i % f])),
                            w,
                            i % f != 0,
                        )
                    })
                    .collect()
            }
            PlaneModel::Mlp(m) => {
                let sizes = m.sizes();
                // The first layer's links come from the inputs, named (x₁, x₁², sin πx₁ …);
                // deeper links from the neurons of the layer before, numbered from 0.
                let inputs = m.architecture().inputs().names();
                let mut out = Vec::with_capacity(m.params().len());
                for layer in 0..sizes.len() - 1 {
                    for to in 0..sizes[layer + 1] {
                        for from in 0..sizes[layer] {
                            let name = match (layer, inputs.get(from)) {
                                (0, Some(input)) => format!("layer 1: {input} → {to}"),
                                _ => format!("layer {}: {from} → {to}", layer + 1),
                            };
                            out.push(p(name, m.weight(layer, to, from), true));
                        }
                    }
                    for unit in 0..sizes[layer + 1] {
                        out.push(p(
                            format!("layer {}: bias {unit}", layer + 1),
                            m.bias(layer, unit),
                            false,
                        ));
                    }
                }
                out
            }
        }
    }
}

impl PlaneModel {
    /// The prediction at (x₁, x₂) into `out`: class probabilities, or for numbers (a network on
    /// a regression surface) the one predicted value. `scratch` serves k-NN's distance list.
    pub fn predict(&self, x1: f64, x2: f64, scratch: &mut Vec<(f64, usize)>, out: &mut [f64]) {
        match self {
            PlaneModel::Knn(k) => k.proba(x1, x2, scratch, out),
            PlaneModel::Tree(t) => t.proba(x1, x2, out),
            PlaneModel::Logistic(l) => l.proba(x1, x2, out),
            PlaneModel::Forest(f) => f.proba(x1, x2, out),
            PlaneModel::Boosting(b) => b.proba(x1, x2, out),
            PlaneModel::Mlp(m) => m.proba(x1, x2, out),
        }
    }

    /// Predictions at every (`x1s[col]`, `x2s[row]`), row after row, `classes` values per cell
    /// (one for numbers): the decision map. k-NN shares work between neighbouring cells ([`Knn::proba_grid`]).
    pub fn predict_grid(&self, x1s: &[f64], x2s: &[f64], classes: usize) -> Vec<f64> {
        match self {
            PlaneModel::Knn(k) => return k.proba_grid(x1s, x2s, classes),
            PlaneModel::Forest(f) => return f.proba_grid(x1s, x2s),
            PlaneModel::Boosting(b) => return b.proba_grid(x1s, x2s),
            _ => {}
        }
        let cells: Vec<(f64, f64)> = x2s
            .iter()
            .flat_map(|&x2| x1s.iter().map(move |&x1| (x1, x2)))
            .collect();
        self.predict_points(&cells, classes)
    }

    /// Predictions at each of `points`, `classes` values per point (one for numbers); a network takes
    /// them in batches ([`Mlp::proba_many`]).
    pub fn predict_points(&self, points: &[(f64, f64)], classes: usize) -> Vec<f64> {
        let mut out = vec![0.0; points.len() * classes];
        if let PlaneModel::Mlp(m) = self {
            m.proba_many(points, &mut out);
            return out;
        }
        let mut scratch = Vec::new();
        for (&(x1, x2), cell) in points.iter().zip(out.chunks_mut(classes)) {
            self.predict(x1, x2, &mut scratch, cell);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::classification::{generate, Pattern};
    use crate::ml::knn::Weighting;
    use crate::ml::model::fit;
    use crate::ml::tree::Criterion;

    #[test]
    fn scores_add_up() {
        let d = generate(Pattern::ThreeBlobs, 90, 0.3, 0.7, 1);
        let hyper = PlaneHyper::Knn(KnnHyper::new(3, Weighting::Uniform).unwrap());
        let m = PlaneModel::new(&hyper, &d.train_set(), 0);
        let s = m.score(&d.test_set());
        let total: usize = s.confusion.iter().flatten().sum();
        let diagonal: usize = (0..3).map(|i| s.confusion[i][i]).sum();
        assert_eq!(total, d.test.len());
        assert!((s.accuracy.unwrap() - diagonal as f64 / total as f64).abs() < 1e-15);
        assert!(m.parameters().is_empty(), "k-NN learns no parameters");
    }

    #[test]
    fn a_stump_underfits_circles_and_a_deep_tree_does_not() {
        let d = generate(Pattern::Circles, 300, 0.1, 0.7, 3);
        let tree = |depth| PlaneHyper::Tree(TreeHyper::new(depth, 1, Criterion::Gini).unwrap());
        let stump: PlaneModel = fit(&tree(Some(1)), &d.train_set(), 0, 100);
        let deep: PlaneModel = fit(&tree(None), &d.train_set(), 0, 100);
        // One cut through a disc inside a ring leaves most of the ring on the disc's side.
        assert!(stump.score(&d.train_set()).accuracy.unwrap() < 0.8);
        assert_eq!(deep.score(&d.train_set()).accuracy, Some(1.0));
        // A stump's parameters: one threshold and two leaves' class shares (each summing to 1).
        let p = stump.parameters();
        assert_eq!(p.len(), 1 + 2 + 2);
        assert_eq!(p[0].name, "node 0: x₁ ≤ (yes: leaf 1, no: leaf 2)");
        assert_eq!(p[1].value + p[2].value, 1.0);
    }

    /// A network's first-layer weights are named by the input they come from (what the
    /// parameters CSV and the panel show), deeper ones by the neuron's number.
    #[test]
    fn network_weights_are_named_by_their_inputs() {
        let (config, notices) = crate::state::url::decode("lab=neural&inputs=x1,x2,x1sq&layers=2");
        assert!(notices.is_empty(), "{notices:?}");
        let d = generate(Pattern::Circles, 40, 0.1, 0.7, 3);
        let m = PlaneModel::new(&config.plane_hyper(), &d.train_set(), 0);
        let names: Vec<String> = m.parameters().into_iter().map(|p| p.name).collect();
        assert_eq!(
            &names[..3],
            ["layer 1: x₁ → 0", "layer 1: x₂ → 0", "layer 1: x₁² → 0"]
        );
        assert!(names.contains(&"layer 2: 1 → 0".to_string()), "{names:?}");
        assert!(names.iter().any(|n| n.starts_with("layer 1: bias")));
    }

    #[test]
    fn a_subset_keeps_points_and_values_together() {
        let set = PlaneSet {
            points: (0..4)
                .map(|i| Point2 {
                    x1: i as f64,
                    x2: 0.0,
                    class: 0,
                })
                .collect(),
            values: Some(vec![10.0, 11.0, 12.0, 13.0]),
            classes: 1,
        };
        let sub = set.subset(&[3, 1]);
        assert_eq!((sub.points[0].x1, sub.points[1].x1), (3.0, 1.0));
        assert_eq!(sub.values, Some(vec![13.0, 11.0]));
    }
}
