//! The levers: each a small change to the scenario whose marginal bookings are measured
//! with common random numbers (lever replication minus base replication of the same index),
//! with the 90% confidence interval of the mean change; the verdict the levers bear out.

use serde::{Deserialize, Serialize};

use super::Constraint;
use crate::engine::run::Band;
use crate::engine::sim::{Replication, Weekly};
use crate::format::money;
use crate::model::params::Side;
use crate::model::{Param, Scenario};

/// A lever whose marginal value is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lever {
    MoreLeads,
    OneMoreSdr,
    OneMoreAe,
    ThresholdUp,
    ThresholdDown,
    OneMoreAttempt,
    FasterResponse,
    CutWorstChannel,
}

impl Lever {
    pub const ALL: [Lever; 8] = [
        Lever::MoreLeads,
        Lever::OneMoreSdr,
        Lever::OneMoreAe,
        Lever::ThresholdUp,
        Lever::ThresholdDown,
        Lever::OneMoreAttempt,
        Lever::FasterResponse,
        Lever::CutWorstChannel,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Lever::MoreLeads => "+10% leads",
            Lever::OneMoreSdr => "one more SDR",
            Lever::OneMoreAe => "one more AE",
            Lever::ThresholdUp => "MQL threshold +5",
            Lever::ThresholdDown => "MQL threshold -5",
            Lever::OneMoreAttempt => "one more attempt per lead",
            Lever::FasterResponse => "faster response (half, at most 1 h)",
            Lever::CutWorstChannel => "dropping the lowest-quality channel",
        }
    }

    /// The label with the scenario's particulars (which channel is dropped).
    pub fn describe(self, s: &Scenario) -> String {
        match (self, worst_channel(s).and_then(|i| s.channels.get(i))) {
            (Lever::CutWorstChannel, Some(c)) => format!("dropping {}", c.name),
            _ => self.label().into(),
        }
    }

    /// The constraint this lever relieves: a lever that clearly adds bookings is evidence
    /// that its constraint binds.
    pub fn relieves(self) -> Constraint {
        match self {
            Lever::MoreLeads | Lever::ThresholdDown => Constraint::Volume,
            Lever::OneMoreSdr => Constraint::SalesCapacity,
            Lever::OneMoreAttempt | Lever::FasterResponse => Constraint::FollowUpPractice,
            Lever::OneMoreAe => Constraint::ClosingCapacity,
            Lever::ThresholdUp | Lever::CutWorstChannel => Constraint::Quality,
        }
    }

    /// Applies the lever to a scenario: one step of the parameter table, clamped to the
    /// valid range.
    pub fn apply(self, s: &mut Scenario) {
        match self {
            Lever::MoreLeads => {
                for ch in 0..s.channels.len() {
                    Param::LeadsPerWeek.step(s, ch, Side::High);
                    Param::BurstExtraLeadsPerWeek.step(s, ch, Side::High);
                }
            }
            Lever::OneMoreSdr => Param::SdrHeadcount.step(s, 0, Side::High),
            Lever::OneMoreAe => Param::AeHeadcount.step(s, 0, Side::High),
            Lever::ThresholdUp => {
                Param::MqlThreshold.step(s, 0, Side::High);
                s.thresholds.keep_hot_above_mql();
            }
            Lever::ThresholdDown => Param::MqlThreshold.step(s, 0, Side::Low),
            Lever::OneMoreAttempt => Param::MaxAttempts.step(s, 0, Side::High),
            Lever::FasterResponse => {
                // Halved, and at most an hour: a lever a team can promise tomorrow.
                Param::TargetResponseMinutes.step(s, 0, Side::Low);
                s.sdr.target_response_minutes = s.sdr.target_response_minutes.min(60.0);
            }
            Lever::CutWorstChannel => {
                if let Some(c) = worst_channel(s).and_then(|i| s.channels.get_mut(i)) {
                    c.leads_per_week = 0.0;
                    c.burst = None;
                }
            }
        }
    }

    /// Whether the lever changes anything in this scenario (a channel can be dropped only
    /// when another one still brings leads).
    pub fn applies(self, s: &Scenario) -> bool {
        match self {
            Lever::CutWorstChannel => worst_channel(s).is_some(),
            _ => true,
        }
    }
}

/// Whether a channel brings any leads.
fn brings_leads(c: &crate::model::Channel) -> bool {
    c.leads_per_week > 0.0
        || c.burst
            .as_ref()
            .is_some_and(|b| b.extra_leads_per_week > 0.0)
}

/// The channel with the lowest average propensity among those that bring leads, if at least
/// two do (the first such channel on a tie).
pub(super) fn worst_channel(s: &Scenario) -> Option<usize> {
    let live: Vec<(usize, f64)> = s
        .channels
        .iter()
        .enumerate()
        .filter(|(_, c)| brings_leads(c))
        .map(|(i, c)| (i, c.quality_mean_percent))
        .collect();
    if live.len() < 2 {
        return None;
    }
    live.iter().min_by(|a, b| a.1.total_cmp(&b.1)).map(|x| x.0)
}

/// The marginal effect of one lever on bookings (lever minus base, replication by
/// replication, same random numbers).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeverEffect {
    pub lever: Lever,
    pub label: String,
    /// The change in each paired replication: mean and P10/P50/P90. The spread is wide even
    /// for a lever that surely helps: the same random numbers cannot pair every lead once
    /// the volumes differ.
    pub bookings_delta: Band,
    /// 90% confidence interval of the mean change (normal approximation over the paired
    /// replications): how sure the estimate is. More replications narrow it. None with
    /// fewer than two replications, which show no spread to measure.
    #[serde(default)]
    pub mean_ci: Option<(f64, f64)>,
    /// How many paired replications measured it.
    #[serde(default)]
    pub pairs: usize,
}

impl LeverEffect {
    /// The change in each pair `(lever, base)` of bookings.
    pub fn from_pairs(lever: Lever, deltas: &[f64]) -> LeverEffect {
        let bookings_delta = Band::of(deltas);
        let pairs = deltas.iter().filter(|x| x.is_finite()).count();
        LeverEffect {
            lever,
            label: lever.label().into(),
            mean_ci: mean_interval(deltas, pairs, bookings_delta.mean),
            pairs,
            bookings_delta,
        }
    }

    /// The lever adds bookings beyond doubt: its whole confidence interval is above zero.
    pub fn clearly_adds(&self) -> bool {
        self.mean_ci.is_some_and(|(low, _)| low > 0.0)
    }
}

/// z of a two-sided 90% interval.
pub(super) const Z90: f64 = 1.644_853_626_951_472_2;

/// The 90% confidence interval of the mean of the `n` finite values of `xs` (`mean` is
/// theirs), if there are at least two.
pub(crate) fn mean_interval(xs: &[f64], n: usize, mean: f64) -> Option<(f64, f64)> {
    if n < 2 {
        return None;
    }
    let var = xs
        .iter()
        .filter(|x| x.is_finite())
        .map(|x| (x - mean).powi(2))
        .sum::<f64>()
        / (n - 1) as f64;
    let half = Z90 * (var / n as f64).sqrt();
    Some((mean - half, mean + half))
}

/// The verdict from the levers: the constraints relieved by the levers that clearly add
/// bookings, largest gain first; "balanced" when none does. `None` before any lever is
/// measured (the heuristics speak until then).
pub(super) fn lever_binding(levers: &[LeverEffect]) -> Option<Vec<Constraint>> {
    if levers.iter().all(|l| l.mean_ci.is_none()) {
        return None;
    }
    let mut out: Vec<Constraint> = Vec::new();
    let best = levers
        .iter()
        .find(|l| l.clearly_adds())
        .map_or(0.0, |l| l.bookings_delta.mean);
    // Named beside the first: constraints whose lever adds at least two thirds as much.
    let close = levers
        .iter()
        .filter(|l| l.clearly_adds() && l.bookings_delta.mean >= best * 2.0 / 3.0);
    for l in close {
        let c = l.lever.relieves();
        if !out.contains(&c) {
            out.push(c);
        }
    }
    if out.is_empty() {
        out.push(Constraint::Balanced);
    }
    Some(out)
}

/// A period's verdict from the levers: the constraints of the levers that clearly add to the
/// period's bookings (paired replication by replication). `None` when no lever clearly adds
/// there (one period's bookings are few and noisy, and the first periods' wait for the sales
/// cycle): the period's utilisation heuristics speak instead.
pub(super) fn period_lever_binding(
    base: &[Replication],
    lever_runs: &[(Lever, Vec<Replication>)],
    weeks: std::ops::Range<usize>,
) -> Option<Vec<Constraint>> {
    let booked = |r: &Replication| -> f64 {
        let ws = r.weekly.get(weeks.clone()).unwrap_or(&[]);
        ws.iter().map(|w| w[Weekly::Bookings.index()]).sum()
    };
    let levers = lever_effects(base, lever_runs, booked);
    lever_binding(&levers).filter(|b| b.first() != Some(&Constraint::Balanced))
}

/// Each lever's paired change in `measure` (lever replication minus the base replication of
/// the same index), largest mean first.
pub(super) fn lever_effects(
    base: &[Replication],
    lever_runs: &[(Lever, Vec<Replication>)],
    measure: impl Fn(&Replication) -> f64,
) -> Vec<LeverEffect> {
    let base_values: Vec<f64> = base.iter().map(&measure).collect();
    let mut levers: Vec<LeverEffect> = lever_runs
        .iter()
        .map(|(lever, reps)| {
            let deltas: Vec<f64> = reps
                .iter()
                .zip(&base_values)
                .map(|(r, b)| measure(r) - b)
                .collect();
            LeverEffect::from_pairs(*lever, &deltas)
        })
        .collect();
    levers.sort_by(|a, b| b.bookings_delta.mean.total_cmp(&a.bookings_delta.mean));
    levers
}
/// "Best next lever: ..." with how sure it is, or why no lever is named.
pub(super) fn lever_sentence(levers: &[LeverEffect], best: Option<Lever>) -> String {
    let interval = |l: &LeverEffect| match l.mean_ci {
        Some((low, high)) => format!("90% confidence {} to {}", money(low), money(high)),
        None => "one replication cannot say how sure".into(),
    };
    if let Some(l) = best.and_then(|b| levers.iter().find(|l| l.lever == b)) {
        return format!(
            "Best next lever: {} adds about {} ({}).",
            l.label,
            money(l.bookings_delta.mean),
            interval(l)
        );
    }
    match levers.first().filter(|l| l.bookings_delta.mean > 0.0) {
        Some(l) => format!(
            "No lever tested clearly adds bookings: {} adds about {} on average, but that is within the noise ({}).",
            l.label,
            money(l.bookings_delta.mean),
            interval(l)
        ),
        None => "No lever tested adds bookings.".into(),
    }
}
