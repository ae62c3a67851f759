//! Monte Carlo runs: replications aggregated into a serialisable [`RunResult`] with the mean
//! and P10 / P50 / P90 of every weekly series, total and leak.

use serde::{Deserialize, Serialize};

use super::curves::Curves;
use super::sim::{replicate_range, Leaks, Replication, Total, Weekly};
use crate::format::Unit;
use crate::model::ValidScenario;

mod band;

pub use band::Band;

/// One weekly series with its bands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Series {
    pub metric: Weekly,
    pub label: String,
    pub unit: Unit,
    pub mean: Vec<f64>,
    pub p10: Vec<f64>,
    pub p50: Vec<f64>,
    pub p90: Vec<f64>,
}

/// One total / KPI with its band.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Kpi {
    pub metric: Total,
    pub label: String,
    pub unit: Unit,
    pub band: Band,
}

/// One end state of the leak accounting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeakBand {
    pub state: String,
    pub band: Band,
}

/// Everything a run reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunResult {
    pub scenario_name: String,
    pub weeks: usize,
    pub replications: usize,
    pub seed: u64,
    pub series: Vec<Series>,
    pub kpis: Vec<Kpi>,
    pub leaks: Vec<LeakBand>,
    /// The leak accounting of every replication (each sums exactly to its leads).
    pub leaks_by_replication: Vec<Leaks>,
    /// Inquiries of every replication.
    pub inquiries_by_replication: Vec<u64>,
    /// Every lead a replication accounts for: its inquiries plus the leads in nurture at the
    /// warm start. Each replication's leak accounting sums exactly to it.
    #[serde(default)]
    pub leads_by_replication: Vec<u64>,
}

impl RunResult {
    pub fn series(&self, m: Weekly) -> Option<&Series> {
        self.series.iter().find(|s| s.metric == m)
    }
    pub fn kpi(&self, t: Total) -> Band {
        self.kpis
            .iter()
            .find(|k| k.metric == t)
            .map_or_else(Band::default, |k| k.band)
    }
}

/// Runs replications `0..n` of the scenario and returns them raw.
pub fn replications(v: &ValidScenario, n: usize) -> Vec<Replication> {
    let curves = Curves::new(v);
    replicate_range(v, &curves, 0, u32::try_from(n).unwrap_or(u32::MAX))
}

/// Runs the scenario's replications and aggregates them.
pub fn run(v: &ValidScenario) -> RunResult {
    let reps = replications(v, v.replications());
    aggregate(v, &reps)
}

/// The values of replications gathered series by series (one column per week of every weekly
/// series, per total and per leak), in replication order. A run that publishes its bands as
/// replications arrive pushes each replication once, when it arrives, and then only selects
/// quantiles: regathering every replication's scattered weeks at each publication costs about
/// as much as the selection itself.
#[derive(Debug, Clone, Default)]
pub struct Gathered {
    weeks: usize,
    /// `weekly[w * Weekly::N + m]`: metric `m` in week `w`.
    weekly: Vec<Vec<f64>>,
    totals: Vec<Vec<f64>>,
    leaks: Vec<Vec<f64>>,
    leaks_by_replication: Vec<Leaks>,
    len: usize,
}

impl Gathered {
    /// Columns for a run of `weeks` weeks, with room for `capacity` replications.
    pub fn new(weeks: usize, capacity: usize) -> Self {
        let columns = |n: usize| (0..n).map(|_| Vec::with_capacity(capacity)).collect();
        Self {
            weeks,
            weekly: columns(weeks * Weekly::N),
            totals: columns(Total::N),
            leaks: columns(Leaks::default().entries().len()),
            leaks_by_replication: Vec::with_capacity(capacity),
            len: 0,
        }
    }

    /// Adds the next replications, in order (a missing week counts as zeros). Column by
    /// column: each column's new values are written together, not one replication's weeks
    /// scattered over every column in turn.
    pub fn extend(&mut self, reps: &[Replication]) {
        let mut columns = self.weekly.chunks_exact_mut(Weekly::N);
        for w in 0..self.weeks {
            let Some(week) = columns.next() else {
                break;
            };
            for (m, c) in week.iter_mut().enumerate() {
                c.extend(reps.iter().map(|r| {
                    r.weekly
                        .get(w)
                        .and_then(|row| row.get(m))
                        .copied()
                        .unwrap_or(0.0)
                }));
            }
        }
        for (t, c) in self.totals.iter_mut().enumerate() {
            c.extend(reps.iter().map(|r| r.totals.get(t).copied().unwrap_or(0.0)));
        }
        for r in reps {
            for (c, (_, x)) in self.leaks.iter_mut().zip(r.leaks.entries()) {
                c.push(x as f64);
            }
        }
        self.leaks_by_replication
            .extend(reps.iter().map(|r| r.leaks));
        self.len += reps.len();
    }

    /// Replications gathered so far.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// Aggregates raw replications.
pub fn aggregate(v: &ValidScenario, reps: &[Replication]) -> RunResult {
    let mut gathered = Gathered::new(v.weeks(), reps.len());
    gathered.extend(reps);
    aggregate_gathered(v, &gathered)
}

/// Aggregates the replications whose values `gathered` holds.
pub fn aggregate_gathered(v: &ValidScenario, gathered: &Gathered) -> RunResult {
    let weeks = v.weeks();
    let mut keys = Vec::with_capacity(gathered.len);
    let mut band = |column: &[f64]| Band::of_column(column, &mut keys);
    let series: Vec<Series> = Weekly::ALL
        .iter()
        .map(|&m| {
            let bands: Vec<Band> = (0..weeks)
                .map(|w| {
                    gathered
                        .weekly
                        .get(w * Weekly::N + m.index())
                        .map_or_else(Band::default, |c| band(c))
                })
                .collect();
            Series {
                metric: m,
                label: m.label().into(),
                unit: m.unit(),
                mean: bands.iter().map(|b| b.mean).collect(),
                p10: bands.iter().map(|b| b.p10).collect(),
                p50: bands.iter().map(|b| b.p50).collect(),
                p90: bands.iter().map(|b| b.p90).collect(),
            }
        })
        .collect();
    let kpis = Total::ALL
        .iter()
        .zip(&gathered.totals)
        .map(|(&t, c)| Kpi {
            metric: t,
            label: t.label().into(),
            unit: t.unit(),
            band: band(c),
        })
        .collect();
    let leaks = Leaks::default()
        .entries()
        .iter()
        .zip(&gathered.leaks)
        .map(|((state, _), c)| LeakBand {
            state: state.to_string(),
            band: band(c),
        })
        .collect();
    RunResult {
        scenario_name: v.get().name.clone(),
        weeks,
        replications: gathered.len,
        seed: v.get().run.seed,
        series,
        kpis,
        leaks,
        leaks_by_replication: gathered.leaks_by_replication.clone(),
        inquiries_by_replication: gathered
            .totals
            .get(Total::Inquiries.index())
            .map_or_else(Vec::new, |c| c.iter().map(|x| *x as u64).collect()),
        leads_by_replication: match (
            gathered.totals.get(Total::Inquiries.index()),
            gathered.totals.get(Total::NurtureAtStart.index()),
        ) {
            (Some(i), Some(n)) => i.iter().zip(n).map(|(a, b)| (a + b) as u64).collect(),
            _ => Vec::new(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::band::{from_order_key, order_key};
    use super::*;

    #[test]
    fn band_percentiles_are_ordered() {
        let b = Band::of(&[5.0, 1.0, 3.0, 2.0, 4.0, f64::NAN]);
        assert_eq!(b.mean, 3.0);
        assert!(b.p10 <= b.p50 && b.p50 <= b.p90);
        assert_eq!(b.p50, 3.0);
        assert_eq!(Band::of(&[]), Band::default());
    }

    #[test]
    fn aggregated_series_are_the_bands_of_each_weeks_values() {
        assert!(Weekly::ALL.iter().enumerate().all(|(i, m)| m.index() == i));
        let v = ValidScenario::try_from(crate::model::Preset::Baseline.scenario()).expect("valid");
        let reps = replications(&v, 25);
        let r = aggregate(&v, &reps);
        for s in &r.series {
            for w in [0, 7, v.weeks() - 1] {
                let vals: Vec<f64> = reps.iter().map(|x| x.weekly[w][s.metric.index()]).collect();
                let b = Band::of(&vals);
                assert_eq!(
                    (s.mean[w], s.p10[w], s.p50[w], s.p90[w]),
                    (b.mean, b.p10, b.p50, b.p90),
                    "{:?} week {w}",
                    s.metric
                );
            }
        }
    }

    #[test]
    fn gathering_as_replications_arrive_gives_the_same_result() {
        let v =
            ValidScenario::try_from(crate::model::Preset::MillionLeads.scenario()).expect("valid");
        let reps = replications(&v, 30);
        let mut g = Gathered::new(v.weeks(), 4);
        g.extend(&reps[..5]);
        g.extend(&reps[5..12]);
        // An intermediate result leaves the gathered columns as they were.
        assert_eq!(aggregate_gathered(&v, &g), aggregate(&v, &reps[..12]));
        g.extend(&reps[12..]);
        assert_eq!(g.len(), 30);
        let whole = aggregate(&v, &reps);
        assert_eq!(aggregate_gathered(&v, &g), whole);
        assert_eq!(whole.replications, 30);
        assert_eq!(whole.leaks_by_replication[29], reps[29].leaks);
        assert_eq!(
            whole.inquiries_by_replication[3] as f64,
            reps[3].total(Total::Inquiries)
        );
        assert_eq!(
            whole.kpi(Total::Won).p50,
            Band::of(&reps.iter().map(|r| r.total(Total::Won)).collect::<Vec<_>>()).p50
        );
    }

    #[test]
    fn order_keys_sort_like_the_numbers() {
        let xs = [
            f64::NEG_INFINITY,
            -1e300,
            -2.5,
            -f64::MIN_POSITIVE,
            -0.0,
            0.0,
            5e-324,
            1.0,
            1.5,
            3e8,
            f64::INFINITY,
        ];
        for w in xs.windows(2) {
            assert!(order_key(w[0]) < order_key(w[1]), "{} < {}", w[0], w[1]);
        }
        for x in xs {
            assert_eq!(from_order_key(order_key(x)).to_bits(), x.to_bits());
        }
    }

    #[test]
    fn band_percentiles_equal_those_of_the_sorted_sample() {
        let mut x = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        // Whole numbers in a narrow range (counted, with many ties as counts have), whole
        // numbers spread widely and fractions of both signs (selected), with a NaN now and then.
        type Sample = fn(u64) -> f64;
        let kinds: [(&str, Sample); 3] = [
            ("counts", |r| (r % 50) as f64 + 3.0),
            ("wide", |r| (r % 1_000_000) as f64 - 400_000.0),
            ("fractions", |r| ((r % 50) as f64 - 20.0) * 0.75),
        ];
        for (kind, make) in kinds {
            for n in [1usize, 2, 3, 7, 10, 11, 100, 101, 999, 1000] {
                let mut vals: Vec<f64> = (0..n).map(|_| make(next())).collect();
                let mut sorted = vals.clone();
                sorted.sort_by(f64::total_cmp);
                if n % 2 == 1 {
                    vals.insert(n / 2, f64::NAN);
                }
                let q = |p: f64| {
                    let pos = p * (n - 1) as f64;
                    let (lo, hi) = (pos.floor() as usize, pos.ceil() as usize);
                    sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64)
                };
                let b = Band::of(&vals);
                let mean = sorted.iter().sum::<f64>() / n as f64;
                assert_eq!(
                    (b.p10, b.p50, b.p90),
                    (q(0.1), q(0.5), q(0.9)),
                    "{kind}, n = {n}"
                );
                assert!(
                    (b.mean - mean).abs() <= 1e-9 * mean.abs().max(1.0),
                    "{kind}, n = {n}"
                );
            }
        }
    }
}
