//! The threshold trade-off (seed 000's volume-versus-quality argument on one chart): MQLs,
//! SQLs, bookings with bands and SDR utilisation across the MQL threshold, with today's
//! headcount and one more SDR; the best threshold of each marked and applicable.

use leptos::prelude::*;

use super::job::Study;
use super::panel::stale_note;
use super::state::{PlanState, View};
use crate::analysis::plan::sweep::{Axis, Figures, ThresholdCurve};
use crate::charts::{threshold_curve_svg, threshold_curve_text, ThresholdChart, ThresholdPoint};
use crate::format::count;

use crate::ui::state::AppState;
use crate::ui::widgets::chart_figure::ChartFigure;

fn point(f: &Figures) -> ThresholdPoint {
    ThresholdPoint {
        bookings_mean: f.bookings.mean,
        bookings_p10: f.bookings.p10,
        bookings_p90: f.bookings.p90,
        sdr_utilisation: f.sdr_utilisation,
        mqls: f.mqls.mean,
        sqls: f.sqls.mean,
    }
}

fn chart(c: &ThresholdCurve) -> ThresholdChart {
    ThresholdChart {
        title: "Bookings and SDR load across the MQL threshold".into(),
        thresholds: c.points.iter().map(|p| p.threshold).collect(),
        today: c.points.iter().map(|p| point(&p.today)).collect(),
        plus_one: c.points.iter().map(|p| point(&p.plus_one_sdr)).collect(),
        current: c.current,
        best_today: c.best_today,
        best_plus_one: c.best_plus_one_sdr,
    }
}

#[component]
pub fn ThresholdView() -> impl IntoView {
    let app = expect_context::<AppState>();
    let plan = expect_context::<PlanState>();
    let run = move |_| plan.start(app, View::Threshold, Study::curve);
    let data = Memo::new(move |_| plan.curve.with(|c| c.as_ref().map(|c| chart(&c.value))));
    let svg = Signal::derive(move || {
        data.with(|d| {
            d.as_ref()
                .and_then(|d| threshold_curve_svg(d, 900, 520).ok())
        })
    });
    let text = Signal::derive(move || data.with(|d| d.as_ref().map(threshold_curve_text)));
    let apply = move |t: f64, sdrs: f64, what: String| {
        let mut next = app.scenario.get_untracked();
        Axis::Threshold.set(&mut next, t);
        let sdrs = next.sdr.headcount + sdrs;
        Axis::SdrHeadcount.set(&mut next, sdrs);
        app.replace_scenario(next, what);
    };
    view! {
        <div class="plan-view" id="plan-threshold" role="tabpanel" aria-labelledby="plan-tab-threshold">
            <div class="plan-form">
                <button type="button" id="threshold-run" on:click=run>"Draw the trade-off"</button>
            </div>
            {move || plan.curve.get().and_then(|c| stale_note(app.scenario, &c)).map(|s| view! { <p class="stale-note">{s}</p> })}
            <Show when=move || plan.curve.with(Option::is_some)>
                <ChartFigure id="chart-threshold" svg=svg text=text
                    caption="A low threshold floods the SDRs with leads that will not buy; a high one starves them. Shaded: P10 to P90 of bookings."/>
            </Show>
            {move || plan.curve.get().filter(|c| !c.running && stale_note(app.scenario, c).is_none()).map(|c| {
                let best = c.value.best_today;
                let plus = c.value.best_plus_one_sdr;
                view! {
                    <div class="plan-actions">
                        {best.map(|t| view! {
                            <button type="button" id="threshold-apply" on:click=move |_| apply(t, 0.0, format!("set the MQL threshold to {}", count(t)))>
                                {format!("Apply threshold {} (best today)", count(t))}
                            </button>
                        })}
                        {plus.map(|t| view! {
                            <button type="button" id="threshold-apply-plus" on:click=move |_| apply(t, 1.0, format!("set the MQL threshold to {} and added an SDR", count(t)))>
                                {format!("Apply threshold {} with one more SDR", count(t))}
                            </button>
                        })}
                    </div>
                }
            })}
        </div>
    }
}
