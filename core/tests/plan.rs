#![cfg(not(target_arch = "wasm32"))]
//! The planning views against what the domain says, with tolerances from the Monte Carlo
//! error of the runs behind them (issue: "Before anyone signs").

use handoff_core::analysis::plan::design::{low_quantile, Designer, Options, Part};
use handoff_core::analysis::plan::goal::{Goal, GoalLever, Seek};
use handoff_core::analysis::plan::knobs::Knob;
use handoff_core::analysis::plan::sweep::{run_grid, run_threshold_curve, Axis};
use handoff_core::analysis::plan::tornado::{run_tornado, Measure};
use handoff_core::analysis::plan::{band_of, drive, Effect, Outcome, Runner, Serial};
use handoff_core::model::params::Side;
use handoff_core::model::{Preset, Scenario, ValidScenario};

fn valid(s: Scenario) -> ValidScenario {
    ValidScenario::try_from(s).expect("preset is valid")
}

/// The same scenario with another seed: fresh random numbers for a re-run.
fn reseeded(v: &ValidScenario, seed: u64) -> ValidScenario {
    v.modified(|s| s.run.seed = seed).expect("valid")
}

fn run(v: &ValidScenario, n: usize) -> Vec<Outcome> {
    Serial.outcomes(std::slice::from_ref(v), n).remove(0)
}

#[test]
fn the_tornado_has_the_signs_the_domain_says() {
    for preset in [Preset::Baseline, Preset::MillionLeads] {
        let v = valid(preset.scenario());
        let t = run_tornado(&v, 40, &Serial);
        assert_eq!(t.pairs, 40);
        let bar = |k: Knob| {
            t.bars
                .iter()
                .find(|b| b.knob == k)
                .unwrap_or_else(|| panic!("{preset:?}: no bar for {k:?}"))
        };
        let side = |k: Knob, s: Side| {
            let b = bar(k);
            match s {
                Side::Low => b.low.clone(),
                Side::High => b.high.clone(),
            }
            .unwrap_or_else(|| panic!("{preset:?}: {k:?} has no {s:?} step"))
        };
        let more_sdrs = side(Knob::SdrHeadcount, Side::High).bookings;
        assert!(!more_sdrs.surely_down(), "{preset:?}: +1 SDR {more_sdrs:?}");
        let fewer_sdrs = side(Knob::SdrHeadcount, Side::Low).bookings;
        assert!(!fewer_sdrs.surely_up(), "{preset:?}: -1 SDR {fewer_sdrs:?}");
        let more_aes = side(Knob::AeHeadcount, Side::High).bookings;
        assert!(!more_aes.surely_down(), "{preset:?}: +1 AE {more_aes:?}");
        let faster = side(Knob::ResponseTarget, Side::Low).bookings;
        assert!(
            !faster.surely_down(),
            "{preset:?}: halved response {faster:?}"
        );
        let win_up = side(Knob::WinRate, Side::High).bookings;
        assert!(win_up.surely_up(), "{preset:?}: +5 points win {win_up:?}");
        let win_down = side(Knob::WinRate, Side::Low).bookings;
        assert!(
            win_down.surely_down(),
            "{preset:?}: -5 points win {win_down:?}"
        );
        let bigger = side(Knob::DealSize, Side::High).bookings;
        assert!(bigger.surely_up(), "{preset:?}: +10% deal size {bigger:?}");
        // Ranked widest first, for either measure.
        for m in [Measure::Bookings, Measure::SlaKept] {
            let reach: Vec<f64> = t.ranked(m).iter().map(|b| b.reach(m)).collect();
            assert!(reach.windows(2).all(|w| w[0] >= w[1]), "{m:?}: {reach:?}");
        }
    }
}

#[test]
fn in_a_flood_bookings_rise_with_sdr_headcount() {
    let v = valid(Preset::MillionLeads.scenario());
    let g = run_grid(&v, Axis::SdrHeadcount, Axis::Threshold, 12, &Serial);
    assert_eq!(g.cells.len(), g.xs.len() * g.ys.len());
    assert!(g.xs.contains(&g.current.0) && g.ys.contains(&g.current.1));
    // Along every threshold row the most SDRs book far more than the fewest.
    for &y in &g.ys {
        let row: Vec<f64> = g
            .cells
            .iter()
            .filter(|c| c.1 == y)
            .map(|c| c.2.bookings.mean)
            .collect();
        assert!(row[row.len() - 1] > 1.5 * row[0], "threshold {y}: {row:?}");
    }
    // Step by step at the preset's threshold, paired: one more SDR never surely costs
    // bookings, and while the SDRs drown it surely adds them.
    let arms: Vec<ValidScenario> =
        g.xs.iter()
            .map(|&n| v.modified(|s| s.sdr.headcount = n).expect("valid"))
            .collect();
    let runs = Serial.outcomes(&arms, 30);
    for (i, w) in runs.windows(2).enumerate() {
        let e = Effect::paired(&w[0], &w[1], |o| o.bookings);
        assert!(
            !e.surely_down(),
            "{} -> {} SDRs: {e:?}",
            g.xs[i],
            g.xs[i + 1]
        );
    }
    let now =
        g.xs.iter()
            .position(|&x| x == g.current.0)
            .expect("current on the axis");
    let plus_one = Effect::paired(&runs[now], &runs[now + 1], |o| o.bookings);
    assert!(plus_one.surely_up(), "{plus_one:?}");
}

#[test]
fn the_threshold_curve_shows_the_volume_quality_trade_off() {
    let v = valid(Preset::Baseline.scenario());
    let c = run_threshold_curve(&v, 12, &Serial);
    assert_eq!(c.points.len(), 21);
    let first = &c.points[0];
    let last = &c.points[c.points.len() - 1];
    // A higher threshold passes fewer MQLs; one more SDR never leaves them busier.
    assert!(first.today.mqls.mean > last.today.mqls.mean);
    for p in &c.points {
        assert!(p.plus_one_sdr.sdr_utilisation <= p.today.sdr_utilisation + 1e-9);
    }
    let best = c.best_today.expect("a best threshold");
    let at = |t: f64| {
        c.points
            .iter()
            .find(|p| p.threshold == t)
            .expect("point")
            .today
            .bookings
            .mean
    };
    assert!(at(best) >= at(0.0) && at(best) >= at(100.0));
}

#[test]
fn a_goal_answer_holds_on_fresh_random_numbers() {
    let v = valid(Preset::Baseline.scenario());
    let aes = v.get().closing.ae_headcount;
    // A goal that two more AEs reach four times in five (Baseline is closing-bound).
    let two_more = v
        .modified(|s| s.closing.ae_headcount = aes + 2.0)
        .expect("valid");
    let reps = 100;
    let x = low_quantile(
        run(&two_more, reps).iter().map(|o| o.bookings).collect(),
        0.2,
    )
    .expect("bookings");
    let goal = Goal {
        bookings: x,
        probability: 0.8,
        lever: GoalLever::Aes,
    };
    let mut seek = Seek::new(&v, goal);
    drive(&mut seek, &Serial, reps);
    let a = seek.answer();
    let Some(found) = a.answer.clone() else {
        panic!("two more AEs reach it: {}", a.sentence)
    };
    assert!(found.chance >= 0.8, "{a:?}");
    assert!(
        found.value > aes && found.value <= aes + 2.0,
        "{}",
        a.sentence
    );
    assert!(a.today.chance < 0.8, "{a:?}");
    assert_eq!(a.scenario.closing.ae_headcount, found.value);
    assert!(
        a.sentence.contains("AEs gives bookings of"),
        "{}",
        a.sentence
    );
    // Fewer probes than the ladder has rungs: coarse pass, then halving.
    assert!(
        a.probes.len() < GoalLever::Aes.ladder(v.get()).len(),
        "{:?}",
        a.probes
    );
    // The adjusted scenario, on other random numbers: the goal sits between P10 and P50.
    let again = valid(a.scenario.clone());
    let b = band_of(&run(&reseeded(&again, 4242), 200), |o| o.bookings);
    assert!(
        b.p10 <= goal.bookings && goal.bookings <= b.p50,
        "goal {} vs P10 {} P50 {}",
        goal.bookings,
        b.p10,
        b.p50
    );
    // Out of reach is a plain answer, not a failure.
    let mut never = Seek::new(
        &v,
        Goal {
            bookings: x * 100.0,
            probability: 0.8,
            lever: GoalLever::Leads,
        },
    );
    drive(&mut never, &Serial, 10);
    let n = never.answer();
    assert!(n.answer.is_none());
    assert!(
        n.sentence.starts_with("No lead volume in range"),
        "{}",
        n.sentence
    );
    assert_eq!(
        &n.scenario,
        v.get(),
        "no answer leaves the scenario as it is"
    );
}

#[test]
fn a_designed_sla_is_kept_as_often_as_it_claims_on_fresh_random_numbers() {
    let v = valid(Preset::Baseline.scenario());
    let mut d = Designer::new(&v, Options::default());
    drive(&mut d, &Serial, 30);
    let design = d.design().expect("a design");
    assert_eq!(design.promises.len(), Part::ALL.len());
    for p in &design.promises {
        assert!(p.kept >= 0.9, "{p:?}");
        assert!(p.breaks_first.is_some(), "{p:?}");
    }
    // Re-run the adopted scenario with another seed: every promise is kept in at least the
    // claimed share of periods, less the Monte Carlo error of 60 runs × 13 periods (the
    // periods of a run are correlated, so the error is taken per run: 3 standard errors).
    let adopted = valid(design.scenario.clone());
    assert_eq!(adopted.get().sla, design.sla);
    let xs = run(&reseeded(&adopted, 777), 60);
    let tolerance = 3.0 * (0.9_f64 * 0.1 / xs.len() as f64).sqrt();
    for part in Part::ALL {
        let (kept, all) = xs
            .iter()
            .flat_map(|o| &o.periods)
            .fold((0u32, 0u32), |(k, n), p| {
                (k + u32::from(part.held(p.kept(&design.sla))), n + 1)
            });
        let share = f64::from(kept) / f64::from(all);
        assert!(share >= 0.9 - tolerance, "{part:?}: kept in {share}");
    }
}
