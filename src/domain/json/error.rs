//! `FormatError`, why a file or a stored value cannot be read and where (a field path, or a line and column), and `kind`, a JSON value's kind for its messages.

use serde_json::Value;

/// Where in a file a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// The file as a whole (its size, its kind).
    File,
    /// A 1-based line and column of the file's text.
    Text { line: usize, column: usize },
    /// A field of the parsed JSON, e.g. `annotations[3].target.start`.
    Field(String),
}

/// Why a file cannot be imported; nothing of it is used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    pub location: Location,
    pub message: String,
}

impl FormatError {
    pub fn file(message: impl Into<String>) -> Self {
        FormatError { location: Location::File, message: message.into() }
    }

    pub fn at(path: impl Into<String>, message: impl Into<String>) -> Self {
        FormatError { location: Location::Field(path.into()), message: message.into() }
    }

    pub fn text(line: usize, column: usize, message: impl Into<String>) -> Self {
        FormatError { location: Location::Text { line, column }, message: message.into() }
    }
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.location {
            Location::File => write!(f, "{}", self.message),
            Location::Text { line, column } => write!(f, "line {line}, column {column}: {}", self.message),
            Location::Field(path) if path.is_empty() => write!(f, "{}", self.message),
            Location::Field(path) => write!(f, "{path}: {}", self.message),
        }
    }
}

/// A value's JSON kind, for messages.
pub fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
