//! Pure computation. No browser crates; tested natively.
//!
//! `expected` holds the analytic mode (the deterministic expected-value funnel).

pub mod expected;

pub use expected::{expected_funnel, ExpectedFunnel, Stage, StageCount};
