//! The configuration as a URL query, both ways. Decoding never fails: unknown keys, unparsable
//! or out-of-range values fall back to the default or the nearest valid value, and each fallback
//! is reported as a notice for the page to show.

use super::config::{Config, MAX_SEED};
use super::spec::{format_value, Domain, Spec, SPECS};

/// The only lab so far; its name is in every link so later labs get their own.
pub const LAB: &str = "regression";

/// `lab=regression&lr=0.03&…&seed=42` (no leading `?`).
pub fn encode(config: &Config) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    out.append_pair("lab", LAB);
    for spec in &SPECS {
        out.append_pair(spec.url, &format_value(spec.key, config.position(spec.key)));
    }
    out.append_pair("seed", &config.seed.to_string());
    out.finish()
}

/// Reads a query (with or without the leading `?`) into a configuration plus notices.
pub fn decode(query: &str) -> (Config, Vec<String>) {
    let mut config = Config::default();
    let mut notices = Vec::new();
    let query = query.strip_prefix('?').unwrap_or(query);
    for (name, value) in form_urlencoded::parse(query.as_bytes()) {
        let (name, value) = (name.trim(), value.trim());
        if name == "lab" {
            if value != LAB {
                notices.push(format!(
                    "There is no lab called “{value}”; showing the Regression lab."
                ));
            }
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
        } else if let Some(spec) = SPECS.iter().find(|s| s.url == name) {
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

/// The position for a URL value, or the fallback position and why.
fn position_of(spec: &Spec, value: &str) -> Result<usize, (usize, String)> {
    let domain = spec.domain;
    if let Domain::Choices(choices) = domain {
        let names: Vec<&str> = choices.iter().map(|c| c.0).collect();
        return choices
            .iter()
            .position(|c| c.0.eq_ignore_ascii_case(value))
            .ok_or((spec.default, format!("is not one of {}", names.join(", "))));
    }
    let last = domain.len() - 1;
    let wanted = match value {
        "all" | "max" if domain.number(last).is_infinite() => return Ok(last),
        _ => value.parse::<f64>().ok().filter(|v| !v.is_nan()),
    };
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
    let nearest = (0..=top)
        .min_by(|&a, &b| distance(domain.number(a), v).total_cmp(&distance(domain.number(b), v)))
        .unwrap_or(spec.default);
    if (domain.number(nearest) - v).abs() <= 1e-9 * v.abs().max(1e-12) {
        Ok(nearest)
    } else {
        Err((nearest, "is not one of the slider's values".into()))
    }
}

/// Distance on a log scale for positive numbers (so 0.004 is nearer 0.005 than 0.003), else plain.
fn distance(a: f64, b: f64) -> f64 {
    if a > 0.0 && b > 0.0 {
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
        for key in Key::ALL {
            for pos in 0..key.spec().domain.len() {
                let mut c = Config::default();
                c.set(key, pos);
                c.seed = 123;
                let (back, notices) = decode(&encode(&c));
                assert_eq!(back, c, "{key:?} at {pos}: {}", encode(&c));
                assert!(notices.is_empty(), "{notices:?}");
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
        assert!(notices[0].contains("Learning rate") && notices[0].contains("not a number"));
        assert!(notices[1].contains("above the maximum 15"));
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
