//! The text alternative of a band chart: a summary sentence read from the medians and the
//! data table of every value drawn.

use super::super::data_table::{arg_max, cell, ChartText, DataTable};
use super::super::Unit;
use super::{Band, BandChart};

/// What the summary of a band chart reads from the medians.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// A running total or a level (cumulative bookings, the queue): where each median ends,
    /// with its P10-P90, and its highest week when that is earlier.
    End,
    /// A flow or a rate each week (bookings per week, utilisation): the average of the weekly
    /// medians and the highest week.
    Average,
}

fn mean_finite(values: &[f64]) -> Option<f64> {
    let finite: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    (!finite.is_empty()).then(|| finite.iter().sum::<f64>() / finite.len() as f64)
}

/// One band's clause of the summary, e.g. `Bookings to date at week 52: $8M (median; P10
/// $7.5M to P90 $8.6M)` or `MQLs average 590, highest 640 in week 12`.
fn band_clause(band: &Band<'_>, unit: Unit, reading: Reading) -> String {
    let at = |values: &[f64], j: usize| cell(unit, values.get(j).copied().unwrap_or(f64::NAN));
    let highest = arg_max(band.p50);
    match reading {
        Reading::End => {
            let n = band.p50.len();
            let Some(last) = n.checked_sub(1) else {
                return format!("{}: no data", band.name);
            };
            let mut s = format!(
                "{} at week {n}: {} (median; P10 {} to P90 {})",
                band.name,
                at(band.p50, last),
                at(band.p10, last),
                at(band.p90, last)
            );
            if let Some((j, max)) = highest.filter(|(j, max)| *j != last && *max > band.p50[last]) {
                s.push_str(&format!(", highest {} in week {}", cell(unit, max), j + 1));
            }
            s
        }
        Reading::Average => match (mean_finite(band.p50), highest) {
            (Some(mean), Some((j, max))) => format!(
                "{} average {}, highest {} in week {}",
                band.name,
                cell(unit, mean),
                cell(unit, max),
                j + 1
            ),
            _ => format!("{}: no data", band.name),
        },
    }
}

/// The summary sentence and the data table of [`band_chart_svg`]'s chart: one row a week,
/// with each band's P10, median and P90 and the reference line, formatted as on the axis.
pub fn band_chart_text(chart: &BandChart<'_>, reading: Reading) -> ChartText {
    let weeks = chart
        .bands
        .iter()
        .map(|b| b.p50.len().max(b.p10.len()).max(b.p90.len()))
        .chain(chart.reference.map(|(_, r)| r.len()))
        .max()
        .unwrap_or(0);
    let clauses: Vec<String> = chart
        .bands
        .iter()
        .map(|b| band_clause(b, chart.unit, reading))
        .collect();
    let mut summary = match reading {
        Reading::End => format!("{}.", clauses.join("; ")),
        Reading::Average => format!("Weekly medians over {weeks} weeks: {}.", clauses.join("; ")),
    };
    if let Some((name, values)) = chart.reference {
        let finite: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
        let lo = finite.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = finite.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        if lo == hi {
            summary.push_str(&format!(" {name}: {} in every week.", cell(chart.unit, lo)));
        } else if lo < hi {
            summary.push_str(&format!(
                " {name}: {} to {}.",
                cell(chart.unit, lo),
                cell(chart.unit, hi)
            ));
        }
    }
    let mut headers = vec!["Week".to_string()];
    for b in &chart.bands {
        for q in ["P10", "median", "P90"] {
            headers.push(format!("{} {q}", b.name));
        }
    }
    headers.extend(chart.reference.map(|(name, _)| name.to_string()));
    let value =
        |values: &[f64], j: usize| cell(chart.unit, values.get(j).copied().unwrap_or(f64::NAN));
    let rows = (0..weeks)
        .map(|j| {
            let mut row = vec![(j + 1).to_string()];
            for b in &chart.bands {
                row.extend([value(b.p10, j), value(b.p50, j), value(b.p90, j)]);
            }
            row.extend(chart.reference.map(|(_, r)| value(r, j)));
            row
        })
        .collect();
    ChartText {
        summary,
        table: DataTable {
            caption: format!("{}: {}, by week", chart.title, chart.y_label),
            headers,
            rows,
        },
    }
}
