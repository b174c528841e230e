//! The keyboard caret in the focused article: ← → by character (Ctrl: by word), ↑ ↓ by line, Home and End to the line's edges, Shift to extend the selection, and what each move lets the screen reader hear.
//!
//! The window's selection is the caret (its focus) and the selection (anchor to focus), so a
//! click, Alt+↓ or Ctrl+↓ put the caret where the keys go on from. Moves by character and word are
//! `domain::article::caret`'s, over the text; moves by line are `browser::lines`', over the layout.

use crate::ui::browser::dom::KeyboardEvent;

use super::App;
use crate::domain::annotation::spoken::shorten;
use crate::domain::article::caret::{self, block_of, forward_for_arrow, selection_change, SelectionChange, Unit};
use crate::ui::browser::lines;

/// Longest text read for one move, in characters.
const SPOKEN_CHARS: usize = 160;

/// What a caret key asks for.
#[derive(Clone, Copy, PartialEq)]
enum Move {
    /// ← or → (`right`), by grapheme or by word.
    Step { unit: Unit, right: bool },
    /// ↑ or ↓.
    Line { down: bool },
    /// Home or End.
    Edge { end: bool },
}

impl App {
    /// Handles ← → ↑ ↓ Home End (with Shift, and Ctrl for words) in the focused article; returns
    /// `None` for any other key, else whether the view changed.
    pub(super) fn caret_key(&mut self, event: &KeyboardEvent, key: &str, ctrl: bool) -> Option<bool> {
        if event.alt_key() {
            return None;
        }
        let unit = if ctrl { Unit::Word } else { Unit::Grapheme };
        let wanted = match (key, ctrl) {
            ("ArrowRight" | "ArrowLeft", _) => Move::Step { unit, right: key == "ArrowRight" },
            ("ArrowDown" | "ArrowUp", false) => Move::Line { down: key == "ArrowDown" },
            ("Home" | "End", false) => Move::Edge { end: key == "End" },
            _ => return None,
        };
        event.prevent_default();
        let extend = event.shift_key();
        let doc = self.session.doc().clone();
        let current_start = doc.blocks().get(self.current_block).map_or(0, |b| b.start);
        let line_goal = self.a11y.line_goal;
        let dom = self.dom()?;
        // No caret in the article yet: start at the current paragraph's start.
        let (anchor, focus) = dom.anchor_focus(&doc).unwrap_or((current_start, current_start));
        let mut goal = None;
        let mut line = None;
        let to = match wanted {
            Move::Step { unit, right } => {
                let rtl = block_of(&doc, focus).and_then(|i| dom.block_element(i)).is_some_and(|e| lines::is_rtl(&e));
                let forward = forward_for_arrow(right, rtl);
                match (extend, anchor != focus, unit) {
                    // ← or → on a selection goes to its edge, as in a text field.
                    (false, true, Unit::Grapheme) if forward => anchor.max(focus),
                    (false, true, Unit::Grapheme) => anchor.min(focus),
                    _ => caret::step(&doc, focus, unit, forward),
                }
            }
            Move::Line { down } => match lines::vertical(dom, &doc, focus, line_goal, down) {
                Some(moved) => {
                    goal = Some(moved.goal);
                    line = Some((moved.line.start, moved.line.caret_end(&doc)));
                    moved.at
                }
                None => focus,
            },
            Move::Edge { end } => lines::edge(dom, &doc, focus, end).unwrap_or(focus),
        };
        dom.set_selection(&doc, if extend { anchor } else { to }, to);
        // A run of line moves keeps its column; any other move starts a new one.
        self.a11y.line_goal = goal;
        if let Some(block) = block_of(&doc, to).filter(|&b| b != self.current_block) {
            self.current_block = block;
            self.outline_block();
        }
        let before = self.pending.map(|p| (p.start, p.end));
        let heard = self.announcement.clone();
        self.selection_changed();
        let after = self.pending.map(|p| (p.start, p.end));
        let caret_texts = self.lang.caret();
        let said = if extend {
            match selection_change(before, after) {
                Some(SelectionChange::Selected(s, e)) => (caret_texts.selected)(&spoken(doc.slice(s, e))),
                Some(SelectionChange::Unselected(s, e)) => (caret_texts.unselected)(&spoken(doc.slice(s, e))),
                None => self.reached_text(to),
            }
        } else {
            match (wanted, line) {
                (Move::Line { .. }, Some((start, end))) if start < end => spoken(doc.slice(start, end)),
                (Move::Step { unit: Unit::Word, .. }, _)
                    if !spoken(doc.slice(focus.min(to), focus.max(to))).is_empty() =>
                {
                    spoken(doc.slice(focus.min(to), focus.max(to)))
                }
                _ => self.reached_text(to),
            }
        };
        // What the selection itself announced (a highlight entered, the keys that tag a new
        // selection) follows what the move reached.
        let also = (self.announcement != heard).then(|| self.announcement.trim_end_matches('\u{a0}').to_string());
        let message = match also {
            Some(also) if !also.is_empty() => format!("{said}. {also}"),
            _ => said,
        };
        self.announce(&message);
        Some(true)
    }

    /// What a caret at `at` reaches: the character after it ("space" for white space), or the end of the paragraph.
    fn reached_text(&self, at: usize) -> String {
        let doc = self.session.doc();
        let texts = self.lang.caret();
        let next = caret::step(doc, at, Unit::Grapheme, true);
        let at_end = block_of(doc, at).is_some_and(|i| doc.blocks()[i].end == at);
        if at_end || next <= at {
            return texts.end_of_paragraph.to_string();
        }
        let grapheme = doc.slice(at, next);
        if grapheme.trim().is_empty() {
            texts.space.to_string()
        } else {
            grapheme.to_string()
        }
    }
}

/// Text as it is read out: white space (a paragraph break too) as single spaces, shortened.
fn spoken(text: &str) -> String {
    shorten(&text.split_whitespace().collect::<Vec<_>>().join(" "), SPOKEN_CHARS)
}
