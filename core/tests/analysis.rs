#![cfg(not(target_arch = "wasm32"))]
//! SLA attainment and bottleneck diagnosis on scenarios built for them.

use handoff_core::analysis::{diagnose, run, Constraint, Lever, RunReport};
use handoff_core::model::{Preset, Scenario, ValidScenario};

fn valid(s: Scenario) -> ValidScenario {
    ValidScenario::try_from(s).expect("test scenario is valid")
}

#[test]
fn sla_touch_promise_holds_when_aligned_and_breaks_when_sales_cherry_picks() {
    let aligned = run(&valid(Preset::SlaAligned.scenario()).with_replications(10));
    assert!(
        aligned.sla.touch_kept_share > 0.95,
        "{:?}",
        aligned.sla.touch_kept_share
    );
    assert!(aligned.sla.p_touch_always > 0.9);
    let cherry = run(&valid(Preset::SalesCherryPicks.scenario()).with_replications(10));
    assert_eq!(
        cherry.sla.touch_kept_share, 0.0,
        "30-hour callbacks miss a 2-hour promise"
    );
    assert_eq!(
        cherry.sla.p_attempts_always, 0.0,
        "two attempts miss a five-attempt promise"
    );
    assert_eq!(
        aligned.sla.periods.len(),
        13,
        "52 weeks are 13 four-week periods"
    );
    for p in &aligned.sla.periods {
        assert!(p.mql_attainment.p10 <= p.mql_attainment.p90);
    }
}

#[test]
fn marketing_volume_promise_follows_delivered_mqls() {
    let base = valid(Preset::Baseline.scenario()).with_replications(10);
    let easy = base
        .modified(|s| s.sla.mqls_per_month = 10.0)
        .expect("valid");
    let hard = base
        .modified(|s| s.sla.mqls_per_month = 10_000.0)
        .expect("valid");
    assert_eq!(run(&easy).sla.p_volume_always, 1.0);
    assert_eq!(run(&hard).sla.p_volume_always, 0.0);
}

#[test]
fn idle_sdrs_are_diagnosed_as_volume_limited() {
    let v = valid(Preset::Baseline.scenario())
        .modified(|s| {
            s.sdr.headcount = 20.0;
            s.closing.ae_headcount = 40.0;
        })
        .expect("valid");
    let d = diagnose(&v, 8);
    assert_eq!(
        d.binding.first(),
        Some(&Constraint::Volume),
        "{:?}",
        d.binding
    );
    assert!(d.evidence.sdr_utilisation < 0.7);
}

#[test]
fn full_aes_are_diagnosed_as_closing_limited_and_an_ae_is_the_best_lever() {
    let v = valid(Preset::Baseline.scenario())
        .modified(|s| s.closing.ae_headcount = 2.0)
        .expect("valid");
    let d = diagnose(&v, 8);
    assert!(
        d.binding.contains(&Constraint::ClosingCapacity),
        "{:?}",
        d.binding
    );
    assert_eq!(d.best_lever, Some(Lever::OneMoreAe), "{:?}", d.levers);
    let ae = &d.levers[0];
    let (low, high) = ae.mean_ci.expect("eight pairs measure a spread");
    assert!(ae.clearly_adds() && low <= ae.bookings_delta.mean && ae.bookings_delta.mean <= high);
    for w in d.levers.windows(2) {
        assert!(
            w[0].bookings_delta.mean >= w[1].bookings_delta.mean,
            "ranked"
        );
    }
    assert_eq!(d.levers.len(), Lever::ALL.len());
    assert!(d.summary.contains("SDRs were busy"));
    assert!(
        d.next_move
            .starts_with("Best next lever: one more AE adds about"),
        "{}",
        d.next_move
    );
    assert_eq!(d.periods.len(), 13);
}

#[test]
fn million_leads_preset_raises_mqls_but_not_bookings() {
    use handoff_core::engine::{replications, Total};
    let base = replications(&valid(Preset::Baseline.scenario()), 10);
    let flood = replications(&valid(Preset::MillionLeads.scenario()), 10);
    let d = |t: Total| -> (f64, f64) {
        let xs: Vec<f64> = base
            .iter()
            .zip(&flood)
            .map(|(a, b)| b.total(t) - a.total(t))
            .collect();
        let n = xs.len() as f64;
        let m = xs.iter().sum::<f64>() / n;
        let sd = (xs.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (n - 1.0)).sqrt();
        (m, sd / n.sqrt())
    };
    let (dm, sem) = d(Total::Mqls);
    assert!(dm > 4.0 * sem, "MQLs soar: {dm} +- {sem}");
    let (db, seb) = d(Total::Bookings);
    assert!(db < 2.0 * seb, "bookings do not rise: {db} +- {seb}");
}

#[test]
fn run_result_and_diagnosis_serialise_to_json() {
    let v = valid(Preset::TractorGiveaway.scenario()).with_replications(3);
    let r = run(&v);
    let json = serde_json::to_value(&r).expect("serialises");
    assert_eq!(json["replications"], 3);
    assert_eq!(
        json["series"].as_array().map(Vec::len),
        Some(r.series.len())
    );
    assert!(
        json["sla"]["touch_kept_share"].is_number(),
        "the SLA sits beside the run"
    );
    let back: RunReport = serde_json::from_value(json).expect("parses back");
    assert_eq!(back, r);
    let d = diagnose(&v, 2);
    assert!(serde_json::to_string(&d).is_ok());
}
