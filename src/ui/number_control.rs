//! One numeric knob: a slider for dragging and an exact number input, with its unit, range,
//! a plain-words explanation (with the source of its default) and its validation message.

use leptos::prelude::*;

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
pub fn NumberControl(
    /// Unique id, also the field path used by validation.
    #[prop(into)]
    id: String,
    #[prop(into)] label: String,
    unit: &'static str,
    min: f64,
    max: f64,
    step: f64,
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
    view! {
        <div class="control" class:invalid=move || error.get().is_some()>
            <div class="control-head">
                <label for=number_id.clone() title=title>
                    {label.clone()} " "
                    {(!unit.is_empty()).then(|| view! { <span class="unit">"(" {unit} ")"</span> })}
                </label>
                <details class="info">
                    <summary aria-label=format!("About {label}")>"?"</summary>
                    <div class="popover">
                        <p>{help.clone()}</p>
                        {source.clone().map(|src| view! { <p class="source">"Default: " {src}</p> })}
                    </div>
                </details>
            </div>
            <div class="control-inputs">
                <input
                    type="range"
                    id=id.clone()
                    aria-label=format!("{label} slider")
                    aria-describedby=described.clone()
                    min=min max=max step=step
                    prop:value=move || show(value.get())
                    on:input=move |ev| on_set.run(parse_input(&event_target_value(&ev)))
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
