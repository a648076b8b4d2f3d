//! Time to make a plane lab's data set, natively: `cargo bench --bench data`. The points, then
//! the rule that knows the pattern scored on every one (`BestOnPoints::of`), which the verdict
//! compares with: both run again whenever a data control moves.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use paramlab_core::data::classification::{generate, BestOnPoints, Pattern};
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
            b.iter(|| {
                let data = generate(pattern, points, 0.6, 0.7, 42);
                black_box(BestOnPoints::of(pattern, 0.6, &data))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, generation);
criterion_main!(benches);
