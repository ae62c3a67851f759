//! Where each [`Param`] lives in a [`Scenario`]: its field path (the same path validation
//! reports) and read / write access, so a user interface can bind one control per parameter
//! without a hand-written accessor for each.

use super::params::Param;
use super::scenario::{Burst, Channel, Scenario};

/// Whether a parameter belongs to each channel or to the scenario as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// `channels[i].<field>`
    Channel,
    /// A single field of the scenario.
    Scenario,
}

macro_rules! table {
    (
        channel { $($cp:ident => $cf:literal : |$c:ident| $cexpr:expr,)* }
        burst { $($bp:ident => $bf:literal : |$b:ident| $bexpr:expr,)* }
        scenario { $($sp:ident => $sf:literal : |$s:ident| $sexpr:expr,)* }
        optional { $($op:ident => $of:literal : |$o:ident| $oexpr:expr,)* }
    ) => {
        impl Param {
            /// The field path below the channel (`leads_per_week`) or the scenario
            /// (`sdr.headcount`).
            pub fn field(self) -> &'static str {
                match self {
                    $(Param::$cp => $cf,)*
                    $(Param::$bp => $bf,)*
                    $(Param::$sp => $sf,)*
                    $(Param::$op => $of,)*
                }
            }

            /// Whether the parameter is set per channel.
            pub fn scope(self) -> Scope {
                match self {
                    $(Param::$cp)|* $(| Param::$bp)* => Scope::Channel,
                    _ => Scope::Scenario,
                }
            }

            /// The value in `s` (for channel parameters, of channel `channel`); `None` when
            /// the channel does not exist or an optional setting (burst, hot threshold) is off.
            pub fn get(self, s: &Scenario, channel: usize) -> Option<f64> {
                #[allow(unused_variables)]
                let ch: Option<&Channel> = s.channels.get(channel);
                match self {
                    $(Param::$cp => ch.map(|$c| $cexpr),)*
                    $(Param::$bp => ch.and_then(|c| c.burst.as_ref()).map(|$b| $bexpr),)*
                    $(Param::$sp => { let $s = s; Some($sexpr) })*
                    $(Param::$op => { let $o = s; $oexpr })*
                }
            }

            /// Sets the value in `s`. Setting a burst parameter on a channel without a burst
            /// adds one; setting the hot threshold turns it on. Unknown channels are ignored.
            pub fn set(self, s: &mut Scenario, channel: usize, v: f64) {
                match self {
                    $(Param::$cp => if let Some($c) = s.channels.get_mut(channel) { $cexpr = v; },)*
                    $(Param::$bp => if let Some(c) = s.channels.get_mut(channel) {
                        let $b = c.burst.get_or_insert_with(Burst::default);
                        $bexpr = v;
                    },)*
                    $(Param::$sp => { let $s = s; $sexpr = v; })*
                    $(Param::$op => { let $o = s; $oexpr = Some(v); })*
                }
            }
        }
    };
}

table! {
    channel {
        LeadsPerWeek => "leads_per_week": |c| c.leads_per_week,
        CostPerLead => "cost_per_lead": |c| c.cost_per_lead,
        QualityMeanPercent => "quality_mean_percent": |c| c.quality_mean_percent,
        QualitySpread => "quality_spread": |c| c.quality_spread,
        ScoreNoise => "score_noise": |c| c.score_noise,
        SeasonalityPercent => "seasonality_percent": |c| c.seasonality_percent,
        SeasonPeakWeek => "season_peak_week": |c| c.season_peak_week,
    }
    burst {
        BurstStartWeek => "burst.start_week": |b| b.start_week,
        BurstWeeks => "burst.weeks": |b| b.weeks,
        BurstExtraLeadsPerWeek => "burst.extra_leads_per_week": |b| b.extra_leads_per_week,
    }
    scenario {
        MqlThreshold => "thresholds.mql_threshold": |s| s.thresholds.mql_threshold,
        SdrHeadcount => "sdr.headcount": |s| s.sdr.headcount,
        ProductiveHoursPerWeek => "sdr.productive_hours_per_week": |s| s.sdr.productive_hours_per_week,
        MinutesPerAttempt => "sdr.minutes_per_attempt": |s| s.sdr.minutes_per_attempt,
        MinutesPerConversation => "sdr.minutes_per_conversation": |s| s.sdr.minutes_per_conversation,
        TargetResponseMinutes => "sdr.target_response_minutes": |s| s.sdr.target_response_minutes,
        MaxAttempts => "sdr.max_attempts": |s| s.sdr.max_attempts,
        AttemptSpacingHours => "sdr.attempt_spacing_hours": |s| s.sdr.attempt_spacing_hours,
        AbandonAfterDays => "sdr.abandon_after_days": |s| s.sdr.abandon_after_days,
        FirstAttemptContactPercent => "sdr.first_attempt_contact_percent": |s| s.sdr.first_attempt_contact_percent,
        SecondAttemptContactPercent => "sdr.second_attempt_contact_percent": |s| s.sdr.second_attempt_contact_percent,
        LaterAttemptRatioPercent => "sdr.later_attempt_ratio_percent": |s| s.sdr.later_attempt_ratio_percent,
        ContactFloorPercent => "sdr.contact_floor_percent": |s| s.sdr.contact_floor_percent,
        ContactDecayHours => "sdr.contact_decay_hours": |s| s.sdr.contact_decay_hours,
        AcceptAtZeroPercent => "qualification.accept_at_zero_percent": |s| s.qualification.accept_at_zero_percent,
        AcceptAtFullPercent => "qualification.accept_at_full_percent": |s| s.qualification.accept_at_full_percent,
        QualifyAtZeroPercent => "qualification.qualify_at_zero_percent": |s| s.qualification.qualify_at_zero_percent,
        QualifyAtFullPercent => "qualification.qualify_at_full_percent": |s| s.qualification.qualify_at_full_percent,
        SpeedFloorPercent => "qualification.speed_floor_percent": |s| s.qualification.speed_floor_percent,
        SpeedDecayHours => "qualification.speed_decay_hours": |s| s.qualification.speed_decay_hours,
        ReengagePercentPerWeek => "nurture.reengage_percent_per_week": |s| s.nurture.reengage_percent_per_week,
        NurtureWeeks => "nurture.nurture_weeks": |s| s.nurture.nurture_weeks,
        RecyclePercent => "nurture.recycle_percent": |s| s.nurture.recycle_percent,
        AeHeadcount => "closing.ae_headcount": |s| s.closing.ae_headcount,
        MaxOpenOppsPerAe => "closing.max_open_opps_per_ae": |s| s.closing.max_open_opps_per_ae,
        CycleMedianDays => "closing.cycle_median_days": |s| s.closing.cycle_median_days,
        CycleSpread => "closing.cycle_spread": |s| s.closing.cycle_spread,
        WinAtZeroPercent => "closing.win_at_zero_percent": |s| s.closing.win_at_zero_percent,
        WinAtFullPercent => "closing.win_at_full_percent": |s| s.closing.win_at_full_percent,
        DealMedian => "closing.deal_median": |s| s.closing.deal_median,
        DealSpread => "closing.deal_spread": |s| s.closing.deal_spread,
        MaxWaitDays => "closing.max_wait_days": |s| s.closing.max_wait_days,
        WaitLossPercentPerWeek => "closing.wait_loss_percent_per_week": |s| s.closing.wait_loss_percent_per_week,
        SdrMonthlyCost => "costs.sdr_monthly_cost": |s| s.costs.sdr_monthly_cost,
        AeMonthlyCost => "costs.ae_monthly_cost": |s| s.costs.ae_monthly_cost,
        SlaMqlsPerMonth => "sla.mqls_per_month": |s| s.sla.mqls_per_month,
        SlaMinAcceptPercent => "sla.min_accept_percent": |s| s.sla.min_accept_percent,
        SlaTouchWithinHours => "sla.touch_within_hours": |s| s.sla.touch_within_hours,
        SlaTouchedSharePercent => "sla.touched_share_percent": |s| s.sla.touched_share_percent,
        SlaAttemptsPerUnreached => "sla.attempts_per_unreached": |s| s.sla.attempts_per_unreached,
        Weeks => "run.weeks": |s| s.run.weeks,
        Replications => "run.replications": |s| s.run.replications,
    }
    optional {
        HotThreshold => "thresholds.hot_threshold": |s| s.thresholds.hot_threshold,
    }
}

impl Param {
    /// The full path validation reports for this parameter (`channels[2].leads_per_week`,
    /// `sdr.headcount`).
    pub fn path(self, channel: usize) -> String {
        match self.scope() {
            Scope::Channel => format!("channels[{channel}].{}", self.field()),
            Scope::Scenario => self.field().to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ValidScenario;

    #[test]
    fn every_param_reads_back_what_was_set() {
        for p in Param::ALL {
            let mut s = Scenario::default();
            let spec = p.spec();
            let v = if spec.integer {
                spec.max.min(spec.min + 1.0)
            } else {
                (spec.min + spec.max) / 2.0
            };
            p.set(&mut s, 1, v);
            assert_eq!(p.get(&s, 1), Some(v), "{p:?}");
            if p.scope() == Scope::Channel {
                assert_eq!(p.get(&s, 99), None, "{p:?} on a missing channel");
            }
        }
    }

    #[test]
    fn paths_are_the_ones_validation_reports() {
        for p in Param::ALL {
            let mut s = Scenario::default();
            p.set(&mut s, 2, f64::NAN);
            let errs = match ValidScenario::try_from(&s) {
                Ok(_) => panic!("{p:?} = NaN was accepted"),
                Err(e) => e,
            };
            let path = p.path(2);
            assert!(
                errs.0.iter().any(|e| e.path == path),
                "{p:?}: no error at {path}: {errs}"
            );
        }
    }

    #[test]
    fn every_param_has_a_distinct_field() {
        let mut fields: Vec<&str> = Param::ALL.iter().map(|p| p.field()).collect();
        fields.sort_unstable();
        fields.dedup();
        assert_eq!(fields.len(), Param::ALL.len());
    }
}
