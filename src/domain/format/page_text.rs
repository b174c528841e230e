//! The article's text as a DOM-based annotation client sees it: the text content of the rendered `<article id="article">`, where Web Annotation selectors are measured.
//!
//! Marginalia's own offsets count its document text, which joins blocks with a blank line. A
//! client in the page (Recogito's text annotator, Apache Annotator, Hypothesis) counts the text
//! nodes under the annotatable root instead, and the article view
//! ([`crate::ui::article`](../../../ui/article/index.html)) renders, in this order and with no
//! text between elements: the title (the first block when it is a level-1 heading, else the
//! document's title, which is then not annotatable), the meta line ([`meta_line`]: byline, date
//! and source), and every block's text. So block boundaries count zero characters, and the
//! title and meta line count as text before the first body block. Positions here are code
//! points, as the Web Annotation model requires (UTF-16 units are accepted on import too).

use crate::domain::annotation::anchor::{best_occurrence, common_prefix_chars, common_suffix_chars};
use crate::domain::annotation::{Target, CONTEXT_CHARS};
use crate::domain::article::document::{ArticleMeta, BlockKind, Document};
use crate::domain::text::OffsetIndex;

/// The line under the title: byline and date joined by " · ", then the source after another
/// " · " (as a link when it is a safe URL). The article view renders exactly these strings.
pub fn meta_line(meta: &ArticleMeta) -> (String, Option<&str>) {
    let parts: Vec<&str> = [meta.byline.as_deref(), meta.date.as_deref()].into_iter().flatten().collect();
    (parts.join(" · "), meta.source.as_deref())
}

/// The text of the meta line as a whole, as the DOM holds it.
fn meta_line_text(meta: &ArticleMeta) -> String {
    let (parts, source) = meta_line(meta);
    match source {
        Some(source) if parts.is_empty() => source.to_string(),
        Some(source) => format!("{parts} · {source}"),
        None => parts,
    }
}

/// The page text of a document and where each block sits in it.
#[derive(Debug, Clone)]
pub struct PageText {
    text: String,
    offsets: OffsetIndex,
    /// Per block: its start in the page text (code points). Blocks keep their lengths.
    page_starts: Vec<usize>,
    /// Per block: (start, end) in the document text.
    doc_spans: Vec<(usize, usize)>,
}

impl PageText {
    pub fn new(doc: &Document) -> Self {
        let blocks = doc.blocks();
        let titled = blocks.first().is_some_and(|b| b.kind == BlockKind::Heading && b.level == 1);
        let mut text = String::with_capacity(doc.text().len() + 256);
        let mut len = 0;
        let mut page_starts = Vec::with_capacity(blocks.len());
        let push = |text: &mut String, len: &mut usize, s: &str| {
            text.push_str(s);
            *len += s.chars().count();
        };
        if !titled {
            push(&mut text, &mut len, doc.title());
            push(&mut text, &mut len, &meta_line_text(doc.meta()));
        }
        for (i, block) in blocks.iter().enumerate() {
            page_starts.push(len);
            push(&mut text, &mut len, doc.block_text(block));
            if i == 0 && titled {
                push(&mut text, &mut len, &meta_line_text(doc.meta()));
            }
        }
        let offsets = OffsetIndex::new(&text);
        let doc_spans = blocks.iter().map(|b| (b.start, b.end)).collect();
        PageText { text, offsets, page_starts, doc_spans }
    }

    /// The page text: what `article.textContent` is in the browser.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn len_chars(&self) -> usize {
        self.offsets.len_chars()
    }

    fn slice(&self, start: usize, end: usize) -> &str {
        let end = end.min(self.len_chars());
        let start = start.min(end);
        &self.text[self.offsets.byte_of_char(&self.text, start)..self.offsets.byte_of_char(&self.text, end)]
    }

    /// The block holding document position `cp` as a start (a position in a separator belongs
    /// to the next block), or as an end (to the previous block).
    fn block_of_doc(&self, cp: usize, as_end: bool) -> Option<usize> {
        let last = self.doc_spans.len().checked_sub(1)?;
        Some(if as_end {
            self.doc_spans.partition_point(|&(start, _)| start < cp).saturating_sub(1)
        } else {
            self.doc_spans.partition_point(|&(_, end)| end <= cp).min(last)
        })
    }

    /// Page range `[start, end)` in code points as UTF-16 units (what JavaScript counts).
    pub fn utf16_span(&self, start: usize, end: usize) -> (usize, usize) {
        (self.offsets.utf16_of_char(&self.text, start), self.offsets.utf16_of_char(&self.text, end))
    }

    /// Document range `[start, end)` as a page range.
    pub fn to_page(&self, start: usize, end: usize) -> (usize, usize) {
        let page = |cp: usize, as_end: bool| match self.block_of_doc(cp, as_end) {
            Some(i) => {
                let (block_start, block_end) = self.doc_spans[i];
                self.page_starts[i] + cp.clamp(block_start, block_end) - block_start
            }
            None => 0,
        };
        let page_start = page(start, false);
        (page_start, page(end, true).max(page_start))
    }

    /// Page range `[start, end)` as a document range; `None` when either end lies outside the
    /// blocks (in the title or meta line that is not part of the article's annotatable text).
    pub fn to_doc(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let len = |i: usize| self.doc_spans[i].1 - self.doc_spans[i].0;
        // A start belongs to the block it is inside; an end to the block it is inside or ends.
        let first = self.page_starts.partition_point(|&s| s <= start).checked_sub(1)?;
        if start >= self.page_starts[first] + len(first) {
            return None;
        }
        let last = self.page_starts.partition_point(|&s| s < end).checked_sub(1)?;
        if end > self.page_starts[last] + len(last) || last < first {
            return None;
        }
        Some((
            self.doc_spans[first].0 + start - self.page_starts[first],
            self.doc_spans[last].0 + end - self.page_starts[last],
        ))
    }

    /// The selectors of document range `[start, end)` over the page text: its page positions,
    /// the quote as the page holds it and up to [`CONTEXT_CHARS`] code points either side.
    pub fn describe(&self, start: usize, end: usize) -> Target {
        let (start, end) = self.to_page(start, end);
        Target {
            start,
            end,
            exact: self.slice(start, end).to_string(),
            prefix: self.slice(start.saturating_sub(CONTEXT_CHARS), start).to_string(),
            suffix: self.slice(end, end + CONTEXT_CHARS).to_string(),
        }
    }

    /// Page positions `[start, end)` as code points, or else as UTF-16 units when they fit
    /// only as those; `None` when they are not both inside the article's blocks.
    fn positions_in_chars(&self, start: usize, end: usize, units_first: bool) -> [Option<(usize, usize)>; 2] {
        let as_chars = (start < end && end <= self.len_chars()).then_some((start, end));
        let as_units = (start < end && end <= self.offsets.len_utf16())
            .then(|| (self.offsets.char_of_utf16(&self.text, start), self.offsets.char_of_utf16(&self.text, end)));
        if units_first {
            [as_units, as_chars]
        } else {
            [as_chars, as_units]
        }
    }

    /// The document range of page positions given without a quote (code points; UTF-16 units
    /// only when code points leave the article), if they are in the article's blocks.
    pub fn at_positions(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        self.positions_in_chars(start, end, false).into_iter().flatten().find_map(|(s, e)| self.to_doc(s, e))
    }

    /// The document range from the start quote `from` to the end quote `to` (a RangeSelector
    /// of two TextQuoteSelectors), if both are in the page text in that order.
    pub fn range_of_quotes(&self, from: &Target, to: &(String, String, String)) -> Option<(usize, usize)> {
        let start = self.find(&from.exact, &from.prefix, &from.suffix, 0)?;
        let end_start = self.find(&to.0, &to.1, &to.2, start)?;
        let end = end_start + to.0.chars().count();
        (end > start).then(|| self.to_doc(start, end)).flatten()
    }

    /// The one occurrence of `exact` with the most context; `None` when another has as much (a
    /// lookalike that cannot be told apart is refused, not guessed).
    fn find(&self, exact: &str, prefix: &str, suffix: &str, near: usize) -> Option<usize> {
        let (start, unique) = best_occurrence(&self.text, exact, prefix, suffix, near, &|byte| {
            self.offsets.char_of_byte(&self.text, byte)
        })?;
        unique.then_some(start)
    }

    /// Where another tool's selectors put a passage, as a document range, trying in turn: the
    /// positions as page code points, then as page UTF-16 units (what JavaScript clients count),
    /// each only if the page holds the quote there; then the quote in the page text, told
    /// apart by its context. `None` when none of these places the quote in the article's
    /// blocks (then the document's own positions and quote are tried by the caller).
    /// `positioned` says whether the file gave positions at all.
    pub fn place(&self, target: &Target, positioned: bool) -> Option<Placed> {
        if positioned {
            if let Some(span) = self.at_quoted_positions(target, false) {
                return Some(Placed::AtPosition(span));
            }
        }
        self.by_quote(target, positioned).map(Placed::ByQuote)
    }

    /// The document range of the target's page positions (code points, then UTF-16 units; the
    /// other way round when `units_first`, for JavaScript tools' own formats) when the page
    /// holds its quote there: cheap, no search. When both readings hold the quote, at two
    /// places (a repeated passage after an astral character), the one whose context matches
    /// the file's prefix and suffix better wins, so a file counting either unit lands right.
    pub fn at_quoted_positions(&self, target: &Target, units_first: bool) -> Option<(usize, usize)> {
        if target.exact.is_empty() {
            return None;
        }
        let mut holding = self
            .positions_in_chars(target.start, target.end, units_first)
            .into_iter()
            .flatten()
            .filter(|&(start, end)| self.slice(start, end) == target.exact)
            .filter_map(|span| Some((span, self.to_doc(span.0, span.1)?)));
        let first = holding.next()?;
        Some(match holding.next() {
            Some(second) if self.context_score(target, second.0) > self.context_score(target, first.0) => second.1,
            _ => first.1,
        })
    }

    /// How many code points of the target's prefix and suffix the page holds around page
    /// range `[start, end)`.
    fn context_score(&self, target: &Target, (start, end): (usize, usize)) -> usize {
        let before = self.slice(start.saturating_sub(target.prefix.chars().count()), start);
        let after = self.slice(end, end + target.suffix.chars().count());
        common_suffix_chars(before, &target.prefix) + common_prefix_chars(after, &target.suffix)
    }

    /// The document range of the one place in the page text that holds the quote with the most
    /// context (the nearest to the given start when `positioned`).
    pub fn by_quote(&self, target: &Target, positioned: bool) -> Option<(usize, usize)> {
        if target.exact.is_empty() || target.exact.contains('\n') {
            return None; // the page text has no line breaks: a quote of Marginalia's own text
        }
        let near = if positioned { target.start } else { 0 };
        let start = self.find(&target.exact, &target.prefix, &target.suffix, near)?;
        self.to_doc(start, start + target.exact.chars().count())
    }
}

/// How [`PageText::place`] found a passage: a document range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placed {
    /// At the positions the file gave.
    AtPosition((usize, usize)),
    /// By its quote and context.
    ByQuote((usize, usize)),
}
