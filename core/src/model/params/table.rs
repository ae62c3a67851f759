//! The parameter table: one row per [`Param`], in enum order, with named fields
//! ([`ParamSpec`]). Add a parameter here and every control, check and lever knows it.

use super::{Access, Group, Param, ParamSpec, Scope, Step, Team};
use crate::model::scenario::Burst;

const ASSUMPTION: &str = "Modelling assumption; tune to your business.";
const HBR: &str = "HBR 2011 (Oldroyd, McElheran, Elkington): within an hour ~7x, vs 24h+ ~60x as likely to qualify; fitted.";
const CALLS: &str = "Call-frequency study: 39%, 72%, 83%, 88%, 91% of reachable leads contacted after 1-5 attempts; fitted.";
const WATERFALL: &str = "Demand-waterfall example: inquiry to MQL ~10%, MQL to SAL 85%, SAL to SQL 60%, SQL to won 30%.";
const BRIDGE: &str = "Bridge Group SaaS AE report: 60-day median cycle, ~$25K median contract.";
const PEDOWITZ: &str =
    "Pedowitz Group SLA template: hot leads within 15 minutes, 5-8 touches over 7-10 days.";
const LRM: &str =
    "Lead Response Management study (Oldroyd, MIT / InsideSales): at least 6 attempts.";
const SDR: &str = "About 50 calls a day is commonly cited for an SDR.";

/// Read / write access to a field: `channel` (per channel), `burst` (the channel's optional
/// burst, added when set), `scenario` (one field of the scenario) or `optional` (an `Option`
/// field of the scenario, turned on when set).
macro_rules! at {
    (channel $f:ident) => {
        Access {
            scope: Scope::Channel,
            field: stringify!($f),
            get: |s, ch| s.channels.get(ch).map(|c| c.$f),
            set: |s, ch, v| {
                if let Some(c) = s.channels.get_mut(ch) {
                    c.$f = v;
                }
            },
        }
    };
    (burst $f:ident) => {
        Access {
            scope: Scope::Channel,
            field: concat!("burst.", stringify!($f)),
            get: |s, ch| {
                s.channels
                    .get(ch)
                    .and_then(|c| c.burst.as_ref())
                    .map(|b| b.$f)
            },
            set: |s, ch, v| {
                if let Some(c) = s.channels.get_mut(ch) {
                    c.burst.get_or_insert_with(Burst::default).$f = v;
                }
            },
        }
    };
    (scenario $a:ident . $f:ident) => {
        Access {
            scope: Scope::Scenario,
            field: concat!(stringify!($a), ".", stringify!($f)),
            get: |s, _| Some(s.$a.$f),
            set: |s, _, v| s.$a.$f = v,
        }
    };
    (optional $a:ident . $f:ident) => {
        Access {
            scope: Scope::Scenario,
            field: concat!(stringify!($a), ".", stringify!($f)),
            get: |s, _| s.$a.$f,
            set: |s, _, v| s.$a.$f = Some(v),
        }
    };
}

/// The table, in [`Param::ALL`] order (a test checks it).
#[rustfmt::skip]
pub(super) static TABLE: [ParamSpec; 53] = [
    ParamSpec {
        param: Param::LeadsPerWeek, at: at!(channel leads_per_week), group: Group::Channel,
        label: "Leads per week", unit: "leads per week",
        min: 0.0, max: 100_000.0, integer: false, default: 150.0, slider: &[(100.0, 2.0), (500.0, 10.0), (2000.0, 50.0), (10_000.0, 250.0), (100_000.0, 2500.0)],
        team: Some(Team::Marketing), step: Some(Step::times((0.9, 1.1), "-10%", "+10%")), source: ASSUMPTION,
        meaning: "New inquiries this channel brings each week (form fills, downloads, badge scans). Arrivals are random around this average.",
    },
    ParamSpec {
        param: Param::CostPerLead, at: at!(channel cost_per_lead), group: Group::Channel,
        label: "Cost per lead", unit: "dollars",
        min: 0.0, max: 10_000.0, integer: false, default: 40.0, slider: &[(100.0, 2.0), (500.0, 5.0), (2000.0, 25.0), (10_000.0, 250.0)],
        team: Some(Team::Marketing), step: None, source: ASSUMPTION,
        meaning: "What marketing pays for one inquiry from this channel.",
    },
    ParamSpec {
        param: Param::QualityMeanPercent, at: at!(channel quality_mean_percent), group: Group::Channel,
        label: "Average propensity", unit: "%",
        min: 0.5, max: 99.5, integer: false, default: 25.0, slider: &[(100.0, 0.5)],
        team: Some(Team::Marketing), step: None, source: WATERFALL,
        meaning: "Average hidden chance to buy of this channel's leads (propensity). Nobody sees it; the lead score estimates it.",
    },
    ParamSpec {
        param: Param::QualitySpread, at: at!(channel quality_spread), group: Group::Channel,
        label: "Propensity spread (0 = all alike, 1 = all-or-nothing)", unit: "",
        min: 0.05, max: 0.95, integer: false, default: 0.45, slider: &[(1.0, 0.01)],
        team: Some(Team::Marketing), step: None, source: WATERFALL,
        meaning: "How different the leads are from each other: low means all alike, high means a few great leads among many poor ones.",
    },
    ParamSpec {
        param: Param::ScoreNoise, at: at!(channel score_noise), group: Group::Channel,
        label: "Score noise", unit: "score points",
        min: 0.0, max: 50.0, integer: false, default: 10.0, slider: &[(100.0, 0.5)],
        team: Some(Team::Marketing), step: None, source: ASSUMPTION,
        meaning: "How far the lead score strays from the true propensity, in score points. Noisier channels send more false MQLs.",
    },
    ParamSpec {
        param: Param::SeasonalityPercent, at: at!(channel seasonality_percent), group: Group::Channel,
        label: "Seasonal swing", unit: "%",
        min: 0.0, max: 100.0, integer: false, default: 0.0, slider: &[(f64::INFINITY, 1.0)],
        team: Some(Team::Marketing), step: None, source: ASSUMPTION,
        meaning: "How much the weekly volume swings over the year, as a share of the average.",
    },
    ParamSpec {
        param: Param::SeasonPeakWeek, at: at!(channel season_peak_week), group: Group::Channel,
        label: "Seasonal peak week", unit: "week",
        min: 1.0, max: 52.0, integer: true, default: 1.0, slider: &[(f64::INFINITY, 1.0)],
        team: Some(Team::Marketing), step: None, source: ASSUMPTION,
        meaning: "Week of the year in which the seasonal volume peaks.",
    },
    ParamSpec {
        param: Param::BurstStartWeek, at: at!(burst start_week), group: Group::Burst,
        label: "Campaign burst start", unit: "week",
        min: 1.0, max: 208.0, integer: true, default: 1.0, slider: &[(f64::INFINITY, 1.0)],
        team: Some(Team::Marketing), step: None, source: ASSUMPTION,
        meaning: "First week of a campaign burst (a contest, an event) on top of the usual volume.",
    },
    ParamSpec {
        param: Param::BurstWeeks, at: at!(burst weeks), group: Group::Burst,
        label: "Campaign burst length", unit: "weeks",
        min: 1.0, max: 52.0, integer: true, default: 1.0, slider: &[(f64::INFINITY, 1.0)],
        team: Some(Team::Marketing), step: None, source: ASSUMPTION,
        meaning: "How many weeks the campaign burst lasts.",
    },
    ParamSpec {
        param: Param::BurstExtraLeadsPerWeek, at: at!(burst extra_leads_per_week), group: Group::Burst,
        label: "Extra leads per week during the burst", unit: "leads per week",
        min: 0.0, max: 100_000.0, integer: false, default: 0.0, slider: &[(100.0, 2.0), (500.0, 10.0), (2000.0, 50.0), (10_000.0, 250.0), (100_000.0, 2500.0)],
        team: Some(Team::Marketing), step: Some(Step::times((0.9, 1.1), "-10%", "+10%")), source: ASSUMPTION,
        meaning: "Extra inquiries per week during the burst.",
    },
    ParamSpec {
        param: Param::MqlThreshold, at: at!(scenario thresholds.mql_threshold), group: Group::Thresholds,
        label: "MQL score threshold", unit: "score points",
        min: 0.0, max: 100.0, integer: false, default: 58.0, slider: &[(f64::INFINITY, 1.0)],
        team: Some(Team::Marketing), step: Some(Step::plus(5.0, "-5 points", "+5 points")), source: WATERFALL,
        meaning: "Lead score at or above which an inquiry becomes an MQL and is handed to sales; below it, the lead stays in nurture.",
    },
    ParamSpec {
        param: Param::HotThreshold, at: at!(optional thresholds.hot_threshold), group: Group::Thresholds,
        label: "Hot-lead score threshold", unit: "score points",
        min: 0.0, max: 100.0, integer: false, default: 80.0, slider: &[(f64::INFINITY, 1.0)],
        team: Some(Team::Marketing), step: None, source: PEDOWITZ,
        meaning: "Lead score at or above which an MQL is hot and is called before every other lead.",
    },
    ParamSpec {
        param: Param::SdrHeadcount, at: at!(scenario sdr.headcount), group: Group::SalesDevelopment,
        label: "SDR headcount", unit: "SDRs",
        min: 0.0, max: 500.0, integer: true, default: 2.0, slider: &[(50.0, 1.0), (100.0, 5.0), (500.0, 25.0)],
        team: Some(Team::Sdrs), step: Some(Step::plus(1.0, "-1 SDR", "+1 SDR")), source: ASSUMPTION,
        meaning: "Number of sales development reps working MQLs.",
    },
    ParamSpec {
        param: Param::ProductiveHoursPerWeek, at: at!(scenario sdr.productive_hours_per_week), group: Group::SalesDevelopment,
        label: "Productive hours per SDR", unit: "hours per week",
        min: 0.0, max: 60.0, integer: false, default: 30.0, slider: &[(100.0, 0.5)],
        team: Some(Team::Sdrs), step: None, source: SDR,
        meaning: "Hours per SDR per week actually spent calling and emailing leads.",
    },
    ParamSpec {
        param: Param::MinutesPerAttempt, at: at!(scenario sdr.minutes_per_attempt), group: Group::SalesDevelopment,
        label: "Minutes per attempt", unit: "minutes",
        min: 0.5, max: 120.0, integer: false, default: 6.0, slider: &[(10.0, 0.5), (30.0, 1.0), (120.0, 5.0)],
        team: Some(Team::Sdrs), step: None, source: SDR,
        meaning: "SDR time for one attempt (dial, voicemail, email) that does not reach the lead.",
    },
    ParamSpec {
        param: Param::MinutesPerConversation, at: at!(scenario sdr.minutes_per_conversation), group: Group::SalesDevelopment,
        label: "Minutes per conversation", unit: "minutes",
        min: 0.0, max: 240.0, integer: false, default: 20.0, slider: &[(60.0, 1.0), (240.0, 5.0)],
        team: Some(Team::Sdrs), step: None, source: ASSUMPTION,
        meaning: "Extra SDR time when an attempt reaches the lead (the conversation).",
    },
    ParamSpec {
        param: Param::TargetResponseMinutes, at: at!(scenario sdr.target_response_minutes), group: Group::SalesDevelopment,
        label: "Target response time (empty queue)", unit: "minutes",
        min: 1.0, max: 10_080.0, integer: false, default: 15.0, slider: &[(60.0, 1.0), (240.0, 5.0), (1440.0, 30.0), (10_080.0, 240.0)],
        team: Some(Team::Sdrs), step: Some(Step::times((0.5, 2.0), "halved", "doubled")), source: PEDOWITZ,
        meaning: "How fast the first attempt happens when nobody is waiting in the queue. Real speed-to-lead adds the wait in the queue.",
    },
    ParamSpec {
        param: Param::MaxAttempts, at: at!(scenario sdr.max_attempts), group: Group::SalesDevelopment,
        label: "Maximum attempts per lead", unit: "attempts",
        min: 1.0, max: 20.0, integer: true, default: 6.0, slider: &[(f64::INFINITY, 1.0)],
        team: Some(Team::Sdrs), step: Some(Step::plus(1.0, "-1 attempt", "+1 attempt")), source: LRM,
        meaning: "Attempts per lead before it counts as unreached and goes back to nurture.",
    },
    ParamSpec {
        param: Param::AttemptSpacingHours, at: at!(scenario sdr.attempt_spacing_hours), group: Group::SalesDevelopment,
        label: "Spacing between attempts", unit: "hours",
        min: 1.0, max: 336.0, integer: false, default: 36.0, slider: &[(48.0, 1.0), (168.0, 4.0), (336.0, 12.0)],
        team: Some(Team::Sdrs), step: Some(Step::times((0.5, 1.5), "halved", "x1.5")), source: PEDOWITZ,
        meaning: "Hours between two attempts on the same lead.",
    },
    ParamSpec {
        param: Param::AbandonAfterDays, at: at!(scenario sdr.abandon_after_days), group: Group::SalesDevelopment,
        label: "Abandon untouched MQLs after", unit: "days",
        min: 0.5, max: 90.0, integer: false, default: 14.0, slider: &[(30.0, 0.5), (90.0, 1.0)],
        team: Some(Team::Sdrs), step: None, source: ASSUMPTION,
        meaning: "How long an untouched MQL may wait in the queue before it is abandoned.",
    },
    ParamSpec {
        param: Param::FirstAttemptContactPercent, at: at!(scenario sdr.first_attempt_contact_percent), group: Group::Curves,
        label: "Contact chance, 1st attempt", unit: "%",
        min: 0.0, max: 100.0, integer: false, default: 39.0, slider: &[(f64::INFINITY, 1.0)],
        team: None, step: None, source: CALLS,
        meaning: "Chance that the first attempt on a fresh lead reaches the person.",
    },
    ParamSpec {
        param: Param::SecondAttemptContactPercent, at: at!(scenario sdr.second_attempt_contact_percent), group: Group::Curves,
        label: "Contact chance, 2nd attempt", unit: "%",
        min: 0.0, max: 100.0, integer: false, default: 54.0, slider: &[(f64::INFINITY, 1.0)],
        team: None, step: None, source: CALLS,
        meaning: "Chance that a second attempt on a fresh lead reaches the person.",
    },
    ParamSpec {
        param: Param::LaterAttemptRatioPercent, at: at!(scenario sdr.later_attempt_ratio_percent), group: Group::Curves,
        label: "Each later attempt vs the previous", unit: "%",
        min: 0.0, max: 100.0, integer: false, default: 75.0, slider: &[(f64::INFINITY, 1.0)],
        team: None, step: None, source: CALLS,
        meaning: "Each later attempt's contact chance as a share of the one before: persistence has diminishing returns.",
    },
    ParamSpec {
        param: Param::ContactFloorPercent, at: at!(scenario sdr.contact_floor_percent), group: Group::Curves,
        label: "Contact chance left for an old lead", unit: "%",
        min: 0.0, max: 100.0, integer: false, default: 50.0, slider: &[(f64::INFINITY, 1.0)],
        team: None, step: None, source: HBR,
        meaning: "Contact chance left for a very old lead, as a share of a fresh lead's.",
    },
    ParamSpec {
        param: Param::ContactDecayHours, at: at!(scenario sdr.contact_decay_hours), group: Group::Curves,
        label: "Contact decay time", unit: "hours",
        min: 0.01, max: 2000.0, integer: false, default: 12.0, slider: &[(1.0, 0.05), (10.0, 0.25), (100.0, 2.0), (500.0, 10.0), (2000.0, 100.0)],
        team: None, step: None, source: HBR,
        meaning: "How fast the contact chance fades with the lead's age (time constant in hours).",
    },
    ParamSpec {
        param: Param::AcceptAtZeroPercent, at: at!(scenario qualification.accept_at_zero_percent), group: Group::Curves,
        label: "Acceptance of a zero-propensity contact", unit: "%",
        min: 0.0, max: 100.0, integer: false, default: 70.0, slider: &[(f64::INFINITY, 1.0)],
        team: None, step: None, source: WATERFALL,
        meaning: "Chance a contacted lead with no propensity is accepted (SAL); otherwise it is rejected as a poor fit.",
    },
    ParamSpec {
        param: Param::AcceptAtFullPercent, at: at!(scenario qualification.accept_at_full_percent), group: Group::Curves,
        label: "Acceptance of a certain buyer", unit: "%",
        min: 0.0, max: 100.0, integer: false, default: 100.0, slider: &[(f64::INFINITY, 1.0)],
        team: None, step: None, source: WATERFALL,
        meaning: "Chance a contacted lead with full propensity is accepted (SAL).",
    },
    ParamSpec {
        param: Param::QualifyAtZeroPercent, at: at!(scenario qualification.qualify_at_zero_percent), group: Group::Curves,
        label: "Qualification of a zero-propensity SAL", unit: "%",
        min: 0.0, max: 100.0, integer: false, default: 50.0, slider: &[(f64::INFINITY, 1.0)],
        team: None, step: None, source: WATERFALL,
        meaning: "Chance an accepted lead with no propensity, reached at once, qualifies (SQL); otherwise it is not ready.",
    },
    ParamSpec {
        param: Param::QualifyAtFullPercent, at: at!(scenario qualification.qualify_at_full_percent), group: Group::Curves,
        label: "Qualification of a certain buyer", unit: "%",
        min: 0.0, max: 100.0, integer: false, default: 100.0, slider: &[(f64::INFINITY, 1.0)],
        team: None, step: None, source: WATERFALL,
        meaning: "Chance an accepted lead with full propensity, reached at once, qualifies (SQL).",
    },
    ParamSpec {
        param: Param::SpeedFloorPercent, at: at!(scenario qualification.speed_floor_percent), group: Group::Curves,
        label: "Qualification left for a very late response", unit: "%",
        min: 0.0, max: 100.0, integer: false, default: 2.15, slider: &[(10.0, 0.1), (100.0, 1.0)],
        team: None, step: None, source: HBR,
        meaning: "Share of the qualification chance left when the first contact comes very late.",
    },
    ParamSpec {
        param: Param::SpeedDecayHours, at: at!(scenario qualification.speed_decay_hours), group: Group::Curves,
        label: "Qualification decay time", unit: "hours",
        min: 0.01, max: 2000.0, integer: false, default: 0.594, slider: &[(1.0, 0.05), (10.0, 0.25), (100.0, 2.0), (500.0, 10.0), (2000.0, 100.0)],
        team: None, step: None, source: HBR,
        meaning: "How fast the qualification chance fades with the delay before contact (time constant in hours).",
    },
    ParamSpec {
        param: Param::ReengagePercentPerWeek, at: at!(scenario nurture.reengage_percent_per_week), group: Group::Nurture,
        label: "Nurture re-engagement", unit: "% per week",
        min: 0.0, max: 50.0, integer: false, default: 0.25, slider: &[(5.0, 0.05), (50.0, 0.5)],
        team: Some(Team::Marketing), step: None, source: ASSUMPTION,
        meaning: "Weekly chance that a nurtured lead engages again and its score crosses the threshold.",
    },
    ParamSpec {
        param: Param::NurtureWeeks, at: at!(scenario nurture.nurture_weeks), group: Group::Nurture,
        label: "Average stay in nurture before dormant", unit: "weeks",
        min: 1.0, max: 520.0, integer: false, default: 26.0, slider: &[(104.0, 1.0), (520.0, 8.0)],
        team: Some(Team::Marketing), step: None, source: ASSUMPTION,
        meaning: "Average weeks a lead stays in nurture before it goes dormant.",
    },
    ParamSpec {
        param: Param::RecyclePercent, at: at!(scenario nurture.recycle_percent), group: Group::Nurture,
        label: "Share of sales rejects recycled to nurture", unit: "%",
        min: 0.0, max: 100.0, integer: false, default: 70.0, slider: &[(f64::INFINITY, 1.0)],
        team: Some(Team::Sdrs), step: None, source: ASSUMPTION,
        meaning: "Share of rejected and unreached leads sent back to nurture; the rest are dropped.",
    },
    ParamSpec {
        param: Param::AeHeadcount, at: at!(scenario closing.ae_headcount), group: Group::Closing,
        label: "AE headcount", unit: "AEs",
        min: 0.0, max: 500.0, integer: true, default: 6.0, slider: &[(50.0, 1.0), (100.0, 5.0), (500.0, 25.0)],
        team: Some(Team::Aes), step: Some(Step::plus(1.0, "-1 AE", "+1 AE")), source: ASSUMPTION,
        meaning: "Number of account executives working opportunities.",
    },
    ParamSpec {
        param: Param::MaxOpenOppsPerAe, at: at!(scenario closing.max_open_opps_per_ae), group: Group::Closing,
        label: "Maximum open opportunities per AE", unit: "opportunities",
        min: 1.0, max: 200.0, integer: true, default: 25.0, slider: &[(f64::INFINITY, 1.0)],
        team: Some(Team::Aes), step: None, source: ASSUMPTION,
        meaning: "Most opportunities one AE can work at once; beyond it, SQLs wait.",
    },
    ParamSpec {
        param: Param::CycleMedianDays, at: at!(scenario closing.cycle_median_days), group: Group::Closing,
        label: "Median sales cycle", unit: "days",
        min: 1.0, max: 730.0, integer: false, default: 60.0, slider: &[(120.0, 1.0), (730.0, 10.0)],
        team: Some(Team::Aes), step: Some(Step::times((0.9, 1.1), "-10%", "+10%")), source: BRIDGE,
        meaning: "Median days from opportunity to closed won or lost.",
    },
    ParamSpec {
        param: Param::CycleSpread, at: at!(scenario closing.cycle_spread), group: Group::Closing,
        label: "Sales cycle spread (log-normal sigma)", unit: "",
        min: 0.0, max: 2.0, integer: false, default: 0.5, slider: &[(2.0, 0.02)],
        team: Some(Team::Aes), step: None, source: ASSUMPTION,
        meaning: "How much sales cycles vary around the median (log-normal spread).",
    },
    ParamSpec {
        param: Param::WinAtZeroPercent, at: at!(scenario closing.win_at_zero_percent), group: Group::Closing,
        label: "Win rate of a zero-propensity opportunity", unit: "%",
        min: 0.0, max: 100.0, integer: false, default: 5.0, slider: &[(f64::INFINITY, 1.0)],
        team: Some(Team::Aes), step: Some(Step::plus(5.0, "-5 points", "+5 points")), source: WATERFALL,
        meaning: "Win rate of an opportunity with no propensity.",
    },
    ParamSpec {
        param: Param::WinAtFullPercent, at: at!(scenario closing.win_at_full_percent), group: Group::Closing,
        label: "Win rate of a certain buyer", unit: "%",
        min: 0.0, max: 100.0, integer: false, default: 60.0, slider: &[(f64::INFINITY, 1.0)],
        team: Some(Team::Aes), step: Some(Step::plus(5.0, "-5 points", "+5 points")), source: WATERFALL,
        meaning: "Win rate of an opportunity with full propensity; linear in between.",
    },
    ParamSpec {
        param: Param::DealMedian, at: at!(scenario closing.deal_median), group: Group::Closing,
        label: "Median deal size", unit: "dollars",
        min: 0.0, max: 100_000_000.0, integer: false, default: 25_000.0, slider: &[(10_000.0, 500.0), (100_000.0, 2500.0), (1_000_000.0, 25_000.0), (10_000_000.0, 250_000.0), (100_000_000.0, 2_500_000.0)],
        team: Some(Team::Aes), step: Some(Step::times((0.9, 1.1), "-10%", "+10%")), source: BRIDGE,
        meaning: "Median contract value of a won deal.",
    },
    ParamSpec {
        param: Param::DealSpread, at: at!(scenario closing.deal_spread), group: Group::Closing,
        label: "Deal size spread (log-normal sigma)", unit: "",
        min: 0.0, max: 2.0, integer: false, default: 0.6, slider: &[(2.0, 0.02)],
        team: Some(Team::Aes), step: None, source: ASSUMPTION,
        meaning: "How much deal sizes vary around the median (log-normal spread).",
    },
    ParamSpec {
        param: Param::MaxWaitDays, at: at!(scenario closing.max_wait_days), group: Group::Closing,
        label: "Longest an SQL waits for an AE", unit: "days",
        min: 0.0, max: 365.0, integer: false, default: 30.0, slider: &[(60.0, 1.0), (365.0, 5.0)],
        team: Some(Team::Aes), step: None, source: ASSUMPTION,
        meaning: "Days an SQL waits for a free AE before it is lost.",
    },
    ParamSpec {
        param: Param::WaitLossPercentPerWeek, at: at!(scenario closing.wait_loss_percent_per_week), group: Group::Closing,
        label: "Close chance lost per week of waiting", unit: "% per week",
        min: 0.0, max: 100.0, integer: false, default: 10.0, slider: &[(f64::INFINITY, 1.0)],
        team: Some(Team::Aes), step: None, source: ASSUMPTION,
        meaning: "Close chance an SQL loses for each week it waits for an AE.",
    },
    ParamSpec {
        param: Param::SdrMonthlyCost, at: at!(scenario costs.sdr_monthly_cost), group: Group::Costs,
        label: "Monthly cost per SDR (fully loaded)", unit: "dollars per month",
        min: 0.0, max: 1_000_000.0, integer: false, default: 9000.0, slider: &[(50_000.0, 500.0), (200_000.0, 5000.0), (1_000_000.0, 50_000.0)],
        team: Some(Team::Sdrs), step: None, source: ASSUMPTION,
        meaning: "Fully loaded monthly cost of one SDR.",
    },
    ParamSpec {
        param: Param::AeMonthlyCost, at: at!(scenario costs.ae_monthly_cost), group: Group::Costs,
        label: "Monthly cost per AE (fully loaded)", unit: "dollars per month",
        min: 0.0, max: 1_000_000.0, integer: false, default: 20_000.0, slider: &[(50_000.0, 500.0), (200_000.0, 5000.0), (1_000_000.0, 50_000.0)],
        team: Some(Team::Aes), step: None, source: ASSUMPTION,
        meaning: "Fully loaded monthly cost of one AE.",
    },
    ParamSpec {
        param: Param::SlaMqlsPerMonth, at: at!(scenario sla.mqls_per_month), group: Group::Sla,
        label: "SLA: MQLs per month promised", unit: "MQLs per month",
        min: 0.0, max: 1_000_000.0, integer: false, default: 200.0, slider: &[(1000.0, 10.0), (10_000.0, 100.0), (100_000.0, 1000.0), (1_000_000.0, 10_000.0)],
        team: Some(Team::Marketing), step: None, source: PEDOWITZ,
        meaning: "Marketing's promise: MQLs delivered per month (4 weeks).",
    },
    ParamSpec {
        param: Param::SlaMinAcceptPercent, at: at!(scenario sla.min_accept_percent), group: Group::Sla,
        label: "SLA: minimum acceptance of contacted MQLs", unit: "%",
        min: 0.0, max: 100.0, integer: false, default: 75.0, slider: &[(f64::INFINITY, 1.0)],
        team: Some(Team::Marketing), step: None, source: PEDOWITZ,
        meaning: "Marketing's quality promise: at least this share of contacted MQLs is accepted by sales.",
    },
    ParamSpec {
        param: Param::SlaTouchWithinHours, at: at!(scenario sla.touch_within_hours), group: Group::Sla,
        label: "SLA: first touch within", unit: "hours",
        min: 0.01, max: 720.0, integer: false, default: 2.0, slider: &[(2.0, 0.05), (48.0, 0.5), (168.0, 4.0), (720.0, 24.0)],
        team: Some(Team::Sdrs), step: None, source: PEDOWITZ,
        meaning: "Sales' promise: first touch within this many hours...",
    },
    ParamSpec {
        param: Param::SlaTouchedSharePercent, at: at!(scenario sla.touched_share_percent), group: Group::Sla,
        label: "SLA: share of MQLs touched within that time", unit: "%",
        min: 0.0, max: 100.0, integer: false, default: 90.0, slider: &[(f64::INFINITY, 1.0)],
        team: Some(Team::Sdrs), step: None, source: PEDOWITZ,
        meaning: "...for at least this share of the MQLs.",
    },
    ParamSpec {
        param: Param::SlaAttemptsPerUnreached, at: at!(scenario sla.attempts_per_unreached), group: Group::Sla,
        label: "SLA: attempts before giving up on a lead", unit: "attempts",
        min: 0.0, max: 20.0, integer: false, default: 5.0, slider: &[(100.0, 0.5)],
        team: Some(Team::Sdrs), step: None, source: PEDOWITZ,
        meaning: "Sales' promise: at least this many attempts before a lead is given up as unreached.",
    },
    ParamSpec {
        param: Param::Weeks, at: at!(scenario run.weeks), group: Group::Run,
        label: "Horizon", unit: "weeks",
        min: 1.0, max: 208.0, integer: true, default: 52.0, slider: &[(f64::INFINITY, 1.0)],
        team: None, step: None, source: ASSUMPTION,
        meaning: "How many weeks to simulate.",
    },
    ParamSpec {
        param: Param::Replications, at: at!(scenario run.replications), group: Group::Run,
        label: "Monte Carlo replications", unit: "replications",
        min: 1.0, max: 2000.0, integer: true, default: 200.0, slider: &[(100.0, 1.0), (1000.0, 10.0), (2000.0, 50.0)],
        team: None, step: None, source: ASSUMPTION,
        meaning: "How many random replications to run; more gives tighter bands and takes longer.",
    },
];
