//! Keeps this tab in step with other tabs of the same article: it takes what they store, and a clash on one annotation becomes a visible other version.

use std::rc::Rc;

use gloo::events::EventListener;
use uuid::Uuid;
use yew::prelude::*;

use super::{App, Msg};
use crate::domain::annotation::Annotation;
use crate::domain::persist::{article_key_kind, ArticleKey, SideList};
use crate::domain::store::Change;
use crate::domain::sync::{before_write, keep_version, Resolution};
use crate::ui::browser::{eviction, storage_events};

/// Listens for other tabs' writes to storage.
pub(super) fn listener(ctx: &Context<App>) -> Option<EventListener> {
    let link = ctx.link().clone();
    storage_events::listen(move |key| link.send_message(Msg::StoredElsewhere(key)))
}

impl App {
    /// Another tab wrote `key` (`None`: it cleared storage, which changes nothing here: this tab's
    /// work stays in memory and its next save writes again). Returns whether to re-render.
    pub(super) fn stored_elsewhere(&mut self, key: Option<String>) -> bool {
        let Some(key) = key else { return false };
        match article_key_kind(self.storage.article(), &key) {
            Some(ArticleKey::Annotation(id)) => self.pull(id),
            Some(ArticleKey::Tags) => match self.storage.load_tags() {
                Ok(Some(tags)) if tags != *self.tags => {
                    self.tags = Rc::new(tags);
                    self.listing.replace(None);
                    // Highlights are registered per tag position, so the painter is rebuilt for the new set.
                    self.painter = None;
                    self.needs_painter = true;
                    true
                }
                _ => false,
            },
            Some(ArticleKey::Side(list)) => match self.storage.load_side(list) {
                Ok(items) => {
                    match list {
                        SideList::Orphans => self.orphans = items,
                        SideList::Conflicts => self.conflicts = items,
                    }
                    true
                }
                Err(_) => false,
            },
            Some(ArticleKey::Classroom) => match self.storage.load_classroom() {
                Ok(classroom) => {
                    self.classroom = classroom;
                    true
                }
                Err(_) => false,
            },
            None => false,
        }
    }

    /// Takes what storage holds for annotation `id`, outside the undo history. While its note is
    /// being typed here, it waits: committing the note resolves the two versions.
    pub(super) fn pull(&mut self, id: Uuid) -> bool {
        if self.note_drafts.contains_key(&id) {
            return false;
        }
        let Some(stored) = self.storage.stored_annotation(&id) else { return false };
        let Some(change) = self.store.sync(id, stored) else { return false };
        self.show_synced(&change);
        true
    }

    fn show_synced(&mut self, change: &Change) {
        if let Some(painter) = &mut self.painter {
            painter.apply(&self.doc, &self.store, change);
        }
        self.keep_views_in_step();
    }

    /// Writes this tab's change, unless another tab changed the same annotation since it was
    /// read here: then an edit beats a deletion, the later edit wins, and the other is kept.
    pub(super) fn save_change(&mut self, change: &Change) {
        let resolution = match self.storage.stored_annotation(&change.id()) {
            Some(current) => before_write(change.before.as_ref(), change.after.as_ref(), current.as_ref()),
            None => Resolution::KeepMine { other_version: None },
        };
        match resolution {
            Resolution::InStep => {}
            Resolution::KeepMine { other_version } => {
                if self.storage.save(change, &self.protected_keys()).is_ok() {
                    eviction::note_saved();
                }
                self.keep_other_version(other_version);
            }
            Resolution::Adopt { now, other_version } => {
                self.keep_other_version(other_version);
                if let Some(synced) = self.store.sync(change.id(), now) {
                    self.show_synced(&synced);
                }
            }
        }
    }

    /// Keeps a clashing version under "Other versions", next to those other tabs kept.
    fn keep_other_version(&mut self, version: Option<Annotation>) {
        let Some(version) = version else { return };
        if let Ok(stored) = self.storage.load_side(SideList::Conflicts) {
            stored.into_iter().for_each(|v| keep_version(&mut self.conflicts, v));
        }
        keep_version(&mut self.conflicts, version);
        self.save_side(SideList::Conflicts);
        self.set_notice(self.t().changed_in_other_tab.into());
    }
}
