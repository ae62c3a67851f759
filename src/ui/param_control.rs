//! A control bound to one [`Param`] of the scenario (of one channel, for channel parameters):
//! label, unit, slider range, tooltip with the meaning and the default's source, validation
//! message, all from the parameter's metadata.

use leptos::prelude::*;

use super::number_control::NumberControl;
use super::state::AppState;
use crate::model::Param;

/// The slider's range: the valid range, narrowed where the valid range is far wider than
/// what anyone drags through (the number input still takes any valid value).
fn slider_range(p: Param) -> (f64, f64) {
    let spec = p.spec();
    let cap = match p {
        Param::LeadsPerWeek | Param::BurstExtraLeadsPerWeek => 3_000.0,
        Param::CostPerLead => 500.0,
        Param::SdrHeadcount | Param::AeHeadcount => 40.0,
        Param::MaxOpenOppsPerAe => 60.0,
        Param::TargetResponseMinutes => 2_880.0,
        Param::AttemptSpacingHours => 96.0,
        Param::AbandonAfterDays => 30.0,
        Param::ContactDecayHours | Param::SpeedDecayHours => 200.0,
        Param::NurtureWeeks => 104.0,
        Param::CycleMedianDays => 365.0,
        Param::DealMedian => 250_000.0,
        Param::MaxWaitDays => 120.0,
        Param::SdrMonthlyCost | Param::AeMonthlyCost => 50_000.0,
        Param::SlaMqlsPerMonth => 5_000.0,
        Param::SlaTouchWithinHours => 72.0,
        Param::Weeks => 104.0,
        Param::Replications => 1_000.0,
        _ => spec.max,
    };
    (spec.min, cap.min(spec.max))
}

fn slider_step(p: Param, min: f64, max: f64) -> f64 {
    if p.spec().integer {
        1.0
    } else {
        let span = max - min;
        if span >= 1_000.0 {
            10.0
        } else if span >= 100.0 {
            1.0
        } else if span >= 10.0 {
            0.5
        } else {
            0.01
        }
    }
}

/// Turns a field path into an element id: `channels[2].leads_per_week` to
/// `channels-2--leads_per_week`.
pub fn path_id(path: &str) -> String {
    path.replace(['.', '[', ']'], "-")
}

#[component]
pub fn ParamControl(
    param: Param,
    /// The channel, for channel parameters.
    #[prop(optional)]
    channel: usize,
    /// Overrides the label (e.g. to add the channel's name).
    #[prop(optional, into)]
    label: Option<String>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let spec = param.spec();
    let path = param.path(channel);
    let (min, max) = slider_range(param);
    let value = Signal::derive(move || {
        state
            .scenario
            .with(|s| param.get(s, channel).unwrap_or(f64::NAN))
    });
    let on_set = Callback::new(move |v: f64| state.scenario.update(|s| param.set(s, channel, v)));
    let error_path = path.clone();
    let error = Signal::derive(move || state.error_for(&error_path));
    view! {
        <NumberControl
            id=path_id(&path)
            label=label.unwrap_or_else(|| spec.label.to_string())
            unit=spec.unit
            min=min max=max step=slider_step(param, min, max)
            help=param.meaning()
            source=Some(spec.source.to_string())
            value=value on_set=on_set error=error
        />
    }
}
