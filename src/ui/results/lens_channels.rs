//! Marketing's lens by channel: the engine's expected inquiries, MQLs and lead cost.

use leptos::prelude::*;

use crate::analysis::lenses::{channel_rows, ChannelRow};
use crate::format;
use crate::ui::state::Validated;

/// The channels as marketing counts them: expected inquiries, MQLs and cost over the run.
#[component]
pub fn ChannelTable(#[prop(into)] validated: Validated) -> impl IntoView {
    let rows = Memo::new(move |prev: Option<&Vec<_>>| {
        validated.with(|v| match v {
            Ok(v) => channel_rows(v),
            Err(_) => prev.cloned().unwrap_or_default(),
        })
    });
    let row = |c: ChannelRow| {
        view! {
            <tr>
                <th scope="row">{c.name}</th>
                <td>{format::count(c.inquiries)}</td>
                <td>{format::percent(c.mql_share)}</td>
                <td>{format::count(c.mqls)}</td>
                <td>{format::money(c.cost)}</td>
                <td>{c.cost_per_mql.map_or_else(|| "n/a".to_string(), format::money)}</td>
            </tr>
        }
    };
    view! {
        <table class="lens-channels" id="lens-channels">
            <caption>"By channel, expected over the run (MQLs re-engaged from nurture are not \
                counted by channel)"</caption>
            <thead><tr>
                <th scope="col">"Channel"</th><th scope="col">"Inquiries"</th>
                <th scope="col">"Become MQLs"</th><th scope="col">"MQLs"</th>
                <th scope="col">"Lead cost"</th><th scope="col">"Lead cost per MQL"</th>
            </tr></thead>
            <tbody>{move || rows.get().into_iter().map(row).collect_view()}</tbody>
        </table>
    }
}
