//! Analysis of simulation results (bottleneck diagnosis, marginal value of levers, SLA
//! attainment). Pure: no browser crates.
