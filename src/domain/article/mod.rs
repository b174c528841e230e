//! Article loading: file bytes, pasted text, Markdown and web pages turned into a `Document`, the normalised text every annotation points into.
//!
//! `loader` detects the encoding and dispatches to the text loaders (`plain_text`, `markdown`);
//! web pages arrive as an inert `html_tree` and are extracted by `html_extract`; each loader
//! makes an `ArticleDraft` (`draft`) that becomes a `document::Document`.

pub mod caret;
pub mod document;
pub mod draft;
pub mod html_extract;
pub mod html_tree;
pub mod loader;
pub mod markdown;
pub mod plain_text;
