//! Predicting a whole grid of cells (a decision map) with trees on (x₁, x₂): the cells that reach
//! a leaf form a rectangle (a column range by x₁ times a row range by x₂), so each tree is walked
//! once for the grid, cutting the rectangle at every question, instead of once per cell. With the
//! cells laid out by increasing x₁ and x₂ ("sorted positions"), a leaf's rectangle is a run of
//! contiguous positions per row, which a plain loop adds to quickly; [`SortedGrid::cell`] maps
//! positions back to the caller's cells at the end.

use std::ops::Range;

/// The cells of a grid of x₁ and x₂ values, sorted along each axis so that the cells a leaf covers
/// are a rectangle of sorted positions.
pub struct SortedGrid<'a> {
    x1s: &'a [f64],
    x2s: &'a [f64],
    /// Columns by increasing x₁, rows by increasing x₂.
    cols: Vec<usize>,
    rows: Vec<usize>,
}

impl<'a> SortedGrid<'a> {
    pub fn new(x1s: &'a [f64], x2s: &'a [f64]) -> Self {
        // By value, then by index: k-NN's ranking (one copy of the sort in the bundle).
        let order = |xs: &[f64]| {
            let mut pairs: Vec<(f64, usize)> = xs.iter().copied().zip(0..).collect();
            pairs.sort_unstable_by(super::knn::by_distance);
            pairs.into_iter().map(|(_, i)| i).collect()
        };
        SortedGrid {
            cols: order(x1s),
            rows: order(x2s),
            x1s,
            x2s,
        }
    }

    /// How many cells the grid has.
    pub fn len(&self) -> usize {
        self.cols.len() * self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The caller's cell (row·columns + column, in the order of `x1s` and `x2s`) at a sorted
    /// position.
    pub fn cell(&self, position: usize) -> usize {
        let w = self.cols.len();
        self.rows[position / w] * w + self.cols[position % w]
    }

    /// Calls `visit` with each leaf of a tree on (x₁, x₂) (feature 0 is x₁, 1 is x₂) and the
    /// cells that reach it.
    pub fn for_each_leaf<N: Splits>(&self, nodes: &[N], mut visit: impl FnMut(&N, Cells)) {
        self.descend(nodes, 0, 0..self.cols.len(), 0..self.rows.len(), &mut visit);
    }

    fn descend<N: Splits>(
        &self,
        nodes: &[N],
        id: usize,
        cols: Range<usize>,
        rows: Range<usize>,
        visit: &mut impl FnMut(&N, Cells),
    ) {
        let Some((feature, threshold, left, right)) = nodes[id].split() else {
            let cells = Cells {
                cols,
                rows,
                width: self.cols.len(),
            };
            visit(&nodes[id], cells);
            return;
        };
        let cut = |range: &Range<usize>, order: &[usize], xs: &[f64]| {
            range.start + order[range.clone()].partition_point(|&i| xs[i] <= threshold)
        };
        if feature == 0 {
            let c = cut(&cols, &self.cols, self.x1s);
            self.descend(nodes, left, cols.start..c, rows.clone(), visit);
            self.descend(nodes, right, c..cols.end, rows, visit);
        } else {
            let r = cut(&rows, &self.rows, self.x2s);
            self.descend(nodes, left, cols.clone(), rows.start..r, visit);
            self.descend(nodes, right, cols, r..rows.end, visit);
        }
    }
}

/// A node of a tree on (x₁, x₂) whose question the grid can follow.
pub trait Splits {
    /// (feature, threshold, left child, right child) of an inner node; `None` at a leaf.
    fn split(&self) -> Option<(usize, f64, usize, usize)>;
}

impl Splits for super::tree::Node {
    fn split(&self) -> Option<(usize, f64, usize, usize)> {
        self.split
            .map(|s| (s.feature, s.threshold, s.left, s.right))
    }
}

/// The grid cells a leaf covers: a rectangle of sorted columns and rows.
pub struct Cells {
    cols: Range<usize>,
    rows: Range<usize>,
    width: usize,
}

impl Cells {
    /// The rectangle's sorted positions (row·columns + column), one contiguous run per row.
    pub fn runs(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        (self.rows.clone())
            .map(|r| r * self.width + self.cols.start..r * self.width + self.cols.end)
    }
}
