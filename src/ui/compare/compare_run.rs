//! Runs the two scenarios of a comparison with the same seed and replication count (common
//! random numbers), alternating replications so both refine together, in yielding batches.

use std::sync::Arc;

use leptos::prelude::*;

use crate::analysis::compare;
use crate::model::{Scenario, ValidScenario};
use crate::ui::runtime::runner::{BatchRunner, Publication};
use crate::ui::runtime::simulate::Arm;
use crate::ui::state::{AppState, CompareError, CompareView, Side};

struct CompareJob {
    a: Arm,
    b: Arm,
    a_name: String,
    b_name: String,
}

impl CompareJob {
    fn step(&mut self) -> bool {
        if self.b.reps.len() < self.a.reps.len() && !self.b.done() {
            self.b.step();
            return true;
        }
        if !self.a.done() {
            self.a.step();
            return true;
        }
        if !self.b.done() {
            self.b.step();
            return true;
        }
        false
    }

    fn view(&self, running: bool) -> CompareView {
        CompareView {
            a_name: self.a_name.clone(),
            b_name: self.b_name.clone(),
            a: self.a.result(),
            b: self.b.result(),
            comparison: compare(
                &self.a.scenario,
                &self.a.reps,
                &self.b.scenario,
                &self.b.reps,
            ),
            running,
        }
    }
}

/// The label of one side: its name and where it comes from.
fn side_name(side: Side, s: &Scenario) -> String {
    match side {
        Side::Current => format!("{} (current)", s.name),
        Side::Pinned => format!("{} (pinned)", s.name),
        Side::Saved(_) => s.name.clone(),
    }
}

fn validate(name: &str, s: &Scenario) -> Result<ValidScenario, CompareError> {
    ValidScenario::try_from(s).map_err(|errors| CompareError::Invalid {
        name: name.to_string(),
        errors,
    })
}

/// Runs the comparison whenever the choice or either scenario changes.
pub fn run_on_change(state: AppState) {
    let runner = BatchRunner::default();
    Effect::new(move |_| {
        let Some(choice) = state.compare.get() else {
            runner.cancel();
            state.comparison.set(None);
            return;
        };
        let (Some(a), Some(mut b)) = (state.side(choice.a), state.side(choice.b)) else {
            runner.cancel();
            state.comparison.set(Some(Err(CompareError::Missing)));
            return;
        };
        // Same seed and replications: replication i of A and of B share random numbers.
        b.run.seed = a.run.seed;
        b.run.replications = a.run.replications;
        let (a_name, b_name) = (side_name(choice.a, &a), side_name(choice.b, &b));
        let valid = validate(&a_name, &a).and_then(|va| Ok((va, validate(&b_name, &b)?)));
        let (va, vb) = match valid {
            Ok(v) => v,
            Err(e) => {
                runner.cancel();
                state.comparison.set(Some(Err(e)));
                return;
            }
        };
        let n = va.replications();
        let job = CompareJob {
            a: Arm::new(va, n, true),
            b: Arm::new(vb, n, true),
            a_name,
            b_name,
        };
        runner.start(
            job,
            CompareJob::step,
            |_: &CompareJob| Publication::WhenDue,
            move |job: &mut CompareJob, finished| {
                if !job.a.reps.is_empty() && !job.b.reps.is_empty() {
                    state
                        .comparison
                        .set(Some(Ok(Arc::new(job.view(!finished)))));
                }
            },
        );
    });
}
