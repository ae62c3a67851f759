//! The legend of a chart: a box in the upper left corner of the plotting area with one line per
//! series, a key (colour swatch or line sample) and its name. Sized with `text.rs`'s estimates;
//! plotters' own series labels would measure their text in the page (see `text.rs`).

use plotters::coord::Shift;
use plotters::prelude::*;

use super::text::text_size;
use super::{palette, ChartError, FONT};

/// What marks a series in the legend.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Key {
    /// A filled rectangle (a band or a bar).
    Swatch(RGBAColor),
    /// A short line (a median or a reference line).
    Line(ShapeStyle),
}

/// Where the legend sits in the plotting area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Corner {
    UpperLeft,
    LowerRight,
}

/// Distance from the plotting area's corner, and padding inside the box, in pixels.
const OFFSET: i32 = 5;
const PADDING: i32 = 10;
/// Room for the key, left of each name.
const KEY_AREA: i32 = 30;
/// Line spacing, in font sizes.
const LINE_SPACING: f64 = 1.25;

/// Draws `entries` in a corner of `area` (a plotting area without its coordinate system, from
/// `ChartContext::plotting_area().strip_coord_spec()`), with names in a `size` font.
pub(crate) fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    corner: Corner,
    entries: &[(String, Key)],
    size: f64,
) -> Result<(), ChartError> {
    if entries.is_empty() {
        return Ok(());
    }
    let line = |i: usize| (i as f64 * size * LINE_SPACING).round() as i32;
    let text_w = entries
        .iter()
        .map(|(name, _)| text_size(name, size).0)
        .max()
        .unwrap_or(0);
    let text_h = text_size("", size).1 as i32;
    let w = text_w as i32 + KEY_AREA + 2 * PADDING;
    let h = line(entries.len() - 1) + text_h + 2 * PADDING;
    let (x0, y0) = match corner {
        Corner::UpperLeft => (OFFSET, OFFSET),
        Corner::LowerRight => {
            let (aw, ah) = area.dim_in_pixel();
            (aw as i32 - w - OFFSET, ah as i32 - h - OFFSET)
        }
    };
    let corners = [(x0, y0), (x0 + w, y0 + h)];
    let e = ChartError::from_plotters;
    area.draw(&Rectangle::new(corners, WHITE.mix(0.85).filled()))
        .map_err(e)?;
    area.draw(&Rectangle::new(corners, palette::GRID))
        .map_err(e)?;
    let font = TextStyle::from((FONT, size).into_font());
    let kx = x0 + PADDING;
    for (i, (name, key)) in entries.iter().enumerate() {
        let top = y0 + PADDING + line(i);
        let mid = top + text_h / 2;
        area.draw(&Text::new(
            name.as_str(),
            (kx + KEY_AREA, top),
            font.clone(),
        ))
        .map_err(e)?;
        match *key {
            Key::Swatch(colour) => area.draw(&Rectangle::new(
                [(kx, mid - 6), (kx + 16, mid + 6)],
                colour.filled(),
            )),
            Key::Line(style) => {
                area.draw(&PathElement::new(vec![(kx, mid), (kx + 16, mid)], style))
            }
        }
        .map_err(e)?;
    }
    Ok(())
}
