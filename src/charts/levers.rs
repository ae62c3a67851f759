//! The marginal value of each lever as a ranked horizontal bar chart: the bar is the median
//! change in bookings, the whisker its P10-P90 range across paired replications.

use super::hbars::{hbar_chart_svg, HBar, HBarLayout};
use super::{palette, ChartError, ValueFormat};

/// One lever's effect: median and P10/P90 of the change it makes.
#[derive(Debug, Clone, PartialEq)]
pub struct LeverBar {
    pub label: String,
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
}

/// A value with an explicit sign: `+$410K`, `-$20K`.
fn signed(format: ValueFormat, v: f64) -> String {
    let s = format.axis(v);
    if v > 0.0 {
        format!("+{s}")
    } else {
        s
    }
}

/// Renders the levers top to bottom in the order given (callers rank them first).
/// Positive effects are drawn in blue, negative in vermillion; zero is a vertical axis line.
pub fn lever_chart_svg(
    title: &str,
    x_label: &str,
    format: ValueFormat,
    levers: &[LeverBar],
    width: u32,
    height: u32,
) -> Result<String, ChartError> {
    let rows: Vec<HBar> = levers
        .iter()
        .map(|l| HBar {
            label: l.label.clone(),
            value: l.p50,
            range: Some((l.p10, l.p90)),
            colour: if l.p50 >= 0.0 {
                palette::BLUE
            } else {
                palette::VERMILLION
            },
            value_text: format!(
                "{} ({} to {})",
                signed(format, l.p50),
                signed(format, l.p10),
                signed(format, l.p90)
            ),
        })
        .collect();
    let layout = HBarLayout {
        title,
        x_label,
        format,
        width,
        height,
        label_width: 200,
    };
    hbar_chart_svg(&layout, &rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn levers() -> Vec<LeverBar> {
        let bar = |label: &str, p10: f64, p50: f64, p90: f64| LeverBar {
            label: label.into(),
            p10,
            p50,
            p90,
        };
        vec![
            bar("+1 SDR", 300_000.0, 410_000.0, 520_000.0),
            bar("+10% leads", 50_000.0, 120_000.0, 190_000.0),
            bar("Threshold +5", -90_000.0, -40_000.0, 10_000.0),
        ]
    }

    fn draw() -> String {
        lever_chart_svg(
            "What each lever adds",
            "Change in bookings ($)",
            ValueFormat::Money,
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
        assert!(svg.contains("-$40K (-$90K to +$10K)"));
        assert!(
            svg.contains("#D55E00"),
            "a negative effect is drawn in vermillion"
        );
    }

    #[test]
    fn no_levers_still_draws() {
        assert!(lever_chart_svg("t", "x", ValueFormat::Money, &[], 400, 200).is_ok());
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn lever_chart_snapshot() {
        insta::assert_snapshot!(draw());
    }
}
