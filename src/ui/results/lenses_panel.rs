//! Two lenses on the same run, marketing's and sales', and the vanity-versus-revenue card.
//! Every figure is the run's (or, for channels, the engine's expected arrivals).

use leptos::prelude::*;

use crate::analysis::lenses::{marketing_figures, sales_figures, Figure};
use crate::ui::results::lens_channels::ChannelTable;
use crate::ui::results::vanity_card::VanityCard;
use crate::ui::state::{Diagnosed, Results, Validated};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lens {
    Marketing,
    Sales,
}

#[component]
pub fn LensesPanel(
    #[prop(into)] results: Results,
    #[prop(into)] diagnosis: Diagnosed,
    #[prop(into)] validated: Validated,
) -> impl IntoView {
    let lens = RwSignal::new(Lens::Marketing);
    let tab = move |which: Lens, id: &'static str, label: &'static str| {
        view! {
            <button type="button" role="tab" id=id class="lens-tab"
                aria-selected=move || (lens.get() == which).to_string()
                aria-controls="lens-panel"
                on:click=move |_| lens.set(which)>{label}</button>
        }
    };
    view! {
        <section class="lenses" id="lenses" aria-labelledby="lenses-title">
            <h2 id="lenses-title">"Two lenses on one run"</h2>
            <VanityCard results diagnosis/>
            <div role="tablist" aria-label="Whose view" class="lens-tabs">
                {tab(Lens::Marketing, "lens-marketing", "Marketing view")}
                {tab(Lens::Sales, "lens-sales", "Sales view")}
            </div>
            <div role="tabpanel" id="lens-panel" class="lens-panel"
                aria-labelledby=move || match lens.get() { Lens::Marketing => "lens-marketing", Lens::Sales => "lens-sales" }>
                {move || match lens.get() {
                    Lens::Marketing => marketing_lens(results, validated).into_any(),
                    Lens::Sales => sales_lens(results, validated).into_any(),
                }}
            </div>
        </section>
    }
}

/// A lens's figures as a definition list.
fn figures_view(figures: Vec<Figure>) -> impl IntoView {
    view! {
        <dl class="lens-figures">
            {figures.into_iter().map(|Figure { label, value, note }| view! {
                <div class="lens-figure">
                    <dt>{label}</dt>
                    <dd class="lens-value">{value}</dd>
                    <dd class="lens-note">{note}</dd>
                </div>
            }).collect_view()}
        </dl>
    }
}

/// Marketing's figures and channels.
fn marketing_lens(results: Results, validated: Validated) -> impl IntoView {
    let figures = move || results.with(|r| r.as_ref().map(|r| marketing_figures(r)));
    view! {
        {move || figures().map(figures_view)}
        <ChannelTable validated/>
    }
}

/// Sales' figures.
fn sales_lens(results: Results, validated: Validated) -> impl IntoView {
    let figures = move || {
        results.with(|r| {
            let r = r.as_ref()?;
            validated.with(|v| v.as_ref().ok().map(|v| sales_figures(v, r)))
        })
    };
    view! { {move || figures().map(figures_view)} }
}
