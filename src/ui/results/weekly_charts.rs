//! Weekly charts with P10-P90 bands: bookings, MQLs against what the SDRs can touch, the
//! SDR queue and speed-to-lead, and team utilisation.

use leptos::prelude::*;

use crate::analysis::capacity::sdr_mqls_per_week;
use crate::charts::{band_chart_svg, band_chart_text, Band, BandChart, ChartText, Reading};
use crate::engine::{RunResult, Weekly};
use crate::format::Unit;
use crate::ui::state::{Results, Validated};
use crate::ui::widgets::chart_figure::ChartFigure;

struct Spec {
    id: &'static str,
    title: &'static str,
    y_label: &'static str,
    unit: Unit,
    series: &'static [(Weekly, &'static str)],
    /// Draw the SDR team's attempt capacity as a dashed reference line.
    sdr_capacity: bool,
    /// What the summary sentence reads from the medians.
    reading: Reading,
    caption: &'static str,
}

const CHARTS: [Spec; 6] = [
    Spec {
        id: "chart-bookings",
        title: "Bookings per week",
        y_label: "Bookings ($ per week)",
        unit: Unit::Dollars,
        series: &[(Weekly::Bookings, "Bookings")],
        sdr_capacity: false,
        reading: Reading::Average,
        caption: "Won deals book revenue on their close date; the first weeks are low because opportunities take a sales cycle to close.",
    },
    Spec {
        id: "chart-cumulative",
        title: "Cumulative bookings",
        y_label: "Bookings to date ($)",
        unit: Unit::Dollars,
        series: &[(Weekly::CumulativeBookings, "Bookings to date")],
        sdr_capacity: false,
        reading: Reading::End,
        caption: "The shaded band holds 80% of the replications (P10 to P90).",
    },
    Spec {
        id: "chart-capacity",
        title: "MQLs vs. SDR capacity",
        y_label: "Leads per week",
        unit: Unit::Leads,
        series: &[(Weekly::Mqls, "MQLs"), (Weekly::FirstTouches, "First touches")],
        sdr_capacity: true,
        reading: Reading::Average,
        caption: "When MQLs arrive faster than SDRs can touch them, the gap piles up in the queue. The dashed line is SDR capacity: the MQLs per week the team's hours can work, at the attempts and conversations an MQL took in this run.",
    },
    Spec {
        id: "chart-queue",
        title: "SDR queue at the end of each week",
        y_label: "MQLs waiting",
        unit: Unit::Leads,
        series: &[(Weekly::SdrQueue, "Queue")],
        sdr_capacity: false,
        reading: Reading::End,
        caption: "Untouched MQLs waiting for a first attempt; past the abandonment age they are dropped.",
    },
    Spec {
        id: "chart-speed",
        title: "Median speed-to-lead",
        y_label: "Hours from MQL to first attempt",
        unit: Unit::Hours,
        series: &[(Weekly::MedianSpeedToLeadHours, "Speed-to-lead")],
        sdr_capacity: false,
        reading: Reading::Average,
        caption: "Comes out of SDR capacity: the response target plus the wait in the queue.",
    },
    Spec {
        id: "chart-utilisation",
        title: "SDR and AE utilisation",
        y_label: "Share of capacity used",
        unit: Unit::Share,
        series: &[(Weekly::SdrUtilisation, "SDRs"), (Weekly::AeUtilisation, "AEs")],
        sdr_capacity: false,
        reading: Reading::Average,
        caption: "Near 100% a team is the constraint; well below it, the team waits for work.",
    },
];

/// Builds the chart of `spec` from the run and hands it to `f` (the SVG or the text).
fn with_chart<T>(
    r: &RunResult,
    capacity: Option<f64>,
    spec: &Spec,
    f: impl FnOnce(&BandChart<'_>) -> T,
) -> T {
    let bands: Vec<Band<'_>> = spec
        .series
        .iter()
        .filter_map(|(m, name)| {
            let s = r.series(*m)?;
            Some(Band {
                name,
                p10: &s.p10,
                p50: &s.p50,
                p90: &s.p90,
            })
        })
        .collect();
    let line: Vec<f64> = match capacity {
        Some(c) if spec.sdr_capacity => vec![c; r.weeks],
        _ => Vec::new(),
    };
    let chart = BandChart {
        title: spec.title,
        y_label: spec.y_label,
        unit: spec.unit,
        bands,
        reference: (!line.is_empty()).then_some(("SDR capacity (MQLs)", line.as_slice())),
    };
    f(&chart)
}

fn draw(r: &RunResult, capacity: Option<f64>, spec: &Spec) -> Option<String> {
    with_chart(r, capacity, spec, |c| band_chart_svg(c, 640, 340).ok())
}

fn describe(r: &RunResult, capacity: Option<f64>, spec: &Spec) -> ChartText {
    with_chart(r, capacity, spec, |c| band_chart_text(c, spec.reading))
}

/// Calls `f` with the run and the SDR capacity line's value (tracking only the results).
fn with_run<T>(
    results: Results,
    validated: Validated,
    f: impl FnOnce(&RunResult, Option<f64>) -> Option<T>,
) -> Option<T> {
    results.with(|r| {
        let r = r.as_ref()?;
        let capacity =
            validated.with_untracked(|v| v.as_ref().ok().and_then(|v| sdr_mqls_per_week(v, r)));
        f(r, capacity)
    })
}

#[component]
pub fn WeeklyCharts(
    #[prop(into)] results: Results,
    #[prop(into)] validated: Validated,
) -> impl IntoView {
    CHARTS
        .iter()
        .map(|spec| {
            let svg = Memo::new(move |_| with_run(results, validated, |r, c| draw(r, c, spec)));
            let text =
                Memo::new(move |_| with_run(results, validated, |r, c| Some(describe(r, c, spec))));
            view! { <ChartFigure id=spec.id svg=svg caption=spec.caption text=text/> }
        })
        .collect_view()
}
