//! The designer's summary sentence.

use super::{Promise, Scored};
use crate::format::{count, hours, money, percent, plain_number};
use crate::model::{Sla, ValidScenario};

/// The design in one sentence: the setting, both promises, and its weakest point.
pub(super) fn summary(
    base: &ValidScenario,
    chosen: &Scored,
    sla: &Sla,
    promises: &[Promise],
    kept: f64,
) -> String {
    let s = base.get();
    let c = chosen.candidate;
    let mut changes = Vec::new();
    if c.threshold != s.thresholds.mql_threshold {
        changes.push(format!("MQL threshold {}", count(c.threshold)));
    }
    if c.sdrs != s.sdr.headcount {
        changes.push(format!("{} SDRs", count(c.sdrs)));
    }
    if c.aes != s.closing.ae_headcount {
        changes.push(format!("{} AEs", count(c.aes)));
    }
    let setting = if changes.is_empty() {
        "With today's threshold and headcount".to_string()
    } else {
        format!("With {}", changes.join(", "))
    };
    let weakest = promises
        .iter()
        .filter_map(|p| p.breaks_first.as_ref().map(|b| (p, b)))
        .min_by(|a, b| a.1 .1.total_cmp(&b.1 .1));
    let risk = match weakest {
        Some((p, (stress, share))) => format!(
            " The weakest point: if {stress}, \"{}\" holds in only {} of periods.",
            p.words,
            percent(*share)
        ),
        None => String::new(),
    };
    format!(
        "{setting}, marketing can promise {} MQLs a month and sales a first touch within {} for {}% of them, each kept in at least {} of periods; median bookings {}.{risk}",
        count(sla.mqls_per_month),
        hours(sla.touch_within_hours),
        plain_number(sla.touched_share_percent),
        percent(kept),
        money(chosen.bookings.p50),
    )
}
