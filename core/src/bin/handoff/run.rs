//! `handoff run`: one scenario's report, as JSON or a table, with the diagnosis if asked.

use handoff_core::analysis::{diagnose, run, Diagnosis, RunReport};
use handoff_core::engine::Weekly;
use handoff_core::format::{count, money, percent};

use super::args::Args;
use super::{print_json, read_scenario, usage_error, validate, Done};

/// What `run` was asked for.
struct Options {
    replications: Option<f64>,
    seed: Option<u64>,
    table: bool,
    diagnose: bool,
}

fn options(args: &[String]) -> Result<(String, Options), String> {
    let a = Args::parse(
        args,
        &["--replications", "--seed", "--format"],
        &["--diagnose"],
    )?;
    let o = Options {
        replications: a.number("--replications", "a number")?,
        seed: a.number("--seed", "a whole number")?,
        table: a
            .choice("--format", &[("json", false), ("table", true)])?
            .unwrap_or(false),
        diagnose: a.switch("--diagnose"),
    };
    Ok((a.path()?.to_string(), o))
}

pub fn run_cmd(args: &[String]) -> Done {
    let (path, o) = options(args).map_err(|m| usage_error(&m))?;
    let mut scenario = read_scenario(&path)?;
    if let Some(n) = o.replications {
        scenario.run.replications = n;
    }
    if let Some(s) = o.seed {
        scenario.run.seed = s;
    }
    let valid = validate(&scenario)?;
    let result = run(&valid);
    let diagnosis = o
        .diagnose
        .then(|| diagnose(&valid, valid.replications().min(100)));
    if !o.table {
        return match &diagnosis {
            None => print_json(&result),
            Some(d) => print_json(&serde_json::json!({ "result": result, "diagnosis": d })),
        };
    }
    print_table(&result);
    if let Some(d) = diagnosis {
        print_diagnosis(&d);
    }
    Ok(())
}

fn print_table(result: &RunReport) {
    println!(
        "{}: {} weeks, {} replications, seed {}",
        result.scenario_name, result.weeks, result.replications, result.seed
    );
    println!(
        "{:<45} {:>12} {:>12} {:>12} {:>12}",
        "", "mean", "P10", "P50", "P90"
    );
    for k in &result.kpis {
        let f = |x: f64| k.unit.format(x);
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
}

fn print_diagnosis(d: &Diagnosis) {
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
