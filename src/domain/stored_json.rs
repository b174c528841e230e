//! Strict readers of the JSON Marginalia writes itself (stored values, its JSON export, the eviction marker), over `serde_json::Value`.
//!
//! Every JSON the app reads goes through serde_json's one `Value` parser and hand-written
//! readers; serde's derived visitors (one parser copy per type, about 40 KB of wasm) are gone.
//! These readers are as strict as the derived ones they replace: a field with a default may be
//! missing, but when present it must have its type (`null` stands for "none" only in optional
//! fields); unknown fields are ignored. Import formats use the more forgiving readers of
//! `format::pack`, which treat `null` as missing.

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

/// The member `key` of an object, even when it is `null`; `None` when it is missing or `at` is no object.
pub fn member<'a>(at: &At<'a>, key: &str) -> Option<At<'a>> {
    let value = at.value.as_object()?.get(key)?;
    let path = if at.path.is_empty() { key.to_string() } else { format!("{}.{key}", at.path) };
    Some(At { value, path })
}

/// The member `key`, which must be present (and may be `null` only where the caller allows it).
pub fn required<'a>(at: &At<'a>, key: &str) -> Result<At<'a>, FormatError> {
    present(at, key, false)
}

/// The member `key`, which must be present; `null` counts as missing when `lenient`.
fn present<'a>(at: &At<'a>, key: &str, lenient: bool) -> Result<At<'a>, FormatError> {
    if !at.value.is_object() {
        return Err(at.err(format!("expected an object, found {}", kind(at.value))));
    }
    let missing = || {
        let path = if at.path.is_empty() { key.to_string() } else { format!("{}.{key}", at.path) };
        FormatError::at(path, "this field is missing")
    };
    member(at, key).filter(|v| !(lenient && v.value.is_null())).ok_or_else(missing)
}

/// The text in `key`, which must be present.
pub fn string(at: &At, key: &str) -> Result<String, FormatError> {
    Ok(required(at, key)?.str()?.to_string())
}

/// The text in `key`; empty when the field is missing (or `null`, when `lenient`).
fn defaulted_string(at: &At, key: &str, lenient: bool) -> Result<String, FormatError> {
    let value = member(at, key).filter(|v| !(lenient && v.value.is_null()));
    Ok(value.map(|v| v.str().map(str::to_string)).transpose()?.unwrap_or_default())
}

/// The text in `key`; `None` when the field is missing or `null`.
pub fn optional_string(at: &At, key: &str) -> Result<Option<String>, FormatError> {
    member(at, key).filter(|v| !v.value.is_null()).map(|v| v.str().map(str::to_string)).transpose()
}

/// A whole number from 0 to `u32::MAX`.
pub fn u32(at: &At) -> Result<u32, FormatError> {
    u32::try_from(at.usize()?).map_err(|_| at.err("the number is too large"))
}

/// The elements of the array in `key`, which must be present.
pub fn array<'a>(at: &At<'a>, key: &str) -> Result<Vec<At<'a>>, FormatError> {
    required(at, key)?.array()
}

/// One annotation as [`Annotation`]'s serialisation writes it.
pub fn annotation(at: &At) -> Result<Annotation, FormatError> {
    annotation_as(at, false)
}

/// One annotation; when `lenient` (files from elsewhere: packs), `null` counts as missing and
/// the quote's `prefix` and `suffix` may be missing too. The one annotation reader of the wasm.
pub fn annotation_as(at: &At, lenient: bool) -> Result<Annotation, FormatError> {
    let target = present(at, "target", lenient)?;
    let id = present(at, "id", lenient)?;
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
        tags: present(at, "tags", lenient)?
            .array()?
            .iter()
            .map(|t| Ok(TagId(t.str()?.to_string())))
            .collect::<Result<_, _>>()?,
        note: defaulted_string(at, "note", lenient)?,
        author: defaulted_string(at, "author", lenient)?,
        created: present(at, "created", lenient)?.time()?,
        modified: present(at, "modified", lenient)?.time()?,
    })
}

/// The annotations in the array `key`.
pub fn annotations(at: &At, key: &str) -> Result<Vec<Annotation>, FormatError> {
    array(at, key)?.iter().map(annotation).collect()
}

/// The RFC 3339 date and time in `key`, which must be present.
pub fn time(at: &At, key: &str) -> Result<OffsetDateTime, FormatError> {
    required(at, key)?.time()
}

/// A tag set (`{"tags": [...]}`) as [`TagSet`]'s serialisation writes it.
pub fn tag_set(at: &At) -> Result<TagSet, FormatError> {
    Ok(TagSet { tags: array(at, "tags")?.iter().map(tag).collect::<Result<_, _>>()? })
}

fn tag(at: &At) -> Result<Tag, FormatError> {
    let hotkey = match member(at, "hotkey").filter(|v| !v.value.is_null()) {
        Some(key) => {
            let mut chars = key.str()?.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Some(c),
                _ => return Err(key.err("expected one character")),
            }
        }
        None => None,
    };
    Ok(Tag {
        id: TagId(string(at, "id")?),
        name: string(at, "name")?,
        colour: string(at, "colour")?,
        underline: one_of(&required(at, "underline")?, UNDERLINES)?,
        description: string(at, "description")?,
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

/// The value named by the text at `at`, one of `names`.
fn one_of<T: Copy>(at: &At, names: &[(&str, T)]) -> Result<T, FormatError> {
    let text = at.str()?;
    names.iter().find(|(name, _)| *name == text).map(|(_, value)| *value).ok_or_else(|| {
        let expected: Vec<&str> = names.iter().map(|(name, _)| *name).collect();
        at.err(format!("expected one of {}, found {text:?}", expected.join(", ")))
    })
}

/// An article's facts (`meta`); every one may be missing or `null`.
pub fn article_meta(at: &At) -> Result<ArticleMeta, FormatError> {
    if !at.value.is_object() {
        return Err(at.err(format!("expected an object, found {}", kind(at.value))));
    }
    Ok(ArticleMeta {
        byline: optional_string(at, "byline")?,
        date: optional_string(at, "date")?,
        source: optional_string(at, "source")?,
    })
}

/// One block of a stored article, as [`RawBlock`]'s serialisation writes it.
pub fn raw_block(at: &At) -> Result<RawBlock, FormatError> {
    let level = match member(at, "level") {
        Some(level) => u8::try_from(level.usize()?).map_err(|_| level.err("expected a number from 0 to 255"))?,
        None => 0,
    };
    Ok(RawBlock {
        kind: one_of(&required(at, "kind")?, BLOCK_KINDS)?,
        level,
        segments: array(at, "segments")?.iter().map(segment).collect::<Result<_, _>>()?,
    })
}

fn segment(at: &At) -> Result<Segment, FormatError> {
    let marks = match member(at, "marks") {
        Some(marks) => marks.array()?.iter().map(mark).collect::<Result<_, _>>()?,
        None => Vec::new(),
    };
    Ok(Segment { text: string(at, "text")?, marks })
}

fn mark(at: &At) -> Result<MarkKind, FormatError> {
    let kind = required(at, "type")?;
    Ok(match kind.str()? {
        "emphasis" => MarkKind::Emphasis,
        "strong" => MarkKind::Strong,
        "code" => MarkKind::Code,
        "link" => MarkKind::Link { href: string(at, "href")? },
        other => return Err(kind.err(format!("expected emphasis, strong, code or link, found {other:?}"))),
    })
}

/// `true` or `false` in `key`, which must be present.
pub fn bool(at: &At, key: &str) -> Result<bool, FormatError> {
    truth(&required(at, key)?)
}

/// `true` or `false` in `key`; `false` when the field is missing.
pub fn flag(at: &At, key: &str) -> Result<bool, FormatError> {
    Ok(member(at, key).map(|v| truth(&v)).transpose()?.unwrap_or(false))
}

fn truth(at: &At) -> Result<bool, FormatError> {
    at.value.as_bool().ok_or_else(|| at.err(format!("expected true or false, found {}", kind(at.value))))
}
