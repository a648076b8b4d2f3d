//! k-NN class probabilities on a whole grid of queries (the decision map), sharing work between
//! neighbouring cells. Every cell has exactly [`Knn::proba`]'s neighbours; only the work differs
//! (and, with distance weighting, the order in which their votes are added: the shares agree to
//! rounding).
//!
//! Why it is exact: the distance to the k-th nearest point, r(q), moves by at most |q − a| when
//! the query moves from a to q (as does the distance to any one point). Take a small block of
//! cells, its centre a, and ρ the farthest any cell of the block is from a; measure every point
//! from a and find r(a). Then for every query q of the block:
//! - a point with d(a, p) < r(a) − 2ρ has d(q, p) < r(a) − ρ ≤ r(q): it is **surely one of the
//!   k nearest**, whatever the ties;
//! - a point with d(a, p) > r(a) + 2ρ has d(q, p) > r(a) + ρ ≥ r(q): it **surely is not**;
//! - only the thin ring of points in between (the band) is ranked at each query, exactly as the
//!   plain search ranks them (squared distance, ties to the lower index).
//!
//! So a block of 16 cells costs one pass over all n points plus 16 small rankings of the band,
//! instead of 16 full searches, and the cost hardly depends on k.

use super::knn::{by_distance, distance_vote, Knn, Weighting};
use crate::data::classification::Point2;

/// Cells per block side; measured in `benches/classify.rs` (wider blocks widen the band).
const BLOCK: usize = 4;
/// Headroom for rounding in the bounds (coordinates are of order 1; rounding is ~1e-16).
const SLACK: f64 = 1e-9;

/// What is known about one block: the points surely among the k nearest and the band.
struct Block {
    /// The sure points' coordinates, class after class (class c's are `sure_x1[ends[c − 1] ..
    /// ends[c]]`), so a distance-weighted vote is one plain sum per class.
    sure_x1: Vec<f64>,
    sure_x2: Vec<f64>,
    ends: Vec<usize>,
    /// How many sure points each class has (uniform votes need nothing more from them).
    sure_votes: Vec<f64>,
    band: Vec<usize>,
}

impl Block {
    fn sure_count(&self) -> usize {
        self.sure_x1.len()
    }
}

impl Knn {
    /// Class probabilities at every (`x1s[col]`, `x2s[row]`), row after row, `classes` values per
    /// cell, into a new vector of length x1s.len() × x2s.len() × classes. Both coordinate lists
    /// must be monotone (as a map's are): a block's corners are then its farthest cells.
    pub fn proba_grid(&self, x1s: &[f64], x2s: &[f64], classes: usize) -> Vec<f64> {
        let mut out = vec![0.0; x1s.len() * x2s.len() * classes];
        let mut ranked: Vec<(f64, usize)> = Vec::new();
        let mut scratch = Vec::new();
        // The stored points class by class, so each block finds its sure points grouped.
        let mut by_class: Vec<usize> = (0..self.points().len()).collect();
        by_class.sort_unstable_by_key(|&i| (self.points()[i].class, i));
        for r0 in (0..x2s.len()).step_by(BLOCK) {
            let rows = r0..(r0 + BLOCK).min(x2s.len());
            for c0 in (0..x1s.len()).step_by(BLOCK) {
                let cols = c0..(c0 + BLOCK).min(x1s.len());
                let block = self.block(&x1s[cols.clone()], &x2s[rows.clone()], classes, &by_class);
                for row in rows.clone() {
                    for col in cols.clone() {
                        let at = (row * x1s.len() + col) * classes;
                        let cell = &mut out[at..at + classes];
                        let (x1, x2) = (x1s[col], x2s[row]);
                        match &block {
                            Some(b) => self.proba_in_block(b, x1, x2, &mut ranked, cell),
                            None => self.proba(x1, x2, &mut scratch, cell),
                        }
                    }
                }
            }
        }
        out
    }

    /// Splits the stored points for the block spanned by `x1s` × `x2s`; `None` when there are
    /// none, or when the bounds leave too few candidates (never in exact arithmetic; a guard
    /// against rounding).
    fn block(&self, x1s: &[f64], x2s: &[f64], classes: usize, by_class: &[usize]) -> Option<Block> {
        let points = self.points();
        let k = self.effective_k();
        if k == 0 {
            return None;
        }
        let centre = (
            (x1s[0] + x1s[x1s.len() - 1]) / 2.0,
            (x2s[0] + x2s[x2s.len() - 1]) / 2.0,
        );
        let distance =
            |x1: f64, x2: f64| ((x1 - centre.0).powi(2) + (x2 - centre.1).powi(2)).sqrt();
        let rho = distance(x1s[0], x2s[0]);
        let dist: Vec<f64> = points.iter().map(|p| distance(p.x1, p.x2)).collect();
        let mut sorted = dist.clone();
        let (_, kth, _) = sorted.select_nth_unstable_by(k - 1, f64::total_cmp);
        let (inner, outer) = (*kth - 2.0 * rho - SLACK, *kth + 2.0 * rho + SLACK);
        let mut block = Block {
            sure_x1: Vec::new(),
            sure_x2: Vec::new(),
            ends: Vec::with_capacity(classes),
            sure_votes: vec![0.0; classes],
            band: Vec::new(),
        };
        for &i in by_class {
            let (p, d) = (&points[i], dist[i]);
            if d < inner {
                while block.ends.len() < p.class {
                    block.ends.push(block.sure_x1.len());
                }
                block.sure_x1.push(p.x1);
                block.sure_x2.push(p.x2);
                block.sure_votes[p.class] += 1.0;
            } else if d <= outer {
                block.band.push(i);
            }
        }
        block.ends.resize(classes, block.sure_x1.len());
        let sure = block.sure_count();
        (sure <= k && sure + block.band.len() >= k).then_some(block)
    }

    /// The k nearest of one query: the block's sure points and the nearest of its band.
    fn proba_in_block(
        &self,
        block: &Block,
        x1: f64,
        x2: f64,
        ranked: &mut Vec<(f64, usize)>,
        out: &mut [f64],
    ) {
        let points = self.points();
        let d2 = |p: &Point2| (p.x1 - x1) * (p.x1 - x1) + (p.x2 - x2) * (p.x2 - x2);
        ranked.clear();
        ranked.extend(block.band.iter().map(|&i| (d2(&points[i]), i)));
        let wanted = self.effective_k() - block.sure_count();
        if wanted > 0 && wanted < ranked.len() {
            ranked.select_nth_unstable_by(wanted - 1, by_distance);
        }
        ranked.truncate(wanted);
        let chosen = ranked.iter().map(|&(d2, i)| (d2, points[i].class));
        match self.weighting() {
            // One vote each: the sure points' votes are counted once per block.
            Weighting::Uniform => {
                out.copy_from_slice(&block.sure_votes);
                chosen.for_each(|(_, class)| out[class] += 1.0);
            }
            // A vote of 1/distance each, as in `Knn::vote`; on a stored point, only the points
            // at distance zero vote, one each.
            Weighting::Distance => {
                out.fill(0.0);
                let mut on_a_point = false;
                for (d2, class) in chosen.clone() {
                    on_a_point |= d2 == 0.0;
                    out[class] += distance_vote(d2);
                }
                let mut start = 0;
                for (o, &end) in out.iter_mut().zip(&block.ends) {
                    let (xs, ys) = (&block.sure_x1[start..end], &block.sure_x2[start..end]);
                    let (votes, on) = distance_votes(xs, ys, x1, x2);
                    *o += votes;
                    on_a_point |= on;
                    start = end;
                }
                if on_a_point {
                    out.fill(0.0);
                    chosen
                        .filter(|(d2, _)| *d2 == 0.0)
                        .for_each(|(_, c)| out[c] += 1.0);
                    let mut start = 0;
                    for (o, &end) in out.iter_mut().zip(&block.ends) {
                        let (xs, ys) = (&block.sure_x1[start..end], &block.sure_x2[start..end]);
                        *o += xs
                            .iter()
                            .zip(ys)
                            .filter(|&(a, b)| *a == x1 && *b == x2)
                            .count() as f64;
                        start = end;
                    }
                }
            }
        }
        let total: f64 = out.iter().sum();
        out.iter_mut().for_each(|o| *o /= total);
    }
}

/// The sum of [`distance_vote`]s of the points (`xs[i]`, `ys[i]`) from the query (x1, x2), and
/// whether the query lies on one of them. This is the map's hot loop when k is large: every cell
/// sums 1/distance over hundreds of sure points.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
fn distance_votes(xs: &[f64], ys: &[f64], x1: f64, x2: f64) -> (f64, bool) {
    let mut on_a_point = false;
    let mut sum = 0.0;
    for (a, b) in xs.iter().zip(ys) {
        let d2 = (a - x1) * (a - x1) + (b - x2) * (b - x2);
        on_a_point |= d2 == 0.0;
        sum += distance_vote(d2);
    }
    (sum, on_a_point)
}

/// The same sum four points at a time with WebAssembly SIMD: squared distances in two f64x2
/// (each lane exactly the scalar arithmetic), then one f32x4 square root and division for the
/// four votes (as in [`distance_vote`]), summed in f64. Only the order of the additions differs
/// from the scalar loop.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
fn distance_votes(xs: &[f64], ys: &[f64], x1: f64, x2: f64) -> (f64, bool) {
    use core::arch::wasm32::*;
    let (q1, q2) = (f64x2_splat(x1), f64x2_splat(x2));
    let d2 = |a: &[f64], b: &[f64]| {
        let (a, b) = (f64x2(a[0], a[1]), f64x2(b[0], b[1]));
        let (da, db) = (f64x2_sub(a, q1), f64x2_sub(b, q2));
        f64x2_add(f64x2_mul(da, da), f64x2_mul(db, db))
    };
    let (tiny, one, zero) = (
        f32x4_splat(f32::MIN_POSITIVE),
        f32x4_splat(1.0),
        f64x2_splat(0.0),
    );
    let (mut low, mut high, mut on) = (zero, zero, i64x2_splat(0));
    let quads = xs.len() / 4;
    for (a, b) in xs.chunks_exact(4).zip(ys.chunks_exact(4)) {
        let (d01, d23) = (d2(&a[..2], &b[..2]), d2(&a[2..], &b[2..]));
        on = v128_or(on, v128_or(f64x2_eq(d01, zero), f64x2_eq(d23, zero)));
        let d2s =
            i32x4_shuffle::<0, 1, 4, 5>(f32x4_demote_f64x2_zero(d01), f32x4_demote_f64x2_zero(d23));
        let votes = f32x4_div(one, f32x4_sqrt(f32x4_max(d2s, tiny)));
        low = f64x2_add(low, f64x2_promote_low_f32x4(votes));
        high = f64x2_add(
            high,
            f64x2_promote_low_f32x4(i32x4_shuffle::<2, 3, 2, 3>(votes, votes)),
        );
    }
    let sum = f64x2_add(low, high);
    let mut sum = f64x2_extract_lane::<0>(sum) + f64x2_extract_lane::<1>(sum);
    let mut on_a_point = v128_any_true(on);
    for (a, b) in xs[quads * 4..].iter().zip(&ys[quads * 4..]) {
        let d2 = (a - x1) * (a - x1) + (b - x2) * (b - x2);
        on_a_point |= d2 == 0.0;
        sum += distance_vote(d2);
    }
    (sum, on_a_point)
}

#[cfg(test)]
mod tests {
    //! The whole-grid comparison with the per-query search is `tests/knn_case`, run natively and
    //! in Chromium (the SIMD vote sum).
    use crate::ml::knn::{Knn, KnnHyper, Weighting};

    /// Data on a lattice through the grid's own cells: queries exactly on stored points (where
    /// distance weighting lets only those points vote) and exact distance ties (lower index wins).
    #[test]
    fn ties_and_queries_on_stored_points_match_the_plain_search() {
        use crate::data::classification::Point2;
        let xs: Vec<f64> = (0..15).map(|i| -0.7 + 0.1 * i as f64).collect();
        let pts: Vec<Point2> = (0..64)
            .map(|i| Point2 {
                x1: xs[2 * (i % 8)],
                x2: xs[2 * (i / 8)],
                class: (i * 7 + i / 3) % 2,
            })
            .collect();
        for k in [1, 3, 4, 5, 12, 33, 64] {
            for w in [Weighting::Uniform, Weighting::Distance] {
                let knn = Knn::fit(KnnHyper::new(k, w).unwrap(), &pts, 2);
                let grid = knn.proba_grid(&xs, &xs, 2);
                let (mut scratch, mut one) = (Vec::new(), vec![0.0; 2]);
                for (row, &x2) in xs.iter().enumerate() {
                    for (col, &x1) in xs.iter().enumerate() {
                        knn.proba(x1, x2, &mut scratch, &mut one);
                        let at = (row * xs.len() + col) * 2;
                        for c in 0..2 {
                            assert!(
                                (grid[at + c] - one[c]).abs() < 1e-12,
                                "k={k} {w:?} at ({x1}, {x2})"
                            );
                        }
                    }
                }
            }
        }
    }
}
