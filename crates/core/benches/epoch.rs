//! Time per training epoch of the regression core, natively: `cargo bench --bench epoch`.
//! The browser figures come from `tests/bench/browser-bench.mjs`; both go into BENCHMARKS.md.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use paramlab_core::data::regression::{generate, Curve, DataSpec};
use paramlab_core::ml::optimizer::OptimizerKind;
use paramlab_core::ml::polynomial::{Hyper, Trainer};
use paramlab_core::ml::regularization::Regularization;
use std::hint::black_box;

fn epochs(c: &mut Criterion) {
    let mut group = c.benchmark_group("epoch");
    // (points, degree, batch): the benchmark case is degree 15 on 500 points.
    for (points, degree, batch) in [
        (500, 15, None),
        (500, 15, Some(32)),
        (40, 3, None),
        (20, 15, None),
    ] {
        let data = generate(&DataSpec::new(Curve::Sine, points, 0.2, 0.7, 42).unwrap());
        let hyper = Hyper::new(
            0.03,
            degree,
            Regularization::L2,
            1e-4,
            batch,
            OptimizerKind::Adam,
        )
        .unwrap();
        let mut trainer = Trainer::new(hyper, &data.train, 42);
        let name = format!(
            "n{points}-d{degree}-b{}",
            batch.map_or("all".to_string(), |b| b.to_string())
        );
        group.bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter(|| black_box(trainer.step()))
        });
    }
    group.finish();
}

criterion_group!(benches, epochs);
criterion_main!(benches);
