//! `handoff`: the command-line runner.
//!
//! ```text
//! handoff run scenario.json [--replications N] [--seed S] [--format json|table] [--diagnose]
//! handoff tornado scenario.json [--replications N] [--format json|table]
//! handoff sweep scenario.json --x AXIS --y AXIS [--replications N] [--format csv|json]
//! handoff goal scenario.json --bookings X --lever leads|sdrs|aes|threshold [--probability Q]
//!              [--replications N] [--format json]
//! handoff design scenario.json [--kept Q] [--objective bookings|margin] [--extra-heads N]
//!                [--replications N] [--format json]
//! handoff preset NAME      print a preset's scenario JSON
//! handoff presets          list the presets
//! ```
//!
//! `tornado`, `sweep`, `goal` and `design` are the planning views of
//! [`handoff_core::analysis::plan`]: each runs scenario variants with the same replication indices
//! (100 a variant unless `--replications` says otherwise), on every core.

mod args;
#[cfg(not(target_arch = "wasm32"))]
mod parallel;
mod plan;
mod run;
mod views;

use std::process::ExitCode;

use handoff_core::model::{import_json, Preset, Scenario, ValidScenario, PRESET_NAMES};

const USAGE: &str = "usage:
  handoff run scenario.json [--replications N] [--seed S] [--format json|table] [--diagnose]
  handoff tornado scenario.json [--replications N] [--format json|table]
  handoff sweep scenario.json --x AXIS --y AXIS [--replications N] [--format csv|json]
  handoff goal scenario.json --bookings X --lever leads|sdrs|aes|threshold [--probability Q]
               [--replications N] [--format json]
  handoff design scenario.json [--kept Q] [--objective bookings|margin] [--extra-heads N]
                 [--replications N] [--format json]
  handoff preset NAME
  handoff presets
AXIS is one of threshold, sdrs, aes, response (minutes), attempts, leads (% of today's),
spacing (hours). tornado, sweep, goal and design run N replications of each variant
(default 100) on every core; Q is a share from 0 to 1 (goal: default 0.8; design: 0.5 to
0.99, default 0.9); --extra-heads is 0 to 4 (default 0).";

/// A command's end: `Err` carries the exit code, with what went wrong already on stderr.
type Done = Result<(), ExitCode>;

/// The runner of the planning commands: every core. (A wasm32 build of this binary, made
/// only by `cargo clippy --target wasm32-unknown-unknown --all-targets`, runs serially.)
#[cfg(not(target_arch = "wasm32"))]
type Cores = parallel::Parallel;
#[cfg(target_arch = "wasm32")]
type Cores = handoff_core::analysis::plan::Serial;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or_default();
    let done = match args.first().map(String::as_str) {
        Some("presets") => {
            for p in Preset::ALL {
                println!("{:<20} {}", p.name(), p.scenario().name);
            }
            Ok(())
        }
        Some("preset") => match args.get(1).and_then(|n| Preset::from_name(n)) {
            Some(p) => print_json(&p.scenario()),
            None => {
                eprintln!("unknown preset; one of: {}", PRESET_NAMES.join(", "));
                Err(ExitCode::from(2))
            }
        },
        Some("run") => run::run_cmd(rest),
        Some("tornado") => views::tornado_cmd(rest),
        Some("sweep") => views::sweep_cmd(rest),
        Some("goal") => plan::goal_cmd(rest),
        Some("design") => plan::design_cmd(rest),
        _ => {
            eprintln!("{USAGE}");
            Err(ExitCode::from(2))
        }
    };
    match done {
        Ok(()) => ExitCode::SUCCESS,
        Err(code) => code,
    }
}

fn print_json<T: serde::Serialize>(v: &T) -> Done {
    match serde_json::to_string_pretty(v) {
        Ok(json) => {
            println!("{json}");
            Ok(())
        }
        Err(e) => {
            eprintln!("cannot print the result: {e}");
            Err(ExitCode::from(1))
        }
    }
}

/// Says what is wrong with the command line, then how to use it (exit code 2).
fn usage_error(msg: &str) -> ExitCode {
    eprintln!("{msg}\n{USAGE}");
    ExitCode::from(2)
}

/// Reads a scenario file with the app's own reader: exported files and bare scenarios,
/// unknown fields named. An unreadable file is exit code 2, an invalid one 1.
fn read_scenario(path: &str) -> Result<Scenario, ExitCode> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        eprintln!("cannot read {path}: {e}");
        ExitCode::from(2)
    })?;
    import_json(&text).map_err(|e| {
        eprintln!("{path} is not a valid scenario file: {e}");
        ExitCode::from(1)
    })
}

/// A problem with the command line as a usage error (exit code 2).
fn or_usage<T>(r: Result<T, String>) -> Result<T, ExitCode> {
    r.map_err(|m| usage_error(&m))
}

/// The scenario file the arguments name, read and validated.
fn load(a: &args::Args) -> Result<ValidScenario, ExitCode> {
    let path = or_usage(a.path())?;
    validate(&read_scenario(path)?)
}

/// Validates a scenario, printing every problem with its path (exit code 1).
fn validate(scenario: &Scenario) -> Result<ValidScenario, ExitCode> {
    ValidScenario::try_from(scenario).map_err(|errs| {
        for e in errs.errors() {
            eprintln!("{e}");
        }
        ExitCode::from(1)
    })
}

#[cfg(test)]
mod tests {
    use handoff_core::analysis::plan::goal::GoalLever;
    use handoff_core::analysis::plan::sweep::Axis;

    use super::USAGE;

    #[test]
    fn the_usage_names_every_axis_and_lever() {
        for a in Axis::ALL {
            assert!(USAGE.contains(a.key()), "{a:?}");
        }
        for l in GoalLever::ALL {
            assert!(USAGE.contains(l.key()), "{l:?}");
        }
    }
}
