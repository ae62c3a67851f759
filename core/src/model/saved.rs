//! The saved scenarios (a [`Library`] of scenarios) as stored in the browser, behind a format
//! version. A saved scenario is kept even when it no longer passes validation (the list shows
//! it with its errors); a file that cannot be read, or comes from a newer version, is an error
//! so that the caller keeps it rather than overwrite it.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::library::Library;
use super::scenario::Scenario;

/// Current format version of the saved list.
pub const LIBRARY_VERSION: u32 = 1;

/// Why the saved list could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SavedError {
    #[error("the saved scenarios are not readable ({0})")]
    Unreadable(String),
    #[error("the saved scenarios come from a newer version of Handoff (format {0}); this version reads formats up to {LIBRARY_VERSION}")]
    Newer(u32),
}

#[derive(Serialize)]
struct Out<'a> {
    version: u32,
    library: &'a Library<Scenario>,
}

#[derive(Deserialize)]
struct In {
    version: u64,
    library: Option<Value>,
}

/// The text to store for the saved list.
pub fn write_library(library: &Library<Scenario>) -> Result<String, serde_json::Error> {
    serde_json::to_string(&Out {
        version: LIBRARY_VERSION,
        library,
    })
}

/// Reads the saved list. Entries are not validated; a newer format is refused, not dropped;
/// repeated ids (a tampered list) are renumbered, keeping every entry.
pub fn read_library(text: &str) -> Result<Library<Scenario>, SavedError> {
    let unreadable = |e: serde_json::Error| SavedError::Unreadable(e.to_string());
    let saved: In = serde_json::from_str(text).map_err(unreadable)?;
    if saved.version > u64::from(LIBRARY_VERSION) {
        return Err(SavedError::Newer(
            u32::try_from(saved.version).unwrap_or(u32::MAX),
        ));
    }
    if saved.version != u64::from(LIBRARY_VERSION) {
        return Err(SavedError::Unreadable(format!(
            "unknown format {}",
            saved.version
        )));
    }
    let library = saved
        .library
        .ok_or_else(|| SavedError::Unreadable("the list of scenarios is missing".into()))?;
    let mut library: Library<Scenario> = serde_json::from_value(library).map_err(unreadable)?;
    library.repair_ids();
    Ok(library)
}
