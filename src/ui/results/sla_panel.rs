//! The SLA view: marketing's promise and sales' promise, attainment per four-week period, and
//! the probability across replications that each promise holds.

use leptos::prelude::*;

use crate::analysis::{SlaPeriod, SlaReport};
use crate::engine::Total;
use crate::format;
use crate::model::Scenario;
use crate::ui::state::Results;

struct Row {
    side: &'static str,
    promise: String,
    kept_share: f64,
    always: f64,
    per_period: fn(&SlaPeriod) -> f64,
}

fn rows(r: &SlaReport, s: &Scenario) -> Vec<Row> {
    vec![
        Row {
            side: "Marketing",
            promise: format!("{} MQLs per month", format::count(s.sla.mqls_per_month)),
            kept_share: r.volume_kept_share,
            always: r.p_volume_always,
            per_period: |p| p.p_volume_kept,
        },
        Row {
            side: "Marketing",
            promise: format!("{}% of contacted MQLs accepted", s.sla.min_accept_percent),
            kept_share: r.quality_kept_share,
            always: r.p_quality_always,
            per_period: |p| p.p_quality_kept,
        },
        Row {
            side: "Sales",
            promise: format!(
                "{}% of MQLs touched within {}",
                s.sla.touched_share_percent,
                format::hours(s.sla.touch_within_hours)
            ),
            kept_share: r.touch_kept_share,
            always: r.p_touch_always,
            per_period: |p| p.p_touch_kept,
        },
        Row {
            side: "Sales",
            promise: format!(
                "at least {} attempts before giving up",
                format::plain_number(s.sla.attempts_per_unreached)
            ),
            kept_share: r.attempts_kept_share,
            always: r.p_attempts_always,
            per_period: |p| p.p_attempts_kept,
        },
    ]
}

fn cell_class(p: f64) -> &'static str {
    if p >= 0.9 {
        "kept"
    } else if p >= 0.5 {
        "shaky"
    } else {
        "broken"
    }
}

#[component]
pub fn SlaPanel(
    #[prop(into)] scenario: Signal<Scenario>,
    #[prop(into)] results: Results,
) -> impl IntoView {
    let body = move || {
        let scenario = scenario.get_untracked();
        results.with(|r| {
            r.as_ref().map(|r| {
                let periods = r.sla.periods.clone();
                let rows = rows(&r.sla, &scenario);
                view! {
                    <table class="sla-table">
                        <thead>
                            <tr>
                                <th scope="col">"Side"</th>
                                <th scope="col">"Promise"</th>
                                <th scope="col">"Periods kept"</th>
                                <th scope="col">"Kept every period"</th>
                                {periods.iter().map(|p| view! { <th scope="col" class="period">{format!("Wk {}", p.first_week)}</th> }).collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            {rows.into_iter().map(|row| {
                                let cells = periods.iter().map(|p| {
                                    let v = (row.per_period)(p);
                                    view! { <td class=cell_class(v) title="share of replications in which the promise held in this period">{format::percent(v)}</td> }
                                }).collect_view();
                                view! {
                                    <tr>
                                        <th scope="row">{row.side}</th>
                                        <td>{row.promise}</td>
                                        <td class=cell_class(row.kept_share)>{format::percent(row.kept_share)}</td>
                                        <td class=cell_class(row.always)>{format::percent(row.always)}</td>
                                        {cells}
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }
            })
        })
    };
    let warm = move || {
        results.with(|r| {
            r.as_ref().map(|r| {
                format!(
                    "Runs start warm: about {} leads are already in nurture in week 1 (its steady state), so re-engaged MQLs flow from the start and the first periods are judged like the rest.",
                    format::count(r.kpi(Total::NurtureAtStart).p50)
                )
            })
        })
    };
    view! {
        <section class="sla" id="sla" aria-labelledby="sla-title">
            <h2 id="sla-title">"The SLA: is each promise kept?"</h2>
            <p class="hint">"Per four-week period, the share of replications in which the promise held. Green: 90% or more; amber: 50-90%; red: under 50%."</p>
            <p class="hint" id="sla-warm-start">{warm}</p>
            <div class="sla-scroll" tabindex="0" role="region" aria-label="SLA attainment by period (scrolls sideways)">{body}</div>
        </section>
    }
}
