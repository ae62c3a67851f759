//! "Follow one lead": individual leads of the current scenario's first replication, told as a
//! timeline from arrival to booking or leak. Traced on demand, on the page (one replication).

use std::sync::Arc;

use leptos::prelude::*;

use crate::analysis::journeys::{Journeys, Outcome, Story, OUTCOMES};
use crate::format;
use crate::ui::state::Validated;

#[component]
pub fn LeadJourneyPanel(#[prop(into)] validated: Validated) -> impl IntoView {
    let open = RwSignal::new(false);
    let outcome = RwSignal::new(Outcome::Won);
    let nth = RwSignal::new(0usize);
    // Traced only once asked for, and again when the scenario changes; an invalid input keeps
    // the last valid scenario's leads.
    let journeys = Memo::new(move |prev: Option<&Option<Arc<Journeys>>>| {
        if !open.get() {
            return None;
        }
        validated.with(|v| match v {
            Ok(v) => Some(Arc::new(Journeys::trace(v, 0))),
            Err(_) => prev.cloned().flatten(),
        })
    });
    let story =
        move || journeys.with(|j| j.as_ref().and_then(|j| j.story(outcome.get(), nth.get())));
    view! {
        <section class="journeys" id="journeys" aria-labelledby="journeys-title">
            <h2 id="journeys-title">"Follow one lead"</h2>
            <p class="journeys-intro">"Real leads from replication 1 of this run, as the engine \
                lived them: each one's end is counted in that replication's leak accounting."</p>
            <button type="button" id="journeys-open" hidden=move || open.get()
                on:click=move |_| open.set(true)>"Follow leads from this run"</button>
            <div hidden=move || !open.get()>
                <OutcomePicker journeys outcome nth/>
                {move || story().map(|s| view! { <StoryView story=s/> })}
            </div>
        </section>
    }
}

/// One button per outcome some lead reached, with its count; "another lead" of the same.
#[component]
fn OutcomePicker(
    journeys: Memo<Option<Arc<Journeys>>>,
    outcome: RwSignal<Outcome>,
    nth: RwSignal<usize>,
) -> impl IntoView {
    let reached = move || {
        journeys.with(|j| {
            j.as_ref().map_or_else(Vec::new, |j| {
                OUTCOMES
                    .into_iter()
                    .map(|o| (o, j.count(o)))
                    .filter(|(_, n)| *n > 0)
                    .collect::<Vec<_>>()
            })
        })
    };
    let button = move |(o, n): (Outcome, u64)| {
        let unit = if o == Outcome::AbandonedUntouched {
            "MQLs"
        } else {
            "leads"
        };
        view! {
            <button type="button" class="journey-outcome" data-outcome=o.slug()
                aria-pressed=move || (outcome.get() == o).to_string()
                title=format!("{} {unit} of replication 1 ended here", format::count(n as f64))
                on:click=move |_| { outcome.set(o); nth.set(0); }>
                {format!("{} ({})", o.label(), format::count(n as f64))}
            </button>
        }
    };
    view! {
        <div class="journey-outcomes" role="group" aria-label="Where the lead ended">
            {move || reached().into_iter().map(button).collect_view()}
            <button type="button" id="journey-another" on:click=move |_| nth.update(|n| *n += 1)>
                "Another lead"
            </button>
        </div>
    }
}

/// A lead's story as a timeline.
#[component]
fn StoryView(story: Story) -> impl IntoView {
    let steps = story
        .lines
        .into_iter()
        .map(|l| {
            view! {
                <li class=format!("journey-step stage-{}", l.stage.slug())>
                    <span class="journey-when">{l.when}
                        <span class="journey-since">{format!(" ({})", l.since_arrival)}</span>
                    </span>
                    <span class="journey-text">{l.text}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="journey" data-outcome=story.outcome.slug()>
            <h3 id="journey-title">{story.title}</h3>
            <ol class="journey-steps">{steps}</ol>
        </div>
    }
}
