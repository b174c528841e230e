//! What Marginalia keeps in browser storage: the key scheme, the versioned envelope, and one module per stored value holding its type's reader and writer side by side.
//!
//! Each annotation is stored under its own key, so a change writes one small value and two tabs
//! editing different annotations never overwrite each other. Every JSON value is
//! `{"schema": 1, …}`; a value with a higher schema is never overwritten. The stored types:
//! `annotation` (and the annotation object everything else holds), `lists` (side lists), `tag_set`,
//! `classroom`, `class_files` (the class view's kept files), `article` (and the block objects), `summary`, `presets` (the person's tag-set presets, and their files), and `crate::domain::storage::eviction`'s
//! marker; `export` writes the earlier JSON export. `json_read` and `json_write` are the two halves
//! they are made of. Every version ever stored has a golden file in `tests/fixtures/stored/`
//! (`tests/stored_golden.rs`): a format change is a new version with a migration and its own file.

pub mod annotation;
pub mod article;
pub mod class_files;
pub mod classroom;
pub mod eviction;
pub mod export;
pub mod keys;
pub mod lists;
pub mod presets;
pub mod summary;
pub mod tag_set;

pub use annotation::{decode, encode};
pub use article::{decode_article, encode_article};
pub use class_files::{decode_class_files, encode_class_files, ClassFile};
pub use classroom::{decode_classroom, encode_classroom, ClassroomState};
pub use export::{export_file_name, export_json, EXPORT_FORMAT};
pub use keys::*;
pub use lists::{decode_list, encode_list};
pub use presets::{decode_presets, encode_presets};
pub use summary::{decode_summary, encode_summary, ArticleSummary};
pub use tag_set::{decode_tags, encode_tags};

use crate::domain::i18n::{Texts, EN};
use crate::domain::json::error::FormatError;
use crate::domain::json::read;
use crate::domain::json::write::JsonOut;

/// The schema version written today; values with a higher version are never overwritten.
pub const SCHEMA_VERSION: u32 = 1;

/// Why a stored value could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Not JSON, truncated, or missing fields.
    Corrupt(String),
    /// Written by a newer version of the app, which this one must not overwrite.
    NewerSchema(u32),
}

impl DecodeError {
    /// The reason as a clause in the language of `t` ("it cannot be read (…)").
    pub fn message(&self, t: &Texts) -> String {
        match self {
            DecodeError::Corrupt(why) => (t.decode_corrupt)(why),
            DecodeError::NewerSchema(v) => (t.decode_newer)(*v),
        }
    }
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(&EN))
    }
}

/// A stored value: `{"schema": 1, "<key>": …}`, compact.
fn stored(key: &str, body: impl FnOnce(&mut JsonOut)) -> String {
    let mut w = JsonOut::compact();
    w.begin_object().num_field("schema", SCHEMA_VERSION.into()).key(key);
    body(&mut w);
    w.end_object();
    w.finish()
}

/// Parses any stored value and reads it with `read`: a schema newer than this app's is told
/// apart from a damaged value, so the caller can keep it untouched rather than treat it as garbage.
fn decode_versioned<T>(
    value: &str,
    fields: impl FnOnce(&read::Node) -> Result<T, FormatError>,
) -> Result<T, DecodeError> {
    let value = read::parse(value).map_err(DecodeError::Corrupt)?;
    let root = read::Node::root(&value);
    let corrupt = |e: FormatError| DecodeError::Corrupt(e.to_string());
    let schema = read::required(&root, "schema").and_then(|s| s.u32()).map_err(corrupt)?;
    if schema > SCHEMA_VERSION {
        return Err(DecodeError::NewerSchema(schema));
    }
    fields(&root).map_err(corrupt)
}
