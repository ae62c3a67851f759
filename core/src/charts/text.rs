//! Text sizes for chart layout, estimated from font metrics. Pure: on wasm, plotters would
//! otherwise measure every caption and legend line by adding a `<span>` to the page and
//! reading its size, which forces a layout of the whole page per chart redraw; natively it
//! guesses from the byte length. One estimate everywhere also means the SVG drawn in the
//! browser is byte for byte the SVG of the native snapshot tests.
//!
//! Widths are those of Helvetica (Arial has the same advance widths), the usual sans-serif;
//! DejaVu Sans is wider by about a tenth, which the margin below absorbs. Like plotters' browser
//! measurement, a size of `s` is measured at `s` pixels although the SVG text is drawn at
//! `s / 1.24`, so estimates are generous by about a quarter and labels never overflow their
//! boxes.

/// Advance widths of the printable ASCII characters (space to `~`), in 1/1000 em.
const ADVANCE: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278,
    278, // space to /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, // 0 to 9
    278, 278, 584, 584, 584, 556, 1015, // : to @
    667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, // A to M
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, // N to Z
    278, 278, 278, 469, 556, 333, // [ to `
    556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, // a to m
    556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, // n to z
    334, 260, 334, 584, // { to ~
];

/// Line height of a single line of text, in em (the browser's `normal` for sans-serif).
const LINE_HEIGHT_EM: f64 = 1.15;

/// Advance width of one character in 1/1000 em: the table for ASCII, a full em for wide
/// (East Asian) characters, an average letter for everything else.
fn advance(c: char) -> u32 {
    let code = u32::from(c);
    match code {
        32..=126 => ADVANCE
            .get((code - 32) as usize)
            .map_or(556, |a| u32::from(*a)),
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFF00..=0xFF60 => {
            1000
        }
        0..=31 => 0,
        _ => 556,
    }
}

/// Estimated width and height in pixels of one line of `text` at font size `size`.
pub fn text_size(text: &str, size: f64) -> (u32, u32) {
    let size = if size.is_finite() { size.max(0.0) } else { 0.0 };
    let units: u64 = text.chars().map(|c| u64::from(advance(c))).sum();
    let width = (units as f64 * size / 1000.0).ceil();
    let height = (size * LINE_HEIGHT_EM).ceil();
    (width as u32, height as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_follow_the_letters() {
        // "Week" = W 944 + e 556 + e 556 + k 500 = 2,556 units: 38.34 px at 15 px.
        assert_eq!(text_size("Week", 15.0), (39, 18));
        assert!(text_size("MMMM", 15.0).0 > text_size("iiii", 15.0).0 * 3);
        assert_eq!(text_size("", 22.0), (0, 26));
        assert!(text_size("数据", 16.0).0 >= 32);
        assert_eq!(text_size("x", f64::NAN), (0, 0));
    }

    #[test]
    fn every_printable_ascii_character_has_a_width() {
        assert_eq!(ADVANCE.len(), 126 - 32 + 1);
        for c in ' '..='~' {
            let a = advance(c);
            assert!((190..=1015).contains(&a), "{c:?}: {a}");
        }
        assert_eq!(advance('0'), advance('9'), "digits are tabular");
    }
}
