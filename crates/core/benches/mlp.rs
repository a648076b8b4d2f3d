//! Cost of training the neural network natively: `cargo bench --bench mlp`. One iteration is one
//! epoch over 250 points; criterion's throughput turns that into time per sample-step (forward +
//! backward + update share). The browser figures come from `tests/browser_bench.rs`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;

#[path = "../tests/mlp_case/mod.rs"]
mod mlp_case;

fn epochs(c: &mut Criterion) {
    let mut group = c.benchmark_group("mlp-epoch");
    group.throughput(Throughput::Elements(mlp_case::TRAIN_POINTS as u64));
    for hidden in [vec![4, 2], vec![8, 8]] {
        let mut net = mlp_case::network(&hidden);
        let name = format!("tanh-{hidden:?}-batch10-250pts");
        group.bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter(|| black_box(net.step()))
        });
    }
    group.finish();
    let mut group = c.benchmark_group("mlp-map");
    for hidden in [vec![4, 2], vec![8, 8], vec![16; 6]] {
        let net = mlp_case::network(&hidden);
        let xs: Vec<f64> = (0..100).map(|i| -1.5 + 0.03 * i as f64).collect();
        let mut out = [0.0; 2];
        group.bench_function(
            BenchmarkId::from_parameter(format!("100x100-{hidden:?}")),
            |b| {
                b.iter(|| {
                    for &x2 in &xs {
                        for &x1 in &xs {
                            net.proba(x1, x2, &mut out);
                            black_box(out);
                        }
                    }
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, epochs);
criterion_main!(benches);
