//! Goal seek under uncertainty: which value of one lever gives at least a chance `q` of
//! bookings of at least `X`? More headcount never lowers bookings and more leads raise them
//! until the SDRs drown, so for those the search tries about nine values spread over a
//! ladder, then halves the bracket where the chance first reaches `q`; the threshold has no
//! direction (too low floods the SDRs, too high starves them), so every rung of its ladder is
//! tried. Every probe runs the same replication indices (common random numbers).

use serde::{Deserialize, Serialize};

use super::sweep::Axis;
use super::{band_of, chance_of_bookings, mean_of, Outcome, Plan};
use crate::engine::run::Band;
use crate::format::{money, percent};
use crate::model::{Param, Scenario, ValidScenario};

/// The lever goal seek moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalLever {
    /// Every channel's lead volume, as a percentage of today's.
    Leads,
    Sdrs,
    Aes,
    Threshold,
}

impl GoalLever {
    pub const ALL: [GoalLever; 4] = [
        GoalLever::Leads,
        GoalLever::Sdrs,
        GoalLever::Aes,
        GoalLever::Threshold,
    ];

    pub fn key(self) -> &'static str {
        match self {
            GoalLever::Leads => "leads",
            GoalLever::Sdrs => "sdrs",
            GoalLever::Aes => "aes",
            GoalLever::Threshold => "threshold",
        }
    }

    pub fn from_key(k: &str) -> Option<GoalLever> {
        GoalLever::ALL.into_iter().find(|l| l.key() == k)
    }

    pub fn label(self) -> &'static str {
        match self {
            GoalLever::Leads => "lead volume",
            GoalLever::Sdrs => "SDR headcount",
            GoalLever::Aes => "AE headcount",
            GoalLever::Threshold => "MQL threshold",
        }
    }

    fn axis(self) -> Axis {
        match self {
            GoalLever::Leads => Axis::LeadVolume,
            GoalLever::Sdrs => Axis::SdrHeadcount,
            GoalLever::Aes => Axis::AeHeadcount,
            GoalLever::Threshold => Axis::Threshold,
        }
    }

    /// Whether the search tries every value: the threshold has no direction (too low floods
    /// the SDRs, too high starves them). The others are searched coarse-then-bisect: more
    /// headcount never lowers bookings, and more leads raise them until the SDRs drown, so
    /// the goal is first reached on the rising side.
    fn tries_every_rung(self) -> bool {
        self == GoalLever::Threshold
    }

    /// The values tried, ascending.
    pub fn ladder(self, s: &Scenario) -> Vec<f64> {
        let mut vs: Vec<f64> = match self {
            GoalLever::Leads => (5..=40).map(|i| 10.0 * f64::from(i)).collect(),
            GoalLever::Sdrs | GoalLever::Aes => {
                let now = self.axis().get(s);
                let top = (now * 3.0).max(now + 10.0);
                let p = if self == GoalLever::Sdrs {
                    Param::SdrHeadcount
                } else {
                    Param::AeHeadcount
                };
                let top = p.clamp(top);
                (1..=top as u32).map(f64::from).collect()
            }
            GoalLever::Threshold => (0..=20).map(|i| 5.0 * f64::from(i)).collect(),
        };
        vs.dedup();
        vs
    }

    /// A value in words ("150% of today's leads", "7 SDRs").
    pub fn show(self, v: f64) -> String {
        match self {
            GoalLever::Leads => format!("{} of today's lead volume", percent(v / 100.0)),
            GoalLever::Sdrs => format!("{} SDRs", crate::format::count(v)),
            GoalLever::Aes => format!("{} AEs", crate::format::count(v)),
            GoalLever::Threshold => format!("an MQL threshold of {}", crate::format::count(v)),
        }
    }
}

/// What the user asks for.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Goal {
    /// Bookings over the run to reach.
    pub bookings: f64,
    /// Chance of reaching it to require (0..1).
    pub probability: f64,
    pub lever: GoalLever,
}

/// Default chance a goal must be reached with.
pub const DEFAULT_PROBABILITY: f64 = 0.8;

/// One value tried.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Probe {
    pub value: f64,
    /// Share of replications whose bookings reach the goal.
    pub chance: f64,
    pub bookings: Band,
    /// Mean marketing and sales cost over the run.
    pub cost: f64,
    pub replications: usize,
}

/// The answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoalAnswer {
    pub goal: Goal,
    /// The lever's value today and its chance of the goal.
    pub today: Probe,
    /// The value found (the smallest that reaches the goal for volume and headcount; for the
    /// threshold the one with the best chance), if any value in range reaches it.
    pub answer: Option<Probe>,
    /// The best value tried when none reaches the goal.
    pub best_tried: Option<Probe>,
    /// Every value tried, ascending.
    pub probes: Vec<Probe>,
    /// The answer in a sentence.
    pub sentence: String,
    /// The scenario with the answer applied (today's when no value reaches the goal).
    pub scenario: Scenario,
}

/// The search, one probe (or, for the threshold, one ladder) at a time.
/// About nine rungs spread over a ladder of `n`, both ends included.
fn coarse(n: usize) -> Vec<usize> {
    let step = (n.saturating_sub(1)).div_ceil(8).max(1);
    let mut rungs: Vec<usize> = (0..n).step_by(step).collect();
    if rungs.last() != Some(&(n - 1)) {
        rungs.push(n - 1);
    }
    rungs
}

#[derive(Debug, Clone)]
pub struct Seek {
    base: ValidScenario,
    goal: Goal,
    ladder: Vec<f64>,
    /// Probes tried, by ladder index, plus today's.
    tried: Vec<(usize, Probe)>,
    today: Option<Probe>,
    /// Ladder indices of the arms asked for last (`None`: today's scenario).
    asked: Vec<Option<usize>>,
    /// Bisection bracket: the goal fails at `lo` (or below the ladder) and holds at `hi`.
    done: bool,
}

impl Seek {
    pub fn new(base: &ValidScenario, goal: Goal) -> Seek {
        let ladder = goal.lever.ladder(base.get());
        Seek {
            base: base.clone(),
            goal,
            ladder,
            tried: Vec::new(),
            today: None,
            asked: Vec::new(),
            done: false,
        }
    }

    fn arm(&self, i: usize) -> Option<ValidScenario> {
        let v = *self.ladder.get(i)?;
        let axis = self.goal.lever.axis();
        self.base.modified(|s| axis.set(s, v)).ok()
    }

    fn probe(&self, value: f64, xs: &[Outcome]) -> Probe {
        Probe {
            value,
            chance: chance_of_bookings(xs, self.goal.bookings),
            bookings: band_of(xs, |o| o.bookings),
            cost: mean_of(xs, |o| o.cost),
            replications: xs.len(),
        }
    }

    fn was_tried(&self, i: usize) -> bool {
        self.tried.iter().any(|(j, _)| *j == i)
    }

    /// The rungs to try next: first a coarse pass over the ladder (every rung for the
    /// threshold), then the middle of the bracket where the chance first reaches the goal.
    fn plan(&self) -> Vec<usize> {
        let n = self.ladder.len();
        if n == 0 {
            return Vec::new();
        }
        let every = self.goal.lever.tries_every_rung();
        if self.tried.is_empty() {
            return if every { (0..n).collect() } else { coarse(n) };
        }
        match self.bracket() {
            Some((lo, hi)) if !every && hi > lo + 1 => vec![(lo + hi) / 2],
            _ => Vec::new(),
        }
    }

    fn reached(&self, p: &Probe) -> bool {
        p.chance >= self.goal.probability
    }

    /// The lowest rung tried that reaches the goal and the highest rung below it tried that
    /// does not (`None` while no rung reaches it, or when the lowest rung already does).
    fn bracket(&self) -> Option<(usize, usize)> {
        let hi = self
            .tried
            .iter()
            .filter(|(_, p)| self.reached(p))
            .map(|(i, _)| *i)
            .min()?;
        let lo = self
            .tried
            .iter()
            .filter(|(i, p)| *i < hi && !self.reached(p))
            .map(|(i, _)| *i)
            .max()?;
        Some((lo, hi))
    }

    fn answer_probe(&self) -> Option<&Probe> {
        let reaching = self.tried.iter().filter(|(_, p)| self.reached(p));
        if self.goal.lever.tries_every_rung() {
            // The threshold: the surest of the values that reach the goal.
            return reaching.map(|(_, p)| p).max_by(|a, b| {
                a.chance
                    .total_cmp(&b.chance)
                    .then(a.bookings.mean.total_cmp(&b.bookings.mean))
            });
        }
        // Lead volume and headcount: the least that reaches it.
        reaching.min_by_key(|(i, _)| *i).map(|(_, p)| p)
    }

    pub fn answer(&self) -> GoalAnswer {
        let g = self.goal;
        let mut probes: Vec<Probe> = self.tried.iter().map(|(_, p)| p.clone()).collect();
        probes.sort_by(|a, b| a.value.total_cmp(&b.value));
        let axis = g.lever.axis();
        let today = self.today.clone().unwrap_or(Probe {
            value: axis.get(self.base.get()),
            chance: 0.0,
            bookings: Band::default(),
            cost: 0.0,
            replications: 0,
        });
        let answer = self.answer_probe().cloned();
        let best_tried = probes
            .iter()
            .max_by(|a, b| a.chance.total_cmp(&b.chance))
            .cloned();
        let wanted = format!(
            "bookings of {} or more in at least {} of runs",
            money(g.bookings),
            percent(g.probability)
        );
        let sentence = match (&answer, &best_tried) {
            (Some(a), _) => format!(
                "{} gives {wanted}: {} of runs reach it (today {}: {}); median bookings {}, cost {} {} over the run.",
                crate::format::capitalise(&g.lever.show(a.value)),
                percent(a.chance),
                g.lever.show(today.value),
                percent(today.chance),
                money(a.bookings.p50),
                if a.cost >= today.cost { "up" } else { "down" },
                money((a.cost - today.cost).abs()),
            ),
            (None, Some(b)) if !probes.is_empty() => format!(
                "No {} in range gives {wanted}: the best, {}, reaches it in {} of runs.",
                g.lever.label(),
                g.lever.show(b.value),
                percent(b.chance)
            ),
            _ => "Not answered yet.".into(),
        };
        let scenario = match &answer {
            Some(a) => self
                .base
                .modified(|s| axis.set(s, a.value))
                .map_or_else(|_| self.base.get().clone(), |v| v.get().clone()),
            None => self.base.get().clone(),
        };
        GoalAnswer {
            goal: g,
            today,
            answer,
            best_tried,
            probes,
            sentence,
            scenario,
        }
    }

    /// Whether the search is over.
    pub fn done(&self) -> bool {
        self.done
    }
}

impl Plan for Seek {
    fn next_arms(&mut self) -> Option<Vec<ValidScenario>> {
        if self.done {
            return None;
        }
        let mut asked: Vec<Option<usize>> = Vec::new();
        if self.today.is_none() {
            asked.push(None);
        }
        let planned = self.plan();
        asked.extend(
            planned
                .into_iter()
                .filter(|&i| !self.was_tried(i))
                .map(Some),
        );
        let arms: Vec<(Option<usize>, ValidScenario)> = asked
            .into_iter()
            .filter_map(|i| match i {
                None => Some((None, self.base.clone())),
                Some(i) => Some((Some(i), self.arm(i)?)),
            })
            .collect();
        if arms.is_empty() {
            self.done = true;
            return None;
        }
        self.asked = arms.iter().map(|(i, _)| *i).collect();
        Some(arms.into_iter().map(|(_, v)| v).collect())
    }

    fn record(&mut self, outcomes: Vec<Vec<Outcome>>) {
        let asked = std::mem::take(&mut self.asked);
        for (i, xs) in asked.into_iter().zip(outcomes) {
            match i {
                None => {
                    let value = self.goal.lever.axis().get(self.base.get());
                    self.today = Some(self.probe(value, &xs));
                }
                Some(i) => {
                    let value = self.ladder.get(i).copied().unwrap_or(f64::NAN);
                    let p = self.probe(value, &xs);
                    self.tried.push((i, p));
                }
            }
        }
    }
}
