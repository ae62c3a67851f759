//! The main area: the verdict first, then key figures, the funnel, weekly charts and the SLA.
//! Every number comes from the engine.

use leptos::prelude::*;

use super::compare_panel::ComparePanel;
use super::funnel_panel::FunnelPanel;
use super::kpi_row::KpiRow;
use super::print_summary::PrintSummary;
use super::scenario_actions::ScenarioActions;
use super::sla_panel::SlaPanel;
use super::state::AppState;
use super::verdict_panel::VerdictPanel;
use super::weekly_charts::WeeklyCharts;

#[component]
fn StatusLine() -> impl IntoView {
    let state = expect_context::<AppState>();
    let progress = state.progress;
    let text = move || {
        let p = progress.get();
        if p.replications_done < p.replications {
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
            <p class="stale" role="status" hidden=move || state.is_valid()>
                "Some inputs are invalid: showing the results of the last valid scenario."
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
        <main class="results">
            <PrintSummary/>
            <ScenarioActions/>
            <StatusLine/>
            <ComparePanel/>
            <KpiRow/>
            <VerdictPanel/>
            <div class="chart-grid">
                <FunnelPanel/>
                <WeeklyCharts/>
            </div>
            <SlaPanel/>
        </main>
    }
}
