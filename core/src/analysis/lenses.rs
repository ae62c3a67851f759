//! Two lenses on one run (seed 002: crowds and individuals; seed 004: vanity metrics): what
//! marketing counts (volume, cost, MQLs by channel) and what sales lives with (speed-to-lead,
//! contact, load per rep, win rate), and a "vanity vs revenue" card that puts the metric
//! marketing can raise beside the bookings it does or does not bring.

use super::bottleneck::{Diagnosis, Lever};
use super::report::RunReport;
use crate::engine::curves::Curves;
use crate::engine::Total;
use crate::format;
use crate::model::ValidScenario;

/// One figure of a lens: its label, its value with its unit, and what it means.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub label: &'static str,
    pub value: String,
    pub note: String,
}

/// A channel as marketing sees it: the engine's expected volumes over the run.
#[derive(Debug, Clone, PartialEq)]
pub struct ChannelRow {
    pub name: String,
    pub inquiries: f64,
    /// Share of its inquiries scoring at or above the MQL threshold.
    pub mql_share: f64,
    pub mqls: f64,
    pub cost: f64,
    /// Cost per MQL, if it brings any.
    pub cost_per_mql: Option<f64>,
}

fn figure(label: &'static str, value: String, note: &str) -> Figure {
    Figure {
        label,
        value,
        note: note.into(),
    }
}

fn p50(r: &RunReport, t: Total) -> f64 {
    r.kpi(t).p50
}

/// A KPI's median in its own unit.
fn kpi(r: &RunReport, t: Total, label: &'static str, note: &str) -> Figure {
    figure(label, t.unit().format(p50(r, t)), note)
}

/// Marketing's lens: volume, cost, MQLs.
pub fn marketing_figures(r: &RunReport) -> Vec<Figure> {
    vec![
        kpi(
            r,
            Total::Inquiries,
            "Inquiries",
            "new leads over the run (median of the replications)",
        ),
        kpi(
            r,
            Total::Mqls,
            "MQLs",
            "leads that scored above the threshold, re-engaged ones included",
        ),
        kpi(
            r,
            Total::InquiryToMql,
            "Inquiry to MQL",
            "share of inquiries that became MQLs",
        ),
        kpi(
            r,
            Total::MarketingCost,
            "Marketing cost",
            "what the leads cost over the run",
        ),
        kpi(
            r,
            Total::CostPerMql,
            "Cost per MQL",
            "all costs, marketing and sales, per MQL",
        ),
    ]
}

/// The channels' expected inquiries, MQLs and cost over the run (the engine's arrival rates
/// and score model; MQLs re-engaged from nurture are not counted by channel).
pub fn channel_rows(v: &ValidScenario) -> Vec<ChannelRow> {
    let curves = Curves::new(v);
    v.get()
        .channels
        .iter()
        .enumerate()
        .map(|(j, ch)| {
            let inquiries: f64 = curves
                .rates
                .iter()
                .map(|week| week.get(j).copied().unwrap_or(0.0))
                .sum();
            let mql_share: f64 = curves
                .cells
                .get(j)
                .map_or(0.0, |cells| cells.iter().map(|c| c[1] + c[2]).sum());
            let mqls = inquiries * mql_share;
            let cost = inquiries * ch.cost_per_lead;
            ChannelRow {
                name: ch.name.clone(),
                inquiries,
                mql_share,
                mqls,
                cost,
                cost_per_mql: (mqls > 0.0).then(|| cost / mqls),
            }
        })
        .collect()
}

/// Sales' lens: how fast and how often leads are worked, the load per rep, and closing.
pub fn sales_figures(v: &ValidScenario, r: &RunReport) -> Vec<Figure> {
    let s = v.get();
    let weeks = r.weeks.max(1) as f64;
    let per_sdr = if s.sdr.headcount > 0.0 {
        format!(
            "{} MQLs a week",
            format::plain_number((p50(r, Total::Mqls) / weeks / s.sdr.headcount).round())
        )
    } else {
        "no SDRs".into()
    };
    let open_per_ae = format!(
        "{} of {} slots",
        format::plain_number(
            (p50(r, Total::AeUtilisation) * s.closing.max_open_opps_per_ae * 10.0).round() / 10.0
        ),
        format::plain_number(s.closing.max_open_opps_per_ae)
    );
    vec![
        kpi(
            r,
            Total::MedianSpeedToLeadHours,
            "Speed-to-lead",
            "median age of an MQL at its first attempt",
        ),
        kpi(
            r,
            Total::ContactRate,
            "Contact rate",
            "share of MQLs ever reached",
        ),
        figure(
            "Attempts per MQL",
            format::plain_number((p50(r, Total::AttemptsPerMql) * 10.0).round() / 10.0),
            "calls and emails per MQL",
        ),
        figure(
            "Load per SDR",
            per_sdr,
            "MQLs each SDR must work, on average",
        ),
        kpi(
            r,
            Total::SdrUtilisation,
            "SDR utilisation",
            "share of productive SDR time spent on leads",
        ),
        figure(
            "Open opportunities per AE",
            open_per_ae,
            "average pipeline each AE carries",
        ),
        kpi(
            r,
            Total::WinRate,
            "Win rate",
            "share of closed opportunities won",
        ),
        figure(
            "Sales cycle",
            format!(
                "{} days",
                format::plain_number(p50(r, Total::AvgSalesCycleDays).round())
            ),
            "average days from opportunity to close",
        ),
    ]
}

/// The vanity metric beside revenue: what +10% leads does to MQLs and to bookings.
#[derive(Debug, Clone, PartialEq)]
pub struct Vanity {
    /// More MQLs a year from +10% leads.
    pub more_mqls: f64,
    /// The paired change in bookings: mean and its 90% interval.
    pub bookings_change: f64,
    pub interval: Option<(f64, f64)>,
    /// The change as a share of bookings.
    pub bookings_share: f64,
    pub sentence: String,
}

/// What +10% leads buys, from the diagnosis's paired lever (None until it is measured).
pub fn vanity(r: &RunReport, d: &Diagnosis) -> Option<Vanity> {
    let lever = d.levers.iter().find(|l| l.lever == Lever::MoreLeads)?;
    let more_mqls = 0.1 * p50(r, Total::Mqls);
    let bookings = p50(r, Total::Bookings);
    let change = lever.bookings_delta.mean;
    let share = if bookings.abs() > 0.0 {
        change / bookings
    } else {
        0.0
    };
    let clear_gain = lever.mean_ci.is_some_and(|(low, _)| low > 0.0);
    let sentence = if clear_gain && share >= 0.05 {
        format!(
            "More leads pay here: +10% leads adds about {} MQLs and {} in bookings ({}).",
            format::count(more_mqls),
            format::money(change),
            format::signed(share, format::percent)
        )
    } else if clear_gain {
        format!(
            "The MQL count rises 10% (about {} more), but bookings only {} ({}): the extra \
             leads mostly wait, leak or lose.",
            format::count(more_mqls),
            format::signed(change, format::money),
            format::signed(share, format::percent)
        )
    } else {
        format!(
            "A vanity metric here: +10% leads raises MQLs by about {}, yet bookings show no \
             clear change ({}).",
            format::count(more_mqls),
            format::signed(change, format::money)
        )
    };
    Some(Vanity {
        more_mqls,
        bookings_change: change,
        interval: lever.mean_ci,
        bookings_share: share,
        sentence,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{diagnose, run};
    use crate::model::Preset;

    fn valid(p: Preset) -> ValidScenario {
        ValidScenario::try_from(p.scenario())
            .expect("valid")
            .with_replications(30)
    }

    #[test]
    fn channels_add_up_to_the_runs_inquiries() {
        let v = valid(Preset::Baseline);
        let r = run(&v);
        let rows = channel_rows(&v);
        assert_eq!(rows.len(), v.get().channels.len());
        let inquiries: f64 = rows.iter().map(|c| c.inquiries).sum();
        let mean = r.kpi(Total::Inquiries).mean;
        // Channel inquiries exclude leads re-engaged from nurture, which count as inquiries
        // only once; the run's inquiries are the channels' Poisson draws.
        assert!(
            (inquiries - mean).abs() / mean < 0.02,
            "{inquiries} vs {mean}"
        );
        for c in &rows {
            assert!((0.0..=1.0).contains(&c.mql_share), "{c:?}");
            assert!(c.cost_per_mql.is_some_and(|x| x > 0.0), "{c:?}");
        }
    }

    #[test]
    fn a_flood_makes_mqls_a_vanity_metric() {
        let v = valid(Preset::MillionLeads);
        let (r, d) = (run(&v), diagnose(&v, 30));
        let vanity = vanity(&r, &d).expect("measured");
        assert!(vanity.more_mqls > 0.0);
        assert!(
            vanity.bookings_share < 0.05,
            "the flood's extra leads add little: {vanity:?}"
        );
        assert!(
            !vanity.sentence.starts_with("More leads pay"),
            "{}",
            vanity.sentence
        );
    }

    #[test]
    fn sales_figures_carry_units() {
        let v = valid(Preset::SalesCherryPicks);
        let r = run(&v);
        let f = sales_figures(&v, &r);
        let speed = f
            .iter()
            .find(|f| f.label == "Speed-to-lead")
            .expect("speed");
        assert!(
            speed.value.ends_with(" h")
                || speed.value.ends_with(" days")
                || speed.value.ends_with(" min"),
            "{}",
            speed.value
        );
        assert!(f.iter().any(|f| f.value.ends_with("MQLs a week")));
        assert!(f.iter().any(|f| f.value.ends_with(" days")));
    }
}
