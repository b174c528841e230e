//! Reading older files as packs of today: one migration per version, the legacy JSON export being version 0.

use serde_json::{json, Value};

use super::json::At;
use super::pack::{FORMAT, SCHEMA_VERSION};
use super::{Format, FormatError};
use crate::domain::annotation::tags::{Tag, TagId, TagSet, UnderlineStyle};
use crate::domain::article::document::BLOCK_SEPARATOR;
use crate::domain::json::write::JsonOut;
use crate::domain::storage;
use crate::domain::storage::tag_set;

/// One step per version: `MIGRATIONS[n]` turns a version-`n` file into version `n + 1`.
/// Version 0 is the earlier JSON export (`"format": "marginalia-annotations"`, `"schema": 1`).
pub(super) const MIGRATIONS: [fn(Value) -> Result<Value, FormatError>; SCHEMA_VERSION as usize] = [legacy_to_v1];

/// The file's version on the [`MIGRATIONS`] scale, refusing versions from a newer app.
pub(super) fn version_of(value: &Value) -> Result<(u32, Format), FormatError> {
    let root = At::root(value);
    let format = root.field("format")?.str()?;
    if format == storage::EXPORT_FORMAT {
        let schema = root.field("schema")?.usize()?;
        if schema as u32 != storage::SCHEMA_VERSION {
            return Err(FormatError::at(
                "schema",
                format!("this export was written by a newer Marginalia (version {schema})"),
            ));
        }
        return Ok((0, Format::LegacyExport));
    }
    if format != FORMAT {
        return Err(FormatError::at("format", format!("expected {FORMAT:?}, found {format:?}")));
    }
    let version = root.field("schemaVersion")?.usize()?;
    match u32::try_from(version) {
        Ok(v @ 1..=SCHEMA_VERSION) => Ok((v, Format::Pack)),
        _ if version == 0 => Err(FormatError::at("schemaVersion", "version 0 does not exist")),
        _ => Err(FormatError::at(
            "schemaVersion",
            format!("this pack was written by a newer Marginalia (pack version {version}; this one reads up to {SCHEMA_VERSION})"),
        )),
    }
}

/// The legacy export had the article's title, hash and text but no blocks, tags or exporter:
/// blocks are recovered from the blank lines between them (block text never holds a line
/// break), the first block is the title when it reads as one, and the tags are the default set
/// plus one tag for each id it does not define.
fn legacy_to_v1(value: Value) -> Result<Value, FormatError> {
    let root = At::root(&value);
    let article = root.field("article")?;
    let title = article.field("title")?.str()?;
    let text = article.field("text")?.str()?;
    let hash = article.field("hash")?.str()?;
    let exported = root.field("exported")?.str()?;
    let annotations = root.field("annotations")?;
    annotations.array()?;
    let mut blocks = Vec::new();
    let mut cp = 0;
    for (i, block) in text.split(BLOCK_SEPARATOR).enumerate() {
        let len = block.chars().count();
        // The legacy export came from plain-text articles: the title is a level-1 heading, the rest paragraphs.
        if i == 0 && block == title {
            blocks.push(json!({ "kind": "heading", "level": 1, "start": cp, "end": cp + len }));
        } else {
            blocks.push(json!({ "kind": "paragraph", "start": cp, "end": cp + len }));
        }
        cp += len + BLOCK_SEPARATOR.len();
    }
    let mut tags = TagSet::default();
    for id in annotations.value.as_array().into_iter().flatten().filter_map(|a| a.get("tags")?.as_array()).flatten() {
        if let Some(id) = id.as_str() {
            if tags.get(&TagId::new(id)).is_none() {
                tags.tags.push(Tag {
                    id: TagId::new(id),
                    name: id.to_string(),
                    colour: "#999999".into(),
                    underline: UnderlineStyle::Dotted,
                    description: String::new(),
                    hotkey: None,
                });
            }
        }
    }
    Ok(json!({
        "format": FORMAT,
        "schemaVersion": 1,
        "exported": { "by": "", "at": exported, "app": "Marginalia (annotations export, schema 1)" },
        "article": {
            "title": title, "source": null, "byline": null, "date": null,
            "hash": hash, "text": text, "blocks": blocks,
        },
        "tags": tag_values(&tags.tags),
        "annotations": annotations.value,
    }))
}

/// The tags as JSON values, as a pack writes them.
fn tag_values(tags: &[Tag]) -> Value {
    let mut w = JsonOut::compact();
    tag_set::write_all(&mut w, tags);
    serde_json::from_str(&w.finish()).unwrap_or_default()
}
