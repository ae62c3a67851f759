//! The product name and its one-line purpose.

use leptos::prelude::*;

#[component]
pub fn Header() -> impl IntoView {
    view! {
        <header class="app-header">
            <h1>"Handoff"</h1>
            <p class="tagline">
                "What really limits your revenue: marketing's leads or sales' follow-up? "
                "Simulate the funnel from inquiry to won deal."
            </p>
        </header>
    }
}
