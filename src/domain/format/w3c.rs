//! W3C Web Annotation export (an AnnotationCollection with one embedded AnnotationPage) and import of what other tools write.
//!
//! Each annotation has a TextQuoteSelector and a TextPositionSelector (code points), tags as
//! TextualBody with purpose `tagging`, the note as TextualBody with purpose `commenting`, and
//! creator, created and modified (UTC `xsd:dateTime`). Import also takes one annotation, a bare
//! list (as Recogito's text annotator gives), or a page; a single value where a list is allowed.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use super::w3c_import::{self, has_type};

use super::json::At;
use super::pack::{too_many, ExportInfo};
use super::page_text::PageText;
use super::{in_article_order, is_placed, Format, FormatError, Imported, Repairs, TagResolver, MAX_ANNOTATIONS};
use crate::domain::annotation::{format_utc, Annotation, Target};
use crate::domain::document::Document;
use crate::domain::tags::TagSet;

/// The Web Annotation JSON-LD context.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// The IRI standing for the article when it has no URL: its content hash.
pub fn article_iri(doc: &Document) -> String {
    format!("urn:sha256:{}", doc.hash().0)
}

/// Who wrote the file (`generator`), as the model recommends.
pub fn generator() -> Value {
    json!({ "id": concat!("urn:marginalia:app:", env!("CARGO_PKG_VERSION")), "type": "Software", "name": super::pack::APP })
}

/// The collection of `annotations` of `doc`, in article order, pretty-printed: one embedded page
/// (`first` and `last`, `partOf` the collection). Placed annotations have a TextQuoteSelector and
/// a TextPositionSelector measured over the page text ([`PageText`]); unplaced ones only their
/// stored quote, as their positions mean nothing in this article.
pub fn export<'a>(
    doc: &Document,
    tags: &TagSet,
    annotations: impl IntoIterator<Item = &'a Annotation>,
    info: &ExportInfo,
) -> String {
    let annotations = in_article_order(annotations);
    let source = info.source.map_or_else(|| article_iri(doc), str::to_string);
    let collection = format!("urn:marginalia:annotations:{}", doc.hash().0);
    let page = PageText::new(doc);
    let items: Vec<Value> = annotations
        .iter()
        .map(|a| {
            let selectors = is_placed(doc, a).then(|| page.describe(a.target.start, a.target.end));
            annotation_json(a, tags, &source, selectors.as_ref())
        })
        .collect();
    let page_id = format!("{collection}/page1");
    let value = json!({
        "@context": CONTEXT,
        "id": collection,
        "type": "AnnotationCollection",
        "label": format!("Annotations of “{}”", doc.title()),
        "total": items.len(),
        "generator": generator(),
        "first": {
            "id": page_id,
            "type": "AnnotationPage",
            "partOf": collection,
            "startIndex": 0,
            "items": items,
        },
        "last": page_id,
    });
    let mut out = crate::domain::json_out::pretty_text(&value);
    out.push('\n');
    out
}

/// One annotation as a W3C Annotation (without `@context`, which the collection carries).
/// `on_page` is its target over the page text; `None` for an unplaced annotation, which then
/// has only a TextQuoteSelector with its stored quote.
pub fn annotation_json(a: &Annotation, tags: &TagSet, source: &str, on_page: Option<&Target>) -> Value {
    let mut body: Vec<Value> = a
        .tags
        .iter()
        .map(|id| json!({ "type": "TextualBody", "purpose": "tagging", "value": tags.name_of(id), "format": "text/plain" }))
        .collect();
    if !a.note.is_empty() {
        body.push(json!({ "type": "TextualBody", "purpose": "commenting", "value": a.note, "format": "text/plain" }));
    }
    let mut item = Map::new();
    item.insert("id".into(), json!(format!("urn:uuid:{}", a.id)));
    item.insert("type".into(), json!("Annotation"));
    item.insert("motivation".into(), json!("highlighting"));
    if !a.author.is_empty() {
        item.insert("creator".into(), json!({ "type": "Person", "name": a.author }));
    }
    item.insert("created".into(), json!(format_utc(a.created)));
    item.insert("modified".into(), json!(format_utc(a.modified)));
    item.insert("generator".into(), generator());
    item.insert("body".into(), Value::Array(body));
    let selector = match on_page {
        Some(t) => json!([
            { "type": "TextQuoteSelector", "exact": t.exact, "prefix": t.prefix, "suffix": t.suffix },
            { "type": "TextPositionSelector", "start": t.start, "end": t.end },
        ]),
        None => json!([
            { "type": "TextQuoteSelector", "exact": a.target.exact, "prefix": a.target.prefix, "suffix": a.target.suffix },
        ]),
    };
    item.insert("target".into(), json!({ "source": source, "selector": selector }));
    Value::Object(item)
}

/// True for JSON that looks like Web Annotation: a typed collection, page or annotation, or a
/// list of objects with a `target`.
pub fn looks_like(value: &Value) -> bool {
    match value {
        Value::Array(items) => items.iter().any(|i| i.get("target").is_some() || has_type(i, "Annotation")),
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
    let mut pending = BTreeMap::new();
    let mut skipped = Vec::new();
    let mut source = None;
    let mut seen = std::collections::HashMap::new();
    for (index, item) in items.iter().enumerate() {
        // Tags are only added for an annotation that is kept.
        let before = tags.tags.clone();
        let read = match w3c_import::read_annotation(item, &mut tags) {
            Ok(read) => read,
            Err(e) => {
                tags.tags = before;
                skipped.push(e);
                continue;
            }
        };
        if let Some((first, _, _)) = read.annotations.iter().find(|(a, _, _)| seen.contains_key(&a.id)) {
            tags.tags = before;
            skipped.push(item.err(format!("the same id as annotation {} of the file, left out", seen[&first.id] + 1)));
            continue;
        }
        skipped.extend(read.left_out);
        for (a, waiting, src) in read.annotations {
            seen.insert(a.id, index);
            source = source.or(src);
            if let Some(waiting) = waiting {
                pending.insert(a.id, waiting);
            }
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
