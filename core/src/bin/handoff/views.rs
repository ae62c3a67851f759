//! `handoff tornado` and `handoff sweep`: the sensitivity view and a two-knob grid.

use std::process::ExitCode;

use handoff_core::analysis::plan::sweep::{run_grid, Axis, Grid};
use handoff_core::analysis::plan::tornado::{run_tornado, Swing, Tornado};
use handoff_core::analysis::plan::Effect;
use handoff_core::format::{money, percent, signed};
use handoff_core::model::ValidScenario;

use super::args::Args;
use super::{load, or_usage, print_json, usage_error, Cores, Done};

pub fn tornado_cmd(args: &[String]) -> Done {
    let a = or_usage(Args::parse(args, &["--replications", "--format"], &[]))?;
    let n = or_usage(a.replications())?;
    let table = or_usage(a.choice("--format", &[("json", false), ("table", true)]))?;
    let v = load(&a)?;
    let t = run_tornado(&v, n, &Cores::default());
    if table != Some(true) {
        return print_json(&t);
    }
    print_tornado(&v, &t);
    Ok(())
}

/// A mean change in bookings, `*` when its 90% confidence interval leaves out zero.
fn change(e: &Effect) -> String {
    let sure = if e.surely_up() || e.surely_down() {
        "*"
    } else {
        " "
    };
    format!("{}{sure}", signed(e.band.mean, money))
}

fn print_tornado(v: &ValidScenario, t: &Tornado) {
    let b = &t.base_bookings;
    println!(
        "{}: bookings {} (P10 {}, P90 {}), every promise kept in {} of periods; {} paired replications a step",
        v.get().name,
        money(b.mean),
        money(b.p10),
        money(b.p90),
        percent(t.base_sla_kept),
        t.pairs
    );
    let row = |knob: &str, team: &str, low: (String, String), high: (String, String)| {
        println!(
            "{knob:<32} {team:<26} {:>10} {:>12}  {:>10} {:>12}",
            low.0, low.1, high.0, high.1
        );
    };
    let side = |s: Option<&Swing>| match s {
        Some(s) => (s.step.clone(), change(&s.bookings)),
        None => ("-".to_string(), "-".to_string()),
    };
    let head = |a: &str, b: &str| (a.to_string(), b.to_string());
    row(
        "knob",
        "team",
        head("low step", "mean change"),
        head("high step", "mean change"),
    );
    for bar in &t.bars {
        row(
            &bar.label,
            bar.team.label(),
            side(bar.low.as_ref()),
            side(bar.high.as_ref()),
        );
    }
    println!(
        "Mean change in bookings over the run, paired with the scenario as it is, widest first; * where its 90% confidence interval leaves out zero."
    );
}

/// The axes, by their keys.
fn axis_keys() -> Vec<(&'static str, Axis)> {
    Axis::ALL.into_iter().map(|a| (a.key(), a)).collect()
}

pub fn sweep_cmd(args: &[String]) -> Done {
    let options = ["--replications", "--format", "--x", "--y"];
    let a = or_usage(Args::parse(args, &options, &[]))?;
    let n = or_usage(a.replications())?;
    let keys = axis_keys();
    let axis = |name: &str| {
        or_usage(
            a.choice(name, &keys)
                .and_then(|x| x.ok_or_else(|| format!("give {name}, one of: {}", key_list(&keys)))),
        )
    };
    let (x, y) = (axis("--x")?, axis("--y")?);
    if x == y {
        return Err(usage_error("--x and --y must be two different axes"));
    }
    let csv = or_usage(a.choice("--format", &[("csv", true), ("json", false)]))?;
    let v = load(&a)?;
    let grid = run_grid(&v, x, y, n, &Cores::default());
    if csv == Some(false) {
        return print_json(&grid);
    }
    print_csv(&grid).map_err(|e| {
        eprintln!("cannot print the result: {e}");
        ExitCode::from(1)
    })
}

fn key_list(keys: &[(&str, Axis)]) -> String {
    let k: Vec<&str> = keys.iter().map(|(k, _)| *k).collect();
    k.join(", ")
}

/// An axis's column: its key, with its unit where the key does not say it.
fn axis_column(a: Axis) -> String {
    match a {
        Axis::ResponseTarget => "response_minutes".into(),
        Axis::Spacing => "spacing_hours".into(),
        Axis::LeadVolume => "leads_percent".into(),
        Axis::Threshold | Axis::SdrHeadcount | Axis::AeHeadcount | Axis::Attempts => a.key().into(),
    }
}

/// The figures' columns, after the two axes'.
pub const SWEEP_COLUMNS: [&str; 10] = [
    "bookings_mean_usd",
    "bookings_p10_usd",
    "bookings_p50_usd",
    "bookings_p90_usd",
    "sla_kept_share",
    "mqls_mean",
    "sqls_mean",
    "sdr_utilisation_share",
    "cost_usd",
    "replications",
];

/// One row a cell, `y` outer (the grid's order).
fn print_csv(g: &Grid) -> Result<(), csv::Error> {
    let mut w = csv::Writer::from_writer(std::io::stdout().lock());
    let mut header = vec![axis_column(g.x), axis_column(g.y)];
    header.extend(SWEEP_COLUMNS.iter().map(|c| (*c).to_string()));
    w.write_record(&header)?;
    for (x, y, f) in &g.cells {
        let figures = [
            *x,
            *y,
            f.bookings.mean,
            f.bookings.p10,
            f.bookings.p50,
            f.bookings.p90,
            f.sla_kept,
            f.mqls.mean,
            f.sqls.mean,
            f.sdr_utilisation,
            f.cost,
        ];
        let mut record: Vec<String> = figures.iter().map(f64::to_string).collect();
        record.push(f.replications.to_string());
        w.write_record(&record)?;
    }
    w.flush()?;
    Ok(())
}
