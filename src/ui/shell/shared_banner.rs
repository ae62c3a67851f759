//! Shown while the user looks at a scenario opened from a share link: it is not saved until
//! they keep it, and they can go back to their own scenario.

use leptos::prelude::*;

use crate::ui::runtime::links;
use crate::ui::state::AppState;

#[component]
pub fn SharedBanner() -> impl IntoView {
    let state = expect_context::<AppState>();
    let name = move || state.scenario.with(|s| s.name.clone());
    view! {
        <Show when=move || state.shared_view.get()>
            <div class="shared-banner" role="status" id="shared-banner">
                <span>
                    "You are looking at a shared scenario, \u{201c}" {name} "\u{201d}. "
                    "It is not saved in this browser unless you keep it; your own work is untouched."
                </span>
                <button type="button" id="keep-shared" on:click=move |_| links::keep_shared(state)>
                    "Save to my scenarios"
                </button>
                <button type="button" id="leave-shared" on:click=move |_| links::leave_shared(state)>
                    "Back to my scenario"
                </button>
            </div>
        </Show>
    }
}
