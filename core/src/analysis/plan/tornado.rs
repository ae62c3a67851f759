//! Sensitivity: how much bookings (and the chance both SLA promises hold) move when each
//! knob a team owns is stepped down and up, paired with the scenario as it is, sorted into a
//! tornado with the widest swing on top.

use serde::{Deserialize, Serialize};

use super::knobs::Knob;
use super::{band_of, sla_kept, Effect, Outcome, Runner};
use crate::engine::run::Band;
use crate::model::params::{Side, Team};
use crate::model::ValidScenario;

/// Which figure the tornado ranks by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Bookings over the run.
    Bookings,
    /// Share of periods in which both teams kept every promise of the SLA.
    SlaKept,
}

/// One step of one knob, as an arm to run.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub knob: Knob,
    pub side: Side,
    pub scenario: ValidScenario,
}

/// The arms of a tornado: every knob's low and high step that changes the scenario and stays
/// valid (the scenario itself is the base arm, run separately).
pub fn steps(v: &ValidScenario) -> Vec<Step> {
    let s = v.get();
    Knob::all(s)
        .into_iter()
        .flat_map(|knob| Side::BOTH.map(|side| (knob, side)))
        .filter_map(|(knob, side)| {
            let scenario = v.modified(|t| knob.apply(t, side)).ok()?;
            (scenario.get() != s).then_some(Step {
                knob,
                side,
                scenario,
            })
        })
        .collect()
}

/// One side of a bar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Swing {
    /// "-10%", "+1 SDR".
    pub step: String,
    /// Change in bookings, paired.
    pub bookings: Effect,
    /// Change in the share of periods both promises hold, paired (a fraction, not points).
    pub sla_kept: Effect,
}

/// One knob's bar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bar {
    pub knob: Knob,
    pub label: String,
    pub team: Team,
    pub low: Option<Swing>,
    pub high: Option<Swing>,
}

impl Bar {
    /// The widest mean change of the measure on either side.
    pub fn reach(&self, m: Measure) -> f64 {
        [&self.low, &self.high]
            .into_iter()
            .flatten()
            .map(|s| s.effect(m).band.mean.abs())
            .fold(0.0, f64::max)
    }
}

impl Swing {
    pub fn effect(&self, m: Measure) -> &Effect {
        match m {
            Measure::Bookings => &self.bookings,
            Measure::SlaKept => &self.sla_kept,
        }
    }
}

/// The sensitivity view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tornado {
    /// Bookings of the scenario as it is.
    pub base_bookings: Band,
    /// Share of periods in which both promises hold, as it is.
    pub base_sla_kept: f64,
    /// Bars, widest bookings swing first.
    pub bars: Vec<Bar>,
    /// Paired replications behind each bar.
    pub pairs: usize,
}

impl Tornado {
    /// The bars ranked by `m`, widest first.
    pub fn ranked(&self, m: Measure) -> Vec<&Bar> {
        let mut bars: Vec<&Bar> = self.bars.iter().collect();
        bars.sort_by(|a, b| b.reach(m).total_cmp(&a.reach(m)));
        bars
    }
}

/// The tornado from outcomes already run: `base` of the scenario and `runs[i]` of `steps[i]`
/// (the same replication indices; a shorter run pairs only the replications it has).
pub fn tornado(
    v: &ValidScenario,
    base: &[Outcome],
    steps: &[Step],
    runs: &[Vec<Outcome>],
) -> Tornado {
    let s = v.get();
    let swing = |step: &Step, run: &[Outcome]| Swing {
        step: step.knob.step(step.side).into(),
        bookings: Effect::paired(base, run, |o| o.bookings),
        sla_kept: Effect::paired(base, run, |o| o.sla_kept_share(&s.sla)),
    };
    let mut bars: Vec<Bar> = Vec::new();
    for (step, run) in steps.iter().zip(runs) {
        let i = match bars.iter().position(|b| b.knob == step.knob) {
            Some(i) => i,
            None => {
                bars.push(Bar {
                    knob: step.knob,
                    label: step.knob.label(s),
                    team: step.knob.team(),
                    low: None,
                    high: None,
                });
                bars.len() - 1
            }
        };
        if let Some(bar) = bars.get_mut(i) {
            let sw = Some(swing(step, run));
            match step.side {
                Side::Low => bar.low = sw,
                Side::High => bar.high = sw,
            }
        }
    }
    bars.sort_by(|a, b| {
        b.reach(Measure::Bookings)
            .total_cmp(&a.reach(Measure::Bookings))
    });
    let pairs = runs
        .iter()
        .map(|r| r.len().min(base.len()))
        .min()
        .unwrap_or(0);
    Tornado {
        base_bookings: band_of(base, |o| o.bookings),
        base_sla_kept: sla_kept(base, &s.sla),
        bars,
        pairs,
    }
}

/// Runs the tornado with `n` paired replications per step.
pub fn run_tornado(v: &ValidScenario, n: usize, runner: &dyn Runner) -> Tornado {
    let steps = steps(v);
    let mut arms = vec![v.clone()];
    arms.extend(steps.iter().map(|s| s.scenario.clone()));
    let mut runs = runner.outcomes(&arms, n);
    let base = if runs.is_empty() {
        Vec::new()
    } else {
        runs.remove(0)
    };
    tornado(v, &base, &steps, &runs)
}
