//! The left panel: every knob of the scenario, in the parameter table's sections (channels,
//! thresholds, nurture, sales development, closing, costs, SLA, run).

use leptos::prelude::*;

use crate::model::params::Group;
use crate::model::Scenario;
use crate::model::{Param, QueuePriority};
use crate::ui::compare::saved_panel::SavedPanel;
use crate::ui::controls::channel_editor::ChannelEditor;
use crate::ui::controls::param_control::ParamControl;
use crate::ui::results::sla_verdict::SlaVerdictLine;
use crate::ui::shell::preset_menu::PresetMenu;
use crate::ui::state::{AppState, Editing};

fn controls(editing: Editing, group: Group) -> impl IntoView {
    Param::in_group(group)
        .map(|p| view! { <ParamControl editing param=p/> })
        .collect_view()
}

#[component]
fn HotThreshold(editing: Editing) -> impl IntoView {
    let scenario = editing.scenario;
    let on = move || scenario.with(|s| s.thresholds.hot_threshold.is_some());
    let toggle = move |ev| {
        let checked = event_target_checked(&ev);
        scenario.update(|s| {
            s.thresholds.hot_threshold =
                checked.then(|| Param::HotThreshold.clamp(s.thresholds.mql_threshold + 20.0));
        });
    };
    view! {
        <label class="check">
            <input type="checkbox" prop:checked=on on:change=toggle/>
            " Hot leads get priority"
        </label>
        <Show when=on>
            <ParamControl editing param=Param::HotThreshold/>
        </Show>
    }
}

#[component]
fn QueueOrder(scenario: RwSignal<Scenario>) -> impl IntoView {
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
        let q = scenario.with(|s| s.sdr.queue_priority);
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
            scenario.update(|s| s.sdr.queue_priority = q);
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
fn Seed(scenario: RwSignal<Scenario>) -> impl IntoView {
    // A rejected entry puts the seed in use back in the field, with a message beside it.
    let rejected = RwSignal::new(None::<String>);
    let value = move || {
        rejected.track();
        scenario.with(|s| s.run.seed.to_string())
    };
    let set = move |ev| {
        let text = event_target_value(&ev);
        match text.trim().parse::<u64>() {
            Ok(seed) => {
                scenario.update(|s| s.run.seed = seed);
                rejected.set(None);
            }
            Err(_) => {
                let kept = scenario.with_untracked(|s| s.run.seed);
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
    let state = expect_context::<AppState>();
    let editing = state.editing();
    view! {
        <aside class="controls" aria-label="Scenario controls">
            <PresetMenu/>
            <SavedPanel/>
            <details open>
                <summary><h2>"Marketing"</h2></summary>
                <h3>"Lead volume by channel"</h3>
                <ChannelEditor editing/>
                <h3>"Quality threshold"</h3>
                <ParamControl editing param=Param::MqlThreshold/>
                <HotThreshold editing/>
                <h3>"Nurture"</h3>
                {controls(editing, Group::Nurture)}
            </details>
            <details open>
                <summary><h2>"Sales development"</h2></summary>
                {controls(editing, Group::SalesDevelopment)}
                <QueueOrder scenario=editing.scenario/>
                <details>
                    <summary><h3>"Contact and qualification curves"</h3></summary>
                    {controls(editing, Group::Curves)}
                </details>
            </details>
            <details>
                <summary><h2>"Closing"</h2></summary>
                {controls(editing, Group::Closing)}
            </details>
            <details>
                <summary><h2>"Costs"</h2></summary>
                {controls(editing, Group::Costs)}
            </details>
            <details>
                <summary><h2>"SLA promises"</h2><SlaVerdictLine scenario=state.scenario results=state.results/></summary>
                {controls(editing, Group::Sla)}
            </details>
            <details>
                <summary><h2>"Run"</h2></summary>
                {controls(editing, Group::Run)}
                <Seed scenario=editing.scenario/>
            </details>
        </aside>
    }
}
