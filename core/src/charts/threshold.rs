//! The threshold trade-off: bookings across the MQL threshold with today's SDR headcount and
//! with one more SDR (mean lines, shaded P10-P90 bands, money on the left axis) and SDR
//! utilisation of each (thin dashed lines, percent on the right axis); the current threshold
//! and each series' best marked.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::data_table::{cell, ChartText, DataTable};
use super::hbars::RowChart;
use super::legend::{draw_legend_row, legend_row_height, Key};
use super::svg::Svg;
use super::text::text_size;
use super::{palette, ChartError, Unit, FONT};

/// The figures at one threshold for one headcount: bookings over the run (mean, P10, P90),
/// SDR utilisation (a fraction) and mean MQLs and SQLs.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ThresholdPoint {
    pub bookings_mean: f64,
    pub bookings_p10: f64,
    pub bookings_p90: f64,
    pub sdr_utilisation: f64,
    pub mqls: f64,
    pub sqls: f64,
}

/// The curve: `today[i]` and `plus_one[i]` are the figures at `thresholds[i]` (score
/// points, ascending) with today's SDR headcount and with one more SDR.
#[derive(Debug, Clone, PartialEq)]
pub struct ThresholdChart {
    pub title: String,
    pub thresholds: Vec<f64>,
    pub today: Vec<ThresholdPoint>,
    pub plus_one: Vec<ThresholdPoint>,
    /// The scenario's threshold.
    pub current: f64,
    /// The threshold with the highest mean bookings today, and with one more SDR.
    pub best_today: Option<f64>,
    pub best_plus_one: Option<f64>,
}

/// Font size of every small text (drawn at 18 / 1.24 = 14.5 px, see `text.rs`).
const SIZE: f64 = 18.0;
const MARGIN: u32 = 12;
const Y_LABEL_AREA: u32 = 84;
const TODAY: RGBColor = palette::BLUE;
const PLUS_ONE: RGBColor = palette::VERMILLION;
/// Lines of marker labels ("now", "best today", "best with +1 SDR") above the data.
const MARKER_LINES: f64 = 3.0;

fn series(c: &ThresholdChart) -> [(&[ThresholdPoint], RGBColor, &'static str); 2] {
    [
        (&c.today, TODAY, "today"),
        (&c.plus_one, PLUS_ONE, "with +1 SDR"),
    ]
}

/// `(threshold, f(point))` for each finite value.
fn line(
    c: &ThresholdChart,
    points: &[ThresholdPoint],
    f: fn(&ThresholdPoint) -> f64,
) -> Vec<(f64, f64)> {
    c.thresholds
        .iter()
        .zip(points)
        .map(|(t, p)| (*t, f(p)))
        .filter(|(t, v)| t.is_finite() && v.is_finite())
        .collect()
}

fn extent(values: impl Iterator<Item = f64>) -> Option<(f64, f64)> {
    values.filter(|v| v.is_finite()).fold(None, |r, v| match r {
        Some((lo, hi)) => Some((v.min(lo), v.max(hi))),
        None => Some((v, v)),
    })
}

/// The marker lines: (threshold, label, colour), top label first.
fn markers(c: &ThresholdChart) -> Vec<(f64, String, RGBColor)> {
    let show = crate::format::count;
    let mut m = vec![(c.current, format!("now {}", show(c.current)), palette::INK)];
    if let Some(t) = c.best_today {
        m.push((t, format!("best today {}", show(t)), TODAY));
    }
    if let Some(t) = c.best_plus_one {
        m.push((t, format!("best with +1 SDR {}", show(t)), PLUS_ONE));
    }
    m.retain(|(t, _, _)| t.is_finite());
    m
}

fn legend(c: &ThresholdChart) -> Vec<(String, Key)> {
    let mut legend = Vec::new();
    for (_, colour, name) in series(c) {
        let name = if name == "today" { "Today" } else { "+1 SDR" };
        legend.push((
            format!("{name}: bookings (mean)"),
            Key::Line(colour.stroke_width(3)),
        ));
        legend.push((format!("{name}: P10-P90"), Key::Swatch(colour.mix(0.2))));
        legend.push((
            format!("{name}: SDR utilisation (right axis)"),
            Key::Dashed(colour.stroke_width(2)),
        ));
    }
    legend
}

/// The axes' ranges, with headroom above the data for the marker labels.
struct Scales {
    x: (f64, f64),
    y: (f64, f64),
    /// The top of the utilisation scale (100% or more) and the secondary axis's top.
    u_top: f64,
    u_hi: f64,
    /// The plot's height in pixels (estimated).
    plot_h: f64,
}

fn scales(c: &ThresholdChart, height: u32, legend_h: u32) -> Scales {
    let x = extent(c.thresholds.iter().copied().chain([c.current])).unwrap_or((0.0, 1.0));
    let x = if x.1 > x.0 { x } else { (x.0 - 1.0, x.0 + 1.0) };
    let all = |f: fn(&ThresholdPoint) -> f64| extent(c.today.iter().chain(&c.plus_one).map(f));
    let money = extent(
        [
            all(|p| p.bookings_p10),
            all(|p| p.bookings_p90),
            all(|p| p.bookings_mean),
        ]
        .into_iter()
        .flatten()
        .flat_map(|(a, b)| [a, b]),
    )
    .unwrap_or((0.0, 1.0));
    let span = (money.1 - money.0).max(money.1.abs() * 0.1).max(1.0);
    // The headroom: a share of the plot's height.
    let plot_h = f64::from(height.saturating_sub(legend_h + 110).max(60));
    let head = ((MARKER_LINES * 22.0 + 8.0) / plot_h).min(0.5);
    let y_lo = (money.0 - span * 0.1).max(0.0_f64.min(money.0));
    let y_hi = money.1 + (money.1 - y_lo).max(span) * head / (1.0 - head);
    let u_top = all(|p| p.sdr_utilisation).map_or(1.0, |(_, hi)| hi.max(1.0));
    Scales {
        x,
        y: (y_lo, y_hi),
        u_top,
        u_hi: u_top / (1.0 - head),
        plot_h,
    }
}

/// The marker lines and their labels, stacked in the headroom; the labels after every line,
/// so that no line crosses a label.
fn draw_markers(
    ctx: &mut RowChart<'_, '_>,
    c: &ThresholdChart,
    s: &Scales,
    plot_w: f64,
) -> Result<(), ChartError> {
    let e = ChartError::from_plotters;
    let ((x_lo, x_hi), (y_lo, y_hi)) = (s.x, s.y);
    let marks = markers(c);
    ctx.draw_series(marks.iter().map(|(t, _, colour)| {
        PathElement::new(vec![(*t, y_lo), (*t, y_hi)], colour.stroke_width(2))
    }))
    .map_err(e)?;
    let line_h = f64::from(text_size("", SIZE).1 + 1) / s.plot_h * (y_hi - y_lo);
    for (k, (t, label, _)) in marks.into_iter().enumerate() {
        // Right of the line, or left of it when it would run out of the plot.
        let room = (x_hi - t) / (x_hi - x_lo) * plot_w;
        let (tw, th) = text_size(&label, SIZE);
        let fits = f64::from(tw) + 8.0 < room;
        let (h, dx) = if fits {
            (HPos::Left, 5)
        } else {
            (HPos::Right, -5)
        };
        let style = TextStyle::from((FONT, SIZE).into_font())
            .color(&palette::INK)
            .pos(Pos::new(h, VPos::Top));
        // A white box behind the label keeps it readable across the other lines (the text
        // is drawn at SIZE / 1.24, narrower than measured).
        let (tw, th) = ((f64::from(tw) * 0.9) as i32 + 4, th as i32);
        let x0 = if fits { dx - 2 } else { dx - tw + 2 };
        let y = y_hi - line_h * k as f64;
        ctx.draw_series(std::iter::once(
            EmptyElement::at((t, y))
                + Rectangle::new([(x0, 2), (x0 + tw, th)], WHITE.mix(0.85).filled())
                + Text::new(label, (dx, 3), style),
        ))
        .map_err(e)?;
    }
    Ok(())
}

/// Renders the curve as an SVG document of `width` x `height` pixels.
pub fn threshold_curve_svg(
    c: &ThresholdChart,
    width: u32,
    height: u32,
) -> Result<String, ChartError> {
    let legend = legend(c);
    let legend_left = (MARGIN + Y_LABEL_AREA) as i32;
    let legend_h = legend_row_height(&legend, SIZE, width as i32 - legend_left - 5).min(height / 3);
    let s = scales(c, height, legend_h);
    let e = ChartError::from_plotters;
    let mut svg = String::new();
    {
        let root = Svg::area(&mut svg, (width, height));
        root.fill(&WHITE).map_err(e)?;
        let (upper, lower) = root.split_vertically(height.saturating_sub(legend_h));
        let mut ctx = ChartBuilder::on(&upper)
            .caption(
                c.title.as_str(),
                (FONT, 22).into_font().color(&palette::INK),
            )
            .margin(MARGIN)
            .margin_bottom(4)
            .x_label_area_size(52)
            .y_label_area_size(Y_LABEL_AREA)
            .right_y_label_area_size(Y_LABEL_AREA)
            .build_cartesian_2d(s.x.0..s.x.1, s.y.0..s.y.1)
            .map_err(e)?
            .set_secondary_coord(s.x.0..s.x.1, 0.0..s.u_hi);
        ctx.configure_mesh()
            .light_line_style(TRANSPARENT)
            .bold_line_style(palette::GRID)
            .x_desc("MQL threshold (score points)")
            .y_desc("Bookings over the run ($)")
            .x_label_formatter(&|v| crate::format::count(*v))
            .y_label_formatter(&|v| Unit::Dollars.axis(*v))
            .axis_desc_style((FONT, SIZE))
            .label_style((FONT, SIZE))
            .draw()
            .map_err(e)?;
        // No ticks above the top of the utilisation scale, in the markers' headroom.
        let percent = |v: &f64| {
            if *v <= s.u_top + 1e-9 {
                Unit::Share.axis(*v)
            } else {
                String::new()
            }
        };
        ctx.configure_secondary_axes()
            .y_desc("SDR utilisation (%)")
            .y_label_formatter(&percent)
            .axis_desc_style((FONT, SIZE))
            .label_style((FONT, SIZE))
            .draw()
            .map_err(e)?;
        for (points, colour, _) in series(c) {
            let mut area = line(c, points, |p| p.bookings_p90);
            area.extend(line(c, points, |p| p.bookings_p10).into_iter().rev());
            ctx.draw_series(std::iter::once(Polygon::new(
                area,
                colour.mix(0.2).filled(),
            )))
            .map_err(e)?;
        }
        for (points, colour, _) in series(c) {
            ctx.draw_series(LineSeries::new(
                line(c, points, |p| p.bookings_mean),
                colour.stroke_width(3),
            ))
            .map_err(e)?;
            ctx.draw_secondary_series(DashedLineSeries::new(
                line(c, points, |p| p.sdr_utilisation),
                8,
                5,
                colour.stroke_width(2),
            ))
            .map_err(e)?;
        }
        let plot_w = f64::from(width.saturating_sub(2 * (MARGIN + Y_LABEL_AREA)));
        draw_markers(&mut ctx, c, &s, plot_w)?;
        draw_legend_row(&lower, legend_left, &legend, SIZE)?;
        root.present().map_err(e)?;
    }
    Ok(svg)
}

/// The index of `t` among the thresholds.
fn index_of(c: &ThresholdChart, t: Option<f64>) -> Option<usize> {
    let t = t?;
    c.thresholds.iter().position(|x| (x - t).abs() < 1e-9)
}

/// "35: mean bookings $12.3M (P10 $11.1M to P90 $13.4M)".
fn at(c: &ThresholdChart, points: &[ThresholdPoint], t: f64) -> String {
    let money = |v| cell(Unit::Dollars, v);
    match index_of(c, Some(t)).and_then(|i| points.get(i)) {
        Some(p) => format!(
            "{}, mean bookings {} (P10 {} to P90 {})",
            crate::format::count(t),
            money(p.bookings_mean),
            money(p.bookings_p10),
            money(p.bookings_p90)
        ),
        None => crate::format::count(t),
    }
}

/// The summary sentence and the data table of [`threshold_curve_svg`]'s chart: the best
/// threshold today and with one more SDR with their bookings, and the current threshold;
/// one table row a threshold.
pub fn threshold_curve_text(c: &ThresholdChart) -> ChartText {
    let mut parts = Vec::new();
    match c.best_today {
        Some(t) => parts.push(format!("Best threshold today: {}.", at(c, &c.today, t))),
        None => parts.push("No threshold has run yet.".to_string()),
    }
    if let Some(t) = c.best_plus_one {
        parts.push(format!("With one more SDR: {}.", at(c, &c.plus_one, t)));
    }
    if index_of(c, Some(c.current)).is_some() {
        parts.push(format!("Now: {} today.", at(c, &c.today, c.current)));
    }
    let money = |v| cell(Unit::Dollars, v);
    let pct = |v| cell(Unit::Share, v);
    let count = |v| cell(Unit::Leads, v);
    let none = ThresholdPoint {
        bookings_mean: f64::NAN,
        bookings_p10: f64::NAN,
        bookings_p90: f64::NAN,
        sdr_utilisation: f64::NAN,
        mqls: f64::NAN,
        sqls: f64::NAN,
    };
    let rows = c
        .thresholds
        .iter()
        .enumerate()
        .map(|(i, &t)| {
            let a = c.today.get(i).copied().unwrap_or(none);
            let b = c.plus_one.get(i).copied().unwrap_or(none);
            let marks: Vec<&str> = [
                (Some(c.current), "now"),
                (c.best_today, "best today"),
                (c.best_plus_one, "best with +1 SDR"),
            ]
            .into_iter()
            .filter(|(m, _)| index_of(c, *m) == Some(i))
            .map(|(_, w)| w)
            .collect();
            let mut name = crate::format::count(t);
            if !marks.is_empty() {
                name = format!("{name} ({})", marks.join(", "));
            }
            vec![
                name,
                count(a.mqls),
                count(a.sqls),
                count(b.sqls),
                money(a.bookings_p10),
                money(a.bookings_mean),
                money(a.bookings_p90),
                money(b.bookings_p10),
                money(b.bookings_mean),
                money(b.bookings_p90),
                pct(a.sdr_utilisation),
                pct(b.sdr_utilisation),
            ]
        })
        .collect();
    let headers = [
        "MQL threshold (score points)",
        "MQLs (mean)",
        "SQLs today (mean)",
        "SQLs with +1 SDR (mean)",
        "Bookings today, P10",
        "Bookings today, mean",
        "Bookings today, P90",
        "Bookings with +1 SDR, P10",
        "Bookings with +1 SDR, mean",
        "Bookings with +1 SDR, P90",
        "SDR utilisation today",
        "SDR utilisation with +1 SDR",
    ];
    ChartText {
        summary: parts.join(" "),
        table: DataTable {
            caption: format!("{}: bookings over the run ($) by MQL threshold", c.title),
            headers: headers.map(String::from).to_vec(),
            rows,
        },
    }
}

#[cfg(test)]
mod tests;
