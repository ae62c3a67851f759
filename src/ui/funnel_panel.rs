//! The funnel: how many leads reach each stage, and where every lead is at the end (leak
//! accounting, which adds up exactly to the inquiries).

use leptos::prelude::*;

use super::chart_figure::ChartFigure;
use super::state::AppState;
use crate::analysis::funnel_stages;
use crate::charts::{
    hbar_chart_svg, leak_chart_svg, palette, HBar, HBarLayout, LeakRow, Owner, ValueFormat,
};
use crate::engine::{RunResult, Total};
use crate::format;

fn stage_svg(r: &RunResult) -> Option<String> {
    let mut previous: Option<f64> = None;
    let rows: Vec<HBar> = funnel_stages(r)
        .into_iter()
        .map(|(label, band)| {
            let v = band.p50;
            let rate = previous
                .filter(|p| *p > 0.0)
                .map(|p| format!(" ({} of previous)", format::percent(v / p)))
                .unwrap_or_default();
            previous = Some(v);
            HBar {
                label: label.to_string(),
                value: v,
                range: None,
                colour: palette::BLUE,
                value_text: format!("{}{rate}", format::count(v)),
            }
        })
        .collect();
    let layout = HBarLayout {
        title: "Leads reaching each stage (median)",
        x_label: "Leads over the run",
        format: ValueFormat::Count,
        width: 640,
        height: 340,
        label_width: 190,
    };
    hbar_chart_svg(&layout, &rows).ok()
}

fn owner(state: &str) -> Owner {
    match state {
        "in nurture" | "dormant" => Owner::Marketing,
        "won" => Owner::Won,
        "waiting for an AE" | "lost waiting for an AE" | "open opportunity" | "lost" => {
            Owner::Closing
        }
        _ => Owner::SalesDevelopment,
    }
}

fn leak_svg(r: &RunResult) -> Option<String> {
    let rows: Vec<LeakRow> = r
        .leaks
        .iter()
        .map(|l| LeakRow {
            label: format::capitalise(&l.state),
            count: l.band.p50,
            owner: owner(&l.state),
        })
        .collect();
    leak_chart_svg(
        "Where every lead is at the end",
        &rows,
        r.kpi(Total::Inquiries).p50,
        640,
        420,
    )
    .ok()
}

#[component]
pub fn FunnelPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let stages = Memo::new(move |_| {
        state
            .results
            .with(|r| r.as_ref().and_then(|r| stage_svg(r)))
    });
    let leaks = Memo::new(move |_| state.results.with(|r| r.as_ref().and_then(|r| leak_svg(r))));
    view! {
        <ChartFigure id="chart-funnel" svg=stages caption="Medians across replications; each stage as a share of the one before."/>
        <ChartFigure
            id="chart-leaks"
            svg=leaks
            caption="Orange: marketing's side (nurture, dormant). Red: SDRs' side (queue, abandoned, unreached, rejected). Blue: closing. Green: won. In every replication these add up exactly to the inquiries."
        />
    }
}
