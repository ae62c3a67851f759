//! `handoff`: the command-line runner.
//!
//! ```text
//! handoff run scenario.json [--replications N] [--seed S] [--format json|table] [--diagnose]
//! handoff preset NAME      print a preset's scenario JSON
//! handoff presets          list the presets
//! ```

use std::process::ExitCode;

use handoff::analysis::{diagnose, run};
use handoff::engine::Weekly;
use handoff::format::{count, money, percent, with_unit};
use handoff::model::{import_json, Preset, Scenario, ValidScenario, PRESET_NAMES};

const USAGE: &str = "usage:
  handoff run scenario.json [--replications N] [--seed S] [--format json|table] [--diagnose]
  handoff preset NAME
  handoff presets";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("presets") => {
            for p in Preset::ALL {
                println!("{:<20} {}", p.name(), p.scenario().name);
            }
            ExitCode::SUCCESS
        }
        Some("preset") => match args.get(1).and_then(|n| Preset::from_name(n)) {
            Some(p) => print_json(&p.scenario()),
            None => {
                eprintln!("unknown preset; one of: {}", PRESET_NAMES.join(", "));
                ExitCode::from(2)
            }
        },
        Some("run") => run_cmd(&args[1..]),
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn print_json<T: serde::Serialize>(v: &T) -> ExitCode {
    match serde_json::to_string_pretty(v) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cannot print the result: {e}");
            ExitCode::from(1)
        }
    }
}

fn run_cmd(args: &[String]) -> ExitCode {
    let mut path = None;
    let mut reps: Option<f64> = None;
    let mut seed: Option<u64> = None;
    let mut table = false;
    let mut with_diagnosis = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--replications" | "-n" => match it.next().and_then(|x| x.parse().ok()) {
                Some(n) => reps = Some(n),
                None => return usage_error("--replications needs a number"),
            },
            "--seed" => match it.next().and_then(|x| x.parse().ok()) {
                Some(s) => seed = Some(s),
                None => return usage_error("--seed needs a whole number"),
            },
            "--format" => match it.next().map(String::as_str) {
                Some("json") => table = false,
                Some("table") => table = true,
                _ => return usage_error("--format is json or table"),
            },
            "--diagnose" => with_diagnosis = true,
            p if path.is_none() && !p.starts_with("--") => path = Some(p.to_string()),
            other => return usage_error(&format!("unexpected argument {other}")),
        }
    }
    let Some(path) = path else {
        return usage_error("give a scenario file (see `handoff preset baseline`)");
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            return ExitCode::from(2);
        }
    };
    // The app's own reader: exported files and bare scenarios, unknown fields named.
    let mut scenario: Scenario = match import_json(&text) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{path} is not a valid scenario file: {e}");
            return ExitCode::from(1);
        }
    };
    if let Some(n) = reps {
        scenario.run.replications = n;
    }
    if let Some(s) = seed {
        scenario.run.seed = s;
    }
    let valid = match ValidScenario::try_from(&scenario) {
        Ok(v) => v,
        Err(errs) => {
            for e in errs.errors() {
                eprintln!("{e}");
            }
            return ExitCode::from(1);
        }
    };
    let result = run(&valid);
    let diagnosis = with_diagnosis.then(|| diagnose(&valid, valid.replications().min(100)));
    if !table {
        return match &diagnosis {
            None => print_json(&result),
            Some(d) => print_json(&serde_json::json!({ "result": result, "diagnosis": d })),
        };
    }
    println!(
        "{}: {} weeks, {} replications, seed {}",
        result.scenario_name, result.weeks, result.replications, result.seed
    );
    println!(
        "{:<45} {:>12} {:>12} {:>12} {:>12}",
        "", "mean", "P10", "P50", "P90"
    );
    for k in &result.kpis {
        let f = |x: f64| with_unit(x, &k.unit);
        println!(
            "{:<45} {:>12} {:>12} {:>12} {:>12}",
            k.label,
            f(k.band.mean),
            f(k.band.p10),
            f(k.band.p50),
            f(k.band.p90)
        );
    }
    println!("\nWhere every lead is at the end (mean):");
    for l in &result.leaks {
        println!("  {:<35} {:>10}", l.state, count(l.band.mean));
    }
    if let Some(s) = result.series(Weekly::CumulativeBookings) {
        println!(
            "\nCumulative bookings at the end: {} (P10 {}, P90 {})",
            money(s.mean.last().copied().unwrap_or(0.0)),
            money(s.p10.last().copied().unwrap_or(0.0)),
            money(s.p90.last().copied().unwrap_or(0.0))
        );
    }
    println!(
        "SLA: MQL volume kept in {} of periods, quality {}, touch time {}, attempts {}",
        percent(result.sla.volume_kept_share),
        percent(result.sla.quality_kept_share),
        percent(result.sla.touch_kept_share),
        percent(result.sla.attempts_kept_share)
    );
    if let Some(d) = diagnosis {
        println!("\nDiagnosis: {}", d.summary);
        println!("{}", d.next_move);
        let pairs = d.lever_pairs();
        println!(
            "  {:<52} {:>10}  {:<24} per replication ({pairs} paired replications)",
            "lever", "mean", "90% confidence"
        );
        for l in &d.levers {
            let interval = l.mean_ci.map_or_else(
                || "-".to_string(),
                |(low, high)| format!("{} to {}", money(low), money(high)),
            );
            println!(
                "  {:<52} {:>10}  {:<24} P10 {}, P90 {}",
                l.label,
                money(l.bookings_delta.mean),
                interval,
                money(l.bookings_delta.p10),
                money(l.bookings_delta.p90)
            );
        }
    }
    ExitCode::SUCCESS
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("{msg}\n{USAGE}");
    ExitCode::from(2)
}
