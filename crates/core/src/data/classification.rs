//! Two-dimensional classification data: points (x₁, x₂) in about [−1, 1]², each with a class.
//!
//! Every generator places points by its own rule, then jitters both coordinates with Gaussian
//! noise of standard deviation `0.5 · noise`; the class is decided before the jitter, so noise
//! blurs the boundary exactly as measurement error would.

use super::bayes::BayesRule;
use super::rng::{seeded, standard_normal, uniform, SeededRng};
use rand::seq::SliceRandom;
use rand::Rng;

/// Which pattern to generate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pattern {
    /// Two Gaussian blobs: linearly separable when noise is low.
    Blobs,
    /// A disc inside a ring: no straight line separates them.
    Circles,
    /// Two interleaving half-moons.
    Moons,
    /// Class = whether x₁ and x₂ have the same sign.
    Xor,
    /// Two interleaved spiral arms.
    Spiral,
    /// Three Gaussian blobs: three classes.
    ThreeBlobs,
}

impl Pattern {
    /// Every pattern, in the Data select's order.
    pub const ALL: [Pattern; 6] = [
        Pattern::Blobs,
        Pattern::Circles,
        Pattern::Moons,
        Pattern::Xor,
        Pattern::Spiral,
        Pattern::ThreeBlobs,
    ];

    pub fn classes(self) -> usize {
        if self == Pattern::ThreeBlobs {
            3
        } else {
            2
        }
    }
}

/// The plotted square of the plane labs: both axes span [−EXTENT, EXTENT] (every pattern's
/// points lie well inside it, noise and all, nearly always).
pub const EXTENT: f64 = 1.4;

/// The classes' names, by class index: the colour the page draws each in (the app's
/// `plot::region::CLASS_COLOURS`, in the same order). The page, the learned parameters' names and
/// the data's CSV all use them, so a file reads as the page does.
pub const CLASS_NAMES: [&str; 3] = ["blue", "orange", "green"];

/// The name of class `class` ("blue"); "?" beyond the three the labs have.
pub fn class_name(class: usize) -> &'static str {
    CLASS_NAMES.get(class).copied().unwrap_or("?")
}

/// The classes that share the highest probability in `shares`, by name ("blue and orange"),
/// when more than one does; `None` when one class leads. A tie is exact: the labs score it as
/// the first of them (`argmax`), and the page says it is a tie rather than name that class as
/// chosen (a logistic model's first epoch, all weights 0, is 50 % everywhere).
pub fn tied_classes(shares: &[f64]) -> Option<String> {
    let top = shares.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let names: Vec<&str> = (0..shares.len())
        .filter(|&c| shares[c] == top)
        .map(class_name)
        .collect();
    match names.as_slice() {
        [] | [_] => None,
        [rest @ .., last] => Some(format!("{} and {last}", rest.join(", "))),
    }
}

/// One labelled point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point2 {
    pub x1: f64,
    pub x2: f64,
    pub class: usize,
}

/// Training and test points.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset2 {
    /// Classes of a classification set; 1 for a regression set (one output).
    pub classes: usize,
    pub train: Vec<Point2>,
    pub test: Vec<Point2>,
    /// A regression set's numbers to predict (its points' `class` is 0), from `data::surface`.
    pub values: Option<Targets2>,
    /// For points drawn from a known pattern, how the rule that knows it scores on them, once
    /// worked out ([`BestOnPoints::of`]: the verdict needs it, the Tuning lab does not).
    pub best: Option<BestOnPoints>,
}

impl Dataset2 {
    /// Whether the training points all belong to one class (hand-placed points can): a model
    /// that always answers it gets every one right, so there is nothing to learn or judge.
    pub fn one_class(&self) -> bool {
        self.values.is_none() && self.train.windows(2).all(|w| w[0].class == w[1].class)
    }
}

/// The accuracy of the rule that knows the pattern and the noise ([`BayesRule`]) on the very
/// training and test points: the best any model could score on *them*. A small test set can be
/// easy or hard by chance, and this says which.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BestOnPoints {
    pub train: f64,
    pub test: f64,
}

impl BestOnPoints {
    /// The rule's scores on `data`, drawn from `pattern` at `noise` (about a millisecond for 200
    /// points, natively: `cargo bench --bench data`).
    pub fn of(pattern: Pattern, noise: f64, data: &Dataset2) -> BestOnPoints {
        let rule = BayesRule::new(pattern, noise);
        BestOnPoints {
            train: rule.accuracy(&data.train),
            test: rule.accuracy(&data.test),
        }
    }
}

/// The numbers a regression set asks for at its training and test points, in their order, and
/// the noise's standard deviation (the smallest error any model can expect, squared).
#[derive(Clone, Debug, PartialEq)]
pub struct Targets2 {
    pub train: Vec<f64>,
    pub test: Vec<f64>,
    pub noise_sd: f64,
}

/// Generates `points` points of `pattern` with the given noise, split by `train_fraction`.
/// The caller validates the ranges (see `DataSpec` for the same rules).
pub fn generate(
    pattern: Pattern,
    points: usize,
    noise: f64,
    train_fraction: f64,
    seed: u64,
) -> Dataset2 {
    let mut rng = seeded(seed, 2);
    let all: Vec<Point2> = (0..points)
        .map(|i| {
            let class = i % pattern.classes();
            let (x1, x2) = place(pattern, class, &mut rng);
            let jitter = 0.5 * noise;
            Point2 {
                x1: x1 + jitter * standard_normal(&mut rng),
                x2: x2 + jitter * standard_normal(&mut rng),
                class,
            }
        })
        .collect();
    split(all, pattern.classes(), train_fraction, &mut rng)
}

/// Splits points (e.g. drawn by hand) into training and test sets with the seed's shuffle.
pub fn split_points(
    points: Vec<Point2>,
    classes: usize,
    train_fraction: f64,
    seed: u64,
) -> Dataset2 {
    split(points, classes, train_fraction, &mut seeded(seed, 3))
}

fn split(
    mut all: Vec<Point2>,
    classes: usize,
    train_fraction: f64,
    rng: &mut SeededRng,
) -> Dataset2 {
    all.shuffle(rng);
    let n = all.len();
    let n_train = if n < 2 {
        n
    } else {
        ((n as f64 * train_fraction).round() as usize).clamp(1, n - 1)
    };
    let test = all.split_off(n_train);
    Dataset2 {
        classes,
        train: all,
        test,
        values: None,
        best: None,
    }
}

/// A noise-free position for a point of `class`.
pub(super) fn place(pattern: Pattern, class: usize, rng: &mut SeededRng) -> (f64, f64) {
    use core::f64::consts::PI;
    match pattern {
        Pattern::Blobs => {
            let c = if class == 0 { -0.4 } else { 0.4 };
            (
                c + 0.2 * standard_normal(rng),
                c + 0.2 * standard_normal(rng),
            )
        }
        Pattern::ThreeBlobs => {
            let angle = PI / 2.0 + class as f64 * 2.0 * PI / 3.0;
            (
                0.5 * libm::cos(angle) + 0.15 * standard_normal(rng),
                0.5 * libm::sin(angle) + 0.15 * standard_normal(rng),
            )
        }
        Pattern::Circles => {
            let r = if class == 0 {
                uniform(rng, 0.0, 0.35)
            } else {
                uniform(rng, 0.6, 0.9)
            };
            let a = uniform(rng, 0.0, 2.0 * PI);
            (r * libm::cos(a), r * libm::sin(a))
        }
        Pattern::Moons => {
            let a = uniform(rng, 0.0, PI);
            if class == 0 {
                (0.6 * libm::cos(a) - 0.3, 0.6 * libm::sin(a) - 0.15)
            } else {
                (0.3 - 0.6 * libm::cos(a), 0.15 - 0.6 * libm::sin(a))
            }
        }
        Pattern::Xor => loop {
            let (x1, x2) = (uniform(rng, -1.0, 1.0), uniform(rng, -1.0, 1.0));
            if ((x1 * x2 > 0.0) as usize) == class {
                break (x1, x2);
            }
        },
        Pattern::Spiral => {
            let t: f64 = rng.gen::<f64>();
            let r = 0.05 + 0.85 * t;
            let a = 3.0 * PI * t + class as f64 * PI;
            (r * libm::cos(a), r * libm::sin(a))
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_tie_is_named_as_a_tie_and_a_lead_is_not() {
        use super::tied_classes;
        assert_eq!(
            tied_classes(&[0.5, 0.5]).as_deref(),
            Some("blue and orange")
        );
        let third = 1.0 / 3.0;
        assert_eq!(
            tied_classes(&[third, third, third]).as_deref(),
            Some("blue, orange and green")
        );
        assert_eq!(
            tied_classes(&[0.2, 0.4, 0.4]).as_deref(),
            Some("orange and green")
        );
        assert_eq!(tied_classes(&[0.5000001, 0.4999999]), None);
        assert_eq!(tied_classes(&[1.0]), None);
    }

    use super::*;

    const ALL: [Pattern; 6] = Pattern::ALL;

    #[test]
    fn reproducible_balanced_and_split() {
        for p in ALL {
            let a = generate(p, 90, 0.2, 0.7, 5);
            assert_eq!(a, generate(p, 90, 0.2, 0.7, 5));
            assert_ne!(a, generate(p, 90, 0.2, 0.7, 6));
            assert_eq!(a.train.len(), 63);
            let all: Vec<_> = a.train.iter().chain(&a.test).collect();
            for c in 0..p.classes() {
                assert_eq!(
                    all.iter().filter(|q| q.class == c).count(),
                    90 / p.classes(),
                    "{p:?}"
                );
            }
        }
    }

    #[test]
    fn noise_free_patterns_follow_their_rules() {
        let d = generate(Pattern::Xor, 200, 0.0, 0.5, 1);
        assert!(d
            .train
            .iter()
            .all(|p| ((p.x1 * p.x2 > 0.0) as usize) == p.class));
        let d = generate(Pattern::Circles, 200, 0.0, 0.5, 1);
        for p in &d.train {
            let r = (p.x1 * p.x1 + p.x2 * p.x2).sqrt();
            assert!(
                if p.class == 0 {
                    r <= 0.35
                } else {
                    (0.6..=0.9).contains(&r)
                },
                "r = {r}"
            );
        }
    }

    #[test]
    fn hand_drawn_points_split_too() {
        let pts: Vec<Point2> = (0..10)
            .map(|i| Point2 {
                x1: i as f64 / 10.0,
                x2: 0.0,
                class: i % 2,
            })
            .collect();
        let d = split_points(pts, 2, 0.7, 1);
        assert_eq!((d.train.len(), d.test.len()), (7, 3));
        assert_eq!(split_points(vec![], 2, 0.7, 1).train.len(), 0);
    }
}
