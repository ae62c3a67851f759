//! Sweeps: the threshold trade-off curve (seed 000's volume-versus-quality argument on one
//! chart) and a two-knob grid whose cells are scenario variants run with the same random
//! numbers.

use serde::{Deserialize, Serialize};

use super::{band_of, mean_of, sla_kept, Outcome, Runner};
use crate::engine::run::Band;
use crate::format::{count, hours, plain_number};
use crate::model::{Param, Scenario, ValidScenario};

/// A knob a sweep can vary, set to absolute values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Axis {
    /// MQL threshold (score points).
    Threshold,
    SdrHeadcount,
    AeHeadcount,
    /// Response target (minutes).
    ResponseTarget,
    /// Attempts before giving up.
    Attempts,
    /// Every channel's lead volume, as a percentage of the scenario's.
    LeadVolume,
    /// Hours between attempts.
    Spacing,
}

/// Values of the response-target axis (minutes).
const RESPONSE_MINUTES: [f64; 10] = [
    5.0, 15.0, 30.0, 60.0, 120.0, 240.0, 480.0, 1440.0, 2880.0, 4320.0,
];
/// Values of the spacing axis (hours).
const SPACING_HOURS: [f64; 10] = [2.0, 4.0, 8.0, 12.0, 24.0, 36.0, 48.0, 72.0, 96.0, 168.0];

impl Axis {
    pub const ALL: [Axis; 7] = [
        Axis::Threshold,
        Axis::SdrHeadcount,
        Axis::AeHeadcount,
        Axis::ResponseTarget,
        Axis::Attempts,
        Axis::LeadVolume,
        Axis::Spacing,
    ];

    /// The axis's name for a command line (`threshold`, `sdrs`...).
    pub fn key(self) -> &'static str {
        match self {
            Axis::Threshold => "threshold",
            Axis::SdrHeadcount => "sdrs",
            Axis::AeHeadcount => "aes",
            Axis::ResponseTarget => "response",
            Axis::Attempts => "attempts",
            Axis::LeadVolume => "leads",
            Axis::Spacing => "spacing",
        }
    }

    pub fn from_key(k: &str) -> Option<Axis> {
        Axis::ALL.into_iter().find(|a| a.key() == k)
    }

    pub fn label(self) -> &'static str {
        match self {
            Axis::Threshold => "MQL threshold (score points)",
            Axis::SdrHeadcount => "SDR headcount",
            Axis::AeHeadcount => "AE headcount",
            Axis::ResponseTarget => "Response target",
            Axis::Attempts => "Attempts per lead",
            Axis::LeadVolume => "Lead volume (% of today's)",
            Axis::Spacing => "Hours between attempts",
        }
    }

    /// A value as shown on the axis.
    pub fn show(self, v: f64) -> String {
        match self {
            Axis::ResponseTarget => hours(v / 60.0),
            Axis::Spacing => hours(v),
            Axis::LeadVolume => format!("{}%", plain_number(v)),
            _ => count(v),
        }
    }

    /// The scenario's value on this axis.
    pub fn get(self, s: &Scenario) -> f64 {
        match self {
            Axis::Threshold => s.thresholds.mql_threshold,
            Axis::SdrHeadcount => s.sdr.headcount,
            Axis::AeHeadcount => s.closing.ae_headcount,
            Axis::ResponseTarget => s.sdr.target_response_minutes,
            Axis::Attempts => s.sdr.max_attempts,
            Axis::LeadVolume => 100.0,
            Axis::Spacing => s.sdr.attempt_spacing_hours,
        }
    }

    /// Sets the axis to `v` (lead volume: `v`% of the scenario's own), inside the valid range.
    pub fn set(self, s: &mut Scenario, v: f64) {
        match self {
            Axis::Threshold => {
                s.thresholds.mql_threshold = Param::MqlThreshold.clamp(v);
                s.thresholds.keep_hot_above_mql();
            }
            Axis::SdrHeadcount => s.sdr.headcount = Param::SdrHeadcount.clamp(v),
            Axis::AeHeadcount => s.closing.ae_headcount = Param::AeHeadcount.clamp(v),
            Axis::ResponseTarget => {
                s.sdr.target_response_minutes = Param::TargetResponseMinutes.clamp(v);
            }
            Axis::Attempts => s.sdr.max_attempts = Param::MaxAttempts.clamp(v),
            Axis::LeadVolume => {
                let f = v.max(0.0) / 100.0;
                for c in &mut s.channels {
                    c.leads_per_week = Param::LeadsPerWeek.clamp(c.leads_per_week * f);
                    if let Some(b) = &mut c.burst {
                        b.extra_leads_per_week =
                            Param::BurstExtraLeadsPerWeek.clamp(b.extra_leads_per_week * f);
                    }
                }
            }
            Axis::Spacing => s.sdr.attempt_spacing_hours = Param::AttemptSpacingHours.clamp(v),
        }
    }

    /// Ten values around the scenario's own, inside the valid range, ascending, without
    /// repeats.
    pub fn values(self, s: &Scenario) -> Vec<f64> {
        let now = self.get(s);
        let mut vs: Vec<f64> = match self {
            Axis::Threshold => {
                let start = (5.0 * (now / 5.0).round() - 25.0).clamp(0.0, 55.0);
                (0..10).map(|i| start + 5.0 * f64::from(i)).collect()
            }
            Axis::SdrHeadcount | Axis::AeHeadcount => {
                let start = (now.round() - 4.0).max(1.0);
                (0..10).map(|i| start + f64::from(i)).collect()
            }
            Axis::Attempts => (1..=10).map(f64::from).collect(),
            Axis::ResponseTarget => RESPONSE_MINUTES.to_vec(),
            Axis::Spacing => SPACING_HOURS.to_vec(),
            Axis::LeadVolume => (0..10).map(|i| 40.0 + 20.0 * f64::from(i)).collect(),
        };
        for v in &mut vs {
            let mut probe = s.clone();
            self.set(&mut probe, *v);
            if self != Axis::LeadVolume {
                *v = self.get(&probe);
            }
        }
        vs.dedup();
        // The scenario's own value is always on the axis (so the view can mark it): it
        // takes the place of the nearest value, which keeps the order.
        if !vs.contains(&now) {
            let nearest = vs
                .iter()
                .enumerate()
                .min_by(|a, b| (a.1 - now).abs().total_cmp(&(b.1 - now).abs()))
                .map(|(i, _)| i);
            if let Some(slot) = nearest.and_then(|i| vs.get_mut(i)) {
                *slot = now;
            }
        }
        vs
    }
}

/// The figures of one cell (or one point of a curve).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Figures {
    pub bookings: Band,
    /// Mean share of periods in which both promises held.
    pub sla_kept: f64,
    pub mqls: Band,
    pub sqls: Band,
    pub sdr_utilisation: f64,
    pub cost: f64,
    pub replications: usize,
}

impl Figures {
    pub fn of(v: &ValidScenario, xs: &[Outcome]) -> Figures {
        Figures {
            bookings: band_of(xs, |o| o.bookings),
            sla_kept: sla_kept(xs, &v.get().sla),
            mqls: band_of(xs, |o| o.mqls),
            sqls: band_of(xs, |o| o.sqls),
            sdr_utilisation: mean_of(xs, |o| o.sdr_utilisation),
            cost: mean_of(xs, |o| o.cost),
            replications: xs.len(),
        }
    }
}

/// One cell of a grid: its values on both axes and its scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub x: f64,
    pub y: f64,
    pub scenario: ValidScenario,
}

/// The cells of an `x` × `y` grid, row by row (`y` outer), each scenario validated; a value
/// pair that does not validate is left out.
pub fn cells(v: &ValidScenario, x: Axis, xs: &[f64], y: Axis, ys: &[f64]) -> Vec<Cell> {
    ys.iter()
        .flat_map(|&yv| xs.iter().map(move |&xv| (xv, yv)))
        .filter_map(|(xv, yv)| {
            let scenario = v
                .modified(|s| {
                    x.set(s, xv);
                    y.set(s, yv);
                })
                .ok()?;
            Some(Cell {
                x: xv,
                y: yv,
                scenario,
            })
        })
        .collect()
}

/// A grid's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Grid {
    pub x: Axis,
    pub y: Axis,
    pub xs: Vec<f64>,
    pub ys: Vec<f64>,
    /// The scenario's own values.
    pub current: (f64, f64),
    /// `(x, y, figures)` of each cell that has run.
    pub cells: Vec<(f64, f64, Figures)>,
}

impl Grid {
    /// The cell with the highest median bookings.
    pub fn best(&self) -> Option<&(f64, f64, Figures)> {
        self.cells
            .iter()
            .max_by(|a, b| a.2.bookings.p50.total_cmp(&b.2.bookings.p50))
    }
}

/// The arms of an `x` × `y` grid over each axis's ten values.
pub fn grid_cells(v: &ValidScenario, x: Axis, y: Axis) -> Vec<Cell> {
    let s = v.get();
    cells(v, x, &x.values(s), y, &y.values(s))
}

/// The grid from the outcomes of `cells` so far (`runs[i]` of `cells[i]`; a cell without
/// outcomes yet is left out, so a grid fills in as its cells finish).
pub fn grid(v: &ValidScenario, x: Axis, y: Axis, cells: &[Cell], runs: &[Vec<Outcome>]) -> Grid {
    let s = v.get();
    Grid {
        x,
        y,
        current: (x.get(s), y.get(s)),
        cells: cells
            .iter()
            .zip(runs)
            .filter(|(_, r)| !r.is_empty())
            .map(|(c, r)| (c.x, c.y, Figures::of(&c.scenario, r)))
            .collect(),
        xs: x.values(s),
        ys: y.values(s),
    }
}

/// Runs an `x` × `y` grid with `n` replications a cell.
pub fn run_grid(v: &ValidScenario, x: Axis, y: Axis, n: usize, runner: &dyn Runner) -> Grid {
    let cells = grid_cells(v, x, y);
    let arms: Vec<ValidScenario> = cells.iter().map(|c| c.scenario.clone()).collect();
    let runs = runner.outcomes(&arms, n);
    grid(v, x, y, &cells, &runs)
}

/// Thresholds of the trade-off curve.
pub fn curve_thresholds() -> Vec<f64> {
    (0..=20).map(|i| 5.0 * f64::from(i)).collect()
}

/// One point of the threshold curve: today's headcount and one more SDR.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CurvePoint {
    pub threshold: f64,
    pub today: Figures,
    pub plus_one_sdr: Figures,
}

/// The threshold trade-off curve.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThresholdCurve {
    pub current: f64,
    pub points: Vec<CurvePoint>,
    /// The threshold with the highest mean bookings at today's headcount, and with one
    /// more SDR.
    pub best_today: Option<f64>,
    pub best_plus_one_sdr: Option<f64>,
}

/// The arms of the curve: for each threshold, today's headcount then one more SDR.
pub fn curve_arms(v: &ValidScenario) -> Vec<ValidScenario> {
    curve_thresholds()
        .into_iter()
        .filter_map(|t| {
            let at = |extra: f64| {
                v.modified(|s| {
                    Axis::Threshold.set(s, t);
                    s.sdr.headcount = Param::SdrHeadcount.clamp(s.sdr.headcount + extra);
                })
                .ok()
            };
            Some([at(0.0)?, at(1.0)?])
        })
        .flatten()
        .collect()
}

/// The curve from the outcomes of [`curve_arms`] (in the same order).
pub fn threshold_curve(
    v: &ValidScenario,
    arms: &[ValidScenario],
    runs: &[Vec<Outcome>],
) -> ThresholdCurve {
    let points: Vec<CurvePoint> = arms
        .chunks(2)
        .zip(runs.chunks(2))
        .filter_map(|(a, r)| match (a, r) {
            ([today, plus], [rt, rp]) if !rt.is_empty() && !rp.is_empty() => Some(CurvePoint {
                threshold: today.get().thresholds.mql_threshold,
                today: Figures::of(today, rt),
                plus_one_sdr: Figures::of(plus, rp),
            }),
            _ => None,
        })
        .collect();
    let best = |f: fn(&CurvePoint) -> &Figures| {
        points
            .iter()
            .filter(|p| f(p).replications > 0)
            .max_by(|a, b| f(a).bookings.mean.total_cmp(&f(b).bookings.mean))
            .map(|p| p.threshold)
    };
    ThresholdCurve {
        current: v.get().thresholds.mql_threshold,
        best_today: best(|p| &p.today),
        best_plus_one_sdr: best(|p| &p.plus_one_sdr),
        points,
    }
}

/// Runs the threshold curve with `n` replications a point.
pub fn run_threshold_curve(v: &ValidScenario, n: usize, runner: &dyn Runner) -> ThresholdCurve {
    let arms = curve_arms(v);
    let runs = runner.outcomes(&arms, n);
    threshold_curve(v, &arms, &runs)
}
