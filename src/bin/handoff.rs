//! `handoff`: the command-line runner. For now it prints the expected-value funnel of an
//! inputs file (or of the defaults).

use std::process::ExitCode;

use handoff::engine::expected_funnel;
use handoff::model::{ValidWaterfall, WaterfallInputs};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let raw = match args.first() {
        None => WaterfallInputs::default(),
        Some(path) => {
            let text = match std::fs::read_to_string(path) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("cannot read {path}: {e}");
                    return ExitCode::from(2);
                }
            };
            match serde_json::from_str(&text) {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("{path} is not a valid inputs file: {e}");
                    return ExitCode::from(2);
                }
            }
        }
    };
    let valid = match ValidWaterfall::try_from(&raw) {
        Ok(v) => v,
        Err(errs) => {
            for e in errs.0 {
                eprintln!("{e}");
            }
            return ExitCode::from(1);
        }
    };
    match serde_json::to_string_pretty(&expected_funnel(&valid)) {
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
