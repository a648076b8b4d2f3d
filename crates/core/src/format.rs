//! How numbers read on the page: one formatter for every value the labs show.

/// A number in 3 significant figures, scientific when very small or large.
pub fn short(v: f64) -> String {
    if !v.is_finite() {
        return "—".to_string();
    }
    let a = v.abs();
    if a != 0.0 && !(1e-3..1e4).contains(&a) {
        format!("{v:.2e}")
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

/// A count and its noun: "1 tree", "2 trees", "1 bias", "3 biases".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
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
        assert_eq!(short(1.5e-5), "1.50e-5");
        assert_eq!(short(f64::NAN), "—");
    }

    #[test]
    fn counts_take_the_singular_for_one_only() {
        assert_eq!(super::count(0, "tree", "trees"), "0 trees");
        assert_eq!(super::count(1, "bias", "biases"), "1 bias");
        assert_eq!(super::count(2, "bias", "biases"), "2 biases");
    }
}
