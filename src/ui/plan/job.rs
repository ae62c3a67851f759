//! The planning views' work for the replication pool: a [`Study`] asks for arms phase by phase
//! (the core's [`Plan`]); every arm of a phase runs replications `0..n` (common random
//! numbers), each replication is reduced to an [`Outcome`] as it arrives, and a phase's
//! outcomes go back to the study once all of its arms are in. Arms are numbered across
//! phases, so a worker never mistakes one phase's scenario for another's.

use crate::analysis::plan::design::{Design, Designer};
use crate::analysis::plan::goal::{GoalAnswer, Seek};
use crate::analysis::plan::sweep::{self, Axis, Cell, Grid, ThresholdCurve};
use crate::analysis::plan::tornado::{self, Step, Tornado};
use crate::analysis::plan::{Fixed, Outcome, Plan};
use crate::engine::curves::Curves;
use crate::engine::sim::{replicate_range, Replication};
use crate::model::{Scenario, ValidScenario};

use crate::ui::runtime::pool::{Handout, Item, PoolWork};
use crate::ui::runtime::runner::Publication;

/// What a planning view asks for.
pub enum Study {
    Tornado {
        base: ValidScenario,
        steps: Vec<Step>,
        plan: Fixed,
    },
    Curve {
        base: ValidScenario,
        arms: Vec<ValidScenario>,
        plan: Fixed,
    },
    Grid {
        base: ValidScenario,
        x: Axis,
        y: Axis,
        cells: Vec<Cell>,
        plan: Fixed,
    },
    Goal(Seek),
    Design(Designer),
}

/// A study's answer so far.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Tornado(Tornado),
    Curve(ThresholdCurve),
    Grid(Grid),
    Goal(GoalAnswer),
    Design(Option<Design>),
}

impl Answer {
    /// Whether it says anything yet (a first pair of replications, a first probe, a design).
    pub fn has_figures(&self) -> bool {
        match self {
            Answer::Tornado(t) => t.pairs > 0,
            Answer::Curve(c) => !c.points.is_empty(),
            Answer::Grid(g) => !g.cells.is_empty(),
            Answer::Goal(g) => !g.probes.is_empty(),
            Answer::Design(d) => d.is_some(),
        }
    }
}

impl Study {
    pub fn tornado(base: ValidScenario) -> Study {
        let steps = tornado::steps(&base);
        let mut arms = vec![base.clone()];
        arms.extend(steps.iter().map(|s| s.scenario.clone()));
        Study::Tornado {
            base,
            steps,
            plan: Fixed::new(arms),
        }
    }

    pub fn curve(base: ValidScenario) -> Study {
        let arms = sweep::curve_arms(&base);
        Study::Curve {
            plan: Fixed::new(arms.clone()),
            base,
            arms,
        }
    }

    pub fn grid(base: ValidScenario, x: Axis, y: Axis) -> Study {
        let cells = sweep::grid_cells(&base, x, y);
        let arms = cells.iter().map(|c| c.scenario.clone()).collect();
        Study::Grid {
            base,
            x,
            y,
            cells,
            plan: Fixed::new(arms),
        }
    }

    fn plan(&mut self) -> &mut dyn Plan {
        match self {
            Study::Tornado { plan, .. } | Study::Curve { plan, .. } | Study::Grid { plan, .. } => {
                plan
            }
            Study::Goal(s) => s,
            Study::Design(d) => d,
        }
    }

    /// The answer from what has run: `phase` holds the current phase's outcomes so far (a
    /// one-phase view draws them as they come).
    fn answer(&self, phase: &[Vec<Outcome>]) -> Answer {
        match self {
            Study::Tornado { base, steps, plan } => {
                let runs = if plan.runs.is_empty() {
                    phase
                } else {
                    &plan.runs
                };
                let (first, rest) = runs
                    .split_first()
                    .map_or((&[][..], &[][..]), |(f, r)| (f.as_slice(), r));
                Answer::Tornado(tornado::tornado(base, first, steps, rest))
            }
            Study::Curve { base, arms, plan } => {
                let runs = if plan.runs.is_empty() {
                    phase
                } else {
                    &plan.runs
                };
                Answer::Curve(sweep::threshold_curve(base, arms, runs))
            }
            Study::Grid {
                base,
                x,
                y,
                cells,
                plan,
            } => {
                let runs = if plan.runs.is_empty() {
                    phase
                } else {
                    &plan.runs
                };
                Answer::Grid(sweep::grid(base, *x, *y, cells, runs))
            }
            Study::Goal(s) => Answer::Goal(s.answer()),
            Study::Design(d) => Answer::Design(d.design()),
        }
    }
}

/// One arm: its scenario and the outcomes of its replications, by index.
struct Arm {
    scenario: ValidScenario,
    /// Built when a replication first runs on the page.
    curves: Option<Curves>,
    outcomes: Vec<Option<Outcome>>,
    handout: Handout,
}

impl Arm {
    fn new(scenario: ValidScenario, n: usize) -> Arm {
        Arm {
            scenario,
            curves: None,
            outcomes: vec![None; n],
            handout: Handout::new(n),
        }
    }

    fn take(&mut self, count: u32) -> Option<(u64, u32)> {
        self.handout.take(count)
    }

    fn accept(&mut self, start: u64, reps: &[Replication]) {
        for (i, r) in reps.iter().enumerate() {
            let at = usize::try_from(start)
                .unwrap_or(usize::MAX)
                .saturating_add(i);
            if let Some(slot) = self.outcomes.get_mut(at) {
                *slot = Some(Outcome::of(&self.scenario, r));
            }
        }
    }

    fn done(&self) -> bool {
        self.outcomes.iter().all(Option::is_some)
    }

    /// The outcomes of replications `0..k`, where `k` is the first not yet in.
    fn in_order(&self) -> Vec<Outcome> {
        self.outcomes.iter().map_while(Clone::clone).collect()
    }
}

/// A study running on the pool.
pub struct PlanJob {
    study: Study,
    /// Replications per arm.
    n: usize,
    /// Every arm of every phase so far; the current phase is `arms[phase_start..]`.
    arms: Vec<Arm>,
    phase_start: usize,
    phases: usize,
    finished: bool,
    retry: Vec<Item>,
    published_at: usize,
    workers: usize,
}

impl PlanJob {
    pub fn new(study: Study, n: usize) -> PlanJob {
        let mut job = PlanJob {
            study,
            n: n.max(2),
            arms: Vec::new(),
            phase_start: 0,
            phases: 0,
            finished: false,
            retry: Vec::new(),
            published_at: 0,
            workers: 0,
        };
        job.next_phase();
        job
    }

    /// Asks the study for its next arms (skipping empty phases) or finishes.
    fn next_phase(&mut self) {
        loop {
            let Some(arms) = self.study.plan().next_arms() else {
                self.finished = true;
                return;
            };
            self.phases += 1;
            if arms.is_empty() {
                self.study.plan().record(Vec::new());
                continue;
            }
            self.phase_start = self.arms.len();
            let n = self.n;
            self.arms
                .extend(arms.into_iter().map(|scenario| Arm::new(scenario, n)));
            return;
        }
    }

    fn phase(&self) -> &[Arm] {
        self.arms.get(self.phase_start..).unwrap_or(&[])
    }

    /// When the current phase is complete, hands its outcomes to the study and starts the
    /// next.
    fn advance(&mut self) {
        while !self.finished && self.phase().iter().all(Arm::done) {
            let outcomes = self.phase().iter().map(Arm::in_order).collect();
            self.study.plan().record(outcomes);
            self.retry.clear();
            self.next_phase();
        }
    }

    pub fn answer(&self) -> Answer {
        let phase: Vec<Vec<Outcome>> = self.phase().iter().map(Arm::in_order).collect();
        self.study.answer(&phase)
    }

    /// Share of the current phase's replications done, and the phase's number.
    pub fn progress(&self) -> (f64, usize) {
        let arms = self.phase();
        let all = arms.len() * self.n;
        let done: usize = arms
            .iter()
            .map(|a| a.outcomes.iter().filter(|o| o.is_some()).count())
            .sum();
        let share = if self.finished || all == 0 {
            1.0
        } else {
            done as f64 / all as f64
        };
        (share, self.phases)
    }

    pub fn workers(&self) -> usize {
        self.workers
    }

    fn done_count(&self) -> usize {
        self.arms
            .iter()
            .map(|a| a.outcomes.iter().filter(|o| o.is_some()).count())
            .sum()
    }

    /// Marks what has been published.
    pub fn published(&mut self) {
        self.published_at = self.done_count();
    }
}

impl PoolWork for PlanJob {
    fn next_item(&mut self, count: u32) -> Option<Item> {
        if let Some(item) = self.retry.pop() {
            return Some(item);
        }
        let start = self.phase_start;
        self.arms
            .iter_mut()
            .enumerate()
            .skip(start)
            .find_map(|(arm, a)| {
                a.take(count)
                    .map(|(start, count)| Item { arm, start, count })
            })
    }

    fn requeue(&mut self, item: Item) {
        if item.arm >= self.phase_start {
            self.retry.push(item);
        }
    }

    fn scenario(&self, arm: usize) -> Option<&Scenario> {
        self.arms.get(arm).map(|a| a.scenario.get())
    }

    fn accept(&mut self, item: Item, reps: Vec<Replication>) {
        if let Some(a) = self.arms.get_mut(item.arm) {
            a.accept(item.start, &reps);
        }
        self.advance();
    }

    fn complete(&self) -> bool {
        self.finished
    }

    fn step_local(&mut self) -> bool {
        let Some(item) = self.next_item(1) else {
            self.advance();
            return !self.finished;
        };
        if let Some(a) = self.arms.get_mut(item.arm) {
            let curves = a.curves.get_or_insert_with(|| Curves::new(&a.scenario));
            let reps = replicate_range(&a.scenario, curves, item.start, item.count);
            a.accept(item.start, &reps);
        }
        self.advance();
        true
    }

    fn publication(&self) -> Publication {
        if self.done_count() == self.published_at {
            Publication::Hold
        } else {
            Publication::WhenDue
        }
    }

    fn set_workers(&mut self, workers: usize) {
        self.workers = workers;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::plan::design::Options;
    use crate::analysis::plan::goal::{Goal, GoalLever};
    use crate::analysis::plan::{drive, Serial};
    use crate::model::Preset;

    fn baseline() -> ValidScenario {
        ValidScenario::try_from(Preset::Baseline.scenario()).expect("valid")
    }

    /// Runs a job's ranges as a pool would: handed out in ranges of 3, answered last first.
    fn run_out_of_order(job: &mut PlanJob) {
        while !job.complete() {
            let mut items = Vec::new();
            while let Some(item) = job.next_item(3) {
                items.push(item);
            }
            assert!(
                !items.is_empty(),
                "a job that is not complete has work to hand out"
            );
            for item in items.into_iter().rev() {
                let reps = job.arms.get(item.arm).map(|a| {
                    let c = Curves::new(&a.scenario);
                    replicate_range(&a.scenario, &c, item.start, item.count)
                });
                job.accept(item, reps.unwrap_or_default());
            }
        }
    }

    #[test]
    fn a_goal_seek_on_the_pool_gives_the_serial_answer() {
        let goal = Goal {
            bookings: 9.0e6,
            probability: 0.8,
            lever: GoalLever::Aes,
        };
        let mut serial = Seek::new(&baseline(), goal);
        drive(&mut serial, &Serial, 12);
        let mut job = PlanJob::new(Study::Goal(Seek::new(&baseline(), goal)), 12);
        run_out_of_order(&mut job);
        assert_eq!(job.answer(), Answer::Goal(serial.answer()));
        assert!(job.phases > 1, "goal seek runs in phases");
        assert_eq!(job.progress().0, 1.0);
    }

    #[test]
    fn on_the_page_the_designer_runs_every_phase_and_matches_the_serial_design() {
        let mut serial = Designer::new(&baseline(), Options::default());
        drive(&mut serial, &Serial, 6);
        let mut job = PlanJob::new(
            Study::Design(Designer::new(&baseline(), Options::default())),
            6,
        );
        while job.step_local() {}
        assert_eq!(job.answer(), Answer::Design(serial.design()));
        assert_eq!(job.phases, 3, "candidates, windows, stresses");
    }

    #[test]
    fn a_tornado_draws_from_the_replications_in_so_far() {
        let mut job = PlanJob::new(Study::tornado(baseline()), 4);
        let Answer::Tornado(empty) = job.answer() else {
            panic!("a tornado study answers with a tornado")
        };
        assert_eq!(empty.pairs, 0);
        // The first two replications of every arm (the later ranges are still out): the
        // partial tornado pairs two.
        let mut items = Vec::new();
        while let Some(item) = job.next_item(2) {
            items.push(item);
        }
        assert_eq!(items.len(), 2 * job.arms.len());
        for item in items.into_iter().filter(|i| i.start == 0) {
            let a = &job.arms[item.arm];
            let reps = replicate_range(&a.scenario, &Curves::new(&a.scenario), 0, item.count);
            job.accept(item, reps);
        }
        assert_eq!(job.publication(), Publication::WhenDue);
        job.published();
        assert_eq!(job.publication(), Publication::Hold);
        let Answer::Tornado(partial) = job.answer() else {
            panic!("a tornado")
        };
        assert_eq!(partial.pairs, 2);
        assert!(!job.complete());
    }
}
