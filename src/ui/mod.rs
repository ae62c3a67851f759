//! The thin shell: Leptos components that wire signals to the pure core. Nothing here
//! computes a number the user sees; it calls `model`, `engine`, `analysis` and `charts`.
//!
//! One room per screen area (`shell`, `controls`, `results`, `compare`, `plan`,
//! `presenter`, `tour`), shared `widgets`, and the `runtime` (workers, runner, storage,
//! files, links) that has no components; `state` is the one small `AppState`.

pub(crate) mod compare;
pub(crate) mod controls;
pub(crate) mod plan;
pub(crate) mod presenter;
pub(crate) mod results;
pub(crate) mod runtime;
pub(crate) mod shell;
pub(crate) mod state;
pub(crate) mod tour;
pub(crate) mod widgets;

pub use shell::app::App;
pub use state::AppState;

/// Mounts the app on the page's `<body>`, or, when this wasm runs in a replication worker,
/// answers the page's requests instead.
pub fn start() {
    match runtime::worker::scope() {
        Some(scope) => {
            if let Err(e) = runtime::worker::serve(&scope) {
                web_sys::console::error_1(&e);
            }
        }
        None => leptos::mount::mount_to_body(App),
    }
}
