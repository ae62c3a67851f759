//! The main area: the verdict first, then key figures, the funnel, weekly charts, the two lenses, the SLA,
//! individual leads' journeys, the glossary and the methodology.
//! Every number comes from the engine.

use leptos::prelude::*;

use super::compare_panel::ComparePanel;
use super::funnel_panel::FunnelPanel;
use super::glossary_panel::GlossaryPanel;
use super::kpi_row::KpiRow;
use super::lead_journey::LeadJourneyPanel;
use super::lenses_panel::LensesPanel;
use super::methodology_page::MethodologyPage;
use super::plan::PlanPanel;
use super::presenter_headline::PresenterHeadline;
use super::print_summary::PrintSummary;
use super::scenario_actions::ScenarioActions;
use super::skip_link::RESULTS_ID;
use super::sla_panel::SlaPanel;
use super::state::AppState;
use super::tour_panel::TourPanel;
use super::verdict_panel::VerdictPanel;
use super::weekly_charts::WeeklyCharts;
use crate::model::access::field_label;

#[component]
fn StatusLine() -> impl IntoView {
    let state = expect_context::<AppState>();
    let progress = state.progress;
    let text = move || {
        let p = progress.get();
        if !state.is_valid() {
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
            <p class="stale" role="status" id="invalid-inputs" hidden=move || state.is_valid()>
                {move || invalid_summary(state)}
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
fn invalid_summary(state: AppState) -> String {
    const SHOWN: usize = 3;
    let problems: Vec<String> = state.validated.with(|v| {
        v.as_ref().err().map_or_else(Vec::new, |errs| {
            state.scenario.with(|s| {
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
    view! {
        <main class="results" id=RESULTS_ID tabindex="-1">
            <PresenterHeadline/>
            <PrintSummary/>
            <ScenarioActions/>
            <StatusLine/>
            <TourPanel/>
            <ComparePanel/>
            <KpiRow/>
            <VerdictPanel/>
            <div class="chart-grid">
                <FunnelPanel/>
                <WeeklyCharts/>
            </div>
            <LensesPanel/>
            <SlaPanel/>
            <PlanPanel/>
            <LeadJourneyPanel/>
            <GlossaryPanel/>
            <MethodologyPage/>
        </main>
    }
}
