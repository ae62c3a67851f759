//! A control bound to one [`Param`] of the scenario (of one channel, for channel parameters):
//! label, unit, slider stops (`model::slider`), tooltip with the meaning and the default's source, validation
//! message, all from the parameter's metadata.

use leptos::prelude::*;

use crate::model::slider::SliderScale;
use crate::model::Param;
use crate::ui::state::Editing;
use crate::ui::widgets::number_control::NumberControl;

/// Turns a field path into an element id: `channels[2].leads_per_week` to
/// `channels-2--leads_per_week`.
pub fn path_id(path: &str) -> String {
    path.replace(['.', '[', ']'], "-")
}

#[component]
pub fn ParamControl(
    /// The scenario the control edits.
    editing: Editing,
    param: Param,
    /// The channel, for channel parameters.
    #[prop(optional)]
    channel: usize,
    /// Overrides the label (e.g. to add the channel's name).
    #[prop(optional, into)]
    label: Option<String>,
) -> impl IntoView {
    let spec = param.spec();
    let path = param.path(channel);
    let value = Signal::derive(move || {
        editing
            .scenario
            .with(|s| param.get(s, channel).unwrap_or(f64::NAN))
    });
    let on_set = Callback::new(move |v: f64| editing.scenario.update(|s| param.set(s, channel, v)));
    let error_path = path.clone();
    let error = Signal::derive(move || editing.error_for(&error_path));
    view! {
        <NumberControl
            id=path_id(&path)
            label=label.unwrap_or_else(|| spec.label.to_string())
            unit=spec.unit
            min=spec.min max=spec.max scale=SliderScale::for_param(param)
            help=param.meaning()
            source=Some(spec.source.to_string())
            value=value on_set=on_set error=error
        />
    }
}
