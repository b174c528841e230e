//! Reading what other tools write as Web Annotation: every target and body kept or listed with the reason, one bad annotation rejecting only itself.
//!
//! Targets: each target of an annotation becomes one annotation (the first keeps the id, the
//! others get ids derived from it); a target's selectors may be a TextQuoteSelector, a
//! TextPositionSelector, both, either inside a FragmentSelector's `refinedBy`, or a
//! RangeSelector between two quote selectors. Positions count the page text
//! ([`super::page_text`]); quotes and ranges are resolved when the file is placed in the open
//! article ([`Pending`]). Bodies: tags are `tagging`/`classifying` bodies, or any body when the
//! annotation's own motivation is tagging; IRI and SpecificResource tags become tags named by
//! their label or last path segment with the IRI as the tag's description; a Choice gives its
//! texts; an external resource becomes a link line in the note; `text/html` becomes its text.

use serde_json::Value;
use time::OffsetDateTime;
use uuid::Uuid;

use super::json::At;
use super::pack::{check_annotation, check_note};
use super::{derived_id, FormatError, Pending, TagResolver};
use crate::domain::annotation::tags::TagId;
use crate::domain::annotation::{Annotation, Target};

/// One annotation made of one target: the annotation, what is left to resolve in the article,
/// and the target's source.
pub type FromTarget = (Annotation, Option<Pending>, Option<String>);

/// A target read: its quote and positions as given, what is left to resolve, its source.
type TargetRead = (Target, Option<Pending>, Option<String>);

/// One annotation of a file read: what it becomes, and what of it was not kept.
pub struct Read {
    /// One per usable target.
    pub annotations: Vec<FromTarget>,
    /// Targets that select no text (the whole page, an image region), with the reason.
    pub left_out: Vec<FormatError>,
}

/// Reads one annotation; an `Err` rejects this annotation only.
pub fn read_annotation(item: &At, tags: &mut TagResolver) -> Result<Read, FormatError> {
    if !item.value.is_object() {
        return Err(item.err("expected an annotation object"));
    }
    let Some(targets) = item.get("target") else { return Err(item.err("the annotation has no target")) };
    let mut found = Vec::new();
    let mut left_out = Vec::new();
    for target in targets.items() {
        match read_target(&target)? {
            Some(t) => found.push(t),
            None => left_out.push(target.err("selects no text (the whole page, or a part that is not text), left out")),
        }
    }
    if found.is_empty() {
        return Err(item.err("no target selects text: an annotation of the whole page or a reply, left out"));
    }
    let id_text = match item.get("id") {
        Some(id) => Some(id.str()?.to_string()),
        None => None,
    };
    let base_id = match &id_text {
        Some(id) => parse_id(id),
        // No id: one made from the content, so importing the same file twice still matches.
        None => derived_id("w3c-content", &crate::domain::json::write::compact_text(item.value)),
    };
    let motivations = strings(item.get("motivation"));
    let tagging_annotation = motivations.iter().any(|m| is_tagging(m));
    let mut body = Bodies::default();
    for key in ["body", "bodyValue"] {
        for b in item.get(key).map(|b| b.items()).unwrap_or_default() {
            body.read(&b, tagging_annotation, tags)?;
            super::limits::check_tags_per_annotation(body.tags.len(), || format!("{}.body", item.path()))?;
        }
    }
    if body.tags.is_empty() {
        body.tags.push(tags.fallback());
    }
    let author = match item.get("creator") {
        Some(c) => creator_name(&c)?,
        None => body.creator.unwrap_or_default(),
    };
    let created = match item.get("created") {
        Some(c) => c.xsd_time()?,
        None => body.created.unwrap_or(OffsetDateTime::UNIX_EPOCH),
    };
    let modified = match item.get("modified") {
        Some(m) => m.xsd_time()?,
        None => created,
    };
    let note = body.notes.join("\n\n");
    check_note(&note, &format!("{}.body", item.path()))?;
    let mut annotations = Vec::with_capacity(found.len());
    for (i, (target, pending, source)) in found.into_iter().enumerate() {
        let id = match i {
            0 => base_id,
            _ => derived_id("w3c-target", &format!("{base_id}#{i}")),
        };
        let a = Annotation {
            id,
            target,
            tags: body.tags.clone(),
            note: note.clone(),
            author: author.clone(),
            created,
            modified,
        };
        if pending.is_none() {
            check_annotation(&a, item.path())?;
        }
        annotations.push((a, pending, source));
    }
    Ok(Read { annotations, left_out })
}

/// What the bodies of one annotation give.
#[derive(Default)]
struct Bodies {
    tags: Vec<TagId>,
    notes: Vec<String>,
    creator: Option<String>,
    created: Option<OffsetDateTime>,
}

impl Bodies {
    fn read(&mut self, body: &At, tagging_annotation: bool, tags: &mut TagResolver) -> Result<(), FormatError> {
        if let Some(iri) = body.value.as_str() {
            // A string body is an IRI (or, under `bodyValue`, plain text).
            if tagging_annotation && is_iri(iri) {
                self.tag(tags, &iri_label(iri), Some(iri));
            } else if is_iri(iri) {
                self.notes.push(format!("Link: {iri}"));
            } else {
                self.notes.push(iri.to_string());
            }
            return Ok(());
        }
        if !body.value.is_object() {
            return Err(body.err("expected a body object or IRI"));
        }
        if has_type(body.value, "Choice") {
            for item in body.get("items").map(|i| i.items()).unwrap_or_default() {
                self.read(&item, tagging_annotation, tags)?;
            }
            return Ok(());
        }
        let purposes = strings(body.get("purpose"));
        let tagging = purposes.iter().any(|p| is_tagging(p)) || (purposes.is_empty() && tagging_annotation);
        let format = body.get("format").and_then(|f| f.value.as_str().map(str::to_string));
        if let Some(value) = body.get("value") {
            let text = value.str()?;
            let text = if format.as_deref().is_some_and(|f| f.eq_ignore_ascii_case("text/html")) {
                html_to_text(text)
            } else {
                text.to_string()
            };
            if tagging {
                self.tag(tags, &text, None);
            } else {
                check_note(&text, value.path())?;
                self.notes.push(text);
            }
        } else {
            // A resource: a SpecificResource (its `source`) or an external one (its `id`).
            let resource =
                body.get("source").unwrap_or_else(|| At { value: body.value, path: body.path().to_string() });
            let iri = match resource.value.as_str() {
                Some(s) => s.to_string(),
                None => resource.get("id").map(|i| i.str().map(str::to_string)).transpose()?.unwrap_or_default(),
            };
            let type_of = |at: &At| at.get("type").and_then(|t| t.value.as_str().map(str::to_string));
            let label = body.get("label").and_then(|l| l.value.as_str().map(str::to_string));
            if iri.is_empty() && label.is_none() {
                return Err(body.err("a body with neither a value nor an IRI"));
            }
            if tagging {
                let name = label.unwrap_or_else(|| iri_label(&iri));
                self.tag(tags, &name, (!iri.is_empty()).then_some(iri.as_str()));
            } else {
                let kind = type_of(&resource)
                    .filter(|t| t != "SpecificResource")
                    .or_else(|| type_of(body).filter(|t| t != "SpecificResource"))
                    .unwrap_or_else(|| "Link".to_string());
                let line = match label {
                    Some(label) => format!("{kind}: {label} <{iri}>"),
                    None => format!("{kind}: {iri}"),
                };
                self.notes.push(line);
            }
        }
        self.creator = self.creator.take().or(body.get("creator").map(|c| creator_name(&c)).transpose()?);
        self.created = self.created.or(body.get("created").map(|c| c.xsd_time()).transpose()?);
        Ok(())
    }

    fn tag(&mut self, tags: &mut TagResolver, name: &str, iri: Option<&str>) {
        if let Some(id) = tags.by_name(name) {
            if let Some(iri) = iri {
                tags.describe(&id, iri);
            }
            if !self.tags.contains(&id) {
                self.tags.push(id);
            }
        }
    }
}

fn is_tagging(purpose: &str) -> bool {
    let p = purpose.strip_prefix("oa:").unwrap_or(purpose);
    p == "tagging" || p == "classifying"
}

fn is_iri(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else { return false };
    !rest.is_empty()
        && !s.contains(char::is_whitespace)
        && scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
}

/// A readable name for an IRI: its last path segment or fragment, `_` as spaces (the IRI itself
/// is kept as the tag's description).
fn iri_label(iri: &str) -> String {
    let trimmed = iri.trim_end_matches(['/', '#']);
    let last = trimmed.rsplit(['/', '#', ':']).next().unwrap_or(trimmed).replace('_', " ");
    if last.trim().is_empty() {
        iri.to_string()
    } else {
        last
    }
}

/// The text of an HTML fragment: tags dropped (block ends as line breaks), the common named and
/// all numeric character references decoded. Nothing of it is ever interpreted as HTML.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find(['<', '&']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('<') {
            let end = rest.find('>').map_or(rest.len(), |e| e + 1);
            let tag = rest[1..end.saturating_sub(1).max(1)].trim_start_matches('/').to_ascii_lowercase();
            let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
            if ["p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"].contains(&name.as_str())
                && !out.ends_with('\n')
                && !out.is_empty()
            {
                out.push('\n');
            }
            rest = &rest[end..];
        } else {
            let end = rest.find(';').filter(|&e| e <= 10);
            let decoded = end.and_then(|e| entity(&rest[1..e]));
            match (end, decoded) {
                (Some(e), Some(c)) => {
                    out.push(c);
                    rest = &rest[e + 1..];
                }
                _ => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
        }
    }
    out.push_str(rest);
    out.trim().to_string()
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        _ => return None,
    })
}

/// The strings of a value that is a string or a list of them (others ignored).
fn strings(at: Option<At>) -> Vec<String> {
    at.map(|a| a.items().iter().filter_map(|p| p.value.as_str().map(str::to_string)).collect()).unwrap_or_default()
}

/// `type` is the given name, or a list containing it (prefixed forms such as `oa:Annotation` too).
pub fn has_type(value: &Value, name: &str) -> bool {
    let matches = |t: &Value| t.as_str().is_some_and(|s| s == name || s.strip_prefix("oa:") == Some(name));
    match value.get("type").or_else(|| value.get("@type")) {
        Some(Value::Array(types)) => types.iter().any(matches),
        Some(t) => matches(t),
        None => false,
    }
}

/// A quote selector's (exact, prefix, suffix).
fn quote_of(selector: &At) -> Result<(String, String, String), FormatError> {
    let text = |key: &str| -> Result<String, FormatError> {
        Ok(selector.get(key).map(|p| p.str()).transpose()?.unwrap_or("").to_string())
    };
    let exact = selector.field("exact")?;
    if exact.str()?.trim().is_empty() {
        return Err(exact.err("the quote is empty"));
    }
    Ok((exact.str()?.to_string(), text("prefix")?, text("suffix")?))
}

/// What the selectors of one target say.
#[derive(Default)]
struct Selected {
    quote: Option<(String, String, String)>,
    position: Option<(usize, usize)>,
    range_end: Option<(String, String, String)>,
}

impl Selected {
    /// `refined`: inside another selector's `refinedBy`, where positions count from the start
    /// of the part that selector picks (an XML element, say), not the page, so they are unused.
    fn read(&mut self, selector: &At, refined: bool) -> Result<(), FormatError> {
        if has_type(selector.value, "TextQuoteSelector") {
            self.quote = Some(quote_of(selector)?);
        } else if has_type(selector.value, "TextPositionSelector") && !refined {
            let start = selector.field("start")?.usize()?;
            let end = selector.field("end")?.usize()?;
            if end < start {
                return Err(selector.err("the position selector ends before it starts"));
            }
            self.position = Some((start, end));
        } else if has_type(selector.value, "RangeSelector") {
            let (start, end) = (selector.field("startSelector")?, selector.field("endSelector")?);
            if has_type(start.value, "TextQuoteSelector") && has_type(end.value, "TextQuoteSelector") {
                self.quote = Some(quote_of(&start)?);
                self.range_end = Some(quote_of(&end)?);
            }
        }
        // Any selector may be refined (a FragmentSelector of the page refined by a quote, say).
        if let Some(refined) = selector.get("refinedBy") {
            for r in refined.items() {
                self.read(&r, true)?;
            }
        }
        Ok(())
    }
}

/// One target: its quote (or the start quote of a range) and positions as given, what is left
/// to resolve in the article, and its source. `None` when it selects no text.
fn read_target(target: &At) -> Result<Option<TargetRead>, FormatError> {
    let Some(selectors) = target.get("selector") else { return Ok(None) };
    let mut selected = Selected::default();
    for selector in selectors.items() {
        if !selector.value.is_object() {
            return Err(selector.err("expected a selector object"));
        }
        selected.read(&selector, false)?;
    }
    let source = target.get("source").and_then(|s| s.value.as_str().map(str::to_string));
    let (start, end) = selected.position.unwrap_or((0, 0));
    let (target, pending) = match (selected.quote, selected.range_end) {
        (Some((exact, prefix, suffix)), Some(range_end)) => {
            (Target { start, end, exact, prefix, suffix }, Some(Pending::RangeTo(range_end)))
        }
        (Some((exact, prefix, suffix)), None) => (Target { start, end, exact, prefix, suffix }, None),
        (None, _) if start < end => (Target { start, end, ..Target::default() }, Some(Pending::Positions)),
        (None, _) => return Ok(None),
    };
    Ok(Some((target, pending, source)))
}

/// A creator is a name, an IRI, or an agent object with `name`, `nickname` or `id`.
pub fn creator_name(creator: &At) -> Result<String, FormatError> {
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
