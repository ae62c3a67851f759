//! Bottleneck diagnosis across teams: which constraint binds (overall and per four-week
//! period), the evidence, and the marginal bookings of each lever measured with common
//! random numbers, ranked, with a plain-language summary.

use serde::{Deserialize, Serialize};

use crate::engine::run::{replications, Band};
use crate::engine::sim::{Replication, Total, Weekly};
use crate::format::{count, hours, money, percent};
use crate::model::{Scenario, ValidScenario};

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
                s.sdr.target_response_minutes =
                    (s.sdr.target_response_minutes / 2.0).clamp(1.0, 60.0);
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
fn worst_channel(s: &Scenario) -> Option<usize> {
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

/// Thresholds of the utilisation heuristics (used per period, and for the run until the
/// levers are measured).
const SATURATED: f64 = 0.9;
/// Fewer SQLs per contacted MQL than this is poor quality (Baseline has about 0.2).
const POOR_SQL_PER_CONTACT: f64 = 0.1;
/// A median speed-to-lead of an hour or more with SDRs not saturated is slow practice (HBR:
/// within the hour ~7x as likely to qualify).
const SLOW_RESPONSE_HOURS: f64 = 1.0;

fn mean(v: impl Iterator<Item = f64>) -> f64 {
    let (s, n) = v.fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
    if n == 0 {
        0.0
    } else {
        s / n as f64
    }
}

/// What the heuristics look at, for the run or one period.
#[derive(Debug, Clone, Copy)]
struct Signals {
    sdr_util: f64,
    ae_util: f64,
    untouched: f64,
    speed_ratio: f64,
    speed_hours: f64,
    growing: bool,
    sql_per_contact: f64,
    waiting: f64,
}

/// The utilisation heuristics: what the figures suggest binds, most binding first.
fn classify(x: Signals) -> Vec<Constraint> {
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

/// The verdict from the levers: the constraints relieved by the levers that clearly add
/// bookings, largest gain first; "balanced" when none does. `None` before any lever is
/// measured (the heuristics speak until then).
fn lever_binding(levers: &[LeverEffect]) -> Option<Vec<Constraint>> {
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
fn period_lever_binding(
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
fn lever_effects(
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
    let names: Vec<&str> = binding.iter().map(|c| c.label()).collect();
    if let Some(first) = binding.first() {
        parts.push(format!(
            "The funnel is {} ({}).",
            names.join(" and "),
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
    fn the_levers_name_the_binding_constraint() {
        let ae = LeverEffect::from_pairs(Lever::OneMoreAe, &[90e3, 110e3, 95e3, 105e3]);
        let speed = LeverEffect::from_pairs(Lever::FasterResponse, &[70e3, 80e3, 75e3, 75e3]);
        let leads = LeverEffect::from_pairs(Lever::MoreLeads, &[40e3, 50e3, 45e3, 45e3]);
        let noisy = LeverEffect::from_pairs(Lever::ThresholdUp, &[-300e3, 500e3, -280e3, 480e3]);
        // Largest clear gain first; a second constraint only within two thirds of it.
        let all = [ae.clone(), speed.clone(), noisy.clone(), leads.clone()];
        assert_eq!(
            lever_binding(&all),
            Some(vec![
                Constraint::ClosingCapacity,
                Constraint::FollowUpPractice
            ])
        );
        // A noisy lever with a larger mean is not evidence.
        let mut first_noisy = vec![noisy.clone()];
        first_noisy.push(leads.clone());
        assert_eq!(lever_binding(&first_noisy), Some(vec![Constraint::Volume]));
        // Nothing clear: balanced at this scale.
        assert_eq!(
            lever_binding(std::slice::from_ref(&noisy)),
            Some(vec![Constraint::Balanced])
        );
        // Not measured yet: the heuristics speak.
        assert_eq!(lever_binding(&[]), None);
        let one = LeverEffect::from_pairs(Lever::OneMoreAe, &[5.0]);
        assert_eq!(lever_binding(&[one]), None);
    }

    #[test]
    fn the_heuristics_do_not_call_ordinary_b2b_leads_poor() {
        // Baseline-like figures: most SDR time goes to leads that do not qualify, as it
        // always does in B2B; that alone is not a quality problem.
        let ordinary = Signals {
            sdr_util: 0.55,
            ae_util: 0.6,
            untouched: 0.0,
            speed_ratio: 1.0,
            speed_hours: 0.25,
            growing: false,
            sql_per_contact: 0.3,
            waiting: 0.0,
        };
        assert_eq!(classify(ordinary), vec![Constraint::Volume]);
        let slow = Signals {
            speed_ratio: 1.0,
            speed_hours: 30.0,
            ..ordinary
        };
        assert_eq!(classify(slow), vec![Constraint::FollowUpPractice]);
        let flooded = Signals {
            sdr_util: 0.99,
            speed_ratio: 36.0,
            speed_hours: 9.0,
            sql_per_contact: 0.06,
            ..ordinary
        };
        assert_eq!(
            classify(flooded),
            vec![Constraint::SalesCapacity, Constraint::Quality]
        );
    }

    #[test]
    fn dropping_a_channel_needs_another_one_and_takes_the_worst() {
        let mut s = Scenario::default();
        let worst = s
            .channels
            .iter()
            .enumerate()
            .min_by(|a, b| {
                a.1.quality_mean_percent
                    .total_cmp(&b.1.quality_mean_percent)
            })
            .map(|x| x.0);
        assert!(Lever::CutWorstChannel.applies(&s));
        assert_eq!(worst_channel(&s), worst);
        let name = s.channels[worst.unwrap_or(0)].name.clone();
        assert_eq!(
            Lever::CutWorstChannel.describe(&s),
            format!("dropping {name}")
        );
        Lever::CutWorstChannel.apply(&mut s);
        assert_eq!(s.channels[worst.unwrap_or(0)].leads_per_week, 0.0);
        s.channels.truncate(1);
        assert!(!Lever::CutWorstChannel.applies(&s));
    }

    #[test]
    fn every_lever_relieves_a_constraint_of_its_own_team() {
        assert_eq!(Lever::OneMoreAe.relieves(), Constraint::ClosingCapacity);
        assert_eq!(Lever::OneMoreSdr.relieves(), Constraint::SalesCapacity);
        assert_eq!(
            Lever::FasterResponse.relieves(),
            Constraint::FollowUpPractice
        );
        assert_eq!(
            Lever::OneMoreAttempt.relieves(),
            Constraint::FollowUpPractice
        );
        assert_eq!(Lever::CutWorstChannel.relieves(), Constraint::Quality);
        assert_eq!(Lever::MoreLeads.relieves(), Constraint::Volume);
        assert_eq!(Lever::ThresholdUp.relieves(), Constraint::Quality);
    }
}
