//! The funnel: how many leads reach each stage, and where every lead is at the end (leak
//! accounting, which adds up exactly to the inquiries).

use leptos::prelude::*;

use crate::analysis::funnel_stages;
use crate::charts::{
    leak_chart_svg, leak_chart_text, stage_chart_svg, stage_chart_text, LeakRow, Owner,
};
use crate::engine::{RunResult, Total};
use crate::format;
use crate::ui::state::Results;
use crate::ui::widgets::chart_figure::ChartFigure;

/// Each funnel stage's median.
fn stage_medians(r: &RunResult) -> Vec<(&'static str, f64)> {
    funnel_stages(r)
        .into_iter()
        .map(|(label, band)| (label, band.p50))
        .collect()
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

const LEAK_TITLE: &str = "Where every lead is at the end";

fn leak_rows(r: &RunResult) -> Vec<LeakRow> {
    r.leaks
        .iter()
        .map(|l| LeakRow {
            label: format::capitalise(&l.state),
            count: l.band.p50,
            owner: owner(&l.state),
        })
        .collect()
}

fn leak_svg(r: &RunResult) -> Option<String> {
    let total = r.kpi(Total::Inquiries).p50;
    leak_chart_svg(LEAK_TITLE, &leak_rows(r), total, 640, 420).ok()
}

/// A memo of `f` of the current results (`None` while there are none).
fn on_run<T: PartialEq + Send + Sync + 'static>(
    results: Results,
    f: fn(&RunResult) -> Option<T>,
) -> Memo<Option<T>> {
    Memo::new(move |_| results.with(|r| r.as_ref().and_then(|r| f(r))))
}

#[component]
pub fn FunnelPanel(#[prop(into)] results: Results) -> impl IntoView {
    let stages = on_run(results, |r| {
        stage_chart_svg(&stage_medians(r), 640, 340).ok()
    });
    let stages_text = on_run(results, |r| Some(stage_chart_text(&stage_medians(r))));
    let leaks = on_run(results, leak_svg);
    let leaks_text = on_run(results, |r| {
        let total = r.kpi(Total::Inquiries).p50;
        Some(leak_chart_text(LEAK_TITLE, &leak_rows(r), total))
    });
    view! {
        <ChartFigure id="chart-funnel" svg=stages text=stages_text caption="Medians across replications; each stage as a share of the one before."/>
        <ChartFigure
            id="chart-leaks"
            svg=leaks
            text=leaks_text
            caption="Orange: marketing's side (nurture, dormant). Red: SDRs' side (queue, abandoned, unreached, rejected). Blue: closing. Green: won. In every replication these add up exactly to the inquiries."
        />
    }
}
