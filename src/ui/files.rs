//! Scenario files in and out: export as JSON, import from a chosen or dropped file, results
//! as CSV. An import that fails says why and changes nothing.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser;
use super::state::{named, AppState};
use crate::analysis::results_csv;
use crate::model::import::{export_json, import_json};

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
    let done = made
        .map_err(|e| e.to_string())
        .and_then(|text| browser::download_text(filename, mime, &text).map_err(|e| e.to_string()));
    if let Err(e) = done {
        state.tell(format!("{what} could not be exported: {e}."));
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

/// Imports a scenario file: on success it joins the saved list and is opened; on failure
/// the message says what is wrong and nothing changes.
pub fn import_file(state: AppState, file: web_sys::File) {
    let file_name = file.name();
    spawn_local(async move {
        let outcome = match browser::read_file(&file).await {
            Ok(text) => import_json(&text).map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        };
        let scenario = match outcome {
            Ok(s) => s,
            Err(e) => {
                state.tell(format!(
                    "\"{file_name}\" could not be imported: {e}. Nothing was changed."
                ));
                return;
            }
        };
        let name = if scenario.name.trim().is_empty() {
            file_name.trim_end_matches(".json").to_string()
        } else {
            scenario.name.clone()
        };
        match state.save_as(&name, &scenario) {
            Ok(saved_as) => {
                super::links::own_again(state);
                state.replace_scenario(
                    named(&scenario, &saved_as),
                    format!("imported \u{201c}{saved_as}\u{201d}"),
                );
                state.tell(format!(
                    "Imported \"{saved_as}\" and added it to your scenarios."
                ));
            }
            Err(e) => state.tell(format!(
                "\"{file_name}\" could not be imported: {e}. Nothing was changed."
            )),
        }
    });
}

/// The first file of a drop or a file input, if any.
pub fn first_file(files: Option<web_sys::FileList>) -> Option<web_sys::File> {
    files.and_then(|f| f.get(0))
}
