//! Keeping the session in step with storage: flushing the save queue (with the two-tab outcomes) and taking what another tab of the same article stored.

use std::rc::Rc;

use uuid::Uuid;

use super::history::Part;
use super::kv::KeyValue;
use super::load::{load_parts, Overlay};
use super::queue::{Flushed, Outcome, Write};
use super::{Effects, Session};
use crate::domain::annotation::Annotation;
use crate::domain::session::sync::keep_version;
use crate::domain::storage::{self, article_key_kind, ArticleKey, SideList};

impl Session {
    /// Writes up to `limit` queued keys and acts on what the two-tab check found: another tab's
    /// winning version is taken (outside the undo history), a losing version of either tab is
    /// kept under "Other versions" (of this article, or in storage for another article). The
    /// presets are written first, on top of what another tab may have written (`write_presets`).
    pub fn flush(&mut self, kv: &mut dyn KeyValue, limit: usize) -> (Effects, Flushed) {
        let (mut effects, presets_written) = self.write_presets(kv);
        let mut flushed = self.queue.borrow_mut().flush(kv, limit);
        flushed.written += usize::from(presets_written);
        let here = self.doc.hash().short().to_string();
        for outcome in &flushed.outcomes {
            match outcome {
                Outcome::Adopted { article, id, now } if *article == here => {
                    if let Some(change) = self.store.sync(*id, now.clone()) {
                        self.history.forget_annotation(*id);
                        effects.changes.extend(self.shown_change(change));
                    }
                }
                Outcome::Adopted { .. } => {}
                Outcome::OtherVersion { article, version } if *article == here => {
                    // Versions other tabs kept meanwhile join this tab's list first.
                    let key = storage::side_key(self.doc.hash(), SideList::Conflicts);
                    let stored = stored_versions(&*kv, &self.queue, &key).unwrap_or_default();
                    let mut conflicts: Vec<_> = (*self.conflicts).clone();
                    stored.into_iter().for_each(|v| keep_version(&mut conflicts, v));
                    self.conflicts = Rc::new(conflicts);
                    effects.absorb(self.keep_other_version(version.clone()));
                    effects.clashed = true;
                }
                Outcome::OtherVersion { article, version } => keep_stored_version(kv, &self.queue, article, version),
                Outcome::Unreadable { key, raw } => {
                    let error = storage::decode(raw).err().unwrap_or(storage::DecodeError::Corrupt(String::new()));
                    self.queue.borrow_mut().protect(key);
                    if key.starts_with(&storage::article_prefix(self.doc.hash())) {
                        self.unreadable.push(super::load::Unreadable {
                            key: key.clone(),
                            backup_key: storage::backup_key(key),
                            raw: raw.clone(),
                            error,
                        });
                    }
                }
            }
        }
        (effects, flushed)
    }

    /// Another tab wrote `key`: takes its value for this article's annotation, tag set, side
    /// list or classroom state, outside the undo history (no step may bring back what that tab
    /// replaced). `writing_note` holds an annotation whose note is being typed here: it waits,
    /// and committing the note resolves the two versions.
    pub fn stored_elsewhere(&mut self, kv: &mut dyn KeyValue, key: &str, writing_note: Option<Uuid>) -> Effects {
        match article_key_kind(self.doc.hash(), key) {
            Some(ArticleKey::Annotation(id)) if Some(id) != writing_note => self.pull(&*kv, id),
            Some(ArticleKey::Annotation(_)) | None => Effects::default(),
            Some(kind) => {
                let parts = load_parts(&Overlay { kv: &*kv, queue: &self.queue.borrow() }, self.doc.hash());
                let part = match kind {
                    ArticleKey::Tags => {
                        self.tags_stored = parts.tags.is_some();
                        let tags = parts.tags.map_or_else(|| self.default_tags.clone(), Rc::new);
                        if tags == self.tags {
                            return Effects::default();
                        }
                        self.tags = tags;
                        Part::Tags
                    }
                    ArticleKey::Side(SideList::Orphans) => {
                        self.orphans = Rc::new(parts.orphans);
                        Part::Orphans
                    }
                    ArticleKey::Side(SideList::Conflicts) => {
                        self.conflicts = Rc::new(parts.conflicts);
                        Part::Conflicts
                    }
                    ArticleKey::Classroom => {
                        self.classroom = parts.classroom.map(Rc::new);
                        Part::Classroom
                    }
                    ArticleKey::Annotation(_) => unreachable!("handled above"),
                };
                self.history.forget_part(part);
                let mut effects = self.set_part_untracked(part, false);
                if part == Part::Classroom {
                    effects.absorb(self.key_replaced());
                }
                effects
            }
        }
    }

    /// Takes what storage holds for annotation `id` (outside the undo history).
    pub fn pull(&mut self, kv: &dyn KeyValue, id: Uuid) -> Effects {
        let key = storage::annotation_key(self.doc.hash(), &id);
        // A value this app cannot read, or no storage at all: nothing is known, nothing changes.
        let Ok(raw) = kv.get(&key) else { return Effects::default() };
        let stored = match raw.map(|raw| storage::decode(&raw)) {
            None => None,
            Some(Ok(annotation)) => Some(annotation),
            Some(Err(_)) => return Effects::default(),
        };
        let Some(change) = self.store.sync(id, stored) else { return Effects::default() };
        self.history.forget_annotation(id);
        Effects { changes: self.shown_change(change).into_iter().collect(), ..Effects::default() }
    }
}

impl Session {
    /// A change another tab made to her annotations, to repaint: none while the key is shown.
    fn shown_change(
        &self,
        change: crate::domain::annotation::store::Change,
    ) -> Option<crate::domain::annotation::store::Change> {
        self.key_mode.is_none().then_some(change)
    }
}

/// The other versions stored (or queued) under `key`; `None` when that value cannot be read.
fn stored_versions(kv: &dyn KeyValue, queue: &super::SharedQueue, key: &str) -> Option<Vec<Annotation>> {
    let current = Overlay { kv, queue: &queue.borrow() }.get(key).ok().flatten();
    current.as_deref().map_or(Ok(Vec::new()), storage::decode_list).ok()
}

/// Keeps `version` in the stored other-versions list of another article (read, added, queued).
fn keep_stored_version(kv: &dyn KeyValue, queue: &super::SharedQueue, article: &str, version: &Annotation) {
    let key = format!("{}v1/{article}/conflicts", storage::KEY_PREFIX);
    let Some(mut list) = stored_versions(kv, queue, &key) else { return };
    keep_version(&mut list, version.clone());
    queue.borrow_mut().put(key, Write::Value(Some(storage::encode_list(&list))));
}
