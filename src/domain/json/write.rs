//! The writing half of Marginalia's own JSON: `JsonOut`, which writes values, arrays and objects in order exactly as `serde_json` formats them, without serde's per-type serialiser code.
//!
//! Compact output is `serde_json::to_string`'s, pretty output `to_string_pretty`'s (two spaces,
//! `"key": value`, `[]` and `{}` when empty); strings are escaped as serde_json escapes them
//! (`tests/json_out.rs` checks it on any `Value`). Each stored type's writer sits beside its reader.

use serde_json::Value;
use time::OffsetDateTime;

/// A JSON text being written: values, arrays and objects in order, commas and indentation added.
pub struct JsonOut {
    out: String,
    pretty: bool,
    /// One entry per open array or object: whether it has an element yet.
    open: Vec<bool>,
    /// A key was just written, so the next value needs no separator.
    after_key: bool,
    /// A value could not be written (a time outside RFC 3339); the whole text is then empty, as serde_json's error was.
    failed: bool,
}

impl JsonOut {
    /// A compact writer, as `serde_json::to_string`.
    pub fn compact() -> Self {
        JsonOut { out: String::new(), pretty: false, open: Vec::new(), after_key: false, failed: false }
    }

    /// An indenting writer, as `serde_json::to_string_pretty`.
    pub fn pretty() -> Self {
        JsonOut { pretty: true, ..JsonOut::compact() }
    }

    /// Reserves room for `bytes` more of output, so a large file is not copied as it grows.
    pub fn reserve(&mut self, bytes: usize) -> &mut Self {
        self.out.reserve(bytes);
        self
    }

    /// The text written, or an empty text if a value could not be written.
    pub fn finish(self) -> String {
        if self.failed {
            String::new()
        } else {
            self.out
        }
    }

    fn separate(&mut self) {
        if std::mem::take(&mut self.after_key) {
            return;
        }
        if let Some(has_element) = self.open.last_mut() {
            if *has_element {
                self.out.push(',');
            }
            *has_element = true;
            if self.pretty {
                self.newline();
            }
        }
    }

    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.open.len() {
            self.out.push_str("  ");
        }
    }

    fn open(&mut self, bracket: char) -> &mut Self {
        self.separate();
        self.out.push(bracket);
        self.open.push(false);
        self
    }

    fn close(&mut self, bracket: char) -> &mut Self {
        if self.open.pop() == Some(true) && self.pretty {
            self.newline();
        }
        self.out.push(bracket);
        self
    }

    pub fn begin_object(&mut self) -> &mut Self {
        self.open('{')
    }

    pub fn end_object(&mut self) -> &mut Self {
        self.close('}')
    }

    pub fn begin_array(&mut self) -> &mut Self {
        self.open('[')
    }

    pub fn end_array(&mut self) -> &mut Self {
        self.close(']')
    }

    /// The key of the next member of the open object.
    pub fn key(&mut self, key: &str) -> &mut Self {
        self.separate();
        self.quote(key);
        self.out.push_str(if self.pretty { ": " } else { ":" });
        self.after_key = true;
        self
    }

    pub fn str(&mut self, text: &str) -> &mut Self {
        self.separate();
        self.quote(text);
        self
    }

    pub fn num(&mut self, n: u64) -> &mut Self {
        self.literal(&n.to_string())
    }

    pub fn bool(&mut self, b: bool) -> &mut Self {
        self.literal(if b { "true" } else { "false" })
    }

    /// Any JSON value; object members in the map's order (by key, as serde_json keeps them).
    pub fn value(&mut self, value: &Value) -> &mut Self {
        match value {
            Value::Null => self.literal("null"),
            Value::Bool(b) => self.bool(*b),
            Value::Number(n) => self.literal(&n.to_string()),
            Value::String(s) => self.str(s),
            Value::Array(items) => {
                self.begin_array();
                for item in items {
                    self.value(item);
                }
                self.end_array()
            }
            Value::Object(members) => {
                self.begin_object();
                for (key, member) in members {
                    self.key(key).value(member);
                }
                self.end_object()
            }
        }
    }

    /// Text, or `null` for `None`.
    pub fn opt_str(&mut self, text: Option<&str>) -> &mut Self {
        match text {
            Some(text) => self.str(text),
            None => self.literal("null"),
        }
    }

    fn literal(&mut self, text: &str) -> &mut Self {
        self.separate();
        self.out.push_str(text);
        self
    }

    /// An RFC 3339 time; one that RFC 3339 cannot express makes the whole text empty.
    pub fn time(&mut self, at: OffsetDateTime) -> &mut Self {
        // Straight into the output (RFC 3339 needs no escaping); a time it cannot hold fails the
        // whole value, as serde's error did.
        self.separate();
        self.out.push('"');
        if !crate::domain::text::rfc3339::write(&mut self.out, at) {
            self.failed = true;
        }
        self.out.push('"');
        self
    }

    /// `"key": "text"`.
    pub fn str_field(&mut self, key: &str, text: &str) -> &mut Self {
        self.key(key).str(text)
    }

    /// `"key": n`.
    pub fn num_field(&mut self, key: &str, n: u64) -> &mut Self {
        self.key(key).num(n)
    }

    /// Writes `text` as a JSON string, escaping as serde_json does.
    fn quote(&mut self, text: &str) {
        self.out.push('"');
        let mut from = 0;
        for (i, b) in text.bytes().enumerate() {
            let escape = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0x08 => "\\b",
                0x0c => "\\f",
                0..=0x1f => "",
                _ => continue,
            };
            self.out.push_str(&text[from..i]);
            if escape.is_empty() {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.out.push_str("\\u00");
                self.out.push(HEX[usize::from(b >> 4)] as char);
                self.out.push(HEX[usize::from(b & 0xf)] as char);
            } else {
                self.out.push_str(escape);
            }
            from = i + 1;
        }
        self.out.push_str(&text[from..]);
        self.out.push('"');
    }
}

/// A JSON value as `serde_json::to_string_pretty` writes it.
pub fn pretty_text(value: &Value) -> String {
    let mut w = JsonOut::pretty();
    w.value(value);
    w.finish()
}

/// A JSON value as `serde_json::to_string` (and `Value`'s `Display`) writes it.
pub fn compact_text(value: &Value) -> String {
    let mut w = JsonOut::compact();
    w.value(value);
    w.finish()
}
