//! The marginal value of each lever as a ranked horizontal bar chart: the bar is the mean
//! change in bookings, the whisker its 90% confidence interval.

use super::hbars::{hbar_chart_svg, HBar, HBarLayout};
use super::{palette, ChartError, ValueFormat};

/// One lever's effect: the mean change it makes and the confidence interval of that mean
/// (none when it could not be measured).
#[derive(Debug, Clone, PartialEq)]
pub struct LeverBar {
    pub label: String,
    pub mean: f64,
    pub interval: Option<(f64, f64)>,
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

/// Blue when the whole interval is above zero, vermillion when it is below, grey when the
/// effect cannot be told from zero.
fn colour(l: &LeverBar) -> plotters::style::RGBColor {
    match l.interval {
        Some((low, _)) if low > 0.0 => palette::BLUE,
        Some((_, high)) if high < 0.0 => palette::VERMILLION,
        _ => palette::GREY,
    }
}

/// Renders the levers top to bottom in the order given (callers rank them first); zero is a
/// vertical axis line.
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
            value: l.mean,
            range: l.interval,
            colour: colour(l),
            value_text: match l.interval {
                Some((low, high)) => format!(
                    "{} ({} to {})",
                    signed(format, l.mean),
                    signed(format, low),
                    signed(format, high)
                ),
                None => signed(format, l.mean),
            },
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
    fn no_levers_still_draws() {
        assert!(lever_chart_svg("t", "x", ValueFormat::Money, &[], 400, 200).is_ok());
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn lever_chart_snapshot() {
        insta::assert_snapshot!(draw());
    }
}
