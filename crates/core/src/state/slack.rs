//! Controls that change nothing, or next to nothing, of the model on these points, worked out
//! by building the model the other setting would build (each note is shown beside its control:
//! `LabKind::slight_effects`).

use super::spec::Key;
use crate::data::classification::{Point2, CLASS_NAMES, EXTENT};
use crate::ml::knn::{Knn, KnnHyper, Weighting};
use crate::ml::tree::{Criterion, Tree, TreeHyper};

/// What a decision tree's limits leave unused on `points`, grown in full:
/// - **Max depth**: grown without a limit, the tree stops at depth d (every leaf pure or
///   unsplittable), no deeper than the limit: every max depth from d up grows the same tree.
/// - **Min samples per leaf**: the smallest leaf holds m > the limit points. Every split of the
///   tree then has at least m points on each side, so under any limit up to m each split is still
///   allowed and still the best of those allowed (and no leaf becomes splittable): the same tree.
/// - **Criterion**: the other impurity chooses the same questions (only the impurity figures
///   differ).
pub fn tree_slack(h: &TreeHyper, points: &[Point2], classes: usize) -> Vec<(Key, String)> {
    let grown = |h: TreeHyper| {
        let mut t = Tree::new(h, points, classes);
        while t.grow_level() {}
        t
    };
    let questions = |t: &Tree| -> Vec<Option<(usize, f64)>> {
        (t.nodes().iter())
            .map(|n| n.split.as_ref().map(|s| (s.feature, s.threshold)))
            .collect()
    };
    let tree = grown(*h);
    let mut notes = Vec::new();
    let free = grown(h.unlimited());
    if h.max_depth().is_some_and(|d| free.depth() <= d) {
        notes.push((
            Key::MaxDepth,
            format!(
                "Raising it changes nothing here: grown to the end without a limit, this tree \
                 stops at depth {} (every leaf pure or unsplittable).",
                free.depth()
            ),
        ));
    }
    let smallest = (tree.nodes().iter())
        .filter(|n| n.split.is_none())
        .map(|n| n.counts.iter().sum::<usize>())
        .min()
        .unwrap_or(0);
    if smallest > h.min_leaf() {
        notes.push((
            Key::MinLeaf,
            format!(
                "Raising it up to {smallest} changes nothing here: the smallest leaf already \
                 holds {smallest} training points."
            ),
        ));
    }
    let other = match h.criterion() {
        Criterion::Gini => Criterion::Entropy,
        Criterion::Entropy => Criterion::Gini,
    };
    if questions(&grown(h.with_criterion(other))) == questions(&tree) {
        notes.push((
            Key::Criterion,
            "Either grows the same tree here: Gini impurity and entropy choose the same \
             questions on these points (only the impurity figures in the rules differ)."
                .into(),
        ));
    }
    notes
}

/// k = every training point, votes uniform: every place gets the same vote, the majority's, so
/// the whole plot is one colour, and pale where that majority is slim (helper 80 read the near-
/// neutral map of k = 140 on the moons, 54 % orange, as "nothing"). A tie goes to the first
/// class, as the vote's. (With more k than points `Config::no_effect` speaks instead.)
fn every_point_votes(h: &KnnHyper, points: &[Point2], classes: usize) -> Option<String> {
    if h.k() < points.len() || h.weighting() != Weighting::Uniform || points.is_empty() {
        return None;
    }
    let mut counts = vec![0usize; classes];
    for p in points {
        counts[p.class] += 1;
    }
    let most = *counts.iter().max()?;
    let class = counts.iter().position(|&c| c == most)?;
    Some(format!(
        "Every training point votes everywhere (k = {} of {}): the whole plot gets the \
         majority's class, {}, pale because only {:.0} % of the votes are {}.",
        h.k(),
        points.len(),
        CLASS_NAMES[class],
        100.0 * most as f64 / points.len() as f64,
        CLASS_NAMES[class]
    ))
}

/// Cells a side of the grid on which [`knn_slack`] compares the two weightings' maps: each
/// cell 0.11 % of the plot, fine enough for its 1 % and cheap (about 0.1 ms natively, one
/// search for the neighbours serving both votes).
const GRID: usize = 30;

/// What k-NN's weighting changes on `points`: the share of the plotted square (a 30 × 30 grid
/// of cell centres) where the other weighting predicts another class. Distance weights turn a
/// vote only where it is close, so with well-separated classes they change next to nothing;
/// under 1 % of the square, the note says so. (At k = 1 the weighting cannot change
/// anything, and `Config::no_effect` says that instead.)
pub fn knn_slack(h: &KnnHyper, points: &[Point2], classes: usize) -> Vec<(Key, String)> {
    if let Some(note) = every_point_votes(h, points, classes) {
        return vec![(Key::K, note)];
    }
    if h.k() <= 1 {
        return Vec::new();
    }
    let knn = Knn::fit(*h, points, classes);
    let (mut scratch, mut out) = (Vec::new(), vec![0.0; classes]);
    let at = |c: usize| -EXTENT + (c as f64 + 0.5) * 2.0 * EXTENT / GRID as f64;
    let changed = (0..GRID * GRID)
        .filter(|c| {
            let [uniform, distance] =
                knn.class_by_weighting(at(c / GRID), at(c % GRID), &mut scratch, &mut out);
            uniform != distance
        })
        .count();
    let share = changed as f64 / (GRID * GRID) as f64;
    if share >= 0.01 {
        return Vec::new();
    }
    let how_much = if changed == 0 {
        "almost none of the plot here (under 0.1 %)".to_string()
    } else {
        format!("only {:.1} % of the plot here", 100.0 * share)
    };
    let note = format!(
        "The other weighting changes the predicted class on {how_much}: the k nearest \
         neighbours' vote is seldom close enough for their distances to turn it."
    );
    vec![(Key::Weighting, note)]
}
