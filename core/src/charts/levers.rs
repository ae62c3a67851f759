//! The marginal value of each lever as a ranked horizontal bar chart: the bar is the mean
//! change in bookings, the whisker its 90% confidence interval.

use super::data_table::{ChartText, DataTable};
use super::hbars::{hbar_chart_svg, HBar, HBarLayout};
use super::{palette, ChartError, Unit};

/// One lever's effect: the mean change it makes and the confidence interval of that mean
/// (none when it could not be measured).
#[derive(Debug, Clone, PartialEq)]
pub struct LeverBar {
    pub label: String,
    pub mean: f64,
    pub interval: Option<(f64, f64)>,
}

/// A value with an explicit sign: `+$410K`, `-$20K`.
fn signed(unit: Unit, v: f64) -> String {
    let s = unit.axis(v);
    if v > 0.0 {
        format!("+{s}")
    } else {
        s
    }
}

/// Blue when the whole interval is above zero, vermillion when it is below, grey when the
/// effect cannot be told from zero.
fn colour(l: &LeverBar) -> plotters::style::RGBColor {
    match sureness(l) {
        Sureness::Adds => palette::BLUE,
        Sureness::Costs => palette::VERMILLION,
        Sureness::Unclear => palette::GREY,
    }
}

/// Renders the levers top to bottom in the order given (callers rank them first); zero is a
/// vertical axis line.
pub fn lever_chart_svg(
    title: &str,
    x_label: &str,
    unit: Unit,
    levers: &[LeverBar],
    width: u32,
    height: u32,
) -> Result<String, ChartError> {
    let rows: Vec<HBar> = levers
        .iter()
        .map(|l| HBar {
            label: l.label.clone(),
            value: l.mean,
            range: l.interval,
            colour: colour(l),
            value_text: match l.interval {
                Some((low, high)) => format!(
                    "{} ({} to {})",
                    signed(unit, l.mean),
                    signed(unit, low),
                    signed(unit, high)
                ),
                None => signed(unit, l.mean),
            },
        })
        .collect();
    let layout = HBarLayout {
        title,
        x_label,
        unit,
        width,
        height,
        label_width: 200,
    };
    hbar_chart_svg(&layout, &rows)
}

/// Whether the whole interval is above zero, below it, or neither: what the bar's colour says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sureness {
    Adds,
    Costs,
    Unclear,
}

fn sureness(l: &LeverBar) -> Sureness {
    match l.interval {
        Some((low, _)) if low > 0.0 => Sureness::Adds,
        Some((_, high)) if high < 0.0 => Sureness::Costs,
        _ => Sureness::Unclear,
    }
}

fn interval_text(unit: Unit, l: &LeverBar) -> String {
    match l.interval {
        Some((low, high)) => format!("{} to {}", signed(unit, low), signed(unit, high)),
        None => "not measured".into(),
    }
}

/// The summary sentence and the data table of [`lever_chart_svg`]'s chart: the lever that
/// surely adds the most and how many surely add, surely cost or cannot be told from zero
/// (the bars' colours); one table row a bar in the chart's order.
pub fn lever_chart_text(title: &str, x_label: &str, unit: Unit, levers: &[LeverBar]) -> ChartText {
    let count = |s: Sureness| levers.iter().filter(|l| sureness(l) == s).count();
    let best = levers
        .iter()
        .filter(|l| sureness(l) == Sureness::Adds)
        .fold(None::<&LeverBar>, |best, l| match best {
            Some(b) if b.mean >= l.mean => Some(b),
            _ => Some(l),
        });
    let lead = match best {
        Some(l) => format!(
            "{} adds the most: {} (90% confidence interval {}).",
            crate::format::capitalise(&l.label),
            signed(unit, l.mean),
            interval_text(unit, l)
        ),
        None if levers.is_empty() => "No lever was measured.".into(),
        None => "No lever surely adds.".into(),
    };
    let summary = if levers.is_empty() {
        lead
    } else {
        let (adds, costs) = (count(Sureness::Adds), count(Sureness::Costs));
        let s = |n: usize| if n == 1 { "s" } else { "" };
        format!(
            "{lead} Of {} levers, {adds} surely add{}, {costs} surely cost{} and {} cannot be told from zero.",
            levers.len(),
            s(adds),
            s(costs),
            count(Sureness::Unclear)
        )
    };
    let rows = levers
        .iter()
        .map(|l| {
            let effect = match sureness(l) {
                Sureness::Adds => "surely adds",
                Sureness::Costs => "surely costs",
                Sureness::Unclear => "cannot be told from zero",
            };
            vec![
                l.label.clone(),
                signed(unit, l.mean),
                interval_text(unit, l),
                effect.to_string(),
            ]
        })
        .collect();
    ChartText {
        summary,
        table: DataTable {
            caption: format!("{title}. {x_label}"),
            headers: vec![
                "Lever".into(),
                "Mean change".into(),
                "90% confidence interval".into(),
                "Effect".into(),
            ],
            rows,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn levers() -> Vec<LeverBar> {
        let bar = |label: &str, low: f64, mean: f64, high: f64| LeverBar {
            label: label.into(),
            mean,
            interval: Some((low, high)),
        };
        vec![
            bar("+1 SDR", 300_000.0, 410_000.0, 520_000.0),
            bar("+10% leads", -50_000.0, 120_000.0, 190_000.0),
            bar("Threshold +5", -90_000.0, -40_000.0, -10_000.0),
            LeverBar {
                label: "One replication".into(),
                mean: 5_000.0,
                interval: None,
            },
        ]
    }

    fn draw() -> String {
        lever_chart_svg(
            "What each lever adds",
            "Change in bookings ($)",
            Unit::Dollars,
            &levers(),
            800,
            300,
        )
        .expect("draws")
    }

    #[test]
    fn levers_are_drawn_ranked_with_signed_values() {
        let svg = draw();
        let first = svg.find("+1 SDR").expect("first lever labelled");
        let last = svg.find("Threshold +5").expect("last lever labelled");
        assert!(first < last);
        assert!(svg.contains("+$410K (+$300K to +$520K)"));
        assert!(svg.contains("-$40K (-$90K to -$10K)"));
        assert!(
            svg.contains("\n+$5K\n"),
            "no interval, no range in the text"
        );
    }

    #[test]
    fn colour_says_whether_the_effect_is_sure() {
        let sure = |interval| {
            colour(&LeverBar {
                label: String::new(),
                mean: 1.0,
                interval,
            })
        };
        assert_eq!(sure(Some((0.5, 2.0))), palette::BLUE);
        assert_eq!(sure(Some((-3.0, -0.5))), palette::VERMILLION);
        assert_eq!(sure(Some((-0.5, 2.0))), palette::GREY);
        assert_eq!(sure(None), palette::GREY);
        let svg = draw();
        for c in ["#0072B2", "#D55E00", "#8C8C8C"] {
            assert!(svg.contains(c), "{c} drawn");
        }
    }

    #[test]
    fn text_names_the_surest_gain_and_has_a_row_a_bar_as_labelled() {
        let text = lever_chart_text(
            "What each lever adds",
            "Change in bookings ($)",
            Unit::Dollars,
            &levers(),
        );
        assert_eq!(
            text.summary,
            "+1 SDR adds the most: +$410K (90% confidence interval +$300K to +$520K). \
             Of 4 levers, 1 surely adds, 1 surely costs and 2 cannot be told from zero."
        );
        let t = &text.table;
        assert_eq!(t.caption, "What each lever adds. Change in bookings ($)");
        assert_eq!(t.rows.len(), levers().len(), "one row a bar");
        assert_eq!(
            t.rows[2],
            ["Threshold +5", "-$40K", "-$90K to -$10K", "surely costs"]
        );
        assert_eq!(
            t.rows[3],
            [
                "One replication",
                "+$5K",
                "not measured",
                "cannot be told from zero"
            ]
        );
        let svg = draw();
        for row in &t.rows[..3] {
            // The bar's label, e.g. "+$120K (-$50K to +$190K)", holds the table's figures.
            assert!(svg.contains(&format!("{} ({})", row[1], row[2])), "{row:?}");
        }
    }

    #[test]
    fn text_when_no_lever_surely_adds() {
        let mut lower = levers();
        lower[0].label = "one more SDR".into();
        let text = lever_chart_text("t", "x", Unit::Dollars, &lower);
        assert!(
            text.summary.starts_with("One more SDR adds the most"),
            "a sentence starts in capitals"
        );
        assert_eq!(
            text.table.rows[0][0], "one more SDR",
            "the row keeps the bar's label"
        );
        let unsure = &levers()[1..];
        let text = lever_chart_text("t", "x", Unit::Dollars, unsure);
        assert!(text
            .summary
            .starts_with("No lever surely adds. Of 3 levers, 0 surely add"));
        let none = lever_chart_text("t", "x", Unit::Dollars, &[]);
        assert_eq!(none.summary, "No lever was measured.");
        assert!(none.table.rows.is_empty());
    }

    #[test]
    fn no_levers_still_draws() {
        assert!(lever_chart_svg("t", "x", Unit::Dollars, &[], 400, 200).is_ok());
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn lever_chart_snapshot() {
        insta::assert_snapshot!(draw());
    }
}
