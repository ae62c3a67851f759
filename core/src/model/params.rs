//! The parameter table: every tunable number of a scenario with its path, label, unit,
//! range, slider grid, default, meaning, source, owning team and step, in one declarative
//! table (`params/table.rs`). Validation, the controls and their sliders, the levers, the
//! tornado and the parameter reference (`docs/parameters.md`) all read it.

use serde::{Deserialize, Serialize};

use super::scenario::Scenario;

mod reference;
mod table;

pub use reference::reference_markdown;

/// Whether a parameter belongs to each channel or to the scenario as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// `channels[i].<field>`
    Channel,
    /// A single field of the scenario.
    Scenario,
}

/// The section of a control panel a parameter belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// Per channel: volume, cost, quality, seasonality.
    Channel,
    /// Per channel: the optional campaign burst.
    Burst,
    /// MQL and hot-lead thresholds.
    Thresholds,
    Nurture,
    /// The SDR team and its follow-up rules.
    SalesDevelopment,
    /// The fitted contact and qualification curves.
    Curves,
    Closing,
    Costs,
    Sla,
    Run,
}

/// Who owns a parameter: who can turn it after the agreement is signed.
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
    pub const ALL: [Team; 3] = [Team::Marketing, Team::Sdrs, Team::Aes];

    /// The team's name, as in the tornado's legend and table.
    pub fn label(self) -> &'static str {
        match self {
            Team::Marketing => "Marketing",
            Team::Sdrs => "Sales development (SDRs)",
            Team::Aes => "Closing (AEs)",
        }
    }
}

/// Which way a parameter is stepped.
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

/// How a step changes a value, down and up.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Change {
    /// Adds or subtracts a fixed amount (+1 SDR, ±5 score points).
    Plus(f64),
    /// Multiplies by `low` going down and by `high` going up (±10%, halved or doubled).
    Times { low: f64, high: f64 },
}

/// The step a lever or the sensitivity view moves a parameter by, with its words.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Step {
    pub change: Change,
    /// The step down in words ("-10%", "-1 SDR", "halved").
    pub low: &'static str,
    /// The step up in words ("+10%", "+1 SDR", "doubled").
    pub high: &'static str,
}

impl Step {
    pub(crate) const fn plus(by: f64, low: &'static str, high: &'static str) -> Self {
        Step {
            change: Change::Plus(by),
            low,
            high,
        }
    }
    pub(crate) const fn times(
        (down, up): (f64, f64),
        low: &'static str,
        high: &'static str,
    ) -> Self {
        Step {
            change: Change::Times {
                low: down,
                high: up,
            },
            low,
            high,
        }
    }
    /// `x` moved one step to `side` (not yet clamped).
    pub fn apply(self, x: f64, side: Side) -> f64 {
        match (self.change, side) {
            (Change::Plus(by), Side::Low) => x - by,
            (Change::Plus(by), Side::High) => x + by,
            (Change::Times { low, .. }, Side::Low) => x * low,
            (Change::Times { high, .. }, Side::High) => x * high,
        }
    }
    /// The step to `side` in words.
    pub fn words(self, side: Side) -> &'static str {
        match side {
            Side::Low => self.low,
            Side::High => self.high,
        }
    }
}

/// Where a parameter lives in a [`Scenario`]: its field path below the channel or the
/// scenario, and read / write access.
#[derive(Debug, Clone, Copy)]
pub struct Access {
    pub scope: Scope,
    /// `leads_per_week` (below `channels[i]`) or `sdr.headcount`.
    pub field: &'static str,
    get: fn(&Scenario, usize) -> Option<f64>,
    set: fn(&mut Scenario, usize, f64),
}

/// Everything known about one parameter: one row of the table.
#[derive(Debug, Clone, Copy)]
pub struct ParamSpec {
    pub param: Param,
    /// Where it lives in the scenario.
    pub at: Access,
    /// The control-panel section.
    pub group: Group,
    /// Short label for a control.
    pub label: &'static str,
    /// Unit as shown next to the number ("leads per week", "minutes", "%").
    pub unit: &'static str,
    /// Smallest accepted value.
    pub min: f64,
    /// Largest accepted value.
    pub max: f64,
    /// Whether only whole numbers make sense (headcounts, attempts).
    pub integer: bool,
    /// The default in the Baseline scenario.
    pub default: f64,
    /// The slider's grid from `min`: `(up to, step)` segments, fine where people drag
    /// (`model::slider`).
    pub slider: &'static [(f64, f64)],
    /// Who owns it (`None` for buyer behaviour fitted from studies and run settings).
    pub team: Option<Team>,
    /// The step levers and the sensitivity view move it by, if they move it.
    pub step: Option<Step>,
    /// Where the default comes from.
    pub source: &'static str,
    /// What it means, in plain words, for a tooltip.
    pub meaning: &'static str,
}

/// Every tunable number of a [`crate::model::Scenario`]. Channel parameters apply to each
/// channel (`channels[i].…`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Param {
    LeadsPerWeek,
    CostPerLead,
    QualityMeanPercent,
    QualitySpread,
    ScoreNoise,
    SeasonalityPercent,
    SeasonPeakWeek,
    BurstStartWeek,
    BurstWeeks,
    BurstExtraLeadsPerWeek,
    MqlThreshold,
    HotThreshold,
    SdrHeadcount,
    ProductiveHoursPerWeek,
    MinutesPerAttempt,
    MinutesPerConversation,
    TargetResponseMinutes,
    MaxAttempts,
    AttemptSpacingHours,
    AbandonAfterDays,
    FirstAttemptContactPercent,
    SecondAttemptContactPercent,
    LaterAttemptRatioPercent,
    ContactFloorPercent,
    ContactDecayHours,
    AcceptAtZeroPercent,
    AcceptAtFullPercent,
    QualifyAtZeroPercent,
    QualifyAtFullPercent,
    SpeedFloorPercent,
    SpeedDecayHours,
    ReengagePercentPerWeek,
    NurtureWeeks,
    RecyclePercent,
    AeHeadcount,
    MaxOpenOppsPerAe,
    CycleMedianDays,
    CycleSpread,
    WinAtZeroPercent,
    WinAtFullPercent,
    DealMedian,
    DealSpread,
    MaxWaitDays,
    WaitLossPercentPerWeek,
    SdrMonthlyCost,
    AeMonthlyCost,
    SlaMqlsPerMonth,
    SlaMinAcceptPercent,
    SlaTouchWithinHours,
    SlaTouchedSharePercent,
    SlaAttemptsPerUnreached,
    Weeks,
    Replications,
}

impl Param {
    /// Every parameter, in the order a control panel would show them.
    pub const ALL: [Param; 53] = [
        Param::LeadsPerWeek,
        Param::CostPerLead,
        Param::QualityMeanPercent,
        Param::QualitySpread,
        Param::ScoreNoise,
        Param::SeasonalityPercent,
        Param::SeasonPeakWeek,
        Param::BurstStartWeek,
        Param::BurstWeeks,
        Param::BurstExtraLeadsPerWeek,
        Param::MqlThreshold,
        Param::HotThreshold,
        Param::SdrHeadcount,
        Param::ProductiveHoursPerWeek,
        Param::MinutesPerAttempt,
        Param::MinutesPerConversation,
        Param::TargetResponseMinutes,
        Param::MaxAttempts,
        Param::AttemptSpacingHours,
        Param::AbandonAfterDays,
        Param::FirstAttemptContactPercent,
        Param::SecondAttemptContactPercent,
        Param::LaterAttemptRatioPercent,
        Param::ContactFloorPercent,
        Param::ContactDecayHours,
        Param::AcceptAtZeroPercent,
        Param::AcceptAtFullPercent,
        Param::QualifyAtZeroPercent,
        Param::QualifyAtFullPercent,
        Param::SpeedFloorPercent,
        Param::SpeedDecayHours,
        Param::ReengagePercentPerWeek,
        Param::NurtureWeeks,
        Param::RecyclePercent,
        Param::AeHeadcount,
        Param::MaxOpenOppsPerAe,
        Param::CycleMedianDays,
        Param::CycleSpread,
        Param::WinAtZeroPercent,
        Param::WinAtFullPercent,
        Param::DealMedian,
        Param::DealSpread,
        Param::MaxWaitDays,
        Param::WaitLossPercentPerWeek,
        Param::SdrMonthlyCost,
        Param::AeMonthlyCost,
        Param::SlaMqlsPerMonth,
        Param::SlaMinAcceptPercent,
        Param::SlaTouchWithinHours,
        Param::SlaTouchedSharePercent,
        Param::SlaAttemptsPerUnreached,
        Param::Weeks,
        Param::Replications,
    ];
}

impl Param {
    /// The parameter's row of the table.
    pub fn spec(self) -> &'static ParamSpec {
        &table::TABLE[self as usize]
    }

    /// The field path below the channel (`leads_per_week`) or the scenario
    /// (`sdr.headcount`).
    pub fn field(self) -> &'static str {
        self.spec().at.field
    }

    /// Whether the parameter is set per channel.
    pub fn scope(self) -> Scope {
        self.spec().at.scope
    }

    /// The control-panel section.
    pub fn group(self) -> Group {
        self.spec().group
    }

    /// What the parameter means, in plain words, for a tooltip.
    pub fn meaning(self) -> &'static str {
        self.spec().meaning
    }

    /// The full path validation reports for this parameter (`channels[2].leads_per_week`,
    /// `sdr.headcount`).
    pub fn path(self, channel: usize) -> String {
        match self.scope() {
            Scope::Channel => format!("channels[{channel}].{}", self.field()),
            Scope::Scenario => self.field().to_string(),
        }
    }

    /// The value in `s` (for channel parameters, of channel `channel`); `None` when the
    /// channel does not exist or an optional setting (burst, hot threshold) is off.
    pub fn get(self, s: &Scenario, channel: usize) -> Option<f64> {
        (self.spec().at.get)(s, channel)
    }

    /// Sets the value in `s`. Setting a burst parameter on a channel without a burst adds
    /// one; setting the hot threshold turns it on. Unknown channels are ignored.
    pub fn set(self, s: &mut Scenario, channel: usize, v: f64) {
        (self.spec().at.set)(s, channel, v);
    }

    /// The parameters of one group, in [`Param::ALL`] order.
    pub fn in_group(group: Group) -> impl Iterator<Item = Param> {
        Param::ALL.into_iter().filter(move |p| p.group() == group)
    }

    /// `v` inside the valid range, whole for whole-number parameters.
    pub fn clamp(self, v: f64) -> f64 {
        let spec = self.spec();
        let v = if spec.integer { v.round() } else { v };
        v.clamp(spec.min, spec.max)
    }

    /// Moves the parameter one [`Step`] to `side` in `s`, inside its valid range. A
    /// parameter without a step, or without a value (no such channel, no burst), is left
    /// alone.
    pub fn step(self, s: &mut Scenario, channel: usize, side: Side) {
        if let (Some(step), Some(v)) = (self.spec().step, self.get(s, channel)) {
            self.set(s, channel, self.clamp(step.apply(v, side)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_in_enum_order() {
        for (i, p) in Param::ALL.into_iter().enumerate() {
            assert_eq!(p as usize, i, "{p:?}");
            assert_eq!(p.spec().param, p, "row {i}");
        }
    }

    #[test]
    fn every_default_is_inside_its_range() {
        for p in Param::ALL {
            let s = p.spec();
            assert!(s.min <= s.default && s.default <= s.max, "{p:?}");
            assert!(!s.label.is_empty() && !s.source.is_empty(), "{p:?}");
        }
    }

    #[test]
    fn the_slider_grid_covers_the_range() {
        for p in Param::ALL {
            let s = p.spec();
            let last = s.slider.last().map_or(f64::NEG_INFINITY, |seg| seg.0);
            assert!(last >= s.max, "{p:?}: grid ends at {last} below {}", s.max);
            assert!(s.slider.iter().all(|seg| seg.1 > 0.0), "{p:?}");
        }
    }

    #[test]
    fn a_step_stays_in_range_and_moves_the_right_way() {
        for p in Param::ALL.into_iter().filter(|p| p.spec().step.is_some()) {
            let mut s = crate::model::preset(crate::model::Preset::Baseline);
            let before = p.get(&s, 0);
            p.step(&mut s, 0, Side::High);
            let up = p.get(&s, 0);
            assert!(up >= before, "{p:?}: {before:?} -> {up:?}");
            let mut low = crate::model::Scenario::default();
            p.set(&mut low, 0, p.spec().min);
            p.step(&mut low, 0, Side::Low);
            assert_eq!(
                p.get(&low, 0),
                Some(p.spec().min),
                "{p:?} below its minimum"
            );
        }
    }

    #[test]
    fn steps_belong_to_owned_parameters() {
        for p in Param::ALL {
            let s = p.spec();
            assert!(
                s.step.is_none() || s.team.is_some(),
                "{p:?} moves but nobody owns it"
            );
        }
    }
}
