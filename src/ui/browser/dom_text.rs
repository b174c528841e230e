//! Maps between DOM positions in the rendered article and document code points; the one place offsets become DOM ranges.
//!
//! The article view renders each block as one element with a `data-block` index holding exactly
//! one text node, so a DOM position is (block, UTF-16 unit) and the domain does the arithmetic.

use wasm_bindgen::JsCast;
use web_sys::{Element, Node, Range, StaticRange, StaticRangeInit, Text};

use crate::domain::document::Document;

/// The attribute carrying a block's index on its element.
pub const BLOCK_ATTR: &str = "data-block";

/// The text nodes of the rendered article's blocks, collected once after the article is rendered.
pub struct DomText {
    root: Element,
    texts: Vec<Text>,
}

impl DomText {
    /// Collects the block text nodes under `root`; `None` if the DOM does not match the document.
    pub fn collect(root: Element, doc: &Document) -> Option<Self> {
        let elements = root.query_selector_all(&format!("[{BLOCK_ATTR}]")).ok()?;
        let mut texts = Vec::with_capacity(doc.blocks().len());
        for i in 0..elements.length() {
            let text = elements.item(i)?.first_child()?.dyn_into::<Text>().ok()?;
            texts.push(text);
        }
        (texts.len() == doc.blocks().len()).then_some(DomText { root, texts })
    }

    pub fn root(&self) -> &Element {
        &self.root
    }

    /// The element of block `index`.
    pub fn block_element(&self, index: usize) -> Option<Element> {
        self.texts.get(index)?.parent_element()
    }

    /// A DOM range over document code points `[start, end)`.
    pub fn range(&self, doc: &Document, start: usize, end: usize) -> Option<Range> {
        let (first, from) = doc.block_utf16_of_char(start)?;
        let (last, to) = doc.block_utf16_of_end(end)?;
        let range = Range::new().ok()?;
        range.set_start(self.texts.get(first)?, from as u32).ok()?;
        range.set_end(self.texts.get(last)?, to as u32).ok()?;
        Some(range)
    }

    /// A static range over document code points `[start, end)`: unlike a live `Range`, the
    /// browser does not track it on every DOM mutation, which matters with thousands of highlights.
    pub fn static_range(&self, doc: &Document, start: usize, end: usize) -> Option<StaticRange> {
        let (first, from) = doc.block_utf16_of_char(start)?;
        let (last, to) = doc.block_utf16_of_end(end)?;
        let init = StaticRangeInit::new(self.texts.get(last)?, to as u32, self.texts.get(first)?, from as u32);
        StaticRange::new(&init).ok()
    }

    /// The document code point at a DOM position, if the position lies in the article.
    pub fn char_at(&self, doc: &Document, node: &Node, offset: u32) -> Option<usize> {
        if !self.root.contains(Some(node)) {
            return None;
        }
        // A text node: its parent element names the block, so no scan over blocks is needed.
        if let Some(index) = node.parent_element().as_ref().and_then(block_index_of) {
            if self.texts.get(index).is_some_and(|t| t.is_same_node(Some(node))) {
                return doc.char_of_block_utf16(index, offset as usize);
            }
        }
        // An element position: before its `offset`-th child, which is a block or contains blocks.
        let element = node.dyn_ref::<Element>()?;
        if let Some(index) = block_index_of(element) {
            let block = doc.blocks().get(index)?;
            return Some(if offset == 0 { block.start } else { block.end });
        }
        let children = element.child_nodes();
        for i in offset..children.length() {
            if let Some(index) = children.item(i).and_then(|c| first_block_in(&c)) {
                return doc.blocks().get(index).map(|b| b.start);
            }
        }
        let last_before =
            (0..offset.min(children.length())).rev().find_map(|i| children.item(i).and_then(|c| last_block_in(&c)));
        last_before.and_then(|index| doc.blocks().get(index)).map(|b| b.end)
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

    /// Replaces the window's selection with document code points `[start, end)`, unless it already is that.
    pub fn select(&self, doc: &Document, start: usize, end: usize) {
        if self.selection(doc) == Some((start, end)) {
            return;
        }
        let Some(range) = self.range(doc, start, end) else { return };
        if let Some(selection) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
            let _ = selection.remove_all_ranges();
            let _ = selection.add_range(&range);
        }
    }

    /// The document code point under viewport point (x, y), if it is article text.
    pub fn char_at_point(&self, doc: &Document, x: f64, y: f64) -> Option<usize> {
        let document = web_sys::window()?.document()?;
        let caret = document.caret_position_from_point(x as f32, y as f32)?;
        self.char_at(doc, &caret.offset_node()?, caret.offset())
    }
}

fn block_index_of(element: &Element) -> Option<usize> {
    element.get_attribute(BLOCK_ATTR)?.parse().ok()
}

fn first_block_in(node: &Node) -> Option<usize> {
    let element = node.dyn_ref::<Element>()?;
    block_index_of(element).or_else(|| block_index_of(&element.query_selector(&format!("[{BLOCK_ATTR}]")).ok()??))
}

fn last_block_in(node: &Node) -> Option<usize> {
    let element = node.dyn_ref::<Element>()?;
    if let Some(index) = block_index_of(element) {
        return Some(index);
    }
    let all = element.query_selector_all(&format!("[{BLOCK_ATTR}]")).ok()?;
    let last = all.item(all.length().checked_sub(1)?)?;
    block_index_of(last.dyn_ref::<Element>()?)
}
