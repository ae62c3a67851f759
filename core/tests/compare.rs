#![cfg(not(target_arch = "wasm32"))]
//! Comparing two scenarios run with the same seed (common random numbers).

use handoff_core::analysis::compare::COMPARED;
use handoff_core::analysis::{compare, funnel_pairs, funnel_stages};
use handoff_core::engine::{aggregate, replications, Band, Total};
use handoff_core::model::{Preset, ValidScenario};

const REPS: usize = 12;

fn baseline() -> ValidScenario {
    ValidScenario::try_from(Preset::Baseline.scenario())
        .expect("the baseline preset is valid")
        .with_replications(REPS)
}

#[test]
fn a_scenario_compared_with_itself_changes_nothing() {
    let v = baseline();
    let reps = replications(&v, REPS);
    let c = compare(&v, &reps, &v, &reps);
    assert_eq!(c.replications, REPS);
    assert!(c.common_random_numbers);
    let metrics: Vec<Total> = c.rows.iter().map(|r| r.metric).collect();
    assert_eq!(metrics, COMPARED);
    for row in &c.rows {
        assert_eq!(row.delta, Band::default(), "{} moved", row.label);
        assert_eq!(row.a, row.b);
        assert_eq!(
            (row.label.as_str(), row.unit),
            (row.metric.label(), row.metric.unit())
        );
        if row.a.p50 != 0.0 {
            assert_eq!(row.relative, Some(0.0), "{}", row.label);
        }
    }
}

#[test]
fn doubling_the_deal_size_adds_bookings_and_leaves_marketing_alone() {
    let a = baseline();
    let b = a
        .modified(|s| s.closing.deal_median *= 2.0)
        .expect("a doubled deal size is valid");
    let (a_reps, b_reps) = (replications(&a, REPS), replications(&b, REPS));
    let c = compare(&a, &a_reps, &b, &b_reps);
    let row = |t: Total| c.row(t).expect("the comparison reports the KPI");

    let bookings = row(Total::Bookings);
    assert!(
        bookings.delta.p10 > 0.0,
        "with common random numbers every replication gains: {:?}",
        bookings.delta
    );
    // Common random numbers: the same deals close, each worth twice as much (exact draws;
    // the normal approximation of large sums keeps the factor too).
    for (ra, rb) in a_reps.iter().zip(&b_reps) {
        let (x, y) = (ra.total(Total::Bookings), rb.total(Total::Bookings));
        assert!((y - 2.0 * x).abs() <= 1e-6 * y.abs().max(1.0), "{x} {y}");
    }

    // Deal size touches no draw before closing: every replication has the same MQLs, SQLs,
    // won deals and costs.
    for t in [
        Total::Mqls,
        Total::Sqls,
        Total::Won,
        Total::MarketingCost,
        Total::SalesCost,
        Total::MedianSpeedToLeadHours,
        Total::ShareMqlsNeverTouched,
        Total::SdrUtilisation,
        Total::AeUtilisation,
    ] {
        assert_eq!(row(t).delta, Band::default(), "{t:?} moved");
    }
    for (ra, rb) in a_reps.iter().zip(&b_reps) {
        assert_eq!(ra.total(Total::Mqls), rb.total(Total::Mqls));
        assert_eq!(ra.leaks, rb.leaks);
    }
    assert!(row(Total::CostPerWon).delta == Band::default());
    assert!(row(Total::Roi).delta.p10 > 0.0);
}

#[test]
fn relative_change_is_the_change_of_the_medians() {
    let a = baseline();
    let b = a
        .modified(|s| s.sdr.headcount += 2.0)
        .expect("two more SDRs is valid");
    let c = compare(&a, &replications(&a, REPS), &b, &replications(&b, REPS));
    for row in &c.rows {
        match row.relative {
            Some(r) => {
                let expected = (row.b.p50 - row.a.p50) / row.a.p50.abs();
                assert!((r - expected).abs() < 1e-12, "{}", row.label);
            }
            None => assert_eq!(row.a.p50, 0.0, "{}", row.label),
        }
    }
    let bookings = c.row(Total::Bookings).expect("bookings");
    assert_ne!(bookings.relative, Some(0.0));
}

#[test]
fn replications_are_paired_over_the_shorter_run() {
    let a = baseline();
    let b = a
        .modified(|s| s.run.seed = s.run.seed.wrapping_add(1))
        .expect("another seed is valid");
    let a_reps = replications(&a, REPS);
    let b_reps = replications(&b, 5);
    let c = compare(&a, &a_reps, &b, &b_reps);
    assert_eq!(c.replications, 5);
    assert!(!c.common_random_numbers, "the seeds differ");
    let first: Vec<f64> = a_reps[..5].iter().map(|r| r.total(Total::Won)).collect();
    assert_eq!(c.row(Total::Won).expect("won").a, Band::of(&first));
}

#[test]
fn funnel_stages_follow_the_run_top_to_bottom() {
    let a = baseline();
    let r = aggregate(&a, &replications(&a, 4));
    let stages = funnel_stages(&r);
    assert_eq!(stages.len(), 7);
    assert_eq!(stages[0], ("Inquiries", r.kpi(Total::Inquiries)));
    assert_eq!(stages[6], ("Won deals", r.kpi(Total::Won)));
    for w in stages.windows(2) {
        assert!(w[0].1.p50 >= w[1].1.p50, "{} < {}", w[0].0, w[1].0);
    }
    let pairs = funnel_pairs(&r, &r);
    assert!(pairs
        .iter()
        .zip(&stages)
        .all(|(p, s)| p.0 == s.0 && p.1 == s.1.p50 && p.2 == s.1.p50));
}
