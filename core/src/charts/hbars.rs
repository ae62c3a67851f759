//! Horizontal bar charts with a label per row and a value label at the end of each bar,
//! optionally a P10-P90 whisker. Used for the marginal value of levers and for where every
//! lead ended up (leak accounting).

use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::svg::Svg;
use super::text::text_size;
use super::{palette, ChartError, Unit, FONT};

/// A chart whose rows run top to bottom (row i occupies y in [n - i - 1, n - i]).
pub(super) type RowChart<'a, 'b> =
    ChartContext<'a, Svg<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Draws the vertical zero line and each row's name to the left of the plot, right-aligned
/// and vertically centred on its row.
pub(super) fn draw_zero_line_and_row_names(
    ctx: &mut RowChart<'_, '_>,
    lo: f64,
    n: f64,
    names: impl Iterator<Item = String>,
) -> Result<(), ChartError> {
    ctx.draw_series(std::iter::once(PathElement::new(
        vec![(0.0, 0.0), (0.0, n)],
        palette::INK.stroke_width(1),
    )))
    .map_err(ChartError::from_plotters)?;
    let name_style = TextStyle::from((FONT, 16).into_font())
        .color(&palette::INK)
        .pos(Pos::new(HPos::Right, VPos::Center));
    ctx.draw_series(names.enumerate().map(|(i, name)| {
        EmptyElement::at((lo, n - i as f64 - 0.5)) + Text::new(name, (-10, 0), name_style.clone())
    }))
    .map_err(ChartError::from_plotters)?;
    Ok(())
}

/// One row: its label, its value, an optional (low, high) range, its colour and the text
/// drawn at the end of the bar.
#[derive(Debug, Clone, PartialEq)]
pub struct HBar {
    pub label: String,
    pub value: f64,
    pub range: Option<(f64, f64)>,
    pub colour: RGBColor,
    pub value_text: String,
}

/// Chart-wide texts and sizes.
#[derive(Debug, Clone, Copy)]
pub struct HBarLayout<'a> {
    pub title: &'a str,
    pub x_label: &'a str,
    pub unit: Unit,
    pub width: u32,
    pub height: u32,
    /// Pixels reserved on the left for the row labels.
    pub label_width: u32,
}

fn finite(v: f64) -> f64 {
    if v.is_finite() {
        v
    } else {
        0.0
    }
}

/// Renders the rows top to bottom in the order given.
pub fn hbar_chart_svg(layout: &HBarLayout<'_>, rows: &[HBar]) -> Result<String, ChartError> {
    let ends = |r: &HBar| {
        let (lo, hi) = r.range.unwrap_or((r.value, r.value));
        (
            finite(lo).min(finite(r.value)),
            finite(hi).max(finite(r.value)),
        )
    };
    let lo = rows.iter().map(|r| ends(r).0).fold(0.0_f64, f64::min);
    let hi = rows.iter().map(|r| ends(r).1).fold(0.0_f64, f64::max);
    let span = (hi - lo).max(1.0);
    // Room on the right for the value labels.
    let (lo, hi) = (lo - span * 0.05, hi + span * 0.4);
    let n = rows.len().max(1) as f64;
    // Wide enough for the longest row name (16 px text, right-aligned), at most half the chart.
    let widest = rows
        .iter()
        .map(|r| text_size(&r.label, 16.0).0)
        .max()
        .unwrap_or(0);
    let label_width = layout.label_width.max(widest + 24).min(layout.width / 2);
    let mut svg = String::new();
    {
        let root = Svg::area(&mut svg, (layout.width, layout.height));
        root.fill(&WHITE).map_err(ChartError::from_plotters)?;
        let mut ctx = ChartBuilder::on(&root)
            .caption(layout.title, (FONT, 22).into_font().color(&palette::INK))
            .margin(12)
            .margin_left(16)
            .margin_right(28)
            .x_label_area_size(44)
            .y_label_area_size(label_width)
            // Row i occupies y in [n - i - 1, n - i], so the first row is on top.
            .build_cartesian_2d(lo..hi, 0.0..n)
            .map_err(ChartError::from_plotters)?;
        let unit = layout.unit;
        ctx.configure_mesh()
            .disable_y_mesh()
            .disable_y_axis()
            .light_line_style(TRANSPARENT)
            .bold_line_style(palette::GRID)
            .x_desc(layout.x_label)
            .x_label_formatter(&|v| unit.axis(*v))
            .axis_desc_style((FONT, 17))
            .label_style((FONT, 16))
            .draw()
            .map_err(ChartError::from_plotters)?;
        let row = |i: usize| n - i as f64 - 1.0;
        ctx.draw_series(rows.iter().enumerate().map(|(i, r)| {
            Rectangle::new(
                [(0.0, row(i) + 0.2), (finite(r.value), row(i) + 0.8)],
                r.colour.filled(),
            )
        }))
        .map_err(ChartError::from_plotters)?;
        ctx.draw_series(rows.iter().enumerate().filter_map(|(i, r)| {
            let (a, b) = r.range?;
            let y = row(i) + 0.5;
            Some(PathElement::new(
                vec![(finite(a), y), (finite(b), y)],
                palette::INK.stroke_width(2),
            ))
        }))
        .map_err(ChartError::from_plotters)?;
        draw_zero_line_and_row_names(&mut ctx, lo, n, rows.iter().map(|r| r.label.clone()))?;
        let value_style = TextStyle::from((FONT, 16).into_font())
            .color(&palette::INK)
            .pos(Pos::new(HPos::Left, VPos::Center));
        ctx.draw_series(rows.iter().enumerate().map(|(i, r)| {
            EmptyElement::at((ends(r).1, row(i) + 0.5))
                + Text::new(r.value_text.clone(), (6, 0), value_style.clone())
        }))
        .map_err(ChartError::from_plotters)?;
        root.present().map_err(ChartError::from_plotters)?;
    }
    Ok(svg)
}
