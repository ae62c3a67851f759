//! Goal seek under uncertainty: "what lead volume / headcount / threshold gives at least a q
//! chance of bookings of at least $X?", answered with the value, the chance it reaches, its
//! cost, or "no value in range reaches it".

use leptos::prelude::*;

use super::job::Study;
use super::panel::stale_note;
use super::state::{PlanState, View};
use crate::analysis::plan::goal::{Goal, GoalLever, Seek, DEFAULT_PROBABILITY};
use crate::engine::sim::Total;
use crate::format::{money, percent};

use crate::ui::state::AppState;

/// The form's values, or what is wrong with them.
fn parse_goal(lever: &str, bookings: &str, chance: &str) -> Result<Goal, String> {
    let lever = GoalLever::from_key(lever).ok_or("Choose a lever.")?;
    let bookings: f64 = bookings
        .trim()
        .trim_start_matches('$')
        .replace(',', "")
        .parse()
        .map_err(|_| "Bookings must be a number of dollars, e.g. 9000000.".to_string())?;
    if !(bookings.is_finite() && bookings > 0.0) {
        return Err("Bookings must be more than $0.".into());
    }
    let chance: f64 = chance
        .trim()
        .trim_end_matches('%')
        .parse()
        .map_err(|_| "The chance must be a percentage, e.g. 80.".to_string())?;
    if !(1.0..=99.0).contains(&chance) {
        return Err("The chance must be between 1% and 99%.".into());
    }
    Ok(Goal {
        bookings,
        probability: chance / 100.0,
        lever,
    })
}

#[component]
pub fn GoalView() -> impl IntoView {
    let app = expect_context::<AppState>();
    let plan = expect_context::<PlanState>();
    // A first goal a little above today's median, once there are results.
    let lever = RwSignal::new(GoalLever::Sdrs.key().to_string());
    let bookings = RwSignal::new(String::new());
    Effect::new(move |_| {
        let median = app
            .results
            .with(|r| r.as_ref().map(|r| r.kpi(Total::Bookings).p50));
        if let Some(m) = median.filter(|_| bookings.with_untracked(String::is_empty)) {
            bookings.set(format!("{:.0}", (m * 1.1 / 100_000.0).round() * 100_000.0));
        }
    });
    let chance = RwSignal::new(format!("{:.0}", DEFAULT_PROBABILITY * 100.0));
    let problem = RwSignal::new(None::<String>);
    let run = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match parse_goal(
            &lever.get_untracked(),
            &bookings.get_untracked(),
            &chance.get_untracked(),
        ) {
            Ok(goal) => {
                problem.set(None);
                plan.start(app, View::Goal, move |v| Study::Goal(Seek::new(&v, goal)));
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    view! {
        <div class="plan-view" id="plan-goal" role="tabpanel" aria-labelledby="plan-tab-goal">
            <form class="goal-form" on:submit=run>
                <label>"Which lever"
                    <select id="goal-lever" on:change=move |ev| lever.set(event_target_value(&ev))>
                        {GoalLever::ALL.map(|l| view! {
                            <option value=l.key() selected=move || lever.get() == l.key()>{l.label()}</option>
                        })}
                    </select>
                </label>
                <label>"Bookings over the run of at least ($)"
                    <input id="goal-bookings" type="text" inputmode="decimal" prop:value=bookings
                        on:input=move |ev| bookings.set(event_target_value(&ev))/>
                </label>
                <label>"With a chance of at least (%)"
                    <input id="goal-chance" type="number" min="1" max="99" step="1" prop:value=chance
                        on:input=move |ev| chance.set(event_target_value(&ev))/>
                </label>
                <button type="submit" id="goal-run">"Find it"</button>
            </form>
            <p class="field-error" role="alert" id="goal-error" hidden=move || problem.with(Option::is_none)>
                {move || problem.get()}
            </p>
            <GoalAnswerView/>
        </div>
    }
}

#[component]
fn GoalAnswerView() -> impl IntoView {
    let app = expect_context::<AppState>();
    let plan = expect_context::<PlanState>();
    move || {
        plan.goal.get().map(|c| {
            let a = c.value.clone();
            let stale = stale_note(app.scenario, &c);
            let applicable = a.answer.is_some() && !c.running && stale.is_none();
            let scenario = a.scenario.clone();
            let what = a.answer.as_ref().map(|p| a.goal.lever.show(p.value)).unwrap_or_default();
            let apply = move |_| {
                app.replace_scenario(scenario.clone(), format!("applied {what} from goal seek"));
            };
            let rows = a.probes.iter().map(|p| view! {
                <tr>
                    <th scope="row">{a.goal.lever.show(p.value)}</th>
                    <td>{percent(p.chance)}</td>
                    <td>{money(p.bookings.p10)}</td>
                    <td>{money(p.bookings.p50)}</td>
                    <td>{money(p.cost)}</td>
                </tr>
            }).collect_view();
            view! {
                <div class="goal-answer" id="goal-answer" data-running=c.running.to_string()>
                    <p class="plan-sentence" id="goal-sentence">{a.sentence.clone()}</p>
                    {stale.map(|s| view! { <p class="stale-note">{s}</p> })}
                    <button type="button" id="goal-apply" disabled=!applicable on:click=apply>
                        "Apply this value"
                    </button>
                    <table class="plan-table">
                        <caption>{format!("Values tried ({} replications each, the same random numbers)", a.today.replications.max(a.probes.first().map_or(0, |p| p.replications)))}</caption>
                        <thead><tr>
                            <th scope="col">"Value"</th><th scope="col">"Chance of the goal"</th>
                            <th scope="col">"Bookings P10"</th><th scope="col">"Bookings P50"</th>
                            <th scope="col">"Cost over the run"</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_goal_form_reads_dollars_and_percentages_and_names_what_is_wrong() {
        let g = parse_goal("aes", "$9,500,000", "80%").expect("a goal");
        assert_eq!(
            (g.bookings, g.probability, g.lever),
            (9_500_000.0, 0.8, GoalLever::Aes)
        );
        assert!(parse_goal("aes", "lots", "80")
            .unwrap_err()
            .contains("number of dollars"));
        assert!(parse_goal("aes", "-5", "80")
            .unwrap_err()
            .contains("more than $0"));
        assert!(parse_goal("aes", "100", "100")
            .unwrap_err()
            .contains("between 1% and 99%"));
        assert!(parse_goal("nope", "100", "80").is_err());
    }
}
