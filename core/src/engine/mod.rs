//! Pure computation. No browser crates; tested natively.
//!
//! - `expected`: the deterministic expected-value funnel of the simple waterfall inputs.
//! - `analytic`: expected counts per stage of a full scenario (unlimited capacity, no decay).
//! - `curves`: the response curves and cohort types derived from a scenario.
//! - `metrics`: the metric vocabulary of a replication (Weekly, Total, Leaks).
//! - `sim`: one Monte Carlo replication, day by day (arrivals, nurture, the two teams).
//! - `fifo`: the first-in first-out queue of the SDR team (a `Vec` and its front's index).
//! - `sdr`: the SDR team's queue in continuous time; speed-to-lead comes out of capacity.
//! - `closing`: the AE team, best SQLs first; opportunities, closes and deals.
//! - `draws`: random numbers that belong to leads (counter-based, common random numbers).
//! - `trace`: a traced replication: every touched lead's life, event by event.
//! - `run`: replications aggregated into a [`RunResult`] with P10 / P50 / P90 bands.
//! - `exp`: the exponential of the hot path (same bits natively and in WebAssembly).
//! - `rng`: portable per-(seed, replication, mechanism) random streams.
//! - `wire`: requests and packed replies between the page and its Web Workers.

pub mod analytic;
pub mod arrivals;
pub mod closing;
pub mod curves;
pub mod draws;
pub mod exp;
pub mod expected;
pub mod fifo;
pub mod metrics;
pub mod rng;
pub mod run;
pub mod sdr;
pub mod sim;
pub mod trace;
pub mod wire;

pub use analytic::{analytic_funnel, AnalyticFunnel};
pub use expected::{expected_funnel, ExpectedFunnel, Stage, StageCount};
pub use metrics::{Leaks, Replication, Total, Weekly};
pub use run::{aggregate, replications, run, Band, Kpi, LeakBand, RunResult, Series};
