//! The left panel: every knob of the scenario, grouped by who owns it.

use leptos::prelude::*;

use super::channel_editor::ChannelEditor;
use super::param_control::ParamControl;
use super::preset_menu::PresetMenu;
use super::saved_panel::SavedPanel;
use super::sla_verdict::SlaVerdictLine;
use super::state::AppState;
use crate::model::access::Group;
use crate::model::{Param, QueuePriority};

fn controls(group: Group) -> impl IntoView {
    Param::in_group(group)
        .map(|p| view! { <ParamControl param=p/> })
        .collect_view()
}

#[component]
fn HotThreshold() -> impl IntoView {
    let state = expect_context::<AppState>();
    let on = move || {
        state
            .scenario
            .with(|s| s.thresholds.hot_threshold.is_some())
    };
    let toggle = move |ev| {
        let checked = event_target_checked(&ev);
        state.scenario.update(|s| {
            s.thresholds.hot_threshold =
                checked.then(|| (s.thresholds.mql_threshold + 20.0).min(100.0));
        });
    };
    view! {
        <label class="check">
            <input type="checkbox" prop:checked=on on:change=toggle/>
            " Hot leads get priority"
        </label>
        <Show when=on>
            <ParamControl param=Param::HotThreshold/>
        </Show>
    }
}

#[component]
fn QueueOrder() -> impl IntoView {
    let state = expect_context::<AppState>();
    let options = [
        (
            QueuePriority::Fifo,
            "fifo",
            "First touches first (oldest first)",
        ),
        (
            QueuePriority::OldestDue,
            "oldest_due",
            "Oldest due work first",
        ),
        (
            QueuePriority::HighestScore,
            "highest_score",
            "Highest score first",
        ),
        (QueuePriority::Newest, "newest", "Newest first"),
    ];
    let current = move || {
        let q = state.scenario.with(|s| s.sdr.queue_priority);
        options
            .iter()
            .find(|o| o.0 == q)
            .map_or("fifo", |o| o.1)
            .to_string()
    };
    let set = move |ev| {
        let v = event_target_value(&ev);
        if let Some(o) = options.iter().find(|o| o.1 == v) {
            let q = o.0;
            state.scenario.update(|s| s.sdr.queue_priority = q);
        }
    };
    view! {
        <div class="control">
            <label for="sdr-queue_priority">"Queue priority"</label>
            <select id="sdr-queue_priority" prop:value=current on:change=set>
                {options.iter().map(|o| view! { <option value=o.1>{o.2}</option> }).collect_view()}
            </select>
            <small class="hint">"Which waiting MQL an SDR calls next. Hot leads always come first."</small>
        </div>
    }
}

#[component]
fn Seed() -> impl IntoView {
    let state = expect_context::<AppState>();
    // A rejected entry puts the seed in use back in the field, with a message beside it.
    let rejected = RwSignal::new(None::<String>);
    let value = move || {
        rejected.track();
        state.scenario.with(|s| s.run.seed.to_string())
    };
    let set = move |ev| {
        let text = event_target_value(&ev);
        match text.trim().parse::<u64>() {
            Ok(seed) => {
                state.scenario.update(|s| s.run.seed = seed);
                rejected.set(None);
            }
            Err(_) => {
                let kept = state.scenario.with_untracked(|s| s.run.seed);
                rejected.set(Some(format!(
                    "\"{}\" is not a valid seed: use a whole number from 0 to 18446744073709551615. The seed is still {kept}.",
                    text.trim()
                )));
            }
        }
    };
    view! {
        <div class="control" class:rejected=move || rejected.with(Option::is_some)>
            <label for="run-seed">"Random seed"</label>
            <input type="text" inputmode="numeric" id="run-seed" prop:value=value on:change=set
                aria-describedby="run-seed-error"/>
            <p class="field-error" id="run-seed-error" role="alert">{move || rejected.get()}</p>
            <small class="hint">"The same seed gives the same numbers on every machine."</small>
        </div>
    }
}

#[component]
pub fn ControlsPanel() -> impl IntoView {
    view! {
        <aside class="controls" aria-label="Scenario controls">
            <PresetMenu/>
            <SavedPanel/>
            <details open>
                <summary><h2>"Marketing"</h2></summary>
                <h3>"Lead volume by channel"</h3>
                <ChannelEditor/>
                <h3>"Quality threshold"</h3>
                <ParamControl param=Param::MqlThreshold/>
                <HotThreshold/>
                <h3>"Nurture"</h3>
                {controls(Group::Nurture)}
            </details>
            <details open>
                <summary><h2>"Sales development"</h2></summary>
                {controls(Group::SalesDevelopment)}
                <QueueOrder/>
                <details>
                    <summary><h3>"Contact and qualification curves"</h3></summary>
                    {controls(Group::Curves)}
                </details>
            </details>
            <details>
                <summary><h2>"Closing"</h2></summary>
                {controls(Group::Closing)}
            </details>
            <details>
                <summary><h2>"Costs"</h2></summary>
                {controls(Group::Costs)}
            </details>
            <details>
                <summary><h2>"SLA promises"</h2><SlaVerdictLine/></summary>
                {controls(Group::Sla)}
            </details>
            <details>
                <summary><h2>"Run"</h2></summary>
                {controls(Group::Run)}
                <Seed/>
            </details>
        </aside>
    }
}
