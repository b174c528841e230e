//! The annotations of one article: commands (alone or in batches, all or nothing) and queries by tag, position and text.

use std::collections::{BTreeSet, HashMap};

use time::OffsetDateTime;
use uuid::Uuid;

use crate::domain::annotation::tags::TagId;
use crate::domain::annotation::Annotation;
use crate::domain::annotation::MAX_NOTE_BYTES;
use crate::domain::i18n::{Texts, EN};

/// A change a user asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Create(Annotation),
    SetTags {
        id: Uuid,
        tags: Vec<TagId>,
        at: OffsetDateTime,
    },
    SetNote {
        id: Uuid,
        note: String,
        at: OffsetDateTime,
    },
    Delete {
        id: Uuid,
    },
    /// Puts another version of an existing annotation in its place (an imported or re-attached version).
    Replace(Annotation),
}

/// Why a command was refused; the store is unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    NotFound(Uuid),
    DuplicateId(Uuid),
    NoTags,
    EmptyRange,
    /// A batch with no commands: there is nothing to do or to undo.
    EmptyBatch,
    /// A note longer than files can carry ([`MAX_NOTE_BYTES`]), in bytes; it could not be exported and imported back.
    NoteTooLong(usize),
}

impl StoreError {
    /// The reason as a sentence in the language of `t`.
    pub fn message(&self, t: &Texts) -> String {
        match self {
            StoreError::NotFound(_) => t.store_not_found,
            StoreError::DuplicateId(_) => t.store_duplicate_id,
            StoreError::NoTags => t.store_no_tags,
            StoreError::EmptyRange => t.store_empty_range,
            StoreError::EmptyBatch => t.store_empty_batch,
            StoreError::NoteTooLong(bytes) => {
                return (t.store_note_too_long)(MAX_NOTE_BYTES / 1024, bytes.div_ceil(1024))
            }
        }
        .to_string()
    }
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(&EN))
    }
}

/// What one applied command (or its undo) did to one annotation: `before` and `after` are its
/// states, `None` where it did not exist. Adapters use this to repaint and save only what changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub before: Option<Annotation>,
    pub after: Option<Annotation>,
}

impl Change {
    pub fn id(&self) -> Uuid {
        self.after.as_ref().or(self.before.as_ref()).map(|a| a.id).unwrap_or_default()
    }

    /// The change that undoes this one.
    pub fn inverse(&self) -> Change {
        Change { before: self.after.clone(), after: self.before.clone() }
    }
}

/// All annotations of one article, indexed by id and by start position.
#[derive(Debug, Clone, Default)]
pub struct Store {
    by_id: HashMap<Uuid, Annotation>,
    /// (start, end, id) of every annotation, in article order.
    by_position: BTreeSet<(usize, usize, Uuid)>,
    /// Length of the longest annotation, bounding how far back a point query must look.
    longest: usize,
}

impl Store {
    /// A store holding `annotations` with an empty history; later duplicates of an id are skipped.
    pub fn from_annotations(annotations: impl IntoIterator<Item = Annotation>) -> Self {
        let annotations = annotations.into_iter();
        // Sized once: growing the map moves every annotation each time it doubles.
        let mut store = Store { by_id: HashMap::with_capacity(annotations.size_hint().0), ..Store::default() };
        for annotation in annotations {
            if !store.by_id.contains_key(&annotation.id) {
                store.insert(annotation);
            }
        }
        store
    }

    /// Applies a command. The store keeps no history: the session records every step
    /// (`domain::session::history`), so one undo covers the annotations and everything else a
    /// step changed.
    pub fn apply(&mut self, command: Command) -> Result<Change, StoreError> {
        let change = self.plan(command)?;
        self.commit(&change);
        Ok(change)
    }

    /// Applies `commands` in order, all or nothing (a tag merge or delete touches many
    /// annotations). Each command sees the changes of those before it. If any is refused, the
    /// ones already made are reverted and the store is left as it was.
    pub fn apply_batch(&mut self, commands: Vec<Command>) -> Result<Vec<Change>, StoreError> {
        if commands.is_empty() {
            return Err(StoreError::EmptyBatch);
        }
        let mut step: Vec<Change> = Vec::with_capacity(commands.len());
        for command in commands {
            match self.plan(command) {
                Ok(change) => {
                    self.commit(&change);
                    step.push(change);
                }
                Err(error) => {
                    for change in step.iter().rev() {
                        self.commit(&change.inverse());
                    }
                    return Err(error);
                }
            }
        }
        Ok(step)
    }

    /// Makes each change, in order, without checking it: the changes of an undo or redo, which
    /// were checked when first made.
    pub fn commit_changes(&mut self, changes: &[Change]) {
        self.commit_all(changes);
    }

    /// Makes annotation `id` what another tab stored (`None`: deleted there). Returns the
    /// change made, or `None` when the store already held that state.
    pub fn sync(&mut self, id: Uuid, now: Option<Annotation>) -> Option<Change> {
        let before = self.by_id.get(&id).cloned();
        if before == now || now.as_ref().is_some_and(|a| a.id != id) {
            return None;
        }
        let change = Change { before, after: now };
        self.commit(&change);
        Some(change)
    }

    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    pub fn get(&self, id: &Uuid) -> Option<&Annotation> {
        self.by_id.get(id)
    }

    /// Every annotation in article order (by start, then end).
    pub fn in_order(&self) -> impl Iterator<Item = &Annotation> + '_ {
        self.by_position.iter().filter_map(|(_, _, id)| self.by_id.get(id))
    }

    /// Annotations covering code point `pos`, in article order; looks only at those that start
    /// within the longest annotation's length before `pos`.
    pub fn at(&self, pos: usize) -> Vec<&Annotation> {
        let from = (pos.saturating_sub(self.longest), 0, Uuid::nil());
        let to = (pos, usize::MAX, Uuid::max());
        self.by_position
            .range(from..=to)
            .filter(|(start, end, _)| *start <= pos && pos < *end)
            .filter_map(|(_, _, id)| self.by_id.get(id))
            .collect()
    }

    /// Annotations that share at least one code point with `[start, end)`, in article order.
    pub fn overlapping(&self, start: usize, end: usize) -> Vec<&Annotation> {
        if start >= end {
            return Vec::new();
        }
        let from = (start.saturating_sub(self.longest), 0, Uuid::nil());
        let to = (end - 1, usize::MAX, Uuid::max());
        self.by_position
            .range(from..=to)
            .filter(|(s, e, _)| *s < end && start < *e)
            .filter_map(|(_, _, id)| self.by_id.get(id))
            .collect()
    }

    /// Where "next" and "previous" start from: just before `pos`, or just after annotation
    /// `reached` when it starts at `pos` (so annotations that start together are all reached).
    fn cursor(&self, pos: usize, reached: Option<Uuid>) -> (usize, usize, Uuid) {
        match reached.and_then(|id| self.by_id.get(&id)) {
            Some(a) if a.target.start == pos => (a.target.start, a.target.end, a.id),
            _ => (pos, 0, Uuid::nil()),
        }
    }

    /// The first annotation in article order from code point `pos` on (after `reached`, the
    /// annotation last reached there), with how many come before it: "next annotation" for
    /// keyboard and screen-reader users.
    pub fn next_from(&self, pos: usize, reached: Option<Uuid>) -> Option<(usize, &Annotation)> {
        let cursor = self.cursor(pos, reached);
        let key = match self.by_position.range(cursor..).next() {
            Some(key) if *key == cursor => self.by_position.range(cursor..).nth(1)?,
            key => key?,
        };
        Some((self.by_position.range(..key).count(), self.by_id.get(&key.2)?))
    }

    /// The last annotation in article order before code point `pos` (before `reached`, the
    /// annotation last reached there), with how many come before it.
    pub fn previous_from(&self, pos: usize, reached: Option<Uuid>) -> Option<(usize, &Annotation)> {
        let key = self.by_position.range(..self.cursor(pos, reached)).next_back()?;
        Some((self.by_position.range(..key).count(), self.by_id.get(&key.2)?))
    }

    /// How many annotations carry `tag`, without putting them in order.
    pub fn count_with_tag(&self, tag: &TagId) -> usize {
        self.by_id.values().filter(|a| a.has_tag(tag)).count()
    }

    /// Annotations carrying `tag`, in article order.
    pub fn with_tag<'a>(&'a self, tag: &'a TagId) -> impl Iterator<Item = &'a Annotation> + 'a {
        self.in_order().filter(move |a| a.has_tag(tag))
    }

    /// Annotations whose quote or note contains every word of `query` (case-insensitive), in article order.
    pub fn search(&self, query: &str) -> Vec<&Annotation> {
        let words: Vec<String> = query.split_whitespace().map(crate::domain::text::lowercase::lower).collect();
        self.in_order()
            .filter(|a| {
                let haystack = crate::domain::text::lowercase::lower(&format!("{}\n{}", a.target.exact, a.note));
                words.iter().all(|w| haystack.contains(w.as_str()))
            })
            .collect()
    }

    /// How many annotations carry each tag.
    pub fn count_by_tag(&self) -> HashMap<TagId, usize> {
        let mut counts = HashMap::new();
        for annotation in self.by_id.values() {
            for (i, tag) in annotation.tags.iter().enumerate() {
                // An annotation counts once per tag, even if its tags (say, from a file) repeat one.
                if !annotation.tags[..i].contains(tag) {
                    // Cloned only for the first annotation with this tag: this runs after every
                    // change, over every annotation.
                    match counts.get_mut(tag) {
                        Some(count) => *count += 1,
                        None => {
                            counts.insert(tag.clone(), 1);
                        }
                    }
                }
            }
        }
        counts
    }

    /// Works out what `command` would change, without changing anything.
    fn plan(&self, command: Command) -> Result<Change, StoreError> {
        let existing = |id: &Uuid| self.by_id.get(id).cloned().ok_or(StoreError::NotFound(*id));
        match command {
            Command::Create(annotation) => {
                if self.by_id.contains_key(&annotation.id) {
                    return Err(StoreError::DuplicateId(annotation.id));
                }
                if annotation.tags.is_empty() {
                    return Err(StoreError::NoTags);
                }
                if annotation.target.start >= annotation.target.end || annotation.target.exact.is_empty() {
                    return Err(StoreError::EmptyRange);
                }
                check_note(&annotation.note)?;
                let tags = deduplicated(annotation.tags.clone());
                Ok(Change { before: None, after: Some(Annotation { tags, ..annotation }) })
            }
            Command::SetTags { id, tags, at } => {
                if tags.is_empty() {
                    return Err(StoreError::NoTags);
                }
                let before = existing(&id)?;
                let after = Annotation { tags: deduplicated(tags), modified: at, ..before.clone() };
                Ok(Change { before: Some(before), after: Some(after) })
            }
            Command::SetNote { id, note, at } => {
                check_note(&note)?;
                let before = existing(&id)?;
                let after = Annotation { note, modified: at, ..before.clone() };
                Ok(Change { before: Some(before), after: Some(after) })
            }
            Command::Delete { id } => Ok(Change { before: Some(existing(&id)?), after: None }),
            Command::Replace(annotation) => {
                let before = existing(&annotation.id)?;
                if annotation.tags.is_empty() {
                    return Err(StoreError::NoTags);
                }
                if annotation.target.start >= annotation.target.end || annotation.target.exact.is_empty() {
                    return Err(StoreError::EmptyRange);
                }
                let tags = deduplicated(annotation.tags.clone());
                Ok(Change { before: Some(before), after: Some(Annotation { tags, ..annotation }) })
            }
        }
    }

    fn commit_all(&mut self, step: &[Change]) {
        for change in step {
            self.commit(change);
        }
    }

    fn commit(&mut self, change: &Change) {
        if let Some(before) = &change.before {
            self.remove(&before.id);
        }
        if let Some(after) = &change.after {
            self.insert(after.clone());
        }
    }

    fn insert(&mut self, annotation: Annotation) {
        let (start, end) = (annotation.target.start, annotation.target.end);
        self.longest = self.longest.max(end.saturating_sub(start));
        self.by_position.insert((start, end, annotation.id));
        self.by_id.insert(annotation.id, annotation);
    }

    fn remove(&mut self, id: &Uuid) {
        if let Some(old) = self.by_id.remove(id) {
            self.by_position.remove(&(old.target.start, old.target.end, old.id));
        }
    }
}

/// Refuses a note too long for a file to carry.
fn check_note(note: &str) -> Result<(), StoreError> {
    if note.len() > MAX_NOTE_BYTES {
        return Err(StoreError::NoteTooLong(note.len()));
    }
    Ok(())
}

/// The tags in their first-chosen order, each once.
fn deduplicated(tags: Vec<TagId>) -> Vec<TagId> {
    let mut unique: Vec<TagId> = Vec::with_capacity(tags.len());
    for tag in tags {
        if !unique.contains(&tag) {
            unique.push(tag);
        }
    }
    unique
}
