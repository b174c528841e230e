//! Maps between DOM positions in the rendered article and document code points; the one place offsets become DOM ranges.
//!
//! The article view renders each block as one element with a `data-block` index; inside it, each
//! run of text (plain, emphasised, linked) is one text node. A block's text is exactly the
//! concatenation of its text nodes, so a DOM position is (block, UTF-16 unit) and the domain does
//! the arithmetic.

use wasm_bindgen::JsCast;
use web_sys::{Element, Node, Range, StaticRange, StaticRangeInit, Text};

use crate::domain::article::document::Document;

/// The attribute carrying a block's index on its element.
pub const BLOCK_ATTR: &str = "data-block";

/// One text node of a block and the UTF-16 offset where it starts in the block's text.
struct Run {
    node: Text,
    start: usize,
}

/// The text nodes of the rendered article's blocks, collected once after the article is rendered.
pub struct DomText {
    root: Element,
    blocks: Vec<(Element, Vec<Run>)>,
}

impl DomText {
    /// Collects every block's text nodes under `root`; `None` if the DOM does not match the document.
    pub fn collect(root: Element, doc: &Document) -> Option<Self> {
        let elements = root.query_selector_all(&format!("[{BLOCK_ATTR}]")).ok()?;
        let mut blocks = Vec::with_capacity(doc.blocks().len());
        for i in 0..elements.length() {
            let element: Element = elements.item(i)?.dyn_into().ok()?;
            let mut runs = Vec::new();
            let mut start = 0;
            collect_text(&element, &mut runs, &mut start, 0);
            blocks.push((element, runs));
        }
        (blocks.len() == doc.blocks().len()).then_some(DomText { root, blocks })
    }

    pub fn root(&self) -> &Element {
        &self.root
    }

    /// The element of block `index`.
    pub fn block_element(&self, index: usize) -> Option<Element> {
        self.blocks.get(index).map(|(element, _)| element.clone())
    }

    /// The text node and offset in it for UTF-16 unit `unit` of block `index`.
    fn point(&self, index: usize, unit: usize) -> Option<(&Text, u32)> {
        let runs = &self.blocks.get(index)?.1;
        let at = runs.partition_point(|r| r.start <= unit).checked_sub(1)?;
        let run = &runs[at];
        Some((&run.node, (unit - run.start).min(run.node.length() as usize) as u32))
    }

    /// A live DOM range over document code points `[start, end)`, for selections and measuring.
    pub fn range(&self, doc: &Document, start: usize, end: usize) -> Option<Range> {
        let (first, from) = doc.block_utf16_of_char(start)?;
        let (last, to) = doc.block_utf16_of_end(end)?;
        let (start_node, start_offset) = self.point(first, from)?;
        let (end_node, end_offset) = self.point(last, to)?;
        let range = Range::new().ok()?;
        range.set_start(start_node, start_offset).ok()?;
        range.set_end(end_node, end_offset).ok()?;
        Some(range)
    }

    /// A static range over document code points `[start, end)`: unlike a live `Range`, the
    /// browser does not track it on every DOM mutation, which matters with thousands of highlights.
    pub fn static_range(&self, doc: &Document, start: usize, end: usize) -> Option<StaticRange> {
        let (first, from) = doc.block_utf16_of_char(start)?;
        let (last, to) = doc.block_utf16_of_end(end)?;
        let (start_node, start_offset) = self.point(first, from)?;
        let (end_node, end_offset) = self.point(last, to)?;
        let init = StaticRangeInit::new(end_node, end_offset, start_node, start_offset);
        StaticRange::new(&init).ok()
    }

    /// The document code point at a DOM position, if the position lies in the article.
    pub fn char_at(&self, doc: &Document, node: &Node, offset: u32) -> Option<usize> {
        if !self.root.contains(Some(node)) {
            return None;
        }
        let element = match node.dyn_ref::<Element>() {
            Some(element) => element.clone(),
            None => node.parent_element()?,
        };
        let Some(block_element) = element.closest(&format!("[{BLOCK_ATTR}]")).ok().flatten() else {
            return self.char_between_blocks(doc, node, offset);
        };
        let index: usize = block_element.get_attribute(BLOCK_ATTR)?.parse().ok()?;
        let runs = &self.blocks.get(index)?.1;
        // A text node: its own start plus the offset, so no scan over the document is needed.
        if let Some(run) = runs.iter().find(|r| r.node.is_same_node(Some(node))) {
            return doc.char_of_block_utf16(index, run.start + offset as usize);
        }
        // An element position inside the block: the start of the first run at or after it.
        let point = collapsed_range(node, offset)?;
        let unit = runs
            .iter()
            .find(|r| point.compare_point(&r.node, 0).is_ok_and(|order| order >= 0))
            .map_or_else(|| runs.last().map_or(0, |r| r.start + r.node.length() as usize), |r| r.start);
        doc.char_of_block_utf16(index, unit)
    }

    /// A position between blocks (in the article's own containers): the start of the next block, or the end of the last.
    fn char_between_blocks(&self, doc: &Document, node: &Node, offset: u32) -> Option<usize> {
        let point = collapsed_range(node, offset)?;
        let next =
            self.blocks.iter().position(|(element, _)| point.compare_point(element, 0).is_ok_and(|order| order >= 0));
        match next {
            Some(index) => doc.blocks().get(index).map(|b| b.start),
            None => doc.blocks().last().map(|b| b.end),
        }
    }

    /// The document code points the window's selection covers, if it lies (at least partly) in the article.
    pub fn selection(&self, doc: &Document) -> Option<(usize, usize)> {
        let selection = web_sys::window()?.get_selection().ok()??;
        if selection.is_collapsed() || selection.range_count() == 0 {
            return None;
        }
        let range = selection.get_range_at(0).ok()?;
        let start = self.char_at(doc, &range.start_container().ok()?, range.start_offset().ok()?).or_else(|| {
            // A selection that starts before the article starts at its beginning.
            range.intersects_node(&self.root).ok()?.then_some(0)
        })?;
        let end = self.char_at(doc, &range.end_container().ok()?, range.end_offset().ok()?).unwrap_or(doc.len_chars());
        (start < end).then_some((start, end))
    }

    /// Replaces the window's selection with document code points `[start, end)`, unless it already
    /// is that; a selection made backwards (Shift+←) stays backwards, so the keyboard goes on
    /// moving the same end.
    pub fn select(&self, doc: &Document, start: usize, end: usize) {
        if self.selection(doc) == Some((start, end)) {
            return;
        }
        let backwards = self.anchor_focus(doc).is_some_and(|(anchor, focus)| focus < anchor);
        let Some(range) = self.range(doc, start, end) else { return };
        let Some(selection) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) else { return };
        let ends = || {
            Some((
                range.start_container().ok()?,
                range.start_offset().ok()?,
                range.end_container().ok()?,
                range.end_offset().ok()?,
            ))
        };
        match ends() {
            Some((start_node, start_offset, end_node, end_offset)) if backwards => {
                let _ = selection.set_base_and_extent(&end_node, end_offset, &start_node, start_offset);
            }
            _ => {
                let _ = selection.remove_all_ranges();
                let _ = selection.add_range(&range);
            }
        }
    }

    /// The window selection's anchor and focus as document code points, when both lie in the article.
    pub fn anchor_focus(&self, doc: &Document) -> Option<(usize, usize)> {
        let selection = web_sys::window()?.get_selection().ok()??;
        let anchor = self.char_at(doc, &selection.anchor_node()?, selection.anchor_offset())?;
        let focus = self.char_at(doc, &selection.focus_node()?, selection.focus_offset())?;
        Some((anchor, focus))
    }

    /// Sets the window's selection from `anchor` to `focus` (document code points, in either order;
    /// equal ones make a caret). A position at a block's end stays in that block.
    pub fn set_selection(&self, doc: &Document, anchor: usize, focus: usize) {
        let point = |at: usize| doc.block_utf16_of_end(at).and_then(|(block, unit)| self.point(block, unit));
        let (Some((anchor_node, anchor_offset)), Some((focus_node, focus_offset))) = (point(anchor), point(focus))
        else {
            return;
        };
        if let Some(selection) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
            let _ = selection.set_base_and_extent(anchor_node, anchor_offset, focus_node, focus_offset);
        }
    }

    /// The document code point under viewport point (x, y), if it is article text.
    pub fn char_at_point(&self, doc: &Document, x: f64, y: f64) -> Option<usize> {
        let document = web_sys::window()?.document()?;
        let caret = document.caret_position_from_point(x as f32, y as f32)?;
        self.char_at(doc, &caret.offset_node()?, caret.offset())
    }

    /// Puts a collapsed selection at the start of block `index`.
    pub fn place_caret(&self, index: usize) {
        let Some((node, _)) = self.point(index, 0) else { return };
        if let Some(selection) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
            let _ = selection.collapse_with_offset(Some(node), 0);
        }
    }
}

/// Appends the text nodes under `node` in document order; the depth guard keeps recursion bounded.
fn collect_text(node: &Node, runs: &mut Vec<Run>, start: &mut usize, depth: usize) {
    let children = node.child_nodes();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else { continue };
        if let Some(text) = child.dyn_ref::<Text>() {
            let len = text.length() as usize;
            runs.push(Run { node: text.clone(), start: *start });
            *start += len;
        } else if depth < 16 {
            collect_text(&child, runs, start, depth + 1);
        }
    }
}

fn collapsed_range(node: &Node, offset: u32) -> Option<Range> {
    let range = Range::new().ok()?;
    range.set_start(node, offset).ok()?;
    range.collapse_with_to_start(true);
    Some(range)
}
