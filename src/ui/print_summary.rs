//! Shown only when printing: the scenario's name, story and every setting, so the printed
//! page with the results on it says what was simulated.

use leptos::prelude::*;

use super::state::AppState;
use crate::format;
use crate::model::access::{Group, Scope};
use crate::model::Param;

fn setting(s: &crate::model::Scenario, p: Param) -> Option<(String, String)> {
    let spec = p.spec();
    let v = p.get(s, 0)?;
    Some((
        spec.label.to_string(),
        format!("{} {}", format::plain_number(v), spec.unit),
    ))
}

#[component]
pub fn PrintSummary() -> impl IntoView {
    let state = expect_context::<AppState>();
    let settings = move || {
        state.scenario.with(|s| {
            Param::ALL
                .into_iter()
                .filter(|p| p.scope() == Scope::Scenario && p.group() != Group::Curves)
                .filter_map(|p| setting(s, p))
                .collect::<Vec<_>>()
        })
    };
    let channels = move || {
        state.scenario.with(|s| {
            s.channels
                .iter()
                .map(|c| {
                    format!(
                        "{}: {} leads/week at {} per lead, quality {}",
                        c.name,
                        format::count(c.leads_per_week),
                        format::money(c.cost_per_lead),
                        format::plain_number(c.quality_mean_percent)
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="print-only print-summary" aria-hidden="true">
            <h2>{move || state.scenario.with(|s| s.name.clone())}</h2>
            <p>{move || state.scenario.with(|s| s.story.clone())}</p>
            <p>{move || channels().join("; ")}</p>
            <p class="print-settings">
                {move || settings().into_iter().map(|(l, v)| format!("{l}: {v}")).collect::<Vec<_>>().join(" \u{00b7} ")}
            </p>
        </section>
    }
}
