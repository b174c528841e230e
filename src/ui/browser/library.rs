//! The library of saved articles in localStorage: list, save, load, rename, delete, the last-open article and space used.

use time::OffsetDateTime;

use super::storage::{classify, keys, local_storage, StorageProblem};
use crate::domain::document::{ContentHash, Document};
use crate::domain::i18n::Texts;
use crate::domain::persist::{self, DecodeError};

/// One article in the library, as the library list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct LibraryEntry {
    /// The short content hash that keys the article.
    pub key: String,
    pub title: String,
    pub source: Option<String>,
    /// When it was added; `None` for the bundled sample.
    pub added: Option<OffsetDateTime>,
    pub annotations: usize,
    /// The bundled sample article: always there, never deleted.
    pub bundled: bool,
}

/// Every article: the bundled sample first, then stored ones, newest first; unreadable stored articles are skipped.
pub fn list(sample: &Document) -> Vec<LibraryEntry> {
    let Ok(storage) = local_storage() else {
        return vec![sample_entry(sample, 0)];
    };
    let all = keys(&storage);
    let count = |short: &str| {
        let prefix = format!("{}v1/{short}/a/", persist::KEY_PREFIX);
        all.iter().filter(|k| k.starts_with(&prefix)).count()
    };
    let mut stored: Vec<LibraryEntry> = all
        .iter()
        .filter_map(|key| {
            let short = persist::article_key_hash(key)?;
            if short == sample.hash().short() {
                return None;
            }
            let (doc, added) = persist::decode_article(&storage.get_item(key).ok()??, Some(short)).ok()?;
            Some(LibraryEntry {
                key: short.to_string(),
                title: doc.title().to_string(),
                source: doc.meta().source.clone(),
                added: Some(added),
                annotations: count(short),
                bundled: false,
            })
        })
        .collect();
    crate::domain::sort::sort_by_key(&mut stored, |e| std::cmp::Reverse(e.added));
    let mut entries = vec![sample_entry(sample, count(sample.hash().short()))];
    entries.extend(stored);
    entries
}

fn sample_entry(sample: &Document, annotations: usize) -> LibraryEntry {
    LibraryEntry {
        key: sample.hash().short().to_string(),
        title: sample.title().to_string(),
        source: sample.meta().source.clone(),
        added: None,
        annotations,
        bundled: true,
    }
}

/// True when the article with this hash is already in the library.
pub fn contains(hash: &ContentHash) -> bool {
    local_storage().is_ok_and(|s| matches!(s.get_item(&persist::article_key(hash)), Ok(Some(_))))
}

/// Stores an article (new or renamed), keeping the date it was first added.
pub fn save(doc: &Document, added: OffsetDateTime) -> Result<(), StorageProblem> {
    let storage = local_storage()?;
    storage.set_item(&persist::article_key(doc.hash()), &persist::encode_article(doc, added)).map_err(|e| classify(&e))
}

/// Loads the stored article with short hash `key`, with the time it was added.
pub fn load(key: &str, t: &Texts) -> Result<(Document, OffsetDateTime), String> {
    let storage = local_storage().map_err(|_| t.storage_unreadable.to_string())?;
    let stored_key = format!("{}v1/{key}/doc", persist::KEY_PREFIX);
    let value = storage.get_item(&stored_key).ok().flatten().ok_or_else(|| t.article_gone.to_string())?;
    persist::decode_article(&value, Some(key)).map_err(|e: DecodeError| (t.saved_article_broken)(&e.message(t)))
}

/// Renames a stored article; its text and annotations stay as they are.
pub fn rename(key: &str, title: &str, t: &Texts) -> Result<(), String> {
    let (doc, added) = load(key, t)?;
    save(&doc.with_title(title), added).map_err(|_| t.rename_failed.into())
}

/// Deletes a stored article and every annotation of it.
pub fn delete(key: &str, t: &Texts) -> Result<usize, String> {
    let storage = local_storage().map_err(|_| t.storage_unchangeable.to_string())?;
    let prefix = format!("{}v1/{key}/", persist::KEY_PREFIX);
    let doomed: Vec<String> = keys(&storage).into_iter().filter(|k| k.starts_with(&prefix)).collect();
    for key in &doomed {
        storage.remove_item(key).map_err(|_| t.delete_refused.to_string())?;
    }
    Ok(doomed.len())
}

/// The short hash of the article open last, if any.
pub fn last_open() -> Option<String> {
    local_storage().ok()?.get_item(persist::LAST_OPEN_KEY).ok()?
}

/// Remembers the open article, so the next visit returns to it.
pub fn set_last_open(key: &str) {
    if let Ok(storage) = local_storage() {
        let _ = storage.set_item(persist::LAST_OPEN_KEY, key);
    }
}

/// Bytes this origin's localStorage holds (keys and values, two bytes per UTF-16 unit, as browsers count).
pub fn used_bytes() -> usize {
    let Ok(storage) = local_storage() else { return 0 };
    keys(&storage)
        .iter()
        .map(|k| {
            (k.encode_utf16().count() + storage.get_item(k).ok().flatten().map_or(0, |v| v.encode_utf16().count())) * 2
        })
        .sum()
}
