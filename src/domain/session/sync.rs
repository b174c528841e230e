//! What a tab does when another tab of the same article stores a new version of an annotation: adopt it, keep both as a visible conflict, or write its own back.
//!
//! Every tab writes each annotation under its own key as soon as it changes, and hears about the
//! other tabs' writes through the browser's `storage` event, on which it takes what is stored.
//! Before writing, a tab compares what is stored with the version its change started from: if
//! another tab wrote in between (its event not handled yet, or held back while a note was being
//! typed), both tabs changed the same annotation. Then an edit beats a deletion, the later edit
//! wins (ties broken the same way in every tab) and the other is kept as an "other version" for
//! the user to choose, so no edit is ever lost.

use crate::domain::annotation::Annotation;
use crate::domain::storage;

/// What to do with one annotation after another tab stored a new value for it.
// A short-lived decision made once per change and consumed at once: boxing would only add allocations.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// This tab already holds what was stored: nothing to do.
    InStep,
    /// Take the stored value (`None`: the other tab deleted the annotation); `other_version`, when
    /// set, is this tab's clashing version, to keep as a conflict.
    Adopt { now: Option<Annotation>, other_version: Option<Annotation> },
    /// Keep this tab's version and write it back over the stored one; `other_version`, when set,
    /// is the other tab's clashing version, to keep as a conflict.
    KeepMine { other_version: Option<Annotation> },
}

/// Decides what happens to `mine` (this tab's copy, `None` if it has none) when another tab
/// replaced `before` with `after` in storage (`None`: absent).
pub fn resolve(mine: Option<&Annotation>, before: Option<&Annotation>, after: Option<&Annotation>) -> Resolution {
    if mine == after {
        return Resolution::InStep;
    }
    if mine == before {
        return Resolution::Adopt { now: after.cloned(), other_version: None };
    }
    match (mine, after) {
        // Deleted here while edited there: the edit survives.
        (None, Some(theirs)) => Resolution::Adopt { now: Some(theirs.clone()), other_version: None },
        // Edited here while deleted there: the edit survives.
        (Some(_), None) => Resolution::KeepMine { other_version: None },
        (Some(mine), Some(theirs)) => {
            if wins(mine, theirs) {
                Resolution::KeepMine { other_version: Some(theirs.clone()) }
            } else {
                Resolution::Adopt { now: Some(theirs.clone()), other_version: Some(mine.clone()) }
            }
        }
        (None, None) => Resolution::InStep,
    }
}

/// Decides how this tab writes its own change of an annotation (`before` → `after`) when storage
/// now holds `current`. If that is still `before`, the change is simply written
/// (`KeepMine` with no other version); otherwise another tab wrote in between, unseen here, and
/// the two versions are resolved as a clash (an edit beats a deletion, the later edit wins and
/// the other is kept).
pub fn before_write(
    before: Option<&Annotation>,
    after: Option<&Annotation>,
    current: Option<&Annotation>,
) -> Resolution {
    if current == before {
        return Resolution::KeepMine { other_version: None };
    }
    resolve(after, before, current)
}

/// True when `a` beats `b` in a clash: the later edit, and between edits made in the same
/// millisecond the larger stored form, so every tab picks the same winner.
pub fn wins(a: &Annotation, b: &Annotation) -> bool {
    (a.modified, storage::encode(a)) > (b.modified, storage::encode(b))
}

/// Adds `version` to a list of other versions unless an identical one is already there.
pub fn keep_version(versions: &mut Vec<Annotation>, version: Annotation) {
    if !versions.contains(&version) {
        versions.push(version);
    }
}
