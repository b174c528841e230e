//! The keyboard: shortcuts (undo, redo, tag keys, help) and annotating in the focused article (paragraph moves, the caret keys of `caret_keys.rs`).

use crate::ui::browser::dom::{self, Element, HtmlElement as DomElement, KeyboardEvent};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::*;

impl App {
    pub(super) fn key_down(&mut self, ctx: &Context<Self>, event: &KeyboardEvent) -> bool {
        let key = event.key();
        let ctrl = event.ctrl_key() || event.meta_key();
        let target = event.target().and_then(|t| t.dyn_into::<Element>().ok());
        let in_field = target.as_ref().is_some_and(is_text_field);
        if key == "Escape" {
            if self.dialog_open() {
                self.dialog = None;
            } else if self.editor.is_some() {
                self.close_editor();
            } else if self.pending.is_some() {
                dom::clear_selection();
                self.set_pending(None);
            }
            return true;
        }
        if self.dialog_open() {
            // Tab inside the dialog was handled where the event arrived (document_listeners).
            return false;
        }
        if ctrl && !event.alt_key() && !in_field && (key.eq_ignore_ascii_case("z") || key.eq_ignore_ascii_case("y")) {
            event.prevent_default();
            let redo = key.eq_ignore_ascii_case("y") || event.shift_key();
            ctx.link().send_message(if redo { Msg::Redo } else { Msg::Undo });
            return false;
        }
        if in_field {
            return false;
        }
        // A key can arrive before the browser reports the last selection change (a fast Shift+→
        // then 1 or Tab); read the selection now so the key acts on what the user sees.
        let changed = self.selection_changed();
        let plain = !ctrl && !event.alt_key();
        if plain && self.pending.is_some() {
            let mut chars = key.chars();
            let single = chars.next().filter(|_| chars.next().is_none());
            if let Some(tag) = single.and_then(|c| self.session.tags().by_key(c)) {
                event.prevent_default();
                ctx.link().send_message(Msg::CreateWithTag(tag.id.clone()));
                return changed;
            }
        }
        if plain && key == "?" {
            self.dialog = Some(Dialog::Help);
            return true;
        }
        let on_article = match (&target, self.article_ref.cast::<Element>()) {
            (Some(t), Some(article)) => article.contains(Some(t)),
            _ => false,
        };
        if on_article {
            return self.article_key(event, &key, ctrl) || changed;
        }
        changed
    }

    /// Keyboard annotating inside the focused article: next/previous annotation, editing, the caret, paragraph moves.
    pub(super) fn article_key(&mut self, event: &KeyboardEvent, key: &str, ctrl: bool) -> bool {
        let only_alt = event.alt_key() && !ctrl && !event.shift_key();
        if only_alt && matches!(key, "ArrowDown" | "ArrowUp") {
            event.prevent_default();
            return self.step_annotation(key == "ArrowDown");
        }
        let plain_enter = key == "Enter" && !ctrl && !event.alt_key() && !event.shift_key();
        if plain_enter && self.pending.is_none() && self.edit_at_caret() {
            event.prevent_default();
            return true;
        }
        if let Some(changed) = self.caret_key(event, key, ctrl) {
            return changed;
        }
        match (key, ctrl, event.shift_key()) {
            ("ArrowDown" | "ArrowUp", true, false) => {
                event.prevent_default();
                let last = self.session.doc().blocks().len().saturating_sub(1);
                self.current_block = if key == "ArrowDown" {
                    (self.current_block + 1).min(last)
                } else {
                    self.current_block.saturating_sub(1)
                };
                self.place_caret();
                self.announce_block();
                true
            }
            ("Tab", false, false) if self.pending.is_some() => {
                // Tab from a selection goes straight to its toolbar instead of the sidebar.
                if let Some(button) =
                    self.toolbar_ref.cast::<Element>().and_then(|t| t.query_selector("button").ok().flatten())
                {
                    event.prevent_default();
                    let _ = button.unchecked_into::<DomElement>().focus();
                }
                false
            }
            _ => false,
        }
    }

    /// Puts a collapsed selection at the start of the current paragraph, outlines it and scrolls to it.
    pub(super) fn place_caret(&self) {
        let Some(dom) = self.dom() else { return };
        let Some(element) = self.outline_block() else { return };
        dom::scroll_into_view(&element, false);
        dom.place_caret(self.current_block);
    }

    /// Outlines the current paragraph (and no other); returns its element.
    pub(super) fn outline_block(&self) -> Option<Element> {
        let dom = self.dom()?;
        if let Some(root) = self.article_ref.cast::<Element>() {
            if let Ok(previous) = root.query_selector_all(".current-block") {
                for i in 0..previous.length() {
                    if let Some(element) = previous.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                        let _ = element.class_list().remove_1("current-block");
                    }
                }
            }
        }
        let element = dom.block_element(self.current_block)?;
        let _ = element.class_list().add_1("current-block");
        Some(element)
    }
}

/// True for elements where keys type text, so shortcuts must leave them alone.
pub(super) fn is_text_field(element: &Element) -> bool {
    let tag = element.tag_name();
    matches!(tag.as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || element.dyn_ref::<DomElement>().is_some_and(|e| e.is_content_editable())
}
