//! An annotation: where it is (positions plus a quote selector), its tags, note, author and times.
//!
//! The `annotation` folder is the annotation core: anchoring and re-anchoring in a document
//! (`anchor`, `reanchor`), the store (`store`), tags and their editor (`tags`, `tag_edit`,
//! `colour_access`), what screen readers hear (`spoken`) and what is painted (`in_view`).

pub mod anchor;
pub mod colour_access;
pub mod in_view;
pub mod reanchor;
pub mod spoken;
pub mod store;
pub mod tag_edit;
pub mod tags;

use time::OffsetDateTime;
use uuid::Uuid;

use crate::domain::annotation::tags::TagId;

/// Where an annotation sits: code point positions plus the quoted text with its context,
/// so it can be found again if the positions no longer match (the W3C Text Quote selector).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Target {
    /// First code point, inclusive.
    pub start: usize,
    /// Last code point, exclusive.
    pub end: usize,
    /// The annotated text itself.
    pub exact: String,
    /// Up to [`CONTEXT_CHARS`] code points before `exact`.
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] code points after `exact`.
    pub suffix: String,
}

/// Longest note accepted, in UTF-8 bytes: the store refuses a longer one, and files carrying one
/// are refused, so every note can be exported and imported back.
pub const MAX_NOTE_BYTES: usize = 100 * 1024;

/// How many code points of context a quote selector keeps on each side.
pub const CONTEXT_CHARS: usize = 32;

/// One highlighted passage with its tags and note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    pub id: Uuid,
    pub target: Target,
    /// At least one tag; in the order they were chosen.
    pub tags: Vec<TagId>,
    /// Empty when there is no note.
    pub note: String,
    pub author: String,
    pub created: OffsetDateTime,
    pub modified: OffsetDateTime,
}

impl Annotation {
    pub fn has_tag(&self, tag: &TagId) -> bool {
        self.tags.contains(tag)
    }

    /// True when code point `pos` lies inside the annotated range.
    pub fn covers(&self, pos: usize) -> bool {
        self.target.start <= pos && pos < self.target.end
    }
}

/// Formats a time as the W3C-recommended UTC `xsd:dateTime`, e.g. `2025-03-08T14:05:00Z`.
pub fn format_utc(at: OffsetDateTime) -> String {
    crate::domain::text::rfc3339::format(at.to_offset(time::UtcOffset::UTC)).unwrap_or_default()
}

/// Converts milliseconds since the Unix epoch (what a browser clock gives) to a UTC time, exact
/// to the millisecond: whole seconds and milliseconds as integers, since `millis * 1e6` in
/// `f64` has steps of 256 ns at today's dates (`…20.056999936Z` instead of `…20.057Z`).
pub fn time_from_millis(millis: f64) -> OffsetDateTime {
    if !millis.is_finite() {
        return OffsetDateTime::UNIX_EPOCH;
    }
    let millis = millis.round() as i64; // saturating: out of range becomes an error below
    OffsetDateTime::from_unix_timestamp(millis.div_euclid(1000))
        .ok()
        .and_then(|t| t.replace_millisecond(millis.rem_euclid(1000) as u16).ok())
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}
