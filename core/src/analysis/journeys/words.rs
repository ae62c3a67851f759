//! The words of a journey: when, each step, each ending.

use super::Stage;
use crate::engine::trace::{End, Happening, Rejection};
use crate::format;

/// `Day 23, 14:10` for hours from the start of the run.
pub(super) fn when(at_h: f64) -> String {
    let minutes = (at_h * 60.0).round().max(0.0) as u64;
    let (day, minute_of_day) = (minutes / (24 * 60), minutes % (24 * 60));
    format!(
        "Day {}, {:02}:{:02}",
        day + 1,
        minute_of_day / 60,
        minute_of_day % 60
    )
}

pub(super) fn step_words(what: Happening) -> (String, Stage) {
    match what {
        Happening::Attempt { number, reached } => {
            let which = if number == 1 {
                "First touch".to_string()
            } else {
                format!("Attempt {number}")
            };
            let result = if reached {
                "reaches the lead"
            } else {
                "no answer"
            };
            (format!("{which}: {result}."), Stage::Sdr)
        }
        Happening::Accepted => ("The SDR accepts it: a SAL.".into(), Stage::Sdr),
        Happening::Rejected { reason, recycled } => {
            let why = match reason {
                Rejection::PoorFit => "Rejected as a poor fit",
                Rejection::NotReady => "Not ready to buy (no budget, need or timing yet)",
            };
            let then = sentence_end(recycled);
            (format!("{why}{then}"), Stage::Leak)
        }
        Happening::Qualified => ("Qualified: an SQL, handed to the AEs.".into(), Stage::Sdr),
        Happening::GaveUp { attempts, recycled } => {
            let then = sentence_end(recycled);
            (
                format!("Given up after {attempts} attempts without reaching anyone{then}"),
                Stage::Leak,
            )
        }
        Happening::ExpiredWaitingForAe => (
            "Waited past the limit for a free AE: lost.".into(),
            Stage::Leak,
        ),
        Happening::Opened {
            waited_days,
            win_chance,
        } => (
            format!(
                "An AE opens an opportunity after {} waiting; chance to win {}.",
                days(f64::from(waited_days)),
                format::percent(win_chance)
            ),
            Stage::Ae,
        ),
        Happening::Closed {
            won,
            amount,
            cycle_days,
        } => {
            if won {
                (
                    format!(
                        "Won: {} booked after a {} sales cycle.",
                        format::money(amount),
                        days(cycle_days)
                    ),
                    Stage::Won,
                )
            } else {
                (
                    format!("Lost after a {} sales cycle.", days(cycle_days)),
                    Stage::Leak,
                )
            }
        }
    }
}

/// A closing line for leads whose story is unfinished at the end of the run.
pub(super) fn ending_words(end: End) -> Option<(&'static str, Stage)> {
    match end {
        End::InSdrQueue => Some((
            "The run ends while it waits for its next attempt.",
            Stage::Sdr,
        )),
        End::WaitingForAe => Some(("The run ends while it waits for an AE.", Stage::Ae)),
        End::OpenOpportunity => Some((
            "The run ends with the opportunity still open (it closes after the horizon).",
            Stage::Ae,
        )),
        _ => None,
    }
}

/// How a sentence about a leaving lead ends: whether it goes back to nurture.
fn sentence_end(recycled: bool) -> &'static str {
    if recycled {
        "; recycled to nurture."
    } else {
        "."
    }
}

fn days(d: f64) -> String {
    if (d - 1.0).abs() < f64::EPSILON {
        "1 day".into()
    } else {
        format!("{} days", format::plain_number(d))
    }
}
