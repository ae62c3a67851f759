//! The engine's speed in WebAssembly (not a test): `scripts/bench-engine-wasm.sh` builds this
//! example for wasm32, runs it under node (V8, as in Chromium) and times `Bench::run` from
//! JavaScript. Natively it prints the checksum of the same replications, so the script can
//! check that wasm and native draw the same numbers.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let volume = args.first().and_then(|a| a.parse().ok()).unwrap_or(1.0);
    let count = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(200);
    match Bench::new(volume) {
        Some(b) => println!("{}", b.checksum(0, count)),
        None => {
            eprintln!("Baseline x{volume} does not validate");
            std::process::exit(1);
        }
    }
}

use handoff::engine::curves::Curves;
use handoff::engine::sim::{replicate, Total};
use handoff::model::{Preset, ValidScenario};

/// Baseline (52 weeks) with every channel's lead volume multiplied by `volume`.
struct Bench {
    v: ValidScenario,
    curves: Curves,
}

impl Bench {
    fn new(volume: f64) -> Option<Bench> {
        let mut s = Preset::Baseline.scenario();
        for c in &mut s.channels {
            c.leads_per_week *= volume;
        }
        let v = ValidScenario::try_from(s).ok()?;
        let curves = Curves::new(&v);
        Some(Bench { v, curves })
    }

    /// Runs replications `first..first + count` and returns a checksum of their results
    /// (exact in f64 for the counts summed here), which also keeps the work observable.
    fn checksum(&self, first: u32, count: u32) -> f64 {
        (first..first + count)
            .map(|i| {
                let r = replicate(&self.v, &self.curves, u64::from(i));
                r.total(Total::Mqls) + r.total(Total::Sqls) + r.total(Total::Won)
            })
            .sum()
    }
}

#[cfg(target_arch = "wasm32")]
mod wasm {
    use wasm_bindgen::prelude::*;

    /// The benchmark as seen from JavaScript.
    #[wasm_bindgen]
    pub struct EngineBench(super::Bench);

    #[wasm_bindgen]
    impl EngineBench {
        #[wasm_bindgen(constructor)]
        pub fn new(volume: f64) -> Result<EngineBench, JsError> {
            super::Bench::new(volume)
                .map(EngineBench)
                .ok_or_else(|| JsError::new("the scenario does not validate"))
        }

        /// Replications `first..first + count`; returns their checksum.
        pub fn run(&self, first: u32, count: u32) -> f64 {
            self.0.checksum(first, count)
        }
    }
}
