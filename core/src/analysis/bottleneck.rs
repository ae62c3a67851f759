//! Bottleneck diagnosis across teams: which constraint binds (overall and per four-week
//! period), the evidence, and the marginal bookings of each lever measured with common
//! random numbers, ranked, with a plain-language summary.

mod heuristics;
mod levers;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::engine::run::replications;
use crate::engine::sim::{Replication, Total, Weekly};
use crate::format::{capitalise, count, hours, percent};
use crate::model::ValidScenario;

use heuristics::{classify, mean, weekly_mean, weekly_sum, Signals};
pub(crate) use levers::mean_interval;
use levers::{lever_binding, lever_effects, lever_sentence, period_lever_binding};
pub use levers::{Lever, LeverEffect};

/// A constraint that can bind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Constraint {
    /// Follow-up capacity: SDRs saturated, queue or speed-to-lead growing, MQLs untouched.
    SalesCapacity,
    /// Follow-up practice: slow response or few attempts while the SDRs have time.
    FollowUpPractice,
    /// SDR time goes to leads that do not qualify.
    Quality,
    /// SDRs idle, queue empty: more qualified volume is needed.
    Volume,
    /// AEs full, SQLs waiting.
    ClosingCapacity,
    /// No lever tested clearly adds bookings: no single constraint holds them back at
    /// this scale.
    Balanced,
}

impl Constraint {
    pub fn label(self) -> &'static str {
        match self {
            Constraint::SalesCapacity => "sales-capacity-limited",
            Constraint::FollowUpPractice => "follow-up-practice-limited",
            Constraint::Quality => "quality-limited",
            Constraint::Volume => "volume-limited",
            Constraint::ClosingCapacity => "closing-capacity-limited",
            Constraint::Balanced => "balanced at this scale",
        }
    }
    pub fn meaning(self) -> &'static str {
        match self {
            Constraint::SalesCapacity => {
                "marketing is right: leads are not followed up, the SDRs are full"
            }
            Constraint::FollowUpPractice => {
                "marketing is right: leads are not followed up fast or often enough, though the SDRs have time"
            }
            Constraint::Quality => "sales is right: the leads are poor",
            Constraint::Volume => "marketing needs more qualified volume",
            Constraint::ClosingCapacity => "AEs are full and SQLs wait",
            Constraint::Balanced => {
                "no lever tested clearly adds bookings; no single team's constraint binds"
            }
        }
    }
}

/// Numbers behind the diagnosis (means across replications).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Evidence {
    pub sdr_utilisation: f64,
    pub ae_utilisation: f64,
    pub share_mqls_never_touched: f64,
    pub median_speed_to_lead_hours: f64,
    pub target_response_hours: f64,
    /// Share of used SDR hours spent on leads that did not qualify.
    pub sdr_time_on_unqualified: f64,
    /// SQLs per contacted MQL.
    pub sql_per_contact: f64,
    /// Average SDR queue length over the last quarter of the run vs the first quarter.
    pub queue_start: f64,
    pub queue_end: f64,
    /// Average SQLs waiting for an AE.
    pub sqls_waiting: f64,
    pub sqls_lost_waiting: f64,
}

/// The binding constraint of one period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodDiagnosis {
    pub period: usize,
    pub first_week: usize,
    pub binding: Vec<Constraint>,
}

/// The full diagnosis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnosis {
    /// Every binding constraint, most binding first.
    pub binding: Vec<Constraint>,
    pub evidence: Evidence,
    pub periods: Vec<PeriodDiagnosis>,
    /// Levers ranked by mean marginal bookings, best first.
    pub levers: Vec<LeverEffect>,
    pub best_lever: Option<Lever>,
    /// The evidence in plain words.
    pub summary: String,
    /// The best next move in plain words, with how sure it is.
    #[serde(default)]
    pub next_move: String,
}

impl Diagnosis {
    /// How many paired replications measured the levers.
    pub fn lever_pairs(&self) -> usize {
        self.levers.iter().map(|l| l.pairs).max().unwrap_or(0)
    }
}

impl Diagnosis {
    /// The verdict's headline: the binding constraints' names ("No binding constraint found"
    /// when there is none).
    pub fn headline(&self) -> String {
        if self.binding.is_empty() {
            "No binding constraint found".into()
        } else {
            capitalise(&binding_names(&self.binding))
        }
    }

    /// What the binding constraints mean, in one sentence.
    pub fn meanings(&self) -> String {
        let m: Vec<&str> = self.binding.iter().map(|c| c.meaning()).collect();
        capitalise(&m.join("; ")) + "."
    }
}

/// The binding constraints' names in one phrase, most binding first.
fn binding_names(binding: &[Constraint]) -> String {
    let names: Vec<&str> = binding.iter().map(|c| c.label()).collect();
    names.join(" and ")
}

/// Diagnoses a scenario with `n` replications per variant (base and each lever).
pub fn diagnose(v: &ValidScenario, n: usize) -> Diagnosis {
    let base = replications(v, n);
    let lever_runs: Vec<(Lever, Vec<Replication>)> = Lever::ALL
        .iter()
        .filter_map(|&lever| Some((lever, replications(&lever_scenario(v, lever)?, n))))
        .collect();
    diagnose_from(v, &base, &lever_runs)
}

/// The scenario with one lever pulled, if it is still valid.
pub fn lever_scenario(v: &ValidScenario, lever: Lever) -> Option<ValidScenario> {
    if !lever.applies(v.get()) {
        return None;
    }
    v.modified(|s| lever.apply(s)).ok()
}

/// The diagnosis from replications already run: `base` of the scenario, and for each lever
/// the same replication indices (common random numbers) of the scenario with that lever
/// pulled. Lets a caller run the replications in small batches (the app does).
pub fn diagnose_from(
    v: &ValidScenario,
    base: &[Replication],
    lever_runs: &[(Lever, Vec<Replication>)],
) -> Diagnosis {
    let s = v.get();
    let weeks = v.weeks();
    let total = |t: Total| mean(base.iter().map(|r| r.total(t)));
    let sdr_hours_used: f64 = total(Total::SdrUtilisation)
        * s.sdr.headcount
        * s.sdr.productive_hours_per_week
        * weeks as f64;
    let q = (weeks / 4).max(1);
    let evidence = Evidence {
        sdr_utilisation: total(Total::SdrUtilisation),
        ae_utilisation: total(Total::AeUtilisation),
        share_mqls_never_touched: total(Total::ShareMqlsNeverTouched),
        median_speed_to_lead_hours: total(Total::MedianSpeedToLeadHours),
        target_response_hours: s.sdr.target_response_minutes / 60.0,
        sdr_time_on_unqualified: if sdr_hours_used > 0.0 {
            (total(Total::SdrHoursOnUnqualified) / sdr_hours_used).min(1.0)
        } else {
            0.0
        },
        sql_per_contact: {
            let c = total(Total::Contacts);
            if c > 0.0 {
                total(Total::Sqls) / c
            } else {
                0.0
            }
        },
        queue_start: weekly_mean(base, Weekly::SdrQueue, 0..q),
        queue_end: weekly_mean(base, Weekly::SdrQueue, weeks - q..weeks),
        sqls_waiting: weekly_mean(base, Weekly::SqlsWaiting, 0..weeks),
        sqls_lost_waiting: mean(base.iter().map(|r| r.leaks.expired_waiting_for_ae as f64)),
    };
    let growing = |a: f64, b: f64| b > 1.5 * a + 5.0;
    let speed_ratio = |h: f64| h / evidence.target_response_hours.max(1e-6);
    let heuristics = classify(Signals {
        sdr_util: evidence.sdr_utilisation,
        ae_util: evidence.ae_utilisation,
        untouched: evidence.share_mqls_never_touched,
        speed_ratio: speed_ratio(evidence.median_speed_to_lead_hours),
        speed_hours: evidence.median_speed_to_lead_hours,
        growing: growing(evidence.queue_start, evidence.queue_end),
        sql_per_contact: evidence.sql_per_contact,
        waiting: evidence.sqls_waiting + evidence.sqls_lost_waiting,
    });
    let periods = (0..weeks.div_ceil(4))
        .map(|p| {
            let r = p * 4..((p + 1) * 4).min(weeks);
            let measured = period_lever_binding(base, lever_runs, r.clone());
            let mqls = weekly_sum(base, Weekly::Mqls, r.clone());
            let abandoned = weekly_sum(base, Weekly::AbandonedUntouched, r.clone());
            let contacts = weekly_sum(base, Weekly::Contacts, r.clone());
            let sqls = weekly_sum(base, Weekly::Sqls, r.clone());
            let spc = if contacts > 0.0 { sqls / contacts } else { 1.0 };
            let speed = weekly_mean(base, Weekly::MedianSpeedToLeadHours, r.clone());
            let heuristic = || {
                classify(Signals {
                    sdr_util: weekly_mean(base, Weekly::SdrUtilisation, r.clone()),
                    ae_util: weekly_mean(base, Weekly::AeUtilisation, r.clone()),
                    untouched: if mqls > 0.0 { abandoned / mqls } else { 0.0 },
                    speed_ratio: speed_ratio(speed),
                    speed_hours: speed,
                    growing: weekly_mean(base, Weekly::SdrQueue, r.clone())
                        > 2.0 * mqls / 4.0 + 5.0,
                    sql_per_contact: spc,
                    waiting: weekly_mean(base, Weekly::SqlsWaiting, r.clone()),
                })
            };
            PeriodDiagnosis {
                period: p + 1,
                first_week: r.start + 1,
                binding: measured.unwrap_or_else(heuristic),
            }
        })
        .collect();
    let mut levers = lever_effects(base, lever_runs, |r| r.total(Total::Bookings));
    for effect in &mut levers {
        effect.label = effect.lever.describe(s);
    }
    // The best next lever adds the most on average among those that surely add something.
    let best_lever = levers.iter().find(|l| l.clearly_adds()).map(|l| l.lever);
    // Measured effects outrank the heuristics: the levers name the binding constraint.
    let binding = lever_binding(&levers).unwrap_or(heuristics);
    let summary = summarise(&binding, &evidence);
    let next_move = lever_sentence(&levers, best_lever);
    Diagnosis {
        binding,
        evidence,
        periods,
        levers,
        best_lever,
        summary,
        next_move,
    }
}

fn summarise(binding: &[Constraint], e: &Evidence) -> String {
    let mut parts = Vec::new();
    if let Some(first) = binding.first() {
        parts.push(format!(
            "The funnel is {} ({}).",
            binding_names(binding),
            first.meaning()
        ));
    }
    parts.push(format!(
        "SDRs were busy {} of their hours; {} of MQLs were never touched; median speed-to-lead was {} against a {} target.",
        percent(e.sdr_utilisation),
        percent(e.share_mqls_never_touched),
        hours(e.median_speed_to_lead_hours),
        hours(e.target_response_hours)
    ));
    parts.push(format!(
        "{} of SDR time went to leads that did not qualify; {} SQLs per 100 contacted MQLs.",
        percent(e.sdr_time_on_unqualified),
        count(100.0 * e.sql_per_contact)
    ));
    if e.ae_utilisation > 0.0 {
        parts.push(format!(
            "AEs were {} full; {} SQLs waited on average and {} were lost waiting.",
            percent(e.ae_utilisation),
            count(e.sqls_waiting),
            count(e.sqls_lost_waiting)
        ));
    }
    parts.join(" ")
}
