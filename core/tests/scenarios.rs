#![cfg(not(target_arch = "wasm32"))]
//! Scenarios leaving and entering the app: share links, exported files, the stored forms and
//! the saved list. Round trips of every preset and of random valid scenarios; random and
//! damaged input never panics and never yields an invalid scenario; every error says what is
//! wrong and where.

use handoff_core::model::library::Library;
use handoff_core::model::share::{self, LINK_TAG};
use handoff_core::model::stored::{self, STORED_VERSION};
use handoff_core::model::{
    export_json, import_json, open_link, read_library, scenario_from_json, scenario_link,
    write_library, ImportError, LinkError, Param, Preset, SavedError, Scenario, ValidScenario,
    LIBRARY_VERSION, LINK_PARAM, MAX_FILE_BYTES,
};
use proptest::prelude::*;
use proptest::sample::{select, Index};
use serde_json::{json, Value};

const HTML_NAME: &str = "<img src=x onerror=alert(1)>";

fn file_of(s: &Scenario) -> String {
    export_json(s).expect("exports")
}

fn link_of(s: &Scenario) -> String {
    scenario_link(s).expect("encodes")
}

/// The export of the Baseline preset as JSON, to edit.
fn baseline_json() -> Value {
    serde_json::from_str(&file_of(&Preset::Baseline.scenario())).expect("parses")
}

/// Asserts that `message` mentions every one of `words`.
fn mentions(message: &str, words: &[&str]) {
    for w in words {
        assert!(message.contains(w), "{w:?} not in: {message}");
    }
}

/// The message of an import error, for `contains` checks.
fn import_error(text: &str) -> String {
    match import_json(text) {
        Ok(s) => panic!("accepted: {s:?}"),
        Err(e) => e.to_string(),
    }
}

fn link_error(text: &str) -> String {
    match open_link(text) {
        Ok(s) => panic!("accepted: {s:?}"),
        Err(e) => e.to_string(),
    }
}

/// `Ok` must be a valid scenario; an error must say something.
fn ok_means_valid<E: std::fmt::Display>(r: Result<Scenario, E>) -> Result<(), TestCaseError> {
    match r {
        Ok(s) => prop_assert!(
            ValidScenario::try_from(&s).is_ok(),
            "an invalid scenario came through: {s:?}"
        ),
        Err(e) => prop_assert!(!e.to_string().is_empty()),
    }
    Ok(())
}

/// The text of a link whose content is exactly `json`.
fn link_with(json: &Value) -> String {
    share::encode(json).expect("encodes")
}

// ---- Round trips -------------------------------------------------------------------------

#[test]
fn every_preset_round_trips_through_a_link() {
    for p in Preset::ALL {
        let s = p.scenario();
        let link = link_of(&s);
        assert!(link.starts_with(LINK_TAG), "{p:?}");
        assert_eq!(open_link(&link), Ok(s), "{p:?}");
    }
}

#[test]
fn every_preset_round_trips_through_a_file() {
    for p in Preset::ALL {
        let s = p.scenario();
        let text = file_of(&s);
        assert!(text.contains("\"app\": \"handoff\""), "{text}");
        assert!(text.contains(&format!("\"version\": {STORED_VERSION}")));
        assert_eq!(import_json(&text), Ok(s), "{p:?}");
    }
}

#[test]
fn files_and_stored_text_are_the_same_envelope() {
    let mut s = Preset::SalesCherryPicks.scenario();
    s.sdr.headcount = 7.0;
    assert_eq!(stored::read(&file_of(&s)), Ok(s.clone()));
    assert_eq!(
        import_json(&stored::write(&s).expect("writes")),
        Ok(s.clone())
    );
    let bare = serde_json::to_string(&s).expect("json");
    assert_eq!(import_json(&bare), Ok(s));
}

#[test]
fn a_link_opens_from_a_url_a_fragment_or_the_payload() {
    let s = Preset::TractorGiveaway.scenario();
    let link = link_of(&s);
    for text in [
        link.clone(),
        format!("#{LINK_PARAM}={link}"),
        format!("{LINK_PARAM}={link}"),
        format!("https://handoff.example/#{LINK_PARAM}={link}"),
        format!("  https://handoff.example/app?s=search#view=2&{LINK_PARAM}={link}\n"),
    ] {
        assert_eq!(open_link(&text), Ok(s.clone()), "{text}");
    }
}

#[test]
fn version_1_stored_text_is_migrated_by_import_and_links() {
    // What the first version of the app stored: the expected-value funnel's inputs.
    let old = r#"{"version":1,"inputs":{"channels":[{"name":"Webinar","leads_per_week":120.0},
        {"name":"Partner referrals","leads_per_week":999.0}],"rates":{"inquiry_to_mql":10.0,
        "mql_to_sal":85.0,"sal_to_sql":60.0,"sql_to_won":30.0},"deal_size":40000.0,"weeks":26}}"#;
    let migrated = import_json(old).expect("migrates");
    let names: Vec<&str> = migrated.channels.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Webinar", "Partner referrals"]);
    assert_eq!(migrated.channels[1].leads_per_week, 999.0);
    assert_eq!(migrated.run.weeks, 26.0);
    assert_eq!(migrated.closing.deal_median, 40_000.0);
    assert_eq!(stored::read(old), Ok(migrated.clone()));
    let as_json: Value = serde_json::from_str(old).expect("parses");
    assert_eq!(open_link(&link_with(&as_json)), Ok(migrated));
}

#[test]
fn an_html_name_round_trips_unchanged() {
    let mut s = Preset::Baseline.scenario();
    s.name = HTML_NAME.into();
    s.channels[0].name = format!("{HTML_NAME} & \"quotes\" </script>");
    let from_file = import_json(&file_of(&s)).expect("imports");
    let from_link = open_link(&link_of(&s)).expect("opens");
    assert_eq!(from_file.name, HTML_NAME);
    assert_eq!(from_file, s);
    assert_eq!(from_link, s);
}

// ---- Error messages: each variant says what is wrong and where ---------------------------

#[test]
fn an_empty_file_says_it_is_empty() {
    for text in ["", "  \n\t", "\u{feff}"] {
        assert_eq!(import_json(text), Err(ImportError::Empty));
    }
    mentions(&import_error(""), &["empty"]);
}

#[test]
fn a_huge_file_is_refused_before_reading() {
    let text = " ".repeat(MAX_FILE_BYTES + 1);
    assert_eq!(
        import_json(&text),
        Err(ImportError::TooLarge(MAX_FILE_BYTES + 1))
    );
    let m = import_error(&text);
    mentions(
        &m,
        &["too large", &(MAX_FILE_BYTES + 1).to_string(), "1 MiB"],
    );
}

#[test]
fn text_that_is_not_json_says_where() {
    let m = import_error("Name,Headcount\nBaseline,2\n");
    mentions(&m, &["not a JSON file", "line 1, column 1"]);
    let m = import_error("{\n  \"version\": 2,\n  \"scenario\": {,}\n}");
    mentions(&m, &["line 3"]);
    assert!(matches!(
        import_json("{} trailing"),
        Err(ImportError::NotJson { line: 1, .. })
    ));
}

#[test]
fn a_cut_file_ends_early() {
    let text = file_of(&Preset::Baseline.scenario());
    for at in [1, 10, text.len() / 2, text.len() - 2] {
        assert_eq!(
            import_json(&text[..at]),
            Err(ImportError::Truncated),
            "{at}"
        );
    }
    mentions(
        &import_error(&text[..text.len() / 3]),
        &["ends early; it may have been cut short"],
    );
}

#[test]
fn json_from_another_tool_is_not_a_scenario() {
    let m = import_error("[1, 2, 3]");
    mentions(&m, &["not a Handoff scenario", "list"]);
    let m = import_error(r#"{"compilerOptions": {"strict": true}}"#);
    mentions(&m, &["not a Handoff scenario", "none of the fields"]);
    // Generic keys alone do not make a scenario.
    let m = import_error(r#"{"name": "Bob", "version": 2}"#);
    mentions(&m, &["none of the fields"]);
    let m = import_error(r#"{"app": "spreadsheet", "version": 2, "scenario": {}}"#);
    mentions(&m, &["another program", "spreadsheet"]);
    let m = import_error(r#"{"app": "handoff", "version": 2}"#);
    mentions(&m, &["no \"scenario\""]);
    assert!(matches!(
        import_json("42"),
        Err(ImportError::NotAScenario(_))
    ));
}

#[test]
fn a_newer_file_names_its_version_and_ours() {
    let mut json = baseline_json();
    json["version"] = json!(STORED_VERSION + 1);
    let newer = STORED_VERSION + 1;
    assert_eq!(
        import_json(&json.to_string()),
        Err(ImportError::Newer(newer))
    );
    let m = import_error(&json.to_string());
    mentions(
        &m,
        &[
            &format!("format {newer}"),
            &format!("up to {STORED_VERSION}"),
        ],
    );
    // A newer format may look like anything; it is still refused as newer.
    let m = import_error(r#"{"app": "handoff", "version": 9, "scenarios": []}"#);
    mentions(&m, &["format 9", "newer"]);
}

#[test]
fn an_unknown_or_missing_version_is_named() {
    let mut json = baseline_json();
    json["version"] = json!(0);
    assert_eq!(
        import_json(&json.to_string()),
        Err(ImportError::UnknownVersion(0))
    );
    mentions(
        &import_error(&json.to_string()),
        &["format 0 is not a Handoff format"],
    );
    json.as_object_mut().expect("object").remove("version");
    assert_eq!(
        import_json(&json.to_string()),
        Err(ImportError::MissingVersion)
    );
    let m = import_error(&json.to_string());
    mentions(&m, &["\"version\"", "missing"]);
    json["version"] = json!("2");
    let m = import_error(&json.to_string());
    mentions(&m, &["version has the wrong type"]);
}

#[test]
fn a_field_of_the_wrong_type_is_named_by_its_path() {
    let mut json = baseline_json();
    json["scenario"]["run"]["weeks"] = json!("many");
    assert_eq!(
        import_json(&json.to_string()),
        Err(ImportError::WrongType {
            path: "run.weeks".into(),
            message: "invalid type: string \"many\", expected a number".into()
        })
    );
    let mut json = baseline_json();
    json["scenario"]["channels"][1]["burst"] = json!({ "weeks": [3] });
    let m = import_error(&json.to_string());
    assert!(
        m.starts_with("channels[1].burst.weeks has the wrong type"),
        "{m}"
    );
    let m = import_error(r#"{"sdr": {"queue_priority": "random"}}"#);
    mentions(&m, &["sdr.queue_priority", "fifo"]);
    let m = import_error(r#"{"version": 1, "inputs": {"weeks": -3}}"#);
    mentions(&m, &["inputs.weeks"]);
    let m = import_error(r#"{"version": 2, "scenario": [1]}"#);
    assert!(m.starts_with("the scenario has the wrong type"), "{m}");
}

#[test]
fn out_of_range_values_list_every_field_path() {
    let mut s = Preset::Baseline.scenario();
    s.sdr.headcount = 900.0;
    s.channels[2].leads_per_week = -1.0;
    let errs = match import_json(&file_of(&s)) {
        Err(ImportError::Invalid(errs)) => errs,
        other => panic!("{other:?}"),
    };
    assert_eq!(errs.errors().len(), 2, "{errs}");
    let m = ImportError::Invalid(errs).to_string();
    mentions(&m, &["sdr.headcount: must be between 0 and 500"]);
    mentions(&m, &["channels[2].leads_per_week"]);
    let m = link_error(&link_of(&s));
    mentions(&m, &["sdr.headcount", "channels[2].leads_per_week"]);
    assert!(matches!(
        open_link(&link_of(&s)),
        Err(LinkError::Invalid(_))
    ));
}

#[test]
fn an_export_failure_says_so() {
    let m = ImportError::Export("key must be a string".into()).to_string();
    mentions(&m, &["could not be written as JSON"]);
}

#[test]
fn damaged_links_say_what_is_wrong() {
    assert_eq!(open_link("   "), Err(LinkError::Empty));
    assert_eq!(
        open_link("https://handoff.example/#s="),
        Err(LinkError::Empty)
    );
    assert_eq!(
        open_link("https://handoff.example/"),
        Err(LinkError::UnknownFormat)
    );
    let link = link_of(&Preset::Baseline.scenario());
    // Half the link, cut where the base64 still decodes (a length of 1 mod 4 cannot).
    let half = (0..4)
        .map(|k| link.len() / 2 - k)
        .find(|&n| open_link(&link[..n]) != Err(LinkError::NotBase64))
        .unwrap_or(link.len() / 2);
    assert_eq!(open_link(&link[..half]), Err(LinkError::Corrupt));
    let mut newer = baseline_json();
    newer["version"] = json!(7);
    assert_eq!(open_link(&link_with(&newer)), Err(LinkError::Newer(7)));
    mentions(&link_error(&link_with(&newer)), &["format 7", "newer"]);
    let m = link_error(&link_with(&json!([1, 2])));
    mentions(&m, &["not a valid scenario", "list"]);
    let mut wrong = baseline_json();
    wrong["scenario"]["sdr"]["headcount"] = json!(true);
    let m = link_error(&link_with(&wrong));
    mentions(&m, &["sdr.headcount has the wrong type"]);
}

// ---- The saved list ----------------------------------------------------------------------

#[test]
fn the_saved_list_round_trips_and_keeps_invalid_entries() {
    let mut lib = Library::default();
    for p in Preset::ALL {
        lib.add(p.name(), p.scenario()).expect("adds");
    }
    let mut broken = Preset::Baseline.scenario();
    broken.sdr.headcount = -4.0;
    let id = lib.add(HTML_NAME, broken.clone()).expect("adds");
    let gone = lib.entries()[0].id;
    lib.delete(gone).expect("deletes");
    let text = write_library(&lib).expect("writes");
    assert!(text.contains(&format!("\"version\":{LIBRARY_VERSION}")));
    let mut back = read_library(&text).expect("reads");
    assert_eq!(back, lib);
    let kept = back.get(id).expect("the invalid entry is kept");
    assert_eq!(kept.name, HTML_NAME);
    assert!(ValidScenario::try_from(&kept.item).is_err());
    assert_eq!(back.undo_delete(), Some(gone));
}

#[test]
fn a_newer_or_broken_saved_list_is_an_error_not_an_empty_list() {
    let newer = json!({ "version": LIBRARY_VERSION + 1, "library": {} }).to_string();
    assert_eq!(
        read_library(&newer),
        Err(SavedError::Newer(LIBRARY_VERSION + 1))
    );
    let m = read_library(&newer)
        .map(|_| ())
        .expect_err("refused")
        .to_string();
    mentions(&m, &[&format!("format {}", LIBRARY_VERSION + 1)]);
    for text in [
        "",
        "{\"version\":1,\"library\":{\"entries\":[{\"id\":1",
        r#"{"version": 1}"#,
        r#"{"version": 0, "library": {}}"#,
        r#"{"version": 1, "library": {"entries": [{"id": 1, "name": "A", "item": {"run": {"weeks": "x"}}}]}}"#,
    ] {
        let r = read_library(text);
        assert!(matches!(r, Err(SavedError::Unreadable(_))), "{text}: {r:?}");
    }
    let m = read_library("[")
        .map(|_| ())
        .expect_err("refused")
        .to_string();
    mentions(&m, &["not readable"]);
}

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
