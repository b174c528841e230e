//! The visible keyboard caret: browsers draw no caret in text that cannot be edited (unless caret browsing is on), so a thin bar follows the selection's focus while the article has keyboard focus.
//!
//! One `<div class="text-caret">` at the end of the body, placed through the CSSOM (the page's
//! policy refuses `style` attributes). It shows only while the article is focused by keyboard (it
//! was reached by Tab, or a key was pressed since the last pointer press), so a mouse or touch
//! reader never sees it, and it is redrawn on every selection change, focus change and resize.

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

/// The article element's id (`ui/article.rs`).
const ARTICLE_ID: &str = "article";

/// Creates the caret and the listeners that keep it in place, for the life of the page.
pub fn install() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = document.body() else { return };
    let Ok(caret) = document.create_element("div") else { return };
    caret.set_class_name("text-caret");
    let _ = caret.set_attribute("aria-hidden", "true");
    let _ = caret.set_attribute("hidden", "");
    let _ = body.append_child(&caret);
    let Ok(caret) = caret.dyn_into::<HtmlElement>() else { return };
    let keyboard = Cell::new(false);
    let page = document.clone();
    let handler = Rc::new(move |event: &web_sys::Event| {
        let kind = event.type_();
        match kind.as_str() {
            "keydown" => keyboard.set(true),
            "pointerdown" => keyboard.set(false),
            _ => {}
        }
        // Only a moved selection scrolls the caret into view: Page Down or Space must scroll freely.
        place(&page, &caret, keyboard.get(), kind == "selectionchange");
    });
    let Some(window) = web_sys::window() else { return };
    let targets: [(&web_sys::EventTarget, &'static str); 6] = [
        (&document, "selectionchange"),
        (&document, "focusin"),
        (&document, "focusout"),
        (&document, "keydown"),
        (&document, "pointerdown"),
        (&window, "resize"),
    ];
    for (target, name) in targets {
        let handler = handler.clone();
        EventListener::new(target, name, move |event| handler(event)).forget();
    }
}

/// Shows the caret at the selection's focus when the article has keyboard focus; hides it otherwise.
fn place(document: &Document, caret: &HtmlElement, keyboard: bool, moved: bool) {
    match where_caret(document, keyboard) {
        Some((top, left, height)) => {
            let style = caret.style();
            let _ = style.set_property("top", &format!("{top:.1}px"));
            let _ = style.set_property("left", &format!("{left:.1}px"));
            let _ = style.set_property("height", &format!("{height:.1}px"));
            caret.set_hidden(false);
            if moved {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                caret.scroll_into_view_with_scroll_into_view_options(&options);
            }
        }
        None => caret.set_hidden(true),
    }
}

/// The caret's box in page pixels (top, left, height), if it should show.
fn where_caret(document: &Document, keyboard: bool) -> Option<(f64, f64, f64)> {
    let article: Element = document.active_element().filter(|e| e.id() == ARTICLE_ID)?;
    if !keyboard && !article.matches(":focus-visible").unwrap_or(false) {
        return None;
    }
    let selection = document.get_selection().ok()??;
    let node = selection.focus_node()?;
    if !article.contains(Some(&node)) {
        return None;
    }
    let offset = selection.focus_offset();
    let range = document.create_range().ok()?;
    range.set_start(&node, offset).ok()?;
    range.collapse_with_to_start(true);
    let mut rect = range.get_bounding_client_rect();
    let mut x = rect.left();
    if rect.height() == 0.0 {
        // Some positions (a block's edge) have no box of their own: use the next character's
        // leading side or the previous one's trailing side.
        let length = node.dyn_ref::<web_sys::Text>().map_or(0, |t| t.length());
        if offset < length {
            range.set_end(&node, offset + 1).ok()?;
            rect = range.get_bounding_client_rect();
            x = if rtl(&node) { rect.right() } else { rect.left() };
        } else if offset > 0 {
            range.set_start(&node, offset - 1).ok()?;
            range.set_end(&node, offset).ok()?;
            rect = range.get_bounding_client_rect();
            x = if rtl(&node) { rect.left() } else { rect.right() };
        }
    }
    if rect.height() == 0.0 {
        return None;
    }
    let window = web_sys::window()?;
    let (scroll_x, scroll_y) = (window.scroll_x().ok()?, window.scroll_y().ok()?);
    Some((rect.top() + scroll_y, x + scroll_x - 1.0, rect.height()))
}

/// Whether the text around `node` runs right to left.
fn rtl(node: &web_sys::Node) -> bool {
    node.parent_element().is_some_and(|e| super::lines::is_rtl(&e))
}
