//! SDR capacity in MQLs per week, for the reference line of the "MQLs vs. SDR capacity"
//! chart: the team's minutes per week divided by the minutes one MQL takes as the run worked
//! them (its attempts and, when reached, its conversation). Pure.

use crate::engine::{RunResult, Total};
use crate::model::ValidScenario;

/// SDR minutes available per week: headcount times productive hours times 60.
pub fn sdr_minutes_per_week(v: &ValidScenario) -> f64 {
    let sdr = &v.get().sdr;
    sdr.headcount * sdr.productive_hours_per_week * 60.0
}

/// Minutes one MQL took in the run (median attempts per MQL times minutes per attempt, plus
/// the contact rate times minutes per conversation).
pub fn minutes_per_mql(v: &ValidScenario, r: &RunResult) -> f64 {
    let sdr = &v.get().sdr;
    r.kpi(Total::AttemptsPerMql).p50 * sdr.minutes_per_attempt
        + r.kpi(Total::ContactRate).p50 * sdr.minutes_per_conversation
}

/// MQLs per week the SDR team could work the way the run worked them; `None` when the run
/// worked no MQL (nothing to scale by).
pub fn sdr_mqls_per_week(v: &ValidScenario, r: &RunResult) -> Option<f64> {
    let per_mql = minutes_per_mql(v, r);
    (per_mql > 0.0 && per_mql.is_finite()).then(|| sdr_minutes_per_week(v) / per_mql)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::run;
    use crate::model::{preset, Preset};

    fn valid(s: &crate::model::Scenario) -> ValidScenario {
        ValidScenario::try_from(s).expect("valid")
    }

    #[test]
    fn capacity_is_the_team_minutes_over_the_minutes_an_mql_took() {
        let mut s = preset(Preset::Baseline);
        s.run.replications = 20.0;
        s.run.weeks = 26.0;
        let v = valid(&s);
        let r = run(&v);
        let cap = sdr_mqls_per_week(&v, &r).expect("MQLs were worked");
        let minutes = s.sdr.headcount * s.sdr.productive_hours_per_week * 60.0;
        assert!((cap * minutes_per_mql(&v, &r) - minutes).abs() < 1e-6);
        // Twice the SDRs, the same work per MQL: twice the capacity.
        let mut s2 = s.clone();
        s2.sdr.headcount *= 2.0;
        let v2 = valid(&s2);
        assert!((sdr_minutes_per_week(&v2) - 2.0 * minutes).abs() < 1e-9);
    }

    #[test]
    fn no_sdrs_means_no_capacity() {
        let mut s = preset(Preset::Baseline);
        s.run.replications = 5.0;
        s.run.weeks = 8.0;
        s.sdr.headcount = 0.0;
        let v = valid(&s);
        let r = run(&v);
        assert_eq!(sdr_mqls_per_week(&v, &r).unwrap_or(0.0), 0.0);
    }
}
