//! Time to generate a plane data set, natively: `cargo bench --bench data`. Since session 17 it
//! includes scoring the rule that knows the pattern on every point (`data::bayes::BayesRule`),
//! which the verdict compares with: it runs again whenever a data control moves.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use paramlab_core::data::classification::{generate, Pattern};
use std::hint::black_box;

fn generation(c: &mut Criterion) {
    let mut group = c.benchmark_group("plane-data");
    for (pattern, points) in [
        (Pattern::Moons, 200),
        (Pattern::Moons, 500),
        (Pattern::ThreeBlobs, 500),
    ] {
        let name = format!("{pattern:?}-n{points}");
        group.bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter(|| black_box(generate(pattern, points, 0.6, 0.7, 42)))
        });
    }
    group.finish();
}

criterion_group!(benches, generation);
criterion_main!(benches);
