//! Tag-set presets: named tag sets a person saves and applies to other articles (colours, underlines, hotkeys, help texts), kept in one stored value and exchanged as a versioned JSON file.
//!
//! A preset keeps every tag's key as the person saw it: a tag that used its position digit gets
//! that digit pinned, so applying the preset elsewhere gives the same keys. The file is read as
//! data only (names and help texts are shown as text, never as markup), field by field, and a
//! file from a newer Marginalia is refused with its version named rather than half read.

use super::{decode_versioned, stored, DecodeError};
use crate::domain::annotation::tags::{Tag, TagSet};
use crate::domain::json::error::FormatError;
use crate::domain::json::read::{self, Node};
use crate::domain::json::write::JsonOut;

/// The `format` value of a presets file.
pub const FORMAT: &str = "marginalia-tag-presets";
/// The presets file version written today.
pub const VERSION: u32 = 1;
/// The end of a presets file's name.
pub const FILE_SUFFIX: &str = ".tag-presets.json";
/// The most presets kept (and read from one file).
pub const MAX_PRESETS: usize = 100;
/// The largest presets file read, in bytes (100 presets of 200 tags with long help texts fit).
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;
/// The longest preset name, in characters.
pub const MAX_NAME: usize = 100;

/// One named tag set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preset {
    pub name: String,
    pub tags: TagSet,
}

impl Preset {
    /// A preset of `tags` named `name` (trimmed), every tag's current key pinned.
    pub fn new(name: &str, tags: &TagSet) -> Preset {
        let pinned =
            tags.tags.iter().enumerate().map(|(i, tag)| Tag { hotkey: tags.hotkey_at(i), ..tag.clone() }).collect();
        Preset { name: name.trim().to_string(), tags: TagSet { tags: pinned } }
    }
}

/// The person's presets and the one chosen last (by name), which new articles start with.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Presets {
    pub list: Vec<Preset>,
    pub last: Option<String>,
}

impl Presets {
    /// The preset chosen last, if it is still there.
    pub fn last_chosen(&self) -> Option<&Preset> {
        let last = self.last.as_deref()?;
        self.list.iter().find(|p| p.name == last)
    }

    /// Adds `preset`, replacing one of the same name (case-insensitively) in its place.
    /// `false` when the list is full and the name is new.
    pub fn put(&mut self, preset: Preset) -> bool {
        let same = |p: &Preset| {
            crate::domain::text::lowercase::lower(&p.name) == crate::domain::text::lowercase::lower(&preset.name)
        };
        match self.list.iter().position(same) {
            Some(at) => self.list[at] = preset,
            None if self.list.len() < MAX_PRESETS => self.list.push(preset),
            None => return false,
        }
        true
    }
}

/// Why a preset cannot be saved or a presets file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PresetError {
    /// The name is empty (or only spaces) or longer than [`MAX_NAME`].
    BadName,
    /// [`MAX_PRESETS`] are kept already.
    Full,
    /// Not a presets file (another format, or not JSON).
    NotPresets,
    /// Made by a newer Marginalia: its version.
    Newer(u32),
    /// A field is wrong: where and why (English, as file errors are).
    Bad(String),
}

/// The name as it will be kept, or why it cannot be.
pub fn valid_name(name: &str) -> Result<&str, PresetError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME {
        return Err(PresetError::BadName);
    }
    Ok(name)
}

/// The stored value's body (`{"last": …, "presets": [...]}`); see `storage::encode_presets`.
pub fn write_body(w: &mut JsonOut, presets: &Presets) {
    w.begin_object().key("last").opt_str(presets.last.as_deref()).key("presets");
    write_list(w, &presets.list);
    w.end_object();
}

fn write_list(w: &mut JsonOut, list: &[Preset]) {
    w.begin_array();
    for preset in list {
        w.begin_object().str_field("name", &preset.name).key("tags");
        super::tag_set::write_all(w, &preset.tags.tags);
        w.end_object();
    }
    w.end_array();
}

/// Reads the stored value's body; see [`write_body`].
pub fn read_body(node: &Node) -> Result<Presets, FormatError> {
    let last = read::optional_string(node, "last")?;
    Ok(Presets { list: read_list(node)?, last })
}

fn read_list(node: &Node) -> Result<Vec<Preset>, FormatError> {
    let list = read::list(node, "presets", |p| {
        let name = read::string(p, "name")?;
        let tags_node = read::required(p, "tags")?;
        let tags = TagSet { tags: tags_node.list(|t| super::tag_set::read_as(t, true))? };
        check(&name, &tags).map_err(|why| tags_node.err(why))?;
        Ok(Preset { name: name.trim().to_string(), tags })
    })?;
    if list.len() > MAX_PRESETS {
        return Err(FormatError::at("presets", format!("{} presets; up to {MAX_PRESETS} can be kept", list.len())));
    }
    Ok(list)
}

/// What a preset's tags must be: at least one and at most `MAX_TAGS`, each with an id and a
/// `#rrggbb` colour, no id twice; and a name.
fn check(name: &str, tags: &TagSet) -> Result<(), String> {
    if valid_name(name).is_err() {
        return Err(format!("the preset name {name:?} is empty or longer than {MAX_NAME} characters"));
    }
    if tags.tags.is_empty() || tags.tags.len() > crate::domain::annotation::tags::MAX_TAGS {
        return Err(format!("a preset holds 1 to {} tags", crate::domain::annotation::tags::MAX_TAGS));
    }
    for (i, tag) in tags.tags.iter().enumerate() {
        if tag.id.0.trim().is_empty() {
            return Err(format!("tag {} has no id", i + 1));
        }
        if crate::domain::annotation::tag_edit::valid_colour(&tag.colour).is_err() {
            return Err(format!("tag {:?} has the colour {:?}; expected #rrggbb", tag.name, tag.colour));
        }
        if tags.tags[..i].iter().any(|t| t.id == tag.id) {
            return Err(format!("the tag id {:?} is there twice", tag.id.0));
        }
    }
    Ok(())
}

/// A presets file of `list`: pretty-printed JSON with a final newline.
pub fn to_file(list: &[Preset]) -> String {
    let mut w = JsonOut::pretty();
    w.begin_object().str_field("format", FORMAT).num_field("version", VERSION.into()).key("presets");
    write_list(&mut w, list);
    w.end_object();
    let mut text = w.finish();
    text.push('\n');
    text
}

/// Reads a presets file: its format and version first (a newer file is refused, not guessed
/// at), then every preset, checked.
pub fn from_file(text: &str) -> Result<Vec<Preset>, PresetError> {
    let value = read::parse(text).map_err(|_| PresetError::NotPresets)?;
    let root = Node::root(&value);
    match root.member("format").and_then(|f| f.value.as_str()) {
        Some(FORMAT) => {}
        _ => return Err(PresetError::NotPresets),
    }
    let version =
        read::required(&root, "version").and_then(|v| v.u32()).map_err(|e| PresetError::Bad(e.to_string()))?;
    if version > VERSION {
        return Err(PresetError::Newer(version));
    }
    read_list(&root).map_err(|e| PresetError::Bad(e.to_string()))
}

/// The tag set after applying `preset` to an article with `current` tags whose annotations use
/// `used`: the preset's tags in its order, then every current tag an annotation uses that the
/// preset lacks (by id), so no annotation loses its tag.
pub fn applied(preset: &Preset, current: &TagSet, used: impl Fn(&Tag) -> bool) -> TagSet {
    let mut tags = preset.tags.tags.clone();
    for tag in &current.tags {
        if !tags.iter().any(|t| t.id == tag.id) && used(tag) {
            tags.push(tag.clone());
        }
    }
    TagSet { tags }
}

/// A file name for presets: the name of the one preset, or `tag-presets`, then [`FILE_SUFFIX`].
pub fn file_name(list: &[Preset]) -> String {
    let stem: String = match list {
        [one] => one
            .name
            .chars()
            .map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
            .collect::<String>()
            .split('-')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join("-"),
        _ => String::new(),
    };
    let stem = if stem.is_empty() { "tag-presets".to_string() } else { stem };
    format!("{stem}{FILE_SUFFIX}")
}

/// Serialises the person's presets for storage: `{"schema": 1, "presets": …}`.
pub fn encode_presets(presets: &Presets) -> String {
    stored("presets", |w| write_body(w, presets))
}

/// Reads the stored presets, telling a newer format apart from a damaged value.
pub fn decode_presets(value: &str) -> Result<Presets, DecodeError> {
    decode_versioned(value, |root| read_body(&read::required(root, "presets")?))
}

impl PresetError {
    /// Why this stopped the person, in the language of `t`.
    pub fn message(&self, t: &crate::domain::i18n::PresetTexts) -> String {
        match self {
            PresetError::BadName => t.bad_name.to_string(),
            PresetError::Full => t.full.to_string(),
            PresetError::NotPresets => t.not_presets.to_string(),
            PresetError::Newer(version) => (t.newer)(*version),
            PresetError::Bad(why) => (t.bad_file)(why),
        }
    }
}
