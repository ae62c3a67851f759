#![cfg(not(target_arch = "wasm32"))]
//! Results as CSV: parsed back with the csv crate, the tables hold the run's numbers.

use handoff_core::analysis::export::{metric_id, COMPARISON_HEADER, RESULTS_HEADER};
use handoff_core::analysis::{compare, comparison_csv, csv_rows, results_csv};
use handoff_core::engine::{aggregate, replications, Band, RunResult};
use handoff_core::model::{Preset, ValidScenario};

fn scenario() -> ValidScenario {
    ValidScenario::try_from(Preset::Baseline.scenario())
        .expect("the baseline preset is valid")
        .modified(|s| s.run.weeks = 8.0)
        .expect("an eight-week run is valid")
}

fn result() -> RunResult {
    let v = scenario();
    aggregate(&v, &replications(&v, 6))
}

fn parse(text: &str) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader
        .headers()
        .expect("a header row")
        .iter()
        .map(String::from)
        .collect();
    let rows = reader
        .records()
        .collect::<Result<Vec<_>, _>>()
        .expect("every row parses");
    (header, rows)
}

/// A parsed number cell equals the value it was written from (six decimals kept).
fn same(cell: &str, value: f64) -> bool {
    if !value.is_finite() {
        return cell.is_empty();
    }
    let parsed: f64 = cell.parse().expect("a plain number");
    (parsed - value).abs() <= 5e-7 * value.abs().max(1.0)
}

fn band_matches(cells: &[&str], b: Band) -> bool {
    same(cells[0], b.mean)
        && same(cells[1], b.p10)
        && same(cells[2], b.p50)
        && same(cells[3], b.p90)
}

#[test]
fn results_csv_is_one_tidy_table_of_the_run() {
    let r = result();
    let text = results_csv(&r).expect("writes");
    assert!(text.starts_with("section,metric,label,unit,week,mean,p10,p50,p90\n"));
    let (header, rows) = parse(&text);
    assert_eq!(header, RESULTS_HEADER);
    assert_eq!(rows.len(), csv_rows(&r));
    assert_eq!(
        csv_rows(&r),
        r.series.len() * 8 + r.kpis.len() + r.leaks.len()
    );

    let (mut weekly, mut kpis, mut leaks) = (0, 0, 0);
    for row in &rows {
        let cells: Vec<&str> = row.iter().collect();
        assert_eq!(cells.len(), 9);
        for cell in &cells[5..] {
            assert!(!cell.contains(','), "no thousands separators: {cell}");
            assert!(!cell.eq_ignore_ascii_case("nan"));
        }
        match cells[0] {
            "weekly" => {
                let s = r
                    .series
                    .iter()
                    .find(|s| metric_id(s.metric) == cells[1])
                    .expect("a known series");
                assert_eq!((cells[2], cells[3]), (s.label.as_str(), s.unit.name()));
                let week: usize = cells[4].parse().expect("a week number");
                assert!((1..=r.weeks).contains(&week));
                let i = week - 1;
                let b = Band {
                    mean: s.mean[i],
                    p10: s.p10[i],
                    p50: s.p50[i],
                    p90: s.p90[i],
                };
                assert!(band_matches(&cells[5..], b), "{cells:?} vs {b:?}");
                weekly += 1;
            }
            "kpi" => {
                let k = r
                    .kpis
                    .iter()
                    .find(|k| metric_id(k.metric) == cells[1])
                    .expect("a known KPI");
                assert_eq!(
                    (cells[2], cells[3], cells[4]),
                    (k.label.as_str(), k.unit.name(), "")
                );
                assert!(
                    band_matches(&cells[5..], k.band),
                    "{cells:?} vs {:?}",
                    k.band
                );
                kpis += 1;
            }
            "leak" => {
                let l = r
                    .leaks
                    .iter()
                    .find(|l| l.state == cells[1])
                    .expect("a known leak state");
                assert_eq!((cells[3], cells[4]), ("leads", ""));
                assert!(band_matches(&cells[5..], l.band));
                leaks += 1;
            }
            other => panic!("unknown section {other}"),
        }
    }
    assert_eq!(
        (weekly, kpis, leaks),
        (r.series.len() * 8, r.kpis.len(), r.leaks.len())
    );
    assert!(text.contains("kpi,bookings,Bookings,dollars,,"));
    assert!(text.contains("weekly,median_speed_to_lead_hours,Median speed-to-lead,hours,1,"));
}

#[test]
fn labels_with_commas_and_quotes_round_trip() {
    let mut r = result();
    let label = "Bookings, net of \"returns\"";
    r.kpis[0].label = label.into();
    r.series[0].mean[0] = f64::NAN;
    let text = results_csv(&r).expect("writes");
    assert!(text.contains("\"Bookings, net of \"\"returns\"\"\""));
    let (_, rows) = parse(&text);
    assert_eq!(rows.len(), csv_rows(&r));
    let kpi = rows
        .iter()
        .find(|row| &row[0] == "kpi" && &row[1] == metric_id(r.kpis[0].metric).as_str())
        .expect("the KPI row");
    assert_eq!(&kpi[2], label);
    let first = &rows[0];
    assert_eq!((&first[0], &first[4]), ("weekly", "1"));
    assert_eq!(
        &first[5], "",
        "a value that is not a number is an empty cell"
    );
}

#[test]
fn comparison_csv_holds_both_runs_and_the_change() {
    let a = scenario();
    let b = a
        .modified(|s| s.closing.deal_median *= 2.0)
        .expect("a doubled deal size is valid");
    let c = compare(&a, &replications(&a, 6), &b, &replications(&b, 6));
    let (a_name, b_name) = ("Baseline, as is", "<Bigger \"deals\">");
    let text = comparison_csv(&c, a_name, b_name).expect("writes");
    assert!(text.starts_with(
        "metric,label,unit,a_p50,a_p10,a_p90,b_p50,b_p10,b_p90,delta_p50,delta_p10,delta_p90\n"
    ));
    let (header, rows) = parse(&text);
    assert_eq!(header, COMPARISON_HEADER);
    assert_eq!(rows.len(), 2 + c.rows.len());
    assert_eq!((&rows[0][0], &rows[0][1]), ("scenario_a", a_name));
    assert_eq!((&rows[1][0], &rows[1][1]), ("scenario_b", b_name));
    assert!(rows[0].iter().skip(2).all(str::is_empty));
    for (row, k) in rows[2..].iter().zip(&c.rows) {
        assert_eq!(&row[0], metric_id(k.metric).as_str());
        assert_eq!((&row[1], &row[2]), (k.label.as_str(), k.unit.name()));
        for (cells, band) in [(3, k.a), (6, k.b), (9, k.delta)] {
            assert!(same(&row[cells], band.p50), "{row:?}");
            assert!(same(&row[cells + 1], band.p10), "{row:?}");
            assert!(same(&row[cells + 2], band.p90), "{row:?}");
        }
    }
    let mqls = rows.iter().find(|r| &r[0] == "mqls").expect("an MQL row");
    assert_eq!((&mqls[9], &mqls[10], &mqls[11]), ("0", "0", "0"));
}
