//! The controls panel, which in presenter mode becomes a drawer that slides out over the
//! results (closed by default; out of the tab order and hidden from screen readers while
//! closed). Outside presenter mode it is the left column, unchanged.

use leptos::prelude::*;

use crate::ui::controls::controls_panel::ControlsPanel;
use crate::ui::presenter::mode::{Presenter, DRAWER_CLOSE_ID};

#[component]
pub fn ControlsDrawer() -> impl IntoView {
    let p = expect_context::<Presenter>();
    let closed = move || p.active.get() && !p.drawer.get();
    view! {
        <div class="drawer" id="controls-drawer" class:open=move || p.drawer.get() inert=closed>
            <Show when=move || p.active.get()>
                <div class="drawer-head">
                    <h2>"Controls"</h2>
                    <button type="button" id=DRAWER_CLOSE_ID on:click=move |_| p.close_drawer()>
                        "Close (C)"
                    </button>
                </div>
            </Show>
            <ControlsPanel/>
        </div>
    }
}
