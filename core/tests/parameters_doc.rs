//! `docs/parameters.md` is written from the parameter table: this test fails when the two
//! differ, and rewrites the file with `UPDATE_DOCS=1`.

use handoff_core::model::params::reference_markdown;
use handoff_core::model::Param;

const DOC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/parameters.md");

#[test]
fn the_parameter_reference_is_the_table() {
    let want = reference_markdown();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(DOC, &want).expect("docs/parameters.md is writable");
    }
    let have = std::fs::read_to_string(DOC).unwrap_or_default();
    assert!(
        have == want,
        "docs/parameters.md is not the parameter table's; rerun with UPDATE_DOCS=1"
    );
}

#[test]
fn the_reference_names_every_parameter_with_its_range() {
    let doc = reference_markdown();
    for p in Param::ALL {
        let s = p.spec();
        assert!(doc.contains(s.label), "{p:?} missing");
        assert!(doc.contains(s.at.field), "{p:?}: no path");
    }
    assert!(doc.contains("| SDR headcount | `sdr.headcount` | SDRs | 0 to 500, whole | 2 |"));
}
