//! Builders shared by the class-view test files: a fixed clock and annotations made from offsets.
#![allow(dead_code)] // each test file uses its own subset

pub mod session;

use marginalia::domain::annotation::anchor::describe;
use marginalia::domain::annotation::tags::TagId;
use marginalia::domain::annotation::Annotation;
use marginalia::domain::article::document::{ArticleMeta, BlockKind, Document};
use time::OffsetDateTime;
use uuid::Uuid;

/// A fixed moment, so created/modified never make two runs differ.
pub fn at() -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(1_741_442_700).unwrap()
}

/// A one-paragraph document.
pub fn doc(text: &str) -> Document {
    Document::new("T", ArticleMeta::default(), &[(BlockKind::Paragraph, text)])
}

/// Annotation number `n` over `[start, end)` of `doc`, with these tags and no note or author.
pub fn ann(doc: &Document, n: u128, start: usize, end: usize, tags: &[&str]) -> Annotation {
    Annotation {
        id: Uuid::from_u128(n),
        target: describe(doc, start, end),
        tags: tags.iter().map(|t| TagId::new(t)).collect(),
        note: String::new(),
        author: String::new(),
        created: at(),
        modified: at(),
    }
}
