//! A chart in the results: the SVG drawn by a pure function in `charts`, its text
//! alternative (a summary sentence under the chart, which also names the picture, and the data
//! table in a collapsed disclosure), its caption, and buttons that download it as SVG or PNG
//! (for slides).

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::charts::ChartText;
use crate::ui::runtime::browser;
use crate::ui::state::AppState;
use crate::ui::widgets::chart_table::ChartTable;

#[component]
pub fn ChartFigure(
    #[prop(into)] id: String,
    /// The SVG document, or `None` while there is nothing to draw yet.
    #[prop(into)]
    svg: Signal<Option<String>>,
    #[prop(into)] caption: String,
    /// The chart's summary sentence and data table (from the chart's `*_text` function), or
    /// `None` while there is nothing to say yet.
    #[prop(optional, into)]
    text: Signal<Option<ChartText>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let summary_id = format!("{id}-summary");
    let labelled_by = summary_id.clone();
    let table_id = id.clone();
    let has_text = move || text.with(Option::is_some);
    let summary = move || text.with(|t| t.as_ref().map(|t| t.summary.clone()));
    let table = Signal::derive(move || text.with(|t| t.as_ref().map(|t| t.table.clone())));
    let stem = id.trim_start_matches("chart-").to_string();
    let svg_name = format!("handoff-{stem}.svg");
    let png_name = format!("handoff-{stem}.png");
    let save_svg = move |_| {
        if let Some(s) = svg.get_untracked() {
            let made: Result<String, std::convert::Infallible> = Ok(s);
            crate::ui::runtime::files::offer(state, "The chart", &svg_name, "image/svg+xml", made);
        }
    };
    let save_png = move |_| {
        let Some(s) = svg.get_untracked() else { return };
        let name = png_name.clone();
        spawn_local(async move {
            if let Err(e) = browser::download_png(&name, &s).await {
                state.tell(format!("The chart could not be exported: {e}."));
            }
        });
    };
    view! {
        <figure class="chart" id=id>
            {move || match svg.get() {
                Some(s) => {
                    let by = labelled_by.clone();
                    view! {
                        <div class="chart-svg" inner_html=s role=move || has_text().then_some("img")
                            aria-labelledby=move || has_text().then(|| by.clone())></div>
                    }.into_any()
                }
                None => view! { <div class="chart-empty">"Simulating..."</div> }.into_any(),
            }}
            <Show when=has_text>
                <p class="chart-summary" id=summary_id.clone()>{summary}</p>
                <ChartTable id=table_id.clone() table=table/>
            </Show>
            <figcaption>
                {caption}
                <span class="chart-export">
                    <button type="button" class="link export-svg" on:click=save_svg
                        disabled=move || svg.with(Option::is_none)>"SVG"</button>
                    <button type="button" class="link export-png" on:click=save_png
                        disabled=move || svg.with(Option::is_none)>"PNG"</button>
                </span>
            </figcaption>
        </figure>
    }
}
