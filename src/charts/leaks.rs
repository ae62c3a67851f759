//! Where every lead is at the end of the run (leak accounting): one row per final state, its
//! count and its share of all inquiries, coloured by the team that owns the leak.

use plotters::style::RGBColor;

use super::hbars::{hbar_chart_svg, HBar, HBarLayout};
use super::{palette, ChartError, ValueFormat};
use crate::format;

/// Who owns a final state, which sets its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    /// Nurture, dormant: marketing's side.
    Marketing,
    /// Queue, abandoned, unreached, rejected: the SDR team's side.
    SalesDevelopment,
    /// Waiting for an AE, open, lost: the closers' side.
    Closing,
    /// Won: revenue.
    Won,
}

impl Owner {
    fn colour(self) -> RGBColor {
        match self {
            Owner::Marketing => palette::ORANGE,
            Owner::SalesDevelopment => palette::VERMILLION,
            Owner::Closing => palette::SKY,
            Owner::Won => palette::GREEN,
        }
    }
}

/// One final state and how many leads ended in it.
#[derive(Debug, Clone, PartialEq)]
pub struct LeakRow {
    pub label: String,
    pub count: f64,
    pub owner: Owner,
}

/// Renders the rows top to bottom; each value label shows the count and the share of `total`.
pub fn leak_chart_svg(
    title: &str,
    rows: &[LeakRow],
    total: f64,
    width: u32,
    height: u32,
) -> Result<String, ChartError> {
    let bars: Vec<HBar> = rows
        .iter()
        .map(|r| {
            let share = if total > 0.0 { r.count / total } else { 0.0 };
            HBar {
                label: r.label.clone(),
                value: r.count,
                range: None,
                colour: r.owner.colour(),
                value_text: format!("{} ({})", format::count(r.count), format::percent(share)),
            }
        })
        .collect();
    let layout = HBarLayout {
        title,
        x_label: "Leads at the end of the run (median)",
        format: ValueFormat::Count,
        width,
        height,
        label_width: 230,
    };
    hbar_chart_svg(&layout, &bars)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows() -> Vec<LeakRow> {
        let row = |label: &str, count: f64, owner| LeakRow {
            label: label.into(),
            count,
            owner,
        };
        vec![
            row("In nurture", 25_000.0, Owner::Marketing),
            row("Abandoned untouched", 1_200.0, Owner::SalesDevelopment),
            row("Lost", 900.0, Owner::Closing),
            row("Won", 450.0, Owner::Won),
        ]
    }

    #[test]
    fn rows_show_count_share_and_owner_colour() {
        let svg = leak_chart_svg("Where every lead ended up", &rows(), 27_550.0, 800, 320)
            .expect("draws");
        assert!(svg.contains("25,000 (91%)"));
        assert!(svg.contains("450 (1.6%)"));
        assert!(svg.contains("#009E73"), "won is green");
        assert!(svg.contains("#E69F00"), "marketing's leaks are orange");
        assert!(svg.find("In nurture") < svg.find("Won"));
    }

    #[test]
    fn zero_total_does_not_divide_by_zero() {
        let svg = leak_chart_svg("t", &rows(), 0.0, 400, 200).expect("draws");
        assert!(svg.contains("(0%)"));
        assert!(!svg.contains("NaN"));
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn leak_chart_snapshot() {
        insta::assert_snapshot!(leak_chart_svg(
            "Where every lead ended up",
            &rows(),
            27_550.0,
            800,
            320
        )
        .expect("draws"));
    }
}
