//! The service agreement on one page (seed 003): both teams' commitments in plain words, the
//! simulated figures behind them with their ranges, how rejected leads flow back, when the
//! teams review it, and where they sign.

use serde::{Deserialize, Serialize};

use crate::analysis::sla::SlaReport;
use crate::engine::run::Band;
use crate::format::{count, hours, percent, plain_number};
use crate::model::Scenario;

/// One commitment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Clause {
    /// "Marketing delivers at least 200 MQLs every month".
    pub text: String,
    /// What the simulation says of it ("kept in 93% of simulated months; MQLs per month
    /// P10 205 to P90 260"), when a run backs it.
    pub evidence: Option<String>,
}

/// The agreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Agreement {
    pub title: String,
    pub marketing: Vec<Clause>,
    pub sales: Vec<Clause>,
    /// How rejected and unreached leads go back, in sentences.
    pub closed_loop: Vec<String>,
    pub review: String,
    /// Who signs.
    pub signatures: [String; 2],
}

/// The pooled band of a per-period figure over every period of a report (means of the
/// periods' P10, P50 and P90: a simple summary across the year).
fn pooled(report: &SlaReport, f: impl Fn(&crate::analysis::sla::SlaPeriod) -> Band) -> Band {
    let n = report.periods.len().max(1) as f64;
    let sum = |g: fn(&Band) -> f64| report.periods.iter().map(|p| g(&f(p))).sum::<f64>() / n;
    Band {
        mean: sum(|b| b.mean),
        p10: sum(|b| b.p10),
        p50: sum(|b| b.p50),
        p90: sum(|b| b.p90),
    }
}

fn range(b: Band, show: fn(f64) -> String) -> String {
    format!("P10 {} to P90 {}", show(b.p10), show(b.p90))
}

/// The agreement for a scenario's promises; `report` (its simulated SLA attainment) adds the
/// evidence.
pub fn agreement(s: &Scenario, report: Option<&SlaReport>) -> Agreement {
    let sla = &s.sla;
    let has = report.filter(|r| !r.periods.is_empty());
    let ev = |share: fn(&SlaReport) -> f64, detail: &dyn Fn(&SlaReport) -> String| {
        has.map(|r| {
            format!(
                "kept in {} of simulated months; {}",
                percent(share(r)),
                detail(r)
            )
        })
    };
    let marketing = vec![
        Clause {
            text: format!(
                "Marketing delivers at least {} MQLs every month, scored at or above {} points.",
                count(sla.mqls_per_month),
                count(s.thresholds.mql_threshold)
            ),
            evidence: ev(|r| r.volume_kept_share, &|r| {
                format!("MQLs per month {}", range(pooled(r, |p| p.mqls), count))
            }),
        },
        Clause {
            text: format!(
                "At least {}% of the MQLs sales contacts are accepted as sales-ready.",
                plain_number(sla.min_accept_percent)
            ),
            evidence: ev(|r| r.quality_kept_share, &|r| {
                format!(
                    "share accepted {}",
                    range(pooled(r, |p| p.accept_share), percent)
                )
            }),
        },
    ];
    let sales = vec![
        Clause {
            text: format!(
                "Sales makes a first touch on at least {}% of MQLs within {}.",
                plain_number(sla.touched_share_percent),
                hours(sla.touch_within_hours)
            ),
            evidence: ev(|r| r.touch_kept_share, &|r| {
                format!(
                    "share touched in time {}",
                    range(pooled(r, |p| p.touched_within_share), percent)
                )
            }),
        },
        Clause {
            text: format!(
                "Sales makes at least {} attempts before giving up on an MQL it cannot reach.",
                plain_number(sla.attempts_per_unreached)
            ),
            evidence: ev(|r| r.attempts_kept_share, &|r| {
                format!(
                    "attempts on unreached MQLs {}",
                    range(pooled(r, |p| p.attempts_per_unreached), |x| {
                        plain_number((x * 10.0).round() / 10.0)
                    })
                )
            }),
        },
    ];
    let n = &s.nurture;
    let closed_loop = vec![
        "Sales returns every MQL it rejects with a reason: \"poor fit\" (marketing revisits scoring and targeting) or \"not ready\" (the lead goes back to nurture).".to_string(),
        format!(
            "{}% of rejected and unreached leads return to nurture, where about {}% re-engage each week for up to {} weeks.",
            plain_number(s.nurture.recycle_percent),
            plain_number(n.reengage_percent_per_week),
            plain_number(n.nurture_weeks)
        ),
    ];
    Agreement {
        title: format!("Service agreement between marketing and sales: {}", s.name),
        marketing,
        sales,
        closed_loop,
        review: "Both teams review every promise monthly, with the month's figures beside the simulated range; the MQL threshold and the promises are revisited each quarter.".into(),
        signatures: ["VP Marketing".into(), "VP Sales".into()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Preset;

    #[test]
    fn the_agreement_states_every_promise_of_the_scenario() {
        let s = Preset::ALL[0].scenario();
        let a = agreement(&s, None);
        assert!(a.marketing[0].text.contains(&count(s.sla.mqls_per_month)));
        assert!(a.sales[0].text.contains(&hours(s.sla.touch_within_hours)));
        assert!(a
            .marketing
            .iter()
            .chain(&a.sales)
            .all(|c| c.evidence.is_none()));
    }
}
