//! Tests of the heatmap and its text alternative.

use super::super::tornado::tests::smallest_font;
use super::*;

/// A 4 × 3 grid of bookings, the last cell not run yet.
fn grid() -> Heatmap {
    let mut values: Vec<Option<f64>> = (0..12)
        .map(|i| Some(9_000_000.0 + 250_000.0 * f64::from(i)))
        .collect();
    values[11] = None;
    values[5] = Some(12_500_000.0);
    Heatmap {
        title: "Median bookings over the run".into(),
        x_label: "MQL threshold (score points)".into(),
        y_label: "SDR headcount".into(),
        x_ticks: ["30", "35", "40", "45"].map(String::from).to_vec(),
        y_ticks: ["5", "6", "7"].map(String::from).to_vec(),
        values,
        unit: Unit::Dollars,
        current: Some((2, 0)),
        best: Some((1, 1)),
    }
}

/// A 10 × 10 sweep as the app draws it, 13 cells not run yet.
fn grid10() -> Heatmap {
    let values = (0..100)
        .map(|i: i32| {
            let (x, y) = (f64::from(i % 10), f64::from(i / 10));
            (i < 87)
                .then(|| 9_000_000.0 + 600_000.0 * y - 40_000.0 * (x - 5.0).powi(2) * (10.0 - y))
        })
        .collect();
    Heatmap {
        title: "Median bookings over the run".into(),
        x_label: "MQL threshold (score points)".into(),
        y_label: "SDR headcount".into(),
        x_ticks: (0..10).map(|i| (20 + 5 * i).to_string()).collect(),
        y_ticks: (0..10).map(|i| (2 + i).to_string()).collect(),
        values,
        unit: Unit::Dollars,
        current: Some((4, 3)),
        best: Some((5, 8)),
    }
}

fn draw(h: &Heatmap) -> String {
    heatmap_svg(h, 900, 620).expect("draws")
}

#[test]
fn every_cell_shows_its_value_and_a_pending_cell_is_grey_with_an_ellipsis() {
    let svg = draw(&grid());
    let cells = |fill: &str| {
        svg.lines()
            .filter(|l| l.starts_with("<rect") && l.contains(&format!("fill=\"{fill}\"")))
            .count()
    };
    assert_eq!(
        cells("#E6E6E6"),
        1 + 1,
        "one pending cell and the legend's key"
    );
    assert_eq!(svg.matches("\n…\n").count(), 1 + 1);
    for v in ["$9M", "$9.2M", "$11.5M", "$12.5M"] {
        assert!(svg.contains(&format!("\n{v}\n")), "{v} drawn");
    }
    // The lowest value is the lightest blue, the highest the darkest, with white text.
    assert!(svg.contains("fill=\"#DEEBF7\""));
    assert!(svg.contains("fill=\"#08306B\""));
    for text in [
        "now",
        "best",
        "not run yet",
        "MQL threshold (score points)",
        "SDR headcount",
    ] {
        assert!(svg.contains(&format!("\n{text}\n")), "missing {text}");
    }
    let legend = &svg[svg.rfind("fill=\"#DEEBF7\"").expect("the scale")..];
    assert!(
        svg.contains("\n$9M\n"),
        "the scale's lowest value, with its unit"
    );
    assert!(legend.contains("\n$12.5M\n"), "the scale's highest value");
    assert!(svg.contains("rotate(270"), "the y-axis name runs upwards");
    assert!(smallest_font(&svg) >= 14.0, "projector-sized text");
}

#[test]
fn a_full_sweep_at_the_apps_size_labels_every_cell_inside_the_picture() {
    let svg = draw(&grid10());
    let texts: Vec<(f64, f64, &str)> = {
        let lines: Vec<&str> = svg.lines().collect();
        lines
            .windows(2)
            .filter(|w| w[0].starts_with("<text"))
            .map(|w| {
                let attr = |name: &str| -> f64 {
                    w[0].split(&format!(" {name}=\""))
                        .nth(1)
                        .and_then(|s| s.split('"').next())
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(f64::NAN)
                };
                (attr("x"), attr("y"), w[1].trim())
            })
            .collect()
    };
    let values = texts
        .iter()
        .filter(|t| t.2.starts_with('$') || t.2.starts_with("-$"))
        .count();
    assert_eq!(values, 87 + 2, "every cell run, and the scale's two ends");
    assert_eq!(texts.iter().filter(|t| t.2 == "…").count(), 13 + 1);
    for word in ["now", "best"] {
        assert_eq!(
            texts.iter().filter(|t| t.2 == word).count(),
            2,
            "{word}: in its cell and the legend"
        );
    }
    for (x, y, t) in &texts {
        assert!(
            (0.0..900.0).contains(x) && (0.0..620.0).contains(y),
            "{t} at ({x}, {y})"
        );
    }
}

#[test]
fn text_contrasts_with_its_cell() {
    assert_eq!(ink_on(BLUES[0]), palette::INK);
    assert_eq!(ink_on(BLUES[4]), WHITE);
    assert_eq!(ink_on(PENDING), palette::INK);
    assert_eq!(shade(0.0), BLUES[0]);
    assert_eq!(shade(1.0), BLUES[4]);
    assert_eq!(shade(0.5), BLUES[2]);
    assert_eq!(shade(f64::NAN), BLUES[0]);
}

#[test]
fn rows_run_bottom_to_top_and_now_is_outlined() {
    let svg = draw(&grid());
    let y_of = |text: &str| crate::charts::bands::tests::text_y(&svg, text).expect(text);
    assert!(y_of("5") > y_of("7"), "the first row is at the bottom");
    let strips = svg
        .lines()
        .filter(|l| l.starts_with("<rect") && l.contains("fill=\"#222222\""))
        .count();
    assert_eq!(
        strips,
        4 * (1 + 1),
        "the current cell's outline and the legend's key"
    );
    assert_eq!(
        svg.matches("<polygon").count(),
        1 + 1,
        "the best cell's star and its key"
    );
}

#[test]
fn text_names_the_best_and_current_cells_with_a_row_per_y() {
    let text = heatmap_text(&grid());
    assert_eq!(
        text.summary,
        "Best: $12.5M at MQL threshold (score points) 35 and SDR headcount 6. \
         Now (MQL threshold (score points) 40 and SDR headcount 5): $9.5M. \
         1 of 12 cells not run yet."
    );
    let t = &text.table;
    assert_eq!(t.headers, ["SDR headcount", "30", "35", "40", "45"]);
    assert_eq!(t.rows.len(), 3, "one row per y");
    assert_eq!(t.rows[0], ["5", "$9M", "$9.2M", "$9.5M (now)", "$9.8M"]);
    assert_eq!(t.rows[1][2], "$12.5M (best)");
    assert_eq!(t.rows[2][4], "not run yet");
}

#[test]
fn nothing_run_yet_and_shares() {
    let mut h = grid();
    h.values = vec![None; 12];
    h.best = None;
    let svg = draw(&h);
    assert_eq!(svg.matches("\n…\n").count(), 12 + 1);
    assert_eq!(
        heatmap_text(&h).summary,
        "No cell has run yet. Now (MQL threshold (score points) 40 and SDR headcount 5): \
         not run yet. 12 of 12 cells not run yet."
    );
    h.values = vec![Some(0.75); 12];
    h.unit = Unit::Share;
    let svg = draw(&h);
    assert!(svg.contains("\n75%\n"));
    assert!(heatmap_svg(
        &Heatmap {
            x_ticks: vec![],
            y_ticks: vec![],
            values: vec![],
            ..h
        },
        300,
        200
    )
    .is_ok());
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn heatmap_snapshot() {
    // Next to the other charts' snapshots.
    insta::with_settings!({ snapshot_path => "../snapshots" }, {
        insta::assert_snapshot!(draw(&grid()));
    });
}
