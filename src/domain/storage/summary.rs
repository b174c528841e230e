//! An article's library summary (what the library lists it by, so listing never decodes every article's text), its type, reader and writer: `{"schema": 1, "summary": {"title", "source"?, "added"}}`.
//!
//! `source` is written only when known. Golden files: `tests/fixtures/stored/summary/`.

use time::OffsetDateTime;

use super::{decode_versioned, stored, DecodeError};
use crate::domain::article::document::Document;
use crate::domain::json::read;

/// What the library shows of a stored article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleSummary {
    pub title: String,
    pub source: Option<String>,
    pub added: OffsetDateTime,
}

impl ArticleSummary {
    pub fn of(doc: &Document, added: OffsetDateTime) -> Self {
        ArticleSummary { title: doc.title().to_string(), source: doc.meta().source.clone(), added }
    }
}

/// Serialises an article's library summary for storage.
pub fn encode_summary(summary: &ArticleSummary) -> String {
    stored("summary", |w| {
        w.begin_object().str_field("title", &summary.title);
        if let Some(source) = &summary.source {
            w.str_field("source", source);
        }
        w.key("added").time(summary.added).end_object();
    })
}

/// Reads a stored library summary.
pub fn decode_summary(value: &str) -> Result<ArticleSummary, DecodeError> {
    decode_versioned(value, |root| {
        let summary = read::required(root, "summary")?;
        Ok(ArticleSummary {
            title: read::string(&summary, "title")?,
            source: read::optional_string(&summary, "source")?,
            added: read::time(&summary, "added")?,
        })
    })
}
