//! A plain-words diagnosis of the fit, computed from the losses.
//!
//! The reference is the *noise floor*: the data were made as f(x) + noise with standard deviation
//! σ, so even the true function has an expected squared error of σ². A small tolerance (1 % of the
//! targets' variance) keeps the rules sensible when there is no noise.
//! - **Underfitting**: the training error stays well above the floor (> 1.5·σ² + tol): the model
//!   cannot even describe the training points.
//! - **Overfitting**: the training error is near or below the floor but the test error is more than
//!   twice the training error and three times the floor: the model has learned the noise of the
//!   training points, which does not carry over to new points. (Three times, because a test set of
//!   a dozen points measures the floor itself only roughly.)
//! - **Good fit** otherwise.

use crate::format::short;

/// The verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    Underfitting,
    GoodFit,
    Overfitting,
}

/// "3× higher", or "over 100× higher" for ratios a number would only obscure (a training error
/// of 1e-12 makes any test error billions of times higher).
fn times_higher(ratio: f64) -> String {
    if ratio.is_finite() && ratio <= 100.0 {
        format!("{ratio:.0}× higher")
    } else {
        "over 100× higher".into()
    }
}

/// A verdict with the reason in words.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnosis {
    pub fit: Fit,
    pub reason: String,
}

pub fn diagnose(train_mse: f64, test_mse: f64, noise_sd: f64, target_variance: f64) -> Diagnosis {
    let floor = noise_sd * noise_sd;
    let tol = 0.01 * target_variance;
    let floor_text = format!("the noise floor σ² = {}", short(floor));
    if train_mse > 1.5 * floor + tol {
        Diagnosis {
            fit: Fit::Underfitting,
            reason: format!(
                "Training error {} is well above {floor_text}: the model is too simple, too strongly \
                 regularized, or not trained long enough to follow the pattern.",
                short(train_mse)
            ),
        }
    } else if test_mse > 2.0 * train_mse + tol && test_mse > 3.0 * floor + tol {
        Diagnosis {
            fit: Fit::Overfitting,
            reason: format!(
                "Training error {} is down at {floor_text}, but test error {} is {}: the \
                 model is fitting the noise of the training points. Make the model less flexible \
                 (a lower degree, fewer neurons) or add regularization.",
                short(train_mse),
                short(test_mse),
                times_higher(test_mse / train_mse)
            ),
        }
    } else {
        Diagnosis {
            fit: Fit::GoodFit,
            reason: format!(
                "Training error {} is close to {floor_text} and test error {} is within three \
                 times it: the model captures the pattern and carries it over to new points.",
                short(train_mse),
                short(test_mse)
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn huge_ratios_read_as_words() {
        let d = diagnose(1e-13, 0.5, 0.1, 0.5);
        assert!(d.reason.contains("is over 100× higher"), "{}", d.reason);
        // 0.2 / 0.005 = 40.
        assert!(diagnose(0.005, 0.2, 0.1, 0.5)
            .reason
            .contains("is 40× higher"));
    }

    #[test]
    fn rules_by_hand() {
        // σ = 0.1 → floor 0.01; variance 0.5 → tol 0.005.
        assert_eq!(diagnose(0.2, 0.25, 0.1, 0.5).fit, Fit::Underfitting); // 0.2 > 0.02
        assert_eq!(diagnose(0.001, 0.2, 0.1, 0.5).fit, Fit::Overfitting); // 0.2 > 0.007 and > 0.035
        assert_eq!(diagnose(0.01, 0.03, 0.1, 0.5).fit, Fit::GoodFit); // 0.03 < 0.035
        assert_eq!(diagnose(0.009, 0.012, 0.1, 0.5).fit, Fit::GoodFit);
    }
}

/// The verdict for a classifier, from training and test accuracy.
/// - **Underfitting**: training accuracy below 85 % and test accuracy no better: the model
///   cannot separate even the points it learns from.
/// - **Overfitting**: training accuracy 8 or more points above test accuracy:
///   the boundary bends around individual training points.
/// - **Good fit** otherwise.
pub fn diagnose_classifier(train_accuracy: f64, test_accuracy: f64) -> Diagnosis {
    let (tr, te) = (100.0 * train_accuracy, 100.0 * test_accuracy);
    if train_accuracy < 0.85 && test_accuracy <= train_accuracy + 0.05 {
        Diagnosis {
            fit: Fit::Underfitting,
            reason: format!(
                "Training accuracy is only {tr:.0} % (test {te:.0} %): the model is too simple or too \
                 strongly regularized to separate the classes it learns from."
            ),
        }
    } else if train_accuracy - test_accuracy >= 0.08 {
        Diagnosis {
            fit: Fit::Overfitting,
            reason: format!(
                "Training accuracy {tr:.0} % but test accuracy {te:.0} %: the boundary bends around \
                 individual training points, noise included, and that does not carry over."
            ),
        }
    } else {
        Diagnosis {
            fit: Fit::GoodFit,
            reason: format!(
                "Training accuracy {tr:.0} % and test accuracy {te:.0} % are close: the boundary \
                 follows the pattern, not the noise."
            ),
        }
    }
}

#[cfg(test)]
mod classifier_tests {
    use super::*;

    #[test]
    fn rules_by_hand() {
        assert_eq!(diagnose_classifier(0.65, 0.62).fit, Fit::Underfitting);
        assert_eq!(diagnose_classifier(1.0, 0.85).fit, Fit::Overfitting);
        assert_eq!(diagnose_classifier(0.95, 0.93).fit, Fit::GoodFit);
        assert_eq!(diagnose_classifier(0.886, 0.783).fit, Fit::Overfitting);
    }
}
