//! A chart in the results: the SVG drawn by a pure function in `charts`, and its caption.

use leptos::prelude::*;

#[component]
pub fn ChartFigure(
    #[prop(into)] id: String,
    /// The SVG document, or `None` while there is nothing to draw yet.
    #[prop(into)]
    svg: Signal<Option<String>>,
    #[prop(into)] caption: String,
) -> impl IntoView {
    view! {
        <figure class="chart" id=id>
            {move || match svg.get() {
                Some(s) => view! { <div class="chart-svg" inner_html=s></div> }.into_any(),
                None => view! { <div class="chart-empty">"Simulating..."</div> }.into_any(),
            }}
            <figcaption>{caption}</figcaption>
        </figure>
    }
}
