//! The one write-behind queue for every stored key: newest value per key, failed writes kept and retried, and the two-tab check before each annotation is written.
//!
//! Every value the app stores (annotations, tag sets, side lists, classroom state, articles, the
//! user's name) is queued here by key and written by [`SaveQueue::flush`]. A newer value for a
//! key replaces the queued one; a write that fails (full or blocked storage) stays queued, in
//! its place, and is tried again by the next flush. Nothing is dropped when another article
//! opens: the queue belongs to the app, not to an article.

use std::collections::BTreeMap;

use uuid::Uuid;

use super::kv::{KeyValue, StorageProblem};
use crate::domain::annotation::Annotation;
use crate::domain::article::document::ContentHash;
use crate::domain::session::sync::{before_write, Resolution};
use crate::domain::storage;

/// What is waiting to be written under one key.
// Most queued writes are annotations; boxing them would add an allocation to every edit.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Write {
    /// An annotation changed from `before` (what storage held when the change was made) to
    /// `after` (`None`: deleted). `before` is what the two-tab check compares storage with.
    Annotation { article: String, id: Uuid, before: Option<Annotation>, after: Option<Annotation> },
    /// A whole value; `None` removes the key.
    Value(Option<String>),
}

impl Write {
    /// The text this write leaves under its key (`None`: the key is removed).
    pub fn stored_text(&self) -> Option<String> {
        match self {
            Write::Annotation { after, .. } => after.as_ref().map(storage::encode),
            Write::Value(value) => value.clone(),
        }
    }
}

/// What a flush found that the session must act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Another tab stored a version that wins over this tab's change of annotation `id` of
    /// `article`: this tab takes `now` (`None`: deleted there).
    Adopted { article: String, id: Uuid, now: Option<Annotation> },
    /// Two tabs changed the same annotation: the losing `version` is kept as an other version.
    OtherVersion { article: String, version: Annotation },
    /// Storage held a value under `key` that this app cannot read: it was left alone (the
    /// change stays in memory) and a copy went to its backup key.
    Unreadable { key: String, raw: String },
}

/// What one flush did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Flushed {
    /// Keys written or removed.
    pub written: usize,
    pub outcomes: Vec<Outcome>,
    /// Why the flush stopped early; the write that failed is still queued.
    pub problem: Option<StorageProblem>,
}

/// The queued writes, by key (written in key order: each key's write stands alone, so no
/// order between keys matters, and one sorted map is the smallest code for the download).
#[derive(Debug, Default)]
pub struct SaveQueue {
    pending: BTreeMap<String, Write>,
    /// Keys holding values this app cannot read: never written (their backup is the user's data).
    protected: Vec<String>,
    /// Why the last write failed, until a write succeeds again.
    problem: Option<StorageProblem>,
}

impl SaveQueue {
    pub fn new() -> Self {
        SaveQueue::default()
    }

    /// Queues `write` for `key`. A write already waiting for the key is replaced; for an
    /// annotation, its `before` is kept (storage still holds that).
    pub fn put(&mut self, key: String, write: Write) {
        if self.protected.contains(&key) {
            return;
        }
        let write = match (self.pending.remove(&key), write) {
            (Some(Write::Annotation { before, .. }), Write::Annotation { article, id, after, .. }) => {
                Write::Annotation { article, id, before, after }
            }
            (_, write) => write,
        };
        self.pending.insert(key, write);
    }

    /// Queues the change of one annotation of the article with hash `article`; the key it went under.
    pub fn put_annotation(
        &mut self,
        article: &ContentHash,
        before: Option<Annotation>,
        after: Option<Annotation>,
    ) -> Option<String> {
        let id = after.as_ref().or(before.as_ref()).map(|a| a.id)?;
        let key = storage::annotation_key(article, &id);
        self.put(key.clone(), Write::Annotation { article: article.short().to_string(), id, before, after });
        Some(key)
    }

    /// Never writes `key` (it holds a value this app cannot read), and drops what was queued for it.
    pub fn protect(&mut self, key: &str) {
        if !self.protected.iter().any(|k| k == key) {
            self.protected.push(key.to_string());
        }
        self.pending.remove(key);
    }

    /// How many keys wait to be written.
    pub fn len(&self) -> usize {
        self.pending.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pending.is_empty()
    }

    /// Why the last write failed, until one succeeds.
    pub fn problem(&self) -> Option<&StorageProblem> {
        self.problem.as_ref()
    }

    /// Notes that storage cannot be used at all (found when opening an article), so the person
    /// is told before the first write fails.
    pub fn note_problem(&mut self, problem: StorageProblem) {
        self.problem = Some(problem);
    }

    /// What is queued for `key`, if anything.
    pub fn get(&self, key: &str) -> Option<&Write> {
        self.pending.get(key)
    }

    /// The queued keys that start with `prefix`.
    pub fn keys_with_prefix<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a String> + 'a {
        self.pending.range(prefix.to_string()..).map(|(k, _)| k).take_while(move |k| k.starts_with(prefix))
    }

    /// Drops every queued write and forgets the protected keys and the last problem: storage is
    /// being emptied for the next person on this computer, and nothing of the last may be written back.
    pub fn clear(&mut self) {
        *self = SaveQueue::default();
    }

    /// Drops every write queued under `prefix` (an article that was deleted).
    pub fn forget_prefix(&mut self, prefix: &str) {
        self.pending.retain(|k, _| !k.starts_with(prefix));
    }

    /// Writes the whole value queued for `key` now, so its owner (the class view's files) can say
    /// at once whether it was kept. A failed write stays queued in its place and becomes the
    /// queue's problem, as in [`SaveQueue::flush`]; an annotation waits for the flush and its
    /// two-tab check.
    pub fn write_now(&mut self, kv: &mut dyn KeyValue, key: &str) -> Result<(), StorageProblem> {
        let Some(Write::Value(value)) = self.pending.get(key) else { return Ok(()) };
        let written = match value {
            Some(value) => kv.set(key, value),
            None => kv.remove(key),
        };
        match &written {
            Ok(()) => {
                self.pending.remove(key);
                self.problem = None;
            }
            Err(problem) => self.problem = Some(problem.clone()),
        }
        written
    }

    /// Writes up to `limit` queued keys. An annotation is written only after the
    /// two-tab check ([`before_write`]) against what storage holds now. Stops at the first
    /// write that fails, which stays queued in its place.
    pub fn flush(&mut self, kv: &mut dyn KeyValue, limit: usize) -> Flushed {
        let mut flushed = Flushed::default();
        while flushed.written < limit {
            let Some((key, write)) = self.pending.pop_first() else { break };
            match write_one(kv, &key, &write, &mut flushed.outcomes) {
                Ok(()) => flushed.written += 1,
                Err(problem) => {
                    self.pending.insert(key, write);
                    self.problem = Some(problem.clone());
                    flushed.problem = Some(problem);
                    return flushed;
                }
            }
        }
        // Only a write that works shows storage works again (a blocked storage stays blocked
        // while nothing is waiting).
        if flushed.written > 0 {
            self.problem = None;
        }
        flushed
    }
}

/// Writes one queued key; the outcomes a clash with another tab leads to are pushed to `outcomes`.
fn write_one(
    kv: &mut dyn KeyValue,
    key: &str,
    write: &Write,
    outcomes: &mut Vec<Outcome>,
) -> Result<(), StorageProblem> {
    let Write::Annotation { article, id, before, after } = write else {
        return match write.stored_text() {
            Some(value) => kv.set(key, &value),
            None => kv.remove(key),
        };
    };
    let current = match kv.get(key)? {
        None => None,
        Some(raw) => match storage::decode(&raw) {
            Ok(annotation) => Some(annotation),
            Err(_) => {
                // Never written over: a copy is kept, and the change stays in this tab's memory.
                super::load::keep_backup(kv, key, &raw);
                outcomes.push(Outcome::Unreadable { key: key.to_string(), raw });
                return Ok(());
            }
        },
    };
    match before_write(before.as_ref(), after.as_ref(), current.as_ref()) {
        Resolution::InStep => Ok(()),
        Resolution::KeepMine { other_version } => {
            match after {
                Some(annotation) => kv.set(key, &storage::encode(annotation))?,
                None => kv.remove(key)?,
            }
            if let Some(version) = other_version {
                outcomes.push(Outcome::OtherVersion { article: article.clone(), version });
            }
            Ok(())
        }
        Resolution::Adopt { now, other_version } => {
            outcomes.push(Outcome::Adopted { article: article.clone(), id: *id, now });
            if let Some(version) = other_version {
                outcomes.push(Outcome::OtherVersion { article: article.clone(), version });
            }
            Ok(())
        }
    }
}
