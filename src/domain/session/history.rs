//! The session's one undo history: each step holds every part an operation changed (annotations, tag set, side lists, classroom state, the presets an import kept), so undo and redo restore them together.

use std::rc::Rc;

use uuid::Uuid;

use crate::domain::annotation::store::Change;
use crate::domain::annotation::tags::TagSet;
use crate::domain::annotation::Annotation;
use crate::domain::storage::presets::Presets;
use crate::domain::storage::ClassroomState;

/// A part of the session's state as it was before and after a step.
#[derive(Debug, Clone, PartialEq)]
pub struct Swap<T> {
    pub before: T,
    pub after: T,
}

impl<T: Clone> Swap<T> {
    fn inverse(&self) -> Swap<T> {
        Swap { before: self.after.clone(), after: self.before.clone() }
    }
}

/// A list of annotations shared between the session and its history (copied only when changed).
pub type List = Rc<Vec<Annotation>>;

/// Everything one operation changed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Step {
    /// The annotations' changes, in the order they were made.
    pub changes: Vec<Change>,
    pub tags: Option<Swap<Rc<TagSet>>>,
    pub orphans: Option<Swap<List>>,
    pub conflicts: Option<Swap<List>>,
    pub classroom: Option<Swap<Option<Rc<ClassroomState>>>>,
    /// The person's presets, which are every article's: undo and redo bring in only the
    /// difference between the two lists, so what another tab (or article) changed meanwhile stays.
    pub presets: Option<Swap<Rc<Presets>>>,
}

impl Step {
    /// The step that undoes this one: its changes inverted, last first, and every part swapped back.
    pub fn inverse(&self) -> Step {
        Step {
            changes: self
                .changes
                .iter()
                .rev()
                .map(|c| Change { before: c.after.clone(), after: c.before.clone() })
                .collect(),
            tags: self.tags.as_ref().map(Swap::inverse),
            orphans: self.orphans.as_ref().map(Swap::inverse),
            conflicts: self.conflicts.as_ref().map(Swap::inverse),
            classroom: self.classroom.as_ref().map(Swap::inverse),
            presets: self.presets.as_ref().map(Swap::inverse),
        }
    }

    /// True when the step changes nothing.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
            && self.tags.is_none()
            && self.orphans.is_none()
            && self.conflicts.is_none()
            && self.classroom.is_none()
            && self.presets.is_none()
    }
}

/// Steps to undo and to redo.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl History {
    /// Records a step just made; the redo steps are gone.
    pub fn record(&mut self, step: Step) {
        if !step.is_empty() {
            self.undo.push(step);
            self.redo.clear();
        }
    }

    /// The step that undoes the last one (moved to the redo side).
    pub fn undo(&mut self) -> Option<Step> {
        let inverse = self.undo.pop()?.inverse();
        self.redo.push(inverse.clone());
        Some(inverse)
    }

    /// The step that redoes the last undone one (moved back to the undo side).
    pub fn redo(&mut self) -> Option<Step> {
        let inverse = self.redo.pop()?.inverse();
        self.undo.push(inverse.clone());
        Some(inverse)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Another tab replaced annotation `id`: no step may bring back a state of it that tab
    /// replaced, so its changes leave every step (a step left with nothing is dropped).
    pub fn forget_annotation(&mut self, id: Uuid) {
        for steps in [&mut self.undo, &mut self.redo] {
            for step in steps.iter_mut() {
                step.changes.retain(|c| c.id() != id);
            }
            steps.retain(|s| !s.is_empty());
        }
    }

    /// Another tab replaced a whole part (the tag set, a side list, the classroom state): no
    /// step may put back a version of it that tab replaced.
    pub fn forget_part(&mut self, part: Part) {
        for steps in [&mut self.undo, &mut self.redo] {
            for step in steps.iter_mut() {
                match part {
                    Part::Tags => step.tags = None,
                    Part::Orphans => step.orphans = None,
                    Part::Conflicts => step.conflicts = None,
                    Part::Classroom => step.classroom = None,
                }
            }
            steps.retain(|s| !s.is_empty());
        }
    }
}

impl History {
    /// The answer key `key` was revealed: every state of the history that holds it holds it
    /// revealed, so no undo or redo hides it again (what was seen stays seen).
    pub fn reveal(&mut self, key: &[Annotation]) {
        let revealed = |state: &mut Option<Rc<ClassroomState>>| {
            if let Some(c) = state.as_mut().filter(|c| c.answer_key == key && !c.revealed) {
                *c = Rc::new(ClassroomState { revealed: true, ..(**c).clone() });
            }
        };
        for step in self.undo.iter_mut().chain(self.redo.iter_mut()) {
            if let Some(swap) = &mut step.classroom {
                revealed(&mut swap.before);
                revealed(&mut swap.after);
            }
        }
    }
}

/// A part of the session's state other than the annotations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Tags,
    Orphans,
    Conflicts,
    Classroom,
}
