//! The app shell: header, controls on the left, results in the main area.

use leptos::prelude::*;

use super::controls_panel::ControlsPanel;
use super::header::Header;
use super::results_panel::ResultsPanel;
use super::state::AppState;

#[component]
pub fn App() -> impl IntoView {
    provide_context(AppState::restored());
    view! {
        <div class="app">
            <Header/>
            <div class="layout">
                <ControlsPanel/>
                <ResultsPanel/>
            </div>
        </div>
    }
}
