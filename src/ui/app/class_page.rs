//! The class view as a page of the app: the student files it keeps (read when it opens, queued and written when it changes) and the "Back to the class view" bar while a passage is shown.

use yew::prelude::*;

use super::dialogs::Dialog;
use super::{App, Msg};
use crate::domain::session::kv::StorageProblem;
use crate::domain::session::load::Overlay;
use crate::domain::session::queue::Write;
use crate::domain::storage;
use crate::ui::browser::storage::LocalKv;

impl App {
    /// Opens the class view (a new one; leaving key mode first) or closes it.
    pub(super) fn show_class(&mut self, open: bool) -> bool {
        if open && self.session.in_key_mode() {
            return self.key_mode(false);
        }
        if open {
            self.close_editor();
            self.set_pending(None);
        }
        let dialog = open.then(|| Dialog::Class { away: false, files: self.stored_class_files() });
        self.show(dialog);
        true
    }

    /// The class view is put away while a passage is shown.
    pub(super) fn class_away(&self) -> bool {
        matches!(self.dialog, Some(Dialog::Class { away: true, .. }))
    }

    /// Shows a passage in the article: the class view, if open, is put away, not closed.
    pub(super) fn open_passage(&mut self, start: usize, end: usize) -> bool {
        if !self.put_class_away(true) {
            self.dialog = None;
        }
        self.show_passage(start, end);
        true
    }

    /// Puts the open class view away (`true`) or back; whether it is open.
    pub(super) fn put_class_away(&mut self, put_away: bool) -> bool {
        let Some(Dialog::Class { away, .. }) = &mut self.dialog else { return false };
        *away = put_away;
        true
    }

    /// The student files kept for the open article, queued (storage was full) or stored; "" when none.
    pub(super) fn stored_class_files(&self) -> AttrValue {
        let key = storage::class_files_key(self.session.doc().hash());
        let queue = self.session.queue().borrow();
        let stored = Overlay { kv: &self.kv, queue: &queue }.get(&key);
        AttrValue::from(stored.ok().flatten().unwrap_or_default())
    }

    /// What the class view calls with its files to keep: they are queued and written at once (the
    /// queue keeps them if storage refuses, so they are retried and an opening still reads them);
    /// the answer is why they are not kept yet, or "".
    pub(super) fn keep_class_files(&self, ctx: &Context<Self>) -> Callback<String, String> {
        let key = storage::class_files_key(self.session.doc().hash());
        let queue = self.session.queue().clone();
        let queued = ctx.link().callback(|_| Msg::ClassFilesQueued);
        let texts = self.lang.class_page();
        Callback::from(move |files: String| {
            let written = match queue.try_borrow_mut() {
                Ok(mut queue) => {
                    queue.put(key.clone(), Write::Value(Some(files)));
                    queue.write_now(&mut LocalKv, &key)
                }
                // The app is writing the queue right now; it will write these with the rest.
                Err(_) => Ok(()),
            };
            queued.emit(());
            match written {
                Ok(()) => String::new(),
                Err(problem) => (texts.files_not_kept)(problem == StorageProblem::Full),
            }
        })
    }

    /// The bar that takes the person back to the class view while one of its passages is shown.
    pub(super) fn view_back_to_class(&self, ctx: &Context<Self>) -> Html {
        if self.session.in_key_mode() {
            return self.view_key_mode_bar(ctx);
        }
        if !self.class_away() {
            return html! {};
        }
        let t = self.lang.class_page();
        html! {
            <div class="back-to-class" role="region" aria-label={t.back_to_class}>
                <span>{t.showing_passage}</span>
                <button type="button" class="primary" onclick={ctx.link().callback(|_| Msg::BackToClass)}>{"← "}{t.back_to_class}</button>
            </div>
        }
    }
}
