//! The k-NN decision map (`Knn::proba_grid`, cells in certified blocks) against the plain
//! per-query search (`Knn::proba`), shared by the native tests (`tests/core_regression.rs`: the
//! scalar vote sum) and the browser tests (`tests/browser.rs`: the WebAssembly SIMD vote sum).

use paramlab_core::data::classification::{generate, Pattern};
use paramlab_core::ml::knn::{Knn, KnnHyper, Weighting};

/// Every cell equals the per-query answer, for small, middling and large k (up to past the
/// training set), both weightings, a grid whose size is not a multiple of the block, and a cell
/// that falls exactly on a training point (where distance weighting lets that point alone vote).
pub fn map_equals_one_query_at_a_time() {
    let mut d = generate(Pattern::ThreeBlobs, 300, 0.5, 0.7, 9);
    let x1s: Vec<f64> = (0..23).map(|i| -1.4 + 0.12 * i as f64).collect();
    let x2s: Vec<f64> = (0..21).map(|i| 1.3 - 0.13 * i as f64).collect();
    (d.train[0].x1, d.train[0].x2) = (x1s[5], x2s[6]);
    for k in [1, 2, 7, 30, 150, 209, 210, 400] {
        for w in [Weighting::Uniform, Weighting::Distance] {
            let knn = Knn::fit(KnnHyper::new(k, w).unwrap(), &d.train, 3);
            let grid = knn.proba_grid(&x1s, &x2s, 3);
            let (mut scratch, mut one) = (Vec::new(), vec![0.0; 3]);
            for (row, &x2) in x2s.iter().enumerate() {
                for (col, &x1) in x1s.iter().enumerate() {
                    knn.proba(x1, x2, &mut scratch, &mut one);
                    let at = (row * x1s.len() + col) * 3;
                    for c in 0..3 {
                        let gap = (grid[at + c] - one[c]).abs();
                        assert!(gap < 1e-12, "k={k} {w:?} at ({x1}, {x2}) class {c}: {gap}");
                    }
                }
            }
            if w == Weighting::Distance {
                let on_point = (6 * x1s.len() + 5) * 3;
                assert_eq!(grid[on_point + d.train[0].class], 1.0, "k={k}");
            }
        }
    }
}
