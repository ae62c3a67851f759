//! "Before you sign": the planning views (issue 13). Each view asks the pure core
//! (`analysis::plan`) for a study, runs it on its own worker pool ([`job`], [`state`]) and
//! draws the answer as it refines; a change it proposes is applied to the scenario with
//! `AppState::replace_scenario`, so one click undoes it.

mod agreement_view;
mod designer_view;
mod goal_view;
mod job;
mod panel;
mod sensitivity_view;
mod state;
mod sweep_view;
mod threshold_view;

pub use panel::PlanPanel;
