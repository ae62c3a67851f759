//! The few browser calls the shell needs beyond Leptos: downloading a file made in the page,
//! turning an SVG chart into a PNG, the clipboard, reading a dropped or chosen file, and the
//! link fragment. Nothing here leaves the page: downloads are made from in-memory blobs.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// A browser call failed; the message is for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct BrowserError(pub String);

fn err(what: &str) -> impl Fn(JsValue) -> BrowserError + '_ {
    move |e| {
        let detail = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| e.as_string())
            .unwrap_or_default();
        BrowserError(format!("{what} {detail}").trim().to_string())
    }
}

/// Runs a browser call whose failure changes nothing the user relies on (releasing a
/// download's address, moving focus, a highlight, the address bar): a failure is written to
/// the console for whoever debugs the page, and the page carries on.
pub fn best_effort<T>(what: &str, result: Result<T, JsValue>) {
    if let Err(e) = result {
        web_sys::console::warn_2(&JsValue::from_str(&format!("Handoff: {what} failed:")), &e);
    }
}

fn window() -> Result<web_sys::Window, BrowserError> {
    web_sys::window().ok_or_else(|| BrowserError("no browser window".into()))
}

fn document() -> Result<web_sys::Document, BrowserError> {
    window()?
        .document()
        .ok_or_else(|| BrowserError("no document".into()))
}

/// Clicks a temporary link that downloads `href` as `filename`.
fn click_download(href: &str, filename: &str) -> Result<(), BrowserError> {
    let doc = document()?;
    let a: web_sys::HtmlAnchorElement = doc
        .create_element("a")
        .map_err(err("could not start the download:"))?
        .unchecked_into();
    a.set_href(href);
    a.set_download(filename);
    a.set_hidden(true);
    let body = doc
        .body()
        .ok_or_else(|| BrowserError("no page body".into()))?;
    body.append_child(&a)
        .map_err(err("could not start the download:"))?;
    a.click();
    a.remove();
    Ok(())
}

/// Offers `text` as a file download named `filename`, of the given MIME type.
pub fn download_text(filename: &str, mime: &str, text: &str) -> Result<(), BrowserError> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(err("could not prepare the file:"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(err("could not prepare the file:"))?;
    let clicked = click_download(&url, filename);
    // The click has started the download; the URL can be released on the next turn.
    let release = Closure::once_into_js(move || {
        best_effort(
            "releasing a download's address",
            web_sys::Url::revoke_object_url(&url),
        );
    });
    if let Ok(w) = window() {
        best_effort(
            "scheduling the release of a download's address",
            w.set_timeout_with_callback_and_timeout_and_arguments_0(release.unchecked_ref(), 1_000),
        );
    }
    clicked
}

/// Marks the element with `id` as the one the tour points at (`data-tour-highlight`);
/// `None` clears the mark.
pub fn highlight(id: Option<&str>) {
    let Some(doc) = window().ok().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(Some(old)) = doc.query_selector("[data-tour-highlight]") {
        best_effort(
            "removing the tour's highlight",
            old.remove_attribute("data-tour-highlight"),
        );
    }
    if let Some(el) = id.and_then(|id| doc.get_element_by_id(id)) {
        best_effort(
            "highlighting the tour's element",
            el.set_attribute("data-tour-highlight", ""),
        );
    }
}

/// Draws an SVG document onto a canvas at twice its size and downloads it as a PNG.
pub async fn download_png(filename: &str, svg: &str) -> Result<(), BrowserError> {
    let size = |name: &str| -> u32 {
        svg.split_once(&format!("{name}=\""))
            .and_then(|(_, rest)| rest.split('"').next())
            .and_then(|v| v.trim_end_matches("px").parse().ok())
            .unwrap_or(800)
    };
    let (w, h) = (size("width"), size("height"));
    let img = web_sys::HtmlImageElement::new().map_err(err("could not draw the chart:"))?;
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        img.set_onload(Some(&resolve));
        img.set_onerror(Some(&reject));
    });
    let data = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(svg))
    );
    img.set_src(&data);
    JsFuture::from(loaded)
        .await
        .map_err(|_| BrowserError("the chart could not be turned into an image".into()))?;
    let canvas: web_sys::HtmlCanvasElement = document()?
        .create_element("canvas")
        .map_err(err("could not draw the chart:"))?
        .unchecked_into();
    canvas.set_width(w * 2);
    canvas.set_height(h * 2);
    let ctx: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(err("could not draw the chart:"))?
        .ok_or_else(|| BrowserError("this browser cannot draw images".into()))?
        .unchecked_into();
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, f64::from(w * 2), f64::from(h * 2));
    ctx.draw_image_with_html_image_element_and_dw_and_dh(
        &img,
        0.0,
        0.0,
        f64::from(w * 2),
        f64::from(h * 2),
    )
    .map_err(err("could not draw the chart:"))?;
    let url = canvas
        .to_data_url_with_type("image/png")
        .map_err(err("could not make the PNG:"))?;
    click_download(&url, filename)
}

/// Copies `text` to the clipboard.
pub async fn copy_text(text: &str) -> Result<(), BrowserError> {
    let clipboard = window()?.navigator().clipboard();
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| BrowserError("the browser did not allow copying".into()))
}

/// The text of a file the user chose or dropped.
pub async fn read_file(file: &web_sys::File) -> Result<String, BrowserError> {
    JsFuture::from(file.text())
        .await
        .map_err(err("the file could not be read:"))?
        .as_string()
        .ok_or_else(|| BrowserError("the file is not text".into()))
}

/// The page's address without its fragment.
pub fn page_address() -> Result<String, BrowserError> {
    let href = window()?
        .location()
        .href()
        .map_err(err("could not read the page address:"))?;
    Ok(href.split('#').next().unwrap_or_default().to_string())
}

/// The link fragment (after `#`), if any.
pub fn fragment() -> Option<String> {
    let hash = window().ok()?.location().hash().ok()?;
    let hash = hash.trim_start_matches('#');
    (!hash.is_empty()).then(|| hash.to_string())
}

/// Removes the fragment from the address bar without reloading or adding a history entry.
pub fn clear_fragment() {
    let Ok(w) = window() else { return };
    let (Ok(history), Ok(address)) = (w.history(), page_address()) else {
        return;
    };
    best_effort(
        "clearing the link from the address bar",
        history.replace_state_with_url(&JsValue::NULL, "", Some(&address)),
    );
}

/// Calls `f` whenever the fragment changes (a link pasted into the address bar of this tab).
pub fn on_fragment_change(f: impl Fn() + 'static) {
    let Ok(w) = window() else { return };
    let cb = Closure::<dyn Fn()>::new(f);
    best_effort(
        "listening for links pasted into the address bar",
        w.add_event_listener_with_callback("hashchange", cb.as_ref().unchecked_ref()),
    );
    // The listener lives as long as the page.
    cb.forget();
}

/// Moves keyboard focus to the element with `id` (which needs a `tabindex`); the browser
/// scrolls it into view.
pub fn focus(id: &str) {
    let found = window()
        .ok()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = found {
        best_effort("moving the focus", el.focus());
    }
}

/// Asks the browser to show the whole page full screen. The request is made at once (while
/// the key press or click that asked for it still counts as the user's gesture); the future
/// says whether the browser agreed. A refusal is only an error value, never an uncaught
/// promise rejection.
pub fn enter_fullscreen() -> impl std::future::Future<Output = Result<(), BrowserError>> {
    let asked = request_fullscreen();
    async move {
        JsFuture::from(asked?)
            .await
            .map(|_| ())
            .map_err(err("full screen was refused:"))
    }
}

fn request_fullscreen() -> Result<js_sys::Promise, BrowserError> {
    let doc = document()?;
    if !doc.fullscreen_enabled() {
        return Err(BrowserError("full screen is not available here".into()));
    }
    let root = doc
        .document_element()
        .ok_or_else(|| BrowserError("no page element".into()))?;
    call_promise(&root, "requestFullscreen")
}

/// Calls the method `name` of `target`, which returns a promise.
fn call_promise(target: &JsValue, name: &str) -> Result<js_sys::Promise, BrowserError> {
    let method: js_sys::Function = js_sys::Reflect::get(target, &JsValue::from_str(name))
        .ok()
        .and_then(|m| m.dyn_into().ok())
        .ok_or_else(|| BrowserError(format!("this browser has no {name}")))?;
    method
        .call0(target)
        .map_err(err("the browser refused:"))?
        .dyn_into()
        .map_err(|_| BrowserError(format!("{name} gave no promise")))
}

/// Whether the page is shown full screen.
pub fn is_fullscreen() -> bool {
    document().is_ok_and(|d| d.fullscreen_element().is_some())
}

/// Leaves full screen, if the page is full screen; a refusal is ignored.
pub fn leave_fullscreen() {
    if !is_fullscreen() {
        return;
    }
    if let Ok(promise) = document().and_then(|d| call_promise(&d, "exitFullscreen")) {
        wasm_bindgen_futures::spawn_local(async move {
            best_effort("leaving full screen", JsFuture::from(promise).await);
        });
    }
}

/// Sets or removes a class on the page's root element (`<html>`), for styles that change
/// the root font size.
pub fn set_root_class(class: &str, on: bool) {
    let root = document().ok().and_then(|d| d.document_element());
    if let Some(root) = root {
        best_effort(
            "changing the page's text size",
            root.class_list().toggle_with_force(class, on),
        );
    }
}

/// Whether the event comes from a place where the user types or picks (a form field or
/// editable text), where single-key shortcuts must not fire.
pub fn from_form_field(ev: &web_sys::Event) -> bool {
    let Some(el) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    matches!(
        el.tag_name().to_ascii_lowercase().as_str(),
        "input" | "select" | "textarea"
    ) || el.is_content_editable()
}
