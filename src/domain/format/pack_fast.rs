//! A pack's annotations read straight from its text into annotations, without a JSON tree of each: the fast path of `pack::read_fast`.
//!
//! The annotations are read by [`Annotation`]'s own deserialiser (the one that reads stored
//! values, already in the build). It accepts a subset of what the field-by-field reader
//! (`pack::read_annotation`) accepts and reads it the same way: it requires `prefix` and
//! `suffix`, refuses `null` for a note or author and duplicate keys, and gives up then (the
//! field-by-field reader decides and reports where). The one thing it would accept beyond that,
//! an id written as an array of its 16 bytes, is looked for while the text is checked
//! (`json::Checked::array_id`), and the caller does not come here then.

use serde::Deserialize;
use serde_json::{Map, Value};

use crate::domain::annotation::Annotation;

/// The pack's top level: everything but the annotations stays JSON, for the field-by-field
/// reader (it is small: the article, its blocks and the tags).
#[derive(Deserialize)]
struct Shape {
    #[serde(default)]
    format: Value,
    #[serde(default, rename = "schemaVersion")]
    schema_version: Value,
    #[serde(default)]
    exported: Value,
    #[serde(default)]
    article: Value,
    #[serde(default)]
    tags: Value,
    #[serde(default)]
    classroom: Value,
    annotations: Vec<Annotation>,
}

/// The pack's top level without its annotations (the members that are there and not `null`),
/// and the annotations; `None` when the text is not that shape.
pub(super) fn parse(text: &str) -> Option<(Value, Vec<Annotation>)> {
    let shape: Shape = serde_json::from_str(text).ok()?;
    let annotations = shape.annotations;
    let members = [
        ("format", shape.format),
        ("schemaVersion", shape.schema_version),
        ("exported", shape.exported),
        ("article", shape.article),
        ("tags", shape.tags),
        ("classroom", shape.classroom),
    ];
    let root: Map<String, Value> =
        members.into_iter().filter(|(_, v)| !v.is_null()).map(|(k, v)| (k.to_string(), v)).collect();
    Some((Value::Object(root), annotations))
}
