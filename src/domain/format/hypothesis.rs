//! Import and export of the Hypothesis client's JSON file: its `annotations` array with TextQuote, TextPosition and Range selectors, `tags` and `text`.
//!
//! The export is what the Hypothesis client's "Import" reads (an object with `export_date` and
//! `annotations`, each with `uri`, `target` with its selectors, `tags`, `text`, `created` and
//! `updated`); its positions are UTF-16 units of the page text ([`PageText`]), as the client
//! counts them, and ids are Marginalia's UUIDs, kept on the way back.
//! Hypothesis ids are not UUIDs; each gets a UUID derived from it ([`derived_id`]), so the same
//! file imported twice adds nothing. Page notes and replies quote no text and are skipped, with
//! their path, rather than rejecting the file. The Range selector (XPaths into the page's DOM)
//! means nothing for Marginalia's text; like every selector it must be an object with a `type`.

use serde_json::Value;

use super::json::At;
use super::pack::ExportInfo;
use super::pack::{check_annotation, too_many};
use super::page_text::PageText;
use super::{
    derived_id, in_article_order, is_placed, normalise_quote, Format, FormatError, Imported, Repairs, TagResolver,
    MAX_ANNOTATIONS,
};
use crate::domain::annotation::tags::{TagId, TagSet};
use crate::domain::annotation::{Annotation, Target};
use crate::domain::article::document::Document;
use crate::domain::json::write::JsonOut;

/// True for the client's export (`annotations` with `export_date` or Hypothesis-shaped
/// entries) and for API search results (`rows`).
pub fn looks_like(value: &Value) -> bool {
    let Some(list) = value.get("annotations").or_else(|| value.get("rows")) else { return false };
    ["export_date", "export_userid", "client_version"].iter().any(|k| value.get(k).is_some())
        || list.as_array().and_then(|l| l.first()).is_some_and(|a| a.get("uri").is_some() || a.get("user").is_some())
}

/// Reads a Hypothesis export, mapping its tag names onto `known` (creating the missing ones).
pub fn read(value: &Value, repairs: Repairs, known: &TagSet) -> Result<Imported, FormatError> {
    let root = At::root(value);
    let list = match root.get("annotations") {
        Some(list) => list,
        None => root.field("rows")?,
    };
    let items = list.array()?;
    if items.len() > MAX_ANNOTATIONS {
        return Err(too_many(list.path(), items.len()));
    }
    let mut tags = TagResolver::new(known);
    let mut annotations: Vec<Annotation> = Vec::with_capacity(items.len());
    let mut skipped = Vec::new();
    let mut source = None;
    // Each id's index among the annotations, to refuse a repeat without rescanning them all.
    let mut seen = std::collections::HashMap::new();
    for item in &items {
        // A bad annotation is listed and left out; the others are kept (tags only of those).
        let before = tags.tags.tags.len();
        let a = match read_annotation(item, &mut tags) {
            Ok(Some(a)) => a,
            Ok(None) => {
                skipped.push(item.err("no text quote: a page note or a reply, skipped"));
                continue;
            }
            Err(e) => {
                tags.tags.tags.truncate(before);
                skipped.push(e);
                continue;
            }
        };
        if let Some(&first) = seen.get(&a.id) {
            tags.tags.tags.truncate(before);
            skipped.push(item.field("id")?.err(format!("the same id as {}[{first}], left out", list.path())));
            continue;
        }
        seen.insert(a.id, annotations.len());
        source = source.or_else(|| item.get("uri").and_then(|u| u.value.as_str().map(str::to_string)));
        annotations.push(a);
    }
    Ok(Imported {
        format: Format::Hypothesis,
        article: None,
        source,
        tags: tags.tags,
        annotations,
        repairs,
        skipped,
        classroom: None,
        pending: Vec::new(),
    })
}

fn read_annotation(item: &At, tags: &mut TagResolver) -> Result<Option<Annotation>, FormatError> {
    if !item.value.is_object() {
        return Err(item.err("expected an annotation object"));
    }
    let id = item.field("id")?.str()?;
    let Some(target) = read_target(item)? else { return Ok(None) };
    let mut tag_ids: Vec<TagId> = Vec::new();
    if let Some(list) = item.get("tags") {
        let list = list.array()?;
        super::limits::check_tags_per_annotation(list.len(), || format!("{}.tags", item.path()))?;
        for tag in list {
            if let Some(id) = tags.by_name(tag.str()?) {
                if !tag_ids.contains(&id) {
                    tag_ids.push(id);
                }
            }
        }
    }
    if tag_ids.is_empty() {
        tag_ids.push(tags.fallback());
    }
    let created = item.field("created")?.time()?;
    let modified = match item.get("updated") {
        Some(updated) => updated.time()?,
        None => created,
    };
    let annotation = Annotation {
        // Marginalia's own export keeps its UUIDs, so the same annotation comes back as itself.
        id: uuid::Uuid::parse_str(id).unwrap_or_else(|_| derived_id("hypothesis", id)),
        target,
        tags: tag_ids,
        note: item.get("text").map(|t| t.str()).transpose()?.unwrap_or("").to_string(),
        author: author(item)?,
        created,
        modified,
    };
    check_annotation(&annotation, item.path())?;
    Ok(Some(annotation))
}

/// The display name when the export has one, else the user name of `acct:name@host`.
fn author(item: &At) -> Result<String, FormatError> {
    if let Some(name) = item.get("user_info").and_then(|u| u.get("display_name")) {
        return Ok(name.str()?.to_string());
    }
    let Some(user) = item.get("user") else { return Ok(String::new()) };
    let user = user.str()?;
    let name = user.strip_prefix("acct:").unwrap_or(user);
    Ok(name.split('@').next().unwrap_or(name).to_string())
}

/// The quote and positions of the first target with a TextQuoteSelector.
fn read_target(item: &At) -> Result<Option<Target>, FormatError> {
    let Some(targets) = item.get("target") else { return Ok(None) };
    for target in targets.array()? {
        let Some(selectors) = target.get("selector") else { continue };
        let mut quote = None;
        let mut position = None;
        for selector in selectors.array()? {
            let kind = selector.field("type")?.str()?;
            match kind {
                "TextQuoteSelector" => {
                    quote = Some((
                        selector.field("exact")?.str()?,
                        selector.get("prefix").map(|p| p.str()).transpose()?.unwrap_or(""),
                        selector.get("suffix").map(|s| s.str()).transpose()?.unwrap_or(""),
                    ))
                }
                "TextPositionSelector" => {
                    let (start, end) = (selector.field("start")?.usize()?, selector.field("end")?.usize()?);
                    if end < start {
                        return Err(selector.field("end")?.err("ends before the start"));
                    }
                    position = Some((start, end));
                }
                // RangeSelector (XPaths into the page) and others: nothing to use.
                _ => {}
            }
        }
        let Some((exact, prefix, suffix)) = quote else { continue };
        let (start, end) = position.unwrap_or((0, 0));
        return Ok(Some(Target {
            start,
            end,
            exact: normalise_quote(exact).trim().to_string(),
            prefix: normalise_quote(prefix),
            suffix: normalise_quote(suffix),
        }));
    }
    Ok(None)
}

/// The file the Hypothesis client imports: `annotations` of `doc` in article order (one version
/// per id), each on `uri` (the article's URL, else its content hash IRI).
pub fn export<'a>(
    doc: &Document,
    tags: &TagSet,
    annotations: impl IntoIterator<Item = &'a Annotation>,
    info: &ExportInfo,
) -> String {
    write_export(doc, tags, &in_article_order(annotations), info)
}

#[inline(never)]
fn write_export(doc: &Document, tags: &TagSet, annotations: &[&Annotation], info: &ExportInfo) -> String {
    let uri = info.source.map_or_else(|| super::w3c::article_iri(doc), str::to_string);
    let page = PageText::new(doc);
    let mut w = JsonOut::pretty();
    w.reserve(annotations.len() * 800);
    w.begin_object().key("export_date").time(utc(info.at)).str_field("export_userid", info.by);
    w.str_field("client_version", super::pack::APP).key("annotations").begin_array();
    for a in annotations {
        w.begin_object().str_field("id", &a.id.to_string());
        w.key("created").time(utc(a.created)).key("updated").time(utc(a.modified));
        w.str_field("uri", &uri).str_field("text", &a.note).key("tags").begin_array();
        for id in &a.tags {
            w.str(tags.name_of(id));
        }
        w.end_array().str_field("group", "__world__");
        if !a.author.is_empty() {
            w.key("user_info").begin_object().str_field("display_name", &a.author).end_object();
        }
        w.key("target").begin_array().begin_object().str_field("source", &uri).key("selector").begin_array();
        let placed = is_placed(doc, a).then(|| page.describe(a.target.start, a.target.end));
        if let Some(t) = &placed {
            let (start, end) = page.utf16_span(t.start, t.end);
            w.begin_object().str_field("type", "TextPositionSelector");
            w.num_field("start", start as u64).num_field("end", end as u64).end_object();
        }
        let quote = placed.as_ref().unwrap_or(&a.target);
        w.begin_object().str_field("type", "TextQuoteSelector").str_field("exact", &quote.exact);
        w.str_field("prefix", &quote.prefix).str_field("suffix", &quote.suffix).end_object();
        w.end_array().end_object().end_array();
        w.key("document").begin_object().key("title").begin_array().str(doc.title()).end_array().end_object();
        w.end_object();
    }
    w.end_array().end_object();
    let mut out = w.finish();
    out.push('\n');
    out
}

fn utc(at: time::OffsetDateTime) -> time::OffsetDateTime {
    at.to_offset(time::UtcOffset::UTC)
}
