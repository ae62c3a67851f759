//! The product name, its one-line purpose, whether work is being saved, and any notice.

use leptos::prelude::*;

use crate::ui::presenter::mode::PresenterButtons;
use crate::ui::runtime::persist::SaveStatus;
use crate::ui::state::AppState;
use crate::ui::tour::tour_panel;
use crate::ui::tour::tour_state::Tour;

#[component]
pub fn Header() -> impl IntoView {
    let state = expect_context::<AppState>();
    let tour = expect_context::<Tour>();
    let touring = move || tour.progress.with(|p| p.open);
    let toggle_tour = move |_| {
        if touring() {
            tour_panel::leave(state, tour);
        } else {
            tour_panel::open(state, tour);
        }
    };
    let status_text = move || match state.save_status.get() {
        _ if state.shared_view.get() => "Shared scenario: not saved unless you keep it".to_string(),
        SaveStatus::Saved => "Saved in this browser only".to_string(),
        SaveStatus::Off(why) => format!("Saving is off: {why}"),
        SaveStatus::Protected => {
            "Saving is paused so that your earlier saved scenario is not overwritten".to_string()
        }
    };
    view! {
        <header class="app-header">
            <h1>"Handoff"</h1>
            <p class="tagline">
                "What really limits your revenue: marketing's leads or sales' follow-up?"
            </p>
            <button type="button" class="header-link link" id="tour-toggle"
                aria-pressed=move || touring().to_string() on:click=toggle_tour>
                {move || if touring() { "Leave the tour" } else { "Guided tour" }}
            </button>
            <a class="header-link" href="#glossary" id="glossary-link">"Glossary"</a>
            <a class="header-link" href="#methodology" id="methodology-link">"Methodology"</a>
            <p class="save-status" id="save-status" class:off=move || state.save_status.get() != SaveStatus::Saved || state.shared_view.get()>
                {status_text}
            </p>
            <PresenterButtons/>
        </header>
        {move || state.notice.get().map(|text| view! {
            <div class="notice" role="alert" id="notice">
                <span>{text}</span>
                <button type="button" on:click=move |_| state.notice.set(None)>"Dismiss"</button>
            </div>
        })}
    }
}
