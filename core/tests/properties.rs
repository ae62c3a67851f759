#![cfg(not(target_arch = "wasm32"))]
//! Property tests over random valid scenarios: no panic, leak accounting sums exactly,
//! P10 <= P50 <= P90, rates within [0, 1], determinism.

use handoff_core::analysis::run;
use handoff_core::engine::{replications, Total};
use handoff_core::model::{Burst, Channel, QueuePriority, Scenario, ValidScenario};
use proptest::prelude::*;

fn channel() -> impl Strategy<Value = Channel> {
    (
        0.0..3_000.0f64,
        0.0..200.0f64,
        1.0..90.0f64,
        0.05..0.95f64,
        0.0..40.0f64,
        0.0..100.0f64,
        proptest::option::of((1.0..10.0f64, 1.0..5.0f64, 0.0..5_000.0f64)),
    )
        .prop_map(|(v, cost, q, spread, noise, season, burst)| Channel {
            name: "C".into(),
            leads_per_week: v,
            cost_per_lead: cost,
            quality_mean_percent: q,
            quality_spread: spread,
            score_noise: noise,
            seasonality_percent: season,
            season_peak_week: 10.0,
            burst: burst.map(|(s, w, x)| Burst {
                start_week: s.floor(),
                weeks: w.floor(),
                extra_leads_per_week: x,
            }),
        })
}

fn scenario() -> impl Strategy<Value = Scenario> {
    (
        proptest::collection::vec(channel(), 1..4),
        (0.0..100.0f64, proptest::option::of(0.0..40.0f64)),
        (0u32..6, 1u32..10, 0u32..4, 1.0..3_000.0f64),
        (0u32..6, 1u32..30, 1.0..200.0f64, 0.0..1.5f64),
        (2u32..14, 0.0..20.0f64, 0.0..100.0f64, 0.0..60.0f64),
        any::<u64>(),
    )
        .prop_map(|(channels, (t, hot), sdr, ae, misc, seed)| {
            let mut s = Scenario {
                channels,
                ..Scenario::default()
            };
            s.thresholds.mql_threshold = t;
            s.thresholds.hot_threshold = hot.map(|h| (t + h).min(100.0));
            s.sdr.headcount = f64::from(sdr.0);
            s.sdr.max_attempts = f64::from(sdr.1);
            s.sdr.queue_priority = [
                QueuePriority::Fifo,
                QueuePriority::OldestDue,
                QueuePriority::HighestScore,
                QueuePriority::Newest,
            ][sdr.2 as usize];
            s.sdr.target_response_minutes = sdr.3;
            s.closing.ae_headcount = f64::from(ae.0);
            s.closing.max_open_opps_per_ae = f64::from(ae.1);
            s.closing.cycle_median_days = ae.2;
            s.closing.cycle_spread = ae.3;
            s.run.weeks = f64::from(misc.0);
            s.nurture.reengage_percent_per_week = misc.1;
            s.nurture.recycle_percent = misc.2;
            s.closing.max_wait_days = misc.3;
            s.run.replications = 4.0;
            s.run.seed = seed;
            s
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn runs_are_sound(s in scenario()) {
        let v = ValidScenario::try_from(&s).expect("strategy builds valid scenarios");
        let r = run(&v);
        for (l, inq) in r.leaks_by_replication.iter().zip(&r.leads_by_replication) {
            prop_assert_eq!(l.total(), *inq);
        }
        for k in &r.kpis {
            let b = k.band;
            prop_assert!(b.p10 <= b.p50 && b.p50 <= b.p90, "{:?}", k);
            prop_assert!(b.mean.is_finite());
            if k.metric.is_rate() {
                prop_assert!((0.0..=1.0).contains(&b.p10) && (0.0..=1.0).contains(&b.p90), "{:?}", k);
            }
        }
        for series in &r.series {
            for w in 0..r.weeks {
                prop_assert!(series.p10[w] <= series.p50[w] && series.p50[w] <= series.p90[w]);
            }
        }
        for p in &r.sla.periods {
            prop_assert!((0.0..=1.0).contains(&p.p_touch_kept));
        }
        prop_assert!(r.kpi(Total::SdrUtilisation).p90 <= 1.0);
        // Determinism: same seed twice, and replication i is the same however many run.
        prop_assert_eq!(&run(&v), &r);
        let few = replications(&v, 2);
        let many = replications(&v, 4);
        prop_assert_eq!(&few[..], &many[..2]);
    }
}
