//! Tests of the diagnosis: intervals, sentences, the levers' verdict.

use super::levers::{worst_channel, Z90};
use super::*;
use crate::model::Scenario;

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
