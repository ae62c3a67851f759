//! The one-line SLA verdict beside the SLA inputs: feasible, or which promise fails and how
//! often it is kept (computed by `analysis::sla::verdict` from the last valid results).

use leptos::prelude::*;

use crate::analysis::sla::verdict;
use crate::model::Scenario;
use crate::ui::state::Results;

#[component]
pub fn SlaVerdictLine(
    #[prop(into)] scenario: Signal<Scenario>,
    #[prop(into)] results: Results,
) -> impl IntoView {
    let found = Memo::new(move |_| {
        let sla = scenario.with_untracked(|s| s.sla.clone());
        results.with(|r| r.as_ref().and_then(|r| verdict(&r.sla, &sla)))
    });
    view! {
        <p class="sla-verdict" id="sla-verdict" aria-live="polite"
            class:feasible=move || found.with(|v| v.as_ref().is_some_and(|v| v.feasible))
            class:not-feasible=move || found.with(|v| v.as_ref().is_some_and(|v| !v.feasible))>
            {move || found.get().map_or_else(|| "SLA: simulating...".to_string(), |v| v.line)}
        </p>
    }
}
