//! Where every lead is at the end of the run (leak accounting): one row per final state, its
//! count and its share of all inquiries, coloured by the team that owns the leak.

use plotters::style::RGBColor;

use super::data_table::{decapitalise, ChartText, DataTable};
use super::hbars::{hbar_chart_svg, HBar, HBarLayout};
use super::{palette, ChartError, Unit};
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

fn share(count: f64, total: f64) -> f64 {
    if total > 0.0 {
        count / total
    } else {
        0.0
    }
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
            let share = share(r.count, total);
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
        unit: Unit::Leads,
        width,
        height,
        label_width: 230,
    };
    hbar_chart_svg(&layout, &bars)
}

/// The summary sentence and the data table of [`leak_chart_svg`]'s chart: the largest leak
/// (the largest state that is not won) and the won leads, with their shares of `total`; one
/// table row a bar, the count and share formatted as in the bar's label.
pub fn leak_chart_text(title: &str, rows: &[LeakRow], total: f64) -> ChartText {
    let said = |r: &LeakRow| {
        (
            format::count(r.count),
            format::percent(share(r.count, total)),
        )
    };
    let largest = rows
        .iter()
        .filter(|r| r.owner != Owner::Won && r.count.is_finite())
        .fold(None::<&LeakRow>, |best, r| match best {
            Some(b) if b.count >= r.count => Some(b),
            _ => Some(r),
        });
    let mut summary = match largest {
        Some(r) => {
            let (count, share) = said(r);
            format!(
                "The largest leak is {}: {count} leads, {share} of {} inquiries.",
                decapitalise(&r.label),
                format::count(total)
            )
        }
        None => format!("No leads leaked of {} inquiries.", format::count(total)),
    };
    for r in rows.iter().filter(|r| r.owner == Owner::Won) {
        let (count, share) = said(r);
        summary.push_str(&format!(" {}: {count} ({share}).", r.label));
    }
    let rows = rows
        .iter()
        .map(|r| {
            let (count, share) = said(r);
            vec![r.label.clone(), count, share]
        })
        .collect();
    ChartText {
        summary,
        table: DataTable {
            caption: title.to_string(),
            headers: vec![
                "End state".into(),
                "Leads (median)".into(),
                "Share of inquiries".into(),
            ],
            rows,
        },
    }
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

    #[test]
    fn text_names_the_largest_leak_and_has_a_row_a_bar_as_labelled() {
        let rows = rows();
        let text = leak_chart_text("Where every lead ended up", &rows, 27_550.0);
        assert_eq!(
            text.summary,
            "The largest leak is in nurture: 25,000 leads, 91% of 27,550 inquiries. Won: 450 (1.6%)."
        );
        let t = &text.table;
        assert_eq!(t.caption, "Where every lead ended up");
        assert_eq!(
            t.headers,
            ["End state", "Leads (median)", "Share of inquiries"]
        );
        assert_eq!(t.rows.len(), rows.len(), "one row a bar");
        let svg = leak_chart_svg("t", &rows, 27_550.0, 800, 320).expect("draws");
        for row in &t.rows {
            // The bar's label, e.g. "1,200 (4.4%)", holds exactly the table's figures.
            assert!(svg.contains(&format!("{} ({})", row[1], row[2])), "{row:?}");
        }
        assert_eq!(t.rows[1], ["Abandoned untouched", "1,200", "4.4%"]);
    }

    #[test]
    fn text_without_leaks_or_inquiries_still_reads() {
        let won = [LeakRow {
            label: "Won".into(),
            count: 10.0,
            owner: Owner::Won,
        }];
        let text = leak_chart_text("t", &won, 0.0);
        assert_eq!(
            text.summary,
            "No leads leaked of 0 inquiries. Won: 10 (0%)."
        );
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
