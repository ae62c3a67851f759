//! Analysis of simulation results (bottleneck diagnosis, marginal value of levers, SLA
//! attainment). Pure: no browser crates.

pub mod bottleneck;
pub mod sla;

pub use bottleneck::{
    diagnose, diagnose_from, lever_scenario, Constraint, Diagnosis, Evidence, Lever, LeverEffect,
};
pub use sla::{attainment, SlaPeriod, SlaReport};
