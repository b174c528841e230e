//! The person's tag-set presets in the session: saved from the open article's set, applied to it as one undoable step, deleted and imported; the list is one stored value written through the save queue.
//!
//! The list itself is outside the undo history (like the person's name): undo takes back what
//! applying a preset did to the article, not the saving of a preset. One exception: the preset
//! a teacher's starter pack leaves is part of the import's step (see [`Session::keeping_pack_set`]).

use std::rc::Rc;

use super::history::{Step, Swap};
use super::kv::KeyValue;
use super::load::{keep_backup, Overlay};
use super::queue::{SaveQueue, Write};
use super::{Effects, Session, SessionError};
use crate::domain::annotation::tags::TagSet;
use crate::domain::storage;
use crate::domain::storage::presets::{self, Preset, PresetError, Presets};

/// The stored presets, and the value read; none when there are none or the value cannot be
/// read. An unreadable (or newer) value is first copied to its backup key, so saving a preset
/// over it loses nothing.
pub(super) fn load(kv: &mut dyn KeyValue, queue: &SaveQueue) -> (Presets, Option<String>) {
    let Some(raw) = (Overlay { kv, queue }).get(storage::PRESETS_KEY).ok().flatten() else {
        return (Presets::default(), None);
    };
    let presets = storage::decode_presets(&raw).unwrap_or_else(|_| {
        keep_backup(kv, storage::PRESETS_KEY, &raw);
        Presets::default()
    });
    (presets, Some(raw))
}

impl Session {
    pub fn presets(&self) -> &Presets {
        &self.presets
    }

    /// The set new articles start with: the preset chosen last, if any.
    pub fn preset_defaults(&self) -> Option<TagSet> {
        self.presets.last_chosen().map(|p| p.tags.clone())
    }

    /// Saves the open article's tag set as preset `name` (replacing one of that name), every key
    /// pinned as it is now.
    pub fn save_preset(&mut self, name: &str) -> Result<Effects, PresetError> {
        let name = presets::valid_name(name)?;
        let mut next = (*self.presets).clone();
        if !next.put(Preset::new(name, &self.tags)) {
            return Err(PresetError::Full);
        }
        Ok(self.keep_presets(next))
    }

    /// Applies preset `index` to the open article as one undoable step: its tags replace the
    /// set (tags annotations use that the preset lacks stay, after its own), and it becomes the
    /// preset new articles start with.
    pub fn apply_preset(&mut self, index: usize) -> Result<Effects, SessionError> {
        // Tags the key's passages use could leave the set unseen.
        self.own_layer_only()?;
        if self.tags_locked() {
            return Err(SessionError::Locked);
        }
        let preset = self.presets.list.get(index).cloned().ok_or(SessionError::Gone)?;
        let in_use = |tag: &crate::domain::annotation::tags::Tag| {
            self.store.count_with_tag(&tag.id) > 0 || self.orphans.iter().any(|a| a.has_tag(&tag.id))
        };
        let tags = presets::applied(&preset, &self.tags, in_use);
        let mut effects = Effects::default();
        if tags != *self.tags {
            let step = Step { tags: Some(Swap { before: self.tags.clone(), after: Rc::new(tags) }), ..Step::default() };
            effects = self.commit(step);
        }
        let mut next = (*self.presets).clone();
        if next.last.as_deref() != Some(preset.name.as_str()) {
            next.last = Some(preset.name);
            effects.absorb(self.keep_presets(next));
        }
        Ok(effects)
    }

    /// Deletes preset `index`; new articles then start with the default set if it was the last chosen.
    pub fn delete_preset(&mut self, index: usize) -> Effects {
        if index >= self.presets.list.len() {
            return Effects::default();
        }
        let mut next = (*self.presets).clone();
        let gone = next.list.remove(index);
        if next.last.as_deref() == Some(gone.name.as_str()) {
            next.last = None;
        }
        self.keep_presets(next)
    }

    /// Adds the presets of a file, each replacing one of the same name; returns how many were
    /// added. All or none: refused when the list would grow past its limit.
    pub fn import_presets(&mut self, list: Vec<Preset>) -> Result<(Effects, usize), PresetError> {
        let mut next = (*self.presets).clone();
        let count = list.len();
        for preset in list {
            if !next.put(preset) {
                return Err(PresetError::Full);
            }
        }
        Ok((self.keep_presets(next), count))
    }

    pub(super) fn keep_presets(&mut self, next: Presets) -> Effects {
        self.presets = Rc::new(next);
        let key = storage::PRESETS_KEY.to_string();
        let value = storage::encode_presets(&self.presets);
        self.presets_written = Some(value.clone());
        self.queue.borrow_mut().put(key.clone(), Write::Value(Some(value)));
        Effects { presets: true, writes: vec![key], ..Effects::default() }
    }

    /// Names the preset a starter pack leaves in the UI's language (`PresetTexts::from_teacher`).
    pub fn name_pack_presets(&mut self, name: fn(&str) -> String) {
        self.pack_preset_name = name;
    }

    /// The presets after keeping a teacher's starter pack's tag set `tags` for the student's next
    /// articles, and the name it is kept under: the preset that holds these tags already, else a
    /// new one named after the article ("Library (from your teacher)", "… (2)" when that name is
    /// taken), in either case chosen last so new articles start with it. `None` when the list
    /// is full.
    ///
    /// Decision: this is part of the import's undo step (`Step::presets`), although presets are
    /// the person's and not the article's: the student did not save it herself, so undoing the
    /// import takes it back with the tags and the lock, rather than leave a preset of a pack she
    /// undid. Undo removes only what the import added (the preset, if still as it was, and the
    /// choice): what she or another tab changed in the list meanwhile stays.
    /// "Library (from your teacher)", the title shortened (with "…") so that the name leaves room
    /// for a number ("… (2)") within `MAX_NAME`.
    fn pack_preset_title(&self) -> String {
        let room = presets::MAX_NAME - 5 - (self.pack_preset_name)("").chars().count();
        let title = self.doc.title().trim();
        let mut cut: String = title.chars().take(room - 1).collect();
        if cut.len() < title.len() {
            cut = format!("{}…", cut.trim_end());
        }
        (self.pack_preset_name)(&cut).trim().to_string()
    }

    pub(super) fn keeping_pack_set(&self, tags: &TagSet) -> Option<(Presets, String)> {
        let preset = Preset::new("", tags);
        let mut next = (*self.presets).clone();
        let name = match next.list.iter().find(|p| p.tags == preset.tags) {
            Some(same) => same.name.clone(),
            None => {
                let name = super::preset_sync::free_name(&self.pack_preset_title(), &[&next.list]);
                if !next.put(Preset { name: name.clone(), tags: preset.tags }) {
                    return None;
                }
                name
            }
        };
        next.last = Some(name.clone());
        Some((next, name))
    }
}
