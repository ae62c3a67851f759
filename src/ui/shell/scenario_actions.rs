//! The scenario's way in and out of the page: share link, JSON export and import, results
//! CSV, print. Nothing is uploaded: links hold the scenario, files are made in the page.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast as _;

use crate::ui::runtime::browser;
use crate::ui::runtime::files;
use crate::ui::runtime::links;
use crate::ui::state::AppState;

#[component]
pub fn ScenarioActions() -> impl IntoView {
    let state = expect_context::<AppState>();
    let link = RwSignal::new(None::<String>);
    let link_note = RwSignal::new(String::new());
    let share = move |_| {
        let made = state.scenario.with_untracked(links::link_for);
        match made {
            Ok(url) => {
                link.set(Some(url.clone()));
                spawn_local(async move {
                    link_note.set(match browser::copy_text(&url).await {
                        Ok(()) => {
                            "Link copied. It holds the whole scenario; nothing is uploaded.".into()
                        }
                        Err(_) => {
                            "Copy the link below. It holds the whole scenario; nothing is uploaded."
                                .into()
                        }
                    });
                });
            }
            Err(e) => state.tell(format!("No link could be made: {e}.")),
        }
    };
    let chosen = move |ev: leptos::ev::Event| {
        let input = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(input) = input {
            if let Some(file) = files::first_file(input.files()) {
                files::import_file(state, file);
            }
            // Choosing the same file again must fire again.
            input.set_value("");
        }
    };
    let print = move |_| {
        let printed = web_sys::window().map(|w| w.print());
        if !matches!(printed, Some(Ok(()))) {
            state.tell("The browser could not open its print dialog: use its menu to print.");
        }
    };
    view! {
        <section class="actions" aria-label="Share, import and export">
            <button type="button" id="share-button" on:click=share>"Copy share link"</button>
            <button type="button" id="export-json" on:click=move |_| files::export_scenario(state)>"Export scenario (JSON)"</button>
            <label class="button" for="import-json">"Import scenario (JSON)"</label>
            <input type="file" id="import-json" class="visually-hidden" accept=".json,application/json" on:change=chosen/>
            <button type="button" id="export-csv" on:click=move |_| files::export_results(state)>"Export results (CSV)"</button>
            <button type="button" id="print-button" on:click=print>"Print summary"</button>
            {move || link.get().map(|url| view! {
                <div class="share-link">
                    <label for="share-link">{move || link_note.get()}</label>
                    <input id="share-link" type="text" readonly prop:value=url
                        on:focus=|ev| { if let Some(i) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) { i.select(); } }/>
                </div>
            })}
        </section>
    }
}
