//! Runs replications of Baseline, with its lead volume scaled, for a profiler or a timer:
//! `cargo run --release -p handoff-core --example profile_replications -- VOLUME COUNT`
//! (default 1 and 20), e.g. under `valgrind --tool=cachegrind --branch-sim=yes` for
//! instruction and mispredicted-branch counts per source line (deterministic, unlike
//! timings on a shared machine), or `perf stat -e task-clock` for time.

use handoff_core::engine::curves::Curves;
use handoff_core::engine::sim::replicate;
use handoff_core::model::{Preset, ValidScenario};

fn main() {
    let mut args = std::env::args().skip(1);
    let volume: f64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(1.0);
    let count: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(20);
    let mut scenario = Preset::Baseline.scenario();
    for channel in &mut scenario.channels {
        channel.leads_per_week *= volume;
    }
    let valid = match ValidScenario::try_from(scenario) {
        Ok(valid) => valid,
        Err(errors) => {
            eprintln!("the scaled scenario is not valid: {errors:?}");
            std::process::exit(2);
        }
    };
    let curves = Curves::new(&valid);
    let bookings: f64 = (0..count)
        .map(|i| replicate(&valid, &curves, i).totals[0])
        .sum();
    println!("{count} replications at {volume}x volume; checksum {bookings}");
}
