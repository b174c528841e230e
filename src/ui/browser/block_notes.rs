//! Screen-reader descriptions of annotated paragraphs: one `aria-description` attribute per block, never a node per highlight.

use std::ops::Range;

use crate::domain::annotation::spoken::block_description;
use crate::domain::annotation::store::Store;
use crate::domain::annotation::tags::TagSet;
use crate::domain::article::document::Document;
use crate::domain::i18n::Texts;
use crate::ui::browser::dom_text::DomText;

/// The attribute that carries a block's description (ARIA 1.3; an attribute adds no DOM node).
const ATTR: &str = "aria-description";

/// Sets or clears the description of each block in `blocks` from the annotations it holds.
pub fn describe(dom: &DomText, doc: &Document, store: &Store, tags: &TagSet, t: &Texts, blocks: Range<usize>) {
    for index in blocks {
        let (Some(block), Some(element)) = (doc.blocks().get(index), dom.block_element(index)) else { continue };
        let description = block_description(store.overlapping(block.start, block.end), tags, t);
        let _ = match description {
            Some(text) => element.set_attribute(ATTR, &text),
            None => element.remove_attribute(ATTR),
        };
    }
}

/// The blocks that `[start, end)` touches, for redescribing after a change.
pub fn blocks_of(doc: &Document, start: usize, end: usize) -> Range<usize> {
    let first = doc.block_index_at(start).unwrap_or(0);
    let last = doc.block_index_at(end.saturating_sub(1).max(start)).unwrap_or(first);
    first..last + 1
}
