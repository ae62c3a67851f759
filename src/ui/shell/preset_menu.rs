//! Loads one of the five presets of MODEL.md and shows its story.

use leptos::prelude::*;

use crate::model::{preset, Preset};
use crate::ui::state::AppState;

/// Loads a preset as the scenario being edited; the scenario it replaces can be brought back
/// with one click (`UndoReplace`).
pub fn apply_preset(state: AppState, p: Preset) {
    crate::ui::runtime::links::own_again(state);
    let next = preset(p);
    let what = format!("loaded the preset \u{201c}{}\u{201d}", next.name);
    state.replace_scenario(next, what);
}

#[component]
pub fn PresetMenu() -> impl IntoView {
    let state = expect_context::<AppState>();
    let story = move || state.scenario.with(|s| s.story.clone());
    let name = move || state.scenario.with(|s| s.name.clone());
    let load = move |ev| {
        let v = event_target_value(&ev);
        if let Some(p) = Preset::from_name(&v) {
            apply_preset(state, p);
        }
    };
    view! {
        <section class="preset">
            <label for="preset-select">"Start from a preset"</label>
            <select id="preset-select" on:change=load>
                <option value="" selected>"Choose a preset..."</option>
                {Preset::ALL.iter().map(|p| {
                    let s = preset(*p);
                    view! { <option value=p.name()>{s.name}</option> }
                }).collect_view()}
            </select>
            <p class="scenario-name">"Scenario: " <strong>{name}</strong></p>
            <Show when=move || !story().is_empty()>
                <p class="story">{story}</p>
            </Show>
        </section>
    }
}
