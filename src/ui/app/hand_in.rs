//! Handing work in on a shared computer: "New student on this computer" (what would be lost, Export first, then this browser's Marginalia data cleared through the session and the sample reopened fresh).

use super::{App, Dialog};
use crate::domain::storage;
use crate::ui::browser::eviction;

/// The hand-in messages.
pub enum HandInMsg {
    /// Open (true) or close the "New student on this computer" dialog.
    ShowNewStudent(bool),
    /// Open the export dialog, which comes back here after the pack is exported.
    ExportFirst,
    /// Clear this browser's Marginalia data and reopen the sample, empty.
    StartFresh,
}

impl App {
    pub(super) fn update_hand_in(&mut self, msg: HandInMsg) -> bool {
        match msg {
            HandInMsg::ShowNewStudent(true) => self.show_new_student(),
            HandInMsg::ShowNewStudent(false) => self.show(None),
            HandInMsg::ExportFirst => self.show(Some(Dialog::Export { then_new_student: true })),
            HandInMsg::StartFresh => self.start_fresh(),
        }
        true
    }

    /// Opens "New student on this computer" with what starting fresh would lose now.
    pub(super) fn show_new_student(&mut self) {
        self.commit_all_notes();
        let unexported = self.session.unexported(&self.kv);
        self.show(Some(Dialog::NewStudent(unexported)));
    }

    /// Empties this browser's Marginalia for the next student: nothing queued is written back,
    /// every stored value goes (the interface language stays: it belongs to the computer), the
    /// name is forgotten, and the sample opens with nothing on it.
    fn start_fresh(&mut self) {
        self.note_drafts.clear();
        self.dialog = None;
        let fresh = self.session.start_fresh(&mut self.kv, self.sample.clone(), &[storage::LANG_KEY]);
        // The browser did not lose anything behind the app's back: no eviction notice next time.
        eviction::forget();
        self.evicted = None;
        self.reset_views();
        let h = self.lang.hand_in();
        match fresh.left {
            Some((left, _)) => self.set_notice((h.fresh_incomplete)(left)),
            None => self.set_notice(h.started_fresh.into()),
        }
        self.announce(h.started_fresh);
    }
}
