//! Validation: a [`Scenario`] becomes a [`ValidScenario`] only with every value in its
//! range, and every problem is reported at once with its path.

use serde::Serialize;

use super::super::errors::{ErrorCollector, ValidationErrors};
use super::super::params::Param;
use super::super::params::{Group, Scope};
use super::{Scenario, MAX_CHANNELS, MAX_REPLICATION_WEEKS, SCENARIO_VERSION};

/// A scenario that passed validation; the only form the engine accepts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ValidScenario(Scenario);

impl ValidScenario {
    /// The validated scenario.
    pub fn get(&self) -> &Scenario {
        &self.0
    }
    /// Horizon in weeks.
    pub fn weeks(&self) -> usize {
        self.0.run.weeks as usize
    }
    /// Replications.
    pub fn replications(&self) -> usize {
        self.0.run.replications as usize
    }
    /// A copy with another number of replications, clamped to the valid range and to the
    /// replications x weeks limit validation enforces ([`MAX_REPLICATION_WEEKS`]).
    pub fn with_replications(&self, n: usize) -> Self {
        let mut s = self.0.clone();
        let by_work = (MAX_REPLICATION_WEEKS / s.run.weeks.max(1.0)).floor() as usize;
        let most = (Param::Replications.spec().max as usize)
            .min(by_work)
            .max(1);
        s.run.replications = n.clamp(1, most) as f64;
        ValidScenario(s)
    }
    /// Applies a change and validates the result.
    pub fn modified(&self, f: impl FnOnce(&mut Scenario)) -> Result<Self, ValidationErrors> {
        let mut s = self.0.clone();
        f(&mut s);
        ValidScenario::try_from(s)
    }
}

fn check(errs: &mut ErrorCollector, path: &str, p: Param, v: f64) {
    let s = p.spec();
    let before = errs.is_empty();
    errs.check_range(path, v, s.min, s.max, s.unit);
    if before == errs.is_empty() && s.integer && v.fract() != 0.0 {
        errs.push(
            path,
            format!(
                "must be a whole number (got {})",
                crate::format::plain_number(v)
            ),
        );
    }
}

fn check_pair(errs: &mut ErrorCollector, path: &str, p: Param, v: f64) {
    // `is_empty` only tells whether any error was recorded so far; track per field instead.
    let mut local = ErrorCollector::default();
    check(&mut local, path, p, v);
    if let Err(e) = local.finish(()) {
        for fe in Vec::from(e) {
            errs.push(fe.path, fe.message);
        }
    }
}

impl TryFrom<&Scenario> for ValidScenario {
    type Error = ValidationErrors;

    fn try_from(s: &Scenario) -> Result<Self, Self::Error> {
        let mut e = ErrorCollector::default();
        let c = |e: &mut ErrorCollector, path: &str, p: Param, v: f64| check_pair(e, path, p, v);
        if s.version == 0 || s.version > SCENARIO_VERSION {
            e.push(
                "version",
                format!(
                    "must be between 1 and {SCENARIO_VERSION} (got {})",
                    s.version
                ),
            );
        }
        if s.channels.is_empty() {
            e.push("channels", "add at least one channel");
        }
        if s.channels.len() > MAX_CHANNELS {
            e.push(
                "channels",
                format!("at most {MAX_CHANNELS} channels (got {})", s.channels.len()),
            );
        }
        for (i, ch) in s.channels.iter().enumerate() {
            if ch.name.trim().is_empty() {
                e.push(format!("channels[{i}].name"), "give the channel a name");
            }
            // Burst parameters read as `None` when the channel has no burst.
            for p in Param::in_group(Group::Channel).chain(Param::in_group(Group::Burst)) {
                if let Some(v) = p.get(s, i) {
                    c(&mut e, &p.path(i), p, v);
                }
            }
        }
        // Every scenario-wide parameter; the hot threshold only when it is on.
        for p in Param::ALL
            .into_iter()
            .filter(|p| p.scope() == Scope::Scenario)
        {
            if let Some(v) = p.get(s, 0) {
                c(&mut e, &p.path(0), p, v);
            }
        }
        let t = &s.thresholds;
        if let Some(h) = t.hot_threshold {
            if h.is_finite() && t.mql_threshold.is_finite() && h < t.mql_threshold {
                e.push(
                    "thresholds.hot_threshold",
                    "must be at least the MQL threshold",
                );
            }
        }
        let work = s.run.weeks * s.run.replications;
        if work.is_finite() && work > MAX_REPLICATION_WEEKS {
            e.push(
                "run.replications",
                format!(
                    "replications x weeks must be at most {} (got {}); use fewer replications",
                    crate::format::count(MAX_REPLICATION_WEEKS),
                    crate::format::count(work)
                ),
            );
        }
        e.finish(ValidScenario(s.clone()))
    }
}

impl TryFrom<Scenario> for ValidScenario {
    type Error = ValidationErrors;
    fn try_from(s: Scenario) -> Result<Self, Self::Error> {
        ValidScenario::try_from(&s)
    }
}
