//! Reading one article's stored state through the key-value interface, with what is still queued laid over it: start-up and article switching load through here.

use super::kv::{KeyValue, StorageProblem};
use super::queue::SaveQueue;
use crate::domain::annotation::tags::TagSet;
use crate::domain::annotation::Annotation;
use crate::domain::article::document::ContentHash;
use crate::domain::storage::{self, ClassroomState, DecodeError, SideList};

/// A stored value that could not be read; it stays under its key and a copy goes to a backup key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub key: String,
    pub backup_key: String,
    pub raw: String,
    pub error: DecodeError,
}

/// Storage as the session sees it: what the queue still holds for a key wins over what storage
/// has, so an article opened again while its writes wait (full storage) shows them.
pub struct Overlay<'a> {
    pub kv: &'a dyn KeyValue,
    pub queue: &'a SaveQueue,
}

impl Overlay<'_> {
    /// The value under `key`, queued or stored.
    pub fn get(&self, key: &str) -> Result<Option<String>, StorageProblem> {
        match self.queue.get(key) {
            Some(write) => Ok(write.stored_text()),
            None => self.kv.get(key),
        }
    }

    /// Every key under `prefix`, stored or queued, without duplicates.
    pub fn keys_with_prefix(&self, prefix: &str) -> Vec<String> {
        let mut keys: Vec<String> =
            self.kv.keys().unwrap_or_default().into_iter().filter(|k| k.starts_with(prefix)).collect();
        let stored: std::collections::HashSet<String> = keys.iter().cloned().collect();
        keys.extend(self.queue.keys_with_prefix(prefix).filter(|k| !stored.contains(*k)).cloned());
        keys
    }
}

/// What loading one article's values found.
#[derive(Debug, Default)]
pub struct LoadedParts {
    pub tags: Option<TagSet>,
    pub orphans: Vec<Annotation>,
    pub conflicts: Vec<Annotation>,
    pub classroom: Option<ClassroomState>,
    pub unreadable: Vec<Unreadable>,
}

/// Reads an article's tag set, side lists and classroom state. Unreadable values are reported,
/// named with their backup key (the caller copies them there with [`keep_backup`]) and never written again.
pub fn load_parts(view: &Overlay, article: &ContentHash) -> LoadedParts {
    let mut parts = LoadedParts::default();
    let mut unreadable = Vec::new();
    let keyed = |key: String| view.get(&key).ok().flatten().map(|raw| (key, raw));
    if let Some((key, raw)) = keyed(storage::tags_key(article)) {
        match storage::decode_tags(&raw) {
            Ok(tags) => parts.tags = Some(tags),
            Err(error) => unreadable.push(kept(key, raw, error)),
        }
    }
    for list in [SideList::Orphans, SideList::Conflicts] {
        if let Some((key, raw)) = keyed(storage::side_key(article, list)) {
            match storage::decode_list(&raw) {
                Ok(items) if list == SideList::Orphans => parts.orphans = items,
                Ok(items) => parts.conflicts = items,
                Err(error) => unreadable.push(kept(key, raw, error)),
            }
        }
    }
    if let Some((key, raw)) = keyed(storage::classroom_key(article)) {
        match storage::decode_classroom(&raw) {
            Ok(classroom) => parts.classroom = Some(classroom),
            Err(error) => unreadable.push(kept(key, raw, error)),
        }
    }
    parts.unreadable = unreadable;
    parts
}

/// Reads every annotation of an article, queued or stored.
pub fn load_annotations(view: &Overlay, article: &ContentHash) -> (Vec<Annotation>, Vec<Unreadable>) {
    let mut annotations = Vec::new();
    let mut unreadable = Vec::new();
    for key in view.keys_with_prefix(&storage::article_prefix(article)) {
        let Ok(Some(raw)) = view.get(&key) else { continue };
        match storage::decode(&raw) {
            Ok(annotation) => annotations.push(annotation),
            Err(error) => unreadable.push(kept(key, raw, error)),
        }
    }
    (annotations, unreadable)
}

fn kept(key: String, raw: String, error: DecodeError) -> Unreadable {
    let backup_key = storage::backup_key(&key);
    Unreadable { key, backup_key, raw, error }
}

/// Copies an unreadable value to its backup key, unless a backup is already there (the first
/// copy is the one to keep); returns the backup key. Best effort: if even the backup cannot be
/// written, the original is still untouched.
pub fn keep_backup(kv: &mut dyn KeyValue, key: &str, raw: &str) -> String {
    let backup_key = storage::backup_key(key);
    if !matches!(kv.get(&backup_key), Ok(Some(_))) {
        let _ = kv.set(&backup_key, raw);
    }
    backup_key
}
