//! A two-knob sweep as a heatmap: one cell per pair of values, shaded light to dark blue by
//! its value and labelled with it; cells not yet run are grey with "…"; the scenario as it
//! is ("now") is outlined heavily and the best cell starred.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::data_table::{cell, ChartText, DataTable};
use super::svg::Svg;
use super::text::text_size;
use super::{palette, ChartError, Unit, FONT};

/// A grid of values over two knobs.
#[derive(Debug, Clone, PartialEq)]
pub struct Heatmap {
    pub title: String,
    /// The knob across, with its unit: "MQL threshold (score points)".
    pub x_label: String,
    /// The knob down, with its unit.
    pub y_label: String,
    /// The knobs' values as shown, one per column and one per row.
    pub x_ticks: Vec<String>,
    pub y_ticks: Vec<String>,
    /// Row by row (`y` outer, `x` inner); `None` for a cell not yet run.
    pub values: Vec<Option<f64>>,
    pub unit: Unit,
    /// The scenario as it is: (x index, y index).
    pub current: Option<(usize, usize)>,
    /// The best cell: (x index, y index).
    pub best: Option<(usize, usize)>,
}

impl Heatmap {
    /// The value of column `x`, row `y`; `None` when not run yet (or outside the grid).
    pub fn value(&self, x: usize, y: usize) -> Option<f64> {
        self.values
            .get(y * self.x_ticks.len() + x)
            .copied()
            .flatten()
            .filter(|v| v.is_finite())
    }

    /// The lowest and highest value run so far.
    fn range(&self) -> Option<(f64, f64)> {
        let vs = self.values.iter().flatten().filter(|v| v.is_finite());
        vs.fold(None, |r, &v| match r {
            Some((lo, hi)) => Some((v.min(lo), v.max(hi))),
            None => Some((v, v)),
        })
    }

    /// "now", "best", "now, best" or nothing.
    fn marks(&self, at: (usize, usize)) -> Option<&'static str> {
        match (self.current == Some(at), self.best == Some(at)) {
            (true, true) => Some("now, best"),
            (true, false) => Some("now"),
            (false, true) => Some("best"),
            (false, false) => None,
        }
    }
}

/// Font size of every small text (drawn at 18 / 1.24 = 14.5 px, see `text.rs`).
const SIZE: f64 = 18.0;
const MARGIN: i32 = 12;
/// A cell not yet run.
const PENDING: RGBColor = RGBColor(230, 230, 230);
/// ColorBrewer's sequential Blues (colour-blind safe), light to dark.
const BLUES: [RGBColor; 5] = [
    RGBColor(222, 235, 247),
    RGBColor(158, 202, 225),
    RGBColor(66, 146, 198),
    RGBColor(33, 113, 181),
    RGBColor(8, 48, 107),
];

/// The colour of `t` in [0, 1] on the light-to-dark blue scale.
fn shade(t: f64) -> RGBColor {
    let t = if t.is_finite() {
        t.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let at = t * (BLUES.len() - 1) as f64;
    let i = (at.floor() as usize).min(BLUES.len() - 2);
    let f = at - i as f64;
    let (a, b) = (BLUES[i], BLUES[i + 1]);
    let mix = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * f).round() as u8;
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// Where `v` falls between `lo` and `hi` (the middle when they are equal).
fn position(v: f64, (lo, hi): (f64, f64)) -> f64 {
    if hi > lo {
        (v - lo) / (hi - lo)
    } else {
        0.5
    }
}

/// White or ink, whichever reads better on `c` (WCAG relative luminance).
fn ink_on(c: RGBColor) -> RGBColor {
    let lin = |x: u8| {
        let s = f64::from(x) / 255.0;
        if s <= 0.039_28 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2);
    // Contrast with white (1.05 / (l + 0.05)) against contrast with ink (l + 0.05) / 0.066.
    if 1.05 / (l + 0.05) > (l + 0.05) / 0.066 {
        WHITE
    } else {
        palette::INK
    }
}

fn style(colour: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    TextStyle {
        font: (FONT, SIZE).into_font(),
        color: colour.to_backend_color(),
        pos: Pos::new(h, v),
    }
}

/// A five-pointed star centred on `c` with outer radius `r`.
fn star(c: (i32, i32), r: f64) -> Vec<(i32, i32)> {
    (0..10)
        .map(|k| {
            let radius = if k % 2 == 0 { r } else { r * 0.45 };
            let a = std::f64::consts::PI * (f64::from(k) / 5.0 - 0.5);
            (
                c.0 + (radius * a.cos()).round() as i32,
                c.1 + (radius * a.sin()).round() as i32,
            )
        })
        .collect()
}

type Area<'a> = DrawingArea<Svg<'a>, Shift>;

/// Draws the "now" outline inside the box: 4 px of ink, then 2 px of white, seen on light
/// and dark cells alike (filled strips: the SVG backend draws every rectangle's edge 1 px).
fn outline(area: &Area<'_>, (l, t, r, b): (i32, i32, i32, i32)) -> Result<(), ChartError> {
    let e = ChartError::from_plotters;
    for (inset, width, colour) in [(0, 4, palette::INK), (4, 2, WHITE)] {
        let (l, t, r, b) = (l + inset, t + inset, r - inset, b - inset);
        for strip in [
            [(l, t), (r, t + width)],
            [(l, b - width), (r, b)],
            [(l, t), (l + width, b)],
            [(r - width, t), (r, b)],
        ] {
            area.draw(&Rectangle::new(strip, colour.filled()))
                .map_err(e)?;
        }
    }
    Ok(())
}

/// Draws the "best" star (orange with an ink edge) centred on `c`.
fn best_star(area: &Area<'_>, c: (i32, i32), r: f64) -> Result<(), ChartError> {
    let e = ChartError::from_plotters;
    area.draw(&Polygon::new(star(c, r), palette::ORANGE.filled()))
        .map_err(e)?;
    let mut edge = star(c, r);
    edge.extend(edge.first().copied());
    area.draw(&PathElement::new(edge, palette::INK.stroke_width(1)))
        .map_err(e)
}

/// The plot's pixel box and cell size.
struct Grid {
    left: i32,
    top: i32,
    cell_w: f64,
    cell_h: f64,
    nx: usize,
    ny: usize,
}

impl Grid {
    /// The pixel box of column `x`, row `y` (row 0 at the bottom).
    fn cell(&self, x: usize, y: usize) -> (i32, i32, i32, i32) {
        let l = self.left as f64 + x as f64 * self.cell_w;
        let t = self.top as f64 + (self.ny - 1 - y) as f64 * self.cell_h;
        (
            l.round() as i32,
            t.round() as i32,
            (l + self.cell_w).round() as i32,
            (t + self.cell_h).round() as i32,
        )
    }
}

fn draw_cells(area: &Area<'_>, h: &Heatmap, g: &Grid) -> Result<(), ChartError> {
    let e = ChartError::from_plotters;
    let range = h.range();
    let line = f64::from(text_size("", SIZE).1);
    for y in 0..g.ny {
        for x in 0..g.nx {
            let (l, t, r, b) = g.cell(x, y);
            let value = h.value(x, y);
            let fill = match (value, range) {
                (Some(v), Some(range)) => shade(position(v, range)),
                _ => PENDING,
            };
            area.draw(&Rectangle::new(
                [(l + 1, t + 1), (r - 1, b - 1)],
                fill.filled(),
            ))
            .map_err(e)?;
            let text = value.map_or_else(|| "…".to_string(), |v| h.unit.axis(v));
            let ink = ink_on(fill);
            let fits = f64::from(text_size(&text, SIZE).0) + 6.0 <= g.cell_w && g.cell_h >= line;
            let mx = (l + r) / 2;
            match h.marks((x, y)) {
                Some(words) if g.cell_h >= 2.0 * line && fits => {
                    area.draw(&Text::new(
                        words,
                        (l + 8, t + 6),
                        style(ink, HPos::Left, VPos::Top),
                    ))
                    .map_err(e)?;
                    area.draw(&Text::new(
                        text,
                        (mx, b - 6),
                        style(ink, HPos::Center, VPos::Bottom),
                    ))
                    .map_err(e)?;
                }
                _ if fits => {
                    let at = (mx, (t + b) / 2);
                    area.draw(&Text::new(text, at, style(ink, HPos::Center, VPos::Center)))
                        .map_err(e)?;
                }
                _ => {}
            }
        }
    }
    if let Some((x, y)) = h.current.filter(|&(x, y)| x < g.nx && y < g.ny) {
        outline(area, g.cell(x, y))?;
    }
    if let Some((x, y)) = h.best.filter(|&(x, y)| x < g.nx && y < g.ny) {
        let (_, t, r, _) = g.cell(x, y);
        let radius = (g.cell_w.min(g.cell_h) / 4.0).clamp(4.0, 10.0);
        let inset = radius.round() as i32 + 5;
        best_star(area, (r - inset, t + inset), radius)?;
    }
    Ok(())
}

/// Tick labels, axis names and the title.
fn draw_axes(area: &Area<'_>, h: &Heatmap, g: &Grid, width: i32) -> Result<(), ChartError> {
    let e = ChartError::from_plotters;
    let title = TextStyle::from((FONT, 22).into_font())
        .color(&palette::INK)
        .pos(Pos::new(HPos::Center, VPos::Top));
    area.draw(&Text::new(h.title.as_str(), (width / 2, MARGIN), title))
        .map_err(e)?;
    let bottom = g.top + (g.cell_h * g.ny as f64).round() as i32;
    let widest = h
        .x_ticks
        .iter()
        .map(|t| text_size(t, SIZE).0)
        .max()
        .unwrap_or(0);
    // Every k-th column is labelled when the labels would touch.
    let every = ((f64::from(widest) + 8.0) / g.cell_w.max(1.0))
        .ceil()
        .max(1.0) as usize;
    for (x, tick) in h.x_ticks.iter().enumerate().step_by(every) {
        let (l, _, r, _) = g.cell(x, 0);
        let s = style(palette::INK, HPos::Center, VPos::Top);
        area.draw(&Text::new(tick.as_str(), ((l + r) / 2, bottom + 6), s))
            .map_err(e)?;
    }
    for (y, tick) in h.y_ticks.iter().enumerate().take(g.ny) {
        let (_, t, _, b) = g.cell(0, y);
        let s = style(palette::INK, HPos::Right, VPos::Center);
        area.draw(&Text::new(tick.as_str(), (g.left - 8, (t + b) / 2), s))
            .map_err(e)?;
    }
    let line = text_size("", SIZE).1 as i32;
    let plot_mid = g.left + (g.cell_w * g.nx as f64 / 2.0).round() as i32;
    let x_desc = style(palette::INK, HPos::Center, VPos::Top);
    area.draw(&Text::new(
        h.x_label.as_str(),
        (plot_mid, bottom + line + 14),
        x_desc,
    ))
    .map_err(e)?;
    let y_desc = TextStyle::from((FONT, SIZE).into_font().transform(FontTransform::Rotate270))
        .color(&palette::INK)
        .pos(Pos::new(HPos::Center, VPos::Top));
    let y_mid = (g.top + bottom) / 2;
    area.draw(&Text::new(h.y_label.as_str(), (MARGIN, y_mid), y_desc))
        .map_err(e)
}

/// The legend below the plot: the colour scale from the lowest to the highest value, then
/// the keys of "now", "best" and cells not yet run.
fn draw_legend(area: &Area<'_>, h: &Heatmap, left: i32, top: i32) -> Result<(), ChartError> {
    let e = ChartError::from_plotters;
    let line = text_size("", SIZE).1 as i32;
    let mid = top + line / 2;
    let text = style(palette::INK, HPos::Left, VPos::Center);
    let mut x = left;
    let word = |s: &str, x: &mut i32| -> Result<(), ChartError> {
        area.draw(&Text::new(s.to_string(), (*x, mid), text.clone()))
            .map_err(e)?;
        *x += text_size(s, SIZE).0 as i32;
        Ok(())
    };
    if let Some((lo, hi)) = h.range() {
        word(&h.unit.axis(lo), &mut x)?;
        x += 4;
        for k in 0..8 {
            let c = shade(f64::from(k) / 7.0);
            area.draw(&Rectangle::new(
                [(x, mid - 9), (x + 20, mid + 9)],
                c.filled(),
            ))
            .map_err(e)?;
            x += 20;
        }
        x += 8;
        word(&h.unit.axis(hi), &mut x)?;
        x += 28;
    }
    outline(area, (x, mid - 11, x + 30, mid + 11))?;
    x += 38;
    word("now", &mut x)?;
    x += 28;
    best_star(area, (x + 10, mid), 10.0)?;
    x += 28;
    word("best", &mut x)?;
    x += 28;
    area.draw(&Rectangle::new(
        [(x, mid - 11), (x + 30, mid + 11)],
        PENDING.filled(),
    ))
    .map_err(e)?;
    let centre = style(palette::INK, HPos::Center, VPos::Center);
    area.draw(&Text::new("…", (x + 15, mid), centre))
        .map_err(e)?;
    x += 38;
    word("not run yet", &mut x)
}

/// Renders the grid: columns left to right in the order of `x_ticks`, rows bottom to top in
/// the order of `y_ticks`.
pub fn heatmap_svg(h: &Heatmap, width: u32, height: u32) -> Result<String, ChartError> {
    let (w, ht) = (width as i32, height as i32);
    let line = text_size("", SIZE).1 as i32;
    let y_ticks = h
        .y_ticks
        .iter()
        .map(|t| text_size(t, SIZE).0)
        .max()
        .unwrap_or(0) as i32;
    let left = MARGIN + line + 12 + y_ticks + 8;
    let top = MARGIN + text_size("", 22.0).1 as i32 + 12;
    // Below the plot: ticks, the axis name and the legend.
    let plot_bottom = ht - MARGIN - line - 16 - 2 * line - 20;
    let (nx, ny) = (h.x_ticks.len().max(1), h.y_ticks.len().max(1));
    let g = Grid {
        left,
        top,
        cell_w: f64::from((w - MARGIN - left).max(nx as i32)) / nx as f64,
        cell_h: f64::from((plot_bottom - top).max(ny as i32)) / ny as f64,
        nx: h.x_ticks.len(),
        ny: h.y_ticks.len(),
    };
    let mut svg = String::new();
    {
        let root = Svg::area(&mut svg, (width, height));
        root.fill(&WHITE).map_err(ChartError::from_plotters)?;
        draw_cells(&root, h, &g)?;
        draw_axes(&root, h, &g, w)?;
        draw_legend(&root, h, left, ht - MARGIN - line - 4)?;
        root.present().map_err(ChartError::from_plotters)?;
    }
    Ok(svg)
}

/// "MQL threshold (score points) 45 and SDR headcount 7".
fn place(h: &Heatmap, (x, y): (usize, usize)) -> String {
    let tick = |ticks: &[String], i: usize| ticks.get(i).cloned().unwrap_or_default();
    format!(
        "{} {} and {} {}",
        h.x_label,
        tick(&h.x_ticks, x),
        h.y_label,
        tick(&h.y_ticks, y)
    )
}

/// The summary sentence and the data table of [`heatmap_svg`]'s chart: the best cell, the
/// current one and how many cells are not run yet; one table row per row of the grid, one
/// column per column.
pub fn heatmap_text(h: &Heatmap) -> ChartText {
    let (nx, ny) = (h.x_ticks.len(), h.y_ticks.len());
    let said = |at: (usize, usize)| {
        h.value(at.0, at.1)
            .map_or_else(|| "not run yet".to_string(), |v| cell(h.unit, v))
    };
    let mut parts = Vec::new();
    match h.best {
        Some(at) => parts.push(format!("Best: {} at {}.", said(at), place(h, at))),
        None => parts.push("No cell has run yet.".to_string()),
    }
    if let Some(at) = h.current {
        parts.push(format!("Now ({}): {}.", place(h, at), said(at)));
    }
    let pending = (0..ny)
        .flat_map(|y| (0..nx).map(move |x| (x, y)))
        .filter(|&(x, y)| h.value(x, y).is_none())
        .count();
    if pending > 0 {
        parts.push(format!("{pending} of {} cells not run yet.", nx * ny));
    }
    let rows = (0..ny)
        .map(|y| {
            let mut row = vec![h.y_ticks.get(y).cloned().unwrap_or_default()];
            row.extend((0..nx).map(|x| match h.marks((x, y)) {
                Some(m) => format!("{} ({m})", said((x, y))),
                None => said((x, y)),
            }));
            row
        })
        .collect();
    let mut headers = vec![h.y_label.clone()];
    headers.extend(h.x_ticks.iter().cloned());
    ChartText {
        summary: parts.join(" "),
        table: DataTable {
            caption: format!(
                "{}: one row per {}, one column per {}",
                h.title, h.y_label, h.x_label
            ),
            headers,
            rows,
        },
    }
}

#[cfg(test)]
mod tests;
