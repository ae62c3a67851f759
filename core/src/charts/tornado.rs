//! Sensitivity as a tornado: one row per knob, its step down (upper bar) and step up (lower
//! bar) as the mean change from the scenario as it is, left or right of a zero line, each
//! with the 90% confidence interval of that mean as a whisker, coloured by the team that
//! owns the knob.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::data_table::{ChartText, DataTable};
use super::hbars::RowChart;
use super::legend::{draw_legend_row, legend_row_height, Key};
use super::svg::Svg;
use super::text::text_size;
use super::{palette, ChartError, Unit, FONT};
use crate::format;
use crate::model::Team;

/// A team's colour (the colours of the lead journey's stages).
fn colour(team: Team) -> RGBColor {
    match team {
        Team::Marketing => palette::ORANGE,
        Team::Sdrs => palette::BLUE,
        Team::Aes => palette::SKY,
    }
}

/// One step of a knob: its text ("-10%", "+1 SDR"), the mean change it makes and the 90%
/// confidence interval of that mean (none when it could not be measured).
#[derive(Debug, Clone, PartialEq)]
pub struct TornadoSide {
    pub step: String,
    pub mean: f64,
    pub interval: Option<(f64, f64)>,
}

/// One knob: its name, its owner, and its step down and step up (either may be missing when
/// the knob is at the edge of its range).
#[derive(Debug, Clone, PartialEq)]
pub struct TornadoRow {
    pub label: String,
    pub team: Team,
    pub low: Option<TornadoSide>,
    pub high: Option<TornadoSide>,
}

/// What the legend calls the whisker.
const WHISKER: &str = "Whisker: 90% confidence interval";
/// Font size of every small text (drawn at 18 / 1.24 = 14.5 px, see `text.rs`).
const SIZE: f64 = 18.0;
const MARGIN: u32 = 12;
const MARGIN_RIGHT: u32 = 20;
/// Gap between a bar's end and its text, in pixels.
const GAP: i32 = 6;

/// A change with its sign and unit: `+$410K`, `-$20K`; a share's change in percentage
/// points, `+3.1 pp`.
fn change(unit: Unit, v: f64) -> String {
    unit.change(v)
}

/// The x-axis description, with the unit.
fn x_label(unit: Unit) -> String {
    let unit = match unit {
        Unit::Dollars => "$",
        Unit::Share | Unit::Ratio => "percentage points",
        other => other.name(),
    };
    format!("Mean change from the scenario as it is ({unit})")
}

fn finite(v: f64) -> f64 {
    if v.is_finite() {
        v
    } else {
        0.0
    }
}

/// The step down then the step up of each row, with the row index and whether it is the
/// upper (step down) bar.
fn sides(rows: &[TornadoRow]) -> impl Iterator<Item = (usize, bool, &TornadoSide)> {
    rows.iter().enumerate().flat_map(|(i, r)| {
        [(true, &r.low), (false, &r.high)]
            .into_iter()
            .filter_map(move |(upper, s)| s.as_ref().map(|s| (i, upper, s)))
    })
}

/// The outer ends of a side's bar and whisker.
fn ends(s: &TornadoSide) -> (f64, f64) {
    let m = finite(s.mean);
    let (a, b) = s.interval.map_or((m, m), |(a, b)| (finite(a), finite(b)));
    (m.min(a).min(b), m.max(a).max(b))
}

/// The text at a bar's end: the step and the change, `+1 SDR +$410K`.
fn end_text(unit: Unit, s: &TornadoSide) -> String {
    format!("{} {}", s.step, change(unit, s.mean))
}

/// The x range: every bar, whisker and zero, widened so that the texts at the bars' ends
/// (right of a gain, left of a loss) fit inside the plot of `plot_width` pixels.
fn x_range(unit: Unit, rows: &[TornadoRow], plot_width: f64) -> (f64, f64) {
    let (mut lo, mut hi, mut left, mut right) = (0.0_f64, 0.0_f64, 0.0_f64, 0.0_f64);
    for (_, _, s) in sides(rows) {
        let (a, b) = ends(s);
        lo = lo.min(a);
        hi = hi.max(b);
        let w = f64::from(text_size(&end_text(unit, s), SIZE).0) + f64::from(GAP) + 4.0;
        if s.mean < 0.0 {
            left = left.max(w);
        } else {
            right = right.max(w);
        }
    }
    let span = if hi - lo > 0.0 { hi - lo } else { 1.0 };
    let room = (plot_width - left - right).max(plot_width * 0.3);
    let per_px = span / room;
    (lo - left * per_px, hi + right * per_px)
}

/// Row i occupies y in [n - i - 1, n - i] (the first row on top); its step down's bar the
/// band `(y0, y1)` in the upper half, its step up's in the lower half.
fn band(n: f64, i: usize, upper: bool) -> (f64, f64) {
    let base = n - i as f64 - 1.0 + if upper { 0.52 } else { 0.1 };
    (base, base + 0.38)
}

/// The lines between the rows, the bars, their whiskers and the zero line.
fn draw_bars(
    ctx: &mut RowChart<'_, '_>,
    rows: &[TornadoRow],
    (lo, hi): (f64, f64),
) -> Result<(), ChartError> {
    let e = ChartError::from_plotters;
    let n = rows.len().max(1) as f64;
    // Faint lines between the rows pair each step down with its step up.
    ctx.draw_series((1..rows.len()).map(|i| {
        let y = n - i as f64;
        PathElement::new(vec![(lo, y), (hi, y)], palette::GRID)
    }))
    .map_err(e)?;
    ctx.draw_series(sides(rows).map(|(i, upper, s)| {
        let (y0, y1) = band(n, i, upper);
        let colour = rows.get(i).map_or(palette::GREY, |r| colour(r.team));
        Rectangle::new([(0.0, y0), (finite(s.mean), y1)], colour.filled())
    }))
    .map_err(e)?;
    ctx.draw_series(sides(rows).filter_map(|(i, upper, s)| {
        let (a, b) = s.interval?;
        let (y0, y1) = band(n, i, upper);
        let (y, cap) = ((y0 + y1) / 2.0, (y1 - y0) * 0.35);
        let (a, b) = (finite(a), finite(b));
        Some(PathElement::new(
            vec![
                (a, y - cap),
                (a, y + cap),
                (a, y),
                (b, y),
                (b, y - cap),
                (b, y + cap),
            ],
            palette::INK.stroke_width(2),
        ))
    }))
    .map_err(e)?;
    ctx.draw_series(std::iter::once(PathElement::new(
        vec![(0.0, 0.0), (0.0, n)],
        palette::INK.stroke_width(2),
    )))
    .map_err(e)?;
    Ok(())
}

/// The knobs' names left of the plot, and each bar's step and change beyond its end (right
/// of a gain, left of a loss).
fn draw_texts(
    ctx: &mut RowChart<'_, '_>,
    unit: Unit,
    rows: &[TornadoRow],
    lo: f64,
) -> Result<(), ChartError> {
    let e = ChartError::from_plotters;
    let n = rows.len().max(1) as f64;
    let text = |h: HPos| {
        TextStyle::from((FONT, SIZE).into_font())
            .color(&palette::INK)
            .pos(Pos::new(h, VPos::Center))
    };
    let (right_aligned, left_aligned) = (text(HPos::Right), text(HPos::Left));
    ctx.draw_series(rows.iter().enumerate().map(|(i, r)| {
        EmptyElement::at((lo, n - i as f64 - 0.5))
            + Text::new(r.label.clone(), (-10, 0), right_aligned.clone())
    }))
    .map_err(e)?;
    ctx.draw_series(sides(rows).map(|(i, upper, s)| {
        let (y0, y1) = band(n, i, upper);
        let y = (y0 + y1) / 2.0;
        let (a, b) = ends(s);
        let label = end_text(unit, s);
        if s.mean < 0.0 {
            EmptyElement::at((a, y)) + Text::new(label, (-GAP, 0), right_aligned.clone())
        } else {
            EmptyElement::at((b, y)) + Text::new(label, (GAP, 0), left_aligned.clone())
        }
    }))
    .map_err(e)?;
    Ok(())
}

/// Renders the knobs top to bottom in the order given (callers rank them first). In each
/// row the upper bar is the step down and the lower bar the step up.
pub fn tornado_svg(
    title: &str,
    unit: Unit,
    rows: &[TornadoRow],
    width: u32,
    height: u32,
) -> Result<String, ChartError> {
    let mut legend: Vec<(String, Key)> = Team::ALL
        .into_iter()
        .map(|t| (t.label().to_string(), Key::Swatch(colour(t).to_rgba())))
        .collect();
    legend.push((WHISKER.into(), Key::Line(palette::INK.stroke_width(2))));
    let legend_left = MARGIN as i32;
    let legend_h = legend_row_height(&legend, SIZE, width as i32 - legend_left - 5).min(height / 3);
    let widest = rows
        .iter()
        .map(|r| text_size(&r.label, SIZE).0)
        .max()
        .unwrap_or(0);
    let label_width = (widest + 20).clamp(120, width / 3);
    let plot_width = f64::from(width.saturating_sub(label_width + MARGIN + MARGIN_RIGHT));
    let (lo, hi) = x_range(unit, rows, plot_width);
    let n = rows.len().max(1) as f64;
    let e = ChartError::from_plotters;
    let mut svg = String::new();
    {
        let root = Svg::area(&mut svg, (width, height));
        root.fill(&WHITE).map_err(e)?;
        let (upper, lower) = root.split_vertically(height.saturating_sub(legend_h));
        let mut ctx = ChartBuilder::on(&upper)
            .caption(title, (FONT, 22).into_font().color(&palette::INK))
            .margin(MARGIN)
            .margin_right(MARGIN_RIGHT)
            .margin_bottom(4)
            .x_label_area_size(52)
            .y_label_area_size(label_width)
            // Row i occupies y in [n - i - 1, n - i], so the first row is on top.
            .build_cartesian_2d(lo..hi, 0.0..n)
            .map_err(e)?;
        ctx.configure_mesh()
            .disable_y_mesh()
            .disable_y_axis()
            .light_line_style(TRANSPARENT)
            .bold_line_style(palette::GRID)
            .x_desc(x_label(unit))
            .x_label_formatter(&|v| change(unit, *v))
            .axis_desc_style((FONT, SIZE))
            .label_style((FONT, SIZE))
            .draw()
            .map_err(e)?;
        draw_bars(&mut ctx, rows, (lo, hi))?;
        draw_texts(&mut ctx, unit, rows, lo)?;
        draw_legend_row(&lower, legend_left, &legend, SIZE)?;
        root.present().map_err(e)?;
    }
    Ok(svg)
}

/// How far a row reaches: the widest mean change of either step.
fn reach(r: &TornadoRow) -> f64 {
    [&r.low, &r.high]
        .into_iter()
        .flatten()
        .map(|s| s.mean.abs())
        .filter(|m| m.is_finite())
        .fold(0.0, f64::max)
}

/// A side's change as in the table: `+$410K (+$300K to +$520K)`.
fn side_cell(unit: Unit, s: &TornadoSide) -> String {
    match s.interval {
        Some((a, b)) => format!(
            "{} ({} to {})",
            change(unit, s.mean),
            change(unit, a),
            change(unit, b)
        ),
        None => change(unit, s.mean),
    }
}

/// The summary sentence and the data table of [`tornado_svg`]'s chart: the knob that swings
/// the most and its two steps; one table row a knob in the chart's order.
pub fn tornado_text(title: &str, unit: Unit, rows: &[TornadoRow]) -> ChartText {
    let widest = rows.iter().fold(None::<&TornadoRow>, |best, r| match best {
        Some(b) if reach(b) >= reach(r) => Some(b),
        _ => Some(r),
    });
    let summary = match widest {
        None => "No knob was measured.".to_string(),
        Some(r) => {
            let steps: Vec<String> = [&r.low, &r.high]
                .into_iter()
                .flatten()
                .map(|s| end_text(unit, s))
                .collect();
            let steps = if steps.is_empty() {
                "no step could be taken".to_string()
            } else {
                steps.join(", ")
            };
            format!(
                "{} ({}) swings the most: {steps}. {} knob{} measured; bars show the mean change, whiskers its 90% confidence interval.",
                format::capitalise(&r.label),
                r.team.label(),
                rows.len(),
                if rows.len() == 1 { "" } else { "s" }
            )
        }
    };
    let step = |s: &Option<TornadoSide>| match s {
        Some(s) => (s.step.clone(), side_cell(unit, s)),
        None => ("no step".into(), "not measured".into()),
    };
    let table_rows = rows
        .iter()
        .map(|r| {
            let ((ls, lc), (hs, hc)) = (step(&r.low), step(&r.high));
            vec![r.label.clone(), r.team.label().into(), ls, lc, hs, hc]
        })
        .collect();
    ChartText {
        summary,
        table: DataTable {
            caption: format!(
                "{title}. {} with its 90% confidence interval in brackets",
                x_label(unit)
            ),
            headers: [
                "Knob",
                "Team",
                "Step down",
                "Change, step down",
                "Step up",
                "Change, step up",
            ]
            .map(String::from)
            .to_vec(),
            rows: table_rows,
        },
    }
}

#[cfg(test)]
pub(crate) mod tests;
