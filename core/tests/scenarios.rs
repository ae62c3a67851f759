#![cfg(not(target_arch = "wasm32"))]
//! Scenarios leaving and entering the app: share links, exported files, the stored forms and
//! the saved list. Round trips of every preset and of random valid scenarios; random and
//! damaged input never panics and never yields an invalid scenario; every error says what is
//! wrong and where.

mod common;

use handoff_core::model::library::Library;
use handoff_core::model::share::LINK_TAG;
use handoff_core::model::stored::{self, STORED_VERSION};
use handoff_core::model::{
    import_json, open_link, read_library, write_library, ImportError, LinkError, Preset,
    SavedError, ValidScenario, LIBRARY_VERSION, LINK_PARAM, MAX_FILE_BYTES,
};
use serde_json::{json, Value};

const HTML_NAME: &str = "<img src=x onerror=alert(1)>";

use common::*;

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
