//! Validation errors: every problem with a field path and a message a user understands.

use std::fmt;

/// One problem with one input field.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FieldError {
    /// Where the problem is, e.g. `channels[2].leads_per_week`.
    pub path: String,
    /// What is wrong, in plain words, e.g. "must be between 0 and 100,000 leads per week".
    pub message: String,
}

impl FieldError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// All the problems found while validating one input, never empty (built by
/// [`ErrorCollector::finish`] or [`ValidationErrors::new`]; an empty list does not parse).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "Vec<FieldError>", into = "Vec<FieldError>")]
pub struct ValidationErrors(Vec<FieldError>);

/// An empty list of field errors is not a validation failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a validation failure lists at least one field error")]
pub struct NoErrors;

impl TryFrom<Vec<FieldError>> for ValidationErrors {
    type Error = NoErrors;
    fn try_from(errors: Vec<FieldError>) -> Result<Self, NoErrors> {
        if errors.is_empty() {
            Err(NoErrors)
        } else {
            Ok(ValidationErrors(errors))
        }
    }
}

impl From<ValidationErrors> for Vec<FieldError> {
    fn from(e: ValidationErrors) -> Self {
        e.0
    }
}

impl ValidationErrors {
    /// One error, and any more.
    pub fn new(first: FieldError, more: impl IntoIterator<Item = FieldError>) -> Self {
        let mut all = vec![first];
        all.extend(more);
        ValidationErrors(all)
    }

    /// Every error, in the order found.
    pub fn errors(&self) -> &[FieldError] {
        &self.0
    }

    /// The errors for one field path, if any.
    pub fn for_path<'a>(&'a self, path: &'a str) -> impl Iterator<Item = &'a FieldError> + 'a {
        self.0.iter().filter(move |e| e.path == path)
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines: Vec<String> = self.0.iter().map(ToString::to_string).collect();
        write!(f, "{}", lines.join("\n"))
    }
}

/// Collects field errors while validating; turns into `Err` only if something was wrong.
#[derive(Debug, Default)]
pub struct ErrorCollector(Vec<FieldError>);

impl ErrorCollector {
    pub fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(FieldError::new(path, message));
    }

    /// Checks that `value` is a finite number in `[min, max]`; records an error otherwise.
    /// `unit` is appended to the message ("must be between 0 and 100,000 leads per week").
    pub fn check_range(&mut self, path: &str, value: f64, min: f64, max: f64, unit: &str) -> f64 {
        if !value.is_finite() || value < min || value > max {
            let unit = match unit {
                "" | "%" => unit.to_string(),
                u => format!(" {u}"),
            };
            let range = format!(
                "between {} and {}{unit}",
                crate::format::plain_number(min),
                crate::format::plain_number(max)
            );
            let message = if value.is_finite() {
                format!(
                    "must be {range} (got {})",
                    crate::format::plain_number(value)
                )
            } else {
                format!("must be a number {range}")
            };
            self.push(path, message);
        }
        value
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Ok(value)` when nothing was recorded, else every recorded error.
    pub fn finish<T>(self, value: T) -> Result<T, ValidationErrors> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(ValidationErrors(self.0))
        }
    }
}
