//! Numbers formatted for people: `$1.2M`, `3.4 days`, `41%`, `12,345`, and [`Unit`], what a
//! figure measures and so how it is written. Pure.

mod unit;
pub use unit::Unit;

/// A plain number with thousands separators and at most two decimals, trailing zeros cut:
/// `100000.0` becomes `100,000`, `0.125` becomes `0.13`.
pub fn plain_number(x: f64) -> String {
    if !x.is_finite() {
        return format!("{x}");
    }
    let rounded = (x * 100.0).round() / 100.0;
    let neg = rounded < 0.0;
    let abs = rounded.abs();
    let int = abs.trunc() as u64;
    let frac = ((abs - abs.trunc()) * 100.0).round() as u64;
    let mut s = group_thousands(int);
    if frac > 0 {
        let f = format!("{frac:02}");
        s.push('.');
        s.push_str(f.trim_end_matches('0'));
    }
    if neg {
        format!("-{s}")
    } else {
        s
    }
}

/// Whole number with thousands separators: `1234567.4` becomes `1,234,567`.
pub fn count(x: f64) -> String {
    if !x.is_finite() {
        return format!("{x}");
    }
    let r = x.round();
    let s = group_thousands(r.abs() as u64);
    if r < 0.0 {
        format!("-{s}")
    } else {
        s
    }
}

fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Money, short: `$950`, `$25K`, `$1.2M`, `$3.4B`.
pub fn money(x: f64) -> String {
    if !x.is_finite() {
        return "n/a".into();
    }
    let sign = if x < 0.0 { "-" } else { "" };
    let a = x.abs();
    let (v, suffix) = if a >= 1e9 {
        (a / 1e9, "B")
    } else if a >= 1e6 {
        (a / 1e6, "M")
    } else if a >= 1e3 {
        (a / 1e3, "K")
    } else {
        return format!("{sign}${a:.0}");
    };
    let body = if v >= 100.0 {
        format!("{v:.0}")
    } else {
        let s = format!("{v:.1}");
        s.trim_end_matches(".0").to_string()
    };
    format!("{sign}${body}{suffix}")
}

/// A fraction as a percentage: `0.412` becomes `41%`, `0.0123` becomes `1.2%`.
pub fn percent(fraction: f64) -> String {
    if !fraction.is_finite() {
        return "n/a".into();
    }
    let p = fraction * 100.0;
    if p.abs() >= 10.0 || p == 0.0 {
        format!("{p:.0}%")
    } else {
        format!("{p:.1}%")
    }
}

/// A difference with its sign: `+$1.2M`, `-3`, `0`.
pub fn signed(delta: f64, fmt: fn(f64) -> String) -> String {
    if delta > 0.0 {
        format!("+{}", fmt(delta))
    } else {
        fmt(delta)
    }
}

/// A difference of two fractions in percentage points: `0.031` is `+3.1 pp`.
pub fn points(delta: f64) -> String {
    signed(delta * 100.0, plain_number_1) + " pp"
}

fn plain_number_1(x: f64) -> String {
    plain_number((x * 10.0).round() / 10.0)
}

/// The text with its first letter in upper case: `in nurture` becomes `In nurture`.
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// A duration given in hours, in the unit people use for it: `12 min`, `3.4 h`, `2.5 days`.
pub fn hours(h: f64) -> String {
    if !h.is_finite() {
        return "n/a".into();
    }
    if h < 1.0 {
        format!("{:.0} min", h * 60.0)
    } else if h < 48.0 {
        format!("{} h", plain_one_decimal(h))
    } else {
        format!("{} days", plain_one_decimal(h / 24.0))
    }
}

fn plain_one_decimal(x: f64) -> String {
    let s = format!("{x:.1}");
    s.trim_end_matches(".0").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_carry_their_sign() {
        assert_eq!(signed(1_200_000.0, money), "+$1.2M");
        assert_eq!(signed(-3.0, count), "-3");
        assert_eq!(signed(0.0, count), "0");
        assert_eq!(points(0.031), "+3.1 pp");
        assert_eq!(points(-0.25), "-25 pp");
    }

    #[test]
    fn formats_for_people() {
        assert_eq!(plain_number(100_000.0), "100,000");
        assert_eq!(plain_number(0.125), "0.13");
        assert_eq!(plain_number(-1234.5), "-1,234.5");
        assert_eq!(count(1_234_567.4), "1,234,567");
        assert_eq!(money(950.0), "$950");
        assert_eq!(money(25_000.0), "$25K");
        assert_eq!(money(1_234_000.0), "$1.2M");
        assert_eq!(money(-3_400_000_000.0), "-$3.4B");
        assert_eq!(money(412_000.0), "$412K");
        assert_eq!(percent(0.412), "41%");
        assert_eq!(percent(0.0123), "1.2%");
        assert_eq!(percent(0.0), "0%");
        assert_eq!(hours(0.2), "12 min");
        assert_eq!(hours(3.44), "3.4 h");
        assert_eq!(hours(60.0), "2.5 days");
        assert_eq!(hours(24.0), "24 h");
    }
}
