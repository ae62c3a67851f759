//! The main area: the verdict first, then key figures, the funnel, weekly charts, the two lenses, the SLA,
//! individual leads' journeys, the glossary and the methodology.
//! Every number comes from the engine.

use leptos::prelude::*;

use crate::model::access::field_label;
use crate::model::Scenario;
use crate::ui::compare::compare_panel::ComparePanel;
use crate::ui::plan::PlanPanel;
use crate::ui::presenter::presenter_headline::PresenterHeadline;
use crate::ui::results::funnel_panel::FunnelPanel;
use crate::ui::results::glossary_panel::GlossaryPanel;
use crate::ui::results::kpi_row::KpiRow;
use crate::ui::results::lead_journey::LeadJourneyPanel;
use crate::ui::results::lenses_panel::LensesPanel;
use crate::ui::results::print_summary::PrintSummary;
use crate::ui::results::sla_panel::SlaPanel;
use crate::ui::results::verdict_panel::VerdictPanel;
use crate::ui::results::weekly_charts::WeeklyCharts;
use crate::ui::shell::methodology_page::MethodologyPage;
use crate::ui::shell::scenario_actions::ScenarioActions;
use crate::ui::shell::skip_link::RESULTS_ID;
use crate::ui::state::{AppState, Progress, Validated};
use crate::ui::tour::tour_panel::TourPanel;

#[component]
fn StatusLine(
    #[prop(into)] progress: Signal<Progress>,
    #[prop(into)] validated: Validated,
    #[prop(into)] scenario: Signal<Scenario>,
) -> impl IntoView {
    let is_valid = move || validated.with(Result::is_ok);
    let text = move || {
        let p = progress.get();
        if !is_valid() {
            format!(
                "Paused: fix the invalid inputs to update ({} replications of the last valid scenario shown)",
                p.replications_done
            )
        } else if p.replications_done < p.replications {
            format!(
                "Refining: {} of {} replications",
                p.replications_done, p.replications
            )
        } else if p.levers_done < p.levers {
            format!(
                "{} replications done; measuring levers ({} of {})",
                p.replications, p.levers_done, p.levers
            )
        } else {
            format!("Up to date: {} replications", p.replications)
        }
    };
    view! {
        <div class="status-line">
            <p class="stale" role="status" id="invalid-inputs" hidden=is_valid>
                {move || invalid_summary(validated, scenario)}
            </p>
            <p class="progress" id="progress" class:running=move || progress.get().running()
                data-running=move || progress.get().running().to_string()
                data-runs=move || progress.get().runs_finished.to_string()
                data-done=move || progress.get().replications_done.to_string()
                data-total=move || progress.get().replications.to_string()
                data-workers=move || progress.get().workers.to_string()
                title=move || workers_note(progress.get().workers)>
                {text}
            </p>
        </div>
    }
}

/// The invalid inputs by the names of their controls, with what is wrong with each.
fn invalid_summary(validated: Validated, scenario: Signal<Scenario>) -> String {
    const SHOWN: usize = 3;
    let problems: Vec<String> = validated.with(|v| {
        v.as_ref().err().map_or_else(Vec::new, |errs| {
            scenario.with(|s| {
                errs.errors()
                    .iter()
                    .map(|e| format!("{}: {}", field_label(s, &e.path), e.message))
                    .collect()
            })
        })
    });
    if problems.is_empty() {
        return String::new();
    }
    let more = match problems.len().saturating_sub(SHOWN) {
        0 => String::new(),
        1 => "; and 1 more".to_string(),
        n => format!("; and {n} more"),
    };
    let listed: Vec<&str> = problems.iter().take(SHOWN).map(String::as_str).collect();
    let what = if problems.len() == 1 {
        "An input is"
    } else {
        "Some inputs are"
    };
    format!(
        "{what} invalid ({}{more}). Showing the results of the last valid scenario.",
        listed.join("; ")
    )
}

/// Where the replications run, in plain words.
fn workers_note(workers: usize) -> String {
    match workers {
        0 => "Replications run on this page, in short batches between redraws.".into(),
        1 => "Replications run in 1 background worker, beside the page.".into(),
        n => format!("Replications run in {n} background workers beside the page."),
    }
}

#[component]
pub fn ResultsPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <main class="results" id=RESULTS_ID tabindex="-1">
            <PresenterHeadline scenario=state.scenario results=state.results diagnosis=state.diagnosis/>
            <PrintSummary scenario=state.scenario/>
            <ScenarioActions/>
            <StatusLine progress=state.progress validated=state.validated scenario=state.scenario/>
            <TourPanel/>
            <ComparePanel/>
            <KpiRow results=state.results/>
            <VerdictPanel diagnosis=state.diagnosis progress=state.progress/>
            <div class="chart-grid">
                <FunnelPanel results=state.results/>
                <WeeklyCharts results=state.results validated=state.validated/>
            </div>
            <LensesPanel results=state.results diagnosis=state.diagnosis validated=state.validated/>
            <SlaPanel scenario=state.scenario results=state.results/>
            <PlanPanel/>
            <LeadJourneyPanel validated=state.validated/>
            <GlossaryPanel results=state.results/>
            <MethodologyPage/>
        </main>
    }
}
