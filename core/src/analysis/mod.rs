//! Analysis of simulation results (the run's report, bottleneck diagnosis, marginal value of
//! levers, SLA attainment, comparison of two scenarios, CSV export). Pure: no browser crates.

pub mod bottleneck;
pub mod capacity;
pub mod compare;
pub mod export;
pub mod glossary;
pub mod journeys;
pub mod lenses;
pub mod plan;
pub mod report;
pub mod sla;
pub mod tour;

pub use bottleneck::{
    diagnose, diagnose_from, lever_scenario, Constraint, Diagnosis, Evidence, Lever, LeverEffect,
};
pub use compare::{compare, funnel_pairs, funnel_stages, Comparison, KpiDelta};
pub use export::{comparison_csv, csv_rows, results_csv, ExportError};
pub use glossary::Term;
pub use report::{report, report_gathered, run, RunReport};
pub use sla::{attainment, SlaPeriod, SlaReport, SlaVerdict};
