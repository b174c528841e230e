//! The JSON export (`"format": "marginalia-annotations"`), the earlier file format: its writer here; it is read as the pack's version 0 (`format::pack_migrate`) and by the class view (`class_import`).
//!
//! Shape: `{"format", "schema": 1, "exported": RFC 3339, "article": {"title", "hash", "text"},
//! "annotations": [annotation…]}`, pretty-printed. Golden file: `tests/fixtures/stored/pack/v0.json`.

use time::OffsetDateTime;

use super::annotation::write_all;
use super::SCHEMA_VERSION;
use crate::domain::annotation::{format_utc, Annotation};
use crate::domain::article::document::Document;
use crate::domain::json::write::JsonOut;

/// Format name of the JSON export.
pub const EXPORT_FORMAT: &str = "marginalia-annotations";

/// The JSON export of every annotation of `doc`, pretty-printed; it carries the article text so nothing is lost.
pub fn export_json<'a>(
    doc: &'a Document,
    annotations: impl IntoIterator<Item = &'a Annotation>,
    now: OffsetDateTime,
) -> String {
    let mut w = JsonOut::pretty();
    w.begin_object().str_field("format", EXPORT_FORMAT).num_field("schema", SCHEMA_VERSION.into());
    w.str_field("exported", &format_utc(now)).key("article").begin_object();
    w.str_field("title", doc.title()).str_field("hash", &doc.hash().0).str_field("text", doc.text()).end_object();
    w.key("annotations");
    write_all(&mut w, annotations);
    w.end_object();
    w.finish()
}

/// A file name for the export: the title's words, lower-cased and joined by dashes.
pub fn export_file_name(doc: &Document) -> String {
    let slug: Vec<String> = doc
        .title()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(crate::domain::text::lowercase::lower)
        .collect();
    let slug = if slug.is_empty() { "article".to_string() } else { slug.join("-") };
    format!("{slug}.annotations.json")
}
