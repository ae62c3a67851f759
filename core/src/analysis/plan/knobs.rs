//! The knobs each team owns, with the low and high step the sensitivity view moves them by.
//! Steps stay inside each parameter's valid range ([`Param::spec`]).

use serde::{Deserialize, Serialize};

use crate::model::{Param, Scenario};

/// Who owns a knob: who can turn it after the agreement is signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Team {
    Marketing,
    /// Sales development: the SDRs who first touch and qualify MQLs.
    Sdrs,
    /// The account executives who close.
    Aes,
}

impl Team {
    pub fn label(self) -> &'static str {
        match self {
            Team::Marketing => "Marketing",
            Team::Sdrs => "Sales development (SDRs)",
            Team::Aes => "Closing (AEs)",
        }
    }
    /// A short word for a CSS class or a legend.
    pub fn key(self) -> &'static str {
        match self {
            Team::Marketing => "marketing",
            Team::Sdrs => "sdrs",
            Team::Aes => "aes",
        }
    }
}

/// Which way a knob is stepped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The value goes down.
    Low,
    /// The value goes up.
    High,
}

impl Side {
    pub const BOTH: [Side; 2] = [Side::Low, Side::High];
}

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

    pub fn team(self) -> Team {
        match self {
            Knob::Leads(_) | Knob::Threshold => Team::Marketing,
            Knob::SdrHeadcount | Knob::Attempts | Knob::ResponseTarget | Knob::Spacing => {
                Team::Sdrs
            }
            Knob::AeHeadcount | Knob::WinRate | Knob::DealSize | Knob::Cycle => Team::Aes,
        }
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

    /// The step in words ("-10%", "+1 SDR", "halved").
    pub fn step(self, side: Side) -> &'static str {
        use Side::{High, Low};
        match (self, side) {
            (Knob::Leads(_) | Knob::DealSize | Knob::Cycle, Low) => "-10%",
            (Knob::Leads(_) | Knob::DealSize | Knob::Cycle, High) => "+10%",
            (Knob::Threshold | Knob::WinRate, Low) => "-5 points",
            (Knob::Threshold | Knob::WinRate, High) => "+5 points",
            (Knob::SdrHeadcount, Low) => "-1 SDR",
            (Knob::SdrHeadcount, High) => "+1 SDR",
            (Knob::AeHeadcount, Low) => "-1 AE",
            (Knob::AeHeadcount, High) => "+1 AE",
            (Knob::Attempts, Low) => "-1 attempt",
            (Knob::Attempts, High) => "+1 attempt",
            (Knob::ResponseTarget | Knob::Spacing, Low) => "halved",
            (Knob::ResponseTarget, High) => "doubled",
            (Knob::Spacing, High) => "x1.5",
        }
    }

    /// Moves the knob one step in `s`, inside each parameter's valid range.
    pub fn apply(self, s: &mut Scenario, side: Side) {
        let up = side == Side::High;
        let scale = |x: f64, low: f64, high: f64| if up { x * high } else { x * low };
        let shift = |x: f64, by: f64| if up { x + by } else { x - by };
        match self {
            Knob::Leads(i) => {
                if let Some(c) = s.channels.get_mut(i) {
                    c.leads_per_week =
                        clamp(Param::LeadsPerWeek, scale(c.leads_per_week, 0.9, 1.1));
                    if let Some(b) = &mut c.burst {
                        b.extra_leads_per_week = clamp(
                            Param::BurstExtraLeadsPerWeek,
                            scale(b.extra_leads_per_week, 0.9, 1.1),
                        );
                    }
                }
            }
            Knob::Threshold => {
                let t = &mut s.thresholds;
                t.mql_threshold = clamp(Param::MqlThreshold, shift(t.mql_threshold, 5.0));
                if let Some(h) = &mut t.hot_threshold {
                    *h = h.max(t.mql_threshold);
                }
            }
            Knob::SdrHeadcount => {
                s.sdr.headcount = clamp(Param::SdrHeadcount, shift(s.sdr.headcount, 1.0));
            }
            Knob::Attempts => {
                s.sdr.max_attempts = clamp(Param::MaxAttempts, shift(s.sdr.max_attempts, 1.0));
            }
            Knob::ResponseTarget => {
                s.sdr.target_response_minutes = clamp(
                    Param::TargetResponseMinutes,
                    scale(s.sdr.target_response_minutes, 0.5, 2.0),
                );
            }
            Knob::Spacing => {
                s.sdr.attempt_spacing_hours = clamp(
                    Param::AttemptSpacingHours,
                    scale(s.sdr.attempt_spacing_hours, 0.5, 1.5),
                );
            }
            Knob::AeHeadcount => {
                s.closing.ae_headcount =
                    clamp(Param::AeHeadcount, shift(s.closing.ae_headcount, 1.0));
            }
            Knob::WinRate => {
                let c = &mut s.closing;
                c.win_at_zero_percent =
                    clamp(Param::WinAtZeroPercent, shift(c.win_at_zero_percent, 5.0));
                c.win_at_full_percent =
                    clamp(Param::WinAtFullPercent, shift(c.win_at_full_percent, 5.0));
            }
            Knob::DealSize => {
                s.closing.deal_median =
                    clamp(Param::DealMedian, scale(s.closing.deal_median, 0.9, 1.1));
            }
            Knob::Cycle => {
                s.closing.cycle_median_days = clamp(
                    Param::CycleMedianDays,
                    scale(s.closing.cycle_median_days, 0.9, 1.1),
                );
            }
        }
    }
}

/// `v` inside the parameter's valid range, whole for whole-number parameters.
pub fn clamp(p: Param, v: f64) -> f64 {
    let spec = p.spec();
    let v = if spec.integer { v.round() } else { v };
    v.clamp(spec.min, spec.max)
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
