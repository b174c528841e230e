//! Turns the bytes of an opened or pasted file into text the loaders can read, with size, binary and encoding checks.

use super::document::{ArticleMeta, Document, RawBlock};

/// The largest article file Marginalia opens.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;

/// What a loader produces: a title, facts about the article and its blocks.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ArticleDraft {
    pub title: String,
    pub meta: ArticleMeta,
    pub blocks: Vec<RawBlock>,
}

impl ArticleDraft {
    /// The normalised document; `None` when the draft holds no text at all.
    pub fn into_document(self) -> Option<Document> {
        let doc = Document::from_blocks(&self.title, self.meta, self.blocks);
        (!doc.blocks().is_empty()).then_some(doc)
    }
}
