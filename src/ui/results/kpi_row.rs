//! The key figures of the run, each with its median and P10-P90 range across replications.

use leptos::prelude::*;

use crate::analysis::Term;
use crate::engine::{Band, Total};
use crate::format::Unit;
use crate::ui::state::Results;
use crate::ui::widgets::kpi_card::{KpiCard, KpiFigures};

pub(crate) fn figures(band: Band, unit: Unit) -> KpiFigures {
    KpiFigures {
        main: unit.format(band.p50),
        range: Some(format!(
            "P10-P90: {} to {}",
            unit.format(band.p10),
            unit.format(band.p90)
        )),
        note: None,
    }
}

#[component]
pub fn KpiRow(#[prop(into)] results: Results) -> impl IntoView {
    let card = move |id: &'static str, t: Total, main: bool| {
        let term = match t {
            Total::Mqls => Some(Term::Mql),
            Total::Sqls => Some(Term::Sql),
            Total::MedianSpeedToLeadHours => Some(Term::SpeedToLead),
            Total::ShareMqlsNeverTouched => Some(Term::AbandonedUntouched),
            _ => None,
        };
        let fig = Signal::derive(move || {
            results
                .with(|r| r.as_ref().map(|r| figures(r.kpi(t), t.unit())))
                .unwrap_or_else(|| KpiFigures {
                    main: "...".into(),
                    ..KpiFigures::default()
                })
        });
        view! { <KpiCard id=id label=t.short_label() figures=fig main=main term=term/> }
    };
    let weeks = move || results.with(|r| r.as_ref().map_or(0, |r| r.weeks));
    view! {
        <section class="kpis" aria-label="Key figures">
            {card("kpi-bookings", Total::Bookings, true)}
            {card("kpi-roi", Total::Roi, false)}
            {card("kpi-cac", Total::CostPerWon, false)}
            {card("kpi-mqls", Total::Mqls, false)}
            {card("kpi-sqls", Total::Sqls, false)}
            {card("kpi-won", Total::Won, false)}
            {card("kpi-speed", Total::MedianSpeedToLeadHours, false)}
            {card("kpi-untouched", Total::ShareMqlsNeverTouched, false)}
            <p class="kpi-foot">{move || format!("Over {} weeks; median across replications, P10-P90 range below.", weeks())}</p>
        </section>
    }
}
