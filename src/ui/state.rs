//! The one small application state, provided by context.

use leptos::prelude::*;

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
}

impl AppState {
    pub fn new(initial: WaterfallInputs) -> Self {
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
