//! Two-dimensional regression data: a number y at each point (x₁, x₂) of the plane, from a smooth
//! surface plus Gaussian noise of standard deviation `0.5 · noise` (the same scale as the
//! classification patterns' jitter). Points are spread uniformly over [−1, 1]².

use super::classification::{Dataset2, Point2, Targets2};
use super::rng::{seeded, standard_normal, uniform};
use rand::seq::SliceRandom;

/// Which surface y = f(x₁, x₂) to sample.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Surface {
    /// y = (x₁ + x₂) / 2: a tilted plane, which even a network without hidden layers fits.
    Plane,
    /// Two bumps up and two dips down, one per quadrant: it needs hidden neurons.
    Bumps,
}

impl Surface {
    pub fn eval(self, x1: f64, x2: f64) -> f64 {
        match self {
            Surface::Plane => (x1 + x2) / 2.0,
            Surface::Bumps => {
                let bump = |c1: f64, c2: f64| {
                    libm::exp(-((x1 - c1) * (x1 - c1) + (x2 - c2) * (x2 - c2)) / 0.18)
                };
                bump(-0.5, 0.5) + bump(0.5, -0.5) - bump(0.5, 0.5) - bump(-0.5, -0.5)
            }
        }
    }
}

/// `points` points of `surface` with the given noise, split by `train_fraction` (the caller
/// validates the ranges, as for the classification patterns).
pub fn generate(
    surface: Surface,
    points: usize,
    noise: f64,
    train_fraction: f64,
    seed: u64,
) -> Dataset2 {
    let mut rng = seeded(seed, 5);
    let noise_sd = 0.5 * noise;
    let mut all: Vec<(Point2, f64)> = (0..points)
        .map(|_| {
            let (x1, x2) = (uniform(&mut rng, -1.0, 1.0), uniform(&mut rng, -1.0, 1.0));
            let y = surface.eval(x1, x2) + noise_sd * standard_normal(&mut rng);
            (Point2 { x1, x2, class: 0 }, y)
        })
        .collect();
    all.shuffle(&mut rng);
    let n = all.len();
    let n_train = ((n as f64 * train_fraction).round() as usize).clamp(1, n.max(2) - 1);
    let test = all.split_off(n_train.min(n));
    let (train, train_values): (Vec<Point2>, Vec<f64>) = all.into_iter().unzip();
    let (test, test_values): (Vec<Point2>, Vec<f64>) = test.into_iter().unzip();
    Dataset2 {
        classes: 1,
        train,
        test,
        values: Some(Targets2 {
            train: train_values,
            test: test_values,
            noise_sd,
        }),
        best: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_the_surface_plus_noise_of_the_stated_size() {
        assert_eq!(Surface::Plane.eval(1.0, -0.5), 0.25);
        // At a bump's centre: 1, minus the two dips at squared distance 1, plus the other bump
        // at squared distance 2: 1 − 2e^(−1/0.18) + e^(−2/0.18) = 0.992283….
        assert!((Surface::Bumps.eval(-0.5, 0.5) - 0.992283).abs() < 1e-6);
        let d = generate(Surface::Bumps, 2000, 0.4, 0.5, 7);
        let v = d.values.as_ref().unwrap();
        assert_eq!(
            (d.train.len(), v.train.len(), v.test.len()),
            (1000, 1000, 1000)
        );
        let residuals: Vec<f64> = d
            .train
            .iter()
            .zip(&v.train)
            .map(|(p, y)| y - Surface::Bumps.eval(p.x1, p.x2))
            .collect();
        let sd = (residuals.iter().map(|r| r * r).sum::<f64>() / 1000.0).sqrt();
        assert!((sd - 0.2).abs() < 0.02, "noise sd {sd}");
        assert_eq!(
            d,
            generate(Surface::Bumps, 2000, 0.4, 0.5, 7),
            "same seed, same data"
        );
    }
}
