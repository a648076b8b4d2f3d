//! The configuration as a URL query, both ways. Decoding never fails: unknown keys, unparsable
//! or out-of-range values fall back to the default or the nearest valid value, and each fallback
//! is reported as a notice for the page to show.

use super::config::{Config, MAX_SEED};
use super::plane::MAX_CUSTOM_POINTS;
use super::spec::{format_value, Domain, Lab, Spec, SPECS};
use crate::data::classification::Point2;

/// Hand-placed points travel in the link up to this many; more stay in the browser's storage.
pub const MAX_POINTS_IN_LINK: usize = 60;

/// `lab=regression&lr=0.03&…&seed=42` (no leading `?`): the lab's controls, the seed, and
/// hand-placed points (`pts=x₁,x₂,class;…`) when the lab uses them and they fit.
pub fn encode(config: &Config) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    out.append_pair("lab", config.lab.url());
    for spec in SPECS.iter().filter(|s| s.labs.contains(&config.lab)) {
        out.append_pair(spec.url, &format_value(spec.key, config.position(spec.key)));
    }
    out.append_pair("seed", &config.seed.to_string());
    if links_points(config) {
        out.append_pair("pts", &points_text(&config.custom));
    }
    out.finish()
}

/// Hand-placed points as text (`x₁,x₂,class;…`), for the link or the browser's storage.
pub fn points_text(points: &[Point2]) -> String {
    let pts: Vec<String> = points
        .iter()
        .map(|p| format!("{:.2},{:.2},{}", p.x1, p.x2, p.class))
        .collect();
    pts.join(";")
}

/// Whether the link carries the hand-placed points (else the page keeps them in storage). They
/// travel whatever the dataset chosen, so switching back to "Your own points" finds them.
pub fn links_points(config: &Config) -> bool {
    config.lab != Lab::Regression
        && !config.custom.is_empty()
        && config.custom.len() <= MAX_POINTS_IN_LINK
}

/// A hand-placed coordinate as the link writes it: two decimals.
pub fn round_coordinate(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// Reads a query (with or without the leading `?`) into a configuration plus notices.
pub fn decode(query: &str) -> (Config, Vec<String>) {
    let mut config = Config::default();
    let mut notices = Vec::new();
    let query = query.strip_prefix('?').unwrap_or(query);
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        // Names match whatever their case (`lab=Neural`, `LR=0.1`).
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    if let Some((_, value)) = pairs.iter().rev().find(|(n, _)| n == "lab") {
        match Lab::ALL
            .iter()
            .find(|l| l.url().eq_ignore_ascii_case(value))
        {
            Some(lab) => config = Config::for_lab(*lab),
            None => notices.push(format!(
                "There is no lab called “{value}”; showing the Regression lab."
            )),
        }
    }
    for (name, value) in &pairs {
        let (name, value) = (name.as_str(), value.as_str());
        if name == "lab" {
            continue;
        } else if name == "seed" {
            match value.parse::<u64>() {
                Ok(s) if s <= MAX_SEED => config.seed = s,
                Ok(_) => {
                    config.seed = MAX_SEED;
                    notices.push(format!(
                        "Seed {value} is above the largest seed {MAX_SEED}; using {MAX_SEED}."
                    ));
                }
                Err(_) => notices.push(format!(
                    "Seed “{value}” is not a whole number; using seed {}.",
                    config.seed
                )),
            }
        } else if name == "pts" && config.lab != Lab::Regression {
            let (points, bad) = parse_points(value, MAX_CUSTOM_POINTS);
            let beyond = value.split(';').filter(|p| !p.trim().is_empty()).count();
            let beyond = beyond.saturating_sub(points.len() + bad);
            config.custom = points;
            if bad > 0 {
                notices.push(format!(
                    "Skipped {bad} hand-placed point(s) in the link that could not be read \
                     (each is x₁,x₂,class with coordinates within ±2 and class 0, 1 or 2)."
                ));
            }
            if beyond > 0 {
                notices.push(format!(
                    "Kept the first {MAX_CUSTOM_POINTS} hand-placed points of the link; {beyond} \
                     more were left out."
                ));
            }
        } else if let Some(spec) = SPECS
            .iter()
            .find(|s| s.url == name && s.labs.contains(&config.lab))
        {
            match position_of(spec, value) {
                Ok(pos) => config.set(spec.key, pos),
                Err((pos, why)) => {
                    config.set(spec.key, pos);
                    notices.push(format!(
                        "{} “{value}” {why}; using {}.",
                        spec.label,
                        format_value(spec.key, pos)
                    ));
                }
            }
        } else if !name.is_empty() {
            notices.push(format!("Ignored the unknown setting “{name}” in the link."));
        }
    }
    (config, notices)
}

/// `x₁,x₂,class;…` → points (coordinates within ±2, rounded to two decimals as links write them;
/// class 0 … 2) and how many were unreadable. At most `limit` are read; the rest are neither kept
/// nor counted.
pub fn parse_points(value: &str, limit: usize) -> (Vec<Point2>, usize) {
    let mut points = Vec::new();
    let mut bad = 0;
    for item in value.split(';').filter(|s| !s.trim().is_empty()) {
        let parts: Vec<&str> = item.split(',').map(str::trim).collect();
        let parsed = match parts.as_slice() {
            [a, b, c] => match (a.parse::<f64>(), b.parse::<f64>(), c.parse::<usize>()) {
                (Ok(x1), Ok(x2), Ok(class)) if x1.abs() <= 2.0 && x2.abs() <= 2.0 && class < 3 => {
                    Some(Point2 { x1, x2, class })
                }
                _ => None,
            },
            _ => None,
        };
        if points.len() == limit {
            break;
        }
        match parsed {
            Some(p) => points.push(Point2 {
                x1: round_coordinate(p.x1),
                x2: round_coordinate(p.x2),
                class: p.class,
            }),
            None => bad += 1,
        }
    }
    (points, bad)
}

/// The position for a URL value, or the fallback position and why.
fn position_of(spec: &Spec, value: &str) -> Result<usize, (usize, String)> {
    let domain = spec.domain;
    if let Domain::Flags(flags) = domain {
        let mut bits = 0;
        for name in value.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match flags.iter().position(|f| f.0.eq_ignore_ascii_case(name)) {
                Some(i) => bits |= 1 << i,
                None => {
                    let names: Vec<&str> = flags.iter().map(|f| f.0).collect();
                    return Err((
                        spec.default,
                        format!("names something other than {}", names.join(", ")),
                    ));
                }
            }
        }
        return if bits == 0 {
            Err((spec.default, "chooses none".into()))
        } else {
            Ok(bits - 1)
        };
    }
    if let Domain::Choices(choices) = domain {
        let names: Vec<&str> = choices.iter().map(|c| c.url).collect();
        return choices
            .iter()
            .position(|c| c.url.eq_ignore_ascii_case(value))
            .ok_or((spec.default, format!("is not one of {}", names.join(", "))));
    }
    let last = domain.len() - 1;
    let infinite = domain.number(last).is_infinite();
    if infinite && (value.eq_ignore_ascii_case("all") || value.eq_ignore_ascii_case("max")) {
        return Ok(last);
    }
    let wanted = value.parse::<f64>().ok().filter(|v| !v.is_nan());
    let Some(v) = wanted else {
        return Err((spec.default, "is not a number".into()));
    };
    let (lo, hi) = (domain.number(0), domain.number(last));
    if v < lo {
        return Err((
            0,
            format!("is below the minimum {}", format_value(spec.key, 0)),
        ));
    }
    let top = if hi.is_infinite() { last - 1 } else { last };
    if v > domain.number(top) && !hi.is_infinite() {
        return Err((
            last,
            format!("is above the maximum {}", format_value(spec.key, last)),
        ));
    }
    if v > domain.number(top) {
        // Above the largest finite size: that is "all" (or "max").
        return Ok(last);
    }
    // The nearest value as the slider spaces them: on a log-spaced list, by ratio among the
    // positive values (λ = 0.02 is nearest 0.03, not 0, which would switch the penalty off);
    // on an evenly spaced slider, by difference (a tie goes to the smaller value: n = 25 → 20).
    let log = matches!(domain, Domain::Listed(_)) && v > 0.0;
    let candidates = (0..=top).filter(|&i| !log || domain.number(i) > 0.0);
    let nearest = candidates
        .min_by(|&a, &b| {
            distance(domain.number(a), v, log).total_cmp(&distance(domain.number(b), v, log))
        })
        .unwrap_or(spec.default);
    if (domain.number(nearest) - v).abs() <= 1e-9 * v.abs().max(1e-12) {
        Ok(nearest)
    } else {
        Err((nearest, "is not one of the slider's values".into()))
    }
}

/// Distance on a log scale (so 0.004 is nearer 0.005 than 0.003), or plain.
fn distance(a: f64, b: f64, log: bool) -> f64 {
    if log {
        (a.ln() - b.ln()).abs()
    } else {
        (a - b).abs()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::spec::Key;

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
            "lab=regression&lr=0.03&degree=3&reg=none&lambda=0&batch=all&opt=adam&data=sine&n=40&noise=0.2&train=0.7&speed=max&seed=42"
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
        let (c, _) = decode("batch=1000&lr=0.004");
        assert_eq!(
            format_value(Key::BatchSize, c.position(Key::BatchSize)),
            "all"
        );
        assert_eq!(c.number(Key::LearningRate), 0.005);
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
}
