//! The utilisation heuristics: what the figures suggest binds where no lever is clear (each
//! period's verdict, and the run's until the levers are measured).

use super::Constraint;
use crate::engine::sim::{Replication, Weekly};

/// Thresholds of the utilisation heuristics (used per period, and for the run until the
/// levers are measured).
pub(super) const SATURATED: f64 = 0.9;
/// Fewer SQLs per contacted MQL than this is poor quality (Baseline has about 0.2).
pub(super) const POOR_SQL_PER_CONTACT: f64 = 0.1;
/// A median speed-to-lead of an hour or more with SDRs not saturated is slow practice (HBR:
/// within the hour ~7x as likely to qualify).
pub(super) const SLOW_RESPONSE_HOURS: f64 = 1.0;

pub(super) fn mean(v: impl Iterator<Item = f64>) -> f64 {
    let (s, n) = v.fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
    if n == 0 {
        0.0
    } else {
        s / n as f64
    }
}

/// What the heuristics look at, for the run or one period.
#[derive(Debug, Clone, Copy)]
pub(super) struct Signals {
    pub(super) sdr_util: f64,
    pub(super) ae_util: f64,
    pub(super) untouched: f64,
    pub(super) speed_ratio: f64,
    pub(super) speed_hours: f64,
    pub(super) growing: bool,
    pub(super) sql_per_contact: f64,
    pub(super) waiting: f64,
}

/// The utilisation heuristics: what the figures suggest binds, most binding first.
pub(super) fn classify(x: Signals) -> Vec<Constraint> {
    let mut out: Vec<(f64, Constraint)> = Vec::new();
    let saturated = x.sdr_util >= SATURATED;
    if saturated && (x.untouched >= 0.05 || x.speed_ratio >= 4.0 || x.growing) {
        out.push((x.sdr_util + x.untouched, Constraint::SalesCapacity));
    }
    if !saturated && x.speed_hours >= SLOW_RESPONSE_HOURS {
        out.push((1.0, Constraint::FollowUpPractice));
    }
    if x.sql_per_contact < POOR_SQL_PER_CONTACT {
        out.push((1.0 - x.sql_per_contact, Constraint::Quality));
    }
    if x.ae_util >= SATURATED && x.waiting >= 1.0 {
        out.push((x.ae_util + 0.5, Constraint::ClosingCapacity));
    }
    if out.is_empty() {
        out.push((1.0 - x.sdr_util, Constraint::Volume));
    }
    out.sort_by(|a, b| b.0.total_cmp(&a.0));
    out.dedup_by_key(|x| x.1);
    out.into_iter().map(|x| x.1).collect()
}

pub(super) fn weekly_mean(reps: &[Replication], m: Weekly, weeks: std::ops::Range<usize>) -> f64 {
    mean(reps.iter().map(|r| {
        let ws = r.weekly.get(weeks.clone()).unwrap_or(&[]);
        mean(ws.iter().map(|w| w[m.index()]))
    }))
}

pub(super) fn weekly_sum(reps: &[Replication], m: Weekly, weeks: std::ops::Range<usize>) -> f64 {
    mean(reps.iter().map(|r| {
        let ws = r.weekly.get(weeks.clone()).unwrap_or(&[]);
        ws.iter().map(|w| w[m.index()]).sum::<f64>()
    }))
}
