//! Runs the Monte Carlo for the current valid scenario: replications first, published as they
//! arrive so the bands refine, then the levers of the bottleneck diagnosis with common random
//! numbers. The work goes to the Web Worker pool (`pool`) when its workers are up, otherwise
//! to time-boxed batches on the page (`runner`). A change of scenario restarts the run.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::analysis::{diagnose_from, lever_scenario, Lever};
use crate::analysis::{report, report_gathered, RunReport};
use crate::engine::curves::Curves;
use crate::engine::run::Gathered;
use crate::engine::sim::{replicate_range, Replication};
use crate::model::{Scenario, ValidScenario};
use crate::ui::runtime::pool::{Handout, Item, Pool, PoolWork};
use crate::ui::runtime::runner::Publication;
use crate::ui::state::{AppState, Progress};

/// Most replications per lever: enough for a paired difference with a tight band.
pub const LEVER_REPLICATIONS: usize = 100;
/// Past this share of the replications (in percent), intermediate results are no longer
/// drawn: the full bands come soon, and drawing both would delay them.
const NEARLY_DONE_PERCENT: usize = 70;

/// One scenario (the base or a lever) and the replications run so far, always replications
/// `0..reps.len()` in order, whichever worker computed them.
pub(crate) struct Arm {
    pub(crate) scenario: ValidScenario,
    curves: Curves,
    pub(crate) reps: Vec<Replication>,
    wanted: usize,
    /// Next replication index to hand out.
    handout: Handout,
    /// Replications that arrived ahead of an earlier range, by first index.
    early: BTreeMap<u64, Vec<Replication>>,
    /// The values of `reps` gathered series by series as they arrive (the base scenario's
    /// arm only: its bands are published while it runs).
    gathered: Option<Gathered>,
}

impl Arm {
    pub(crate) fn new(scenario: ValidScenario, wanted: usize, gather: bool) -> Self {
        let curves = Curves::new(&scenario);
        let gathered = gather.then(|| Gathered::new(scenario.weeks(), wanted));
        Self {
            gathered,
            scenario,
            curves,
            reps: Vec::with_capacity(wanted),
            wanted,
            handout: Handout::new(wanted),
            early: BTreeMap::new(),
        }
    }

    pub(crate) fn done(&self) -> bool {
        self.reps.len() >= self.wanted
    }

    /// Runs the next replication here, on the page.
    pub(crate) fn step(&mut self) {
        if let Some((start, count)) = self.take(1) {
            let reps = self.compute(start, count);
            self.accept(start, reps);
        }
    }

    /// Hands out the next range of at most `count` replication indices.
    fn take(&mut self, count: u32) -> Option<(u64, u32)> {
        self.handout.take(count)
    }

    fn compute(&self, start: u64, count: u32) -> Vec<Replication> {
        replicate_range(&self.scenario, &self.curves, start, count)
    }

    /// Takes replications `start..`, keeping `reps` in index order.
    fn accept(&mut self, start: u64, reps: Vec<Replication>) {
        if start == self.reps.len() as u64 {
            // In order (always, on the page): no detour through `early`.
            self.append(reps);
        } else {
            self.early.insert(start, reps);
        }
        while let Some(next) = self.early.remove(&(self.reps.len() as u64)) {
            self.append(next);
        }
    }

    fn append(&mut self, reps: Vec<Replication>) {
        if let Some(g) = self.gathered.as_mut() {
            g.extend(&reps);
        }
        self.reps.extend(reps);
    }

    /// The bands of the replications so far.
    pub(crate) fn result(&self) -> RunReport {
        match &self.gathered {
            Some(g) => report_gathered(&self.scenario, &self.reps, g),
            None => report(&self.scenario, &self.reps),
        }
    }
}

struct Job {
    /// The base scenario first, then one arm per lever.
    arms: Vec<Arm>,
    levers: Vec<Lever>,
    /// Ranges handed out but given back (their worker stopped).
    retry: Vec<Item>,
    published: usize,
    workers: usize,
}

impl Job {
    fn new(v: ValidScenario) -> Self {
        let n = v.replications();
        let lever_n = n.min(LEVER_REPLICATIONS);
        let (levers, lever_arms): (Vec<Lever>, Vec<Arm>) = Lever::ALL
            .iter()
            .filter_map(|&l| Some((l, Arm::new(lever_scenario(&v, l)?, lever_n, false))))
            .unzip();
        let mut arms = vec![Arm::new(v, n, true)];
        arms.extend(lever_arms);
        Self {
            arms,
            levers,
            retry: Vec::new(),
            published: 0,
            workers: 0,
        }
    }

    fn base(&self) -> Option<&Arm> {
        self.arms.first()
    }

    /// The next range to compute: a range handed back first, then the base scenario's, then
    /// the levers' once `levers` allows.
    fn take_next(&mut self, count: u32, levers: bool) -> Option<Item> {
        if let Some(item) = self.retry.pop() {
            return Some(item);
        }
        let arms = if levers { self.arms.len() } else { 1 };
        self.arms
            .iter_mut()
            .take(arms)
            .enumerate()
            .find_map(|(arm, a)| {
                a.take(count)
                    .map(|(start, count)| Item { arm, start, count })
            })
    }

    /// Whether the base scenario's full bands are on screen. Until then the workers get no
    /// lever ranges: on two cores, lever work would slow the last base ranges and the drawing
    /// of the full bands, which users wait for; the verdict comes a little later instead.
    fn base_shown(&self) -> bool {
        self.base().is_none_or(|b| self.published >= b.wanted)
    }

    fn progress(&self, runs_finished: u64) -> Progress {
        let levers = &self.arms[1.min(self.arms.len())..];
        Progress {
            runs_finished,
            replications_done: self.base().map_or(0, |a| a.reps.len()),
            replications: self.base().map_or(0, |a| a.wanted),
            levers_done: levers.iter().filter(|a| a.done()).count(),
            levers: levers.len(),
            workers: self.workers,
        }
    }
}

impl PoolWork for Job {
    fn next_item(&mut self, count: u32) -> Option<Item> {
        let levers = self.base_shown();
        self.take_next(count, levers)
    }

    fn requeue(&mut self, item: Item) {
        self.retry.push(item);
    }

    fn scenario(&self, arm: usize) -> Option<&Scenario> {
        self.arms.get(arm).map(|a| a.scenario.get())
    }

    fn accept(&mut self, item: Item, reps: Vec<Replication>) {
        if let Some(a) = self.arms.get_mut(item.arm) {
            a.accept(item.start, reps);
        }
    }

    fn complete(&self) -> bool {
        self.arms.iter().all(Arm::done)
    }

    fn step_local(&mut self) -> bool {
        // On the page, one step at a time: nothing runs beside the drawing to hold back.
        match self.take_next(1, true) {
            Some(item) => {
                if let Some(a) = self.arms.get(item.arm) {
                    let reps = a.compute(item.start, item.count);
                    self.accept(item, reps);
                }
                true
            }
            None => !self.complete(),
        }
    }

    fn publication(&self) -> Publication {
        let Some(b) = self.base() else {
            return Publication::WhenDue;
        };
        if b.done() {
            if self.published < b.reps.len() {
                Publication::Now
            } else {
                Publication::WhenDue
            }
        } else if b.reps.len() == self.published {
            // Nothing new in order (a later range arrived first): publishing now would only
            // push the next, real publication back by a whole period.
            Publication::Hold
        } else if self.published > 0 && b.reps.len() * 100 >= b.wanted * NEARLY_DONE_PERCENT {
            Publication::Hold
        } else {
            Publication::WhenDue
        }
    }

    fn set_workers(&mut self, workers: usize) {
        self.workers = workers;
    }
}

/// Starts a new run whenever the validated scenario changes.
pub fn run_on_change(state: AppState) {
    let pool: Pool<Job> = Pool::new();
    Effect::new(move |_| {
        let Ok(valid) = state.validated.get() else {
            // Keep the last valid results (and let their run finish).
            return;
        };
        let job = Job::new(valid);
        let finished_before = state.progress.with_untracked(|p| p.runs_finished);
        state.progress.set(job.progress(finished_before));
        state.diagnosis.set(None);
        pool.start(job, move |job: &mut Job, finished| {
            let progress = job.progress(finished_before + u64::from(finished));
            let Some(base) = job.arms.first() else {
                return;
            };
            if base.reps.len() > job.published {
                job.published = base.reps.len();
                let result = base.result();
                state.results.set(Some(Arc::new(result)));
            }
            if finished {
                let runs: Vec<(Lever, Vec<Replication>)> = job
                    .levers
                    .iter()
                    .zip(job.arms.iter().skip(1))
                    .map(|(l, a)| (*l, a.reps.clone()))
                    .collect();
                let d = diagnose_from(&base.scenario, &base.reps, &runs);
                state.diagnosis.set(Some(Arc::new(d)));
            }
            state.progress.set(progress);
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Preset;

    fn job() -> Job {
        let mut s = Preset::Baseline.scenario();
        s.run.replications = 40.0;
        Job::new(ValidScenario::try_from(s).expect("valid"))
    }

    fn run(job: &mut Job, item: Item) {
        let reps = job.arms[item.arm].compute(item.start, item.count);
        job.accept(item, reps);
    }

    #[test]
    fn a_range_ahead_of_the_first_is_not_published() {
        let mut job = job();
        let first = job.next_item(3).expect("a first range");
        let second = job.next_item(8).expect("a second range");
        assert_eq!((first.start, second.start), (0, 3));
        run(&mut job, second);
        // Nothing in order yet: publishing would only delay the first real result.
        assert_eq!(job.publication(), Publication::Hold);
        run(&mut job, first);
        assert_eq!(job.arms[0].reps.len(), 11);
        assert_eq!(job.publication(), Publication::WhenDue);
    }

    #[test]
    fn workers_get_lever_ranges_only_once_the_full_bands_are_shown() {
        let mut job = job();
        let mut items = Vec::new();
        while let Some(item) = job.next_item(8) {
            items.push(item);
        }
        // Every base range, and no lever range yet.
        assert_eq!(items.iter().map(|i| i.count).sum::<u32>(), 40);
        assert!(items.iter().all(|i| i.arm == 0));
        for item in items {
            run(&mut job, item);
        }
        assert_eq!(job.publication(), Publication::Now);
        assert!(job.next_item(8).is_none());
        job.published = job.arms[0].reps.len();
        let lever = job
            .next_item(8)
            .expect("a lever range once the bands are shown");
        assert_eq!((lever.arm, lever.start), (1, 0));
    }

    #[test]
    fn on_the_page_the_levers_follow_the_base_without_waiting() {
        let mut job = job();
        for _ in 0..40 {
            assert!(job.step_local());
        }
        assert!(job.arms[0].done());
        assert_eq!(job.published, 0);
        assert!(job.step_local());
        assert_eq!(job.arms[1].reps.len(), 1);
    }

    #[test]
    fn the_full_bands_are_published_at_once_and_then_the_levers_when_due() {
        let mut job = job();
        while let Some(item) = job.next_item(8).filter(|i| i.arm == 0) {
            run(&mut job, item);
            if job.published == 0 {
                job.published = job.arms[0].reps.len();
            }
        }
        assert!(job.arms[0].done());
        assert_eq!(job.publication(), Publication::Now);
        job.published = job.arms[0].reps.len();
        assert_eq!(job.publication(), Publication::WhenDue);
    }
}
