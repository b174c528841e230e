//! W3C Web Annotation export (an AnnotationCollection with one embedded AnnotationPage) and import of what other tools write.
//!
//! Each annotation has a TextQuoteSelector and a TextPositionSelector (code points), tags as
//! TextualBody with purpose `tagging`, the note as TextualBody with purpose `commenting`, and
//! creator, created and modified (UTC `xsd:dateTime`). The flavour for Recogito is a bare list
//! whose positions count UTF-16 units, as Recogito's text annotator loads and counts them.
//! Import also takes one annotation, a bare list (as Recogito's text annotator gives), or a
//! page; a single value where a list is allowed.

use serde_json::Value;

use super::w3c_import::{self, has_type};

use super::json::At;
use super::pack::{too_many, ExportInfo};
use super::page_text::PageText;
use super::{in_article_order, is_placed, Format, FormatError, Imported, Repairs, TagResolver, MAX_ANNOTATIONS};
use crate::domain::annotation::tags::TagSet;
use crate::domain::annotation::{Annotation, Target};
use crate::domain::article::document::Document;
use crate::domain::json::write::JsonOut;

/// The Web Annotation JSON-LD context.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// The IRI standing for the article when it has no URL: its content hash.
pub fn article_iri(doc: &Document) -> String {
    format!("urn:sha256:{}", doc.hash().0)
}

/// Who wrote the file (`generator`), as the model recommends.
fn generator(w: &mut JsonOut) {
    w.key("generator").begin_object();
    w.str_field("id", concat!("urn:marginalia:app:", env!("CARGO_PKG_VERSION")));
    w.str_field("type", "Software").str_field("name", super::pack::APP).end_object();
}

/// The collection of `annotations` of `doc`, in article order, pretty-printed: one embedded page
/// (`first` and `last`, `partOf` the collection). Placed annotations have a TextQuoteSelector and
/// a TextPositionSelector measured over the page text ([`PageText`]); unplaced ones only their
/// stored quote, as their positions mean nothing in this article. Written with [`JsonOut`]
/// straight from the annotations (no `serde_json::Value` in between, which cost the wasm).
pub fn export<'a>(
    doc: &Document,
    tags: &TagSet,
    annotations: impl IntoIterator<Item = &'a Annotation>,
    info: &ExportInfo,
) -> String {
    write_collection(doc, tags, &in_article_order(annotations), info)
}

#[inline(never)]
fn write_collection(doc: &Document, tags: &TagSet, annotations: &[&Annotation], info: &ExportInfo) -> String {
    let source = info.source.map_or_else(|| article_iri(doc), str::to_string);
    let collection = format!("urn:marginalia:annotations:{}", doc.hash().0);
    let page_id = format!("{collection}/page1");
    let page = PageText::new(doc);
    let mut w = JsonOut::pretty();
    w.reserve(annotations.len() * 900);
    w.begin_object().str_field("@context", CONTEXT).str_field("id", &collection);
    w.str_field("type", "AnnotationCollection").str_field("label", &format!("Annotations of “{}”", doc.title()));
    w.num_field("total", annotations.len() as u64);
    generator(&mut w);
    w.key("first").begin_object().str_field("id", &page_id).str_field("type", "AnnotationPage");
    w.str_field("partOf", &collection).num_field("startIndex", 0).key("items").begin_array();
    for a in annotations {
        let selectors = is_placed(doc, a).then(|| page.describe(a.target.start, a.target.end));
        write_annotation(&mut w, a, tags, &source, selectors.as_ref(), false);
    }
    w.end_array().end_object().str_field("last", &page_id).end_object();
    let mut out = w.finish();
    out.push('\n');
    out
}

/// The `annotations` of `doc` as Recogito's text annotator loads them (`loadAnnotations`,
/// `setAnnotations`): a bare list of annotations, each with its `@context`, in article order.
/// Recogito revives a target by its TextPositionSelector alone, counting the UTF-16 units of
/// the text nodes under its container, so the positions here count UTF-16 units of the page
/// text (the W3C model counts code points: the two differ after an astral character, such as
/// most emoji). The quote, prefix and suffix are the same as in [`export`]. Unplaced
/// annotations keep only their quote, which Recogito skips and Marginalia reads back.
pub fn export_for_recogito<'a>(
    doc: &Document,
    tags: &TagSet,
    annotations: impl IntoIterator<Item = &'a Annotation>,
    info: &ExportInfo,
) -> String {
    write_list_in_units(doc, tags, &in_article_order(annotations), info)
}

#[inline(never)]
fn write_list_in_units(doc: &Document, tags: &TagSet, annotations: &[&Annotation], info: &ExportInfo) -> String {
    let source = info.source.map_or_else(|| article_iri(doc), str::to_string);
    let page = PageText::new(doc);
    let mut w = JsonOut::pretty();
    w.reserve(annotations.len() * 950);
    w.begin_array();
    for a in annotations {
        let selectors = is_placed(doc, a).then(|| {
            let t = page.describe(a.target.start, a.target.end);
            let (start, end) = page.utf16_span(t.start, t.end);
            Target { start, end, ..t }
        });
        write_annotation(&mut w, a, tags, &source, selectors.as_ref(), true);
    }
    w.end_array();
    let mut out = w.finish();
    out.push('\n');
    out
}

/// One annotation as a W3C Annotation, with its own `@context` when `context` (a collection
/// carries it for its items). `on_page` is its target over the page text; `None` for an
/// unplaced annotation, which then has only a TextQuoteSelector with its stored quote.
fn write_annotation(
    w: &mut JsonOut,
    a: &Annotation,
    tags: &TagSet,
    source: &str,
    on_page: Option<&Target>,
    context: bool,
) {
    w.begin_object();
    if context {
        w.str_field("@context", CONTEXT);
    }
    w.str_field("id", &format!("urn:uuid:{}", a.id)).str_field("type", "Annotation");
    w.str_field("motivation", "highlighting");
    if !a.author.is_empty() {
        w.key("creator").begin_object().str_field("type", "Person").str_field("name", &a.author).end_object();
    }
    w.key("created").time(utc(a.created)).key("modified").time(utc(a.modified));
    generator(w);
    w.key("body").begin_array();
    let body = |w: &mut JsonOut, purpose: &str, value: &str| {
        w.begin_object().str_field("type", "TextualBody").str_field("purpose", purpose);
        w.str_field("value", value).str_field("format", "text/plain").end_object();
    };
    for id in &a.tags {
        body(w, "tagging", tags.name_of(id));
    }
    if !a.note.is_empty() {
        body(w, "commenting", &a.note);
    }
    w.end_array().key("target").begin_object().str_field("source", source).key("selector").begin_array();
    let quote = on_page.unwrap_or(&a.target);
    w.begin_object().str_field("type", "TextQuoteSelector").str_field("exact", &quote.exact);
    w.str_field("prefix", &quote.prefix).str_field("suffix", &quote.suffix).end_object();
    if let Some(t) = on_page {
        w.begin_object().str_field("type", "TextPositionSelector");
        w.num_field("start", t.start as u64).num_field("end", t.end as u64).end_object();
    }
    w.end_array().end_object().end_object();
}

fn utc(at: time::OffsetDateTime) -> time::OffsetDateTime {
    at.to_offset(time::UtcOffset::UTC)
}

/// True for JSON that looks like Web Annotation: a typed collection, page or annotation, or a
/// list of objects with a `target`, or an empty list (what Recogito, and Marginalia's file for
/// it, write for an article without annotations).
pub fn looks_like(value: &Value) -> bool {
    match value {
        Value::Array(items) => {
            items.is_empty() || items.iter().any(|i| i.get("target").is_some() || has_type(i, "Annotation"))
        }
        Value::Object(_) => ["AnnotationCollection", "AnnotationPage", "Annotation"].iter().any(|t| has_type(value, t)),
        _ => false,
    }
}

/// Reads Web Annotation JSON, mapping tag names onto `known` (creating the missing ones). An
/// annotation that cannot be read is listed in `skipped` with the reason; the others are kept.
pub fn read(value: &Value, repairs: Repairs, known: &TagSet) -> Result<Imported, FormatError> {
    let root = At::root(value);
    let items = annotation_items(&root)?;
    if items.len() > MAX_ANNOTATIONS {
        return Err(too_many(root.path(), items.len()));
    }
    let mut tags = TagResolver::new(known);
    let mut annotations: Vec<Annotation> = Vec::with_capacity(items.len());
    let mut pending = Vec::new();
    let mut skipped = Vec::new();
    let mut source = None;
    let mut seen = std::collections::HashMap::new();
    for (index, item) in items.iter().enumerate() {
        // Tags are only added for an annotation that is kept.
        let before = tags.tags.tags.len();
        let read = match w3c_import::read_annotation(item, &mut tags) {
            Ok(read) => read,
            Err(e) => {
                tags.tags.tags.truncate(before);
                skipped.push(e);
                continue;
            }
        };
        if let Some((first, _, _)) = read.annotations.iter().find(|(a, _, _)| seen.contains_key(&a.id)) {
            tags.tags.tags.truncate(before);
            skipped.push(item.err(format!("the same id as annotation {} of the file, left out", seen[&first.id] + 1)));
            continue;
        }
        skipped.extend(read.left_out);
        for (a, waiting, src) in read.annotations {
            seen.insert(a.id, index);
            source = source.or(src);
            pending.push(waiting);
            annotations.push(a);
        }
    }
    Ok(Imported {
        format: Format::W3c,
        article: None,
        source,
        tags: tags.tags,
        annotations,
        repairs,
        skipped,
        classroom: None,
        pending,
    })
}

/// The annotations of a collection (its embedded first page), a page, a list or a single one.
fn annotation_items<'a>(root: &At<'a>) -> Result<Vec<At<'a>>, FormatError> {
    if root.value.is_array() {
        return root.array();
    }
    if has_type(root.value, "AnnotationCollection") {
        let first = root.field("first")?;
        if first.value.is_string() {
            return Err(first.err("the first page is a link; only collections with their pages inside can be read"));
        }
        return first.field("items")?.array();
    }
    if has_type(root.value, "AnnotationPage") {
        return root.field("items")?.array();
    }
    if has_type(root.value, "Annotation") {
        return Ok(vec![At { value: root.value, path: root.path().to_string() }]);
    }
    Err(root.err("not a Web Annotation collection, page, list or annotation"))
}
