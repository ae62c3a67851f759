//! The main area: expected bookings and the funnel chart, all numbers from the engine.

use leptos::prelude::*;

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
    let stat = move |stage: Stage| move || format::count(funnel.with(|f| f.count(stage)));
    view! {
        <main class="results" aria-live="polite">
            <p class="stale" role="status" hidden=move || state.is_valid()>
                "Some inputs are invalid: showing the results of the last valid inputs."
            </p>
            <div class="kpis">
                <div class="kpi kpi-main">
                    <span class="kpi-label">"Expected bookings"</span>
                    <span class="kpi-value" id="kpi-bookings">
                        {move || format::money(funnel.with(|f| f.bookings.dollars()))}
                    </span>
                    <span class="kpi-note">{move || format!("over {} weeks", funnel.with(|f| f.weeks))}</span>
                </div>
                <div class="kpi">
                    <span class="kpi-label">"MQLs"</span>
                    <span class="kpi-value" id="kpi-mqls">{stat(Stage::Mql)}</span>
                </div>
                <div class="kpi">
                    <span class="kpi-label">"SQLs"</span>
                    <span class="kpi-value" id="kpi-sqls">{stat(Stage::Sql)}</span>
                </div>
                <div class="kpi">
                    <span class="kpi-label">"Won deals"</span>
                    <span class="kpi-value" id="kpi-won">{stat(Stage::Won)}</span>
                </div>
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
