//! Shown only when printing: the scenario's name, story and every setting, so the printed
//! page with the results on it says what was simulated.

use leptos::prelude::*;

use crate::format;
use crate::model::params::{Group, Scope};
use crate::model::Param;
use crate::model::Scenario;

fn setting(s: &Scenario, p: Param) -> Option<(String, String)> {
    let spec = p.spec();
    let v = p.get(s, 0)?;
    Some((
        spec.label.to_string(),
        format!("{} {}", format::plain_number(v), spec.unit),
    ))
}

#[component]
pub fn PrintSummary(#[prop(into)] scenario: Signal<Scenario>) -> impl IntoView {
    let settings = move || {
        scenario.with(|s| {
            Param::ALL
                .into_iter()
                .filter(|p| p.scope() == Scope::Scenario && p.group() != Group::Curves)
                .filter_map(|p| setting(s, p))
                .collect::<Vec<_>>()
        })
    };
    let channels = move || {
        scenario.with(|s| {
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
            <h2>{move || scenario.with(|s| s.name.clone())}</h2>
            <p>{move || scenario.with(|s| s.story.clone())}</p>
            <p>{move || channels().join("; ")}</p>
            <p class="print-settings">
                {move || settings().into_iter().map(|(l, v)| format!("{l}: {v}")).collect::<Vec<_>>().join(" \u{00b7} ")}
            </p>
        </section>
    }
}
