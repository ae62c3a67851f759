//! How many leads reach each stage of the funnel (medians across replications), as
//! horizontal bars top to bottom, each labelled with its count and its share of the stage
//! before.

use super::data_table::{decapitalise, ChartText, DataTable};
use super::hbars::{hbar_chart_svg, HBar, HBarLayout};
use super::{palette, ChartError, Unit};
use crate::format;

const TITLE: &str = "Leads reaching each stage (median)";

/// Each stage's share of the one before (none for the first stage, or after an empty one).
fn rates(stages: &[(&str, f64)]) -> Vec<Option<f64>> {
    let mut previous: Option<f64> = None;
    stages
        .iter()
        .map(|&(_, v)| {
            let rate = previous.filter(|p| *p > 0.0).map(|p| v / p);
            previous = Some(v);
            rate
        })
        .collect()
}

/// Renders `(stage, median leads)` top to bottom in the order given.
pub fn stage_chart_svg(
    stages: &[(&str, f64)],
    width: u32,
    height: u32,
) -> Result<String, ChartError> {
    let rows: Vec<HBar> = stages
        .iter()
        .zip(rates(stages))
        .map(|(&(label, v), rate)| {
            let rate = rate
                .map(|r| format!(" ({} of previous)", format::percent(r)))
                .unwrap_or_default();
            HBar {
                label: label.to_string(),
                value: v,
                range: None,
                colour: palette::BLUE,
                value_text: format!("{}{rate}", format::count(v)),
            }
        })
        .collect();
    let layout = HBarLayout {
        title: TITLE,
        x_label: "Leads over the run",
        unit: Unit::Leads,
        width,
        height,
        label_width: 190,
    };
    hbar_chart_svg(&layout, &rows)
}

/// The summary sentence and the data table of [`stage_chart_svg`]'s chart: the first and last
/// stage and the steepest step; one table row a bar with its count and share of the stage
/// before, as labelled on the bar.
pub fn stage_chart_text(stages: &[(&str, f64)]) -> ChartText {
    let rates = rates(stages);
    let mut summary = match (stages.first(), stages.last()) {
        (Some(first), Some(last)) if stages.len() > 1 => {
            let share = if first.1 > 0.0 {
                format!(
                    ", {} of {}",
                    format::percent(last.1 / first.1),
                    decapitalise(first.0)
                )
            } else {
                String::new()
            };
            format!(
                "{} (median): {}; {}: {}{share}.",
                first.0,
                format::count(first.1),
                last.0,
                format::count(last.1)
            )
        }
        (Some(only), _) => format!("{} (median): {}.", only.0, format::count(only.1)),
        _ => "No stages yet.".into(),
    };
    let steepest = stages
        .iter()
        .zip(&rates)
        .filter_map(|(s, r)| Some((s.0, (*r)?)))
        .filter(|(_, r)| r.is_finite())
        .fold(None::<(&str, f64)>, |best, s| match best {
            Some(b) if b.1 <= s.1 => Some(b),
            _ => Some(s),
        });
    if let Some((stage, rate)) = steepest {
        summary.push_str(&format!(
            " The steepest step is to {stage}: {} of the stage before.",
            format::percent(rate)
        ));
    }
    let rows = stages
        .iter()
        .zip(&rates)
        .map(|(s, r)| {
            let rate = r.map_or_else(|| "n/a".to_string(), format::percent);
            vec![s.0.to_string(), format::count(s.1), rate]
        })
        .collect();
    ChartText {
        summary,
        table: DataTable {
            caption: TITLE.into(),
            headers: vec![
                "Stage".into(),
                "Leads over the run (median)".into(),
                "Share of the stage before".into(),
            ],
            rows,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stages() -> Vec<(&'static str, f64)> {
        vec![
            ("Inquiries", 31_200.0),
            ("MQLs", 7_800.0),
            ("Contacted", 3_100.0),
            ("Won", 450.0),
        ]
    }

    #[test]
    fn bars_are_labelled_with_count_and_share_of_the_stage_before() {
        let svg = stage_chart_svg(&stages(), 640, 340).expect("draws");
        assert!(svg.contains("Leads reaching each stage (median)"));
        assert!(svg.contains("\n31,200\n"), "the first stage has no share");
        assert!(svg.contains("7,800 (25% of previous)"));
        assert!(svg.contains("450 (15% of previous)"));
        let empty = [("Inquiries", 0.0), ("MQLs", 0.0)];
        let svg = stage_chart_svg(&empty, 640, 340).expect("draws");
        assert!(!svg.contains("of previous"), "no share of an empty stage");
    }

    #[test]
    fn text_names_both_ends_and_the_steepest_step_with_a_row_a_bar_as_labelled() {
        let text = stage_chart_text(&stages());
        assert_eq!(
            text.summary,
            "Inquiries (median): 31,200; Won: 450, 1.4% of inquiries. \
             The steepest step is to Won: 15% of the stage before."
        );
        let t = &text.table;
        assert_eq!(t.rows.len(), stages().len(), "one row a bar");
        assert_eq!(t.rows[0], ["Inquiries", "31,200", "n/a"]);
        let svg = stage_chart_svg(&stages(), 640, 340).expect("draws");
        for row in &t.rows[1..] {
            assert!(
                svg.contains(&format!("{} ({} of previous)", row[1], row[2])),
                "{row:?}"
            );
        }
        assert_eq!(stage_chart_text(&[]).summary, "No stages yet.");
    }
}
