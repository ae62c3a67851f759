#![cfg(not(target_arch = "wasm32"))]
//! A fuzzer for the two doors through which outside text reaches the app: share links
//! ([`open_link`]) and scenario files ([`import_json`]). Property: nothing panics, and a
//! scenario that comes through passes validation.
//!
//! Each test runs `HANDOFF_FUZZ_CASES` cases (default 200, so that `cargo test` stays fast);
//! `scripts/fuzz.sh [CASES]` runs many more in release mode. Inputs: random bytes as text,
//! random base64 behind the link tag, deflated random bytes, bit flips, cuts, inserts and
//! splices of real links and real exported files of every preset (the files also re-packed
//! as links, so damaged JSON reaches the scenario checks through links too), and exported
//! files damaged value by value (odd numbers, wrong types, removed keys, too many channels)
//! so that most inputs get past the JSON parser to the type and range checks.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use handoff_core::model::share::{self, LINK_TAG};
use handoff_core::model::{
    export_json, import_json, open_link, scenario_link, Preset, Scenario, ValidScenario,
};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{json, Value};

/// Inputs given to `open_link`, over all tests of this run.
static LINK_INPUTS: AtomicU64 = AtomicU64::new(0);
/// Inputs given to `import_json`, over all tests of this run.
static FILE_INPUTS: AtomicU64 = AtomicU64::new(0);

fn cases() -> u32 {
    std::env::var("HANDOFF_FUZZ_CASES")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(200)
}

fn valid_if_ok<E: std::fmt::Debug>(r: Result<Scenario, E>) -> Result<(), TestCaseError> {
    if let Ok(s) = r {
        prop_assert!(
            ValidScenario::try_from(&s).is_ok(),
            "an invalid scenario came through: {s:?}"
        );
    }
    Ok(())
}

/// Counts of one test, added to the global counters as they go.
#[derive(Default)]
struct Tally {
    links: AtomicU64,
    files: AtomicU64,
}

impl Tally {
    fn link(&self, text: &str) -> Result<(), TestCaseError> {
        self.links.fetch_add(1, Ordering::Relaxed);
        LINK_INPUTS.fetch_add(1, Ordering::Relaxed);
        valid_if_ok(open_link(text))
    }

    fn file(&self, text: &str) -> Result<(), TestCaseError> {
        self.files.fetch_add(1, Ordering::Relaxed);
        FILE_INPUTS.fetch_add(1, Ordering::Relaxed);
        valid_if_ok(import_json(text))
    }
}

/// Runs `check` on `cases()` inputs from `strategy`, then prints the counts.
fn fuzz<S: Strategy>(
    name: &str,
    strategy: S,
    check: impl Fn(&Tally, S::Value) -> Result<(), TestCaseError>,
) {
    let tally = Tally::default();
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&strategy, |v| check(&tally, v));
    for (n, door, all) in [
        (&tally.links, "open_link", &LINK_INPUTS),
        (&tally.files, "import_json", &FILE_INPUTS),
    ] {
        let n = n.load(Ordering::Relaxed);
        if n > 0 {
            eprintln!(
                "fuzz: {n} inputs to {door} ({name}; {} in all tests so far)",
                all.load(Ordering::Relaxed)
            );
        }
    }
    if let Err(e) = result {
        panic!("{name}: {e}");
    }
}

/// Real inputs to damage: a link and an exported file of every preset.
fn seeds() -> &'static [Vec<u8>] {
    static SEEDS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        Preset::ALL
            .iter()
            .flat_map(|p| {
                let s = p.scenario();
                [
                    scenario_link(&s).expect("encodes").into_bytes(),
                    export_json(&s).expect("exports").into_bytes(),
                ]
            })
            .collect()
    })
}

fn deflated_link(bytes: &[u8]) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec(bytes, 6);
    format!("{LINK_TAG}{}", URL_SAFE_NO_PAD.encode(packed))
}

#[derive(Debug, Clone)]
enum Mutation {
    /// Flips one bit.
    Flip(Index, u8),
    /// Cuts the input short.
    Cut(Index),
    /// Inserts random bytes.
    Insert(Index, Vec<u8>),
    /// Removes up to `n` bytes.
    Remove(Index, usize),
    /// Replaces up to `n` bytes with bytes from another seed.
    Splice {
        at: Index,
        donor: Index,
        from: Index,
        n: usize,
    },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<Index>(), 0u8..8).prop_map(|(at, bit)| Mutation::Flip(at, bit)),
        1 => any::<Index>().prop_map(Mutation::Cut),
        2 => (any::<Index>(), proptest::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(at, b)| Mutation::Insert(at, b)),
        2 => (any::<Index>(), 1usize..64).prop_map(|(at, n)| Mutation::Remove(at, n)),
        2 => (any::<Index>(), any::<Index>(), any::<Index>(), 1usize..256)
            .prop_map(|(at, donor, from, n)| Mutation::Splice { at, donor, from, n }),
    ]
}

fn apply(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    let seeds = seeds();
    for m in mutations {
        let len = bytes.len();
        let pos = |i: &Index| if len == 0 { 0 } else { i.index(len) };
        match m {
            Mutation::Flip(at, bit) => {
                if len > 0 {
                    bytes[pos(at)] ^= 1 << bit;
                }
            }
            Mutation::Cut(at) => bytes.truncate(pos(at)),
            Mutation::Insert(at, extra) => {
                let at = pos(at);
                bytes.splice(at..at, extra.iter().copied());
            }
            Mutation::Remove(at, n) => {
                let at = pos(at);
                bytes.drain(at..(at + n).min(len));
            }
            Mutation::Splice { at, donor, from, n } => {
                let donor = &seeds[donor.index(seeds.len())];
                let from = from.index(donor.len());
                let chunk = &donor[from..(from + n).min(donor.len())];
                let at = pos(at);
                bytes.splice(at..(at + n).min(len), chunk.iter().copied());
            }
        }
    }
    bytes
}

/// A seed (chosen by `pick`) with one to four mutations.
fn damaged_seed() -> impl Strategy<Value = (usize, Vec<u8>)> {
    (any::<Index>(), proptest::collection::vec(mutation(), 1..5)).prop_map(|(pick, ms)| {
        let i = pick.index(seeds().len());
        (i, apply(seeds()[i].clone(), &ms))
    })
}

fn random_bytes() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(any::<u8>(), 0..2048)
}

/// A value likely to break something: bounds, wrong types, markup, or `x`.
fn odd_value(pick: u32, x: f64) -> Value {
    match pick % 16 {
        0 => Value::Null,
        1 => json!(true),
        2 => json!(-1),
        3 => json!(0),
        4 => json!(1),
        5 => json!(0.5),
        6 => json!(1e308),
        7 => json!(u64::MAX),
        8 => json!(i64::MIN),
        9 => json!(""),
        10 => json!("<img src=x onerror=alert(1)>"),
        11 => json!([]),
        12 => json!({}),
        13 => json!(x.round()),
        _ => json!(x),
    }
}

/// Walks into `v` along the choices on `tape`, then damages what it reached: removes a key
/// or an element, repeats an element (too many channels), or puts an odd value in place.
fn damage(v: &mut Value, tape: &[u32], x: f64) {
    let Some((&c, rest)) = tape.split_first() else {
        return;
    };
    let i = (c / 16) as usize;
    match v {
        Value::Object(m) if !m.is_empty() && !rest.is_empty() => {
            let Some(key) = m.keys().nth(i % m.len()).cloned() else {
                return;
            };
            if c % 16 == 0 {
                m.remove(&key);
            } else if let Some(child) = m.get_mut(&key) {
                damage(child, rest, x);
            }
        }
        Value::Array(a) if !a.is_empty() && !rest.is_empty() => {
            let i = i % a.len();
            match c % 16 {
                0 => {
                    a.remove(i);
                }
                1 => {
                    let copy = a[i].clone();
                    a.extend(std::iter::repeat_n(copy, 1 + i % 12));
                }
                _ => damage(&mut a[i], rest, x),
            }
        }
        _ => *v = odd_value(c, x),
    }
}

/// An exported file of a preset, damaged in one to four places.
fn damaged_value() -> impl Strategy<Value = Value> {
    let tape = proptest::collection::vec(any::<u32>(), 1..8);
    (
        any::<Index>(),
        proptest::collection::vec((tape, any::<f64>()), 1..5),
    )
        .prop_map(|(pick, damages)| {
            let files: Vec<&Vec<u8>> = seeds().iter().skip(1).step_by(2).collect();
            let mut v: Value =
                serde_json::from_slice(files[pick.index(files.len())]).unwrap_or(Value::Null);
            for (tape, x) in damages {
                // Mostly inside the scenario: a damaged envelope is refused early.
                if tape[0] % 8 != 0 {
                    if let Some(scenario) = v.get_mut("scenario") {
                        damage(scenario, &tape, x);
                        continue;
                    }
                }
                damage(&mut v, &tape, x);
            }
            v
        })
}

#[test]
fn random_text() {
    fuzz("random_text", random_bytes(), |t, bytes| {
        let text = String::from_utf8_lossy(&bytes);
        t.file(&text)?;
        t.link(&text)?;
        t.link(&format!("https://handoff.example/#s={text}"))
    });
}

#[test]
fn random_base64_after_the_tag() {
    fuzz("random_base64_after_the_tag", random_bytes(), |t, bytes| {
        t.link(&format!("{LINK_TAG}{}", URL_SAFE_NO_PAD.encode(&bytes)))
    });
}

#[test]
fn deflated_random_bytes() {
    fuzz("deflated_random_bytes", random_bytes(), |t, bytes| {
        t.link(&deflated_link(&bytes))
    });
}

#[test]
fn damaged_links() {
    fuzz("damaged_links", damaged_seed(), |t, (i, bytes)| {
        let text = String::from_utf8_lossy(&bytes);
        if i % 2 == 0 {
            t.link(&text)?;
            t.link(&format!("#s={text}"))
        } else {
            // A damaged export, packed into a link: damaged JSON behind a sound link.
            t.link(&deflated_link(&bytes))
        }
    });
}

#[test]
fn damaged_files() {
    fuzz("damaged_files", damaged_seed(), |t, (_, bytes)| {
        t.file(&String::from_utf8_lossy(&bytes))
    });
}

#[test]
fn damaged_values() {
    fuzz("damaged_values", damaged_value(), |t, v| {
        t.file(&v.to_string())?;
        t.link(&share::encode(&v).map_err(|e| TestCaseError::fail(e.to_string()))?)
    });
}

#[test]
fn the_seeds_themselves_open() {
    // Sanity: undamaged seeds are accepted, so the damage is what the fuzzer explores.
    for (i, seed) in seeds().iter().enumerate() {
        let text = std::str::from_utf8(seed).expect("utf-8");
        let r = if i % 2 == 0 {
            open_link(text).map(|_| ()).map_err(|e| e.to_string())
        } else {
            import_json(text).map(|_| ()).map_err(|e| e.to_string())
        };
        assert_eq!(r, Ok(()), "seed {i}");
    }
}
