//! The structural limits every imported file is held to (tags, tags per annotation, the tag set, a starter pack's usable tags), checked before anything changes.
//!
//! The readers already refuse files over [`MAX_FILE_BYTES`](super::MAX_FILE_BYTES), with more than
//! [`MAX_ANNOTATIONS`](super::MAX_ANNOTATIONS), notes over [`MAX_NOTE_BYTES`](super::MAX_NOTE_BYTES)
//! or JSON nested deeper than [`MAX_JSON_DEPTH`](super::MAX_JSON_DEPTH). These limits keep what an
//! import brings to a size the tag bar, the painter's one highlight per tag and the sidebar
//! handle at once: 5,000 distinct tags took 17 s to apply and 20,000 left the page unresponsive.
//! Each error names the limit, so the person knows what to change.

use super::json::At;
use super::{FormatError, Imported};
use crate::domain::annotation::tags::{Tag, TagSet};

pub use crate::domain::annotation::tags::MAX_TAGS;
/// Most tags one annotation may carry (its message, in `too_many_tags`, says 20).
pub const MAX_TAGS_PER_ANNOTATION: usize = 20;

/// Refuses what a read file would bring beyond the limits, or a starter pack that would leave
/// the person without a tag they can use. `known` is the set the file was read against: a set
/// already over the limit (made by hand) is not grown, but an import that adds nothing still reads.
pub fn check(imported: &Imported, known: &TagSet) -> Result<(), FormatError> {
    let tags = imported.tags.tags.len();
    let grows = imported.classroom.is_some() || tags > known.tags.len();
    if tags > MAX_TAGS && grows {
        return Err(FormatError::at(
            "tags",
            format!("the import would make {tags} tags; a tag set can hold up to {MAX_TAGS}"),
        ));
    }
    if imported.classroom.is_some() && !imported.tags.tags.iter().any(usable) {
        return Err(FormatError::at(
            "tags",
            "this starter pack brings a tag set without a usable tag (one with a visible name), so nothing could be tagged",
        ));
    }
    Ok(())
}

/// Refuses an annotation with more than [`MAX_TAGS_PER_ANNOTATION`] tags; every reader (pack, W3C,
/// Hypothesis) calls it while collecting an annotation's tags, so a 20,000-tag annotation is
/// stopped before its tags are looked up.
pub fn check_tags_per_annotation(count: usize, path: impl FnOnce() -> String) -> Result<(), FormatError> {
    if count > MAX_TAGS_PER_ANNOTATION {
        return Err(too_many_tags(path()));
    }
    Ok(())
}

#[cold]
#[inline(never)]
fn too_many_tags(path: String) -> FormatError {
    FormatError::at(path, "an annotation with more than 20 tags; up to 20 can be imported")
}

/// A pack's list of tag definitions, refused over [`MAX_TAGS`] before any is read.
pub fn tag_list<'a>(list: &At<'a>) -> Result<Vec<At<'a>>, FormatError> {
    let items = list.array()?;
    if items.len() > MAX_TAGS {
        return Err(list.err(format!("the file defines {} tags; up to {MAX_TAGS} can be imported", items.len())));
    }
    Ok(items)
}

/// Whether a person can pick the tag: its name shows something (not only white space,
/// zero-width or control characters).
pub fn usable(tag: &Tag) -> bool {
    tag.name.chars().any(|c| !c.is_whitespace() && !c.is_control() && !crate::domain::format::csv_cell::invisible(c))
}
