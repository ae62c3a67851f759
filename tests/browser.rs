//! Browser unit tests (wasm-bindgen-test in headless Chromium): the app mounts, runs the
//! engine in batches, shows the engine's own numbers, and follows a control change.
#![cfg(target_arch = "wasm32")]

use handoff::engine::{run, Total};
use handoff::format;
use handoff::model::{preset, stored, Preset, Scenario, ValidScenario};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Document, Event, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    web_sys::window()
        .expect("window")
        .document()
        .expect("document")
}

fn local_storage() -> web_sys::Storage {
    web_sys::window()
        .expect("window")
        .local_storage()
        .expect("storage allowed")
        .expect("storage present")
}

/// Lets Leptos and the batch runner make progress.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("timer");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("timer fires");
}

/// Waits until the simulation of the current scenario has finished.
async fn until_done() {
    sleep(30).await;
    for _ in 0..600 {
        let running = document()
            .get_element_by_id("progress")
            .and_then(|e| e.get_attribute("data-running"));
        if running.as_deref() == Some("false") {
            return;
        }
        sleep(50).await;
    }
    panic!("the simulation did not finish within 30 s");
}

/// A small, quick scenario: the Baseline with few replications.
fn quick() -> Scenario {
    let mut s = preset(Preset::Baseline);
    s.run.replications = 20.0;
    s.run.weeks = 26.0;
    s
}

/// Mounts a fresh app that starts from `scenario` (through the browser's storage).
async fn mount_with(scenario: &Scenario) -> HtmlElement {
    local_storage().clear().expect("storage clears");
    local_storage()
        .set_item("handoff.current", &stored::write(scenario).expect("writes"))
        .expect("stores");
    remount().await
}

/// Mounts a fresh app in its own host element, keeping what is in storage.
async fn remount() -> HtmlElement {
    let doc = document();
    if let Some(old) = doc.get_element_by_id("test-host") {
        old.remove();
    }
    let host: HtmlElement = doc.create_element("div").expect("div").unchecked_into();
    host.set_id("test-host");
    doc.body()
        .expect("body")
        .append_child(&host)
        .expect("appends");
    let handle = leptos::mount::mount_to(host.clone(), handoff::ui::App);
    std::mem::forget(handle);
    until_done().await;
    host
}

fn text_of(id: &str) -> String {
    document()
        .get_element_by_id(id)
        .unwrap_or_else(|| panic!("#{id} is on the page"))
        .text_content()
        .unwrap_or_default()
}

fn input(id: &str) -> HtmlInputElement {
    document()
        .get_element_by_id(id)
        .unwrap_or_else(|| panic!("#{id} is on the page"))
        .unchecked_into()
}

fn set_number(id: &str, value: &str) {
    let el = input(id);
    el.set_value(value);
    el.dispatch_event(&Event::new("change").expect("event"))
        .expect("dispatches");
}

/// The bookings figure the engine itself gives for a scenario.
fn engine_bookings(s: &Scenario) -> String {
    let valid = ValidScenario::try_from(s).expect("valid scenario");
    format::money(run(&valid).kpi(Total::Bookings).p50)
}

#[wasm_bindgen_test]
async fn the_app_shows_the_engines_numbers() {
    let s = quick();
    let host = mount_with(&s).await;
    assert!(host.text_content().unwrap_or_default().contains("Handoff"));
    assert_eq!(text_of("kpi-bookings"), engine_bookings(&s));
    assert!(text_of("progress").contains("20 replications"));
    assert!(
        !text_of("verdict-headline").is_empty(),
        "the verdict is shown once the levers are measured"
    );
}

#[wasm_bindgen_test]
async fn a_control_change_updates_the_numbers() {
    let mut s = quick();
    mount_with(&s).await;
    let before = text_of("kpi-bookings");
    set_number("closing-deal_median-number", "50000");
    until_done().await;
    s.closing.deal_median = 50_000.0;
    let expected = engine_bookings(&s);
    assert_eq!(text_of("kpi-bookings"), expected);
    assert_ne!(expected, before, "doubling the deal size changes bookings");
}

#[wasm_bindgen_test]
async fn invalid_input_shows_its_message_and_keeps_the_last_results() {
    mount_with(&quick()).await;
    let before = text_of("kpi-bookings");
    set_number("sdr-headcount-number", "-3");
    sleep(50).await;
    assert!(
        text_of("sdr-headcount-error").contains("must be between 0 and"),
        "message at the field: {}",
        text_of("sdr-headcount-error")
    );
    assert_eq!(text_of("kpi-bookings"), before, "last valid result stays");
}

#[wasm_bindgen_test]
async fn the_scenario_is_saved_and_restored_on_the_next_visit() {
    mount_with(&quick()).await;
    set_number("sdr-max_attempts-number", "3");
    until_done().await;
    let shown = text_of("kpi-bookings");
    assert_eq!(text_of("save-status"), "Saved in this browser only");

    remount().await;
    assert_eq!(input("sdr-max_attempts-number").value(), "3");
    assert_eq!(text_of("kpi-bookings"), shown);
}

#[wasm_bindgen_test]
async fn unreadable_saved_data_is_kept_and_reported() {
    local_storage().clear().expect("clears");
    let corrupt = r#"{"version":2,"scenario":{"run":{"weeks":"many"}}}"#;
    local_storage()
        .set_item("handoff.current", corrupt)
        .expect("stores");
    remount().await;
    let said = text_of("storage-recovery");
    assert!(
        said.starts_with("Your saved scenario could not be opened: the data is damaged"),
        "{said}"
    );
    assert!(!said.contains("invalid type"), "plain words: {said}");
    assert!(said.contains("Download the copy"), "{said}");
    assert_eq!(
        local_storage()
            .get_item("handoff.current.unreadable")
            .expect("reads"),
        Some(corrupt.to_string()),
        "the unreadable data is backed up, not lost"
    );
}

#[wasm_bindgen_test]
async fn an_unreadable_saved_list_is_kept_and_the_current_scenario_still_opens() {
    local_storage().clear().expect("clears");
    let s = quick();
    local_storage()
        .set_item("handoff.current", &stored::write(&s).expect("writes"))
        .expect("stores");
    let corrupt = r#"{"version":1,"entries":[{"id":1,"name":"Q3 plan","item":{"#;
    local_storage()
        .set_item("handoff.library", corrupt)
        .expect("stores");
    remount().await;
    let said = text_of("storage-recovery-list");
    assert!(
        said.contains("saved scenarios could not be opened"),
        "{said}"
    );
    assert!(!said.contains("EOF"), "plain words: {said}");
    assert_eq!(
        local_storage()
            .get_item("handoff.library.unreadable")
            .expect("reads"),
        Some(corrupt.to_string()),
        "the unreadable list is backed up, not lost"
    );
    assert_eq!(text_of("kpi-bookings"), engine_bookings(&s));
}

/// Waits until the comparison has used all its replications.
async fn until_compared() {
    for _ in 0..600 {
        let running = document()
            .get_element_by_id("compare-note")
            .and_then(|e| e.get_attribute("data-running"));
        if running.as_deref() == Some("false") {
            return;
        }
        sleep(50).await;
    }
    panic!("the comparison did not finish within 30 s");
}

#[wasm_bindgen_test]
async fn the_comparison_shows_the_engines_paired_difference() {
    let a = quick();
    mount_with(&a).await;
    let pin: HtmlElement = document()
        .get_element_by_id("pin-button")
        .expect("pin button")
        .unchecked_into();
    pin.click();
    set_number("closing-deal_median-number", "50000");
    until_done().await;
    until_compared().await;
    let mut b = a.clone();
    b.closing.deal_median = 50_000.0;
    let (va, vb) = (
        ValidScenario::try_from(&a).expect("valid"),
        ValidScenario::try_from(&b).expect("valid"),
    );
    let n = va.replications();
    let (ra, rb) = (
        handoff::engine::replications(&va, n),
        handoff::engine::replications(&vb, n),
    );
    let c = handoff::analysis::compare::compare(&va, &ra, &vb, &rb);
    let row = c
        .rows
        .iter()
        .find(|r| r.metric == Total::Bookings)
        .expect("bookings row");
    let shown = document()
        .query_selector("#compare-table tr[data-metric=\"Bookings\"] td.delta .p50")
        .expect("selector")
        .expect("bookings delta cell")
        .text_content()
        .unwrap_or_default();
    let expected = format::signed(row.delta.p50, format::money);
    assert!(
        shown.starts_with(&expected),
        "shown {shown:?}, engine {expected:?}"
    );
    assert!(
        row.delta.p10 > 0.0,
        "a bigger deal raises bookings in every pair"
    );
}
