#![cfg(not(target_arch = "wasm32"))]
//! The behaviours of MODEL.md, one named test each, on scenarios built for them. Tolerances
//! come from Monte Carlo standard errors (paired differences under common random numbers).

use handoff_core::analysis::{diagnose, Constraint};
use handoff_core::engine::curves::Curves;
use handoff_core::engine::{analytic_funnel, replications, run, Replication, Total};
use handoff_core::model::{Channel, Scenario, ValidScenario};

fn valid(s: Scenario) -> ValidScenario {
    ValidScenario::try_from(s).expect("test scenario is valid")
}

/// A small two-channel scenario: one good channel, one cheap low-quality channel.
fn scenario(weeks: f64, reps: f64) -> Scenario {
    let mut s = Scenario {
        channels: vec![
            Channel::new("Good", 150.0, 60.0, 30.0),
            Channel::new("Cheap", 150.0, 5.0, 12.0),
        ],
        ..Scenario::default()
    };
    // Cheap leads are poorly scored: many false positives.
    s.channels[1].score_noise = 25.0;
    // One SDR with ten lead-working hours a week: capacity is tight.
    s.sdr.productive_hours_per_week = 10.0;
    s.run.weeks = weeks;
    s.run.replications = reps;
    s.closing.ae_headcount = 20.0;
    s.sdr.headcount = 1.0;
    s
}

fn totals(reps: &[Replication], t: Total) -> Vec<f64> {
    reps.iter().map(|r| r.total(t)).collect()
}

fn mean(v: &[f64]) -> f64 {
    v.iter().sum::<f64>() / v.len() as f64
}

/// Mean and standard error of a sample.
fn mean_se(v: &[f64]) -> (f64, f64) {
    let n = v.len() as f64;
    let m = mean(v);
    let var = v.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (n - 1.0).max(1.0);
    (m, (var / n).sqrt())
}

/// Mean and standard error of the paired difference b - a (same seeds: common random numbers).
fn diff(a: &[Replication], b: &[Replication], t: Total) -> (f64, f64) {
    let d: Vec<f64> = a
        .iter()
        .zip(b)
        .map(|(x, y)| y.total(t) - x.total(t))
        .collect();
    mean_se(&d)
}

fn ratio(reps: &[Replication], num: Total, den: Total) -> Vec<f64> {
    reps.iter()
        .map(|r| r.total(num) / r.total(den).max(1.0))
        .collect()
}

#[test]
fn behaviour_1_flood() {
    let base = valid(scenario(26.0, 30.0));
    let flood = base
        .modified(|s| s.channels[1].leads_per_week *= 3.0)
        .expect("valid");
    let a = replications(&base, 30);
    let b = replications(&flood, 30);
    let (dm, se) = diff(&a, &b, Total::Mqls);
    assert!(dm > 4.0 * se && dm > 0.0, "MQLs rise: {dm} +- {se}");
    let (db, seb) = diff(&a, &b, Total::Bookings);
    assert!(db < 2.0 * seb, "bookings do not rise: {db} +- {seb}");
    let (ds, ses) = diff(&a, &b, Total::MedianSpeedToLeadHours);
    assert!(
        ds > 3.0 * ses && ds > 0.0,
        "speed-to-lead grows: {ds} +- {ses}"
    );
    let ca = ratio(&a, Total::Contacts, Total::Mqls);
    let cb = ratio(&b, Total::Contacts, Total::Mqls);
    let d: Vec<f64> = ca.iter().zip(&cb).map(|(x, y)| y - x).collect();
    let (dc, sec) = mean_se(&d);
    assert!(dc < -3.0 * sec, "contact rate falls: {dc} +- {sec}");
    let qa: Vec<f64> = a
        .iter()
        .map(|r| r.weekly.last().map_or(0.0, |w| w[2]))
        .collect();
    let qb: Vec<f64> = b
        .iter()
        .map(|r| r.weekly.last().map_or(0.0, |w| w[2]))
        .collect();
    assert!(mean(&qb) > mean(&qa), "queue builds");
    let d = diagnose(&flood, 10);
    assert!(
        d.binding.contains(&Constraint::SalesCapacity),
        "{:?}",
        d.binding
    );
    assert!(d.binding.contains(&Constraint::Quality), "{:?}", d.binding);
    assert!(!d.summary.is_empty());
}

#[test]
fn behaviour_2_threshold_trade_off() {
    let thresholds = [60.0, 70.0, 80.0, 90.0];
    let base = valid(scenario(26.0, 30.0));
    let runs: Vec<Vec<Replication>> = thresholds
        .iter()
        .map(|t| {
            let v = base
                .modified(|s| s.thresholds.mql_threshold = *t)
                .expect("valid");
            replications(&v, 30)
        })
        .collect();
    for w in runs.windows(2) {
        let (dm, se) = diff(&w[0], &w[1], Total::Mqls);
        assert!(
            dm < -3.0 * se,
            "MQL count falls with the threshold: {dm} +- {se}"
        );
        let ra = ratio(&w[0], Total::Sqls, Total::Mqls);
        let rb = ratio(&w[1], Total::Sqls, Total::Mqls);
        let d: Vec<f64> = ra.iter().zip(&rb).map(|(x, y)| y - x).collect();
        let (dr, ser) = mean_se(&d);
        assert!(
            dr > 2.0 * ser,
            "MQL-to-SQL rate rises: {dr} +- {ser} ({} vs {})",
            mean(&ra),
            mean(&rb)
        );
    }
    let bookings: Vec<f64> = runs
        .iter()
        .map(|r| mean(&totals(r, Total::Bookings)))
        .collect();
    let best = bookings
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1))
        .map_or(0, |x| x.0);
    assert!(
        best > 0 && best < thresholds.len() - 1,
        "interior maximum: {bookings:?}"
    );
    let (d_lo, se_lo) = diff(&runs[0], &runs[best], Total::Bookings);
    let (d_hi, se_hi) = diff(&runs[thresholds.len() - 1], &runs[best], Total::Bookings);
    assert!(d_lo > 2.0 * se_lo && d_hi > 2.0 * se_hi, "{bookings:?}");
}

#[test]
fn behaviour_3_headcount() {
    // Capacity-limited: one SDR, plenty of MQLs.
    let tight = valid(scenario(26.0, 30.0));
    let plus = tight.modified(|s| s.sdr.headcount += 1.0).expect("valid");
    let (a, b) = (replications(&tight, 30), replications(&plus, 30));
    let (d, se) = diff(&a, &b, Total::Bookings);
    assert!(
        d > 3.0 * se && d > 0.0,
        "capacity-limited: +1 SDR adds bookings {d} +- {se}"
    );
    // Volume-limited: ten SDRs for the same leads.
    let idle = tight.modified(|s| s.sdr.headcount = 10.0).expect("valid");
    let idle_plus = idle.modified(|s| s.sdr.headcount += 1.0).expect("valid");
    let (c, e) = (replications(&idle, 30), replications(&idle_plus, 30));
    let (d2, se2) = diff(&c, &e, Total::Bookings);
    assert!(
        d2.abs() < 3.0 * se2.max(1.0) || d2.abs() < 0.02 * mean(&totals(&c, Total::Bookings)),
        "volume-limited: +1 SDR barely moves bookings {d2} +- {se2}"
    );
    assert!(d2 < d, "the extra SDR is worth less when idle");
    let (du, seu) = diff(&c, &e, Total::SdrUtilisation);
    assert!(du < -3.0 * seu, "utilisation drops instead: {du} +- {seu}");
}

#[test]
fn behaviour_4_persistence() {
    let base = valid(scenario(26.0, 20.0))
        .modified(|s| s.sdr.headcount = 10.0)
        .expect("valid");
    let runs: Vec<Vec<Replication>> = [1.0, 2.0, 4.0, 8.0]
        .iter()
        .map(|k| {
            replications(
                &base.modified(|s| s.sdr.max_attempts = *k).expect("valid"),
                20,
            )
        })
        .collect();
    let contact: Vec<f64> = runs
        .iter()
        .map(|r| mean(&ratio(r, Total::Contacts, Total::Mqls)))
        .collect();
    let attempts: Vec<f64> = runs
        .iter()
        .map(|r| mean(&totals(r, Total::AttemptsPerMql)))
        .collect();
    for w in runs.windows(2) {
        let ra = ratio(&w[0], Total::Contacts, Total::Mqls);
        let rb = ratio(&w[1], Total::Contacts, Total::Mqls);
        let d: Vec<f64> = ra.iter().zip(&rb).map(|(x, y)| y - x).collect();
        let (dm, se) = mean_se(&d);
        assert!(dm > 3.0 * se, "more attempts, more contacts: {contact:?}");
        let (da, sea) = diff(&w[0], &w[1], Total::AttemptsPerMql);
        assert!(da > 3.0 * sea, "more attempts cost SDR time: {attempts:?}");
    }
    // Diminishing returns: gain per extra attempt shrinks.
    let gain1 = contact[1] - contact[0];
    let gain2 = (contact[2] - contact[1]) / 2.0;
    let gain3 = (contact[3] - contact[2]) / 4.0;
    assert!(gain1 > gain2 && gain2 > gain3, "{contact:?}");
}

#[test]
fn behaviour_5_speed() {
    let fast = valid(scenario(26.0, 20.0))
        .modified(|s| s.sdr.headcount = 10.0)
        .expect("valid");
    let slow = fast
        .modified(|s| s.sdr.target_response_minutes = 24.0 * 60.0)
        .expect("valid");
    let (a, b) = (replications(&fast, 20), replications(&slow, 20));
    for (num, den) in [(Total::Contacts, Total::Mqls), (Total::Sqls, Total::Sals)] {
        let ra = ratio(&a, num, den);
        let rb = ratio(&b, num, den);
        let d: Vec<f64> = ra.iter().zip(&rb).map(|(x, y)| y - x).collect();
        let (dm, se) = mean_se(&d);
        assert!(
            dm < -3.0 * se && dm < 0.0,
            "{num:?}/{den:?} falls: {dm} +- {se}"
        );
    }
}

#[test]
fn behaviour_6_analytic_check() {
    let mut ch = Channel::new("Burst only", 0.0, 10.0, 30.0);
    ch.burst = Some(handoff_core::model::Burst {
        start_week: 1.0,
        weeks: 2.0,
        extra_leads_per_week: 800.0,
    });
    let mut s = Scenario {
        channels: vec![ch],
        ..Scenario::default()
    };
    s.run.weeks = 16.0;
    s.sdr.headcount = 500.0;
    s.sdr.productive_hours_per_week = 60.0;
    s.sdr.contact_floor_percent = 100.0;
    s.sdr.attempt_spacing_hours = 1.0;
    s.sdr.abandon_after_days = 90.0;
    s.qualification.speed_floor_percent = 100.0;
    s.nurture.reengage_percent_per_week = 0.0;
    s.closing.ae_headcount = 500.0;
    s.closing.max_open_opps_per_ae = 200.0;
    s.closing.cycle_median_days = 5.0;
    s.closing.cycle_spread = 0.0;
    s.closing.wait_loss_percent_per_week = 0.0;
    let v = valid(s);
    let expected = analytic_funnel(&v);
    let reps = replications(&v, 60);
    for (t, e) in [
        (Total::Inquiries, expected.inquiries),
        (Total::Mqls, expected.mqls),
        (Total::Contacts, expected.contacts),
        (Total::Sals, expected.sals),
        (Total::Sqls, expected.sqls),
        (Total::Won, expected.won),
        (Total::Bookings, expected.bookings),
    ] {
        let (m, se) = mean_se(&totals(&reps, t));
        assert!(
            (m - e).abs() <= 4.0 * se.max(1e-9),
            "{t:?}: simulated {m} +- {se}, analytic {e}"
        );
    }
}

#[test]
fn behaviour_7_determinism_and_conservation() {
    for p in handoff_core::model::Preset::ALL {
        let v = valid(p.scenario()).with_replications(3);
        let a = run(&v);
        let b = run(&v);
        assert_eq!(a, b, "{p:?}: same seed, same numbers");
        assert_eq!(a.leads_by_replication.len(), a.leaks_by_replication.len());
        for (l, inq) in a.leaks_by_replication.iter().zip(&a.leads_by_replication) {
            assert_eq!(
                l.total(),
                *inq,
                "{p:?}: leaks sum to the inquiries + warm nurture"
            );
        }
    }
    let v = valid(scenario(8.0, 2.0));
    let few = replications(&v, 2);
    let more = replications(&v, 5);
    assert_eq!(
        few[..],
        more[..2],
        "replication i does not depend on how many run"
    );
}

#[test]
fn fitted_contact_curve_reproduces_published_figures() {
    let v = valid(Scenario::default());
    let c = Curves::new(&v);
    // Call-frequency study: cumulative share of reachable leads contacted after 1-5 attempts.
    let published = [0.39, 0.72, 0.83, 0.88, 0.91];
    let mut missed = 1.0;
    for (k, p) in published.iter().enumerate() {
        missed *= 1.0 - c.attempt_contact(k as u8);
        let cum = 1.0 - missed;
        assert!((cum - p).abs() < 0.015, "attempt {}: {cum} vs {p}", k + 1);
    }
    // HBR 2011: within an hour ~7x as likely to qualify as an hour later, ~60x vs 24h+.
    let q = |h: f64| c.contact(0, h) * c.speed_factor(h);
    let r7 = q(0.25) / q(1.5);
    let r60 = q(0.25) / q(48.0);
    assert!((r7 - 7.0).abs() < 0.7, "{r7}");
    assert!((r60 - 60.0).abs() < 6.0, "{r60}");
}
