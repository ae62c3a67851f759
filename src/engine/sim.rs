//! One Monte Carlo replication: a daily-step cohort simulation. Leads are never objects:
//! they are counts of cohorts that share a type (propensity band x score class), an arrival
//! time, and the number of attempts made; every transition is a binomial or Poisson draw.
//! Delays (speed-to-lead) are tracked in continuous hours inside the day with a fluid queue.

use std::collections::VecDeque;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::curves::{band_propensity, Curves, BANDS, TYPES};
use super::exp::exp;
use super::rng::{binom, poisson, std_normal, uniform, PoissonDraw, Purpose, Rng, Streams};
use crate::model::{QueuePriority, ValidScenario};

/// Where every lead is at the end of a replication. Sums exactly to the inquiries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Leaks {
    pub in_nurture: u64,
    pub dormant: u64,
    pub in_sdr_queue: u64,
    pub abandoned_untouched: u64,
    pub unreached: u64,
    pub rejected_poor_fit: u64,
    pub rejected_not_ready: u64,
    pub waiting_for_ae: u64,
    pub expired_waiting_for_ae: u64,
    pub open_opportunity: u64,
    pub won: u64,
    pub lost: u64,
}

impl Leaks {
    /// Names and values, in funnel order.
    pub fn entries(&self) -> [(&'static str, u64); 12] {
        [
            ("in nurture", self.in_nurture),
            ("dormant", self.dormant),
            ("waiting in the SDR queue", self.in_sdr_queue),
            ("abandoned untouched", self.abandoned_untouched),
            ("unreached after all attempts", self.unreached),
            ("rejected: poor fit", self.rejected_poor_fit),
            ("rejected: not ready", self.rejected_not_ready),
            ("waiting for an AE", self.waiting_for_ae),
            ("lost waiting for an AE", self.expired_waiting_for_ae),
            ("open opportunity", self.open_opportunity),
            ("won", self.won),
            ("lost", self.lost),
        ]
    }

    /// Sum of every end state.
    pub fn total(&self) -> u64 {
        self.entries().iter().map(|e| e.1).sum()
    }
}

/// Weekly series of one replication, one value per week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Weekly {
    Inquiries,
    Mqls,
    SdrQueue,
    FirstTouches,
    Attempts,
    Contacts,
    Sals,
    Sqls,
    OppsOpened,
    Won,
    Lost,
    Bookings,
    CumulativeBookings,
    PipelineValue,
    SdrUtilisation,
    AeUtilisation,
    MedianSpeedToLeadHours,
    AbandonedUntouched,
    SqlsWaiting,
    TouchedWithinSla,
    FirstTouchDecided,
    GivenUpUnreached,
    AttemptsOnGivenUp,
}

impl Weekly {
    pub const ALL: [Weekly; 23] = [
        Weekly::Inquiries,
        Weekly::Mqls,
        Weekly::SdrQueue,
        Weekly::FirstTouches,
        Weekly::Attempts,
        Weekly::Contacts,
        Weekly::Sals,
        Weekly::Sqls,
        Weekly::OppsOpened,
        Weekly::Won,
        Weekly::Lost,
        Weekly::Bookings,
        Weekly::CumulativeBookings,
        Weekly::PipelineValue,
        Weekly::SdrUtilisation,
        Weekly::AeUtilisation,
        Weekly::MedianSpeedToLeadHours,
        Weekly::AbandonedUntouched,
        Weekly::SqlsWaiting,
        Weekly::TouchedWithinSla,
        Weekly::FirstTouchDecided,
        Weekly::GivenUpUnreached,
        Weekly::AttemptsOnGivenUp,
    ];
    pub const N: usize = Self::ALL.len();

    pub fn index(self) -> usize {
        self as usize
    }

    /// Label and unit.
    pub fn label(self) -> (&'static str, &'static str) {
        use Weekly::*;
        match self {
            Inquiries => ("Inquiries", "leads"),
            Mqls => ("MQLs", "leads"),
            SdrQueue => ("SDR queue length (end of week)", "leads"),
            FirstTouches => ("First touches", "leads"),
            Attempts => ("Attempts", "attempts"),
            Contacts => ("Contacts", "leads"),
            Sals => ("SALs", "leads"),
            Sqls => ("SQLs", "leads"),
            OppsOpened => ("Opportunities opened", "opportunities"),
            Won => ("Won deals", "deals"),
            Lost => ("Lost deals", "deals"),
            Bookings => ("Bookings", "dollars"),
            CumulativeBookings => ("Cumulative bookings", "dollars"),
            PipelineValue => ("Open pipeline value (end of week)", "dollars"),
            SdrUtilisation => ("SDR utilisation", "share"),
            AeUtilisation => ("AE utilisation", "share"),
            MedianSpeedToLeadHours => ("Median speed-to-lead", "hours"),
            AbandonedUntouched => ("MQLs abandoned untouched", "leads"),
            SqlsWaiting => ("SQLs waiting for an AE (end of week)", "leads"),
            TouchedWithinSla => ("MQLs first touched within the SLA time", "leads"),
            FirstTouchDecided => ("MQLs first touched or abandoned", "leads"),
            GivenUpUnreached => ("Leads given up without contact", "leads"),
            AttemptsOnGivenUp => ("Attempts on leads given up without contact", "attempts"),
        }
    }
}

/// Totals of one replication, one value each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Total {
    Inquiries,
    Mqls,
    FirstTouches,
    Contacts,
    Sals,
    Sqls,
    OppsOpened,
    Won,
    Lost,
    Bookings,
    MarketingCost,
    SalesCost,
    Roi,
    CostPerMql,
    CostPerSql,
    CostPerWon,
    InquiryToMql,
    MqlToSal,
    SalToSql,
    SqlToWon,
    ContactRate,
    ShareMqlsNeverTouched,
    AttemptsPerMql,
    SdrHoursOnUnqualified,
    WinRate,
    AvgSalesCycleDays,
    SdrUtilisation,
    AeUtilisation,
    MedianSpeedToLeadHours,
}

impl Total {
    pub const ALL: [Total; 29] = [
        Total::Inquiries,
        Total::Mqls,
        Total::FirstTouches,
        Total::Contacts,
        Total::Sals,
        Total::Sqls,
        Total::OppsOpened,
        Total::Won,
        Total::Lost,
        Total::Bookings,
        Total::MarketingCost,
        Total::SalesCost,
        Total::Roi,
        Total::CostPerMql,
        Total::CostPerSql,
        Total::CostPerWon,
        Total::InquiryToMql,
        Total::MqlToSal,
        Total::SalToSql,
        Total::SqlToWon,
        Total::ContactRate,
        Total::ShareMqlsNeverTouched,
        Total::AttemptsPerMql,
        Total::SdrHoursOnUnqualified,
        Total::WinRate,
        Total::AvgSalesCycleDays,
        Total::SdrUtilisation,
        Total::AeUtilisation,
        Total::MedianSpeedToLeadHours,
    ];
    pub const N: usize = Self::ALL.len();

    pub fn index(self) -> usize {
        self as usize
    }

    /// Whether the value is a rate in [0, 1].
    pub fn is_rate(self) -> bool {
        use Total::*;
        matches!(
            self,
            InquiryToMql
                | MqlToSal
                | SalToSql
                | SqlToWon
                | ContactRate
                | ShareMqlsNeverTouched
                | WinRate
                | SdrUtilisation
                | AeUtilisation
        )
    }

    /// Label and unit.
    pub fn label(self) -> (&'static str, &'static str) {
        use Total::*;
        match self {
            Inquiries => ("Inquiries", "leads"),
            Mqls => ("MQLs (including re-engaged)", "leads"),
            FirstTouches => ("MQLs first touched", "leads"),
            Contacts => ("MQLs contacted", "leads"),
            Sals => ("SALs", "leads"),
            Sqls => ("SQLs", "leads"),
            OppsOpened => ("Opportunities opened", "opportunities"),
            Won => ("Won deals", "deals"),
            Lost => ("Lost deals (incl. SQLs lost waiting)", "deals"),
            Bookings => ("Bookings", "dollars"),
            MarketingCost => ("Marketing cost (leads)", "dollars"),
            SalesCost => ("Sales cost (SDRs and AEs)", "dollars"),
            Roi => ("ROI: (bookings - cost) / cost", "ratio"),
            CostPerMql => ("Cost per MQL", "dollars"),
            CostPerSql => ("Cost per SQL", "dollars"),
            CostPerWon => ("Cost per won deal (CAC)", "dollars"),
            InquiryToMql => ("Inquiry to MQL", "share"),
            MqlToSal => ("MQL to SAL", "share"),
            SalToSql => ("SAL to SQL", "share"),
            SqlToWon => ("SQL to won", "share"),
            ContactRate => ("Contacted share of MQLs", "share"),
            ShareMqlsNeverTouched => ("Share of MQLs never touched", "share"),
            AttemptsPerMql => ("Attempts per MQL", "attempts"),
            SdrHoursOnUnqualified => ("SDR hours on leads that did not qualify", "hours"),
            WinRate => ("Win rate of closed opportunities", "share"),
            AvgSalesCycleDays => ("Average sales cycle", "days"),
            SdrUtilisation => ("SDR utilisation", "share"),
            AeUtilisation => ("AE utilisation", "share"),
            MedianSpeedToLeadHours => ("Median speed-to-lead", "hours"),
        }
    }
}

/// The raw output of one replication.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Replication {
    /// `weekly[w][Weekly::index()]`.
    pub weekly: Vec<[f64; Weekly::N]>,
    /// `totals[Total::index()]`.
    pub totals: [f64; Total::N],
    pub leaks: Leaks,
}

impl Replication {
    pub fn weekly(&self, m: Weekly) -> impl Iterator<Item = f64> + '_ {
        self.weekly.iter().map(move |w| w[m.index()])
    }
    pub fn total(&self, t: Total) -> f64 {
        self.totals[t.index()]
    }
}

#[derive(Debug, Clone)]
struct Entry {
    arrival_h: f64,
    due_h: f64,
    attempts: u8,
    counts: [u32; TYPES],
}

impl Entry {
    /// Leads of the score classes `classes` (a range of 0 standard, 1 high).
    fn sum(&self, classes: Range<usize>) -> u32 {
        self.counts
            .get(classes.start * BANDS..classes.end * BANDS)
            .map_or(0, |c| c.iter().sum())
    }
    fn total(&self) -> u64 {
        self.counts.iter().map(|c| u64::from(*c)).sum()
    }
}

/// Weighted median of (value, weight) pairs; `None` if empty.
fn weighted_median(pairs: &mut [(f64, u32)]) -> Option<f64> {
    let total: u64 = pairs.iter().map(|p| u64::from(p.1)).sum();
    if total == 0 {
        return None;
    }
    pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
    let half = total.div_ceil(2);
    let mut acc = 0u64;
    for (v, w) in pairs.iter() {
        acc += u64::from(*w);
        if acc >= half {
            return Some(*v);
        }
    }
    pairs.last().map(|p| p.0)
}

/// Cycle-length bins: equal-probability quantiles of the log-normal.
const CYCLE_Z: [f64; 5] = [-1.2816, -0.5244, 0.0, 0.5244, 1.2816];

struct State<'a> {
    c: &'a Curves,
    nurture: [u64; BANDS],
    queue: Vec<Entry>,
    ae_wait: VecDeque<(usize, [u32; BANDS])>,
    open: u64,
    /// closes[day] = (won, lost, cycle-days sum)
    closes: Vec<(u32, u32, f64)>,
    leaks: Leaks,
    sdr: Rng,
    ae: Rng,
    deals: Rng,
    debt_min: f64,
    /// Contact chance of each attempt number on a fresh lead (`Curves::attempt_contact`),
    /// computed once.
    attempt_contact: Vec<f64>,
    /// Cycle length in days of each bin of `CYCLE_Z` (computed once, not per opening).
    cycles: [f64; CYCLE_Z.len()],
    /// Reused work buffers (no allocation per day).
    buf_first: Vec<usize>,
    buf_follow: Vec<usize>,
    buf_work: Vec<(usize, Range<usize>)>,
    buf_new: Vec<Entry>,
}

/// Runs replications `start .. start + count` of a scenario, in index order (the same
/// replications wherever and in whichever pieces they run).
pub fn replicate_range(v: &ValidScenario, c: &Curves, start: u64, count: u32) -> Vec<Replication> {
    (start..start + u64::from(count))
        .map(|i| replicate(v, c, i))
        .collect()
}

/// Runs replication `rep` of a scenario.
pub fn replicate(v: &ValidScenario, c: &Curves, rep: u64) -> Replication {
    let streams = Streams::new(v.get().run.seed, rep);
    let weeks = c.weeks;
    let days = weeks * 7;
    let mut st = State {
        c,
        nurture: [0; BANDS],
        queue: Vec::new(),
        ae_wait: VecDeque::new(),
        open: 0,
        closes: vec![(0, 0, 0.0); days],
        leaks: Leaks::default(),
        sdr: streams.stream(Purpose::Sdr, 0),
        ae: streams.stream(Purpose::Closing, 0),
        deals: streams.stream(Purpose::Deals, 0),
        debt_min: 0.0,
        attempt_contact: (0..=c.max_attempts).map(|a| c.attempt_contact(a)).collect(),
        cycles: CYCLE_Z.map(|z| (c.cycle_median_d * exp(c.cycle_sigma * z)).round().max(1.0)),
        buf_first: Vec::new(),
        buf_follow: Vec::new(),
        buf_work: Vec::new(),
        buf_new: Vec::new(),
    };
    let mut arrivals;
    let mut daily = [[PoissonDraw::Zero; 2]; BANDS];
    let mut daily_lam = [[0.0f64; 2]; BANDS];
    let mut weekly = vec![[0.0; Weekly::N]; weeks];
    let mut totals = [0.0; Total::N];
    let mut inquiries: u64 = 0;
    let mut marketing_cost = 0.0;
    let mut cum_bookings = 0.0;
    let mut cycle_days_sum = 0.0;
    let mut closed = 0.0;
    let mut unqualified_min = 0.0;
    let mut sdr_used_total = 0.0;
    let mut sdr_avail_total = 0.0;
    let mut ae_util_sum = 0.0;
    let mut all_speeds: Vec<(f64, u32)> = Vec::new();
    let mean_deal = c.mean_deal();
    let sdr_day = sdr_day_apart();
    let nch = c.cells.len();
    let scen = v.get();

    for (w, wk) in weekly.iter_mut().enumerate() {
        // Cell rates for the week, and the average cost per lead of each cell.
        let rates = c.rates.get(w).map_or(&[][..], Vec::as_slice);
        let mut lam = [[0.0f64; 3]; BANDS];
        let mut cost = [[0.0f64; 3]; BANDS];
        for ch in 0..nch {
            let (Some(cells), Some(r), Some(chan)) =
                (c.cells.get(ch), rates.get(ch), scen.channels.get(ch))
            else {
                continue;
            };
            for b in 0..BANDS {
                for k in 0..3 {
                    let l = r * cells[b][k];
                    lam[b][k] += l;
                    cost[b][k] += l * chan.cost_per_lead;
                }
            }
        }
        // Nurture: weekly re-engagement and dormancy, then this week's below-threshold leads.
        let mut nur_rng = streams.stream(Purpose::Nurture, w as u64);
        arrivals = streams.stream(Purpose::Arrivals, w as u64);
        let mut reengaged = [0u32; BANDS];
        for b in 0..BANDS {
            let pool = u32::try_from(st.nurture[b]).unwrap_or(u32::MAX);
            let re = binom(&mut nur_rng, pool, c.reengage * 2.0 * band_propensity(b));
            let dorm = binom(&mut nur_rng, pool - re, c.dormancy);
            st.nurture[b] -= u64::from(re) + u64::from(dorm);
            st.leaks.dormant += u64::from(dorm);
            reengaged[b] = re;
            let n = poisson(&mut arrivals, lam[b][0]);
            st.nurture[b] += u64::from(n);
            inquiries += u64::from(n);
            wk[Weekly::Inquiries.index()] += f64::from(n);
            if lam[b][0] > 0.0 {
                marketing_cost += f64::from(n) * cost[b][0] / lam[b][0];
            }
        }
        // Daily MQL arrivals per type: Poisson distributions built once a week.
        // (Rebuilt only when a rate changed: without seasonality or bursts, never.)
        for b in 0..BANDS {
            for class in 0..2 {
                let l = lam[b][class + 1] / 7.0;
                if l.to_bits() != daily_lam[b][class].to_bits() {
                    daily[b][class] = PoissonDraw::new(l);
                    daily_lam[b][class] = l;
                }
            }
        }
        let mut speeds: Vec<(f64, u32)> = Vec::new();
        let mut sdr_used_week = 0.0;
        let mut ae_util_week = 0.0;
        for dw in 0..7 {
            let day = w * 7 + dw;
            let day_start = day as f64 * 24.0;
            let d = day as u64;
            arrivals = streams.stream(Purpose::Arrivals, 10_000 + d);
            st.sdr = streams.stream(Purpose::Sdr, d);
            st.ae = streams.stream(Purpose::Closing, d);
            st.deals = streams.stream(Purpose::Deals, d);
            // New MQLs of the day.
            let mut e = Entry {
                arrival_h: day_start + 12.0,
                due_h: day_start,
                attempts: 0,
                counts: [0; TYPES],
            };
            let mut day_inquiries = 0u64;
            for b in 0..BANDS {
                for class in 0..2 {
                    let n = daily[b][class].sample(&mut arrivals);
                    // Most cells draw none (and a draw above 0 implies a positive rate).
                    if n > 0 && lam[b][class + 1] > 0.0 {
                        marketing_cost += f64::from(n) * cost[b][class + 1] / lam[b][class + 1];
                    }
                    e.counts[class * BANDS + b] += n;
                    day_inquiries += u64::from(n);
                }
                // Re-engaged leads come back as standard MQLs, spread evenly over the week.
                let r = reengaged[b];
                let share = (r as usize * (dw + 1)) / 7 - (r as usize * dw) / 7;
                e.counts[b] += share as u32;
            }
            inquiries += day_inquiries;
            wk[Weekly::Inquiries.index()] += day_inquiries as f64;
            let new_mqls = e.total();
            wk[Weekly::Mqls.index()] += new_mqls as f64;
            if new_mqls > 0 {
                st.queue.push(e);
            }
            let (used, avail) = sdr_day(&mut st, day, wk, &mut speeds, &mut unqualified_min);
            sdr_used_week += used;
            sdr_avail_total += avail;
            sdr_used_total += used;
            st.abandon(day, wk);
            st.ae_day(day, wk);
            // Closes due today.
            if let Some(&(won, lost, cyc)) = st.closes.get(day) {
                if won + lost > 0 {
                    st.open -= u64::from(won + lost);
                    st.leaks.won += u64::from(won);
                    st.leaks.lost += u64::from(lost);
                    let amount = st.deal_amounts(won);
                    wk[Weekly::Won.index()] += f64::from(won);
                    wk[Weekly::Lost.index()] += f64::from(lost);
                    wk[Weekly::Bookings.index()] += amount;
                    cycle_days_sum += cyc;
                    closed += f64::from(won + lost);
                }
            }
            ae_util_week += if c.ae_slots > 0 {
                st.open as f64 / f64::from(c.ae_slots)
            } else {
                0.0
            };
        }
        cum_bookings += wk[Weekly::Bookings.index()];
        wk[Weekly::CumulativeBookings.index()] = cum_bookings;
        wk[Weekly::PipelineValue.index()] = st.open as f64 * mean_deal;
        wk[Weekly::SdrQueue.index()] = st.queue.iter().map(Entry::total).sum::<u64>() as f64;
        wk[Weekly::SqlsWaiting.index()] = st
            .ae_wait
            .iter()
            .map(|(_, c)| c.iter().map(|x| u64::from(*x)).sum::<u64>())
            .sum::<u64>() as f64;
        let avail_week = c.sdr_minutes_per_day * 7.0;
        wk[Weekly::SdrUtilisation.index()] = if avail_week > 0.0 {
            (sdr_used_week / avail_week).min(1.0)
        } else {
            0.0
        };
        wk[Weekly::AeUtilisation.index()] = (ae_util_week / 7.0).min(1.0);
        ae_util_sum += ae_util_week;
        wk[Weekly::MedianSpeedToLeadHours.index()] = weighted_median(&mut speeds).unwrap_or(0.0);
        all_speeds.extend(speeds);
    }

    // End-of-run states.
    st.leaks.in_nurture = st.nurture.iter().sum();
    st.leaks.in_sdr_queue = st.queue.iter().map(Entry::total).sum();
    st.leaks.waiting_for_ae = st
        .ae_wait
        .iter()
        .map(|(_, c)| c.iter().map(|x| u64::from(*x)).sum::<u64>())
        .sum();
    st.leaks.open_opportunity = st.open;

    let sum = |m: Weekly| weekly.iter().map(|w| w[m.index()]).sum::<f64>();
    let t = |tot: &mut [f64; Total::N], k: Total, v: f64| tot[k.index()] = v;
    let ratio = |a: f64, b: f64| if b > 0.0 { a / b } else { 0.0 };
    let mqls = sum(Weekly::Mqls);
    let sqls = sum(Weekly::Sqls);
    let sals = sum(Weekly::Sals);
    let won = sum(Weekly::Won);
    let lost = sum(Weekly::Lost) + st.leaks.expired_waiting_for_ae as f64;
    let bookings = sum(Weekly::Bookings);
    let months = weeks as f64 * 7.0 / (365.25 / 12.0);
    let sales_cost = months
        * (scen.sdr.headcount * scen.costs.sdr_monthly_cost
            + scen.closing.ae_headcount * scen.costs.ae_monthly_cost);
    let cost = marketing_cost + sales_cost;
    t(&mut totals, Total::Inquiries, inquiries as f64);
    t(&mut totals, Total::Mqls, mqls);
    t(&mut totals, Total::FirstTouches, sum(Weekly::FirstTouches));
    t(&mut totals, Total::Contacts, sum(Weekly::Contacts));
    t(&mut totals, Total::Sals, sals);
    t(&mut totals, Total::Sqls, sqls);
    t(&mut totals, Total::OppsOpened, sum(Weekly::OppsOpened));
    t(&mut totals, Total::Won, won);
    t(&mut totals, Total::Lost, lost);
    t(&mut totals, Total::Bookings, bookings);
    t(&mut totals, Total::MarketingCost, marketing_cost);
    t(&mut totals, Total::SalesCost, sales_cost);
    t(&mut totals, Total::Roi, ratio(bookings - cost, cost));
    t(&mut totals, Total::CostPerMql, ratio(cost, mqls));
    t(&mut totals, Total::CostPerSql, ratio(cost, sqls));
    t(&mut totals, Total::CostPerWon, ratio(cost, won));
    t(
        &mut totals,
        Total::InquiryToMql,
        ratio(mqls, inquiries as f64).min(1.0),
    );
    t(&mut totals, Total::MqlToSal, ratio(sals, mqls).min(1.0));
    t(&mut totals, Total::SalToSql, ratio(sqls, sals).min(1.0));
    t(&mut totals, Total::SqlToWon, ratio(won, sqls).min(1.0));
    t(
        &mut totals,
        Total::ContactRate,
        ratio(sum(Weekly::Contacts), mqls).min(1.0),
    );
    t(
        &mut totals,
        Total::ShareMqlsNeverTouched,
        ratio(
            (st.leaks.abandoned_untouched + untouched_in_queue(&st.queue)) as f64,
            mqls,
        )
        .min(1.0),
    );
    t(
        &mut totals,
        Total::AttemptsPerMql,
        ratio(sum(Weekly::Attempts), mqls),
    );
    t(
        &mut totals,
        Total::SdrHoursOnUnqualified,
        unqualified_min / 60.0,
    );
    t(&mut totals, Total::WinRate, ratio(won, closed).min(1.0));
    t(
        &mut totals,
        Total::AvgSalesCycleDays,
        ratio(cycle_days_sum, closed),
    );
    t(
        &mut totals,
        Total::SdrUtilisation,
        ratio(sdr_used_total, sdr_avail_total).min(1.0),
    );
    t(
        &mut totals,
        Total::AeUtilisation,
        ratio(ae_util_sum, days as f64).min(1.0),
    );
    t(
        &mut totals,
        Total::MedianSpeedToLeadHours,
        weighted_median(&mut all_speeds).unwrap_or(0.0),
    );
    Replication {
        weekly,
        totals,
        leaks: st.leaks,
    }
}

/// [`State::sdr_day`] (returns minutes used and available).
type SdrDay =
    fn(&mut State, usize, &mut [f64; Weekly::N], &mut Vec<(f64, u32)>, &mut f64) -> (f64, f64);

/// [`State::sdr_day`] as a function pointer the optimisers cannot see through, so that it stays
/// a function of its own in WebAssembly. wasm-opt inlines every function that has one caller,
/// which put the SDR day, the hot loop, five loops deep inside one very large function; V8
/// then unrolled its inner loops and compiled it up to 20% slower, depending on whatever else
/// was inlined around it. One indirect call a day costs nothing measurable.
fn sdr_day_apart() -> SdrDay {
    fn sdr_day(
        st: &mut State,
        day: usize,
        wk: &mut [f64; Weekly::N],
        speeds: &mut Vec<(f64, u32)>,
        unqualified_min: &mut f64,
    ) -> (f64, f64) {
        st.sdr_day(day, wk, speeds, unqualified_min)
    }
    std::hint::black_box(sdr_day as SdrDay)
}

fn untouched_in_queue(q: &[Entry]) -> u64 {
    q.iter().filter(|e| e.attempts == 0).map(Entry::total).sum()
}

/// Splits `take` of `n` leads across the cells of `counts` in proportion (stochastic
/// rounding), never more than a cell holds.
fn allocate(rng: &mut Rng, counts: &[u32], take: u32, n: u32, out: &mut [u32]) {
    if take >= n {
        out.copy_from_slice(counts);
        return;
    }
    let f = f64::from(take) / f64::from(n.max(1));
    let mut left = take;
    for (o, c) in out.iter_mut().zip(counts) {
        let x = f64::from(*c) * f;
        let base = x.floor();
        // No draw when there is nothing to round (an empty cell, or a whole share).
        let frac = x - base;
        let extra = if frac > 0.0 && uniform(rng) < frac {
            1.0
        } else {
            0.0
        };
        *o = ((base + extra) as u32).min(*c).min(left);
        left -= *o;
    }
}

impl State<'_> {
    /// One day of SDR work. Returns (minutes used, minutes available).
    #[allow(clippy::needless_range_loop)] // several per-band arrays are indexed together
    fn sdr_day(
        &mut self,
        day: usize,
        wk: &mut [f64; Weekly::N],
        speeds: &mut Vec<(f64, u32)>,
        unqualified_min: &mut f64,
    ) -> (f64, f64) {
        let c = self.c;
        let avail = c.sdr_minutes_per_day;
        let day_start = day as f64 * 24.0;
        let day_end = day_start + 24.0;
        let budget = avail - self.debt_min;
        let mut used = 0.0;
        // Work list: first touches in priority order, then due follow-ups (oldest due first).
        let mut first = std::mem::take(&mut self.buf_first);
        first.clear();
        first.extend((0..self.queue.len()).filter(|&i| self.queue[i].attempts == 0));
        match c.priority {
            QueuePriority::Newest => {
                first.sort_by(|&a, &b| self.queue[b].arrival_h.total_cmp(&self.queue[a].arrival_h))
            }
            _ => {
                first.sort_by(|&a, &b| self.queue[a].arrival_h.total_cmp(&self.queue[b].arrival_h))
            }
        }
        let split = c.hot_first || c.priority == QueuePriority::HighestScore;
        let mut work = std::mem::take(&mut self.buf_work);
        work.clear();
        if split {
            work.extend(first.iter().map(|&i| (i, 1..2)));
            work.extend(first.iter().map(|&i| (i, 0..1)));
        } else {
            work.extend(first.iter().map(|&i| (i, 0..2)));
        }
        let mut follow = std::mem::take(&mut self.buf_follow);
        follow.clear();
        follow.extend(
            (0..self.queue.len())
                .filter(|&i| self.queue[i].attempts > 0 && self.queue[i].due_h < day_end),
        );
        follow.sort_by(|&a, &b| self.queue[a].due_h.total_cmp(&self.queue[b].due_h));
        work.extend(follow.iter().map(|&i| (i, 0..2)));

        let mut new_entries = std::mem::take(&mut self.buf_new);
        new_entries.clear();
        for (i, classes) in work.iter().cloned() {
            let remaining = budget - used;
            if remaining <= 0.0 {
                break;
            }
            let Some(entry) = self.queue.get(i) else {
                continue;
            };
            let n = entry.sum(classes.clone());
            if n == 0 {
                continue;
            }
            let attempt = entry.attempts;
            let u = if avail > 0.0 {
                (used / avail).min(1.0)
            } else {
                1.0
            };
            let t_serve = day_start + 24.0 * u;
            let age = if attempt == 0 {
                if entry.arrival_h >= day_start {
                    c.target_h + 12.0 * u * u
                } else {
                    (t_serve - entry.arrival_h).max(c.target_h)
                }
            } else {
                t_serve.max(entry.due_h) - entry.arrival_h
            };
            // `c.contact(attempt, age)`, with the attempt's chance from the table.
            let base = self
                .attempt_contact
                .get(usize::from(attempt))
                .copied()
                .unwrap_or_else(|| c.attempt_contact(attempt));
            let pc = (base * c.contact_age_factor(age)).clamp(0.0, 1.0);
            let per_lead = c.attempt_min + pc * c.conv_min;
            let afford = (remaining / per_lead)
                .floor()
                .clamp(0.0, f64::from(u32::MAX));
            let take = (afford as u32).min(n);
            if take == 0 {
                break;
            }
            let arrival_h = entry.arrival_h;
            let mut follow_up = Entry {
                arrival_h,
                due_h: t_serve.max(entry.due_h) + c.spacing_h,
                attempts: attempt.saturating_add(1),
                counts: [0; TYPES],
            };
            // Computed on first use: most cohorts yield no accepted lead to qualify.
            let mut speed = None;
            let mut served_total = 0u32;
            // This item's counts, added to the week's once (sums of whole numbers: exact).
            let (mut item_contacts, mut item_sals, mut item_sqls) = (0u32, 0u32, 0u32);
            for class in classes {
                let lo = class * BANDS;
                let mut served = [0u32; BANDS];
                allocate(
                    &mut self.sdr,
                    &self.queue[i].counts[lo..lo + BANDS],
                    take,
                    n,
                    &mut served,
                );
                for b in 0..BANDS {
                    let k = served[b];
                    if k == 0 {
                        continue;
                    }
                    served_total += k;
                    self.queue[i].counts[lo + b] -= k;
                    let contacts = binom(&mut self.sdr, k, pc);
                    let accepted = binom(&mut self.sdr, contacts, c.accept[b]);
                    let sqls = if accepted > 0 {
                        let speed = *speed.get_or_insert_with(|| c.speed_factor(age));
                        binom(&mut self.sdr, accepted, c.qualify[b] * speed)
                    } else {
                        0
                    };
                    let poor_fit = contacts - accepted;
                    let not_ready = accepted - sqls;
                    let missed = k - contacts;
                    let minutes = f64::from(k) * c.attempt_min + f64::from(contacts) * c.conv_min;
                    used += minutes;
                    *unqualified_min += minutes - f64::from(sqls) * (c.attempt_min + c.conv_min);
                    item_contacts += contacts;
                    item_sals += accepted;
                    item_sqls += sqls;
                    let rp = binom(&mut self.sdr, poor_fit, c.recycle);
                    let rn = binom(&mut self.sdr, not_ready, c.recycle);
                    self.nurture[b] += u64::from(rp + rn);
                    self.leaks.rejected_poor_fit += u64::from(poor_fit - rp);
                    self.leaks.rejected_not_ready += u64::from(not_ready - rn);
                    if sqls > 0 {
                        self.push_sql(day, b, sqls);
                    }
                    if missed > 0 {
                        if attempt.saturating_add(1) >= c.max_attempts {
                            self.give_up(b, missed, attempt.saturating_add(1), wk);
                        } else {
                            follow_up.counts[lo + b] += missed;
                        }
                    }
                }
            }
            wk[Weekly::Attempts.index()] += f64::from(served_total);
            wk[Weekly::Contacts.index()] += f64::from(item_contacts);
            wk[Weekly::Sals.index()] += f64::from(item_sals);
            wk[Weekly::Sqls.index()] += f64::from(item_sqls);
            if attempt == 0 {
                wk[Weekly::FirstTouches.index()] += f64::from(served_total);
                wk[Weekly::FirstTouchDecided.index()] += f64::from(served_total);
                if age <= c.sla_touch_h {
                    wk[Weekly::TouchedWithinSla.index()] += f64::from(served_total);
                }
                speeds.push((age, served_total));
            }
            let added = follow_up.total();
            if added > 0 {
                // Follow-ups created the same day after the same number of attempts share one
                // cohort (count-weighted arrival time, latest due time).
                match new_entries
                    .iter_mut()
                    .find(|e| e.attempts == follow_up.attempts)
                {
                    Some(e) => {
                        let had = e.total() as f64;
                        let add = added as f64;
                        e.arrival_h = (e.arrival_h * had + follow_up.arrival_h * add) / (had + add);
                        e.due_h = e.due_h.max(follow_up.due_h);
                        for (a, b) in e.counts.iter_mut().zip(follow_up.counts) {
                            *a += b;
                        }
                    }
                    None => new_entries.push(follow_up),
                }
            }
        }
        self.queue.retain(|e| e.total() > 0);
        self.queue.append(&mut new_entries);
        self.buf_first = first;
        self.buf_follow = follow;
        self.buf_work = work;
        self.buf_new = new_entries;
        self.debt_min = (used - budget).max(0.0);
        (used.min(avail.max(used)), avail)
    }

    fn give_up(&mut self, b: usize, n: u32, attempts: u8, wk: &mut [f64; Weekly::N]) {
        let r = binom(&mut self.sdr, n, self.c.recycle);
        self.nurture[b] += u64::from(r);
        self.leaks.unreached += u64::from(n - r);
        wk[Weekly::GivenUpUnreached.index()] += f64::from(n);
        wk[Weekly::AttemptsOnGivenUp.index()] += f64::from(n) * f64::from(attempts);
    }

    fn push_sql(&mut self, day: usize, b: usize, n: u32) {
        match self.ae_wait.back_mut() {
            Some((d, counts)) if *d == day => counts[b] += n,
            _ => {
                let mut counts = [0u32; BANDS];
                counts[b] = n;
                self.ae_wait.push_back((day, counts));
            }
        }
    }

    /// Untouched MQLs past the age limit are abandoned; follow-ups overdue by as long are
    /// given up as unreached.
    fn abandon(&mut self, day: usize, wk: &mut [f64; Weekly::N]) {
        let day_end = (day + 1) as f64 * 24.0;
        let limit = self.c.abandon_h;
        let mut i = 0;
        while i < self.queue.len() {
            let e = &self.queue[i];
            let expired = if e.attempts == 0 {
                day_end - e.arrival_h > limit
            } else {
                day_end - e.due_h > limit
            };
            if !expired {
                i += 1;
                continue;
            }
            let e = self.queue.remove(i);
            if e.attempts == 0 {
                let n = e.total();
                self.leaks.abandoned_untouched += n;
                wk[Weekly::AbandonedUntouched.index()] += n as f64;
                wk[Weekly::FirstTouchDecided.index()] += n as f64;
            } else {
                for class in 0..2 {
                    for b in 0..BANDS {
                        let n = e.counts[class * BANDS + b];
                        if n > 0 {
                            self.give_up(b, n, e.attempts, wk);
                        }
                    }
                }
            }
        }
    }

    /// One day of AE work: SQLs past the wait limit are lost; free AE slots open
    /// opportunities, whose outcome and close date are drawn now.
    fn ae_day(&mut self, day: usize, wk: &mut [f64; Weekly::N]) {
        let c = self.c;
        while let Some((d, counts)) = self.ae_wait.front() {
            if (day - d) as f64 > c.max_wait_d {
                let n: u64 = counts.iter().map(|x| u64::from(*x)).sum();
                self.leaks.expired_waiting_for_ae += n;
                self.ae_wait.pop_front();
            } else {
                break;
            }
        }
        let mut free = u64::from(c.ae_slots).saturating_sub(self.open);
        let mut won = 0u32;
        let mut lost = 0u32;
        while free > 0 {
            let Some((d, counts)) = self.ae_wait.front_mut() else {
                break;
            };
            let n: u32 = counts.iter().sum();
            let take = u32::try_from(free.min(u64::from(n))).unwrap_or(0);
            let mut opened = [0u32; BANDS];
            allocate(&mut self.ae, &counts[..], take, n, &mut opened);
            let keep = if day == *d {
                1.0
            } else {
                c.wait_keep_per_week.powf((day - *d) as f64 / 7.0)
            };
            for b in 0..BANDS {
                let k = opened[b];
                counts[b] -= k;
                let wb = binom(&mut self.ae, k, c.win[b] * keep);
                won += wb;
                lost += k - wb;
            }
            let opened_n: u32 = opened.iter().sum();
            free -= u64::from(opened_n);
            if counts.iter().all(|x| *x == 0) {
                self.ae_wait.pop_front();
            } else if opened_n == 0 {
                break;
            }
        }
        let n = won + lost;
        if n == 0 {
            return;
        }
        self.open += u64::from(n);
        wk[Weekly::OppsOpened.index()] += f64::from(n);
        // Spread outcomes over equal-probability cycle-length bins.
        for (outcome, mut left) in [(0usize, won), (1usize, lost)] {
            let mut bins_left = CYCLE_Z.len() as f64;
            for cycle in self.cycles {
                if left == 0 {
                    break; // every later bin would draw 0 without a random number
                }
                let k = if bins_left <= 1.0 {
                    left
                } else {
                    binom(&mut self.ae, left, 1.0 / bins_left)
                };
                bins_left -= 1.0;
                left -= k;
                if k == 0 {
                    continue;
                }
                let close = day + cycle as usize;
                if let Some(slot) = self.closes.get_mut(close) {
                    if outcome == 0 {
                        slot.0 += k;
                    } else {
                        slot.1 += k;
                    }
                    slot.2 += cycle * f64::from(k);
                }
            }
        }
    }

    /// Sum of `n` log-normal deal sizes: exact draws for small `n`, a normal approximation
    /// of the sum beyond, so the cost does not grow with volume.
    fn deal_amounts(&mut self, n: u32) -> f64 {
        let c = self.c;
        if n <= 16 {
            (0..n)
                .map(|_| exp(c.deal_mu + c.deal_sigma * std_normal(&mut self.deals)))
                .sum()
        } else {
            let s2 = c.deal_sigma * c.deal_sigma;
            let mean = c.mean_deal();
            let var = (exp(s2) - 1.0) * exp(2.0 * c.deal_mu + s2);
            let nf = f64::from(n);
            (nf * mean + (nf * var).sqrt() * std_normal(&mut self.deals)).max(0.0)
        }
    }
}

/// Representative propensity of each band (for reports).
pub fn band_propensities() -> [f64; BANDS] {
    let mut out = [0.0; BANDS];
    for (b, o) in out.iter_mut().enumerate() {
        *o = band_propensity(b);
    }
    out
}
