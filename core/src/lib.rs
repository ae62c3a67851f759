//! Handoff's core: a capacity-aware stochastic simulator of the integrated revenue funnel,
//! with no browser in it.
//!
//! Layers, lowest first (nothing imports upward; `tests/architecture.rs` checks it):
//! `format` (numbers in words) → `model` (scenario types, validation, presets) → `engine`
//! (the simulation) → `analysis` (verdict, levers, SLA, planning views) → `charts` (SVG
//! strings and their text alternatives). The web app (the workspace root) and the `handoff`
//! CLI (`src/bin/handoff/`) both build on this crate. See `ARCHITECTURE.md`.
#![forbid(unsafe_code)]

pub mod analysis;
pub mod charts;
pub mod engine;
pub mod format;
pub mod model;
