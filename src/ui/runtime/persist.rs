//! Autosave of the current scenario and the saved list in this browser, and restoring them on
//! the next visit; unreadable data is moved to `<key>.unreadable`, never overwritten.
//! Nothing leaves the page: the data goes to localStorage only.

use leptos::prelude::*;

use crate::model::access::field_label;
use crate::model::library::Library;
use crate::model::{saved, stored, Scenario, ValidScenario};
use crate::ui::runtime::storage::{self, StorageError};
use crate::ui::state::AppState;

/// Where the current scenario is kept.
pub const CURRENT_KEY: &str = "handoff.current";
/// Where the saved scenarios are kept.
pub const LIBRARY_KEY: &str = "handoff.library";

/// Whether autosave works.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    /// Changes are saved in this browser.
    Saved,
    /// The browser refuses to save (the reason is shown).
    Off(SaveError),
    /// Saving is paused so as not to overwrite saved data that could not be read or backed up.
    Protected,
}

/// Why a change could not be saved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SaveError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// The scenario or the list could not be written as text (the serializer's words).
    #[error("the data could not be written: {0}")]
    Encode(String),
}

/// Saved data that could not be opened nor copied aside: it is left where it was and saving
/// is paused, so that nothing overwrites the only copy.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{what} could not be opened: {why}.{fallback} It could not be copied aside ({cause}), so it is left where it was and saving is paused.")]
pub struct NotBackedUp {
    /// What could not be opened ("Your saved scenario").
    what: &'static str,
    /// Why it could not be opened, in plain words.
    why: String,
    /// What Handoff did instead (" Handoff started from the Baseline."), or nothing.
    fallback: &'static str,
    /// Why the copy failed.
    cause: StorageError,
}

/// What was found in storage at start-up.
pub struct Restored {
    pub scenario: Scenario,
    /// Fields of the stored scenario this version does not know (ignored; named to the user).
    pub ignored: Vec<String>,
    /// Saved data that could not be used nor backed up, for a message to the user.
    pub notice: Option<NotBackedUp>,
    /// Saved data that could not be used, kept as a backup (offered for download or restore).
    pub unreadable: Option<Unreadable>,
    pub status: SaveStatus,
}

/// Saved data that could not be opened, kept in this browser under a backup key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// Where the copy is kept.
    pub backup: String,
    /// What could not be opened and why, in plain words.
    pub message: String,
    /// Whether "Restore" can bring it back into the editor: it reads, but some values are not
    /// allowed in this version (they are then marked at their fields).
    pub restorable: bool,
    /// The name the copy is downloaded under.
    pub filename: &'static str,
}

/// Why stored data could not be used: in plain words, and whether it can be restored.
struct Problem {
    why: String,
    restorable: bool,
}

impl Problem {
    fn not_restorable(why: impl Into<String>) -> Self {
        Problem {
            why: why.into(),
            restorable: false,
        }
    }
}

const DAMAGED: &str = "the data is damaged, so this version of Handoff cannot read it";
const NEWER: &str = "it was saved by a newer version of Handoff";

/// Reads what is stored under `key` with `read`. Unreadable data is copied to
/// `"{key}.unreadable"` and reported, never discarded. `None` when nothing usable is stored.
fn restore_key<T>(
    key: &str,
    what: &'static str,
    filename: &'static str,
    fallback: &'static str,
    read: impl Fn(&str) -> Result<T, Problem>,
) -> (
    Option<T>,
    Result<Option<Unreadable>, NotBackedUp>,
    SaveStatus,
) {
    let raw = match storage::load_raw(key) {
        Ok(None) => return (None, Ok(None), SaveStatus::Saved),
        Ok(Some(raw)) => raw,
        Err(e) => return (None, Ok(None), SaveStatus::Off(e.into())),
    };
    let problem = match read(&raw) {
        Ok(value) => return (Some(value), Ok(None), SaveStatus::Saved),
        Err(problem) => problem,
    };
    let backup = format!("{key}.unreadable");
    match storage::save_raw(&backup, &raw) {
        Ok(()) => {
            let next = if problem.restorable {
                "Restore it to fix the values marked at their fields, or download a copy."
            } else {
                "Download it to keep a copy."
            };
            let message = format!(
                "{what} could not be opened: {}.{fallback} It is kept safe in this browser. {next}",
                problem.why
            );
            let unreadable = Unreadable {
                backup,
                message,
                restorable: problem.restorable,
                filename,
            };
            (None, Ok(Some(unreadable)), SaveStatus::Saved)
        }
        // Do not overwrite the only copy of the user's data.
        Err(cause) => (
            None,
            Err(NotBackedUp {
                what,
                why: problem.why,
                fallback,
                cause,
            }),
            SaveStatus::Protected,
        ),
    }
}

/// Reads a stored scenario (any format this version knows), not yet validated.
pub fn read_scenario(raw: &str) -> Option<Scenario> {
    stored::read(raw).ok()
}

/// Reads the saved scenario; falls back to the Baseline, never panics, never discards data.
pub fn restore() -> Restored {
    let (scenario, found, status) = restore_key(
        CURRENT_KEY,
        "Your saved scenario",
        "handoff-unreadable-scenario.json",
        " Handoff started from the Baseline.",
        |raw| {
            let (scenario, ignored) = stored::read_naming_unknown(raw).map_err(|e| match e {
                stored::StoredError::Newer(_) => Problem::not_restorable(NEWER),
                stored::StoredError::Unreadable(_) => Problem::not_restorable(DAMAGED),
            })?;
            match ValidScenario::try_from(&scenario) {
                Ok(_) => Ok((scenario, ignored)),
                Err(errs) => Err(Problem {
                    why: format!(
                        "some of its values are not allowed in this version ({})",
                        errs.errors()
                            .iter()
                            .map(|e| field_label(&scenario, &e.path))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    restorable: true,
                }),
            }
        },
    );
    let (notice, unreadable) = match found {
        Ok(u) => (None, u),
        Err(n) => (Some(n), None),
    };
    let (scenario, ignored) = scenario.unwrap_or_else(|| {
        (
            crate::model::preset(crate::model::Preset::Baseline),
            Vec::new(),
        )
    });
    Restored {
        scenario,
        ignored,
        notice,
        unreadable,
        status,
    }
}

/// Reads the saved list; an empty list when there is none or it cannot be read (then kept
/// as a backup and reported).
pub fn restore_library() -> (
    Library<Scenario>,
    Result<Option<Unreadable>, NotBackedUp>,
    SaveStatus,
) {
    let (library, found, status) = restore_key(
        LIBRARY_KEY,
        "Your saved scenarios",
        "handoff-unreadable-saved-scenarios.json",
        "",
        |raw| {
            saved::read_library(raw).map_err(|e| match e {
                saved::SavedError::Newer(_) => Problem::not_restorable(NEWER),
                saved::SavedError::Unreadable(_) => Problem::not_restorable(DAMAGED),
            })
        },
    );
    (library.unwrap_or_default(), found, status)
}

fn save(key: &str, text: Result<String, serde_json::Error>) -> SaveStatus {
    let saved = text
        .map_err(|e| SaveError::Encode(e.to_string()))
        .and_then(|text| Ok(storage::save_raw(key, &text)?));
    match saved {
        Ok(()) => SaveStatus::Saved,
        Err(e) => SaveStatus::Off(e),
    }
}

fn set_status(status: RwSignal<SaveStatus>, next: SaveStatus) {
    if status.get_untracked() != next {
        status.set(next);
    }
}

/// Saves the current scenario whenever it changes and is valid, unless it is a shared
/// scenario the user has not chosen to keep; saves the list whenever it changes.
pub fn autosave(state: AppState) {
    let valid = Memo::new(move |_| state.is_valid());
    Effect::new(move |_| {
        if !valid.get() || state.shared_view.get() {
            return;
        }
        if state.save_status.get_untracked() == SaveStatus::Protected {
            return;
        }
        let next = save(CURRENT_KEY, state.scenario.with(stored::write));
        set_status(state.save_status, next);
    });
    Effect::new(move |first: Option<()>| {
        let text = state.library.with(saved::write_library);
        // Nothing to write on start-up: the list was just read.
        if first.is_none() || state.save_status.get_untracked() == SaveStatus::Protected {
            return;
        }
        set_status(state.save_status, save(LIBRARY_KEY, text));
    });
}
