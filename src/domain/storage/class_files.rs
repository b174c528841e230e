//! The teacher's kept student files of one article's class view, their type, reader and writer: `{"schema": 1, "classFiles": [{"name", "text"}…]}`.
//!
//! Files are kept as their text, not as what the view made of them (`domain::class::workspace`
//! re-reads them on each opening). Golden files: `tests/fixtures/stored/class-files/`.

use super::{decode_versioned, stored, DecodeError};
use crate::domain::json::read;
use crate::domain::json::write::JsonOut;

/// One student file as the teacher added it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassFile {
    /// The file's name on the teacher's computer.
    pub name: String,
    pub text: String,
}

/// Serialises the kept files, in the order they were added.
pub fn encode_class_files(files: &[ClassFile]) -> String {
    stored("classFiles", |w: &mut JsonOut| {
        w.begin_array();
        for file in files {
            w.begin_object().str_field("name", &file.name).str_field("text", &file.text).end_object();
        }
        w.end_array();
    })
}

/// Reads stored kept files; an empty value is no files.
pub fn decode_class_files(value: &str) -> Result<Vec<ClassFile>, DecodeError> {
    if value.trim().is_empty() {
        return Ok(Vec::new());
    }
    decode_versioned(value, |root| {
        read::list(root, "classFiles", |file| {
            Ok(ClassFile { name: read::string(file, "name")?, text: read::string(file, "text")? })
        })
    })
}
