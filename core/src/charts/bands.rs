//! Weekly series with uncertainty bands: the P10-P90 range across Monte Carlo replications as
//! a shaded area, the median (P50) as a line, optionally a reference line (e.g. SDR capacity).

use plotters::prelude::*;

use super::legend::{draw_legend_row, legend_row_height, Key};
use super::svg::Svg;
use super::{palette, ChartError, Unit, FONT};

mod text;

pub use text::{band_chart_text, Reading};

/// One quantity over the weeks: P10, P50 and P90 per week (all the same length).
#[derive(Debug, Clone, Copy)]
pub struct Band<'a> {
    pub name: &'a str,
    pub p10: &'a [f64],
    pub p50: &'a [f64],
    pub p90: &'a [f64],
}

/// A weekly band chart: title, y-axis meaning and unit, the bands, and an optional dashed
/// reference line.
#[derive(Debug, Clone)]
pub struct BandChart<'a> {
    pub title: &'a str,
    /// The y-axis label with its unit, e.g. "Bookings per week ($)".
    pub y_label: &'a str,
    pub unit: Unit,
    pub bands: Vec<Band<'a>>,
    pub reference: Option<(&'a str, &'a [f64])>,
}

/// Outer margin and width of the y-axis labels, in pixels (the legend row starts where the
/// plot does).
const MARGIN: u32 = 12;
const Y_LABEL_AREA: u32 = 76;
/// Font size of the legend (measured as in `text.rs`).
const LEGEND_SIZE: f64 = 16.0;

fn finite_max(values: impl Iterator<Item = f64>) -> f64 {
    values.filter(|v| v.is_finite()).fold(0.0_f64, f64::max)
}

/// Renders the chart as an SVG document of `width` x `height` pixels. Weeks are numbered from 1.
pub fn band_chart_svg(
    chart: &BandChart<'_>,
    width: u32,
    height: u32,
) -> Result<String, ChartError> {
    let weeks = chart
        .bands
        .iter()
        .map(|b| b.p50.len())
        .chain(chart.reference.map(|(_, r)| r.len()))
        .max()
        .unwrap_or(0)
        .max(1);
    let top = finite_max(
        chart
            .bands
            .iter()
            .flat_map(|b| b.p90.iter().chain(b.p50.iter()).copied())
            .chain(chart.reference.iter().flat_map(|(_, r)| r.iter().copied())),
    );
    let top = if top > 0.0 { top * 1.1 } else { 1.0 };
    // The legend goes in a row below the plot, where it covers no data.
    let mut legend = Vec::new();
    for (i, band) in chart.bands.iter().enumerate() {
        let colour = palette::SERIES[i % palette::SERIES.len()];
        legend.push((
            format!("{} P10-P90", band.name),
            Key::Swatch(colour.mix(0.22)),
        ));
        legend.push((
            format!("{} median", band.name),
            Key::Line(colour.stroke_width(3)),
        ));
    }
    let reference_style = palette::INK.stroke_width(2);
    if let Some((name, _)) = chart.reference {
        legend.push((name.to_string(), Key::Line(reference_style)));
    }
    let legend_left = (MARGIN + Y_LABEL_AREA) as i32;
    let legend_h =
        legend_row_height(&legend, LEGEND_SIZE, width as i32 - legend_left - 5).min(height / 3);
    let mut svg = String::new();
    {
        let root = Svg::area(&mut svg, (width, height));
        root.fill(&WHITE).map_err(ChartError::from_plotters)?;
        let (upper, lower) = root.split_vertically(height - legend_h);
        let mut ctx = ChartBuilder::on(&upper)
            .caption(chart.title, (FONT, 22).into_font().color(&palette::INK))
            .margin(MARGIN)
            .margin_bottom(4)
            .x_label_area_size(44)
            .y_label_area_size(Y_LABEL_AREA)
            .build_cartesian_2d(1.0..(weeks as f64).max(2.0), 0.0..top)
            .map_err(ChartError::from_plotters)?;
        let unit = chart.unit;
        ctx.configure_mesh()
            .light_line_style(TRANSPARENT)
            .bold_line_style(palette::GRID)
            .x_desc("Week")
            .y_desc(chart.y_label)
            .x_label_formatter(&|w| format!("{w:.0}"))
            .y_label_formatter(&|v| unit.axis(*v))
            .axis_desc_style((FONT, 17))
            .label_style((FONT, 16))
            .draw()
            .map_err(ChartError::from_plotters)?;

        for (i, band) in chart.bands.iter().enumerate() {
            let colour = palette::SERIES[i % palette::SERIES.len()];
            let week = |j: usize| (j + 1) as f64;
            let mut area: Vec<(f64, f64)> = band
                .p90
                .iter()
                .enumerate()
                .map(|(j, v)| (week(j), *v))
                .collect();
            area.extend(
                band.p10
                    .iter()
                    .enumerate()
                    .rev()
                    .map(|(j, v)| (week(j), *v)),
            );
            ctx.draw_series(std::iter::once(Polygon::new(
                area,
                colour.mix(0.22).filled(),
            )))
            .map_err(ChartError::from_plotters)?;
            ctx.draw_series(LineSeries::new(
                band.p50.iter().enumerate().map(|(j, v)| (week(j), *v)),
                colour.stroke_width(3),
            ))
            .map_err(ChartError::from_plotters)?;
        }
        if let Some((_, values)) = chart.reference {
            ctx.draw_series(DashedLineSeries::new(
                values.iter().enumerate().map(|(j, v)| ((j + 1) as f64, *v)),
                8,
                5,
                reference_style,
            ))
            .map_err(ChartError::from_plotters)?;
        }
        draw_legend_row(&lower, legend_left, &legend, LEGEND_SIZE)?;
        root.present().map_err(ChartError::from_plotters)?;
    }
    Ok(svg)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn sample() -> (Vec<f64>, Vec<f64>, Vec<f64>, Vec<f64>) {
        let p50: Vec<f64> = (0..12).map(|w| 100.0 + 10.0 * w as f64).collect();
        let p10 = p50.iter().map(|v| v * 0.8).collect();
        let p90 = p50.iter().map(|v| v * 1.2).collect();
        let cap = vec![180.0; 12];
        (p10, p50, p90, cap)
    }

    #[test]
    fn band_chart_has_title_axes_legend_and_band() {
        let (p10, p50, p90, cap) = sample();
        let chart = BandChart {
            title: "MQLs vs. SDR capacity",
            y_label: "MQLs per week",
            unit: Unit::Leads,
            bands: vec![Band {
                name: "MQLs",
                p10: &p10,
                p50: &p50,
                p90: &p90,
            }],
            reference: Some(("SDR capacity", &cap)),
        };
        let svg = band_chart_svg(&chart, 800, 360).expect("draws");
        for text in [
            "MQLs vs. SDR capacity",
            "MQLs per week",
            "Week",
            "MQLs P10-P90",
            "MQLs median",
            "SDR capacity",
        ] {
            assert!(svg.contains(text), "missing {text}");
        }
        assert!(
            svg.contains("<polygon"),
            "the P10-P90 band is drawn as an area"
        );
        assert!(svg.contains("<polyline"), "the median is drawn as a line");
    }

    /// The `y` of the `<text>` element whose content is `content`.
    pub(crate) fn text_y(svg: &str, content: &str) -> Option<f64> {
        let lines: Vec<&str> = svg.lines().collect();
        lines.windows(2).find_map(|w| {
            (w[0].starts_with("<text") && w[1].trim() == content)
                .then(|| w[0].split(" y=\"").nth(1)?.split('"').next()?.parse().ok())
                .flatten()
        })
    }

    #[test]
    fn the_legend_sits_below_the_plot_and_covers_no_data() {
        // Utilisation near 100% from the first week: the upper left is full of data.
        let sdr = vec![0.97; 52];
        let ae = vec![0.6; 52];
        let chart = BandChart {
            title: "SDR and AE utilisation",
            y_label: "Share of capacity used",
            unit: Unit::Share,
            bands: vec![
                Band {
                    name: "SDRs",
                    p10: &sdr,
                    p50: &sdr,
                    p90: &sdr,
                },
                Band {
                    name: "AEs",
                    p10: &ae,
                    p50: &ae,
                    p90: &ae,
                },
            ],
            reference: None,
        };
        let svg = band_chart_svg(&chart, 640, 340).expect("draws");
        let axis = text_y(&svg, "Week").expect("x-axis label");
        for entry in ["SDRs P10-P90", "SDRs median", "AEs P10-P90", "AEs median"] {
            let y = text_y(&svg, entry).unwrap_or_else(|| panic!("{entry} in the legend"));
            assert!(
                y > axis,
                "{entry} at y {y}, inside the plot (x-axis label at {axis})"
            );
            assert!(y < 340.0, "{entry} at y {y}, outside the picture");
        }
    }

    #[test]
    fn empty_and_non_finite_data_do_not_fail() {
        let nan = vec![f64::NAN; 3];
        let chart = BandChart {
            title: "Nothing yet",
            y_label: "Count",
            unit: Unit::Leads,
            bands: vec![Band {
                name: "x",
                p10: &nan,
                p50: &nan,
                p90: &nan,
            }],
            reference: None,
        };
        assert!(band_chart_svg(&chart, 400, 200).is_ok());
        let empty = BandChart {
            bands: vec![],
            ..chart
        };
        assert!(band_chart_svg(&empty, 400, 200).is_ok());
    }

    #[test]
    fn cumulative_summary_names_the_last_week_and_the_table_has_a_row_a_week() {
        let p50: Vec<f64> = (1..=52).map(|w| 154_000.0 * w as f64).collect();
        let p10: Vec<f64> = p50.iter().map(|v| v * 0.93).collect();
        let p90: Vec<f64> = p50.iter().map(|v| v * 1.07).collect();
        let chart = BandChart {
            title: "Cumulative bookings",
            y_label: "Bookings to date ($)",
            unit: Unit::Dollars,
            bands: vec![Band {
                name: "Bookings to date",
                p10: &p10,
                p50: &p50,
                p90: &p90,
            }],
            reference: None,
        };
        let text = band_chart_text(&chart, Reading::End);
        assert_eq!(
            text.summary,
            "Bookings to date at week 52: $8M (median; P10 $7.4M to P90 $8.6M)."
        );
        let t = &text.table;
        assert_eq!(
            t.caption,
            "Cumulative bookings: Bookings to date ($), by week"
        );
        assert_eq!(
            t.headers,
            [
                "Week",
                "Bookings to date P10",
                "Bookings to date median",
                "Bookings to date P90"
            ]
        );
        assert_eq!(t.rows.len(), 52, "one row a week");
        assert_eq!(t.rows[0], ["1", "$143K", "$154K", "$165K"]);
        assert_eq!(t.rows[51][0], "52");
        assert_eq!(t.rows[51][2], "$8M", "the last median is the summary's");
    }

    #[test]
    fn average_summary_names_each_band_its_peak_and_the_reference() {
        let (p10, p50, p90, cap) = sample();
        let first_touches = vec![150.0; 12];
        let chart = BandChart {
            title: "MQLs vs. SDR capacity",
            y_label: "Leads per week",
            unit: Unit::Leads,
            bands: vec![
                Band {
                    name: "MQLs",
                    p10: &p10,
                    p50: &p50,
                    p90: &p90,
                },
                Band {
                    name: "First touches",
                    p10: &first_touches,
                    p50: &first_touches,
                    p90: &first_touches,
                },
            ],
            reference: Some(("SDR capacity (MQLs)", &cap)),
        };
        let text = band_chart_text(&chart, Reading::Average);
        assert_eq!(
            text.summary,
            "Weekly medians over 12 weeks: MQLs average 155, highest 210 in week 12; \
             First touches average 150, highest 150 in week 1. \
             SDR capacity (MQLs): 180 in every week."
        );
        assert_eq!(text.table.headers.len(), 1 + 3 + 3 + 1);
        assert_eq!(text.table.rows.len(), 12);
        assert_eq!(
            text.table.rows[11],
            ["12", "168", "210", "252", "150", "150", "150", "180"]
        );
    }

    #[test]
    fn a_level_that_peaked_earlier_says_so_and_gaps_are_not_numbers() {
        let queue = [0.0, 300.0, 1_200.0, 800.0, f64::NAN];
        let chart = BandChart {
            title: "SDR queue",
            y_label: "MQLs waiting",
            unit: Unit::Leads,
            bands: vec![Band {
                name: "Queue",
                p10: &queue,
                p50: &queue[..4],
                p90: &queue,
            }],
            reference: None,
        };
        let text = band_chart_text(&chart, Reading::End);
        assert_eq!(
            text.summary,
            "Queue at week 4: 800 (median; P10 800 to P90 800), highest 1,200 in week 3."
        );
        assert_eq!(
            text.table.rows.len(),
            5,
            "the longest series sets the weeks"
        );
        assert_eq!(text.table.rows[4], ["5", "n/a", "n/a", "n/a"]);
        let empty = BandChart {
            bands: vec![],
            ..chart
        };
        assert!(band_chart_text(&empty, Reading::Average)
            .table
            .rows
            .is_empty());
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn band_chart_snapshot() {
        let (p10, p50, p90, cap) = sample();
        let chart = BandChart {
            title: "Bookings per week",
            y_label: "Bookings ($)",
            unit: Unit::Dollars,
            bands: vec![Band {
                name: "Bookings",
                p10: &p10,
                p50: &p50,
                p90: &p90,
            }],
            reference: Some(("Target", &cap)),
        };
        let svg = band_chart_svg(&chart, 800, 360).expect("draws");
        // Minor grid lines are not drawn at all (not drawn white): each element costs the
        // page parsing and layout at every refinement of the bands.
        let white_lines = svg
            .lines()
            .filter(|l| l.starts_with("<line") && l.contains("stroke=\"#FFFFFF\""))
            .count();
        assert_eq!(white_lines, 0, "invisible white lines in the SVG");
        insta::assert_snapshot!(svg);
    }
}
