//! Presenter mode: the results full screen in large type for a room, the controls in a
//! slide-out drawer, and single-key shortcuts (presets, A/B). Its state is a small context
//! of its own, never saved with the scenario. This file holds that state, the keyboard and
//! full-screen wiring, and the header's buttons.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::model::Preset;
use crate::ui::compare::saved_panel::pin_current;
use crate::ui::runtime::browser;
use crate::ui::shell::preset_menu::apply_preset;
use crate::ui::state::AppState;

/// The id of the header's "Controls" button (focus comes back to it when the drawer closes).
pub const CONTROLS_BUTTON_ID: &str = "presenter-controls";
/// The id of the drawer's close button (focus moves to it when the drawer opens).
pub const DRAWER_CLOSE_ID: &str = "controls-drawer-close";

/// Presenter mode's state.
#[derive(Clone, Copy)]
pub struct Presenter {
    /// Presenter mode is on.
    pub active: RwSignal<bool>,
    /// The controls drawer is open (only in presenter mode).
    pub drawer: RwSignal<bool>,
    /// The list of keyboard shortcuts is open.
    pub keys: RwSignal<bool>,
    /// A quiet note, e.g. that the browser did not allow full screen.
    pub note: RwSignal<Option<String>>,
}

impl Presenter {
    pub fn new() -> Self {
        Self {
            active: RwSignal::new(false),
            drawer: RwSignal::new(false),
            keys: RwSignal::new(false),
            note: RwSignal::new(None),
        }
    }

    /// Enters presenter mode and asks for full screen; without it, presenter mode still works.
    pub fn enter(self) {
        if self.active.get_untracked() {
            return;
        }
        self.active.set(true);
        self.note.set(None);
        self.fullscreen();
    }

    /// Asks for full screen (again); a refusal only leaves a quiet note.
    fn fullscreen(self) {
        let asked = browser::enter_fullscreen();
        let note = self.note;
        spawn_local(async move {
            if asked.await.is_err() {
                note.set(Some(
                    "Full screen was not allowed; F11 fills the screen.".into(),
                ));
            }
        });
    }

    /// Leaves presenter mode (and full screen).
    pub fn leave(self) {
        if !self.active.get_untracked() {
            return;
        }
        self.drawer.set(false);
        self.keys.set(false);
        self.note.set(None);
        self.active.set(false);
        browser::leave_fullscreen();
    }

    pub fn toggle(self) {
        if self.active.get_untracked() {
            self.leave();
        } else {
            self.enter();
        }
    }

    /// Opens the controls drawer and moves focus into it.
    pub fn open_drawer(self) {
        self.drawer.set(true);
        request_animation_frame(|| browser::focus(DRAWER_CLOSE_ID));
    }

    /// Closes the controls drawer and gives focus back to the button that opens it.
    pub fn close_drawer(self) {
        if !self.drawer.get_untracked() {
            return;
        }
        self.drawer.set(false);
        request_animation_frame(|| browser::focus(CONTROLS_BUTTON_ID));
    }

    pub fn toggle_drawer(self) {
        if self.drawer.get_untracked() {
            self.close_drawer();
        } else {
            self.open_drawer();
        }
    }

    /// Escape: closes the list of keys, then the drawer, then leaves presenter mode.
    fn escape(self) {
        if self.keys.get_untracked() {
            self.keys.set(false);
        } else if self.drawer.get_untracked() {
            self.close_drawer();
        } else {
            self.leave();
        }
    }

    /// The browser left full screen (in a real browser Escape does this without the page
    /// seeing the key): the drawer closes first, as Escape would; otherwise presenter mode
    /// ends with full screen.
    fn fullscreen_changed(self) {
        if browser::is_fullscreen() || !self.active.get_untracked() {
            return;
        }
        if self.drawer.get_untracked() {
            self.close_drawer();
            self.note
                .set(Some("Full screen ended; press F to return to it.".into()));
        } else {
            self.leave();
        }
    }
}

impl Default for Presenter {
    fn default() -> Self {
        Self::new()
    }
}

/// The preset a digit key stands for (1 is the first).
fn preset_for(key: &str) -> Option<Preset> {
    let n: usize = key.parse().ok()?;
    Preset::ALL.get(n.checked_sub(1)?).copied()
}

/// Pins the current scenario as A and compares, or ends the comparison shown.
fn toggle_compare(state: AppState) {
    if state.compare.with_untracked(Option::is_some) {
        state.compare.set(None);
    } else {
        pin_current(state);
    }
}

/// What one key press does; whether it was a shortcut.
fn on_key(state: AppState, p: Presenter, ev: &leptos::ev::KeyboardEvent) -> bool {
    if ev.default_prevented() || ev.repeat() || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
        return false;
    }
    let key = ev.key();
    let active = p.active.get_untracked();
    if key == "Escape" {
        if active {
            p.escape();
        }
        return active;
    }
    if browser::from_form_field(ev) {
        return false;
    }
    match key.as_str() {
        "p" | "P" => p.toggle(),
        _ if !active => return false,
        "c" | "C" => p.toggle_drawer(),
        "?" | "h" | "H" => p.keys.update(|k| *k = !*k),
        "a" | "A" => toggle_compare(state),
        "f" | "F" if !browser::is_fullscreen() => p.fullscreen(),
        k => match preset_for(k) {
            Some(preset) => apply_preset(state, preset),
            None => return false,
        },
    }
    true
}

/// Listens for the shortcuts and for full-screen changes, and styles the page's root while
/// presenting. Registered after the first render, so that a control's own Escape (closing
/// its explanation) is handled before the drawer's.
pub fn listen(state: AppState, p: Presenter) {
    Effect::new(move |_| browser::set_root_class("presenting", p.active.get()));
    Effect::new(move |_| {
        window_event_listener(leptos::ev::keydown, move |ev| {
            if on_key(state, p, &ev) {
                ev.prevent_default();
            }
        });
        window_event_listener_untyped("fullscreenchange", move |_| p.fullscreen_changed());
    });
}

/// The header's buttons: "Present" always; "Controls" and "Keys" while presenting, and any
/// quiet note.
#[component]
pub fn PresenterButtons() -> impl IntoView {
    let p = expect_context::<Presenter>();
    let active = p.active;
    view! {
        <div class="presenter-buttons">
            {move || p.note.get().map(|n| view! { <p class="presenter-note" role="status">{n}</p> })}
            <Show when=move || active.get()>
                <button type="button" id=CONTROLS_BUTTON_ID aria-controls="controls-drawer"
                    aria-expanded=move || p.drawer.get().to_string()
                    on:click=move |_| p.toggle_drawer()>"Controls (C)"</button>
                <button type="button" id="presenter-keys-toggle" aria-controls="presenter-keys"
                    aria-expanded=move || p.keys.get().to_string()
                    on:click=move |_| p.keys.update(|k| *k = !*k)>"Keys (?)"</button>
            </Show>
            <button type="button" id="presenter-toggle" aria-pressed=move || active.get().to_string()
                title="Presenter mode: full screen, large type, keyboard shortcuts (key P)"
                on:click=move |_| p.toggle()>"Present"</button>
        </div>
    }
}
