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
    if values.is_empty() {
        return 0.0;
    }
    let mean = values.iter().sum::<f64>() / values.len() as f64;
    values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / values.len() as f64
}

/// Coefficient of determination R² = 1 − MSE / Var(y): 1 is perfect, 0 is no better than the mean.
pub fn r_squared(mse: f64, target_variance: f64) -> f64 {
    if target_variance > 0.0 {
        1.0 - mse / target_variance
    } else {
        0.0
    }
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
        assert_eq!(r_squared(0.25, 1.0), 0.75);
        assert_eq!(mse(std::iter::empty(), std::iter::empty()), 0.0);
    }
}
