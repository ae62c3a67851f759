//! Compare A and B: choose any two of the pinned copy, the current scenario and the saved
//! ones; see key figures with paired differences, bookings bands overlaid and the funnels
//! side by side.

use leptos::prelude::*;

use crate::analysis::{comparison_csv, funnel_pairs};
use crate::charts::{
    band_chart_svg, band_chart_text, funnel_pair_svg, funnel_pair_text, Band, BandChart, ChartText,
    Reading,
};
use crate::engine::Weekly;
use crate::format::Unit;
use crate::ui::compare::compare_table::CompareTable;
use crate::ui::runtime::files::{self, file_stem};
use crate::ui::state::{AppState, CompareChoice, CompareView, Side};
use crate::ui::widgets::chart_figure::ChartFigure;

fn side_value(s: Side) -> String {
    match s {
        Side::Current => "current".into(),
        Side::Pinned => "pinned".into(),
        Side::Saved(id) => format!("saved-{id}"),
    }
}

fn parse_side(v: &str) -> Option<Side> {
    match v {
        "current" => Some(Side::Current),
        "pinned" => Some(Side::Pinned),
        other => other.strip_prefix("saved-")?.parse().ok().map(Side::Saved),
    }
}

#[component]
fn SidePicker(label: &'static str, id: &'static str, is_a: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let options = move || {
        let mut o = vec![(Side::Current, "Current scenario".to_string())];
        if let Some(p) = state.pinned.get() {
            o.push((Side::Pinned, format!("Pinned: {}", p.name)));
        }
        state.library.with(|l| {
            o.extend(
                l.entries()
                    .iter()
                    .map(|e| (Side::Saved(e.id), format!("Saved: {}", e.name))),
            );
        });
        o
    };
    let chosen = move || {
        state
            .compare
            .get()
            .map(|c| side_value(if is_a { c.a } else { c.b }))
            .unwrap_or_default()
    };
    let pick = move |ev| {
        let Some(side) = parse_side(&event_target_value(&ev)) else {
            return;
        };
        state.compare.update(|c| {
            if let Some(c) = c {
                if is_a {
                    c.a = side;
                } else {
                    c.b = side;
                }
            }
        });
    };
    view! {
        <label for=id>{label}</label>
        <select id=id on:change=pick prop:value=chosen>
            {move || options().into_iter().map(|(side, text)| {
                let value = side_value(side);
                let selected = value == chosen();
                view! { <option value=value selected=selected>{text}</option> }
            }).collect_view()}
        </select>
    }
}

/// Builds the overlaid cumulative bookings of A and B and hands the chart to `f`.
fn with_overlay<T>(v: &CompareView, f: impl FnOnce(&BandChart<'_>) -> T) -> Option<T> {
    let (a, b) = (
        v.a.series(Weekly::CumulativeBookings)?,
        v.b.series(Weekly::CumulativeBookings)?,
    );
    let (an, bn) = (format!("A: {}", v.a_name), format!("B: {}", v.b_name));
    let chart = BandChart {
        title: "Cumulative bookings: A and B",
        y_label: "Bookings to date ($)",
        unit: Unit::Dollars,
        bands: vec![
            Band {
                name: &an,
                p10: &a.p10,
                p50: &a.p50,
                p90: &a.p90,
            },
            Band {
                name: &bn,
                p10: &b.p10,
                p50: &b.p50,
                p90: &b.p90,
            },
        ],
        reference: None,
    };
    Some(f(&chart))
}

fn overlay_svg(v: &CompareView) -> Option<String> {
    with_overlay(v, |c| band_chart_svg(c, 760, 380).ok()).flatten()
}

fn overlay_text(v: &CompareView) -> Option<ChartText> {
    with_overlay(v, |c| band_chart_text(c, Reading::End))
}

fn funnel_svg(v: &CompareView) -> Option<String> {
    let stages = funnel_pairs(&v.a, &v.b);
    // The chart labels its series "A: …" and "B: …" itself.
    funnel_pair_svg(&stages, &v.a_name, &v.b_name, 760, 400).ok()
}

fn funnel_text(v: &CompareView) -> ChartText {
    funnel_pair_text(&funnel_pairs(&v.a, &v.b), &v.a_name, &v.b_name)
}

fn export(state: AppState, v: &CompareView) {
    let filename = format!(
        "compare-{}-vs-{}.csv",
        file_stem(&v.a_name),
        file_stem(&v.b_name)
    );
    let csv = comparison_csv(&v.comparison, &v.a_name, &v.b_name);
    files::offer(state, "The comparison", &filename, "text/csv", csv);
}

#[component]
fn CompareResults(view_data: std::sync::Arc<CompareView>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let v = view_data;
    let overlay = overlay_svg(&v);
    let funnel = funnel_svg(&v);
    let overlay_said = overlay_text(&v);
    let funnel_said = Some(funnel_text(&v));
    let note = format!(
        "Both run with seed {} and {} replications (common random numbers), so the difference comes from the parameters.{}",
        v.a.seed,
        v.comparison.replications,
        if v.running { " Refining..." } else { "" }
    );
    let for_export = v.clone();
    view! {
        <p class="hint" id="compare-note" data-running=v.running.to_string()>{note}</p>
        <CompareTable rows=v.comparison.rows.clone() a_name=v.a_name.clone() b_name=v.b_name.clone()/>
        <button type="button" id="export-compare-csv" on:click=move |_| export(state, &for_export)>
            "Export comparison (CSV)"
        </button>
        <div class="chart-grid">
            <ChartFigure id="chart-compare-bookings" svg=Signal::derive(move || overlay.clone())
                text=Signal::derive(move || overlay_said.clone())
                caption="Each band holds 80% of the replications (P10 to P90); the lines are medians."/>
            <ChartFigure id="chart-compare-funnel" svg=Signal::derive(move || funnel.clone())
                text=Signal::derive(move || funnel_said.clone())
                caption="Leads reaching each stage, median of the replications."/>
        </div>
    }
}

#[component]
pub fn ComparePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let swap = move |_| {
        state.compare.update(|c| {
            if let Some(CompareChoice { a, b }) = *c {
                *c = Some(CompareChoice { a: b, b: a });
            }
        });
    };
    view! {
        <Show when=move || state.compare.with(Option::is_some)>
            <section class="compare-panel" id="compare" aria-labelledby="compare-title">
                <div class="compare-head">
                    <h2 id="compare-title">"Compare A and B"</h2>
                    <SidePicker label="A" id="compare-a" is_a=true/>
                    <SidePicker label="B" id="compare-b" is_a=false/>
                    <button type="button" on:click=swap>"Swap"</button>
                    <button type="button" id="compare-close" on:click=move |_| state.compare.set(None)>"End comparison"</button>
                </div>
                {move || match state.comparison.get() {
                    None => view! { <p class="hint">"Simulating both scenarios..."</p> }.into_any(),
                    Some(Err(e)) => view! { <p class="error" role="alert" id="compare-error">{e.to_string()}</p> }.into_any(),
                    Some(Ok(v)) => view! { <CompareResults view_data=v/> }.into_any(),
                }}
            </section>
        </Show>
    }
}
