//! A student's annotations scored against a teacher's answer key: span-level precision, recall and F1 under a stated overlap rule.
//!
//! Each annotation is a span of the tokens it covers, once per tag it carries (an annotation that
//! covers no word is left out). A student span matches a key span of the same tag when their
//! token overlap divided by their token union (the Jaccard index) is at least one half. Matching
//! is one to one and greedy: candidate pairs are taken best overlap first (ties: earlier key span,
//! then earlier student span), skipping spans already matched. Then, with `m` matches, `s` student
//! spans and `k` key spans: precision `m / s`, recall `m / k`, and F1 `2m / (s + k)` (the harmonic
//! mean of precision and recall, and 0 rather than undefined when only one side has spans).
//! Overall figures add up `m`, `s` and `k` over all tags before dividing.

use std::ops::Range;

use crate::domain::annotation::tags::TagId;
use crate::domain::annotation::Annotation;
use crate::domain::class::agreement::{Figure, Undefined};
use crate::domain::class::tokens::Tokens;

/// The smallest Jaccard index (token overlap over token union) at which two spans match, as a
/// fraction: one half.
pub const MIN_JACCARD: (usize, usize) = (1, 2);

/// The token spans of `annotations` with `tag`, in the order given; spans covering no word are left out.
pub fn spans<'a>(
    tokens: &Tokens,
    annotations: impl IntoIterator<Item = &'a Annotation>,
    tag: &TagId,
) -> Vec<Range<usize>> {
    annotations
        .into_iter()
        .filter(|a| a.has_tag(tag))
        .map(|a| tokens.covered(a.target.start, a.target.end))
        .filter(|r| !r.is_empty())
        .collect()
}

/// (overlap, union) of two token spans, in tokens.
fn overlap_union(a: &Range<usize>, b: &Range<usize>) -> (usize, usize) {
    let overlap = a.end.min(b.end).saturating_sub(a.start.max(b.start));
    (overlap, a.len() + b.len() - overlap)
}

/// The Jaccard index of two token spans: overlap over union (0 for two empty spans).
pub fn jaccard(a: &Range<usize>, b: &Range<usize>) -> f64 {
    let (overlap, union) = overlap_union(a, b);
    if union == 0 {
        return 0.0;
    }
    overlap as f64 / union as f64
}

/// Whether two spans match: Jaccard index at least [`MIN_JACCARD`], compared in whole numbers.
pub fn spans_match(a: &Range<usize>, b: &Range<usize>) -> bool {
    let (overlap, union) = overlap_union(a, b);
    overlap > 0 && overlap * MIN_JACCARD.1 >= union * MIN_JACCARD.0
}

/// The one-to-one greedy matching: (student index, key index) pairs, best overlap first.
pub fn match_spans(student: &[Range<usize>], key: &[Range<usize>]) -> Vec<(usize, usize)> {
    let mut candidates: Vec<(usize, usize, usize, usize)> = Vec::new(); // (overlap, union, student, key)
    for (s, a) in student.iter().enumerate() {
        for (k, b) in key.iter().enumerate() {
            if spans_match(a, b) {
                let (overlap, union) = overlap_union(a, b);
                candidates.push((overlap, union, s, k));
            }
        }
    }
    // Higher Jaccard first (cross-multiplied, so no rounding), then the earlier key span, then the earlier student span.
    crate::domain::text::sort::sort_by(&mut candidates, |x, y| {
        let better = (y.0 * x.1).cmp(&(x.0 * y.1));
        let earlier = |c: &(usize, usize, usize, usize)| (key[c.3].start, c.3, student[c.2].start, c.2);
        better.then_with(|| earlier(x).cmp(&earlier(y)))
    });
    let (mut used_student, mut used_key) = (vec![false; student.len()], vec![false; key.len()]);
    let mut matches = Vec::new();
    for (_, _, s, k) in candidates {
        if !used_student[s] && !used_key[k] {
            used_student[s] = true;
            used_key[k] = true;
            matches.push((s, k));
        }
    }
    // The crate's one compiled sort, not another copy of the standard library's (`sort.rs`).
    crate::domain::text::sort::sort_by_key(&mut matches, |m| *m);
    matches
}

/// Precision, recall and F1 from the counts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SpanScore {
    pub matched: usize,
    pub student_spans: usize,
    pub key_spans: usize,
    pub precision: Figure,
    pub recall: Figure,
    pub f1: Figure,
}

impl SpanScore {
    pub fn from_counts(matched: usize, student_spans: usize, key_spans: usize) -> Self {
        let ratio =
            |n: usize, d: usize, why| if d == 0 { Figure::Undefined(why) } else { Figure::Value(n as f64 / d as f64) };
        SpanScore {
            matched,
            student_spans,
            key_spans,
            precision: ratio(matched, student_spans, Undefined::NoStudentSpans),
            recall: ratio(matched, key_spans, Undefined::NoKeySpans),
            f1: ratio(2 * matched, student_spans + key_spans, Undefined::NoSpans),
        }
    }
}

/// One student's scores per tag and overall.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyScore {
    pub per_tag: Vec<(TagId, SpanScore)>,
    pub overall: SpanScore,
}

/// Scores `student`'s annotations against `key` for each of `tags`.
pub fn score_against_key(tokens: &Tokens, student: &[Annotation], key: &[Annotation], tags: &[TagId]) -> KeyScore {
    let per_tag: Vec<(TagId, SpanScore)> = tags
        .iter()
        .map(|tag| {
            let (mine, theirs) = (spans(tokens, student, tag), spans(tokens, key, tag));
            let matched = match_spans(&mine, &theirs).len();
            (tag.clone(), SpanScore::from_counts(matched, mine.len(), theirs.len()))
        })
        .collect();
    let sum = |f: fn(&SpanScore) -> usize| per_tag.iter().map(|(_, s)| f(s)).sum::<usize>();
    let overall = SpanScore::from_counts(sum(|s| s.matched), sum(|s| s.student_spans), sum(|s| s.key_spans));
    KeyScore { per_tag, overall }
}

/// For each of `key`'s annotations, whether `mine` found it: one of its tags matched under the
/// rule above (what a self-check key shows a student beside each key passage).
pub fn key_found(tokens: &Tokens, mine: &[Annotation], key: &[Annotation]) -> Vec<bool> {
    let mut found = vec![false; key.len()];
    let mut tags: Vec<&TagId> = Vec::new();
    for tag in key.iter().flat_map(|a| &a.tags) {
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    for tag in tags {
        let (indices, theirs): (Vec<usize>, Vec<Range<usize>>) = key
            .iter()
            .enumerate()
            .filter(|(_, a)| a.has_tag(tag))
            .map(|(i, a)| (i, tokens.covered(a.target.start, a.target.end)))
            .filter(|(_, r)| !r.is_empty())
            .unzip();
        for (_, k) in match_spans(&spans(tokens, mine, tag), &theirs) {
            found[indices[k]] = true;
        }
    }
    found
}
