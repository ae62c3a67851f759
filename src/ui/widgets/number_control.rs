//! One numeric knob: a slider for dragging and an exact number input, with its unit, range,
//! a plain-words explanation (with the source of its default) and its validation message.
//! The slider moves through the parameter's stops by position (`model::slider`), so it can
//! sit exactly on the default and every preset's value; the number box takes any valid value.
//! The "?" opens the explanation below the label, in the flow of the panel (it covers no
//! other control), and Escape closes it.

use leptos::prelude::*;

use crate::ui::shell::methodology_page::SOURCES_HREF;

use crate::model::slider::SliderScale;

/// Parses what the user typed; anything that is not a number becomes NaN, which validation
/// then reports at the field.
fn parse_input(text: &str) -> f64 {
    text.trim()
        .replace(',', "")
        .parse::<f64>()
        .unwrap_or(f64::NAN)
}

/// How the number input shows a value: no trailing `.0`, empty for NaN.
fn show(v: f64) -> String {
    if v.is_finite() {
        format!("{}", (v * 1e6).round() / 1e6)
    } else {
        String::new()
    }
}

#[component]
#[allow(
    clippy::needless_pass_by_value,
    reason = "a Leptos component owns its props"
)]
pub fn NumberControl(
    /// Unique id, also the field path used by validation.
    #[prop(into)]
    id: String,
    #[prop(into)] label: String,
    unit: &'static str,
    /// The valid range, for the hint.
    min: f64,
    max: f64,
    /// The values the slider stops at.
    scale: SliderScale,
    /// Meaning in plain words.
    #[prop(into)]
    help: String,
    /// Where the default comes from (a published figure or a modelling assumption).
    #[prop(optional_no_strip)]
    source: Option<String>,
    #[prop(into)] value: Signal<f64>,
    on_set: Callback<f64>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let number_id = format!("{id}-number");
    let error_id = format!("{id}-error");
    let help_id = format!("{id}-help");
    let described = format!("{help_id} {error_id}");
    let range_hint = format!("{} to {} {unit}", show(min), show(max))
        .trim_end()
        .to_string();
    let title = match &source {
        Some(src) => format!("{help} Default: {src}"),
        None => help.clone(),
    };
    let popover_id = format!("{id}-about");
    let open = RwSignal::new(false);
    let last = scale.last();
    let scale = std::sync::Arc::new(scale);
    let at = scale.clone();
    let position = move || at.position_of(value.get()).to_string();
    // The value the slider's position stands for (the number box's, when it is a stop).
    let on_stop = scale.clone();
    let stop = move || show(on_stop.value_at(on_stop.position_of(value.get())));
    let unit_text = if unit.is_empty() {
        String::new()
    } else {
        format!(" {unit}")
    };
    let value_text = move || format!("{}{unit_text}", show(value.get()));
    let slide = move |ev| {
        let v = event_target_value(&ev)
            .parse::<usize>()
            .map_or(f64::NAN, |i| scale.value_at(i));
        on_set.run(v);
    };
    let escape = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            // Handled: presenter mode's drawer stays open.
            ev.prevent_default();
            open.set(false);
        }
    };
    view! {
        <div class="control" class:invalid=move || error.get().is_some() on:keydown=escape>
            <div class="control-head">
                <label for=number_id.clone() title=title>
                    {label.clone()} " "
                    {(!unit.is_empty()).then(|| view! { <span class="unit">"(" {unit} ")"</span> })}
                </label>
                <button type="button" class="info" aria-label=format!("About {label}")
                    aria-expanded=move || open.get().to_string() aria-controls=popover_id.clone()
                    on:click=move |_| open.update(|o| *o = !*o)>"?"</button>
            </div>
            <div class="popover" id=popover_id hidden=move || !open.get()>
                <p>{help.clone()}</p>
                {source.clone().map(|src| view! { <p class="source">"Default: " {src}</p> })}
                <p class="source"><a href=SOURCES_HREF>"How the model works and its sources"</a></p>
            </div>
            <div class="control-inputs">
                <input
                    type="range"
                    id=id.clone()
                    aria-label=format!("{label} slider")
                    aria-describedby=described.clone()
                    aria-valuetext=value_text
                    data-stop=stop
                    min=0 max=last step=1
                    prop:value=position
                    on:input=slide
                />
                <input
                    type="number"
                    id=number_id
                    aria-describedby=described
                    aria-invalid=move || error.get().is_some().to_string()
                    step="any"
                    prop:value=move || show(value.get())
                    on:change=move |ev| on_set.run(parse_input(&event_target_value(&ev)))
                />
            </div>
            <small class="help" id=help_id>{help} " Range: " {range_hint}"."</small>
            <p class="field-error" id=error_id role="alert">{move || error.get()}</p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_people_type() {
        assert_eq!(parse_input(" 1,200 "), 1200.0);
        assert!(parse_input("abc").is_nan());
        assert!(parse_input("").is_nan());
        assert_eq!(show(85.0), "85");
        assert_eq!(show(0.125), "0.125");
        assert_eq!(show(f64::NAN), "");
    }
}
