//! Weekly charts with P10-P90 bands: bookings, MQLs against what the SDRs can touch, the
//! SDR queue and speed-to-lead, and team utilisation.

use leptos::prelude::*;

use super::chart_figure::ChartFigure;
use super::state::AppState;
use crate::charts::{band_chart_svg, Band, BandChart, ValueFormat};
use crate::engine::{RunResult, Weekly};

struct Spec {
    id: &'static str,
    title: &'static str,
    y_label: &'static str,
    format: ValueFormat,
    series: &'static [(Weekly, &'static str)],
    caption: &'static str,
}

const CHARTS: [Spec; 6] = [
    Spec {
        id: "chart-bookings",
        title: "Bookings per week",
        y_label: "Bookings ($ per week)",
        format: ValueFormat::Money,
        series: &[(Weekly::Bookings, "Bookings")],
        caption: "Won deals book revenue on their close date; the first weeks are low because opportunities take a sales cycle to close.",
    },
    Spec {
        id: "chart-cumulative",
        title: "Cumulative bookings",
        y_label: "Bookings to date ($)",
        format: ValueFormat::Money,
        series: &[(Weekly::CumulativeBookings, "Bookings to date")],
        caption: "The shaded band holds 80% of the replications (P10 to P90).",
    },
    Spec {
        id: "chart-capacity",
        title: "MQLs arriving vs. first touches",
        y_label: "Leads per week",
        format: ValueFormat::Count,
        series: &[(Weekly::Mqls, "MQLs"), (Weekly::FirstTouches, "First touches")],
        caption: "When MQLs arrive faster than SDRs can touch them, the gap piles up in the queue.",
    },
    Spec {
        id: "chart-queue",
        title: "SDR queue at the end of each week",
        y_label: "MQLs waiting",
        format: ValueFormat::Count,
        series: &[(Weekly::SdrQueue, "Queue")],
        caption: "Untouched MQLs waiting for a first attempt; past the abandonment age they are dropped.",
    },
    Spec {
        id: "chart-speed",
        title: "Median speed-to-lead",
        y_label: "Hours from MQL to first attempt",
        format: ValueFormat::Hours,
        series: &[(Weekly::MedianSpeedToLeadHours, "Speed-to-lead")],
        caption: "Comes out of SDR capacity: the response target plus the wait in the queue.",
    },
    Spec {
        id: "chart-utilisation",
        title: "SDR and AE utilisation",
        y_label: "Share of capacity used",
        format: ValueFormat::Percent,
        series: &[(Weekly::SdrUtilisation, "SDRs"), (Weekly::AeUtilisation, "AEs")],
        caption: "Near 100% a team is the constraint; well below it, the team waits for work.",
    },
];

fn draw(r: &RunResult, spec: &Spec) -> Option<String> {
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
    let chart = BandChart {
        title: spec.title,
        y_label: spec.y_label,
        format: spec.format,
        bands,
        reference: None,
    };
    band_chart_svg(&chart, 640, 340).ok()
}

#[component]
pub fn WeeklyCharts() -> impl IntoView {
    let state = expect_context::<AppState>();
    CHARTS
        .iter()
        .map(|spec| {
            let svg = Memo::new(move |_| {
                state
                    .results
                    .with(|r| r.as_ref().and_then(|r| draw(r, spec)))
            });
            view! { <ChartFigure id=spec.id svg=svg caption=spec.caption/> }
        })
        .collect_view()
}
