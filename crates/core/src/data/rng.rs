//! The random-number sources for data and training.
//!
//! ChaCha8 from `rand_chacha` produces the same stream on every platform and in every build, so a
//! seed in the URL reproduces the same data and the same training everywhere. Shuffling the
//! training points before every epoch takes one number per point per epoch, thousands of epochs
//! a second: there the smaller PCG-32 from `rand_pcg` (seeded from ChaCha8, also portable) is
//! used, which in WebAssembly is several times cheaper than ChaCha8 (a quarter of a small
//! network's training step, `tests/browser_bench.rs`). Gaussian noise uses
//! the Box–Muller transform with `libm`'s logarithm and cosine, which are bit-identical on native
//! and WebAssembly targets (the platform's own `ln`/`cos` may differ in the last bit).

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_pcg::Pcg32;

/// A seeded, portable random stream.
pub type SeededRng = ChaCha8Rng;
/// A seeded, portable and cheap stream for shuffling training points.
pub type ShuffleRng = Pcg32;

/// Creates the stream for one purpose (`stream` keeps data and training independent).
pub fn seeded(seed: u64, stream: u64) -> SeededRng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(stream);
    rng
}

/// The shuffling stream for one purpose: PCG-32's state and increment drawn from [`seeded`].
pub fn shuffler(seed: u64, stream: u64) -> ShuffleRng {
    let mut rng = seeded(seed, stream);
    Pcg32::new(rng.gen(), rng.gen())
}

/// A uniform number in `[lo, hi)`.
pub fn uniform(rng: &mut SeededRng, lo: f64, hi: f64) -> f64 {
    lo + (hi - lo) * rng.gen::<f64>()
}

/// A standard normal number (mean 0, standard deviation 1), by Box–Muller.
pub fn standard_normal(rng: &mut SeededRng) -> f64 {
    // 1 - u lies in (0, 1], so the logarithm is finite.
    let u1 = 1.0 - rng.gen::<f64>();
    let u2 = rng.gen::<f64>();
    libm::sqrt(-2.0 * libm::log(u1)) * libm::cos(2.0 * core::f64::consts::PI * u2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stream_and_streams_differ() {
        let a: Vec<u64> = (0..5).map(|_| seeded(7, 1).gen()).collect();
        let mut r1 = seeded(7, 1);
        let mut r2 = seeded(7, 1);
        let mut r3 = seeded(7, 2);
        let s1: Vec<u64> = (0..5).map(|_| r1.gen()).collect();
        let s2: Vec<u64> = (0..5).map(|_| r2.gen()).collect();
        let s3: Vec<u64> = (0..5).map(|_| r3.gen()).collect();
        assert_eq!(s1, s2);
        assert_ne!(s1, s3);
        assert_eq!(a.len(), 5);
    }

    #[test]
    fn normal_has_mean_zero_and_unit_variance() {
        let mut rng = seeded(1, 0);
        let n = 20_000;
        let xs: Vec<f64> = (0..n).map(|_| standard_normal(&mut rng)).collect();
        let mean = xs.iter().sum::<f64>() / n as f64;
        let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n as f64;
        // Standard error of the mean is 1/sqrt(20000) ≈ 0.007; of the variance ≈ 0.01.
        assert!(mean.abs() < 0.03, "mean {mean}");
        assert!((var - 1.0).abs() < 0.05, "variance {var}");
    }
}
