//! The scenario: every knob of the funnel model (MODEL.md, "What the user tunes"), in the
//! units a sales or marketing person uses. Defaults, ranges, units and sources live in
//! [`Param`]; [`ValidScenario`] is the only form the engine accepts.

use serde::{Deserialize, Serialize};

use super::params::Param;
mod valid;

pub use valid::ValidScenario;

/// Current scenario file format version.
pub const SCENARIO_VERSION: u32 = 1;
/// Most channels a scenario may have.
pub const MAX_CHANNELS: usize = 12;
/// Largest replications x weeks product, so that a run stays within seconds.
pub const MAX_REPLICATION_WEEKS: f64 = 200_000.0;

fn d(p: Param) -> f64 {
    p.spec().default
}

/// A campaign burst: extra leads on top of the channel's weekly volume for a few weeks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Burst {
    /// First week of the burst (1-based), 1 to 208.
    pub start_week: f64,
    /// Length in weeks, 1 to 52.
    pub weeks: f64,
    /// Extra inquiries per week during the burst, 0 to 100,000 leads per week.
    pub extra_leads_per_week: f64,
}

impl Default for Burst {
    fn default() -> Self {
        Self {
            start_week: d(Param::BurstStartWeek),
            weeks: d(Param::BurstWeeks),
            extra_leads_per_week: d(Param::BurstExtraLeadsPerWeek),
        }
    }
}

impl Burst {
    /// The burst a user switches on for a channel bringing `leads_per_week`: twice its usual
    /// volume on top, for two weeks from the table's start week, so that the switch visibly
    /// does something.
    pub fn switched_on(leads_per_week: f64) -> Self {
        Self {
            extra_leads_per_week: Param::BurstExtraLeadsPerWeek.clamp(leads_per_week * 2.0),
            weeks: 2.0,
            ..Self::default()
        }
    }
}

/// One lead source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Channel {
    /// Shown as text, never as HTML.
    pub name: String,
    /// New inquiries per week (leads per week, 0 to 100,000). Poisson arrivals.
    pub leads_per_week: f64,
    /// Cost per lead in dollars (0 to 10,000).
    pub cost_per_lead: f64,
    /// Mean of the channel's propensity distribution (a Beta), in percent (0.5 to 99.5).
    /// Propensity is the lead's hidden readiness to buy.
    pub quality_mean_percent: f64,
    /// Spread of the propensity distribution, 0.05 to 0.95: the Beta's standard deviation as
    /// a share of the largest possible one (0 = all leads alike, 1 = all-or-nothing).
    pub quality_spread: f64,
    /// Standard deviation of the score around 100 x propensity, in score points (0 to 50).
    pub score_noise: f64,
    /// Seasonal swing of the weekly volume in percent (0 to 100), a yearly sine wave.
    pub seasonality_percent: f64,
    /// Week of the year (1 to 52) in which the seasonal volume peaks.
    pub season_peak_week: f64,
    /// Optional campaign burst.
    pub burst: Option<Burst>,
}

impl Default for Channel {
    fn default() -> Self {
        Self {
            name: "New channel".into(),
            leads_per_week: d(Param::LeadsPerWeek),
            cost_per_lead: d(Param::CostPerLead),
            quality_mean_percent: d(Param::QualityMeanPercent),
            quality_spread: d(Param::QualitySpread),
            score_noise: d(Param::ScoreNoise),
            seasonality_percent: 0.0,
            season_peak_week: 1.0,
            burst: None,
        }
    }
}

impl Channel {
    /// A channel with the given name, volume, cost per lead and mean propensity.
    pub fn new(
        name: &str,
        leads_per_week: f64,
        cost_per_lead: f64,
        quality_mean_percent: f64,
    ) -> Self {
        Self {
            name: name.into(),
            leads_per_week,
            cost_per_lead,
            quality_mean_percent,
            ..Self::default()
        }
    }
}

/// Score thresholds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Thresholds {
    /// Score (0 to 100) at or above which an inquiry is an MQL and goes to sales.
    pub mql_threshold: f64,
    /// Optional score (0 to 100, at least the MQL threshold) at or above which an MQL is hot
    /// and is worked before every other lead (Pedowitz: hot leads within 15 minutes).
    pub hot_threshold: Option<f64>,
}

impl Default for Thresholds {
    fn default() -> Self {
        Self {
            mql_threshold: d(Param::MqlThreshold),
            hot_threshold: None,
        }
    }
}

impl Thresholds {
    /// Raises the hot threshold, if one is set, to the MQL threshold when that moved above
    /// it: a hot lead is always an MQL (validation requires it).
    pub fn keep_hot_above_mql(&mut self) {
        if let Some(h) = &mut self.hot_threshold {
            *h = h.max(self.mql_threshold);
        }
    }
}

/// The SDRs' queue discipline: in which order first touches and due follow-ups share the
/// team's time. Hot leads (above the hot threshold, when one is set) always come first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QueuePriority {
    /// First touches first, oldest first; follow-ups only when no new lead waits. What reps
    /// do in practice (Velocify: 1.6 attempts on average): new leads are called quickly and
    /// follow-ups are what gets dropped when the team is busy. Serialised as `fifo`.
    #[default]
    Fifo,
    /// Oldest due work first: first touches and due follow-ups in one line, by the time each
    /// became due.
    OldestDue,
    /// Highest score first (cherry-picking): high-score leads, then the rest, then
    /// follow-ups.
    HighestScore,
    /// Newest first: today's leads are called while yesterday's wait.
    Newest,
}

/// The SDR team and its follow-up rules (the sales side of the SLA), plus the contact curve.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SdrTeam {
    /// Number of SDRs (0 to 500, whole).
    pub headcount: f64,
    /// Productive (lead-working) hours per SDR per week, 0 to 60. About 50 calls a day.
    pub productive_hours_per_week: f64,
    /// SDR minutes per attempt (dial, voicemail, email), 0.5 to 120.
    pub minutes_per_attempt: f64,
    /// Extra SDR minutes when the attempt reaches the lead (the conversation), 0 to 240.
    pub minutes_per_conversation: f64,
    /// Response time when the queue is empty, in minutes (1 to 10,080). Actual speed-to-lead
    /// is this plus the time spent waiting in the queue.
    pub target_response_minutes: f64,
    /// Most attempts per lead before it is "unreached" (1 to 20). LRM: at least 6.
    pub max_attempts: f64,
    /// Hours between attempts on the same lead (1 to 336). Pedowitz: 5-8 touches over 7-10 days.
    pub attempt_spacing_hours: f64,
    /// Queue order for first touches. Hot leads always come first.
    pub queue_priority: QueuePriority,
    /// Days an MQL may wait untouched before it is abandoned (0.5 to 90).
    pub abandon_after_days: f64,
    /// Chance that the first attempt on a fresh lead reaches it, percent. Fitted to 39%.
    pub first_attempt_contact_percent: f64,
    /// Chance that the second attempt reaches a fresh lead, percent. Fitted (72% cumulative).
    pub second_attempt_contact_percent: f64,
    /// Each later attempt's contact chance as a percent of the previous one's. Fitted: 75%.
    pub later_attempt_ratio_percent: f64,
    /// Contact chance left for a very old lead, percent of a fresh lead's.
    pub contact_floor_percent: f64,
    /// Time constant of the contact decay with the lead's age, in hours.
    pub contact_decay_hours: f64,
}

impl Default for SdrTeam {
    fn default() -> Self {
        Self {
            headcount: d(Param::SdrHeadcount),
            productive_hours_per_week: d(Param::ProductiveHoursPerWeek),
            minutes_per_attempt: d(Param::MinutesPerAttempt),
            minutes_per_conversation: d(Param::MinutesPerConversation),
            target_response_minutes: d(Param::TargetResponseMinutes),
            max_attempts: d(Param::MaxAttempts),
            attempt_spacing_hours: d(Param::AttemptSpacingHours),
            queue_priority: QueuePriority::Fifo,
            abandon_after_days: d(Param::AbandonAfterDays),
            first_attempt_contact_percent: d(Param::FirstAttemptContactPercent),
            second_attempt_contact_percent: d(Param::SecondAttemptContactPercent),
            later_attempt_ratio_percent: d(Param::LaterAttemptRatioPercent),
            contact_floor_percent: d(Param::ContactFloorPercent),
            contact_decay_hours: d(Param::ContactDecayHours),
        }
    }
}

/// Acceptance and qualification of contacted leads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Qualification {
    /// Chance (percent) a contacted lead of propensity 0 is accepted (SAL); else "poor fit".
    pub accept_at_zero_percent: f64,
    /// Same for propensity 1; linear in between.
    pub accept_at_full_percent: f64,
    /// Chance (percent) an SAL of propensity 0, reached instantly, qualifies (SQL); else "not ready".
    pub qualify_at_zero_percent: f64,
    /// Same for propensity 1; linear in between.
    pub qualify_at_full_percent: f64,
    /// Share (percent) of the qualification chance left when the response comes very late.
    /// Fitted with the contact decay to HBR 2011 (7x within an hour, 60x vs 24 hours).
    pub speed_floor_percent: f64,
    /// Time constant (hours) of the qualification decay with the lead's age at contact.
    pub speed_decay_hours: f64,
}

impl Default for Qualification {
    fn default() -> Self {
        Self {
            accept_at_zero_percent: d(Param::AcceptAtZeroPercent),
            accept_at_full_percent: d(Param::AcceptAtFullPercent),
            qualify_at_zero_percent: d(Param::QualifyAtZeroPercent),
            qualify_at_full_percent: d(Param::QualifyAtFullPercent),
            speed_floor_percent: d(Param::SpeedFloorPercent),
            speed_decay_hours: d(Param::SpeedDecayHours),
        }
    }
}

/// Nurture: leads below threshold and leads sent back by sales.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Nurture {
    /// Weekly chance (percent, 0 to 50) that a nurtured lead re-engages and becomes an MQL.
    pub reengage_percent_per_week: f64,
    /// Average weeks a lead stays in nurture before it goes dormant (1 to 520).
    pub nurture_weeks: f64,
    /// Share (percent) of sales rejects and unreached leads recycled to nurture; the rest
    /// are dropped.
    pub recycle_percent: f64,
}

impl Default for Nurture {
    fn default() -> Self {
        Self {
            reengage_percent_per_week: d(Param::ReengagePercentPerWeek),
            nurture_weeks: d(Param::NurtureWeeks),
            recycle_percent: d(Param::RecyclePercent),
        }
    }
}

/// Account executives and deals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Closing {
    /// Number of AEs (0 to 500, whole).
    pub ae_headcount: f64,
    /// Most open opportunities one AE works at once (1 to 200, whole).
    pub max_open_opps_per_ae: f64,
    /// Median sales cycle in days (Bridge Group: 60).
    pub cycle_median_days: f64,
    /// Log-normal sigma of the cycle (0 = every cycle equals the median).
    pub cycle_spread: f64,
    /// Win rate (percent) of an opportunity of propensity 0.
    pub win_at_zero_percent: f64,
    /// Win rate (percent) of an opportunity of propensity 1; linear in between.
    pub win_at_full_percent: f64,
    /// Median deal size in dollars (Bridge Group: about $25K).
    pub deal_median: f64,
    /// Log-normal sigma of the deal size.
    pub deal_spread: f64,
    /// Days an SQL waits for a free AE before it is lost (0 to 365).
    pub max_wait_days: f64,
    /// Close chance lost per week of waiting, percent (0 to 100).
    pub wait_loss_percent_per_week: f64,
}

impl Default for Closing {
    fn default() -> Self {
        Self {
            ae_headcount: d(Param::AeHeadcount),
            max_open_opps_per_ae: d(Param::MaxOpenOppsPerAe),
            cycle_median_days: d(Param::CycleMedianDays),
            cycle_spread: d(Param::CycleSpread),
            win_at_zero_percent: d(Param::WinAtZeroPercent),
            win_at_full_percent: d(Param::WinAtFullPercent),
            deal_median: d(Param::DealMedian),
            deal_spread: d(Param::DealSpread),
            max_wait_days: d(Param::MaxWaitDays),
            wait_loss_percent_per_week: d(Param::WaitLossPercentPerWeek),
        }
    }
}

/// Team costs (channel costs are on each channel).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Costs {
    /// Fully loaded monthly cost of one SDR, dollars.
    pub sdr_monthly_cost: f64,
    /// Fully loaded monthly cost of one AE, dollars.
    pub ae_monthly_cost: f64,
}

impl Default for Costs {
    fn default() -> Self {
        Self {
            sdr_monthly_cost: d(Param::SdrMonthlyCost),
            ae_monthly_cost: d(Param::AeMonthlyCost),
        }
    }
}

/// The service-level agreement both teams sign (seed 003).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Sla {
    /// Marketing: MQLs delivered per month (4 weeks).
    pub mqls_per_month: f64,
    /// Marketing quality: at least this share (percent) of contacted MQLs is accepted.
    pub min_accept_percent: f64,
    /// Sales: first touch within this many hours...
    pub touch_within_hours: f64,
    /// ...for at least this share (percent) of the MQLs.
    pub touched_share_percent: f64,
    /// Sales: average attempts made on leads given up without contact, at least this many.
    pub attempts_per_unreached: f64,
}

impl Default for Sla {
    fn default() -> Self {
        Self {
            mqls_per_month: d(Param::SlaMqlsPerMonth),
            min_accept_percent: d(Param::SlaMinAcceptPercent),
            touch_within_hours: d(Param::SlaTouchWithinHours),
            touched_share_percent: d(Param::SlaTouchedSharePercent),
            attempts_per_unreached: d(Param::SlaAttemptsPerUnreached),
        }
    }
}

/// Run settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Run {
    /// Horizon in weeks (1 to 208).
    pub weeks: f64,
    /// Monte Carlo replications (1 to 2,000).
    pub replications: f64,
    /// Random seed; the same seed gives the same numbers on every machine.
    pub seed: u64,
}

impl Default for Run {
    fn default() -> Self {
        Self {
            weeks: d(Param::Weeks),
            replications: d(Param::Replications),
            seed: 2026,
        }
    }
}

/// Everything the simulator needs, as stored and edited. Missing fields take defaults.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Scenario {
    /// File format version ([`SCENARIO_VERSION`]).
    pub version: u32,
    /// Name shown in the app.
    pub name: String,
    /// One-paragraph story.
    pub story: String,
    /// Sources of the numbers.
    pub sources: Vec<String>,
    pub channels: Vec<Channel>,
    pub thresholds: Thresholds,
    pub sdr: SdrTeam,
    pub qualification: Qualification,
    pub nurture: Nurture,
    pub closing: Closing,
    pub costs: Costs,
    pub sla: Sla,
    pub run: Run,
}

impl Default for Scenario {
    fn default() -> Self {
        Self {
            version: SCENARIO_VERSION,
            name: "Baseline".into(),
            story: String::new(),
            sources: Vec::new(),
            channels: vec![
                Channel::new("Webinar", 120.0, 60.0, 30.0),
                Channel::new("Content download", 250.0, 25.0, 20.0),
                Channel::new("Paid search", 150.0, 45.0, 25.0),
                Channel::new("Trade show", 80.0, 90.0, 22.0),
            ],
            thresholds: Thresholds::default(),
            sdr: SdrTeam::default(),
            qualification: Qualification::default(),
            nurture: Nurture::default(),
            closing: Closing::default(),
            costs: Costs::default(),
            sla: Sla::default(),
            run: Run::default(),
        }
    }
}
