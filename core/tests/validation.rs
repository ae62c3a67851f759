#![cfg(not(target_arch = "wasm32"))]
//! Validation of scenarios: each kind of bad field is rejected with its path and a readable
//! message, all at once; presets are valid and survive a JSON round trip.

use handoff_core::model::{Burst, Param, Preset, Scenario, ValidScenario};

fn errors(s: &Scenario) -> Vec<(String, String)> {
    match ValidScenario::try_from(s) {
        Ok(_) => Vec::new(),
        Err(e) => Vec::from(e)
            .into_iter()
            .map(|f| (f.path, f.message))
            .collect(),
    }
}

fn rejects(f: impl FnOnce(&mut Scenario), path: &str, words: &str) {
    let mut s = Scenario::default();
    f(&mut s);
    let errs = errors(&s);
    assert!(
        errs.iter().any(|(p, m)| p == path && m.contains(words)),
        "{path} / {words}: {errs:?}"
    );
}

#[test]
fn defaults_and_presets_are_valid() {
    assert!(ValidScenario::try_from(Scenario::default()).is_ok());
    for p in Preset::ALL {
        let s = p.scenario();
        assert!(
            ValidScenario::try_from(&s).is_ok(),
            "{p:?}: {:?}",
            errors(&s)
        );
        assert!(!s.story.is_empty() && !s.sources.is_empty(), "{p:?}");
    }
}

#[test]
fn presets_round_trip_through_json_losslessly() {
    for p in Preset::ALL {
        let s = p.scenario();
        let json = serde_json::to_string(&s).expect("serialises");
        let back: Scenario = serde_json::from_str(&json).expect("parses");
        assert_eq!(back, s, "{p:?}");
        assert_eq!(Preset::from_name(p.name()), Some(p));
    }
}

#[test]
fn negative_volume_is_rejected_with_its_path() {
    rejects(
        |s| s.channels[2].leads_per_week = -5.0,
        "channels[2].leads_per_week",
        "must be between 0 and 100,000 leads per week",
    );
}

#[test]
fn nan_and_infinity_are_rejected() {
    rejects(
        |s| s.sdr.minutes_per_attempt = f64::NAN,
        "sdr.minutes_per_attempt",
        "must be a number",
    );
    rejects(
        |s| s.closing.deal_median = f64::INFINITY,
        "closing.deal_median",
        "must be a number",
    );
}

#[test]
fn absurd_volumes_horizons_and_replications_are_rejected() {
    rejects(
        |s| s.channels[0].leads_per_week = 1e12,
        "channels[0].leads_per_week",
        "100,000",
    );
    rejects(
        |s| s.run.weeks = 100_000.0,
        "run.weeks",
        "between 1 and 208 weeks",
    );
    rejects(
        |s| s.run.replications = 1e9,
        "run.replications",
        "replications",
    );
    rejects(
        |s| {
            s.run.weeks = 208.0;
            s.run.replications = 2_000.0;
        },
        "run.replications",
        "use fewer replications",
    );
    rejects(
        |s| {
            s.channels[0].burst = Some(Burst {
                start_week: 1.0,
                weeks: 3.0,
                extra_leads_per_week: 1e7,
            });
        },
        "channels[0].burst.extra_leads_per_week",
        "leads per week",
    );
}

#[test]
fn whole_numbers_and_orderings_are_enforced() {
    rejects(|s| s.sdr.headcount = 2.5, "sdr.headcount", "whole number");
    rejects(
        |s| s.sdr.max_attempts = 0.0,
        "sdr.max_attempts",
        "between 1 and 20",
    );
    rejects(
        |s| {
            s.thresholds.mql_threshold = 70.0;
            s.thresholds.hot_threshold = Some(60.0);
        },
        "thresholds.hot_threshold",
        "at least the MQL threshold",
    );
    rejects(|s| s.channels.clear(), "channels", "at least one channel");
    rejects(
        |s| s.channels[1].name = "  ".into(),
        "channels[1].name",
        "name",
    );
    rejects(|s| s.version = 99, "version", "between 1 and");
    rejects(
        |s| s.nurture.recycle_percent = 101.0,
        "nurture.recycle_percent",
        "between 0 and 100%",
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let mut s = Scenario::default();
    s.channels[2].leads_per_week = -5.0;
    s.sdr.headcount = f64::NAN;
    s.closing.cycle_median_days = 0.0;
    s.run.weeks = 0.0;
    let paths: Vec<String> = errors(&s).into_iter().map(|e| e.0).collect();
    assert_eq!(
        paths,
        vec![
            "channels[2].leads_per_week",
            "sdr.headcount",
            "closing.cycle_median_days",
            "run.weeks"
        ]
    );
}

#[test]
fn missing_fields_take_defaults_and_bad_json_is_an_error() {
    let s: Scenario = serde_json::from_str(r#"{"run": {"weeks": 10}}"#).expect("parses");
    assert_eq!(s.run.weeks, 10.0);
    assert_eq!(s.channels.len(), 4);
    assert_eq!(s.sdr, Scenario::default().sdr);
    assert!(serde_json::from_str::<Scenario>(r#"{"sdr": {"headcount": "three"}}"#).is_err());
}

#[test]
fn every_param_has_metadata_for_a_control() {
    for p in Param::ALL {
        let s = p.spec();
        assert!(s.min < s.max, "{p:?}");
        assert!(!s.unit.is_empty() || s.label.contains("spread"), "{p:?}");
    }
}

#[test]
fn more_replications_cannot_bypass_the_work_limit() {
    let mut s = Scenario::default();
    s.run.weeks = 208.0;
    let v = ValidScenario::try_from(&s).expect("valid");
    let most = v.with_replications(usize::MAX);
    assert!(most.replications() >= 1);
    assert!(
        ValidScenario::try_from(most.get()).is_ok(),
        "{} replications of 208 weeks must still validate",
        most.replications()
    );
    assert_eq!(v.with_replications(0).replications(), 1);
}

#[test]
fn a_validation_failure_is_never_empty() {
    use handoff_core::model::{FieldError, ValidationErrors};
    assert!(ValidationErrors::try_from(Vec::new()).is_err());
    assert!(serde_json::from_str::<ValidationErrors>("[]").is_err());
    let one = ValidationErrors::new(FieldError::new("sdr.headcount", "too many"), []);
    let back: ValidationErrors =
        serde_json::from_str(&serde_json::to_string(&one).expect("json")).expect("parses");
    assert_eq!(back, one);
}
