#![cfg(not(target_arch = "wasm32"))]
//! Properties of scenarios leaving and entering the app: random valid scenarios round-trip
//! through links and files; random and damaged input never panics and never yields an
//! invalid scenario; misspelt fields and repeated saved ids are caught.

mod common;

use handoff_core::model::library::Library;
use handoff_core::model::share::LINK_TAG;
use handoff_core::model::stored::STORED_VERSION;
use handoff_core::model::{
    import_json, open_link, read_library, scenario_from_json, write_library, ImportError,
    LinkError, Param, Preset, Scenario, ValidScenario,
};
use proptest::prelude::*;
use proptest::sample::{select, Index};
use serde_json::{json, Value};

use common::*;

// ---- Properties ---------------------------------------------------------------------------

/// Random valid scenarios: a random preset with a handful of random parameters set to random
/// values in their range (whole numbers rounded; others to `decimals` places if given).
fn valid_scenario(decimals: Option<i32>) -> impl Strategy<Value = Scenario> {
    let edit = (select(Param::ALL.to_vec()), 0usize..6, 0.0..=1.0f64);
    (
        select(Preset::ALL.to_vec()),
        proptest::collection::vec(edit, 0..8),
        "\\PC{0,24}",
    )
        .prop_map(move |(preset, edits, name)| {
            let mut s = preset.scenario();
            s.name = name;
            for (p, channel, t) in edits {
                let spec = p.spec();
                let raw = spec.min + t * (spec.max - spec.min);
                let v = match decimals {
                    _ if spec.integer => raw.round(),
                    Some(d) => (raw * 10f64.powi(d)).round() / 10f64.powi(d),
                    None => raw,
                };
                p.set(&mut s, channel, v.clamp(spec.min, spec.max));
            }
            s
        })
        .prop_filter("valid scenarios only", |s| {
            ValidScenario::try_from(s).is_ok()
        })
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        (0u32..5).prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        let key = prop_oneof![
            "[a-z_]{1,12}",
            select(vec![
                "app",
                "version",
                "scenario",
                "inputs",
                "channels",
                "sdr",
                "run",
                "weeks",
                "headcount",
                "burst",
                "name",
            ])
            .prop_map(String::from),
        ];
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(key, inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Every JSON pointer in `v` (`""`, `/scenario`, `/scenario/channels/0`, …).
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                let k = k.replace('~', "~0").replace('/', "~1");
                pointers(child, format!("{at}/{k}"), out);
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                pointers(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

/// Numbers equal to within a few units in the last place; everything else exactly.
fn close(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_f64(), y.as_f64()) {
            (Some(x), Some(y)) => (x - y).abs() <= 4.0 * f64::EPSILON * x.abs().max(y.abs()),
            _ => x == y,
        },
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| close(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| close(v, w)))
        }
        _ => a == b,
    }
}

fn to_value(s: &Scenario) -> Value {
    serde_json::to_value(s).expect("json")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    /// Values as a user types them (up to 4 decimals) come back exactly.
    #[test]
    fn valid_scenarios_round_trip_exactly(s in valid_scenario(Some(4))) {
        prop_assert_eq!(open_link(&link_of(&s)), Ok(s.clone()));
        prop_assert_eq!(import_json(&file_of(&s)), Ok(s));
    }

    /// Full-precision numbers come back valid and within a few units in the last place
    /// (serde_json's default float parsing is not always correctly rounded).
    #[test]
    fn full_precision_scenarios_round_trip_closely(s in valid_scenario(None)) {
        let from_link = open_link(&link_of(&s)).expect("opens");
        let from_file = import_json(&file_of(&s)).expect("imports");
        prop_assert!(close(&to_value(&from_link), &to_value(&s)));
        prop_assert!(close(&to_value(&from_file), &to_value(&s)));
        prop_assert_eq!(&from_link.name, &s.name);
    }

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..800)) {
        let text = String::from_utf8_lossy(&bytes);
        ok_means_valid(import_json(&text))?;
        ok_means_valid(open_link(&text))?;
        ok_means_valid(open_link(&format!("{LINK_TAG}{text}")))?;
    }

    #[test]
    fn random_json_is_refused_or_valid(v in arb_json()) {
        ok_means_valid(scenario_from_json(&v))?;
        ok_means_valid(import_json(&v.to_string()))?;
        ok_means_valid(open_link(&link_with(&v)))?;
        let wrapped = json!({ "app": "handoff", "version": STORED_VERSION, "scenario": v });
        ok_means_valid(import_json(&wrapped.to_string()))?;
    }

    #[test]
    fn a_cut_export_ends_early(p in select(Preset::ALL.to_vec()), at in any::<Index>()) {
        let text = file_of(&p.scenario());
        let end = text.trim_end().len() - 1; // the closing brace
        let at = at.index(end);
        let at = (0..=at).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
        let expected = if at == 0 { ImportError::Empty } else { ImportError::Truncated };
        prop_assert_eq!(import_json(&text[..at]), Err(expected));
    }

    #[test]
    fn a_field_replaced_by_any_value_is_refused_or_valid(
        p in select(Preset::ALL.to_vec()),
        pick in any::<Index>(),
        v in arb_json(),
    ) {
        let mut json: Value = serde_json::from_str(&file_of(&p.scenario())).expect("parses");
        let mut all = Vec::new();
        pointers(&json, String::new(), &mut all);
        let at = &all[pick.index(all.len())];
        *json.pointer_mut(at).expect("exists") = v;
        ok_means_valid(import_json(&json.to_string()))?;
        ok_means_valid(open_link(&link_with(&json)))?;
    }

    #[test]
    fn a_bumped_version_is_refused_as_newer(
        p in select(Preset::ALL.to_vec()),
        bump in 1u32..100_000,
    ) {
        let mut json: Value = serde_json::from_str(&file_of(&p.scenario())).expect("parses");
        let v = STORED_VERSION + bump;
        json["version"] = json!(v);
        prop_assert_eq!(import_json(&json.to_string()), Err(ImportError::Newer(v)));
        prop_assert_eq!(open_link(&link_with(&json)), Err(LinkError::Newer(v)));
    }
}

#[test]
fn a_misspelt_field_is_named_not_silently_defaulted() {
    let mut file = baseline_json();
    file["scenario"]["sdr"]["headcont"] = json!(9);
    file["scenario"]["channels"][1]["leads_per_wek"] = json!(10);
    let message = import_error(&file.to_string());
    mentions(
        &message,
        &["sdr.headcont", "channels[1].leads_per_wek", "spelling"],
    );
    // A bare scenario and a share link are read by the same checker.
    let bare = file["scenario"].clone();
    mentions(&import_error(&bare.to_string()), &["sdr.headcont"]);
    assert!(matches!(
        scenario_from_json(&bare),
        Err(ImportError::UnknownFields(f)) if f.len() == 2
    ));
    // The file without the typos imports.
    assert!(import_json(&baseline_json().to_string()).is_ok());
}

#[test]
fn a_saved_list_with_repeated_ids_keeps_every_entry_under_its_own_id() {
    let mut lib = Library::default();
    for name in ["A", "B", "C"] {
        lib.add(name, Preset::Baseline.scenario()).expect("adds");
    }
    let mut json: Value =
        serde_json::from_str(&write_library(&lib).expect("writes")).expect("parses");
    let first = json["library"]["entries"][0]["id"].clone();
    json["library"]["entries"][1]["id"] = first.clone();
    json["library"]["entries"][2]["id"] = first;
    let mut back = read_library(&json.to_string()).expect("reads");
    let names: Vec<&str> = back.entries().iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["A", "B", "C"]);
    let mut ids: Vec<u64> = back.entries().iter().map(|e| e.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 3, "every entry has its own id");
    // Each can be reached and changed by its id.
    let b = back.entries()[1].id;
    back.rename(b, "B2").expect("renames the second");
    assert_eq!(back.entries()[1].name, "B2");
    assert_eq!(back.entries()[0].name, "A");
}
