//! The classifiers behind one interface, and their scores.

use super::knn::Knn;
use super::logistic::Logistic;
use super::metrics::{accuracy, argmax, confusion, log_loss, mse};
use super::mlp::Mlp;
use super::polynomial::Epoch;
use super::tree::Tree;
use crate::data::classification::Point2;

#[derive(Clone, Debug, PartialEq)]
pub enum Classifier {
    Knn(Knn),
    Tree(Tree),
    Logistic(Logistic),
    /// Boxed: a network with its buffers is several times larger than the other models.
    Mlp(Box<Mlp>),
}

/// What one training step did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Something was learned (a gradient step, a tree level).
    Trained,
    /// Nothing left to learn (k-NN always; a fully grown tree).
    Finished,
    /// The loss exploded; the step was undone.
    Diverged,
}

impl From<Epoch> for Progress {
    fn from(epoch: Epoch) -> Self {
        match epoch {
            Epoch::Done { .. } => Progress::Trained,
            Epoch::Diverged => Progress::Diverged,
        }
    }
}

impl Classifier {
    pub fn step(&mut self) -> Progress {
        match self {
            Classifier::Knn(_) => Progress::Finished,
            Classifier::Tree(t) => {
                if t.grow_level() {
                    Progress::Trained
                } else {
                    Progress::Finished
                }
            }
            Classifier::Logistic(l) => l.step().into(),
            Classifier::Mlp(m) => m.step().into(),
        }
    }

    /// Training steps taken: gradient epochs, or tree levels grown.
    pub fn steps(&self) -> u64 {
        match self {
            Classifier::Knn(_) => 0,
            Classifier::Tree(t) => t.depth() as u64,
            Classifier::Logistic(l) => l.epoch(),
            Classifier::Mlp(m) => m.epoch(),
        }
    }

    /// Class probabilities at (x₁, x₂) into `out`; `scratch` serves k-NN's distance list.
    pub fn proba(&self, x1: f64, x2: f64, scratch: &mut Vec<(f64, usize)>, out: &mut [f64]) {
        match self {
            Classifier::Knn(k) => k.proba(x1, x2, scratch, out),
            Classifier::Tree(t) => t.proba(x1, x2, out),
            Classifier::Logistic(l) => l.proba(x1, x2, out),
            Classifier::Mlp(m) => m.proba(x1, x2, out),
        }
    }

    /// Class probabilities at every (x1s[col], x2s[row]), row after row, `classes` values per
    /// cell: the decision map. k-NN shares work between neighbouring cells ([`Knn::proba_grid`]).
    pub fn proba_grid(&self, x1s: &[f64], x2s: &[f64], classes: usize) -> Vec<f64> {
        if let Classifier::Knn(k) = self {
            return k.proba_grid(x1s, x2s, classes);
        }
        let cells: Vec<(f64, f64)> = x2s
            .iter()
            .flat_map(|&x2| x1s.iter().map(move |&x1| (x1, x2)))
            .collect();
        self.proba_points(&cells, classes)
    }

    /// Class probabilities at each of `points`, `classes` values per point; a network takes
    /// them in batches ([`Mlp::proba_many`]).
    pub fn proba_points(&self, points: &[(f64, f64)], classes: usize) -> Vec<f64> {
        let mut out = vec![0.0; points.len() * classes];
        if let Classifier::Mlp(m) = self {
            m.proba_many(points, &mut out);
            return out;
        }
        let mut scratch = Vec::new();
        for (&(x1, x2), cell) in points.iter().zip(out.chunks_mut(classes)) {
            self.proba(x1, x2, &mut scratch, cell);
        }
        out
    }
}

/// How well a classifier does on one set of points.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scores {
    pub accuracy: f64,
    pub log_loss: f64,
    /// `confusion[actual][predicted]`.
    pub confusion: Vec<Vec<usize>>,
    /// For a regression set (a network with one output): the mean squared error; the
    /// classification fields are then unused.
    pub mse: Option<f64>,
}

/// A one-output model's mean squared error on `points` with targets `values`.
pub fn score_values(model: &Classifier, points: &[Point2], values: &[f64]) -> Scores {
    let xs: Vec<(f64, f64)> = points.iter().map(|p| (p.x1, p.x2)).collect();
    let predicted = model.proba_points(&xs, 1);
    Scores {
        mse: Some(mse(predicted.into_iter(), values.iter().copied())),
        ..Scores::default()
    }
}

pub fn score(model: &Classifier, points: &[Point2], classes: usize) -> Scores {
    let xs: Vec<(f64, f64)> = points.iter().map(|p| (p.x1, p.x2)).collect();
    let all = model.proba_points(&xs, classes);
    let mut predicted = Vec::with_capacity(points.len());
    let mut truth = Vec::with_capacity(points.len());
    let mut probs = Vec::with_capacity(points.len());
    for (q, p) in points.iter().zip(all.chunks_exact(classes)) {
        predicted.push(argmax(p));
        truth.push(q.class);
        probs.push(p[q.class.min(classes - 1)]);
    }
    Scores {
        accuracy: accuracy(&predicted, &truth),
        log_loss: log_loss(probs.into_iter()),
        confusion: confusion(&predicted, &truth, classes),
        mse: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::classification::{generate, Pattern};
    use crate::ml::knn::{KnnHyper, Weighting};
    use crate::ml::tree::{Criterion, TreeHyper};

    #[test]
    fn scores_add_up() {
        let d = generate(Pattern::ThreeBlobs, 90, 0.3, 0.7, 1);
        let m = Classifier::Knn(Knn::fit(
            KnnHyper::new(3, Weighting::Uniform).unwrap(),
            &d.train,
            3,
        ));
        let s = score(&m, &d.test, 3);
        let total: usize = s.confusion.iter().flatten().sum();
        let diagonal: usize = (0..3).map(|i| s.confusion[i][i]).sum();
        assert_eq!(total, d.test.len());
        assert!((s.accuracy - diagonal as f64 / total as f64).abs() < 1e-15);
    }

    #[test]
    fn a_stump_underfits_circles_and_a_deep_tree_does_not() {
        let d = generate(Pattern::Circles, 300, 0.1, 0.7, 3);
        let mut stump = Classifier::Tree(Tree::new(
            TreeHyper::new(Some(1), 1, Criterion::Gini).unwrap(),
            &d.train,
            2,
        ));
        while stump.step() == Progress::Trained {}
        let mut deep = Classifier::Tree(Tree::new(
            TreeHyper::new(None, 1, Criterion::Gini).unwrap(),
            &d.train,
            2,
        ));
        while deep.step() == Progress::Trained {}
        // One cut through a disc inside a ring leaves most of the ring on the disc's side.
        assert!(score(&stump, &d.train, 2).accuracy < 0.8);
        assert_eq!(score(&deep, &d.train, 2).accuracy, 1.0);
    }
}
