//! Scenario types and their validation. Pure: no browser crates.
//!
//! Raw, serde-friendly input types become validated types through `TryFrom`, which returns
//! every field error at once ([`ValidationErrors`]). The engine accepts only validated types.

pub mod access;
pub mod errors;
pub mod import;
pub mod library;
pub mod params;
pub mod presets;
pub mod saved;
pub mod scenario;
pub mod share;
pub mod slider;
pub mod stored;
pub mod units;
pub mod waterfall;

pub use errors::{FieldError, ValidationErrors};
pub use import::{export_json, import_json, scenario_from_json, ImportError, MAX_FILE_BYTES};
pub use params::{Param, ParamSpec, Team};
pub use presets::{preset, Preset, PRESET_NAMES};
pub use saved::{read_library, write_library, SavedError, LIBRARY_VERSION};
pub use scenario::{
    Burst, Channel, Closing, Costs, Nurture, Qualification, QueuePriority, Run, Scenario, SdrTeam,
    Sla, Thresholds, ValidScenario, SCENARIO_VERSION,
};
pub use share::{open_link, scenario_link, LinkError, LINK_PARAM};
pub use units::{Money, Probability};
pub use waterfall::{
    ChannelVolume, StageRates, StageRatesPercent, ValidWaterfall, WaterfallInputs,
};
