//! A tag set's JSON, read and written side by side: one stored tag set (`{"schema": 1, "tags": {"tags": [tag…]}}`), and the tag object that packs hold too.
//!
//! A tag: `{"id", "name", "colour": "#rrggbb", "underline": solid|double|dotted|dashed|wavy,
//! "description", "hotkey"?}`, `hotkey` (one character) written only when set. A stored set
//! needs at least one tag, each with a `#rrggbb` colour. Golden files: `tests/fixtures/stored/tags/`.

use super::{decode_versioned, stored, DecodeError};
use crate::domain::annotation::tags::{normalise_key, Tag, TagId, TagSet, UnderlineStyle};
use crate::domain::json::error::FormatError;
use crate::domain::json::read::{self as read, defaulted_string, one_of, present, Node};
use crate::domain::json::write::JsonOut;

/// Serialises an article's tag set for storage.
pub fn encode_tags(tags: &TagSet) -> String {
    stored("tags", |w| write_set(w, tags))
}

/// Reads a stored tag set; a tag with a colour that is not `#rrggbb` makes the value unreadable.
pub fn decode_tags(value: &str) -> Result<TagSet, DecodeError> {
    let tags = decode_versioned(value, |root| read_set(&read::required(root, "tags")?))?;
    if tags.tags.is_empty()
        || tags.tags.iter().any(|t| crate::domain::annotation::tag_edit::valid_colour(&t.colour).is_err())
    {
        return Err(DecodeError::Corrupt("a tag set needs at least one tag, each with a #rrggbb colour".into()));
    }
    Ok(tags)
}

/// The underline styles by their names in files (the CSS names).
const UNDERLINES: &[(&str, UnderlineStyle)] = &[
    ("solid", UnderlineStyle::Solid),
    ("double", UnderlineStyle::Double),
    ("dotted", UnderlineStyle::Dotted),
    ("dashed", UnderlineStyle::Dashed),
    ("wavy", UnderlineStyle::Wavy),
];

/// One tag; `hotkey` only when set.
pub fn write(w: &mut JsonOut, tag: &Tag) {
    w.begin_object().str_field("id", &tag.id.0).str_field("name", &tag.name).str_field("colour", &tag.colour);
    w.str_field("underline", tag.underline.css()).str_field("description", &tag.description);
    if let Some(key) = tag.hotkey {
        w.str_field("hotkey", key.encode_utf8(&mut [0; 4]));
    }
    w.end_object();
}

/// One tag; when `lenient` (packs), `null` counts as missing, the description may be missing,
/// and a hotkey must be one letter or digit (kept as [`normalise_key`] makes it).
pub fn read_as(node: &Node, lenient: bool) -> Result<Tag, FormatError> {
    let hotkey = match node.member("hotkey").filter(|v| !v.value.is_null()) {
        Some(key) => {
            let mut chars = key.str()?.chars();
            match (chars.next(), chars.next(), lenient) {
                (Some(c), None, false) => Some(c),
                (Some(c), None, true) if normalise_key(c).is_some() => normalise_key(c),
                (_, _, false) => return Err(key.err("expected one character")),
                (_, _, true) => return Err(key.err("expected one letter or digit")),
            }
        }
        None => None,
    };
    let text = |key: &str| Ok::<_, FormatError>(present(node, key, lenient)?.str()?.to_string());
    Ok(Tag {
        id: TagId(text("id")?),
        name: text("name")?,
        colour: text("colour")?,
        underline: one_of(&present(node, "underline", lenient)?, UNDERLINES)?,
        description: if lenient { defaulted_string(node, "description", true)? } else { text("description")? },
        hotkey,
    })
}

/// A list of tags.
pub fn write_all(w: &mut JsonOut, tags: &[Tag]) {
    w.begin_array();
    for t in tags {
        write(w, t);
    }
    w.end_array();
}

/// A tag set: `{"tags": [...]}`.
pub fn write_set(w: &mut JsonOut, set: &TagSet) {
    w.begin_object().key("tags");
    write_all(w, &set.tags);
    w.end_object();
}

/// A tag set (`{"tags": [...]}`), strictly.
pub fn read_set(node: &Node) -> Result<TagSet, FormatError> {
    Ok(TagSet { tags: read::list(node, "tags", |t| read_as(t, false))? })
}
