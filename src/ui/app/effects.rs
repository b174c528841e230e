//! Annotating and carrying out what an operation changed: create, retag, notes, and painting, describing, restyling, announcing and saving the effects.

use crate::ui::browser::dom::{self, HtmlElement as DomElement};
use uuid::Uuid;

use super::*;

impl App {
    pub(super) fn create(&mut self, tag: TagId) -> bool {
        let Some(pending) = self.pending else {
            self.announce(self.t().select_text_first);
            return true;
        };
        clock::mark("marginalia:create-start");
        let result = self.session.create(
            pending.start,
            pending.end,
            tag.clone(),
            &self.note_draft,
            clock::new_id(),
            clock::now(),
        );
        if self.carry_out(result, self.t().annotation_created) {
            clock::mark("marginalia:create-painted");
            dom::clear_selection();
            self.set_pending(None);
            // Focus was in the toolbar, which now goes away: hand it back to the article.
            if self.focus_within(&self.toolbar_ref) {
                if let Some(article) = self.article_ref.cast::<DomElement>() {
                    let _ = article.focus();
                }
            }
            self.announce(&(self.t().tagged_as)(self.session.tags().name_of(&tag)));
        }
        true
    }

    pub(super) fn toggle_tag(&mut self, id: Uuid, tag: TagId) -> bool {
        let result = self.session.toggle_tag(id, tag, clock::now());
        self.carry_out(result, self.t().tags_changed);
        true
    }

    pub(super) fn commit_note(&mut self, id: Uuid) {
        let Some(draft) = self.note_drafts.remove(&id) else { return };
        let result = self.session.set_note(id, &draft, clock::now());
        if result.as_ref().is_ok_and(|e| e.changes.is_empty()) {
            // The same note: nothing to save or announce.
        } else if !self.carry_out(result, self.t().note_saved) {
            // Refused (too long): the text stays in the editor rather than vanish.
            self.note_drafts.insert(id, draft);
        }
        // Another tab's change held back while the note was typed.
        self.pull(id);
    }

    pub(super) fn commit_all_notes(&mut self) {
        let ids: Vec<Uuid> = self.note_drafts.keys().copied().collect();
        for id in ids {
            self.commit_note(id);
        }
    }

    /// Carries out what an operation changed: repaints and redescribes its annotations,
    /// restyles the tags, keeps the editor and lists in step, announces the last change with
    /// `verb`, and books the save. A refused operation shows why. Returns whether it was applied.
    pub(super) fn carry_out(&mut self, result: Result<Effects, SessionError>, verb: &str) -> bool {
        match result {
            Ok(effects) => {
                let spoken = effects.changes.last().map(|change| {
                    let annotation = change.after.as_ref().or(change.before.as_ref());
                    annotation.map(|a| excerpt(&a.target.exact, 60)).unwrap_or_default()
                });
                let changed = !effects.is_empty();
                self.carry_out_quietly(effects);
                if changed {
                    self.announce(&(self.t().change_spoken)(verb, &spoken.unwrap_or_default()));
                }
                true
            }
            Err(error) => {
                self.notice = Some(error.message(self.t()));
                false
            }
        }
    }

    /// [`Self::carry_out`] without an announcement (a setting, the teacher's key).
    pub(super) fn carry_out_quietly(&mut self, effects: Effects) {
        self.apply_effects(effects);
        self.save_soon();
    }

    /// Shows what changed (a flush, another tab, or an operation), without booking a save.
    pub(super) fn apply_effects(&mut self, effects: Effects) {
        if effects.tags {
            // Highlights are registered per tag position, so the painter is rebuilt for the new set.
            self.painter = None;
            self.needs_painter = true;
        } else if let Some(painter) = &mut self.painter {
            if effects.layer {
                // Key mode entered or left: the other layer's highlights replace these.
                painter.repaint(self.session.doc(), self.session.store());
            }
            for change in &effects.changes {
                painter.apply(self.session.doc(), self.session.store(), change);
            }
        }
        if effects.layer {
            self.describe_all_blocks();
        } else if !effects.changes.is_empty() || effects.tags {
            self.describe_changes(&effects.changes);
        }
        if effects.clashed {
            self.set_notice(self.t().changed_in_other_tab.into());
        }
        self.keep_views_in_step();
        if effects.presets {
            // The preset chosen last may have changed (here, by an undo, or in another tab).
            self.name_default_tags();
        }
    }

    /// After the session changed: the sidebar listing and the tag impacts are worked out again
    /// on the next render, the open editor drops annotations that are gone (closing when none
    /// is left), and the active marks follow.
    pub(super) fn keep_views_in_step(&mut self) {
        self.listing.replace(None);
        self.impacts.replace(None);
        if let Some(editor) = &mut self.editor {
            editor.ids.retain(|id| self.session.store().get(id).is_some());
            if editor.ids.is_empty() {
                self.editor = None;
            }
        }
        self.refresh_active();
    }
}

/// The page-wide state every part of the shell reads or sets: the open dialog, the notice, the texts, the live region.
impl App {
    /// True while a modal dialog covers the page.
    pub(super) fn dialog_open(&self) -> bool {
        // The class view put away to show a passage leaves the article to the person.
        self.dialog.is_some() && !self.class_away()
    }

    pub(super) fn set_notice(&mut self, message: String) {
        self.notice = Some(message);
        self.notice_action = None;
    }

    /// The texts of the UI language.
    pub(super) fn t(&self) -> &'static Texts {
        self.lang.texts()
    }

    pub(super) fn announce(&mut self, message: &str) {
        // The same words again must still change the live region, or screen readers stay silent.
        self.announcement = if self.announcement == message { format!("{message}\u{a0}") } else { message.to_string() };
    }
}
