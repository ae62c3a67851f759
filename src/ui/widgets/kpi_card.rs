//! One key figure: its label, its median (P50) large, and its P10-P90 range underneath when
//! the figure comes from Monte Carlo replications.

use leptos::prelude::*;

use crate::analysis::Term;
use crate::ui::results::glossary_panel::TermLink;

/// The numbers a card shows, already formatted by the caller (so units stay with the data).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct KpiFigures {
    /// The main figure (P50, or the expected value in analytic mode).
    pub main: String,
    /// "P10-P90: $1.1M-$1.4M", when there is a band.
    pub range: Option<String>,
    /// A note such as "over 52 weeks".
    pub note: Option<String>,
}

#[component]
pub fn KpiCard(
    /// The id of the main figure's element (for tests and screen readers).
    #[prop(into)]
    id: String,
    #[prop(into)] label: String,
    #[prop(into)] figures: Signal<KpiFigures>,
    /// Draw the card larger, for the headline figure.
    #[prop(optional)]
    main: bool,
    /// The glossary term the label names, linked beside it.
    #[prop(default = None)]
    term: Option<Term>,
) -> impl IntoView {
    let label_id = format!("{id}-label");
    let labelled_by = label_id.clone();
    view! {
        <div class="kpi" class:kpi-main=main role="group" aria-labelledby=labelled_by>
            <span class="kpi-label"><span id=label_id>{label}</span>{term.map(|t| view! { " " <TermLink term=t/> })}</span>
            <span class="kpi-value" id=id>{move || figures.with(|f| f.main.clone())}</span>
            {move || figures.with(|f| f.range.clone()).map(|r| view! { <span class="kpi-range">{r}</span> })}
            {move || figures.with(|f| f.note.clone()).map(|n| view! { <span class="kpi-note">{n}</span> })}
        </div>
    }
}
