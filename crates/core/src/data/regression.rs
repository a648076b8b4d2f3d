//! One-dimensional regression data: y = f(x) + noise, with x uniform in [−1, 1].
//!
//! Inputs already lie in [−1, 1], so no hidden rescaling is needed and a learned coefficient means
//! exactly what the fitted formula shows.

use super::rng::{seeded, standard_normal, uniform};
use rand::seq::SliceRandom;

/// The true function behind the data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Curve {
    /// y = 0.8·x + 0.2
    Line,
    /// y = sin(π·x): one full wave.
    Sine,
    /// y = 2x³ − x
    Cubic,
    /// y = −0.8 for x < 0, +0.8 for x ≥ 0: no polynomial fits a jump exactly.
    Step,
}

impl Curve {
    pub const ALL: [Curve; 4] = [Curve::Line, Curve::Sine, Curve::Cubic, Curve::Step];

    /// The true value at `x`.
    pub fn eval(self, x: f64) -> f64 {
        match self {
            Curve::Line => 0.8 * x + 0.2,
            Curve::Sine => libm::sin(core::f64::consts::PI * x),
            Curve::Cubic => 2.0 * x * x * x - x,
            Curve::Step => {
                if x < 0.0 {
                    -0.8
                } else {
                    0.8
                }
            }
        }
    }
}

/// One observation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// Why a data specification was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum DataError {
    Points(usize),
    Noise(f64),
    TrainFraction(f64),
}

impl core::fmt::Display for DataError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            DataError::Points(n) => write!(f, "number of points must be 4 … 10000, got {n}"),
            DataError::Noise(s) => write!(f, "noise must be 0 … 5, got {s}"),
            DataError::TrainFraction(t) => {
                write!(f, "training fraction must be 0.05 … 0.95, got {t}")
            }
        }
    }
}

/// What to generate. Built only through [`DataSpec::new`], so it is always valid.
#[derive(Clone, Debug, PartialEq)]
pub struct DataSpec {
    curve: Curve,
    points: usize,
    noise: f64,
    train_fraction: f64,
    seed: u64,
}

impl DataSpec {
    pub fn new(
        curve: Curve,
        points: usize,
        noise: f64,
        train_fraction: f64,
        seed: u64,
    ) -> Result<Self, DataError> {
        if !(4..=10_000).contains(&points) {
            return Err(DataError::Points(points));
        }
        if !(0.0..=5.0).contains(&noise) {
            return Err(DataError::Noise(noise));
        }
        if !(0.05..=0.95).contains(&train_fraction) {
            return Err(DataError::TrainFraction(train_fraction));
        }
        Ok(DataSpec {
            curve,
            points,
            noise,
            train_fraction,
            seed,
        })
    }

    pub fn seed(&self) -> u64 {
        self.seed
    }
}

/// Generated data, split into a training set (used to fit) and a test set (held out).
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    pub curve: Curve,
    /// Standard deviation of the noise added to y: σ² is the smallest error any model can expect.
    pub noise: f64,
    pub train: Vec<Point>,
    pub test: Vec<Point>,
}

/// The lowest and highest of some values (the points' x, say); `None` when there are none.
/// What the verdict calls the training points' range and the fit chart shades beyond.
pub fn span(values: impl IntoIterator<Item = f64>) -> Option<(f64, f64)> {
    let (lo, hi) = (values.into_iter()).fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    (lo <= hi).then_some((lo, hi))
}

/// Generates the data for `spec`: the same spec gives the same points on every platform.
pub fn generate(spec: &DataSpec) -> Dataset {
    let mut rng = seeded(spec.seed, 0);
    let mut points: Vec<Point> = (0..spec.points)
        .map(|_| {
            let x = uniform(&mut rng, -1.0, 1.0);
            let y = spec.curve.eval(x) + spec.noise * standard_normal(&mut rng);
            Point { x, y }
        })
        .collect();
    points.shuffle(&mut rng);
    // At least two training points and one test point.
    let n_train =
        ((spec.points as f64 * spec.train_fraction).round() as usize).clamp(2, spec.points - 1);
    let test = points.split_off(n_train);
    Dataset {
        curve: spec.curve,
        noise: spec.noise,
        train: points,
        test,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(seed: u64) -> DataSpec {
        DataSpec::new(Curve::Sine, 50, 0.1, 0.7, seed).unwrap()
    }

    #[test]
    fn same_seed_same_data_other_seed_other_data() {
        assert_eq!(generate(&spec(3)), generate(&spec(3)));
        assert_ne!(generate(&spec(3)), generate(&spec(4)));
    }

    #[test]
    fn split_sizes_and_range() {
        let d = generate(&spec(1));
        assert_eq!(d.train.len(), 35); // round(50 · 0.7)
        assert_eq!(d.test.len(), 15);
        assert!(d
            .train
            .iter()
            .chain(&d.test)
            .all(|p| (-1.0..1.0).contains(&p.x)));
    }

    #[test]
    fn zero_noise_lies_on_the_curve() {
        for curve in Curve::ALL {
            let d = generate(&DataSpec::new(curve, 20, 0.0, 0.5, 9).unwrap());
            for p in d.train.iter().chain(&d.test) {
                assert_eq!(p.y, curve.eval(p.x));
            }
        }
    }

    #[test]
    fn curves_by_hand() {
        assert!((Curve::Line.eval(0.5) - 0.6).abs() < 1e-15); // 0.8·0.5 + 0.2
        assert_eq!(Curve::Cubic.eval(0.5), -0.25); // 2·0.125 − 0.5
        assert_eq!(Curve::Step.eval(-0.1), -0.8);
        assert!((Curve::Sine.eval(0.5) - 1.0).abs() < 1e-15);
    }

    #[test]
    fn invalid_specs_are_refused() {
        assert_eq!(
            DataSpec::new(Curve::Line, 2, 0.1, 0.5, 0),
            Err(DataError::Points(2))
        );
        assert!(DataSpec::new(Curve::Line, 20, f64::NAN, 0.5, 0).is_err());
        assert!(DataSpec::new(Curve::Line, 20, 0.1, 1.0, 0).is_err());
    }
}
