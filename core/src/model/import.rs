//! Scenario files: export as JSON and import from JSON a user picked or pasted.
//!
//! A file is the stored envelope of [`super::stored`] plus an `app` tag:
//! `{"app": "handoff", "version": 2, "scenario": {…}}`, so `stored::read` reads it too and
//! older formats migrate the same way. Import also takes the stored envelope without `app`
//! and, for convenience, a bare scenario object. Anything else is refused with a reason:
//! nothing silently becomes the defaults. A scenario that comes back is always valid.
//!
//! [`scenario_from_json`] is the shared checker: share links use it after unpacking.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

use super::errors::ValidationErrors;
use super::scenario::{Scenario, ValidScenario};
use super::stored::{self, StoredError, STORED_VERSION};
use super::waterfall::WaterfallInputs;

/// The `app` tag of a Handoff file.
pub const APP: &str = "handoff";
/// Largest file accepted, in bytes (a scenario is a few kilobytes).
pub const MAX_FILE_BYTES: usize = 1 << 20;

/// Scenario keys too generic to tell a scenario from another tool's JSON on their own.
const GENERIC_KEYS: [&str; 4] = ["version", "name", "story", "sources"];

/// Why a file (or a link's content) could not be turned into a valid scenario.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is too large ({0} bytes); a scenario file has at most {mib} MiB", mib = MAX_FILE_BYTES >> 20)]
    TooLarge(usize),
    #[error("this is not a JSON file, so not a Handoff scenario: {message} at line {line}, column {column}")]
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("the file ends early; it may have been cut short")]
    Truncated,
    #[error("this is JSON but not a Handoff scenario: {0}")]
    NotAScenario(String),
    #[error("the file was saved by a newer version of Handoff (format {0}); this version reads formats up to {STORED_VERSION}")]
    Newer(u32),
    #[error(
        "the format version (\"version\") is missing; Handoff writes formats 1 to {STORED_VERSION}"
    )]
    MissingVersion,
    #[error("format {0} is not a Handoff format; Handoff writes formats 1 to {STORED_VERSION}")]
    UnknownVersion(u32),
    #[error("{} has the wrong type: {message}", place(path))]
    WrongType { path: String, message: String },
    #[error("the scenario has values that are not allowed:\n{0}")]
    Invalid(ValidationErrors),
    #[error("the scenario has {} Handoff does not know: {}; check the spelling (nothing was changed)", if .0.len() == 1 { "a field" } else { "fields" }, .0.join(", "))]
    UnknownFields(Vec<String>),
    #[error("the scenario could not be written as JSON: {0}")]
    Export(String),
}

fn place(path: &str) -> &str {
    if path.is_empty() {
        "the scenario"
    } else {
        path
    }
}

/// The file envelope, also the content of a share link.
#[derive(Debug, Serialize)]
pub(crate) struct Envelope<'a> {
    app: &'static str,
    version: u32,
    scenario: &'a Scenario,
}

impl<'a> Envelope<'a> {
    /// The current envelope around `scenario`.
    pub(crate) fn new(scenario: &'a Scenario) -> Self {
        Self {
            app: APP,
            version: STORED_VERSION,
            scenario,
        }
    }
}

/// The scenario as a pretty-printed JSON file (the envelope with `app` and `version`).
pub fn export_json(s: &Scenario) -> Result<String, ImportError> {
    serde_json::to_string_pretty(&Envelope::new(s)).map_err(|e| ImportError::Export(e.to_string()))
}

/// Reads a scenario file: the exported file, the stored envelope (any known version) or a
/// bare scenario object. On `Ok` the scenario passes [`ValidScenario::try_from`].
pub fn import_json(text: &str) -> Result<Scenario, ImportError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge(text.len()));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let json: Value = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Eof => ImportError::Truncated,
        _ => {
            let full = e.to_string();
            let position = format!(" at line {} column {}", e.line(), e.column());
            ImportError::NotJson {
                line: e.line(),
                column: e.column(),
                message: full.strip_suffix(&position).unwrap_or(&full).to_string(),
            }
        }
    })?;
    scenario_from_json(&json)
}

/// Turns parsed JSON (a file's or a link's content) into a valid scenario: recognises the
/// shape, refuses newer formats, migrates older ones (through [`stored::read`]), points at
/// fields of the wrong type and validates.
pub fn scenario_from_json(json: &Value) -> Result<Scenario, ImportError> {
    let not_a_scenario = ImportError::NotAScenario;
    let obj = json
        .as_object()
        .ok_or_else(|| not_a_scenario(format!("it is {}, not an object", kind(json))))?;
    if let Some(app) = obj.get("app") {
        if app.as_str() != Some(APP) {
            return Err(not_a_scenario(format!(
                "it was written by another program (\"app\": {})",
                short(app)
            )));
        }
    }
    let known = scenario_keys();
    let scenario =
        if obj.contains_key("app") || obj.contains_key("scenario") || obj.contains_key("inputs") {
            from_envelope(obj, json)?
        } else if obj
            .keys()
            .any(|k| !GENERIC_KEYS.contains(&k.as_str()) && known.contains(k))
        {
            refuse_unknown(json)?;
            serde_json::from_value(json.clone())
                .map_err(|e| wrong_type::<Scenario>(json, "", &e.to_string()))?
        } else {
            return Err(not_a_scenario(
                "it has none of the fields of a scenario (such as \"channels\" or \"sdr\")".into(),
            ));
        };
    ValidScenario::try_from(&scenario).map_err(ImportError::Invalid)?;
    Ok(scenario)
}

/// Refuses a scenario with fields the current format does not have (a typo such as
/// `"headcont"` would otherwise silently take the default), naming each by its path.
fn refuse_unknown(section: &Value) -> Result<(), ImportError> {
    let mut unknown = Vec::new();
    let parsed: Result<Scenario, _> = serde_ignored::deserialize(section, |path| {
        unknown.push(field_path(&path));
    });
    match parsed {
        Ok(_) if !unknown.is_empty() => Err(ImportError::UnknownFields(unknown)),
        // Wrong types are reported by the reader that follows, with their own message.
        _ => Ok(()),
    }
}

/// A path as the field paths of validation errors write it: `channels[2].name`.
pub(crate) fn field_path(path: &serde_ignored::Path) -> String {
    use serde_ignored::Path;
    match path {
        Path::Root => String::new(),
        Path::Seq { parent, index } => format!("{}[{index}]", field_path(parent)),
        Path::Map { parent, key } => {
            let head = field_path(parent);
            if head.is_empty() {
                key.clone()
            } else {
                format!("{head}.{key}")
            }
        }
        Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => field_path(parent),
    }
}

/// The top-level keys of a scenario, from the type itself.
fn scenario_keys() -> Vec<String> {
    match serde_json::to_value(Scenario::default()) {
        Ok(Value::Object(m)) => m.into_iter().map(|(k, _)| k).collect(),
        _ => Vec::new(),
    }
}

fn from_envelope(obj: &Map<String, Value>, json: &Value) -> Result<Scenario, ImportError> {
    let version = match obj.get("version") {
        None => return Err(ImportError::MissingVersion),
        Some(v) => v
            .as_u64()
            .map(|n| u32::try_from(n).unwrap_or(u32::MAX))
            .ok_or_else(|| ImportError::WrongType {
                path: "version".into(),
                message: format!("expected a whole number, found {}", short(v)),
            })?,
    };
    if version > STORED_VERSION {
        return Err(ImportError::Newer(version));
    }
    // Format 1 kept the expected-value funnel's inputs; later formats keep the scenario.
    let (key, path) = if version == 1 {
        ("inputs", "inputs")
    } else {
        ("scenario", "")
    };
    let section = obj.get(key).ok_or_else(|| {
        ImportError::NotAScenario(format!(
            "it has no \"{key}\", where format {version} keeps the scenario"
        ))
    })?;
    if !section.is_object() {
        return Err(ImportError::WrongType {
            path: path.into(),
            message: format!("expected an object, found {}", kind(section)),
        });
    }
    if version == STORED_VERSION {
        refuse_unknown(section)?;
    }
    stored::read(&json.to_string()).map_err(|e| match e {
        StoredError::Newer(v) => ImportError::Newer(v),
        StoredError::Unreadable(why) => match version {
            1 => wrong_type::<WaterfallInputs>(section, path, &why),
            STORED_VERSION => wrong_type::<Scenario>(section, path, &why),
            v => ImportError::UnknownVersion(v),
        },
    })
}

/// A [`ImportError::WrongType`] at the deepest place in `section` that alone reproduces
/// the error of reading it as a `T` (`prefix` names the section); `fallback` otherwise.
fn wrong_type<T: DeserializeOwned>(section: &Value, prefix: &str, fallback: &str) -> ImportError {
    match locate::<T>(section) {
        Some((path, message)) => ImportError::WrongType {
            path: join_path(prefix, &path),
            message: plain_serde(&message),
        },
        None => ImportError::WrongType {
            path: prefix.into(),
            message: plain_serde(fallback),
        },
    }
}

#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Index(usize),
}

/// `root` cut down to the single branch `steps` (sibling keys and elements dropped), with
/// `end` in place of the value at its end.
fn branch(root: &Value, steps: &[Step], end: &Value) -> Value {
    match (steps.split_first(), root) {
        (None, _) => end.clone(),
        (Some((Step::Key(k), rest)), Value::Object(m)) => {
            let child = m.get(k).map_or(Value::Null, |c| branch(c, rest, end));
            Value::Object(Map::from_iter([(k.clone(), child)]))
        }
        (Some((Step::Index(i), rest)), Value::Array(a)) => Value::Array(
            a.get(*i)
                .map(|c| branch(c, rest, end))
                .into_iter()
                .collect(),
        ),
        _ => Value::Null,
    }
}

/// Where reading `root` as a `T` fails. From the top, descends into the child whose branch
/// alone gives the same error (every scenario section has defaults, so dropping siblings
/// changes nothing else), unless the node emptied (`{}`, `[]`) still gives it: then the
/// node itself has the wrong type. `None` if `root` reads fine.
fn locate<T: DeserializeOwned>(root: &Value) -> Option<(String, String)> {
    let error = |v: Value| serde_json::from_value::<T>(v).err().map(|e| e.to_string());
    let message = error(root.clone())?;
    let same =
        |steps: &[Step], end: &Value| error(branch(root, steps, end)).as_ref() == Some(&message);
    let mut steps: Vec<Step> = Vec::new();
    let mut node = root;
    loop {
        let (empty, children): (Value, Vec<(Step, &Value)>) = match node {
            Value::Object(m) => (
                Value::Object(Map::new()),
                m.iter().map(|(k, v)| (Step::Key(k.clone()), v)).collect(),
            ),
            Value::Array(a) => (
                Value::Array(Vec::new()),
                a.iter()
                    .enumerate()
                    .map(|(i, v)| (Step::Index(i), v))
                    .collect(),
            ),
            _ => break,
        };
        if same(&steps, &empty) {
            break;
        }
        let next = children.into_iter().find(|(step, child)| {
            let mut trial = steps.clone();
            trial.push(step.clone());
            same(&trial, child)
        });
        match next {
            Some((step, child)) => {
                steps.push(step);
                node = child;
            }
            None => break,
        }
    }
    let path = steps.iter().fold(String::new(), |path, step| match step {
        Step::Key(k) => join_path(&path, k),
        Step::Index(i) => format!("{path}[{i}]"),
    });
    Some((path, message))
}

fn join_path(prefix: &str, rest: &str) -> String {
    match (prefix.is_empty(), rest.is_empty()) {
        (true, _) => rest.to_string(),
        (false, true) => prefix.to_string(),
        (false, false) => format!("{prefix}.{rest}"),
    }
}

/// serde's type names in plain words ("expected f64" -> "expected a number").
fn plain_serde(message: &str) -> String {
    let mut m = message
        .replace("expected f64", "expected a number")
        .replace("expected u64", "expected a whole number (0 or more)")
        .replace("expected u32", "expected a whole number (0 or more)")
        .replace("expected a sequence", "expected a list");
    if let Some(at) = m.find("expected struct ") {
        m.truncate(at);
        m.push_str("expected an object");
    }
    cut(&m, 200)
}

/// A JSON value as short text for a message.
fn short(v: &Value) -> String {
    cut(&v.to_string(), 40)
}

/// `text`, or when it is longer than `max` characters its start and end around an ellipsis
/// (a message keeps serde's "expected …" tail even when the value quoted is huge).
fn cut(text: &str, max: usize) -> String {
    let n = text.chars().count();
    if n <= max {
        return text.to_string();
    }
    let tail = max / 3;
    let head: String = text.chars().take(max - tail).collect();
    let end: String = text.chars().skip(n - tail).collect();
    format!("{head}…{end}")
}

/// What a JSON value is, in plain words.
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a piece of text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
