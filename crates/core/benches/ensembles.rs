//! Cost of the ensembles natively: `cargo bench --bench ensembles`. Issue 12's targets are for the
//! browser (WebAssembly runs about 1.5–2× slower than native): rebuilding 200 trees of depth 4 on
//! 350 training points within 100 ms, and a 100×100 decision map of 200 trees within a frame
//! (16 ms). The map is measured both leaf rectangle by leaf rectangle (`proba_grid`, what the
//! lab uses) and cell by cell (`proba`) for comparison.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use paramlab_core::data::classification::{generate, Pattern};
use paramlab_core::ml::boosting::{Boosting, BoostingHyper};
use paramlab_core::ml::forest::{Forest, ForestHyper};
use paramlab_core::ml::model::fit;
use paramlab_core::ml::plane_model::PlaneSet;
use paramlab_core::ml::tree::{Criterion as Impurity, TreeHyper};
use std::hint::black_box;

const TREES: usize = 200;

/// 350 training points (of 500) of a pattern.
fn train(pattern: Pattern) -> PlaneSet {
    let set = generate(pattern, 500, 0.4, 0.7, 1).train_set();
    assert_eq!(set.points.len(), 350);
    set
}

fn forest_hyper(max_features: usize) -> ForestHyper {
    let tree = TreeHyper::new(Some(4), 1, Impurity::Gini).unwrap();
    ForestHyper::new(TREES, tree, 1, max_features, true).unwrap()
}

fn boosting_hyper() -> BoostingHyper {
    BoostingHyper::new(TREES, 0.1, Some(4), 1, 1.0).unwrap()
}

fn axis() -> Vec<f64> {
    (0..100).map(|i| -1.5 + 0.03 * i as f64).collect()
}

fn build(c: &mut Criterion) {
    let mut group = c.benchmark_group("ensemble-build-200-trees-depth4-350pts");
    let moons = train(Pattern::Moons);
    for max_features in [1, 2] {
        group.bench_function(
            BenchmarkId::new("forest-bootstrap-max-features", max_features),
            |b| b.iter(|| black_box(fit::<Forest>(&forest_hyper(max_features), &moons, 3, 1000))),
        );
    }
    group.bench_function("boosting-2-classes", |b| {
        b.iter(|| black_box(fit::<Boosting>(&boosting_hyper(), &moons, 3, 1000)))
    });
    // Three classes: three trees a round, 600 in all.
    let blobs = train(Pattern::ThreeBlobs);
    group.bench_function("boosting-3-classes-200-rounds", |b| {
        b.iter(|| black_box(fit::<Boosting>(&boosting_hyper(), &blobs, 3, 1000)))
    });
    group.finish();
}

fn map(c: &mut Criterion) {
    let mut group = c.benchmark_group("ensemble-map-100x100-200-trees");
    let moons = train(Pattern::Moons);
    let forest: Forest = fit(&forest_hyper(2), &moons, 3, 1000);
    let boosting: Boosting = fit(&boosting_hyper(), &moons, 3, 1000);
    let (x1s, x2s) = (axis(), axis());
    group.bench_function("forest-grid", |b| {
        b.iter(|| black_box(forest.proba_grid(&x1s, &x2s)))
    });
    group.bench_function("boosting-grid", |b| {
        b.iter(|| black_box(boosting.proba_grid(&x1s, &x2s)))
    });
    // On a polynomial map a leaf is no rectangle of the plane: the map goes cell by cell.
    let tree = TreeHyper::new(Some(4), 1, Impurity::Gini).unwrap();
    let quadratic = ForestHyper::new(TREES, tree, 2, 2, true).unwrap();
    let curved: Forest = fit(&quadratic, &moons, 3, 1000);
    group.bench_function("forest-degree-2-grid", |b| {
        b.iter(|| black_box(curved.proba_grid(&x1s, &x2s)))
    });
    let mut out = [0.0; 2];
    group.bench_function("forest-cell-by-cell", |b| {
        b.iter(|| {
            for &x2 in &x2s {
                for &x1 in &x1s {
                    forest.proba(x1, x2, &mut out);
                    black_box(out);
                }
            }
        })
    });
    group.bench_function("boosting-cell-by-cell", |b| {
        b.iter(|| {
            for &x2 in &x2s {
                for &x1 in &x1s {
                    boosting.proba(x1, x2, &mut out);
                    black_box(out);
                }
            }
        })
    });
    group.finish();
}

criterion_group!(benches, build, map);
criterion_main!(benches);
