//! Runs the Monte Carlo for the current valid scenario in small batches (see `runner`):
//! replications first, published as they arrive so the bands refine, then the levers of the
//! bottleneck diagnosis with common random numbers. A change of scenario restarts the run.

use std::sync::Arc;

use leptos::prelude::*;

use super::runner::BatchRunner;
use super::state::{AppState, Progress};
use crate::analysis::{diagnose_from, lever_scenario, Lever};
use crate::engine::aggregate;
use crate::engine::curves::Curves;
use crate::engine::sim::{replicate, Replication};
use crate::model::ValidScenario;

/// Most replications per lever: enough for a paired difference with a tight band.
pub const LEVER_REPLICATIONS: usize = 100;

/// One scenario (the base or a lever) and the replications run so far.
pub(super) struct Arm {
    pub(super) scenario: ValidScenario,
    curves: Curves,
    pub(super) reps: Vec<Replication>,
    wanted: usize,
}

impl Arm {
    pub(super) fn new(scenario: ValidScenario, wanted: usize) -> Self {
        let curves = Curves::new(&scenario);
        Self {
            scenario,
            curves,
            reps: Vec::with_capacity(wanted),
            wanted,
        }
    }

    pub(super) fn done(&self) -> bool {
        self.reps.len() >= self.wanted
    }

    pub(super) fn step(&mut self) {
        let i = self.reps.len() as u64;
        self.reps.push(replicate(&self.scenario, &self.curves, i));
    }
}

struct Job {
    base: Arm,
    levers: Vec<(Lever, Arm)>,
    published: usize,
}

impl Job {
    fn new(v: ValidScenario) -> Self {
        let n = v.replications();
        let lever_n = n.min(LEVER_REPLICATIONS);
        let levers = Lever::ALL
            .iter()
            .filter_map(|&l| Some((l, Arm::new(lever_scenario(&v, l)?, lever_n))))
            .collect();
        Self {
            base: Arm::new(v, n),
            levers,
            published: 0,
        }
    }

    /// One replication of whatever is next; `false` when everything is done.
    fn step(&mut self) -> bool {
        if !self.base.done() {
            self.base.step();
            return true;
        }
        match self.levers.iter_mut().find(|(_, a)| !a.done()) {
            Some((_, arm)) => {
                arm.step();
                true
            }
            None => false,
        }
    }

    fn progress(&self, runs_finished: u64) -> Progress {
        Progress {
            runs_finished,
            replications_done: self.base.reps.len(),
            replications: self.base.wanted,
            levers_done: self.levers.iter().filter(|(_, a)| a.done()).count(),
            levers: self.levers.len(),
        }
    }
}

/// Starts a new run whenever the validated scenario changes.
pub fn run_on_change(state: AppState) {
    let runner = BatchRunner::default();
    Effect::new(move |_| {
        let Ok(valid) = state.validated.get() else {
            // Keep the last valid results (and let their run finish).
            return;
        };
        let job = Job::new(valid);
        let finished_before = state.progress.with_untracked(|p| p.runs_finished);
        state.progress.set(job.progress(finished_before));
        state.diagnosis.set(None);
        runner.start(job, Job::step, move |job: &mut Job, finished| {
            let progress = job.progress(finished_before + u64::from(finished));
            if job.base.reps.len() > job.published {
                job.published = job.base.reps.len();
                let result = aggregate(&job.base.scenario, &job.base.reps);
                state.results.set(Some(Arc::new(result)));
            }
            if finished {
                let runs: Vec<(Lever, Vec<Replication>)> = job
                    .levers
                    .iter()
                    .map(|(l, a)| (*l, a.reps.clone()))
                    .collect();
                let d = diagnose_from(&job.base.scenario, &job.base.reps, &runs);
                state.diagnosis.set(Some(Arc::new(d)));
            }
            state.progress.set(progress);
        });
    });
}
