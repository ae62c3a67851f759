//! The comparison's key figures: A and B side by side with their P10-P90 ranges, and the
//! paired difference B - A with its own range (common random numbers make it tight).

use leptos::prelude::*;

use crate::analysis::KpiDelta;
use crate::engine::{Band, Total};
use crate::format::{self, Unit};

fn cell(b: Band, unit: Unit) -> impl IntoView {
    view! {
        <td>
            <span class="p50">{unit.format(b.p50)}</span>
            <span class="range">{format!("{} to {}", unit.format(b.p10), unit.format(b.p90))}</span>
        </td>
    }
}

/// A difference in the unit of its figure: percentage points for shares, else signed.
fn show_change(metric: Total, v: f64) -> String {
    metric.unit().change(v)
}

/// The difference's headline: the change between the medians shown in the A and B columns,
/// with the relative change, e.g. "-$27.4K (-0.6%)".
fn headline(row: &KpiDelta) -> String {
    let relative = row
        .relative
        .filter(|r| r.is_finite())
        .map(|r| format!(" ({})", format::signed(r, format::percent)))
        .unwrap_or_default();
    format!("{}{relative}", show_change(row.metric, row.median_change()))
}

fn delta_cell(row: &KpiDelta) -> AnyView {
    let show = |v: f64| show_change(row.metric, v);
    let d = row.delta;
    if d.p10 == 0.0 && d.p90 == 0.0 {
        return view! {
            <td class="delta same">
                <span class="p50">"No change"</span>
                <span class="range">"in at least 80% of replication pairs"</span>
            </td>
        }
        .into_any();
    }
    let direction = if d.p10 > 0.0 {
        "up"
    } else if d.p90 < 0.0 {
        "down"
    } else {
        "unclear"
    };
    view! {
        <td class=format!("delta {direction}")>
            <span class="p50" title="median of B minus median of A">{headline(row)}</span>
            <span class="range" title="P10 to P90 of the paired differences">
                {format!("{} to {}", show(d.p10), show(d.p90))}
            </span>
        </td>
    }
    .into_any()
}

#[component]
pub fn CompareTable(rows: Vec<KpiDelta>, a_name: String, b_name: String) -> impl IntoView {
    view! {
        <table class="compare-table" id="compare-table">
            <caption>"Median across replications, P10 to P90 below; the difference is paired replication by replication."</caption>
            <thead>
                <tr>
                    <th scope="col">"Figure"</th>
                    <th scope="col">"A: " {a_name}</th>
                    <th scope="col">"B: " {b_name}</th>
                    <th scope="col">"Difference B \u{2212} A"</th>
                </tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|row| {
                    let unit = row.unit;
                    view! {
                        <tr data-metric=format!("{:?}", row.metric)>
                            <th scope="row">{row.label.clone()}</th>
                            {cell(row.a, unit)}
                            {cell(row.b, unit)}
                            {delta_cell(&row)}
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn band(p10: f64, p50: f64, p90: f64) -> Band {
        Band {
            mean: p50,
            p10,
            p50,
            p90,
        }
    }

    #[test]
    fn a_small_bookings_change_shows_its_amount() {
        // $4.45M vs $4.42M: most replication pairs are unchanged (paired median 0), but the
        // medians differ by $27.4K.
        let row = KpiDelta {
            metric: Total::Bookings,
            label: "Bookings".into(),
            unit: Unit::Dollars,
            a: band(4.0e6, 4_450_000.0, 4.9e6),
            b: band(3.9e6, 4_422_600.0, 4.9e6),
            delta: band(-61_000.0, 0.0, 0.0),
            relative: Some(-27_400.0 / 4_450_000.0),
        };
        assert_eq!(headline(&row), "-$27.4K (-0.6%)");
    }

    #[test]
    fn shares_change_in_points() {
        let row = KpiDelta {
            metric: Total::WinRate,
            label: "Win rate".into(),
            unit: Unit::Share,
            a: band(0.2, 0.25, 0.3),
            b: band(0.25, 0.28, 0.33),
            delta: band(0.01, 0.03, 0.05),
            relative: Some(0.12),
        };
        assert_eq!(headline(&row), "+3 pp (+12%)");
    }
}
