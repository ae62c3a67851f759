//! One Monte Carlo replication, day by day: arrivals and nurture ([`arrivals`]), the SDR
//! team's queue in continuous time ([`super::sdr`]), the AE team ([`super::closing`]), and
//! the week's figures and the run's totals ([`super::metrics`]).
//!
//! Leads below the MQL threshold and in nurture are counts per propensity band; MQLs are
//! counts per arrival day and score class until an SDR first touches them, then individuals
//! with their own random numbers ([`super::draws`]).

use super::arrivals::WeekArrivals;
use super::closing::AeTeam;
use super::curves::{band_propensity, Curves, BANDS};
use super::draws::{poisson_inv, Draws};
use super::metrics::{median, OrderKey};
pub use super::metrics::{Leaks, Replication, Total, Weekly};
use super::rng::{binom, poisson, Purpose, Streams};
use super::sdr::{SdrTeam, Sql, Tally};
use super::trace::{Trace, Tracer};
use crate::model::ValidScenario;

/// Runs replications `start .. start + count` of a scenario, in index order (the same
/// replications wherever and in whichever pieces they run).
pub fn replicate_range(v: &ValidScenario, c: &Curves, start: u64, count: u32) -> Vec<Replication> {
    (start..start + u64::from(count))
        .map(|i| replicate(v, c, i))
        .collect()
}

/// Running sums of a replication that become its totals.
#[derive(Debug, Default)]
struct Sums {
    inquiries: u64,
    marketing_cost: f64,
    cycle_days: f64,
    closed: f64,
    unqualified_min: f64,
    sdr_used: f64,
    sdr_avail: f64,
    ae_util: f64,
    speeds: Vec<OrderKey>,
}

/// Runs replication `rep` of a scenario.
pub fn replicate(v: &ValidScenario, c: &Curves, rep: u64) -> Replication {
    simulate(v, c, rep, &mut ())
}

/// Runs replication `rep` of a scenario and records every touched lead's life. Its numbers
/// are [`replicate`]'s.
pub fn replicate_traced(v: &ValidScenario, c: &Curves, rep: u64) -> (Replication, Trace) {
    let mut trace = Trace::default();
    let replication = simulate(v, c, rep, &mut trace);
    (replication, trace)
}

fn simulate<T: Tracer>(v: &ValidScenario, c: &Curves, rep: u64, trace: &mut T) -> Replication {
    let streams = Streams::new(v.get().run.seed, rep);
    let draws = Draws::new(streams);
    let weeks = c.weeks;
    let mut sdr = SdrTeam::default();
    let mut ae = AeTeam::new(c);
    let mut nurture = [0u64; BANDS];
    let mut leaks = Leaks::default();
    let mut weekly = vec![[0.0; Weekly::N]; weeks];
    // Every first touch's speed is kept for the run's median: room for as many as the team
    // can make, set aside once (growing it by doubling copied it about five times and, in a
    // flood, took fresh pages from the system every replication).
    let most_touches = c.first_touches_at_most();
    let mut sums = Sums {
        speeds: Vec::with_capacity(most_touches),
        ..Sums::default()
    };
    let mut sqls: Vec<Sql> = Vec::new();
    let mut cumulative = 0.0;
    let mean_deal = c.mean_deal();
    let started_in_nurture = c
        .arrivals
        .first()
        .map_or(0, |first| warm_nurture(streams, c, first, &mut nurture));

    for (w, week) in weekly.iter_mut().enumerate() {
        let Some(arrivals) = c.arrivals.get(w) else {
            continue;
        };
        let (reengaged, (nurture_inquiries, nurture_cost)) =
            nurture_week(streams, c, w, arrivals, &mut nurture, &mut leaks);
        week[Weekly::Inquiries.index()] += nurture_inquiries as f64;
        sums.inquiries += nurture_inquiries;
        sums.marketing_cost += nurture_cost;
        let week_start = sums.speeds.len();
        let mut sdr_used_week = 0.0;
        let mut ae_util_week = 0.0;
        for dw in 0..7 {
            let day = (w * 7 + dw) as u32;
            arrive_day(
                draws,
                arrivals,
                &reengaged,
                (day, dw),
                week,
                &mut sums,
                &mut sdr,
            );
            sqls.clear();
            let mut tally = Tally {
                week,
                leaks: &mut leaks,
                nurture: &mut nurture,
                sqls: &mut sqls,
                speeds: &mut sums.speeds,
                unqualified_min: &mut sums.unqualified_min,
                trace: &mut *trace,
            };
            let (used, avail) = sdr.work_day(day, c, draws, &mut tally);
            sdr_used_week += used;
            sums.sdr_used += used;
            sums.sdr_avail += avail;
            ae.receive(day, &sqls);
            let closed = ae.work_day(day, c, week, &mut leaks, trace);
            week[Weekly::Won.index()] += f64::from(closed.won);
            week[Weekly::Lost.index()] += f64::from(closed.lost);
            week[Weekly::Bookings.index()] += closed.amount;
            sums.cycle_days += closed.cycle_days;
            sums.closed += f64::from(closed.won + closed.lost);
            if c.ae_slots > 0 {
                ae_util_week += ae.open() as f64 / f64::from(c.ae_slots);
            }
        }
        cumulative += week[Weekly::Bookings.index()];
        week[Weekly::CumulativeBookings.index()] = cumulative;
        week[Weekly::PipelineValue.index()] = ae.open() as f64 * mean_deal;
        week[Weekly::SdrQueue.index()] = sdr.waiting() as f64;
        week[Weekly::SqlsWaiting.index()] = ae.waiting() as f64;
        sums.ae_util += ae_util_week;
        // The week's first touches are the run's last ones.
        let speeds = sums.speeds.get_mut(week_start..).unwrap_or_default();
        close_week(week, c, (sdr_used_week, ae_util_week), speeds);
    }

    leaks.in_nurture = nurture.iter().sum();
    leaks.in_sdr_queue = sdr.waiting();
    leaks.waiting_for_ae = ae.waiting();
    leaks.open_opportunity = ae.open();
    trace.finish(sdr.untouched_count());
    let untouched = leaks.abandoned_untouched + sdr.untouched_count();
    let mut totals = totals(v, c, &weekly, &leaks, untouched, &mut sums);
    totals[Total::NurtureAtStart.index()] = started_in_nurture as f64;
    Replication {
        weekly,
        totals,
        leaks,
    }
}

/// The week's figures drawn from its days: the first touches decided, the two teams'
/// utilisation (SDR minutes used, the AEs' daily shares of busy slots summed) and the
/// median speed-to-lead of `speeds` (selected in place).
fn close_week(
    week: &mut [f64; Weekly::N],
    c: &Curves,
    (sdr_used, ae_util): (f64, f64),
    speeds: &mut [OrderKey],
) {
    // Whole numbers, so this sum is the one adding them lead by lead would give.
    week[Weekly::FirstTouchDecided.index()] =
        week[Weekly::FirstTouches.index()] + week[Weekly::AbandonedUntouched.index()];
    let avail_week = c.sdr_minutes_per_day * 7.0;
    week[Weekly::SdrUtilisation.index()] = if avail_week > 0.0 {
        (sdr_used / avail_week).min(1.0)
    } else {
        0.0
    };
    week[Weekly::AeUtilisation.index()] = (ae_util / 7.0).min(1.0);
    week[Weekly::MedianSpeedToLeadHours.index()] = median(speeds).unwrap_or(0.0);
}

/// Day `day` (day `dw` of its week): the day's MQLs per score class and band join the SDRs'
/// queue; re-engaged leads come back as standard MQLs, spread evenly over the week.
fn arrive_day(
    draws: Draws,
    arrivals: &WeekArrivals,
    reengaged: &[u32; BANDS],
    (day, dw): (u32, usize),
    week: &mut [f64; Weekly::N],
    sums: &mut Sums,
    sdr: &mut SdrTeam,
) {
    for class in 0..2u8 {
        let mut counts = [0u32; BANDS];
        for (b, n) in counts.iter_mut().enumerate() {
            // Tiers count nurture first: an MQL's tier is its score class plus one.
            let tier = usize::from(class) + 1;
            let u = draws.cohort(day, class, b as u8);
            let arrived = poisson_inv(u, &arrivals.daily[b][usize::from(class)]);
            sums.inquiries += u64::from(arrived);
            week[Weekly::Inquiries.index()] += f64::from(arrived);
            sums.marketing_cost += f64::from(arrived) * arrivals.cost_per_lead[b][tier];
            *n = arrived;
            if class == 0 {
                let r = reengaged[b] as usize;
                *n += ((r * (dw + 1)) / 7 - (r * dw) / 7) as u32;
            }
        }
        week[Weekly::Mqls.index()] += f64::from(counts.iter().sum::<u32>());
        sdr.arrive(day, class, counts, draws);
    }
}

/// A warm start: the nurture pool begins at its steady state under the first week's inflow
/// of leads below the threshold (`inflow / (1 - (1 - re-engagement) (1 - dormancy))` per
/// band, a Poisson draw), so that re-engaged MQLs flow from week 1 and the first periods are
/// judged like the rest (an empty pool made every run's first month short of MQLs). Returns
/// how many leads it holds; they count in the leak accounting beside the inquiries.
fn warm_nurture(
    streams: Streams,
    c: &Curves,
    first_week: &WeekArrivals,
    nurture: &mut [u64; BANDS],
) -> u64 {
    let mut rng = streams.stream(Purpose::Nurture, u64::MAX);
    let mut total = 0;
    for (b, pool) in nurture.iter_mut().enumerate() {
        let reengage = (c.reengage * 2.0 * band_propensity(b)).clamp(0.0, 1.0);
        let leave = 1.0 - (1.0 - reengage) * (1.0 - c.dormancy.clamp(0.0, 1.0));
        if leave > 0.0 {
            *pool = u64::from(poisson(&mut rng, first_week.rate[b][0] / leave));
            total += *pool;
        }
    }
    total
}

/// The week's nurture: re-engagement and dormancy of the pool, then this week's inquiries
/// below the MQL threshold join it. Returns the re-engaged leads per band, and the new
/// nurture inquiries with their cost.
fn nurture_week(
    streams: Streams,
    c: &Curves,
    w: usize,
    arrivals: &WeekArrivals,
    nurture: &mut [u64; BANDS],
    leaks: &mut Leaks,
) -> ([u32; BANDS], (u64, f64)) {
    let mut rng = streams.stream(Purpose::Nurture, w as u64);
    let mut arrivals_rng = streams.stream(Purpose::Arrivals, w as u64);
    let mut reengaged = [0u32; BANDS];
    let mut new = 0u64;
    let mut cost = 0.0;
    for b in 0..BANDS {
        let pool = u32::try_from(nurture[b]).unwrap_or(u32::MAX);
        let re = binom(&mut rng, pool, c.reengage * 2.0 * band_propensity(b));
        let dormant = binom(&mut rng, pool - re, c.dormancy);
        nurture[b] -= u64::from(re) + u64::from(dormant);
        leaks.dormant += u64::from(dormant);
        reengaged[b] = re;
        let n = poisson(&mut arrivals_rng, arrivals.rate[b][0]);
        nurture[b] += u64::from(n);
        new += u64::from(n);
        cost += f64::from(n) * arrivals.cost_per_lead[b][0];
    }
    (reengaged, (new, cost))
}

/// The run's totals and KPIs.
fn totals(
    v: &ValidScenario,
    c: &Curves,
    weekly: &[[f64; Weekly::N]],
    leaks: &Leaks,
    untouched: u64,
    sums: &mut Sums,
) -> [f64; Total::N] {
    let scen = v.get();
    let weeks = c.weeks;
    let sum = |m: Weekly| weekly.iter().map(|w| w[m.index()]).sum::<f64>();
    let ratio = |a: f64, b: f64| if b > 0.0 { a / b } else { 0.0 };
    let mqls = sum(Weekly::Mqls);
    let sqls = sum(Weekly::Sqls);
    let sals = sum(Weekly::Sals);
    let won = sum(Weekly::Won);
    let lost = sum(Weekly::Lost) + leaks.expired_waiting_for_ae as f64;
    let bookings = sum(Weekly::Bookings);
    let contacts = sum(Weekly::Contacts);
    let inquiries = sums.inquiries as f64;
    let months = weeks as f64 * 7.0 / (365.25 / 12.0);
    let sales_cost = months
        * (scen.sdr.headcount * scen.costs.sdr_monthly_cost
            + scen.closing.ae_headcount * scen.costs.ae_monthly_cost);
    let cost = sums.marketing_cost + sales_cost;
    let mut t = [0.0; Total::N];
    let mut set = |k: Total, x: f64| t[k.index()] = x;
    set(Total::Inquiries, inquiries);
    set(Total::Mqls, mqls);
    set(Total::FirstTouches, sum(Weekly::FirstTouches));
    set(Total::Contacts, contacts);
    set(Total::Sals, sals);
    set(Total::Sqls, sqls);
    set(Total::OppsOpened, sum(Weekly::OppsOpened));
    set(Total::Won, won);
    set(Total::Lost, lost);
    set(Total::Bookings, bookings);
    set(Total::MarketingCost, sums.marketing_cost);
    set(Total::SalesCost, sales_cost);
    set(Total::Roi, ratio(bookings - cost, cost));
    set(Total::CostPerMql, ratio(cost, mqls));
    set(Total::CostPerSql, ratio(cost, sqls));
    set(Total::CostPerWon, ratio(cost, won));
    set(Total::InquiryToMql, ratio(mqls, inquiries).min(1.0));
    set(Total::MqlToSal, ratio(sals, mqls).min(1.0));
    set(Total::SalToSql, ratio(sqls, sals).min(1.0));
    set(Total::SqlToWon, ratio(won, sqls).min(1.0));
    set(Total::ContactRate, ratio(contacts, mqls).min(1.0));
    set(
        Total::ShareMqlsNeverTouched,
        ratio(untouched as f64, mqls).min(1.0),
    );
    set(Total::AttemptsPerMql, ratio(sum(Weekly::Attempts), mqls));
    set(Total::SdrHoursOnUnqualified, sums.unqualified_min / 60.0);
    set(Total::WinRate, ratio(won, sums.closed).min(1.0));
    set(
        Total::AvgSalesCycleDays,
        ratio(sums.cycle_days, sums.closed),
    );
    set(
        Total::SdrUtilisation,
        ratio(sums.sdr_used, sums.sdr_avail).min(1.0),
    );
    set(
        Total::AeUtilisation,
        ratio(sums.ae_util, (weeks * 7) as f64).min(1.0),
    );
    set(
        Total::MedianSpeedToLeadHours,
        median(&mut sums.speeds).unwrap_or(0.0),
    );
    t
}
