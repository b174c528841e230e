//! Reads what a paste puts on the clipboard (its `text/html` and `text/plain`), in the New article dialog and on the page.
//!
//! The HTML is only ever parsed by the inert DOMParser (html_parse) and copied into the domain's
//! text model; nothing of it is inserted into the page.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, Element};
use yew::Callback;

use crate::ui::new_article::Pasted;

/// The most HTML a paste may hold (a long article is a few hundred kilobytes of markup).
const MAX_PASTED_HTML: usize = 10 * 1024 * 1024;

/// What a paste event carries (see [`clipboard`]); `None` for any other event.
pub fn clipboard_of(event: &web_sys::Event) -> Option<(Option<String>, String)> {
    wasm_bindgen::JsCast::dyn_ref::<ClipboardEvent>(event).map(clipboard)
}

/// The clipboard's HTML and plain text of a paste event; the HTML only when there is some.
pub fn clipboard(event: &ClipboardEvent) -> (Option<String>, String) {
    let Some(data) = event.clipboard_data() else { return (None, String::new()) };
    let html = data.get_data("text/html").ok().filter(|h| !h.trim().is_empty() && h.len() <= MAX_PASTED_HTML);
    (html, data.get_data("text/plain").unwrap_or_default())
}

/// Whether the event happened where typing goes (a field, or editable content), so a paste there is the field's.
fn in_field(event: &ClipboardEvent) -> bool {
    event.target().and_then(|t| t.dyn_into::<Element>().ok()).is_some_and(|el| {
        let editable = el.closest("input, textarea, select, [contenteditable]").ok().flatten().is_some();
        editable || el.tag_name().eq_ignore_ascii_case("input") || el.tag_name().eq_ignore_ascii_case("textarea")
    })
}

/// A paste anywhere on the page outside a field becomes a new article (its HTML, else its text).
pub fn page_listener(on_paste: Callback<Pasted>) -> Option<EventListener> {
    let document = web_sys::window()?.document()?;
    Some(EventListener::new_with_options(
        &document,
        "paste",
        EventListenerOptions::enable_prevent_default(),
        move |event| {
            let Some(event) = event.dyn_ref::<ClipboardEvent>() else { return };
            if in_field(event) {
                return;
            }
            let (html, text) = clipboard(event);
            if html.is_none() && text.trim().is_empty() {
                return;
            }
            event.prevent_default();
            on_paste.emit(Pasted { text, html, title: String::new(), source: String::new() });
        },
    ))
}
