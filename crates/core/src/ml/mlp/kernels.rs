//! The hot inner loop of the forward pass, written for speed: a column of weighted sums with
//! four points' running sums kept in registers. The arithmetic is exactly that of the plain
//! `Iterator::sum` (the test below holds it to the bit). The network's WebAssembly SIMD code,
//! tanh and sigmoid two points at a time, lives with the activations
//! ([`Activation::apply_all`](crate::ml::activation::Activation::apply_all) and `ml/exp.rs`).

/// `out[p] = Σₖ wₖ·a[k·cap + p]` for each point p (one column of `cap` slots per weight), each sum
/// from −0.0 and in order k = 0, 1, … (the bits of `Iterator::sum`); four points at a time, so
/// their running sums stay in registers instead of going through memory for every weight.
pub(super) fn weighted_sums(out: &mut [f64], w: &[f64], a: &[f64], cap: usize) {
    let mut blocks = out.chunks_exact_mut(4);
    let mut p = 0;
    for block in &mut blocks {
        let (mut s0, mut s1, mut s2, mut s3) = (-0.0, -0.0, -0.0, -0.0);
        for (k, &wk) in w.iter().enumerate() {
            let x = &a[k * cap + p..k * cap + p + 4];
            s0 += wk * x[0];
            s1 += wk * x[1];
            s2 += wk * x[2];
            s3 += wk * x[3];
        }
        block.copy_from_slice(&[s0, s1, s2, s3]);
        p += 4;
    }
    for o in blocks.into_remainder() {
        let mut s = -0.0;
        for (k, &wk) in w.iter().enumerate() {
            s += wk * a[k * cap + p];
        }
        *o = s;
        p += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every block size and remainder gives, bit for bit, each point's plain ordered sum
    /// Σₖ wₖ·aₖ from −0.0.
    #[test]
    fn weighted_sums_equal_the_plain_sum_bit_for_bit() {
        let w = [0.3, -1.7, 2.5e-3, 0.0, -0.0, 11.0, 1.0 / 3.0];
        let cap = 11;
        let a: Vec<f64> = (0..w.len() * cap)
            .map(|i| ((i * 37 % 23) as f64 - 11.0) / 7.0)
            .collect();
        for count in 0..=cap {
            let mut out = vec![f64::NAN; count];
            weighted_sums(&mut out, &w, &a, cap);
            for (p, got) in out.iter().enumerate() {
                let want: f64 = w
                    .iter()
                    .enumerate()
                    .map(|(k, wk)| wk * a[k * cap + p])
                    .sum();
                assert_eq!(got.to_bits(), want.to_bits(), "count {count}, point {p}");
            }
        }
        let mut out = [1.0; 3];
        weighted_sums(&mut out, &[], &[], cap);
        assert!(out.iter().all(|o| o.to_bits() == (-0.0f64).to_bits()));
    }
}
