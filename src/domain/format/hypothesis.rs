//! Import of the Hypothesis client's JSON export: its `annotations` array with TextQuote, TextPosition and Range selectors, `tags` and `text`.
//!
//! Hypothesis ids are not UUIDs; each gets a UUID derived from it ([`derived_id`]), so the same
//! file imported twice adds nothing. Page notes and replies quote no text and are skipped, with
//! their path, rather than rejecting the file. The Range selector (XPaths into the page's DOM)
//! means nothing for Marginalia's text; like every selector it must be an object with a `type`.

use serde_json::Value;

use super::json::At;
use super::pack::{check_annotation, too_many};
use super::{derived_id, normalise_quote, Format, FormatError, Imported, Repairs, TagResolver, MAX_ANNOTATIONS};
use crate::domain::annotation::{Annotation, Target};
use crate::domain::tags::{TagId, TagSet};

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
        let Some(a) = read_annotation(item, &mut tags)? else {
            skipped.push(item.err("no text quote: a page note or a reply, skipped"));
            continue;
        };
        if let Some(first) = seen.insert(a.id, annotations.len()) {
            return Err(item.field("id")?.err(format!("the same id as {}[{first}]", list.path())));
        }
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
        id: derived_id("hypothesis", id),
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
