//! Autosave of the current scenario in this browser, and restoring it on the next visit.
//! Nothing leaves the page: the data goes to localStorage only.

use leptos::prelude::*;

use super::storage;
use crate::model::{stored, Scenario, ValidScenario};

/// Where the current scenario is kept.
pub const CURRENT_KEY: &str = "handoff.current";
/// Where unreadable saved data is moved, so that nothing the user had is overwritten.
pub const BACKUP_KEY: &str = "handoff.current.unreadable";

/// Whether autosave works.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    /// Changes are saved in this browser.
    Saved,
    /// The browser refuses to save (the reason is shown).
    Off(String),
    /// Saving is paused so as not to overwrite saved data that could not be read or backed up.
    Protected,
}

/// What was found in storage at start-up.
pub struct Restored {
    pub scenario: Scenario,
    /// A message for the user when saved data could not be used (it is kept as a backup).
    pub notice: Option<String>,
    pub status: SaveStatus,
}

/// Reads the saved scenario; falls back to the defaults, never panics, never discards data.
pub fn restore() -> Restored {
    let defaults = |notice: Option<String>, status| Restored {
        scenario: crate::model::preset(crate::model::Preset::Baseline),
        notice,
        status,
    };
    let raw = match storage::load_raw(CURRENT_KEY) {
        Ok(None) => return defaults(None, SaveStatus::Saved),
        Ok(Some(raw)) => raw,
        Err(e) => return defaults(None, SaveStatus::Off(e.to_string())),
    };
    let problem = match stored::read(&raw) {
        Ok(scenario) => match ValidScenario::try_from(&scenario) {
            Ok(_) => {
                return Restored {
                    scenario,
                    notice: None,
                    status: SaveStatus::Saved,
                }
            }
            Err(errs) => errs.to_string(),
        },
        Err(e) => e.to_string(),
    };
    let kept = storage::save_raw(BACKUP_KEY, &raw);
    let where_kept = match &kept {
        Ok(()) => format!("It is kept in this browser under \"{BACKUP_KEY}\"."),
        Err(e) => format!("It could not be backed up ({e}) and is left where it was."),
    };
    let status = match kept {
        Ok(()) => SaveStatus::Saved,
        // Do not overwrite the only copy of the user's data.
        Err(_) => SaveStatus::Protected,
    };
    defaults(
        Some(format!(
            "Your saved scenario could not be opened ({problem}); starting from the Baseline. {where_kept}"
        )),
        status,
    )
}

/// Saves the scenario whenever it changes and is valid.
pub fn autosave(scenario: RwSignal<Scenario>, valid: Memo<bool>, status: RwSignal<SaveStatus>) {
    Effect::new(move |_| {
        if !valid.get() || status.get_untracked() == SaveStatus::Protected {
            return;
        }
        let next = match scenario.with(stored::write) {
            Ok(text) => match storage::save_raw(CURRENT_KEY, &text) {
                Ok(()) => SaveStatus::Saved,
                Err(e) => SaveStatus::Off(e.to_string()),
            },
            Err(e) => SaveStatus::Off(e.to_string()),
        };
        if status.get_untracked() != next {
            status.set(next);
        }
    });
}
