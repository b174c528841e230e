//! Reading untrusted JSON: size, UTF-8, nesting depth and lone surrogates checked before parsing, then a path-tracking walker.

use serde_json::Value;

use crate::domain::json::error::kind;
use time::OffsetDateTime;

use super::{FormatError, Repairs, MAX_FILE_BYTES, MAX_JSON_DEPTH};

/// Parses a file's bytes as JSON. Rejects files over [`MAX_FILE_BYTES`], invalid UTF-8 (with its
/// line and column) and nesting deeper than [`MAX_JSON_DEPTH`]; a leading byte order mark is
/// skipped; lone UTF-16 surrogate escapes, which serde_json refuses, become U+FFFD and are counted.
pub fn parse(bytes: &[u8]) -> Result<(Value, Repairs), FormatError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FormatError::file(format!(
            "the file is {:.1} MB; files up to {} MB can be imported",
            bytes.len() as f64 / (1024.0 * 1024.0),
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_column(bytes, e.valid_up_to());
        FormatError::text(line, column, "the file is not valid UTF-8 text here")
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    crate::domain::text::work::tick(text.len());
    let (repaired, repairs) = prescan(text)?;
    let source = repaired.as_deref().unwrap_or(text);
    let value = serde_json::from_str(source)
        .map_err(|e| FormatError::text(e.line(), e.column(), format!("not valid JSON: {}", strip_position(&e))))?;
    Ok((value, repairs))
}

/// serde_json's message without its own " at line L column C" suffix, which the location carries.
fn strip_position(e: &serde_json::Error) -> String {
    let message = e.to_string();
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message,
    }
}

/// 1-based line and column (in characters) of byte `offset`.
fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let line_start = before.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
    (line, column)
}

/// One pass over the text outside and inside strings: measures nesting depth and finds
/// `\uXXXX` escapes of unpaired surrogates. Returns the text with those escapes replaced by
/// `\uFFFD` (only if there were any) and the count.
fn prescan(text: &str) -> Result<(Option<String>, Repairs), FormatError> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut lone: Vec<usize> = Vec::new(); // byte offsets of the backslash of each lone escape
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i = string_end(bytes, i + 1, &mut lone);
                continue;
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_JSON_DEPTH {
                    let (line, column) = line_column(bytes, i);
                    return Err(FormatError::text(
                        line,
                        column,
                        format!("the JSON is nested more than {MAX_JSON_DEPTH} levels deep"),
                    ));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    let repairs = Repairs { lone_surrogates: lone.len() };
    if lone.is_empty() {
        return Ok((None, repairs));
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for at in lone {
        out.push_str(&text[from..at]);
        out.push_str("\\uFFFD");
        from = at + 6;
    }
    out.push_str(&text[from..]);
    Ok((Some(out), repairs))
}

/// Where the string whose text starts at byte `i` ends (just past its closing quote, or the end
/// of the text), noting the `\\uXXXX` escapes of unpaired surrogates in `lone`.
///
/// Never inlined: most of a file is string text, and V8 switches a wasm function to optimised
/// code only from one call to the next, so one loop over a whole 5 MB file ran unoptimised.
#[inline(never)]
fn string_end(bytes: &[u8], mut i: usize, lone: &mut Vec<usize>) -> usize {
    while i < bytes.len() {
        match bytes[i] {
            b'"' => return i + 1,
            b'\\' if bytes.get(i + 1) == Some(&b'u') => {
                match hex4(bytes, i + 2) {
                    Some(0xD800..=0xDBFF) => {
                        let low = (bytes.get(i + 6) == Some(&b'\\') && bytes.get(i + 7) == Some(&b'u'))
                            .then(|| hex4(bytes, i + 8))
                            .flatten();
                        if matches!(low, Some(0xDC00..=0xDFFF)) {
                            i += 12;
                            continue;
                        }
                        lone.push(i);
                    }
                    Some(0xDC00..=0xDFFF) => lone.push(i),
                    _ => {}
                }
                i += 2;
            }
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
    bytes.len()
}

fn hex4(bytes: &[u8], at: usize) -> Option<u32> {
    let digits = bytes.get(at..at + 4)?;
    let s = std::str::from_utf8(digits).ok()?;
    u32::from_str_radix(s, 16).ok()
}

/// A JSON value with the path that leads to it (e.g. `annotations[3].target`), so every error can say where it is.
pub struct At<'a> {
    pub value: &'a Value,
    pub path: String,
}

impl<'a> At<'a> {
    pub fn root(value: &'a Value) -> Self {
        At { value, path: String::new() }
    }

    pub fn path(&self) -> &str {
        &self.path
    }

    pub fn err(&self, message: impl Into<String>) -> FormatError {
        FormatError::at(self.path.clone(), message)
    }

    /// The member `key`, if present and not null.
    pub fn get(&self, key: &str) -> Option<At<'a>> {
        let value = self.value.as_object()?.get(key)?;
        (!value.is_null()).then(|| At { value, path: join(&self.path, key) })
    }

    /// The member `key`, which must be present.
    pub fn field(&self, key: &str) -> Result<At<'a>, FormatError> {
        self.get(key).ok_or_else(|| FormatError::at(join(&self.path, key), "this field is missing"))
    }

    pub fn str(&self) -> Result<&'a str, FormatError> {
        self.value.as_str().ok_or_else(|| self.err(format!("expected text, found {}", kind(self.value))))
    }

    /// A non-negative whole number.
    pub fn usize(&self) -> Result<usize, FormatError> {
        self.value
            .as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .ok_or_else(|| self.err(format!("expected a whole number of 0 or more, found {}", kind(self.value))))
    }

    /// An RFC 3339 date and time.
    pub fn time(&self) -> Result<OffsetDateTime, FormatError> {
        let s = self.str()?;
        crate::domain::text::rfc3339::parse(s)
            .map(crate::domain::text::rfc3339::settle)
            .ok_or_else(|| self.err(format!("expected a date and time like 2025-03-08T14:05:00Z, found {s:?}")))
    }

    /// An `xsd:dateTime` ([`crate::domain::text::rfc3339::parse_xsd`]): RFC 3339, or without a time zone (UTC).
    pub fn xsd_time(&self) -> Result<OffsetDateTime, FormatError> {
        let s = self.str()?;
        crate::domain::text::rfc3339::parse_xsd(s)
            .map(crate::domain::text::rfc3339::settle)
            .ok_or_else(|| self.err(format!("expected a date and time like 2025-03-08T14:05:00Z, found {s:?}")))
    }

    /// The elements of an array, or the value itself when it is not one: W3C lets one value
    /// stand for a list of one.
    pub fn items(&self) -> Vec<At<'a>> {
        match self.value {
            Value::Array(items) => {
                items.iter().enumerate().map(|(i, value)| At { value, path: format!("{}[{i}]", self.path) }).collect()
            }
            value => vec![At { value, path: self.path.clone() }],
        }
    }

    /// The value itself, which must be an object.
    pub fn object(self) -> Result<At<'a>, FormatError> {
        if self.value.is_object() {
            Ok(self)
        } else {
            Err(self.err(format!("expected an object, found {}", kind(self.value))))
        }
    }

    /// The elements of a value that must be an array.
    pub fn array(&self) -> Result<Vec<At<'a>>, FormatError> {
        if !self.value.is_array() {
            return Err(self.err(format!("expected a list, found {}", kind(self.value))));
        }
        Ok(self.items())
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}
