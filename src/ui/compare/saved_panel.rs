//! The user's saved scenarios: save the current one under a name, then open, rename,
//! duplicate, delete (with undo), reorder and compare them. Names are shown as text.

use leptos::prelude::*;

use crate::model::library::Library;
use crate::model::Scenario;
use crate::ui::compare::saved_item::SavedItem;
use crate::ui::shell::undo_replace::UndoReplace;
use crate::ui::state::{AppState, CompareChoice, Side};

/// Saves the current scenario as a new entry; returns the message for the user.
fn save_current(state: AppState, name: &str) -> String {
    let scenario = state.scenario.get_untracked();
    match state.save_as(name, &scenario) {
        Ok(name) => {
            // Keeping the shared scenario makes it the user's own.
            crate::ui::runtime::links::own_again(state);
            format!("Saved \"{name}\".")
        }
        Err(e) => format!("Not saved: {e}."),
    }
}

#[component]
fn UndoDelete(library: RwSignal<Library<Scenario>>) -> impl IntoView {
    let undoable = move || library.with(|l| l.undoable().map(str::to_string));
    let undo = move |_| {
        library.update(|l| {
            l.undo_delete();
        });
    };
    view! {
        {move || undoable().map(|name| view! {
            <p class="undo" id="undo-delete" role="status">
                "Deleted \u{201c}" {name} "\u{201d}. "
                <button type="button" on:click=undo>"Undo"</button>
            </p>
        })}
    }
}

/// Keeps a copy of the current scenario as A and compares it with the current one as B.
pub fn pin_current(state: AppState) {
    state.pinned.set(Some(state.scenario.get_untracked()));
    state.compare.set(Some(CompareChoice {
        a: Side::Pinned,
        b: Side::Current,
    }));
}

#[component]
pub fn SavedPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let name = RwSignal::new(String::new());
    let message = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = name.get_untracked();
        let typed = if typed.trim().is_empty() {
            state.scenario.with_untracked(|s| s.name.clone())
        } else {
            typed
        };
        message.set(save_current(state, &typed));
        name.set(String::new());
    };
    let pin = move |_| pin_current(state);
    let ids = move || {
        state
            .library
            .with(|l| l.entries().iter().map(|e| e.id).collect::<Vec<_>>())
    };
    view! {
        <section class="saved" aria-labelledby="saved-title">
            <h2 id="saved-title">"My scenarios"</h2>
            <form class="save-form" on:submit=submit>
                <label for="save-name">"Save the current scenario as"</label>
                <div class="row">
                    <input id="save-name" type="text" maxlength="80"
                        placeholder=move || state.scenario.with(|s| s.name.clone())
                        prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
                    <button type="submit" id="save-button">"Save"</button>
                </div>
                <p class="hint" role="status" id="save-message">{message}</p>
            </form>
            <Show when=move || !ids().is_empty()
                fallback=|| view! { <p class="hint">"Nothing saved yet. Saved scenarios stay in this browser."</p> }>
                <ol class="saved-list" id="saved-list">
                    <For each=ids key=|id| *id let:id>
                        <SavedItem id=id/>
                    </For>
                </ol>
            </Show>
            <UndoDelete library=state.library/>
            <UndoReplace/>
            <button type="button" id="pin-button" class="secondary" on:click=pin
                title="Keep a copy of the current scenario as A, then change things and see B against it">
                "Pin current as A and compare"
            </button>
        </section>
    }
}
