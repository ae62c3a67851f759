//! The legend of a chart: a row below the plot (wrapping when needed), so that it covers no
//! data; each entry is a key (colour swatch or line sample) and its name. Sized with `text.rs`'s estimates; plotters' own series
//! labels would measure their text in the page (see `text.rs`).

use plotters::coord::Shift;
use plotters::prelude::*;

use super::text::text_size;
use super::{ChartError, FONT};

/// What marks a series in the legend.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Key {
    /// A filled rectangle (a band or a bar).
    Swatch(RGBAColor),
    /// A short line (a median or a reference line).
    Line(ShapeStyle),
    /// A short dashed line (a series read on a secondary axis).
    Dashed(ShapeStyle),
}

/// Distance from the area's right edge, and padding around the row, in pixels.
const OFFSET: i32 = 5;
const PADDING: i32 = 10;
/// Room for the key, left of each name.
const KEY_AREA: i32 = 30;
/// Line spacing, in font sizes.
const LINE_SPACING: f64 = 1.25;

/// Gap between two entries of a legend row, in pixels.
const ROW_GAP: i32 = 24;

/// Where each entry of a legend row goes: `(x, line)` from the row's left edge, wrapping
/// within `width` pixels.
fn row_layout(entries: &[(String, Key)], size: f64, width: i32) -> Vec<(i32, usize)> {
    let mut placed = Vec::with_capacity(entries.len());
    let (mut x, mut line) = (0, 0);
    for (name, _) in entries {
        let w = KEY_AREA + text_size(name, size).0 as i32;
        if x > 0 && x + w > width {
            x = 0;
            line += 1;
        }
        placed.push((x, line));
        x += w + ROW_GAP;
    }
    placed
}

/// Height in pixels of the legend row of [`draw_legend_row`] for `entries` in `width`.
pub(crate) fn legend_row_height(entries: &[(String, Key)], size: f64, width: i32) -> u32 {
    let lines = row_layout(entries, size, width)
        .last()
        .map_or(0, |(_, line)| line + 1);
    if lines == 0 {
        return 0;
    }
    let spacing = (size * LINE_SPACING).round() as i32;
    (spacing * (lines as i32 - 1) + text_size("", size).1 as i32 + PADDING) as u32
}

/// Draws `entries` left to right from `left` pixels into `area` (a strip below the plot),
/// wrapping within the area's width.
pub(crate) fn draw_legend_row<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    left: i32,
    entries: &[(String, Key)],
    size: f64,
) -> Result<(), ChartError> {
    let (aw, _) = area.dim_in_pixel();
    let width = aw as i32 - left - OFFSET;
    let spacing = (size * LINE_SPACING).round() as i32;
    let text_h = text_size("", size).1 as i32;
    let font = TextStyle::from((FONT, size).into_font());
    let e = ChartError::from_plotters;
    for ((name, key), (x, line)) in entries.iter().zip(row_layout(entries, size, width)) {
        let kx = left + x;
        let top = PADDING / 2 + spacing * line as i32;
        let mid = top + text_h / 2;
        area.draw(&Text::new(
            name.as_str(),
            (kx + KEY_AREA, top),
            font.clone(),
        ))
        .map_err(e)?;
        match *key {
            Key::Swatch(colour) => area.draw(&Rectangle::new(
                [(kx, mid - 6), (kx + 22, mid + 6)],
                colour.filled(),
            )),
            Key::Line(style) => {
                area.draw(&PathElement::new(vec![(kx, mid), (kx + 22, mid)], style))
            }
            Key::Dashed(style) => area
                .draw(&PathElement::new(vec![(kx, mid), (kx + 8, mid)], style))
                .and_then(|()| {
                    area.draw(&PathElement::new(
                        vec![(kx + 14, mid), (kx + 22, mid)],
                        style,
                    ))
                }),
        }
        .map_err(e)?;
    }
    Ok(())
}
