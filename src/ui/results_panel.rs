//! The main area: expected bookings and the funnel chart, all numbers from the engine.

use leptos::prelude::*;

use super::kpi_card::{KpiCard, KpiFigures};
use super::state::AppState;
use crate::charts::waterfall_svg;
use crate::engine::Stage;
use crate::format;

#[component]
pub fn ResultsPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let funnel = state.funnel;
    let chart = Memo::new(move |_| {
        funnel.with(|f| waterfall_svg(f, 860, 420).unwrap_or_else(|e| format!("<p>{e}</p>")))
    });
    let stat = move |stage: Stage| {
        Signal::derive(move || KpiFigures {
            main: format::count(funnel.with(|f| f.count(stage))),
            ..KpiFigures::default()
        })
    };
    let bookings = Signal::derive(move || {
        funnel.with(|f| KpiFigures {
            main: format::money(f.bookings.dollars()),
            range: None,
            note: Some(format!("over {} weeks", f.weeks)),
        })
    });
    view! {
        <main class="results" aria-live="polite">
            <p class="stale" role="status" hidden=move || state.is_valid()>
                "Some inputs are invalid: showing the results of the last valid inputs."
            </p>
            <div class="kpis">
                <KpiCard id="kpi-bookings" label="Expected bookings" figures=bookings main=true/>
                <KpiCard id="kpi-mqls" label="MQLs" figures=stat(Stage::Mql)/>
                <KpiCard id="kpi-sqls" label="SQLs" figures=stat(Stage::Sql)/>
                <KpiCard id="kpi-won" label="Won deals" figures=stat(Stage::Won)/>
            </div>
            <figure class="chart" id="chart-waterfall">
                <div class="chart-svg" inner_html=move || chart.get()></div>
                <figcaption>
                    "Expected-value funnel (analytic mode): volume times the product of the stage conversion rates. No capacity limits or randomness yet."
                </figcaption>
            </figure>
        </main>
    }
}
