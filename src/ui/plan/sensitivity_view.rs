//! Sensitivity: the tornado of every knob a team owns, stepped down and up, paired with the
//! scenario as it is; ranked by bookings or by the share of periods both SLA promises hold. A step's
//! button applies it.

use leptos::prelude::*;

use super::job::Study;
use super::panel::stale_note;
use super::state::{PlanState, View};
use crate::analysis::plan::tornado::{Bar, Measure, Swing, Tornado};
use crate::charts::{tornado_svg, tornado_text, ChartText, TornadoRow, TornadoSide};
use crate::format::Unit;
use crate::format::{money, percent};
use crate::model::params::Side;

use crate::ui::state::AppState;
use crate::ui::widgets::chart_figure::ChartFigure;

fn unit(m: Measure) -> Unit {
    match m {
        Measure::Bookings => Unit::Dollars,
        Measure::SlaKept => Unit::Share,
    }
}

fn side(s: &Swing, m: Measure) -> TornadoSide {
    let e = s.effect(m);
    TornadoSide {
        step: s.step.clone(),
        mean: e.band.mean,
        interval: e.mean_ci,
    }
}

fn rows(t: &Tornado, m: Measure) -> Vec<TornadoRow> {
    t.ranked(m)
        .into_iter()
        .map(|b: &Bar| TornadoRow {
            label: b.label.clone(),
            team: b.team,
            low: b.low.as_ref().map(|s| side(s, m)),
            high: b.high.as_ref().map(|s| side(s, m)),
        })
        .collect()
}

fn title(m: Measure) -> &'static str {
    match m {
        Measure::Bookings => "Change in bookings over the run, per step of each knob",
        Measure::SlaKept => "Change in the share of periods both SLA promises hold",
    }
}

#[component]
pub fn SensitivityView() -> impl IntoView {
    let app = expect_context::<AppState>();
    let plan = expect_context::<PlanState>();
    let measure = RwSignal::new(Measure::Bookings);
    let run = move |_| plan.start(app, View::Sensitivity, Study::tornado);
    let chart = Memo::new(move |_| {
        let m = measure.get();
        plan.tornado.with(|t| t.as_ref().map(|c| rows(&c.value, m)))
    });
    let height = move |n: usize| (150 + 48 * n as u32).max(300);
    let svg = Signal::derive(move || {
        let m = measure.get();
        chart.with(|r| {
            r.as_ref()
                .and_then(|r| tornado_svg(title(m), unit(m), r, 900, height(r.len())).ok())
        })
    });
    let text = Signal::derive(move || {
        let m = measure.get();
        chart.with(|r| {
            r.as_ref()
                .map(|r| -> ChartText { tornado_text(title(m), unit(m), r) })
        })
    });
    let pick = move |m: Measure, label: &'static str, id: &'static str| {
        view! {
            <label class="inline">
                <input type="radio" name="tornado-measure" id=id prop:checked=move || measure.get() == m
                    on:change=move |_| measure.set(m)/>
                {label}
            </label>
        }
    };
    view! {
        <div class="plan-view" id="plan-sensitivity" role="tabpanel" aria-labelledby="plan-tab-sensitivity">
            <div class="plan-form">
                <button type="button" id="tornado-run" on:click=run>"Measure every knob"</button>
                <fieldset>
                    <legend>"Rank by"</legend>
                    {pick(Measure::Bookings, "bookings", "tornado-bookings")}
                    {pick(Measure::SlaKept, "share of periods both SLA promises hold", "tornado-sla")}
                </fieldset>
            </div>
            {move || plan.tornado.get().map(|c| view! {
                <p class="plan-sentence" id="tornado-base">{format!(
                    "As it is: median bookings {} (P10 {} to P90 {}); both promises hold in {} of periods. Each bar pairs {} replications with the same random numbers; the whisker is the 90% confidence interval of the mean change.",
                    money(c.value.base_bookings.p50), money(c.value.base_bookings.p10),
                    money(c.value.base_bookings.p90), percent(c.value.base_sla_kept), c.value.pairs
                )}</p>
                {stale_note(app.scenario, &c).map(|s| view! { <p class="stale-note">{s}</p> })}
            })}
            <Show when=move || plan.tornado.with(Option::is_some)>
                <ChartFigure id="chart-tornado" svg=svg text=text
                    caption="Bars coloured by the team that owns the knob. In each row, the upper bar is the step down and the lower bar the step up; a bar points left when the step lowers the figure."/>
            </Show>
            <StepButtons measure=measure/>
        </div>
    }
}

/// One button per step, widest first: applies that step to the scenario.
#[component]
fn StepButtons(measure: RwSignal<Measure>) -> impl IntoView {
    let app = expect_context::<AppState>();
    let plan = expect_context::<PlanState>();
    move || {
        plan.tornado.get().filter(|c| !c.running && stale_note(app.scenario, c).is_none()).map(|c| {
            let m = measure.get();
            let t = c.value.clone();
            let buttons = t
                .ranked(m)
                .into_iter()
                .flat_map(|b| [(b, Side::Low, &b.low), (b, Side::High, &b.high)])
                .filter_map(|(b, s, sw)| sw.as_ref().map(|sw| (b.knob, b.label.clone(), s, sw.clone())))
                .map(|(knob, label, s, sw)| {
                    let e = sw.effect(m);
                    let shown = match m {
                        Measure::Bookings if e.band.mean > 0.0 => format!("+{}", money(e.band.mean)),
                        Measure::Bookings => money(e.band.mean),
                        Measure::SlaKept => {
                            let points = (e.band.mean * 1000.0).round() / 10.0;
                            let sign = if points > 0.0 { "+" } else { "" };
                            format!("{sign}{} points", crate::format::plain_number(points))
                        }
                    };
                    let what = format!("{label} {}", sw.step);
                    let apply = move |_| {
                        let mut next = app.scenario.get_untracked();
                        knob.apply(&mut next, s);
                        app.replace_scenario(next, format!("applied \u{201c}{what}\u{201d} from the sensitivity view"));
                    };
                    view! {
                        <li><button type="button" class="step-apply" on:click=apply>
                            {format!("Apply {label} {} ({shown})", sw.step)}
                        </button></li>
                    }
                })
                .collect_view();
            view! { <ul class="step-buttons" id="tornado-steps" aria-label="Apply one step">{buttons}</ul> }
        })
    }
}
