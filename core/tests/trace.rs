#![cfg(not(target_arch = "wasm32"))]
//! A traced replication (issue 14, "follow one lead"): the journeys come from the engine's own
//! run, so every traced lead's end state is counted in that replication's leak accounting,
//! and tracing changes no number.

use handoff_core::engine::curves::Curves;
use handoff_core::engine::sim::{replicate, replicate_traced};
use handoff_core::engine::trace::{End, Happening};
use handoff_core::engine::Total;
use handoff_core::model::{Preset, ValidScenario};

fn valid(p: Preset) -> ValidScenario {
    ValidScenario::try_from(p.scenario()).expect("presets are valid")
}

#[test]
fn traced_end_states_are_the_replications_leak_accounting() {
    for p in Preset::ALL {
        let v = valid(p);
        let c = Curves::new(&v);
        for rep in [0, 7] {
            let (r, t) = replicate_traced(&v, &c, rep);
            assert_eq!(r, replicate(&v, &c, rep), "{p:?}: tracing changed the run");
            let l = &r.leaks;
            let pairs = [
                (End::Won, l.won),
                (End::Lost, l.lost),
                (End::Unreached, l.unreached),
                (End::RejectedPoorFit, l.rejected_poor_fit),
                (End::RejectedNotReady, l.rejected_not_ready),
                (End::WaitingForAe, l.waiting_for_ae),
                (End::ExpiredWaitingForAe, l.expired_waiting_for_ae),
                (End::OpenOpportunity, l.open_opportunity),
            ];
            for (end, leak) in pairs {
                assert_eq!(t.count(end), leak, "{p:?} rep {rep}: {end:?}");
            }
            assert_eq!(
                t.count(End::InSdrQueue) + t.untouched_at_end,
                l.in_sdr_queue,
                "{p:?}: the SDR queue is the traced follow-ups and the untouched MQLs"
            );
            let abandoned: u64 = t.abandoned.iter().map(|a| u64::from(a.leads)).sum();
            assert_eq!(abandoned, l.abandoned_untouched, "{p:?}: abandoned");
            assert_eq!(
                t.journeys.len() as f64,
                r.total(Total::FirstTouches),
                "{p:?}: one journey per first-touched lead"
            );
        }
    }
}

#[test]
fn journeys_are_in_time_order_and_start_with_the_first_touch() {
    let v = valid(Preset::Baseline);
    let c = Curves::new(&v);
    let (_, t) = replicate_traced(&v, &c, 3);
    assert!(t.journeys.len() > 100);
    for j in &t.journeys {
        assert_eq!(
            j.id.day(),
            (j.arrival_h / 24.0) as u32,
            "arrives on its day"
        );
        let first = j.steps.first().expect("a traced lead was touched");
        assert!(matches!(
            first.what,
            Happening::Attempt {
                number: 1,
                reached: _
            }
        ));
        assert!(first.at_h >= j.arrival_h);
        for w in j.steps.windows(2) {
            assert!(w[0].at_h <= w[1].at_h, "{:?}", j.steps);
        }
        if j.end == End::Won {
            assert!(j.steps.iter().any(|s| matches!(
                s.what,
                Happening::Closed {
                    won: true,
                    amount,
                    ..
                } if amount > 0.0
            )));
        }
    }
}
