//! The guided tour's state: which step, the learner's prediction, and the scenario they had
//! before the tour (restored when they leave). Kept in the browser so that progress survives
//! a reload. Provided by context; not part of the scenario.

use std::sync::Arc;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::analysis::tour::Step;
use crate::analysis::RunReport;
use crate::model::Scenario;
use crate::ui::runtime::storage;

const KEY: &str = "handoff-tour-v1";

/// What survives a reload.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TourProgress {
    /// Whether the tour is open.
    pub open: bool,
    /// Index into [`Step::ALL`].
    pub step: usize,
    /// The learner's prediction: an index into the step's choices.
    pub chosen: Option<usize>,
    /// The learner's own scenario, put back when they leave the tour.
    pub own: Option<Scenario>,
}

impl TourProgress {
    pub fn step(&self) -> Step {
        Step::ALL.get(self.step).copied().unwrap_or(Step::ALL[0])
    }
}

/// Where a step is: its starting run, the prediction, the changed run, the reveal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Running the step's starting scenario.
    Preparing {
        after_run: u64,
    },
    Predict,
    /// Running the changed scenario.
    Running {
        after_run: u64,
    },
    Revealed,
}

/// The tour, shared by the header's button and the panel.
#[derive(Clone, Copy)]
pub struct Tour {
    pub progress: RwSignal<TourProgress>,
    pub phase: RwSignal<Phase>,
    pub before: RwSignal<Option<Arc<RunReport>>>,
    pub after: RwSignal<Option<Arc<RunReport>>>,
}

impl Tour {
    /// The tour as it was left in this browser (closed and at the start if nothing was saved
    /// or it cannot be read).
    pub fn restore() -> Tour {
        let progress = storage::load_raw(KEY)
            .ok()
            .flatten()
            .and_then(|text| serde_json::from_str::<TourProgress>(&text).ok())
            .unwrap_or_default();
        Tour {
            progress: RwSignal::new(progress),
            phase: RwSignal::new(Phase::Preparing { after_run: 0 }),
            before: RwSignal::new(None),
            after: RwSignal::new(None),
        }
    }

    /// Saves progress whenever it changes (best effort: when the browser cannot save, the
    /// header already says that saving is off).
    pub fn autosave(self) {
        Effect::new(move |_| {
            let text = self.progress.with(serde_json::to_string);
            if let Ok(text) = text {
                // A failure is already told by the header's save status.
                storage::save_raw(KEY, &text).ok();
            }
        });
    }
}
