//! How numbers read on the page: one formatter for every value the labs show.

/// A number as the page shows it: at most four decimals with trailing zeros dropped (0.299975 →
/// "0.3", 0.0623 → "0.0623"), one decimal from 100, scientific below 0.001 and from 10⁴ with
/// three significant figures, trailing zeros dropped there too (1.5·10⁻⁵ → "1.5e-5", 10⁻⁸ →
/// "1e-8": a learner reading "1.00e-8" would look for a precision it does not have).
pub fn short(v: f64) -> String {
    if !v.is_finite() {
        return "—".to_string();
    }
    let a = v.abs();
    if a != 0.0 && !(1e-3..1e4).contains(&a) {
        let s = format!("{v:.2e}");
        let (mantissa, exponent) = s.split_once('e').unwrap_or((&s, "0"));
        let mantissa = mantissa.trim_end_matches('0').trim_end_matches('.');
        format!("{mantissa}e{exponent}")
    } else if a >= 100.0 {
        format!("{v:.1}")
    } else {
        let s = format!("{v:.4}");
        let s = s.trim_end_matches('0').trim_end_matches('.');
        if s == "-0" {
            "0".into()
        } else {
            s.to_string()
        }
    }
}

/// A number inside a sentence: as [`short`], but a small one in decimals rather than scientific
/// notation down to 10⁻⁶ (5·10⁻⁴ → "0.0005": helper 83 read "takes 5e-4 off" as odd), with
/// three significant figures.
pub fn in_words(v: f64) -> String {
    let a = v.abs();
    if a == 0.0 || !(1e-6..1e-3).contains(&a) {
        return short(v);
    }
    let decimals = (-libm::log10(a)).floor() as usize + 3;
    let s = format!("{v:.decimals$}");
    s.trim_end_matches('0').to_string()
}

/// The fewest decimals, from five significant figures on, at which
/// `best` reads differently from each of `others` (all higher than it).
pub fn decimals_apart(best: f64, others: &[f64]) -> usize {
    let top = others.iter().fold(best.abs(), |m, v| m.max(v.abs()));
    let first = (4 - top.log10().floor() as i32).max(1) as usize;
    let text = |v: f64, d: usize| format!("{v:.d$}");
    (first..=20)
        .find(|&d| others.iter().all(|&v| text(v, d) != text(best, d)))
        .unwrap_or(20)
}

/// A log-loss as the page shows it: [`short`], but 0 at the least value the metric can take.
/// [`crate::ml::metrics::log_loss`] clips each probability to 1 − ε (scikit-learn's convention),
/// so a model certain and right on every point scores −ln(1 − ε) ≈ ε = 2.2·10⁻¹⁶ (give or take
/// a rounding), not 0; a learner reading "2.22e-16" would look for a meaning it does not have.
pub fn log_loss(v: f64) -> String {
    if v < 2.0 * f64::EPSILON {
        "0".to_string()
    } else {
        short(v)
    }
}

/// An error as the page shows it: [`short`], or "diverged" for a model whose training diverged
/// ([`crate::tune::cv::DIVERGED`]): never its number.
pub fn error(v: f64) -> String {
    if crate::tune::cv::diverged(v) {
        "diverged".to_string()
    } else {
        short(v)
    }
}

/// A mean ± sd of errors ("0.12 ± 0.03"), or "diverged" when a model averaged diverged.
pub fn error_spread(e: crate::tune::cv::MeanSd) -> String {
    if e.diverged() {
        "diverged".to_string()
    } else {
        format!("{} ± {}", short(e.mean), short(e.sd))
    }
}

/// A test R² as the score lines show it, from the test MSE and the test targets; or why there
/// is none (R² compares with the targets' mean, which needs targets that vary).
pub fn r_squared(mse: f64, targets: &[f64]) -> String {
    use crate::ml::metrics::{r_squared, variance};
    match r_squared(mse, variance(targets)) {
        Some(r2) => short(r2),
        None if targets.len() < 2 => "— (one test point)".into(),
        None => "— (test targets all equal)".into(),
    }
}

/// An accuracy as the score lines show it: "98.8 %".
pub fn percent(v: f64) -> String {
    format!("{:.1} %", 100.0 * v)
}

/// Text from outside (a link, a field) as a notice quotes it: without control characters or the
/// marks that reorder text (a right-to-left override made the page's own sentence read
/// backwards; helper 46), and at most `max` characters, then "…" (a 5,000-digit seed filled a
/// screen).
pub fn clip(text: &str, max: usize) -> String {
    let reorders = |c: char| matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    let mut kept = text.chars().filter(|&c| !c.is_control() && !reorders(c));
    let mut out: String = kept.by_ref().take(max).collect();
    if kept.next().is_some() {
        out.push('…');
    }
    out
}

/// A percentage to the whole number, except that one short of 100 (or above 0) is never rounded
/// to 100 (or 0): "99.6 %", not "100 %", when the scores beside it say 99.6.
pub fn whole_percent(p: f64) -> String {
    if (p > 99.5 && p < 100.0) || (p > 0.0 && p < 0.5) {
        format!("{p:.1} %")
    } else {
        format!("{p:.0} %")
    }
}

/// A count and its noun: "1 tree", "2 trees", "1 bias", "1,026 nodes".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!(
        "{} {}",
        thousands(n as u64),
        if n == 1 { one } else { many }
    )
}

/// `1234567` → `"1,234,567"`: counts of epochs in sentences.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {

    /// An R² needs targets that vary: one test point, or equal ones (three of −0.8, whose float
    /// mean misses them by a rounding: helper 101 saw "Test R² -3.06e31"), have none.
    #[test]
    fn a_test_r_squared_or_why_there_is_none() {
        assert_eq!(super::r_squared(0.25, &[1.0, 3.0]), "0.75");
        assert_eq!(super::r_squared(0.38, &[-0.8]), "— (one test point)");
        assert_eq!(
            super::r_squared(0.38, &[-0.8; 3]),
            "— (test targets all equal)"
        );
    }

    #[test]
    fn small_numbers_in_words_are_decimals() {
        assert_eq!(in_words(5e-4), "0.0005");
        assert_eq!(in_words(-1.234e-5), "-0.0000123");
        assert_eq!(in_words(0.0417), "0.0417");
        assert_eq!(in_words(1e-8), "1e-8");
        assert_eq!(in_words(0.0), "0");
    }

    use super::*;
    use crate::tune::cv::{MeanSd, DIVERGED};

    #[test]
    fn a_diverged_error_reads_diverged() {
        assert_eq!(
            (error(0.25), error(DIVERGED)),
            ("0.25".into(), "diverged".into())
        );
        let spread = MeanSd { mean: 3.0, sd: 0.5 };
        assert_eq!(error_spread(spread), "3 ± 0.5");
        assert_eq!(error_spread(MeanSd::of(&[1.0, DIVERGED])), "diverged");
    }

    #[test]
    fn short_numbers() {
        assert_eq!(short(0.5), "0.5");
        assert_eq!(short(0.0), "0");
        assert_eq!(short(1234.5), "1234.5");
        assert_eq!(short(1.5e-5), "1.5e-5");
        assert_eq!(short(1e-8), "1e-8");
        assert_eq!(short(-2.346e-7), "-2.35e-7");
        assert_eq!(short(69_300.0), "6.93e4");
        assert_eq!(short(100_000.0), "1e5");
        assert_eq!(short(f64::NAN), "—");
    }

    #[test]
    fn a_log_loss_at_its_clip_reads_0() {
        use crate::ml::metrics;
        let certain = metrics::log_loss([1.0, 1.0, 1.0].into_iter());
        assert!(certain > 0.0, "clipped at 1 − ε, as scikit-learn does");
        assert_eq!(log_loss(certain), "0");
        let nearly = metrics::log_loss([1.0, 0.999].into_iter());
        assert_eq!(log_loss(nearly), "5e-4");
        assert_eq!(log_loss(0.693), "0.693");
    }

    #[test]
    fn counts_take_the_singular_for_one_only() {
        assert_eq!(super::count(0, "tree", "trees"), "0 trees");
        assert_eq!(super::count(1, "bias", "biases"), "1 bias");
        assert_eq!(super::count(2, "bias", "biases"), "2 biases");
        assert_eq!(super::count(1026, "node", "nodes"), "1,026 nodes");
    }

    #[test]
    fn clip_drops_reordering_marks_and_shortens() {
        assert_eq!(super::clip("\u{202E}sine", 40), "sine");
        assert_eq!(super::clip("a\u{2067}b\nc", 40), "abc");
        assert_eq!(super::clip(&"9".repeat(5000), 5), "99999…");
        assert_eq!(super::clip("12345", 5), "12345");
    }
}
