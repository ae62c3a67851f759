//! Entry point of the web app (compiled to wasm32 by `scripts/build.sh`).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    handoff::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("handoff-app is the web app: build and serve it with `scripts/serve.sh`.");
    std::process::exit(2);
}
