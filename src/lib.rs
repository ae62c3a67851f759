//! Handoff: a capacity-aware stochastic simulator of the integrated revenue funnel.
//!
//! The crate is split into a pure core (`model`, `engine`, `analysis`, `charts`), which
//! never touches the browser, and a thin shell (`ui`) that wires Leptos signals to it.
//! See `ARCHITECTURE.md` for the codemap and the invariants.
#![forbid(unsafe_code)]

pub mod analysis;
pub mod charts;
pub mod engine;
pub mod format;
pub mod model;
pub mod ui;
