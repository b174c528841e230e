//! Placing annotations from other tools' files (W3C, Hypothesis) in the open article, and keeping what a file cannot know better than the session.

use super::page_text::{PageText, Placed};
use super::{normalise_quote, FormatError, Pending};
use crate::domain::annotation::anchor::{describe, retarget, Anchored};
use crate::domain::annotation::reanchor::Anchorer;
use crate::domain::annotation::{Annotation, Target};
use crate::domain::article::document::Document;

/// Places an annotation from another tool's file (W3C, Hypothesis): over the page text first
/// ([`PageText::place`]: positions, then quote), then by Marginalia's own document positions
/// and quote (files of earlier versions, quotes from other pages), its quote's white space
/// brought to Marginalia's. An orphan has no position here (`start == end == 0`). `Err` for a
/// target that only positions outside the article's text give: nothing can be kept of it.
/// `units_first`: the file counts UTF-16 units (Hypothesis), so those are tried before code points.
pub(super) fn place_from_page(
    doc: &Document,
    (anchorer, page): (&Anchorer, &PageText),
    a: Annotation,
    waiting: Option<Pending>,
    units_first: bool,
) -> Result<(Annotation, Anchored), FormatError> {
    let found = match &waiting {
        Some(Pending::Positions) => match page.at_positions(a.target.start, a.target.end) {
            Some(span) => Placed::AtPosition(span),
            None => {
                return Err(FormatError::at(
                    format!("annotation {}", a.id),
                    format!(
                        "positions {}-{} without a quote are not in this article's text, left out",
                        a.target.start, a.target.end
                    ),
                ))
            }
        },
        Some(Pending::RangeTo(end)) => match page.range_of_quotes(&a.target, end) {
            Some(span) => Placed::ByQuote(span),
            None => {
                let exact = format!("{} … {}", a.target.exact.trim(), end.0.trim());
                let target = Target { start: 0, end: 0, exact, prefix: a.target.prefix, suffix: end.2.clone() };
                return Ok((Annotation { target: unplaced(target), ..a }, Anchored::Orphaned));
            }
        },
        None => match page.at_quoted_positions(&a.target, units_first).map(Placed::AtPosition).or_else(|| {
            // Marginalia's own positions holding the quote (files of earlier versions) before
            // any search; then the quote in the page text.
            let t = &a.target;
            let own = t.start < t.end && t.end <= doc.len_chars() && doc.slice(t.start, t.end) == t.exact;
            own.then_some(Placed::AtPosition((t.start, t.end)))
                .or_else(|| page.by_quote(&a.target, t.start < t.end).map(Placed::ByQuote))
        }) {
            Some(found) => found,
            None => {
                let t = &a.target;
                let target = Target {
                    start: t.start,
                    end: t.end,
                    exact: normalise_quote(&t.exact).trim().to_string(),
                    prefix: normalise_quote(&t.prefix),
                    suffix: normalise_quote(&t.suffix),
                };
                let anchored = anchorer.anchor(&target);
                return Ok(match anchored.span() {
                    Some((start, end)) => (Annotation { target: retarget(doc, target, start, end), ..a }, anchored),
                    None => (Annotation { target: unplaced(target), ..a }, anchored),
                });
            }
        },
    };
    let (anchored, (start, end)) = match found {
        Placed::AtPosition(span) => (Anchored::Exact { start: span.0, end: span.1 }, span),
        Placed::ByQuote(span) => (Anchored::Moved { start: span.0, end: span.1 }, span),
    };
    Ok((Annotation { target: describe(doc, start, end), ..a }, anchored))
}

/// The target of an annotation that another tool's file places nowhere in this article: no
/// position, and context cut to 32 code points on each side, as Marginalia keeps it (tools may
/// send more).
fn unplaced(target: Target) -> Target {
    super::clamp_context(Target { start: 0, end: 0, ..target })
}

/// What a file cannot say better than the open article already does stays as it is, so an
/// unchanged annotation coming back from a file is no new version: an orphan's target (the
/// file knows no position either; its context may have been cut) when the quote is the same,
/// and times that differ only below the millisecond (JavaScript tools keep milliseconds).
pub(super) fn same_as_known(a: &mut Annotation, known: &Annotation, anchored: Anchored) {
    if anchored == Anchored::Orphaned && a.target.exact == known.target.exact {
        a.target = known.target.clone();
    }
    let millis = |t: time::OffsetDateTime| (t.unix_timestamp(), t.millisecond());
    if a.created != known.created && millis(a.created) == millis(known.created) {
        a.created = known.created;
    }
    if a.modified != known.modified && millis(a.modified) == millis(known.modified) {
        a.modified = known.modified;
    }
}
