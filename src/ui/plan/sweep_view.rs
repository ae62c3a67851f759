//! The two-knob sweep: any two knobs over ten values each, every cell's median bookings or
//! share of periods both SLA promises hold; the current scenario and the best cell marked; cells fill
//! in as the workers finish them. A cell can be applied.

use leptos::prelude::*;

use super::job::Study;
use super::panel::stale_note;
use super::state::{PlanState, View};
use crate::analysis::plan::sweep::{Axis, Figures, Grid};
use crate::charts::{heatmap_svg, heatmap_text, Heatmap};
use crate::format::Unit;
use crate::format::{count, money, percent};

use crate::ui::state::AppState;
use crate::ui::widgets::chart_figure::ChartFigure;

/// What a cell's colour shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shade {
    Bookings,
    SlaKept,
}

fn value(f: &Figures, s: Shade) -> f64 {
    match s {
        Shade::Bookings => f.bookings.p50,
        Shade::SlaKept => f.sla_kept,
    }
}

fn heatmap(g: &Grid, s: Shade) -> Heatmap {
    let find = |x: f64, y: f64| g.cells.iter().find(|c| c.0 == x && c.1 == y).map(|c| &c.2);
    let values =
        g.ys.iter()
            .flat_map(|&y| g.xs.iter().map(move |&x| (x, y)))
            .map(|(x, y)| find(x, y).map(|f| value(f, s)))
            .collect::<Vec<_>>();
    let index = |x: f64, y: f64| {
        Some((
            g.xs.iter().position(|&v| v == x)?,
            g.ys.iter().position(|&v| v == y)?,
        ))
    };
    let best = g
        .cells
        .iter()
        .max_by(|a, b| value(&a.2, s).total_cmp(&value(&b.2, s)))
        .and_then(|c| index(c.0, c.1));
    Heatmap {
        title: match s {
            Shade::Bookings => "Median bookings over the run".into(),
            Shade::SlaKept => "Share of periods both SLA promises hold".into(),
        },
        x_label: g.x.label().into(),
        y_label: g.y.label().into(),
        x_ticks: g.xs.iter().map(|&v| g.x.show(v)).collect(),
        y_ticks: g.ys.iter().map(|&v| g.y.show(v)).collect(),
        values,
        unit: match s {
            Shade::Bookings => Unit::Dollars,
            Shade::SlaKept => Unit::Share,
        },
        current: index(g.current.0, g.current.1),
        best,
    }
}

fn axis_select(id: &'static str, label: &'static str, axis: RwSignal<Axis>) -> impl IntoView {
    view! {
        <label>{label}
            <select id=id on:change=move |ev| {
                if let Some(a) = Axis::from_key(&event_target_value(&ev)) { axis.set(a); }
            }>
                {Axis::ALL.map(|a| view! {
                    <option value=a.key() selected=move || axis.get() == a>{a.label()}</option>
                })}
            </select>
        </label>
    }
}

#[component]
pub fn SweepView() -> impl IntoView {
    let app = expect_context::<AppState>();
    let plan = expect_context::<PlanState>();
    let x = RwSignal::new(Axis::Threshold);
    let y = RwSignal::new(Axis::SdrHeadcount);
    let shade = RwSignal::new(Shade::Bookings);
    let problem = RwSignal::new(None::<&'static str>);
    let run = move |_| {
        let (xa, ya) = (x.get_untracked(), y.get_untracked());
        if xa == ya {
            problem.set(Some("Choose two different knobs."));
            return;
        }
        problem.set(None);
        plan.start(app, View::Sweep, move |v| Study::grid(v, xa, ya));
    };
    let map = Memo::new(move |_| {
        let s = shade.get();
        plan.grid.with(|g| g.as_ref().map(|c| heatmap(&c.value, s)))
    });
    let svg = Signal::derive(move || {
        map.with(|m| m.as_ref().and_then(|m| heatmap_svg(m, 900, 620).ok()))
    });
    let text = Signal::derive(move || map.with(|m| m.as_ref().map(heatmap_text)));
    let pick = move |s: Shade, label: &'static str, id: &'static str| {
        view! {
            <label class="inline">
                <input type="radio" name="sweep-shade" id=id prop:checked=move || shade.get() == s
                    on:change=move |_| shade.set(s)/>
                {label}
            </label>
        }
    };
    view! {
        <div class="plan-view" id="plan-sweep" role="tabpanel" aria-labelledby="plan-tab-sweep">
            <div class="plan-form">
                {axis_select("sweep-x", "Across", x)}
                {axis_select("sweep-y", "Down", y)}
                <button type="button" id="sweep-run" on:click=run>"Sweep"</button>
                <fieldset>
                    <legend>"Colour by"</legend>
                    {pick(Shade::Bookings, "median bookings", "sweep-bookings")}
                    {pick(Shade::SlaKept, "share of periods both SLA promises hold", "sweep-sla")}
                </fieldset>
            </div>
            <p class="field-error" role="alert" hidden=move || problem.with(Option::is_none)>{move || problem.get()}</p>
            {move || plan.grid.get().and_then(|c| stale_note(app.scenario, &c)).map(|s| view! { <p class="stale-note">{s}</p> })}
            <Show when=move || plan.grid.with(Option::is_some)>
                <ChartFigure id="chart-sweep" svg=svg text=text
                    caption="Each cell runs the same replications, so neighbouring cells differ by the knobs alone. The current scenario is outlined."/>
            </Show>
            <CellPicker/>
        </div>
    }
}

/// Apply a cell: pick its values (the best cell first).
#[component]
fn CellPicker() -> impl IntoView {
    let app = expect_context::<AppState>();
    let plan = expect_context::<PlanState>();
    move || {
        plan.grid.get().filter(|c| !c.running && stale_note(app.scenario, c).is_none()).map(|c| {
            let g = c.value.clone();
            let best = g.best().map(|b| (b.0, b.1));
            let (bx, by) = best.unwrap_or(g.current);
            let cx = RwSignal::new(bx);
            let cy = RwSignal::new(by);
            let figures = {
                let g = g.clone();
                move || {
                    let (x, y) = (cx.get(), cy.get());
                    g.cells.iter().find(|c| c.0 == x && c.1 == y).map(|(_, _, f)| format!(
                        "Median bookings {} (P10 {} to P90 {}); both promises hold in {} of periods; {} MQLs, {} SQLs; SDRs {} busy.",
                        money(f.bookings.p50), money(f.bookings.p10), money(f.bookings.p90),
                        percent(f.sla_kept), count(f.mqls.mean), count(f.sqls.mean), percent(f.sdr_utilisation)
                    ))
                }
            };
            let options = |axis: Axis, values: Vec<f64>, chosen: RwSignal<f64>| values.into_iter().map(move |v| view! {
                <option value=v.to_string() selected=move || chosen.get() == v>{axis.show(v)}</option>
            }).collect_view();
            let (xa, ya) = (g.x, g.y);
            let apply = move |_| {
                let (x, y) = (cx.get_untracked(), cy.get_untracked());
                let mut next = app.scenario.get_untracked();
                xa.set(&mut next, x);
                ya.set(&mut next, y);
                app.replace_scenario(next, format!("applied {} {} and {} {} from the sweep", xa.label(), xa.show(x), ya.label(), ya.show(y)));
            };
            let read = |sig: RwSignal<f64>| move |ev: leptos::ev::Event| {
                if let Ok(v) = event_target_value(&ev).parse() { sig.set(v); }
            };
            view! {
                <div class="cell-picker" id="sweep-cell">
                    <label>{xa.label()}<select id="sweep-cell-x" on:change=read(cx)>{options(xa, g.xs.clone(), cx)}</select></label>
                    <label>{ya.label()}<select id="sweep-cell-y" on:change=read(cy)>{options(ya, g.ys.clone(), cy)}</select></label>
                    <button type="button" id="sweep-apply" on:click=apply>"Apply this cell"</button>
                    <p class="plan-sentence" id="sweep-cell-figures">{figures}</p>
                </div>
            }
        })
    }
}
