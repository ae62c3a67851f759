//! The volume knob of one lead channel.

use leptos::prelude::*;

use super::number_control::NumberControl;
use super::state::AppState;
use crate::model::waterfall::MAX_LEADS_PER_WEEK;

#[component]
pub fn ChannelControl(index: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let path = format!("channels[{index}].leads_per_week");
    let name = state
        .inputs
        .with_untracked(|i| i.channels.get(index).map(|c| c.name.clone()))
        .unwrap_or_default();
    let value = Signal::derive(move || {
        state
            .inputs
            .with(|i| i.channels.get(index).map_or(f64::NAN, |c| c.leads_per_week))
    });
    let on_set = Callback::new(move |v: f64| {
        state.inputs.update(|i| {
            if let Some(c) = i.channels.get_mut(index) {
                c.leads_per_week = v;
            }
        });
    });
    let error_path = path.clone();
    view! {
        <NumberControl
            id=format!("channel-{index}-leads")
            label=name
            unit="leads/week"
            min=0.0 max=2_000.0_f64.min(MAX_LEADS_PER_WEEK) step=10.0
            help="New inquiries this channel brings each week (form fills, downloads, badge scans)."
            value=value
            on_set=on_set
            error=Signal::derive(move || state.error_for(&error_path))
        />
    }
}
