//! Form fields as the components use them: the value, check state or chosen files of the field an event came from, and reading, clearing and opening a field by its `NodeRef`.

use wasm_bindgen::JsCast;
use web_sys::{Event, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::NodeRef;

use super::files::files_of;

/// A file the person chose, handed to the readers as it is.
pub type File = web_sys::File;

/// The text in the input, textarea or select that `event` came from (empty for anything else).
pub fn value(event: &Event) -> String {
    let Some(target) = event.target() else { return String::new() };
    if let Some(input) = target.dyn_ref::<HtmlInputElement>() {
        input.value()
    } else if let Some(text) = target.dyn_ref::<HtmlTextAreaElement>() {
        text.value()
    } else {
        target.dyn_ref::<HtmlSelectElement>().map(HtmlSelectElement::value).unwrap_or_default()
    }
}

/// Whether the checkbox that `event` came from is checked.
pub fn checked(event: &Event) -> bool {
    event.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).is_some_and(|i| i.checked())
}

/// The files chosen in the file input that `event` came from.
pub fn files(event: &Event) -> Vec<File> {
    files_of(event.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).and_then(|i| i.files()))
}

/// The text in the input or textarea at `field`, if it is rendered.
pub fn value_at(field: &NodeRef) -> Option<String> {
    match field.cast::<HtmlInputElement>() {
        Some(input) => Some(input.value()),
        None => field.cast::<HtmlTextAreaElement>().map(|t| t.value()),
    }
}

/// Empties the input at `field`.
pub fn clear(field: &NodeRef) {
    if let Some(input) = field.cast::<HtmlInputElement>() {
        input.set_value("");
    }
}

/// Opens the file chooser of the file input at `field`, emptied first so choosing the same file
/// again is a change.
pub fn choose_files(field: &NodeRef) {
    if let Some(input) = field.cast::<HtmlInputElement>() {
        input.set_value("");
        input.click();
    }
}

/// Opens a file chooser from an input made for this one choice and never put in the page (so the
/// page's own file inputs stay the only ones in it); `on_chosen` gets the files chosen.
pub fn choose_detached(accept: &str, on_chosen: impl FnOnce(Vec<File>) + 'static) {
    let input = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("input").ok())
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok());
    if let Some(input) = input {
        input.set_type("file");
        input.set_accept(accept);
        let chosen = input.clone();
        gloo::events::EventListener::once(&input, "change", move |_| on_chosen(files_of(chosen.files()))).forget();
        input.click();
    }
}
