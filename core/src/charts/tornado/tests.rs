//! Tests of the tornado chart and its text alternative.

use super::*;

/// The smallest `font-size` of any text in `svg`, in pixels.
pub(crate) fn smallest_font(svg: &str) -> f64 {
    svg.split("font-size=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next()?.parse::<f64>().ok())
        .fold(f64::INFINITY, f64::min)
}

fn side(step: &str, mean: f64, ci: Option<(f64, f64)>) -> Option<TornadoSide> {
    Some(TornadoSide {
        step: step.into(),
        mean,
        interval: ci,
    })
}

fn rows() -> Vec<TornadoRow> {
    vec![
        TornadoRow {
            label: "SDR headcount".into(),
            team: Team::Sdrs,
            low: side("-1 SDR", -520_000.0, Some((-610_000.0, -430_000.0))),
            high: side("+1 SDR", 410_000.0, Some((320_000.0, 500_000.0))),
        },
        TornadoRow {
            label: "Leads from Webinar".into(),
            team: Team::Marketing,
            low: side("-10%", -150_000.0, Some((-210_000.0, -90_000.0))),
            high: side("+10%", 140_000.0, Some((60_000.0, 220_000.0))),
        },
        TornadoRow {
            label: "MQL threshold".into(),
            team: Team::Marketing,
            low: side("-5 points", 60_000.0, Some((-20_000.0, 140_000.0))),
            high: side("+5 points", -90_000.0, Some((-160_000.0, -20_000.0))),
        },
        TornadoRow {
            label: "AE headcount".into(),
            team: Team::Aes,
            low: side("-1 AE", -80_000.0, None),
            high: None,
        },
    ]
}

fn draw() -> String {
    tornado_svg(
        "Change in bookings over the run, per step of each knob",
        Unit::Dollars,
        &rows(),
        900,
        90 + 44 * 4,
    )
    .expect("draws")
}

#[test]
fn one_bar_a_step_given_in_its_team_colour_with_its_step_and_change() {
    let svg = draw();
    let bars = |colour: &str| {
        svg.lines()
            .filter(|l| l.starts_with("<rect") && l.contains(&format!("fill=\"{colour}\"")))
            .count()
    };
    // Marketing: two knobs with two steps; SDRs two steps; AEs one step (+ a legend swatch each).
    assert_eq!(bars("#E69F00"), 4 + 1);
    assert_eq!(bars("#0072B2"), 2 + 1);
    assert_eq!(bars("#56B4E9"), 1 + 1);
    for text in [
        "+1 SDR +$410K",
        "-1 SDR -$520K",
        "-10% -$150K",
        "+5 points -$90K",
        "-1 AE -$80K",
        "Marketing",
        "Sales development (SDRs)",
        "Closing (AEs)",
        WHISKER,
        "Mean change from the scenario as it is ($)",
    ] {
        assert!(svg.contains(&format!("\n{text}\n")), "missing {text}");
    }
    let first = svg.find("\nSDR headcount\n").expect("first knob");
    let last = svg.find("\nAE headcount\n").expect("last knob");
    assert!(first < last, "rows in the order given");
    // Whiskers: one per side with an interval, drawn in ink.
    let whiskers = svg
        .lines()
        .filter(|l| {
            l.starts_with("<polyline") && l.contains("stroke=\"#222222\" stroke-width=\"2\"")
        })
        .count();
    assert_eq!(
        whiskers,
        6 + 1 + 1,
        "six whiskers, the zero line and the legend's key"
    );
    assert!(smallest_font(&svg) >= 14.0, "projector-sized text");
}

#[test]
fn a_loss_is_labelled_left_of_its_bar_and_a_gain_right() {
    let svg = draw();
    let x_of = |text: &str| -> (f64, String) {
        let lines: Vec<&str> = svg.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.trim() == text)
            .unwrap_or_else(|| panic!("{text} drawn"));
        let tag = lines[at - 1];
        let x = tag.split(" x=\"").nth(1).and_then(|s| s.split('"').next());
        (x.expect("x").parse().expect("number"), tag.to_string())
    };
    let (gain, gain_tag) = x_of("+1 SDR +$410K");
    let (loss, loss_tag) = x_of("-1 SDR -$520K");
    assert!(loss < gain);
    assert!(loss_tag.contains("text-anchor=\"end\""), "{loss_tag}");
    assert!(gain_tag.contains("text-anchor=\"start\""), "{gain_tag}");
    assert!(gain < 900.0 - 100.0, "room for the text inside the picture");
    assert!(loss > 120.0, "right of the knob names");
}

#[test]
fn shares_change_in_percentage_points() {
    let rows = vec![TornadoRow {
        label: "Response target".into(),
        team: Team::Sdrs,
        low: side("halved", 0.031, Some((0.02, 0.042))),
        high: side("doubled", -0.05, None),
    }];
    let svg = tornado_svg("SLA", Unit::Share, &rows, 700, 260).expect("draws");
    assert!(svg.contains("\nhalved +3.1 pp\n"));
    assert!(svg.contains("\ndoubled -5 pp\n"));
    assert!(svg.contains("(percentage points)"));
    let text = tornado_text("SLA", Unit::Share, &rows);
    assert_eq!(
        text.table.rows[0],
        [
            "Response target",
            "Sales development (SDRs)",
            "halved",
            "+3.1 pp (+2 pp to +4.2 pp)",
            "doubled",
            "-5 pp"
        ]
    );
}

#[test]
fn text_names_the_widest_knob_and_has_a_row_a_knob() {
    let text = tornado_text("Bookings", Unit::Dollars, &rows());
    assert_eq!(
        text.summary,
        "SDR headcount (Sales development (SDRs)) swings the most: -1 SDR -$520K, \
         +1 SDR +$410K. 4 knobs measured; bars show the mean change, whiskers its 90% \
         confidence interval."
    );
    let t = &text.table;
    assert_eq!(t.rows.len(), 4, "one row a knob");
    assert_eq!(t.headers.len(), 6);
    assert!(t.rows.iter().all(|r| r.len() == 6));
    assert_eq!(
        t.rows[1],
        [
            "Leads from Webinar",
            "Marketing",
            "-10%",
            "-$150K (-$210K to -$90K)",
            "+10%",
            "+$140K (+$60K to +$220K)"
        ]
    );
    assert_eq!(
        t.rows[3],
        [
            "AE headcount",
            "Closing (AEs)",
            "-1 AE",
            "-$80K",
            "no step",
            "not measured"
        ]
    );
    assert!(t.caption.contains("($)"), "{}", t.caption);
    let none = tornado_text("t", Unit::Dollars, &[]);
    assert_eq!(none.summary, "No knob was measured.");
}

#[test]
fn empty_and_non_finite_rows_still_draw() {
    assert!(tornado_svg("t", Unit::Dollars, &[], 400, 200).is_ok());
    let odd = vec![TornadoRow {
        label: "x".into(),
        team: Team::Aes,
        low: side("-1", f64::NAN, Some((f64::NEG_INFINITY, 1.0))),
        high: None,
    }];
    assert!(tornado_svg("t", Unit::Dollars, &odd, 400, 200).is_ok());
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn tornado_snapshot() {
    // Next to the other charts' snapshots.
    insta::with_settings!({ snapshot_path => "../snapshots" }, {
        insta::assert_snapshot!(draw());
    });
}
