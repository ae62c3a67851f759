//! Two scenarios' funnels side by side: per stage, a bar for scenario A and one for scenario
//! B (their medians across replications), each labelled with its count.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::data_table::{ChartText, DataTable};
use super::legend::{draw_legend_row, legend_row_height, Key};
use super::svg::Svg;
use super::{palette, ChartError, Unit, FONT};

/// Colour of scenario A (the first series colour, as in the band charts).
pub const A_COLOUR: RGBColor = palette::BLUE;
/// Colour of scenario B (the second series colour, as in the band charts).
pub const B_COLOUR: RGBColor = palette::ORANGE;

/// Longest scenario name shown in the legend, in characters; longer names are cut with `...`.
const NAME_CHARS: usize = 40;

fn finite(v: f64) -> f64 {
    if v.is_finite() {
        v.max(0.0)
    } else {
        0.0
    }
}

fn short(name: &str) -> String {
    if name.chars().count() <= NAME_CHARS {
        name.to_string()
    } else {
        let cut: String = name.chars().take(NAME_CHARS - 3).collect();
        format!("{}...", cut.trim_end())
    }
}

/// Grouped horizontal bars: for each stage `(name, A median, B median)`, top to bottom in the
/// order given, A's bar above B's. Scenario names are user text; the SVG backend escapes them.
pub fn funnel_pair_svg(
    stages: &[(&str, f64, f64)],
    a_name: &str,
    b_name: &str,
    width: u32,
    height: u32,
) -> Result<String, ChartError> {
    let hi = stages
        .iter()
        .map(|s| finite(s.1).max(finite(s.2)))
        .fold(0.0_f64, f64::max)
        .max(1.0);
    // Room on the right for the count labels.
    let (lo, hi) = (-hi * 0.02, hi * 1.18);
    let n = stages.len().max(1) as f64;
    // A's bar in the upper half of each row, B's in the lower half.
    let bars = [
        (format!("A: {}", short(a_name)), A_COLOUR, 0.5, 0.88),
        (format!("B: {}", short(b_name)), B_COLOUR, 0.12, 0.5),
    ];
    // The legend goes in a row below the plot, where it covers no bar.
    let legend: Vec<(String, Key)> = bars
        .iter()
        .map(|(name, colour, _, _)| (name.clone(), Key::Swatch(colour.to_rgba())))
        .collect();
    let legend_left = 16 + 190;
    let legend_h = legend_row_height(&legend, 16.0, width as i32 - legend_left - 5).min(height / 3);
    let mut svg = String::new();
    {
        let root = Svg::area(&mut svg, (width, height));
        root.fill(&WHITE).map_err(ChartError::from_plotters)?;
        let (upper, lower) = root.split_vertically(height - legend_h);
        let mut ctx = ChartBuilder::on(&upper)
            .caption(
                "Funnel: A vs B (P50 per stage)",
                (FONT, 22).into_font().color(&palette::INK),
            )
            .margin(12)
            .margin_bottom(4)
            .margin_left(16)
            .margin_right(28)
            .x_label_area_size(44)
            .y_label_area_size(190)
            // Stage i occupies y in [n - i - 1, n - i], so the first stage is on top.
            .build_cartesian_2d(lo..hi, 0.0..n)
            .map_err(ChartError::from_plotters)?;
        ctx.configure_mesh()
            .disable_y_mesh()
            .disable_y_axis()
            .light_line_style(TRANSPARENT)
            .bold_line_style(palette::GRID)
            .x_desc("Leads over the run (median across replications)")
            .x_label_formatter(&|v| Unit::Leads.axis(*v))
            .axis_desc_style((FONT, 17))
            .label_style((FONT, 16))
            .draw()
            .map_err(ChartError::from_plotters)?;
        let row = |i: usize| n - i as f64 - 1.0;
        for (k, (_, colour, y0, y1)) in bars.iter().enumerate() {
            let (colour, y0, y1) = (*colour, *y0, *y1);
            let value = |s: &(&str, f64, f64)| finite(if k == 0 { s.1 } else { s.2 });
            ctx.draw_series(stages.iter().enumerate().map(|(i, s)| {
                Rectangle::new(
                    [(0.0, row(i) + y0), (value(s), row(i) + y1)],
                    colour.filled(),
                )
            }))
            .map_err(ChartError::from_plotters)?;
            let value_style = TextStyle::from((FONT, 16).into_font())
                .color(&palette::INK)
                .pos(Pos::new(HPos::Left, VPos::Center));
            ctx.draw_series(stages.iter().enumerate().map(|(i, s)| {
                EmptyElement::at((value(s), row(i) + (y0 + y1) / 2.0))
                    + Text::new(crate::format::count(value(s)), (6, 0), value_style.clone())
            }))
            .map_err(ChartError::from_plotters)?;
        }
        super::hbars::draw_zero_line_and_row_names(
            &mut ctx,
            lo,
            n,
            stages.iter().map(|s| s.0.to_string()),
        )?;
        draw_legend_row(&lower, legend_left, &legend, 16.0)?;
        root.present().map_err(ChartError::from_plotters)?;
    }
    Ok(svg)
}

/// The summary sentence and the data table of [`funnel_pair_svg`]'s chart: A's and B's first
/// and last stage and the stage where they differ most; one table row a stage with A's and
/// B's counts as labelled on the bars (names cut as in the legend).
pub fn funnel_pair_text(stages: &[(&str, f64, f64)], a_name: &str, b_name: &str) -> ChartText {
    let (a, b) = (
        format!("A: {}", short(a_name)),
        format!("B: {}", short(b_name)),
    );
    let count = |v: f64| crate::format::count(finite(v));
    let mut summary = match (stages.first(), stages.last()) {
        (Some(first), Some(last)) => format!(
            "Median leads from {} to {}: {a} {} to {}; {b} {} to {}.",
            first.0,
            last.0,
            count(first.1),
            count(last.1),
            count(first.2),
            count(last.2)
        ),
        _ => "No stages to compare.".to_string(),
    };
    let widest = stages
        .iter()
        .map(|s| (s.0, finite(s.2) - finite(s.1)))
        .filter(|(_, d)| d.round() != 0.0)
        .fold(None::<(&str, f64)>, |best, s| match best {
            Some(b) if b.1.abs() >= s.1.abs() => Some(b),
            _ => Some(s),
        });
    match widest {
        Some((stage, d)) => summary.push_str(&format!(
            " The largest difference is at {stage}: B has {} leads.",
            crate::format::signed(d, crate::format::count)
        )),
        None if !stages.is_empty() => summary.push_str(" The two funnels are the same."),
        None => {}
    }
    let rows = stages
        .iter()
        .map(|s| vec![s.0.to_string(), count(s.1), count(s.2)])
        .collect();
    ChartText {
        summary,
        table: DataTable {
            caption: "Funnel: A vs B (P50 per stage)".into(),
            headers: vec!["Stage".into(), a, b],
            rows,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stages() -> Vec<(&'static str, f64, f64)> {
        vec![
            ("Inquiries", 24_000.0, 24_000.0),
            ("MQLs", 6_100.0, 6_100.0),
            ("Contacted", 2_900.0, 4_200.0),
            ("SALs", 1_500.0, 2_150.0),
            ("SQLs (opportunities)", 820.0, 1_190.0),
            ("Worked by an AE", 640.0, 900.0),
            ("Won", 150.0, 212.0),
        ]
    }

    #[test]
    fn names_are_prefixed_once_and_the_legend_is_below_the_bars() {
        let svg = draw();
        assert!(!svg.contains("A: A:") && !svg.contains("B: B:"));
        let axis = crate::charts::bands::tests::text_y(
            &svg,
            "Leads over the run (median across replications)",
        )
        .expect("x-axis label");
        for entry in ["A: Baseline", "B: Two more SDRs"] {
            let y = crate::charts::bands::tests::text_y(&svg, entry).expect("legend entry");
            assert!(
                y > axis,
                "{entry} at y {y}, inside the plot (axis label at {axis})"
            );
        }
    }

    fn draw() -> String {
        funnel_pair_svg(&stages(), "Baseline", "Two more SDRs", 800, 460).expect("draws")
    }

    #[test]
    fn funnel_pair_has_title_stages_counts_and_legend() {
        let svg = draw();
        for text in [
            "Funnel: A vs B (P50 per stage)",
            "Leads over the run (median across replications)",
            "A: Baseline",
            "B: Two more SDRs",
            "SQLs (opportunities)",
            "6,100",
            "4,200",
            "212",
        ] {
            assert!(svg.contains(text), "missing {text}");
        }
        assert!(svg.contains("#0072B2"), "A is drawn in blue");
        assert!(svg.contains("#E69F00"), "B is drawn in orange");
        let first = svg.find("Inquiries").expect("first stage labelled");
        let last = svg.find("Worked by an AE").expect("later stage labelled");
        assert!(first < last, "stages are drawn top to bottom in order");
    }

    #[test]
    fn text_names_both_ends_and_the_largest_difference_with_a_row_a_stage() {
        let text = funnel_pair_text(&stages(), "Baseline", "Two more SDRs");
        assert_eq!(
            text.summary,
            "Median leads from Inquiries to Won: A: Baseline 24,000 to 150; \
             B: Two more SDRs 24,000 to 212. The largest difference is at Contacted: B has +1,300 leads."
        );
        let t = &text.table;
        assert_eq!(t.headers, ["Stage", "A: Baseline", "B: Two more SDRs"]);
        assert_eq!(t.rows.len(), stages().len(), "one row a stage");
        assert_eq!(t.rows[4], ["SQLs (opportunities)", "820", "1,190"]);
        let svg = draw();
        for row in &t.rows {
            for count in &row[1..] {
                assert!(svg.contains(&format!("\n{count}\n")), "{count} labelled");
            }
        }
        let same = funnel_pair_text(&[("Won", 3.0, 3.2)], "a", "b");
        assert!(same.summary.ends_with("The two funnels are the same."));
        assert_eq!(
            funnel_pair_text(&[], "a", "b").summary,
            "No stages to compare."
        );
    }

    #[test]
    fn scenario_names_are_escaped() {
        let evil = "<img src=x onerror=alert(1)>";
        let svg = funnel_pair_svg(&stages(), evil, "R&D \"plan\"", 800, 460).expect("draws");
        assert!(
            !svg.contains("<img"),
            "a raw tag from a name reached the SVG"
        );
        assert!(svg.contains("A: &lt;img src=x onerror=alert(1)&gt;"));
        assert!(svg.contains("B: R&amp;D &quot;plan&quot;"));
    }

    #[test]
    fn long_names_are_cut_and_odd_data_still_draws() {
        let long = "x".repeat(200);
        let svg = funnel_pair_svg(&stages(), &long, "b", 800, 460).expect("draws");
        assert!(!svg.contains(&long));
        assert!(svg.contains(&format!("A: {}...", "x".repeat(NAME_CHARS - 3))));
        let odd = [
            ("Nothing", f64::NAN, f64::INFINITY),
            ("Negative", -5.0, 0.0),
        ];
        assert!(funnel_pair_svg(&odd, "a", "b", 400, 200).is_ok());
        assert!(funnel_pair_svg(&[], "a", "b", 400, 200).is_ok());
    }

    /// Overlaid bookings of A and B need no chart of their own: the band chart takes both.
    #[test]
    fn two_bands_get_distinct_colours_and_a_legend_each() {
        use crate::charts::bands::{band_chart_svg, Band, BandChart};
        let a: Vec<f64> = (0..12).map(|w| 10_000.0 * w as f64).collect();
        let b: Vec<f64> = a.iter().map(|v| v * 1.3).collect();
        let chart = BandChart {
            title: "Cumulative bookings: A vs B",
            y_label: "Bookings ($)",
            unit: Unit::Dollars,
            bands: vec![
                Band {
                    name: "A: <Baseline>",
                    p10: &a,
                    p50: &a,
                    p90: &a,
                },
                Band {
                    name: "B: Two more SDRs",
                    p10: &b,
                    p50: &b,
                    p90: &b,
                },
            ],
            reference: None,
        };
        let svg = band_chart_svg(&chart, 800, 360).expect("draws");
        for text in [
            "A: &lt;Baseline&gt; P10-P90",
            "A: &lt;Baseline&gt; median",
            "B: Two more SDRs P10-P90",
            "B: Two more SDRs median",
        ] {
            assert!(svg.contains(text), "missing legend entry {text}");
        }
        assert!(!svg.contains("<Baseline>"));
        assert!(svg.contains("stroke=\"#0072B2\""), "A's median in blue");
        assert!(svg.contains("stroke=\"#E69F00\""), "B's median in orange");
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn funnel_pair_snapshot() {
        insta::assert_snapshot!(draw());
    }
}
