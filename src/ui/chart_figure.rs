//! A chart in the results: the SVG drawn by a pure function in `charts`, its caption, and
//! buttons that download it as SVG or PNG (for slides).

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser;
use super::state::AppState;

#[component]
pub fn ChartFigure(
    #[prop(into)] id: String,
    /// The SVG document, or `None` while there is nothing to draw yet.
    #[prop(into)]
    svg: Signal<Option<String>>,
    #[prop(into)] caption: String,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let stem = id.trim_start_matches("chart-").to_string();
    let svg_name = format!("handoff-{stem}.svg");
    let png_name = format!("handoff-{stem}.png");
    let save_svg = move |_| {
        if let Some(s) = svg.get_untracked() {
            let made: Result<String, std::convert::Infallible> = Ok(s);
            super::files::offer(state, "The chart", &svg_name, "image/svg+xml", made);
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
                Some(s) => view! { <div class="chart-svg" inner_html=s></div> }.into_any(),
                None => view! { <div class="chart-empty">"Simulating..."</div> }.into_any(),
            }}
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
