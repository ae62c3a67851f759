//! Charts are functions from data to an SVG string (plotters' SVG backend). Pure: no browser
//! crates, snapshot-tested natively. Next to each `*_svg` function, a `*_text` function takes
//! the same data and returns the chart's text alternative ([`ChartText`]): a summary sentence
//! and the data table.

pub mod bands;
pub mod compare;
mod data_table;
pub mod hbars;
pub mod heatmap;
pub mod leaks;
mod legend;
pub mod levers;
pub mod palette;
pub mod stages;
pub mod svg;
pub mod text;
pub mod threshold;
pub mod tornado;
pub mod waterfall;

// The submodules name units as `super::Unit`.
use crate::format::Unit;

pub use bands::{band_chart_svg, band_chart_text, Band, BandChart, Reading};
pub use compare::{funnel_pair_svg, funnel_pair_text};
pub use data_table::{ChartText, DataTable};
pub use hbars::{hbar_chart_svg, HBar, HBarLayout};
pub use heatmap::{heatmap_svg, heatmap_text, Heatmap};
pub use leaks::{leak_chart_svg, leak_chart_text, LeakRow, Owner};
pub use levers::{lever_chart_svg, lever_chart_text, LeverBar};
pub use stages::{stage_chart_svg, stage_chart_text};
pub use threshold::{threshold_curve_svg, threshold_curve_text, ThresholdChart, ThresholdPoint};
pub use tornado::{tornado_svg, tornado_text, TornadoRow, TornadoSide};
pub use waterfall::{waterfall_svg, waterfall_text};

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
