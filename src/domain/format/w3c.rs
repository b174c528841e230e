//! W3C Web Annotation export (an AnnotationCollection with one embedded AnnotationPage) and import of what other tools write.
//!
//! Each annotation has a TextQuoteSelector and a TextPositionSelector (code points), tags as
//! TextualBody with purpose `tagging`, the note as TextualBody with purpose `commenting`, and
//! creator, created and modified (UTC `xsd:dateTime`). Import also takes one annotation, a bare
//! list (as Recogito's text annotator gives), or a page; a single value where a list is allowed.

use serde_json::{json, Map, Value};
use time::OffsetDateTime;
use uuid::Uuid;

use super::json::At;
use super::pack::{check_annotation, check_note, too_many, ExportInfo};
use super::{
    derived_id, in_article_order, normalise_quote, Format, FormatError, Imported, Repairs, TagResolver, MAX_ANNOTATIONS,
};
use crate::domain::annotation::{format_utc, Annotation, Target};
use crate::domain::document::Document;
use crate::domain::tags::{TagId, TagSet};

/// The Web Annotation JSON-LD context.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// The IRI standing for the article when it has no URL: its content hash.
pub fn article_iri(doc: &Document) -> String {
    format!("urn:sha256:{}", doc.hash().0)
}

/// The collection of `annotations` of `doc`, in article order, pretty-printed.
pub fn export<'a>(
    doc: &Document,
    tags: &TagSet,
    annotations: impl IntoIterator<Item = &'a Annotation>,
    info: &ExportInfo,
) -> String {
    let annotations = in_article_order(annotations);
    let source = info.source.map_or_else(|| article_iri(doc), str::to_string);
    let collection = format!("urn:marginalia:annotations:{}", doc.hash().0);
    let items: Vec<Value> = annotations.iter().map(|a| annotation_json(a, tags, &source)).collect();
    let value = json!({
        "@context": CONTEXT,
        "id": collection,
        "type": "AnnotationCollection",
        "label": format!("Annotations of “{}”", doc.title()),
        "total": items.len(),
        "first": {
            "id": format!("{collection}/page1"),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    });
    let mut out = crate::domain::json_out::pretty_text(&value);
    out.push('\n');
    out
}

/// One annotation as a W3C Annotation (without `@context`, which the collection carries).
pub fn annotation_json(a: &Annotation, tags: &TagSet, source: &str) -> Value {
    let mut body: Vec<Value> = a
        .tags
        .iter()
        .map(|id| json!({ "type": "TextualBody", "purpose": "tagging", "value": tags.name_of(id) }))
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
    item.insert("body".into(), Value::Array(body));
    item.insert(
        "target".into(),
        json!({
            "source": source,
            "selector": [
                { "type": "TextQuoteSelector", "exact": a.target.exact, "prefix": a.target.prefix, "suffix": a.target.suffix },
                { "type": "TextPositionSelector", "start": a.target.start, "end": a.target.end },
            ],
        }),
    );
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

/// Reads Web Annotation JSON, mapping tag names onto `known` (creating the missing ones).
pub fn read(value: &Value, repairs: Repairs, known: &TagSet) -> Result<Imported, FormatError> {
    let root = At::root(value);
    let items = annotation_items(&root)?;
    if items.len() > MAX_ANNOTATIONS {
        return Err(too_many(root.path(), items.len()));
    }
    let mut tags = TagResolver::new(known);
    let mut annotations: Vec<Annotation> = Vec::with_capacity(items.len());
    let mut skipped = Vec::new();
    let mut source = None;
    // Each id's index among the annotations, to refuse a repeat without rescanning them all.
    let mut seen = std::collections::HashMap::new();
    for item in &items {
        match read_annotation(item, &mut tags)? {
            Some((a, src)) => {
                if let Some(first) = seen.insert(a.id, annotations.len()) {
                    return Err(item.err(format!("the same id as annotation {} of the file", first + 1)));
                }
                source = source.or(src);
                annotations.push(a);
            }
            None => skipped.push(item.err("no text quote: an annotation of the whole page or a reply, skipped")),
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

/// `type` is the given name, or a list containing it (prefixed forms such as `oa:Annotation` too).
fn has_type(value: &Value, name: &str) -> bool {
    let matches = |t: &Value| t.as_str().is_some_and(|s| s == name || s.strip_prefix("oa:") == Some(name));
    match value.get("type").or_else(|| value.get("@type")) {
        Some(Value::Array(types)) => types.iter().any(matches),
        Some(t) => matches(t),
        None => false,
    }
}

/// One annotation and its target's source; `None` when it quotes no text.
fn read_annotation(item: &At, tags: &mut TagResolver) -> Result<Option<(Annotation, Option<String>)>, FormatError> {
    if !item.value.is_object() {
        return Err(item.err("expected an annotation object"));
    }
    let Some((target, source)) = read_target(item)? else { return Ok(None) };
    let id = match item.get("id") {
        Some(id) => parse_id(id.str()?),
        // No id: one made from the content, so importing the same file twice still matches.
        None => derived_id("w3c-content", &crate::domain::json_out::compact_text(item.value)),
    };
    let mut tag_ids: Vec<TagId> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    let mut body_creator = None;
    let mut body_created = None;
    for key in ["body", "bodyValue"] {
        for body in item.get(key).map(|b| b.items()).unwrap_or_default() {
            if let Some(text) = body.value.as_str() {
                // `bodyValue` is plain text; a string `body` is an IRI, kept as a note so it is not lost.
                notes.push(text.to_string());
                continue;
            }
            let Some(value) = body.get("value") else { continue };
            let text = value.str()?;
            let purposes: Vec<String> = body
                .get("purpose")
                .map(|p| p.items().iter().filter_map(|p| p.value.as_str().map(str::to_string)).collect())
                .unwrap_or_default();
            if purposes.iter().any(|p| p == "tagging" || p == "classifying") {
                if let Some(id) = tags.by_name(text) {
                    if !tag_ids.contains(&id) {
                        tag_ids.push(id);
                        super::limits::check_tags_per_annotation(tag_ids.len(), || format!("{}.body", item.path()))?;
                    }
                }
            } else {
                check_note(text, &format!("{}.value", body.path()))?;
                notes.push(text.to_string());
            }
            body_creator = body_creator.or(body.get("creator").map(|c| creator_name(&c)).transpose()?);
            body_created = body_created.or(body.get("created").map(|c| c.time()).transpose()?);
        }
    }
    if tag_ids.is_empty() {
        tag_ids.push(tags.fallback());
    }
    let author = match item.get("creator") {
        Some(c) => creator_name(&c)?,
        None => body_creator.unwrap_or_default(),
    };
    let created = match item.get("created") {
        Some(c) => c.time()?,
        None => body_created.unwrap_or(OffsetDateTime::UNIX_EPOCH),
    };
    let modified = match item.get("modified") {
        Some(m) => m.time()?,
        None => created,
    };
    let annotation = Annotation { id, target, tags: tag_ids, note: notes.join("\n\n"), author, created, modified };
    check_annotation(&annotation, item.path())?;
    Ok(Some((annotation, source)))
}

/// The first target with a TextQuoteSelector: the quote, and the positions when given.
fn read_target(item: &At) -> Result<Option<(Target, Option<String>)>, FormatError> {
    let Some(targets) = item.get("target") else { return Err(item.err("the annotation has no target")) };
    for target in targets.items() {
        let Some(selectors) = target.get("selector") else { continue };
        let mut quote = None;
        let mut position = None;
        for selector in selectors.items() {
            if has_type(selector.value, "TextQuoteSelector") {
                quote = Some((
                    selector.field("exact")?.str()?,
                    selector.get("prefix").map(|p| p.str()).transpose()?.unwrap_or(""),
                    selector.get("suffix").map(|s| s.str()).transpose()?.unwrap_or(""),
                ));
            } else if has_type(selector.value, "TextPositionSelector") {
                let start = selector.field("start")?.usize()?;
                let end = selector.field("end")?.usize()?;
                if end < start {
                    return Err(selector.err("the position selector ends before it starts"));
                }
                position = Some((start, end));
            }
        }
        let Some((exact, prefix, suffix)) = quote else { continue };
        let exact = normalise_quote(exact).trim().to_string();
        // Without positions the target points nowhere in particular; re-anchoring finds it by quote.
        let (start, end) = position.unwrap_or((0, 0));
        let source = target.get("source").and_then(|s| s.value.as_str().map(str::to_string));
        let target = Target { start, end, exact, prefix: normalise_quote(prefix), suffix: normalise_quote(suffix) };
        return Ok(Some((target, source)));
    }
    Ok(None)
}

/// A creator is a name, an IRI, or an agent object with `name`, `nickname` or `id`.
fn creator_name(creator: &At) -> Result<String, FormatError> {
    let first = creator.items().into_iter().next();
    let Some(agent) = first else { return Ok(String::new()) };
    if let Some(s) = agent.value.as_str() {
        return Ok(s.to_string());
    }
    for key in ["name", "nickname", "id"] {
        if let Some(v) = agent.get(key) {
            return Ok(v.str()?.to_string());
        }
    }
    Ok(String::new())
}

/// `urn:uuid:…`, `#…` (Recogito) or a bare UUID keep their UUID; other ids get a derived one.
fn parse_id(id: &str) -> Uuid {
    let bare = id.strip_prefix("urn:uuid:").or_else(|| id.strip_prefix('#')).unwrap_or(id);
    Uuid::parse_str(bare).unwrap_or_else(|_| derived_id("w3c", id))
}
