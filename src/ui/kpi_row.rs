//! The key figures of the run, each with its median and P10-P90 range across replications.

use leptos::prelude::*;

use super::kpi_card::{KpiCard, KpiFigures};
use super::state::AppState;
use crate::analysis::Term;
use crate::engine::{Band, Total};
use crate::format;

pub(super) fn figures(band: Band, fmt: fn(f64) -> String) -> KpiFigures {
    KpiFigures {
        main: fmt(band.p50),
        range: Some(format!("P10-P90: {} to {}", fmt(band.p10), fmt(band.p90))),
        note: None,
    }
}

/// ROI is a ratio: 3.1 means bookings were 310% above cost.
fn ratio_percent(r: f64) -> String {
    format::percent(r)
}

#[component]
pub fn KpiRow() -> impl IntoView {
    let state = expect_context::<AppState>();
    let card = move |id: &'static str,
                     label: &'static str,
                     t: Total,
                     fmt: fn(f64) -> String,
                     main: bool| {
        let term = match t {
            Total::Mqls => Some(Term::Mql),
            Total::Sqls => Some(Term::Sql),
            Total::MedianSpeedToLeadHours => Some(Term::SpeedToLead),
            Total::ShareMqlsNeverTouched => Some(Term::AbandonedUntouched),
            _ => None,
        };
        let fig = Signal::derive(move || {
            state
                .results
                .with(|r| r.as_ref().map(|r| figures(r.kpi(t), fmt)))
                .unwrap_or_else(|| KpiFigures {
                    main: "...".into(),
                    ..KpiFigures::default()
                })
        });
        view! { <KpiCard id=id label=label figures=fig main=main term=term/> }
    };
    let weeks = move || state.results.with(|r| r.as_ref().map_or(0, |r| r.weeks));
    view! {
        <section class="kpis" aria-label="Key figures">
            {card("kpi-bookings", "Bookings", Total::Bookings, format::money, true)}
            {card("kpi-roi", "ROI", Total::Roi, ratio_percent, false)}
            {card("kpi-cac", "Cost per won deal (CAC)", Total::CostPerWon, format::money, false)}
            {card("kpi-mqls", "MQLs", Total::Mqls, format::count, false)}
            {card("kpi-sqls", "SQLs", Total::Sqls, format::count, false)}
            {card("kpi-won", "Won deals", Total::Won, format::count, false)}
            {card("kpi-speed", "Median speed-to-lead", Total::MedianSpeedToLeadHours, format::hours, false)}
            {card("kpi-untouched", "MQLs never touched", Total::ShareMqlsNeverTouched, format::percent, false)}
            <p class="kpi-foot">{move || format!("Over {} weeks; median across replications, P10-P90 range below.", weeks())}</p>
        </section>
    }
}
