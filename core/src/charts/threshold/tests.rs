//! Tests of the threshold trade-off chart and its text alternative.

use super::super::tornado::tests::smallest_font;
use super::*;

/// Bookings peak at 35 today and at 45 with one more SDR; utilisation falls as the
/// threshold rises.
fn chart() -> ThresholdChart {
    let thresholds: Vec<f64> = (0..=20).map(|i| 5.0 * f64::from(i)).collect();
    let point = |t: f64, peak: f64, top: f64, sdrs: f64| {
        let mean = top - 1_500.0 * (t - peak).powi(2);
        ThresholdPoint {
            bookings_mean: mean,
            bookings_p10: mean * 0.9,
            bookings_p90: mean * 1.1,
            sdr_utilisation: (1.0 - t / 120.0) * 5.0 / sdrs,
            mqls: 4_000.0 - 35.0 * t,
            sqls: (1_500.0 - 12.0 * t) * sdrs / 5.0,
        }
    };
    ThresholdChart {
        title: "Bookings and SDR load across the MQL threshold".into(),
        today: thresholds
            .iter()
            .map(|&t| point(t, 35.0, 12_000_000.0, 5.0))
            .collect(),
        plus_one: thresholds
            .iter()
            .map(|&t| point(t, 45.0, 12_600_000.0, 6.0))
            .collect(),
        thresholds,
        current: 40.0,
        best_today: Some(35.0),
        best_plus_one: Some(45.0),
    }
}

fn draw() -> String {
    threshold_curve_svg(&chart(), 900, 520).expect("draws")
}

#[test]
fn bands_lines_axes_markers_and_legend() {
    let svg = draw();
    assert_eq!(
        svg.matches("<polygon").count(),
        2,
        "a P10-P90 band a series"
    );
    let lines = |colour: &str, width: &str| {
        svg.lines()
            .filter(|l| {
                l.starts_with("<polyline")
                    && l.contains(&format!("stroke=\"{colour}\" stroke-width=\"{width}\""))
            })
            .count()
    };
    assert_eq!(
        lines("#0072B2", "3"),
        1 + 1,
        "today's mean and its legend key"
    );
    assert_eq!(
        lines("#D55E00", "3"),
        1 + 1,
        "+1 SDR's mean and its legend key"
    );
    // Dashes: many short segments each, plus the marker of each series' best.
    assert!(lines("#0072B2", "2") > 10);
    assert!(lines("#D55E00", "2") > 10);
    for text in [
        "now 40",
        "best today 35",
        "best with +1 SDR 45",
        "MQL threshold (score points)",
        "Bookings over the run ($)",
        "SDR utilisation (%)",
        "Today: bookings (mean)",
        "+1 SDR: P10-P90",
        "+1 SDR: SDR utilisation (right axis)",
        "100%",
        "$12M",
    ] {
        assert!(svg.contains(&format!("\n{text}\n")), "missing {text}");
    }
    assert!(
        !svg.contains("\n120%\n"),
        "no ticks in the markers' headroom"
    );
    assert!(smallest_font(&svg) >= 14.0, "projector-sized text");
}

#[test]
fn text_names_both_bests_and_has_a_row_a_threshold() {
    let text = threshold_curve_text(&chart());
    assert_eq!(
        text.summary,
        "Best threshold today: 35, mean bookings $12M (P10 $10.8M to P90 $13.2M). \
         With one more SDR: 45, mean bookings $12.6M (P10 $11.3M to P90 $13.9M). \
         Now: 40, mean bookings $12M (P10 $10.8M to P90 $13.2M) today."
    );
    let t = &text.table;
    assert_eq!(t.rows.len(), 21, "one row a threshold");
    assert!(t.rows.iter().all(|r| r.len() == t.headers.len()));
    assert_eq!(
        t.rows[7],
        [
            "35 (best today)",
            "2,775",
            "1,080",
            "1,296",
            "$10.8M",
            "$12M",
            "$13.2M",
            "$11.2M",
            "$12.4M",
            "$13.7M",
            "71%",
            "59%"
        ]
    );
    assert_eq!(t.rows[8][0], "40 (now)");
    assert_eq!(t.rows[9][0], "45 (best with +1 SDR)");
}

#[test]
fn partial_and_empty_curves() {
    let mut c = chart();
    c.today.truncate(3);
    c.plus_one.clear();
    c.best_plus_one = None;
    c.best_today = Some(10.0);
    let svg = threshold_curve_svg(&c, 700, 400).expect("draws");
    assert!(!svg.contains("best with +1 SDR"));
    let text = threshold_curve_text(&c);
    assert_eq!(text.table.rows[20][4], "n/a", "no figures yet");
    let empty = ThresholdChart {
        thresholds: vec![],
        today: vec![],
        plus_one: vec![],
        best_today: None,
        best_plus_one: None,
        ..c
    };
    assert!(threshold_curve_svg(&empty, 400, 300).is_ok());
    assert_eq!(
        threshold_curve_text(&empty).summary,
        "No threshold has run yet."
    );
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn threshold_curve_snapshot() {
    // Next to the other charts' snapshots.
    insta::with_settings!({ snapshot_path => "../snapshots" }, {
        insta::assert_snapshot!(draw());
    });
}
