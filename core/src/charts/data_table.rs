//! Text alternatives of the charts: each chart module has, next to its `*_svg` function, a
//! `*_text` function taking the same data and returning a summary sentence and the data
//! table (every value the chart draws, formatted as the chart formats it, in its order).

use super::Unit;

/// The values a chart draws, as a table: a caption, the column headers, and the rows; the
/// first cell of each row names it (a row header).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DataTable {
    pub caption: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// A chart's text alternative: one or two plain sentences with its key numbers, and its data.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ChartText {
    pub summary: String,
    pub table: DataTable,
}

/// Not-a-number and infinities are `n/a` in every format (the chart draws them as nothing).
pub(super) fn cell(unit: Unit, v: f64) -> String {
    if v.is_finite() {
        unit.axis(v)
    } else {
        "n/a".into()
    }
}

/// The text with its first letter in lower case unless it starts an acronym: `In nurture`
/// becomes `in nurture`, `MQLs` stays `MQLs`.
pub(super) fn decapitalise(s: &str) -> String {
    let mut c = s.chars();
    match (c.next(), c.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => {
            first.to_lowercase().collect::<String>() + &s[first.len_utf8()..]
        }
        _ => s.to_string(),
    }
}

/// The index and value of the largest finite value (the first of equals).
pub(super) fn arg_max(values: &[f64]) -> Option<(usize, f64)> {
    values
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, v)| v.is_finite())
        .fold(None, |best, (i, v)| match best {
            Some((_, b)) if b >= v => best,
            _ => Some((i, v)),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers_format_for_people() {
        assert_eq!(cell(Unit::Dollars, 8_040_000.0), "$8M");
        assert_eq!(cell(Unit::Leads, f64::NAN), "n/a");
        assert_eq!(decapitalise("In nurture"), "in nurture");
        assert_eq!(decapitalise("MQLs"), "MQLs");
        assert_eq!(decapitalise(""), "");
        assert_eq!(arg_max(&[1.0, f64::NAN, 3.0, 3.0, 2.0]), Some((2, 3.0)));
        assert_eq!(arg_max(&[f64::NAN]), None);
    }
}
