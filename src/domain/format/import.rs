//! Importing several files at once: each is read and validated, re-anchored in the open article and merged by annotation id, and a report is made, all before anything changes.
//!
//! The result is an [`ImportPlan`]; the caller applies it (or not) as a whole. A file that fails
//! validation contributes nothing, not even its tags. Merging keeps every version of an
//! annotation: the newest `modified` is current and the others stay as a visible [`Conflict`],
//! so nothing is ever dropped, and the same file imported twice adds nothing.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

use time::UtcOffset;
use uuid::Uuid;

use super::file_read::ReadFile;
use super::page_text::PageText;
use super::placing::{place_from_page, same_as_known};
use super::{hypothesis, json, pack, w3c, Format, FormatError, Imported, Repairs};
use crate::domain::annotation::anchor::{retarget, Anchored};
use crate::domain::annotation::reanchor::Anchorer;
use crate::domain::annotation::store::Change;
use crate::domain::annotation::tags::{TagId, TagSet};
use crate::domain::annotation::Annotation;
use crate::domain::article::document::Document;

/// Reads one file of any importable format, telling them apart by content (not by file name).
pub fn read_file(bytes: &[u8], known: &TagSet) -> Result<Imported, FormatError> {
    let (value, repairs) = json::parse(bytes)?;
    read_value(value, repairs, known)
}

fn read_value(value: serde_json::Value, repairs: Repairs, known: &TagSet) -> Result<Imported, FormatError> {
    let imported = read_format(value, repairs, known)?;
    super::limits::check(&imported, known)?;
    Ok(imported)
}

fn read_format(value: serde_json::Value, repairs: Repairs, known: &TagSet) -> Result<Imported, FormatError> {
    if pack::is_pack(&value) {
        pack::read(value, repairs, known)
    } else if hypothesis::looks_like(&value) {
        hypothesis::read(&value, repairs, known)
    } else if w3c::looks_like(&value) {
        w3c::read(&value, repairs, known)
    } else {
        Err(FormatError::file(
            "not a file Marginalia can import: expected a Marginalia pack, a Web Annotation collection or a Hypothesis export",
        ))
    }
}

/// One version of an annotation, ordered by `modified`, then by content (its JSON), so that
/// which version is current never depends on the order files were merged in. The JSON is
/// written only to tell apart two different versions with the same `modified`, so merging
/// new ids (a whole import of them) serialises nothing.
#[derive(Debug, Clone)]
struct Version(Annotation);

impl Ord for Version {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.modified.cmp(&other.0.modified).then_with(|| {
            if self.0 == other.0 {
                Ordering::Equal
            } else {
                content(&self.0).cmp(&content(&other.0))
            }
        })
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Version {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Version {}

fn content(a: &Annotation) -> String {
    crate::domain::storage::annotation::text(a)
}

/// Every version of every annotation, by id. The version with the newest `modified` is current;
/// the others are conflicts, kept until the user resolves them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Merged {
    /// Each id's versions in ascending order, without repeats: a sorted list rather than a set,
    /// as almost every id has one version (a set would allocate a node of eleven for it).
    versions: BTreeMap<Uuid, Vec<Version>>,
}

/// What [`Merged::insert`] did with an annotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inserted {
    /// A new id.
    Added,
    /// This very version was already there; nothing changed.
    Duplicate,
    /// A version newer than the current one: it is now current, the other a conflict.
    Newer,
    /// A version older than the current one: kept as a conflict.
    Older,
}

/// An annotation that has more than one version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict<'a> {
    pub current: &'a Annotation,
    /// The other versions, newest first.
    pub others: Vec<&'a Annotation>,
}

impl Merged {
    pub fn new() -> Self {
        Merged::default()
    }

    pub fn from_annotations(annotations: impl IntoIterator<Item = Annotation>) -> Self {
        let mut merged = Merged::new();
        for a in annotations {
            merged.insert(a);
        }
        merged
    }

    /// Adds one version. Times are kept in UTC, so the same instant written with another
    /// offset is the same version.
    pub fn insert(&mut self, annotation: Annotation) -> Inserted {
        let annotation = Annotation {
            created: annotation.created.to_offset(UtcOffset::UTC),
            modified: annotation.modified.to_offset(UtcOffset::UTC),
            ..annotation
        };
        let versions = self.versions.entry(annotation.id).or_default();
        let version = Version(annotation);
        let Err(at) = versions.binary_search(&version) else { return Inserted::Duplicate };
        let outcome = if versions.is_empty() {
            Inserted::Added
        } else if at == versions.len() {
            Inserted::Newer
        } else {
            Inserted::Older
        };
        versions.insert(at, version);
        outcome
    }

    /// The union of both: every version of either. Commutative, associative and idempotent.
    pub fn merge(&self, other: &Merged) -> Merged {
        let mut merged = self.clone();
        for (id, versions) in &other.versions {
            let mine = merged.versions.entry(*id).or_default();
            for version in versions {
                if let Err(at) = mine.binary_search(version) {
                    mine.insert(at, version.clone());
                }
            }
        }
        merged
    }

    /// Number of annotations (ids).
    pub fn len(&self) -> usize {
        self.versions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.versions.is_empty()
    }

    /// Number of versions, conflicts included.
    pub fn version_count(&self) -> usize {
        self.versions.values().map(Vec::len).sum()
    }

    /// Whether this very version of its annotation is among the versions.
    pub fn holds(&self, annotation: &Annotation) -> bool {
        self.versions.get(&annotation.id).is_some_and(|vs| vs.iter().any(|v| v.0 == *annotation))
    }

    /// The current version of `id`.
    pub fn get(&self, id: &Uuid) -> Option<&Annotation> {
        self.versions.get(id)?.last().map(|v| &v.0)
    }

    /// The current version of every annotation, by id.
    pub fn current(&self) -> impl Iterator<Item = &Annotation> + '_ {
        self.versions.values().filter_map(|v| v.last()).map(|v| &v.0)
    }

    /// Every version of every annotation, by id and then oldest first.
    pub fn all_versions(&self) -> impl Iterator<Item = &Annotation> + '_ {
        self.versions.values().flat_map(|v| v.iter().map(|v| &v.0))
    }

    /// The annotations that have more than one version, by id.
    pub fn conflicts(&self) -> Vec<Conflict<'_>> {
        self.versions
            .values()
            .filter(|v| v.len() > 1)
            .filter_map(|v| {
                let mut newest_first = v.iter().rev().map(|v| &v.0);
                Some(Conflict { current: newest_first.next()?, others: newest_first.collect() })
            })
            .collect()
    }

    /// The user's resolution of a conflict: `keep` becomes the only version of its id (it may
    /// be one of the versions or an edit of them). Returns false if the id is unknown.
    pub fn resolve(&mut self, keep: Annotation) -> bool {
        let Some(versions) = self.versions.get_mut(&keep.id) else { return false };
        versions.clear();
        versions.push(Version(keep));
        true
    }
}

/// One file given to [`plan_import`].
#[derive(Debug, Clone, Copy)]
pub struct ImportFile<'a> {
    /// Shown in the report.
    pub name: &'a str,
    pub bytes: &'a [u8],
}

/// What happened to one file.
#[derive(Debug, Clone, PartialEq)]
pub struct FileReport {
    pub name: String,
    /// What the file brought, or why it was rejected (then it changed nothing).
    pub outcome: Result<FileSummary, FormatError>,
}

/// The counts for one accepted file. Every annotation of the file is counted once in
/// `imported`, `merged` or `duplicates`; `orphaned`, `moved` and `fuzzy` say how its
/// annotations were anchored in the open article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FileSummary {
    pub format: Option<Format>,
    /// Annotations with ids new to the article.
    pub imported: usize,
    /// Annotations with a known id but different content: the newer is current and the other
    /// kept as a conflict.
    pub merged: usize,
    /// Versions already present, skipped.
    pub duplicates: usize,
    /// Annotations whose passage was not found; listed by [`ImportPlan::orphans`] with their quote.
    pub orphaned: usize,
    /// Found at another place with the same quote.
    pub moved: usize,
    /// Found as an edited version of the quote.
    pub fuzzy: usize,
    /// Of the `orphaned`, those not searched for approximately: the import's search budget
    /// ([`FUZZY_BUDGET`](crate::domain::annotation::reanchor::FUZZY_BUDGET)) was spent.
    pub unsearched: usize,
    /// Whether the file's article is the open one (`None` when the file does not carry it).
    pub same_article: Option<bool>,
    /// Tags the file brought that the article did not have.
    pub new_tags: Vec<TagId>,
    pub repairs: Repairs,
    /// Entries left out (page notes, replies), with where and why.
    pub skipped: Vec<FormatError>,
    /// For a teacher's file: (the tag set is locked, it carries an answer key: a self-check key).
    pub starter: Option<(bool, bool)>,
    /// A starter pack's assignment instructions (plain text; empty when none).
    pub instructions: String,
    /// What the file changes in the article's tag set, by name (a starter pack replaces it).
    pub tag_changes: TagChanges,
}

/// How a tag set changes, in tag names as the person knows them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TagChanges {
    /// Names of the tags added, in the new set's order.
    pub added: Vec<String>,
    /// (old name, new name) of the tags kept under another name.
    pub renamed: Vec<(String, String)>,
    /// Names of the tags the new set no longer has (annotations keep them as unknown tags).
    pub removed: Vec<String>,
}

impl TagChanges {
    /// The changes from `before` to `after`, tags matched by id.
    pub fn between(before: &TagSet, after: &TagSet) -> TagChanges {
        let mut changes = TagChanges::default();
        for tag in &after.tags {
            match before.get(&tag.id) {
                None => changes.added.push(tag.name.clone()),
                Some(old) if old.name != tag.name => changes.renamed.push((old.name.clone(), tag.name.clone())),
                Some(_) => {}
            }
        }
        changes.removed = before.tags.iter().filter(|t| after.get(&t.id).is_none()).map(|t| t.name.clone()).collect();
        changes
    }

    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.renamed.is_empty() && self.removed.is_empty()
    }
}

/// Everything an import would change, worked out without changing anything.
#[derive(Debug, Clone)]
pub struct ImportPlan {
    /// One per file, in the order given.
    pub reports: Vec<FileReport>,
    /// The article's tags plus the new ones of accepted files.
    pub tags: TagSet,
    /// The existing annotations merged with every accepted file's.
    pub merged: Merged,
    /// How each current annotation sits in the open article.
    pub status: BTreeMap<Uuid, Anchored>,
    /// The lock and answer key of the last accepted starter pack made on this article; its tag
    /// set is then [`Self::tags`], as it is. Starter packs of other articles change nothing.
    pub classroom: Option<pack::Classroom>,
    /// The tag set of the last accepted starter pack made on this article (not a self-check
    /// key), which the student keeps as a preset for her next articles.
    pub starter_tags: Option<TagSet>,
}

impl ImportPlan {
    /// The current annotations that are anchored, for the store, in id order.
    pub fn placed(&self) -> Vec<Annotation> {
        self.merged.current().filter(|a| !self.is_orphan(&a.id)).cloned().collect()
    }

    /// The current annotations not found in the article, with their quote, for the user to
    /// re-attach ([`crate::domain::annotation::reanchor::reattach`]) or delete.
    pub fn orphans(&self) -> Vec<&Annotation> {
        self.merged.current().filter(|a| self.is_orphan(&a.id)).collect()
    }

    /// True when applying the plan would change no annotation (a starter pack's tag set, lock
    /// and answer key are not annotations: see [`Self::classroom`]).
    pub fn is_noop(&self, before: &Merged) -> bool {
        &self.merged == before
    }

    /// One [`Change`] per annotation whose current version differs from `before`'s (new ids
    /// have `before: None`), in id order: what the painter and storage act on when the plan is
    /// applied. Orphans are included; [`Self::status`] tells them apart. Versions that only
    /// became conflicts are not changes of the current annotation; see [`Merged::conflicts`].
    pub fn changes(&self, before: &Merged) -> Vec<Change> {
        self.merged
            .current()
            .filter(|a| self.changed(before, &a.id))
            .map(|a| Change { before: before.get(&a.id).cloned(), after: Some(a.clone()) })
            .collect()
    }

    /// Whether applying the plan changes annotation `id`: its current version differs from the
    /// one in `before`, what the plan was made from (the ids [`Self::changes`] lists).
    pub fn changed(&self, before: &Merged, id: &Uuid) -> bool {
        self.merged.get(id).is_some_and(|a| before.get(id) != Some(a))
    }

    fn is_orphan(&self, id: &Uuid) -> bool {
        matches!(self.status.get(id), Some(Anchored::Orphaned))
    }
}

/// Reads, validates, re-anchors in `doc` and merges `files` into `existing` (the article's
/// annotations, orphans included), with tags mapped onto `tags`. Changes nothing: the caller
/// applies the returned plan.
pub fn plan_import(doc: &Document, tags: &TagSet, existing: &Merged, files: &[ImportFile]) -> ImportPlan {
    plan_import_with(doc, tags, existing, files, |bytes, known| read_file(bytes, known).map(ReadFile::from))
}

/// [`plan_import`] with the files read by `read` (the app's wasm has the second module read them,
/// `read_file` there): given a file's bytes and the tags known when it is read (the article's
/// plus those of the files before it), what the file holds or why it is refused.
pub fn plan_import_with(
    doc: &Document,
    tags: &TagSet,
    existing: &Merged,
    files: &[ImportFile],
    mut read: impl FnMut(&[u8], &TagSet) -> Result<ReadFile, FormatError>,
) -> ImportPlan {
    let anchorer = Anchorer::new(doc);
    let page = PageText::new(doc);
    let mut plan = ImportPlan {
        reports: Vec::new(),
        tags: tags.clone(),
        merged: existing.clone(),
        status: BTreeMap::new(),
        classroom: None,
        starter_tags: None,
    };
    let mut imported_status: BTreeMap<Uuid, Anchored> = BTreeMap::new();
    for file in files {
        let outcome = read(file.bytes, &plan.tags)
            .map(|imported| apply_file(doc, (&anchorer, &page), &mut plan, &mut imported_status, imported));
        plan.reports.push(FileReport { name: file.name.to_string(), outcome });
    }
    for a in plan.merged.current() {
        let status = imported_status.get(&a.id).copied().unwrap_or_else(|| anchorer.anchor(&a.target));
        plan.status.insert(a.id, status);
    }
    plan
}

/// Anchors and merges one accepted file into `plan`, counting what happened.
fn apply_file(
    doc: &Document,
    (anchorer, page): (&Anchorer, &PageText),
    plan: &mut ImportPlan,
    status: &mut BTreeMap<Uuid, Anchored>,
    imported: ReadFile,
) -> FileSummary {
    // Inserted one by one: `collect` into a `BTreeSet` compiles another copy of the standard library's sort.
    let mut known: BTreeSet<TagId> = BTreeSet::new();
    for tag in &plan.tags.tags {
        known.insert(tag.id.clone());
    }
    let tags_before = plan.tags.clone();
    let mut summary = FileSummary {
        format: Some(imported.format),
        same_article: imported.article_hash.as_ref().map(|hash| hash == doc.hash()),
        new_tags: imported.tags.tags.iter().map(|t| t.id.clone()).filter(|id| !known.contains(id)).collect(),
        repairs: imported.repairs,
        skipped: imported.skipped,
        starter: imported.classroom.as_ref().map(|c| (c.lock_tags, !c.answer_key.is_empty())),
        instructions: imported.classroom.as_ref().map(|c| c.instructions.clone()).unwrap_or_default(),
        ..FileSummary::default()
    };
    match imported.classroom {
        Some(classroom) if summary.same_article == Some(true) => {
            plan.tags = imported.tags;
            if !classroom.self_check {
                plan.starter_tags = Some(plan.tags.clone());
            }
            plan.classroom = Some(classroom);
        }
        // A starter pack of another article brings nothing here (its article can be opened instead).
        Some(_) => summary.new_tags.clear(),
        None => plan.tags = imported.tags,
    }
    summary.tag_changes = TagChanges::between(&tags_before, &plan.tags);
    let unsearched_before = anchorer.unsearched();
    let from_page = matches!(imported.format, Format::W3c | Format::Hypothesis);
    let mut pending = imported.pending.into_iter();
    for a in imported.annotations {
        let waiting = pending.next().flatten();
        let (mut a, anchored) = if from_page {
            match place_from_page(doc, (anchorer, page), a, waiting, imported.format == Format::Hypothesis) {
                Ok(placed) => placed,
                Err(left_out) => {
                    summary.skipped.push(left_out);
                    continue;
                }
            }
        } else {
            let anchored = anchorer.anchor(&a.target);
            // An orphan keeps its old target, so its quote can be shown and it can be re-attached.
            match anchored.span() {
                Some((start, end)) => (Annotation { target: retarget(doc, a.target, start, end), ..a }, anchored),
                None => (a, anchored),
            }
        };
        match anchored {
            Anchored::Orphaned => summary.orphaned += 1,
            Anchored::Moved { .. } => summary.moved += 1,
            Anchored::Fuzzy { .. } => summary.fuzzy += 1,
            Anchored::Exact { .. } => {}
        }
        if let Some(known) = plan.merged.get(&a.id) {
            same_as_known(&mut a, known, anchored);
        }
        let id = a.id;
        match plan.merged.insert(a) {
            Inserted::Added => summary.imported += 1,
            Inserted::Newer => summary.merged += 1,
            Inserted::Older => {
                summary.merged += 1;
                continue; // the current version is another; its own anchoring stands
            }
            Inserted::Duplicate => {
                summary.duplicates += 1;
                continue;
            }
        }
        status.insert(id, anchored);
    }
    summary.unsearched = anchorer.unsearched() - unsearched_before;
    summary
}
