//! [`Parallel`]: the planning views' replications on every core (rayon's thread pool).

use handoff_core::analysis::plan::{Outcome, Runner};
use handoff_core::engine::curves::Curves;
use handoff_core::engine::sim::replicate;
use handoff_core::model::ValidScenario;
use rayon::prelude::*;

/// Runs the (arm, replication) pairs in parallel: arms side by side and each arm's
/// replications side by side, so that one arm (a goal seek's bisection step) fills every
/// core as well as a grid of a hundred. A replication's random numbers come from its own
/// index, and the outcomes are collected in order, so they are [`Serial`]'s to the bit.
///
/// [`Serial`]: handoff_core::analysis::plan::Serial
#[derive(Debug, Clone, Copy, Default)]
pub struct Parallel;

impl Runner for Parallel {
    fn outcomes(&self, arms: &[ValidScenario], n: usize) -> Vec<Vec<Outcome>> {
        arms.par_iter()
            .map(|v| {
                let curves = Curves::new(v);
                (0..n as u64)
                    .into_par_iter()
                    .map(|i| Outcome::of(v, &replicate(v, &curves, i)))
                    .collect()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use handoff_core::analysis::plan::Serial;
    use handoff_core::model::Preset;

    use super::*;

    #[test]
    fn parallel_outcomes_are_serial_outcomes() {
        let valid = |p: Preset| ValidScenario::try_from(p.scenario()).expect("preset is valid");
        let base = valid(Preset::Baseline);
        let arms = vec![
            base.clone(),
            base.modified(|s| s.sdr.headcount += 1.0)
                .expect("one more SDR is valid"),
            valid(Preset::MillionLeads),
        ];
        let n = 12;
        let parallel = Parallel.outcomes(&arms, n);
        assert_eq!(parallel.len(), arms.len());
        assert!(parallel.iter().all(|xs| xs.len() == n));
        // Not all alike: the order of arms and of replications is Serial's.
        assert_ne!(parallel[0][0].bookings, parallel[0][1].bookings);
        assert_ne!(parallel[0], parallel[2]);
        // To the bit (Debug prints floats exactly, NaN included).
        assert_eq!(
            format!("{parallel:?}"),
            format!("{:?}", Serial.outcomes(&arms, n))
        );
        assert_eq!(Parallel.outcomes(&arms, 0), vec![Vec::new(); arms.len()]);
        assert!(Parallel.outcomes(&[], n).is_empty());
    }
}
