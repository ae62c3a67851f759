//! The SLA designer: promises both teams can keep. Among MQL thresholds near today's (and,
//! with a headcount budget, extra SDRs or AEs), pick the one with the best expected bookings
//! (or bookings minus cost); then set each promise at the level the simulation keeps in at
//! least the chosen share of periods, and find what breaks each promise first.

mod words;

use serde::{Deserialize, Serialize};

use super::sweep::Axis;
use super::{band_of, mean_of, Outcome, Plan};
use crate::analysis::sla::{Kept, PeriodFigures, PERIOD_WEEKS};
use crate::engine::run::Band;
use crate::format::{count, hours, plain_number};
use crate::model::{Param, Scenario, Sla, ValidScenario};
use words::summary;

/// What the designer maximises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Objective {
    /// Expected bookings.
    Bookings,
    /// Expected bookings minus marketing and sales cost.
    Margin,
}

impl Objective {
    fn of(self, o: &Outcome) -> f64 {
        match self {
            Objective::Bookings => o.bookings,
            Objective::Margin => o.margin(),
        }
    }
}

/// The designer's settings.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Options {
    /// Share of periods each promise must be kept in (0.5..0.99).
    pub kept: f64,
    pub objective: Objective,
    /// Extra heads (SDRs and AEs together) the plan may add.
    pub extra_heads: u32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            kept: 0.9,
            objective: Objective::Bookings,
            extra_heads: 0,
        }
    }
}

/// First-touch windows the designer considers (hours), tightest first.
pub const WINDOWS_H: [f64; 4] = [0.25, 1.0, 4.0, 24.0];
/// The share of MQLs touched in time a touch promise should reach; the tightest window
/// that reaches it is chosen.
pub const TOUCH_SHARE_WANTED: f64 = 80.0;
/// Threshold offsets tried around today's.
const THRESHOLD_STEPS: [f64; 5] = [-10.0, -5.0, 0.0, 5.0, 10.0];

/// A setting of the knobs the designer may change.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    pub threshold: f64,
    pub sdrs: f64,
    pub aes: f64,
}

impl Candidate {
    fn apply(self, s: &mut Scenario) {
        Axis::Threshold.set(s, self.threshold);
        s.sdr.headcount = Param::SdrHeadcount.clamp(self.sdrs);
        s.closing.ae_headcount = Param::AeHeadcount.clamp(self.aes);
    }
}

/// A candidate's expected figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scored {
    pub candidate: Candidate,
    pub bookings: Band,
    pub margin: f64,
    pub objective: f64,
}

/// A stress on the plan: what might go differently after signing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stress {
    FewerLeads,
    WorseLeads,
    OneSdrLess,
    MoreLeads,
}

impl Stress {
    pub const ALL: [Stress; 4] = [
        Stress::FewerLeads,
        Stress::WorseLeads,
        Stress::OneSdrLess,
        Stress::MoreLeads,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Stress::FewerLeads => "lead volume falls 10%",
            Stress::WorseLeads => "lead quality falls 5 points",
            Stress::OneSdrLess => "one SDR leaves",
            Stress::MoreLeads => "lead volume rises 20%",
        }
    }

    fn apply(self, s: &mut Scenario) {
        match self {
            Stress::FewerLeads => Axis::LeadVolume.set(s, 90.0),
            Stress::MoreLeads => Axis::LeadVolume.set(s, 120.0),
            Stress::WorseLeads => {
                for c in &mut s.channels {
                    c.quality_mean_percent =
                        Param::QualityMeanPercent.clamp(c.quality_mean_percent - 5.0);
                }
            }
            Stress::OneSdrLess => {
                s.sdr.headcount = Param::SdrHeadcount.clamp(s.sdr.headcount - 1.0);
            }
        }
    }
}

/// One part of a promise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    Volume,
    Quality,
    Touch,
    Attempts,
}

impl Part {
    pub const ALL: [Part; 4] = [Part::Volume, Part::Quality, Part::Touch, Part::Attempts];

    /// Which team makes the promise.
    pub fn team(self) -> &'static str {
        match self {
            Part::Volume | Part::Quality => "Marketing",
            Part::Touch | Part::Attempts => "Sales",
        }
    }

    pub fn held(self, k: Kept) -> bool {
        match self {
            Part::Volume => k.volume,
            Part::Quality => k.quality,
            Part::Touch => k.touch,
            Part::Attempts => k.attempts,
        }
    }

    /// The promise in words.
    pub fn words(self, sla: &Sla) -> String {
        match self {
            Part::Volume => format!(
                "deliver at least {} MQLs every month",
                count(sla.mqls_per_month)
            ),
            Part::Quality => format!(
                "at least {}% of contacted MQLs accepted by sales",
                plain_number(sla.min_accept_percent)
            ),
            Part::Touch => format!(
                "first-touch at least {}% of MQLs within {}",
                plain_number(sla.touched_share_percent),
                hours(sla.touch_within_hours)
            ),
            Part::Attempts => format!(
                "make at least {} attempts before giving up on an unreached MQL",
                plain_number(sla.attempts_per_unreached)
            ),
        }
    }
}

/// A proposed promise with its chance of being kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Promise {
    pub part: Part,
    pub team: String,
    pub words: String,
    /// Share of periods (of every replication) in which it holds as planned.
    pub kept: f64,
    /// The stress that breaks it most, and the share of periods it is kept in then.
    pub breaks_first: Option<(String, f64)>,
}

/// The designer's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Design {
    pub options: Options,
    pub chosen: Scored,
    /// Every candidate, best first.
    pub candidates: Vec<Scored>,
    pub sla: Sla,
    pub promises: Vec<Promise>,
    /// Share of periods in which every promise holds.
    pub all_kept: f64,
    pub replications: usize,
    /// The scenario with the chosen threshold, headcount and promises (what "Adopt" writes).
    pub scenario: Scenario,
    /// Two sentences: what to sign and why.
    pub summary: String,
}

/// The designer, phase by phase: candidates, then the chosen one under each first-touch
/// window, then the chosen plan under each stress.
#[derive(Debug, Clone)]
pub struct Designer {
    base: ValidScenario,
    options: Options,
    candidates: Vec<Candidate>,
    scored: Vec<Scored>,
    /// Each first-touch window run, with its hours.
    windows: Vec<(f64, Vec<Outcome>)>,
    stresses: Option<Vec<(Stress, Vec<Outcome>)>>,
    /// Which candidate, window or stress (by index) each arm of the phase running is, so an
    /// arm left out (one that would not validate) shifts no result onto another's label.
    asked: Vec<usize>,
    phase: u8,
}

impl Designer {
    pub fn new(base: &ValidScenario, options: Options) -> Designer {
        let s = base.get();
        let t = s.thresholds.mql_threshold;
        let (sdrs, aes) = (s.sdr.headcount, s.closing.ae_headcount);
        let mut candidates = Vec::new();
        for dt in THRESHOLD_STEPS {
            for extra_sdr in 0..=options.extra_heads {
                for extra_ae in 0..=options.extra_heads - extra_sdr {
                    let c = Candidate {
                        threshold: Param::MqlThreshold.clamp(t + dt),
                        sdrs: Param::SdrHeadcount.clamp(sdrs + f64::from(extra_sdr)),
                        aes: Param::AeHeadcount.clamp(aes + f64::from(extra_ae)),
                    };
                    if !candidates.contains(&c) {
                        candidates.push(c);
                    }
                }
            }
        }
        Designer {
            base: base.clone(),
            options: Options {
                kept: options.kept.clamp(0.5, 0.99),
                ..options
            },
            candidates,
            scored: Vec::new(),
            windows: Vec::new(),
            stresses: None,
            asked: Vec::new(),
            phase: 0,
        }
    }

    fn with(&self, f: impl FnOnce(&mut Scenario)) -> Option<ValidScenario> {
        self.base.modified(f).ok()
    }

    fn chosen(&self) -> Option<&Scored> {
        self.scored.first()
    }

    /// The chosen candidate under each first-touch window, with the window's index.
    fn window_arms(&self) -> Vec<(usize, ValidScenario)> {
        let Some(c) = self.chosen().map(|s| s.candidate) else {
            return Vec::new();
        };
        WINDOWS_H
            .iter()
            .enumerate()
            .filter_map(|(i, &w)| {
                let arm = self.with(|s| {
                    c.apply(s);
                    s.sla.touch_within_hours = w;
                });
                Some((i, arm?))
            })
            .collect()
    }

    /// The promises the window runs support, at the chosen kept share.
    fn sla(&self) -> Option<Sla> {
        let q = 1.0 - self.options.kept;
        let first = &self.windows.first()?.1;
        let periods = || first.iter().flat_map(|o| o.periods.iter());
        let monthly = |p: &PeriodFigures| p.mqls * PERIOD_WEEKS as f64 / p.weeks.max(1) as f64;
        let volume = low_quantile(periods().map(monthly).collect(), q)?;
        let accept = low_quantile(periods().filter_map(|p| p.accept_share).collect(), q);
        let tries = low_quantile(
            periods().filter_map(|p| p.attempts_per_unreached).collect(),
            q,
        );
        let touch: Vec<(f64, f64)> = self
            .windows
            .iter()
            .map(|&(w, ref xs)| {
                let shares = xs
                    .iter()
                    .flat_map(|o| o.periods.iter().filter_map(|p| p.touched_within_share))
                    .collect();
                (
                    w,
                    low_quantile(shares, q).map_or(100.0, |x| (x * 100.0).floor()),
                )
            })
            .collect();
        let (window, share) = touch
            .iter()
            .find(|(_, share)| *share >= TOUCH_SHARE_WANTED)
            .or_else(|| touch.iter().max_by(|a, b| a.1.total_cmp(&b.1)))
            .copied()?;
        let base = &self.base.get().sla;
        Some(Sla {
            mqls_per_month: nice_floor(volume),
            min_accept_percent: accept.map_or(base.min_accept_percent, |a| (a * 100.0).floor()),
            touch_within_hours: window,
            touched_share_percent: share,
            attempts_per_unreached: tries.map_or(1.0, |k| k.floor().max(1.0)),
        })
    }

    fn adopted(&self, sla: &Sla) -> Option<ValidScenario> {
        let c = self.chosen()?.candidate;
        self.with(|s| {
            c.apply(s);
            s.sla = sla.clone();
        })
    }

    /// The design from what has run so far (`None` before the windows have run).
    pub fn design(&self) -> Option<Design> {
        let chosen = self.chosen()?.clone();
        let sla = self.sla()?;
        let runs = &self
            .windows
            .iter()
            .find(|(w, _)| *w == sla.touch_within_hours)?
            .1;
        let share = |xs: &[Outcome], part: Part| -> f64 {
            let (kept, all) = xs
                .iter()
                .flat_map(|o| o.periods.iter())
                .fold((0usize, 0usize), |(k, n), p| {
                    (k + usize::from(part.held(p.kept(&sla))), n + 1)
                });
            if all == 0 {
                0.0
            } else {
                kept as f64 / all as f64
            }
        };
        let promises = Part::ALL
            .iter()
            .map(|&part| Promise {
                part,
                team: part.team().into(),
                words: part.words(&sla),
                kept: share(runs, part),
                breaks_first: self.stresses.as_ref().and_then(|st| {
                    st.iter()
                        .map(|(s, xs)| (s.label().to_string(), share(xs, part)))
                        .min_by(|a, b| a.1.total_cmp(&b.1))
                }),
            })
            .collect::<Vec<_>>();
        let all_kept = mean_of(runs, |o| o.sla_kept_share(&sla));
        let scenario = self.adopted(&sla)?.get().clone();
        let summary = summary(&self.base, &chosen, &sla, &promises, self.options.kept);
        Some(Design {
            options: self.options,
            candidates: self.scored.clone(),
            replications: runs.len(),
            chosen,
            sla,
            promises,
            all_kept,
            scenario,
            summary,
        })
    }
}

/// The value at or below which a share `q` of `xs` lies, taken as an order statistic so that
/// at least `1 - q` of the values are at or above it; `None` for no values.
pub fn low_quantile(mut xs: Vec<f64>, q: f64) -> Option<f64> {
    xs.retain(|x| x.is_finite());
    if xs.is_empty() {
        return None;
    }
    xs.sort_by(f64::total_cmp);
    let i = ((q * xs.len() as f64).floor() as usize).min(xs.len() - 1);
    xs.get(i).copied()
}

/// `x` rounded down to a number a contract would state: whole under 100, two significant
/// figures above.
pub fn nice_floor(x: f64) -> f64 {
    if x < 100.0 {
        return x.floor().max(0.0);
    }
    let unit = 10f64.powf(x.log10().floor() - 1.0);
    (x / unit).floor() * unit
}

impl Plan for Designer {
    fn next_arms(&mut self) -> Option<Vec<ValidScenario>> {
        let arms: Vec<(usize, ValidScenario)> = match self.phase {
            0 => self
                .candidates
                .iter()
                .enumerate()
                .filter_map(|(i, &c)| Some((i, self.with(|s| c.apply(s))?)))
                .collect(),
            1 => self.window_arms(),
            2 => {
                let sla = self.sla()?;
                let base = self.adopted(&sla)?;
                Stress::ALL
                    .iter()
                    .enumerate()
                    .filter_map(|(i, st)| Some((i, base.modified(|s| st.apply(s)).ok()?)))
                    .collect()
            }
            _ => return None,
        };
        let (asked, arms) = arms.into_iter().unzip();
        self.asked = asked;
        Some(arms)
    }

    fn record(&mut self, outcomes: Vec<Vec<Outcome>>) {
        let asked = std::mem::take(&mut self.asked);
        let runs = asked.into_iter().zip(outcomes);
        match self.phase {
            0 => {
                let obj = self.options.objective;
                let mut scored: Vec<Scored> = runs
                    .filter_map(|(i, xs)| {
                        Some(Scored {
                            candidate: *self.candidates.get(i)?,
                            bookings: band_of(&xs, |o| o.bookings),
                            margin: mean_of(&xs, Outcome::margin),
                            objective: mean_of(&xs, |o| obj.of(o)),
                        })
                    })
                    .collect();
                scored.sort_by(|a, b| b.objective.total_cmp(&a.objective));
                self.scored = scored;
            }
            1 => {
                self.windows = runs
                    .filter_map(|(i, xs)| Some((*WINDOWS_H.get(i)?, xs)))
                    .collect();
            }
            _ => {
                let stressed = runs.filter_map(|(i, xs)| Some((*Stress::ALL.get(i)?, xs)));
                self.stresses = Some(stressed.collect());
            }
        }
        self.phase += 1;
    }
}

#[cfg(test)]
mod tests;
