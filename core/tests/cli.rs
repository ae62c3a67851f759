#![cfg(not(target_arch = "wasm32"))]
//! The command line as a user runs it: the built `handoff` binary on a preset written to a
//! temporary folder, with few replications so that each test takes a second or two.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use handoff_core::analysis::plan::sweep::{run_grid, Axis, Grid};
use handoff_core::analysis::plan::Serial;
use handoff_core::model::{Preset, ValidScenario};
use serde_json::Value;

fn handoff(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_handoff"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// Standard output of a run that must succeed.
fn ok(args: &[&str]) -> String {
    let out = handoff(args);
    assert!(
        out.status.success(),
        "handoff {args:?}: {:?}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&ok(args)).expect("JSON output")
}

/// A fresh folder for one test, removed when the test ends.
struct Folder(PathBuf);

impl Folder {
    fn new(test: &str) -> Folder {
        let dir = std::env::temp_dir().join(format!("handoff-cli-{}-{test}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temporary folder");
        Folder(dir)
    }

    /// `handoff preset baseline`, written to the folder.
    fn baseline(&self) -> PathBuf {
        let path = self.0.join("baseline.json");
        std::fs::write(&path, ok(&["preset", "baseline"])).expect("written");
        path
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        // A folder left behind in the temporary directory does no harm: said, not failed.
        if let Err(e) = std::fs::remove_dir_all(&self.0) {
            eprintln!("cannot remove {}: {e}", self.0.display());
        }
    }
}

fn text(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

/// A scenario a command printed, written beside the preset and run with `handoff run`.
fn runs_with_handoff_run(scenario: &Value, dir: &Path, name: &str) -> Value {
    let path = dir.join(name);
    std::fs::write(&path, scenario.to_string()).expect("written");
    let report = json(&["run", text(&path), "--replications", "5"]);
    assert_eq!(report["scenario_name"], scenario["name"]);
    assert_eq!(report["replications"], 5);
    report
}

fn number(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"))
}

#[test]
fn sweep_prints_a_csv_row_for_each_cell_of_the_grid() {
    let dir = Folder::new("sweep");
    let path = dir.baseline();
    let csv = ok(&[
        "sweep",
        text(&path),
        "--x",
        "threshold",
        "--y",
        "sdrs",
        "--replications",
        "10",
    ]);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some(
            "threshold,sdrs,bookings_mean_usd,bookings_p10_usd,bookings_p50_usd,bookings_p90_usd,\
             sla_kept_share,mqls_mean,sqls_mean,sdr_utilisation_share,cost_usd,replications"
        )
    );
    let rows: Vec<Vec<f64>> = lines
        .map(|l| {
            l.split(',')
                .map(|x| x.parse().unwrap_or_else(|_| panic!("a number: {x} in {l}")))
                .collect()
        })
        .collect();
    assert_eq!(rows.len(), 100, "ten thresholds by ten SDR headcounts");
    let s = Preset::Baseline.scenario();
    let mut cells: Vec<(f64, f64)> = rows.iter().map(|r| (r[0], r[1])).collect();
    cells.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    cells.dedup();
    assert_eq!(cells.len(), 100, "every cell once");
    assert!(cells.contains(&(s.thresholds.mql_threshold, s.sdr.headcount)));
    for r in &rows {
        assert_eq!(r.len(), 12, "{r:?}");
        assert!(r[3] <= r[4] && r[4] <= r[5], "P10 <= P50 <= P90: {r:?}");
        assert!(
            (0.0..=1.0).contains(&r[6]) && (0.0..=1.0).contains(&r[9]),
            "{r:?}"
        );
        assert!(r[2] > 0.0 && r[10] > 0.0, "{r:?}");
        assert_eq!(r[11], 10.0);
    }
    // A higher threshold passes fewer MQLs: the first row's threshold against the row's last.
    assert!(rows[0][7] > rows[9][7], "{:?} vs {:?}", rows[0], rows[9]);
}

#[test]
fn sweep_json_is_the_serial_grid_to_the_bit() {
    let dir = Folder::new("sweep-json");
    let path = dir.baseline();
    let out = ok(&[
        "sweep",
        text(&path),
        "--x",
        "aes",
        "--y",
        "response",
        "-n",
        "8",
        "--format",
        "json",
    ]);
    let grid: Grid = serde_json::from_str(&out).expect("a grid");
    let v = ValidScenario::try_from(Preset::Baseline.scenario()).expect("valid");
    let serial = run_grid(&v, Axis::AeHeadcount, Axis::ResponseTarget, 8, &Serial);
    assert_eq!(grid.cells.len(), 100);
    assert_eq!(
        grid, serial,
        "the CLI's parallel runner gives the serial numbers"
    );
}

#[test]
fn the_goal_scenario_reaches_the_goal_and_runs() {
    let dir = Folder::new("goal");
    let path = dir.baseline();
    let p = text(&path);
    // Today's P90 as the goal: reached in about one run in ten with today's AEs.
    let first = json(&["goal", p, "--bookings", "1", "--lever", "aes", "-n", "20"]);
    let p90 = number(&first["answer"]["today"]["bookings"]["p90"]);
    let goal = format!("{}", p90.round());
    let out = json(&[
        "goal",
        p,
        "--bookings",
        &goal,
        "--probability",
        "0.8",
        "--lever",
        "aes",
        "--replications",
        "20",
        "--format",
        "json",
    ]);
    let answer = &out["answer"];
    assert_eq!(answer["goal"]["lever"], "aes");
    assert_eq!(answer["goal"]["probability"], 0.8);
    assert_eq!(number(&answer["today"]["replications"]), 20.0);
    let today = number(&answer["today"]["value"]);
    let found = &answer["answer"];
    assert!(
        found.is_object(),
        "more AEs reach it: {}",
        answer["sentence"]
    );
    let aes = number(&found["value"]);
    assert!(aes > today, "{aes} AEs against {today} today");
    assert!(number(&found["chance"]) >= 0.8);
    assert!(number(&answer["today"]["chance"]) < 0.8);
    assert!(
        answer["sentence"]
            .as_str()
            .is_some_and(|s| s.contains("AEs gives bookings of $")
                && s.contains("or more in at least 80% of runs")),
        "{}",
        answer["sentence"]
    );
    let scenario = &out["scenario"];
    assert_eq!(number(&scenario["closing"]["ae_headcount"]), aes);
    assert_eq!(scenario, &answer["scenario"]);
    runs_with_handoff_run(scenario, &dir.0, "goal.json");
}

#[test]
fn the_design_has_four_promises_and_a_scenario_that_runs() {
    let dir = Folder::new("design");
    let path = dir.baseline();
    let out = json(&[
        "design",
        text(&path),
        "--kept",
        "0.85",
        "--objective",
        "margin",
        "--extra-heads",
        "1",
        "-n",
        "15",
    ]);
    let design = &out["design"];
    assert_eq!(design["options"]["kept"], 0.85);
    assert_eq!(design["options"]["objective"], "margin");
    assert_eq!(number(&design["replications"]), 15.0);
    let promises = design["promises"].as_array().expect("promises");
    let parts: Vec<&str> = promises.iter().filter_map(|p| p["part"].as_str()).collect();
    assert_eq!(parts, ["volume", "quality", "touch", "attempts"]);
    for p in promises {
        assert!(number(&p["kept"]) >= 0.85, "{p}");
        assert!(p["breaks_first"].is_array(), "{p}");
    }
    // With one extra head: candidates at five thresholds, each with +0 or +1 SDR or AE.
    assert_eq!(design["candidates"].as_array().map(Vec::len), Some(15));
    let scenario = &out["scenario"];
    assert_eq!(scenario["sla"], design["sla"]);
    let agreement = &out["agreement"];
    assert_eq!(agreement["marketing"].as_array().map(Vec::len), Some(2));
    assert_eq!(agreement["sales"].as_array().map(Vec::len), Some(2));
    let mqls = number(&design["sla"]["mqls_per_month"]);
    assert!(agreement["marketing"][0]["text"]
        .as_str()
        .is_some_and(|t| t.contains(&handoff_core::format::count(mqls))));
    runs_with_handoff_run(scenario, &dir.0, "design.json");
}

#[test]
fn the_tornado_as_a_table_and_as_json() {
    let dir = Folder::new("tornado");
    let path = dir.baseline();
    let table = ok(&["tornado", text(&path), "-n", "10", "--format", "table"]);
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].starts_with("Baseline: bookings $"), "{}", lines[0]);
    assert!(
        lines[0].ends_with("10 paired replications a step"),
        "{}",
        lines[0]
    );
    for word in ["knob", "team", "low step", "mean change", "high step"] {
        assert!(lines[1].contains(word), "{}", lines[1]);
    }
    let sdrs = lines
        .iter()
        .find(|l| l.starts_with("SDR headcount"))
        .expect("an SDR row");
    assert!(
        sdrs.contains("Sales development (SDRs)") && sdrs.contains("+1 SDR") && sdrs.contains("$"),
        "{sdrs}"
    );
    let t = json(&["tornado", text(&path), "-n", "10"]);
    assert_eq!(t["pairs"], 10);
    let bars = t["bars"].as_array().expect("bars");
    assert_eq!(bars.len(), lines.len() - 3, "a row a bar");
}

#[test]
fn run_still_prints_its_table() {
    let dir = Folder::new("run");
    let path = dir.baseline();
    let table = ok(&[
        "run",
        text(&path),
        "-n",
        "5",
        "--seed",
        "3",
        "--format",
        "table",
    ]);
    assert!(
        table.starts_with("Baseline: 52 weeks, 5 replications, seed 3"),
        "{table}"
    );
}

/// Exit code 2 and the message on stderr, followed by the usage.
fn usage_error(args: &[&str]) -> String {
    let out = handoff(args);
    assert_eq!(out.status.code(), Some(2), "handoff {args:?}");
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).expect("UTF-8");
    assert!(err.contains("usage:\n  handoff run"), "{err}");
    err
}

#[test]
fn bad_arguments_say_what_is_wrong() {
    let dir = Folder::new("errors");
    let path = dir.baseline();
    let p = text(&path);
    let err = usage_error(&["goal", p, "--bookings", "9000000", "--lever", "ads"]);
    assert!(
        err.starts_with("--lever is one of: leads, sdrs, aes, threshold (got ads)"),
        "{err}"
    );
    let err = usage_error(&["goal", p, "--bookings", "lots", "--lever", "aes"]);
    assert!(err.starts_with("--bookings needs"), "{err}");
    let err = usage_error(&["sweep", p, "--x", "threshold", "--y", "budget"]);
    assert!(
        err.starts_with(
            "--y is one of: threshold, sdrs, aes, response, attempts, leads, spacing (got budget)"
        ),
        "{err}"
    );
    let err = usage_error(&["sweep", p, "--x", "sdrs", "--y", "sdrs"]);
    assert!(
        err.starts_with("--x and --y must be two different axes"),
        "{err}"
    );
    let err = usage_error(&["tornado", p, "--replications", "0"]);
    assert!(
        err.starts_with("--replications needs a whole number from 1 to 2,000"),
        "{err}"
    );
    let err = usage_error(&["design", p, "--kept", "90"]);
    assert!(
        err.starts_with("--kept needs a share of periods from 0.5 to 0.99"),
        "{err}"
    );
    let err = usage_error(&["design", p, "--format", "csv"]);
    assert!(
        err.starts_with("--format is one of: json (got csv)"),
        "{err}"
    );
    let err = usage_error(&["design", "--extra-heads", "2"]);
    assert!(err.starts_with("give a scenario file"), "{err}");
    let err = usage_error(&["tornado"]);
    assert!(err.starts_with("give a scenario file"), "{err}");
}

#[test]
fn a_bad_scenario_file_names_its_problems() {
    let dir = Folder::new("bad-file");
    let missing = dir.0.join("missing.json");
    let out = handoff(&["design", text(&missing)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("cannot read"));
    let mut s = Preset::Baseline.scenario();
    s.sdr.headcount = -1.0;
    s.closing.ae_headcount = 10_000.0;
    let bad = dir.0.join("bad.json");
    std::fs::write(&bad, serde_json::to_string(&s).expect("JSON")).expect("written");
    let out = handoff(&["goal", text(&bad), "--bookings", "1", "--lever", "sdrs"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("sdr.headcount") && err.contains("closing.ae_headcount"),
        "every problem: {err}"
    );
}
