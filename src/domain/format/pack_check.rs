//! The checks a pack passes beyond its types: the article rebuilds to its hash, tags are well formed, and every annotation (and other version) is sound; also the checks every importer shares.

use super::pack::Pack;
use super::{FormatError, MAX_ANNOTATIONS, MAX_NOTE_BYTES};
use crate::domain::annotation::Annotation;

/// Checks what the types cannot: the article rebuilds to its hash, tags are well formed and
/// defined once, and every annotation is sound (see [`check_annotation`]).
pub(super) fn validate(pack: &Pack) -> Result<(), FormatError> {
    let doc = pack.article.to_document().ok_or_else(|| {
        FormatError::at("article.blocks", "the blocks do not divide the article text as Marginalia does")
    })?;
    if doc.hash() != &pack.article.hash {
        return Err(FormatError::at("article.hash", "does not match the article text (was the text edited?)"));
    }
    for (i, tag) in pack.tags.iter().enumerate() {
        if tag.id.0.trim().is_empty() {
            return Err(FormatError::at(format!("tags[{i}].id"), "a tag id cannot be empty"));
        }
        if !is_hex_colour(&tag.colour) {
            return Err(FormatError::at(
                format!("tags[{i}].colour"),
                format!("expected #rrggbb, found {:?}", tag.colour),
            ));
        }
        if pack.tags[..i].iter().any(|t| t.id == tag.id) {
            return Err(FormatError::at(format!("tags[{i}].id"), format!("tag id {:?} is defined twice", tag.id.0)));
        }
    }
    check_annotations(pack, &pack.annotations, "annotations")?;
    // Versions of one id may repeat here; each is checked as an annotation.
    for (i, a) in pack.other_versions.iter().enumerate() {
        check_listed(pack, a, i, "otherVersions", &mut std::collections::HashMap::new())?;
    }
    if let Some(classroom) = &pack.classroom {
        check_annotations(pack, &classroom.answer_key, "classroom.answerKey")?;
    }
    Ok(())
}

/// Checks one list of a pack's annotations (its own or the answer key's), at `list`.
fn check_annotations(pack: &Pack, annotations: &[Annotation], list: &str) -> Result<(), FormatError> {
    let mut seen = std::collections::HashMap::new();
    for (i, a) in annotations.iter().enumerate() {
        check_listed(pack, a, i, list, &mut seen)?;
    }
    Ok(())
}

/// The checks of annotation `i` of `list`. Never inlined, so V8 can run it optimised after the
/// first calls (it switches a wasm function to optimised code only from one call to the next).
#[inline(never)]
fn check_listed(
    pack: &Pack,
    a: &Annotation,
    i: usize,
    list: &str,
    seen: &mut std::collections::HashMap<uuid::Uuid, usize>,
) -> Result<(), FormatError> {
    // The path is written only for an error: 10,000 of them cost more than the checks.
    let path = || format!("{list}[{i}]");
    if !passes_check(a) {
        check_annotation(a, &path())?;
    }
    // `start == end`: an unplaced annotation whose position is unknown (it came from a file
    // without positions and its quote is not in the article); it keeps only its quote.
    if a.target.end != a.target.start && a.target.end - a.target.start != a.target.exact.chars().count() {
        return Err(FormatError::at(
            format!("{}.target.end", path()),
            "the range's length differs from the quote's".to_string(),
        ));
    }
    // Both lists are limited (limits.rs), so this scan is at most 20 × 200 comparisons.
    super::limits::check_tags_per_annotation(a.tags.len(), || format!("{}.tags", path()))?;
    for (j, tag) in a.tags.iter().enumerate() {
        if !pack.tags.iter().any(|t| &t.id == tag) {
            return Err(FormatError::at(
                format!("{}.tags[{j}]", path()),
                format!("tag {:?} is not among the pack's tags", tag.0),
            ));
        }
    }
    if let Some(first) = seen.insert(a.id, i) {
        return Err(FormatError::at(format!("{}.id", path()), format!("the same id as {list}[{first}]")));
    }
    Ok(())
}

/// Whether [`check_annotation`] passes, told without the path its errors name.
fn passes_check(a: &Annotation) -> bool {
    !a.target.exact.is_empty() && a.target.start <= a.target.end && !a.tags.is_empty() && a.note.len() <= MAX_NOTE_BYTES
}

/// The checks every imported annotation passes, whatever its format: a quote, a forward range,
/// at least one tag, and a note within [`MAX_NOTE_BYTES`].
pub fn check_annotation(a: &Annotation, path: &str) -> Result<(), FormatError> {
    if a.target.exact.is_empty() {
        return Err(FormatError::at(format!("{path}.target.exact"), "the quote is empty"));
    }
    if a.target.start > a.target.end {
        return Err(FormatError::at(format!("{path}.target.end"), "the range ends before it starts"));
    }
    if a.tags.is_empty() {
        return Err(FormatError::at(format!("{path}.tags"), "an annotation needs at least one tag"));
    }
    check_note(&a.note, &format!("{path}.note"))
}

/// Refuses notes over [`MAX_NOTE_BYTES`].
pub fn check_note(note: &str, path: &str) -> Result<(), FormatError> {
    if note.len() > MAX_NOTE_BYTES {
        return Err(FormatError::at(
            path,
            format!(
                "the note is {} KB; notes up to {} KB can be imported",
                note.len().div_ceil(1024),
                MAX_NOTE_BYTES / 1024
            ),
        ));
    }
    Ok(())
}

/// The error for a file with more than [`MAX_ANNOTATIONS`].
pub fn too_many(path: &str, count: usize) -> FormatError {
    FormatError::at(path, format!("the file has {count} annotations; up to {MAX_ANNOTATIONS} can be imported at once"))
}

fn is_hex_colour(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].chars().all(|c| c.is_ascii_hexdigit())
}
