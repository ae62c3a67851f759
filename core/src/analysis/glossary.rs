//! The common vocabulary (MODEL.md, seed 001): every term a new hire meets on the screen, with
//! a one-line meaning and an example drawn from the current run's own figures.

use super::report::RunReport;
use crate::engine::Total;
use crate::format::{count, hours, percent};

/// A term of the shared funnel vocabulary, in the order a lead meets them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Term {
    Inquiry,
    Propensity,
    LeadScore,
    Mql,
    Nurture,
    Attempt,
    Contact,
    SpeedToLead,
    Sal,
    Sql,
    Opportunity,
    Sla,
    AbandonedUntouched,
    Unreached,
    RejectedPoorFit,
    RejectedNotReady,
    LostWaitingForAe,
    Dormant,
}

impl Term {
    pub const ALL: [Term; 18] = [
        Term::Inquiry,
        Term::Propensity,
        Term::LeadScore,
        Term::Mql,
        Term::Nurture,
        Term::Attempt,
        Term::Contact,
        Term::SpeedToLead,
        Term::Sal,
        Term::Sql,
        Term::Opportunity,
        Term::Sla,
        Term::AbandonedUntouched,
        Term::Unreached,
        Term::RejectedPoorFit,
        Term::RejectedNotReady,
        Term::LostWaitingForAe,
        Term::Dormant,
    ];

    /// The anchor of the term in the page (`#glossary-<slug>`).
    pub fn slug(self) -> &'static str {
        match self {
            Term::Inquiry => "inquiry",
            Term::Propensity => "propensity",
            Term::LeadScore => "lead-score",
            Term::Mql => "mql",
            Term::Nurture => "nurture",
            Term::Attempt => "attempt",
            Term::Contact => "contact",
            Term::SpeedToLead => "speed-to-lead",
            Term::Sal => "sal",
            Term::Sql => "sql",
            Term::Opportunity => "opportunity",
            Term::Sla => "sla",
            Term::AbandonedUntouched => "abandoned-untouched",
            Term::Unreached => "unreached",
            Term::RejectedPoorFit => "rejected-poor-fit",
            Term::RejectedNotReady => "rejected-not-ready",
            Term::LostWaitingForAe => "lost-waiting-for-an-ae",
            Term::Dormant => "dormant",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Term::Inquiry => "Inquiry",
            Term::Propensity => "Propensity",
            Term::LeadScore => "Lead score",
            Term::Mql => "MQL (marketing-qualified lead)",
            Term::Nurture => "Nurture",
            Term::Attempt => "Attempt (touch)",
            Term::Contact => "Contact",
            Term::SpeedToLead => "Speed-to-lead",
            Term::Sal => "SAL (sales-accepted lead)",
            Term::Sql => "SQL (sales-qualified lead)",
            Term::Opportunity => "Opportunity",
            Term::Sla => "SLA (service-level agreement)",
            Term::AbandonedUntouched => "Abandoned untouched",
            Term::Unreached => "Unreached after all attempts",
            Term::RejectedPoorFit => "Rejected: poor fit",
            Term::RejectedNotReady => "Rejected: not ready",
            Term::LostWaitingForAe => "Lost waiting for an AE",
            Term::Dormant => "Dormant",
        }
    }

    /// What it means in the model, in one line.
    pub fn meaning(self) -> &'static str {
        match self {
            Term::Inquiry => "A raw lead from a channel: a form fill, a download, a badge scan, a contest entry.",
            Term::Propensity => "The lead's hidden true chance to buy. Nobody sees it; the lead score estimates it.",
            Term::LeadScore => "0-100 from fit and engagement: a noisy estimate of propensity, noisier for some channels than others.",
            Term::Mql => "A lead whose score is at or above the MQL threshold: marketing hands it to sales.",
            Term::Nurture => "Leads below the threshold, or sent back by sales: marketing keeps engaging them, some come back as MQLs, some go dormant.",
            Term::Attempt => "One SDR call or email to an MQL.",
            Term::Contact => "An attempt that reached the person. The chance falls with every hour the lead waits.",
            Term::SpeedToLead => "The time from MQL to the first attempt. It grows when SDRs have more work than hours.",
            Term::Sal => "A contacted MQL that sales accepts for qualification; a rejected one goes back to nurture with a reason.",
            Term::Sql => "A lead qualified in conversation: it becomes an opportunity for an account executive (AE).",
            Term::Opportunity => "An SQL an AE works for a sales cycle; it ends closed-won (bookings) or closed-lost.",
            Term::Sla => "The service agreement: marketing promises lead volume and quality, sales promises follow-up.",
            Term::AbandonedUntouched => "An MQL nobody called before it grew too old to be worth calling.",
            Term::Unreached => "An MQL called as many times as the cadence allows, never reached.",
            Term::RejectedPoorFit => "Reached, but not a fit: sales declines it (it may return to nurture).",
            Term::RejectedNotReady => "Accepted, but not ready to buy after the conversation (it may return to nurture).",
            Term::LostWaitingForAe => "An SQL that waited too long for a free AE and went cold.",
            Term::Dormant => "A nurtured lead that stopped responding and left the funnel.",
        }
    }

    /// An example from the run's own figures (means over the replications), if it has them.
    pub fn example(self, r: &RunReport) -> Option<String> {
        let total = |t: Total| r.kpi(t).mean;
        let weeks = r.weeks.max(1) as f64;
        let per_week = |t: Total| count(total(t) / weeks);
        let leak = |state: &str| {
            r.leaks
                .iter()
                .find(|l| l.state == state)
                .map(|l| l.band.mean)
        };
        let of_mqls = |x: f64| {
            let mqls = total(Total::Mqls);
            (mqls > 0.0).then(|| format!("{} of {} MQLs", count(x), count(mqls)))
        };
        let text = match self {
            Term::Inquiry => format!("About {} inquiries a week", per_week(Total::Inquiries)),
            Term::Propensity => format!(
                "{} of the opportunities worked were won: the propensity behind the score, seen only at the end",
                percent(total(Total::WinRate))
            ),
            Term::LeadScore => format!(
                "{} of inquiries scored at or above the threshold",
                percent(total(Total::InquiryToMql))
            ),
            Term::Mql => format!("About {} MQLs a week", per_week(Total::Mqls)),
            Term::Nurture => format!("{} leads in nurture at the end", count(leak("in nurture")?)),
            Term::Attempt => format!(
                "{} attempts per MQL on average",
                crate::format::plain_number((total(Total::AttemptsPerMql) * 10.0).round() / 10.0)
            ),
            Term::Contact => format!("{} were reached", of_mqls(total(Total::Contacts))?),
            Term::SpeedToLead => format!(
                "The median first attempt came {} after the MQL",
                hours(total(Total::MedianSpeedToLeadHours))
            ),
            Term::Sal => format!("{} became SALs", of_mqls(total(Total::Sals))?),
            Term::Sql => format!("{} became SQLs", of_mqls(total(Total::Sqls))?),
            Term::Opportunity => format!(
                "{} opportunities opened, {} won",
                count(total(Total::OppsOpened)),
                count(total(Total::Won))
            ),
            Term::Sla => format!(
                "marketing's MQL volume promise held in {} of four-week periods, sales' first-touch promise in {}",
                percent(r.sla.volume_kept_share),
                percent(r.sla.touch_kept_share)
            ),
            Term::AbandonedUntouched => leak_example(leak("abandoned untouched")?),
            Term::Unreached => leak_example(leak("unreached after all attempts")?),
            Term::RejectedPoorFit => leak_example(leak("rejected: poor fit")?),
            Term::RejectedNotReady => leak_example(leak("rejected: not ready")?),
            Term::LostWaitingForAe => leak_example(leak("lost waiting for an AE")?),
            Term::Dormant => leak_example(leak("dormant")?),
        };
        Some(format!("In this run: {text}."))
    }

    /// Whether the term matches a search (its name or meaning contains every word of
    /// `query`, ignoring case); an empty query matches every term.
    pub fn matches(self, query: &str) -> bool {
        let haystack = format!("{} {}", self.name(), self.meaning()).to_lowercase();
        query
            .split_whitespace()
            .all(|w| haystack.contains(&w.to_lowercase()))
    }
}

fn leak_example(leads: f64) -> String {
    format!("{} leads ended here", count(leads))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::run;
    use crate::model::{Preset, ValidScenario};

    #[test]
    fn every_term_has_a_unique_anchor_and_a_meaning() {
        let mut slugs: Vec<&str> = Term::ALL.iter().map(|t| t.slug()).collect();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), Term::ALL.len());
        assert!(Term::ALL.iter().all(|t| t.meaning().ends_with('.')));
    }

    #[test]
    fn examples_are_the_runs_own_figures() {
        let v = ValidScenario::try_from(Preset::MillionLeads.scenario())
            .expect("valid")
            .with_replications(4);
        let r = run(&v);
        let mqls = count(r.kpi(Total::Mqls).mean);
        let contact = Term::Contact.example(&r).expect("an example");
        assert!(contact.contains(&mqls), "{contact} names {mqls} MQLs");
        let abandoned = r
            .leaks
            .iter()
            .find(|l| l.state == "abandoned untouched")
            .expect("a leak state the glossary names");
        let text = Term::AbandonedUntouched.example(&r).expect("an example");
        assert!(text.contains(&count(abandoned.band.mean)), "{text}");
        // Every term has one: the leak terms find their states in the run.
        for t in Term::ALL {
            assert!(t.example(&r).is_some(), "{t:?}");
        }
        let sla = Term::Sla.example(&r).expect("an example");
        assert!(sla.contains(&percent(r.sla.touch_kept_share)), "{sla}");
    }

    #[test]
    fn search_matches_names_and_meanings() {
        let hits: Vec<Term> = Term::ALL.into_iter().filter(|t| t.matches("sql")).collect();
        assert!(hits.contains(&Term::Sql) && !hits.contains(&Term::Inquiry));
        assert!(Term::SpeedToLead.matches("FIRST attempt"));
        assert!(Term::ALL.iter().all(|t| t.matches(" ")));
        assert!(!Term::Dormant.matches("contest"));
    }
}
