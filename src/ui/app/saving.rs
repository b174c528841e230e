//! When the session's save queue is written: small steps at once, a large step (an import, its undo) in idle time after the frame that shows it, and a failed write again a little later.
//!
//! Every write goes through the session's queue and its flush (`Session::flush`: the two-tab
//! check, newest value per key, a failed write kept in its place). Whatever is still queued is
//! written at once before anything else reads this article's storage: when the page is hidden
//! or closed, and when another tab writes.

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use yew::html::Scope;

use super::{App, Msg};
use crate::domain::session::SharedQueue;

use crate::ui::browser::{clock, dom, eviction};

/// Queues of up to this many keys (every ordinary edit) are written at once.
pub(super) const SAVE_AT_ONCE: usize = 64;
/// How long one task writes before it yields to the page, in milliseconds (half a frame).
const CHUNK_MS: f64 = 8.0;
/// The longest a booked write waits for the browser to be idle, in milliseconds.
const IDLE_TIMEOUT_MS: u32 = 250;
/// Keys written between two looks at the clock.
const BETWEEN_CLOCK_READS: usize = 25;
/// How long a failed write waits before it is tried again, in milliseconds.
const RETRY_MS: u32 = 3_000;

/// Whether a task to write some of the queue is booked, and the retry timer after a failure.
pub(super) struct Saving {
    link: Scope<App>,
    scheduled: bool,
    retry: Option<Timeout>,
}

impl Saving {
    pub(super) fn new(link: Scope<App>) -> Self {
        Saving { link, scheduled: false, retry: None }
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
        if !clock::when_idle(IDLE_TIMEOUT_MS, move || link.send_message(Msg::SaveSome)) {
            let link = self.link.clone();
            Timeout::new(0, move || link.send_message(Msg::SaveSome)).forget();
        }
    }

    /// Tries the queue again after [`RETRY_MS`] (storage may have room by then).
    fn retry_later(&mut self) {
        if self.retry.is_none() {
            let link = self.link.clone();
            self.retry = Some(Timeout::new(RETRY_MS, move || link.send_message(Msg::SaveSome)));
        }
    }
}

/// The page's clock in milliseconds.
fn now_ms() -> f64 {
    clock::page_millis()
}

impl App {
    /// Books the writes an operation queued: at once when few are waiting, else in idle time.
    pub(super) fn save_soon(&mut self) {
        let waiting = self.session.queue().borrow().len();
        if waiting == 0 {
            return;
        }
        if waiting <= SAVE_AT_ONCE && !self.saving.scheduled {
            self.write_queue(usize::MAX);
            if self.session.queue().borrow().problem().is_some() {
                self.saving.retry_later();
            }
        } else {
            self.saving.schedule();
        }
    }

    /// `Msg::SaveSome`: writes for about [`CHUNK_MS`] and books the rest. Returns whether the
    /// view must change (a storage problem appeared, went away, or counts more unsaved changes).
    pub(super) fn save_some(&mut self) -> bool {
        self.saving.scheduled = false;
        self.saving.retry = None;
        let problem_before = self.session.queue().borrow().problem().is_some();
        let started = now_ms();
        loop {
            let failed = self.write_queue(BETWEEN_CLOCK_READS);
            let queue = self.session.queue().borrow();
            if queue.is_empty() {
                drop(queue);
                clock::mark("marginalia:saves-written");
                break;
            }
            drop(queue);
            if failed {
                self.saving.retry_later();
                break;
            }
            if now_ms() - started >= CHUNK_MS {
                self.saving.schedule();
                break;
            }
        }
        problem_before || self.session.queue().borrow().problem().is_some()
    }

    /// Writes everything still waiting, now: the page is going away, another tab wrote, or
    /// another article is about to open.
    pub(super) fn save_waiting(&mut self) {
        self.write_queue(usize::MAX);
    }

    /// Writes up to `limit` keys and carries out what the two-tab check found. Returns whether a write failed.
    fn write_queue(&mut self, limit: usize) -> bool {
        let (effects, flushed) = self.session.flush(&mut self.kv, limit);
        if flushed.written > 0 {
            eviction::note_saved();
        }
        // A clash with another tab queues the other-versions list: it is written in the same go.
        let queued_more = !effects.writes.is_empty();
        if !effects.is_empty() {
            self.apply_effects(effects);
        }
        if queued_more && flushed.problem.is_none() && limit == usize::MAX {
            return self.write_queue(limit);
        }
        flushed.problem.is_some()
    }
}

/// Asks before the page is closed or reloaded while anything waits in the save queue (a large
/// step still being written, or storage that refused a write).
pub(super) fn before_unload(queue: SharedQueue) -> Option<EventListener> {
    dom::ask_before_leaving(move || queue.try_borrow().is_ok_and(|q| !q.is_empty()))
}
