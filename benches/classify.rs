//! Classification core, natively: `cargo bench --bench classify`. A 100 × 100 decision map is
//! 10,000 predictions; k-NN's cost is the distance scan over the stored training set.

use criterion::{criterion_group, criterion_main, Criterion};
use paramlab::data::classification::{generate, Pattern};
use paramlab::ml::knn::{Knn, KnnHyper, Weighting};
use paramlab::ml::logistic::{Logistic, LogisticHyper};
use paramlab::ml::optimizer::OptimizerKind;
use paramlab::ml::plane_model::PlaneModel;
use paramlab::ml::regularization::Regularization;
use paramlab::ml::tree::{Criterion as Impurity, Tree, TreeHyper};
use paramlab::plot::region::decision_map;
use std::hint::black_box;

fn models(c: &mut Criterion) {
    let data = generate(Pattern::Moons, 500, 0.3, 0.7, 42);
    let knn = PlaneModel::Knn(Knn::fit(
        KnnHyper::new(15, Weighting::Uniform).unwrap(),
        &data.train,
        2,
    ));
    let mut tree = Tree::new(
        TreeHyper::new(Some(15), 1, Impurity::Gini).unwrap(),
        &data.train,
        2,
    );
    while tree.grow_level() {}
    let tree = PlaneModel::Tree(tree);
    let hyper =
        LogisticHyper::new(0.03, 5, Regularization::None, 0.0, OptimizerKind::Adam).unwrap();
    let logistic = PlaneModel::Logistic(Logistic::new(hyper, &data.train, 2));
    for (name, model) in [
        ("knn-k15", &knn),
        ("tree", &tree),
        ("logistic-deg5", &logistic),
    ] {
        c.bench_function(&format!("map-100x100/{name}/350-train"), |b| {
            b.iter(|| black_box(decision_map(model, 100, 2)))
        });
    }
    for k in [1, 5, 15, 30, 100, 349] {
        for (name, w) in [
            ("uniform", Weighting::Uniform),
            ("distance", Weighting::Distance),
        ] {
            let knn = PlaneModel::Knn(Knn::fit(KnnHyper::new(k, w).unwrap(), &data.train, 2));
            c.bench_function(&format!("map-100x100/knn-k{k}-{name}/350-train"), |b| {
                b.iter(|| black_box(decision_map(&knn, 100, 2)))
            });
        }
    }
    c.bench_function("tree-grow-full/350-train", |b| {
        b.iter(|| {
            let mut t = Tree::new(
                TreeHyper::new(None, 1, Impurity::Gini).unwrap(),
                &data.train,
                2,
            );
            while t.grow_level() {}
            black_box(t)
        })
    });
    c.bench_function("logistic-epoch/deg5/350-train", |b| {
        let mut m = Logistic::new(hyper, &data.train, 2);
        b.iter(|| black_box(m.step()))
    });
}

criterion_group!(benches, models);
criterion_main!(benches);
