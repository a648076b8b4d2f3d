//! Links both ways: round trips, fallbacks with notices, and odd queries.

use super::*;
use crate::data::classification::Pattern;
use crate::state::choice::PlaneData;
use crate::state::spec::{display_value, Key};

#[test]
fn round_trip_of_every_position() {
    for lab in Lab::ALL {
        for key in Key::all().filter(|k| k.spec().labs.contains(&lab)) {
            for pos in 0..key.spec().domain.len() {
                let mut c = Config::default();
                (c.lab, c.seed) = (lab, 123);
                c.set(key, pos);
                let (back, notices) = decode(&encode(&c));
                assert_eq!(back, c, "{key:?} at {pos}: {}", encode(&c));
                assert!(notices.is_empty(), "{notices:?}");
            }
        }
    }
}

#[test]
fn default_query_reads_as_expected() {
    let q = encode(&Config::default());
    assert_eq!(
        q,
        "lab=regression&lr=0.01&degree=3&reg=none&lambda=0&batch=all&opt=sgd&data=sine&n=40&noise=0.2&train=0.7&speed=1&seed=42"
    );
}

#[test]
fn bad_values_fall_back_with_notices() {
    let (c, notices) =
        decode("?lr=banana&degree=99&lambda=-1&opt=rmsprop&seed=x&foo=1&lab=trees&noise=0.21");
    let d = Config::default();
    assert_eq!(c.position(Key::LearningRate), d.position(Key::LearningRate));
    assert_eq!(c.number(Key::Degree), 15.0);
    assert_eq!(c.number(Key::Lambda), 0.0);
    assert_eq!(c.position(Key::Optimizer), d.position(Key::Optimizer));
    assert_eq!(c.seed, d.seed);
    assert_eq!(c.number(Key::Noise), 0.2);
    assert_eq!(notices.len(), 8, "{notices:?}");
    assert!(notices[0].contains("no lab called “trees”"));
    assert!(notices[1].contains("Learning rate") && notices[1].contains("not a number"));
    assert!(notices[2].contains("above the maximum 15"));
}

#[test]
fn batch_above_the_largest_size_is_all_and_nearest_is_on_a_log_scale() {
    let (c, notices) = decode("batch=1000&lr=0.004");
    assert_eq!(
        format_value(Key::BatchSize, c.position(Key::BatchSize)),
        "all"
    );
    assert_eq!(c.number(Key::LearningRate), 0.005);
    // Both are said: neither value is one the slider has.
    assert_eq!(
        notices[0],
        "Batch size “1000” is above the slider's largest 256; using all."
    );
    let (c, notices) = decode("batch=1e9&speed=1e9");
    assert!(c.number(Key::BatchSize).is_infinite() && c.number(Key::Speed).is_infinite());
    assert_eq!(notices.len(), 2, "{notices:?}");
    assert!(notices[1].contains("above the slider's largest 1000; using max"));
    let (_, notices) = decode("batch=all&speed=max&batch=256");
    assert!(
        notices.iter().all(|n| !n.contains("largest")),
        "{notices:?}"
    );
}

/// A setting given twice with different values: the last counts, and the page says so.
#[test]
fn a_setting_given_twice_is_named_with_its_values() {
    let (c, notices) = decode("lr=1&degree=3&lr=0.01");
    assert_eq!(c.number(Key::LearningRate), 0.01);
    assert_eq!(
        notices,
        ["The link sets Learning rate 2 times (“1”, “0.01”); the last one counts."]
    );
    let (c, notices) = decode("seed=1&SEED=7");
    assert_eq!(c.seed, 7);
    assert!(
        notices[0].starts_with("The link sets Seed 2 times"),
        "{notices:?}"
    );
    // The same value twice, or another lab's setting twice, is no news here.
    let (_, notices) = decode("lr=0.1&lr=0.1");
    assert!(notices.is_empty(), "{notices:?}");
    let (c, notices) = decode("batch=all&batch=ALL");
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(
        format_value(Key::BatchSize, c.position(Key::BatchSize)),
        "all"
    );
    let (_, notices) = decode("lab=regression&k=3&k=5");
    assert_eq!(
        notices,
        ["Ignored “k”: it is a setting of the Classification lab, not of the Regression lab."]
    );
    // Hand-placed points are no unknown setting either (helper 90).
    let (_, notices) = decode("lab=regression&pts=0,0,0");
    assert_eq!(
        notices,
        [
            "Ignored “pts”: hand-placed points belong to the Classification and Neural-network \
          labs, not to the Regression lab."
        ]
    );
}

/// Each setting is read once, at its last value (helper 87): an earlier value that cannot be
/// read is not reported as if used, a setting given thousands of times makes one notice, and
/// a long list of values is shortened.
#[test]
fn a_repeated_setting_is_read_once_at_its_last_value() {
    let (c, notices) = decode("lab=regression&lr=abc&lr=0.5");
    assert_eq!(c.number(Key::LearningRate), 0.5);
    assert_eq!(
        notices,
        ["The link sets Learning rate 2 times (“abc”, “0.5”); the last one counts."]
    );
    let (c, notices) = decode("lab=regression&degree=20&degree=4");
    assert_eq!(
        c.position(Key::Degree),
        decode("degree=4").0.position(Key::Degree)
    );
    assert_eq!(notices.len(), 1, "{notices:?}");
    let (_, notices) = decode(&format!("lab=regression&{}", "zz=1&".repeat(2000)));
    assert_eq!(notices, ["Ignored the unknown setting “zz” in the link."]);
    let (_, notices) = decode(&format!("lab=regression&{}", "lr=abc&".repeat(300)));
    assert_eq!(notices.len(), 1, "{notices:?}");
    let degrees: String = (1..=501)
        .map(|d| format!("degree={}&", d % 15 + 1))
        .collect();
    let (_, notices) = decode(&format!("lab=regression&{degrees}"));
    assert_eq!(
        notices,
        ["The link sets Polynomial degree 501 times (“2”, “3”, …, “7”); the last one counts."]
    );
    // Many unknown settings make one notice (and are read in linear time).
    let many: String = (0..20_000).map(|i| format!("x{i}=1&")).collect();
    assert_eq!(
        decode(&many).1,
        ["Ignored 20,000 unknown settings in the link (“x0”, “x1”, …, “x19999”)."]
    );
    assert_eq!(
        decode("a=1&b=2").1,
        ["Ignored 2 unknown settings in the link (“a”, “b”)."]
    );
}

#[test]
fn an_unlisted_value_falls_back_to_the_nearest_valid_one() {
    // λ = 0.02 lies between 0.01 and 0.03 (nearer 0.03 by ratio); 0 would turn L2 off.
    let (c, notices) = decode("lambda=0.02&n=25&noise=0.33");
    assert_eq!(c.number(Key::Lambda), 0.03);
    assert_eq!(c.number(Key::Points), 20.0); // evenly spaced: 20 and 30 tie, the smaller
    assert_eq!(c.number(Key::Noise), 0.35);
    assert_eq!(notices.len(), 3, "{notices:?}");
    assert!(notices[0].contains("using 0.03"), "{notices:?}");
    // A value below every positive one but above 0 still keeps the penalty on.
    assert_eq!(decode("lambda=1e-9").0.number(Key::Lambda), 1e-6);
    assert_eq!(decode("lambda=0").0.number(Key::Lambda), 0.0);
}

#[test]
fn the_rewritten_link_is_the_state_hand_placed_points_included() {
    // Odd decimals are rounded as the link writes them; points travel whatever the dataset.
    for query in [
        "lab=classification&data=custom&pts=0.123,-0.456,1;1.999,0,0",
        "lab=classification&data=moons&pts=0.5,0.5,2",
        "lab=neural&data=custom&pts=-1,1,0",
    ] {
        let (c, notices) = decode(query);
        assert!(notices.is_empty(), "{notices:?}");
        let (back, again) = decode(&encode(&c));
        assert_eq!(back, c, "{query}");
        assert!(again.is_empty());
    }
    assert_eq!(
        decode("lab=classification&pts=0.123,0,1").0.custom[0].x1,
        0.12
    );
}

#[test]
fn points_beyond_the_limit_or_unreadable_are_reported() {
    let many: Vec<String> = (0..MAX_CUSTOM_POINTS + 7)
        .map(|i| format!("0.{},0,{}", i % 10, i % 2))
        .collect();
    let (c, notices) = decode(&format!(
        "lab=classification&data=custom&pts={};x,1,1",
        many.join(";")
    ));
    assert_eq!(c.custom.len(), MAX_CUSTOM_POINTS);
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].contains("8 more were left out"), "{notices:?}");
    let (_, notices) = decode("lab=classification&data=custom&pts=0,0,0;9,9,9;0.1,0.1,1");
    assert!(
        notices[0].contains("Skipped 1 hand-placed point"),
        "{notices:?}"
    );
}

#[test]
fn names_match_whatever_their_case() {
    let (c, notices) = decode("LAB=Neural&Opt=SGD&batch=ALL&Act=ReLU&inputs=X1,x2");
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(c.lab, Lab::Neural);
    assert_eq!(c.optimizer(), crate::ml::optimizer::OptimizerKind::Sgd);
    assert_eq!(
        format_value(Key::BatchSize, c.position(Key::BatchSize)),
        "all"
    );
    assert_eq!(
        format_value(Key::Activation, c.position(Key::Activation)),
        "relu"
    );
}

#[test]
fn classification_links_round_trip_with_points() {
    let (mut c, notices) = decode("lab=classification&model=tree&depth=6&data=custom");
    assert!(notices.is_empty(), "{notices:?}");
    c.custom = vec![
        Point2 {
            x1: 0.25,
            x2: -0.5,
            class: 1,
        },
        Point2 {
            x1: -0.75,
            x2: 0.1,
            class: 2,
        },
    ];
    let q = encode(&c);
    assert!(q.contains("pts=0.25%2C-0.50%2C1%3B-0.75%2C0.10%2C2"), "{q}");
    assert!(!q.contains("degree="), "regression controls stay out: {q}");
    let (back, notices) = decode(&q);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(back, c);
    let (_, notices) = decode("lab=classification&data=custom&pts=1,1,0;x,y,z;9,9,1");
    assert_eq!(notices.len(), 1);
}

#[test]
fn neural_links_name_their_input_features() {
    let (c, notices) = decode("lab=neural&inputs=x1,x2,sin1&layers=3&l3=16");
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(c.number(Key::Inputs), 0b10_0011 as f64);
    assert_eq!(c.hidden_layers(), vec![4, 2, 16]);
    assert!(encode(&c).contains("inputs=x1%2Cx2%2Csin1"));
    let (c, notices) = decode("lab=neural&inputs=x1,cos");
    assert_eq!(c.number(Key::Inputs), 0b11 as f64);
    assert!(
        notices[0].contains("Input features “x1,cos”"),
        "{notices:?}"
    );
    let (_, notices) = decode("lab=neural&inputs=");
    assert!(notices[0].contains("chooses none"), "{notices:?}");
    // A feature named twice is read once, and said (helper 63: merged without a word).
    let (c, notices) = decode("lab=neural&inputs=x1,X1,x2");
    assert_eq!(c.number(Key::Inputs), 0b11 as f64);
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(
        notices[0].contains("Input features “x1,X1,x2” names x1 more than once"),
        "{notices:?}"
    );
}

#[test]
fn a_broken_neural_link_falls_back_with_notices() {
    let (c, notices) = decode("lab=neural&layers=9&l1=0&l2=99&inputs=foo&act=swish&init=-3");
    assert_eq!(c.number(Key::HiddenLayers), 6.0);
    assert_eq!(c.number(Key::Neurons1), 1.0);
    assert_eq!(c.number(Key::Neurons2), 16.0);
    assert_eq!(c.number(Key::Inputs), 0b11 as f64);
    assert_eq!(c.number(Key::InitSeed), 0.0);
    assert_eq!(notices.len(), 6, "{notices:?}");
    assert!(notices.iter().any(|n| n.contains("Activation “swish”")));
    c.mlp_architecture(); // valid whatever the link said
}

#[test]
fn never_panics_on_odd_queries() {
    for q in [
        "",
        "?",
        "&&&",
        "=",
        "lr",
        "lr=",
        "%ZZ",
        "lr=inf",
        "lr=-inf",
        "lr=NaN",
        "seed=-1",
        "n=1e308",
        "degree=1.5",
    ] {
        let _ = decode(q);
    }
}

/// 11 folds is not leave-one-out: the link falls back to it, and says so.
#[test]
fn more_folds_than_the_slider_has_is_leave_one_out_with_a_notice() {
    let (c, notices) = decode("lab=tuning&folds=11");
    assert!(c.number(Key::Folds).is_infinite());
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert_eq!(
        notices[0],
        "Folds “11” is more than the slider's 10; using leave-one-out."
    );
    let (_, notices) = decode("lab=tuning&folds=10");
    assert!(notices.is_empty(), "{notices:?}");
}

/// Leave-one-out by the names people type for it ("all" is the link's own).
#[test]
fn leave_one_out_reads_by_its_usual_names() {
    for name in ["all", "loo", "LOO", "leave-one-out", "loocv"] {
        let (c, notices) = decode(&format!("lab=tuning&folds={name}"));
        assert!(c.number(Key::Folds).is_infinite(), "{name}");
        assert!(notices.is_empty(), "{name}: {notices:?}");
    }
    let (_, notices) = decode("lab=tuning&folds=abc");
    assert_eq!(notices, ["Folds “abc” is not a number; using 5."]);
}

#[test]
fn a_tuning_link_reads_its_search_and_falls_back_with_notices() {
    let (c, notices) =
        decode("lab=tuning&strategy=bayes&budget=100&folds=all&x=lr&y=none&pts=0,0,1");
    assert_eq!(c.lab, Lab::Tuning);
    assert_eq!(
        format_value(Key::Strategy, c.position(Key::Strategy)),
        "bayes"
    );
    assert_eq!(c.number(Key::Budget), 64.0);
    assert!(c.number(Key::Folds).is_infinite());
    assert_eq!(
        display_value(Key::Folds, c.position(Key::Folds)),
        "leave-one-out"
    );
    assert_eq!(
        (
            format_value(Key::AxisX, c.position(Key::AxisX)),
            format_value(Key::AxisY, c.position(Key::AxisY))
        ),
        ("lr".to_string(), "none".to_string())
    );
    // Budget above 64 is clamped; hand-placed points belong to the plane labs.
    assert_eq!(notices.len(), 2, "{notices:?}");
    assert!(notices[0].contains("Budget") && notices[0].contains("above the maximum 64"));
    assert!(notices[1].contains("Ignored “pts”: hand-placed points belong to"));
    assert!(c.custom.is_empty());
    // The axes cannot take a select's name that is not offered: "none" only on the second.
    let (c, notices) = decode("lab=tuning&x=none");
    assert_eq!(format_value(Key::AxisX, c.position(Key::AxisX)), "degree");
    assert_eq!(notices.len(), 1);
}

#[test]
fn an_unreadable_value_falls_back_to_the_labs_default() {
    use crate::state::choice::ModelKind;
    let (c, notices) = decode("lab=classification&model=svm&lr=fast");
    assert_eq!(c.model(), ModelKind::Logistic);
    assert_eq!(c.number(Key::LearningRate), 0.1);
    assert!(notices[0].contains("“svm” is not one of"), "{notices:?}");
    assert!(notices[1].ends_with("using 0.1."), "{notices:?}");
}

/// A seed of more digits than u64 holds is a whole number, only too large: it says so.
#[test]
fn a_huge_seed_is_called_too_large_not_malformed() {
    for value in ["99999999999999999999", "18446744073709551616"] {
        let (c, notices) = decode(&format!("seed={value}"));
        assert_eq!(c.seed, MAX_SEED);
        assert_eq!(notices.len(), 1, "{notices:?}");
        assert!(notices[0].contains("above the largest seed"), "{notices:?}");
    }
    let (_, notices) = decode("seed=12x");
    assert!(notices[0].contains("not a whole number"), "{notices:?}");
    // A whole number written as a float is that number (helper 63: "“1e3” is not a whole
    // number"); a fraction is not.
    for (value, seed) in [("1e3", 1000), ("12.0", 12), ("0e0", 0)] {
        let (c, notices) = decode(&format!("seed={value}"));
        assert_eq!((c.seed, notices), (seed, vec![]), "{value}");
    }
    for value in ["1e20", "1e400"] {
        let (c, notices) = decode(&format!("seed={value}"));
        assert_eq!(c.seed, MAX_SEED);
        assert!(notices[0].contains("above the largest seed"), "{notices:?}");
    }
    for value in ["1.5", "inf", "NaN", "-0.5"] {
        let (c, notices) = decode(&format!("seed={value}"));
        assert_eq!(c.seed, Config::default().seed, "{value}");
        assert!(
            notices[0].contains("not a whole number"),
            "{value}: {notices:?}"
        );
    }
    // Below the smallest seed, as above the largest, the nearest seed is used.
    for value in ["-1", "-1e3", "-99999999999999999999"] {
        let (c, notices) = decode(&format!("seed={value}"));
        assert_eq!(
            notices,
            [format!(
                "Seed {value} is below the smallest seed 0; using seed 0."
            )]
        );
        assert_eq!(c.seed, 0);
    }
    // The problem apart from what is used instead (a model file's link is refused with the
    // problem alone: nothing is used instead).
    let (_, notices) = read("seed=-1&colour=red");
    assert_eq!(notices[0].instead.as_deref(), Some("seed 0"));
    assert_eq!(
        (notices[1].instead.as_ref(), notices[1].to_string().as_str()),
        (None, "Ignored the unknown setting “colour” in the link.")
    );
    // A name of control characters alone is quoted as "�" (helper 63: no notice); a stray "&"
    // is no setting at all.
    let (_, notices) = decode("degree=4&%01%02=3&&");
    assert_eq!(
        notices,
        ["Ignored the unknown setting “\u{fffd}” in the link."]
    );
}

/// A link's 80 points (helper 46): the plain encoding drops them (more than a link made here
/// carries), the one for points that arrived by link keeps every one, and reads back the same.
#[test]
fn points_that_arrived_by_link_stay_in_it() {
    let pts: Vec<String> = (0..80)
        .map(|i| format!("{:.2},{:.2},{}", -0.8 + 0.02 * i as f64, 0.1, i % 2))
        .collect();
    let (config, notices) = decode(&format!(
        "lab=classification&data=custom&pts={}",
        pts.join(";")
    ));
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(config.custom.len(), 80);
    assert!(!encode(&config).contains("pts="));
    let (again, _) = decode(&encode_with_all_points(&config));
    assert_eq!(again.custom, config.custom);
    // Few enough for any link: the same query either way; none in the Regression lab.
    let (few, _) = decode("lab=classification&data=custom&pts=0.1,0.2,0;0.3,0.4,1");
    assert_eq!(encode_with_all_points(&few), encode(&few));
    let regression = Config::default();
    assert_eq!(encode_with_all_points(&regression), encode(&regression));
}

/// Marks that reorder text (a right-to-left override) belong to no value: dropped, so the notice
/// reads as written; a value thousands of characters long is quoted clipped (helper 46).
#[test]
fn notices_quote_hostile_values_plainly() {
    let (config, notices) = decode("data=%E2%80%AEcubic&seed=x%E2%80%AE1");
    assert_eq!(
        config.number(Key::Dataset),
        decode("data=cubic").0.number(Key::Dataset)
    );
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].contains("Seed “x1”"), "{notices:?}");
    let (_, notices) = decode(&format!("seed={}", "7".repeat(5000)));
    assert!(notices[0].len() < 200, "{}", notices[0]);
}

/// A setting of another lab is named as such, and a link naming two labs says which it shows
/// (helper 46: "unknown setting “degree”", and the second lab taken without a word).
#[test]
fn another_labs_setting_and_two_labs_are_named() {
    let (config, notices) = decode("lab=regression&degree=15&lab=neural");
    assert_eq!(config.lab, Lab::Neural);
    assert_eq!(
        notices,
        [
            "The link names more than one lab; showing the last it names.",
            "Ignored “degree”: it is a setting of the Regression lab, not of the Neural-network lab."
        ]
    );
    let (_, notices) = decode("lab=regression&lab=Regression");
    assert!(notices.is_empty(), "{notices:?}");
}

#[test]
fn a_curve_the_model_lacks_is_said() {
    let (c, notices) = decode("lab=regression&curve=k");
    assert_eq!(c.curve, None);
    assert_eq!(
        notices,
        ["This model has no validation curve over “k”; using the curve over Polynomial degree."]
    );
    let (c, notices) = decode("lab=tuning&curve=degree");
    assert_eq!(c.curve, None);
    assert_eq!(
        notices,
        ["Ignored “curve”: the Tuning lab has no validation curve."]
    );
    // Named in any case, before or after the model it belongs to.
    let (c, notices) = decode("lab=classification&curve=Shrinkage&model=boosting");
    assert_eq!((c.curve, notices.len()), (Some(Key::Shrinkage), 0));
    // The default curve named is no change to the default.
    let (c, notices) = decode("lab=regression&curve=degree");
    assert_eq!((c, notices.len()), (decode("lab=regression").0, 0));
    let (_, notices) = decode("lab=regression&curve=degree&curve=lambda");
    assert_eq!(
        notices,
        ["The link sets the validation curve 2 times (“degree”, “lambda”); the last one counts."]
    );
}

/// In the Tuning lab `data=` names a pattern of the plane as the other labs' links do: a plane
/// model's search uses it without a word (helper 109: "using sine" of a search on the moons); a
/// polynomial's search, whose data is a curve, says so; `pattern=` named too wins, said.
#[test]
fn the_tuning_lab_reads_a_plane_pattern_given_as_data() {
    let (config, notices) = decode("lab=tuning&data=spiral&model=knn");
    assert_eq!(notices, Vec::<String>::new());
    assert_eq!(
        format_value(Key::TunePattern, config.position(Key::TunePattern)),
        "spiral"
    );
    assert_eq!(config.plane_data(), PlaneData::Pattern(Pattern::Spiral));
    // A curve's name is still the polynomial's data; a pattern's is refused with why.
    let (config, notices) = decode("lab=tuning&model=polynomial&data=spiral");
    assert_eq!(
        notices,
        [
            "Dataset “spiral” is a pattern of the plane, for the plane's models; polynomial \
          regression searches a curve; using sine."
        ]
    );
    assert_eq!(
        format_value(Key::Dataset, config.position(Key::Dataset)),
        "sine"
    );
    let (config, notices) = decode("lab=tuning&data=xor&model=tree&pattern=circles");
    assert_eq!(
        notices,
        ["Ignored “data=xor”: the link names the search's pattern with “pattern” too."]
    );
    assert_eq!(config.plane_data(), PlaneData::Pattern(Pattern::Circles));
    // A curve with a plane model is the polynomial's data, kept as every link keeps it; a value
    // that is neither names what the search uses.
    let (config, notices) = decode("lab=tuning&model=knn&data=cubic");
    assert_eq!(notices, Vec::<String>::new());
    assert_eq!(
        format_value(Key::Dataset, config.position(Key::Dataset)),
        "cubic"
    );
    let (_, notices) = decode("lab=tuning&model=knn&data=waves");
    assert_eq!(notices.len(), 1);
    assert!(
        notices[0].starts_with("Dataset “waves” is not one of blobs, circles"),
        "{notices:?}"
    );
    assert!(notices[0].ends_with("; using moons."), "{notices:?}");
    let (_, notices) = decode("lab=tuning&data=waves");
    assert!(
        notices[0].starts_with("Dataset “waves” is not one of line, sine"),
        "{notices:?}"
    );
    assert!(notices[0].ends_with("; using sine."), "{notices:?}");
}

/// An axis that is no model's falls back to the searched model's own, named with the model's
/// axes, once (helper 109: "using degree" for logistic regression, then "searching λ instead").
#[test]
fn an_unreadable_axis_falls_back_to_the_searched_models_own() {
    let (config, notices) = decode("lab=tuning&x=features&model=logistic");
    assert_eq!(
        notices,
        ["First axis “features” is not an axis of Logistic regression (lambda, lr); using lambda."]
    );
    let state = crate::state::tuning::Tuning::new(config, notices);
    assert_eq!(state.notices.len(), 1, "{:?}", state.notices);
    let (_, notices) = decode("lab=tuning&model=knn&y=foo");
    assert_eq!(
        notices,
        ["Second axis “foo” is not an axis of k-nearest neighbours (k, none); using none."]
    );
    // A Features value says what its number means.
    let (_, notices) = decode("lab=classification&features=x1,x2");
    assert_eq!(
        notices,
        ["Features “x1,x2” is not a number; using 2: x₁, x₂, x₁², x₁x₂, x₂²."]
    );
}

/// An option is also read by the word in its label's brackets, where that word is its alone:
/// `reg=ridge` is L2 and `reg=Lasso` L1 (helper 109), as the select names them; "regression",
/// in both surfaces' labels, is neither.
#[test]
fn an_option_is_read_by_the_word_in_its_labels_brackets() {
    use crate::ml::regularization::Regularization;
    let (config, notices) = decode("reg=ridge");
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(config.regularization(), Regularization::L2);
    assert_eq!(decode("reg=Lasso").0.regularization(), Regularization::L1);
    let (_, notices) = decode("lab=neural&data=regression");
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(
        notices[0].starts_with("Dataset “regression” is not one of"),
        "{notices:?}"
    );
}

/// The training fraction given as a percentage: "70%" is 0.7 without a word; a bare 70 is read
/// as 70 % and said (helper 109).
#[test]
fn a_training_fraction_may_be_a_percentage() {
    let fraction = |c: &Config| format_value(Key::TrainFraction, c.position(Key::TrainFraction));
    let (config, notices) = decode("train=70%25");
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(fraction(&config), "0.7");
    let (config, notices) = decode("train=70");
    assert_eq!(
        notices,
        ["Training fraction “70” is read as 70 %; using 0.7."]
    );
    assert_eq!(fraction(&config), "0.7");
    let (_, notices) = decode("train=200");
    assert!(
        notices[0].contains("is above the maximum 0.9"),
        "{notices:?}"
    );
}

/// Points kept in the browser are restored with a word for each kind of outcome, and entries
/// that cannot be read (storage edited by hand, another version) are counted, not dropped
/// silently (helper 109).
#[test]
fn stored_points_say_what_could_not_be_read() {
    let (points, bad) = parse_points("0.5,0.5,1;oops;3,0,0;-1,1,0", MAX_CUSTOM_POINTS);
    assert_eq!((points.len(), bad), (2, 2));
    assert_eq!(
        stored_points_note(points.len(), bad).as_deref(),
        Some(
            "Restored your 2 hand-placed points from this browser; 2 stored entries could not \
             be read and were left out."
        )
    );
    assert_eq!(
        stored_points_note(1, 0).as_deref(),
        Some("Restored your 1 hand-placed point from this browser.")
    );
    let (none, bad) = parse_points("{\"garbage\": true}", MAX_CUSTOM_POINTS);
    assert_eq!(
        stored_points_note(none.len(), bad).as_deref(),
        Some(
            "The hand-placed points kept in this browser could not be read (1 stored entry): \
             the plane starts empty."
        )
    );
    assert_eq!(stored_points_note(0, 0), None);
}
