//! Handoff's web app: a thin Leptos shell (`ui`) that wires signals to the pure core, the
//! `handoff-core` crate in `core/` (which cannot reach the browser: it has no web
//! dependencies). The core's modules are re-exported under their own names, so the shell
//! says `crate::model`, `crate::engine`, and so on. See `ARCHITECTURE.md`.
#![forbid(unsafe_code)]

pub use handoff_core::{analysis, charts, engine, format, model};

pub mod ui;
