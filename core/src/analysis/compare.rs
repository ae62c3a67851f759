//! Scenario A against scenario B: the headline KPIs of both runs side by side and the band of
//! their difference, replication by replication. Both runs use the same seed, so replication
//! `i` of A and replication `i` of B share their random numbers mechanism by mechanism
//! (common random numbers) and the difference band shows the effect of the change rather than
//! the noise of two independent samples.

use serde::{Deserialize, Serialize};

use crate::engine::run::{Band, RunResult};
use crate::engine::sim::{Replication, Total};
use crate::format::Unit;
use crate::model::ValidScenario;

/// The eight headline KPIs, in the order of the KPI row.
pub const HEADLINE: [Total; 8] = [
    Total::Bookings,
    Total::Roi,
    Total::CostPerWon,
    Total::Mqls,
    Total::Sqls,
    Total::Won,
    Total::MedianSpeedToLeadHours,
    Total::ShareMqlsNeverTouched,
];

/// Every KPI a comparison reports, in order: the headline KPIs, then costs and utilisation.
pub const COMPARED: [Total; 12] = [
    Total::Bookings,
    Total::Roi,
    Total::CostPerWon,
    Total::Mqls,
    Total::Sqls,
    Total::Won,
    Total::MedianSpeedToLeadHours,
    Total::ShareMqlsNeverTouched,
    Total::MarketingCost,
    Total::SalesCost,
    Total::SdrUtilisation,
    Total::AeUtilisation,
];

/// The funnel stages, top to bottom; each is named by its [`Total::short_label`].
pub const FUNNEL_STAGES: [Total; 7] = [
    Total::Inquiries,
    Total::Mqls,
    Total::Contacts,
    Total::Sals,
    Total::Sqls,
    Total::OppsOpened,
    Total::Won,
];

/// One KPI of A and of B, and the change from A to B.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KpiDelta {
    pub metric: Total,
    pub label: String,
    pub unit: Unit,
    /// The KPI across the paired replications of A.
    pub a: Band,
    /// The KPI across the paired replications of B.
    pub b: Band,
    /// The band of `b_i - a_i` over the paired replications `i`.
    pub delta: Band,
    /// `(median B - median A) / |median A|`, when median A is non-zero and both are finite.
    pub relative: Option<f64>,
}

/// The comparison of two runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// Replications paired: the first `min(len A, len B)` of each run.
    pub replications: usize,
    /// Whether A and B were run with the same seed, so that paired replications share their
    /// random numbers. When false the delta band mixes the change with sampling noise.
    pub common_random_numbers: bool,
    /// One row per KPI of [`COMPARED`], in that order.
    pub rows: Vec<KpiDelta>,
}

impl KpiDelta {
    /// Median of B minus median of A: the change the two columns show, and the one
    /// [`KpiDelta::relative`] expresses as a share. The median of the paired differences can
    /// be zero while the medians differ (most pairs unchanged, a few moved).
    pub fn median_change(&self) -> f64 {
        self.b.p50 - self.a.p50
    }
}

impl Comparison {
    /// The row of one KPI, if the comparison reports it.
    pub fn row(&self, metric: Total) -> Option<&KpiDelta> {
        self.rows.iter().find(|r| r.metric == metric)
    }
}

/// `(b - a) / |a|`, when defined.
fn relative_change(a: f64, b: f64) -> Option<f64> {
    let r = (b - a) / a.abs();
    (a != 0.0 && r.is_finite()).then_some(r)
}

/// Compares the replications of scenario A with those of scenario B, pairing replication `i`
/// of A with replication `i` of B over the first `min(a_reps.len(), b_reps.len())`.
pub fn compare(
    a: &ValidScenario,
    a_reps: &[Replication],
    b: &ValidScenario,
    b_reps: &[Replication],
) -> Comparison {
    let n = a_reps.len().min(b_reps.len());
    let rows = COMPARED
        .iter()
        .map(|&t| {
            let av: Vec<f64> = a_reps.iter().take(n).map(|r| r.total(t)).collect();
            let bv: Vec<f64> = b_reps.iter().take(n).map(|r| r.total(t)).collect();
            let dv: Vec<f64> = av.iter().zip(&bv).map(|(x, y)| y - x).collect();
            let (a_band, b_band) = (Band::of(&av), Band::of(&bv));
            KpiDelta {
                metric: t,
                label: t.label().into(),
                unit: t.unit(),
                a: a_band,
                b: b_band,
                delta: Band::of(&dv),
                relative: relative_change(a_band.p50, b_band.p50),
            }
        })
        .collect();
    Comparison {
        replications: n,
        common_random_numbers: a.get().run.seed == b.get().run.seed,
        rows,
    }
}

/// The band of each funnel stage of a run ([`FUNNEL_STAGES`]), top to bottom.
pub fn funnel_stages(r: &RunResult) -> Vec<(&'static str, Band)> {
    FUNNEL_STAGES
        .iter()
        .map(|&t| (t.short_label(), r.kpi(t)))
        .collect()
}

/// The median of each funnel stage in A and in B: the input of
/// [`crate::charts::funnel_pair_svg`].
pub fn funnel_pairs(a: &RunResult, b: &RunResult) -> Vec<(&'static str, f64, f64)> {
    FUNNEL_STAGES
        .iter()
        .map(|&t| (t.short_label(), a.kpi(t).p50, b.kpi(t).p50))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_change_is_undefined_from_zero() {
        assert_eq!(relative_change(0.0, 5.0), None);
        assert_eq!(relative_change(-2.0, -1.0), Some(0.5));
        assert_eq!(relative_change(4.0, 2.0), Some(-0.5));
        assert_eq!(relative_change(f64::NAN, 2.0), None);
    }

    #[test]
    fn compared_starts_with_the_headline_kpis() {
        assert_eq!(COMPARED[..HEADLINE.len()], HEADLINE);
    }
}
