//! SLA attainment: marketing's promise (MQLs per month and their quality) and sales' promise
//! (share of MQLs first touched within the target time, attempts before giving up), per
//! four-week period, with the share of replications in which each promise holds.

use serde::{Deserialize, Serialize};

use crate::engine::run::Band;
use crate::engine::sim::{Replication, Weekly};
use crate::model::{Sla, ValidScenario};

/// Weeks per SLA period ("month").
pub const PERIOD_WEEKS: usize = 4;

/// Attainment of one period.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SlaPeriod {
    /// 1-based period number.
    pub period: usize,
    pub first_week: usize,
    pub weeks: usize,
    /// MQLs delivered in the period.
    pub mqls: Band,
    /// Delivered / promised MQL volume (1 = exactly as promised).
    pub mql_attainment: Band,
    /// Share of contacted MQLs accepted by sales (marketing's quality).
    pub accept_share: Band,
    /// Share of MQLs first touched within the SLA time (of those touched or abandoned).
    pub touched_within_share: Band,
    /// Average attempts on leads given up without contact.
    pub attempts_per_unreached: Band,
    /// Share of replications in which each promise held in this period.
    pub p_volume_kept: f64,
    pub p_quality_kept: f64,
    pub p_touch_kept: f64,
    pub p_attempts_kept: f64,
}

/// The SLA view of a run.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SlaReport {
    pub periods: Vec<SlaPeriod>,
    /// Share of replications in which marketing's volume promise held in every period.
    pub p_volume_always: f64,
    pub p_quality_always: f64,
    pub p_touch_always: f64,
    pub p_attempts_always: f64,
    /// Share of period-replications in which each promise held.
    pub volume_kept_share: f64,
    pub quality_kept_share: f64,
    pub touch_kept_share: f64,
    pub attempts_kept_share: f64,
}

/// One period of one replication: the figures each promise is judged on.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct PeriodFigures {
    /// Weeks in the period (the last one may be shorter than [`PERIOD_WEEKS`]).
    pub weeks: usize,
    pub mqls: f64,
    /// Share of contacted MQLs accepted by sales; `None` when nobody was contacted.
    pub accept_share: Option<f64>,
    /// Share of decided first touches made within the SLA time; `None` when none was decided.
    pub touched_within_share: Option<f64>,
    /// Average attempts on leads given up without contact; `None` when none was given up.
    pub attempts_per_unreached: Option<f64>,
}

/// Whether each part of the two promises held in a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kept {
    pub volume: bool,
    pub quality: bool,
    pub touch: bool,
    pub attempts: bool,
}

impl Kept {
    /// The four parts in the report's order: volume, quality, touch, attempts.
    pub fn parts(self) -> [bool; 4] {
        [self.volume, self.quality, self.touch, self.attempts]
    }
    /// Both teams' promises held.
    pub fn all(self) -> bool {
        self.parts().iter().all(|&k| k)
    }
}

impl PeriodFigures {
    /// The figures of weeks `first..last` of a replication.
    pub fn of(r: &Replication, first: usize, last: usize) -> PeriodFigures {
        let sum = |m: Weekly| -> f64 {
            r.weekly
                .get(first..last)
                .map_or(0.0, |ws| ws.iter().map(|w| w[m.index()]).sum())
        };
        let ratio = |num: Weekly, den: Weekly| {
            let d = sum(den);
            (d > 0.0).then(|| sum(num) / d)
        };
        PeriodFigures {
            weeks: last.saturating_sub(first),
            mqls: sum(Weekly::Mqls),
            accept_share: ratio(Weekly::Sals, Weekly::Contacts),
            touched_within_share: ratio(Weekly::TouchedWithinSla, Weekly::FirstTouchDecided),
            attempts_per_unreached: ratio(Weekly::AttemptsOnGivenUp, Weekly::GivenUpUnreached),
        }
    }

    /// Every period of a replication of a `weeks`-week run.
    pub fn periods(r: &Replication, weeks: usize) -> Vec<PeriodFigures> {
        (0..weeks.div_ceil(PERIOD_WEEKS))
            .map(|p| {
                let first = p * PERIOD_WEEKS;
                PeriodFigures::of(r, first, (first + PERIOD_WEEKS).min(weeks))
            })
            .collect()
    }

    /// MQLs promised for this period (the monthly promise pro rata).
    pub fn promised_mqls(&self, sla: &Sla) -> f64 {
        sla.mqls_per_month * self.weeks as f64 / PERIOD_WEEKS as f64
    }

    /// Whether each part held. A part with nothing to judge (no contact, no decided touch,
    /// nobody given up) counts as kept.
    pub fn kept(&self, sla: &Sla) -> Kept {
        Kept {
            volume: self.mqls >= self.promised_mqls(sla),
            quality: self
                .accept_share
                .is_none_or(|a| a * 100.0 >= sla.min_accept_percent),
            touch: self
                .touched_within_share
                .is_none_or(|t| t * 100.0 >= sla.touched_share_percent),
            attempts: self
                .attempts_per_unreached
                .is_none_or(|k| k >= sla.attempts_per_unreached),
        }
    }
}

/// Computes the SLA report from raw replications.
pub fn attainment(v: &ValidScenario, reps: &[Replication]) -> SlaReport {
    let s = &v.get().sla;
    let weeks = v.weeks();
    let nper = weeks.div_ceil(PERIOD_WEEKS);
    let mut report = SlaReport::default();
    let mut always = vec![[true; 4]; reps.len()];
    let mut kept_counts = [0usize; 4];
    let mut cells = 0usize;
    for p in 0..nper {
        let first = p * PERIOD_WEEKS;
        let last = (first + PERIOD_WEEKS).min(weeks);
        let mut mqls = Vec::new();
        let mut att = Vec::new();
        let mut acc = Vec::new();
        let mut touch = Vec::new();
        let mut tries = Vec::new();
        let mut kept = [0usize; 4];
        for (ri, r) in reps.iter().enumerate() {
            let f = PeriodFigures::of(r, first, last);
            let promised = f.promised_mqls(s);
            mqls.push(f.mqls);
            att.push(if promised > 0.0 {
                f.mqls / promised
            } else {
                1.0
            });
            acc.push(f.accept_share.unwrap_or(f64::NAN));
            touch.push(f.touched_within_share.unwrap_or(f64::NAN));
            tries.push(f.attempts_per_unreached.unwrap_or(f64::NAN));
            for (j, ok) in f.kept(s).parts().into_iter().enumerate() {
                if ok {
                    kept[j] += 1;
                    kept_counts[j] += 1;
                } else if let Some(a) = always.get_mut(ri) {
                    a[j] = false;
                }
            }
            cells += 1;
        }
        let n = reps.len().max(1) as f64;
        report.periods.push(SlaPeriod {
            period: p + 1,
            first_week: first + 1,
            weeks: last - first,
            mqls: Band::of(&mqls),
            mql_attainment: Band::of(&att),
            accept_share: Band::of(&acc),
            touched_within_share: Band::of(&touch),
            attempts_per_unreached: Band::of(&tries),
            p_volume_kept: kept[0] as f64 / n,
            p_quality_kept: kept[1] as f64 / n,
            p_touch_kept: kept[2] as f64 / n,
            p_attempts_kept: kept[3] as f64 / n,
        });
    }
    let n = reps.len().max(1) as f64;
    let share_always = |j: usize| always.iter().filter(|a| a[j]).count() as f64 / n;
    report.p_volume_always = share_always(0);
    report.p_quality_always = share_always(1);
    report.p_touch_always = share_always(2);
    report.p_attempts_always = share_always(3);
    let c = cells.max(1) as f64;
    report.volume_kept_share = kept_counts[0] as f64 / c;
    report.quality_kept_share = kept_counts[1] as f64 / c;
    report.touch_kept_share = kept_counts[2] as f64 / c;
    report.attempts_kept_share = kept_counts[3] as f64 / c;
    report
}

/// Share of periods (of all replications) a promise must hold in for the SLA to be called
/// feasible.
pub const FEASIBLE_SHARE: f64 = 0.9;

/// The one-line verdict on the SLA beside its inputs.
#[derive(Debug, Clone, PartialEq)]
pub struct SlaVerdict {
    /// Whether every part of both promises holds in at least [`FEASIBLE_SHARE`] of periods.
    pub feasible: bool,
    /// "Feasible: both promises hold in ≥ 90% of periods" or "Not feasible: ... kept in only
    /// 45% of periods".
    pub line: String,
}

/// Each part of the two promises in plain words, with the share of periods it held in.
fn promise_parts(r: &SlaReport, sla: &crate::model::Sla) -> [(String, f64); 4] {
    [
        (
            format!(
                "marketing's {} MQLs per month",
                crate::format::count(sla.mqls_per_month)
            ),
            r.volume_kept_share,
        ),
        (
            format!(
                "marketing's {}% of contacted MQLs accepted",
                crate::format::plain_number(sla.min_accept_percent)
            ),
            r.quality_kept_share,
        ),
        (
            format!(
                "sales' {}% of MQLs touched within {}",
                crate::format::plain_number(sla.touched_share_percent),
                crate::format::hours(sla.touch_within_hours)
            ),
            r.touch_kept_share,
        ),
        (
            format!(
                "sales' {} attempts before giving up",
                crate::format::plain_number(sla.attempts_per_unreached)
            ),
            r.attempts_kept_share,
        ),
    ]
}

/// The SLA verdict of a report: feasible when marketing's and sales' promises each hold in
/// at least 90% of periods; otherwise the part kept least often, and how many others fail.
/// `None` before any period has been simulated.
pub fn verdict(r: &SlaReport, sla: &crate::model::Sla) -> Option<SlaVerdict> {
    if r.periods.is_empty() {
        return None;
    }
    let parts = promise_parts(r, sla);
    let mut failing: Vec<&(String, f64)> = parts
        .iter()
        .filter(|(_, share)| share.is_nan() || *share < FEASIBLE_SHARE)
        .collect();
    failing.sort_by(|a, b| a.1.total_cmp(&b.1));
    let threshold = crate::format::percent(FEASIBLE_SHARE);
    let Some((worst, share)) = failing.first() else {
        return Some(SlaVerdict {
            feasible: true,
            line: format!("Feasible: both promises hold in \u{2265} {threshold} of periods"),
        });
    };
    let more = match failing.len() - 1 {
        0 => String::new(),
        1 => format!("; 1 more part is under {threshold}"),
        n => format!("; {n} more parts are under {threshold}"),
    };
    Some(SlaVerdict {
        feasible: false,
        line: format!(
            "Not feasible: {worst} kept in only {} of periods{more}",
            crate::format::percent(*share)
        ),
    })
}

#[cfg(test)]
mod verdict_tests {
    use super::*;
    use crate::model::Sla;

    fn report(shares: [f64; 4]) -> SlaReport {
        SlaReport {
            periods: vec![SlaPeriod::default()],
            volume_kept_share: shares[0],
            quality_kept_share: shares[1],
            touch_kept_share: shares[2],
            attempts_kept_share: shares[3],
            ..SlaReport::default()
        }
    }

    #[test]
    fn a_kept_sla_is_feasible_in_one_line() {
        let v = verdict(&report([0.95, 1.0, 0.9, 0.99]), &Sla::default()).expect("periods");
        assert!(v.feasible);
        assert_eq!(
            v.line,
            "Feasible: both promises hold in \u{2265} 90% of periods"
        );
    }

    #[test]
    fn a_broken_sla_names_the_part_kept_least_often() {
        let sla = Sla::default();
        let v = verdict(&report([0.45, 0.97, 0.95, 1.0]), &sla).expect("periods");
        assert!(!v.feasible);
        assert_eq!(
            v.line,
            "Not feasible: marketing's 200 MQLs per month kept in only 45% of periods"
        );
        let v = verdict(&report([0.8, 0.97, 0.12, 0.5]), &sla).expect("periods");
        assert_eq!(
            v.line,
            "Not feasible: sales' 90% of MQLs touched within 2 h kept in only 12% of periods; 2 more parts are under 90%"
        );
        let v = verdict(&report([0.8, 0.97, f64::NAN, 1.0]), &sla).expect("periods");
        assert!(!v.feasible, "an unknown share is not a kept promise");
    }

    #[test]
    fn no_periods_no_verdict() {
        assert_eq!(verdict(&SlaReport::default(), &Sla::default()), None);
    }
}
