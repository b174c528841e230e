//! Key mode: the teacher edits the article's answer key by annotating it, its passages shown in place of her own annotations, every change saved to the classroom state and undoable, never touching her annotations.
//!
//! The session holds two layers of annotations and shows one. Her own annotations stay in
//! `Session::store` with their history at all times (another tab's changes, the queue's
//! two-tab check and every export keep reading and writing them there); key mode adds a
//! [`KeyMode`]: a store of the key's passages and the history of its edits. The four edits a
//! person makes on the article (create, retag, note, delete: `Session::apply_commands`) and
//! undo / redo act on the shown layer; a key step's changes are never queued under annotation
//! keys: each step swaps the whole classroom state (its `answer_key` the key store's passages
//! in article order), which is queued under the classroom key. Everything else that would
//! change her annotations, side lists or tag set is refused while the key is shown
//! ([`SessionError::KeyMode`]). Leaving key mode (or opening another article) drops the key's
//! store and history: the key is kept in the classroom state, her annotations never left theirs.

use std::rc::Rc;

use super::history::{History, Step, Swap};
use super::{Effects, Layer, Session, SessionError};
use crate::domain::annotation::store::{Change, Store};
use crate::domain::annotation::Annotation;
use crate::domain::storage::ClassroomState;

/// The answer key shown and edited on the article.
#[derive(Debug, Default)]
pub(super) struct KeyMode {
    /// The key's passages.
    pub store: Store,
    /// The steps made on the key since key mode was entered (her own history is kept aside).
    pub history: History,
}

impl KeyMode {
    fn of(key: &[Annotation]) -> KeyMode {
        // From a `Vec`, as her annotations are read (one compiled copy of the store's builder).
        KeyMode { store: Store::from_annotations(key.to_vec()), history: History::default() }
    }
}

impl Session {
    /// Shows the answer key's passages in place of her own annotations; the four edits and undo
    /// / redo then change the key. Nothing is stored by entering.
    pub fn enter_key_mode(&mut self) -> Effects {
        if self.key_mode.is_some() {
            return Effects::default();
        }
        self.key_mode = Some(KeyMode::of(self.answer_key()));
        Effects { layer: true, ..Effects::default() }
    }

    /// Shows her own annotations again (with their undo history as it was); the edited key stays
    /// in the classroom state.
    pub fn leave_key_mode(&mut self) -> Effects {
        match self.key_mode.take() {
            Some(_) => Effects { layer: true, ..Effects::default() },
            None => Effects::default(),
        }
    }

    /// Whether the answer key is shown and edited in place of her annotations.
    pub fn in_key_mode(&self) -> bool {
        self.key_mode.is_some()
    }

    /// The layer the article shows and edits.
    pub fn layer(&self) -> Layer {
        if self.key_mode.is_some() {
            Layer::Key
        } else {
            Layer::Own
        }
    }

    /// Her own annotations, whichever layer is shown (exports, counts and the class view read these).
    pub fn own_store(&self) -> &Store {
        &self.store
    }

    /// The article's answer key (empty when there is none).
    pub fn answer_key(&self) -> &[Annotation] {
        self.classroom.as_deref().map_or(&[][..], |c| c.answer_key.as_slice())
    }

    /// Refuses an operation on her own annotations, side lists or tag set while the key is shown.
    pub(super) fn own_layer_only(&self) -> Result<(), SessionError> {
        match self.key_mode {
            Some(_) => Err(SessionError::KeyMode),
            None => Ok(()),
        }
    }

    /// The teacher's classroom state with `answer_key`: unlocked and revealed, the instructions kept.
    pub(super) fn teachers_classroom(&self, answer_key: Vec<Annotation>) -> ClassroomState {
        let instructions = self.classroom.as_ref().map(|c| c.instructions.clone()).unwrap_or_default();
        ClassroomState { lock_tags: false, answer_key, revealed: true, instructions }
    }

    /// Records a step of the key (its `changes` already made in the key store): the classroom
    /// state swaps to the key store's passages, queued under the classroom key.
    pub(super) fn commit_key(&mut self, changes: Vec<Change>) -> Effects {
        let Some(key) = &self.key_mode else { return Effects::default() };
        let after = self.teachers_classroom(key.store.in_order().cloned().collect());
        let step = Step {
            changes,
            classroom: Some(Swap { before: self.classroom.clone(), after: Some(Rc::new(after)) }),
            ..Step::default()
        };
        let effects = self.settle(step.clone(), Layer::Key);
        if let Some(key) = &mut self.key_mode {
            key.history.record(step);
        }
        effects
    }

    /// The answer key was replaced whole (the class view, another tab): a shown key follows it,
    /// and no step of the key may bring back the one it replaced.
    pub(super) fn key_replaced(&mut self) -> Effects {
        match &mut self.key_mode {
            Some(_) => {
                self.key_mode = Some(KeyMode::of(self.answer_key()));
                Effects { layer: true, ..Effects::default() }
            }
            None => Effects::default(),
        }
    }
}
