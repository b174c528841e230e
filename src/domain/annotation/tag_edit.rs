//! Validated edits of a tag set (add, rename, recolour, restyle, describe, reorder, set hotkey, merge, delete) and the annotation updates each one needs.
//!
//! Keys stay put: a delete, merge or move pins every other tag's key to what it was, so no tag's
//! key changes unless the person sets it.
//!
//! An edit never changes its inputs: [`edit`] returns the new tag set plus the annotation updates,
//! and [`Edited::commands`] turns those into one [`Store::apply_batch`](crate::domain::annotation::store::Store::apply_batch),
//! so a merge or delete is undone in one step. Keeping the old `TagSet` is the caller's undo for the
//! tag set itself.

use time::OffsetDateTime;

use crate::domain::annotation::store::Command;
use crate::domain::annotation::tags::{normalise_key, Tag, TagId, TagSet, UnderlineStyle};
use crate::domain::annotation::Annotation;
use crate::domain::i18n::{Texts, EN};

/// Longest tag name, in characters: it must fit on a chip and a toolbar button.
pub const MAX_NAME_CHARS: usize = 40;

/// Longest tag description, in characters: it is help shown in a tooltip, not an essay.
pub const MAX_DESCRIPTION_CHARS: usize = 200;

/// A tag to add; its id is made from its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTag {
    pub name: String,
    /// `#rrggbb`, either case.
    pub colour: String,
    pub underline: UnderlineStyle,
    pub description: String,
    pub hotkey: Option<char>,
}

/// What happens to the annotations that carry a tag being deleted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeletePolicy {
    /// The tag is taken off them; an annotation whose only tag it was is deleted.
    RemoveTagFromAnnotations,
    /// They get this tag instead (a merge into it).
    ReassignTo(TagId),
    /// They keep the tag id, shown by id as a tag this set does not know.
    KeepAsUnknown,
}

/// One change to a tag set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TagEdit {
    Add(NewTag),
    /// The id stays, so annotations keep their tag and simply show the new name.
    Rename {
        id: TagId,
        name: String,
    },
    Recolour {
        id: TagId,
        colour: String,
    },
    SetUnderline {
        id: TagId,
        underline: UnderlineStyle,
    },
    SetDescription {
        id: TagId,
        description: String,
    },
    /// `None` clears the key, so the tag falls back to its position.
    SetHotkey {
        id: TagId,
        hotkey: Option<char>,
    },
    /// Moves the tag to position `to` (clamped to the last position).
    Move {
        id: TagId,
        to: usize,
    },
    MoveUp(TagId),
    MoveDown(TagId),
    /// Every annotation with `from` gets `into` instead (once), and `from` leaves the set.
    /// `from` may also be a tag the set no longer knows that annotations still carry.
    Merge {
        from: TagId,
        into: TagId,
    },
    Delete {
        id: TagId,
        policy: DeletePolicy,
    },
}

/// The editor's field an edit comes from, so a refusal is shown next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagField {
    Name,
    Colour,
    Underline,
    Description,
    Hotkey,
    /// The row's buttons: move, merge, delete.
    Actions,
}

impl TagEdit {
    /// The tag the edit is about (`None`: the new tag being added) and the field it comes from.
    pub fn field(&self) -> (Option<&TagId>, TagField) {
        match self {
            TagEdit::Add(_) => (None, TagField::Name),
            TagEdit::Rename { id, .. } => (Some(id), TagField::Name),
            TagEdit::Recolour { id, .. } => (Some(id), TagField::Colour),
            TagEdit::SetUnderline { id, .. } => (Some(id), TagField::Underline),
            TagEdit::SetDescription { id, .. } => (Some(id), TagField::Description),
            TagEdit::SetHotkey { id, .. } => (Some(id), TagField::Hotkey),
            TagEdit::Move { id, .. } | TagEdit::MoveUp(id) | TagEdit::MoveDown(id) => (Some(id), TagField::Actions),
            TagEdit::Merge { from: id, .. } | TagEdit::Delete { id, .. } => (Some(id), TagField::Actions),
        }
    }
}

/// Why an edit was refused; nothing changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TagError {
    UnknownTag(TagId),
    EmptyName,
    NameTooLong,
    DuplicateName(String),
    InvalidColour(String),
    DescriptionTooLong,
    InvalidHotkey(char),
    HotkeyTaken { key: char, by: String },
    SameTag,
    LastTag,
}

impl TagError {
    /// The reason as a sentence in the language of `t`.
    pub fn message(&self, t: &Texts) -> String {
        match self {
            TagError::UnknownTag(id) => (t.tag_unknown)(&id.0),
            TagError::EmptyName => t.tag_empty_name.into(),
            TagError::NameTooLong => (t.tag_name_too_long)(MAX_NAME_CHARS),
            TagError::DuplicateName(name) => (t.tag_duplicate)(name),
            TagError::InvalidColour(colour) => (t.tag_bad_colour)(colour),
            TagError::DescriptionTooLong => (t.tag_description_too_long)(MAX_DESCRIPTION_CHARS),
            TagError::InvalidHotkey(key) => (t.tag_bad_hotkey)(*key),
            TagError::HotkeyTaken { key, by } => (t.tag_hotkey_taken)(*key, by),
            TagError::SameTag => t.tag_same.into(),
            TagError::LastTag => t.tag_last.into(),
        }
    }
}

impl std::fmt::Display for TagError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(&EN))
    }
}

/// What one annotation becomes: `after` is `None` when the annotation is deleted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnotationUpdate {
    pub before: Annotation,
    pub after: Option<Annotation>,
}

/// The outcome of an edit: the new tag set and the annotation updates it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edited {
    pub tags: TagSet,
    /// In the order the annotations were given; empty when no annotation changes.
    pub updates: Vec<AnnotationUpdate>,
    /// The tag that was added or edited (for a merge, the tag merged into); `None` after a delete.
    pub tag: Option<TagId>,
}

impl Edited {
    /// The store commands that make the updates, for one `Store::apply_batch` (skip it when empty).
    pub fn commands(&self) -> Vec<Command> {
        self.updates
            .iter()
            .map(|u| match &u.after {
                Some(after) => Command::SetTags { id: after.id, tags: after.tags.clone(), at: after.modified },
                None => Command::Delete { id: u.before.id },
            })
            .collect()
    }
}

/// How many annotations a delete would touch, so the user can be asked what should happen to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DeleteImpact {
    /// Annotations that carry the tag.
    pub annotations: usize,
    /// Of those, the ones with no other tag: deleted under [`DeletePolicy::RemoveTagFromAnnotations`].
    pub only_tag: usize,
}

/// What deleting tag `id` would touch among `annotations`.
pub fn delete_impact<'a>(id: &TagId, annotations: impl IntoIterator<Item = &'a Annotation>) -> DeleteImpact {
    let mut impact = DeleteImpact::default();
    for a in annotations.into_iter().filter(|a| a.has_tag(id)) {
        impact.annotations += 1;
        if a.tags.iter().all(|t| t == id) {
            impact.only_tag += 1;
        }
    }
    impact
}

/// Applies `edit` to `tags`; `annotations` are the article's annotations (for the updates a
/// merge or delete needs, and so a new tag's id never collides with one they still carry) and
/// `at` is the modified time of updated annotations.
pub fn edit<'a>(
    tags: &TagSet,
    edit: TagEdit,
    annotations: impl IntoIterator<Item = &'a Annotation>,
    at: OffsetDateTime,
) -> Result<Edited, TagError> {
    let mut set = tags.clone();
    let unchanged = |set: TagSet, id: TagId| Ok(Edited { tags: set, updates: Vec::new(), tag: Some(id) });
    match edit {
        TagEdit::Add(new) => {
            let name = valid_name(&set, &new.name, None)?;
            let colour = valid_colour(&new.colour)?;
            let description = valid_description(&new.description)?;
            let used: Vec<TagId> = annotations.into_iter().flat_map(|a| a.tags.iter().cloned()).collect();
            let id = unique_id(&set, &used, &name);
            set.tags.push(Tag { id: id.clone(), name, colour, underline: new.underline, description, hotkey: None });
            match new.hotkey {
                Some(key) => set_hotkey(&mut set, &id, key)?,
                None => give_free_digit(&mut set, &id),
            }
            unchanged(set, id)
        }
        TagEdit::Rename { id, name } => {
            let index = index_of(&set, &id)?;
            set.tags[index].name = valid_name(&set, &name, Some(&id))?;
            unchanged(set, id)
        }
        TagEdit::Recolour { id, colour } => {
            let index = index_of(&set, &id)?;
            set.tags[index].colour = valid_colour(&colour)?;
            unchanged(set, id)
        }
        TagEdit::SetUnderline { id, underline } => {
            let index = index_of(&set, &id)?;
            set.tags[index].underline = underline;
            unchanged(set, id)
        }
        TagEdit::SetDescription { id, description } => {
            let index = index_of(&set, &id)?;
            set.tags[index].description = valid_description(&description)?;
            unchanged(set, id)
        }
        TagEdit::SetHotkey { id, hotkey } => {
            let index = index_of(&set, &id)?;
            match hotkey {
                Some(key) => set_hotkey(&mut set, &id, key)?,
                None => set.tags[index].hotkey = None,
            }
            unchanged(set, id)
        }
        TagEdit::Move { id, to } => {
            let index = index_of(&set, &id)?;
            let tag = set.tags.remove(index);
            set.tags.insert(to.min(set.tags.len()), tag);
            keep_keys(tags, &mut set);
            unchanged(set, id)
        }
        TagEdit::MoveUp(id) => {
            let index = index_of(&set, &id)?;
            if index > 0 {
                set.tags.swap(index, index - 1);
            }
            keep_keys(tags, &mut set);
            unchanged(set, id)
        }
        TagEdit::MoveDown(id) => {
            let index = index_of(&set, &id)?;
            if index + 1 < set.tags.len() {
                set.tags.swap(index, index + 1);
            }
            keep_keys(tags, &mut set);
            unchanged(set, id)
        }
        TagEdit::Merge { from, into } => {
            index_of(&set, &into)?;
            if from == into {
                return Err(TagError::SameTag);
            }
            let updates = retag(annotations, &from, Some(&into), at);
            if set.get(&from).is_none() && updates.is_empty() {
                return Err(TagError::UnknownTag(from));
            }
            set.tags.retain(|t| t.id != from);
            keep_keys(tags, &mut set);
            Ok(Edited { tags: set, updates, tag: Some(into) })
        }
        TagEdit::Delete { id, policy } => {
            index_of(&set, &id)?;
            if set.tags.len() == 1 {
                return Err(TagError::LastTag);
            }
            let updates = match &policy {
                DeletePolicy::RemoveTagFromAnnotations => retag(annotations, &id, None, at),
                DeletePolicy::ReassignTo(into) if into == &id => return Err(TagError::SameTag),
                DeletePolicy::ReassignTo(into) => {
                    index_of(&set, into)?;
                    retag(annotations, &id, Some(into), at)
                }
                DeletePolicy::KeepAsUnknown => Vec::new(),
            };
            set.tags.retain(|t| t.id != id);
            keep_keys(tags, &mut set);
            Ok(Edited { tags: set, updates, tag: None })
        }
    }
}

/// Replaces tag `from` with `into` (or removes it) on every annotation carrying it, keeping the
/// tag order and each tag once; an annotation left without tags is deleted.
fn retag<'a>(
    annotations: impl IntoIterator<Item = &'a Annotation>,
    from: &TagId,
    into: Option<&TagId>,
    at: OffsetDateTime,
) -> Vec<AnnotationUpdate> {
    annotations
        .into_iter()
        .filter(|a| a.has_tag(from))
        .map(|before| {
            let mut tags: Vec<TagId> = Vec::with_capacity(before.tags.len());
            for tag in &before.tags {
                let tag = if tag == from { into } else { Some(tag) };
                if let Some(tag) = tag.filter(|t| !tags.contains(t)) {
                    tags.push(tag.clone());
                }
            }
            let after = (!tags.is_empty()).then(|| Annotation { tags, modified: at, ..before.clone() });
            AnnotationUpdate { before: before.clone(), after }
        })
        .collect()
}

fn index_of(set: &TagSet, id: &TagId) -> Result<usize, TagError> {
    set.tags.iter().position(|t| &t.id == id).ok_or_else(|| TagError::UnknownTag(id.clone()))
}

/// The name with white space collapsed, if it is non-empty, short enough and no other tag has it
/// (compared without case, so "claim" and "Claim" cannot both exist).
fn valid_name(set: &TagSet, name: &str, except: Option<&TagId>) -> Result<String, TagError> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(TagError::EmptyName);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(TagError::NameTooLong);
    }
    let lower = crate::domain::text::lowercase::lower(&name);
    match set.tags.iter().find(|t| Some(&t.id) != except && crate::domain::text::lowercase::lower(&t.name) == lower) {
        Some(other) => Err(TagError::DuplicateName(other.name.clone())),
        None => Ok(name),
    }
}

/// The colour in lower case if it is `#rrggbb`; CSS only ever sees colours that pass this.
pub fn valid_colour(colour: &str) -> Result<String, TagError> {
    let trimmed = colour.trim();
    let hex = trimmed.strip_prefix('#').filter(|h| h.len() == 6 && h.chars().all(|c| c.is_ascii_hexdigit()));
    match hex {
        Some(_) => Ok(trimmed.to_ascii_lowercase()),
        None => Err(TagError::InvalidColour(colour.to_string())),
    }
}

fn valid_description(description: &str) -> Result<String, TagError> {
    let description = description.trim();
    if description.chars().count() > MAX_DESCRIPTION_CHARS {
        return Err(TagError::DescriptionTooLong);
    }
    Ok(description.to_string())
}

/// Sets tag `id`'s key, refusing one that already picks another tag (set or by position), so
/// setting a key never silently takes it away from a tag.
fn set_hotkey(set: &mut TagSet, id: &TagId, key: char) -> Result<(), TagError> {
    let normal = normalise_key(key).ok_or(TagError::InvalidHotkey(key))?;
    if let Some(other) = set.by_key(normal).filter(|t| &t.id != id) {
        return Err(TagError::HotkeyTaken { key: normal, by: other.name.clone() });
    }
    let index = index_of(set, id)?;
    set.tags[index].hotkey = Some(normal);
    Ok(())
}

/// Gives every tag of `after` the key it had in `before`, so removing or moving a tag changes no
/// other tag's key. A key equal to the tag's new position is stored as no key (it picks the same
/// tag), so moves that cancel out leave the set as it was.
fn keep_keys(before: &TagSet, after: &mut TagSet) {
    for (index, tag) in before.tags.iter().enumerate() {
        let key = before.hotkey_at(index);
        if let (Some(key), Some(now)) = (key, after.tags.iter_mut().find(|t| t.id == tag.id)) {
            now.hotkey = Some(key);
        }
    }
    for (index, tag) in after.tags.iter_mut().enumerate() {
        if tag.hotkey.is_some() && tag.hotkey == position_digit(index) {
            tag.hotkey = None;
        }
    }
}

/// The digit of position `index` (0-based), `1`..`9`.
fn position_digit(index: usize) -> Option<char> {
    u32::try_from(index + 1).ok().filter(|n| *n <= 9).and_then(|n| char::from_digit(n, 10))
}

/// A new tag whose position gives it no key (its digit is another tag's, or it is tenth or
/// later) gets the lowest digit no tag uses, if there is one.
fn give_free_digit(set: &mut TagSet, id: &TagId) {
    let Ok(index) = index_of(set, id) else { return };
    if set.hotkey_at(index).is_some() {
        return;
    }
    if let Some(digit) = (1..=9).filter_map(|n| char::from_digit(n, 10)).find(|d| set.by_key(*d).is_none()) {
        set.tags[index].hotkey = Some(digit);
    }
}

/// A tag id from the name: lower-case words joined by dashes ("Policy shift" → `policy-shift`),
/// with `-2`, `-3`, … added if the set or an annotation already uses it.
fn unique_id(set: &TagSet, used: &[TagId], name: &str) -> TagId {
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(crate::domain::text::lowercase::lower)
        .collect();
    let base = if words.is_empty() { "tag".to_string() } else { words.join("-") };
    let taken = |id: &TagId| set.get(id).is_some() || used.contains(id);
    let first = TagId(base.clone());
    if !taken(&first) {
        return first;
    }
    (2..).map(|n| TagId(format!("{base}-{n}"))).find(|id| !taken(id)).unwrap_or(first)
}
