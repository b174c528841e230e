//! Which annotations the painter keeps in the page: those that meet the stretch of text in and near the viewport.
//!
//! Chromium revalidates every range of the registered highlights whenever one of them changes,
//! so with 10,000 annotations painted a new selection or a new highlight cost a frame of 50 to
//! 230 ms. Keeping only the annotations near the viewport registered (a few hundred at most) makes
//! each change cost what the visible part costs. The painter moves the stretch as the reader
//! scrolls, with a margin on both sides so the edge is never seen; printing paints everything.

use uuid::Uuid;

use crate::domain::annotation::store::Store;
use crate::domain::annotation::Annotation;
use crate::domain::article::document::Document;

/// The stretch of the document whose annotations are painted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InView {
    /// Nothing is painted (before the article is measured).
    Nothing,
    /// Code points `[start, end)`.
    Span(usize, usize),
    /// Every annotation (for printing, or where the page cannot be measured).
    Everything,
}

impl InView {
    /// The text of blocks `first..=last` (clamped to the document); `Nothing` for an empty document.
    pub fn of_blocks(doc: &Document, first: usize, last: usize) -> InView {
        let blocks = doc.blocks();
        let (Some(a), Some(b)) =
            (blocks.get(first.min(last)), blocks.get(last.max(first).min(blocks.len().saturating_sub(1))))
        else {
            return InView::Nothing;
        };
        InView::Span(a.start, b.end)
    }

    /// Whether an annotation over `[start, end)` is painted: it shares a code point with the stretch.
    pub fn shows(&self, start: usize, end: usize) -> bool {
        match *self {
            InView::Nothing => false,
            InView::Span(from, to) => start < to && from < end,
            InView::Everything => true,
        }
    }

    /// The annotations of `store` this stretch paints, in article order.
    pub fn annotations<'a>(&self, store: &'a Store) -> Vec<&'a Annotation> {
        match *self {
            InView::Nothing => Vec::new(),
            InView::Span(from, to) => store.overlapping(from, to),
            InView::Everything => store.in_order().collect(),
        }
    }
}

/// What changes when the painted stretch moves from `from` to `to`: the annotations to take out
/// and those to add. Only the two stretches' annotations are visited, never the whole store.
pub fn moves(store: &Store, from: InView, to: InView) -> (Vec<Uuid>, Vec<&Annotation>) {
    let leave =
        from.annotations(store).into_iter().filter(|a| !to.shows(a.target.start, a.target.end)).map(|a| a.id).collect();
    let enter = to.annotations(store).into_iter().filter(|a| !from.shows(a.target.start, a.target.end)).collect();
    (leave, enter)
}

/// Blocks `(first, last)` inclusive.
pub type BlockSpan = (usize, usize);

/// The blocks to paint after a scroll: `painted` while it still holds every block the reader
/// can reach soon (`needed`), else the wider `wide` around the new position. The gap between
/// the two margins means a stretch is replaced about once per screen scrolled, not every frame.
pub fn next_span(painted: Option<BlockSpan>, needed: BlockSpan, wide: BlockSpan) -> BlockSpan {
    match painted {
        Some((first, last)) if first <= needed.0 && needed.1 <= last => (first, last),
        _ => wide,
    }
}
