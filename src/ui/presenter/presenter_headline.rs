//! Presenter mode's headline: the verdict sentence and the three figures that matter, from
//! the figures already on the workshop screen: bookings with its P10-P90 range (what the
//! room is there for), the best next lever's gain with its 90% confidence interval (what to
//! do about the verdict), and SQLs with their range (the handoff itself: the one figure
//! made by marketing's leads and sales' follow-up together, so neither side owns it alone).

use leptos::prelude::*;

use crate::analysis::{Diagnosis, LeverEffect};
use crate::engine::Total;
use crate::format;
use crate::model::Scenario;
use crate::ui::presenter::mode::Presenter;
use crate::ui::results::kpi_row::figures;
use crate::ui::state::{Diagnosed, Results};
use crate::ui::widgets::kpi_card::{KpiCard, KpiFigures};

/// "90% confidence $X to $Y", as the verdict's sentence says it.
fn interval(l: &LeverEffect) -> String {
    l.mean_ci.map_or_else(
        || "one replication cannot say how sure".into(),
        |(low, high)| {
            format!(
                "90% confidence {} to {}",
                format::money(low),
                format::money(high)
            )
        },
    )
}

/// The lever the verdict's "next move" names: the best clear one, or else the largest
/// (within the noise); with the card's label.
fn lever(d: &Diagnosis) -> (String, KpiFigures) {
    let best = d
        .best_lever
        .and_then(|b| d.levers.iter().find(|l| l.lever == b));
    let figures = |l: &LeverEffect, range: String| KpiFigures {
        main: format!("+{}", format::money(l.bookings_delta.mean)),
        range: Some(range),
        note: None,
    };
    if let Some(l) = best {
        return (
            format!("Best next lever: {}", l.label),
            figures(l, interval(l)),
        );
    }
    match d.levers.first().filter(|l| l.bookings_delta.mean > 0.0) {
        Some(l) => (
            format!("No clear lever; largest: {}", l.label),
            figures(l, format!("Within the noise ({})", interval(l))),
        ),
        None => (
            "Levers".into(),
            KpiFigures {
                main: "None adds bookings".into(),
                ..KpiFigures::default()
            },
        ),
    }
}

#[component]
fn LeverFigure(diagnosis: Diagnosed) -> impl IntoView {
    let shown = Memo::new(move |_| diagnosis.with(|d| d.as_deref().map(lever)));
    let label = move || shown.with(|s| s.as_ref().map(|s| s.0.clone()));
    let fig = move || shown.with(|s| s.as_ref().map(|s| s.1.clone()).unwrap_or_default());
    view! {
        <div class="kpi presenter-lever" role="group" aria-labelledby="presenter-lever-label">
            <span class="kpi-label" id="presenter-lever-label">
                {move || label().unwrap_or_else(|| "Best next lever: measuring...".into())}
            </span>
            <span class="kpi-value" id="presenter-lever">{move || fig().main}</span>
            <span class="kpi-range" id="presenter-lever-range">{move || fig().range}</span>
        </div>
    }
}

#[component]
pub fn PresenterHeadline(
    #[prop(into)] scenario: Signal<Scenario>,
    #[prop(into)] results: Results,
    #[prop(into)] diagnosis: Diagnosed,
) -> impl IntoView {
    let p = expect_context::<Presenter>();
    let kpi = move |t: Total| {
        Signal::derive(move || {
            results
                .with(|r| r.as_ref().map(|r| figures(r.kpi(t), t.unit())))
                .unwrap_or_else(|| KpiFigures {
                    main: "...".into(),
                    ..KpiFigures::default()
                })
        })
    };
    let verdict = move || {
        diagnosis.with(|d| match d {
            Some(d) => (d.headline(), d.meanings()),
            None => (
                "Measuring what limits revenue...".into(),
                "The verdict comes once each lever is measured.".into(),
            ),
        })
    };
    view! {
        <Show when=move || p.active.get()>
            <section class="presenter-headline" id="presenter-headline" aria-labelledby="presenter-verdict">
                <p class="presenter-scenario" aria-live="polite">
                    "Scenario: " <strong id="presenter-scenario">{move || scenario.with(|s| s.name.clone())}</strong>
                </p>
                <h2 class="presenter-verdict" id="presenter-verdict">{move || verdict().0}</h2>
                <p class="presenter-meaning" id="presenter-meaning">{move || verdict().1}</p>
                <div class="presenter-figures">
                    <KpiCard id="presenter-bookings" label=Total::Bookings.short_label() figures=kpi(Total::Bookings) main=true/>
                    <LeverFigure diagnosis/>
                    <KpiCard id="presenter-sqls" label=Total::Sqls.short_label() figures=kpi(Total::Sqls)/>
                </div>
            </section>
        </Show>
    }
}
