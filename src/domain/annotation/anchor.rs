//! Describes a range of a document as a [`Target`] and finds a target again in a document.

use crate::domain::annotation::{Target, CONTEXT_CHARS};
use crate::domain::article::document::Document;

/// How a target was found in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchored {
    /// The text at the stored positions is the quote.
    Exact { start: usize, end: usize },
    /// The quote was found elsewhere (the best match by context and distance).
    Moved { start: usize, end: usize },
    /// An edited version of the quote was found with matching context (only
    /// [`reanchor`](crate::domain::annotation::reanchor::reanchor) gives this); `score` is its combined score in percent.
    Fuzzy { start: usize, end: usize, score: u8 },
    /// The quote is not in the document.
    Orphaned,
}

impl Anchored {
    /// Where it was found; `None` for an orphan.
    pub fn span(self) -> Option<(usize, usize)> {
        match self {
            Anchored::Exact { start, end } | Anchored::Moved { start, end } | Anchored::Fuzzy { start, end, .. } => {
                Some((start, end))
            }
            Anchored::Orphaned => None,
        }
    }
}

/// The target for code points `[start, end)` of `doc`, with quote, prefix and suffix.
pub fn describe(doc: &Document, start: usize, end: usize) -> Target {
    let end = end.min(doc.len_chars());
    let start = start.min(end);
    Target {
        start,
        end,
        exact: doc.slice(start, end).to_string(),
        prefix: doc.slice(start.saturating_sub(CONTEXT_CHARS), start).to_string(),
        suffix: doc.slice(end, end + CONTEXT_CHARS).to_string(),
    }
}

/// [`describe`] of `[start, end)`, given the old `target`: returned as it is when it already
/// says exactly that (the usual case on a re-import), so nothing is copied.
pub fn retarget(doc: &Document, target: Target, start: usize, end: usize) -> Target {
    let end = end.min(doc.len_chars());
    let start = start.min(end);
    let unchanged = target.start == start
        && target.end == end
        && doc.slice(start, end) == target.exact
        && doc.slice(start.saturating_sub(CONTEXT_CHARS), start) == target.prefix
        && doc.slice(end, end + CONTEXT_CHARS) == target.suffix;
    if unchanged {
        target
    } else {
        describe(doc, start, end)
    }
}

/// Finds `target` in `doc`: at its positions if the quote is there, else where the quote occurs
/// with the most matching context (ties go to the occurrence nearest the old position).
pub fn anchor(doc: &Document, target: &Target) -> Anchored {
    if target.exact.is_empty() {
        return Anchored::Orphaned;
    }
    if target.end <= doc.len_chars() && target.start < target.end && doc.slice(target.start, target.end) == target.exact
    {
        return Anchored::Exact { start: target.start, end: target.end };
    }
    let exact_len = target.exact.chars().count();
    match best_occurrence(doc.text(), &target.exact, &target.prefix, &target.suffix, target.start, &|byte| {
        doc.char_of_byte(byte)
    }) {
        Some((start, _)) => Anchored::Moved { start, end: start + exact_len },
        None => Anchored::Orphaned,
    }
}

/// The code point where `exact` occurs in `text` with the most of `prefix` before it and
/// `suffix` after it (ties go to the occurrence nearest `near`); `char_of_byte` converts a byte
/// offset of `text` to code points; with whether no other occurrence has as much context.
/// Shared by [`anchor`] and the reading of other tools' selectors over the page text
/// ([`crate::domain::format::page_text`]).
#[inline(never)] // one copy for both callers
pub fn best_occurrence(
    text: &str,
    exact: &str,
    prefix: &str,
    suffix: &str,
    near: usize,
    char_of_byte: &dyn Fn(usize) -> usize,
) -> Option<(usize, bool)> {
    if exact.is_empty() {
        return None;
    }
    let mut best: Option<(usize, usize, usize)> = None; // (score, distance, start)
    let mut best_score_seen = 0; // how many occurrences have the best score so far
    for byte in occurrences(text, exact) {
        let start = char_of_byte(byte);
        let before = &text[..byte];
        let after = &text[byte + exact.len()..];
        let score = common_suffix_chars(before, prefix) + common_prefix_chars(after, suffix);
        let distance = start.abs_diff(near);
        match best {
            Some((s, _, _)) if score == s => best_score_seen += 1,
            Some((s, _, _)) if score < s => {}
            _ => best_score_seen = 1,
        }
        let better = match best {
            None => true,
            Some((s, d, _)) => score > s || (score == s && distance < d),
        };
        if better {
            best = Some((score, distance, start));
        }
    }
    best.map(|(_, _, start)| (start, best_score_seen == 1))
}

/// Byte offsets of every occurrence of `needle` in `haystack`, overlapping ones included
/// (`str::match_indices` skips those, so the second "ana" of "banana" would never be found).
fn occurrences<'a>(haystack: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        let byte = from + haystack.get(from..)?.find(needle)?;
        from = byte + haystack[byte..].chars().next().map_or(1, char::len_utf8);
        Some(byte)
    })
}

pub(crate) fn common_prefix_chars(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

pub(crate) fn common_suffix_chars(a: &str, b: &str) -> usize {
    a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).count()
}
