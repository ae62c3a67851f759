//! `cargo bench --bench engine`: replications per second of Baseline (52 weeks) and of
//! Baseline with 10x and 100x the lead volume. The engine's cost follows the work the teams
//! do (bounded by their capacity), not the volume: untouched leads are counts.

/// The benchmark is native only: divan does not build for wasm32.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    divan::main();
}

#[cfg(not(target_arch = "wasm32"))]
mod benches {
    use divan::{black_box, Bencher};
    use handoff_core::engine::curves::Curves;
    use handoff_core::engine::sim::replicate;
    use handoff_core::model::{Preset, ValidScenario};

    fn scenario(volume: f64) -> Option<ValidScenario> {
        let mut s = Preset::Baseline.scenario();
        for c in &mut s.channels {
            c.leads_per_week *= volume;
        }
        ValidScenario::try_from(s).ok()
    }

    fn bench_volume(bencher: Bencher, volume: f64) {
        let Some(v) = scenario(volume) else {
            return;
        };
        let curves = Curves::new(&v);
        let mut i = 0u64;
        bencher
            .counter(divan::counter::ItemsCount::new(1usize))
            .bench_local(|| {
                i += 1;
                black_box(replicate(&v, &curves, i))
            });
    }

    /// One replication of Baseline, 52 weeks.
    #[divan::bench]
    fn baseline_replication(bencher: Bencher) {
        bench_volume(bencher, 1.0);
    }

    /// One replication of Baseline with 10x the leads.
    #[divan::bench]
    fn baseline_10x_volume_replication(bencher: Bencher) {
        bench_volume(bencher, 10.0);
    }

    /// One replication of Baseline with 100x the leads: the SDRs are saturated at 10x
    /// already, so this costs what 10x costs (work is bounded by capacity, not volume).
    #[divan::bench]
    fn baseline_100x_volume_replication(bencher: Bencher) {
        bench_volume(bencher, 100.0);
    }
}
