#![cfg(not(target_arch = "wasm32"))]
//! Every preset tells its story (MODEL.md presets, issue "A verdict a VP can trust"): the
//! verdict, derived from the levers measured with common random numbers, names the team the
//! story says, and no lever moves bookings the opposite way the sources say.

use handoff_core::analysis::{diagnose, run, Constraint, Diagnosis, Lever, RunReport};
use handoff_core::engine::Total;
use handoff_core::model::{Preset, ValidScenario};

/// Replications per arm: enough for clear 90% intervals on the presets' main levers.
const N: usize = 60;

fn valid(p: Preset) -> ValidScenario {
    ValidScenario::try_from(p.scenario()).expect("presets are valid")
}

fn diagnosed(p: Preset) -> (RunReport, Diagnosis) {
    let v = valid(p).with_replications(N);
    (run(&v), diagnose(&v, N))
}

fn lever(d: &Diagnosis, l: Lever) -> &handoff_core::analysis::LeverEffect {
    d.levers
        .iter()
        .find(|x| x.lever == l)
        .unwrap_or_else(|| panic!("{l:?} measured"))
}

/// Faster response, one more SDR and one more AE may add nothing, but never surely subtract.
fn no_capacity_lever_surely_costs(p: Preset, d: &Diagnosis) {
    for l in [Lever::FasterResponse, Lever::OneMoreSdr, Lever::OneMoreAe] {
        let e = lever(d, l);
        let (_, high) = e.mean_ci.expect("measured on many pairs");
        assert!(
            high >= 0.0,
            "{p:?}: {} surely lowers bookings ({:?})",
            e.label,
            e.mean_ci
        );
    }
}

#[test]
fn baseline_extra_sdr_changes_little_and_stage_rates_are_published_ones() {
    let (r, d) = diagnosed(Preset::Baseline);
    no_capacity_lever_surely_costs(Preset::Baseline, &d);
    let bookings = r.kpi(Total::Bookings).mean;
    // SDRs have slack: an extra one changes almost nothing, and pairs tightly (per-lead
    // random numbers: a capacity change alters only what capacity changes).
    let sdr = lever(&d, Lever::OneMoreSdr);
    assert!(
        sdr.bookings_delta.mean.abs() < 0.01 * bookings,
        "{:?}",
        sdr.bookings_delta
    );
    let spread = sdr.bookings_delta.p90 - sdr.bookings_delta.p10;
    assert!(
        spread < 0.03 * bookings,
        "paired spread {spread} of {bookings}"
    );
    // Stage conversion within the published ranges (MODEL.md, Forrester / waterfall).
    for (t, lo, hi) in [
        (Total::InquiryToMql, 0.10, 0.25),
        (Total::MqlToSal, 0.40, 0.85),
        (Total::SalToSql, 0.50, 0.70),
        (Total::SqlToWon, 0.20, 0.30),
    ] {
        let x = r.kpi(t).mean;
        assert!((lo..=hi).contains(&x), "{t:?}: {x} outside {lo}..{hi}");
    }
}

#[test]
fn a_million_leads_drowns_the_sdrs_and_one_more_sdr_is_a_top_lever() {
    let (base, _) = diagnosed(Preset::Baseline);
    let (r, d) = diagnosed(Preset::MillionLeads);
    no_capacity_lever_surely_costs(Preset::MillionLeads, &d);
    assert_eq!(d.binding.first(), Some(&Constraint::SalesCapacity), "{d:?}");
    let speed = r.kpi(Total::MedianSpeedToLeadHours).mean;
    let base_speed = base.kpi(Total::MedianSpeedToLeadHours).mean;
    assert!(speed >= 4.0 * base_speed, "{speed} h vs {base_speed} h");
    assert!(
        r.kpi(Total::Mqls).mean > 1.5 * base.kpi(Total::Mqls).mean,
        "MQLs soar"
    );
    assert!(
        r.kpi(Total::Bookings).mean < base.kpi(Total::Bookings).mean,
        "bookings fall"
    );
    let top2: Vec<Lever> = d.levers.iter().take(2).map(|l| l.lever).collect();
    assert!(top2.contains(&Lever::OneMoreSdr), "{top2:?}");
    assert!(lever(&d, Lever::OneMoreSdr).clearly_adds());
    // Period by period too: the flood binds the SDRs all year.
    assert!(
        periods_naming(&d, Constraint::SalesCapacity) >= d.periods.len() - 1,
        "{:?}",
        d.periods
    );
}

/// How many periods name `c` as their first binding constraint.
fn periods_naming(d: &Diagnosis, c: Constraint) -> usize {
    d.periods
        .iter()
        .filter(|p| p.binding.first() == Some(&c))
        .count()
}

#[test]
fn sales_cherry_picks_is_follow_up_practice() {
    let (_, d) = diagnosed(Preset::SalesCherryPicks);
    no_capacity_lever_surely_costs(Preset::SalesCherryPicks, &d);
    assert_eq!(
        d.binding.first(),
        Some(&Constraint::FollowUpPractice),
        "{:?}: {}",
        d.binding,
        d.summary
    );
    assert!(d.summary.contains("marketing is right"), "{}", d.summary);
    assert!(d.evidence.sdr_utilisation < 0.9, "SDRs have time");
    assert_eq!(
        periods_naming(&d, Constraint::FollowUpPractice),
        d.periods.len(),
        "every period: {:?}",
        d.periods
    );
}

#[test]
fn tractor_giveaway_is_quality_the_contest_entries() {
    let (_, d) = diagnosed(Preset::TractorGiveaway);
    no_capacity_lever_surely_costs(Preset::TractorGiveaway, &d);
    assert_eq!(d.binding.first(), Some(&Constraint::Quality), "{d:?}");
    assert_eq!(d.best_lever, Some(Lever::CutWorstChannel));
    assert!(d.next_move.contains("Tractor contest"), "{}", d.next_move);
}

#[test]
fn sla_aligned_keeps_all_four_promises() {
    let (r, d) = diagnosed(Preset::SlaAligned);
    no_capacity_lever_surely_costs(Preset::SlaAligned, &d);
    for (name, kept) in [
        ("volume", r.sla.volume_kept_share),
        ("quality", r.sla.quality_kept_share),
        ("touch", r.sla.touch_kept_share),
        ("attempts", r.sla.attempts_kept_share),
    ] {
        assert!(kept >= 0.9, "{name} promise kept in only {kept}");
    }
}

#[test]
fn a_funnel_no_lever_moves_is_called_balanced() {
    // A funnel with no leads at all: every lever adds exactly nothing, so no team's
    // constraint may be named.
    let v = valid(Preset::Baseline)
        .modified(|s| {
            s.channels.truncate(1);
            s.channels[0].leads_per_week = 0.0;
        })
        .expect("valid")
        .with_replications(20);
    let d = diagnose(&v, 20);
    assert_eq!(d.binding, vec![Constraint::Balanced], "{d:?}");
    assert!(d.summary.contains("balanced"), "{}", d.summary);
}

#[test]
fn price_levers_pair_exactly_lead_by_lead() {
    // Deal sizes come from each lead's own random number: doubling the median deal doubles
    // every replication's bookings, with nothing else moving.
    let v = valid(Preset::Baseline).with_replications(4);
    let doubled = v
        .modified(|s| s.closing.deal_median *= 2.0)
        .expect("valid")
        .with_replications(4);
    let a = handoff_core::engine::replications(&v, 4);
    let b = handoff_core::engine::replications(&doubled, 4);
    for (x, y) in a.iter().zip(&b) {
        let (bx, by) = (x.total(Total::Bookings), y.total(Total::Bookings));
        assert!(
            bx > 0.0 && (by - 2.0 * bx).abs() < 1e-6 * bx,
            "{bx} vs {by}"
        );
        assert_eq!(x.total(Total::Won), y.total(Total::Won));
    }
}
