//! The guided tour ("predict, then reveal"): each step loads its starting scenario, asks the
//! learner to predict, runs the change on the real screen, then explains what happened with
//! the two runs' figures and points at the chart that shows it.

use leptos::prelude::*;

use crate::analysis::tour::Step;
use crate::ui::runtime::browser;
use crate::ui::state::AppState;
use crate::ui::tour::tour_state::{Phase, Tour, TourProgress};

/// Puts `scenario` on the screen; returns the run count to wait past (none if unchanged).
fn show(state: AppState, scenario: crate::model::Scenario) -> u64 {
    let done = state.progress.with_untracked(|p| p.runs_finished);
    if state.scenario.with_untracked(|s| *s == scenario) {
        return done.saturating_sub(1);
    }
    state.scenario.set(scenario);
    done
}

/// Starts the current step: its starting scenario on the screen.
fn prepare(state: AppState, tour: Tour) {
    let step = tour.progress.with_untracked(TourProgress::step);
    browser::highlight(None);
    tour.before.set(None);
    tour.after.set(None);
    let after_run = show(state, step.before());
    tour.phase.set(Phase::Preparing { after_run });
}

/// Opens the tour where it was left, keeping the learner's own scenario to put back.
pub fn open(state: AppState, tour: Tour) {
    let own = state.scenario.get_untracked();
    tour.progress.update(|p| {
        p.open = true;
        if p.own.is_none() {
            p.own = Some(own);
        }
    });
    prepare(state, tour);
}

/// Leaves the tour (progress is kept) and puts the learner's own scenario back.
pub fn leave(state: AppState, tour: Tour) {
    browser::highlight(None);
    let own = tour.progress.with_untracked(|p| p.own.clone());
    tour.progress.update(|p| {
        p.open = false;
        p.own = None;
    });
    if let Some(own) = own {
        state.scenario.set(own);
    }
}

/// Moves the phase on when the run it waits for has finished.
fn follow_runs(state: AppState, tour: Tour) {
    Effect::new(move |_| {
        let p = state.progress.get();
        if p.running() {
            return;
        }
        match tour.phase.get() {
            Phase::Preparing { after_run } if p.runs_finished > after_run => {
                tour.before.set(state.results.get_untracked());
                tour.phase.set(Phase::Predict);
            }
            Phase::Running { after_run } if p.runs_finished > after_run => {
                tour.after.set(state.results.get_untracked());
                tour.phase.set(Phase::Revealed);
                let step = tour.progress.with_untracked(TourProgress::step);
                browser::highlight(Some(step.chart()));
            }
            _ => {}
        }
    });
}

#[component]
pub fn TourPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let tour = expect_context::<Tour>();
    follow_runs(state, tour);
    // A tour left open before a reload resumes at its step.
    if tour.progress.with_untracked(|p| p.open) {
        prepare(state, tour);
    }
    let step = move || tour.progress.with(TourProgress::step);
    let index = move || tour.progress.with(|p| p.step);
    let last = move || index() + 1 == Step::ALL.len();
    let go = move |to: usize| {
        tour.progress.update(|p| {
            p.step = to.min(Step::ALL.len() - 1);
            p.chosen = None;
        });
        prepare(state, tour);
    };
    view! {
        <section class="tour" id="tour" aria-labelledby="tour-title"
            hidden=move || !tour.progress.with(|p| p.open)>
            <h2 id="tour-title">{move || format!("Guided tour, step {} of {}: {}",
                index() + 1, Step::ALL.len(), step().title())}</h2>
            <p class="tour-situation">{move || step().situation()}</p>
            <TourQuestion/>
            <div class="tour-nav">
                <button type="button" id="tour-back" disabled=move || index() == 0
                    on:click=move |_| go(index().saturating_sub(1))>"Previous step"</button>
                <button type="button" id="tour-next" disabled=last
                    on:click=move |_| go(index() + 1)>"Next step"</button>
                <button type="button" id="tour-leave" on:click=move |_| leave(state, tour)>
                    "Leave the tour"</button>
            </div>
        </section>
    }
}

/// The prediction, the run and the reveal of the current step.
#[component]
fn TourQuestion() -> impl IntoView {
    let state = expect_context::<AppState>();
    let tour = expect_context::<Tour>();
    let step = move || tour.progress.with(TourProgress::step);
    let chosen = move || tour.progress.with(|p| p.chosen);
    let phase = move || tour.phase.get();
    let run = move |_| {
        let after_run = show(state, step().after());
        tour.phase.set(Phase::Running { after_run });
    };
    let choice = move |(i, label): (usize, &'static str)| {
        view! {
            <label class="tour-choice">
                <input type="radio" name="tour-choice" value=i.to_string()
                    prop:checked=move || chosen() == Some(i)
                    disabled=move || phase() != Phase::Predict
                    on:change=move |_| tour.progress.update(|p| p.chosen = Some(i))/>
                {label}
            </label>
        }
    };
    view! {
        <fieldset class="tour-question">
            <legend>{move || step().question()}</legend>
            {move || step().choices().iter().copied().enumerate().map(choice).collect_view()}
        </fieldset>
        <p class="tour-status" role="status">{move || match phase() {
            Phase::Preparing { .. } => "Loading the starting scenario…",
            Phase::Predict => "Make your prediction, then run it.",
            Phase::Running { .. } => "Running the change…",
            Phase::Revealed => "",
        }}</p>
        <button type="button" id="tour-run" hidden=move || phase() == Phase::Revealed
            disabled=move || phase() != Phase::Predict || chosen().is_none()
            on:click=run>"Run it"</button>
        {move || (phase() == Phase::Revealed).then(|| view! { <TourReveal/> })}
    }
}

/// What happened, against the prediction, with a link to the chart that shows it.
#[component]
fn TourReveal() -> impl IntoView {
    let tour = expect_context::<Tour>();
    let reveal = move || {
        let step = tour.progress.with(TourProgress::step);
        let chosen = tour.progress.with(|p| p.chosen);
        let before = tour.before.get()?;
        let after = tour.after.get()?;
        let answer = step.answer(&before, &after);
        let said = step.choices().get(answer).copied().unwrap_or_default();
        let verdict = match chosen {
            Some(c) if c == answer => format!("You predicted it: {said}."),
            Some(c) => format!(
                "You predicted \u{201c}{}\u{201d}; the simulation says \u{201c}{said}\u{201d}.",
                step.choices().get(c).copied().unwrap_or_default()
            ),
            None => format!("The simulation says \u{201c}{said}\u{201d}."),
        };
        Some((verdict, step.explain(&before, &after), step.chart()))
    };
    view! {
        {move || reveal().map(|(verdict, explanation, chart)| view! {
            <div class="tour-reveal" id="tour-reveal">
                <p class="tour-verdict"><strong>{verdict}</strong></p>
                <p>{explanation}</p>
                <p><a href=format!("#{chart}")>"See it on the chart"</a></p>
            </div>
        })}
    }
}
