//! The app shell: header, controls on the left (a drawer in presenter mode), results in the
//! main area; presenter mode's keys along the bottom. A scenario file dropped anywhere on the
//! page is imported.

use leptos::prelude::*;

use crate::ui::compare::compare_run;
use crate::ui::controls::controls_drawer::ControlsDrawer;
use crate::ui::presenter::mode::{self, Presenter};
use crate::ui::presenter::presenter_keys::PresenterKeys;
use crate::ui::results::results_panel::ResultsPanel;
use crate::ui::runtime::browser;
use crate::ui::runtime::files;
use crate::ui::runtime::links;
use crate::ui::runtime::persist;
use crate::ui::runtime::simulate;
use crate::ui::shell::header::Header;
use crate::ui::shell::recovery_notice::RecoveryNotice;
use crate::ui::shell::shared_banner::SharedBanner;
use crate::ui::shell::skip_link::SkipLink;
use crate::ui::state::AppState;
use crate::ui::tour::tour_state::Tour;

#[component]
pub fn App() -> impl IntoView {
    let restored = persist::restore();
    let (library, library_found, library_status) = persist::restore_library();
    let status = match (&restored.status, library_status) {
        (persist::SaveStatus::Saved, other) => other,
        (mine, _) => mine.clone(),
    };
    let state = AppState::new(restored.scenario, status);
    state.library.set(library);
    let (library_unreadable, library_notice) = match library_found {
        Ok(u) => (u, None),
        Err(n) => (None, Some(n)),
    };
    let ignored = (!restored.ignored.is_empty()).then(|| {
        format!(
            "Your saved scenario has fields this version does not know, which were ignored: {}. Check the settings they were meant for.",
            restored.ignored.join(", ")
        )
    });
    let notices: Vec<String> = [
        restored.notice.map(|n| n.to_string()),
        library_notice.map(|n| n.to_string()),
        ignored,
    ]
    .into_iter()
    .flatten()
    .collect();
    if !notices.is_empty() {
        state.tell(notices.join(" "));
    }
    state.recovery.set(
        [restored.unreadable, library_unreadable]
            .into_iter()
            .flatten()
            .collect(),
    );
    links::open_from_address(state);
    browser::on_fragment_change(move || links::open_from_address(state));
    persist::autosave(state);
    simulate::run_on_change(state);
    compare_run::run_on_change(state);
    provide_context(state);
    let tour = Tour::restore();
    tour.autosave();
    provide_context(tour);
    let presenter = Presenter::new();
    provide_context(presenter);
    mode::listen(state, presenter);
    let dragging = RwSignal::new(false);
    let over = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(true);
    };
    let drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = files::first_file(ev.data_transfer().and_then(|d| d.files())) {
            files::import_file(state, file);
        }
    };
    view! {
        <div class="app" class:dragging=dragging on:dragover=over
            on:dragleave=move |_| dragging.set(false) on:drop=drop>
            <SkipLink/>
            <Header/>
            <RecoveryNotice/>
            <SharedBanner/>
            <div class="layout">
                <ControlsDrawer/>
                <ResultsPanel/>
            </div>
            <PresenterKeys/>
        </div>
    }
}
