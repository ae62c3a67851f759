//! The expected-value funnel as a bar chart: one bar a stage, its count above it, its
//! conversion from the previous stage below its name.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::data_table::{decapitalise, ChartText, DataTable};
use super::svg::Svg;
use super::{palette, ChartError, FONT};
use crate::engine::ExpectedFunnel;
use crate::format;

/// Renders the funnel as an SVG document of `width` x `height` pixels.
pub fn waterfall_svg(
    funnel: &ExpectedFunnel,
    width: u32,
    height: u32,
) -> Result<String, ChartError> {
    let mut svg = String::new();
    {
        let root = Svg::area(&mut svg, (width, height));
        root.fill(&WHITE).map_err(ChartError::from_plotters)?;
        let n = funnel.stages.len().max(1);
        let top = funnel
            .stages
            .iter()
            .map(|s| s.count)
            .fold(0.0_f64, f64::max)
            .max(1.0)
            * 1.15;
        let caption = format!("Expected funnel over {} weeks", funnel.weeks);
        let mut chart = ChartBuilder::on(&root)
            .caption(caption, (FONT, 22).into_font().color(&palette::INK))
            .margin(12)
            .x_label_area_size(48)
            .y_label_area_size(72)
            .build_cartesian_2d(0.0..n as f64, 0.0..top)
            .map_err(ChartError::from_plotters)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .disable_x_axis()
            .light_line_style(TRANSPARENT)
            .bold_line_style(palette::GRID)
            .y_desc("Leads (expected count)")
            .y_label_formatter(&|v| format::count(*v))
            .axis_desc_style((FONT, 17))
            .label_style((FONT, 16))
            .draw()
            .map_err(ChartError::from_plotters)?;

        let colour = |i: usize| palette::SERIES[i % palette::SERIES.len()];
        chart
            .draw_series(funnel.stages.iter().enumerate().map(|(i, s)| {
                let x = i as f64;
                Rectangle::new([(x + 0.15, 0.0), (x + 0.85, s.count)], colour(i).filled())
            }))
            .map_err(ChartError::from_plotters)?;

        let above = TextStyle::from((FONT, 18).into_font())
            .color(&palette::INK)
            .pos(Pos::new(HPos::Center, VPos::Bottom));
        chart
            .draw_series(funnel.stages.iter().enumerate().map(|(i, s)| {
                Text::new(
                    format::count(s.count),
                    (i as f64 + 0.5, s.count),
                    above.clone(),
                )
            }))
            .map_err(ChartError::from_plotters)?;

        let below = TextStyle::from((FONT, 16).into_font())
            .color(&palette::INK)
            .pos(Pos::new(HPos::Center, VPos::Top));
        chart
            .draw_series(funnel.stages.iter().enumerate().map(|(i, s)| {
                let label = if i == 0 {
                    s.stage.label().to_string()
                } else {
                    format!(
                        "{} ({})",
                        s.stage.label(),
                        format::percent(s.rate_from_previous.get())
                    )
                };
                EmptyElement::at((i as f64 + 0.5, 0.0)) + Text::new(label, (0, 8), below.clone())
            }))
            .map_err(ChartError::from_plotters)?;
        root.present().map_err(ChartError::from_plotters)?;
    }
    Ok(svg)
}

/// The summary sentence and the data table of [`waterfall_svg`]'s chart: the first and last
/// stage's expected counts; one table row a bar with its count and its conversion from the
/// previous stage (as under the bar's name).
pub fn waterfall_text(funnel: &ExpectedFunnel) -> ChartText {
    let summary = match (funnel.stages.first(), funnel.stages.last()) {
        (Some(first), Some(last)) if funnel.stages.len() > 1 => {
            let share = if first.count > 0.0 {
                format!(
                    ", {} of {}",
                    format::percent(last.count / first.count),
                    decapitalise(first.stage.label())
                )
            } else {
                String::new()
            };
            format!(
                "Over {} weeks, {} {} are expected to become {} {}{share}.",
                funnel.weeks,
                format::count(first.count),
                decapitalise(first.stage.label()),
                format::count(last.count),
                decapitalise(last.stage.label()),
            )
        }
        (Some(only), _) => format!(
            "Over {} weeks, {} {} are expected.",
            funnel.weeks,
            format::count(only.count),
            decapitalise(only.stage.label())
        ),
        _ => format!("No stages over {} weeks.", funnel.weeks),
    };
    let rows = funnel
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let rate = if i == 0 {
                "n/a".to_string()
            } else {
                format::percent(s.rate_from_previous.get())
            };
            vec![s.stage.label().to_string(), format::count(s.count), rate]
        })
        .collect();
    ChartText {
        summary,
        table: DataTable {
            caption: format!("Expected funnel over {} weeks", funnel.weeks),
            headers: vec![
                "Stage".into(),
                "Leads (expected count)".into(),
                "Conversion from the previous stage".into(),
            ],
            rows,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::expected_funnel;
    use crate::model::{ValidWaterfall, WaterfallInputs};

    fn default_funnel() -> ExpectedFunnel {
        let v = ValidWaterfall::try_from(&WaterfallInputs::default()).expect("defaults valid");
        expected_funnel(&v)
    }

    /// Heights of the filled bar rectangles, in drawing order.
    fn bar_heights(svg: &str) -> Vec<f64> {
        svg.split("<rect")
            .skip(1)
            .filter(|r| !r.contains("fill=\"#FFFFFF\""))
            .filter_map(|r| {
                let h = r.split("height=\"").nth(1)?.split('"').next()?;
                h.parse::<f64>().ok()
            })
            .collect()
    }

    #[test]
    fn waterfall_svg_has_labels_and_proportional_bars() {
        let f = default_funnel();
        let svg = waterfall_svg(&f, 800, 400).expect("draws");
        assert!(svg.starts_with("<svg"));
        for label in [
            "Inquiries",
            "MQLs (10%)",
            "SALs (85%)",
            "SQLs (60%)",
            "Won deals (30%)",
        ] {
            assert!(svg.contains(label), "missing label {label}");
        }
        assert!(svg.contains("31,200"), "inquiry count shown");
        assert!(svg.contains("477"), "won count shown");
        let h = bar_heights(&svg);
        assert_eq!(h.len(), 5, "one bar a stage: {h:?}");
        // Bars are proportional to the counts: MQL bar is 10% of the inquiry bar (to a pixel).
        assert!((h[1] - h[0] * 0.10).abs() <= 1.0, "{h:?}");
        assert!((h[2] - h[1] * 0.85).abs() <= 1.0, "{h:?}");
    }

    #[test]
    fn text_names_first_and_last_stage_and_has_a_row_a_bar_as_labelled() {
        let f = default_funnel();
        let text = waterfall_text(&f);
        assert_eq!(
            text.summary,
            "Over 52 weeks, 31,200 inquiries are expected to become 477 won deals, 1.5% of inquiries."
        );
        let t = &text.table;
        assert_eq!(t.rows.len(), f.stages.len(), "one row a bar");
        assert_eq!(t.rows[0], ["Inquiries", "31,200", "n/a"]);
        assert_eq!(t.rows[1][2], "10%");
        let svg = waterfall_svg(&f, 800, 400).expect("draws");
        for row in &t.rows[1..] {
            // The name under the bar, e.g. "MQLs (10%)", and the count above it.
            assert!(svg.contains(&format!("{} ({})", row[0], row[2])), "{row:?}");
            assert!(svg.contains(&row[1]), "{row:?}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn waterfall_svg_snapshot() {
        let svg = waterfall_svg(&default_funnel(), 800, 400).expect("draws");
        insta::assert_snapshot!(svg);
    }
}
