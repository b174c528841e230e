//! Strict readers of the JSON Marginalia writes itself (stored values, its JSON export, the eviction marker), over `serde_json::Value`.
//!
//! Every JSON the app reads goes through serde_json's one `Value` parser and hand-written
//! readers; serde's derived visitors (one parser copy per type, about 40 KB of wasm) are gone.
//! These readers are as strict as the derived ones they replace: a field with a default may be
//! missing, but when present it must have its type (`null` stands for "none" only in optional
//! fields); unknown fields are ignored. Packs read their annotations with the same reader in its
//! lenient mode ([`annotation_as`]), which treats `null` as missing like the other import readers.

use serde_json::Value;
use time::OffsetDateTime;
use uuid::Uuid;

use super::annotation::{Annotation, Target};
use super::document::{ArticleMeta, BlockKind, MarkKind, RawBlock, Segment};
use super::format::json::{kind, At};
use super::format::FormatError;
use super::tags::{Tag, TagId, TagSet, UnderlineStyle};

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

    /// A value an import format reached, with its path.
    pub fn at(at: &'a At<'a>) -> Self {
        Node { value: at.value, parent: None, step: Step::Root(&at.path) }
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

    fn expected(&self, what: &str) -> FormatError {
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
        super::rfc3339::parse(s)
            .map(super::rfc3339::settle)
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
fn present<'b>(node: &'b Node, key: &'b str, lenient: bool) -> Result<Node<'b>, FormatError> {
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
fn defaulted_string(node: &Node, key: &str, lenient: bool) -> Result<String, FormatError> {
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

/// One annotation as [`Annotation`]'s serialisation writes it.
pub fn annotation(node: &Node) -> Result<Annotation, FormatError> {
    annotation_as(node, false)
}

/// One annotation; when `lenient` (files from elsewhere: packs), `null` counts as missing and
/// the quote's `prefix` and `suffix` may be missing too. The one annotation reader of the wasm.
pub fn annotation_as(node: &Node, lenient: bool) -> Result<Annotation, FormatError> {
    let target = present(node, "target", lenient)?;
    let id = present(node, "id", lenient)?;
    let context = |key: &str| match lenient {
        true => defaulted_string(&target, key, true),
        false => string(&target, key),
    };
    Ok(Annotation {
        id: Uuid::parse_str(id.str()?)
            .map_err(|_| id.err("expected a UUID such as 67e55044-10b1-426f-9247-bb680e5fe0c8"))?,
        target: Target {
            start: present(&target, "start", lenient)?.usize()?,
            end: present(&target, "end", lenient)?.usize()?,
            exact: present(&target, "exact", lenient)?.str()?.to_string(),
            prefix: context("prefix")?,
            suffix: context("suffix")?,
        },
        tags: present(node, "tags", lenient)?.list(|t| Ok(TagId(t.str()?.to_string())))?,
        note: defaulted_string(node, "note", lenient)?,
        author: defaulted_string(node, "author", lenient)?,
        created: present(node, "created", lenient)?.time()?,
        modified: present(node, "modified", lenient)?.time()?,
    })
}

/// The annotations in the array `key`.
pub fn annotations(node: &Node, key: &str) -> Result<Vec<Annotation>, FormatError> {
    list(node, key, annotation)
}

/// A tag set (`{"tags": [...]}`) as [`TagSet`]'s serialisation writes it.
pub fn tag_set(node: &Node) -> Result<TagSet, FormatError> {
    Ok(TagSet { tags: list(node, "tags", tag)? })
}

fn tag(node: &Node) -> Result<Tag, FormatError> {
    tag_as(node, false)
}

/// One tag; when `lenient` (packs), `null` counts as missing, the description may be missing,
/// and a hotkey must be one letter or digit (kept as [`crate::domain::tags::normalise_key`] makes it).
pub fn tag_as(node: &Node, lenient: bool) -> Result<Tag, FormatError> {
    let hotkey = match node.member("hotkey").filter(|v| !v.value.is_null()) {
        Some(key) => {
            let mut chars = key.str()?.chars();
            match (chars.next(), chars.next(), lenient) {
                (Some(c), None, false) => Some(c),
                (Some(c), None, true) if super::tags::normalise_key(c).is_some() => super::tags::normalise_key(c),
                (_, _, false) => return Err(key.err("expected one character")),
                (_, _, true) => return Err(key.err("expected one letter or digit")),
            }
        }
        None => None,
    };
    let text = |key: &str| Ok::<_, FormatError>(present(node, key, lenient)?.str()?.to_string());
    Ok(Tag {
        id: TagId(text("id")?),
        name: text("name")?,
        colour: text("colour")?,
        underline: one_of(&present(node, "underline", lenient)?, UNDERLINES)?,
        description: if lenient { defaulted_string(node, "description", true)? } else { text("description")? },
        hotkey,
    })
}

const UNDERLINES: &[(&str, UnderlineStyle)] = &[
    ("solid", UnderlineStyle::Solid),
    ("double", UnderlineStyle::Double),
    ("dotted", UnderlineStyle::Dotted),
    ("dashed", UnderlineStyle::Dashed),
    ("wavy", UnderlineStyle::Wavy),
];

const BLOCK_KINDS: &[(&str, BlockKind)] = &[
    ("heading", BlockKind::Heading),
    ("paragraph", BlockKind::Paragraph),
    ("quote", BlockKind::Quote),
    ("listitem", BlockKind::ListItem),
    ("numbereditem", BlockKind::NumberedItem),
];

/// The value named by the text at `node`, one of `names`.
fn one_of<T: Copy>(node: &Node, names: &[(&str, T)]) -> Result<T, FormatError> {
    let text = node.str()?;
    names.iter().find(|(name, _)| *name == text).map(|(_, value)| *value).ok_or_else(|| {
        let expected: Vec<&str> = names.iter().map(|(name, _)| *name).collect();
        let (last, rest) = expected.split_last().unwrap_or((&"", &[]));
        node.err(format!("expected {} or {last}, found {text:?}", rest.join(", ")))
    })
}

/// An article's facts (`meta`); every one may be missing or `null`.
pub fn article_meta(node: &Node) -> Result<ArticleMeta, FormatError> {
    if !node.value.is_object() {
        return Err(node.expected("an object"));
    }
    Ok(ArticleMeta {
        byline: optional_string(node, "byline")?,
        date: optional_string(node, "date")?,
        source: optional_string(node, "source")?,
    })
}

/// One block of a stored article, as [`RawBlock`]'s serialisation writes it.
pub fn raw_block(node: &Node) -> Result<RawBlock, FormatError> {
    let level = match node.member("level") {
        Some(level) => u8::try_from(level.usize()?).map_err(|_| level.err("expected a number from 0 to 255"))?,
        None => 0,
    };
    Ok(RawBlock {
        kind: one_of(&required(node, "kind")?, BLOCK_KINDS)?,
        level,
        segments: list(node, "segments", segment)?,
    })
}

fn segment(node: &Node) -> Result<Segment, FormatError> {
    let marks = match node.member("marks") {
        Some(marks) => marks.list(mark)?,
        None => Vec::new(),
    };
    Ok(Segment { text: string(node, "text")?, marks })
}

fn mark(node: &Node) -> Result<MarkKind, FormatError> {
    let kind = required(node, "type")?;
    Ok(match kind.str()? {
        "emphasis" => MarkKind::Emphasis,
        "strong" => MarkKind::Strong,
        "code" => MarkKind::Code,
        "link" => MarkKind::Link { href: string(node, "href")? },
        other => return Err(kind.err(format!("expected emphasis, strong, code or link, found {other:?}"))),
    })
}
