//! The one small application state, provided by context.

use std::sync::Arc;

use leptos::prelude::*;

use crate::analysis::{Comparison, Diagnosis, RunReport};
use crate::model::library::{Library, LibraryError};
use crate::model::{Scenario, ValidScenario, ValidationErrors};
use crate::ui::runtime::persist::{SaveStatus, Unreadable};

/// How far the Monte Carlo run for the current scenario has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    pub replications_done: usize,
    pub replications: usize,
    pub levers_done: usize,
    pub levers: usize,
    /// How many runs have finished since the page loaded (for tests and benchmarks).
    pub runs_finished: u64,
    /// Web Workers computing this run (0: on the page itself).
    pub workers: usize,
}

impl Progress {
    /// Whether results are still refining.
    pub fn running(&self) -> bool {
        self.replications_done < self.replications || self.levers_done < self.levers
    }
}

/// One side of a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The scenario being edited.
    Current,
    /// The copy pinned with "Pin as A".
    Pinned,
    /// A saved scenario, by id.
    Saved(u64),
}

/// Which two scenarios are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompareChoice {
    pub a: Side,
    pub b: Side,
}

/// The results of a comparison: both runs (same seed, so common random numbers) and the
/// paired differences.
#[derive(Debug, Clone)]
pub struct CompareView {
    pub a_name: String,
    pub b_name: String,
    pub a: RunReport,
    pub b: RunReport,
    pub comparison: Comparison,
    /// Whether more replications are still coming.
    pub running: bool,
}

/// Why a comparison cannot run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CompareError {
    #[error("one of the two scenarios no longer exists")]
    Missing,
    /// `name` labels the side ("Baseline (current)").
    #[error("\"{name}\" has invalid values: {errors}")]
    Invalid {
        name: String,
        errors: ValidationErrors,
    },
}

/// The results of the last valid scenario, as a component reads them (a prop).
pub type Results = Signal<Option<Arc<RunReport>>>;
/// The validation of the current scenario, as a component reads it (a prop).
pub type Validated = Signal<Result<ValidScenario, ValidationErrors>>;

/// The diagnosis of the last valid scenario, as a component reads it (a prop).
pub type Diagnosed = Signal<Option<Arc<Diagnosis>>>;

/// What a control of the scenario needs: the scenario it edits and its validation.
#[derive(Clone, Copy)]
pub struct Editing {
    pub scenario: RwSignal<Scenario>,
    pub validated: Memo<Result<ValidScenario, ValidationErrors>>,
}

impl Editing {
    /// The validation message for one field path, if the field is invalid.
    pub fn error_for(&self, path: &str) -> Option<String> {
        self.validated.with(|v| {
            v.as_ref().err().and_then(|errs| {
                let msgs: Vec<String> = errs.for_path(path).map(|e| e.message.clone()).collect();
                (!msgs.is_empty()).then(|| msgs.join("; "))
            })
        })
    }
}

/// What the whole app shares.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The scenario exactly as the user edited it (may be invalid).
    pub scenario: RwSignal<Scenario>,
    /// Validation of the current scenario.
    pub validated: Memo<Result<ValidScenario, ValidationErrors>>,
    /// Results of the last valid scenario (kept on screen while an input is invalid).
    pub results: RwSignal<Option<Arc<RunReport>>>,
    /// Bottleneck diagnosis of the last valid scenario, once its levers are measured.
    pub diagnosis: RwSignal<Option<Arc<Diagnosis>>>,
    pub progress: RwSignal<Progress>,
    /// Whether changes are being saved in this browser.
    pub save_status: RwSignal<SaveStatus>,
    /// A message for the user (e.g. saved data that could not be opened), dismissible.
    pub notice: RwSignal<Option<String>>,
    /// Saved data that could not be opened at start-up, kept as a backup: offered for download
    /// and, where this version can read it, restore.
    pub recovery: RwSignal<Vec<Unreadable>>,
    /// The user's saved scenarios.
    pub library: RwSignal<Library<Scenario>>,
    /// The current scenario came from a shared link and is not saved until the user says so.
    pub shared_view: RwSignal<bool>,
    /// The copy of a scenario pinned as A for a comparison.
    pub pinned: RwSignal<Option<Scenario>>,
    /// The comparison shown, if any.
    pub compare: RwSignal<Option<CompareChoice>>,
    /// The scenario the user had before the last open, preset or import replaced it, and
    /// what replaced it (so that the replacement can be undone).
    pub replaced: RwSignal<Option<(Scenario, String)>>,
    /// Its results, or why it cannot run.
    pub comparison: RwSignal<Option<Result<Arc<CompareView>, CompareError>>>,
}

impl AppState {
    pub fn new(initial: Scenario, save_status: SaveStatus) -> Self {
        let scenario = RwSignal::new(initial);
        let validated = Memo::new(move |_| scenario.with(|s| ValidScenario::try_from(s)));
        Self {
            scenario,
            validated,
            results: RwSignal::new(None),
            diagnosis: RwSignal::new(None),
            progress: RwSignal::new(Progress::default()),
            save_status: RwSignal::new(save_status),
            notice: RwSignal::new(None),
            recovery: RwSignal::new(Vec::new()),
            library: RwSignal::new(Library::default()),
            shared_view: RwSignal::new(false),
            pinned: RwSignal::new(None),
            compare: RwSignal::new(None),
            comparison: RwSignal::new(None),
            replaced: RwSignal::new(None),
        }
    }

    /// The scenario and its validation, for the controls.
    pub fn editing(&self) -> Editing {
        Editing {
            scenario: self.scenario,
            validated: self.validated,
        }
    }

    /// The scenario on one side of a comparison, with its name.
    pub fn side(&self, side: Side) -> Option<Scenario> {
        match side {
            Side::Current => Some(self.scenario.get()),
            Side::Pinned => self.pinned.get(),
            Side::Saved(id) => self
                .library
                .with(|l| l.get(id).map(|e| named(&e.item, &e.name))),
        }
    }

    /// Replaces the scenario being edited (open, preset, import), keeping the one before so
    /// that the user can go back to it; `what` names the replacement.
    pub fn replace_scenario(&self, next: Scenario, what: impl Into<String>) {
        let before = self.scenario.get_untracked();
        if before != next {
            self.replaced.set(Some((before, what.into())));
        }
        self.scenario.set(next);
    }

    /// Adds `scenario` to the saved list under `name` (made unique) and returns the name it
    /// got; the saved copy carries that name.
    pub fn save_as(&self, name: &str, scenario: &Scenario) -> Result<String, LibraryError> {
        self.library
            .try_update(|l| {
                let id = l.add(name, scenario.clone())?;
                let saved = l.get(id).map(|e| e.name.clone()).unwrap_or_default();
                l.update(id, named(scenario, &saved))?;
                Ok(saved)
            })
            .unwrap_or(Err(LibraryError::Unavailable))
    }

    /// Shows a message to the user.
    pub fn tell(&self, text: impl Into<String>) {
        self.notice.set(Some(text.into()));
    }

    /// Whether the current scenario is valid.
    pub fn is_valid(&self) -> bool {
        self.validated.with(Result::is_ok)
    }
}

/// A copy of `s` carrying the name it was saved under.
pub fn named(s: &Scenario, name: &str) -> Scenario {
    Scenario {
        name: name.to_string(),
        ..s.clone()
    }
}
