//! Saved data that could not be opened at start-up: what and why in plain words, with a
//! button to download the copy kept in this browser and, when this version can read it, one
//! to restore it into the editor (its disallowed values are then marked at their fields).

use leptos::prelude::*;

use crate::ui::runtime::browser;
use crate::ui::runtime::persist::{self, Unreadable};
use crate::ui::runtime::storage;
use crate::ui::state::AppState;

fn download(state: AppState, u: &Unreadable) {
    let raw = match storage::load_raw(&u.backup) {
        Ok(Some(raw)) => raw,
        Ok(None) => return state.tell("The copy is no longer in this browser."),
        Err(e) => return state.tell(format!("The copy could not be read: {e}.")),
    };
    if let Err(e) = browser::download_text(u.filename, "application/json", &raw) {
        state.tell(format!("The copy could not be downloaded: {e}."));
    }
}

fn restore(state: AppState, u: &Unreadable) {
    let found = storage::load_raw(&u.backup)
        .ok()
        .flatten()
        .and_then(|raw| persist::read_scenario(&raw));
    match found {
        Some(scenario) => {
            state.replace_scenario(scenario, "your restored scenario");
            state
                .recovery
                .update(|r| r.retain(|x| x.backup != u.backup));
        }
        None => {
            state.tell("The copy could not be restored: this version of Handoff cannot read it.");
        }
    }
}

#[component]
pub fn RecoveryNotice() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state
            .recovery
            .get()
            .into_iter()
            .map(|u| {
                let (for_download, for_restore) = (u.clone(), u.clone());
                let dismiss = u.backup.clone();
                let id = if u.backup.starts_with(persist::LIBRARY_KEY) {
                    "storage-recovery-list"
                } else {
                    "storage-recovery"
                };
                view! {
                    <div class="notice recovery" role="alert" id=id>
                        <span>{u.message.clone()}</span>
                        <span class="notice-actions">
                            <button type="button" on:click=move |_| download(state, &for_download)>
                                "Download the copy"
                            </button>
                            {u.restorable.then(|| view! {
                                <button type="button" on:click=move |_| restore(state, &for_restore)>
                                    "Restore it"
                                </button>
                            })}
                            <button type="button" on:click=move |_| {
                                state.recovery.update(|r| r.retain(|x| x.backup != dismiss));
                            }>"Dismiss"</button>
                        </span>
                    </div>
                }
            })
            .collect_view()
    }
}
