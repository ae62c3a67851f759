//! Portable random streams: replication `i` of a run with seed `s` draws mechanism `m` on
//! day (or week) `d` from a xoshiro256++ stream seeded (through SplitMix64, as the xoshiro
//! authors recommend) by a SplitMix64 hash of `(s, i, m, d)` only. The generator uses 64-bit
//! arithmetic only, which WebAssembly has natively (PCG-64's 128-bit multiply is emulated
//! there). Results therefore do not
//! depend on how many replications run or in which order, and two scenarios run with the same
//! seed share random numbers mechanism by mechanism (common random numbers).

use rand::SeedableRng;
use rand_distr::{Binomial, Distribution, Poisson};
use rand_xoshiro::Xoshiro256PlusPlus;

/// The random generator of every stream (portable: same numbers on every platform).
pub type Rng = Xoshiro256PlusPlus;

/// One sub-stream per mechanism, so that changing, say, SDR headcount does not shift the
/// arrival draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u64)]
pub enum Purpose {
    Arrivals = 1,
    Nurture = 2,
    Sdr = 3,
    Closing = 4,
    Deals = 5,
}

/// SplitMix64 finaliser.
pub fn splitmix64(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The stream of one mechanism in one replication and one period (day or week). Reseeding
/// every period keeps two scenarios' draws aligned (common random numbers) even when a
/// change alters how many draws a mechanism makes on some day.
pub fn stream(seed: u64, replication: u64, purpose: Purpose, period: u64) -> Rng {
    Streams::new(seed, replication).stream(purpose, period)
}

/// The streams of one replication: the `(seed, replication)` part of the hash, computed once.
/// `Streams::new(s, i).stream(m, d)` is `stream(s, i, m, d)`.
#[derive(Debug, Clone, Copy)]
pub struct Streams(u64);

impl Streams {
    pub fn new(seed: u64, replication: u64) -> Self {
        Streams(splitmix64(splitmix64(seed) ^ replication))
    }

    pub fn stream(self, purpose: Purpose, period: u64) -> Rng {
        Rng::seed_from_u64(splitmix64(splitmix64(self.0 ^ purpose as u64) ^ period))
    }
}

/// Binomial draw; total for any `n` and any `p` (clamped into [0, 1]). Most draws of a
/// replication have `n` of 0 or 1, so those are inlined at the call site: 0 without a draw,
/// 1 as a Bernoulli trial with one uniform (0 for a NaN `p`, like larger `n`).
#[inline]
pub fn binom(rng: &mut Rng, n: u32, p: f64) -> u32 {
    match n {
        0 => 0,
        1 => u32::from(uniform(rng) < p),
        _ => binom_general(rng, n, p),
    }
}

fn binom_general(rng: &mut Rng, n: u32, p: f64) -> u32 {
    if n == 0 || p.is_nan() || p <= 0.0 {
        return 0;
    }
    if p >= 1.0 {
        return n;
    }
    if n <= 3 {
        // A few Bernoulli trials cost less than inversion's integer power.
        return (0..n).map(|_| u32::from(uniform(rng) < p)).sum();
    }
    if p > 0.5 {
        return n - binom_general(rng, n, 1.0 - p);
    }
    if f64::from(n) * p < 12.0 {
        return binom_inversion(rng, n, p);
    }
    match Binomial::new(u64::from(n), p) {
        Ok(b) => b.sample(rng).min(u64::from(n)) as u32,
        Err(_) => 0,
    }
}

/// Binomial by inversion (sequential search from 0): fast when `n p` is small, and the
/// probability of 0 is computed with an integer power. `p` is in (0, 0.5].
fn binom_inversion(rng: &mut Rng, n: u32, p: f64) -> u32 {
    let q = 1.0 - p;
    let mut f = q.powi(i32::try_from(n).unwrap_or(i32::MAX));
    if f <= 0.0 || !f.is_finite() {
        return match Binomial::new(u64::from(n), p) {
            Ok(b) => b.sample(rng).min(u64::from(n)) as u32,
            Err(_) => 0,
        };
    }
    let ratio = p / q;
    let mut u = uniform(rng);
    let mut k = 0u32;
    while u > f && k < n {
        u -= f;
        k += 1;
        f *= f64::from(n - k + 1) / f64::from(k) * ratio;
        if f <= 0.0 {
            break;
        }
    }
    k
}

/// Poisson draw with mean `lambda` (0 for non-positive or non-finite means).
pub fn poisson(rng: &mut Rng, lambda: f64) -> u32 {
    PoissonDraw::new(lambda).sample(rng)
}

/// A Poisson distribution set up once and drawn many times. Means below 12 are drawn by
/// inversion (sequential search from 0: one uniform per draw, where rand_distr's method for
/// small means multiplies about `lambda + 1` uniforms); larger means use rand_distr's
/// rejection method, whose cost does not grow with the mean.
#[derive(Debug, Clone, Copy)]
pub enum PoissonDraw {
    /// Always 0 (non-positive or non-finite mean).
    Zero,
    /// Inversion: the mean and the probability of 0, `exp(-lambda)`.
    Inversion {
        lambda: f64,
        p0: f64,
    },
    Rejection(Poisson<f64>),
}

impl PoissonDraw {
    pub fn new(lambda: f64) -> Self {
        if !lambda.is_finite() || lambda <= 0.0 {
            return PoissonDraw::Zero;
        }
        if lambda < 12.0 {
            return PoissonDraw::Inversion {
                lambda,
                p0: (-lambda).exp(),
            };
        }
        match Poisson::new(lambda) {
            Ok(d) => PoissonDraw::Rejection(d),
            Err(_) => PoissonDraw::Zero,
        }
    }

    pub fn sample(&self, rng: &mut Rng) -> u32 {
        match *self {
            PoissonDraw::Zero => 0,
            PoissonDraw::Inversion { lambda, p0 } => {
                let mut u = uniform(rng);
                let mut f = p0;
                let mut k = 0u32;
                // The probabilities sum to 1 up to rounding; stop if the tail underflows.
                while u > f && f > 0.0 {
                    u -= f;
                    k += 1;
                    f *= lambda / f64::from(k);
                }
                k
            }
            PoissonDraw::Rejection(d) => {
                let x: f64 = d.sample(rng);
                x.clamp(0.0, f64::from(u32::MAX / 4)) as u32
            }
        }
    }
}

/// Standard normal draw.
pub fn std_normal(rng: &mut Rng) -> f64 {
    rand_distr::StandardNormal.sample(rng)
}

/// Uniform in [0, 1).
pub fn uniform(rng: &mut Rng) -> f64 {
    use rand::Rng as _;
    rng.random::<f64>()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::RngCore;

    #[test]
    fn streams_depend_on_seed_replication_and_purpose_only() {
        let a = stream(7, 3, Purpose::Sdr, 0).next_u64();
        assert_eq!(a, stream(7, 3, Purpose::Sdr, 0).next_u64());
        assert_ne!(a, stream(7, 4, Purpose::Sdr, 0).next_u64());
        assert_ne!(a, stream(8, 3, Purpose::Sdr, 0).next_u64());
        assert_ne!(a, stream(7, 3, Purpose::Arrivals, 0).next_u64());
        assert_ne!(a, stream(7, 3, Purpose::Sdr, 1).next_u64());
    }

    #[test]
    fn draws_are_total() {
        let mut r = stream(1, 1, Purpose::Sdr, 0);
        assert_eq!(binom(&mut r, 10, f64::NAN), 0);
        assert_eq!(binom(&mut r, 10, 2.0), 10);
        assert_eq!(poisson(&mut r, f64::INFINITY), 0);
        assert!(binom(&mut r, 1_000_000, 0.5) <= 1_000_000);
    }

    #[test]
    fn fast_binomial_has_the_right_mean_and_variance() {
        let mut r = stream(3, 0, Purpose::Sdr, 0);
        for (n, p) in [(5u32, 0.3), (40, 0.1), (10, 0.9), (1000, 0.004)] {
            let k = 20_000;
            let xs: Vec<f64> = (0..k).map(|_| f64::from(binom(&mut r, n, p))).collect();
            let m = xs.iter().sum::<f64>() / k as f64;
            let v = xs.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (k as f64 - 1.0);
            let (em, ev) = (f64::from(n) * p, f64::from(n) * p * (1.0 - p));
            // Mean within 5 standard errors; variance within 10%.
            assert!(
                (m - em).abs() < 5.0 * (ev / k as f64).sqrt(),
                "{n} {p}: {m} vs {em}"
            );
            assert!((v - ev).abs() < 0.1 * ev, "{n} {p}: {v} vs {ev}");
        }
    }
}
