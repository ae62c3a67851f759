//! Charts are functions from data to an SVG string (plotters' SVG backend). Pure: no browser
//! crates, snapshot-tested natively.

pub mod palette;
pub mod waterfall;

pub use waterfall::waterfall_svg;

/// Drawing the chart failed (plotters reported an error).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("could not draw the chart: {0}")]
pub struct ChartError(pub String);

impl ChartError {
    pub(crate) fn from_plotters(e: impl std::fmt::Display) -> Self {
        ChartError(e.to_string())
    }
}

/// Font family used in every chart.
pub const FONT: &str = "sans-serif";
