//! Where the article's lines start and end on screen, measured from the layout (each character's box through `Range.getBoundingClientRect`): the keyboard caret's moves by line (↑ ↓) and to a line's edges (Home, End).
//!
//! Only the browser knows where a paragraph wraps. A line is a run of code points whose boxes
//! share a row, and lines follow one another in reading order whatever the direction, so a line's
//! ends are found by binary search over the paragraph's code points; nothing is measured outside
//! the two lines concerned, and it works for lines scrolled out of view.

use web_sys::Element;

use super::dom_text::DomText;
use crate::domain::article::caret::block_of;
use crate::domain::article::document::Document;

/// A line of one block: code points `[start, end)`.
#[derive(Clone, Copy)]
pub struct Line {
    pub start: usize,
    pub end: usize,
}

impl Line {
    /// Where the caret goes for End: after the line's last character, but before a space it
    /// wrapped at (that position is the next line's start).
    pub fn caret_end(&self, doc: &Document) -> usize {
        let last_block_end = block_of(doc, self.start).map(|i| doc.blocks()[i].end);
        let wrapped_at_space = Some(self.end) != last_block_end && doc.slice(self.end - 1, self.end) == " ";
        if wrapped_at_space {
            self.end - 1
        } else {
            self.end
        }
    }
}

/// The box of code point `cp` (top, bottom, left, right), in viewport pixels.
fn char_box(dom: &DomText, doc: &Document, cp: usize) -> Option<(f64, f64, f64, f64)> {
    let rect = dom.range(doc, cp, cp + 1)?.get_bounding_client_rect();
    Some((rect.top(), rect.bottom(), rect.left(), rect.right()))
}

/// Whether block element `element` runs right to left (its `dir="auto"` resolved by the browser).
pub fn is_rtl(element: &Element) -> bool {
    super::dom::computed_style(element, "direction").is_some_and(|d| d == "rtl")
}

/// The line of block `index` that holds code point `cp` (the last one for the block's end).
pub fn line_at(dom: &DomText, doc: &Document, index: usize, cp: usize) -> Option<Line> {
    let block = *doc.blocks().get(index)?;
    let cp = if cp >= block.end { block.end.checked_sub(1)?.max(block.start) } else { cp.max(block.start) };
    let (top, bottom, _, _) = char_box(dom, doc, cp)?;
    let middle = |q: usize| char_box(dom, doc, q).map_or((top + bottom) / 2.0, |(t, b, _, _)| (t + b) / 2.0);
    // Everything before the line sits above its row, everything after it below.
    let start = first_where(block.start, cp, |q| middle(q) >= top);
    let end = first_where(cp + 1, block.end, |q| middle(q) > bottom);
    Some(Line { start, end })
}

/// The first `q` in `[from, to)` for which the monotone `holds` is true, else `to`.
fn first_where(mut from: usize, mut to: usize, holds: impl Fn(usize) -> bool) -> usize {
    while from < to {
        let mid = from + (to - from) / 2;
        if holds(mid) {
            to = mid;
        } else {
            from = mid + 1;
        }
    }
    from
}

/// The x coordinate of the caret at position `q` of `line`: the reading-start side of character
/// `q`, or the reading-end side of the line's last character at the line's end.
fn caret_x(dom: &DomText, doc: &Document, line: &Line, q: usize, rtl: bool) -> Option<f64> {
    if q < line.end {
        let (_, _, left, right) = char_box(dom, doc, q)?;
        Some(if rtl { right } else { left })
    } else {
        let (_, _, left, right) = char_box(dom, doc, q.checked_sub(1)?)?;
        Some(if rtl { left } else { right })
    }
}

/// A caret move by one line: the position reached, the column (x) kept for the next move, and
/// the line reached. `None` at the first or last line of the article.
pub struct LineMove {
    pub at: usize,
    pub goal: f64,
    pub line: Line,
}

/// Moves the caret at `at` one line down or up, as close as the line allows to the column `goal`
/// (the caret's own x when a run of line moves starts).
pub fn vertical(dom: &DomText, doc: &Document, at: usize, goal: Option<f64>, down: bool) -> Option<LineMove> {
    let index = block_of(doc, at)?;
    let block = doc.blocks()[index];
    let rtl = dom.block_element(index).is_some_and(|e| is_rtl(&e));
    let here = line_at(dom, doc, index, at)?;
    let goal = match goal {
        Some(goal) => goal,
        None => caret_x(dom, doc, &here, at.clamp(here.start, here.end), rtl)?,
    };
    let (target_block, probe) = match (down, here.end < block.end, here.start > block.start) {
        (true, true, _) => (index, here.end),
        (true, false, _) => (index + 1, doc.blocks().get(index + 1)?.start),
        (false, _, true) => (index, here.start - 1),
        (false, _, false) => (index.checked_sub(1)?, doc.blocks().get(index.checked_sub(1)?)?.end),
    };
    let line = line_at(dom, doc, target_block, probe)?;
    let rtl = if target_block == index { rtl } else { dom.block_element(target_block).is_some_and(|e| is_rtl(&e)) };
    let last = line.caret_end(doc);
    let at = (line.start..=last)
        .filter_map(|q| Some((q, (caret_x(dom, doc, &line, q, rtl)? - goal).abs())))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map_or(line.start, |(q, _)| q);
    Some(LineMove { at: crate::domain::article::caret::grapheme_start(doc, at), goal, line })
}

/// Where Home (`end` false) or End (`end` true) puts the caret at `at`: the start or end of its line.
pub fn edge(dom: &DomText, doc: &Document, at: usize, end: bool) -> Option<usize> {
    let index = block_of(doc, at)?;
    let line = line_at(dom, doc, index, at)?;
    // The caret just before a wrapped line's space belongs to that line, not to the one after it.
    Some(if end { line.caret_end(doc) } else { line.start })
}
