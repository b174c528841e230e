//! Saving a large step of changes (an import, its undo) after the frame that shows it, in idle time, so 10,000 localStorage writes never hold up the paint.
//!
//! Changes are written in the order they were made, through the same check as any save
//! (`save_change`: another tab's write in between is resolved, a full storage keeps the change in
//! memory and warns). Whatever is still queued is written at once before anything else reads or
//! replaces this article's storage: when the page is hidden or closed, when another tab writes,
//! and when another article opens.

use gloo::timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::html::Scope;

use super::{App, Msg};
use crate::domain::store::Change;
use crate::ui::browser::clock;

/// Steps of up to this many changes (every ordinary edit) are saved at once, as before.
pub(super) const SAVE_AT_ONCE: usize = 64;
/// How long one task writes before it yields to the page, in milliseconds (half a frame).
const CHUNK_MS: f64 = 8.0;
/// The longest a booked write waits for the browser to be idle, in milliseconds.
const IDLE_TIMEOUT_MS: u32 = 250;
/// Changes written between two looks at the clock.
const BETWEEN_CLOCK_READS: usize = 25;

/// The changes waiting to be written and whether a task to write some is booked.
pub(super) struct Saving {
    /// Newest first, so the next to write is popped off the end.
    queue: Vec<Change>,
    link: Scope<App>,
    scheduled: bool,
}

impl Saving {
    pub(super) fn new(link: Scope<App>) -> Self {
        Saving { queue: Vec::new(), link, scheduled: false }
    }

    /// Sends `Msg::SaveSome` when the browser is idle: after the frames that show the step and
    /// after any other waiting task, but at the latest [`IDLE_TIMEOUT_MS`] later, so a page that
    /// is never idle (a busy machine, animations) still saves. Without idle callbacks (Safari),
    /// in a task of its own.
    fn schedule(&mut self) {
        if self.scheduled {
            return;
        }
        self.scheduled = true;
        let link = self.link.clone();
        let when_idle = Closure::once_into_js(move || link.send_message(Msg::SaveSome));
        let options = web_sys::IdleRequestOptions::new();
        options.set_timeout(IDLE_TIMEOUT_MS);
        let idle = web_sys::window().map(|w| w.request_idle_callback_with_options(when_idle.unchecked_ref(), &options));
        if !matches!(idle, Some(Ok(_))) {
            let link = self.link.clone();
            Timeout::new(0, move || link.send_message(Msg::SaveSome)).forget();
        }
    }
}

/// The page's clock in milliseconds.
fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

impl App {
    /// Saves a step's changes: at once when it is small and nothing is waiting, else in idle
    /// time (queued behind what is already waiting, so the order of writes is kept).
    pub(super) fn save_changes(&mut self, changes: &[Change]) {
        if changes.len() <= SAVE_AT_ONCE && self.saving.queue.is_empty() {
            for change in changes {
                self.save_change(change);
            }
            return;
        }
        let mut queue: Vec<Change> = changes.iter().rev().cloned().collect();
        queue.append(&mut self.saving.queue);
        self.saving.queue = queue;
        self.saving.schedule();
    }

    /// `Msg::SaveSome`: writes for about [`CHUNK_MS`] and books the rest. Returns whether the
    /// view must change (a storage problem appeared, went away, or counts more unsaved changes).
    pub(super) fn save_some(&mut self) -> bool {
        self.saving.scheduled = false;
        let problem_before = self.storage.problem().is_some();
        let started = now_ms();
        let mut written = 0;
        while let Some(change) = self.saving.queue.pop() {
            self.save_change(&change);
            written += 1;
            if written % BETWEEN_CLOCK_READS == 0 && now_ms() - started >= CHUNK_MS {
                break;
            }
        }
        if self.saving.queue.is_empty() {
            clock::mark("marginalia:saves-written");
        } else {
            self.saving.schedule();
        }
        problem_before || self.storage.problem().is_some()
    }

    /// Writes everything still waiting, now: the page is going away, another tab wrote, or
    /// another article is about to replace this one's storage.
    pub(super) fn save_waiting(&mut self) {
        while let Some(change) = self.saving.queue.pop() {
            self.save_change(&change);
        }
    }

    /// Drops what is waiting: the article itself was deleted.
    pub(super) fn forget_waiting(&mut self) {
        self.saving.queue.clear();
    }
}
