//! Losses and scores.

/// Mean squared error: (1/n)·Σ(ŷ − y)². Zero for an empty set.
pub fn mse(predicted: impl Iterator<Item = f64>, actual: impl Iterator<Item = f64>) -> f64 {
    let (mut sum, mut n) = (0.0, 0usize);
    for (p, a) in predicted.zip(actual) {
        sum += (p - a) * (p - a);
        n += 1;
    }
    if n == 0 {
        0.0
    } else {
        sum / n as f64
    }
}

/// Population variance of the values: the MSE of always predicting their mean.
pub fn variance(values: &[f64]) -> f64 {
    // (Equal values vary by nothing, exactly: their float mean can miss them by a rounding, and
    // three targets of −0.8 gave a variance of 10⁻³² and a test R² of −3 × 10³¹; helper 101.)
    if values.windows(2).all(|w| w[0] == w[1]) {
        return 0.0;
    }
    let mean = values.iter().sum::<f64>() / values.len() as f64;
    values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / values.len() as f64
}

/// Coefficient of determination R² = 1 − MSE / Var(y): 1 is perfect, 0 is no better than the
/// mean. `None` when the targets do not vary (one point, or all equal): there is no mean to beat.
pub fn r_squared(mse: f64, target_variance: f64) -> Option<f64> {
    (target_variance > 0.0).then(|| 1.0 - mse / target_variance)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_hand() {
        // errors 1, −2 → (1 + 4) / 2 = 2.5
        assert_eq!(mse([1.0, 0.0].into_iter(), [0.0, 2.0].into_iter()), 2.5);
        // values 1, 3: mean 2, deviations ±1 → variance 1
        assert_eq!(variance(&[1.0, 3.0]), 1.0);
        assert_eq!(r_squared(0.25, 1.0), Some(0.75));
        assert_eq!(r_squared(0.25, variance(&[1.5])), None, "one point");
        assert_eq!(variance(&[-0.8; 3]), 0.0);
        assert_eq!(r_squared(0.38, variance(&[-0.8; 3])), None, "all equal");
        assert_eq!(mse(std::iter::empty(), std::iter::empty()), 0.0);
    }
}

/// Share of points whose predicted class (highest probability) is the true one.
pub fn accuracy(predicted: &[usize], actual: &[usize]) -> f64 {
    if actual.is_empty() {
        return 0.0;
    }
    predicted.iter().zip(actual).filter(|(p, a)| p == a).count() as f64 / actual.len() as f64
}

/// Mean cross-entropy −(1/n)·Σ ln p(true class), with p clipped to [ε, 1 − ε] (ε = 2.2·10⁻¹⁶,
/// the machine epsilon, as scikit-learn's `log_loss` clips) so a confident mistake costs about 36
/// instead of infinity.
pub fn log_loss(prob_of_true: impl Iterator<Item = f64>) -> f64 {
    let (mut sum, mut n) = (0.0, 0usize);
    for p in prob_of_true {
        sum -= p.clamp(f64::EPSILON, 1.0 - f64::EPSILON).ln();
        n += 1;
    }
    if n == 0 {
        0.0
    } else {
        sum / n as f64
    }
}

/// `matrix[actual][predicted]` counts.
pub fn confusion(predicted: &[usize], actual: &[usize], classes: usize) -> Vec<Vec<usize>> {
    let mut m = vec![vec![0; classes]; classes];
    for (&p, &a) in predicted.iter().zip(actual) {
        if p < classes && a < classes {
            m[a][p] += 1;
        }
    }
    m
}

/// Index of the largest value (the first on ties).
pub fn argmax(values: &[f64]) -> usize {
    let mut best = 0;
    for (i, v) in values.iter().enumerate() {
        if *v > values[best] {
            best = i;
        }
    }
    best
}

#[cfg(test)]
mod classification_tests {
    use super::*;

    #[test]
    fn by_hand() {
        assert_eq!(accuracy(&[0, 1, 1, 0], &[0, 1, 0, 0]), 0.75);
        // −(ln 0.5 + ln 1)/2 = ln 2 / 2
        assert!((log_loss([0.5, 1.0].into_iter()) - 2f64.ln() / 2.0).abs() < 1e-15);
        assert_eq!(
            confusion(&[0, 1, 1], &[0, 0, 1], 2),
            vec![vec![1, 1], vec![0, 1]]
        );
        assert_eq!(argmax(&[0.2, 0.5, 0.5]), 1);
    }
}
