//! The exponential the engine draws with: plain IEEE arithmetic, so it returns the same bits
//! natively and in WebAssembly, and about three times faster in WebAssembly than `f64::exp`
//! there (the `libm` port has a division and calls `scalbn`). It sits on the hot path: the
//! contact and qualification chances decay with the lead's age at every work item.
//!
//! `exp(x) = 2^k · e^r` with `k = round(x / ln 2)` and `|r| <= ln 2 / 2`; `e^r` is its Taylor
//! polynomial to degree 13 (truncation below 5e-18), evaluated by Estrin's scheme (shallow
//! dependency chains); `r` is reduced with a two-part `ln 2` (Cody and Waite). Within 2 ulp of
//! the correctly rounded result for normal results (tested against `f64::exp`).

/// `1.5 · 2^52`: adding then subtracting it rounds to the nearest integer (ties to even),
/// without the `round` library call WebAssembly would need.
const SHIFTER: f64 = 6_755_399_441_055_744.0;
const LOG2_E: f64 = std::f64::consts::LOG2_E;
/// `ln 2` split so that `k · LN2_HI` is exact for `|k| < 2^11`.
const LN2_HI: f64 = f64::from_bits(0x3fe6_2e42_fee0_0000);
const LN2_LO: f64 = f64::from_bits(0x3dea_39ef_3579_3c76);
/// Beyond these, the result overflows to infinity or underflows to 0.
const MAX_ARG: f64 = 709.782_712_893_384;
const MIN_ARG: f64 = -745.133_219_101_941_2;

/// `1 / n!` for `n = 2..=13`.
const C: [f64; 12] = [
    1.0 / 2.0,
    1.0 / 6.0,
    1.0 / 24.0,
    1.0 / 120.0,
    1.0 / 720.0,
    1.0 / 5_040.0,
    1.0 / 40_320.0,
    1.0 / 362_880.0,
    1.0 / 3_628_800.0,
    1.0 / 39_916_800.0,
    1.0 / 479_001_600.0,
    1.0 / 6_227_020_800.0,
];

/// `e^x`, total: NaN for NaN, infinity above about 709.78, 0 below about -745.13.
#[inline]
pub fn exp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x > MAX_ARG {
        return f64::INFINITY;
    }
    if x < MIN_ARG {
        return 0.0;
    }
    let k = (x * LOG2_E + SHIFTER) - SHIFTER;
    let r = (x - k * LN2_HI) - k * LN2_LO;
    let r2 = r * r;
    let r4 = r2 * r2;
    let r8 = r4 * r4;
    // q(r) = C[0] + C[1] r + ... + C[11] r^11, by Estrin's scheme.
    let a0 = C[0] + C[1] * r;
    let a1 = C[2] + C[3] * r;
    let a2 = C[4] + C[5] * r;
    let a3 = C[6] + C[7] * r;
    let a4 = C[8] + C[9] * r;
    let a5 = C[10] + C[11] * r;
    let b0 = a0 + a1 * r2;
    let b1 = a2 + a3 * r2;
    let b2 = a4 + a5 * r2;
    let q = (b0 + b1 * r4) + b2 * r8;
    let er = 1.0 + (r + r2 * q);
    scale(er, k as i32)
}

/// `y · 2^k` for `|k| <= 1075`, in two exact steps where `2^k` alone is not a normal number.
#[inline]
fn scale(y: f64, k: i32) -> f64 {
    if (-1022..=1023).contains(&k) {
        y * pow2(k)
    } else {
        let h = k / 2;
        y * pow2(h) * pow2(k - h)
    }
}

/// `2^k` for `-1022 <= k <= 1023`.
#[inline]
fn pow2(k: i32) -> f64 {
    f64::from_bits(((k + 1023) as u64) << 52)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Distance in units in the last place (both finite and positive).
    fn ulps(a: f64, b: f64) -> u64 {
        a.to_bits().abs_diff(b.to_bits())
    }

    #[test]
    fn matches_std_exp_within_two_ulp() {
        // A fixed, dense sweep of the whole normal range, and a finer one near 0, where the
        // engine's arguments (minus an age over a decay time) mostly fall.
        let mut worst = (0, 0.0);
        let mut check = |x: f64| {
            let (a, b) = (exp(x), x.exp());
            if b >= f64::MIN_POSITIVE && b.is_finite() {
                let d = ulps(a, b);
                if d > worst.0 {
                    worst = (d, x);
                }
            }
        };
        let n = 2_000_000;
        for i in 0..=n {
            check(-708.0 + 1417.0 * f64::from(i) / f64::from(n));
        }
        for i in 0..=n {
            check(-20.0 + 20.5 * f64::from(i) / f64::from(n));
        }
        assert!(worst.0 <= 2, "{} ulp at x = {}", worst.0, worst.1);
    }

    #[test]
    fn exact_and_limit_values() {
        assert_eq!(exp(0.0), 1.0);
        assert_eq!(exp(-0.0), 1.0);
        assert!(ulps(exp(1.0), std::f64::consts::E) <= 1);
        assert_eq!(exp(f64::NEG_INFINITY), 0.0);
        assert_eq!(exp(f64::INFINITY), f64::INFINITY);
        assert!(exp(f64::NAN).is_nan());
        assert_eq!(exp(710.0), f64::INFINITY);
        assert_eq!(exp(-746.0), 0.0);
        assert!(exp(709.7).is_finite() && exp(709.7) > 1e308);
        // Subnormal results are still close (relative to their coarser spacing).
        let (a, b) = (exp(-740.0), (-740.0f64).exp());
        assert!(a > 0.0 && (a - b).abs() <= 4.0 * 5e-324, "{a} vs {b}");
        // Around multiples of ln 2, where the reduction changes k.
        for k in -1000..1000 {
            let x = f64::from(k) * std::f64::consts::LN_2;
            assert!(ulps(exp(x), x.exp()) <= 2, "k = {k}");
        }
    }

    #[test]
    fn is_monotone_on_a_fine_grid() {
        let mut prev = 0.0;
        for i in 0..200_000 {
            let y = exp(-50.0 + f64::from(i) * 2.5e-4);
            assert!(y >= prev, "at step {i}");
            prev = y;
        }
    }
}
