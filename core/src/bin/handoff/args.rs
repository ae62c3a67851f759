//! A command's arguments: one scenario file and `--name value` options or `--name`
//! switches. Problems come back as the sentence to print above the usage.

use std::str::FromStr;

use handoff_core::format::count;
use handoff_core::model::Param;

/// Replications of each variant the planning commands run unless told otherwise.
pub const DEFAULT_REPLICATIONS: usize = 100;

/// Arguments as given (a later `--name` wins over an earlier one).
#[derive(Debug, Default)]
pub struct Args {
    path: Option<String>,
    /// `(name, value)`; the value is `None` when the arguments ended first.
    values: Vec<(String, Option<String>)>,
    switches: Vec<String>,
}

impl Args {
    /// Reads `args` for a command that takes the `options` (each with a value) and the
    /// `switches`; `-n` is short for `--replications`.
    pub fn parse(args: &[String], options: &[&str], switches: &[&str]) -> Result<Args, String> {
        let mut out = Args::default();
        let mut it = args.iter();
        while let Some(a) = it.next() {
            let name = if a == "-n" { "--replications" } else { a };
            if options.contains(&name) {
                out.values.push((name.to_string(), it.next().cloned()));
            } else if switches.contains(&name) {
                out.switches.push(name.to_string());
            } else if out.path.is_none() && !a.starts_with("--") {
                out.path = Some(a.clone());
            } else {
                return Err(format!("unexpected argument {a}"));
            }
        }
        Ok(out)
    }

    /// The scenario file.
    pub fn path(&self) -> Result<&str, String> {
        self.path
            .as_deref()
            .ok_or_else(|| "give a scenario file (see `handoff preset baseline`)".to_string())
    }

    pub fn switch(&self, name: &str) -> bool {
        self.switches.iter().any(|s| s == name)
    }

    /// The last value given for `name`: `None` when not given, `Some(None)` when the
    /// arguments ended before its value.
    fn raw(&self, name: &str) -> Option<Option<&str>> {
        self.values
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_deref())
    }

    /// The value of `name` read as a `T` (`what` says what it must be: "a number").
    pub fn number<T: FromStr>(&self, name: &str, what: &str) -> Result<Option<T>, String> {
        match self.raw(name) {
            None => Ok(None),
            Some(None) => Err(format!("{name} needs {what}")),
            Some(Some(v)) => v
                .parse()
                .map(Some)
                .map_err(|_| format!("{name} needs {what} (got {v})")),
        }
    }

    /// The value of `name`, one of `choices` (named by their keys in the message).
    pub fn choice<T: Copy>(&self, name: &str, choices: &[(&str, T)]) -> Result<Option<T>, String> {
        let Some(given) = self.raw(name) else {
            return Ok(None);
        };
        let found = given.and_then(|v| choices.iter().find(|(k, _)| *k == v));
        match found {
            Some((_, x)) => Ok(Some(*x)),
            None => {
                let keys: Vec<&str> = choices.iter().map(|(k, _)| *k).collect();
                let got = given.map(|v| format!(" (got {v})")).unwrap_or_default();
                Err(format!("{name} is one of: {}{got}", keys.join(", ")))
            }
        }
    }

    /// `--replications`: a whole number within the range a scenario's own replications
    /// take ([`DEFAULT_REPLICATIONS`] when not given).
    pub fn replications(&self) -> Result<usize, String> {
        let most = Param::Replications.spec().max as usize;
        let what = format!("a whole number from 1 to {}", count(most as f64));
        match self.number::<usize>("--replications", &what)? {
            None => Ok(DEFAULT_REPLICATIONS),
            Some(n) if (1..=most).contains(&n) => Ok(n),
            Some(n) => Err(format!("--replications needs {what} (got {n})")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Args, String> {
        let args: Vec<String> = args.iter().map(|a| (*a).to_string()).collect();
        Args::parse(&args, &["--replications", "--format"], &["--diagnose"])
    }

    #[test]
    fn options_switches_and_the_path() {
        let a = parse(&["b.json", "-n", "20", "--diagnose", "--format", "csv"]).expect("parses");
        assert_eq!(a.path(), Ok("b.json"));
        assert_eq!(a.replications(), Ok(20));
        assert!(a.switch("--diagnose"));
        assert_eq!(
            a.choice("--format", &[("json", 1), ("csv", 2)]),
            Ok(Some(2))
        );
        assert_eq!(a.choice("--missing", &[("x", 1)]), Ok(None));
    }

    #[test]
    fn problems_are_named() {
        assert_eq!(
            parse(&["a.json", "b.json"]).map(|_| ()),
            Err("unexpected argument b.json".to_string())
        );
        let a = parse(&["b.json", "--format", "xml", "--replications", "0"]).expect("parses");
        assert_eq!(
            a.choice("--format", &[("json", 1), ("csv", 2)]),
            Err("--format is one of: json, csv (got xml)".to_string())
        );
        assert!(a
            .replications()
            .is_err_and(|e| e.contains("from 1 to 2,000")));
        let a = parse(&["--replications"]).expect("parses");
        assert!(a.path().is_err());
        assert_eq!(
            a.replications(),
            Err("--replications needs a whole number from 1 to 2,000".to_string())
        );
        assert_eq!(
            parse(&[]).expect("parses").replications(),
            Ok(DEFAULT_REPLICATIONS)
        );
    }
}
