//! An article's classroom state (what a starter pack left: the tag lock, the answer key, whether it was revealed), its type, reader and writer: `{"schema": 1, "classroom": {"lockTags", "answerKey": [annotation…], "revealed"}}`.
//!
//! Golden files: `tests/fixtures/stored/classroom/`.

use super::annotation::{read_all, write_all};
use super::{decode_versioned, stored, DecodeError};
use crate::domain::annotation::Annotation;
use crate::domain::json::read;

/// What a starter pack left for this article: the tag lock, the answer key, and whether the key
/// has been revealed (a teacher's own key is stored revealed and unlocked).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClassroomState {
    pub lock_tags: bool,
    pub answer_key: Vec<Annotation>,
    pub revealed: bool,
}

/// Serialises an article's classroom state for storage.
pub fn encode_classroom(classroom: &ClassroomState) -> String {
    stored("classroom", |w| {
        w.begin_object().key("lockTags").bool(classroom.lock_tags).key("answerKey");
        write_all(w, &classroom.answer_key);
        w.key("revealed").bool(classroom.revealed).end_object();
    })
}

/// Reads a stored classroom state, telling a newer format apart from a damaged value.
pub fn decode_classroom(value: &str) -> Result<ClassroomState, DecodeError> {
    decode_versioned(value, |root| {
        let classroom = read::required(root, "classroom")?;
        Ok(ClassroomState {
            lock_tags: read::bool(&classroom, "lockTags")?,
            answer_key: read_all(&classroom, "answerKey")?,
            revealed: read::bool(&classroom, "revealed")?,
        })
    })
}
