//! Random numbers that belong to leads, not to days. Every draw about a lead (its type, the
//! outcome of attempt k, acceptance, qualification, recycling, the AE's result, the cycle
//! length and the deal size) is a uniform computed from a hash of the replication, the
//! lead's identity (arrival day, score class, position in that day's arrivals) and the event:
//! a counter-based generator. Counts of arrivals are drawn by inversion of one uniform per
//! cohort (arrival day, score class, propensity band).
//!
//! So two scenarios run with one seed share, lead by lead, the random numbers that decide
//! each lead's fate (common random numbers), whatever order or day the SDRs get to it; and
//! because every outcome is `uniform < chance`, a larger chance (an earlier call, a shorter
//! wait for an AE) only ever turns outcomes from failure to success. A capacity change
//! alters only what capacity changes.

use super::exp::exp;
use super::rng::{splitmix64, Streams};

/// An event in a lead's life that needs a random number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// Which propensity band a lead of a cohort is (sampling without replacement).
    Type,
    /// Whether attempt `k` (0 = first) reaches the lead.
    Contact(u8),
    Accept,
    Qualify,
    /// Whether a rejected or unreached lead is recycled to nurture.
    Recycle,
    /// Whether the opportunity is won.
    Win,
    /// The sales cycle length (a quantile of its log-normal).
    Cycle,
    /// The deal size (a quantile of its log-normal).
    Deal,
    /// Which channel the lead came from, for a traced journey only (the engine pools the
    /// channels in each cohort).
    Channel,
}

impl Event {
    fn code(self) -> u64 {
        match self {
            Event::Type => 1,
            Event::Contact(k) => 0x100 + u64::from(k),
            Event::Accept => 2,
            Event::Qualify => 3,
            Event::Recycle => 4,
            Event::Win => 5,
            Event::Cycle => 6,
            Event::Deal => 7,
            Event::Channel => 8,
        }
    }
}

/// A lead's identity: arrival day, score class (0 standard, 1 high) and position among that
/// day's MQLs of the class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LeadId(u64);

impl LeadId {
    pub fn new(day: u32, class: u8, position: u32) -> Self {
        LeadId((u64::from(day) << 33) | (u64::from(class & 1) << 32) | u64::from(position))
    }
    /// Its arrival day.
    pub fn day(self) -> u32 {
        (self.0 >> 33) as u32
    }
    /// Its score class: 0 standard, 1 high.
    pub fn class(self) -> u8 {
        ((self.0 >> 32) & 1) as u8
    }
    /// Its position among the day's MQLs of its class.
    pub fn position(self) -> u32 {
        (self.0 & u64::from(u32::MAX)) as u32
    }
}

/// The draws of one replication (a `(seed, replication)` hash).
#[derive(Debug, Clone, Copy)]
pub struct Draws {
    key: u64,
}

/// The draws of one lead: `Draws::lead(id, event) == Draws::of(id).get(event)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LeadDraws(u64);

impl LeadDraws {
    /// The uniform in [0, 1) of `event`.
    #[inline]
    pub fn get(self, event: Event) -> f64 {
        to_unit(splitmix64(self.0 ^ event.code()))
    }
}

/// Tag of cohort-level draws, kept apart from the leads' identities.
const COHORT_TAG: u64 = 0xC0C0_0000_0000_0001;

impl Draws {
    pub fn new(streams: Streams) -> Self {
        Draws { key: streams.key() }
    }

    /// The uniform in [0, 1) of `event` for lead `lead`.
    #[inline]
    pub fn lead(self, lead: LeadId, event: Event) -> f64 {
        self.of(lead).get(event)
    }

    /// The draws of lead `lead`, hashed once for all its events.
    #[inline]
    pub fn of(self, lead: LeadId) -> LeadDraws {
        LeadDraws(splitmix64(self.key ^ lead.0))
    }

    /// The uniform of the arrival count of one cohort: `day`, score class, propensity band.
    #[inline]
    pub fn cohort(self, day: u32, class: u8, band: u8) -> f64 {
        let id = (u64::from(day) << 16) | (u64::from(class) << 8) | u64::from(band);
        to_unit(splitmix64(splitmix64(self.key ^ COHORT_TAG) ^ id))
    }
}

/// The top 53 bits as a uniform in [0, 1).
#[inline]
fn to_unit(h: u64) -> f64 {
    (h >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

/// A Poisson mean set up for inversion once (arrival means change weekly, not daily):
/// `exp(-mean)`, and for means above 8 the distribution function as a table, so that a draw
/// is a binary search instead of a walk from 0 (floods have means in the tens).
#[derive(Debug, Clone, PartialEq)]
pub struct PoissonMean {
    mean: f64,
    p0: f64,
    /// `cdf[k] = P(X <= k)`, summed exactly as the sequential search sums it.
    cdf: Vec<f64>,
}

impl PoissonMean {
    pub fn new(mean: f64) -> Self {
        let ok = mean.is_finite() && mean > 0.0;
        let mean = if ok { mean } else { 0.0 };
        let p0 = if ok && mean <= 500.0 { exp(-mean) } else { 0.0 };
        let mut cdf = Vec::new();
        if mean > 8.0 && mean <= 500.0 {
            let last = (mean + 12.0 * mean.sqrt() + 10.0) as u32;
            let (mut p, mut sum) = (p0, p0);
            cdf.push(sum);
            for k in 1..=last {
                p *= mean / f64::from(k);
                sum += p;
                cdf.push(sum);
            }
        }
        PoissonMean { mean, p0, cdf }
    }
}

/// Poisson count with mean `lambda` by inversion of `u`: non-decreasing in `lambda` for a
/// fixed `u` (more volume never means fewer leads). Exact sequential search up to a mean of
/// 500 (flood-sized cohorts); beyond, the normal approximation with a continuity correction,
/// monotone too (the switch itself may move a far-tail count by one).
pub fn poisson_inv(u: f64, m: &PoissonMean) -> u32 {
    let lambda = m.mean;
    if lambda <= 0.0 {
        return 0;
    }
    let k = m.cdf.partition_point(|c| *c <= u);
    if k < m.cdf.len() {
        return k as u32; // the first k with u < P(X <= k), as the search below finds it
    }
    if lambda > 500.0 {
        let x = lambda + lambda.sqrt() * inv_normal(u) + 0.5;
        return x.floor().clamp(0.0, f64::from(u32::MAX / 4)) as u32;
    }
    let mut p = m.p0;
    let mut cdf = p;
    let mut k = 0u32;
    while u >= cdf && k < 10_000 {
        k += 1;
        p *= lambda / f64::from(k);
        cdf += p;
        if p <= 0.0 {
            break;
        }
    }
    k
}

/// Inverse of the standard normal distribution function (Acklam's rational approximation,
/// relative error below 1.2e-9); `u` is clamped into (0, 1).
pub fn inv_normal(u: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_69e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    const D: [f64; 4] = [
        7.784_695_709_041_462e-3,
        3.224_671_290_700_398e-1,
        2.445_134_137_142_996,
        3.754_408_661_907_416,
    ];
    const LOW: f64 = 0.024_25;
    let p = u.clamp(1e-300, 1.0 - 1e-16);
    let tail = |q: f64| {
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    if p < LOW {
        tail((-2.0 * p.ln()).sqrt())
    } else if p > 1.0 - LOW {
        -tail((-2.0 * (1.0 - p).ln()).sqrt())
    } else {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::curves::normal_cdf;

    #[test]
    fn inverse_normal_inverts_the_distribution_function() {
        for i in 1..200 {
            let u = f64::from(i) / 200.0;
            let z = inv_normal(u);
            assert!((normal_cdf(z) - u).abs() < 2e-7, "{u} -> {z}");
        }
        assert!(inv_normal(0.0) < -8.0 && inv_normal(1.0) > 8.0);
    }

    #[test]
    fn poisson_by_inversion_has_the_right_mean_and_is_monotone_in_the_mean() {
        for lambda in [0.3, 4.0, 25.0, 120.0, 800.0] {
            let n = 20_000;
            let mean = (0..n)
                .map(|i| {
                    f64::from(poisson_inv(
                        (f64::from(i) + 0.5) / f64::from(n),
                        &PoissonMean::new(lambda),
                    ))
                })
                .sum::<f64>()
                / f64::from(n);
            assert!(
                (mean - lambda).abs() < 0.02 * lambda + 0.01,
                "{lambda}: {mean}"
            );
        }
        for i in 0..500 {
            let u = f64::from(i) / 500.0;
            let mut last = 0;
            for l in 1..1_000 {
                let k = poisson_inv(u, &PoissonMean::new(f64::from(l) * 0.5));
                assert!(
                    k >= last,
                    "u {u}, mean {}: {k} < {last}",
                    f64::from(l) * 0.5
                );
                last = k;
            }
        }
        assert_eq!(poisson_inv(0.5, &PoissonMean::new(0.0)), 0);
        assert_eq!(poisson_inv(0.5, &PoissonMean::new(f64::NAN)), 0);
        // The table gives exactly what the search from 0 gives, tails included.
        for mean in [8.5, 30.0, 200.0] {
            let table = PoissonMean::new(mean);
            let walk = PoissonMean {
                cdf: Vec::new(),
                ..table.clone()
            };
            for u in [
                0.0,
                1e-12,
                0.3,
                0.5,
                0.999,
                1.0 - 1e-15,
                0.999_999_999_999_999_9,
            ] {
                assert_eq!(poisson_inv(u, &table), poisson_inv(u, &walk), "{mean} {u}");
            }
        }
    }

    #[test]
    fn lead_draws_depend_on_the_lead_and_event_only() {
        let d = Draws::new(Streams::new(7, 3));
        let a = LeadId::new(10, 1, 4);
        assert_eq!(d.lead(a, Event::Accept), d.lead(a, Event::Accept));
        assert_eq!(d.lead(a, Event::Win), d.of(a).get(Event::Win));
        assert_ne!(d.lead(a, Event::Accept), d.lead(a, Event::Qualify));
        assert_ne!(d.lead(a, Event::Contact(0)), d.lead(a, Event::Contact(1)));
        assert_ne!(
            d.lead(a, Event::Accept),
            d.lead(LeadId::new(10, 0, 4), Event::Accept)
        );
        let other = Draws::new(Streams::new(7, 4));
        assert_ne!(d.lead(a, Event::Accept), other.lead(a, Event::Accept));
        // Roughly uniform.
        let n = 10_000u32;
        let mean = (0..n)
            .map(|i| d.lead(LeadId::new(i, 0, 0), Event::Win))
            .sum::<f64>()
            / f64::from(n);
        assert!((mean - 0.5).abs() < 0.01, "{mean}");
    }
}
