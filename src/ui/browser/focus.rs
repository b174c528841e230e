//! Keyboard focus around dialogs and panels: move it in when one opens, keep Tab inside a modal, and give it back when it closes.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};

/// What can take focus by Tab inside a panel.
const FOCUSABLE: &str =
    "button:not([disabled]), [href], input:not([disabled]):not([type=hidden]):not([tabindex='-1']), \
    select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The focused element, if it is not the page itself.
pub fn active() -> Option<Element> {
    let document = document()?;
    let active = document.active_element()?;
    let body: Option<Element> = document.body().map(Into::into);
    (Some(&active) != body.as_ref()).then_some(active)
}

/// Focuses `element` if it is still in the page; returns whether it did.
pub fn focus(element: &Element) -> bool {
    if !element.is_connected() {
        return false;
    }
    element.dyn_ref::<HtmlElement>().is_some_and(|e| e.focus().is_ok())
}

/// Focuses `element` where it is, without scrolling: the article is taller than the screen, and
/// giving it focus back must not jump to its top.
pub fn focus_in_place(element: &Element) -> bool {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    element.dyn_ref::<HtmlElement>().is_some_and(|e| e.focus_with_options(&options).is_ok())
}

/// The open modal dialog, if any (the last one in the page is on top).
pub fn modal() -> Option<Element> {
    let list = document()?.query_selector_all("[aria-modal='true']").ok()?;
    // The last one shown: the class view put away (hidden) while a passage is shown holds no focus.
    (0..list.length())
        .rev()
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .find(|e| e.get_client_rects().length() > 0)
}

fn focusables(container: &Element) -> Vec<HtmlElement> {
    let Ok(list) = container.query_selector_all(FOCUSABLE) else { return Vec::new() };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        // Hidden ones (display: none, or in a closed section) have no layout box.
        .filter(|e| e.get_client_rects().length() > 0)
        .collect()
}

/// The first element `selector` matches in the page.
pub fn by_selector(selector: &str) -> Option<Element> {
    document()?.query_selector(selector).ok().flatten()
}

/// Moves focus into `container`: its `[autofocus]` element, else its first focusable one.
pub fn focus_first(container: &Element) {
    let wanted = container.query_selector("[autofocus]").ok().flatten().and_then(|e| e.dyn_into::<HtmlElement>().ok());
    if let Some(element) = wanted.or_else(|| focusables(container).into_iter().next()) {
        let _ = element.focus();
    }
}

/// Tab and Shift+Tab cycle inside the open modal dialog, as in the WAI-ARIA dialog pattern
/// (Escape closes it, so this is no trap). Returns whether the key was handled.
pub fn contain_tab(event: &KeyboardEvent) -> bool {
    if event.key() != "Tab" || event.ctrl_key() || event.alt_key() || event.meta_key() {
        return false;
    }
    let Some(dialog) = modal() else { return false };
    let items = focusables(&dialog);
    let (Some(first), Some(last)) = (items.first(), items.last()) else { return false };
    let current = active();
    let inside = current.as_ref().is_some_and(|a| dialog.contains(Some(a)));
    let at = |e: &HtmlElement| current.as_ref().is_some_and(|a| a == e.unchecked_ref::<Element>());
    let target = match (inside, event.shift_key()) {
        (false, false) => first,
        (false, true) => last,
        (true, false) if at(last) => first,
        (true, true) if at(first) => last,
        _ => return false,
    };
    event.prevent_default();
    let _ = target.focus();
    true
}

/// The last line of the modal's focus trap, for a `focusin` anywhere in the page: when focus lands
/// outside the open modal dialog (on a tab stop the list above does not know, such as a scrollable
/// box Chromium makes focusable, or after the focused control was re-rendered away), it goes back
/// in: to the last control when it left backwards (it landed before the dialog), else the first.
pub fn keep_in_modal(event: &web_sys::Event) {
    let Some(dialog) = modal() else { return };
    let Some(landed) = event.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok()) else { return };
    if dialog.contains(Some(&landed)) {
        return;
    }
    let items = focusables(&dialog);
    let landed_before = landed.compare_document_position(&dialog) & web_sys::Node::DOCUMENT_POSITION_FOLLOWING != 0;
    let target = if landed_before { items.last() } else { items.first() };
    if let Some(target) = target {
        let _ = target.focus();
    }
}
