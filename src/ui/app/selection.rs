//! The selection and the editor: reading the browser selection as a snapped passage, placing the toolbar and the editor, and opening annotations from a click or the list.

use crate::ui::browser::dom::{self, Element};
use uuid::Uuid;
use yew::prelude::*;

use super::*;

impl App {
    pub(super) fn dom(&self) -> Option<&DomText> {
        self.painter.as_ref().map(Painter::dom)
    }

    /// Reads the browser selection, snaps it to words and shows or hides the toolbar.
    pub(super) fn selection_changed(&mut self) -> bool {
        if self.pointer_down || self.focus_within(&self.toolbar_ref) || self.focus_within(&self.editor_ref) {
            return false;
        }
        let Some(dom) = self.dom() else { return false };
        let live = dom.selection(self.session.doc());
        let Some((start, end)) = live.and_then(|(s, e)| self.session.doc().snap_selection(s, e)) else {
            let announced = self.announce_caret();
            return self.set_pending(None) || announced;
        };
        if self.pending.is_some_and(|p| (p.start, p.end) == (start, end)) {
            return false;
        }
        // Show the widening to whole words in the page; but only trimming white space leaves the
        // native selection alone, so a keyboard user extending word by word is never pulled back.
        if live.is_some_and(|(s, e)| start < s || end > e) {
            dom.select(self.session.doc(), start, end);
        }
        let (top, left) = self.below_span(start, end);
        self.editor = None;
        let fresh = self.pending.is_none();
        let changed = self.set_pending(Some(Pending { start, end, top, left }));
        if fresh && changed {
            self.announce_selection();
        }
        changed
    }

    pub(super) fn set_pending(&mut self, pending: Option<Pending>) -> bool {
        if self.pending == pending {
            return false;
        }
        if pending.is_none() {
            self.note_draft.clear();
        }
        self.pending = pending;
        if let Some(painter) = &self.painter {
            painter.set_pending(self.session.doc(), pending.map(|p| (p.start, p.end)));
        }
        true
    }

    /// Page coordinates for a panel next to the passage `[start, end)`: below it, or above it
    /// when there is no room below, and always inside the viewport's width.
    pub(super) fn below_span(&self, start: usize, end: usize) -> (f64, f64) {
        let dom::Viewport { scroll_x, scroll_y, width, height } = dom::viewport();
        let rect =
            self.dom().and_then(|d| d.range(self.session.doc(), start, end)).map(|r| r.get_bounding_client_rect());
        let (top, bottom, left) = rect.map_or((0.0, 0.0, 0.0), |r| (r.top(), r.bottom(), r.left()));
        let max_left = (width - PANEL_WIDTH - 8.0).max(8.0);
        let room_below = height - bottom > PANEL_HEIGHT + 16.0;
        let room_above = top > PANEL_HEIGHT + 72.0;
        let y = if room_below || !room_above { bottom + 8.0 } else { top - PANEL_HEIGHT - 8.0 };
        (y + scroll_y, left.clamp(8.0, max_left) + scroll_x)
    }

    pub(super) fn focus_within(&self, node_ref: &NodeRef) -> bool {
        let active = focus::active();
        match (node_ref.cast::<Element>(), active) {
            (Some(container), Some(active)) => container.contains(Some(&active)),
            _ => false,
        }
    }

    pub(super) fn open_at_point(&mut self, x: f64, y: f64) -> bool {
        if self.pending.is_some() {
            return false;
        }
        let Some(pos) = self.dom().and_then(|d| d.char_at_point(self.session.doc(), x, y)) else { return false };
        let ids: Vec<Uuid> = self.session.store().at(pos).iter().map(|a| a.id).collect();
        self.commit_all_notes();
        if ids.is_empty() {
            self.close_editor();
            return true;
        }
        let first = self.session.store().get(&ids[0]).map(|a| (a.target.start, a.target.end)).unwrap_or((pos, pos + 1));
        let (top, left) = self.below_span(first.0, first.1);
        self.editor = Some(EditorAt { ids, top, left });
        self.refresh_active();
        true
    }

    pub(super) fn open_from_list(&mut self, id: Uuid) -> bool {
        let Some((start, end)) = self.session.store().get(&id).map(|a| (a.target.start, a.target.end)) else {
            return false;
        };
        self.commit_all_notes();
        self.set_pending(None);
        // On a phone the list is a drawer over the article: it makes way for the passage.
        self.phone.panel_open = false;
        if let Some(dom) = self.dom() {
            if let Some(element) = self.session.doc().block_index_at(start).and_then(|i| dom.block_element(i)) {
                dom::scroll_into_view(&element, true);
            }
        }
        if let Some(painter) = &self.painter {
            painter.flash(self.session.doc(), start, end);
        }
        let (top, left) = self.below_span(start, end);
        self.editor = Some(EditorAt { ids: vec![id], top, left });
        self.focus_editor = true;
        self.refresh_active();
        true
    }

    /// Scrolls the passage's paragraph into view and flashes the passage (from the class view).
    pub(super) fn show_passage(&mut self, start: usize, end: usize) {
        if let Some(element) =
            self.dom().and_then(|dom| self.session.doc().block_index_at(start).and_then(|i| dom.block_element(i)))
        {
            dom::scroll_into_view(&element, true);
        }
        if let Some(painter) = &self.painter {
            painter.flash(self.session.doc(), start, end);
        }
    }

    pub(super) fn close_editor(&mut self) {
        self.commit_all_notes();
        self.editor = None;
        self.refresh_active();
    }

    pub(super) fn refresh_active(&self) {
        let Some(painter) = &self.painter else { return };
        let spans: Vec<(usize, usize)> = self
            .editor
            .iter()
            .flat_map(|e| e.ids.iter())
            .filter_map(|id| self.session.store().get(id))
            .map(|a| (a.target.start, a.target.end))
            .collect();
        painter.set_active(self.session.doc(), &spans);
    }
}
