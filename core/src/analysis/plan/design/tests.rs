use super::*;

#[test]
fn low_quantile_leaves_the_kept_share_at_or_above() {
    let xs: Vec<f64> = (1..=100).map(f64::from).collect();
    let q = low_quantile(xs.clone(), 0.1).expect("values");
    assert_eq!(q, 11.0);
    assert!(xs.iter().filter(|&&x| x >= q).count() >= 90);
    assert_eq!(low_quantile(vec![f64::NAN], 0.1), None);
}

#[test]
fn nice_numbers_round_down() {
    assert_eq!(nice_floor(87.6), 87.0);
    assert_eq!(nice_floor(1234.0), 1200.0);
    assert_eq!(nice_floor(199.9), 190.0);
}

#[test]
fn results_keep_their_labels_when_an_arm_is_left_out() {
    use crate::analysis::plan::{Plan, Runner, Serial};
    use crate::model::Preset;
    let base = ValidScenario::try_from(Preset::Baseline.scenario()).expect("valid");
    let mut d = Designer::new(&base, Options::default());
    let arms = d.next_arms().expect("candidates");
    assert_eq!(d.asked.len(), arms.len());
    // As if the first candidate had not validated: its arm and label are gone.
    let left_out = d.candidates[d.asked.remove(0)];
    let runs = Serial.outcomes(&arms[1..], 3);
    d.record(runs.clone());
    assert_eq!(d.scored.len(), arms.len() - 1);
    assert!(d.scored.iter().all(|s| s.candidate != left_out));
    // Each candidate's score comes from its own arm.
    for (arm, xs) in arms[1..].iter().zip(&runs) {
        let t = arm.get().thresholds.mql_threshold;
        let scored = d
            .scored
            .iter()
            .find(|s| s.candidate.threshold == t)
            .expect("scored");
        assert_eq!(scored.bookings, band_of(xs, |o| o.bookings));
    }
}
