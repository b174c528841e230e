//! The reading half of Marginalia's own JSON: a parsed `serde_json::Value` walked with its path, and strict field readers the per-type readers beside their writers are made of.
//!
//! Every JSON the app reads goes through serde_json's one `Value` parser and hand-written
//! readers; serde's derived visitors (one parser copy per type, about 40 KB of wasm) are gone.
//! The readers are strict: a field with a default may be missing, but when present it must have
//! its type (`null` stands for "none" only in optional fields); unknown fields are ignored.
//! `lenient` readers (files from elsewhere: packs) treat `null` as missing, like the import readers.

use serde_json::Value;
use time::OffsetDateTime;

use super::error::{kind, FormatError};

/// Parses `text` as JSON, or says why it is not (serde_json's message, with line and column).
pub fn parse(text: &str) -> Result<Value, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// A JSON value and how it was reached. The path (`annotation.target.start`) is spelled out
/// only for an error, so reading a value allocates nothing per field.
#[derive(Clone, Copy)]
pub struct Node<'a> {
    pub value: &'a Value,
    parent: Option<&'a Node<'a>>,
    step: Step<'a>,
}

#[derive(Clone, Copy)]
enum Step<'a> {
    Root(&'a str),
    Key(&'a str),
    Index(usize),
}

impl<'a> Node<'a> {
    /// The whole document.
    pub fn root(value: &'a Value) -> Self {
        Node { value, parent: None, step: Step::Root("") }
    }

    /// A value an import format reached by `path` (`annotations[3]`).
    pub fn with_path(value: &'a Value, path: &'a str) -> Self {
        Node { value, parent: None, step: Step::Root(path) }
    }

    /// Where this value is, as the import formats write it: `annotations[3].target.start`.
    pub fn path(&self) -> String {
        let mut steps = vec![self.step];
        let mut node = self;
        while let Some(parent) = node.parent {
            steps.push(parent.step);
            node = parent;
        }
        let mut path = String::new();
        for step in steps.into_iter().rev() {
            match step {
                Step::Root(root) => path.push_str(root),
                Step::Key(key) if path.is_empty() => path.push_str(key),
                Step::Key(key) => {
                    path.push('.');
                    path.push_str(key);
                }
                Step::Index(i) => path.push_str(&format!("[{i}]")),
            }
        }
        path
    }

    pub fn err(&self, message: impl Into<String>) -> FormatError {
        FormatError::at(self.path(), message)
    }

    pub fn expected(&self, what: &str) -> FormatError {
        self.err(format!("expected {what}, found {}", kind(self.value)))
    }

    /// The member `key`, even when it is `null`; `None` when it is missing or this is no object.
    pub fn member<'b>(&'b self, key: &'b str) -> Option<Node<'b>> {
        let value = self.value.as_object()?.get(key)?;
        Some(Node { value, parent: Some(self), step: Step::Key(key) })
    }

    pub fn str(&self) -> Result<&'a str, FormatError> {
        self.value.as_str().ok_or_else(|| self.expected("text"))
    }

    /// A non-negative whole number.
    pub fn usize(&self) -> Result<usize, FormatError> {
        self.value
            .as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .ok_or_else(|| self.expected("a whole number of 0 or more"))
    }

    /// A whole number from 0 to `u32::MAX`.
    pub fn u32(&self) -> Result<u32, FormatError> {
        u32::try_from(self.usize()?).map_err(|_| self.err("the number is too large"))
    }

    /// An RFC 3339 date and time.
    pub fn time(&self) -> Result<OffsetDateTime, FormatError> {
        let s = self.str()?;
        crate::domain::text::rfc3339::parse(s)
            .map(crate::domain::text::rfc3339::settle)
            .ok_or_else(|| self.err(format!("expected a date and time like 2025-03-08T14:05:00Z, found {s:?}")))
    }

    pub fn bool(&self) -> Result<bool, FormatError> {
        self.value.as_bool().ok_or_else(|| self.expected("true or false"))
    }

    /// Reads every element of this array with `read`.
    pub fn list<T>(&self, read: impl Fn(&Node) -> Result<T, FormatError>) -> Result<Vec<T>, FormatError> {
        let items = self.value.as_array().ok_or_else(|| self.expected("a list"))?;
        items
            .iter()
            .enumerate()
            .map(|(i, value)| read(&Node { value, parent: Some(self), step: Step::Index(i) }))
            .collect()
    }
}

/// The member `key`, which must be present (and may be `null` only where the caller allows it).
pub fn required<'b>(node: &'b Node, key: &'b str) -> Result<Node<'b>, FormatError> {
    present(node, key, false)
}

/// The member `key`, which must be present; `null` counts as missing when `lenient`.
pub fn present<'b>(node: &'b Node, key: &'b str, lenient: bool) -> Result<Node<'b>, FormatError> {
    if !node.value.is_object() {
        return Err(node.expected("an object"));
    }
    match node.member(key).filter(|v| !(lenient && v.value.is_null())) {
        Some(member) => Ok(member),
        None => {
            Err(Node { value: &Value::Null, parent: Some(node), step: Step::Key(key) }.err("this field is missing"))
        }
    }
}

/// The text in `key`, which must be present.
pub fn string(node: &Node, key: &str) -> Result<String, FormatError> {
    Ok(required(node, key)?.str()?.to_string())
}

/// The text in `key`; empty when the field is missing (or `null`, when `lenient`).
pub fn defaulted_string(node: &Node, key: &str, lenient: bool) -> Result<String, FormatError> {
    let value = node.member(key).filter(|v| !(lenient && v.value.is_null()));
    Ok(value.map(|v| v.str().map(str::to_string)).transpose()?.unwrap_or_default())
}

/// The text in `key`; `None` when the field is missing or `null`.
pub fn optional_string(node: &Node, key: &str) -> Result<Option<String>, FormatError> {
    node.member(key).filter(|v| !v.value.is_null()).map(|v| v.str().map(str::to_string)).transpose()
}

/// Reads every element of the array `key`, which must be present, with `read`.
pub fn list<T>(node: &Node, key: &str, read: impl Fn(&Node) -> Result<T, FormatError>) -> Result<Vec<T>, FormatError> {
    required(node, key)?.list(read)
}

/// The RFC 3339 date and time in `key`, which must be present.
pub fn time(node: &Node, key: &str) -> Result<OffsetDateTime, FormatError> {
    required(node, key)?.time()
}

/// `true` or `false` in `key`, which must be present.
pub fn bool(node: &Node, key: &str) -> Result<bool, FormatError> {
    required(node, key)?.bool()
}

/// `true` or `false` in `key`; `false` when the field is missing.
pub fn flag(node: &Node, key: &str) -> Result<bool, FormatError> {
    Ok(node.member(key).map(|v| v.bool()).transpose()?.unwrap_or(false))
}

/// The value named by the text at `node`, one of `names`.
pub fn one_of<T: Copy>(node: &Node, names: &[(&str, T)]) -> Result<T, FormatError> {
    let text = node.str()?;
    names.iter().find(|(name, _)| *name == text).map(|(_, value)| *value).ok_or_else(|| {
        let expected: Vec<&str> = names.iter().map(|(name, _)| *name).collect();
        let (last, rest) = expected.split_last().unwrap_or((&"", &[]));
        node.err(format!("expected {} or {last}, found {text:?}", rest.join(", ")))
    })
}
