//! Bottleneck diagnosis across teams: which constraint binds (overall and per four-week
//! period), the evidence, and the marginal bookings of each lever measured with common
//! random numbers, ranked, with a plain-language summary.

use serde::{Deserialize, Serialize};

use crate::engine::run::{replications, Band};
use crate::engine::sim::{Replication, Total, Weekly};
use crate::format::{count, money, percent};
use crate::model::{Scenario, ValidScenario};

/// A constraint that can bind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Constraint {
    /// SDRs saturated, queue or speed-to-lead growing, MQLs untouched.
    SalesCapacity,
    /// SDR time goes to leads that do not qualify.
    Quality,
    /// SDRs idle, queue empty: more qualified volume is needed.
    Volume,
    /// AEs full, SQLs waiting.
    ClosingCapacity,
}

impl Constraint {
    pub fn label(self) -> &'static str {
        match self {
            Constraint::SalesCapacity => "sales-capacity-limited",
            Constraint::Quality => "quality-limited",
            Constraint::Volume => "volume-limited",
            Constraint::ClosingCapacity => "closing-capacity-limited",
        }
    }
    pub fn meaning(self) -> &'static str {
        match self {
            Constraint::SalesCapacity => "marketing is right: leads are not followed up",
            Constraint::Quality => "sales is right: the leads are poor",
            Constraint::Volume => "marketing needs more qualified volume",
            Constraint::ClosingCapacity => "AEs are full and SQLs wait",
        }
    }
}

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
}

impl Lever {
    pub const ALL: [Lever; 7] = [
        Lever::MoreLeads,
        Lever::OneMoreSdr,
        Lever::OneMoreAe,
        Lever::ThresholdUp,
        Lever::ThresholdDown,
        Lever::OneMoreAttempt,
        Lever::FasterResponse,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Lever::MoreLeads => "+10% leads",
            Lever::OneMoreSdr => "one more SDR",
            Lever::OneMoreAe => "one more AE",
            Lever::ThresholdUp => "MQL threshold +5",
            Lever::ThresholdDown => "MQL threshold -5",
            Lever::OneMoreAttempt => "one more attempt per lead",
            Lever::FasterResponse => "halving the response target",
        }
    }

    /// The constraint this lever relieves: a lever that clearly adds bookings is evidence
    /// that its constraint binds.
    pub fn relieves(self) -> Constraint {
        match self {
            Lever::MoreLeads | Lever::ThresholdDown => Constraint::Volume,
            Lever::OneMoreSdr | Lever::OneMoreAttempt | Lever::FasterResponse => {
                Constraint::SalesCapacity
            }
            Lever::OneMoreAe => Constraint::ClosingCapacity,
            Lever::ThresholdUp => Constraint::Quality,
        }
    }

    /// Applies the lever to a scenario (clamped to the valid ranges).
    pub fn apply(self, s: &mut Scenario) {
        match self {
            Lever::MoreLeads => {
                for c in &mut s.channels {
                    c.leads_per_week = (c.leads_per_week * 1.1).min(100_000.0);
                    if let Some(b) = &mut c.burst {
                        b.extra_leads_per_week = (b.extra_leads_per_week * 1.1).min(100_000.0);
                    }
                }
            }
            Lever::OneMoreSdr => s.sdr.headcount = (s.sdr.headcount + 1.0).min(500.0),
            Lever::OneMoreAe => s.closing.ae_headcount = (s.closing.ae_headcount + 1.0).min(500.0),
            Lever::ThresholdUp => {
                s.thresholds.mql_threshold = (s.thresholds.mql_threshold + 5.0).min(100.0);
                if let Some(h) = &mut s.thresholds.hot_threshold {
                    *h = h.max(s.thresholds.mql_threshold);
                }
            }
            Lever::ThresholdDown => {
                s.thresholds.mql_threshold = (s.thresholds.mql_threshold - 5.0).max(0.0);
            }
            Lever::OneMoreAttempt => s.sdr.max_attempts = (s.sdr.max_attempts + 1.0).min(20.0),
            Lever::FasterResponse => {
                s.sdr.target_response_minutes = (s.sdr.target_response_minutes / 2.0).max(1.0);
            }
        }
    }
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
const Z90: f64 = 1.644_853_626_951_472_2;

/// The 90% confidence interval of the mean of the `n` finite values of `xs` (`mean` is
/// theirs), if there are at least two.
fn mean_interval(xs: &[f64], n: usize, mean: f64) -> Option<(f64, f64)> {
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

/// Thresholds of the classification.
const SATURATED: f64 = 0.9;
const IDLE: f64 = 0.7;
const POOR_SQL_PER_CONTACT: f64 = 0.25;
const WASTED_TIME: f64 = 0.8;

fn mean(v: impl Iterator<Item = f64>) -> f64 {
    let (s, n) = v.fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
    if n == 0 {
        0.0
    } else {
        s / n as f64
    }
}

/// What the classification looks at, for the run or one period.
#[derive(Debug, Clone, Copy)]
struct Signals {
    sdr_util: f64,
    ae_util: f64,
    untouched: f64,
    speed_ratio: f64,
    growing: bool,
    wasted: f64,
    sql_per_contact: f64,
    waiting: f64,
}

fn classify(x: Signals) -> Vec<Constraint> {
    let Signals {
        sdr_util,
        ae_util,
        untouched,
        speed_ratio,
        growing,
        wasted,
        sql_per_contact,
        waiting,
    } = x;
    let mut out: Vec<(f64, Constraint)> = Vec::new();
    if sdr_util >= SATURATED && (untouched >= 0.05 || speed_ratio >= 4.0 || growing) {
        out.push((sdr_util + untouched, Constraint::SalesCapacity));
    }
    if sql_per_contact < POOR_SQL_PER_CONTACT && wasted >= WASTED_TIME {
        out.push((wasted, Constraint::Quality));
    }
    if ae_util >= SATURATED && waiting >= 1.0 {
        out.push((ae_util + 0.5, Constraint::ClosingCapacity));
    }
    if out.is_empty() || (sdr_util < IDLE && untouched < 0.05) {
        out.push((1.0 - sdr_util, Constraint::Volume));
    }
    out.sort_by(|a, b| b.0.total_cmp(&a.0));
    out.dedup_by_key(|x| x.1);
    out.into_iter().map(|x| x.1).collect()
}

fn weekly_mean(reps: &[Replication], m: Weekly, weeks: std::ops::Range<usize>) -> f64 {
    mean(reps.iter().map(|r| {
        let ws = r.weekly.get(weeks.clone()).unwrap_or(&[]);
        mean(ws.iter().map(|w| w[m.index()]))
    }))
}

fn weekly_sum(reps: &[Replication], m: Weekly, weeks: std::ops::Range<usize>) -> f64 {
    mean(reps.iter().map(|r| {
        let ws = r.weekly.get(weeks.clone()).unwrap_or(&[]);
        ws.iter().map(|w| w[m.index()]).sum::<f64>()
    }))
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
    let binding = classify(Signals {
        sdr_util: evidence.sdr_utilisation,
        ae_util: evidence.ae_utilisation,
        untouched: evidence.share_mqls_never_touched,
        speed_ratio: speed_ratio(evidence.median_speed_to_lead_hours),
        growing: growing(evidence.queue_start, evidence.queue_end),
        wasted: evidence.sdr_time_on_unqualified,
        sql_per_contact: evidence.sql_per_contact,
        waiting: evidence.sqls_waiting + evidence.sqls_lost_waiting,
    });
    let periods = (0..weeks.div_ceil(4))
        .map(|p| {
            let r = p * 4..((p + 1) * 4).min(weeks);
            let mqls = weekly_sum(base, Weekly::Mqls, r.clone());
            let abandoned = weekly_sum(base, Weekly::AbandonedUntouched, r.clone());
            let contacts = weekly_sum(base, Weekly::Contacts, r.clone());
            let sqls = weekly_sum(base, Weekly::Sqls, r.clone());
            let spc = if contacts > 0.0 { sqls / contacts } else { 1.0 };
            let wasted = if contacts > 0.0 { 1.0 - spc } else { 0.0 };
            PeriodDiagnosis {
                period: p + 1,
                first_week: r.start + 1,
                binding: classify(Signals {
                    sdr_util: weekly_mean(base, Weekly::SdrUtilisation, r.clone()),
                    ae_util: weekly_mean(base, Weekly::AeUtilisation, r.clone()),
                    untouched: if mqls > 0.0 { abandoned / mqls } else { 0.0 },
                    speed_ratio: speed_ratio(weekly_mean(
                        base,
                        Weekly::MedianSpeedToLeadHours,
                        r.clone(),
                    )),
                    growing: weekly_mean(base, Weekly::SdrQueue, r.clone())
                        > 2.0 * mqls / 4.0 + 5.0,
                    wasted,
                    sql_per_contact: spc,
                    waiting: weekly_mean(base, Weekly::SqlsWaiting, r),
                }),
            }
        })
        .collect();
    let base_bookings: Vec<f64> = base.iter().map(|r| r.total(Total::Bookings)).collect();
    let mut levers: Vec<LeverEffect> = lever_runs
        .iter()
        .map(|(lever, reps)| {
            let deltas: Vec<f64> = reps
                .iter()
                .zip(&base_bookings)
                .map(|(r, b)| r.total(Total::Bookings) - b)
                .collect();
            LeverEffect::from_pairs(*lever, &deltas)
        })
        .collect();
    levers.sort_by(|a, b| b.bookings_delta.mean.total_cmp(&a.bookings_delta.mean));
    // The best next lever adds the most on average among those that surely add something.
    let best_lever = levers.iter().find(|l| l.clearly_adds()).map(|l| l.lever);
    let summary = summarise(&binding, &evidence);
    let next_move = next_move(&binding, &levers, best_lever);
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
    let names: Vec<&str> = binding.iter().map(|c| c.label()).collect();
    if let Some(first) = binding.first() {
        parts.push(format!(
            "The funnel is {} ({}).",
            names.join(" and "),
            first.meaning()
        ));
    }
    parts.push(format!(
        "SDRs were busy {} of their hours; {} of MQLs were never touched; median speed-to-lead was {} hours against a {} hour target.",
        percent(e.sdr_utilisation),
        percent(e.share_mqls_never_touched),
        crate::format::plain_number(e.median_speed_to_lead_hours),
        crate::format::plain_number(e.target_response_hours)
    ));
    parts.push(format!(
        "{} of SDR time went to leads that did not qualify; {} SQLs per contacted MQL.",
        percent(e.sdr_time_on_unqualified),
        crate::format::plain_number(e.sql_per_contact)
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

/// The lever sentence, and where the levers point when that is not what the utilisation
/// thresholds say: measured effects outrank the heuristics.
fn next_move(binding: &[Constraint], levers: &[LeverEffect], best: Option<Lever>) -> String {
    let sentence = lever_sentence(levers, best);
    match best.map(Lever::relieves) {
        Some(c) if !binding.contains(&c) => format!(
            "{sentence} The levers see more than the utilisation figures: {}.",
            what_the_levers_see(c)
        ),
        _ => sentence,
    }
}

fn what_the_levers_see(c: Constraint) -> &'static str {
    match c {
        Constraint::ClosingCapacity => {
            "AE capacity already holds bookings back, though AEs do not look full (SQLs wait and cool)"
        }
        Constraint::SalesCapacity => "the follow-up (speed, attempts, SDR time) holds bookings back",
        Constraint::Volume => "more qualified volume would add bookings",
        Constraint::Quality => "a stricter MQL threshold would add bookings",
    }
}

/// "Best next lever: ..." with how sure it is, or why no lever is named.
fn lever_sentence(levers: &[LeverEffect], best: Option<Lever>) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn the_interval_is_the_mean_plus_minus_z_standard_errors() {
        // mean 2.5, sample sd sqrt(5/3), standard error sqrt(5/12).
        let e = LeverEffect::from_pairs(Lever::OneMoreAe, &[1.0, 2.0, 3.0, 4.0]);
        let half = Z90 * (5.0_f64 / 12.0).sqrt();
        let (low, high) = e.mean_ci.expect("four pairs measure a spread");
        assert!(
            close(low, 2.5 - half) && close(high, 2.5 + half),
            "{low} {high}"
        );
        assert!(e.clearly_adds());
        // Non-finite pairs are left out, as in the band.
        let f = LeverEffect::from_pairs(Lever::OneMoreAe, &[1.0, f64::NAN, 2.0, 3.0, 4.0]);
        assert_eq!(f.mean_ci, e.mean_ci);
        assert_eq!((e.pairs, f.pairs), (4, 4));
    }

    #[test]
    fn an_effect_within_the_noise_or_unmeasured_is_not_clear() {
        let noisy = LeverEffect::from_pairs(Lever::MoreLeads, &[-10.0, 12.0, -9.0, 11.0]);
        assert!(noisy.bookings_delta.mean > 0.0 && !noisy.clearly_adds());
        let none = LeverEffect::from_pairs(Lever::MoreLeads, &[]);
        assert_eq!(none.mean_ci, None);
        assert!(!none.clearly_adds());
        let one = LeverEffect::from_pairs(Lever::MoreLeads, &[5.0]);
        assert_eq!(one.mean_ci, None);
        assert!(!one.clearly_adds());
        let zero = LeverEffect::from_pairs(Lever::OneMoreSdr, &[0.0; 5]);
        assert_eq!(zero.mean_ci, Some((0.0, 0.0)));
        assert!(!zero.clearly_adds());
    }

    #[test]
    fn the_sentence_names_a_lever_only_when_it_surely_adds() {
        let sure = LeverEffect::from_pairs(Lever::OneMoreAe, &[90e3, 110e3, 95e3, 105e3]);
        let noisy = LeverEffect::from_pairs(Lever::MoreLeads, &[-300e3, 500e3, -280e3, 480e3]);
        let s = lever_sentence(&[noisy.clone(), sure.clone()], Some(Lever::OneMoreAe));
        assert!(
            s.starts_with("Best next lever: one more AE adds about $100K (90% confidence $"),
            "{s}"
        );
        let s = lever_sentence(std::slice::from_ref(&noisy), None);
        assert!(
            s.starts_with("No lever tested clearly adds bookings: +10% leads adds about $100K"),
            "{s}"
        );
        let worse = LeverEffect::from_pairs(Lever::ThresholdUp, &[-5.0, -6.0]);
        assert_eq!(
            lever_sentence(&[worse], None),
            "No lever tested adds bookings."
        );
    }

    #[test]
    fn the_next_move_says_where_the_levers_see_more_than_the_headline() {
        let sure = LeverEffect::from_pairs(Lever::OneMoreAe, &[90e3, 110e3, 95e3, 105e3]);
        let levers = [sure];
        let best = Some(Lever::OneMoreAe);
        let agrees = next_move(&[Constraint::ClosingCapacity], &levers, best);
        assert_eq!(agrees, lever_sentence(&levers, best));
        let differs = next_move(&[Constraint::Volume], &levers, best);
        assert!(
            differs.starts_with(&agrees)
                && differs.contains("AE capacity already holds bookings back"),
            "{differs}"
        );
        // No clear lever, nothing to point at.
        assert_eq!(
            next_move(&[Constraint::Volume], &levers, None),
            lever_sentence(&levers, None)
        );
    }

    #[test]
    fn every_lever_relieves_a_constraint_of_its_own_team() {
        assert_eq!(Lever::OneMoreAe.relieves(), Constraint::ClosingCapacity);
        assert_eq!(Lever::OneMoreSdr.relieves(), Constraint::SalesCapacity);
        assert_eq!(Lever::FasterResponse.relieves(), Constraint::SalesCapacity);
        assert_eq!(Lever::MoreLeads.relieves(), Constraint::Volume);
        assert_eq!(Lever::ThresholdUp.relieves(), Constraint::Quality);
    }
}
