//! Dumps ParamLab's models, data and reported numbers as JSON, for `scripts/sklearn-check.py` to
//! compare against numpy and scikit-learn (a documented manual check, not part of CI).
//!
//! ```sh
//! cargo run -j1 --release -p paramlab-core --example sklearn_dump -- /tmp/sk-dump
//! /tmp/skvenv/bin/python scripts/sklearn-check.py /tmp/sk-dump
//! ```
//!
//! Every model is trained through the crate's public API exactly as the labs train it; the
//! gradient-trained models (polynomial and logistic regression) are trained until their weights
//! stop moving, so that they can be compared with exact solvers. One JSON file per model family.

use paramlab_core::data::classification::{self, Dataset2, Pattern, Point2};
use paramlab_core::data::regression::{self, Curve, DataSpec, Point};
use paramlab_core::data::rng::seeded;
use paramlab_core::ml::activation::Activation;
use paramlab_core::ml::boosting::{Boosting, BoostingHyper};
use paramlab_core::ml::forest::{Forest, ForestHyper};
use paramlab_core::ml::knn::{Knn, KnnHyper, Weighting};
use paramlab_core::ml::logistic::{Logistic, LogisticHyper};
use paramlab_core::ml::metrics::{r_squared, variance};
use paramlab_core::ml::mlp::{Architecture, Inputs, Mlp, Targets, Training};
use paramlab_core::ml::model::{fit, Epoch, Model, Samples, Score};
use paramlab_core::ml::optimizer::OptimizerKind;
use paramlab_core::ml::optimum::stable_learning_rate;
use paramlab_core::ml::plane_model::{PlaneHyper, PlaneModel, PlaneSet};
use paramlab_core::ml::polynomial::{Hyper, Trainer};
use paramlab_core::ml::regression_tree::RegressionTree;
use paramlab_core::ml::regularization::Regularization;
use paramlab_core::ml::rows::FeatureMap;
use paramlab_core::ml::tree::{Criterion, Node, Tree, TreeHyper};
use paramlab_core::state::spec::Key;
use paramlab_core::state::tuning::folds as lab_folds;
use paramlab_core::state::tuning_axes::space_within;
use paramlab_core::state::tuning_plane::PlanePoints;
use paramlab_core::state::url::decode;
use paramlab_core::tune::code::python;
use paramlab_core::tune::cv::cross_validate;
use paramlab_core::tune::folds::{Folds, Scheme};
use paramlab_core::tune::gp::Kernel;
use paramlab_core::tune::strategy::{grid, surrogate};
use rand::Rng;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::rc::Rc;

fn main() {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .expect("usage: sklearn_dump OUTPUT_DIRECTORY"),
    );
    std::fs::create_dir_all(&dir).expect("the output directory");
    write(&dir, "regression", regression());
    write(&dir, "logistic", logistic());
    write(&dir, "knn", knn());
    write(&dir, "tree", tree());
    write(&dir, "boosting", boosting());
    write(&dir, "forest", forest());
    write(&dir, "mlp", mlp());
    write(&dir, "cv", cv());
    write(&dir, "codegen", codegen());
    write(&dir, "gp", gp());
    println!("wrote {}", dir.display());
}

fn write(dir: &Path, name: &str, value: Value) {
    let path = dir.join(format!("{name}.json"));
    let text = serde_json::to_string_pretty(&value).expect("JSON");
    std::fs::write(&path, text).expect("writable output directory");
    println!("{}", path.display());
}

// ---------------------------------------------------------------------------------------------
// Data

fn points_json(points: &[Point]) -> Value {
    json!({
        "x": points.iter().map(|p| p.x).collect::<Vec<_>>(),
        "y": points.iter().map(|p| p.y).collect::<Vec<_>>(),
    })
}

fn plane_json(points: &[Point2]) -> Value {
    json!({
        "X": points.iter().map(|p| [p.x1, p.x2]).collect::<Vec<_>>(),
        "y": points.iter().map(|p| p.class).collect::<Vec<_>>(),
    })
}

fn plane_data(pattern: Pattern, n: usize, noise: f64, seed: u64) -> Dataset2 {
    classification::generate(pattern, n, noise, 0.7, seed)
}

fn score_json(s: &Score) -> Value {
    json!({ "loss": s.loss, "accuracy": s.accuracy, "confusion": s.confusion })
}

/// A grid of query points over the data's square, row after row.
fn query_grid(side: usize) -> Vec<Point2> {
    let at = |i: usize| -1.3 + 2.6 * i as f64 / (side - 1) as f64;
    (0..side * side)
        .map(|c| Point2 {
            x1: at(c % side),
            x2: at(c / side),
            class: 0,
        })
        .collect()
}

fn xs(points: &[Point2]) -> Vec<[f64; 2]> {
    points.iter().map(|p| [p.x1, p.x2]).collect()
}

// ---------------------------------------------------------------------------------------------
// Polynomial regression

/// Trains until no weight moves by more than 1e-15 in an epoch (or `max` epochs).
fn converge_polynomial(t: &mut Trainer, max: u64) -> bool {
    let mut still = 0;
    for _ in 0..max {
        let before = t.model().weights.clone();
        if t.step() == Epoch::Diverged {
            return false;
        }
        let moved = (before.iter().zip(&t.model().weights))
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max);
        still = if moved < 1e-15 { still + 1 } else { 0 };
        if still >= 20 {
            return true;
        }
    }
    false
}

fn regression() -> Value {
    use OptimizerKind::*;
    use Regularization::*;
    // (curve, points, noise, seed, degree, penalty, λ, optimizer, learning rate)
    let cases = [
        (Curve::Sine, 60, 0.2, 1, 3, None, 0.0, Momentum, 0.05),
        (Curve::Sine, 60, 0.2, 1, 5, L2, 0.01, Momentum, 0.05),
        (Curve::Cubic, 80, 0.3, 2, 9, L2, 0.001, Momentum, 0.05),
        (Curve::Line, 40, 0.1, 3, 2, L2, 0.1, Sgd, 0.2),
        (Curve::Sine, 60, 0.2, 1, 5, L1, 0.01, Sgd, 0.2),
        (Curve::Cubic, 80, 0.3, 2, 8, L1, 0.003, Sgd, 0.2),
        (Curve::Step, 50, 0.1, 4, 6, L1, 0.02, Momentum, 0.02),
        (Curve::Step, 50, 0.1, 4, 6, L1, 0.02, Adam, 0.001),
    ];
    let mut out = Vec::new();
    for (curve, n, noise, seed, degree, reg, lambda, opt, lr) in cases {
        let data = regression::generate(&DataSpec::new(curve, n, noise, 0.7, seed).unwrap());
        let hyper = Hyper::new(lr, degree, reg, lambda, Option::None, opt).unwrap();
        let mut t = Trainer::new(hyper, &data.train, 0);
        let converged = converge_polynomial(&mut t, 2_000_000);
        let train_score = Model::score(&t, &data.train);
        let test_score = Model::score(&t, &data.test);
        let test_y: Vec<f64> = data.test.iter().map(|p| p.y).collect();
        out.push(json!({
            "name": format!("{curve:?} n={n} degree {degree} {reg:?} λ={lambda} {opt:?}"),
            "degree": degree,
            "penalty": format!("{reg:?}"),
            "lambda": lambda,
            "optimizer": format!("{opt:?}"),
            "converged": converged,
            "epochs": t.epoch(),
            "train": points_json(&data.train),
            "test": points_json(&data.test),
            "weights": t.model().weights,
            "powers": t.model().powers(),
            "test_predictions": data.test.iter().map(|p| t.model().predict(p.x)).collect::<Vec<_>>(),
            "train_mse": train_score.loss,
            "test_mse": test_score.loss,
            "objective": t.objective(),
            "test_r2": r_squared(test_score.loss, variance(&test_y)),
            "stable_learning_rate": stable_learning_rate(t.hyper(), &data.train),
        }));
    }
    json!(out)
}

// ---------------------------------------------------------------------------------------------
// Logistic regression

fn converge_logistic(m: &mut Logistic, max: u64) -> bool {
    let mut still = 0;
    for _ in 0..max {
        let before = m.weights().to_vec();
        if m.step() == Epoch::Diverged {
            return false;
        }
        let moved = (before.iter().zip(m.weights()))
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max);
        still = if moved < 1e-14 { still + 1 } else { 0 };
        if still >= 20 {
            return true;
        }
    }
    false
}

fn logistic_json(name: String, m: &Logistic, d: &Dataset2, converged: bool) -> Value {
    let k = m.classes();
    let proba = |pts: &[Point2]| -> Vec<Vec<f64>> {
        pts.iter()
            .map(|p| {
                let mut o = vec![0.0; k];
                m.proba(p.x1, p.x2, &mut o);
                o
            })
            .collect()
    };
    let model = PlaneModel::Logistic(m.clone());
    json!({
        "name": name,
        "degree": m.hyper().degree(),
        "classes": k,
        "converged": converged,
        "epochs": m.epoch(),
        "train": plane_json(&d.train),
        "test": plane_json(&d.test),
        "exponents": m.exponents(),
        "weights": m.weights().chunks(m.exponents().len()).collect::<Vec<_>>(),
        "train_proba": proba(&d.train),
        "test_proba": proba(&d.test),
        "train_loss": m.train_loss(),
        "test_score": score_json(&model.score(&d.test_set())),
    })
}

fn logistic() -> Value {
    use Regularization::*;
    // (pattern, points, noise, seed, degree, penalty, λ, learning rate)
    let cases = [
        (Pattern::Blobs, 200, 0.8, 1, 1, None, 0.0, 0.5),
        (Pattern::Blobs, 200, 0.8, 1, 1, L2, 0.01, 0.5),
        (Pattern::Moons, 200, 0.4, 2, 3, L2, 0.001, 0.3),
        (Pattern::Circles, 150, 0.3, 3, 2, L2, 0.01, 0.3),
        (Pattern::ThreeBlobs, 150, 0.5, 4, 1, L2, 0.01, 0.5),
        (Pattern::ThreeBlobs, 150, 0.5, 4, 2, L2, 0.001, 0.3),
        (Pattern::Moons, 200, 0.4, 2, 2, L1, 0.005, 0.3),
        (Pattern::ThreeBlobs, 150, 0.5, 4, 1, L1, 0.01, 0.3),
    ];
    let mut out = Vec::new();
    for (pattern, n, noise, seed, degree, reg, lambda, lr) in cases {
        let d = plane_data(pattern, n, noise, seed);
        let hyper = LogisticHyper::new(lr, degree, reg, lambda, OptimizerKind::Momentum).unwrap();
        let mut m = Logistic::new(hyper, &d.train, d.classes);
        let converged = converge_logistic(&mut m, 2_000_000);
        let name = format!("{pattern:?} degree {degree} {reg:?} λ={lambda}");
        let mut v = logistic_json(name, &m, &d, converged);
        v["penalty"] = json!(format!("{reg:?}"));
        v["lambda"] = json!(lambda);
        out.push(v);
    }
    json!(out)
}

// ---------------------------------------------------------------------------------------------
// Neural network

/// Every layer's weights (one row per neuron of the layer, one column per input) and biases.
fn mlp_params(m: &Mlp) -> Value {
    let sizes = m.sizes();
    let layers: Vec<Value> = sizes
        .windows(2)
        .enumerate()
        .map(|(l, w)| {
            let weights: Vec<Vec<f64>> = (0..w[1])
                .map(|to| (0..w[0]).map(|from| m.weight(l, to, from)).collect())
                .collect();
            let biases: Vec<f64> = (0..w[1]).map(|u| m.bias(l, u)).collect();
            json!({ "W": weights, "b": biases })
        })
        .collect();
    json!(layers)
}

/// A network to dump: pattern, inputs (bits of x₁, x₂, x₁², x₂², x₁x₂, sin πx₁, sin πx₂),
/// hidden layers, activation, optimizer, learning rate, penalty, λ, and whether it learns
/// numbers (a surface of the points) instead of the classes.
type NetworkCase = (
    Pattern,
    u8,
    &'static [usize],
    Activation,
    OptimizerKind,
    f64,
    Regularization,
    f64,
    bool,
);

/// Networks trained with all training points per step, and two in mini-batches (with the order
/// each epoch visited the points in, from the crate's seeded shuffle): the seeded start, the
/// parameters after 1, 10 and `epochs` epochs, the training loss each epoch reports, and the
/// outputs on a grid at the end, for the check to replay from the start with its own forward
/// pass, backpropagation and optimizer.
fn mlp() -> Value {
    use Activation::*;
    use OptimizerKind::*;
    use Regularization::*;
    #[rustfmt::skip]
    let cases: [NetworkCase; 14] = [
        (Pattern::Moons, 0b11, &[6, 4], Tanh, Sgd, 0.3, None, 0.0, false),
        (Pattern::Circles, 0b11, &[8], Relu, Momentum, 0.03, L2, 0.001, false),
        (Pattern::Xor, 0b1100011, &[5, 3], Sigmoid, Adam, 0.01, None, 0.0, false),
        (Pattern::ThreeBlobs, 0b11, &[4], Tanh, Adam, 0.03, L1, 0.003, false),
        (Pattern::Spiral, 0b11111, &[3], Linear, Sgd, 0.1, L2, 0.01, false),
        (Pattern::Blobs, 0b11, &[], Tanh, Sgd, 0.5, None, 0.0, false),
        (Pattern::Moons, 0b11, &[6], Tanh, Sgd, 0.05, None, 0.0, true),
        (Pattern::Circles, 0b111, &[5, 5], Relu, Adam, 0.01, L1, 0.001, true),
        (Pattern::Moons, 0b11, &[6], Tanh, Momentum, 0.05, L1, 0.02, false),
        (Pattern::Circles, 0b11111, &[4], Sigmoid, Sgd, 0.5, None, 0.0, false),
        (Pattern::Xor, 0b11, &[6, 3], Relu, Adam, 0.02, L2, 0.003, true),
        (Pattern::Moons, 0b11, &[5], Linear, Momentum, 0.05, L2, 0.001, false),
        (Pattern::Moons, 0b11, &[6], Tanh, Sgd, 0.1, None, 0.0, false),
        (Pattern::Circles, 0b111, &[5], Relu, Adam, 0.01, L1, 0.001, true),
    ];
    let epochs = 200;
    let grid = query_grid(9);
    let grid_xy: Vec<(f64, f64)> = grid.iter().map(|p| (p.x1, p.x2)).collect();
    let mut out = Vec::new();
    for (case, (pattern, bits, hidden, activation, optimizer, lr, reg, lambda, regression)) in
        cases.into_iter().enumerate()
    {
        // The last two learn in mini-batches of 16 points, each epoch in a fresh seeded order.
        let batch = (case >= 12).then_some(16);
        let d = plane_data(pattern, 120, 0.3, 7);
        let xy: Vec<(f64, f64)> = d.train.iter().map(|p| (p.x1, p.x2)).collect();
        let labels: Vec<usize> = d.train.iter().map(|p| p.class).collect();
        // Regression targets: a smooth surface of the points, known to the check from X.
        let values: Vec<f64> = xy.iter().map(|&(a, b)| (2.0 * a).sin() + a * b).collect();
        let targets = if regression {
            Targets::Values(&values)
        } else {
            Targets::Classes(&labels, d.classes)
        };
        let inputs = Inputs::new(bits).unwrap();
        let arch = Architecture::new(inputs, hidden, activation, 11).unwrap();
        let training = Training::new(lr, batch, optimizer, reg, lambda).unwrap();
        let mut m = Mlp::new(arch, training, &xy, targets);
        let start = mlp_params(&m);
        let (mut losses, mut orders) = (Vec::new(), Vec::new());
        let mut snapshots = serde_json::Map::new();
        for e in 1..=epochs {
            match m.step() {
                Epoch::Done { train_loss } => losses.push(train_loss),
                other => panic!("{pattern:?}: epoch {e} {other:?}"),
            }
            if batch.is_some() {
                orders.push(m.last_order().to_vec());
            }
            if [1, 10, epochs].contains(&e) {
                snapshots.insert(e.to_string(), mlp_params(&m));
            }
        }
        let mut outputs = vec![0.0; grid.len() * if regression { 1 } else { d.classes }];
        m.proba_many(&grid_xy, &mut outputs);
        out.push(json!({
            "name": format!("{pattern:?} {:?} {hidden:?} {activation:?} {optimizer:?} lr={lr} {reg:?} λ={lambda}{}{}",
                inputs.names(), if regression { " regression" } else { "" },
                batch.map_or(String::new(), |b| format!(" batch {b}"))),
            "points": plane_json(&d.train),
            "classes": d.classes,
            "regression": regression,
            "values": values,
            "features": inputs.names(),
            "activation": format!("{activation:?}"),
            "optimizer": format!("{optimizer:?}"),
            "learning_rate": lr,
            "penalty": format!("{reg:?}"),
            "lambda": lambda,
            "batch": batch,
            "orders": orders,
            "start": start,
            "after": snapshots,
            "losses": losses,
            "current_loss": m.current_loss(),
            "grid": xs(&grid),
            "grid_outputs": outputs,
        }));
    }
    json!(out)
}

// ---------------------------------------------------------------------------------------------
// k-nearest neighbours

fn knn() -> Value {
    let mut out = Vec::new();
    let sets = [
        ("ThreeBlobs", plane_data(Pattern::ThreeBlobs, 150, 0.4, 3)),
        ("Moons", plane_data(Pattern::Moons, 200, 0.5, 5)),
        ("lattice (ties)", lattice()),
    ];
    for (name, d) in &sets {
        // The test points, a grid, and the training points themselves (distance 0).
        let mut queries = d.test.clone();
        queries.extend(query_grid(12));
        queries.extend(d.train.iter().take(10));
        for k in [1, 4, 7, 25] {
            for w in [Weighting::Uniform, Weighting::Distance] {
                let m = Knn::fit(KnnHyper::new(k, w).unwrap(), &d.train, d.classes);
                let mut scratch = Vec::new();
                let mut proba = Vec::new();
                let mut neighbours = Vec::new();
                for q in &queries {
                    let mut o = vec![0.0; d.classes];
                    m.proba(q.x1, q.x2, &mut scratch, &mut o);
                    proba.push(o);
                    m.neighbours(q.x1, q.x2, &mut scratch);
                    neighbours.push(scratch.iter().map(|s| s.1).collect::<Vec<_>>());
                }
                let model = PlaneModel::Knn(m);
                out.push(json!({
                    "name": format!("{name} k={k} {w:?}"),
                    "k": k,
                    "weights": if w == Weighting::Uniform { "uniform" } else { "distance" },
                    "classes": d.classes,
                    "train": plane_json(&d.train),
                    "test": plane_json(&d.test),
                    "queries": xs(&queries),
                    "proba": proba,
                    "neighbours": neighbours,
                    "test_score": score_json(&model.score(&d.test_set())),
                }));
            }
        }
    }
    json!(out)
}

/// Points on a lattice with classes by a rule: many equal distances (ties).
fn lattice() -> Dataset2 {
    let mut rng = seeded(11, 0);
    let all: Vec<Point2> = (0..49)
        .map(|i| Point2 {
            x1: (i % 7) as f64 / 3.0 - 1.0,
            x2: (i / 7) as f64 / 3.0 - 1.0,
            class: rng.gen_range(0..2),
        })
        .collect();
    classification::split_points(all, 2, 0.7, 5)
}

// ---------------------------------------------------------------------------------------------
// Decision tree

fn nodes_json(nodes: &[Node]) -> Value {
    json!(nodes
        .iter()
        .map(|n| json!({
            "depth": n.depth,
            "counts": n.counts,
            "impurity": n.impurity,
            "split": n.split.map(|s| json!({
                "feature": s.feature, "threshold": s.threshold, "left": s.left, "right": s.right
            })),
        }))
        .collect::<Vec<_>>())
}

fn tree() -> Value {
    let mut out = Vec::new();
    let sets = [
        ("Moons", plane_data(Pattern::Moons, 200, 0.5, 5)),
        ("ThreeBlobs", plane_data(Pattern::ThreeBlobs, 150, 0.6, 6)),
        ("Spiral", plane_data(Pattern::Spiral, 200, 0.2, 7)),
    ];
    for (name, d) in &sets {
        for criterion in [Criterion::Gini, Criterion::Entropy] {
            for (depth, leaf) in [
                (Some(1), 1),
                (Some(3), 1),
                (Some(5), 4),
                (None, 1),
                (None, 7),
            ] {
                let h = TreeHyper::new(depth, leaf, criterion).unwrap();
                let model: PlaneModel = fit(&PlaneHyper::Tree(h), &d.train_set(), 0, 1000);
                let PlaneModel::Tree(t) = &model else {
                    unreachable!()
                };
                let mut queries = d.test.clone();
                queries.extend(query_grid(15));
                let proba = model.predict_points(
                    &queries.iter().map(|p| (p.x1, p.x2)).collect::<Vec<_>>(),
                    d.classes,
                );
                out.push(json!({
                    "name": format!("{name} {criterion:?} depth {depth:?} leaf {leaf}"),
                    "criterion": if criterion == Criterion::Gini { "gini" } else { "entropy" },
                    "max_depth": depth,
                    "min_leaf": leaf,
                    "classes": d.classes,
                    "train": plane_json(&d.train),
                    "test": plane_json(&d.test),
                    "nodes": nodes_json(t.nodes()),
                    "queries": xs(&queries),
                    "proba": proba.chunks(d.classes).collect::<Vec<_>>(),
                    "test_score": score_json(&model.score(&d.test_set())),
                }));
            }
        }
    }
    json!(out)
}

// ---------------------------------------------------------------------------------------------
// Gradient boosting

fn regression_tree_json(t: &RegressionTree) -> Value {
    json!(t
        .nodes()
        .iter()
        .map(|n| json!({
            "samples": n.samples,
            "value": n.value,
            "split": n.split.map(|s| json!({
                "feature": s.feature, "threshold": s.threshold, "left": s.left, "right": s.right
            })),
        }))
        .collect::<Vec<_>>())
}

fn boosting() -> Value {
    let mut out = Vec::new();
    let sets = [
        ("Moons", plane_data(Pattern::Moons, 200, 0.5, 5)),
        ("ThreeBlobs", plane_data(Pattern::ThreeBlobs, 150, 0.6, 6)),
        ("Xor", plane_data(Pattern::Xor, 160, 0.3, 8)),
    ];
    for (name, d) in &sets {
        // (rounds, learning rate, max depth, min samples per leaf)
        for (rounds, eta, depth, leaf) in [(20, 0.1, 1, 1), (30, 0.3, 3, 1), (50, 0.1, 2, 5)] {
            let h = BoostingHyper::new(rounds, eta, Some(depth), leaf, 1.0).unwrap();
            let m: Boosting = fit(&h, &d.train_set(), 0, 1000);
            let mut queries = d.test.clone();
            queries.extend(query_grid(10));
            let scores: Vec<Vec<f64>> = (queries.iter())
                .map(|q| {
                    let mut o = vec![0.0; m.outputs()];
                    m.scores(q.x1, q.x2, &mut o);
                    o
                })
                .collect();
            let proba = m.proba_points(&queries);
            let rounds_json: Vec<Vec<Value>> = (m.rounds().iter())
                .map(|r| r.iter().map(regression_tree_json).collect())
                .collect();
            out.push(json!({
                "name": format!("{name} rounds {rounds} η={eta} depth {depth} leaf {leaf}"),
                "rounds": rounds,
                "learning_rate": eta,
                "max_depth": depth,
                "min_leaf": leaf,
                "classes": d.classes,
                "train": plane_json(&d.train),
                "test": plane_json(&d.test),
                "init": m.init(),
                "trees": rounds_json,
                "queries": xs(&queries),
                "scores": scores,
                "proba": proba.chunks(d.classes).collect::<Vec<_>>(),
                "test_score": score_json(&m.score(&d.test_set())),
            }));
        }
    }
    json!(out)
}

// ---------------------------------------------------------------------------------------------
// Random forest

fn forest() -> Value {
    let d = plane_data(Pattern::Moons, 200, 0.5, 5);
    let d3 = plane_data(Pattern::ThreeBlobs, 150, 0.6, 6);
    let mut single = Vec::new();
    // One tree, no bootstrap, every feature: the decision tree on the same features.
    for (name, data) in [("Moons", &d), ("ThreeBlobs", &d3)] {
        for degree in [1, 2] {
            for criterion in [Criterion::Gini, Criterion::Entropy] {
                let th = TreeHyper::new(Some(6), 2, criterion).unwrap();
                let width = FeatureMap::new(degree).width();
                let fh = ForestHyper::new(1, th, degree, width, false).unwrap();
                let f: Forest = fit(&fh, &data.train_set(), 9, 10);
                let map = FeatureMap::new(degree);
                let labels: Rc<[usize]> = data.train.iter().map(|p| p.class).collect();
                let members = (0..data.train.len()).collect();
                let rows = Rc::new(map.rows(&data.train));
                let mut t = Tree::on_rows(th, rows, labels, members, data.classes);
                while t.grow_level() {}
                let proba = |pts: &[Point2]| -> Vec<Vec<f64>> {
                    pts.iter()
                        .map(|p| {
                            let mut o = vec![0.0; data.classes];
                            f.proba(p.x1, p.x2, &mut o);
                            o
                        })
                        .collect()
                };
                let tree_proba: Vec<Vec<f64>> = (data.test.iter())
                    .map(|p| {
                        let mut row = vec![0.0; width];
                        map.map(p.x1, p.x2, &mut row);
                        let mut o = vec![0.0; data.classes];
                        t.proba_of(&row, &mut o);
                        o
                    })
                    .collect();
                single.push(json!({
                    "name": format!("{name} degree {degree} {criterion:?}"),
                    "forest_nodes": nodes_json(f.trees()[0].nodes()),
                    "tree_nodes": nodes_json(t.nodes()),
                    "forest_test_proba": proba(&data.test),
                    "tree_test_proba": tree_proba,
                }));
            }
        }
    }
    let mut oob = Vec::new();
    for (name, data) in [("Moons", &d), ("ThreeBlobs", &d3)] {
        for (trees, degree, seed) in [(3, 1, 1), (25, 1, 2), (25, 2, 3)] {
            let th = TreeHyper::new(Some(8), 1, Criterion::Gini).unwrap();
            let width = FeatureMap::new(degree).width();
            let max_features = ((width as f64).sqrt() as usize).max(1);
            let fh = ForestHyper::new(trees, th, degree, max_features, true).unwrap();
            let f: Forest = fit(&fh, &data.train_set(), seed, 1000);
            let n = data.train.len();
            // Each tree's bootstrap sample, drawn again as the forest draws it (forest.rs:
            // stream 2³² + t, n indices uniform in 0 … n − 1); the checker verifies it against
            // the root's class counts.
            let samples: Vec<Vec<usize>> = (0..trees)
                .map(|t| {
                    let mut rng = seeded(seed, (1u64 << 32) + t as u64);
                    (0..n)
                        .map(|_| rng.gen_range(0..n as u32) as usize)
                        .collect()
                })
                .collect();
            let per_tree: Vec<Vec<Vec<f64>>> = (0..trees)
                .map(|t| {
                    (data.train.iter())
                        .map(|p| {
                            let mut o = vec![0.0; data.classes];
                            f.tree_proba(t, p.x1, p.x2, &mut o);
                            o
                        })
                        .collect()
                })
                .collect();
            let forest_proba: Vec<Vec<f64>> = (data.train.iter())
                .map(|p| {
                    let mut o = vec![0.0; data.classes];
                    f.proba(p.x1, p.x2, &mut o);
                    o
                })
                .collect();
            oob.push(json!({
                "name": format!("{name} {trees} trees degree {degree}"),
                "classes": data.classes,
                "train": plane_json(&data.train),
                "samples": samples,
                "root_counts": f.trees().iter().map(|t| t.nodes()[0].counts.clone()).collect::<Vec<_>>(),
                "tree_train_proba": per_tree,
                "forest_train_proba": forest_proba,
                "oob_error": f.oob_error(),
            }));
        }
    }
    json!({ "single": single, "oob": oob })
}

// ---------------------------------------------------------------------------------------------
// Cross-validation

fn folds_json(f: &Folds) -> Value {
    json!({
        "validation": (0..f.count()).map(|i| f.validation(i).to_vec()).collect::<Vec<_>>(),
        "training": (0..f.count()).map(|i| f.training(i)).collect::<Vec<_>>(),
    })
}

fn cv() -> Value {
    let mut splits = Vec::new();
    for (n, k, seed) in [(42, 5, 7), (10, 3, 1), (31, 10, 4), (6, 2, 0)] {
        let f = Folds::new(n, Scheme::KFold(k), seed).unwrap();
        splits.push(json!({ "n": n, "k": k, "seed": seed, "folds": folds_json(&f) }));
    }
    // Polynomial regression: full-batch SGD for 1000 epochs per fold (the Tuning lab's trial).
    let data = regression::generate(&DataSpec::new(Curve::Sine, 60, 0.2, 0.7, 3).unwrap());
    let folds = Folds::new(data.train.len(), Scheme::KFold(5), 11).unwrap();
    let hyper = Hyper::new(0.1, 4, Regularization::L2, 0.001, None, OptimizerKind::Sgd).unwrap();
    let result = cross_validate::<Trainer>(&hyper, &data.train, &folds, 0, 1000).unwrap();
    let poly = json!({
        "degree": 4, "lambda": 0.001, "learning_rate": 0.1, "epochs": 1000,
        "train": points_json(&data.train),
        "folds": folds_json(&folds),
        "errors": result.errors,
        "mean": result.error.mean,
        "sd": result.error.sd,
        "train_mean": result.train_error.mean,
        "train_sd": result.train_error.sd,
    });
    // Models on the plane: k-NN and a tree, scored by the error rate.
    let d = plane_data(Pattern::Moons, 120, 0.5, 9);
    let folds = Folds::new(d.train.len(), Scheme::KFold(4), 5).unwrap();
    let mut plane = Vec::new();
    let models = [
        (
            "knn k=5 uniform",
            PlaneHyper::Knn(KnnHyper::new(5, Weighting::Uniform).unwrap()),
        ),
        (
            "tree gini depth 3",
            PlaneHyper::Tree(TreeHyper::new(Some(3), 1, Criterion::Gini).unwrap()),
        ),
    ];
    for (name, h) in models {
        let r = cross_validate::<PlaneModel>(&h, &d.train_set(), &folds, 0, 300).unwrap();
        plane.push(json!({
            "name": name,
            "train": plane_json(&d.train),
            "folds": folds_json(&folds),
            "errors": r.errors,
            "log_losses": r.scores.iter().map(|s| s.loss).collect::<Vec<_>>(),
            "mean": r.error.mean,
            "sd": r.error.sd,
        }));
    }
    json!({ "splits": splits, "polynomial": poly, "plane": plane })
}

// ---------------------------------------------------------------------------------------------
// The Tuning lab's generated scikit-learn code

fn codegen() -> Value {
    let mut out = Vec::new();
    for query in [
        "lab=tuning&model=logistic&strategy=grid&x=lambda&y=none&budget=5&pattern=blobs&noise=0.8",
        "lab=tuning&model=logistic&strategy=grid&x=lambda&y=none&budget=5&pattern=three&noise=0.8",
        "lab=tuning&model=logistic&strategy=grid&x=lambda&y=none&budget=5&pattern=moons&features=2&reg=l1",
    ] {
        let (config, notices) = decode(query);
        assert!(notices.is_empty(), "{query}: {notices:?}");
        let code = python(&config);
        let points = PlanePoints::new(&config);
        let n_train = points.train.points.len();
        let folds = lab_folds(&config, n_train).unwrap().0;
        let n = folds.smallest_training();
        // The fold whose model learns from the fewest points: n of them, as the code's C assumes.
        let fold = (0..folds.count())
            .find(|&i| folds.training(i).len() == n)
            .unwrap();
        let learn: PlaneSet = points.train.subset(&folds.training(fold));
        let space = space_within(&config, n);
        let mut lambdas: Vec<f64> = grid(&space, config.number(Key::Budget) as usize)
            .iter()
            .map(|p| space.values(p)[0])
            .collect();
        lambdas.sort_by(f64::total_cmp);
        lambdas.dedup();
        let base = config.logistic_hyper();
        let mut fits = Vec::new();
        for &lambda in &lambdas {
            let h = LogisticHyper::new(
                0.3,
                base.degree(),
                config.regularization(),
                lambda,
                OptimizerKind::Momentum,
            )
            .unwrap();
            let mut m = Logistic::new(h, &learn.points, learn.classes);
            let converged = converge_logistic(&mut m, 1_000_000);
            let proba: Vec<Vec<f64>> = (learn.points.iter())
                .map(|p| {
                    let mut o = vec![0.0; learn.classes];
                    m.proba(p.x1, p.x2, &mut o);
                    o
                })
                .collect();
            fits.push(json!({ "lambda": lambda, "converged": converged, "epochs": m.epoch(), "train_proba": proba }));
        }
        out.push(json!({
            "query": query,
            "code": code,
            "n": n,
            "classes": learn.classes,
            "degree": base.degree(),
            "penalty": format!("{:?}", config.regularization()),
            "train": plane_json(&learn.points),
            "lambdas": lambdas,
            "fits": fits,
        }));
    }
    json!(out)
}

// ---------------------------------------------------------------------------------------------
// The Bayesian search's surrogate

/// Gaussian processes fitted as Bayesian search fits them to its trials (`strategy::surrogate`:
/// the default kernel, its length scale chosen among a few by the marginal likelihood, a
/// diverged trial's +∞ counted as the worst finite error), on trials in one and two dimensions:
/// the length chosen, and the posterior mean, standard deviation and expected improvement on a
/// grid of the unit segment or square.
fn gp() -> Value {
    let mut rng = seeded(5, 0);
    let mut cases = Vec::new();
    for (dims, n, with_diverged) in [
        (1usize, 3, false),
        (1, 6, false),
        (2, 5, false),
        (2, 12, true),
    ] {
        let points: Vec<Vec<f64>> = (0..n)
            .map(|_| (0..dims).map(|_| rng.gen::<f64>()).collect())
            .collect();
        // A valley of error (a sharp one in two dimensions) with a little roughness.
        let mut errors: Vec<f64> = points
            .iter()
            .map(|p| {
                let d2: f64 = p.iter().map(|x: &f64| (x - 0.35) * (x - 0.35)).sum();
                0.1 + 2.0 * d2 + 0.05 * (9.0_f64 * p[0]).sin()
            })
            .collect();
        if with_diverged {
            errors[3] = f64::INFINITY;
        }
        let kernel = Kernel::default();
        let gp = surrogate(kernel, &points, &errors).expect("trials");
        let side: usize = if dims == 1 { 41 } else { 11 };
        let grid: Vec<Vec<f64>> = (0..side.pow(dims as u32))
            .map(|i| {
                (0..dims)
                    .map(|d| ((i / side.pow(d as u32)) % side) as f64 / (side - 1) as f64)
                    .collect()
            })
            .collect();
        let predictions: Vec<[f64; 3]> = grid
            .iter()
            .map(|x| {
                let p = gp.predict(x);
                [p.mean, p.sd, gp.expected_improvement(x)]
            })
            .collect();
        cases.push(json!({
            "name": format!("{dims}-D, {n} trials{}", if with_diverged { ", one diverged" } else { "" }),
            "points": points,
            // +∞ written as null by JSON: a diverged trial.
            "errors": errors.iter().map(|e| e.is_finite().then_some(*e)).collect::<Vec<_>>(),
            "default_length": kernel.length(),
            "lengths": [0.05, 0.1, 0.3, 0.5],
            "noise": kernel.noise(),
            "length": gp.kernel().length(),
            "best": gp.best(),
            "grid": grid,
            "mean_sd_ei": predictions,
        }));
    }
    json!(cases)
}
