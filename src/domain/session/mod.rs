//! One article's session: its document, annotations, tag set, side lists, classroom state and author, every user operation on them, one undo history and the save queue.
//!
//! The yew shell turns events into the operations here and carries out the [`Effects`] each one
//! returns (paint these changes, restyle the tags, re-render the side lists); every value an
//! operation changes is queued in the [`SaveQueue`] under its key, and the shell flushes the
//! queue through a [`KeyValue`] (localStorage). Nothing here touches the browser.

mod fresh;
pub mod history;
pub mod import;
mod key_mode;
pub mod kv;
pub mod listing;
pub mod load;
mod ops;
pub mod preset_sync;
pub mod presets;
pub mod queue;
pub mod sync;
mod tabs;

use std::cell::RefCell;
use std::rc::Rc;

pub use fresh::Fresh;
use history::{History, List, Part, Step, Swap};
use kv::KeyValue;
use load::{keep_backup, load_annotations, load_parts, Overlay, Unreadable};
use queue::{SaveQueue, Write};

use crate::domain::annotation::store::{Change, Store, StoreError};
use crate::domain::annotation::tag_edit::TagError;
use crate::domain::annotation::tags::TagSet;
use crate::domain::annotation::Annotation;
use crate::domain::article::document::Document;
use crate::domain::i18n::Texts;
use crate::domain::storage::{self, ClassroomState, SideList};

/// The save queue, shared by the session and the shell's crash handler (which flushes it when the app panics).
pub type SharedQueue = Rc<RefCell<SaveQueue>>;

/// What an operation changed, for the shell to carry out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Effects {
    /// Annotations to repaint and redescribe, in the order they changed.
    pub changes: Vec<Change>,
    /// The tag set changed: restyle and rebuild the highlight painter.
    pub tags: bool,
    pub orphans: bool,
    pub conflicts: bool,
    pub classroom: bool,
    /// The person's presets changed (here, by an undo, or in another tab).
    pub presets: bool,
    /// Keys this operation queued for writing (or removal).
    pub writes: Vec<String>,
    /// Another tab changed an annotation this one changed too; both versions are kept.
    pub clashed: bool,
    /// The shown annotations were replaced whole (key mode entered or left, or the shown key
    /// replaced): repaint and redescribe everything.
    pub layer: bool,
}

impl Effects {
    /// True when the operation changed nothing at all.
    pub fn is_empty(&self) -> bool {
        self == &Effects::default()
    }

    fn absorb(&mut self, other: Effects) {
        self.changes.extend(other.changes);
        self.tags |= other.tags;
        self.orphans |= other.orphans;
        self.conflicts |= other.conflicts;
        self.classroom |= other.classroom;
        self.presets |= other.presets;
        self.writes.extend(other.writes);
        self.clashed |= other.clashed;
        self.layer |= other.layer;
    }
}

/// Why an operation was refused; nothing changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionError {
    Store(StoreError),
    Tag(TagError),
    /// A teacher's starter pack locked the tag set.
    Locked,
    /// The annotation or list entry is gone (another tab, or a stale click).
    Gone,
    /// The selection cannot hold the annotation being re-attached.
    CannotHold,
    /// The answer key is shown (key mode): her own annotations, side lists and tag set wait.
    KeyMode,
}

impl SessionError {
    /// The reason as a sentence in the language of `t`.
    pub fn message(&self, t: &Texts) -> String {
        match self {
            SessionError::Store(error) => error.message(t),
            SessionError::Tag(error) => error.message(t),
            SessionError::Locked => t.teacher_locked.to_string(),
            SessionError::Gone => t.store_not_found.to_string(),
            SessionError::CannotHold => t.selection_cannot_hold.to_string(),
            SessionError::KeyMode => t.not_in_key_mode.to_string(),
        }
    }
}

impl From<StoreError> for SessionError {
    fn from(error: StoreError) -> Self {
        SessionError::Store(error)
    }
}

impl From<TagError> for SessionError {
    fn from(error: TagError) -> Self {
        SessionError::Tag(error)
    }
}

/// Which annotations the article shows and the person's edits change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    /// Her own annotations.
    Own,
    /// The article's answer key (key mode, `key_mode.rs`).
    Key,
}

/// One open article and everything the person made on it.
pub struct Session {
    doc: Rc<Document>,
    /// Her own annotations, also while the key is shown.
    store: Store,
    /// The answer key shown and edited in place of her annotations.
    key_mode: Option<key_mode::KeyMode>,
    tags: Rc<TagSet>,
    /// Whether the open article's tag set is stored (or queued); one that is not is the default.
    tags_stored: bool,
    /// The set an article without a stored one starts with (the default set in the UI's language).
    default_tags: Rc<TagSet>,
    orphans: List,
    conflicts: List,
    classroom: Option<Rc<ClassroomState>>,
    unreadable: Vec<Unreadable>,
    author: String,
    /// The person's tag-set presets (every article's), outside the undo history as the name is.
    presets: Rc<crate::domain::storage::presets::Presets>,
    /// The stored presets value this tab's list was last in step with (read, taken from another
    /// tab or written here): what a change of this tab starts from.
    presets_base: Option<String>,
    /// The presets value this tab queued last, to tell its own write in storage from another tab's.
    presets_written: Option<String>,
    /// The stored presets values this tab's last writes went over (`preset_sync::MAX_BASES`).
    presets_write_bases: Vec<Option<String>>,
    /// Names the preset a teacher's starter pack leaves, from the article's title, in the UI's language.
    pack_preset_name: fn(&str) -> String,
    history: History,
    queue: SharedQueue,
    annotations_loaded: bool,
    /// Counts the steps made, undone and redone, so an export can tell whether it is still current.
    revision: u64,
    /// The revision of the open article last exported as a pack, if it was since it opened.
    exported: Option<u64>,
}

impl Session {
    /// Opens `doc` with its stored tag set, side lists and classroom state (queued values win
    /// over stored ones); its annotations are read by [`Session::load_annotations`], so the
    /// article can be shown first.
    pub fn open(doc: Rc<Document>, kv: &mut dyn KeyValue, queue: SharedQueue) -> Session {
        let author = Overlay { kv, queue: &queue.borrow() }.get(storage::AUTHOR_KEY).ok().flatten().unwrap_or_default();
        let (presets, presets_base) = presets::load(kv, &queue.borrow());
        let mut session = Session {
            doc: doc.clone(),
            store: Store::default(),
            key_mode: None,
            tags: Rc::default(),
            tags_stored: false,
            default_tags: Rc::default(),
            orphans: Rc::default(),
            conflicts: Rc::default(),
            classroom: None,
            unreadable: Vec::new(),
            author,
            presets: Rc::new(presets),
            presets_base,
            presets_written: None,
            presets_write_bases: Vec::new(),
            pack_preset_name: crate::domain::i18n::PRESETS_EN.from_teacher,
            history: History::default(),
            queue,
            annotations_loaded: false,
            revision: 0,
            exported: None,
        };
        session.open_parts(doc, kv);
        session
    }

    /// Replaces the open article with `doc`, loaded whole (annotations included). What is queued
    /// for the old one stays queued; the undo history starts afresh.
    pub fn switch(&mut self, doc: Rc<Document>, kv: &mut dyn KeyValue) {
        self.open_parts(doc, kv);
        self.load_annotations(kv);
    }

    /// Makes `doc` the open article with its tag set, side lists and classroom state; its
    /// annotations wait for [`Session::load_annotations`].
    fn open_parts(&mut self, doc: Rc<Document>, kv: &mut dyn KeyValue) {
        if let Err(problem @ kv::StorageProblem::Unavailable(_)) = kv.keys() {
            self.queue.borrow_mut().note_problem(problem);
        }
        let parts = load_parts(&Overlay { kv, queue: &self.queue.borrow() }, doc.hash());
        self.doc = doc;
        self.store = Store::default();
        self.key_mode = None;
        self.tags_stored = parts.tags.is_some();
        self.tags = parts.tags.map_or_else(|| self.default_tags.clone(), Rc::new);
        self.orphans = Rc::new(parts.orphans);
        self.conflicts = Rc::new(parts.conflicts);
        self.classroom = parts.classroom.map(Rc::new);
        self.unreadable = Vec::new();
        self.history = History::default();
        self.exported = None;
        self.keep_unreadable(kv, parts.unreadable);
        self.annotations_loaded = false;
    }

    /// Reads the open article's annotations, stored or queued (once: later calls do nothing).
    /// Returns whether they were read now.
    pub fn load_annotations(&mut self, kv: &mut dyn KeyValue) -> bool {
        if self.annotations_loaded {
            return false;
        }
        let (annotations, unreadable) = load_annotations(&Overlay { kv, queue: &self.queue.borrow() }, self.doc.hash());
        self.store = Store::from_annotations(annotations);
        self.keep_unreadable(kv, unreadable);
        self.annotations_loaded = true;
        true
    }

    fn keep_unreadable(&mut self, kv: &mut dyn KeyValue, found: Vec<Unreadable>) {
        for unreadable in found {
            keep_backup(kv, &unreadable.key, &unreadable.raw);
            self.queue.borrow_mut().protect(&unreadable.key);
            self.unreadable.push(unreadable);
        }
    }

    /// Gives the open article a new title (its text, and so its hash, stay the same).
    pub fn retitle(&mut self, title: &str) {
        self.doc = Rc::new((*self.doc).clone().with_title(title));
    }

    pub fn doc(&self) -> &Rc<Document> {
        &self.doc
    }

    /// The shown annotations: hers, or the answer key's passages in key mode.
    pub fn store(&self) -> &Store {
        self.key_mode.as_ref().map_or(&self.store, |key| &key.store)
    }

    pub fn tags(&self) -> &Rc<TagSet> {
        &self.tags
    }

    pub fn orphans(&self) -> &List {
        &self.orphans
    }

    pub fn conflicts(&self) -> &List {
        &self.conflicts
    }

    pub fn classroom(&self) -> Option<&ClassroomState> {
        self.classroom.as_deref()
    }

    /// Values of this article that could not be read (kept under their keys, never written).
    pub fn unreadable(&self) -> &[Unreadable] {
        &self.unreadable
    }

    pub fn author(&self) -> &str {
        &self.author
    }

    /// Whether the annotations were read yet (start-up reads them after the first paint).
    pub fn annotations_loaded(&self) -> bool {
        self.annotations_loaded
    }

    pub fn queue(&self) -> &SharedQueue {
        &self.queue
    }

    /// The shown layer's history: hers, or the key's in key mode.
    fn shown_history(&self) -> &History {
        self.key_mode.as_ref().map_or(&self.history, |key| &key.history)
    }

    pub fn can_undo(&self) -> bool {
        self.shown_history().can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.shown_history().can_redo()
    }

    /// Makes `defaults` the set of articles without a stored one (the default set named in the
    /// UI's language). The open article follows when it shows the old defaults and has no stored
    /// set; a stored set keeps its names.
    pub fn use_default_tags(&mut self, defaults: TagSet) -> Effects {
        let follows = !self.tags_stored && self.tags == self.default_tags;
        self.default_tags = Rc::new(defaults);
        if follows && self.tags != self.default_tags {
            self.tags = self.default_tags.clone();
            return Effects { tags: true, ..Effects::default() };
        }
        Effects::default()
    }

    /// Whether a teacher's starter pack locked this article's tag set.
    pub fn tags_locked(&self) -> bool {
        self.classroom.as_ref().is_some_and(|c| c.lock_tags)
    }

    /// Her annotations of the article and of its unplaced list, in article order then list order
    /// (never the key's passages, also in key mode).
    pub fn all_annotations(&self) -> impl Iterator<Item = &Annotation> + '_ {
        self.store.in_order().chain(self.orphans.iter())
    }

    /// Reverts the shown layer's last step whole; `None` when there is nothing to undo.
    pub fn undo(&mut self) -> Option<Effects> {
        self.step_back_or_again(History::undo)
    }

    /// Makes the shown layer's last undone step again; `None` when there is nothing to redo.
    pub fn redo(&mut self) -> Option<Effects> {
        self.step_back_or_again(History::redo)
    }

    /// Takes a step from the shown layer's history (`History::undo` or `redo`) and makes it there.
    fn step_back_or_again(&mut self, take: fn(&mut History) -> Option<Step>) -> Option<Effects> {
        let layer = self.layer();
        let step = match &mut self.key_mode {
            Some(key) => take(&mut key.history).inspect(|step| key.store.commit_changes(&step.changes))?,
            None => take(&mut self.history).inspect(|step| self.store.commit_changes(&step.changes))?,
        };
        Some(self.settle(step, layer))
    }

    /// Records `step` (its annotation changes already made in the store), makes its other parts
    /// and queues every write it needs.
    fn commit(&mut self, step: Step) -> Effects {
        let effects = self.settle(step.clone(), Layer::Own);
        self.history.record(step);
        effects
    }

    /// Puts each part of `step` in place (the `layer`'s store already holds its changes) and
    /// queues the writes: her annotations each under its key, the key's only as the classroom
    /// state the step swaps in.
    fn settle(&mut self, step: Step, layer: Layer) -> Effects {
        let mut effects = Effects::default();
        if layer == Layer::Own {
            // Only her annotations count for "exported since the last change".
            self.revision += 1;
            for change in &step.changes {
                let key = self.queue.borrow_mut().put_annotation(
                    self.doc.hash(),
                    change.before.clone(),
                    change.after.clone(),
                );
                effects.writes.extend(key);
            }
        }
        if let Some(Swap { after, .. }) = step.tags {
            self.tags = after;
            self.tags_stored = true;
            effects.tags = true;
            effects.writes.push(self.queue_part(Part::Tags));
        }
        if let Some(Swap { after, .. }) = step.orphans {
            self.orphans = after;
            effects.orphans = true;
            effects.writes.push(self.queue_part(Part::Orphans));
        }
        if let Some(Swap { after, .. }) = step.conflicts {
            self.conflicts = after;
            effects.conflicts = true;
            effects.writes.push(self.queue_part(Part::Conflicts));
        }
        if let Some(Swap { after, .. }) = step.classroom {
            if layer == Layer::Key {
                // No step of hers (an import's) may put back a classroom state with an older key.
                self.history.forget_part(Part::Classroom);
            }
            self.classroom = after;
            effects.classroom = true;
            effects.writes.push(self.queue_part(Part::Classroom));
        }
        if let Some(Swap { before, after }) = step.presets {
            let next = preset_sync::merge(&self.presets, &before, &after);
            effects.absorb(self.keep_presets(next));
        }
        effects.changes = step.changes;
        effects
    }

    /// Queues the current value of `part` under its key; returns the key.
    fn queue_part(&self, part: Part) -> String {
        let hash = self.doc.hash();
        let (key, value) = match part {
            Part::Tags => (storage::tags_key(hash), Some(storage::encode_tags(&self.tags))),
            Part::Orphans => (
                storage::side_key(hash, SideList::Orphans),
                (!self.orphans.is_empty()).then(|| storage::encode_list(&self.orphans)),
            ),
            Part::Conflicts => (
                storage::side_key(hash, SideList::Conflicts),
                (!self.conflicts.is_empty()).then(|| storage::encode_list(&self.conflicts)),
            ),
            Part::Classroom => {
                (storage::classroom_key(hash), self.classroom.as_ref().map(|c| storage::encode_classroom(c)))
            }
        };
        self.queue.borrow_mut().put(key.clone(), Write::Value(value));
        key
    }

    /// Changes one part outside the undo history (a revealed key, the teacher's own key, another
    /// tab's value) and queues it unless it came from storage.
    fn set_part_untracked(&mut self, part: Part, queue: bool) -> Effects {
        let mut effects = Effects::default();
        match part {
            Part::Tags => effects.tags = true,
            Part::Orphans => effects.orphans = true,
            Part::Conflicts => effects.conflicts = true,
            Part::Classroom => effects.classroom = true,
        }
        if queue {
            effects.writes.push(self.queue_part(part));
        }
        effects
    }
}
