//! The AE team (MODEL.md mechanic 6): SQLs wait for a free opportunity slot, and the AEs work
//! the most promising SQLs first: highest propensity band, and within a band the one that has
//! cooled least (the newest). The rest wait, cool (each week of waiting lowers the close
//! chance) and are lost past the wait limit; that loss is reported. So a saturated AE team
//! keeps closing at its capacity, and more or better SQLs never lower what it books: they
//! only change which SQLs wait. (Oldest-first would make every SQL wait the longest a flood
//! allows, so one more SDR would lower bookings; the planning views caught that.)
//!
//! Each opportunity's outcome, cycle length and deal size come from the lead's own random
//! numbers, drawn when it opens; it books revenue on its close date.

use std::collections::VecDeque;

use super::curves::{Curves, BANDS};
use super::draws::{inv_normal, Event, LeadDraws};
use super::exp::exp;
use super::metrics::{Leaks, Weekly};
use super::sdr::Sql;
use super::trace::{End, Happening, Tracer};

/// Opportunities that close on one day: scheduled when they open, returned on the day.
#[derive(Debug, Clone, Copy, Default)]
pub struct Closed {
    pub won: u32,
    pub lost: u32,
    pub cycle_days: f64,
    pub amount: f64,
}

/// The AE team and its waiting line.
#[derive(Debug, Clone)]
pub struct AeTeam {
    /// SQLs waiting per propensity band: (day qualified, lead).
    waiting: [VecDeque<(u32, LeadDraws)>; BANDS],
    /// Open opportunities.
    open: u64,
    /// By close day.
    closes: Vec<Closed>,
    /// `ln` of the share of the close chance kept per week of waiting.
    ln_keep_per_week: f64,
}

impl AeTeam {
    pub fn new(c: &Curves) -> Self {
        AeTeam {
            waiting: std::array::from_fn(|_| VecDeque::new()),
            open: 0,
            closes: vec![Closed::default(); c.weeks * 7],
            ln_keep_per_week: c.wait_keep_per_week.max(1e-300).ln(),
        }
    }

    /// SQLs qualified on `day` join the line.
    pub fn receive(&mut self, day: u32, sqls: &[Sql]) {
        for s in sqls {
            if let Some(q) = self.waiting.get_mut(s.band) {
                q.push_back((day, s.draws));
            }
        }
    }

    pub fn open(&self) -> u64 {
        self.open
    }

    pub fn waiting(&self) -> u64 {
        self.waiting.iter().map(|q| q.len() as u64).sum()
    }

    /// One day: SQLs past the wait limit are lost; free slots open opportunities, best band
    /// first and newest first within a band; today's closes are returned.
    pub fn work_day<T: Tracer>(
        &mut self,
        day: u32,
        c: &Curves,
        week: &mut [f64; Weekly::N],
        leaks: &mut Leaks,
        trace: &mut T,
    ) -> Closed {
        for q in &mut self.waiting {
            while let Some(&(d, own)) = q.front() {
                if f64::from(day - d) <= c.max_wait_d {
                    break;
                }
                leaks.expired_waiting_for_ae += 1;
                let what = Happening::ExpiredWaitingForAe;
                trace.record(own, day_h(day), what, End::ExpiredWaitingForAe);
                q.pop_front();
            }
        }
        let mut free = u64::from(c.ae_slots).saturating_sub(self.open);
        for b in (0..BANDS).rev() {
            while free > 0 {
                let Some((d, own)) = self.waiting.get_mut(b).and_then(VecDeque::pop_back) else {
                    break;
                };
                free -= 1;
                self.open_one(day, d, own, b, c, trace);
                week[Weekly::OppsOpened.index()] += 1.0;
            }
        }
        let today = self.closes.get(day as usize).copied().unwrap_or_default();
        let n = today.won + today.lost;
        self.open = self.open.saturating_sub(u64::from(n));
        leaks.won += u64::from(today.won);
        leaks.lost += u64::from(today.lost);
        today
    }

    fn open_one<T: Tracer>(
        &mut self,
        day: u32,
        since: u32,
        own: LeadDraws,
        band: usize,
        c: &Curves,
        trace: &mut T,
    ) {
        self.open += 1;
        let waited_weeks = f64::from(day - since) / 7.0;
        let keep = if waited_weeks > 0.0 {
            exp(self.ln_keep_per_week * waited_weeks)
        } else {
            1.0
        };
        let p_win = c.win.get(band).copied().unwrap_or(0.0) * keep;
        let won = own.get(Event::Win) < p_win;
        let z = inv_normal(own.get(Event::Cycle));
        let cycle = (c.cycle_median_d * exp(c.cycle_sigma * z)).round().max(1.0);
        let close_day = day as usize + cycle as usize;
        let opened = Happening::Opened {
            waited_days: day - since,
            win_chance: p_win,
        };
        trace.record(own, day_h(day), opened, End::OpenOpportunity);
        let Some(slot) = self.closes.get_mut(close_day) else {
            return; // closes after the horizon: still open at the end
        };
        slot.cycle_days += cycle;
        let amount = if won {
            let amount = exp(c.deal_mu + c.deal_sigma * inv_normal(own.get(Event::Deal)));
            slot.won += 1;
            slot.amount += amount;
            amount
        } else {
            slot.lost += 1;
            0.0
        };
        let closed = Happening::Closed {
            won,
            amount,
            cycle_days: cycle,
        };
        let end = if won { End::Won } else { End::Lost };
        trace.record(own, 24.0 * close_day as f64, closed, end);
    }
}

/// The start of `day`, in hours from the start of the run.
fn day_h(day: u32) -> f64 {
    24.0 * f64::from(day)
}
