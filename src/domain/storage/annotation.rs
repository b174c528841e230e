//! An annotation's JSON, read and written side by side: one stored annotation (`{"schema": 1, "annotation": …}`), and the annotation object that lists, classroom states, exports and packs hold.
//!
//! Shape (every field always written, in this order):
//! `{"id": uuid, "target": {"start", "end", "exact", "prefix", "suffix"}, "tags": [id…],
//! "note", "author", "created": RFC 3339, "modified": RFC 3339}`. A stored one may lack `note`
//! and `author` (empty); times with the float noise of earlier versions are settled on reading.
//! Golden files: `tests/fixtures/stored/annotation/`.

use uuid::Uuid;

use super::{decode_versioned, stored, DecodeError};
use crate::domain::annotation::tags::TagId;
use crate::domain::annotation::{Annotation, Target};
use crate::domain::json::error::FormatError;
use crate::domain::json::read::{self as read, defaulted_string, present, string, Node};
use crate::domain::json::write::JsonOut;

/// Serialises one annotation for storage.
pub fn encode(annotation: &Annotation) -> String {
    stored("annotation", |w| write(w, annotation))
}

/// Reads one stored annotation, telling a newer format apart from a damaged value.
pub fn decode(value: &str) -> Result<Annotation, DecodeError> {
    decode_versioned(value, |root| read(&read::required(root, "annotation")?))
}

/// One annotation, every field, in [`Annotation`]'s order.
pub fn write(w: &mut JsonOut, a: &Annotation) {
    // The id through a stack buffer: `to_string` allocated once per annotation of an export.
    w.begin_object().key("id").str(a.id.hyphenated().encode_lower(&mut Uuid::encode_buffer()));
    w.key("target").begin_object();
    w.num_field("start", a.target.start as u64).num_field("end", a.target.end as u64);
    w.str_field("exact", &a.target.exact).str_field("prefix", &a.target.prefix).str_field("suffix", &a.target.suffix);
    w.end_object().key("tags").begin_array();
    for tag in &a.tags {
        w.str(&tag.0);
    }
    w.end_array().str_field("note", &a.note).str_field("author", &a.author);
    w.key("created").time(a.created).key("modified").time(a.modified).end_object();
}

/// One annotation, strictly (what the app wrote itself).
pub fn read(node: &Node) -> Result<Annotation, FormatError> {
    read_as(node, false)
}

/// One annotation; when `lenient` (files from elsewhere: packs), `null` counts as missing and
/// the quote's `prefix` and `suffix` may be missing too. The one annotation reader of the wasm.
pub fn read_as(node: &Node, lenient: bool) -> Result<Annotation, FormatError> {
    let target = present(node, "target", lenient)?;
    let id = present(node, "id", lenient)?;
    let context = |key: &str| match lenient {
        true => defaulted_string(&target, key, true),
        false => string(&target, key),
    };
    Ok(Annotation {
        id: Uuid::parse_str(id.str()?)
            .map_err(|_| id.err("expected a UUID such as 67e55044-10b1-426f-9247-bb680e5fe0c8"))?,
        target: Target {
            start: present(&target, "start", lenient)?.usize()?,
            end: present(&target, "end", lenient)?.usize()?,
            exact: present(&target, "exact", lenient)?.str()?.to_string(),
            prefix: context("prefix")?,
            suffix: context("suffix")?,
        },
        tags: present(node, "tags", lenient)?.list(|t| Ok(TagId(t.str()?.to_string())))?,
        note: defaulted_string(node, "note", lenient)?,
        author: defaulted_string(node, "author", lenient)?,
        created: present(node, "created", lenient)?.time()?,
        modified: present(node, "modified", lenient)?.time()?,
    })
}

/// A list of annotations.
pub fn write_all<'a>(w: &mut JsonOut, list: impl IntoIterator<Item = &'a Annotation>) {
    let list = list.into_iter();
    // About what one pretty-printed annotation with short texts takes, times the count: longer
    // texts only make the text grow (and be copied) once or twice more.
    w.reserve(list.size_hint().0 * 640);
    w.begin_array();
    for a in list {
        write(w, a);
    }
    w.end_array();
}

/// The annotations in the array `key`, strictly.
pub fn read_all(node: &Node, key: &str) -> Result<Vec<Annotation>, FormatError> {
    read::list(node, key, read)
}

/// One annotation as compact JSON (how an import tells two versions of an annotation apart).
pub fn text(a: &Annotation) -> String {
    let mut w = JsonOut::compact();
    write(&mut w, a);
    w.finish()
}
