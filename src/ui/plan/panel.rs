//! The planning section: tabs for the five views and the run in progress.

use leptos::prelude::*;

use super::designer_view::DesignerView;
use super::goal_view::GoalView;
use super::sensitivity_view::SensitivityView;
use super::state::{PlanState, View};
use super::sweep_view::SweepView;
use super::threshold_view::ThresholdView;

#[component]
pub fn PlanPanel() -> impl IntoView {
    let plan = PlanState::new();
    provide_context(plan);
    let tab = move |v: View| {
        let selected = move || plan.view.get() == v;
        view! {
            <button type="button" role="tab" id=format!("plan-tab-{}", v.key())
                aria-selected=move || selected().to_string()
                aria-controls=format!("plan-{}", v.key())
                tabindex=move || if selected() { "0" } else { "-1" }
                on:click=move |_| plan.view.set(v)>{v.label()}</button>
        }
    };
    let keys = move |ev: leptos::ev::KeyboardEvent| {
        let step: isize = match ev.key().as_str() {
            "ArrowRight" => 1,
            "ArrowLeft" => -1,
            _ => return,
        };
        ev.prevent_default();
        let now = View::ALL
            .iter()
            .position(|&v| v == plan.view.get_untracked())
            .unwrap_or(0);
        let n = View::ALL.len() as isize;
        let next = (now as isize + step).rem_euclid(n) as usize;
        if let Some(&v) = View::ALL.get(next) {
            plan.view.set(v);
            crate::ui::runtime::browser::focus(&format!("plan-tab-{}", v.key()));
        }
    };
    view! {
        <section class="plan" id="plan" aria-labelledby="plan-title"
            on:pointerenter=move |_| { plan.pool(); } on:focusin=move |_| { plan.pool(); }>
            <h2 id="plan-title">"Before you sign: what to promise, what it takes"</h2>
            <p class="plan-intro">"Each view runs variants of this scenario on the same random numbers, so every difference is the change itself, not luck. Apply a proposed change with one click; the banner above undoes it."</p>
            <div class="plan-tabs" role="tablist" aria-label="Planning views" on:keydown=keys>
                {View::ALL.map(tab)}
            </div>
            <RunStatus/>
            // Every view stays mounted (its form keeps what the user typed); one is shown.
            <div hidden=move || plan.view.get() != View::Sensitivity><SensitivityView/></div>
            <div hidden=move || plan.view.get() != View::Threshold><ThresholdView/></div>
            <div hidden=move || plan.view.get() != View::Sweep><SweepView/></div>
            <div hidden=move || plan.view.get() != View::Goal><GoalView/></div>
            <div hidden=move || plan.view.get() != View::Designer><DesignerView/></div>
        </section>
    }
}

/// What is running, how far it is, and where.
#[component]
fn RunStatus() -> impl IntoView {
    let plan = expect_context::<PlanState>();
    let text = move || {
        plan.running.get().map(|r| {
            let place = match r.workers {
                0 => "on this page".to_string(),
                1 => "in 1 background worker".to_string(),
                n => format!("in {n} background workers"),
            };
            format!(
                "{}: step {}, {:.0}% done, {place}.",
                r.view.label(),
                r.phase,
                100.0 * r.share
            )
        })
    };
    view! {
        <p class="plan-status" id="plan-status" role="status"
            data-running=move || plan.running.with(Option::is_some).to_string()
            data-published=move || plan.published.get().to_string()>
            {text}
        </p>
    }
}

/// Why an answer cannot be applied as it stands: another study interrupted it, or the
/// scenario has changed since it was computed.
pub fn stale_note<T>(
    scenario: RwSignal<crate::model::Scenario>,
    c: &super::state::Computed<T>,
) -> Option<&'static str> {
    if c.interrupted {
        return Some("This run was stopped when another view started: run it again to finish it.");
    }
    scenario.with(|s| s != c.scenario.as_ref()).then_some(
        "The scenario has changed since this was computed: run it again for the current one.",
    )
}
