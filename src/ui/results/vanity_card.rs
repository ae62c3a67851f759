//! "Vanity vs revenue": what +10% leads adds to MQLs beside what it adds to bookings, from
//! the diagnosis's paired lever (seed 004: vanity metrics).

use leptos::prelude::*;

use crate::analysis::lenses::vanity;
use crate::format;
use crate::ui::state::{Diagnosed, Results};

/// The metric marketing can raise beside the bookings it brings, from the paired lever.
#[component]
pub fn VanityCard(
    #[prop(into)] results: Results,
    #[prop(into)] diagnosis: Diagnosed,
) -> impl IntoView {
    let card = move || {
        results.with(|r| {
            let r = r.as_ref()?;
            diagnosis.with(|d| d.as_ref().and_then(|d| vanity(r, d)))
        })
    };
    view! {
        <div class="vanity" id="vanity" aria-live="polite">
            <h3>"Vanity vs revenue"</h3>
            {move || match card() {
                Some(v) => view! {
                    <p class="vanity-pair">
                        <span class="vanity-metric">"MQLs "<strong>{format!("+{}", format::count(v.more_mqls))}</strong>" (+10%)"</span>
                        <span class="vanity-metric">"Bookings "<strong>{format::signed(v.bookings_change, format::money)}</strong>
                            {format!(" ({})", format::signed(v.bookings_share, format::percent))}</span>
                    </p>
                    <p class="vanity-sentence">{v.sentence}</p>
                }.into_any(),
                None => view! { <p class="vanity-sentence">"Measuring what +10% leads brings…"</p> }.into_any(),
            }}
        </div>
    }
}
