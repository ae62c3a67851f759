//! The verdict: which team's constraint binds, the evidence, and what each lever adds.
//! This is the panel that ends the "your leads are crap" / "you never follow up" argument.

use leptos::prelude::*;

use crate::analysis::{Constraint, Diagnosis};
use crate::charts::{lever_chart_svg, lever_chart_text, ChartText, LeverBar};
use crate::format::Unit;
use crate::ui::state::{Diagnosed, Progress};
use crate::ui::widgets::chart_figure::ChartFigure;

const LEVER_TITLE: &str = "What each lever adds to bookings";

/// The levers' bars and the x-axis label of the lever chart.
fn lever_bars(d: &Diagnosis) -> (Vec<LeverBar>, String) {
    let bars: Vec<LeverBar> = d
        .levers
        .iter()
        .map(|l| LeverBar {
            label: l.label.clone(),
            mean: l.bookings_delta.mean,
            interval: l.mean_ci,
        })
        .collect();
    let pairs = d.lever_pairs();
    let x_label = format!(
        "Change in bookings over the run ($): mean of {pairs} paired replications, 90% confidence interval"
    );
    (bars, x_label)
}

fn lever_svg(d: &Diagnosis) -> Option<String> {
    let (bars, x_label) = lever_bars(d);
    lever_chart_svg(LEVER_TITLE, &x_label, Unit::Dollars, &bars, 820, 330).ok()
}

fn lever_text(d: &Diagnosis) -> ChartText {
    let (bars, x_label) = lever_bars(d);
    lever_chart_text(LEVER_TITLE, &x_label, Unit::Dollars, &bars)
}

fn constraint_class(c: Constraint) -> &'static str {
    match c {
        Constraint::SalesCapacity | Constraint::FollowUpPractice => "c-sales",
        Constraint::Balanced => "c-balanced",
        Constraint::Quality => "c-quality",
        Constraint::Volume => "c-volume",
        Constraint::ClosingCapacity => "c-closing",
    }
}

#[component]
pub fn VerdictPanel(
    #[prop(into)] diagnosis: Diagnosed,
    #[prop(into)] progress: Signal<Progress>,
) -> impl IntoView {
    let chart = Memo::new(move |_| diagnosis.with(|d| d.as_ref().and_then(|d| lever_svg(d))));
    let text = Memo::new(move |_| diagnosis.with(|d| d.as_ref().map(|d| lever_text(d))));
    view! {
        <section class="verdict" id="verdict" aria-labelledby="verdict-title" aria-live="polite">
            <div class="verdict-text">
            <h2 id="verdict-title">"What limits revenue"</h2>
            {move || match diagnosis.get() {
                Some(d) => view! {
                    <p class="verdict-headline" id="verdict-headline">{d.headline()}</p>
                    <p class="verdict-meaning">{d.meanings()}</p>
                    <p class="verdict-move" id="verdict-move">{d.next_move.clone()}</p>
                    <p class="verdict-summary" id="verdict-summary">{d.summary.clone()}</p>
                    <ol class="periods" aria-label="Binding constraint by four-week period">
                        {d.periods.iter().map(|p| {
                            let first = p.binding.first().copied().unwrap_or(Constraint::Volume);
                            let names: Vec<&str> = p.binding.iter().map(|c| c.label()).collect();
                            view! {
                                <li class=constraint_class(first) title=names.join(", ")>
                                    {format!("Wk {}", p.first_week)}
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any(),
                None => view! {
                    <p class="verdict-pending">
                        {move || {
                            let p = progress.get();
                            format!("Measuring what each lever adds with common random numbers... ({} of {} levers)", p.levers_done, p.levers)
                        }}
                    </p>
                }.into_any(),
            }}
            <ul class="legend" aria-label="Colours of the periods">
                <li class="c-sales">"follow-up (capacity or practice)"</li>
                <li class="c-quality">"quality"</li>
                <li class="c-volume">"volume"</li>
                <li class="c-closing">"closing capacity"</li>
            </ul>
            </div>
            <ChartFigure
                id="chart-levers"
                svg=chart
                text=text
                caption="Each lever is run on the same random numbers as the scenario, so the difference is the lever's effect, not noise. Blue: surely adds bookings; vermillion: surely costs bookings; grey: cannot be told from zero."
            />
        </section>
    }
}
