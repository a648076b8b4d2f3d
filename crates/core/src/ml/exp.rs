//! e^x for x ≤ 0, the one transcendental function the network's training loop needs (tanh,
//! sigmoid and softmax can all be written with e^(−|z|) or e^(z − max)).
//!
//! Why not `libm::exp`: it is correct everywhere but handles the whole real line with branches
//! and a `scalbn` call; in the network it was 40 % of a training step (`benches/mlp.rs`). This
//! version does only x ≤ 0 and is several times cheaper, still within a few units in the last
//! place. It uses only +, −, × and exact bit operations, so it is bit-identical on every platform.
//!
//! Method: x = (32m + j)·(ln 2)/32 + r with integers m, j (0 ≤ j < 32) and |r| ≤ (ln 2)/64;
//! e^x = 2^m · 2^(j/32) · e^r, with 2^(j/32) from a table (correctly rounded, checked against a
//! 50-digit computation), e^r by its Taylor series to r⁶ (the next term is below 4·10⁻¹⁸
//! relative) and 2^m built from its bits.

const LN2_32_HI: f64 = 6.931_471_803_691_238e-1 / 32.0; // (ln 2)/32, upper bits: k·LN2_32_HI is exact
const LN2_32_LO: f64 = 1.908_214_929_270_587_7e-10 / 32.0; // the rest of (ln 2)/32
const INV_LN2_32: f64 = 32.0 * core::f64::consts::LOG2_E;
/// 1.5·2⁵²: adding and subtracting it rounds a number below 2⁵¹ to the nearest integer (ties to
/// even) with two exact additions, where `f64::round` is a library call on most targets.
const ROUNDER: f64 = 6_755_399_441_055_744.0;

/// 1/n! for n = 3 … 6.
const C3: f64 = 1.0 / 6.0;
const C4: f64 = 1.0 / 24.0;
const C5: f64 = 1.0 / 120.0;
const C6: f64 = 1.0 / 720.0;

/// 2^(j/32) for j = 0 … 31.
const TABLE: [f64; 32] = [
    1.0,
    1.0218971486541166,
    1.0442737824274138,
    1.0671404006768237,
    1.0905077326652577,
    1.1143867425958924,
    1.1387886347566916,
    1.1637248587775775,
    1.189207115002721,
    1.215247359980469,
    1.241857812073484,
    1.2690509571917332,
    1.2968395546510096,
    1.3252366431597413,
    1.3542555469368927,
    1.383909881963832,
    core::f64::consts::SQRT_2,
    1.4451808069770467,
    1.4768261459394993,
    1.5091644275934228,
    1.5422108254079407,
    1.5759808451078865,
    1.6104903319492543,
    1.645755478153965,
    1.681792830507429,
    1.718619298122478,
    1.7562521603732995,
    1.7947090750031072,
    1.8340080864093424,
    1.8741676341103,
    1.9152065613971474,
    1.9571441241754002,
];

/// e^x for x ≤ 0 (below −708, where e^x < 3·10⁻³⁰⁸, the answer is 0). NaN stays NaN.
#[inline]
pub fn exp_nonpositive(x: f64) -> f64 {
    if x < -708.0 {
        return 0.0;
    }
    if x.is_nan() {
        return x;
    }
    let k = (x * INV_LN2_32 + ROUNDER) - ROUNDER;
    let r = (x - k * LN2_32_HI) - k * LN2_32_LO;
    let k = k as i64;
    let (m, j) = (k >> 5, (k & 31) as usize);
    let r2 = r * r;
    let er = (1.0 + r) + r2 * ((0.5 + r * C3) + r2 * ((C4 + r * C5) + r2 * C6));
    // m is in −1022 … 0 here, so 2^m is a normal number: exponent bits m + 1023.
    TABLE[j] * er * f64::from_bits(((m + 1023) as u64) << 52)
}

/// [`exp_nonpositive`] of two lanes, with the same operations in each. k comes from the bits of
/// x·32/ln 2 + 1.5·2⁵², which hold k + 2⁵¹ + 2⁵² exactly (x ≥ −708 keeps |k| < 2¹⁵); the table
/// is read lane by lane (WebAssembly has no gather); below −708 the answer is 0 as above.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[inline]
pub fn exp_nonpositive_lanes(x: core::arch::wasm32::v128) -> core::arch::wasm32::v128 {
    use core::arch::wasm32::*;
    let splat = f64x2_splat;
    let shifted = f64x2_add(f64x2_mul(x, splat(INV_LN2_32)), splat(ROUNDER));
    let k = f64x2_sub(shifted, splat(ROUNDER));
    let r = f64x2_sub(
        f64x2_sub(x, f64x2_mul(k, splat(LN2_32_HI))),
        f64x2_mul(k, splat(LN2_32_LO)),
    );
    let k = i64x2_sub(shifted, i64x2_splat(ROUNDER.to_bits() as i64));
    let (m, j) = (i64x2_shr(k, 5), v128_and(k, i64x2_splat(31)));
    let table = f64x2(
        TABLE[i64x2_extract_lane::<0>(j) as usize],
        TABLE[i64x2_extract_lane::<1>(j) as usize],
    );
    let r2 = f64x2_mul(r, r);
    let high = f64x2_add(splat(C4), f64x2_mul(r, splat(C5)));
    let high = f64x2_add(high, f64x2_mul(r2, splat(C6)));
    let mid = f64x2_add(splat(0.5), f64x2_mul(r, splat(C3)));
    let mid = f64x2_add(mid, f64x2_mul(r2, high));
    let er = f64x2_add(f64x2_add(splat(1.0), r), f64x2_mul(r2, mid));
    let scale = i64x2_shl(i64x2_add(m, i64x2_splat(1023)), 52);
    let e = f64x2_mul(f64x2_mul(table, er), scale);
    v128_andnot(e, f64x2_lt(x, splat(-708.0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn within_a_few_units_in_the_last_place_of_libm() {
        let mut worst: f64 = 0.0;
        for i in 0..=100_000 {
            let x = -(i as f64) * 7.08e-3;
            let (got, want) = (exp_nonpositive(x), libm::exp(x));
            worst = worst.max((got - want).abs() / want);
        }
        assert!(worst < 1e-15, "largest relative error {worst:e}");
        assert_eq!(exp_nonpositive(0.0), 1.0);
        assert_eq!(exp_nonpositive(-1000.0), 0.0);
        assert_eq!(exp_nonpositive(f64::NEG_INFINITY), 0.0);
        assert!(exp_nonpositive(f64::NAN).is_nan());
    }
}
