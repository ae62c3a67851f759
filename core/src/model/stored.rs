//! The stored form of the current scenario in the browser, with its format version, and the
//! migration of older stored forms, so a scenario saved by an older version still opens.

use serde::{Deserialize, Serialize};

use super::scenario::{Channel, Scenario};
use super::waterfall::WaterfallInputs;

/// Current envelope version.
pub const STORED_VERSION: u32 = 2;

/// The envelope written to storage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stored {
    pub version: u32,
    pub scenario: Scenario,
}

/// Why stored text could not be turned into a scenario.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoredError {
    #[error("it is not readable ({0})")]
    Unreadable(String),
    #[error("it was saved by a newer version of Handoff (format {0}); this version reads up to {STORED_VERSION}")]
    Newer(u32),
}

#[derive(Deserialize)]
struct VersionOnly {
    #[serde(default)]
    version: u32,
}

#[derive(Deserialize)]
struct StoredV1 {
    inputs: WaterfallInputs,
}

/// Version 1 stored the expected-value funnel's inputs: their channels, volumes, horizon and
/// deal size carry over; everything else takes the scenario defaults.
fn from_v1(v1: &WaterfallInputs) -> Scenario {
    let defaults = Scenario::default();
    let channels = v1
        .channels
        .iter()
        .enumerate()
        .map(|(i, c)| Channel {
            name: c.name.clone(),
            leads_per_week: c.leads_per_week,
            ..defaults.channels.get(i).cloned().unwrap_or_default()
        })
        .collect();
    let mut s = Scenario {
        channels,
        ..defaults
    };
    s.run.weeks = f64::from(v1.weeks);
    s.closing.deal_median = v1.deal_size;
    s
}

/// Reads stored text of any known version into the current scenario type.
pub fn read(text: &str) -> Result<Scenario, StoredError> {
    let unreadable = |e: serde_json::Error| StoredError::Unreadable(e.to_string());
    let version = serde_json::from_str::<VersionOnly>(text)
        .map_err(unreadable)?
        .version;
    match version {
        1 => Ok(from_v1(
            &serde_json::from_str::<StoredV1>(text)
                .map_err(unreadable)?
                .inputs,
        )),
        STORED_VERSION => Ok(serde_json::from_str::<Stored>(text)
            .map_err(unreadable)?
            .scenario),
        v if v > STORED_VERSION => Err(StoredError::Newer(v)),
        v => Err(StoredError::Unreadable(format!("unknown format {v}"))),
    }
}

/// Reads stored text like [`read`], and names the fields of the current format it does not
/// know (a hand-edited `"headcont"`, say), which take no part in the scenario.
pub fn read_naming_unknown(text: &str) -> Result<(Scenario, Vec<String>), StoredError> {
    let scenario = read(text)?;
    let mut unknown = Vec::new();
    let mut de = serde_json::Deserializer::from_str(text);
    let known: Result<Stored, _> = serde_ignored::deserialize(&mut de, |path| {
        let p = super::import::field_path(&path);
        unknown.push(
            p.strip_prefix("scenario.")
                .map_or(p.clone(), str::to_string),
        );
    });
    // Version 1 has other fields, all known to its reader.
    if known.is_err() {
        unknown.clear();
    }
    Ok((scenario, unknown))
}

/// The text to store for a scenario.
pub fn write(scenario: &Scenario) -> Result<String, serde_json::Error> {
    serde_json::to_string(&Stored {
        version: STORED_VERSION,
        scenario: scenario.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn current_version_round_trips() {
        let mut s = Scenario::default();
        s.sdr.headcount = 7.0;
        let text = write(&s).expect("writes");
        assert_eq!(read(&text), Ok(s));
    }

    #[test]
    fn version_1_is_migrated() {
        let mut v1 = WaterfallInputs::default();
        v1.channels[1].leads_per_week = 999.0;
        v1.weeks = 26;
        v1.deal_size = 40_000.0;
        let text = serde_json::json!({ "version": 1, "inputs": v1 }).to_string();
        let s = read(&text).expect("migrates");
        assert_eq!(s.channels.len(), 4);
        assert_eq!(s.channels[1].name, "Content download");
        assert_eq!(s.channels[1].leads_per_week, 999.0);
        assert_eq!(s.run.weeks, 26.0);
        assert_eq!(s.closing.deal_median, 40_000.0);
        assert!(crate::model::ValidScenario::try_from(&s).is_ok());
    }

    #[test]
    fn newer_and_broken_data_are_refused_with_a_reason() {
        assert_eq!(
            read(r#"{"version": 99, "scenario": {}}"#),
            Err(StoredError::Newer(99))
        );
        assert!(matches!(read("{not json"), Err(StoredError::Unreadable(_))));
        assert!(matches!(
            read(r#"{"version": 2, "scenario": {"run": {"weeks": "many"}}}"#),
            Err(StoredError::Unreadable(_))
        ));
    }
}

#[cfg(test)]
mod unknown_tests {
    use super::*;

    #[test]
    fn stored_fields_this_version_does_not_know_are_named() {
        let text = write(&Scenario::default()).expect("writes");
        assert_eq!(read_naming_unknown(&text).map(|r| r.1), Ok(Vec::new()));
        let typo = text.replacen("\"headcount\"", "\"headcont\"", 1);
        let (scenario, unknown) = read_naming_unknown(&typo).expect("still readable");
        assert_eq!(unknown, vec!["sdr.headcont".to_string()]);
        assert_eq!(scenario.sdr.headcount, Scenario::default().sdr.headcount);
        let extra = text.replacen("{", "{\"colour\":\"red\",", 1);
        assert_eq!(
            read_naming_unknown(&extra).map(|r| r.1),
            Ok(vec!["colour".to_string()])
        );
    }
}
