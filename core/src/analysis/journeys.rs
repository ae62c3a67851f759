//! "Follow one lead": the lives of individual leads from one traced replication of the
//! current scenario, told in words with the engine's own times and outcomes. Not an
//! illustration: every story is a lead the engine simulated, and its end is counted in that
//! replication's leak accounting.

use crate::engine::curves::{Curves, BANDS, BAND_EDGES};
use crate::engine::draws::Event;
use crate::engine::sim::replicate_traced;
use crate::engine::trace::{Abandoned, End, Journey, Trace};
use crate::format;
use crate::model::ValidScenario;
mod words;

use words::{ending_words, step_words, when};

/// The outcomes a learner can pick, in funnel order (end states with a story to tell).
pub const OUTCOMES: [Outcome; 11] = [
    Outcome::Won,
    Outcome::Lost,
    Outcome::OpenOpportunity,
    Outcome::ExpiredWaitingForAe,
    Outcome::WaitingForAe,
    Outcome::RejectedNotReady,
    Outcome::RejectedPoorFit,
    Outcome::BackToNurture,
    Outcome::Unreached,
    Outcome::InSdrQueue,
    Outcome::AbandonedUntouched,
];

/// Where a followed lead ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    Won,
    Lost,
    OpenOpportunity,
    ExpiredWaitingForAe,
    WaitingForAe,
    RejectedNotReady,
    RejectedPoorFit,
    BackToNurture,
    Unreached,
    InSdrQueue,
    /// Never called: abandoned in the queue past the age limit.
    AbandonedUntouched,
}

impl Outcome {
    /// A short label for a button.
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Won => "Won",
            Outcome::Lost => "Lost",
            Outcome::OpenOpportunity => "Still open",
            Outcome::ExpiredWaitingForAe => "Lost waiting for an AE",
            Outcome::WaitingForAe => "Waiting for an AE",
            Outcome::RejectedNotReady => "Rejected: not ready",
            Outcome::RejectedPoorFit => "Rejected: poor fit",
            Outcome::BackToNurture => "Back to nurture",
            Outcome::Unreached => "Never reached",
            Outcome::InSdrQueue => "Still being called",
            Outcome::AbandonedUntouched => "Never called",
        }
    }

    /// A stable name for tests and anchors.
    pub fn slug(self) -> &'static str {
        match self {
            Outcome::Won => "won",
            Outcome::Lost => "lost",
            Outcome::OpenOpportunity => "open",
            Outcome::ExpiredWaitingForAe => "expired",
            Outcome::WaitingForAe => "waiting-ae",
            Outcome::RejectedNotReady => "not-ready",
            Outcome::RejectedPoorFit => "poor-fit",
            Outcome::BackToNurture => "nurture",
            Outcome::Unreached => "unreached",
            Outcome::InSdrQueue => "in-queue",
            Outcome::AbandonedUntouched => "abandoned",
        }
    }

    fn of(end: End) -> Outcome {
        match end {
            End::InSdrQueue => Outcome::InSdrQueue,
            End::Unreached => Outcome::Unreached,
            End::BackToNurture => Outcome::BackToNurture,
            End::RejectedPoorFit => Outcome::RejectedPoorFit,
            End::RejectedNotReady => Outcome::RejectedNotReady,
            End::WaitingForAe => Outcome::WaitingForAe,
            End::ExpiredWaitingForAe => Outcome::ExpiredWaitingForAe,
            End::OpenOpportunity => Outcome::OpenOpportunity,
            End::Won => Outcome::Won,
            End::Lost => Outcome::Lost,
        }
    }
}

/// Who a line of a story belongs to (its colour on the timeline).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Marketing,
    Sdr,
    Ae,
    Won,
    Leak,
}

impl Stage {
    pub fn slug(self) -> &'static str {
        match self {
            Stage::Marketing => "marketing",
            Stage::Sdr => "sdr",
            Stage::Ae => "ae",
            Stage::Won => "won",
            Stage::Leak => "leak",
        }
    }
}

/// One line of a lead's story.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// When, from the start of the run: `Day 23, 14:10`.
    pub when: String,
    /// How long after the lead arrived: `+6.3 h`.
    pub since_arrival: String,
    pub text: String,
    pub stage: Stage,
}

/// One followed lead.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    pub title: String,
    pub outcome: Outcome,
    pub lines: Vec<Line>,
}

/// A traced replication ready to be told, lead by lead.
#[derive(Debug, Clone, PartialEq)]
pub struct Journeys {
    trace: Trace,
    names: Vec<String>,
    curves_weights: Vec<Vec<[[f64; 2]; BANDS]>>,
    mql_threshold: f64,
    hot_threshold: f64,
    pub replication: u64,
}

impl Journeys {
    /// Traces replication `rep` of `v`.
    pub fn trace(v: &ValidScenario, rep: u64) -> Journeys {
        let curves = Curves::new(v);
        let (_, trace) = replicate_traced(v, &curves, rep);
        let s = v.get();
        let mql = s.thresholds.mql_threshold;
        // Expected MQL arrivals of each channel per week, band and score class: a lead of a
        // cohort came from a channel in proportion to them (Poisson thinning).
        let curves_weights = curves
            .rates
            .iter()
            .map(|week| {
                week.iter()
                    .zip(&curves.cells)
                    .map(|(rate, cells)| cells.map(|c| [rate * c[1], rate * c[2]]))
                    .collect()
            })
            .collect();
        Journeys {
            trace,
            names: s.channels.iter().map(|c| c.name.clone()).collect(),
            curves_weights,
            mql_threshold: mql,
            hot_threshold: s.thresholds.hot_threshold.unwrap_or(0.5 * (mql + 100.0)),
            replication: rep,
        }
    }

    /// How many leads of the replication ended in `outcome` (leads, or for
    /// [`Outcome::AbandonedUntouched`] untouched MQLs).
    pub fn count(&self, outcome: Outcome) -> u64 {
        match outcome {
            Outcome::AbandonedUntouched => self
                .trace
                .abandoned
                .iter()
                .map(|a| u64::from(a.leads))
                .sum(),
            _ => self
                .trace
                .journeys
                .iter()
                .filter(|j| Outcome::of(j.end) == outcome)
                .count() as u64,
        }
    }

    /// The `n`-th story (wrapping around) of leads that ended in `outcome`, if any did.
    pub fn story(&self, outcome: Outcome, n: usize) -> Option<Story> {
        if outcome == Outcome::AbandonedUntouched {
            let groups = &self.trace.abandoned;
            let a = groups.get(n % groups.len().max(1))?;
            return Some(self.abandoned_story(a));
        }
        let matching: Vec<&Journey> = self
            .trace
            .journeys
            .iter()
            .filter(|j| Outcome::of(j.end) == outcome)
            .collect();
        let j = matching.get(n % matching.len().max(1))?;
        Some(self.journey_story(j, outcome))
    }

    fn channel(&self, j: &Journey) -> Option<&str> {
        let week = (j.id.day() / 7) as usize;
        let class = usize::from(j.id.class());
        let band = usize::from(j.band);
        let weights: Vec<f64> = self
            .curves_weights
            .get(week)?
            .iter()
            .map(|w| w.get(band).map_or(0.0, |b| b[class.min(1)]))
            .collect();
        let total: f64 = weights.iter().sum();
        if total <= 0.0 {
            return None;
        }
        let u = j.draws.get(Event::Channel) * total;
        let mut acc = 0.0;
        let mut pick = weights.len().saturating_sub(1);
        for (i, w) in weights.iter().enumerate() {
            acc += w;
            if u < acc {
                pick = i;
                break;
            }
        }
        self.names.get(pick).map(String::as_str)
    }

    fn score_words(&self, class: u8) -> String {
        if class == 1 {
            format!(
                "a high score (at least {}): a hot lead",
                format::plain_number(self.hot_threshold)
            )
        } else {
            format!(
                "a score at or above the MQL threshold of {}",
                format::plain_number(self.mql_threshold)
            )
        }
    }

    fn journey_story(&self, j: &Journey, outcome: Outcome) -> Story {
        let band = usize::from(j.band);
        let (lo, hi) = (
            BAND_EDGES.get(band).copied().unwrap_or(0.0),
            BAND_EDGES.get(band + 1).copied().unwrap_or(1.0),
        );
        let channel = self
            .channel(j)
            .map_or_else(String::new, |c| format!(" from {c}"));
        let line = |at_h: f64, text: String, stage: Stage| Line {
            when: when(at_h),
            since_arrival: format!("+{}", format::hours(at_h - j.arrival_h)),
            text,
            stage,
        };
        let mut lines = vec![line(
            j.arrival_h,
            format!(
                "Arrives{channel} with {}. Its true propensity to buy is {}-{} (nobody sees it).",
                self.score_words(j.id.class()),
                format::percent(lo),
                format::percent(hi)
            ),
            Stage::Marketing,
        )];
        for s in &j.steps {
            let (text, stage) = step_words(s.what);
            lines.push(line(s.at_h, text, stage));
        }
        if let Some((text, stage)) = ending_words(j.end) {
            let at = j.steps.last().map_or(j.arrival_h, |s| s.at_h);
            lines.push(line(at, text.into(), stage));
        }
        Story {
            title: format!(
                "Lead {} of day {} (replication {})",
                j.id.position() + 1,
                j.id.day() + 1,
                self.replication + 1
            ),
            outcome,
            lines,
        }
    }

    fn abandoned_story(&self, a: &Abandoned) -> Story {
        let arrival_h = 24.0 * f64::from(a.day);
        let text = format!(
            "{} MQLs with {} arrive today. No SDR gets to them.",
            format::count(f64::from(a.leads)),
            self.score_words(a.class)
        );
        let left = format!(
            "Still untouched past the age limit: abandoned. Nobody ever called these {} leads.",
            format::count(f64::from(a.leads))
        );
        Story {
            title: format!(
                "The untouched MQLs of day {} (replication {})",
                a.day + 1,
                self.replication + 1
            ),
            outcome: Outcome::AbandonedUntouched,
            lines: vec![
                Line {
                    when: when(arrival_h),
                    since_arrival: "+0 min".into(),
                    text,
                    stage: Stage::Marketing,
                },
                Line {
                    when: when(a.at_h),
                    since_arrival: format!("+{}", format::hours(a.at_h - arrival_h)),
                    text: left,
                    stage: Stage::Leak,
                },
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Preset;

    fn journeys(p: Preset) -> Journeys {
        let v = ValidScenario::try_from(p.scenario()).expect("valid");
        Journeys::trace(&v, 0)
    }

    #[test]
    fn a_won_lead_is_told_from_arrival_to_its_booking() {
        let j = journeys(Preset::Baseline);
        assert!(j.count(Outcome::Won) > 0);
        let story = j.story(Outcome::Won, 0).expect("a won lead");
        let first = story.lines.first().expect("lines");
        assert!(first.text.starts_with("Arrives from "), "{}", first.text);
        assert!(story
            .lines
            .iter()
            .any(|l| l.text.starts_with("First touch")));
        let last = story.lines.last().expect("lines");
        assert!(last.text.starts_with("Won: $"), "{}", last.text);
        assert_eq!(last.stage, Stage::Won);
    }

    #[test]
    fn stories_wrap_around_and_differ() {
        let j = journeys(Preset::Baseline);
        let n = j.count(Outcome::Lost) as usize;
        assert!(n > 1);
        assert_eq!(j.story(Outcome::Lost, 0), j.story(Outcome::Lost, n));
        assert_ne!(j.story(Outcome::Lost, 0), j.story(Outcome::Lost, 1));
    }

    #[test]
    fn a_flood_leaves_leads_nobody_called() {
        let mut s = Preset::Baseline.scenario();
        for c in &mut s.channels {
            c.leads_per_week *= 10.0;
        }
        let j = Journeys::trace(&ValidScenario::try_from(s).expect("valid"), 0);
        assert!(j.count(Outcome::AbandonedUntouched) > 1000);
        let story = j.story(Outcome::AbandonedUntouched, 0).expect("abandoned");
        assert!(story.lines.iter().any(|l| l.stage == Stage::Leak));
        assert!(j.story(Outcome::Won, 0).is_some());
    }

    #[test]
    fn there_is_a_story_exactly_for_the_outcomes_some_lead_reached() {
        for p in [Preset::Baseline, Preset::MillionLeads] {
            let j = journeys(p);
            for o in OUTCOMES {
                assert_eq!(j.story(o, 0).is_some(), j.count(o) > 0, "{p:?} {o:?}");
            }
        }
    }

    #[test]
    fn times_read_as_day_and_clock() {
        assert_eq!(when(0.0), "Day 1, 00:00");
        assert_eq!(when(24.0 * 22.0 + 14.0 + 10.0 / 60.0), "Day 23, 14:10");
    }
}
