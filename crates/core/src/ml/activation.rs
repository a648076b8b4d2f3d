//! A neuron's activation function g, applied to its weighted sum z, and its slope g′ written in
//! terms of the output a = g(z) (so backpropagation only needs the outputs it already stored).
//!
//! - **ReLU**: a = max(0, z); g′ = 1 where a > 0, else 0. Cheap; pieces of planes.
//! - **tanh**: a = tanh z; g′ = 1 − a². Smooth, centred on zero.
//! - **sigmoid**: a = 1 / (1 + e^(−z)); g′ = a(1 − a). Smooth, between 0 and 1.
//! - **linear**: a = z; g′ = 1. A network of linear layers is itself linear.
//!
//! And the output layer's [`softmax`], which turns class scores into probabilities (logistic
//! regression and the network share it).
//!
//! The exponentials come from [`exp_nonpositive`], which is bit-identical on native and
//! WebAssembly and about twice as fast as `libm::exp` in the training loop. In the browser, tanh
//! and sigmoid over a column of points run two at a time in SIMD lanes ([`Activation::apply_all`]),
//! each lane doing exactly the scalar operations.

use super::exp::exp_nonpositive;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Activation {
    Relu,
    Tanh,
    Sigmoid,
    Linear,
}

impl Activation {
    pub const ALL: [Activation; 4] = [
        Activation::Relu,
        Activation::Tanh,
        Activation::Sigmoid,
        Activation::Linear,
    ];

    #[inline]
    pub fn apply(self, z: f64) -> f64 {
        match self {
            Activation::Relu => z.max(0.0),
            Activation::Tanh => tanh(z),
            Activation::Sigmoid => {
                let e = exp_nonpositive(-z.abs());
                if z >= 0.0 {
                    1.0 / (1.0 + e)
                } else {
                    e / (1.0 + e)
                }
            }
            Activation::Linear => z,
        }
    }

    /// g(z) for each z of a column, in place; tanh and sigmoid two at a time in WebAssembly SIMD
    /// lanes (bit-identical to [`Activation::apply`]).
    #[inline]
    pub fn apply_all(self, zs: &mut [f64]) {
        #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
        let zs = match self {
            Activation::Tanh => in_lanes(zs, tanh_lanes),
            Activation::Sigmoid => in_lanes(zs, sigmoid_lanes),
            _ => zs,
        };
        zs.iter_mut().for_each(|z| *z = self.apply(*z));
    }

    /// g′(z), from a = g(z).
    #[inline]
    pub fn slope(self, a: f64) -> f64 {
        match self {
            Activation::Relu => {
                if a > 0.0 {
                    1.0
                } else {
                    0.0
                }
            }
            Activation::Tanh => 1.0 - a * a,
            Activation::Sigmoid => a * (1.0 - a),
            Activation::Linear => 1.0,
        }
    }
}

/// Softmax of `scores` in place: pₖ = e^(sₖ − max) / Σⱼ e^(sⱼ − max), shifted by the largest
/// score so no exponential can overflow (and that one is e⁰ = 1, not computed). Returns the
/// largest score and the sum Σⱼ e^(sⱼ − max), from which the cross-entropy of class y is
/// ln(sum) + max − s_y without taking the logarithm of a probability.
pub fn softmax(scores: &mut [f64]) -> (f64, f64) {
    let max = scores.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    let mut sum = 0.0;
    for s in scores.iter_mut() {
        *s = if *s == max {
            1.0
        } else {
            exp_nonpositive(*s - max)
        };
        sum += *s;
    }
    scores.iter_mut().for_each(|s| *s /= sum);
    (max, sum)
}

/// tanh z = (1 − e^(−2|z|)) / (1 + e^(−2|z|)), with the sign of z: one exponential, a few times
/// cheaper than `libm::tanh` (measured in `benches/mlp.rs`) and within a few units in the last
/// place of it.
#[inline]
fn tanh(z: f64) -> f64 {
    let t = exp_nonpositive(-2.0 * z.abs());
    ((1.0 - t) / (1.0 + t)).copysign(z)
}

/// Applies `f` to `zs` two numbers at a time; returns the odd one left over, if any.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[inline]
fn in_lanes(zs: &mut [f64], f: fn(V128) -> V128) -> &mut [f64] {
    use core::arch::wasm32::{v128_load, v128_store};
    let pairs = zs.len() / 2;
    for z in zs.chunks_exact_mut(2) {
        // SAFETY: `z` is two f64 (16 bytes); WebAssembly loads and stores need no alignment.
        // (Building the value lane by lane is far slower in V8.)
        unsafe { v128_store(z.as_mut_ptr().cast(), f(v128_load(z.as_ptr().cast()))) }
    }
    &mut zs[2 * pairs..]
}

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
use core::arch::wasm32::v128 as V128;

/// [`tanh`] of two lanes, with the same operations in each.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[inline]
fn tanh_lanes(z: V128) -> V128 {
    use core::arch::wasm32::*;
    let t = super::exp::exp_nonpositive_lanes(f64x2_mul(f64x2_splat(-2.0), f64x2_abs(z)));
    let one = f64x2_splat(1.0);
    let q = f64x2_div(f64x2_sub(one, t), f64x2_add(one, t));
    // copysign: the sign bit from z, the rest from q.
    v128_bitselect(z, q, f64x2_splat(-0.0))
}

/// The sigmoid of two lanes, with the same operations in each as [`Activation::apply`]: both
/// branches are computed and each lane keeps the one its sign chooses.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[inline]
fn sigmoid_lanes(z: V128) -> V128 {
    use core::arch::wasm32::*;
    let e = super::exp::exp_nonpositive_lanes(f64x2_neg(f64x2_abs(z)));
    let one = f64x2_splat(1.0);
    let d = f64x2_add(one, e);
    let (positive, negative) = (f64x2_div(one, d), f64x2_div(e, d));
    v128_bitselect(positive, negative, f64x2_ge(z, f64x2_splat(0.0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_by_hand() {
        assert_eq!(Activation::Relu.apply(-2.0), 0.0);
        assert_eq!(Activation::Relu.apply(3.0), 3.0);
        assert_eq!(Activation::Sigmoid.apply(0.0), 0.5);
        // σ(2) = 1 / (1 + e⁻²) = 0.880797…; σ(−2) = 1 − σ(2).
        assert!((Activation::Sigmoid.apply(2.0) - 0.8807970779778823).abs() < 1e-15);
        assert!((Activation::Sigmoid.apply(-2.0) - 0.11920292202211755).abs() < 1e-15);
        assert_eq!(Activation::Tanh.apply(0.0), 0.0);
        // tanh 1 = (e² − 1)/(e² + 1) = 0.761594…
        assert!((Activation::Tanh.apply(1.0) - 0.7615941559557649).abs() < 1e-15);
    }

    #[test]
    fn tanh_agrees_with_libm() {
        for i in -4000..=4000 {
            let z = i as f64 / 200.0;
            assert!((tanh(z) - libm::tanh(z)).abs() <= 1e-15, "{z}");
        }
        assert_eq!(tanh(1000.0), 1.0);
        assert_eq!(tanh(-1000.0), -1.0);
    }

    #[test]
    fn softmax_by_hand() {
        // Scores (0, ln 3): e⁰ = 1 and e^(ln 3) = 3, so probabilities ¼ and ¾.
        let mut s = [0.0, 3f64.ln()];
        let (max, sum) = softmax(&mut s);
        assert!((s[0] - 0.25).abs() < 1e-15 && (s[1] - 0.75).abs() < 1e-15);
        assert_eq!(max, 3f64.ln());
        assert!((sum - 4.0 / 3.0).abs() < 1e-15); // 1/3 + 1
    }

    #[test]
    fn slope_matches_finite_differences() {
        for g in Activation::ALL {
            for z in [-1.7, -0.3, 0.4, 2.2] {
                let h = 1e-6;
                let numeric = (g.apply(z + h) - g.apply(z - h)) / (2.0 * h);
                let analytic = g.slope(g.apply(z));
                assert!((numeric - analytic).abs() < 1e-8, "{g:?} at {z}");
            }
        }
    }
}
