//! What screen readers say about highlights, which are painted without DOM nodes: one sentence per annotation and one description per annotated paragraph.

use crate::domain::annotation::tags::TagSet;
use crate::domain::annotation::Annotation;
use crate::domain::i18n::Texts;

/// Longest quote spoken for one annotation, in characters.
const QUOTE_CHARS: usize = 80;
/// Longest note spoken for one annotation, in characters.
const NOTE_CHARS: usize = 120;
/// Most annotations a paragraph's description names; the rest are counted.
const NAMED_PER_BLOCK: usize = 5;

/// The first `max` characters of `text`, cut at a word and ended with an ellipsis when shortened.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

/// The annotation's tags (in tag-set order), its quote and its note: `Claim, Quote: “…”, note: …`.
pub fn summary(annotation: &Annotation, tags: &TagSet, t: &Texts) -> String {
    let mut ids: Vec<_> = annotation.tags.iter().collect();
    // The crate's one compiled sort, not another copy of the standard library's (`text/sort.rs`).
    crate::domain::text::sort::sort_by_key(&mut ids, |t| tags.position(t));
    let names: Vec<&str> = ids.iter().map(|t| tags.name_of(t)).collect();
    let note = annotation.note.trim();
    let note = (!note.is_empty()).then(|| shorten(note, NOTE_CHARS));
    (t.spoken_summary)(&names.join(", "), &shorten(&annotation.target.exact, QUOTE_CHARS), note.as_deref())
}

/// What a screen reader hears about a paragraph with annotations (`None` without any):
/// `Highlighted: Claim: “…”; Quote: “…”`, naming at most five and counting the others.
pub fn block_description<'a>(
    annotations: impl IntoIterator<Item = &'a Annotation>,
    tags: &TagSet,
    t: &Texts,
) -> Option<String> {
    let all: Vec<&Annotation> = annotations.into_iter().collect();
    if all.is_empty() {
        return None;
    }
    let named: Vec<String> = all.iter().take(NAMED_PER_BLOCK).map(|a| summary(a, tags, t)).collect();
    Some((t.spoken_block)(&named.join("; "), all.len().saturating_sub(NAMED_PER_BLOCK)))
}

/// What is announced when keyboard navigation reaches an annotation: its summary, where it is
/// in the list, and how to edit it.
pub fn reached(annotation: &Annotation, tags: &TagSet, index: usize, total: usize, t: &Texts) -> String {
    (t.spoken_reached)(&summary(annotation, tags, t), index + 1, total)
}
