//! Importing annotation files into the session: planned without changing anything, then applied whole (annotations, tags, side lists, classroom state) as one undoable step.

use std::rc::Rc;

use super::history::{Step, Swap};
use super::{Effects, Session, SessionError};
use crate::domain::annotation::anchor::Anchored;
use crate::domain::annotation::store::Command;
use crate::domain::annotation::tags::TagSet;
use crate::domain::annotation::Annotation;
use crate::domain::article::document::Document;
use crate::domain::format::file_read::ReadFile;
use crate::domain::format::import::{plan_import_with, read_file, ImportFile, ImportPlan, Merged};
use crate::domain::format::pack::{self, Classroom};
use crate::domain::format::FormatError;
use crate::domain::session::sync::keep_version;
use crate::domain::storage::ClassroomState;

/// An import worked out and shown to the person, not applied yet.
#[derive(Debug, Clone)]
pub struct PendingImport {
    pub plan: ImportPlan,
    /// Every version of every annotation when the plan was made.
    pub before: Merged,
    /// The article a single pack made on another article carries, offered to open instead.
    pub other: Option<Document>,
    /// The name of the preset a starter pack's tag set will be kept as (a new one, or the one
    /// that holds it already; see `Session::keeping_pack_set`).
    pub preset: Option<String>,
}

impl PendingImport {
    /// Whether applying would change anything (annotations, or a starter pack's tags and lock).
    pub fn has_changes(&self) -> bool {
        !self.plan.is_noop(&self.before) || self.plan.classroom.is_some()
    }
}

/// How many imported annotations found their passage and how many are kept unplaced.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Imported {
    pub placed: usize,
    pub unplaced: usize,
}

/// How an import reads its files: the format readers themselves ([`FormatReaders`]) or, in the
/// app's wasm, which leaves them out, the second module that holds them.
pub trait ImportReader {
    /// What one file holds, given the tags known when it is read, or why it is refused.
    fn read(&mut self, bytes: &[u8], known: &TagSet) -> Result<ReadFile, FormatError>;
    /// The article of a pack (see [`pack::article_of`]).
    fn pack_article(&mut self, bytes: &[u8]) -> Option<Document>;
}

/// The format readers themselves ([`read_file`], [`pack::article_of`]).
pub struct FormatReaders;

impl ImportReader for FormatReaders {
    fn read(&mut self, bytes: &[u8], known: &TagSet) -> Result<ReadFile, FormatError> {
        read_file(bytes, known).map(ReadFile::from)
    }

    fn pack_article(&mut self, bytes: &[u8]) -> Option<Document> {
        pack::article_of(bytes)
    }
}

impl Session {
    /// Every version of every annotation of this article: the store's, the unplaced and the other versions.
    pub fn merged(&self) -> Merged {
        Merged::from_annotations(self.store.in_order().chain(self.orphans.iter()).chain(self.conflicts.iter()).cloned())
    }

    /// Reads, validates and re-anchors `files` against this article; changes nothing.
    pub fn plan_import(&self, files: &[ImportFile]) -> PendingImport {
        self.plan_import_with(files, &mut FormatReaders)
    }

    /// [`Self::plan_import`] with the files read by `reader` (in the app's wasm, the second module).
    pub fn plan_import_with(&self, files: &[ImportFile], reader: &mut impl ImportReader) -> PendingImport {
        let before = self.merged();
        // A blank session (nothing made yet, the default tags: in the UI's language, or the
        // English ones an article opened before `use_default_tags` shows) takes a pack's tag set
        // as it was made, so a pack imported into a fresh browser gives back the same state.
        let defaults = self.tags == self.default_tags || *self.tags == TagSet::default();
        let blank = before.is_empty() && self.classroom.is_none() && defaults;
        let none = TagSet { tags: Vec::new() };
        let known = if blank && !files.is_empty() && files.iter().all(|f| pack::looks_like_pack(f.bytes)) {
            &none
        } else {
            &*self.tags
        };
        let plan = plan_import_with(&self.doc, known, &before, files, |bytes, known| reader.read(bytes, known));
        // A single pack made on another article: offer to open that article instead.
        let other = match (files, plan.reports.first().map(|r| &r.outcome)) {
            ([file], Some(Ok(summary))) if summary.same_article == Some(false) => reader.pack_article(file.bytes),
            _ => None,
        };
        let preset = plan.starter_tags.as_ref().and_then(|tags| self.keeping_pack_set(tags)).map(|(_, p)| p);
        PendingImport { plan, before, other, preset }
    }

    /// Applies a planned import as one undoable step: placed annotations join the article,
    /// unplaced ones the unplaced list, other versions the other-versions list, the files' new
    /// tags the tag set (a starter pack's tag set replaces it), a starter pack's lock and
    /// answer key the classroom state and its tag set the person's presets. All of it or, if
    /// the annotations are refused, none.
    pub fn apply_import(&mut self, import: &PendingImport) -> Result<(Effects, Imported), SessionError> {
        self.own_layer_only()?;
        let plan = &import.plan;
        let mut commands = Vec::new();
        let mut counts = Imported::default();
        let mut new_orphans = Vec::new();
        for change in plan.changes(&import.before) {
            let Some(annotation) = change.after else { continue };
            let id = annotation.id;
            let in_store = self.store.get(&id).is_some();
            match plan.status.get(&id).copied() {
                Some(Anchored::Orphaned) | None => {
                    counts.unplaced += 1;
                    if in_store {
                        commands.push(Command::Delete { id });
                    }
                    new_orphans.push(annotation);
                }
                Some(_) => {
                    // The plan placed it already (its target describes this article's text).
                    counts.placed += 1;
                    commands.push(if in_store { Command::Replace(annotation) } else { Command::Create(annotation) });
                }
            }
        }
        let changes = if commands.is_empty() { Vec::new() } else { self.store.apply_batch(commands)? };
        let mut step = Step { changes, ..Step::default() };
        // Every changed id leaves the unplaced list, in one pass (one per change was quadratic
        // when thousands of imported annotations found no place); the unplaced ones rejoin it.
        let mut orphans: Vec<Annotation> =
            self.orphans.iter().filter(|a| !plan.changed(&import.before, &a.id)).cloned().collect();
        orphans.extend(new_orphans);
        if orphans != *self.orphans {
            step.orphans = Some(Swap { before: self.orphans.clone(), after: Rc::new(orphans) });
        }
        let conflicts = self.other_versions(import);
        if conflicts != *self.conflicts {
            step.conflicts = Some(Swap { before: self.conflicts.clone(), after: Rc::new(conflicts) });
        }
        if plan.tags != *self.tags {
            step.tags = Some(Swap { before: self.tags.clone(), after: Rc::new(plan.tags.clone()) });
        }
        if let Some(classroom) = &plan.classroom {
            let next = classroom_after(self.classroom.as_deref(), classroom);
            if self.classroom.as_deref() != Some(&next) {
                step.classroom = Some(Swap { before: self.classroom.clone(), after: Some(Rc::new(next)) });
            }
        }
        // Worked out again against the list as it is now (another tab may have changed it).
        if let Some((next, _)) = plan.starter_tags.as_ref().and_then(|tags| self.keeping_pack_set(tags)) {
            if next != *self.presets {
                step.presets = Some(Swap { before: self.presets.clone(), after: Rc::new(next) });
            }
        }
        Ok((self.commit(step), counts))
    }
}

/// The classroom state after importing a teacher's file. A starter pack sets the lock and the
/// instructions and keeps the key held here (its own key, from a pack made before keys stayed
/// with the teacher, was dropped when it was read). A self-check key sets the key, shown at
/// once, and keeps the lock and instructions. The key never joins the annotations.
pub fn classroom_after(now: Option<&ClassroomState>, file: &Classroom) -> ClassroomState {
    let now = now.cloned().unwrap_or_default();
    if file.self_check {
        ClassroomState { answer_key: file.answer_key.clone(), revealed: true, ..now }
    } else {
        ClassroomState { lock_tags: file.lock_tags, instructions: file.instructions.clone(), ..now }
    }
}

impl Session {
    /// The other-versions list after an import: every entry the import does not touch stays; a
    /// version the files brought that does not become the annotation's current one joins it, as
    /// does a current version the import replaced; a version that became current leaves it.
    fn other_versions(&self, import: &PendingImport) -> Vec<Annotation> {
        let plan = &import.plan;
        // What the article (or its unplaced list) holds for an id once the import is applied.
        let is_current = |a: &Annotation| {
            if plan.changed(&import.before, &a.id) {
                plan.merged.get(&a.id) == Some(a)
            } else {
                self.store.get(&a.id) == Some(a) || self.orphans.iter().any(|o| o == a)
            }
        };
        let mut list: Vec<Annotation> = self.conflicts.iter().filter(|a| !is_current(a)).cloned().collect();
        for change in plan.changes(&import.before) {
            if let Some(replaced) = change.before.filter(|b| !is_current(b)) {
                keep_version(&mut list, replaced);
            }
        }
        for version in plan.merged.all_versions() {
            if !import.before.holds(version) && !is_current(version) {
                keep_version(&mut list, version.clone());
            }
        }
        list
    }
}
