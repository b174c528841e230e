//! The teacher's class workspace of one article: the student files added to the class view, kept as read so they survive closing the view and reloading the page, removed one by one or cleared with undo.
//!
//! Files are kept as their text, not as what the view made of them: reading them again on each
//! opening applies today's import rules and tag set, and a file is never changed by being kept.
//! Stored under `storage::class_files_key` through the app's save queue (`storage::class_files`).

use crate::domain::annotation::tags::TagId;
use crate::domain::annotation::Annotation;
pub use crate::domain::storage::ClassFile;
use crate::domain::storage::{decode_class_files, encode_class_files, DecodeError};

/// The files of one article's class view, in the order they were added.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClassWorkspace {
    pub files: Vec<ClassFile>,
}

/// What the last removal took away, so it can be undone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Removed {
    One(usize, ClassFile),
    All(Vec<ClassFile>),
}

impl ClassWorkspace {
    /// Reads a stored workspace; an empty value is an empty workspace.
    pub fn decode(stored: &str) -> Result<Self, DecodeError> {
        Ok(ClassWorkspace { files: decode_class_files(stored)? })
    }

    /// The workspace as stored.
    pub fn encode(&self) -> String {
        encode_class_files(&self.files)
    }

    /// Adds a file; `false` (and nothing added) when the same file, name and text, is already here.
    pub fn add(&mut self, name: &str, text: &str) -> bool {
        if self.files.iter().any(|f| f.name == name && f.text == text) {
            return false;
        }
        self.files.push(ClassFile { name: name.to_string(), text: text.to_string() });
        true
    }

    /// Removes the file at `index`.
    pub fn remove(&mut self, index: usize) -> Option<Removed> {
        (index < self.files.len()).then(|| Removed::One(index, self.files.remove(index)))
    }

    /// Removes every file.
    pub fn clear(&mut self) -> Option<Removed> {
        (!self.files.is_empty()).then(|| Removed::All(std::mem::take(&mut self.files)))
    }

    /// Puts back what a removal took away, where it was; files added since stay after them.
    pub fn undo(&mut self, removed: Removed) {
        match removed {
            Removed::One(index, file) => self.files.insert(index.min(self.files.len()), file),
            Removed::All(mut files) => {
                files.append(&mut self.files);
                self.files = files;
            }
        }
    }
}

/// One annotation of a student as the teacher reads it: where, the quote, the tags, the note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteRow<'a> {
    pub start: usize,
    pub end: usize,
    pub quote: &'a str,
    pub tags: Vec<String>,
    pub note: &'a str,
}

/// A student's annotations in article order (by start, then the longer first, then by id so the
/// order never depends on the file's), each with its tags' names (`name_of`) and note.
pub fn in_article_order<'a>(annotations: &'a [Annotation], name_of: impl Fn(&TagId) -> String) -> Vec<NoteRow<'a>> {
    let mut sorted: Vec<&Annotation> = annotations.iter().collect();
    // One compiled sort for the whole crate (`domain::text::sort`), not a copy per element type.
    crate::domain::text::sort::sort_by(&mut sorted, |a, b| {
        let (a_start, b_start) = (a.target.start, b.target.start);
        a_start.cmp(&b_start).then(b.target.end.cmp(&a.target.end)).then(a.id.cmp(&b.id))
    });
    sorted
        .into_iter()
        .map(|a| NoteRow {
            start: a.target.start,
            end: a.target.end,
            quote: a.target.exact.as_str(),
            tags: a.tags.iter().map(&name_of).collect(),
            note: a.note.as_str(),
        })
        .collect()
}
