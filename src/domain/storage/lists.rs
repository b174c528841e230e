//! A side list's JSON (the annotations an import could not place, or the other versions a merge kept), read and written side by side: `{"schema": 1, "annotations": [annotation…]}`.
//!
//! Each annotation has the shape of `storage::annotation`. Golden files: `tests/fixtures/stored/lists/`.

use super::annotation::{read_all, write_all};
use super::{decode_versioned, stored, DecodeError};
use crate::domain::annotation::Annotation;

/// Serialises a side list for storage.
pub fn encode_list(annotations: &[Annotation]) -> String {
    stored("annotations", |w| write_all(w, annotations))
}

/// Reads a stored side list, telling a newer format apart from a damaged value.
pub fn decode_list(value: &str) -> Result<Vec<Annotation>, DecodeError> {
    decode_versioned(value, |root| read_all(root, "annotations"))
}
