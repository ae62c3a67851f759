//! The SDR team: a queue of untouched MQLs and due follow-ups, worked in continuous time by a
//! team with a finite number of minutes (MODEL.md mechanic 3).
//!
//! The team works at full speed (`headcount` SDRs in parallel: an attempt of 6 minutes takes
//! 6 / headcount minutes of the team's clock) within a daily budget of productive minutes
//! (`headcount x productive hours per week / 7`). A lead is ready for its first touch
//! `target response` after it arrives (what happens when the queue is empty) and for a
//! follow-up `spacing` after the previous attempt. When the day's budget is spent, the rest
//! waits for the next day. When work arrives faster than the budget, a backlog forms: the age
//! at first touch grows day by day, contact and qualification fall with it, follow-ups go
//! overdue, and leads past the age limit are abandoned untouched. Speed-to-lead comes out of
//! capacity.
//!
//! Untouched MQLs are counts (a cohort per arrival day and score class), so a flood of leads
//! nobody calls costs nothing per lead; a lead becomes an individual when it is first
//! touched. Every outcome is drawn from the lead's own random numbers ([`super::draws`]).

use super::curves::{Curves, BANDS};
use super::draws::{Draws, Event, LeadDraws, LeadId};
use super::fifo::Fifo;
use super::metrics::{Leaks, OrderKey, Weekly};
use super::trace::{Abandoned, End, Happening, Rejection, Tracer};
use crate::model::QueuePriority;

/// A lead's random numbers for its first touch, hashed before the take that needs them: the
/// hashing then runs while the team still works the lead before, off the path of the take
/// (10x volume ran about 6% faster).
#[derive(Debug, Clone, Copy)]
struct Ahead {
    draws: LeadDraws,
    type_u: f64,
    contact_u: f64,
}

impl Ahead {
    fn of(draws: Draws, id: LeadId) -> Self {
        let own = draws.of(id);
        Ahead {
            draws: own,
            type_u: own.get(Event::Type),
            contact_u: own.get(Event::Contact(0)),
        }
    }
}

/// Untouched MQLs of one arrival day and score class. Their arrival times are spread evenly
/// over the day; they are taken from the front (earliest arrival first).
#[derive(Debug, Clone, Copy)]
struct Cohort {
    day: u32,
    class: u8,
    /// Leads that arrived.
    n: u32,
    /// Leads taken so far (first touched), from the front.
    taken: u32,
    /// Untouched leads left, by propensity band.
    counts: [u32; BANDS],
    /// When the next lead arrived (hours), kept up to date as leads are taken.
    next_arrival_h: f64,
    /// The next lead's random numbers, hashed one take ahead.
    next: Ahead,
}

impl Cohort {
    fn left(&self) -> u32 {
        self.n - self.taken
    }
    fn arrival_h(&self, position: u32) -> f64 {
        24.0 * (f64::from(self.day) + (f64::from(position) + 0.5) / f64::from(self.n.max(1)))
    }
    /// When the next lead is ready for its first touch.
    fn ready_h(&self, target_h: f64) -> f64 {
        self.next_arrival_h + target_h
    }
    /// Takes the next lead; its band is drawn from the leads left (without replacement).
    fn take(&mut self, draws: Draws) -> (LeadId, Ahead, u8, f64) {
        let id = LeadId::new(self.day, self.class, self.taken);
        let ahead = self.next;
        let arrival = self.next_arrival_h;
        let left = self.left();
        let pick = ((ahead.type_u * f64::from(left)) as u32).min(left - 1);
        // The first band whose running count passes `pick`: the number of running counts
        // at or below it, counted without a branch (the band is random, so a loop that
        // stops at it mispredicts on almost every lead).
        let mut acc = 0;
        let mut below = 0;
        for n in self.counts {
            acc += n;
            below += usize::from(acc <= pick);
        }
        let band = below.min(BANDS - 1);
        if let Some(n) = self.counts.get_mut(band) {
            *n = n.saturating_sub(1);
        }
        self.taken += 1;
        self.next_arrival_h = self.arrival_h(self.taken);
        self.next = Ahead::of(draws, LeadId::new(self.day, self.class, self.taken));
        (id, ahead, band as u8, arrival)
    }
}

/// A lead that has had at least one attempt and waits for the next.
#[derive(Debug, Clone, Copy)]
struct Lead {
    draws: LeadDraws,
    /// The uniform of its next attempt's contact (`Event::Contact(attempts)`), or NaN (a
    /// uniform never is) until it is hashed: on the way into an empty follow-up line, when
    /// the lead ahead of it is taken from the line for its attempt, or else when it is
    /// taken itself. In a flood most follow-ups are given up unworked, and hashing them all
    /// on the way in was wasted.
    contact_u: f64,
    band: u8,
    attempts: u8,
    arrival_h: f64,
    due_h: f64,
    /// SDR minutes spent on it so far.
    minutes: f64,
    /// Its speed-to-lead: age in hours at the first attempt. Qualification falls with it
    /// (HBR 2011 measures the first response, not the contact).
    speed_h: f64,
}

impl Lead {
    /// The uniform of its next attempt's contact, `Event::Contact(attempts)`.
    fn contact_uniform(&self) -> f64 {
        self.draws.get(Event::Contact(self.attempts))
    }
}

/// An SQL handed to the AEs.
#[derive(Debug, Clone, Copy)]
pub struct Sql {
    pub draws: LeadDraws,
    pub band: usize,
}

/// Where the SDR day writes what happened.
pub struct Tally<'a, T: Tracer> {
    pub week: &'a mut [f64; Weekly::N],
    pub leaks: &'a mut Leaks,
    pub nurture: &'a mut [u64; BANDS],
    pub sqls: &'a mut Vec<Sql>,
    /// Age at first touch (hours) of each lead first touched: the run's, this week's last.
    pub speeds: &'a mut Vec<OrderKey>,
    /// SDR minutes spent on leads that ended without qualifying.
    pub unqualified_min: &'a mut f64,
    /// Every lead's life, in a traced replication (`()`: not traced).
    pub trace: &'a mut T,
}

impl<T: Tracer> Tally<'_, T> {
    fn add(&mut self, m: Weekly, x: f64) {
        self.week[m.index()] += x;
    }

    fn record(&mut self, lead: &Lead, at_h: f64, what: Happening, end: End) {
        self.trace.record(lead.draws, at_h, what, end);
    }
}

/// What the team works next.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Next {
    /// A first touch from cohort `index` of score class `class`.
    First { class: usize, index: usize },
    /// The follow-up at the front of the line.
    FollowUp,
    /// Nothing is ready before this time.
    Wait(f64),
    /// Nothing waits.
    Idle,
}

/// The SDR team and its queue.
#[derive(Debug, Clone, Default)]
pub struct SdrTeam {
    /// Untouched cohorts per score class (0 standard, 1 high), oldest first.
    untouched: [Fifo<Cohort>; 2],
    /// Leads awaiting a follow-up, by due time (attempts happen in time order and the
    /// spacing is fixed, so pushing at the back keeps the order).
    follow_ups: Fifo<Lead>,
    /// The team's clock in hours: when it is next free.
    clock_h: f64,
    /// Minutes worked beyond a day's budget (the last attempt of a day runs over), taken
    /// from the next day's.
    overrun_min: f64,
}

impl SdrTeam {
    /// The day's new MQLs of one score class, by band.
    pub fn arrive(&mut self, day: u32, class: u8, counts: [u32; BANDS], draws: Draws) {
        let n: u32 = counts.iter().sum();
        if n == 0 {
            return;
        }
        if let Some(q) = self.untouched.get_mut(usize::from(class & 1)) {
            let mut cohort = Cohort {
                day,
                class,
                n,
                taken: 0,
                counts,
                next_arrival_h: 0.0,
                next: Ahead::of(draws, LeadId::new(day, class, 0)),
            };
            cohort.next_arrival_h = cohort.arrival_h(0);
            q.push_back(cohort);
        }
    }

    /// Leads waiting: untouched and awaiting a follow-up.
    pub fn waiting(&self) -> u64 {
        self.untouched_count() + self.follow_ups.len() as u64
    }

    /// Untouched MQLs in the queue.
    pub fn untouched_count(&self) -> u64 {
        self.untouched
            .iter()
            .flatten()
            .map(|c| u64::from(c.left()))
            .sum()
    }

    /// One day of SDR work. Returns (minutes worked, minutes available).
    pub fn work_day<T: Tracer>(
        &mut self,
        day: u32,
        c: &Curves,
        draws: Draws,
        t: &mut Tally<T>,
    ) -> (f64, f64) {
        let avail = c.sdr_minutes_per_day;
        let budget = avail - self.overrun_min;
        let day_start = f64::from(day) * 24.0;
        let day_end = day_start + 24.0;
        let mut used = 0.0;
        if c.sdr_minutes_per_hour > 0.0 {
            self.clock_h = self.clock_h.max(day_start);
            while self.clock_h < day_end && used < budget {
                match self.next(c, self.clock_h) {
                    Next::First { class, index } => {
                        let lead = self.untouched.get_mut(class).and_then(|q| {
                            let cohort = q.get_mut(index)?;
                            let (id, ahead, band, arrival_h) = cohort.take(draws);
                            if cohort.left() == 0 {
                                q.remove(index);
                            }
                            t.trace.arrived(id, ahead.draws, band, arrival_h);
                            Some(Lead {
                                draws: ahead.draws,
                                contact_u: ahead.contact_u,
                                band,
                                attempts: 0,
                                arrival_h,
                                due_h: arrival_h + c.target_h,
                                minutes: 0.0,
                                speed_h: 0.0,
                            })
                        });
                        if let Some(lead) = lead {
                            used += self.attempt(lead, c, t);
                        }
                    }
                    Next::FollowUp => {
                        if let Some(mut lead) = self.follow_ups.pop_front() {
                            if lead.contact_u.is_nan() {
                                lead.contact_u = lead.contact_uniform();
                            }
                            // The next follow-up's uniform, hashed one pop ahead.
                            if let Some(front) = self.follow_ups.front_mut() {
                                front.contact_u = front.contact_uniform();
                            }
                            used += self.attempt(lead, c, t);
                        }
                    }
                    Next::Wait(at) => self.clock_h = at.min(day_end),
                    Next::Idle => self.clock_h = day_end,
                }
            }
        }
        self.overrun_min = (used - budget).max(0.0);
        self.expire(day_end, c, t);
        (used, avail)
    }

    /// The first-touch candidate of score class `class`: (ready time, cohort index). Under
    /// "newest first", the newest cohort with a lead ready now, else the earliest to be
    /// ready; otherwise the oldest cohort.
    fn candidate(&self, class: usize, c: &Curves, now: f64) -> Option<(f64, usize)> {
        let q = self.untouched.get(class)?;
        if c.priority == QueuePriority::Newest {
            for i in (0..q.len()).rev() {
                if let Some(r) = q.get(i).map(|x| x.ready_h(c.target_h)) {
                    if r <= now {
                        return Some((r, i));
                    }
                }
            }
        }
        q.front().map(|x| (x.ready_h(c.target_h), 0))
    }

    /// The next piece of work at time `now` under the queue discipline.
    fn next(&self, c: &Curves, now: f64) -> Next {
        let hot = self.candidate(1, c, now);
        let standard = self.candidate(0, c, now);
        let follow = self.follow_ups.front().map(|l| l.due_h);
        let is_ready = |x: Option<(f64, usize)>| x.filter(|(r, _)| *r <= now);
        let (hot_ready, standard_ready) = (is_ready(hot), is_ready(standard));
        let follow_ready = follow.filter(|d| *d <= now);
        let first = |class: usize, (_, index): (f64, usize)| Next::First { class, index };
        if let Some(h) = hot_ready {
            if c.hot_first || c.priority == QueuePriority::HighestScore {
                return first(1, h);
            }
        }
        // The ready first touch that became ready first (the high-score one on a tie), or
        // under "newest first" the newest.
        let newest = c.priority == QueuePriority::Newest;
        let first_touch = match (hot_ready, standard_ready) {
            (Some(h), Some(s)) if (h.0 <= s.0) != newest || h.0 == s.0 => Some(first(1, h)),
            (Some(_) | None, Some(s)) => Some(first(0, s)),
            (Some(h), None) => Some(first(1, h)),
            (None, None) => None,
        };
        let first_ready_at = match (hot_ready, standard_ready) {
            (Some(h), Some(s)) => h.0.min(s.0),
            (Some(x), None) | (None, Some(x)) => x.0,
            (None, None) => f64::INFINITY,
        };
        match (first_touch, follow_ready) {
            (Some(_), Some(due))
                if c.priority == QueuePriority::OldestDue && due < first_ready_at =>
            {
                return Next::FollowUp;
            }
            (Some(f), _) => return f,
            (None, Some(_)) => return Next::FollowUp,
            (None, None) => {}
        }
        let mut at = f64::INFINITY;
        for x in [hot.map(|x| x.0), standard.map(|x| x.0), follow]
            .into_iter()
            .flatten()
        {
            at = at.min(x);
        }
        if at.is_finite() {
            Next::Wait(at.max(now))
        } else {
            Next::Idle
        }
    }

    /// One attempt on `lead` at the team's clock; returns the minutes it took. Always
    /// inlined: the lead then stays in registers, instead of being written field by field by
    /// the caller and read back whole (a stalled load on every attempt; 10x volume ran about
    /// 2% faster).
    #[inline(always)]
    fn attempt<T: Tracer>(&mut self, mut lead: Lead, c: &Curves, t: &mut Tally<T>) -> f64 {
        let now = self.clock_h.max(lead.due_h);
        let age = now - lead.arrival_h;
        let k = lead.attempts;
        let u = lead.contact_u;
        let contact = match c.contact_by_attempt.get(usize::from(k)) {
            Some(chance) => chance.below(u, age),
            None => c.contact_chance(k).below(u, age),
        };
        let minutes = c.attempt_min + if contact { c.conv_min } else { 0.0 };
        lead.minutes += minutes;
        self.clock_h = now + minutes / c.sdr_minutes_per_hour;
        t.add(Weekly::Attempts, 1.0);
        if k == 0 {
            lead.speed_h = age;
            t.add(Weekly::FirstTouches, 1.0);
            if age <= c.sla_touch_h {
                t.add(Weekly::TouchedWithinSla, 1.0);
            }
            t.speeds.push(OrderKey::new(age));
        }
        let b = usize::from(lead.band);
        let number = k.saturating_add(1);
        t.record(
            &lead,
            now,
            Happening::Attempt {
                number,
                reached: contact,
            },
            End::InSdrQueue,
        );
        if contact {
            t.add(Weekly::Contacts, 1.0);
            let accept = c.accept.get(b).copied().unwrap_or(0.0);
            if lead.draws.get(Event::Accept) >= accept {
                reject(&lead, now, c, t, Rejection::PoorFit);
                return minutes;
            }
            t.add(Weekly::Sals, 1.0);
            t.record(&lead, now, Happening::Accepted, End::InSdrQueue);
            let qualifies = c
                .qualify_by_band
                .get(b)
                .is_some_and(|q| q.below(lead.draws.get(Event::Qualify), lead.speed_h));
            if !qualifies {
                reject(&lead, now, c, t, Rejection::NotReady);
                return minutes;
            }
            t.add(Weekly::Sqls, 1.0);
            t.record(&lead, now, Happening::Qualified, End::WaitingForAe);
            t.sqls.push(Sql {
                draws: lead.draws,
                band: b,
            });
            return minutes;
        }
        lead.attempts = k.saturating_add(1);
        if lead.attempts >= c.max_attempts {
            give_up(&lead, now, c, t);
        } else {
            lead.due_h = now + c.spacing_h;
            lead.contact_u = if self.follow_ups.is_empty() {
                lead.contact_uniform()
            } else {
                f64::NAN
            };
            self.follow_ups.push_back(lead);
        }
        minutes
    }

    /// End of day: untouched cohorts older than the age limit are abandoned; follow-ups
    /// overdue by as long are given up as unreached.
    fn expire<T: Tracer>(&mut self, day_end: f64, c: &Curves, t: &mut Tally<T>) {
        for q in &mut self.untouched {
            while let Some(front) = q.front() {
                let age = day_end - (f64::from(front.day) * 24.0 + 12.0);
                if age <= c.abandon_h {
                    break;
                }
                let n = f64::from(front.left());
                t.trace.abandon(Abandoned {
                    day: front.day,
                    class: front.class,
                    leads: front.left(),
                    at_h: day_end,
                });
                t.leaks.abandoned_untouched += u64::from(front.left());
                t.add(Weekly::AbandonedUntouched, n);
                q.pop_front();
            }
        }
        while let Some(front) = self.follow_ups.front() {
            if day_end - front.due_h <= c.abandon_h {
                break;
            }
            if let Some(lead) = self.follow_ups.pop_front() {
                give_up(&lead, day_end, c, t);
            }
        }
    }
}

/// The lead's recycling decision: a recycled lead returns to its band's nurture pool.
/// Counted without a branch (the decision is random, so a branch mispredicts often).
fn recycle<T: Tracer>(lead: &Lead, c: &Curves, t: &mut Tally<T>) -> bool {
    let drawn = lead.draws.get(Event::Recycle) < c.recycle;
    let Some(pool) = t.nurture.get_mut(usize::from(lead.band)) else {
        return false;
    };
    *pool += u64::from(drawn);
    drawn
}

/// A lead reached and rejected at `now`: recycled to nurture, or a leak of its reason.
fn reject<T: Tracer>(lead: &Lead, now: f64, c: &Curves, t: &mut Tally<T>, reason: Rejection) {
    *t.unqualified_min += lead.minutes;
    let recycled = recycle(lead, c, t);
    let leaked = u64::from(!recycled);
    match reason {
        Rejection::NotReady => t.leaks.rejected_not_ready += leaked,
        Rejection::PoorFit => t.leaks.rejected_poor_fit += leaked,
    }
    let end = match (recycled, reason) {
        (true, _) => End::BackToNurture,
        (false, Rejection::PoorFit) => End::RejectedPoorFit,
        (false, Rejection::NotReady) => End::RejectedNotReady,
    };
    t.record(lead, now, Happening::Rejected { reason, recycled }, end);
}

/// A lead given up without contact after `lead.attempts` attempts, at `now`.
fn give_up<T: Tracer>(lead: &Lead, now: f64, c: &Curves, t: &mut Tally<T>) {
    *t.unqualified_min += lead.minutes;
    t.add(Weekly::GivenUpUnreached, 1.0);
    t.add(Weekly::AttemptsOnGivenUp, f64::from(lead.attempts));
    let recycled = recycle(lead, c, t);
    t.leaks.unreached += u64::from(!recycled);
    let end = if recycled {
        End::BackToNurture
    } else {
        End::Unreached
    };
    let what = Happening::GaveUp {
        attempts: lead.attempts,
        recycled,
    };
    t.record(lead, now, what, end);
}
