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
                #[allow(unused_variables, reason = "a table without channel parameters leaves `ch` unused")]
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

impl Param {
    /// What the parameter means, in plain words, for a tooltip.
    pub fn meaning(self) -> &'static str {
        match self {
            Param::LeadsPerWeek => "New inquiries this channel brings each week (form fills, downloads, badge scans). Arrivals are random around this average.",
            Param::CostPerLead => "What marketing pays for one inquiry from this channel.",
            Param::QualityMeanPercent => "Average hidden chance to buy of this channel's leads (propensity). Nobody sees it; the lead score estimates it.",
            Param::QualitySpread => "How different the leads are from each other: low means all alike, high means a few great leads among many poor ones.",
            Param::ScoreNoise => "How far the lead score strays from the true propensity, in score points. Noisier channels send more false MQLs.",
            Param::SeasonalityPercent => "How much the weekly volume swings over the year, as a share of the average.",
            Param::SeasonPeakWeek => "Week of the year in which the seasonal volume peaks.",
            Param::BurstStartWeek => "First week of a campaign burst (a contest, an event) on top of the usual volume.",
            Param::BurstWeeks => "How many weeks the campaign burst lasts.",
            Param::BurstExtraLeadsPerWeek => "Extra inquiries per week during the burst.",
            Param::MqlThreshold => "Lead score at or above which an inquiry becomes an MQL and is handed to sales; below it, the lead stays in nurture.",
            Param::HotThreshold => "Lead score at or above which an MQL is hot and is called before every other lead.",
            Param::SdrHeadcount => "Number of sales development reps working MQLs.",
            Param::ProductiveHoursPerWeek => "Hours per SDR per week actually spent calling and emailing leads.",
            Param::MinutesPerAttempt => "SDR time for one attempt (dial, voicemail, email) that does not reach the lead.",
            Param::MinutesPerConversation => "Extra SDR time when an attempt reaches the lead (the conversation).",
            Param::TargetResponseMinutes => "How fast the first attempt happens when nobody is waiting in the queue. Real speed-to-lead adds the wait in the queue.",
            Param::MaxAttempts => "Attempts per lead before it counts as unreached and goes back to nurture.",
            Param::AttemptSpacingHours => "Hours between two attempts on the same lead.",
            Param::AbandonAfterDays => "How long an untouched MQL may wait in the queue before it is abandoned.",
            Param::FirstAttemptContactPercent => "Chance that the first attempt on a fresh lead reaches the person.",
            Param::SecondAttemptContactPercent => "Chance that a second attempt on a fresh lead reaches the person.",
            Param::LaterAttemptRatioPercent => "Each later attempt's contact chance as a share of the one before: persistence has diminishing returns.",
            Param::ContactFloorPercent => "Contact chance left for a very old lead, as a share of a fresh lead's.",
            Param::ContactDecayHours => "How fast the contact chance fades with the lead's age (time constant in hours).",
            Param::AcceptAtZeroPercent => "Chance a contacted lead with no propensity is accepted (SAL); otherwise it is rejected as a poor fit.",
            Param::AcceptAtFullPercent => "Chance a contacted lead with full propensity is accepted (SAL).",
            Param::QualifyAtZeroPercent => "Chance an accepted lead with no propensity, reached at once, qualifies (SQL); otherwise it is not ready.",
            Param::QualifyAtFullPercent => "Chance an accepted lead with full propensity, reached at once, qualifies (SQL).",
            Param::SpeedFloorPercent => "Share of the qualification chance left when the first contact comes very late.",
            Param::SpeedDecayHours => "How fast the qualification chance fades with the delay before contact (time constant in hours).",
            Param::ReengagePercentPerWeek => "Weekly chance that a nurtured lead engages again and its score crosses the threshold.",
            Param::NurtureWeeks => "Average weeks a lead stays in nurture before it goes dormant.",
            Param::RecyclePercent => "Share of rejected and unreached leads sent back to nurture; the rest are dropped.",
            Param::AeHeadcount => "Number of account executives working opportunities.",
            Param::MaxOpenOppsPerAe => "Most opportunities one AE can work at once; beyond it, SQLs wait.",
            Param::CycleMedianDays => "Median days from opportunity to closed won or lost.",
            Param::CycleSpread => "How much sales cycles vary around the median (log-normal spread).",
            Param::WinAtZeroPercent => "Win rate of an opportunity with no propensity.",
            Param::WinAtFullPercent => "Win rate of an opportunity with full propensity; linear in between.",
            Param::DealMedian => "Median contract value of a won deal.",
            Param::DealSpread => "How much deal sizes vary around the median (log-normal spread).",
            Param::MaxWaitDays => "Days an SQL waits for a free AE before it is lost.",
            Param::WaitLossPercentPerWeek => "Close chance an SQL loses for each week it waits for an AE.",
            Param::SdrMonthlyCost => "Fully loaded monthly cost of one SDR.",
            Param::AeMonthlyCost => "Fully loaded monthly cost of one AE.",
            Param::SlaMqlsPerMonth => "Marketing's promise: MQLs delivered per month (4 weeks).",
            Param::SlaMinAcceptPercent => "Marketing's quality promise: at least this share of contacted MQLs is accepted by sales.",
            Param::SlaTouchWithinHours => "Sales' promise: first touch within this many hours...",
            Param::SlaTouchedSharePercent => "...for at least this share of the MQLs.",
            Param::SlaAttemptsPerUnreached => "Sales' promise: at least this many attempts before a lead is given up as unreached.",
            Param::Weeks => "How many weeks to simulate.",
            Param::Replications => "How many random replications to run; more gives tighter bands and takes longer.",
        }
    }
}

/// The section of a control panel a parameter belongs to, grouped by who owns it.
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

impl Param {
    pub fn group(self) -> Group {
        match self {
            Param::LeadsPerWeek
            | Param::CostPerLead
            | Param::QualityMeanPercent
            | Param::QualitySpread
            | Param::ScoreNoise
            | Param::SeasonalityPercent
            | Param::SeasonPeakWeek => Group::Channel,
            Param::BurstStartWeek | Param::BurstWeeks | Param::BurstExtraLeadsPerWeek => {
                Group::Burst
            }
            Param::MqlThreshold | Param::HotThreshold => Group::Thresholds,
            Param::ReengagePercentPerWeek | Param::NurtureWeeks | Param::RecyclePercent => {
                Group::Nurture
            }
            Param::SdrHeadcount
            | Param::ProductiveHoursPerWeek
            | Param::MinutesPerAttempt
            | Param::MinutesPerConversation
            | Param::TargetResponseMinutes
            | Param::MaxAttempts
            | Param::AttemptSpacingHours
            | Param::AbandonAfterDays => Group::SalesDevelopment,
            Param::FirstAttemptContactPercent
            | Param::SecondAttemptContactPercent
            | Param::LaterAttemptRatioPercent
            | Param::ContactFloorPercent
            | Param::ContactDecayHours
            | Param::AcceptAtZeroPercent
            | Param::AcceptAtFullPercent
            | Param::QualifyAtZeroPercent
            | Param::QualifyAtFullPercent
            | Param::SpeedFloorPercent
            | Param::SpeedDecayHours => Group::Curves,
            Param::AeHeadcount
            | Param::MaxOpenOppsPerAe
            | Param::CycleMedianDays
            | Param::CycleSpread
            | Param::WinAtZeroPercent
            | Param::WinAtFullPercent
            | Param::DealMedian
            | Param::DealSpread
            | Param::MaxWaitDays
            | Param::WaitLossPercentPerWeek => Group::Closing,
            Param::SdrMonthlyCost | Param::AeMonthlyCost => Group::Costs,
            Param::SlaMqlsPerMonth
            | Param::SlaMinAcceptPercent
            | Param::SlaTouchWithinHours
            | Param::SlaTouchedSharePercent
            | Param::SlaAttemptsPerUnreached => Group::Sla,
            Param::Weeks | Param::Replications => Group::Run,
        }
    }

    /// The parameters of one group, in [`Param::ALL`] order.
    pub fn in_group(group: Group) -> impl Iterator<Item = Param> {
        Param::ALL.into_iter().filter(move |p| p.group() == group)
    }
}

/// The name a person knows a field by, from its validation path: the control's label, with
/// the channel's name for channel parameters ("Leads per week (Webinar)"); the path itself
/// when no control has it.
pub fn field_label(s: &Scenario, path: &str) -> String {
    for ch in 0..s.channels.len().max(1) {
        if let Some(p) = Param::ALL.into_iter().find(|p| p.path(ch) == path) {
            let label = p.spec().label;
            return match (p.scope(), s.channels.get(ch)) {
                (Scope::Channel, Some(c)) if !c.name.trim().is_empty() => {
                    format!("{label} ({})", c.name.trim())
                }
                (Scope::Channel, _) => format!("{label} (channel {})", ch + 1),
                (Scope::Scenario, _) => label.to_string(),
            };
        }
        if path == format!("channels[{ch}].name") {
            return format!("Name of channel {}", ch + 1);
        }
    }
    path.to_string()
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
            let Err(errs) = ValidScenario::try_from(&s) else {
                panic!("{p:?} = NaN was accepted")
            };
            let path = p.path(2);
            assert!(
                errs.errors().iter().any(|e| e.path == path),
                "{p:?}: no error at {path}: {errs}"
            );
        }
    }

    #[test]
    fn groups_follow_scope() {
        for p in Param::ALL {
            let per_channel = matches!(p.group(), Group::Channel | Group::Burst);
            assert_eq!(per_channel, p.scope() == Scope::Channel, "{p:?}");
        }
        assert_eq!(Param::in_group(Group::Costs).count(), 2);
    }

    #[test]
    fn every_param_has_a_meaning() {
        for p in Param::ALL {
            assert!(p.meaning().len() > 20, "{p:?}");
        }
    }

    #[test]
    fn every_param_has_a_distinct_field() {
        let mut fields: Vec<&str> = Param::ALL.iter().map(|p| p.field()).collect();
        fields.sort_unstable();
        fields.dedup();
        assert_eq!(fields.len(), Param::ALL.len());
    }

    #[test]
    fn fields_are_named_as_their_controls() {
        let s = crate::model::preset(crate::model::Preset::Baseline);
        assert_eq!(field_label(&s, "sdr.headcount"), "SDR headcount");
        let first = s
            .channels
            .first()
            .map(|c| c.name.clone())
            .unwrap_or_default();
        assert_eq!(
            field_label(&s, "channels[0].leads_per_week"),
            format!("Leads per week ({first})")
        );
        assert_eq!(field_label(&s, "channels[0].name"), "Name of channel 1");
        assert_eq!(field_label(&s, "somewhere.else"), "somewhere.else");
    }
}
