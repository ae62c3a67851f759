//! The thin shell: Leptos components that wire signals to the pure core. Nothing here
//! computes a number the user sees; it calls `model`, `engine`, `analysis` and `charts`.

mod app;
mod browser;
mod channel_editor;
mod chart_figure;
mod chart_table;
mod compare_panel;
mod compare_run;
mod compare_table;
mod controls_drawer;
mod controls_panel;
mod files;
mod funnel_panel;
mod glossary_panel;
mod header;
mod kpi_card;
mod kpi_row;
mod lead_journey;
mod lens_channels;
mod lenses_panel;
mod links;
mod methodology_page;
mod number_control;
mod param_control;
mod persist;
mod plan;
mod pool;
mod presenter;
mod presenter_headline;
mod presenter_keys;
mod preset_menu;
mod print_summary;
mod recovery_notice;
mod results_panel;
mod runner;
mod saved_item;
mod saved_panel;
mod scenario_actions;
mod shared_banner;
mod simulate;
mod skip_link;
mod sla_panel;
mod sla_verdict;
mod state;
mod storage;
mod tour_panel;
mod tour_state;
mod undo_replace;
mod vanity_card;
mod verdict_panel;
mod weekly_charts;
pub mod worker;

pub use app::App;
pub use state::AppState;

/// Mounts the app on the page's `<body>`, or, when this wasm runs in a replication worker,
/// answers the page's requests instead.
pub fn start() {
    match worker::scope() {
        Some(scope) => {
            if let Err(e) = worker::serve(&scope) {
                web_sys::console::error_1(&e);
            }
        }
        None => leptos::mount::mount_to_body(App),
    }
}
