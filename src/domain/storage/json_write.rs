//! Writes Marginalia's own JSON (stored values, the JSON export, packs, the eviction marker) byte for byte as `serde_json` wrote it from the derived `Serialize`, without its per-type serialiser code.
//!
//! Compact output is `serde_json::to_string`'s, pretty output `to_string_pretty`'s (two spaces,
//! `"key": value`, `[]` and `{}` when empty); strings are escaped as serde_json escapes them.
//! `tests/json_out.rs` checks every writer against serde_json and the derived `Serialize`, which
//! the types keep for that comparison only (the wasm build never instantiates it: about 5 KB brotli).

use serde_json::Value;
use time::OffsetDateTime;

use super::annotation::Annotation;
use super::document::{ArticleMeta, BlockKind, InlineMark, MarkKind, RawBlock, Segment};
use super::tags::{Tag, TagSet, UnderlineStyle};

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
        if !super::rfc3339::write(&mut self.out, at) {
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

/// One annotation, every field, in [`Annotation`]'s order.
pub fn annotation(w: &mut JsonOut, a: &Annotation) {
    // The id through a stack buffer: `to_string` allocated once per annotation of an export.
    w.begin_object().key("id").str(a.id.hyphenated().encode_lower(&mut uuid::Uuid::encode_buffer()));
    w.key("target").begin_object();
    w.num_field("start", a.target.start as u64).num_field("end", a.target.end as u64);
    w.str_field("exact", &a.target.exact).str_field("prefix", &a.target.prefix).str_field("suffix", &a.target.suffix);
    w.end_object().key("tags").begin_array();
    for tag in &a.tags {
        w.str(&tag.0);
    }
    w.end_array().str_field("note", &a.note).str_field("author", &a.author);
    w.key("created").time(a.created).key("modified").time(a.modified).end_object();
}

/// A list of annotations.
pub fn annotations<'a>(w: &mut JsonOut, list: impl IntoIterator<Item = &'a Annotation>) {
    let list = list.into_iter();
    // About what one pretty-printed annotation with short texts takes, times the count: longer
    // texts only make the text grow (and be copied) once or twice more.
    w.reserve(list.size_hint().0 * 640);
    w.begin_array();
    for a in list {
        annotation(w, a);
    }
    w.end_array();
}

/// One tag; `hotkey` only when set.
pub fn tag(w: &mut JsonOut, tag: &Tag) {
    w.begin_object().str_field("id", &tag.id.0).str_field("name", &tag.name).str_field("colour", &tag.colour);
    w.str_field("underline", underline(tag.underline)).str_field("description", &tag.description);
    if let Some(key) = tag.hotkey {
        w.str_field("hotkey", key.encode_utf8(&mut [0; 4]));
    }
    w.end_object();
}

/// A list of tags.
pub fn tags(w: &mut JsonOut, tags: &[Tag]) {
    w.begin_array();
    for t in tags {
        tag(w, t);
    }
    w.end_array();
}

/// A tag set: `{"tags": [...]}`.
pub fn tag_set(w: &mut JsonOut, set: &TagSet) {
    w.begin_object().key("tags");
    tags(w, &set.tags);
    w.end_object();
}

fn underline(style: UnderlineStyle) -> &'static str {
    style.css()
}

/// A block kind's name in files: `heading`, `paragraph`, `quote`, `listitem`, `numbereditem`.
pub fn block_kind(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Heading => "heading",
        BlockKind::Paragraph => "paragraph",
        BlockKind::Quote => "quote",
        BlockKind::ListItem => "listitem",
        BlockKind::NumberedItem => "numbereditem",
    }
}

/// An inline mark's kind: `{"type": "emphasis"}`, …, `{"type": "link", "href": …}`.
pub fn mark_kind(w: &mut JsonOut, mark: &MarkKind) {
    w.begin_object().key("type");
    match mark {
        MarkKind::Emphasis => w.str("emphasis"),
        MarkKind::Strong => w.str("strong"),
        MarkKind::Code => w.str("code"),
        MarkKind::Link { href } => w.str("link").str_field("href", href),
    };
    w.end_object();
}

/// A mark over a span: `{"start": …, "end": …, "mark": {…}}`.
pub fn inline_mark(w: &mut JsonOut, mark: &InlineMark) {
    w.begin_object().num_field("start", mark.start as u64).num_field("end", mark.end as u64).key("mark");
    mark_kind(w, &mark.mark);
    w.end_object();
}

/// An article's facts; absent ones are `null`.
pub fn article_meta(w: &mut JsonOut, meta: &ArticleMeta) {
    w.begin_object().key("byline").opt_str(meta.byline.as_deref());
    w.key("date").opt_str(meta.date.as_deref()).key("source").opt_str(meta.source.as_deref()).end_object();
}

/// A stored block: kind, level, and its runs of text (`marks` only when there are some).
pub fn raw_block(w: &mut JsonOut, block: &RawBlock) {
    w.begin_object().str_field("kind", block_kind(block.kind)).num_field("level", u64::from(block.level));
    w.key("segments").begin_array();
    for segment in &block.segments {
        self::segment(w, segment);
    }
    w.end_array().end_object();
}

fn segment(w: &mut JsonOut, segment: &Segment) {
    w.begin_object().str_field("text", &segment.text);
    if !segment.marks.is_empty() {
        w.key("marks").begin_array();
        for mark in &segment.marks {
            mark_kind(w, mark);
        }
        w.end_array();
    }
    w.end_object();
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

/// One annotation as compact JSON.
pub fn annotation_text(a: &Annotation) -> String {
    let mut w = JsonOut::compact();
    annotation(&mut w, a);
    w.finish()
}
