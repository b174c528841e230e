//! The person's operations on the open article: annotate, retag, write notes, delete, edit the tag set, pick other versions, attach or discard unplaced annotations, and the classroom's key.

use std::rc::Rc;

use time::OffsetDateTime;
use uuid::Uuid;

use super::history::{Part, Step, Swap};
use super::queue::Write;
use super::{Effects, Session, SessionError};
use crate::domain::annotation::anchor::describe;
use crate::domain::annotation::reanchor;
use crate::domain::annotation::store::Command;
use crate::domain::annotation::tag_edit::{self, TagEdit};
use crate::domain::annotation::tags::TagId;
use crate::domain::annotation::Annotation;
use crate::domain::session::sync::keep_version;
use crate::domain::storage::{self, ClassroomState};

impl Session {
    /// Tags the passage `[start, end)` (code points) with `tag`, with `note`, as a new annotation.
    pub fn create(
        &mut self,
        start: usize,
        end: usize,
        tag: TagId,
        note: &str,
        id: Uuid,
        now: OffsetDateTime,
    ) -> Result<Effects, SessionError> {
        let annotation = Annotation {
            id,
            target: describe(&self.doc, start, end),
            tags: vec![tag],
            note: note.trim().to_string(),
            author: self.author.clone(),
            created: now,
            modified: now,
        };
        self.apply_commands(vec![Command::Create(annotation)])
    }

    /// Adds `tag` to annotation `id`, or removes it when it is there.
    pub fn toggle_tag(&mut self, id: Uuid, tag: TagId, now: OffsetDateTime) -> Result<Effects, SessionError> {
        let annotation = self.store().get(&id).ok_or(SessionError::Gone)?;
        let mut tags = annotation.tags.clone();
        if tags.contains(&tag) {
            tags.retain(|t| t != &tag);
        } else {
            tags.push(tag);
        }
        self.apply_commands(vec![Command::SetTags { id, tags, at: now }])
    }

    /// Gives annotation `id` the note `note`; nothing happens when it already has it.
    pub fn set_note(&mut self, id: Uuid, note: &str, now: OffsetDateTime) -> Result<Effects, SessionError> {
        let annotation = self.store().get(&id).ok_or(SessionError::Gone)?;
        if annotation.note == note {
            return Ok(Effects::default());
        }
        self.apply_commands(vec![Command::SetNote { id, note: note.to_string(), at: now }])
    }

    pub fn delete(&mut self, id: Uuid) -> Result<Effects, SessionError> {
        self.apply_commands(vec![Command::Delete { id }])
    }

    /// Applies store commands to the shown layer (her annotations, or the key in key mode) as
    /// one undoable step, all or nothing.
    pub fn apply_commands(&mut self, commands: Vec<Command>) -> Result<Effects, SessionError> {
        let shown = self.key_mode.as_mut().map_or(&mut self.store, |key| &mut key.store);
        let changes = shown.apply_batch(commands)?;
        Ok(match self.key_mode {
            Some(_) => self.commit_key(changes),
            None => self.commit(Step { changes, ..Step::default() }),
        })
    }

    /// Edits the tag set; the annotations the edit touches change in the same undoable step, and
    /// undo puts back the whole set (names, colours, underlines, hotkeys, order) with them.
    pub fn edit_tags(&mut self, edit: TagEdit, now: OffsetDateTime) -> Result<Effects, SessionError> {
        // A tag's deletion or merge retags her annotations, which key mode does not show.
        self.own_layer_only()?;
        if self.tags_locked() {
            return Err(SessionError::Locked);
        }
        // Unplaced annotations carry tags too: a merge or delete retags them as well, or they
        // would keep an id the set no longer has.
        let edited = tag_edit::edit(&self.tags, edit, self.store.in_order().chain(self.orphans.iter()), now)?;
        let (placed, unplaced): (Vec<_>, Vec<_>) =
            edited.updates.iter().partition(|u| self.store.get(&u.before.id).is_some());
        let commands: Vec<Command> = placed
            .iter()
            .map(|u| match &u.after {
                Some(after) => Command::SetTags { id: after.id, tags: after.tags.clone(), at: after.modified },
                None => Command::Delete { id: u.before.id },
            })
            .collect();
        let changes = if commands.is_empty() { Vec::new() } else { self.store.apply_batch(commands)? };
        let mut step = Step { changes, ..Step::default() };
        if !unplaced.is_empty() {
            let orphans: Vec<Annotation> = self
                .orphans
                .iter()
                .filter_map(|a| match unplaced.iter().find(|u| u.before.id == a.id) {
                    Some(update) => update.after.clone(),
                    None => Some(a.clone()),
                })
                .collect();
            step.orphans = Some(Swap { before: self.orphans.clone(), after: Rc::new(orphans) });
        }
        if edited.tags != *self.tags {
            step.tags = Some(Swap { before: self.tags.clone(), after: Rc::new(edited.tags) });
        }
        Ok(self.commit(step))
    }

    /// Puts the other version at `index` in place of the current one (or back, when the current
    /// one was deleted); the version it replaces joins the other versions, so the choice can be
    /// changed back. One undoable step.
    pub fn use_version(&mut self, index: usize) -> Result<Effects, SessionError> {
        self.own_layer_only()?;
        let version = self.conflicts.get(index).cloned().ok_or(SessionError::Gone)?;
        let current = self.store.get(&version.id).cloned();
        let command = if current.is_some() { Command::Replace(version) } else { Command::Create(version) };
        let changes = self.store.apply_batch(vec![command])?;
        let mut conflicts: Vec<Annotation> = (*self.conflicts).clone();
        conflicts.remove(index);
        conflicts.extend(current);
        let conflicts = Some(Swap { before: self.conflicts.clone(), after: Rc::new(conflicts) });
        Ok(self.commit(Step { changes, conflicts, ..Step::default() }))
    }

    /// Drops the other version at `index` (undoable).
    pub fn discard_version(&mut self, index: usize) -> Result<Effects, SessionError> {
        self.own_layer_only()?;
        if index >= self.conflicts.len() {
            return Err(SessionError::Gone);
        }
        let mut conflicts: Vec<Annotation> = (*self.conflicts).clone();
        conflicts.remove(index);
        let conflicts = Some(Swap { before: self.conflicts.clone(), after: Rc::new(conflicts) });
        Ok(self.commit(Step { conflicts, ..Step::default() }))
    }

    /// Drops the unplaced annotation `id` (undoable).
    pub fn discard_orphan(&mut self, id: Uuid) -> Result<Effects, SessionError> {
        self.own_layer_only()?;
        if !self.orphans.iter().any(|a| a.id == id) {
            return Err(SessionError::Gone);
        }
        let orphans: Vec<Annotation> = self.orphans.iter().filter(|a| a.id != id).cloned().collect();
        let orphans = Some(Swap { before: self.orphans.clone(), after: Rc::new(orphans) });
        Ok(self.commit(Step { orphans, ..Step::default() }))
    }

    /// Attaches the unplaced annotation `id` to the passage `[start, end)`: it leaves the
    /// unplaced list and joins the article in one undoable step.
    pub fn attach(&mut self, id: Uuid, start: usize, end: usize, now: OffsetDateTime) -> Result<Effects, SessionError> {
        self.own_layer_only()?;
        let orphan = self.orphans.iter().find(|a| a.id == id).cloned().ok_or(SessionError::Gone)?;
        let attached = reanchor::reattach(&self.doc, &orphan, start, end, now).ok_or(SessionError::CannotHold)?;
        let command =
            if self.store.get(&id).is_some() { Command::Replace(attached) } else { Command::Create(attached) };
        let changes = self.store.apply_batch(vec![command])?;
        let orphans: Vec<Annotation> = self.orphans.iter().filter(|a| a.id != id).cloned().collect();
        let orphans = Some(Swap { before: self.orphans.clone(), after: Rc::new(orphans) });
        Ok(self.commit(Step { changes, orphans, ..Step::default() }))
    }

    /// Shows the starter pack's answer key. Not undoable: what was seen stays seen.
    pub fn reveal_key(&mut self) -> Effects {
        let Some(classroom) = self.classroom.as_ref().filter(|_| self.key_mode.is_none()) else {
            return Effects::default();
        };
        if classroom.revealed {
            return Effects::default();
        }
        self.history.reveal(&classroom.answer_key);
        self.classroom = Some(Rc::new(ClassroomState { revealed: true, ..(**classroom).clone() }));
        self.set_part_untracked(Part::Classroom, true)
    }

    /// Keeps the teacher's own `answer_key` (set in the class view, or her annotations when she
    /// made a starter pack) so the class view scores against it; unlocked and revealed. Not
    /// undoable; a key shown in key mode follows it.
    pub fn keep_answer_key(&mut self, answer_key: Vec<Annotation>) -> Effects {
        // No step of hers may put back a classroom state with another key.
        self.history.forget_part(Part::Classroom);
        self.classroom = Some(Rc::new(self.teachers_classroom(answer_key)));
        let mut effects = self.set_part_untracked(Part::Classroom, true);
        effects.absorb(self.key_replaced());
        effects
    }

    /// Sets the person's name, written into new annotations and exports.
    pub fn set_author(&mut self, name: &str) -> Effects {
        self.author = name.trim().to_string();
        let key = storage::AUTHOR_KEY.to_string();
        self.queue.borrow_mut().put(key.clone(), Write::Value(Some(self.author.clone())));
        Effects { writes: vec![key], ..Effects::default() }
    }

    /// Keeps `version` of an annotation under "Other versions" unless it is there already.
    pub(super) fn keep_other_version(&mut self, version: Annotation) -> Effects {
        let mut conflicts: Vec<Annotation> = (*self.conflicts).clone();
        keep_version(&mut conflicts, version);
        self.conflicts = Rc::new(conflicts);
        self.history.forget_part(Part::Conflicts);
        self.set_part_untracked(Part::Conflicts, true)
    }
}
