//! One value of a link read onto its control: a choice or flag by name, a number to the slider's
//! nearest value (on a log-spaced slider, by ratio), or the fallback and why.

use super::*;

/// The position for a URL value, or the fallback position (`default` for a value that cannot be
/// read) and why.
pub(super) fn position_of(
    spec: &Spec,
    value: &str,
    default: usize,
) -> Result<usize, (usize, String)> {
    let domain = spec.domain;
    if let Domain::Flags(flags) = domain {
        let (mut bits, mut twice) = (0, None);
        for name in value.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match flags.iter().position(|f| f.0.eq_ignore_ascii_case(name)) {
                Some(i) if bits & (1 << i) != 0 => twice = twice.or(Some(flags[i].0)),
                Some(i) => bits |= 1 << i,
                None => {
                    let names: Vec<&str> = flags.iter().map(|f| f.0).collect();
                    return Err((
                        default,
                        format!("names something other than {}", names.join(", ")),
                    ));
                }
            }
        }
        // (Helper 63: "x1,x1,x2" was read as x1, x2 without a word.)
        return match (bits, twice) {
            (0, _) => Err((default, "chooses none".into())),
            (_, Some(name)) => Err((bits - 1, format!("names {name} more than once"))),
            _ => Ok(bits - 1),
        };
    }
    if let Domain::Choices(choices) = domain {
        let names: Vec<&str> = choices.iter().map(|c| c.url).collect();
        // Or the word in its label's brackets, where no other option's has it: `reg=ridge`,
        // `reg=lasso` (helper 109), as the select names them, "L2 (ridge)".
        let aside = |label: &'static str| label.split_once('(')?.1.split_once(')').map(|a| a.0);
        let by_aside: Vec<usize> = (0..choices.len())
            .filter(|&i| aside(choices[i].label).is_some_and(|a| a.eq_ignore_ascii_case(value)))
            .collect();
        return (choices.iter())
            .position(|c| c.url.eq_ignore_ascii_case(value))
            .or(match by_aside[..] {
                [one] => Some(one),
                _ => None,
            })
            .ok_or((default, format!("is not one of {}", names.join(", "))));
    }
    let last = domain.len() - 1;
    let infinite = domain.number(last).is_infinite();
    if infinite && (value.eq_ignore_ascii_case("all") || value.eq_ignore_ascii_case("max")) {
        return Ok(last);
    }
    // Leave-one-out by the names people type for it.
    let loo = ["loo", "leave-one-out", "loocv"];
    if spec.key == Key::Folds && loo.iter().any(|name| value.eq_ignore_ascii_case(name)) {
        return Ok(last);
    }
    // The training fraction as a percentage: `train=70%` is 0.7; a bare 70 is too, said
    // (helper 109 meant 70 % and read "above the maximum 0.9").
    let percent = value.strip_suffix('%').map(str::trim);
    let wanted = percent.unwrap_or(value).parse::<f64>().ok();
    let Some(v) = wanted.filter(|v| !v.is_nan()) else {
        return Err((default, "is not a number".into()));
    };
    match spec.key == Key::TrainFraction {
        true if percent.is_some() => number_position(spec, v / 100.0),
        true if v > 1.0 && v <= 100.0 => {
            let pos = number_position(spec, v / 100.0).unwrap_or_else(|e| e.0);
            Err((pos, format!("is read as {v} %")))
        }
        _ if percent.is_some() => Err((default, "is not a number".into())),
        _ => number_position(spec, v),
    }
}

/// The slider position of a number: its own, or the nearest with the reason it is not exact.
fn number_position(spec: &Spec, v: f64) -> Result<usize, (usize, String)> {
    let domain = spec.domain;
    let last = domain.len() - 1;
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
    if v > domain.number(top) && spec.key == Key::Folds {
        // More folds than the slider's 10 is not leave-one-out (n folds): say what is used.
        return Err((last, "is more than the slider's 10".into()));
    }
    if v > domain.number(top) {
        // Above the largest finite size: that is "all" (or "max"), said so (helper 60: a batch
        // of 10⁹ became "all" without a word).
        return Err((
            last,
            format!(
                "is above the slider's largest {}",
                format_value(spec.key, top)
            ),
        ));
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
        .unwrap_or(top);
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
