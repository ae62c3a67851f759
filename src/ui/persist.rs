//! Autosave of the current scenario and the saved list in this browser, and restoring them on
//! the next visit; unreadable data is moved to `<key>.unreadable`, never overwritten.
//! Nothing leaves the page: the data goes to localStorage only.

use leptos::prelude::*;

use super::state::AppState;
use super::storage;
use crate::model::library::Library;
use crate::model::{saved, stored, Scenario, ValidScenario};

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

/// Reads what is stored under `key` with `read`. Unreadable data is copied to
/// `"{key}.unreadable"` and reported, never discarded. `None` when nothing usable is stored.
fn restore_key<T>(
    key: &str,
    what: &str,
    read: impl Fn(&str) -> Result<T, String>,
) -> (Option<T>, Option<String>, SaveStatus) {
    let raw = match storage::load_raw(key) {
        Ok(None) => return (None, None, SaveStatus::Saved),
        Ok(Some(raw)) => raw,
        Err(e) => return (None, None, SaveStatus::Off(e.to_string())),
    };
    let problem = match read(&raw) {
        Ok(value) => return (Some(value), None, SaveStatus::Saved),
        Err(problem) => problem,
    };
    let backup = format!("{key}.unreadable");
    let kept = storage::save_raw(&backup, &raw);
    let where_kept = match &kept {
        Ok(()) => format!("It is kept in this browser under \"{backup}\"."),
        Err(e) => format!("It could not be backed up ({e}) and is left where it was."),
    };
    let status = match kept {
        Ok(()) => SaveStatus::Saved,
        // Do not overwrite the only copy of the user's data.
        Err(_) => SaveStatus::Protected,
    };
    let notice = format!("{what} could not be opened ({problem}). {where_kept}");
    (None, Some(notice), status)
}

/// Reads the saved scenario; falls back to the Baseline, never panics, never discards data.
pub fn restore() -> Restored {
    let (scenario, notice, status) = restore_key(CURRENT_KEY, "Your saved scenario", |raw| {
        let scenario = stored::read(raw).map_err(|e| e.to_string())?;
        ValidScenario::try_from(&scenario).map_err(|e| e.to_string())?;
        Ok(scenario)
    });
    Restored {
        scenario: scenario.unwrap_or_else(|| crate::model::preset(crate::model::Preset::Baseline)),
        notice: notice.map(|n| format!("{n} Starting from the Baseline.")),
        status,
    }
}

/// Reads the saved list; an empty list when there is none or it cannot be read (then kept
/// as a backup and reported).
pub fn restore_library() -> (Library<Scenario>, Option<String>, SaveStatus) {
    let (library, notice, status) = restore_key(LIBRARY_KEY, "Your saved scenarios", |raw| {
        saved::read_library(raw).map_err(|e| e.to_string())
    });
    (library.unwrap_or_default(), notice, status)
}

fn save(key: &str, text: Result<String, serde_json::Error>) -> SaveStatus {
    match text {
        Ok(text) => match storage::save_raw(key, &text) {
            Ok(()) => SaveStatus::Saved,
            Err(e) => SaveStatus::Off(e.to_string()),
        },
        Err(e) => SaveStatus::Off(e.to_string()),
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
