//! The planning views' state: which view is open, the last answer of each, and the run in
//! progress. The studies run on their own worker pool (made on first use), so planning never
//! slows the main run's refinement, and a new study replaces the one running.

use std::sync::Arc;

use leptos::prelude::*;

use super::job::{Answer, PlanJob, Study};
use crate::analysis::plan::design::Design;
use crate::analysis::plan::goal::GoalAnswer;
use crate::analysis::plan::sweep::{Grid, ThresholdCurve};
use crate::analysis::plan::tornado::Tornado;
use crate::model::Scenario;

use crate::ui::runtime::pool::Pool;
use crate::ui::state::AppState;

/// The planning views, in the order of their tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Sensitivity,
    Threshold,
    Sweep,
    Goal,
    Designer,
}

impl View {
    pub const ALL: [View; 5] = [
        View::Sensitivity,
        View::Threshold,
        View::Sweep,
        View::Goal,
        View::Designer,
    ];

    pub fn label(self) -> &'static str {
        match self {
            View::Sensitivity => "What moves bookings",
            View::Threshold => "Threshold trade-off",
            View::Sweep => "Two-knob sweep",
            View::Goal => "Goal seek",
            View::Designer => "SLA designer",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            View::Sensitivity => "sensitivity",
            View::Threshold => "threshold",
            View::Sweep => "sweep",
            View::Goal => "goal",
            View::Designer => "designer",
        }
    }
}

/// Replications per arm of each view (see the methodology's planning section).
pub fn replications(view: View) -> usize {
    match view {
        View::Sensitivity | View::Goal | View::Designer | View::Sweep => 100,
        View::Threshold => 50,
    }
}

/// An answer and the scenario it was computed for (to say when it is out of date).
#[derive(Debug, Clone)]
pub struct Computed<T> {
    pub value: Arc<T>,
    pub scenario: Arc<Scenario>,
    /// Still refining.
    pub running: bool,
    /// Stopped before the end because another study started.
    pub interrupted: bool,
}

impl<T> Computed<T> {
    fn interrupt(&mut self) {
        if self.running {
            self.running = false;
            self.interrupted = true;
        }
    }
}

/// How far the running study has come.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Running {
    pub view: View,
    /// Share of the current phase done (0..1).
    pub share: f64,
    pub phase: usize,
    pub workers: usize,
}

#[derive(Clone, Copy)]
pub struct PlanState {
    pub view: RwSignal<View>,
    pub tornado: RwSignal<Option<Computed<Tornado>>>,
    pub curve: RwSignal<Option<Computed<ThresholdCurve>>>,
    pub grid: RwSignal<Option<Computed<Grid>>>,
    pub goal: RwSignal<Option<Computed<GoalAnswer>>>,
    pub design: RwSignal<Option<Computed<Design>>>,
    pub running: RwSignal<Option<Running>>,
    /// Answers with figures published by the current study (for tests and the benchmark).
    pub published: RwSignal<u32>,
    pool: StoredValue<Option<Pool<PlanJob>>, LocalStorage>,
}

impl PlanState {
    pub fn new() -> PlanState {
        PlanState {
            view: RwSignal::new(View::Sensitivity),
            tornado: RwSignal::new(None),
            curve: RwSignal::new(None),
            grid: RwSignal::new(None),
            goal: RwSignal::new(None),
            design: RwSignal::new(None),
            running: RwSignal::new(None),
            published: RwSignal::new(0),
            pool: StoredValue::new_local(None),
        }
    }

    /// Starts `make`'s study on the current scenario (if it is valid), replacing any study
    /// running; its answers go to the view's signal as they refine.
    pub fn start(
        &self,
        app: AppState,
        view: View,
        make: impl FnOnce(crate::model::ValidScenario) -> Study,
    ) {
        let Ok(valid) = app.validated.get_untracked() else {
            app.tell("Fix the invalid inputs first: the planning views run on a valid scenario.");
            return;
        };
        let scenario = Arc::new(valid.get().clone());
        let job = PlanJob::new(make(valid), replications(view));
        let pool = self.pool();
        let me = *self;
        me.interrupt_all();
        me.clear(view);
        me.published.set(0);
        me.running.set(Some(Running {
            view,
            share: 0.0,
            phase: 1,
            workers: 0,
        }));
        pool.start(job, move |job: &mut PlanJob, finished| {
            job.published();
            let (share, phase) = job.progress();
            me.running.set((!finished).then_some(Running {
                view,
                share,
                phase,
                workers: job.workers(),
            }));
            let answer = job.answer();
            if answer.has_figures() {
                me.published.update(|n| *n += 1);
            }
            me.publish(answer, &scenario, !finished);
        });
    }

    /// The planning workers, started on first need. A study started before any worker is
    /// ready runs on the page to its end, so the panel starts them as soon as the pointer or
    /// the keyboard reaches it.
    pub fn pool(&self) -> Pool<PlanJob> {
        self.pool.with_value(Clone::clone).unwrap_or_else(|| {
            let p = Pool::new();
            self.pool.set_value(Some(p.clone()));
            p
        })
    }

    /// The answers still refining stop where they are (the pool has dropped their study).
    fn interrupt_all(&self) {
        self.tornado
            .update(|c| c.iter_mut().for_each(Computed::interrupt));
        self.curve
            .update(|c| c.iter_mut().for_each(Computed::interrupt));
        self.grid
            .update(|c| c.iter_mut().for_each(Computed::interrupt));
        self.goal
            .update(|c| c.iter_mut().for_each(Computed::interrupt));
        self.design
            .update(|c| c.iter_mut().for_each(Computed::interrupt));
    }

    /// A view's answer goes when it runs again, so nothing of the old run can be applied.
    fn clear(&self, view: View) {
        match view {
            View::Sensitivity => self.tornado.set(None),
            View::Threshold => self.curve.set(None),
            View::Sweep => self.grid.set(None),
            View::Goal => self.goal.set(None),
            View::Designer => self.design.set(None),
        }
    }

    fn publish(&self, answer: Answer, scenario: &Arc<Scenario>, running: bool) {
        fn wrap<T>(v: T, s: &Arc<Scenario>, running: bool) -> Option<Computed<T>> {
            Some(Computed {
                value: Arc::new(v),
                scenario: Arc::clone(s),
                running,
                interrupted: false,
            })
        }
        match answer {
            Answer::Tornado(t) => self.tornado.set(wrap(t, scenario, running)),
            Answer::Curve(c) => self.curve.set(wrap(c, scenario, running)),
            Answer::Grid(g) => self.grid.set(wrap(g, scenario, running)),
            Answer::Goal(g) => self.goal.set(wrap(g, scenario, running)),
            Answer::Design(Some(d)) => self.design.set(wrap(d, scenario, running)),
            Answer::Design(None) => {}
        }
    }
}
