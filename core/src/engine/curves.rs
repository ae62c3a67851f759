//! The model's response curves and the discretisation of leads into cohort types, computed
//! once per scenario from a [`ValidScenario`]. Shared by the simulation and the analytic mode.

use super::arrivals::{week_arrivals, WeekArrivals};
use super::exp::exp;
use crate::model::{QueuePriority, ValidScenario};

/// Propensity band edges: a lead's type is its band and its score class.
pub const BAND_EDGES: [f64; 9] = [0.0, 0.05, 0.1, 0.2, 0.3, 0.45, 0.6, 0.8, 1.0];
/// Number of propensity bands.
pub const BANDS: usize = 8;
/// MQL types: score class (0 standard, 1 high / hot) x band.
pub const TYPES: usize = 2 * BANDS;
/// Grid points used to integrate the propensity and score distributions.
const GRID: usize = 400;

/// Propensity that stands for a band (its midpoint).
pub fn band_propensity(b: usize) -> f64 {
    match (BAND_EDGES.get(b), BAND_EDGES.get(b + 1)) {
        (Some(lo), Some(hi)) => 0.5 * (lo + hi),
        _ => 0.0,
    }
}

/// Standard normal cumulative distribution (Abramowitz-Stegun 7.1.26, error < 1.5e-7).
pub fn normal_cdf(x: f64) -> f64 {
    let z = x.abs() / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * z);
    let poly = t
        * (0.254_829_592
            + t * (-0.284_496_736
                + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    let erf = 1.0 - poly * (-z * z).exp();
    if x >= 0.0 {
        0.5 * (1.0 + erf)
    } else {
        0.5 * (1.0 - erf)
    }
}

/// Share of a channel's inquiries in each cell: `[band][tier]` with tier 0 = nurture
/// (below the MQL threshold), 1 = standard MQL, 2 = high-score / hot MQL. An MQL's score
/// class is its tier minus one.
pub fn channel_cells(mean: f64, spread: f64, noise: f64, mql: f64, high: f64) -> [[f64; 3]; BANDS] {
    let m = mean.clamp(1e-4, 1.0 - 1e-4);
    let k = (1.0 / (spread * spread) - 1.0).max(1e-3);
    let (a, b) = (m * k, (1.0 - m) * k);
    let mut cells = [[0.0; 3]; BANDS];
    let mut total = 0.0;
    let p_above = |x: f64, t: f64| -> f64 {
        let s = 100.0 * x;
        if noise <= 1e-9 {
            if s >= t {
                1.0
            } else {
                0.0
            }
        } else {
            1.0 - normal_cdf((t - s) / noise)
        }
    };
    for i in 0..GRID {
        let x = (i as f64 + 0.5) / GRID as f64;
        let w = ((a - 1.0) * x.ln() + (b - 1.0) * (1.0 - x).ln()).exp();
        if !w.is_finite() {
            continue;
        }
        let band = BAND_EDGES[1..]
            .iter()
            .position(|e| x < *e)
            .unwrap_or(BANDS - 1);
        let above_mql = p_above(x, mql);
        let above_high = p_above(x, high).min(above_mql);
        if let Some(c) = cells.get_mut(band) {
            c[0] += w * (1.0 - above_mql);
            c[1] += w * (above_mql - above_high);
            c[2] += w * above_high;
        }
        total += w;
    }
    if total > 0.0 {
        for c in &mut cells {
            for v in c.iter_mut() {
                *v /= total;
            }
        }
    }
    cells
}

/// A chance that decays with a lead's age, `scale · (floor + (1 - floor) · e^(-age / decay))`
/// (the contact and qualification chances), with its bounds: whether a uniform falls below it
/// is mostly settled by comparisons, without the exponential, and always as computing it
/// would settle it.
///
/// First by its lowest value (IEEE rounding is monotone, so the chance at any age is at least
/// its value at `e = 0`): a uniform below it succeeds, a test that waits only on the uniform.
/// Then by its bounds over the lead's age slice: ages are cut into [`AGE_SLICES`] slices of
/// `decay / SLICES_PER_DECAY` hours, the last running on to any age. Over a slice the chance
/// lies between its values at the slice's two ends (it falls with age, and the computed chance
/// is within a few ulp of that); each bound is widened by a relative [`SLACK`], far more than
/// those ulp, so a uniform outside them is settled exactly as `u < at(age)` settles it.
#[derive(Debug, Clone, PartialEq)]
pub struct Decaying {
    scale: f64,
    floor: f64,
    decay_h: f64,
    /// A uniform below this succeeds at every age (`-inf` if not a decaying chance).
    low: f64,
    /// Age slices per hour.
    per_hour: f64,
    /// For each age slice: a uniform below the first succeeds and one at or above the second
    /// fails at every age in the slice. Empty when the chance is not a decaying one (a floor
    /// outside 0..=1, a negative scale or decay): then every uniform is settled by `at`.
    bounds: Vec<(f64, f64)>,
}

/// Age slices of a decaying chance.
const AGE_SLICES: usize = 128;
/// Age slices per decay time: the chance falls by about 12% of its decaying part over one.
const SLICES_PER_DECAY: f64 = 8.0;
/// Relative widening of each slice's bounds (the computed chance is within a few 1e-16).
const SLACK: f64 = 1e-12;

impl Decaying {
    pub fn new(scale: f64, floor: f64, decay_h: f64) -> Self {
        let bounded = (0.0..=1.0).contains(&floor) && scale >= 0.0 && decay_h > 0.0;
        let mut d = Decaying {
            scale,
            floor,
            decay_h,
            low: f64::NEG_INFINITY,
            per_hour: SLICES_PER_DECAY / decay_h,
            bounds: Vec::new(),
        };
        if bounded && d.per_hour.is_finite() {
            d.low = scale * floor;
            let width = decay_h / SLICES_PER_DECAY;
            d.bounds = (0..AGE_SLICES)
                .map(|t| {
                    let start = d.at(t as f64 * width);
                    let end = if t + 1 == AGE_SLICES {
                        d.low
                    } else {
                        d.at((t + 1) as f64 * width)
                    };
                    (end * (1.0 - SLACK), start * (1.0 + SLACK))
                })
                .collect();
        }
        d
    }

    /// The chance at age `age_h` hours.
    #[inline]
    pub fn at(&self, age_h: f64) -> f64 {
        self.scale * (self.floor + (1.0 - self.floor) * exp(-age_h / self.decay_h))
    }

    /// Whether uniform `u` falls below the chance at age `age_h` (`u < at(age_h)`).
    #[inline]
    pub fn below(&self, u: f64, age_h: f64) -> bool {
        if age_h >= 0.0 {
            // A success at every age: this test waits only on the uniform, which is drawn
            // ahead, not on the age, which waits on the team's clock. A failure is left to
            // the slice: testing it here too made the branch a three-way guess, which at
            // 10x Baseline's leads (old leads, mostly failures) missed about 9,600 times a
            // replication in cachegrind's branch simulation, and now 4,400.
            if u < self.low {
                return true;
            }
            // Then by the age's slice (`as` saturates; a NaN age fails `age_h >= 0`).
            let slice = ((age_h * self.per_hour) as usize).min(AGE_SLICES - 1);
            if let Some(&(succeeds, fails)) = self.bounds.get(slice) {
                if (u < succeeds) | (u >= fails) {
                    return u < succeeds;
                }
            }
        }
        u < self.at(age_h)
    }
}

/// Everything the simulation needs, precomputed from a valid scenario.
#[derive(Debug, Clone)]
pub struct Curves {
    /// Per channel, `[band][tier]` shares (see [`channel_cells`]).
    pub cells: Vec<[[f64; 3]; BANDS]>,
    pub first_contact: f64,
    pub second_contact: f64,
    pub later_ratio: f64,
    pub contact_floor: f64,
    pub contact_decay_h: f64,
    pub accept: [f64; BANDS],
    pub qualify: [f64; BANDS],
    pub win: [f64; BANDS],
    pub speed_floor: f64,
    pub speed_decay_h: f64,
    pub target_h: f64,
    pub max_attempts: u8,
    pub spacing_h: f64,
    pub abandon_h: f64,
    pub sdr_minutes_per_day: f64,
    /// Minutes of work the team does per hour of clock time while it works (every SDR in
    /// parallel, at full speed).
    pub sdr_minutes_per_hour: f64,
    /// The contact chance of each attempt number `0..=max_attempts` as the lead ages.
    pub contact_by_attempt: Vec<Decaying>,
    /// The qualification chance of each band as the speed-to-lead grows.
    pub qualify_by_band: Vec<Decaying>,
    pub attempt_min: f64,
    pub conv_min: f64,
    pub priority: QueuePriority,
    pub hot_first: bool,
    pub reengage: f64,
    pub dormancy: f64,
    pub recycle: f64,
    pub ae_slots: u32,
    pub cycle_median_d: f64,
    pub cycle_sigma: f64,
    pub deal_mu: f64,
    pub deal_sigma: f64,
    pub max_wait_d: f64,
    pub wait_keep_per_week: f64,
    pub weeks: usize,
    pub sla_touch_h: f64,
    /// `rates[w]` is [`Curves::channel_rates`] of week `w`, computed once per scenario (not
    /// once per replication, and the cosine stays out of the simulation loop).
    pub rates: Vec<Vec<f64>>,
    /// The arrivals of each week (types, costs, daily means), computed once per scenario.
    pub arrivals: Vec<WeekArrivals>,
}

impl Curves {
    pub fn new(v: &ValidScenario) -> Self {
        let s = v.get();
        let mql = s.thresholds.mql_threshold;
        let high = s
            .thresholds
            .hot_threshold
            .unwrap_or(0.5 * (mql + 100.0))
            .max(mql);
        let rates: Vec<Vec<f64>> = (0..v.weeks())
            .map(|w| Curves::channel_rates(v, w))
            .collect();
        let cells: Vec<[[f64; 3]; BANDS]> = s
            .channels
            .iter()
            .map(|c| {
                channel_cells(
                    c.quality_mean_percent / 100.0,
                    c.quality_spread,
                    c.score_noise,
                    mql,
                    high,
                )
            })
            .collect();
        let lin = |lo: f64, hi: f64| {
            let mut out = [0.0; BANDS];
            for (b, o) in out.iter_mut().enumerate() {
                let q = band_propensity(b);
                *o = ((lo + (hi - lo) * q) / 100.0).clamp(0.0, 1.0);
            }
            out
        };
        let q = &s.qualification;
        let k = &s.closing;
        let r = &s.sdr;
        let mut curves = Curves {
            contact_by_attempt: Vec::new(),
            qualify_by_band: Vec::new(),
            first_contact: r.first_attempt_contact_percent / 100.0,
            second_contact: r.second_attempt_contact_percent / 100.0,
            later_ratio: r.later_attempt_ratio_percent / 100.0,
            contact_floor: r.contact_floor_percent / 100.0,
            contact_decay_h: r.contact_decay_hours,
            accept: lin(q.accept_at_zero_percent, q.accept_at_full_percent),
            qualify: lin(q.qualify_at_zero_percent, q.qualify_at_full_percent),
            win: lin(k.win_at_zero_percent, k.win_at_full_percent),
            speed_floor: q.speed_floor_percent / 100.0,
            speed_decay_h: q.speed_decay_hours,
            target_h: r.target_response_minutes / 60.0,
            max_attempts: r.max_attempts.clamp(1.0, 255.0) as u8,
            spacing_h: r.attempt_spacing_hours,
            abandon_h: r.abandon_after_days * 24.0,
            sdr_minutes_per_day: r.headcount * r.productive_hours_per_week * 60.0 / 7.0,
            sdr_minutes_per_hour: r.headcount * 60.0,
            attempt_min: r.minutes_per_attempt,
            conv_min: r.minutes_per_conversation,
            priority: r.queue_priority,
            hot_first: s.thresholds.hot_threshold.is_some(),
            reengage: s.nurture.reengage_percent_per_week / 100.0,
            dormancy: 1.0 / s.nurture.nurture_weeks,
            recycle: s.nurture.recycle_percent / 100.0,
            ae_slots: (k.ae_headcount * k.max_open_opps_per_ae).clamp(0.0, 1e9) as u32,
            cycle_median_d: k.cycle_median_days,
            cycle_sigma: k.cycle_spread,
            deal_mu: k.deal_median.max(1e-9).ln(),
            deal_sigma: k.deal_spread,
            max_wait_d: k.max_wait_days,
            wait_keep_per_week: 1.0 - k.wait_loss_percent_per_week / 100.0,
            weeks: v.weeks(),
            sla_touch_h: s.sla.touch_within_hours,
            arrivals: (0..v.weeks())
                .map(|w| week_arrivals(v, &cells, &rates, w))
                .collect(),
            cells,
            rates,
        };
        curves.contact_by_attempt = (0..=curves.max_attempts)
            .map(|a| curves.contact_chance(a))
            .collect();
        curves.qualify_by_band = (0..BANDS).map(|b| curves.qualify_chance(b)).collect();
        curves
    }

    /// Contact chance of attempt number `attempt` (0 = first) on a fresh lead.
    pub fn attempt_contact(&self, attempt: u8) -> f64 {
        match attempt {
            0 => self.first_contact,
            n => self.second_contact * self.later_ratio.powi(i32::from(n) - 1),
        }
    }

    /// The contact chance of attempt number `attempt` as the lead ages.
    pub fn contact_chance(&self, attempt: u8) -> Decaying {
        Decaying::new(
            self.attempt_contact(attempt),
            self.contact_floor,
            self.contact_decay_h,
        )
    }

    /// The qualification chance of band `band` as the speed-to-lead grows.
    pub fn qualify_chance(&self, band: usize) -> Decaying {
        let q = self.qualify.get(band).copied().unwrap_or(0.0);
        Decaying::new(q, self.speed_floor, self.speed_decay_h)
    }

    /// The most first touches a run can hold: one per attempt the team has minutes for, and
    /// one more a day (the last attempt of a day may run over). A capacity hint, not a limit.
    pub fn first_touches_at_most(&self) -> usize {
        let per_day = if self.attempt_min > 0.0 {
            self.sdr_minutes_per_day / self.attempt_min
        } else {
            0.0
        };
        let days = self.weeks as f64 * 7.0;
        // Saturating (`as` clamps, and a NaN becomes 0); at most 250,000 (2 MB) set aside,
        // whatever the knobs: beyond that the list grows as it must.
        ((per_day + 1.0) * days).min(250_000.0) as usize
    }

    /// Share of the contact chance left at a lead age of `age_h` hours.
    pub fn contact_age_factor(&self, age_h: f64) -> f64 {
        self.contact_floor + (1.0 - self.contact_floor) * exp(-age_h / self.contact_decay_h)
    }

    /// Share of the qualification chance left when the contact happens at age `age_h`.
    pub fn speed_factor(&self, age_h: f64) -> f64 {
        self.speed_floor + (1.0 - self.speed_floor) * exp(-age_h / self.speed_decay_h)
    }

    /// Chance one attempt reaches the lead.
    pub fn contact(&self, attempt: u8, age_h: f64) -> f64 {
        (self.attempt_contact(attempt) * self.contact_age_factor(age_h)).clamp(0.0, 1.0)
    }

    /// Mean deal size (log-normal mean).
    pub fn mean_deal(&self) -> f64 {
        exp(self.deal_mu + 0.5 * self.deal_sigma * self.deal_sigma)
    }

    /// Inquiries per week of each channel in week `w` (0-based), with seasonality and bursts.
    pub fn channel_rates(v: &ValidScenario, w: usize) -> Vec<f64> {
        let week = w as f64 + 1.0;
        v.get()
            .channels
            .iter()
            .map(|c| {
                let season = 1.0
                    + c.seasonality_percent / 100.0
                        * (2.0 * std::f64::consts::PI * (week - c.season_peak_week) / 52.0).cos();
                let burst = c.burst.as_ref().map_or(0.0, |b| {
                    if week >= b.start_week && week < b.start_week + b.weeks {
                        b.extra_leads_per_week
                    } else {
                        0.0
                    }
                });
                (c.leads_per_week * season).max(0.0) + burst
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_sum_to_one() {
        let c = channel_cells(0.25, 0.45, 10.0, 50.0, 75.0);
        let total: f64 = c.iter().flat_map(|r| r.iter()).sum();
        assert!((total - 1.0).abs() < 1e-9, "{total}");
    }

    #[test]
    fn normal_cdf_matches_known_values() {
        assert!((normal_cdf(0.0) - 0.5).abs() < 1e-7);
        assert!((normal_cdf(1.96) - 0.975).abs() < 1e-4);
        assert!((normal_cdf(-1.0) - 0.158_655).abs() < 1e-5);
    }

    #[test]
    fn decaying_chance_settles_every_uniform_as_the_exponential_would() {
        let chances = [
            Decaying::new(0.45, 0.3, 6.0),
            Decaying::new(1.0, 0.0, 0.5),
            Decaying::new(0.7, 1.0, 24.0),
            Decaying::new(0.2, 1.5, 3.0), // out of range: never short-cut
        ];
        for d in chances {
            for i in 0..=400 {
                let u = f64::from(i) / 400.0;
                let ages = [0.0, 0.01, 0.25, 1.0, 5.0, 48.0, 400.0, 1e6, f64::INFINITY];
                // Ages outside the slices too: negative, NaN (always the exponential).
                for age in ages.into_iter().chain([-0.5, -1e6, f64::NAN]) {
                    assert_eq!(d.below(u, age), u < d.at(age), "{d:?} u {u} age {age}");
                }
            }
        }
    }

    /// Uniforms at the chance itself and one ulp either side, at ages on and around the
    /// edges of the age slices: where a bound off by a rounding would show.
    #[test]
    fn decaying_chance_is_exact_at_the_edges_of_its_age_slices() {
        for d in [
            Decaying::new(0.39, 0.5, 12.0),
            Decaying::new(1.0, 0.0215, 0.594),
            Decaying::new(0.9, 0.0, 1e-3),
        ] {
            let width = d.decay_h / SLICES_PER_DECAY;
            for s in 0..=AGE_SLICES + 2 {
                let edge = s as f64 * width;
                for age in [edge.next_down().max(0.0), edge, edge.next_up()] {
                    let chance = d.at(age);
                    for u in [chance.next_down(), chance, chance.next_up()] {
                        assert_eq!(d.below(u, age), u < chance, "{d:?} u {u} age {age}");
                    }
                }
            }
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Any decaying chance, any age and uniform: the bounds settle it as the exponential
        /// does.
        #[test]
        fn decaying_chance_settles_as_the_exponential_would(
            scale in 0.0f64..1.0,
            floor in 0.0f64..=1.0,
            decay in 1e-3f64..500.0,
            age in 0.0f64..5_000.0,
            u in 0.0f64..1.0,
        ) {
            let d = Decaying::new(scale, floor, decay);
            let chance = d.at(age);
            for u in [u, chance.next_down(), chance, chance.next_up()] {
                proptest::prop_assert_eq!(d.below(u, age), u < chance);
            }
        }
    }
}
