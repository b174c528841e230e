//! The keyboard caret's moves through the document's text: by grapheme and by word inside a paragraph, on into the next or previous paragraph at its ends, and what a change of selection adds or removes.
//!
//! Positions are document code points that lie in a block, its end included (the caret after a
//! paragraph's last character); a position in the separator between two blocks counts as the start
//! of the next. Moves are logical (reading order), so they are the same in right-to-left text: the
//! shell maps the arrow keys to forward and backward by the paragraph's direction
//! ([`forward_for_arrow`]). Lines are the browser's business (`ui/browser/lines.rs`): only it knows
//! where a paragraph wraps.

use super::document::{Block, Document};
use crate::domain::text::segment;
use crate::domain::text::{char_len, quiet_window, slice_chars, snap_to_graphemes};

/// How far a move goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// One grapheme cluster (what a reader sees as one character).
    Grapheme,
    /// Forward to the end of the next word, backward to the start of the previous one (a word is a
    /// word-boundary piece with a letter or digit, so spaces and punctuation are passed over).
    Word,
}

/// How many code points around the caret are segmented at least (see [`quiet_window`]).
const REACH: usize = 32;

/// Whether the arrow key moves forward in reading order: → in a left-to-right paragraph, ← in a
/// right-to-left one (the caret goes the way the arrow points).
pub fn forward_for_arrow(right_arrow: bool, rtl: bool) -> bool {
    right_arrow != rtl
}

/// The index of the block the caret position `at` lies in (its end included), if the document has blocks.
pub fn block_of(doc: &Document, at: usize) -> Option<usize> {
    let blocks = doc.blocks();
    let last = blocks.len().checked_sub(1)?;
    Some(blocks.partition_point(|b| b.end < at).min(last))
}

/// Where the caret at `at` goes by one `unit` forward or backward; it stays put at the document's
/// ends. From a paragraph's end it goes on into the next paragraph (to its start by grapheme, to
/// the end of its first word by word), and back from a paragraph's start likewise.
pub fn step(doc: &Document, at: usize, unit: Unit, forward: bool) -> usize {
    step_reaching(doc, at, unit, forward, REACH)
}

/// [`step`] segmenting at least `reach` code points around the caret (tests use small ones and
/// check the answer is the same as segmenting whole paragraphs).
pub fn step_reaching(doc: &Document, at: usize, unit: Unit, forward: bool, reach: usize) -> usize {
    let Some(index) = block_of(doc, at) else { return at };
    let blocks = doc.blocks();
    let block = blocks[index];
    let at = at.clamp(block.start, block.end);
    if let Some(local) = stop_in(doc, &block, at - block.start, unit, forward, reach) {
        return block.start + local;
    }
    let neighbour = if forward { blocks.get(index + 1) } else { index.checked_sub(1).map(|i| &blocks[i]) };
    let Some(next) = neighbour else { return at };
    let edge = if forward { 0 } else { next.end - next.start };
    match unit {
        Unit::Grapheme => next.start + edge,
        Unit::Word => next.start + stop_in(doc, next, edge, unit, forward, reach).unwrap_or(edge),
    }
}

/// The stop after (or before) block-relative `local` inside the block, if there is one before its edge.
fn stop_in(doc: &Document, block: &Block, local: usize, unit: Unit, forward: bool, reach: usize) -> Option<usize> {
    let text = doc.block_text(block);
    let len = char_len(text);
    if (forward && local >= len) || (!forward && local == 0) {
        return None;
    }
    let mut reach = reach.max(1);
    loop {
        let (from, to) = quiet_window(text, local, reach);
        let window = slice_chars(text, from, to);
        let found = match unit {
            Unit::Grapheme => grapheme_stop(window, local - from, forward),
            Unit::Word => word_stop(window, local - from, forward),
        };
        match found {
            Some(p) => return Some(from + p),
            // The window's cuts are boundaries of the whole text, but a word may lie beyond them.
            None if from > 0 || to < len => reach = reach.saturating_mul(4),
            // No word on that side: the paragraph's edge is the stop.
            None => return Some(if forward { len } else { 0 }),
        }
    }
}

/// The start of the grapheme cluster code point `at` falls in (itself at a boundary), so a position
/// the layout gave (a point on screen) never splits a cluster.
pub fn grapheme_start(doc: &Document, at: usize) -> usize {
    let Some(index) = block_of(doc, at) else { return at };
    let block = doc.blocks()[index];
    let at = at.clamp(block.start, block.end);
    let text = doc.block_text(&block);
    let local = at - block.start;
    let (from, to) = quiet_window(text, local, REACH);
    block.start + from + snap_to_graphemes(slice_chars(text, from, to), local - from, local - from).0
}

/// The next grapheme boundary after `at` (or the previous one before it) in `text`.
fn grapheme_stop(text: &str, at: usize, forward: bool) -> Option<usize> {
    let mut cp = 0;
    let mut before = None;
    for grapheme in segment::graphemes(text) {
        if cp > at {
            break;
        }
        if cp < at {
            before = Some(cp);
        }
        cp += grapheme.chars().count();
    }
    if forward {
        (cp > at).then_some(cp)
    } else {
        before
    }
}

/// Forward: the end of the first word ending after `at`; backward: the start of the last word
/// starting before it (in `text`, code points).
fn word_stop(text: &str, at: usize, forward: bool) -> Option<usize> {
    let mut cp = 0;
    let mut before = None;
    for piece in segment::word_bounds(text) {
        let end = cp + piece.chars().count();
        let word = piece.chars().any(char::is_alphanumeric);
        if word && forward && end > at {
            return Some(end);
        }
        if !forward && cp >= at {
            break;
        }
        if word {
            before = Some(cp);
        }
        cp = end;
    }
    if forward {
        None
    } else {
        before
    }
}

/// What a change of the selection (code points, `None` when nothing is selected) adds or takes away,
/// for screen readers: the part a step selected or unselected, or the whole new selection when it moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SelectionChange {
    Selected(usize, usize),
    Unselected(usize, usize),
}

/// The part of the text a keyboard step selected or unselected; `None` when the selection is unchanged.
pub fn selection_change(before: Option<(usize, usize)>, after: Option<(usize, usize)>) -> Option<SelectionChange> {
    use SelectionChange::{Selected, Unselected};
    match (before, after) {
        (None, None) => None,
        (None, Some((s, e))) => Some(Selected(s, e)),
        (Some((s, e)), None) => Some(Unselected(s, e)),
        (Some(old), Some(new)) if old == new => None,
        (Some((s0, e0)), Some((s1, e1))) if s0 == s1 => {
            Some(if e1 > e0 { Selected(e0, e1) } else { Unselected(e1, e0) })
        }
        (Some((s0, e0)), Some((s1, e1))) if e0 == e1 => {
            Some(if s1 < s0 { Selected(s1, s0) } else { Unselected(s0, s1) })
        }
        (Some(_), Some((s, e))) => Some(Selected(s, e)),
    }
}
