//! Predicting a whole grid of cells (a decision map) with trees on (x₁, x₂): the cells that reach
//! a leaf form a rectangle (a column range by x₁ times a row range by x₂), so each tree is walked
//! once for the grid, cutting the rectangle at every question, instead of once per cell.

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
        let order = |xs: &[f64]| {
            let mut idx: Vec<usize> = (0..xs.len()).collect();
            idx.sort_by(|&a, &b| xs[a].total_cmp(&xs[b]));
            idx
        };
        SortedGrid {
            cols: order(x1s),
            rows: order(x2s),
            x1s,
            x2s,
        }
    }

    /// Calls `visit` with each leaf of a tree on (x₁, x₂) (feature 0 is x₁, 1 is x₂) and the
    /// cells (row·columns + column) that reach it.
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
                grid: self,
                cols,
                rows,
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
pub struct Cells<'g, 'a> {
    grid: &'g SortedGrid<'a>,
    cols: Range<usize>,
    rows: Range<usize>,
}

impl Cells<'_, '_> {
    /// Calls `f` with each cell (row·columns + column).
    pub fn for_each(&self, mut f: impl FnMut(usize)) {
        let g = self.grid;
        for &row in &g.rows[self.rows.clone()] {
            let start = row * g.cols.len();
            for &col in &g.cols[self.cols.clone()] {
                f(start + col);
            }
        }
    }
}
