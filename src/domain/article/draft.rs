//! `ArticleDraft`, what every loader produces before it becomes a `Document`, apart from the loaders so they need not import each other.

use crate::domain::article::document::{ArticleMeta, Document, RawBlock};

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
