use super::*;
use crate::classroom::figures::CurveFigures;
use crate::classroom::trial::{config, figures};
use crate::data::classification::{generate, Pattern};
use crate::format::short;
use crate::ml::model::Model;
use crate::ml::plane_model::PlaneSet;
use crate::state::action::Action;
use crate::state::plane::PlaneLab;
use crate::state::session::Reduce;
use crate::state::spec::Lab;
use crate::state::url::on_top;

/// A known solution of each challenge: the settings changed from its start, and the epochs to
/// train (the Tuning lab runs its search to the end).
const SOLUTIONS: &[(&str, &str, u32)] = &[
    ("ridge-rescue", "lambda=0.03", 5000),
    ("lasso-zeros", "reg=l1&lambda=0.1", 5000),
    ("degree-for-a-wave", "degree=3", 3000),
    ("tame-the-step", "lr=0.1", 3000),
    ("cv-k", "k=11", 0),
    ("tree-circles", "depth=4", 300),
    ("logistic-features", "features=2", 1000),
    ("boosting-stumps", "trees=10", 300),
    ("xor-learning-rate", "lr=0.3", 3000),
    ("xor-unstuck", "init=9", 3000),
    ("xor-no-hidden-layer", "inputs=x1,x2,x1x2", 3000),
    ("circles-six-numbers", "layers=0&inputs=x1sq,x2sq", 3000),
    ("network-lasso", "reg=l1&lambda=0.01", 1000),
    ("random-beats-grid", "strategy=random&budget=10", 0),
    ("half-the-budget", "strategy=random&budget=8", 0),
];

fn solution(c: &Challenge) -> (&'static str, u32) {
    let s = SOLUTIONS.iter().find(|s| s.0 == c.id);
    let (_, changes, epochs) = s.unwrap_or_else(|| panic!("{}: no solution", c.id));
    (changes, *epochs)
}

#[test]
fn a_dozen_challenges_in_every_lab_with_unique_ids_and_clean_links() {
    assert!(CHALLENGES.len() >= 12);
    for lab in Lab::ALL {
        assert!(
            CHALLENGES.iter().any(|c| c.start_config().lab == lab),
            "{lab:?}"
        );
    }
    for c in CHALLENGES {
        assert_eq!(challenge(c.id).map(|d| d.title), Some(c.title));
        config(c.start);
        assert!(!c.may_change.is_empty() && !c.goals.is_empty(), "{}", c.id);
        assert!(c.id.chars().all(|ch| ch.is_ascii_lowercase() || ch == '-'));
    }
    assert!(challenge("no-such-challenge").is_none());
}

#[test]
fn each_start_is_not_met_and_its_solution_is() {
    let mut wrong = Vec::new();
    for c in CHALLENGES {
        let start = c.start_config();
        let (changes, epochs) = solution(c);
        // (A goal that reads the validation curve: the check computes it to the end.)
        let curve = c.curve().is_some();
        let before = c.status(&start, &start, &figures(&start, epochs, curve));
        let solved = config(&on_top(c.start, changes));
        let after = c.status(&start, &solved, &figures(&solved, epochs, curve));
        eprintln!("{}: {before:?} → {after:?}", c.id);
        if !matches!(before, Status::Working(_))
            || !matches!(after, Status::Met | Status::MetForNow(_))
        {
            wrong.push(format!("{}: {before:?} → {after:?}", c.id));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn a_control_it_does_not_allow_is_off_limits_as_are_seed_and_lab() {
    let f = Figures::default();
    for c in CHALLENGES {
        let start = c.start_config();
        let fixed = Key::all().find(|k| {
            !c.may_change.contains(k) && k.spec().group != Group::Playback && start.shows(*k)
        });
        let key = fixed.unwrap_or_else(|| panic!("{}: every control is free", c.id));
        let mut now = start.clone();
        now.set(key, (start.position(key) + 1) % key.spec().domain.len());
        assert_eq!(
            c.status(&start, &now, &f),
            Status::OffLimits(Change::Control(key))
        );
        let mut speed = start.clone();
        speed.set(Key::Speed, 3);
        assert!(
            matches!(c.status(&start, &speed, &f), Status::Working(_)),
            "{}",
            c.id
        );
        let mut seed = start.clone();
        seed.seed += 1;
        assert_eq!(c.status(&start, &seed, &f), Status::OffLimits(Change::Seed));
        let mut lab = start.clone();
        lab.lab = if start.lab == Lab::Regression {
            Lab::Tuning
        } else {
            Lab::Regression
        };
        assert_eq!(c.status(&start, &lab, &f), Status::OffLimits(Change::Lab));
    }
}

/// The curve's lowest over k lies at k = 11 to 16, and only there is the challenge met; what it
/// teaches holds: there the test accuracy is 80 to 82 %, and 87.4 to 88.2 % on 20,000 fresh
/// points; the test points' best is k = 4 at 83.3 %, 87.6 % on fresh points (helper 77: choosing
/// by the test points picks their best, not the smallest k that does not read overfitting).
#[test]
fn cross_validation_chooses_k_and_the_test_points_would_not_choose_better() {
    let c = challenge("cv-k").unwrap();
    assert_eq!(c.goals, [Goal::CurveLowest(Key::K)]);
    let start = c.start_config();
    let fresh = PlaneSet {
        points: generate(Pattern::Moons, 20_000, 0.4, 1.0, 777).train,
        values: None,
        classes: 2,
    };
    let mut lab = PlaneLab::new(start.clone(), Vec::new());
    lab.finish_curve();
    let mut met = Vec::new();
    let mut tested = Vec::new();
    for k in 1..=lab.sweep.positions.len() {
        lab.apply(Action::Set(Key::K, k - 1)); // k = 1 + position
        let f = Figures::plane(&lab);
        if c.status(&start, &lab.config, &f) == Status::Met {
            met.push(k);
        }
        let test = f.test_accuracy.unwrap();
        tested.push(test);
        let accuracy = lab.model.score(&fresh).accuracy.unwrap();
        match k {
            4 => assert!((0.8755..0.8765).contains(&accuracy), "{accuracy}"),
            11..=16 => {
                assert!((0.8735..0.8825).contains(&accuracy), "k = {k}: {accuracy}");
                assert!((0.79..0.82).contains(&test), "k = {k}: {test}");
            }
            _ => {}
        }
    }
    assert_eq!(met, (11..=16).collect::<Vec<_>>());
    // The test points' best: k = 4 alone, at 50 of 60.
    let best = tested.iter().copied().fold(0.0, f64::max);
    assert_eq!((best * 60.0).round(), 50.0);
    let at: Vec<usize> = (1..=tested.len())
        .filter(|&k| tested[k - 1] == best)
        .collect();
    assert_eq!(at, [4]);
    // Before the curve is done, and off its lowest, the status says what is missing, and which
    // way the lowest lies.
    let f = figures(&start, 0, false);
    let Status::Working(why) = c.status(&start, &start, &f) else {
        panic!()
    };
    assert!(why.contains("still being computed"), "{why}");
    let f = figures(&start, 0, true);
    assert_eq!(
        c.status(&start, &start, &f),
        Status::Working(
            "At k = 1 the validation curve reads a cross-validated error of 16.4 %; it goes \
             lower at a larger k."
                .into()
        )
    );
    let mut past = start.clone();
    past.set(Key::K, 19);
    let f = figures(&past, 0, true);
    let Status::Working(why) = c.status(&start, &past, &f) else {
        panic!()
    };
    assert!(why.ends_with("it goes lower at a smaller k."), "{why}");
    // Beyond the curve (k = 60; it stops at 50): no error there, and the way to go.
    let mut beyond = start.clone();
    beyond.set(Key::K, 59);
    let f = figures(&beyond, 0, true);
    assert_eq!(
        c.status(&start, &beyond, &f),
        Status::Working(
            "The validation curve has no cross-validated error at k = 60; it goes lower at a \
             smaller k."
                .into()
        )
    );
    // A curve over another control, or none to go by, says so rather than "still computing".
    let other = Figures {
        curve: f.curve.map(|c| CurveFigures {
            key: Key::Weighting,
            ..c
        }),
        ..f.clone()
    };
    let Status::Working(why) = c.status(&start, &beyond, &other) else {
        panic!()
    };
    assert!(
        why.starts_with("Choose the validation curve over k"),
        "{why}"
    );
    let empty = Figures {
        curve: f.curve.map(|c| CurveFigures {
            lowest_at: None,
            ..c
        }),
        ..f
    };
    let Status::Working(why) = c.status(&start, &beyond, &empty) else {
        panic!()
    };
    assert!(why.contains("has no error to go by"), "{why}");
}

#[test]
fn no_grid_of_ten_trials_or_fewer_beats_the_grid_of_sixteen() {
    let c = challenge("random-beats-grid").unwrap();
    let Goal::SearchBestAtMost { error, trials } = c.goals[0] else {
        panic!("{:?}", c.goals);
    };
    let start = c.start_config();
    let grid = figures(&start, 0, false)
        .search
        .and_then(|s| s.best)
        .unwrap();
    assert!(grid > error && grid < error + 1e-4, "{grid}");
    for budget in 4..=trials {
        let smaller = config(&on_top(c.start, &format!("budget={budget}")));
        let status = c.status(&start, &smaller, &figures(&smaller, 0, false));
        assert!(matches!(status, Status::Working(_)), "{budget}: {status:?}");
    }
}

/// The task quotes the best its starting grid finds, and the goal, which it does not reach.
#[test]
fn half_the_budget_quotes_what_its_grid_finds() {
    let c = challenge("half-the-budget").unwrap();
    let Goal::SearchBestAtMost { error, .. } = c.goals[0] else {
        panic!("{:?}", c.goals);
    };
    let grid = figures(&c.start_config(), 0, false)
        .search
        .and_then(|s| s.best)
        .unwrap();
    assert!(grid > error, "{grid}");
    let task = c.task.replace("\n", " ");
    assert!(
        task.contains(&format!(
            "finds a cross-validated MSE of {} at best",
            short(grid)
        )),
        "{task}"
    );
    assert!(task.contains(&format!("Reach {error} or lower")), "{task}");
    // Bayesian optimization on 8 trials finds 0.049234, random search 0.049167: both meet it
    // (helper 86: a goal of 0.0492 told them apart by far less than the folds' spread). A grid
    // of 8 does not.
    for (changes, met) in [
        ("strategy=bayes&budget=8", true),
        ("strategy=random&budget=8", true),
        ("strategy=grid&budget=8", false),
    ] {
        let now = config(&on_top(c.start, changes));
        let status = c.status(&c.start_config(), &now, &figures(&now, 0, false));
        assert_eq!(status == Status::Met, met, "{changes}: {status:?}");
    }
}

/// Helper 86's five: the right answers the page's own curves give are met, and a start that
/// would meet the goal by waiting, or a degree on its way to overfitting, is not.
#[test]
fn the_curves_choices_are_met_and_waiting_is_not() {
    let status = |id: &str, changes: &str, epochs: u32| {
        let c = challenge(id).unwrap();
        let now = config(&on_top(c.start, changes));
        c.status(
            &c.start_config(),
            &now,
            &figures(&now, epochs, c.curve().is_some()),
        )
    };
    // Ridge: λ = 0.1, the lowest of its validation curve, meets the goal (2.7 σ²).
    assert_eq!(status("ridge-rescue", "lambda=0.1", 5000), Status::Met);
    // Boosting: 50 stumps, the lowest of its curve over trees (93.3 %), and 10 (96.7 %).
    assert_eq!(status("boosting-stumps", "trees=50", 300), Status::Met);
    assert_eq!(status("boosting-stumps", "trees=10", 300), Status::Met);
    // XOR at the start's learning rate reaches a good fit by waiting: not met, and says why.
    let Status::Working(why) = status("xor-learning-rate", "", 20_000) else {
        panic!()
    };
    assert_eq!(
        why,
        "Learning rate is still 0.01: the start gets there too, only slowly; find a learning \
         rate that gets there sooner."
    );
    assert_eq!(
        status("xor-learning-rate", "lr=0.3", 3000),
        Status::MetForNow(Unsettled::Falling)
    );
    // A degree beyond the curve's lowest is not met, whatever the verdict on the way.
    for degree in [5, 15] {
        let s = status("degree-for-a-wave", &format!("degree={degree}"), 3000);
        assert!(matches!(s, Status::Working(_)), "{degree}: {s:?}");
    }
}

#[test]
fn what_is_missing_reads() {
    let c = challenge("ridge-rescue").unwrap();
    let start = c.start_config();
    let mut f = Figures {
        verdict: Some(Fit::StillTraining),
        test_mse: Some((0.0572, 0.04)),
        ..Figures::default()
    };
    let working = |f: &Figures| match c.status(&start, &start, f) {
        Status::Working(why) => why,
        other => panic!("{other:?}"),
    };
    assert!(working(&f).contains("Still training"));
    f.verdict = Some(Fit::TooFlexible);
    f.test_mse = Some((0.138271, 0.04));
    assert_eq!(
        working(&f),
        "Test MSE is 0.1383 (3.46 σ², σ² = 0.04); the goal is ≤ 3 σ² = 0.12."
    );
    // (Helper 45 read "6.93e4 σ²" while a degree-15 curve was far off.)
    f.test_mse = Some((2772.0, 0.04));
    assert_eq!(
        working(&f),
        "Test MSE is 2772.0 (over 100 σ², σ² = 0.04); the goal is ≤ 3 σ² = 0.12."
    );
    f.test_mse = Some((0.0572, 0.04));
    assert_eq!(c.status(&start, &start, &f), Status::Met);
    assert_eq!(Change::Control(Key::Degree).label(), "Polynomial degree");
}

/// Every challenge but the searches and the validation curve's reads the test points (a verdict,
/// a test error or accuracy), and says so on the page (helper 68: only one admitted it).
#[test]
fn only_the_cross_validated_challenges_are_judged_without_the_test_points() {
    let without: Vec<&str> = (CHALLENGES.iter())
        .filter(|c| !c.judged_on_test())
        .map(|c| c.id)
        .collect();
    assert_eq!(without, ["cv-k", "random-beats-grid", "half-the-budget"]);
    assert!(ON_TEST_POINTS.starts_with("Judged on the test points"));
}

/// A goal on the trained model met while the verdict says its figures can still move reads
/// "met for now" (helper 86); goals on a curve, a search or the model's size do not wait for it.
#[test]
fn met_while_the_figures_still_move_is_met_for_now() {
    let c = challenge("logistic-features").unwrap();
    let start = c.start_config();
    let solved = config(&on_top(c.start, solution(c).0));
    // At 1,000 epochs one training point is still wrong and the loss falls; by 3,000 it has
    // settled (every point right, the penalty holding the weights).
    let early = figures(&solved, 1000, false);
    assert_eq!(early.unsettled, Some(Unsettled::Falling));
    assert_eq!(
        c.status(&start, &solved, &early),
        Status::MetForNow(Unsettled::Falling)
    );
    assert_eq!(
        c.status(&start, &solved, &figures(&solved, 3000, false)),
        Status::Met
    );
    // XOR's network gets every training point right, and its log-loss falls for good: met
    // for now, and the verdict says why it does not settle.
    let c = challenge("xor-learning-rate").unwrap();
    let solved = config(&on_top(c.start, solution(c).0));
    let f = figures(&solved, 3000, false);
    assert_eq!(
        c.status(&c.start_config(), &solved, &f),
        Status::MetForNow(Unsettled::Falling)
    );
    let mut s = PlaneLab::new(solved, Vec::new());
    s.apply(Action::Play);
    s.apply(Action::Tick(3000));
    assert_eq!(s.train_score.accuracy, Some(1.0));
    let reason = s.diagnosis().unwrap().reason;
    assert!(
        reason.contains("though every training point is right: it falls as the weights grow"),
        "{reason}"
    );
    // By hand: unsettled figures do not hold back a goal on the curve.
    let c = challenge("cv-k").unwrap();
    let start = c.start_config();
    let mut f = figures(&start, 0, true);
    f.unsettled = Some(Unsettled::Growing);
    let lowest = config(&on_top(c.start, solution(c).0));
    let mut at = f.clone();
    (at.curve.as_mut().unwrap()).at_lowest = true;
    assert_eq!(c.status(&start, &lowest, &at), Status::Met);
    // And a verdict goal holds back for the growing model only as "for now".
    let c = challenge("tree-circles").unwrap();
    let start = c.start_config();
    let solved = config(&on_top(c.start, solution(c).0));
    let mut f = figures(&solved, 300, false);
    assert_eq!(c.status(&start, &solved, &f), Status::Met);
    f.unsettled = Some(Unsettled::Growing);
    assert_eq!(
        c.status(&start, &solved, &f),
        Status::MetForNow(Unsettled::Growing)
    );
}

/// After the explosion the status says what to do, in the challenge's own controls (helper 86);
/// Adam at the start's learning rate meets tame-the-step, as its lesson now says.
#[test]
fn a_divergence_says_what_to_do_and_adam_tames_the_step() {
    let c = challenge("tame-the-step").unwrap();
    let start = c.start_config();
    let f = figures(&start, 100, false);
    assert!(f.diverged);
    assert_eq!(
        c.status(&start, &start, &f),
        Status::Working(
            "Training diverged: the loss exploded. Lower the learning rate, then press Play."
                .into()
        )
    );
    let adam = config(&on_top(c.start, "opt=adam"));
    assert!(matches!(
        c.status(&start, &adam, &figures(&adam, 3000, false)),
        Status::Met | Status::MetForNow(_)
    ));
    assert!(c.teaches.contains("Adam meets it even at 10"));
    // Where the learning rate is not the challenge's to change, it does not name it.
    let c = challenge("xor-unstuck").unwrap();
    let f = Figures {
        diverged: true,
        verdict: Some(Fit::GoodFit),
        ..Figures::default()
    };
    let start = c.start_config();
    let Status::Working(why) = c.status(&start, &start, &f) else {
        panic!()
    };
    assert_eq!(
        why,
        "Training diverged: the loss exploded. Change what the challenge allows, then press Play."
    );
}

/// A goal on the trained model waits for a model trained with the settings shown (helper 102:
/// tame-the-step met at 0.5, then a learning rate of 1 exploded, then 2, set while paused,
/// cleared the explosion and read "Good fit" and "Challenge met!" on the model trained before).
/// The verdict's aside says the new rate will explode.
#[test]
fn a_goal_waits_for_training_with_settings_moved_while_paused() {
    use crate::state::regression::RegressionLab;
    use crate::state::spec::Key;
    let c = challenge("tame-the-step").unwrap();
    let start = c.start_config();
    let mut s = RegressionLab::new(config(&on_top(c.start, "lr=0.5")), Vec::new());
    let at = |key: Key, value: f64| {
        let domain = key.spec().domain;
        (0..domain.len())
            .find(|&p| domain.number(p) == value)
            .unwrap()
    };
    s.apply(Action::Play);
    s.apply(Action::Tick(3000));
    assert_eq!(
        c.status(&start, &s.config, &Figures::regression(&s)),
        Status::Met
    );
    s.apply(Action::Set(Key::LearningRate, at(Key::LearningRate, 1.0)));
    s.apply(Action::Play);
    s.apply(Action::Tick(3000));
    assert!(s.divergence.is_some());
    s.apply(Action::Set(Key::LearningRate, at(Key::LearningRate, 2.0)));
    assert!(s.divergence.is_none());
    let d = s.diagnosis().unwrap();
    assert!(
        d.reason.contains("At a learning rate of 2, past ")
            && d.reason.contains(
                "where plain gradient descent on all points stops going down this bowl, \
                 training will explode."
            ),
        "{}",
        d.reason
    );
    let Status::Working(why) = c.status(&start, &s.config, &Figures::regression(&s)) else {
        panic!(
            "{:?}",
            c.status(&start, &s.config, &Figures::regression(&s))
        )
    };
    assert!(
        why.starts_with("Learning rate changed to 2 at epoch ")
            && why.ends_with(
                ": press Play to train with the new settings; the goal is judged on a model \
                 trained with them."
            ),
        "{why}"
    );
    s.apply(Action::Play);
    s.apply(Action::Tick(3000));
    assert!(s.divergence.is_some());
}

/// With a panel hidden from the class, the status does not quote it (helper 102: under
/// `hide=verdict` the bar read the verdict, under `hide=scores` the test MSE); what is not from
/// a hidden panel, and a met challenge, read as before.
#[test]
fn the_status_does_not_quote_a_hidden_panel() {
    use crate::classroom::panel::Panel;
    let c = challenge("degree-for-a-wave").unwrap();
    let start = c.start_config();
    let f = figures(&start, 3000, false);
    let plain = c.status(&start, &start, &f);
    assert!(
        matches!(&plain, Status::Working(why) if why.starts_with("The verdict is “")),
        "{plain:?}"
    );
    assert_eq!(
        c.status_in_view(&start, &start, &f, &[Panel::Scores]),
        plain
    );
    assert_eq!(
        c.status_in_view(&start, &start, &f, &[Panel::Verdict]),
        Status::Working(
            "Not met yet. What is missing is in the Verdict panel, hidden from the class: show \
             it to see."
                .into()
        )
    );
    let c = challenge("ridge-rescue").unwrap();
    let start = c.start_config();
    let f = figures(&start, 3000, false);
    let Status::Working(why) = c.status_in_view(&start, &start, &f, &[Panel::Scores]) else {
        panic!()
    };
    assert!(why.contains("in the Scores panel"), "{why}");
    // Before any training the words quote nothing hidden.
    let f = figures(&start, 0, false);
    assert_eq!(
        c.status_in_view(&start, &start, &f, &[Panel::Verdict, Panel::Scores]),
        c.status(&start, &start, &f)
    );
    let solved = config(&on_top(c.start, solution(c).0));
    let f = figures(&solved, solution(c).1, false);
    assert!(matches!(
        c.status_in_view(&start, &solved, &f, &[Panel::Verdict, Panel::Scores]),
        Status::Met | Status::MetForNow(_)
    ));
}
