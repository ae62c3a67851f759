//! Browser unit tests (wasm-bindgen-test in headless Chromium): the app mounts, and a control
//! change updates the numbers on screen to the engine's.
#![cfg(target_arch = "wasm32")]

use handoff::engine::expected_funnel;
use handoff::format;
use handoff::model::{ValidWaterfall, WaterfallInputs};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Document, Event, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    web_sys::window()
        .expect("browser API call succeeds")
        .document()
        .expect("browser API call succeeds")
}

/// Lets Leptos run its scheduled effects.
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("browser API call succeeds")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30)
            .expect("browser API call succeeds");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("browser API call succeeds");
}

fn local_storage() -> web_sys::Storage {
    web_sys::window()
        .expect("window")
        .local_storage()
        .expect("storage allowed")
        .expect("storage present")
}

/// Mounts a fresh app on a clean browser storage.
async fn mount_app() -> HtmlElement {
    local_storage().clear().expect("storage clears");
    remount_app().await
}

/// Mounts a fresh app in its own host element, keeping what is in storage.
async fn remount_app() -> HtmlElement {
    let doc = document();
    if let Some(old) = doc.get_element_by_id("test-host") {
        old.remove();
    }
    let host: HtmlElement = doc
        .create_element("div")
        .expect("browser API call succeeds")
        .unchecked_into();
    host.set_id("test-host");
    doc.body()
        .expect("browser API call succeeds")
        .append_child(&host)
        .expect("browser API call succeeds");
    let handle = leptos::mount::mount_to(host.clone(), handoff::ui::App);
    std::mem::forget(handle);
    tick().await;
    host
}

fn text_of(id: &str) -> String {
    document()
        .get_element_by_id(id)
        .unwrap_or_else(|| panic!("#{id} is on the page"))
        .text_content()
        .unwrap_or_default()
}

fn set_number(id: &str, value: &str) {
    let input: HtmlInputElement = document()
        .get_element_by_id(id)
        .unwrap_or_else(|| panic!("#{id} is on the page"))
        .unchecked_into();
    input.set_value(value);
    input
        .dispatch_event(&Event::new("change").expect("browser API call succeeds"))
        .expect("browser API call succeeds");
}

fn engine_bookings(inputs: &WaterfallInputs) -> String {
    let valid = ValidWaterfall::try_from(inputs).expect("browser API call succeeds");
    format::money(expected_funnel(&valid).bookings.dollars())
}

#[wasm_bindgen_test]
async fn app_mounts_and_a_rate_change_updates_bookings() {
    let host = mount_app().await;
    assert!(host.text_content().unwrap_or_default().contains("Handoff"));
    let mut inputs = WaterfallInputs::default();
    assert_eq!(text_of("kpi-bookings"), engine_bookings(&inputs));

    set_number("rates-sql_to_won-number", "15");
    tick().await;
    inputs.rates.sql_to_won = 15.0;
    let expected = engine_bookings(&inputs);
    assert_eq!(text_of("kpi-bookings"), expected);
    assert_ne!(expected, engine_bookings(&WaterfallInputs::default()));
    assert!(text_of("chart-waterfall").contains("Won deals (15%)"));
}

#[wasm_bindgen_test]
async fn invalid_input_shows_its_message_and_keeps_the_last_results() {
    mount_app().await;
    let before = text_of("kpi-bookings");
    set_number("rates-mql_to_sal-number", "140");
    tick().await;
    assert!(
        text_of("rates-mql_to_sal-error").contains("must be between 0 and 100%"),
        "message at the field: {}",
        text_of("rates-mql_to_sal-error")
    );
    assert_eq!(text_of("kpi-bookings"), before, "last valid result stays");
}

#[wasm_bindgen_test]
async fn inputs_are_saved_and_restored_on_the_next_visit() {
    mount_app().await;
    set_number("rates-sal_to_sql-number", "45");
    tick().await;
    let shown = text_of("kpi-bookings");
    assert_eq!(text_of("save-status"), "Saved in this browser only");

    remount_app().await;
    let input: HtmlInputElement = document()
        .get_element_by_id("rates-sal_to_sql-number")
        .expect("input present")
        .unchecked_into();
    assert_eq!(input.value(), "45");
    assert_eq!(text_of("kpi-bookings"), shown);
}

#[wasm_bindgen_test]
async fn unreadable_saved_data_is_kept_and_reported() {
    mount_app().await;
    let corrupt = r#"{"version":1,"inputs":{"weeks":"many"}}"#;
    local_storage()
        .set_item("handoff.current", corrupt)
        .expect("stores");
    remount_app().await;
    assert!(
        text_of("notice").contains("could not be opened"),
        "{}",
        text_of("notice")
    );
    assert_eq!(
        local_storage()
            .get_item("handoff.current.unreadable")
            .expect("reads"),
        Some(corrupt.to_string()),
        "the unreadable data is backed up, not lost"
    );
    assert_eq!(
        text_of("kpi-bookings"),
        engine_bookings(&WaterfallInputs::default())
    );
}
