//! The knobs each team owns, with the low and high step the sensitivity view moves them by.
//! The owner and the step of each knob's parameters are in the parameter table
//! ([`Param::spec`]); steps stay inside each parameter's valid range.

use serde::{Deserialize, Serialize};

use crate::model::params::{Side, Team};
use crate::model::{Param, ParamSpec, Scenario};

/// A knob the sensitivity view moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "knob", content = "channel")]
pub enum Knob {
    /// Lead volume of one channel (its index), ±10%.
    Leads(usize),
    /// MQL threshold, ±5 points.
    Threshold,
    /// SDR headcount, ±1.
    SdrHeadcount,
    /// Attempts before giving up, ±1.
    Attempts,
    /// Response target, halved or doubled.
    ResponseTarget,
    /// Hours between attempts, halved or 1.5 times.
    Spacing,
    /// AE headcount, ±1.
    AeHeadcount,
    /// Win rates, ±5 points.
    WinRate,
    /// Median deal size, ±10%.
    DealSize,
    /// Median sales cycle, ±10%.
    Cycle,
}

impl Knob {
    /// Every knob of a scenario: one lead-volume knob per channel that brings leads.
    pub fn all(s: &Scenario) -> Vec<Knob> {
        let mut knobs: Vec<Knob> = s
            .channels
            .iter()
            .enumerate()
            .filter(|(_, c)| c.leads_per_week > 0.0)
            .map(|(i, _)| Knob::Leads(i))
            .collect();
        knobs.extend([
            Knob::Threshold,
            Knob::SdrHeadcount,
            Knob::Attempts,
            Knob::ResponseTarget,
            Knob::Spacing,
            Knob::AeHeadcount,
            Knob::WinRate,
            Knob::DealSize,
            Knob::Cycle,
        ]);
        knobs
    }

    /// The parameters the knob moves, the first one naming it (win rates move at no and at
    /// full propensity together; a channel's leads move with its burst).
    pub fn params(self) -> &'static [Param] {
        match self {
            Knob::Leads(_) => &[Param::LeadsPerWeek, Param::BurstExtraLeadsPerWeek],
            Knob::Threshold => &[Param::MqlThreshold],
            Knob::SdrHeadcount => &[Param::SdrHeadcount],
            Knob::Attempts => &[Param::MaxAttempts],
            Knob::ResponseTarget => &[Param::TargetResponseMinutes],
            Knob::Spacing => &[Param::AttemptSpacingHours],
            Knob::AeHeadcount => &[Param::AeHeadcount],
            Knob::WinRate => &[Param::WinAtZeroPercent, Param::WinAtFullPercent],
            Knob::DealSize => &[Param::DealMedian],
            Knob::Cycle => &[Param::CycleMedianDays],
        }
    }

    /// The table row of the parameter that names the knob.
    fn spec(self) -> Option<&'static ParamSpec> {
        self.params().first().map(|p| p.spec())
    }

    /// The team that owns the knob's parameter (from the parameter table).
    pub fn team(self) -> Team {
        self.spec().and_then(|s| s.team).unwrap_or(Team::Marketing)
    }

    /// The knob's name in the scenario ("Leads from Webinar").
    pub fn label(self, s: &Scenario) -> String {
        match self {
            Knob::Leads(i) => match s.channels.get(i) {
                Some(c) => format!("Leads from {}", c.name),
                None => "Leads".into(),
            },
            Knob::Threshold => "MQL threshold".into(),
            Knob::SdrHeadcount => "SDR headcount".into(),
            Knob::Attempts => "Attempts per lead".into(),
            Knob::ResponseTarget => "Response target".into(),
            Knob::Spacing => "Hours between attempts".into(),
            Knob::AeHeadcount => "AE headcount".into(),
            Knob::WinRate => "Win rate".into(),
            Knob::DealSize => "Deal size".into(),
            Knob::Cycle => "Sales cycle".into(),
        }
    }

    /// The step in words ("-10%", "+1 SDR", "halved"), from the parameter table.
    pub fn step(self, side: Side) -> &'static str {
        self.spec()
            .and_then(|s| s.step)
            .map_or("", |st| st.words(side))
    }

    /// Moves the knob one step in `s`, inside each parameter's valid range (the steps are
    /// the parameter table's). Raising the MQL threshold keeps the hot threshold at or above
    /// it.
    pub fn apply(self, s: &mut Scenario, side: Side) {
        let channel = match self {
            Knob::Leads(i) => i,
            _ => 0,
        };
        for p in self.params() {
            p.step(s, channel, side);
        }
        if self == Knob::Threshold {
            s.thresholds.keep_hot_above_mql();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Preset, ValidScenario};

    #[test]
    fn every_step_of_every_preset_stays_valid_and_moves_its_way() {
        for p in Preset::ALL {
            let s = p.scenario();
            for k in Knob::all(&s) {
                for side in Side::BOTH {
                    let mut t = s.clone();
                    k.apply(&mut t, side);
                    assert!(
                        ValidScenario::try_from(&t).is_ok(),
                        "{} {:?} {side:?}",
                        p.name(),
                        k
                    );
                }
            }
        }
    }

    #[test]
    fn every_knob_is_owned_and_stepped_by_the_table() {
        for k in Knob::all(&Preset::ALL[0].scenario()) {
            for p in k.params() {
                assert!(p.spec().team.is_some(), "{k:?}: {p:?} has no owner");
                assert!(p.spec().step.is_some(), "{k:?}: {p:?} has no step");
            }
        }
        assert_eq!(Knob::Spacing.step(Side::Low), "halved");
        assert_eq!(Knob::Spacing.step(Side::High), "x1.5");
        assert_eq!(Knob::WinRate.step(Side::High), "+5 points");
        assert_eq!(Knob::SdrHeadcount.step(Side::Low), "-1 SDR");
        assert_eq!(Knob::Leads(0).team(), Team::Marketing);
        assert_eq!(Knob::Attempts.team(), Team::Sdrs);
        assert_eq!(Knob::Cycle.team(), Team::Aes);
    }

    #[test]
    fn steps_are_clamped_to_the_range() {
        let mut s = Preset::ALL[0].scenario();
        s.sdr.headcount = 0.0;
        Knob::SdrHeadcount.apply(&mut s, Side::Low);
        assert_eq!(s.sdr.headcount, 0.0);
        s.thresholds.mql_threshold = 98.0;
        Knob::Threshold.apply(&mut s, Side::High);
        assert_eq!(s.thresholds.mql_threshold, 100.0);
        Knob::DealSize.apply(&mut s, Side::High);
        assert!(s.closing.deal_median > Preset::ALL[0].scenario().closing.deal_median);
    }
}
