//! A new student on a shared computer: how much work this browser holds that was not exported, and starting fresh (every stored Marginalia value removed, nothing queued written back, no name, the given article reopened empty).

use std::rc::Rc;

use super::kv::{KeyValue, StorageProblem};
use super::load::Overlay;
use super::Session;
use crate::domain::article::document::Document;
use crate::domain::storage;

/// What starting fresh did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fresh {
    /// Stored values removed.
    pub removed: usize,
    /// Stored values that could not be removed, and why the first of them could not.
    pub left: Option<(usize, StorageProblem)>,
}

impl Session {
    /// How many annotations this browser holds, stored or waiting in the queue: the open
    /// article's (its unplaced ones included, as its export carries them) and every other
    /// article's.
    pub fn annotations_here(&self, kv: &dyn KeyValue) -> usize {
        let all = format!("{}v1/", storage::KEY_PREFIX);
        let here = storage::article_prefix(self.doc.hash());
        let queue = self.queue.borrow();
        let view = Overlay { kv, queue: &queue };
        // `marginalia/v1/<article>/a/<id>`: an annotation key (backups live under `marginalia/backup/`).
        let is_annotation = |key: &str| key.strip_prefix(&all).is_some_and(|rest| rest.split('/').nth(1) == Some("a"));
        let elsewhere = view
            .keys_with_prefix(&all)
            .iter()
            // The open article's are counted from memory once read (they may wait in the queue).
            .filter(|k| !(self.annotations_loaded && k.starts_with(&here)) && is_annotation(k))
            .filter(|k| matches!(view.get(k), Ok(Some(_))))
            .count();
        self.store.len() + self.orphans.len() + elsewhere
    }

    /// Notes that the open article was just exported whole (as a pack): until the next change,
    /// its annotations are safe in that file.
    pub fn mark_exported(&mut self) {
        self.exported = Some(self.revision);
    }

    /// How many annotations kept here would be lost by starting fresh: all of them
    /// ([`Self::annotations_here`]) but the open article's when it was exported since its last change.
    pub fn unexported(&self, kv: &dyn KeyValue) -> usize {
        let exported = if self.exported == Some(self.revision) { self.store.len() + self.orphans.len() } else { 0 };
        self.annotations_here(kv) - exported
    }

    /// Starts fresh for the next person on this computer: drops everything queued (so nothing
    /// of the last person is written back), removes every stored Marginalia value but those
    /// named in `keep` (the interface language), forgets the name and the undo history, and
    /// opens `doc` (the sample) with nothing on it. What could not be removed is reported;
    /// the session is fresh either way.
    pub fn start_fresh(&mut self, kv: &mut dyn KeyValue, doc: Rc<Document>, keep: &[&str]) -> Fresh {
        self.queue.borrow_mut().clear();
        let mut fresh = Fresh::default();
        // Blocked storage holds nothing of anybody's (opening the sample notes it as blocked).
        let keys = kv.keys().unwrap_or_default();
        for key in keys.iter().filter(|k| k.starts_with(storage::KEY_PREFIX) && !keep.contains(&k.as_str())) {
            match kv.remove(key) {
                Ok(()) => fresh.removed += 1,
                Err(problem) => {
                    let (left, _) = fresh.left.get_or_insert((0, problem));
                    *left += 1;
                }
            }
        }
        self.author = String::new();
        self.presets = Rc::default();
        (self.presets_base, self.presets_written) = (None, None);
        self.presets_write_bases.clear();
        self.open_parts(doc, kv);
        self.load_annotations(kv);
        fresh
    }
}
