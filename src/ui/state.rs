//! The one small application state, provided by context.

use leptos::prelude::*;

use super::persist::{self, SaveStatus};
use crate::engine::{expected_funnel, ExpectedFunnel};
use crate::model::{ValidWaterfall, ValidationErrors, WaterfallInputs};

/// What the whole app shares: the inputs as edited, their validation, and the last valid
/// results (kept on screen while an input is invalid).
#[derive(Clone, Copy)]
pub struct AppState {
    /// The inputs exactly as the user edited them (may be invalid).
    pub inputs: RwSignal<WaterfallInputs>,
    /// Validation of the current inputs.
    pub validated: Memo<Result<ValidWaterfall, ValidationErrors>>,
    /// The expected funnel of the last valid inputs.
    pub funnel: Memo<ExpectedFunnel>,
    /// Whether changes are being saved in this browser.
    pub save_status: RwSignal<SaveStatus>,
    /// A message for the user (e.g. saved data that could not be opened), dismissible.
    pub notice: RwSignal<Option<String>>,
}

impl AppState {
    /// The state restored from this browser's storage (or the defaults), with autosave on.
    pub fn restored() -> Self {
        let restored = persist::restore();
        let state = Self::new(restored.inputs, restored.status);
        state.notice.set(restored.notice);
        let validated = state.validated;
        let inputs = state.inputs;
        let last_valid = Memo::new(move |_| validated.with(Result::is_ok).then(|| inputs.get()));
        persist::autosave(last_valid, state.save_status);
        state
    }

    pub fn new(initial: WaterfallInputs, save_status: SaveStatus) -> Self {
        let inputs = RwSignal::new(initial);
        let validated = Memo::new(move |_| inputs.with(|i| ValidWaterfall::try_from(i)));
        let funnel = Memo::new(move |prev: Option<&ExpectedFunnel>| match validated.get() {
            Ok(valid) => expected_funnel(&valid),
            Err(_) => prev.cloned().unwrap_or_else(|| {
                let defaults = ValidWaterfall::try_from(&WaterfallInputs::default());
                defaults.map_or_else(
                    |_| ExpectedFunnel {
                        stages: Vec::new(),
                        bookings: crate::model::Money(0.0),
                        weeks: 0,
                    },
                    |v| expected_funnel(&v),
                )
            }),
        });
        Self {
            inputs,
            validated,
            funnel,
            save_status: RwSignal::new(save_status),
            notice: RwSignal::new(None),
        }
    }

    /// The validation message for one field path, if the field is invalid.
    pub fn error_for(&self, path: &str) -> Option<String> {
        self.validated.with(|v| {
            v.as_ref().err().and_then(|errs| {
                let msgs: Vec<String> = errs.for_path(path).map(|e| e.message.clone()).collect();
                (!msgs.is_empty()).then(|| msgs.join("; "))
            })
        })
    }

    /// Whether the current inputs are valid.
    pub fn is_valid(&self) -> bool {
        self.validated.with(Result::is_ok)
    }
}
