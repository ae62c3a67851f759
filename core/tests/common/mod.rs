//! Helpers shared by the scenario test files.
#![allow(dead_code, reason = "each test file uses some of the helpers")]

use handoff_core::model::share;
use handoff_core::model::{
    export_json, import_json, open_link, scenario_link, Preset, Scenario, ValidScenario,
};
use proptest::prelude::*;
use serde_json::Value;

pub fn file_of(s: &Scenario) -> String {
    export_json(s).expect("exports")
}

pub fn link_of(s: &Scenario) -> String {
    scenario_link(s).expect("encodes")
}

/// The export of the Baseline preset as JSON, to edit.
pub fn baseline_json() -> Value {
    serde_json::from_str(&file_of(&Preset::Baseline.scenario())).expect("parses")
}

/// Asserts that `message` mentions every one of `words`.
pub fn mentions(message: &str, words: &[&str]) {
    for w in words {
        assert!(message.contains(w), "{w:?} not in: {message}");
    }
}

/// The message of an import error, for `contains` checks.
pub fn import_error(text: &str) -> String {
    match import_json(text) {
        Ok(s) => panic!("accepted: {s:?}"),
        Err(e) => e.to_string(),
    }
}

pub fn link_error(text: &str) -> String {
    match open_link(text) {
        Ok(s) => panic!("accepted: {s:?}"),
        Err(e) => e.to_string(),
    }
}

/// `Ok` must be a valid scenario; an error must say something.
pub fn ok_means_valid<E: std::fmt::Display>(r: Result<Scenario, E>) -> Result<(), TestCaseError> {
    match r {
        Ok(s) => prop_assert!(
            ValidScenario::try_from(&s).is_ok(),
            "an invalid scenario came through: {s:?}"
        ),
        Err(e) => prop_assert!(!e.to_string().is_empty()),
    }
    Ok(())
}

/// The text of a link whose content is exactly `json`.
pub fn link_with(json: &Value) -> String {
    share::encode(json).expect("encodes")
}
