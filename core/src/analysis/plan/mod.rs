//! Planning before marketing and sales sign their service agreement: what moves bookings
//! most ([`tornado`]), the threshold trade-off and two-knob sweeps ([`sweep`]), what it takes
//! to reach a bookings goal ([`goal`]), promises both teams can keep ([`design`]) and the
//! agreement in plain words ([`agreement`]).
//!
//! Every view compares scenario variants ("arms") run with the same replication indices, so
//! each variant meets the same random numbers (common random numbers) and differences are
//! paired replication by replication. A view says which arms it needs, a [`Runner`] runs
//! them (serially here, on every core in the CLI, in Web Workers on the page) and the view
//! turns the [`Outcome`]s into its answer. Searches that need one answer before choosing
//! the next arms ([`goal::Seek`], [`design::Designer`]) implement [`Plan`].

pub mod agreement;
pub mod design;
pub mod goal;
pub mod knobs;
pub mod sweep;
pub mod tornado;

use serde::{Deserialize, Serialize};

use super::bottleneck::mean_interval;
use super::sla::PeriodFigures;
use crate::engine::curves::Curves;
use crate::engine::run::Band;
use crate::engine::sim::{replicate, Replication, Total};
use crate::model::{Sla, ValidScenario};

/// What the planning views keep of one replication.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Outcome {
    pub bookings: f64,
    pub mqls: f64,
    pub sqls: f64,
    pub sdr_utilisation: f64,
    pub ae_utilisation: f64,
    /// Marketing and sales cost over the run.
    pub cost: f64,
    /// Each SLA period's figures.
    pub periods: Vec<PeriodFigures>,
}

impl Outcome {
    pub fn of(v: &ValidScenario, r: &Replication) -> Outcome {
        Outcome {
            bookings: r.total(Total::Bookings),
            mqls: r.total(Total::Mqls),
            sqls: r.total(Total::Sqls),
            sdr_utilisation: r.total(Total::SdrUtilisation),
            ae_utilisation: r.total(Total::AeUtilisation),
            cost: r.total(Total::MarketingCost) + r.total(Total::SalesCost),
            periods: PeriodFigures::periods(r, v.weeks()),
        }
    }

    /// Share of this replication's periods in which both teams kept every part of `sla`.
    pub fn sla_kept_share(&self, sla: &Sla) -> f64 {
        if self.periods.is_empty() {
            return 0.0;
        }
        let kept = self.periods.iter().filter(|p| p.kept(sla).all()).count();
        kept as f64 / self.periods.len() as f64
    }

    /// Bookings minus marketing and sales cost.
    pub fn margin(&self) -> f64 {
        self.bookings - self.cost
    }
}

/// Runs replications `0..n` of each arm (the same indices for every arm).
pub trait Runner {
    fn outcomes(&self, arms: &[ValidScenario], n: usize) -> Vec<Vec<Outcome>>;
}

/// Runs every arm on this thread.
#[derive(Debug, Clone, Copy, Default)]
pub struct Serial;

impl Runner for Serial {
    fn outcomes(&self, arms: &[ValidScenario], n: usize) -> Vec<Vec<Outcome>> {
        arms.iter()
            .map(|v| {
                let curves = Curves::new(v);
                (0..n as u64)
                    .map(|i| Outcome::of(v, &replicate(v, &curves, i)))
                    .collect()
            })
            .collect()
    }
}

/// A search that asks for arms phase by phase: each phase's arms depend on the answers to
/// the previous ones.
pub trait Plan {
    /// The next arms to run, or `None` when the search is over.
    fn next_arms(&mut self) -> Option<Vec<ValidScenario>>;
    /// The outcomes of the arms [`Plan::next_arms`] returned last, in the same order.
    fn record(&mut self, outcomes: Vec<Vec<Outcome>>);
}

/// Drives a [`Plan`] to its end with `runner` and `n` replications per arm.
pub fn drive(plan: &mut dyn Plan, runner: &dyn Runner, n: usize) {
    while let Some(arms) = plan.next_arms() {
        let outcomes = runner.outcomes(&arms, n);
        plan.record(outcomes);
    }
}

/// A paired difference (variant minus base, replication by replication).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Effect {
    /// Mean and P10/P50/P90 of the per-replication differences.
    pub band: Band,
    /// 90% confidence interval of the mean difference; `None` under two pairs.
    pub mean_ci: Option<(f64, f64)>,
    pub pairs: usize,
}

impl Effect {
    /// The paired differences `f(variant) - f(base)` over the replications both have.
    pub fn paired(base: &[Outcome], variant: &[Outcome], f: impl Fn(&Outcome) -> f64) -> Effect {
        let deltas: Vec<f64> = base.iter().zip(variant).map(|(b, x)| f(x) - f(b)).collect();
        let band = Band::of(&deltas);
        let pairs = deltas.iter().filter(|d| d.is_finite()).count();
        Effect {
            band,
            mean_ci: mean_interval(&deltas, pairs, band.mean),
            pairs,
        }
    }

    /// The whole confidence interval is above zero.
    pub fn surely_up(&self) -> bool {
        self.mean_ci.is_some_and(|(low, _)| low > 0.0)
    }

    /// The whole confidence interval is below zero.
    pub fn surely_down(&self) -> bool {
        self.mean_ci.is_some_and(|(_, high)| high < 0.0)
    }
}

/// Mean of `f` over outcomes (0 when there are none).
pub fn mean_of(xs: &[Outcome], f: impl Fn(&Outcome) -> f64) -> f64 {
    if xs.is_empty() {
        return 0.0;
    }
    xs.iter().map(f).sum::<f64>() / xs.len() as f64
}

/// Band of `f` over outcomes.
pub fn band_of(xs: &[Outcome], f: impl Fn(&Outcome) -> f64) -> Band {
    Band::of(&xs.iter().map(f).collect::<Vec<_>>())
}

/// Share of outcomes whose bookings reach `x`.
pub fn chance_of_bookings(xs: &[Outcome], x: f64) -> f64 {
    if xs.is_empty() {
        return 0.0;
    }
    xs.iter().filter(|o| o.bookings >= x).count() as f64 / xs.len() as f64
}

/// Mean share of periods in which both teams kept `sla`.
pub fn sla_kept(xs: &[Outcome], sla: &Sla) -> f64 {
    mean_of(xs, |o| o.sla_kept_share(sla))
}

/// A plan of one phase: a fixed set of arms (the tornado, the threshold curve, a sweep),
/// so that every view runs through the same [`Plan`] driver.
#[derive(Debug, Clone, Default)]
pub struct Fixed {
    arms: Option<Vec<ValidScenario>>,
    /// The outcomes, arm by arm, once run.
    pub runs: Vec<Vec<Outcome>>,
}

impl Fixed {
    pub fn new(arms: Vec<ValidScenario>) -> Fixed {
        Fixed {
            arms: Some(arms),
            runs: Vec::new(),
        }
    }
}

impl Plan for Fixed {
    fn next_arms(&mut self) -> Option<Vec<ValidScenario>> {
        self.arms.take()
    }

    fn record(&mut self, outcomes: Vec<Vec<Outcome>>) {
        self.runs = outcomes;
    }
}
