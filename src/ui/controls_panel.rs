//! The left panel: every knob of the expected-value funnel, grouped by who owns it.

use leptos::prelude::*;

use super::channel_control::ChannelControl;
use super::number_control::NumberControl;
use super::state::AppState;
use crate::model::WaterfallInputs;

/// A knob bound to one numeric field of the inputs.
struct Knob {
    path: &'static str,
    label: &'static str,
    unit: &'static str,
    min: f64,
    max: f64,
    step: f64,
    help: &'static str,
    source: Option<&'static str>,
    get: fn(&WaterfallInputs) -> f64,
    set: fn(&mut WaterfallInputs, f64),
}

const SOURCE_WATERFALL: &str =
    "the demand-waterfall example (inquiry to MQL 10%, MQL to SAL 85%, SAL to SQL 60%, SQL to won 30%); benchmarks vary widely by business (Forrester).";

const RATE_KNOBS: [Knob; 4] = [
    Knob {
        path: "rates.inquiry_to_mql",
        label: "Inquiry to MQL",
        unit: "%",
        min: 0.0,
        max: 100.0,
        step: 0.5,
        help:
            "Share of inquiries whose lead score reaches the MQL threshold and are handed to sales.",
        source: Some(SOURCE_WATERFALL),
        get: |i| i.rates.inquiry_to_mql,
        set: |i, v| i.rates.inquiry_to_mql = v,
    },
    Knob {
        path: "rates.mql_to_sal",
        label: "MQL to SAL",
        unit: "%",
        min: 0.0,
        max: 100.0,
        step: 0.5,
        help: "Share of MQLs that sales reaches and accepts for qualification.",
        source: Some(SOURCE_WATERFALL),
        get: |i| i.rates.mql_to_sal,
        set: |i, v| i.rates.mql_to_sal = v,
    },
    Knob {
        path: "rates.sal_to_sql",
        label: "SAL to SQL",
        unit: "%",
        min: 0.0,
        max: 100.0,
        step: 0.5,
        help: "Share of accepted leads qualified in conversation and turned into opportunities.",
        source: Some(SOURCE_WATERFALL),
        get: |i| i.rates.sal_to_sql,
        set: |i, v| i.rates.sal_to_sql = v,
    },
    Knob {
        path: "rates.sql_to_won",
        label: "SQL to won",
        unit: "%",
        min: 0.0,
        max: 100.0,
        step: 0.5,
        help: "Share of opportunities that close as won deals.",
        source: Some(SOURCE_WATERFALL),
        get: |i| i.rates.sql_to_won,
        set: |i, v| i.rates.sql_to_won = v,
    },
];

const DEAL_KNOBS: [Knob; 2] = [
    Knob {
        path: "deal_size",
        label: "Deal size",
        unit: "$",
        min: 0.0,
        max: 200_000.0,
        step: 1_000.0,
        help: "Average contract value of a won deal.",
        source: Some("about $25K median contract (Bridge Group SaaS AE report)."),
        get: |i| i.deal_size,
        set: |i, v| i.deal_size = v,
    },
    Knob {
        path: "weeks",
        label: "Horizon",
        unit: "weeks",
        min: 1.0,
        max: 104.0,
        step: 1.0,
        help: "How many weeks of leads the funnel covers.",
        source: None,
        get: |i| f64::from(i.weeks),
        set: |i, v| {
            i.weeks = if v.is_finite() && v >= 0.0 {
                v.round() as u32
            } else {
                0
            }
        },
    },
];

fn knob_view(state: AppState, k: &'static Knob) -> impl IntoView {
    let value = Signal::derive(move || state.inputs.with(k.get));
    let on_set = Callback::new(move |v: f64| state.inputs.update(|i| (k.set)(i, v)));
    let error = Signal::derive(move || state.error_for(k.path));
    view! {
        <NumberControl
            id=k.path.replace(['.', '[', ']'], "-")
            label=k.label unit=k.unit min=k.min max=k.max step=k.step help=k.help source=k.source.map(String::from)
            value=value on_set=on_set error=error
        />
    }
}

#[component]
pub fn ControlsPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let channel_count = state.inputs.with_untracked(|i| i.channels.len());
    view! {
        <aside class="controls" aria-label="Scenario controls">
            <section>
                <h2>"Marketing: lead volume"</h2>
                {(0..channel_count).map(|i| view! { <ChannelControl index=i/> }).collect_view()}
            </section>
            <section>
                <h2>"Stage conversion"</h2>
                {RATE_KNOBS.iter().map(|k| knob_view(state, k)).collect_view()}
            </section>
            <section>
                <h2>"Closing and horizon"</h2>
                {DEAL_KNOBS.iter().map(|k| knob_view(state, k)).collect_view()}
            </section>
        </aside>
    }
}
