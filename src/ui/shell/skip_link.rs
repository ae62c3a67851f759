//! "Skip to results": the first thing Tab reaches, so keyboard users need not go through
//! every control of the left panel. It moves focus without touching the address's fragment
//! (which is where share links live).

use leptos::prelude::*;

use crate::ui::runtime::browser;

/// The id of the results area the link skips to.
pub const RESULTS_ID: &str = "results";

#[component]
pub fn SkipLink() -> impl IntoView {
    let go = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        browser::focus(RESULTS_ID);
    };
    view! {
        <a class="skip-link" href=format!("#{RESULTS_ID}") on:click=go>"Skip to results"</a>
    }
}
