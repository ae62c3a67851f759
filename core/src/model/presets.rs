//! The five presets of MODEL.md, each with its story and sources.

use super::scenario::{Burst, Channel, QueuePriority, Scenario};

/// A named preset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    Baseline,
    MillionLeads,
    TractorGiveaway,
    SalesCherryPicks,
    SlaAligned,
}

/// The command-line names of the presets, in order.
pub const PRESET_NAMES: [&str; 5] = [
    "baseline",
    "million-leads",
    "tractor-giveaway",
    "sales-cherry-picks",
    "sla-aligned",
];

impl Preset {
    pub const ALL: [Preset; 5] = [
        Preset::Baseline,
        Preset::MillionLeads,
        Preset::TractorGiveaway,
        Preset::SalesCherryPicks,
        Preset::SlaAligned,
    ];

    /// Looks a preset up by its command-line name (case-insensitive).
    pub fn from_name(name: &str) -> Option<Preset> {
        let n = name.to_ascii_lowercase();
        PRESET_NAMES
            .iter()
            .position(|p| *p == n)
            .and_then(|i| Preset::ALL.get(i).copied())
    }

    /// The command-line name.
    pub fn name(self) -> &'static str {
        match self {
            Preset::Baseline => PRESET_NAMES[0],
            Preset::MillionLeads => PRESET_NAMES[1],
            Preset::TractorGiveaway => PRESET_NAMES[2],
            Preset::SalesCherryPicks => PRESET_NAMES[3],
            Preset::SlaAligned => PRESET_NAMES[4],
        }
    }

    /// The preset's scenario.
    pub fn scenario(self) -> Scenario {
        preset(self)
    }
}

fn common_sources() -> Vec<String> {
    [
        "HBR 2011, The Short Life of Online Sales Leads (Oldroyd, McElheran, Elkington): contact within an hour ~7x as likely to qualify, >60x vs 24 hours.",
        "Lead Response Management study (Oldroyd, MIT / InsideSales): 5 vs 30 minutes, 100x odds of contact, 21x of qualifying; at least 6 attempts.",
        "Call-frequency study: 39%, 72%, 83%, 88%, 91% of reachable leads contacted after 1-5 attempts (Velocify: 93% by the 6th).",
        "Demand-waterfall example: inquiry to MQL ~10%, MQL to SAL 85%, SAL to SQL 60%, SQL to won 30% (Forrester: benchmarks vary widely).",
        "Bridge Group SaaS AE report: 60-day median sales cycle, ~$25K median contract.",
    ]
    .iter()
    .map(|s| (*s).to_string())
    .collect()
}

/// Builds a preset's scenario.
pub fn preset(p: Preset) -> Scenario {
    let mut s = Scenario {
        sources: common_sources(),
        ..Scenario::default()
    };
    match p {
        Preset::Baseline => {
            s.name = "Baseline".into();
            s.story = "A mid-market B2B company: four channels bring about 600 inquiries a week, \
                roughly one in ten scores as an MQL, two SDRs call them within minutes when \
                the queue is empty and try up to six times, six AEs with up to 25 open \
                opportunities each work the SQLs, best first, through a 60-day cycle to a $25K \
                median deal. The AEs are the busiest team. Every default is a published \
                figure or a stated assumption."
                .into();
        }
        Preset::MillionLeads => {
            s.name = "A million leads".into();
            s.story = "Marketing is told to fill the funnel and triples volume from the cheapest \
                channels (content syndication and a list buy). MQL counts soar, the SDR team is \
                unchanged and runs flat out: new leads still get a first call, but hours late, \
                follow-up attempts are dropped, good leads go cold in the queue behind poor \
                ones and bookings fall. Sales says the leads are crap, marketing says they are not followed up. \
                Both are partly right (seed 000)."
                .into();
            // Cheap channels: low propensity and poorly scored (many false-positive MQLs).
            let mut syndication = Channel::new("Content syndication", 600.0, 8.0, 12.0);
            syndication.score_noise = 25.0;
            let mut list = Channel::new("Purchased list", 600.0, 3.0, 10.0);
            list.score_noise = 25.0;
            s.channels.push(syndication);
            s.channels.push(list);
            s.sources.push(
                "Seed 000: \"we gave you a million leads\" vs \"your leads are crap\".".into(),
            );
        }
        Preset::TractorGiveaway => {
            s.name = "The tractor giveaway".into();
            s.story = "A trade-show contest gives away a tractor. For three weeks thousands of \
                entries arrive: real names, real phone numbers, almost no one who will ever \
                buy. Some score high enough to become MQLs and eat SDR \
                hours for weeks; hardly any of them buys, so bookings do not move while the MQL \
                report looks great (seed 004)."
                .into();
            let mut contest = Channel::new("Tractor contest", 0.0, 2.0, 3.0);
            contest.score_noise = 30.0;
            contest.quality_spread = 0.3;
            contest.burst = Some(Burst {
                start_week: 10.0,
                weeks: 3.0,
                extra_leads_per_week: 4_000.0,
            });
            s.channels.push(contest);
            s.sources.push(
                "Seed 004: vanity metrics are not revenue; the contest that filled the database."
                    .into(),
            );
        }
        Preset::SalesCherryPicks => {
            s.name = "Sales cherry-picks".into();
            s.story = "The SDRs work the highest scores first, call back a day or two later \
                (about 30 hours when the queue is empty) and give up after two attempts. \
                The average lead is never called in time and most MQLs die untouched or \
                unreached; HBR's audit found 24% of firms answer after more than 24 hours."
                .into();
            s.sdr.target_response_minutes = 30.0 * 60.0;
            s.sdr.max_attempts = 2.0;
            s.sdr.queue_priority = QueuePriority::HighestScore;
        }
        Preset::SlaAligned => {
            s.name = "SLA aligned".into();
            s.story = "Marketing and sales sign the SLA of seed 003: marketing raises the \
                threshold a little and commits to a monthly MQL volume of stated quality; \
                sales staffs three SDRs, answers hot leads first within 15 minutes, makes up \
                to seven attempts over about ten days and adds an AE so SQLs never wait."
                .into();
            s.thresholds.mql_threshold = 62.0;
            s.thresholds.hot_threshold = Some(80.0);
            s.sdr.headcount = 3.0;
            s.sdr.max_attempts = 7.0;
            s.sdr.attempt_spacing_hours = 36.0;
            s.closing.ae_headcount = 7.0;
            s.sla.mqls_per_month = 180.0;
            s.sources.push("Seed 003: closed-loop marketing and the SLA between the teams; Pedowitz Group SLA template.".into());
        }
    }
    s
}
