//! An article's classroom state (what a starter pack left: the tag lock, the answer key, whether it was revealed), its type, reader and writer: `{"schema": 1, "classroom": {"lockTags", "answerKey": [annotation…], "revealed", "instructions"?}}`.
//!
//! Golden files: `tests/fixtures/stored/classroom/`.

use super::annotation::{read_all, write_all};
use super::{decode_versioned, stored, DecodeError};
use crate::domain::annotation::Annotation;
use crate::domain::json::read;

/// What a teacher's files left for this article: the tag lock, the answer key, whether the key
/// has been revealed, and the assignment's instructions. A teacher's own key (the one the class
/// view scores against) is stored revealed and unlocked; a student has a key only from a
/// self-check key file, stored revealed (or, from a pack made before keys stayed with the
/// teacher, one that is still hidden).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClassroomState {
    pub lock_tags: bool,
    pub answer_key: Vec<Annotation>,
    pub revealed: bool,
    /// Plain text, empty when none; stored only when not empty.
    pub instructions: String,
}

/// Serialises an article's classroom state for storage.
pub fn encode_classroom(classroom: &ClassroomState) -> String {
    stored("classroom", |w| {
        w.begin_object().key("lockTags").bool(classroom.lock_tags).key("answerKey");
        write_all(w, &classroom.answer_key);
        w.key("revealed").bool(classroom.revealed);
        if !classroom.instructions.is_empty() {
            w.str_field("instructions", &classroom.instructions);
        }
        w.end_object();
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
            instructions: read::optional_string(&classroom, "instructions")?.unwrap_or_default(),
        })
    })
}
