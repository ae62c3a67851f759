//! The lead channels: volume of each always visible, everything else of a channel behind its
//! "more" toggle; channels can be added, renamed and removed.

use leptos::prelude::*;

use crate::model::params::Group;
use crate::model::scenario::MAX_CHANNELS;
use crate::model::{Burst, Channel, Param};
use crate::ui::controls::param_control::{path_id, ParamControl};
use crate::ui::state::Editing;

#[component]
fn ChannelRow(editing: Editing, index: usize, label: String) -> impl IntoView {
    let scenario = editing.scenario;
    let name = move || {
        scenario
            .with(|s| s.channels.get(index).map(|c| c.name.clone()))
            .unwrap_or_default()
    };
    let has_burst =
        move || scenario.with(|s| s.channels.get(index).is_some_and(|c| c.burst.is_some()));
    let name_path = format!("channels[{index}].name");
    let name_id = path_id(&name_path);
    let rename = move |ev| {
        let text = event_target_value(&ev);
        scenario.update(|s| {
            if let Some(c) = s.channels.get_mut(index) {
                c.name = text;
            }
        });
    };
    let remove = move |_| {
        scenario.update(|s| {
            if index < s.channels.len() {
                s.channels.remove(index);
            }
        });
    };
    let toggle_burst = move |ev| {
        let on = event_target_checked(&ev);
        scenario.update(|s| {
            if let Some(c) = s.channels.get_mut(index) {
                c.burst = on.then(|| Burst::switched_on(c.leads_per_week));
            }
        });
    };
    let name_error = move || editing.error_for(&name_path);
    view! {
        <div class="channel">
            <ParamControl editing param=Param::LeadsPerWeek channel=index label=label/>
            <details class="channel-more">
                <summary>{move || format!("More about {}", name())}</summary>
                <label for=name_id.clone()>"Channel name"</label>
                <div class="control-inputs">
                    <input type="text" id=name_id maxlength="60" prop:value=name on:change=rename/>
                    <button type="button" class="danger" on:click=remove
                        aria-label=move || format!("Remove channel {}", name())>"Remove"</button>
                </div>
                <p class="field-error" role="alert">{name_error}</p>
                {Param::in_group(Group::Channel)
                    .filter(|p| *p != Param::LeadsPerWeek)
                    .map(|p| view! { <ParamControl editing param=p channel=index/> })
                    .collect_view()}
                <label class="check">
                    <input type="checkbox" prop:checked=has_burst on:change=toggle_burst/>
                    " Campaign burst (a contest, an event)"
                </label>
                <Show when=has_burst>
                    {Param::in_group(Group::Burst)
                        .map(|p| view! { <ParamControl editing param=p channel=index/> })
                        .collect_view()}
                </Show>
            </details>
        </div>
    }
}

#[component]
pub fn ChannelEditor(editing: Editing) -> impl IntoView {
    let scenario = editing.scenario;
    let count = Memo::new(move |_| scenario.with(|s| s.channels.len()));
    // Keyed by position and name, so a renamed channel's controls are relabelled.
    let rows = move || {
        scenario.with(|s| {
            s.channels
                .iter()
                .enumerate()
                .map(|(i, c)| (i, c.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    let add = move |_| {
        scenario.update(|s| {
            if s.channels.len() < MAX_CHANNELS {
                let name = format!("Channel {}", s.channels.len() + 1);
                s.channels.push(Channel::new(&name, 100.0, 40.0, 20.0));
            }
        });
    };
    view! {
        <div class="channels">
            <For each=rows key=|row| row.clone() let:row>
                <ChannelRow editing index=row.0 label=row.1/>
            </For>
            <button type="button" on:click=add disabled=move || { count.get() >= MAX_CHANNELS }>
                "+ Add a channel"
            </button>
            <p class="field-error" role="alert">{move || editing.error_for("channels")}</p>
        </div>
    }
}
