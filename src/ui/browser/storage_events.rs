//! Hears other tabs' writes to localStorage (the `storage` event, which never fires for this tab's own writes).

use gloo::events::EventListener;
use wasm_bindgen::JsCast;

/// Calls `on_key` with the key of every value another tab of this origin wrote or removed;
/// `None` when another tab cleared the whole storage.
pub fn listen(on_key: impl Fn(Option<String>) + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "storage", move |event| {
        if let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() {
            on_key(event.key());
        }
    }))
}
