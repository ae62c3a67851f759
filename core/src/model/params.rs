//! The named parameters of a scenario with their label, unit, range and the source of their
//! default, so that a user interface can build one control per parameter and validation
//! uses the very same ranges.

use serde::{Deserialize, Serialize};

mod table;

/// Metadata of one parameter.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ParamSpec {
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
    /// Where the default comes from.
    pub source: &'static str,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_is_inside_its_range() {
        for p in Param::ALL {
            let s = p.spec();
            assert!(s.min <= s.default && s.default <= s.max, "{p:?}");
            assert!(!s.label.is_empty() && !s.source.is_empty(), "{p:?}");
        }
    }
}
