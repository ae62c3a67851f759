//! The one metric vocabulary's units: what a figure measures decides how it is written, on
//! every surface (the CLI's tables, the charts' axes and text alternatives, the CSV export's
//! `unit` column, the page's cards and tables).

use serde::{Deserialize, Serialize};

use super::{count, hours, money, percent, plain_number, plain_one_decimal, points, signed};

/// What a figure measures. Serialised as its [`Unit::name`] (`"dollars"`, `"share"`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// A number of leads (inquiries, MQLs, SQLs, ...).
    Leads,
    /// A number of call or email attempts.
    Attempts,
    /// A number of opportunities.
    Opportunities,
    /// A number of deals.
    Deals,
    /// Money, in dollars.
    Dollars,
    /// A fraction in [0, 1], written as a percentage.
    Share,
    /// A ratio (ROI), written as a percentage.
    Ratio,
    /// A duration in hours.
    Hours,
    /// A duration in days.
    Days,
}

impl Unit {
    pub const ALL: [Unit; 9] = [
        Unit::Leads,
        Unit::Attempts,
        Unit::Opportunities,
        Unit::Deals,
        Unit::Dollars,
        Unit::Share,
        Unit::Ratio,
        Unit::Hours,
        Unit::Days,
    ];

    /// The unit's name in data (JSON, CSV): `"leads"`, `"dollars"`, `"share"`, ...
    pub fn name(self) -> &'static str {
        match self {
            Unit::Leads => "leads",
            Unit::Attempts => "attempts",
            Unit::Opportunities => "opportunities",
            Unit::Deals => "deals",
            Unit::Dollars => "dollars",
            Unit::Share => "share",
            Unit::Ratio => "ratio",
            Unit::Hours => "hours",
            Unit::Days => "days",
        }
    }

    /// A figure with its unit and a sensible precision, for tables and sentences: `$1.2M`,
    /// `41%`, `15 min`, `63.3 days`, `2.8 attempts`, `1,289 h`, `12,345` (counts of leads,
    /// deals and opportunities: the label names them). `n/a` when not finite.
    pub fn format(self, x: f64) -> String {
        if !x.is_finite() {
            return "n/a".into();
        }
        match self {
            Unit::Dollars => money(x),
            Unit::Share | Unit::Ratio => percent(x),
            Unit::Hours if x.abs() >= 100.0 => format!("{} h", count(x)),
            Unit::Hours => hours(x),
            Unit::Days => format!("{} days", plain_one_decimal(x)),
            Unit::Attempts if x.abs() >= 100.0 => format!("{} attempts", count(x)),
            Unit::Attempts => format!("{} attempts", plain_one_decimal(x)),
            Unit::Leads | Unit::Deals | Unit::Opportunities => count(x),
        }
    }

    /// A figure on a chart's axis or beside a bar: as [`Unit::format`] but short and in one
    /// unit along the axis (`3.5 h`, never `15 min`; `2.5`, not `2.5 attempts`).
    pub fn axis(self, x: f64) -> String {
        match self {
            Unit::Dollars => money(x),
            Unit::Share | Unit::Ratio => percent(x),
            Unit::Hours => format!("{} h", plain_number(x)),
            Unit::Days => format!("{} d", plain_number(x)),
            Unit::Attempts => plain_number(x),
            Unit::Leads | Unit::Deals | Unit::Opportunities => count(x),
        }
    }

    /// A difference of two figures, with its sign: percentage points for fractions
    /// (`+3.1 pp`), otherwise the figure's own format (`+$1.2M`, `-3`, `+1.5 h`).
    pub fn change(self, delta: f64) -> String {
        if !delta.is_finite() {
            return "n/a".into();
        }
        match self {
            Unit::Share | Unit::Ratio => points(delta),
            Unit::Dollars => signed(delta, money),
            Unit::Hours => signed(delta, hours),
            Unit::Days | Unit::Attempts | Unit::Leads | Unit::Deals | Unit::Opportunities => {
                if delta > 0.0 {
                    format!("+{}", self.format(delta))
                } else {
                    self.format(delta)
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_unit_is_said() {
        assert_eq!(Unit::Hours.format(0.25), "15 min");
        assert_eq!(Unit::Hours.format(8.94), "8.9 h");
        assert_eq!(Unit::Hours.format(1_288.87), "1,289 h");
        assert_eq!(Unit::Days.format(63.26), "63.3 days");
        assert_eq!(Unit::Attempts.format(2.95), "3 attempts");
        assert_eq!(Unit::Attempts.format(2.84), "2.8 attempts");
        assert_eq!(Unit::Leads.format(31_189.4), "31,189");
        assert_eq!(Unit::Dollars.format(4_400_000.0), "$4.4M");
        assert_eq!(Unit::Share.format(0.41), "41%");
        assert_eq!(Unit::Ratio.format(0.28), "28%");
        assert_eq!(Unit::Leads.format(f64::NAN), "n/a");
    }

    #[test]
    fn axes_keep_one_unit() {
        assert_eq!(Unit::Hours.axis(0.5), "0.5 h");
        assert_eq!(Unit::Dollars.axis(2_500_000.0), "$2.5M");
        assert_eq!(Unit::Share.axis(0.75), "75%");
        assert_eq!(Unit::Deals.axis(1_234.0), "1,234");
    }

    #[test]
    fn changes_carry_their_sign_and_fractions_move_in_points() {
        assert_eq!(Unit::Share.change(0.031), "+3.1 pp");
        assert_eq!(Unit::Dollars.change(-1_200_000.0), "-$1.2M");
        assert_eq!(Unit::Leads.change(12.0), "+12");
        assert_eq!(Unit::Days.change(-2.0), "-2 days");
        assert_eq!(Unit::Hours.change(f64::INFINITY), "n/a");
    }

    #[test]
    fn names_are_the_data_names_and_round_trip() {
        for u in Unit::ALL {
            let json = serde_json::to_string(&u).expect("a unit serialises");
            assert_eq!(json, format!("\"{}\"", u.name()));
            assert_eq!(serde_json::from_str::<Unit>(&json).ok(), Some(u));
        }
    }
}
