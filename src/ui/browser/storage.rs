//! Saves annotations to localStorage, one key per annotation, and never overwrites what it cannot read.

use std::collections::BTreeMap;

use uuid::Uuid;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Storage;

use crate::domain::annotation::Annotation;
use crate::domain::document::ContentHash;
use crate::domain::persist::{self, DecodeError, SideList};
use crate::domain::store::Change;
use crate::domain::tags::TagSet;

/// Why saving does not work right now; the app keeps working in memory either way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageProblem {
    /// The browser refuses access to localStorage (blocked cookies, private mode, file://).
    Unavailable(String),
    /// localStorage is full.
    Full,
}

/// A stored value that could not be read; it stays under its key and a copy goes to a backup key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub key: String,
    pub backup_key: String,
    pub raw: String,
    pub error: DecodeError,
}

/// What loading found: the annotations that could be read and those that could not.
#[derive(Debug, Default)]
pub struct Loaded {
    pub annotations: Vec<Annotation>,
    pub unreadable: Vec<Unreadable>,
}

/// The localStorage adapter for one article.
pub struct AnnotationStorage {
    article: ContentHash,
    storage: Result<Storage, StorageProblem>,
    /// Changes that could not be written yet, by annotation id (`None` = deleted); retried on every save.
    unsaved: BTreeMap<Uuid, Option<Annotation>>,
    /// Why the last write failed, until a write succeeds again.
    failing: Option<StorageProblem>,
}

impl AnnotationStorage {
    /// Opens the browser's localStorage for `article`.
    pub fn open(article: ContentHash) -> Self {
        AnnotationStorage { article, storage: local_storage(), unsaved: BTreeMap::new(), failing: None }
    }

    /// The current problem, if saving does not work.
    pub fn problem(&self) -> Option<&StorageProblem> {
        self.storage.as_ref().err().or(self.failing.as_ref())
    }

    /// How many changes live only in memory.
    pub fn unsaved_count(&self) -> usize {
        self.unsaved.len()
    }

    /// Reads every stored annotation of the article; unreadable values are copied to a backup key, never changed.
    pub fn load(&mut self) -> Loaded {
        let mut loaded = Loaded::default();
        let Ok(storage) = &self.storage else { return loaded };
        let prefix = persist::article_prefix(&self.article);
        for key in keys(storage).into_iter().filter(|k| k.starts_with(&prefix)) {
            let Ok(Some(raw)) = storage.get_item(&key) else { continue };
            match persist::decode(&raw) {
                Ok(annotation) => loaded.annotations.push(annotation),
                Err(error) => {
                    let backup_key = keep_backup(storage, &key, &raw);
                    loaded.unreadable.push(Unreadable { key, backup_key, raw, error });
                }
            }
        }
        loaded
    }

    /// Writes what `change` did; on failure the change is kept in memory and retried with the next save.
    pub fn save(&mut self, change: &Change, protected: &[String]) -> Result<(), StorageProblem> {
        self.unsaved.insert(change.id(), change.after.clone());
        self.flush(protected)
    }

    /// Tries to write every change not yet saved; `protected` keys (unreadable values) are never written.
    pub fn flush(&mut self, protected: &[String]) -> Result<(), StorageProblem> {
        let storage = self.storage.clone()?;
        while let Some((id, annotation)) = self.unsaved.pop_first() {
            let key = persist::annotation_key(&self.article, &id);
            if protected.contains(&key) {
                continue;
            }
            let result = match &annotation {
                Some(a) => storage.set_item(&key, &persist::encode(a)),
                None => storage.remove_item(&key),
            };
            if let Err(error) = result {
                self.unsaved.insert(id, annotation);
                let problem = classify(&error);
                self.failing = Some(problem.clone());
                return Err(problem);
            }
        }
        self.failing = None;
        Ok(())
    }

    /// What storage holds for annotation `id` right now (`Some(None)`: nothing); `None` when that
    /// cannot be known (no storage, or a value this app cannot read), so the caller must not act on it.
    pub fn stored_annotation(&self, id: &Uuid) -> Option<Option<Annotation>> {
        let storage = self.storage.as_ref().ok()?;
        match storage.get_item(&persist::annotation_key(&self.article, id)).ok()? {
            Some(raw) => persist::decode(&raw).ok().map(Some),
            None => Some(None),
        }
    }

    /// The article whose values this adapter reads and writes.
    pub fn article(&self) -> &ContentHash {
        &self.article
    }

    /// Reads a side list (orphans or conflicts); an unreadable one is reported and left untouched.
    pub fn load_side(&self, list: SideList) -> Result<Vec<Annotation>, Unreadable> {
        Ok(self.read_keyed(persist::side_key(&self.article, list), persist::decode_list)?.unwrap_or_default())
    }

    /// Reads the article's tag set; `Ok(None)` when it has none of its own (the defaults apply).
    pub fn load_tags(&self) -> Result<Option<TagSet>, Unreadable> {
        self.read_keyed(persist::tags_key(&self.article), persist::decode_tags)
    }

    /// Writes the article's tag set.
    pub fn save_tags(&mut self, tags: &TagSet, protected: &[String]) -> Result<(), StorageProblem> {
        self.write_keyed(persist::tags_key(&self.article), Some(persist::encode_tags(tags)), protected)
    }

    /// Reads the article's classroom state (tag lock, answer key); `Ok(None)` when it has none.
    pub fn load_classroom(&self) -> Result<Option<persist::ClassroomState>, Unreadable> {
        self.read_keyed(persist::classroom_key(&self.article), persist::decode_classroom)
    }

    /// Writes the article's classroom state.
    pub fn save_classroom(
        &mut self,
        classroom: &persist::ClassroomState,
        protected: &[String],
    ) -> Result<(), StorageProblem> {
        self.write_keyed(persist::classroom_key(&self.article), Some(persist::encode_classroom(classroom)), protected)
    }

    /// Writes a side list whole (they are short); an empty list removes the key.
    pub fn save_side(
        &mut self,
        list: SideList,
        annotations: &[Annotation],
        protected: &[String],
    ) -> Result<(), StorageProblem> {
        let value = (!annotations.is_empty()).then(|| persist::encode_list(annotations));
        self.write_keyed(persist::side_key(&self.article, list), value, protected)
    }

    /// Reads and decodes the value under `key`; `Ok(None)` when there is none (or no storage).
    /// An unreadable value stays under its key, and a copy goes to its backup key.
    fn read_keyed<T>(&self, key: String, decode: fn(&str) -> Result<T, DecodeError>) -> Result<Option<T>, Unreadable> {
        let Ok(storage) = &self.storage else { return Ok(None) };
        let Ok(Some(raw)) = storage.get_item(&key) else { return Ok(None) };
        decode(&raw).map(Some).map_err(|error| {
            let backup_key = keep_backup(storage, &key, &raw);
            Unreadable { key, backup_key, raw, error }
        })
    }

    /// Writes `value` under `key` (`None` removes it), unless the key holds an unreadable value.
    fn write_keyed(&mut self, key: String, value: Option<String>, protected: &[String]) -> Result<(), StorageProblem> {
        let storage = self.storage.clone()?;
        if protected.contains(&key) {
            return Ok(());
        }
        let result = match value {
            Some(value) => storage.set_item(&key, &value),
            None => storage.remove_item(&key),
        };
        result.map_err(|e| {
            let problem = classify(&e);
            self.failing = Some(problem.clone());
            problem
        })
    }
}

/// Copies an unreadable value to its backup key, unless a backup is already there (the first
/// copy is the one to keep); returns the backup key.
fn keep_backup(storage: &Storage, key: &str, raw: &str) -> String {
    let backup_key = persist::backup_key(key);
    if !matches!(storage.get_item(&backup_key), Ok(Some(_))) {
        // Best effort: if even the backup cannot be written, the original is still untouched.
        let _ = storage.set_item(&backup_key, raw);
    }
    backup_key
}

/// The window's localStorage, or why it cannot be used.
pub fn local_storage() -> Result<Storage, StorageProblem> {
    let window = web_sys::window().ok_or_else(|| StorageProblem::Unavailable("no window".into()))?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err(StorageProblem::Unavailable("this browser has no localStorage".into())),
        Err(error) => Err(StorageProblem::Unavailable(error_text(&error))),
    }
}

/// The user's name, as stored; empty when never given.
pub fn author() -> String {
    local_storage().ok().and_then(|s| s.get_item(persist::AUTHOR_KEY).ok().flatten()).unwrap_or_default()
}

/// Stores the user's name.
pub fn set_author(name: &str) -> Result<(), StorageProblem> {
    local_storage()?.set_item(persist::AUTHOR_KEY, name).map_err(|e| classify(&e))
}

/// Every key in `storage`.
pub fn keys(storage: &Storage) -> Vec<String> {
    let len = storage.length().unwrap_or(0);
    (0..len).filter_map(|i| storage.key(i).ok().flatten()).collect()
}

/// Tells a full storage (Chromium's QuotaExceededError, old Firefox's NS_ERROR_DOM_QUOTA_REACHED) from other failures.
pub fn classify(error: &JsValue) -> StorageProblem {
    let name = error.dyn_ref::<web_sys::DomException>().map(|e| e.name()).unwrap_or_default();
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        StorageProblem::Full
    } else {
        StorageProblem::Unavailable(error_text(error))
    }
}

fn error_text(error: &JsValue) -> String {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(e) => format!("{}: {}", e.name(), e.message()),
        None => error.as_string().unwrap_or_else(|| "unknown error".into()),
    }
}
