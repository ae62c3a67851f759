//! Autosave of the current inputs in this browser, and restoring them on the next visit.
//! Nothing leaves the page: the data goes to localStorage only.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::storage;
use crate::model::{ValidWaterfall, WaterfallInputs};

/// Where the current inputs are kept.
pub const CURRENT_KEY: &str = "handoff.current";
/// Where unreadable saved data is moved, so that nothing the user had is overwritten.
pub const BACKUP_KEY: &str = "handoff.current.unreadable";

/// The stored form of the current inputs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stored {
    /// Format version of this envelope.
    pub version: u32,
    pub inputs: WaterfallInputs,
}

/// Current envelope version.
pub const STORED_VERSION: u32 = 1;

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
    pub inputs: WaterfallInputs,
    /// A message for the user when saved data could not be used (it is kept as a backup).
    pub notice: Option<String>,
    pub status: SaveStatus,
}

/// Reads the saved inputs; falls back to the defaults, never panics, never discards data.
pub fn restore() -> Restored {
    let defaults = |notice: Option<String>, status| Restored {
        inputs: WaterfallInputs::default(),
        notice,
        status,
    };
    let raw = match storage::load_raw(CURRENT_KEY) {
        Ok(None) => return defaults(None, SaveStatus::Saved),
        Ok(Some(raw)) => raw,
        Err(e) => return defaults(None, SaveStatus::Off(e.to_string())),
    };
    let problem = match serde_json::from_str::<Stored>(&raw) {
        Ok(stored) if stored.version > STORED_VERSION => format!(
            "it was saved by a newer version of Handoff (format {})",
            stored.version
        ),
        Ok(stored) => match ValidWaterfall::try_from(&stored.inputs) {
            Ok(_) => {
                return Restored {
                    inputs: stored.inputs,
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
            "Your saved scenario could not be opened ({problem}); starting from the defaults. {where_kept}"
        )),
        status,
    )
}

/// Saves the last valid inputs whenever they change.
pub fn autosave(valid_inputs: Memo<Option<WaterfallInputs>>, status: RwSignal<SaveStatus>) {
    Effect::new(move |_| {
        let Some(inputs) = valid_inputs.get() else {
            return;
        };
        if status.get_untracked() == SaveStatus::Protected {
            return;
        }
        let stored = Stored {
            version: STORED_VERSION,
            inputs,
        };
        let next = match storage::save(CURRENT_KEY, &stored) {
            Ok(()) => SaveStatus::Saved,
            Err(e) => SaveStatus::Off(e.to_string()),
        };
        if status.get_untracked() != next {
            status.set(next);
        }
    });
}
