//! The app shell: header, controls on the left, results in the main area.

use leptos::prelude::*;

use super::controls_panel::ControlsPanel;
use super::header::Header;
use super::persist;
use super::results_panel::ResultsPanel;
use super::simulate;
use super::state::AppState;

#[component]
pub fn App() -> impl IntoView {
    let restored = persist::restore();
    let state = AppState::new(restored.scenario, restored.status);
    state.notice.set(restored.notice);
    let valid = Memo::new(move |_| state.is_valid());
    persist::autosave(state.scenario, valid, state.save_status);
    simulate::run_on_change(state);
    provide_context(state);
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
