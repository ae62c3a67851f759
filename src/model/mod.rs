//! Scenario types and their validation. Pure: no browser crates.
//!
//! Raw, serde-friendly input types become validated types through `TryFrom`, which returns
//! every field error at once ([`ValidationErrors`]). The engine accepts only validated types.

pub mod errors;
pub mod library;
pub mod share;
pub mod units;
pub mod waterfall;

pub use errors::{FieldError, ValidationErrors};
pub use units::{Money, Probability};
pub use waterfall::{
    ChannelVolume, StageRates, StageRatesPercent, ValidWaterfall, WaterfallInputs,
};
