//! Results as CSV for a spreadsheet: one tidy long-format table of a run, and the table of a
//! comparison of two runs. Numbers are plain (`1234567.5`: no thousands separators, `.` as the
//! decimal mark, at most six decimals); a value that is not finite is an empty cell.

use crate::engine::run::{Band, RunResult};
use crate::format::capitalise;

use super::compare::Comparison;

/// Header of [`results_csv`].
pub const RESULTS_HEADER: [&str; 9] = [
    "section", "metric", "label", "unit", "week", "mean", "p10", "p50", "p90",
];

/// Header of [`comparison_csv`].
pub const COMPARISON_HEADER: [&str; 12] = [
    "metric",
    "label",
    "unit",
    "a_p50",
    "a_p10",
    "a_p90",
    "b_p50",
    "b_p10",
    "b_p90",
    "delta_p50",
    "delta_p10",
    "delta_p90",
];

/// Writing the CSV failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("could not write a CSV record: {0}")]
    Csv(#[from] csv::Error),
    #[error("could not finish the CSV output: {0}")]
    Io(#[from] std::io::Error),
    #[error("the CSV output is not UTF-8: {0}")]
    Utf8(#[from] std::string::FromUtf8Error),
}

/// A number as a CSV cell: plain decimal, at most six decimals, trailing zeros cut; empty if
/// not finite.
pub fn number(x: f64) -> String {
    if !x.is_finite() {
        return String::new();
    }
    let s = format!("{x:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.into()
    }
}

/// A Rust variant name as a stable snake_case identifier: `CostPerWon` becomes `cost_per_won`.
fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The identifier of a metric in the `metric` column (`median_speed_to_lead_hours`).
pub fn metric_id(metric: impl std::fmt::Debug) -> String {
    snake_case(&format!("{metric:?}"))
}

fn finish(w: csv::Writer<Vec<u8>>) -> Result<String, ExportError> {
    let bytes = w.into_inner().map_err(csv::IntoInnerError::into_error)?;
    Ok(String::from_utf8(bytes)?)
}

/// Number of data rows [`results_csv`] writes: one per weekly series and week, one per KPI,
/// one per leak state.
pub fn csv_rows(r: &RunResult) -> usize {
    r.series.len() * r.weeks + r.kpis.len() + r.leaks.len()
}

/// A run as one long-format table with the header [`RESULTS_HEADER`]: section `weekly` (one
/// row per series and week, weeks numbered from 1), `kpi` (one row per total, week empty) and
/// `leak` (one row per end state of the leak accounting, week empty, unit `leads`).
pub fn results_csv(r: &RunResult) -> Result<String, ExportError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(RESULTS_HEADER)?;
    let band_cells = |b: Band| [number(b.mean), number(b.p10), number(b.p50), number(b.p90)];
    for s in &r.series {
        let metric = metric_id(s.metric);
        let at = |v: &[f64], i: usize| number(v.get(i).copied().unwrap_or(f64::NAN));
        for i in 0..r.weeks {
            let week = (i + 1).to_string();
            w.write_record([
                "weekly",
                &metric,
                &s.label,
                s.unit.name(),
                &week,
                &at(&s.mean, i),
                &at(&s.p10, i),
                &at(&s.p50, i),
                &at(&s.p90, i),
            ])?;
        }
    }
    for k in &r.kpis {
        let [mean, p10, p50, p90] = band_cells(k.band);
        w.write_record([
            "kpi",
            &metric_id(k.metric),
            &k.label,
            k.unit.name(),
            "",
            &mean,
            &p10,
            &p50,
            &p90,
        ])?;
    }
    for l in &r.leaks {
        let [mean, p10, p50, p90] = band_cells(l.band);
        w.write_record([
            "leak",
            &l.state,
            &capitalise(&l.state),
            "leads",
            "",
            &mean,
            &p10,
            &p50,
            &p90,
        ])?;
    }
    finish(w)
}

/// A comparison as a table with the header [`COMPARISON_HEADER`]. The first two rows name the
/// scenarios (metric `scenario_a` / `scenario_b`, the name in `label`, numbers empty); then one
/// row per KPI of the comparison, in its order.
pub fn comparison_csv(c: &Comparison, a_name: &str, b_name: &str) -> Result<String, ExportError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(COMPARISON_HEADER)?;
    for (id, name) in [("scenario_a", a_name), ("scenario_b", b_name)] {
        let mut record = vec![id, name];
        record.resize(COMPARISON_HEADER.len(), "");
        w.write_record(&record)?;
    }
    for row in &c.rows {
        let p = |b: Band| [number(b.p50), number(b.p10), number(b.p90)];
        let [a50, a10, a90] = p(row.a);
        let [b50, b10, b90] = p(row.b);
        let [d50, d10, d90] = p(row.delta);
        w.write_record([
            metric_id(row.metric).as_str(),
            &row.label,
            row.unit.name(),
            &a50,
            &a10,
            &a90,
            &b50,
            &b10,
            &b90,
            &d50,
            &d10,
            &d90,
        ])?;
    }
    finish(w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Total, Weekly};

    #[test]
    fn numbers_are_plain() {
        assert_eq!(number(1_234_567.5), "1234567.5");
        assert_eq!(number(0.1 + 0.2), "0.3");
        assert_eq!(number(2.0), "2");
        assert_eq!(number(-0.0000001), "0");
        assert_eq!(number(-12.25), "-12.25");
        assert_eq!(number(1e21), "1000000000000000000000");
        assert_eq!(number(f64::NAN), "");
        assert_eq!(number(f64::INFINITY), "");
    }

    #[test]
    fn metric_ids_are_snake_case() {
        assert_eq!(metric_id(Total::CostPerWon), "cost_per_won");
        assert_eq!(metric_id(Total::Roi), "roi");
        assert_eq!(
            metric_id(Weekly::MedianSpeedToLeadHours),
            "median_speed_to_lead_hours"
        );
    }
}
