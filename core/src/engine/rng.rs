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

    /// The `(seed, replication)` hash, for the counter-based draws of [`super::draws`].
    pub fn key(self) -> u64 {
        self.0
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
    binom_btrs(rng, n, p)
}

/// Binomial by transformed rejection with squeeze (BTRS: W. Hörmann, "The generation of
/// binomial random variates", J. Statist. Comput. Simul. 46, 1993), for `n p >= 10` and `p` in
/// (0, 0.5]. About 1.15 pairs of uniforms per draw; most are accepted by the squeeze without a
/// logarithm (rand_distr's BTPE evaluates the probability by a loop of divisions instead).
/// The final test uses the Stirling series of the log-factorials, as BTPE does.
fn binom_btrs(rng: &mut Rng, n: u32, p: f64) -> u32 {
    let nf = f64::from(n);
    let q = 1.0 - p;
    let spq = (nf * p * q).sqrt();
    let b = 1.15 + 2.53 * spq;
    let a = -0.0873 + 0.0248 * b + 0.01 * p;
    let c = nf * p + 0.5;
    let v_r = 0.92 - 4.2 / b;
    // Constants of the final test, computed at its first use (most draws never get there).
    let mut exact: Option<(f64, f64, f64)> = None;
    loop {
        let u = uniform(rng) - 0.5;
        let v = uniform(rng);
        let us = 0.5 - u.abs();
        let k = ((2.0 * a / us + b) * u + c).floor();
        if !(0.0..=nf).contains(&k) {
            continue;
        }
        if us >= 0.07 && v <= v_r {
            return k as u32;
        }
        let (alpha, r, m) =
            *exact.get_or_insert_with(|| ((2.83 + 5.1 / b) * spq, p / q, ((nf + 1.0) * p).floor()));
        let v = (v * alpha / (a / (us * us) + b)).ln();
        // log(f(k) / f(m)), f the binomial pmf and m its mode, from Stirling's series.
        let bound = (m + 0.5) * ((m + 1.0) / (r * (nf - m + 1.0))).ln()
            + (nf + 1.0) * ((nf - m + 1.0) / (nf - k + 1.0)).ln()
            + (k + 0.5) * (r * (nf - k + 1.0) / (k + 1.0)).ln()
            + stirling_tail(m)
            + stirling_tail(nf - m)
            - stirling_tail(k)
            - stirling_tail(nf - k);
        if v <= bound {
            return k as u32;
        }
    }
}

/// `ln(k!) - ((k + 1/2) ln(k + 1) - (k + 1) + ln(2 pi) / 2)` for a whole `k >= 0`: exact
/// values up to 9, the Stirling series beyond (error below 1e-12).
fn stirling_tail(k: f64) -> f64 {
    const SMALL: [f64; 10] = [
        0.081_061_466_795_327_33,
        0.041_340_695_955_409_46,
        0.027_677_925_684_997_717,
        0.020_790_672_103_765_84,
        0.016_644_691_189_821_26,
        0.013_876_128_823_072_875,
        0.011_896_709_945_893_313,
        0.010_411_265_261_973_668,
        0.009_255_462_182_709_45,
        0.008_330_563_433_359_472,
    ];
    if k < 10.0 {
        return SMALL.get(k as usize).copied().unwrap_or(0.0);
    }
    let z = k + 1.0;
    let z2 = z * z;
    (1.0 / 12.0 - (1.0 / 360.0 - (1.0 / 1260.0 - 1.0 / (1680.0 * z2)) / z2) / z2) / z
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
                p0: crate::engine::exp::exp(-lambda),
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

    /// Chi-square statistic's upper quantile for `df` degrees of freedom at about 3e-7
    /// (Wilson-Hilferty, z = 5): a correct sampler fails with a fixed seed essentially never.
    fn chi2_limit(df: f64) -> f64 {
        let t = 2.0 / (9.0 * df);
        df * (1.0 - t + 5.0 * t.sqrt()).powi(3)
    }

    /// Checks `draw` against the exact probabilities `pmf` (a window `lo..` of outcomes that
    /// holds all but a negligible mass; anything outside fails): outcomes are grouped into
    /// bins of at least 20 expected draws and compared by a chi-square test.
    fn assert_matches_pmf(
        what: &str,
        lo: u64,
        pmf: &[f64],
        draws: u32,
        mut draw: impl FnMut() -> u64,
    ) {
        let hi = lo + pmf.len() as u64;
        let mut counts = vec![0u64; pmf.len()];
        for _ in 0..draws {
            let k = draw();
            assert!((lo..hi).contains(&k), "{what}: {k} outside {lo}..{hi}");
            counts[(k - lo) as usize] += 1;
        }
        let n = f64::from(draws);
        let (mut chi2, mut bins) = (0.0, 0usize);
        let (mut e, mut o) = (0.0, 0.0);
        for (i, (p, c)) in pmf.iter().zip(&counts).enumerate() {
            e += p * n;
            o += *c as f64;
            // Close the bin once it expects 20 draws and the rest does too (else the rest
            // joins this bin).
            let rest: f64 = pmf[i + 1..].iter().sum::<f64>() * n;
            if (e >= 20.0 && rest >= 20.0) || i + 1 == pmf.len() {
                chi2 += (o - e) * (o - e) / e;
                bins += 1;
                (e, o) = (0.0, 0.0);
            }
        }
        if bins < 2 {
            // One bin holds everything: the draws must all be in it (checked above).
            return;
        }
        let limit = chi2_limit((bins - 1) as f64);
        assert!(
            chi2 < limit,
            "{what}: chi2 {chi2:.1} over {bins} bins, limit {limit:.1}"
        );
    }

    /// Binomial probabilities of `lo..=hi`, from the ratio of successive terms (no
    /// log-factorials), normalised over a window that holds all but a negligible mass.
    fn binomial_pmf(n: u32, p: f64) -> (u64, Vec<f64>) {
        let (nf, q) = (f64::from(n), 1.0 - p);
        let sd = (nf * p * q).sqrt();
        let mode = ((nf + 1.0) * p).floor().min(nf);
        let lo = (mode - 15.0 * sd - 15.0).max(0.0) as u64;
        let hi = (mode + 15.0 * sd + 15.0).min(nf) as u64;
        let m = mode as u64;
        let mut w = vec![0.0; (hi - lo + 1) as usize];
        w[(m - lo) as usize] = 1.0;
        for k in m..hi {
            let i = (k - lo) as usize;
            w[i + 1] = w[i] * (nf - k as f64) / (k as f64 + 1.0) * p / q;
        }
        for k in (lo..m).rev() {
            let i = (k - lo) as usize;
            w[i] = w[i + 1] * (k as f64 + 1.0) / (nf - k as f64) * q / p;
        }
        let total: f64 = w.iter().sum();
        (lo, w.iter().map(|x| x / total).collect())
    }

    #[test]
    fn binomial_draws_match_the_binomial_pmf() {
        // Every method: Bernoulli trials (n <= 3), inversion (n p < 12), BTRS (n p >= 12),
        // each with p above 0.5 (drawn as n minus a draw with 1 - p).
        let cases: [(u32, f64); 16] = [
            (1, 0.3),
            (2, 0.5),
            (3, 0.9),
            (10, 0.3),
            (40, 0.1),
            (25, 0.75),
            (1000, 0.004),
            (50_000, 0.000_01),
            (30, 0.4),
            (60, 0.2),
            (100, 0.5),
            (200, 0.7),
            (2000, 0.0385),
            (100_000, 0.3),
            (1_000_000, 0.999),
            (u32::MAX, 1e-6),
        ];
        for (i, (n, p)) in cases.into_iter().enumerate() {
            let mut r = stream(11, i as u64, Purpose::Nurture, 0);
            let (lo, pmf) = binomial_pmf(n, p);
            assert_matches_pmf(&format!("Bin({n}, {p})"), lo, &pmf, 1_000_000, || {
                u64::from(binom(&mut r, n, p))
            });
        }
    }

    #[test]
    fn binomial_edge_cases_are_exact() {
        let mut r = stream(1, 2, Purpose::Sdr, 0);
        for n in [0u32, 1, 2, 5, 100, 100_000, u32::MAX] {
            for _ in 0..100 {
                assert_eq!(binom(&mut r, n, 0.0), 0);
                assert_eq!(binom(&mut r, n, -0.5), 0);
                assert_eq!(binom(&mut r, n, f64::NAN), 0);
                assert_eq!(binom(&mut r, n, f64::NEG_INFINITY), 0);
                assert_eq!(binom(&mut r, n, 1.0), n);
                assert_eq!(binom(&mut r, n, 1.5), n);
                assert_eq!(binom(&mut r, n, f64::INFINITY), n);
                assert!(binom(&mut r, n, 0.5) <= n);
            }
        }
        // A chance a hair below 1 on a huge count: almost all of it.
        let k = binom(&mut r, u32::MAX, 1.0 - 1e-12);
        assert!(k >= u32::MAX - 100, "{k}");
    }

    #[test]
    fn stirling_tail_matches_log_factorials() {
        let mut ln_fact = 0.0f64;
        for k in 0..2000u32 {
            if k > 0 {
                ln_fact += f64::from(k).ln();
            }
            let kf = f64::from(k);
            let main =
                (kf + 0.5) * (kf + 1.0).ln() - (kf + 1.0) + 0.5 * (2.0 * std::f64::consts::PI).ln();
            let want = ln_fact - main;
            // The summed log-factorial itself carries up to k roundings of its size.
            let tol = 1e-12 + 4.0 * f64::EPSILON * kf * ln_fact;
            assert!(
                (stirling_tail(kf) - want).abs() < tol,
                "{k}: {} vs {want}",
                stirling_tail(kf)
            );
        }
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
