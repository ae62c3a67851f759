//! The agreement on one page (seed 003's service agreement): both teams' commitments in plain
//! words with the simulated figures behind them, the closed loop, the review cadence and
//! signature lines. On screen it sits under the designer; printed, it is the whole page.

use std::sync::Arc;

use leptos::prelude::*;

use crate::analysis::plan::agreement::{agreement, Clause};
use crate::analysis::plan::design::Design;
use crate::format::percent;

use crate::ui::runtime::browser;
use crate::ui::state::AppState;

/// Prints only the agreement: the root class hides the rest of the page while the print
/// dialog is open.
pub fn print_agreement(app: AppState) {
    browser::set_root_class("printing-agreement", true);
    let printed = web_sys::window().map(|w| w.print());
    browser::set_root_class("printing-agreement", false);
    if !matches!(printed, Some(Ok(()))) {
        app.tell("The browser could not open its print dialog: use its menu to print.");
    }
}

fn clauses(title: &'static str, cs: Vec<Clause>) -> impl IntoView {
    view! {
        <h4>{title}</h4>
        <ol>
            {cs.into_iter().map(|c| view! {
                <li>{c.text}{c.evidence.map(|e| view! { <span class="evidence">{format!(" Simulated: {e}.")}</span> })}</li>
            }).collect_view()}
        </ol>
    }
}

#[component]
#[allow(
    clippy::needless_pass_by_value,
    reason = "a Leptos component owns its props"
)]
pub fn AgreementView(design: Arc<Design>) -> impl IntoView {
    let a = agreement(&design.scenario, None);
    let kept = design
        .promises
        .iter()
        .map(|p| format!("{} ({})", p.words, percent(p.kept)))
        .collect::<Vec<_>>()
        .join("; ");
    view! {
        <article class="agreement" id="agreement" aria-labelledby="agreement-title">
            <h3 id="agreement-title">{a.title}</h3>
            {clauses("Marketing commits to", a.marketing)}
            {clauses("Sales commits to", a.sales)}
            <p class="evidence">{format!(
                "Simulated with {} replications: each promise is kept in at least {} of four-week periods: {kept}.",
                design.replications, percent(design.options.kept)
            )}</p>
            <h4>"Closing the loop"</h4>
            <ul>{a.closed_loop.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            <h4>"Review"</h4>
            <p>{a.review}</p>
            <div class="signatures">
                {a.signatures.into_iter().map(|who| view! {
                    <div class="signature"><span class="line"></span><span>{who}</span><span>"Date"</span></div>
                }).collect_view()}
            </div>
        </article>
    }
}
