//! A run's report: the engine's aggregated [`RunResult`] with what analysis attaches that needs
//! every replication (SLA attainment per period). The engine knows nothing of analysis; the
//! report serialises as the run's fields plus `sla`.

use std::ops::Deref;

use serde::{Deserialize, Serialize};

use super::sla::{attainment, SlaReport};
use crate::engine::run::{aggregate, aggregate_gathered, replications, Gathered};
use crate::engine::{Replication, RunResult};
use crate::model::ValidScenario;

/// A run and its SLA attainment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunReport {
    #[serde(flatten)]
    pub run: RunResult,
    /// SLA attainment (see [`super::sla`]).
    pub sla: SlaReport,
}

/// A report reads as its run (`report.kpi(..)`, `report.series(..)`).
impl Deref for RunReport {
    type Target = RunResult;
    fn deref(&self) -> &RunResult {
        &self.run
    }
}

/// The report of some replications of a scenario.
pub fn report(v: &ValidScenario, reps: &[Replication]) -> RunReport {
    RunReport {
        run: aggregate(v, reps),
        sla: attainment(v, reps),
    }
}

/// The report of replications already gathered column by column (see [`Gathered`]).
/// `reps` and `g` hold the same replications, in the same order.
pub fn report_gathered(v: &ValidScenario, reps: &[Replication], g: &Gathered) -> RunReport {
    RunReport {
        run: aggregate_gathered(v, g),
        sla: attainment(v, reps),
    }
}

/// Runs the scenario's replications and reports them.
pub fn run(v: &ValidScenario) -> RunReport {
    report(v, &replications(v, v.replications()))
}
