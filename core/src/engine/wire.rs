//! The messages between the page and its Web Workers, as plain data: a request names a
//! scenario and a range of replication indices; a reply carries those replications packed
//! into one array of `f64` (which the browser can hand over without copying). Pure: the
//! browser side only moves the strings and arrays.

use serde::{Deserialize, Serialize};

use super::curves::Curves;
use super::sim::{replicate_range, Leaks, Replication, Total, Weekly};
use crate::model::{Scenario, ValidScenario};

/// Words before the replications in a reply: job, arm, first index, count, weeks.
const HEADER: usize = 5;
/// Words of one replication's totals and leak accounting (after its weekly values).
const TAIL: usize = Total::N + LEAKS;
const LEAKS: usize = 12;

/// Work for a worker: replications `start .. start + count` of arm `arm` of job `job` (the
/// page's own bookkeeping, echoed back). The arm's scenario comes with the first request of
/// that (job, arm) a worker gets, and after a request for another arm; the others leave it
/// out and the worker reuses the one it prepared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    pub job: u64,
    pub arm: usize,
    pub start: u64,
    pub count: u32,
    #[serde(default)]
    pub scenario: Option<Scenario>,
}

/// A worker's answer to one [`Request`]. `replications` is empty when the worker skipped the
/// request because a newer job had arrived.
#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    pub job: u64,
    pub arm: usize,
    pub start: u64,
    pub replications: Vec<Replication>,
}

/// Why a request or a reply could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum WireError {
    #[error("the request is not readable: {0}")]
    Request(String),
    #[error("the request's scenario is not valid: {0}")]
    Invalid(String),
    #[error("the request for job {0}, arm {1} has no scenario, and none was prepared")]
    NoScenario(u64, usize),
    #[error("the reply is {0} words long, which does not match its header")]
    Length(usize),
}

impl Request {
    pub fn to_json(&self) -> Result<String, WireError> {
        serde_json::to_string(self).map_err(|e| WireError::Request(e.to_string()))
    }

    pub fn from_json(text: &str) -> Result<Request, WireError> {
        serde_json::from_str(text).map_err(|e| WireError::Request(e.to_string()))
    }
}

/// A worker's scenario, validated and prepared once per (job, arm) and reused for the
/// requests that follow.
#[derive(Debug, Default)]
pub struct Prepared {
    key: Option<(u64, usize)>,
    ready: Option<(ValidScenario, Curves)>,
}

impl Prepared {
    /// Runs a request: the reply packed as words (see [`pack`]).
    pub fn serve(&mut self, r: &Request) -> Result<Vec<f64>, WireError> {
        if self.key != Some((r.job, r.arm)) || self.ready.is_none() {
            let scenario = r
                .scenario
                .as_ref()
                .ok_or(WireError::NoScenario(r.job, r.arm))?;
            let v =
                ValidScenario::try_from(scenario).map_err(|e| WireError::Invalid(e.to_string()))?;
            let c = Curves::new(&v);
            self.key = Some((r.job, r.arm));
            self.ready = Some((v, c));
        }
        let Some((v, c)) = &self.ready else {
            return Err(WireError::Invalid("not prepared".into()));
        };
        let reps = replicate_range(v, c, r.start, r.count);
        Ok(pack(r.job, r.arm, r.start, v.weeks(), &reps))
    }
}

/// The reply of a skipped request (no replications).
pub fn skipped(r: &Request) -> Vec<f64> {
    pack(r.job, r.arm, r.start, 0, &[])
}

/// Packs replications into words: the header, then per replication its weekly values
/// (week by week, in [`Weekly::ALL`] order), totals and leak counts. Counts stay exact
/// (they are far below 2^53).
pub fn pack(job: u64, arm: usize, start: u64, weeks: usize, reps: &[Replication]) -> Vec<f64> {
    let mut out = Vec::with_capacity(HEADER + reps.len() * (weeks * Weekly::N + TAIL));
    out.extend([
        job as f64,
        arm as f64,
        start as f64,
        reps.len() as f64,
        weeks as f64,
    ]);
    for r in reps {
        for w in 0..weeks {
            match r.weekly.get(w) {
                Some(row) => out.extend_from_slice(row),
                None => out.extend([0.0; Weekly::N]),
            }
        }
        out.extend_from_slice(&r.totals);
        out.extend(r.leaks.entries().iter().map(|e| e.1 as f64));
    }
    out
}

/// Reads a reply packed by [`pack`].
pub fn unpack(words: &[f64]) -> Result<Reply, WireError> {
    let bad = || WireError::Length(words.len());
    let &[job, arm, start, count, weeks] = words.first_chunk::<HEADER>().ok_or_else(bad)?;
    let whole = |x: f64| x >= 0.0 && x.fract() == 0.0 && x < 9.0e15;
    if ![job, arm, start, count, weeks].into_iter().all(whole) {
        return Err(bad());
    }
    let (count, weeks) = (count as usize, weeks as usize);
    let per = weeks
        .checked_mul(Weekly::N)
        .and_then(|x| x.checked_add(TAIL))
        .ok_or_else(bad)?;
    let expected = count
        .checked_mul(per)
        .and_then(|x| x.checked_add(HEADER))
        .ok_or_else(bad)?;
    if words.len() != expected {
        return Err(bad());
    }
    let replications = words[HEADER..]
        .chunks_exact(per.max(1))
        .take(count)
        .map(|chunk| {
            let (weekly_words, tail) = chunk.split_at(weeks * Weekly::N);
            let weekly = weekly_words
                .chunks_exact(Weekly::N)
                .map(|row| {
                    let mut a = [0.0; Weekly::N];
                    a.copy_from_slice(row);
                    a
                })
                .collect();
            let mut totals = [0.0; Total::N];
            totals.copy_from_slice(&tail[..Total::N]);
            let l: Vec<u64> = tail[Total::N..].iter().map(|x| *x as u64).collect();
            let leaks = leaks_from(&l);
            Replication {
                weekly,
                totals,
                leaks,
            }
        })
        .collect();
    Ok(Reply {
        job: job as u64,
        arm: arm as usize,
        start: start as u64,
        replications,
    })
}

/// The leak accounting from its values in [`Leaks::entries`] order.
fn leaks_from(v: &[u64]) -> Leaks {
    let g = |i: usize| v.get(i).copied().unwrap_or(0);
    Leaks {
        in_nurture: g(0),
        dormant: g(1),
        in_sdr_queue: g(2),
        abandoned_untouched: g(3),
        unreached: g(4),
        rejected_poor_fit: g(5),
        rejected_not_ready: g(6),
        waiting_for_ae: g(7),
        expired_waiting_for_ae: g(8),
        open_opportunity: g(9),
        won: g(10),
        lost: g(11),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::sim::replicate;
    use crate::model::Preset;

    fn request(count: u32) -> Request {
        Request {
            job: 7,
            arm: 2,
            start: 40,
            count,
            scenario: Some(Preset::Baseline.scenario()),
        }
    }

    #[test]
    fn a_served_request_unpacks_to_the_engines_own_replications() {
        let r = request(3);
        let words = Prepared::default()
            .serve(&Request::from_json(&r.to_json().expect("json")).expect("request"))
            .expect("served");
        let reply = unpack(&words).expect("reply");
        assert_eq!((reply.job, reply.arm, reply.start), (7, 2, 40));
        let v = ValidScenario::try_from(r.scenario.as_ref().expect("scenario")).expect("valid");
        let c = Curves::new(&v);
        let direct: Vec<Replication> = (40..43).map(|i| replicate(&v, &c, i)).collect();
        assert_eq!(reply.replications, direct);
        assert_eq!(LEAKS, Leaks::default().entries().len());
    }

    #[test]
    fn the_scenario_comes_once_per_job_and_arm() {
        let mut worker = Prepared::default();
        let first = request(2);
        let later = Request {
            start: 42,
            scenario: None,
            ..first.clone()
        };
        let a = unpack(&worker.serve(&first).expect("served")).expect("reply");
        let b = unpack(&worker.serve(&later).expect("served")).expect("reply");
        // The same replications as one request of four.
        let whole =
            unpack(&Prepared::default().serve(&request(4)).expect("served")).expect("reply");
        assert_eq!(
            [a.replications, b.replications].concat(),
            whole.replications
        );
        // Another arm, or a fresh worker, without a scenario: an error, not a guess.
        let other = Request {
            arm: 3,
            ..later.clone()
        };
        assert_eq!(worker.serve(&other), Err(WireError::NoScenario(7, 3)));
        assert_eq!(
            Prepared::default().serve(&later),
            Err(WireError::NoScenario(7, 2))
        );
    }

    #[test]
    fn a_skipped_request_is_an_empty_reply() {
        let reply = unpack(&skipped(&request(5))).expect("reply");
        assert!(reply.replications.is_empty());
        assert_eq!(reply.start, 40);
    }

    #[test]
    fn damaged_replies_and_requests_are_errors() {
        let words = Prepared::default().serve(&request(2)).expect("served");
        assert!(unpack(&words[..words.len() - 1]).is_err());
        assert!(unpack(&words[..3]).is_err());
        let mut neg = words.clone();
        neg[3] = -1.0;
        assert!(unpack(&neg).is_err());
        // Huge counts or weeks do not overflow the length check.
        let mut huge = words.clone();
        huge[3] = 8.0e15;
        huge[4] = 8.0e15;
        assert!(unpack(&huge).is_err());
        assert!(Request::from_json("{\"job\": 1}").is_err());
        let mut bad = request(1);
        if let Some(s) = bad.scenario.as_mut() {
            s.sdr.headcount = -3.0;
        }
        assert!(matches!(
            Prepared::default().serve(&bad),
            Err(WireError::Invalid(_))
        ));
    }
}
