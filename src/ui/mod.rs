//! The thin shell: Leptos components that wire signals to the pure core. Nothing here
//! computes a number the user sees; it calls `model`, `engine` and `charts`.

mod app;
mod channel_control;
mod controls_panel;
mod header;
mod kpi_card;
mod number_control;
mod persist;
mod results_panel;
mod state;
mod storage;

pub use app::App;
pub use state::AppState;

/// Mounts the app on the page's `<body>`.
pub fn mount() {
    leptos::mount::mount_to_body(App);
}
