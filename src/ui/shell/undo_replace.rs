//! After an open, a preset or an import replaced the scenario being edited: one click goes
//! back to the scenario the user had, so loading something never costs their work.

use leptos::prelude::*;

use crate::ui::state::AppState;

#[component]
pub fn UndoReplace() -> impl IntoView {
    let state = expect_context::<AppState>();
    let back = move |_| {
        if let Some((before, _)) = state.replaced.get_untracked() {
            state.replaced.set(None);
            crate::ui::runtime::links::own_again(state);
            state.scenario.set(before);
        }
    };
    view! {
        {move || state.replaced.get().map(|(before, what)| view! {
            <p class="undo" id="undo-replace" role="status">
                {format!("You {what}. ")}
                <button type="button" on:click=back>
                    {format!("Back to \u{201c}{}\u{201d}", before.name)}
                </button>
                <button type="button" class="link" aria-label="Dismiss"
                    on:click=move |_| state.replaced.set(None)>"\u{00d7}"</button>
            </p>
        })}
    }
}
