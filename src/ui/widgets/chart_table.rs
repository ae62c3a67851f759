//! A chart's data table in a collapsed "Data table" disclosure. The table is only put in the
//! page while the disclosure is open: closed, the results' refinements cost no table rows.

use leptos::prelude::*;

use crate::charts::DataTable;

fn table_view(t: DataTable) -> impl IntoView {
    let body = t.rows.into_iter().map(|row| {
        let mut cells = row.into_iter();
        let head = cells.next().unwrap_or_default();
        view! {
            <tr>
                <th scope="row">{head}</th>
                {cells.map(|c| view! { <td>{c}</td> }).collect_view()}
            </tr>
        }
    });
    view! {
        <table>
            <caption>{t.caption}</caption>
            <thead>
                <tr>{t.headers.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr>
            </thead>
            <tbody>{body.collect_view()}</tbody>
        </table>
    }
}

#[component]
#[allow(
    clippy::needless_pass_by_value,
    reason = "a Leptos component owns its props"
)]
pub fn ChartTable(
    /// The chart's id: the scrolling region is named after it.
    #[prop(into)]
    id: String,
    #[prop(into)] table: Signal<Option<DataTable>>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let toggled = move |ev: leptos::ev::Event| {
        let element = event_target::<web_sys::Element>(&ev);
        open.set(element.has_attribute("open"));
    };
    let label = move || {
        table.with(|t| {
            t.as_ref()
                .map(|t| format!("Data table: {}", t.caption))
                .unwrap_or_default()
        })
    };
    view! {
        <details class="chart-table" id=format!("{id}-table") on:toggle=toggled>
            <summary>"Data table"</summary>
            <div class="chart-table-scroll" tabindex="0" role="region" aria-label=label>
                {move || open.get().then(|| table.get().map(table_view))}
            </div>
        </details>
    }
}
