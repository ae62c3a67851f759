//! Presenter mode's keyboard shortcuts: a one-line legend along the bottom of the screen,
//! and the full list (with the presets' names) behind "?" or H.

use leptos::prelude::*;

use crate::model::{preset, Preset};
use crate::ui::presenter::mode::Presenter;

/// The shortcuts other than the presets: key, what it does.
const KEYS: [(&str, &str); 6] = [
    (
        "A",
        "pin the current scenario as A and compare; again: end the comparison",
    ),
    ("C", "open or close the controls"),
    ("F", "back to full screen"),
    ("? or H", "show or hide this list"),
    (
        "Esc",
        "close the list or the controls, then leave presenter mode",
    ),
    ("P", "leave presenter mode"),
];

/// Every shortcut, the presets first (by their names).
fn key_list() -> impl IntoView {
    let presets = Preset::ALL.iter().enumerate().map(|(i, k)| {
        let what = format!("preset \u{201c}{}\u{201d}", preset(*k).name);
        view! { <dt><kbd>{(i + 1).to_string()}</kbd></dt><dd>{what}</dd> }
    });
    let others = KEYS
        .iter()
        .map(|(k, what)| view! { <dt><kbd>{*k}</kbd></dt><dd>{*what}</dd> });
    view! { <dl>{presets.collect_view()}{others.collect_view()}</dl> }
}

#[component]
pub fn PresenterKeys() -> impl IntoView {
    let p = expect_context::<Presenter>();
    view! {
        <Show when=move || p.active.get()>
            <section class="presenter-keys" id="presenter-keys" aria-labelledby="presenter-keys-title"
                hidden=move || !p.keys.get()>
                <h2 id="presenter-keys-title">"Keyboard shortcuts"</h2>
                {key_list()}
                <p class="presenter-keys-hint">"Keys do nothing while you type in a field."</p>
            </section>
            <p class="presenter-legend" id="presenter-legend">
                <kbd>"1"</kbd>"-"<kbd>"5"</kbd>" presets · "
                <kbd>"A"</kbd>" compare A/B · "
                <kbd>"C"</kbd>" controls · "
                <kbd>"?"</kbd>" all keys · "
                <kbd>"Esc"</kbd>" leave"
            </p>
        </Show>
    }
}
