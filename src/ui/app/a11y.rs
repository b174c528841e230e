//! The app's keyboard and screen-reader layer: focus moved into panels and given back, paragraph descriptions of highlights, next/previous annotation, and what the caret reaches.

use crate::ui::browser::dom::{self, Element};
use uuid::Uuid;

use super::{App, EditorAt};
use crate::domain::annotation::spoken;
use crate::domain::annotation::store::Change;
use crate::ui::browser::{block_notes, focus};

/// What the app remembers between renders for keyboard and screen-reader users.
#[derive(Default)]
pub struct A11yState {
    /// Whether a modal dialog and the annotation editor were shown at the last render.
    modal_shown: bool,
    editor_shown: bool,
    toolbar_shown: bool,
    /// Whether the class view was put away (a passage of it shown) at the last render.
    class_away_shown: bool,
    /// Where focus was before a modal dialog or the editor opened, given back when it closes.
    return_to: Option<Element>,
    /// The annotation last reached by next/previous or by the caret, so each is announced once
    /// and annotations that start at the same place are stepped through one by one.
    reached: Option<Uuid>,
    /// The column (viewport x) a run of caret moves by line keeps, as text editors do.
    pub(super) line_goal: Option<f64>,
}

impl App {
    /// Runs after every render: focus goes into a dialog that just opened and comes back to
    /// where it was (or to the article) when a dialog or the editor closes and left it nowhere.
    pub(super) fn manage_focus(&mut self) {
        let modal = self.dialog_open();
        let class_away = self.class_away();
        let class_away_was = std::mem::replace(&mut self.a11y.class_away_shown, class_away);
        let editor = self.editor.is_some();
        let (modal_was, editor_was) = (self.a11y.modal_shown, self.a11y.editor_shown);
        let toolbar = self.pending.is_some();
        let toolbar_was = std::mem::replace(&mut self.a11y.toolbar_shown, toolbar);
        self.a11y.modal_shown = modal;
        self.a11y.editor_shown = editor;
        if toolbar_was && !toolbar && !modal && !editor && focus::active().is_none() {
            // The toolbar had focus and went away (Escape, or the selection was cleared).
            self.give_focus_back();
        }
        if modal != modal_was {
            if modal {
                let back_from_passage = class_away_was;
                if !back_from_passage {
                    self.a11y.return_to = focus::active();
                }
                // Back from a passage, the class view gave focus back where it was itself.
                let inside = |d: &Element| focus::active().is_some_and(|a| d.contains(Some(&a)));
                if let Some(dialog) = focus::modal().filter(|d| !(back_from_passage && inside(d))) {
                    focus::focus_first(&dialog);
                }
            } else if class_away {
                // A passage of the class view is shown: the way back is the first thing reached.
                if let Some(back) = focus::by_selector(".back-to-class button") {
                    focus::focus(&back);
                }
            } else {
                self.give_focus_back();
            }
        } else if !modal && editor != editor_was {
            if editor {
                self.a11y.return_to = focus::active().filter(|a| !self.in_editor(a));
            } else if focus::active().is_none() {
                // The editor had focus and went away (closed, or its annotation deleted).
                self.give_focus_back();
            } else {
                self.a11y.return_to = None;
            }
        }
    }

    fn in_editor(&self, element: &Element) -> bool {
        self.editor_ref.cast::<Element>().is_some_and(|e| e.contains(Some(element)))
    }

    /// Focuses what had focus before the panel opened, or else the article.
    fn give_focus_back(&mut self) {
        // A dialog opened from the phone's menu closed that menu: its button takes focus instead.
        // On a phone the list is a closed drawer by now, under the article: focus stays at the passage.
        let phone = self.phone_layout();
        let from_drawer = |e: &Element| phone && e.closest("#side-column").ok().flatten().is_some();
        let return_to = self.a11y.return_to.take().filter(|e| !from_drawer(e));
        let back = return_to.is_some_and(|e| {
            (focus::focus(&e) && focus::active().as_ref() == Some(&e))
                || (e.closest("#actions").ok().flatten().is_some() && self.focus_menu_button())
        });
        if !back {
            if let Some(article) = self.article_ref.cast::<Element>() {
                focus::focus_in_place(&article);
            }
        }
    }

    /// Describes every annotated paragraph for screen readers (after the article is painted).
    pub(super) fn describe_all_blocks(&self) {
        if let Some(dom) = self.dom() {
            block_notes::describe(
                dom,
                self.session.doc(),
                self.session.store(),
                self.session.tags(),
                self.t(),
                0..self.session.doc().blocks().len(),
            );
        }
    }

    /// Redescribes the paragraphs the changes touched, each once however many changes touched it.
    pub(super) fn describe_changes(&self, changes: &[Change]) {
        let Some(dom) = self.dom() else { return };
        // Inserted one by one: collecting into a `BTreeSet` compiles another copy of the standard
        // library's sort (`domain/text/sort.rs`).
        let mut touched = std::collections::BTreeSet::new();
        for change in changes {
            for a in change.before.iter().chain(change.after.iter()) {
                touched.extend(block_notes::blocks_of(self.session.doc(), a.target.start, a.target.end));
            }
        }
        for block in touched {
            block_notes::describe(
                dom,
                self.session.doc(),
                self.session.store(),
                self.session.tags(),
                self.t(),
                block..block + 1,
            );
        }
    }

    /// The document position of a collapsed caret in the article, if there is one.
    fn caret(&self) -> Option<usize> {
        let selection = dom::selection()?;
        if !selection.is_collapsed() {
            return None;
        }
        self.dom()?.char_at(self.session.doc(), &selection.anchor_node()?, selection.anchor_offset())
    }

    /// Alt+↓ / Alt+↑: moves the caret to the next or previous annotation, outlines its
    /// paragraph, marks it and announces its tags, quote and note.
    pub(super) fn step_annotation(&mut self, forward: bool) -> bool {
        let from = self.caret();
        let found = if forward {
            self.session.store().next_from(from.unwrap_or(0), self.a11y.reached)
        } else {
            self.session.store().previous_from(from.unwrap_or(usize::MAX), self.a11y.reached)
        };
        let Some((index, annotation)) = found else {
            let t = self.t();
            let message = if self.session.store().is_empty() {
                t.none_yet
            } else if forward {
                t.no_more_after
            } else {
                t.none_before
            };
            self.announce(message);
            return true;
        };
        let message = spoken::reached(annotation, self.session.tags(), index, self.session.store().len(), self.t());
        let (id, start, end) = (annotation.id, annotation.target.start, annotation.target.end);
        self.a11y.reached = Some(id);
        if let Some(block) = self.session.doc().block_index_at(start) {
            self.current_block = block;
            self.place_caret();
        }
        if let Some(dom) = self.dom() {
            if let Some((node, offset)) = dom
                .range(self.session.doc(), start, start)
                .and_then(|r| Some((r.start_container().ok()?, r.start_offset().ok()?)))
            {
                dom::place_caret(&node, offset);
            }
        }
        if let Some(painter) = &self.painter {
            painter.set_active(self.session.doc(), &[(start, end)]);
        }
        self.announce(&message);
        true
    }

    /// Enter in the article: opens the editor on the annotations at the caret, focused.
    pub(super) fn edit_at_caret(&mut self) -> bool {
        let Some(pos) = self.caret() else { return false };
        let ids: Vec<Uuid> = self.session.store().at(pos).iter().map(|a| a.id).collect();
        let Some(first) = ids.first().and_then(|id| self.session.store().get(id)) else { return false };
        let (start, end) = (first.target.start, first.target.end);
        self.commit_all_notes();
        let (top, left) = self.below_span(start, end);
        self.editor = Some(EditorAt { ids, top, left });
        self.focus_editor = true;
        self.refresh_active();
        true
    }

    /// Ctrl+↓ / Ctrl+↑ say which paragraph the caret is in and what is highlighted there.
    pub(super) fn announce_block(&mut self) {
        let index = self.current_block;
        let Some(block) = self.session.doc().blocks().get(index) else { return };
        let here = self.session.store().overlapping(block.start, block.end);
        let mut message = (self.t().paragraph_of)(index + 1, self.session.doc().blocks().len());
        if let Some(description) = spoken::block_description(here.iter().copied(), self.session.tags(), self.t()) {
            message.push_str(&format!(". {description}"));
        }
        // The caret lands at the paragraph's start: what it lands in is already said.
        self.a11y.reached = self.session.store().at(block.start).last().map(|a| a.id);
        self.announce(&message);
    }

    /// A new selection says what it is and how to tag it; extending it stays quiet.
    pub(super) fn announce_selection(&mut self) {
        let keys: Vec<String> = (0..self.session.tags().tags.len())
            .filter_map(|i| self.session.tags().hotkey_at(i))
            .map(String::from)
            .collect();
        let message = match keys.as_slice() {
            [] => self.t().selection_ready.to_string(),
            _ => (self.t().selection_ready_keys)(&keys.join(", ")),
        };
        self.announce(&message);
    }

    /// A caret that moves into a highlight (caret browsing, next/previous, a click) announces it once.
    /// Returns whether it announced something.
    pub(super) fn announce_caret(&mut self) -> bool {
        let Some(pos) = self.caret() else { return false };
        let here = self.session.store().at(pos);
        let Some(annotation) = here.last() else {
            self.a11y.reached = None;
            return false;
        };
        if self.a11y.reached.is_some_and(|id| here.iter().any(|a| a.id == id)) {
            return false;
        }
        let message = spoken::summary(annotation, self.session.tags(), self.t());
        self.a11y.reached = Some(annotation.id);
        self.announce(&message);
        true
    }
}
