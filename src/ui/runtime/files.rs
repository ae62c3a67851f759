//! Scenario files in and out: export as JSON, import from a chosen or dropped file, results
//! as CSV. An import that fails says why and changes nothing.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::analysis::results_csv;
use crate::model::import::{export_json, import_json, ImportError};
use crate::model::library::LibraryError;
use crate::ui::runtime::browser::{self, BrowserError};
use crate::ui::state::{named, AppState};

/// A file name made from a scenario name: letters, digits and dashes only.
pub fn file_stem(name: &str) -> String {
    let stem: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let stem = stem
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if stem.is_empty() {
        "scenario".into()
    } else {
        stem.chars().take(60).collect()
    }
}

/// Downloads `made` as `filename`, or tells the user why `what` could not be exported.
pub fn offer<E: std::fmt::Display>(
    state: AppState,
    what: &str,
    filename: &str,
    mime: &str,
    made: Result<String, E>,
) {
    let failed = match made {
        Ok(text) => browser::download_text(filename, mime, &text)
            .err()
            .map(|e| e.to_string()),
        Err(e) => Some(e.to_string()),
    };
    if let Some(why) = failed {
        state.tell(format!("{what} could not be exported: {why}."));
    }
}

/// Downloads the current scenario as a JSON file.
pub fn export_scenario(state: AppState) {
    let scenario = state.scenario.get_untracked();
    let filename = format!("{}.handoff.json", file_stem(&scenario.name));
    offer(
        state,
        "The scenario",
        &filename,
        "application/json",
        export_json(&scenario),
    );
}

/// Downloads the results on screen as CSV.
pub fn export_results(state: AppState) {
    let Some(result) = state.results.get_untracked() else {
        state.tell("There are no results to export yet.");
        return;
    };
    let filename = format!("{}-results.csv", file_stem(&result.scenario_name));
    offer(
        state,
        "The results",
        &filename,
        "text/csv",
        results_csv(&result),
    );
}

/// Why a scenario file could not be imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportFileError {
    #[error(transparent)]
    Read(#[from] BrowserError),
    #[error(transparent)]
    Import(#[from] ImportError),
    #[error(transparent)]
    Save(#[from] LibraryError),
}

/// Imports a scenario file: on success it joins the saved list and is opened; on failure
/// the message says what is wrong and nothing changes.
pub fn import_file(state: AppState, file: web_sys::File) {
    let file_name = file.name();
    spawn_local(async move {
        match import(state, &file_name, &file).await {
            Ok(saved_as) => state.tell(format!(
                "Imported \"{saved_as}\" and added it to your scenarios."
            )),
            Err(e) => state.tell(format!(
                "\"{file_name}\" could not be imported: {e}. Nothing was changed."
            )),
        }
    });
}

/// Reads, checks and saves a scenario file, then opens it; the name it was saved under.
async fn import(
    state: AppState,
    file_name: &str,
    file: &web_sys::File,
) -> Result<String, ImportFileError> {
    let scenario = import_json(&browser::read_file(file).await?)?;
    let name = if scenario.name.trim().is_empty() {
        file_name.trim_end_matches(".json").to_string()
    } else {
        scenario.name.clone()
    };
    let saved_as = state.save_as(&name, &scenario)?;
    crate::ui::runtime::links::own_again(state);
    state.replace_scenario(
        named(&scenario, &saved_as),
        format!("imported \u{201c}{saved_as}\u{201d}"),
    );
    Ok(saved_as)
}

/// The first file of a drop or a file input, if any.
pub fn first_file(files: Option<web_sys::FileList>) -> Option<web_sys::File> {
    files.and_then(|f| f.get(0))
}
