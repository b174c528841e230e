//! The library of saved articles: list (by each article's small summary), save and rename (through the save queue), load, delete, the last-open article and space used.

use time::OffsetDateTime;

use super::storage::{keys, local_storage, KeyValue};
use crate::domain::article::document::{ContentHash, Document};
use crate::domain::i18n::Texts;
use crate::domain::session::load::Overlay;
use crate::domain::session::queue::Write;
use crate::domain::session::SharedQueue;
use crate::domain::storage::{self, ArticleSummary, DecodeError};

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

/// Every article: the bundled sample first, then stored (or queued) ones, newest first. Each is
/// listed by its summary; an article stored before summaries existed is read once and given one.
pub fn list(kv: &dyn KeyValue, queue: &SharedQueue, sample: &Document) -> Vec<LibraryEntry> {
    let mut missing_summaries = Vec::new();
    let entries = {
        let queued = queue.borrow();
        let view = Overlay { kv, queue: &queued };
        let all = view.keys_with_prefix(storage::KEY_PREFIX);
        let count = |short: &str| {
            let prefix = format!("{}v1/{short}/a/", storage::KEY_PREFIX);
            all.iter().filter(|k| k.starts_with(&prefix) && view.get(k).ok().flatten().is_some()).count()
        };
        let mut stored: Vec<LibraryEntry> = all
            .iter()
            .filter_map(|key| {
                let short = storage::article_key_hash(key)?;
                if short == sample.hash().short() {
                    return None;
                }
                let summary_key = format!("{}v1/{short}/summary", storage::KEY_PREFIX);
                let summary = match view.get(&summary_key).ok().flatten().map(|v| storage::decode_summary(&v)) {
                    Some(Ok(summary)) => summary,
                    _ => {
                        let (doc, added) = storage::decode_article(&view.get(key).ok()??, Some(short)).ok()?;
                        let summary = ArticleSummary::of(&doc, added);
                        missing_summaries.push((summary_key, storage::encode_summary(&summary)));
                        summary
                    }
                };
                Some(LibraryEntry {
                    key: short.to_string(),
                    title: summary.title,
                    source: summary.source,
                    added: Some(summary.added),
                    annotations: count(short),
                    bundled: false,
                })
            })
            .collect();
        crate::domain::text::sort::sort_by_key(&mut stored, |e| std::cmp::Reverse(e.added));
        let mut entries = vec![sample_entry(sample, count(sample.hash().short()))];
        entries.extend(stored);
        entries
    };
    for (key, value) in missing_summaries {
        queue.borrow_mut().put(key, Write::Value(Some(value)));
    }
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

/// True when the article with this hash is already in the library (stored or queued).
pub fn contains(kv: &dyn KeyValue, queue: &SharedQueue, hash: &ContentHash) -> bool {
    matches!(Overlay { kv, queue: &queue.borrow() }.get(&storage::article_key(hash)), Ok(Some(_)))
}

/// Queues an article (new or renamed) and its summary, keeping the date it was first added.
pub fn save(queue: &SharedQueue, doc: &Document, added: OffsetDateTime) {
    let mut queue = queue.borrow_mut();
    queue.put(storage::article_key(doc.hash()), Write::Value(Some(storage::encode_article(doc, added))));
    let summary = storage::encode_summary(&ArticleSummary::of(doc, added));
    queue.put(storage::summary_key(doc.hash()), Write::Value(Some(summary)));
}

/// Loads the stored (or queued) article with short hash `key`, with the time it was added.
pub fn load(
    kv: &dyn KeyValue,
    queue: &SharedQueue,
    key: &str,
    t: &Texts,
) -> Result<(Document, OffsetDateTime), String> {
    let stored_key = format!("{}v1/{key}/doc", storage::KEY_PREFIX);
    let value = Overlay { kv, queue: &queue.borrow() }
        .get(&stored_key)
        .map_err(|_| t.storage_unreadable.to_string())?
        .ok_or_else(|| t.article_gone.to_string())?;
    storage::decode_article(&value, Some(key)).map_err(|e: DecodeError| (t.saved_article_broken)(&e.message(t)))
}

/// Renames a stored article; its text and annotations stay as they are.
pub fn rename(kv: &dyn KeyValue, queue: &SharedQueue, key: &str, title: &str, t: &Texts) -> Result<(), String> {
    let (doc, added) = load(kv, queue, key, t)?;
    save(queue, &doc.with_title(title), added);
    Ok(())
}

/// Deletes a stored article and every value of it, and drops what was queued for it.
pub fn delete(kv: &mut dyn KeyValue, queue: &SharedQueue, key: &str, t: &Texts) -> Result<usize, String> {
    let prefix = format!("{}v1/{key}/", storage::KEY_PREFIX);
    let doomed: Vec<String> = kv
        .keys()
        .map_err(|_| t.storage_unchangeable.to_string())?
        .into_iter()
        .filter(|k| k.starts_with(&prefix))
        .collect();
    for key in &doomed {
        kv.remove(key).map_err(|_| t.delete_refused.to_string())?;
    }
    queue.borrow_mut().forget_prefix(&prefix);
    Ok(doomed.len())
}

/// The short hash of the article open last, if any.
pub fn last_open() -> Option<String> {
    local_storage().ok()?.get_item(storage::LAST_OPEN_KEY).ok()?
}

/// Remembers the open article, so the next visit returns to it.
pub fn set_last_open(key: &str) {
    if let Ok(storage) = local_storage() {
        let _ = storage.set_item(storage::LAST_OPEN_KEY, key);
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
