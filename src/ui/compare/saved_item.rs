//! One saved scenario in the list, with its actions. Its name is text, never HTML.

use leptos::prelude::*;

use crate::model::library::{Library, LibraryError};
use crate::model::Scenario;
use crate::ui::state::{named, AppState, CompareChoice, Side};

#[component]
pub fn SavedItem(id: u64) -> impl IntoView {
    let state = expect_context::<AppState>();
    let name = move || {
        state
            .library
            .with(|l| l.get(id).map(|e| e.name.clone()).unwrap_or_default())
    };
    let position = move || {
        state
            .library
            .with(|l| l.entries().iter().position(|e| e.id == id).unwrap_or(0))
    };
    let count = move || state.library.with(crate::model::library::Library::len);
    let renaming = RwSignal::new(false);
    let draft = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<LibraryError>);

    let open = move |_| {
        if let Some(s) = state
            .library
            .with_untracked(|l| l.get(id).map(|e| named(&e.item, &e.name)))
        {
            crate::ui::runtime::links::own_again(state);
            let what = format!("opened \u{201c}{}\u{201d}", s.name);
            state.replace_scenario(s, what);
        }
    };
    let start_rename = move |_| {
        draft.set(name());
        problem.set(None);
        renaming.set(true);
    };
    // Every failure is told, with the entry's name.
    let attempt =
        move |what: &str, f: &dyn Fn(&mut Library<Scenario>) -> Result<(), LibraryError>| {
            let before = name();
            let result = state.library.try_update(|l| f(l));
            if let Err(e) = result.unwrap_or(Err(LibraryError::Unavailable)) {
                state.tell(format!("Could not {what} \u{201c}{before}\u{201d}: {e}."));
                return false;
            }
            true
        };
    let duplicate = move |_| {
        attempt("duplicate", &|l| l.duplicate(id).map(|_| ()));
    };
    let delete = move |_| {
        if !attempt("delete", &|l| l.delete(id)) {
            return;
        }
        state.compare.update(|c| {
            if c.is_some_and(|c| c.a == Side::Saved(id) || c.b == Side::Saved(id)) {
                *c = None;
            }
        });
    };
    let shift = move |by: isize| {
        let to = position().saturating_add_signed(by);
        attempt("move", &|l| l.move_to(id, to));
    };
    let compare = move |_| {
        state.compare.set(Some(CompareChoice {
            a: Side::Saved(id),
            b: Side::Current,
        }));
    };
    view! {
        <li class="saved-item" data-id=id.to_string()>
            <Show when=move || renaming.get()
                fallback=move || view! { <span class="saved-name">{name}</span> }>
                {rename_form(state, id, renaming, draft, problem)}
            </Show>
            <div class="saved-actions">
                <button type="button" class="open" on:click=open>"Open"</button>
                <button type="button" class="compare" on:click=compare
                    title="Compare this saved scenario (A) with the current one (B)">"Compare"</button>
                <button type="button" class="rename-button" on:click=start_rename>"Rename"</button>
                <button type="button" class="duplicate" on:click=duplicate>"Duplicate"</button>
                <button type="button" class="delete" on:click=delete>"Delete"</button>
                <button type="button" class="up" aria-label=move || format!("Move {} up", name())
                    disabled={move || position() == 0} on:click=move |_| shift(-1)>"\u{2191}"</button>
                <button type="button" class="down" aria-label=move || format!("Move {} down", name())
                    disabled={move || position() + 1 >= count()} on:click=move |_| shift(1)>"\u{2193}"</button>
            </div>
        </li>
    }
}

/// The rename form: the new name, OK and Cancel, and why a name is refused.
fn rename_form(
    state: AppState,
    id: u64,
    renaming: RwSignal<bool>,
    draft: RwSignal<String>,
    problem: RwSignal<Option<LibraryError>>,
) -> impl IntoView {
    let finish_rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // The saved copy carries its new name too.
        let result = state.library.try_update(|l| {
            l.rename(id, &draft.get_untracked())?;
            let renamed = l.get(id).map(|e| named(&e.item, &e.name));
            renamed.map_or(Err(LibraryError::NotFound(id)), |s| l.update(id, s))
        });
        match result.unwrap_or(Err(LibraryError::Unavailable)) {
            Err(e) => problem.set(Some(e)),
            Ok(()) => renaming.set(false),
        }
    };
    view! {
        <form class="rename" on:submit=finish_rename>
            <label class="visually-hidden" for=format!("rename-{id}")>"New name"</label>
            <input id=format!("rename-{id}") type="text" maxlength="80"
                prop:value=draft on:input=move |ev| draft.set(event_target_value(&ev))/>
            <button type="submit">"OK"</button>
            <button type="button" on:click=move |_| renaming.set(false)>"Cancel"</button>
            {move || problem.get().map(|p| view! { <span class="error" role="alert">{p.to_string()}</span> })}
        </form>
    }
}
