//! The neural network's cost per sample-step, its decision map and the k-NN decision map measured
//! in headless Chromium (WebAssembly), the browser side of `benches/mlp.rs` and `benches/classify.rs`. Run with the release profile and read the printed figures:
//! `cargo test --release --target wasm32-unknown-unknown --test browser_bench -- --nocapture`.
//! CI does not run it (timings are not tests); what it asserts is that the measured run trained.
#![cfg(target_arch = "wasm32")]

#[path = "../crates/core/tests/mlp_case/mod.rs"]
mod mlp_case;

use paramlab::data::classification::{generate, Pattern};
use paramlab::ml::knn::{Knn, KnnHyper, Weighting};
use paramlab::ml::mlp::Mlp;
use paramlab::ml::plane_model::PlaneModel;
use paramlab::plot::region::decision_map;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn mlp_cost_per_sample_step_in_the_browser() {
    let performance = web_sys::window().unwrap().performance().unwrap();
    for hidden in [vec![4, 2], vec![8, 8]] {
        let mut net = mlp_case::network(&hidden);
        let before = net.current_loss();
        // Warm-up, through the same function as the timed run: V8 first compiles WebAssembly
        // with its baseline compiler and swaps in optimized code only for later calls.
        for _ in 0..20 {
            train(&mut net, 100);
        }
        // The median of five timed runs (a single run swings ±15 % on a busy machine).
        let epochs = 2000;
        let mut runs: Vec<f64> = (0..5)
            .map(|_| {
                let start = performance.now();
                train(&mut net, epochs);
                performance.now() - start
            })
            .collect();
        runs.sort_by(f64::total_cmp);
        let per_sample = |ms: f64| ms * 1000.0 / (epochs * mlp_case::TRAIN_POINTS) as f64;
        console_log!(
            "mlp {hidden:?} tanh batch 10: {:.3} µs per sample-step (fastest run {:.3})",
            per_sample(runs[2]),
            per_sample(runs[0])
        );
        assert!(net.current_loss() < 0.5 * before, "the timed run trained");
    }
}

/// The k-NN decision map (100 × 100 cells, 350 training points of the noisy moons): the
/// median and worst of 15 repaints for the settings that cost most.
#[wasm_bindgen_test]
fn knn_map_in_the_browser() {
    let data = generate(Pattern::Moons, 500, 0.3, 0.7, 42);
    for (k, weighting) in [
        (15, Weighting::Uniform),
        (100, Weighting::Distance),
        (349, Weighting::Distance),
    ] {
        let knn = PlaneModel::Knn(Knn::fit(
            KnnHyper::new(k, weighting).unwrap(),
            &data.train,
            2,
        ));
        let (median, worst) = map_times(&knn);
        console_log!("knn map k={k} {weighting:?}: median {median:.1} ms, max {worst:.1} ms");
    }
}

/// The network's decision map (100 × 100 cells through the whole network), median of 15.
#[wasm_bindgen_test]
fn mlp_map_in_the_browser() {
    for hidden in [vec![4, 2], vec![8, 8], vec![16; 6]] {
        let net = PlaneModel::Mlp(Box::new(mlp_case::network(&hidden)));
        let (median, worst) = map_times(&net);
        console_log!("mlp map {hidden:?}: median {median:.1} ms, max {worst:.1} ms");
    }
}

/// The median and the worst of 15 decision maps (100 × 100), after 5 to warm up.
fn map_times(model: &PlaneModel) -> (f64, f64) {
    let performance = web_sys::window().unwrap().performance().unwrap();
    let mut times: Vec<f64> = (0..20)
        .map(|_| {
            let start = performance.now();
            std::hint::black_box(decision_map(model, 100, 2));
            performance.now() - start
        })
        .skip(5)
        .collect();
    times.sort_by(f64::total_cmp);
    assert!(times[0] > 0.0, "the maps were timed");
    (times[times.len() / 2], times[times.len() - 1])
}

#[inline(never)]
fn train(net: &mut Mlp, epochs: usize) {
    for _ in 0..epochs {
        net.step();
    }
}

/// Issue 12's "200 trees of depth 4 on 350 training points rebuilt": the build alone (every
/// tree grown, no scoring, no drawing) of a random forest and of gradient boosting, in
/// WebAssembly in Chromium; the median of five builds after two warm-up builds.
#[wasm_bindgen_test]
fn ensembles_of_200_trees_rebuilt_in_the_browser() {
    use paramlab::ml::boosting::BoostingHyper;
    use paramlab::ml::forest::ForestHyper;
    use paramlab::ml::model::{fit, Model};
    use paramlab::ml::plane_model::PlaneHyper;
    use paramlab::ml::tree::{Criterion, TreeHyper};
    let performance = web_sys::window().unwrap().performance().unwrap();
    let train = generate(Pattern::Moons, 500, 0.3, 0.7, 1).train_set();
    assert_eq!(train.points.len(), 350);
    let tree = TreeHyper::new(Some(4), 1, Criterion::Gini).unwrap();
    let models = [
        (
            "forest",
            PlaneHyper::Forest(ForestHyper::new(200, tree, 1, 1, true).unwrap()),
        ),
        (
            "boosting",
            PlaneHyper::Boosting(BoostingHyper::new(200, 0.1, Some(4), 1, 1.0).unwrap()),
        ),
    ];
    for (name, hyper) in models {
        let mut times = Vec::new();
        for run in 0..7 {
            let start = performance.now();
            let model: PlaneModel = fit(&hyper, &train, run, 1000);
            let ms = performance.now() - start;
            assert_eq!(model.steps(), 200, "{name}: every tree grown");
            if run >= 2 {
                times.push(ms);
            }
        }
        times.sort_by(f64::total_cmp);
        web_sys::console::log_1(
            &format!(
                "{name}: 200 trees of depth 4 on 350 points built in {:.1} ms (median of 5)",
                times[2]
            )
            .into(),
        );
    }
}
