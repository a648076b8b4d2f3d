//! The features of polynomial regression: orthonormal Legendre polynomials.
//!
//! φₖ(x) = √(2k+1)·Pₖ(x), where P₀ = 1, P₁ = x and (k+1)·Pₖ₊₁ = (2k+1)·x·Pₖ − k·Pₖ₋₁. Each φₖ is
//! a polynomial of degree k, so a weighted sum of φ₀ … φ_d is exactly a polynomial of degree d —
//! the same family of curves as w₀ + w₁x + … + w_d·x^d. Why not the raw powers? On [−1, 1], x¹³ and
//! x¹⁵ look almost alike, so gradient descent on raw powers needs millions of epochs to tell them
//! apart. The φₖ are uncorrelated for x uniform on [−1, 1] (mean of φⱼ·φₖ is 1 if j = k, else 0),
//! so on training points that fill the interval every degree is learned at about the same pace.
//! Points that leave a stretch of it empty (a random split can) make the high degrees alike on
//! them again: at degree 9 the slowest direction can be 10⁵ times slower than the fastest, though
//! raw powers are a hundred times slower still. The fitted curve is also written out in powers of
//! x ([`to_powers`]).

/// Writes φ₀(x) … φ_d(x) into `out` (its length is d + 1).
pub fn fill(x: f64, out: &mut [f64]) {
    let (mut prev, mut cur) = (0.0, 1.0); // P₋₁ (unused), P₀
    for (k, slot) in out.iter_mut().enumerate() {
        *slot = cur * scale(k);
        let kf = k as f64;
        let next = ((2.0 * kf + 1.0) * x * cur - kf * prev) / (kf + 1.0);
        (prev, cur) = (cur, next);
    }
}

fn scale(k: usize) -> f64 {
    (2.0 * k as f64 + 1.0).sqrt()
}

/// Converts weights on φ₀ … φ_d into coefficients of 1, x, …, x^d (the same polynomial).
pub fn to_powers(weights: &[f64]) -> Vec<f64> {
    let n = weights.len();
    let mut out = vec![0.0; n];
    // Power coefficients of Pₖ₋₁ and Pₖ, built by the same recurrence.
    let mut prev = vec![0.0; n];
    let mut cur = vec![0.0; n];
    cur[0] = 1.0;
    for (k, w) in weights.iter().enumerate() {
        for (o, c) in out.iter_mut().zip(&cur) {
            *o += w * scale(k) * c;
        }
        let kf = k as f64;
        let mut next = vec![0.0; n];
        for j in 0..n {
            let shifted = if j > 0 { cur[j - 1] } else { 0.0 }; // x·Pₖ
            next[j] = ((2.0 * kf + 1.0) * shifted - kf * prev[j]) / (kf + 1.0);
        }
        (prev, cur) = (cur, next);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_polynomials_by_hand() {
        // P₂(x) = (3x² − 1)/2, so at x = 0.5: (0.75 − 1)/2 = −0.125, and φ₂ = √5·(−0.125).
        let mut f = [0.0; 3];
        fill(0.5, &mut f);
        assert_eq!(f[0], 1.0);
        assert!((f[1] - 3f64.sqrt() * 0.5).abs() < 1e-15);
        assert!((f[2] - 5f64.sqrt() * -0.125).abs() < 1e-15);
    }

    #[test]
    fn orthonormal_under_uniform_x() {
        // Gauss–Legendre would be exact; a fine midpoint rule on [−1, 1] is within 1e-4.
        let n = 20_000;
        let mut gram = [[0.0; 6]; 6];
        let mut f = [0.0; 6];
        for i in 0..n {
            let x = -1.0 + (i as f64 + 0.5) * 2.0 / n as f64;
            fill(x, &mut f);
            for a in 0..6 {
                for b in 0..6 {
                    gram[a][b] += f[a] * f[b] / n as f64;
                }
            }
        }
        for (a, row) in gram.iter().enumerate() {
            for (b, v) in row.iter().enumerate() {
                let want = if a == b { 1.0 } else { 0.0 };
                assert!((v - want).abs() < 1e-3, "gram[{a}][{b}] = {v}");
            }
        }
    }

    #[test]
    fn powers_give_the_same_polynomial() {
        let w = [0.3, -1.2, 0.7, 2.0, -0.4, 0.05, 1.1];
        let p = to_powers(&w);
        let mut f = [0.0; 7];
        for x in [-1.0, -0.3, 0.0, 0.45, 1.0] {
            fill(x, &mut f);
            let by_features: f64 = f.iter().zip(&w).map(|(a, b)| a * b).sum();
            let by_powers = p.iter().rev().fold(0.0, |acc, c| acc * x + c);
            assert!((by_features - by_powers).abs() < 1e-12, "x = {x}");
        }
    }

    /// Gradient descent's pace on the slowest direction against the fastest is the ratio of the
    /// features' mean-product matrix's largest eigenvalue to its smallest. On 28 points filling
    /// [−1, 1] it is under 10 at degree 9; on 28 points that leave [0.68, 1] and [−1, −0.92]
    /// empty (helper 60's training points) it is about 10⁵, the high degrees alike on them; raw
    /// powers are slower still on both.
    #[test]
    fn every_degree_at_one_pace_only_on_points_that_fill_the_interval() {
        let ratio = |from: f64, to: f64, features: &dyn Fn(f64, &mut [f64])| {
            let (n, width) = (28, 10);
            let mut gram = nalgebra::DMatrix::<f64>::zeros(width, width);
            let mut f = vec![0.0; width];
            for i in 0..n {
                features(from + (to - from) * i as f64 / (n - 1) as f64, &mut f);
                let row = nalgebra::DVector::from_column_slice(&f);
                gram += &row * row.transpose() / n as f64;
            }
            let eigen = gram.symmetric_eigenvalues();
            eigen.max() / eigen.min()
        };
        let powers = |x: f64, out: &mut [f64]| {
            (0..out.len()).for_each(|k| out[k] = x.powi(k as i32));
        };
        let (full, gappy) = (ratio(-1.0, 1.0, &fill), ratio(-0.92, 0.68, &fill));
        assert!(full < 10.0, "{full}");
        assert!(gappy > 5e4 && gappy < 5e5, "{gappy}");
        assert!(ratio(-1.0, 1.0, &powers) > 1e5 * full);
        assert!(ratio(-0.92, 0.68, &powers) > 100.0 * gappy);
    }
}
