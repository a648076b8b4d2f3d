//! A uniform grid over 2-D points for fast k-nearest-neighbour search.
//!
//! Points are bucketed into about n/2 square cells. A query scans rings of cells outward from its
//! own cell, keeping the k best candidates, and stops once the nearest cell not yet scanned is
//! farther than the k-th candidate. The answer is exactly that of a full scan (same order, ties by
//! lower index); only the work differs: a few dozen distances instead of all n.

/// Points bucketed by cell, in compressed rows: cell c holds `order[start[c]..start[c + 1]]`.
#[derive(Clone, Debug, PartialEq)]
pub struct GridIndex {
    xs: Vec<(f64, f64)>,
    min: (f64, f64),
    cell: f64,
    side: usize,
    start: Vec<usize>,
    order: Vec<usize>,
}

impl GridIndex {
    pub fn new(points: impl Iterator<Item = (f64, f64)>) -> Self {
        let xs: Vec<(f64, f64)> = points.collect();
        let (mut lo, mut hi) = (
            (f64::INFINITY, f64::INFINITY),
            (f64::NEG_INFINITY, f64::NEG_INFINITY),
        );
        for &(x, y) in &xs {
            lo = (lo.0.min(x), lo.1.min(y));
            hi = (hi.0.max(x), hi.1.max(y));
        }
        if xs.is_empty() {
            (lo, hi) = ((0.0, 0.0), (1.0, 1.0));
        }
        let side = ((xs.len() as f64 / 2.0).sqrt().ceil() as usize).clamp(1, 64);
        let cell = ((hi.0 - lo.0).max(hi.1 - lo.1) / side as f64).max(1e-9);
        let mut index = GridIndex {
            xs,
            min: lo,
            cell,
            side,
            start: vec![0; side * side + 1],
            order: Vec::new(),
        };
        let cells: Vec<usize> = index.xs.iter().map(|&(x, y)| index.cell_of(x, y)).collect();
        for &c in &cells {
            index.start[c + 1] += 1;
        }
        for c in 0..side * side {
            index.start[c + 1] += index.start[c];
        }
        let mut fill = index.start.clone();
        index.order = vec![0; cells.len()];
        for (i, &c) in cells.iter().enumerate() {
            index.order[fill[c]] = i;
            fill[c] += 1;
        }
        index
    }

    fn coord(&self, v: f64, min: f64) -> usize {
        (((v - min) / self.cell).floor().max(0.0) as usize).min(self.side - 1)
    }

    fn cell_of(&self, x: f64, y: f64) -> usize {
        self.coord(y, self.min.1) * self.side + self.coord(x, self.min.0)
    }

    /// The k nearest points to (x, y) as (squared distance, index), nearest first, into `out`.
    pub fn nearest(&self, x: f64, y: f64, k: usize, out: &mut Vec<(f64, usize)>) {
        out.clear();
        let k = k.min(self.xs.len());
        if k == 0 {
            return;
        }
        let (cx, cy) = (
            self.coord(x, self.min.0) as isize,
            self.coord(y, self.min.1) as isize,
        );
        let side = self.side as isize;
        for r in 0..side {
            for gy in (cy - r).max(0)..=(cy + r).min(side - 1) {
                let on_edge_row = gy == cy - r || gy == cy + r;
                let step = if on_edge_row { 1 } else { (2 * r).max(1) };
                let mut gx = cx - r;
                while gx <= cx + r {
                    if (0..side).contains(&gx) {
                        self.scan(gy as usize * self.side + gx as usize, x, y, k, out);
                    }
                    gx += step;
                }
            }
            // Every point not yet scanned lies outside the (2r + 1)-cell block around (cx, cy);
            // stop when the block's nearest open side is farther than the k-th candidate.
            if out.len() == k && self.outside_bound(x, y, cx, cy, r).powi(2) > out[k - 1].0 {
                break;
            }
        }
    }

    fn scan(&self, cell: usize, x: f64, y: f64, k: usize, out: &mut Vec<(f64, usize)>) {
        for &i in &self.order[self.start[cell]..self.start[cell + 1]] {
            let (px, py) = self.xs[i];
            let d = (px - x) * (px - x) + (py - y) * (py - y);
            // Fast path: most points are farther than the current k-th candidate.
            if out.len() == k && d > out[k - 1].0 {
                continue;
            }
            let cand = (d, i);
            if out.len() == k && !before(&cand, &out[k - 1]) {
                continue;
            }
            let pos = out.partition_point(|a| before(a, &cand));
            out.insert(pos, cand);
            out.truncate(k);
        }
    }

    /// A lower bound on the distance from (x, y) to any point outside the block of cells within
    /// `r` of (cx, cy). Sides at the grid's border have nothing beyond them.
    fn outside_bound(&self, x: f64, y: f64, cx: isize, cy: isize, r: isize) -> f64 {
        let side = self.side as isize;
        let mut bound = f64::INFINITY;
        let edge = |c: isize, min: f64| min + c as f64 * self.cell;
        if cx - r > 0 {
            bound = bound.min((x - edge(cx - r, self.min.0)).max(0.0));
        }
        if cx + r < side - 1 {
            bound = bound.min((edge(cx + r + 1, self.min.0) - x).max(0.0));
        }
        if cy - r > 0 {
            bound = bound.min((y - edge(cy - r, self.min.1)).max(0.0));
        }
        if cy + r < side - 1 {
            bound = bound.min((edge(cy + r + 1, self.min.1) - y).max(0.0));
        }
        bound
    }
}

/// Nearer first; equal distances by lower index.
fn before(a: &(f64, usize), b: &(f64, usize)) -> bool {
    a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).is_lt()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::rng::{seeded, uniform};

    fn brute(points: &[(f64, f64)], x: f64, y: f64, k: usize) -> Vec<(f64, usize)> {
        let mut all: Vec<(f64, usize)> = points
            .iter()
            .enumerate()
            .map(|(i, p)| ((p.0 - x) * (p.0 - x) + (p.1 - y) * (p.1 - y), i))
            .collect();
        all.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        all.truncate(k);
        all
    }

    #[test]
    fn same_answer_as_a_full_scan_inside_and_outside_the_points() {
        let mut rng = seeded(11, 0);
        for n in [1, 2, 7, 60, 350] {
            let pts: Vec<(f64, f64)> = (0..n)
                .map(|_| (uniform(&mut rng, -1.0, 0.8), uniform(&mut rng, -0.5, 1.0)))
                .collect();
            let index = GridIndex::new(pts.iter().copied());
            let mut out = Vec::new();
            for k in [1, 3, 15, 50, 400] {
                for _ in 0..200 {
                    let (x, y) = (uniform(&mut rng, -2.0, 2.0), uniform(&mut rng, -2.0, 2.0));
                    index.nearest(x, y, k, &mut out);
                    assert_eq!(
                        out,
                        brute(&pts, x, y, k.min(n)),
                        "n={n} k={k} at ({x}, {y})"
                    );
                }
            }
        }
    }

    #[test]
    fn duplicates_and_a_single_column() {
        let pts = vec![(0.0, 0.0), (0.0, 0.0), (0.0, 1.0), (0.0, 2.0), (0.0, 0.0)];
        let index = GridIndex::new(pts.iter().copied());
        let mut out = Vec::new();
        index.nearest(0.0, 0.1, 3, &mut out);
        assert_eq!(out, brute(&pts, 0.0, 0.1, 3)); // ties broken by index: 0, 1, 4
    }
}
