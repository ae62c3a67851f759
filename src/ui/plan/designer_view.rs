//! The SLA designer: both teams' promises chosen to maximise bookings (or bookings less
//! cost) while each is kept in at least the chosen share of periods; for each promise the
//! share of periods it is kept in and what breaks it first. "Adopt" writes the promises, and the
//! threshold and headcount they rely on, into the scenario (undoable).

use leptos::prelude::*;

use super::agreement_view::AgreementView;
use super::job::Study;
use super::panel::stale_note;
use super::state::{PlanState, View};
use crate::analysis::plan::design::{Design, Designer, Objective, Options};
use crate::format::{money, percent};

use crate::ui::state::AppState;

/// The form's options, or what is wrong with them.
fn parse_options(kept: &str, objective: &str, extra: &str) -> Result<Options, String> {
    let kept: f64 = kept
        .trim()
        .trim_end_matches('%')
        .parse()
        .map_err(|_| "The share of periods must be a percentage, e.g. 90.".to_string())?;
    if !(50.0..=99.0).contains(&kept) {
        return Err("The share of periods must be between 50% and 99%.".into());
    }
    let extra: u32 = extra
        .trim()
        .parse()
        .map_err(|_| "Extra heads must be a whole number from 0 to 4.".to_string())?;
    if extra > 4 {
        return Err("Extra heads must be a whole number from 0 to 4.".into());
    }
    let objective = if objective == "margin" {
        Objective::Margin
    } else {
        Objective::Bookings
    };
    Ok(Options {
        kept: kept / 100.0,
        objective,
        extra_heads: extra,
    })
}

#[component]
pub fn DesignerView() -> impl IntoView {
    let app = expect_context::<AppState>();
    let plan = expect_context::<PlanState>();
    let kept = RwSignal::new("90".to_string());
    let objective = RwSignal::new("bookings".to_string());
    let extra = RwSignal::new("0".to_string());
    let problem = RwSignal::new(None::<String>);
    let run = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match parse_options(
            &kept.get_untracked(),
            &objective.get_untracked(),
            &extra.get_untracked(),
        ) {
            Ok(o) => {
                problem.set(None);
                plan.start(app, View::Designer, move |v| {
                    Study::Design(Designer::new(&v, o))
                });
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    let radio = move |value: &'static str, label: &'static str| {
        view! {
            <label class="inline">
                <input type="radio" name="design-objective" value=value
                    prop:checked=move || objective.get() == value
                    on:change=move |_| objective.set(value.to_string())/>
                {label}
            </label>
        }
    };
    view! {
        <div class="plan-view" id="plan-designer" role="tabpanel" aria-labelledby="plan-tab-designer">
            <form class="design-form" on:submit=run>
                <label>"Each promise kept in at least (% of periods)"
                    <input id="design-kept" type="number" min="50" max="99" step="1" prop:value=kept
                        on:input=move |ev| kept.set(event_target_value(&ev))/>
                </label>
                <fieldset>
                    <legend>"Maximise"</legend>
                    {radio("bookings", "bookings")}
                    {radio("margin", "bookings minus cost")}
                </fieldset>
                <label>"Extra heads it may add (SDRs and AEs)"
                    <input id="design-extra" type="number" min="0" max="4" step="1" prop:value=extra
                        on:input=move |ev| extra.set(event_target_value(&ev))/>
                </label>
                <button type="submit" id="design-run">"Design the SLA"</button>
            </form>
            <p class="field-error" role="alert" id="design-error" hidden=move || problem.with(Option::is_none)>
                {move || problem.get()}
            </p>
            {move || plan.design.get().map(|c| view! {
                <DesignResult design=c.value.clone() running=c.running
                    stale=stale_note(app.scenario, &c)/>
            })}
        </div>
    }
}

#[component]
#[allow(
    clippy::needless_pass_by_value,
    reason = "a Leptos component owns its props"
)]
fn DesignResult(
    design: std::sync::Arc<Design>,
    running: bool,
    stale: Option<&'static str>,
) -> impl IntoView {
    let app = expect_context::<AppState>();
    let scenario = design.scenario.clone();
    let adopt = move |_| app.replace_scenario(scenario.clone(), "adopted the designed SLA");
    let rows = design
        .promises
        .iter()
        .map(|p| {
            let breaks = p.breaks_first.as_ref().map_or_else(
                || "measuring…".to_string(),
                |(what, share)| format!("if {what}: kept in {}", percent(*share)),
            );
            view! {
                <tr>
                    <th scope="row">{p.team.clone()}</th>
                    <td>{p.words.clone()}</td>
                    <td>{percent(p.kept)}</td>
                    <td>{breaks}</td>
                </tr>
            }
        })
        .collect_view();
    let print = move |_| super::agreement_view::print_agreement(app);
    view! {
        <div class="design-answer" id="design-answer" data-running=running.to_string()>
            <p class="plan-sentence" id="design-summary">{design.summary.clone()}</p>
            {stale.map(|s| view! { <p class="stale-note">{s}</p> })}
            <table class="plan-table" id="design-promises">
                <caption>{format!(
                    "The promises, each judged per four-week period over {} replications: all four kept together in {} of periods; median bookings {}",
                    design.replications, percent(design.all_kept), money(design.chosen.bookings.p50)
                )}</caption>
                <thead><tr>
                    <th scope="col">"Team"</th><th scope="col">"Promise"</th>
                    <th scope="col">"Kept in (share of periods)"</th><th scope="col">"What breaks it first"</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <div class="plan-actions">
                <button type="button" id="design-adopt" disabled=running || stale.is_some() on:click=adopt>
                    "Adopt these promises"
                </button>
                <button type="button" id="design-print" disabled=running on:click=print>
                    "Print the agreement"
                </button>
            </div>
            <AgreementView design=design.clone()/>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_designer_form_names_what_is_wrong() {
        let o = parse_options("85%", "margin", "2").expect("options");
        assert_eq!(
            (o.kept, o.objective, o.extra_heads),
            (0.85, Objective::Margin, 2)
        );
        assert!(parse_options("40", "bookings", "0")
            .unwrap_err()
            .contains("between 50% and 99%"));
        assert!(parse_options("90", "bookings", "9")
            .unwrap_err()
            .contains("0 to 4"));
        assert!(parse_options("x", "bookings", "0").is_err());
    }
}
