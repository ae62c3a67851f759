//! A traced replication: the life of every lead that became an individual (was first touched
//! by an SDR), event by event, as the engine lived it, and the untouched MQLs abandoned per
//! arrival day. Tracing only records; a traced replication's numbers are the untraced one's.

use std::collections::HashMap;

use super::draws::{LeadDraws, LeadId};

/// Why an SDR rejected a lead after reaching it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rejection {
    /// Not accepted: the lead is not a fit.
    PoorFit,
    /// Accepted, but did not qualify: no budget, need or timing yet.
    NotReady,
}

/// Something that happened to a lead.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Happening {
    /// Attempt `number` (1 = the first touch) and whether it reached the lead.
    Attempt { number: u8, reached: bool },
    /// Reached and accepted by the SDR: a SAL.
    Accepted,
    /// Rejected; `recycled` if it went back to nurture.
    Rejected { reason: Rejection, recycled: bool },
    /// Qualified: an SQL handed to the AEs.
    Qualified,
    /// Given up without contact after `attempts` attempts; `recycled` if back to nurture.
    GaveUp { attempts: u8, recycled: bool },
    /// Lost waiting for an AE past the wait limit.
    ExpiredWaitingForAe,
    /// An AE opened an opportunity after `waited_days`, with this chance to win.
    Opened { waited_days: u32, win_chance: f64 },
    /// The opportunity closed, won or lost, after `cycle_days`.
    Closed {
        won: bool,
        amount: f64,
        cycle_days: f64,
    },
}

/// Where a traced lead is at the end of the run (the leak accounting's states).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum End {
    /// Awaiting its next attempt.
    InSdrQueue,
    /// Given up without contact (not recycled).
    Unreached,
    /// Rejected or unreached, and recycled to nurture.
    BackToNurture,
    RejectedPoorFit,
    RejectedNotReady,
    WaitingForAe,
    ExpiredWaitingForAe,
    /// An opportunity that closes after the horizon.
    OpenOpportunity,
    Won,
    Lost,
}

/// One event of a journey, `at_h` hours from the start of the run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Step {
    pub at_h: f64,
    pub what: Happening,
}

/// One lead's life.
#[derive(Debug, Clone, PartialEq)]
pub struct Journey {
    pub id: LeadId,
    /// Its random numbers (e.g. to attribute it to a channel).
    pub draws: LeadDraws,
    /// Propensity band (see [`super::curves::BAND_EDGES`]).
    pub band: u8,
    /// Arrival time, hours from the start of the run.
    pub arrival_h: f64,
    pub steps: Vec<Step>,
    pub end: End,
}

/// Untouched MQLs of one arrival day and score class abandoned past the age limit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Abandoned {
    pub day: u32,
    pub class: u8,
    pub leads: u32,
    pub at_h: f64,
}

/// Everything a traced replication recorded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Trace {
    pub journeys: Vec<Journey>,
    pub abandoned: Vec<Abandoned>,
    /// Untouched MQLs still in the SDR queue at the end.
    pub untouched_at_end: u64,
    by_lead: HashMap<LeadDraws, usize>,
}

/// What a replication tells as it runs: nothing (`()`, compiled away) or a [`Trace`].
pub trait Tracer {
    /// A lead's first touch made it an individual.
    fn arrived(&mut self, id: LeadId, draws: LeadDraws, band: u8, arrival_h: f64);
    /// `what` happened to `lead` at `at_h`; it now ends in `end`.
    fn record(&mut self, lead: LeadDraws, at_h: f64, what: Happening, end: End);
    /// Untouched MQLs were abandoned.
    fn abandon(&mut self, a: Abandoned);
    /// The run ended with `untouched` MQLs never touched in the queue.
    fn finish(&mut self, untouched: u64);
}

impl Tracer for () {
    #[inline(always)]
    fn arrived(&mut self, _: LeadId, _: LeadDraws, _: u8, _: f64) {}
    #[inline(always)]
    fn record(&mut self, _: LeadDraws, _: f64, _: Happening, _: End) {}
    #[inline(always)]
    fn abandon(&mut self, _: Abandoned) {}
    #[inline(always)]
    fn finish(&mut self, _: u64) {}
}

impl Tracer for Trace {
    fn arrived(&mut self, id: LeadId, draws: LeadDraws, band: u8, arrival_h: f64) {
        self.by_lead.insert(draws, self.journeys.len());
        self.journeys.push(Journey {
            id,
            draws,
            band,
            arrival_h,
            steps: Vec::new(),
            end: End::InSdrQueue,
        });
    }

    /// The AE team works in whole days, so an opportunity opened on the day its lead
    /// qualified is shown at the qualification.
    fn record(&mut self, lead: LeadDraws, at_h: f64, what: Happening, end: End) {
        if let Some(j) = self
            .by_lead
            .get(&lead)
            .and_then(|i| self.journeys.get_mut(*i))
        {
            let at_h = j.steps.last().map_or(at_h, |last| at_h.max(last.at_h));
            j.steps.push(Step { at_h, what });
            j.end = end;
        }
    }

    fn abandon(&mut self, a: Abandoned) {
        self.abandoned.push(a);
    }

    fn finish(&mut self, untouched: u64) {
        self.untouched_at_end = untouched;
    }
}

impl Trace {
    /// Traced leads per end state.
    pub fn count(&self, end: End) -> u64 {
        self.journeys.iter().filter(|j| j.end == end).count() as u64
    }
}
