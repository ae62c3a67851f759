//! The marginal value of each lever as a ranked horizontal bar chart: the bar is the median
//! change in bookings, the whisker its P10-P90 range across paired replications.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{palette, ChartError, ValueFormat, FONT};

/// One lever's effect: median and P10/P90 of the change it makes.
#[derive(Debug, Clone, PartialEq)]
pub struct LeverBar {
    pub label: String,
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
}

/// Renders the levers top to bottom in the order given (callers rank them first).
/// Positive effects are drawn in blue, negative in vermillion; zero is a vertical axis line.
pub fn lever_chart_svg(
    title: &str,
    x_label: &str,
    format: ValueFormat,
    levers: &[LeverBar],
    width: u32,
    height: u32,
) -> Result<String, ChartError> {
    let finite = |v: f64| if v.is_finite() { v } else { 0.0 };
    let lo = levers
        .iter()
        .map(|l| finite(l.p10).min(finite(l.p50)))
        .fold(0.0_f64, f64::min);
    let hi = levers
        .iter()
        .map(|l| finite(l.p90).max(finite(l.p50)))
        .fold(0.0_f64, f64::max);
    let span = (hi - lo).max(1.0);
    // Room on the right for the value labels.
    let (lo, hi) = (lo - span * 0.05, hi + span * 0.4);
    let n = levers.len().max(1) as f64;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        root.fill(&WHITE).map_err(ChartError::from_plotters)?;
        let mut ctx = ChartBuilder::on(&root)
            .caption(title, (FONT, 22).into_font().color(&palette::INK))
            .margin(12)
            .margin_left(16)
            .x_label_area_size(44)
            .y_label_area_size(200)
            // Row i occupies y in [n - i - 1, n - i], so the first lever is on top.
            .build_cartesian_2d(lo..hi, 0.0..n)
            .map_err(ChartError::from_plotters)?;
        ctx.configure_mesh()
            .disable_y_mesh()
            .disable_y_axis()
            .light_line_style(WHITE)
            .bold_line_style(palette::GRID)
            .x_desc(x_label)
            .x_label_formatter(&|v| format.axis(*v))
            .axis_desc_style((FONT, 16))
            .label_style((FONT, 15))
            .draw()
            .map_err(ChartError::from_plotters)?;
        let row = |i: usize| n - i as f64 - 1.0;
        ctx.draw_series(levers.iter().enumerate().map(|(i, l)| {
            let colour = if l.p50 >= 0.0 {
                palette::BLUE
            } else {
                palette::VERMILLION
            };
            Rectangle::new(
                [(0.0, row(i) + 0.2), (finite(l.p50), row(i) + 0.8)],
                colour.filled(),
            )
        }))
        .map_err(ChartError::from_plotters)?;
        ctx.draw_series(levers.iter().enumerate().map(|(i, l)| {
            let y = row(i) + 0.5;
            PathElement::new(
                vec![(finite(l.p10), y), (finite(l.p90), y)],
                palette::INK.stroke_width(2),
            )
        }))
        .map_err(ChartError::from_plotters)?;
        ctx.draw_series(std::iter::once(PathElement::new(
            vec![(0.0, 0.0), (0.0, n)],
            palette::INK.stroke_width(1),
        )))
        .map_err(ChartError::from_plotters)?;
        let name_style = TextStyle::from((FONT, 16).into_font())
            .color(&palette::INK)
            .pos(Pos::new(HPos::Right, VPos::Center));
        ctx.draw_series(levers.iter().enumerate().map(|(i, l)| {
            EmptyElement::at((lo, row(i) + 0.5))
                + Text::new(l.label.clone(), (-10, 0), name_style.clone())
        }))
        .map_err(ChartError::from_plotters)?;
        let value_style = TextStyle::from((FONT, 15).into_font())
            .color(&palette::INK)
            .pos(Pos::new(HPos::Left, VPos::Bottom));
        ctx.draw_series(levers.iter().enumerate().map(|(i, l)| {
            let text = format!(
                "{} ({} to {})",
                signed(format, l.p50),
                signed(format, l.p10),
                signed(format, l.p90)
            );
            EmptyElement::at((finite(l.p90).max(finite(l.p50)), row(i) + 0.5))
                + Text::new(text, (6, 8), value_style.clone())
        }))
        .map_err(ChartError::from_plotters)?;
        root.present().map_err(ChartError::from_plotters)?;
    }
    Ok(svg)
}

/// A value with an explicit sign: `+$410K`, `-$20K`.
fn signed(format: ValueFormat, v: f64) -> String {
    let s = format.axis(v);
    if v > 0.0 {
        format!("+{s}")
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn levers() -> Vec<LeverBar> {
        let bar = |label: &str, p10: f64, p50: f64, p90: f64| LeverBar {
            label: label.into(),
            p10,
            p50,
            p90,
        };
        vec![
            bar("+1 SDR", 300_000.0, 410_000.0, 520_000.0),
            bar("+10% leads", 50_000.0, 120_000.0, 190_000.0),
            bar("Threshold +5", -90_000.0, -40_000.0, 10_000.0),
        ]
    }

    #[test]
    fn levers_are_drawn_ranked_with_signed_values() {
        let svg = lever_chart_svg(
            "What each lever adds",
            "Change in bookings ($)",
            ValueFormat::Money,
            &levers(),
            800,
            300,
        )
        .expect("draws");
        let first = svg.find("+1 SDR").expect("first lever labelled");
        let last = svg.find("Threshold +5").expect("last lever labelled");
        assert!(first < last);
        assert!(svg.contains("+$410K (+$300K to +$520K)"));
        assert!(svg.contains("-$40K (-$90K to +$10K)"));
        assert!(
            svg.contains("#D55E00"),
            "a negative effect is drawn in vermillion"
        );
    }

    #[test]
    fn no_levers_still_draws() {
        assert!(lever_chart_svg("t", "x", ValueFormat::Money, &[], 400, 200).is_ok());
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn lever_chart_snapshot() {
        let svg = lever_chart_svg(
            "What each lever adds",
            "Change in bookings ($)",
            ValueFormat::Money,
            &levers(),
            800,
            300,
        )
        .expect("draws");
        insta::assert_snapshot!(svg);
    }
}
