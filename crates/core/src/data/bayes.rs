//! The best accuracy any model can expect on a pattern at a noise level: its *Bayes accuracy*.
//!
//! Why: the noise jitters each point away from where its pattern placed it, so near the boundary
//! some points land where the other class is more likely. No model can classify those right, not
//! even the one that knows the pattern and the noise exactly. The verdict compares the training
//! accuracy against this ceiling (for classes what the noise floor σ² is for numbers) instead of
//! blaming the model for what the noise does.
//!
//! What: with equal class shares, the best rule gives each point x the class c whose density
//! p(x | c) is highest there, and its accuracy is the average over the data of
//! max_c p(x | c) / Σ_c p(x | c). The density of class c is where `place` puts its points blurred
//! by the Gaussian jitter of standard deviation `0.5 · noise`.
//!
//! How: by Monte Carlo with a fixed seed. 400 noise-free positions per class, drawn by the
//! generator's own `place`, stand for each class; the density of a class at x is the average of a
//! Gaussian bell of the jitter's width around each of them. The average runs over 1500
//! points drawn as the generator draws them. The whole table takes seconds natively, too
//! slow for every slider change, so the results for the Noise control's 21 positions are the
//! table [`TABLE`], which a test recomputes. The estimate is within about a point of the truth
//! (the tests compare it with the blobs' closed form and with an integral for XOR; an independent
//! quadrature of the blurred densities, session 21, found every pattern within 0.8 points except
//! the spiral at high noise, 1.1 points high at noise 0.75 and 1: the estimate's own spread over
//! seeds is about 0.7 points, and every column uses the same seed).
//!
//! Without noise the bell has no width and each point belongs wholly to the class of the
//! nearest placed point: the estimate is 100 %. That is exact for circles, moons, XOR and the
//! spiral, whose classes never overlap, and for the blobs it is 0.2 points too high (their
//! Gaussian tails overlap a little even without noise).

use super::classification::{place, Pattern, Point2};
use super::rng::{seeded, SeededRng};
use crate::ml::exp::exp_nonpositive;

/// The Noise control's step: the table has one column per position, noise 0, 0.05, …, 1.
const NOISE_STEP: f64 = 0.05;

/// The Bayes accuracy of each pattern (in [`Pattern`]'s order) at noise 0, 0.05, …, 1, rounded
/// to three decimals: the estimate of the module documentation (`tests::estimate`).
#[rustfmt::skip]
const TABLE: [[f64; 21]; 6] = [
    [1.0, 0.998, 0.996, 0.995, 0.993, 0.99, 0.986, 0.982, 0.975, 0.967, 0.958, 0.949, 0.939, 0.929, 0.917, 0.906, 0.895, 0.884, 0.872, 0.861, 0.851],
    [1.0, 1.0, 0.999, 0.994, 0.985, 0.968, 0.945, 0.919, 0.892, 0.863, 0.835, 0.808, 0.782, 0.758, 0.738, 0.719, 0.702, 0.686, 0.673, 0.66, 0.649],
    [1.0, 1.0, 1.0, 0.996, 0.985, 0.967, 0.945, 0.92, 0.897, 0.876, 0.858, 0.842, 0.827, 0.814, 0.801, 0.79, 0.779, 0.77, 0.761, 0.752, 0.745],
    [1.0, 0.988, 0.968, 0.945, 0.924, 0.905, 0.887, 0.869, 0.853, 0.836, 0.821, 0.807, 0.792, 0.778, 0.764, 0.751, 0.738, 0.725, 0.712, 0.701, 0.69],
    [1.0, 1.0, 0.989, 0.931, 0.846, 0.765, 0.702, 0.656, 0.625, 0.607, 0.598, 0.593, 0.59, 0.587, 0.585, 0.583, 0.58, 0.578, 0.576, 0.575, 0.573],
    [1.0, 0.998, 0.993, 0.989, 0.981, 0.971, 0.959, 0.942, 0.922, 0.9, 0.878, 0.856, 0.834, 0.813, 0.791, 0.771, 0.751, 0.733, 0.715, 0.699, 0.684],
];

/// The best accuracy any model can expect on `pattern` at `noise` (0 to 1, read at the nearest
/// position of the Noise control).
pub fn bayes_accuracy(pattern: Pattern, noise: f64) -> f64 {
    let column = (noise / NOISE_STEP).round().clamp(0.0, 20.0) as usize;
    TABLE[pattern as usize][column]
}

/// Noise-free positions drawn per class to stand for its density.
const NODES: usize = 400;

/// The rule that knows the pattern and the noise: each point gets the class whose density is
/// highest there. Its accuracy on the very points a model is scored on is the best any model
/// could score on *them*: 60 test points can be easy or hard by chance, and this says which.
pub struct BayesRule {
    /// `NODES` noise-free positions per class, class by class.
    nodes: Vec<(f64, f64)>,
    /// 1 / (2 s²) for the jitter's standard deviation s; `None` without noise.
    scale: Option<f64>,
}

impl BayesRule {
    /// The rule for `pattern` at `noise`, its positions drawn with a fixed seed.
    pub fn new(pattern: Pattern, noise: f64) -> BayesRule {
        BayesRule::drawn(pattern, noise, &mut seeded(1, 9))
    }

    fn drawn(pattern: Pattern, noise: f64, rng: &mut SeededRng) -> BayesRule {
        let classes = pattern.classes();
        let nodes = (0..classes * NODES)
            .map(|i| place(pattern, i / NODES, rng))
            .collect();
        let jitter = 0.5 * noise;
        let scale = (jitter > 0.0).then(|| 1.0 / (2.0 * jitter * jitter));
        BayesRule { nodes, scale }
    }

    /// Each class's density at (x1, x2), up to a common factor: the sum of a Gaussian bell of
    /// the jitter's width around each of its positions, each bell relative to the nearest one's
    /// (so far from every position the densities do not all round to 0); bells below e⁻³⁰ of it
    /// change nothing and are skipped. `None` without noise.
    fn densities(&self, x1: f64, x2: f64) -> Option<Vec<f64>> {
        let scale = self.scale?;
        let squared: Vec<f64> = (self.nodes.iter())
            .map(|&(a, b)| (a - x1) * (a - x1) + (b - x2) * (b - x2))
            .collect();
        let nearest = squared.iter().copied().fold(f64::INFINITY, f64::min);
        Some(
            squared
                .chunks(NODES)
                .map(|class| {
                    (class.iter().map(|&d| (nearest - d) * scale))
                        .filter(|&z| z > -30.0)
                        .map(exp_nonpositive)
                        .sum()
                })
                .collect(),
        )
    }

    /// The share of `points` the rule classifies right. Without noise the classes do not overlap
    /// and every point is its own pattern's: 100 %.
    pub fn accuracy(&self, points: &[Point2]) -> f64 {
        let right = points.iter().filter(|p| {
            self.densities(p.x1, p.x2).is_none_or(|d| {
                let best = (0..d.len()).max_by(|&a, &b| d[a].total_cmp(&d[b]));
                best == Some(p.class)
            })
        });
        right.count() as f64 / points.len().max(1) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::super::rng::standard_normal;
    use super::*;

    /// Points the accuracy is averaged over.
    const SAMPLES: usize = 1500;

    const ALL: [Pattern; 6] = Pattern::ALL;

    /// The Monte Carlo estimate of the module's documentation.
    pub(super) fn estimate(pattern: Pattern, noise: f64) -> f64 {
        let jitter = 0.5 * noise;
        let mut rng = seeded(1, 9);
        let rule = BayesRule::drawn(pattern, noise, &mut rng);
        let mut total = 0.0;
        for i in 0..SAMPLES {
            let (y1, y2) = place(pattern, i % pattern.classes(), &mut rng);
            let x1 = y1 + jitter * standard_normal(&mut rng);
            let x2 = y2 + jitter * standard_normal(&mut rng);
            let Some(densities) = rule.densities(x1, x2) else {
                return 1.0;
            };
            let (best, sum) = densities
                .iter()
                .fold((0.0, 0.0), |(b, s), &p| (p.max(b), s + p));
            total += best / sum;
        }
        total / SAMPLES as f64
    }

    #[test]
    fn the_table_is_the_estimate() {
        let computed: Vec<[f64; 21]> = ALL
            .iter()
            .map(|&p| {
                core::array::from_fn(|i| {
                    (estimate(p, i as f64 * NOISE_STEP) * 1000.0).round() / 1000.0
                })
            })
            .collect();
        let rows: Vec<String> = computed.iter().map(|r| format!("    {r:?},")).collect();
        assert_eq!(
            computed,
            TABLE,
            "the table should read\n{}",
            rows.join("\n")
        );
    }

    /// Φ, the standard normal distribution function.
    fn phi(z: f64) -> f64 {
        0.5 * libm::erfc(-z / core::f64::consts::SQRT_2)
    }

    fn noise(column: usize) -> f64 {
        column as f64 * NOISE_STEP
    }

    /// Two blobs are two Gaussians N((±0.4, ±0.4), s²I) with s² = 0.2² + (0.5·noise)²: the best
    /// rule splits the plane halfway between the centres, d = 0.8·√2 apart, and is right with
    /// probability Φ(d / 2s). The estimate should be within a point: about three standard errors
    /// of an average over 1500 points (measured: within 0.4 points at every noise level).
    #[test]
    fn blobs_match_their_closed_form() {
        for (column, &table) in TABLE[Pattern::Blobs as usize].iter().enumerate() {
            let s = (0.04 + 0.25 * noise(column).powi(2)).sqrt();
            let exact = phi(0.8 * 2f64.sqrt() / (2.0 * s));
            assert!(
                (table - exact).abs() < 0.01,
                "noise {}: {table} vs {exact}",
                noise(column)
            );
        }
    }

    /// XOR's classes are uniform on two opposite unit squares each; blurred, a square's density
    /// is a product of two differences of Φ, so the best accuracy, ½ ∫ max(p₀, p₁), can be
    /// integrated on a grid. Measured: the estimate is within 0.8 points of it (highest at the
    /// least noise, where 400 positions per class are sparse under the narrow bells).
    #[test]
    fn xor_matches_a_numerical_integral() {
        for (column, &table) in TABLE[Pattern::Xor as usize].iter().enumerate().skip(1) {
            let s = 0.5 * noise(column);
            let (half, cells) = (1.0 + 6.0 * s, 300);
            let h = 2.0 * half / cells as f64;
            let side = |lo: f64, x: f64| phi((lo + 1.0 - x) / s) - phi((lo - x) / s);
            let (pos, neg): (Vec<f64>, Vec<f64>) = (0..cells)
                .map(|i| -half + (i as f64 + 0.5) * h)
                .map(|x| (side(0.0, x), side(-1.0, x)))
                .unzip();
            let mut best = 0.0;
            for i in 0..cells {
                for j in 0..cells {
                    let same = 0.5 * (pos[i] * pos[j] + neg[i] * neg[j]);
                    let differ = 0.5 * (pos[i] * neg[j] + neg[i] * pos[j]);
                    best += 0.5 * same.max(differ) * h * h;
                }
            }
            assert!(
                (table - best).abs() < 0.01,
                "noise {}: {table} vs {best}",
                noise(column)
            );
        }
    }

    /// Without noise circles, moons, XOR and the spiral are separable; with the least noise the
    /// estimate (not only its noise-free special case) already says nearly so.
    #[test]
    fn separable_patterns_without_noise() {
        for p in [
            Pattern::Circles,
            Pattern::Moons,
            Pattern::Xor,
            Pattern::Spiral,
        ] {
            assert_eq!(bayes_accuracy(p, 0.0), 1.0, "{p:?}");
            assert!(bayes_accuracy(p, 0.05) >= 0.98, "{p:?}");
        }
    }

    /// More noise never helps (up to the estimate's own error), and no pattern is worse than
    /// guessing: a half for two classes, a third for three blobs.
    #[test]
    fn more_noise_lower_ceiling_never_below_guessing() {
        for p in ALL {
            let row = TABLE[p as usize];
            assert!(
                row.windows(2).all(|w| w[1] <= w[0] + 0.002),
                "{p:?}: {row:?}"
            );
            assert!(row[20] < row[1] - 0.1, "{p:?}: {row:?}");
            let guess = 1.0 / p.classes() as f64;
            assert!(row.iter().all(|&a| a > guess && a <= 1.0), "{p:?}: {row:?}");
        }
    }

    /// On many fresh points the rule scores what the table says (it is the same estimate, from
    /// its classes rather than its probabilities); on 60 points it can lie far from it, which is
    /// why the verdict compares a model with the rule on the same points.
    #[test]
    fn the_rule_scores_the_table_on_fresh_points() {
        use super::super::classification::{generate, BestOnPoints};
        for p in ALL {
            let rule = BayesRule::new(p, 0.6);
            let many = generate(p, 3000, 0.6, 1.0, 5);
            let score = rule.accuracy(&many.train);
            assert!(
                (score - bayes_accuracy(p, 0.6)).abs() < 0.025,
                "{p:?}: {score} vs {}",
                bayes_accuracy(p, 0.6)
            );
            assert_eq!(BestOnPoints::of(p, 0.6, &many).train, score);
        }
        let spread: Vec<f64> = (0..20)
            .map(|seed| {
                let few = generate(Pattern::Moons, 60, 0.6, 0.5, seed);
                BestOnPoints::of(Pattern::Moons, 0.6, &few).test
            })
            .collect();
        let (lo, hi) = spread
            .iter()
            .fold((1.0, 0.0), |(l, h), &a| (a.min(l), a.max(h)));
        assert!(hi - lo > 0.15, "{spread:?}");
        let exact = generate(Pattern::Xor, 200, 0.0, 1.0, 1);
        assert_eq!(
            BayesRule::new(Pattern::Xor, 0.0).accuracy(&exact.train),
            1.0
        );
    }

    #[test]
    fn reads_the_nearest_noise_position() {
        assert_eq!(bayes_accuracy(Pattern::Moons, 0.6), TABLE[2][12]);
        assert_eq!(bayes_accuracy(Pattern::Moons, 0.61), TABLE[2][12]);
        assert_eq!(bayes_accuracy(Pattern::ThreeBlobs, 1.0), TABLE[5][20]);
        assert_eq!(bayes_accuracy(Pattern::Spiral, 3.0), TABLE[4][20]);
    }
}
