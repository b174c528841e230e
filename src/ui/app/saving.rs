//! Saving a large step of changes (an import, its undo) after the frame that shows it, a chunk per task, so 10,000 localStorage writes never hold up the paint.
//!
//! Changes are written in the order they were made, through the same check as any save
//! (`save_change`: another tab's write in between is resolved, a full storage keeps the change in
//! memory and warns). Whatever is still queued is written at once before anything else reads or
//! replaces this article's storage: when the page is hidden or closed, when another tab writes,
//! and when another article opens.

use std::collections::VecDeque;

use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::html::Scope;

use super::{App, Msg};
use crate::domain::store::Change;

/// Steps of up to this many changes (every ordinary edit) are saved at once, as before.
pub(super) const SAVE_AT_ONCE: usize = 64;
/// Changes written per task while a large step is being saved (about 5 ms of writes).
const CHUNK: usize = 250;

/// The changes waiting to be written, oldest first, and the task that will write the next chunk.
pub(super) struct Saving {
    queue: VecDeque<Change>,
    link: Scope<App>,
    scheduled: bool,
}

impl Saving {
    pub(super) fn new(link: Scope<App>) -> Self {
        Saving { queue: VecDeque::new(), link, scheduled: false }
    }

    /// Sends `Msg::SaveSome` in a task after the next frame is painted: a timeout set from an
    /// animation frame callback runs after that frame's paint.
    fn schedule(&mut self) {
        if self.scheduled {
            return;
        }
        self.scheduled = true;
        let link = self.link.clone();
        let after_frame = wasm_bindgen::closure::Closure::once_into_js(move || {
            Timeout::new(0, move || link.send_message(Msg::SaveSome)).forget();
        });
        let requested = web_sys::window().and_then(|w| w.request_animation_frame(after_frame.unchecked_ref()).ok());
        if requested.is_none() {
            // No frames (a hidden page may get none for long): a plain task then.
            let link = self.link.clone();
            Timeout::new(0, move || link.send_message(Msg::SaveSome)).forget();
        }
    }
}

impl App {
    /// Saves a step's changes: at once when it is small and nothing is waiting, else after the
    /// coming frame (queued behind what is already waiting, so the order of writes is kept).
    pub(super) fn save_changes(&mut self, changes: &[Change]) {
        if changes.len() <= SAVE_AT_ONCE && self.saving.queue.is_empty() {
            for change in changes {
                self.save_change(change);
            }
            return;
        }
        self.saving.queue.extend(changes.iter().cloned());
        self.saving.schedule();
    }

    /// `Msg::SaveSome`: writes the next chunk and schedules the rest. Returns whether the view
    /// must change (a storage problem appeared, went away, or counts more unsaved changes).
    pub(super) fn save_some(&mut self) -> bool {
        self.saving.scheduled = false;
        let problem_before = self.storage.problem().cloned();
        let n = self.saving.queue.len().min(CHUNK);
        let chunk: Vec<Change> = self.saving.queue.drain(..n).collect();
        for change in &chunk {
            self.save_change(change);
        }
        if !self.saving.queue.is_empty() {
            self.saving.schedule();
        }
        problem_before.is_some() || self.storage.problem().is_some()
    }

    /// Writes everything still waiting, now: the page is going away, another tab wrote, or
    /// another article is about to replace this one's storage.
    pub(super) fn save_waiting(&mut self) {
        let waiting: Vec<Change> = self.saving.queue.drain(..).collect();
        for change in &waiting {
            self.save_change(change);
        }
    }

    /// Drops what is waiting: the article itself was deleted.
    pub(super) fn forget_waiting(&mut self) {
        self.saving.queue.clear();
    }
}
