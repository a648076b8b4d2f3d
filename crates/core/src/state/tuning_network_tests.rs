//! The Tuning lab's network (the Neural-network lab's, on the Classification lab's patterns):
//! its axes and their lattice, a seeded search that learns the default pattern, every trial a
//! cell of the landscape, the same seed giving the same results, and its result opening in the
//! Neural-network lab with exactly its settings.

use super::*;
use crate::data::classification::Pattern;
use crate::state::action::Action;
use crate::state::choice::{Choice, ModelKind, PlaneData, StrategyKind, TuneModel};
use crate::state::session::Reduce;
use crate::state::tuning::Tuning;
use crate::state::tuning_axes::NETWORK_RATES;
use crate::state::url::{decode, encode};
use crate::tune::cv::cross_validate;

/// The Tuning lab's defaults with the network chosen, and the query's settings on top.
fn network(query: &str) -> Config {
    let (config, notices) = decode(&format!("lab=tuning&model=network&{query}"));
    assert!(notices.is_empty(), "{query}: {notices:?}");
    config
}

/// Plays the search to its end, then computes the whole landscape.
fn run(state: &mut Tuning) {
    state.apply(Action::Play);
    while state.running {
        state.apply(Action::Tick(500));
        state.apply(Action::Reveal);
    }
    while !state.landscape.is_done() {
        state.apply(Action::SweepTick(500));
    }
}

#[test]
fn the_network_is_searched_along_learning_rate_lambda_and_width() {
    let c = network("");
    assert_eq!(c.tuned(), Some(ModelKind::Mlp));
    let state = Tuning::new(c.clone(), vec![]);
    let axes = state.search.space().axes();
    let keys: Vec<Key> = axes.iter().map(|a| a.key()).collect();
    assert_eq!(keys, vec![Key::LearningRate, Key::Lambda]);
    assert_eq!((axes[0].min(), axes[0].max()), NETWORK_RATES);
    // 13 learning rates × 15 positive λ: the default landscape's cells.
    assert_eq!(state.landscape.points.len(), 13 * 15);
    // The architecture: the Neural-network lab's two tanh hidden layers of 4 and 2 neurons,
    // full-batch Adam with an L2 penalty, on the 40 moons.
    assert_eq!(c.hidden_layers(), vec![4, 2]);
    let debug = format!("{:?}", c.plane_hyper());
    for part in ["Tanh", "batch: None", "Adam", "L2"] {
        assert!(debug.contains(part), "{part} in {debug}");
    }
    assert_eq!(c.plane_data(), PlaneData::Pattern(Pattern::Moons));
    // Its controls: width and activation (not the Classification lab's), and the pattern.
    for key in [
        Key::Neurons1,
        Key::Neurons2,
        Key::Activation,
        Key::TunePattern,
    ] {
        assert!(c.shows(key), "{key:?}");
    }
    for key in [
        Key::Neurons3,
        Key::HiddenLayers,
        Key::Features,
        Key::K,
        Key::Degree,
    ] {
        assert!(!c.shows(key), "{key:?}");
    }
    // The width axis is the first hidden layer's, 1 … 16; it is said to be searched.
    let wide = network("x=neurons&y=lr");
    let axes = crate::state::tuning::space(&wide);
    assert_eq!(axes.axes()[0].key(), Key::Neurons1);
    assert_eq!((axes.axes()[0].min(), axes.axes()[0].max()), (1.0, 16.0));
    assert!(axes.axes()[0].integer());
    assert!(wide.no_effect(Key::Neurons1, 28).is_some());
    let lattice = Tuning::new(wide, vec![]).landscape.points.len();
    assert_eq!(lattice, 16 * 13);
    // The other models offer no width axis.
    let (knn, _) = decode("lab=tuning&model=knn&x=neurons");
    assert_eq!(Tuning::new(knn, vec![]).notices.len(), 1);
}

#[test]
fn a_seeded_network_search_learns_the_default_pattern_and_repeats_itself() {
    let c = network("budget=10");
    let mut a = Tuning::new(c.clone(), vec![]);
    a.apply(Action::Play);
    while a.running {
        a.apply(Action::Tick(500));
        a.apply(Action::Reveal);
    }
    let errors: Vec<f64> = a.search.trials().iter().map(|t| t.error.mean).collect();
    let worst = errors.iter().copied().fold(0.0, f64::max);
    let best = a.search.best().unwrap().error.mean;
    assert!(best < worst, "{errors:?}");
    // The default pattern is learnt: at most one point in ten misclassified out of fold.
    assert!(best <= 0.1, "{errors:?}");
    // Same seed, same trials and the same retrained outcome.
    let mut b = Tuning::new(c, vec![]);
    b.apply(Action::Play);
    while b.running {
        b.apply(Action::Tick(7));
        b.apply(Action::Reveal);
    }
    assert_eq!(a.search, b.search);
    assert_eq!(a.outcome, b.outcome);
    let o = a.outcome.unwrap();
    assert!(o.test_error <= 0.25 && o.fresh_error <= 0.25, "{o:?}");
    assert_eq!(o.lab(), Lab::Neural);
}

#[test]
fn every_network_trial_is_a_landscape_cell_with_its_cross_validation() {
    // Few points (20, 14 for training, 3 folds) to keep it quick. Each strategy's trials are
    // cells of every two-axis lattice (searched, not the landscape: 195 … 240 cells of network
    // training are seconds in release, a minute in a debug build), and on one axis the whole
    // landscape is computed and each trial's error is its cell's and `cross_validate`'s.
    for strategy in StrategyKind::VALUES {
        let s = strategy.opt().url;
        for axes in ["x=lr&y=lambda", "x=lr&y=neurons", "x=neurons&y=lambda"] {
            let q = format!("{axes}&strategy={s}&budget=5&n=20&folds=3");
            let mut state = Tuning::new(network(&q), vec![]);
            state.apply(Action::Play);
            while state.running {
                state.apply(Action::Tick(500));
                state.apply(Action::Reveal);
            }
            // A grid of at most 5 on two axes is 2 × 2.
            assert!(state.search.trials().len() >= 4, "{q}");
            for t in state.search.trials() {
                assert!(state.landscape.points.contains(&t.point), "{q}: {t:?}");
            }
        }
    }
    for axes in ["x=lr&y=none", "x=neurons&y=none"] {
        let c = network(&format!("{axes}&strategy=grid&budget=6&n=20&folds=3"));
        let mut state = Tuning::new(c.clone(), vec![]);
        run(&mut state);
        let (folds, points) = (state.folds.clone().unwrap(), state.plane.clone().unwrap());
        // Another strategy keeps the landscape (it depends on neither strategy nor budget).
        for (i, strategy) in StrategyKind::VALUES.iter().enumerate() {
            state.apply(Action::Set(Key::Strategy, i));
            assert!(state.landscape.is_done());
            run(&mut state);
            let (land, q) = (&state.landscape, format!("{axes} {strategy:?}"));
            for (t, errors) in state.search.trials().iter().zip(&state.fold_errors) {
                let cell = land.points.iter().position(|p| *p == t.point);
                let cell = cell.unwrap_or_else(|| panic!("{q}: {:?} not a cell", t.values));
                assert_eq!(land.errors[cell], t.error, "{q}");
                let hyper = state.search.space().apply(&c, &t.point).plane_hyper();
                let cv = cross_validate::<PlaneModel>(
                    &hyper,
                    &points.train,
                    &folds,
                    c.seed,
                    PLANE_STEPS,
                );
                assert_eq!(&cv.unwrap().errors, errors, "{q}");
            }
            assert!(land.errors.iter().all(|e| (0.0..=1.0).contains(&e.mean)));
        }
    }
}

#[test]
fn the_network_result_opens_in_the_neural_network_lab_with_exactly_its_settings() {
    let c = network("pattern=circles&act=relu&l1=6&budget=4&n=20&folds=3&y=none&seed=9");
    let q = encode(&c);
    assert!(q.contains("model=network") && q.contains("act=relu") && q.contains("l1=6"));
    assert_eq!(decode(&q), (c.clone(), vec![]));
    let mut state = Tuning::new(c, vec![]);
    state.apply(Action::Play);
    while state.running {
        state.apply(Action::Tick(500));
        state.apply(Action::Reveal);
    }
    let o = state.outcome.clone().unwrap();
    assert_eq!(o.lab(), Lab::Neural);
    let link = o.lab_link();
    assert!(link.starts_with("lab=neural&"), "{link}");
    let (lab, notices) = decode(&link);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(
        (lab.lab, lab.model(), lab.plane_data()),
        (
            Lab::Neural,
            ModelKind::Mlp,
            PlaneData::Pattern(Pattern::Circles)
        )
    );
    assert_eq!(lab.plane_hyper(), o.config.plane_hyper());
    assert_eq!(lab.number(Key::LearningRate), o.values[0]);
    assert_eq!(lab.hidden_layers(), vec![6, 2]);
    assert_eq!(PlanePoints::new(&lab), *state.plane.clone().unwrap());
    // Back in the Tuning lab, the same network is the one searched.
    let mut back = lab.clone();
    back.lab = Lab::Tuning;
    back.set_choice(Key::TuneModel, TuneModel::Plane(ModelKind::Mlp));
    assert_eq!(back.plane_hyper(), o.config.plane_hyper());
}
