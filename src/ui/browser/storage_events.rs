//! Hears other tabs' writes to localStorage (the `storage` event, which never fires for this tab's own writes).

use gloo::events::EventListener;
use wasm_bindgen::JsCast;

/// The value another tab replaced and the value it wrote (`None`: absent).
pub type Values = (Option<String>, Option<String>);

/// Calls `on_change` with the key of every value another tab of this origin wrote or removed
/// (`None` when another tab cleared the whole storage) and, for the key `with_values` only, the
/// values (others are not copied out of the browser: an article's can be megabytes).
pub fn listen(
    with_values: &'static str,
    on_change: impl Fn(Option<String>, Option<Values>) + 'static,
) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "storage", move |event| {
        if let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() {
            let key = event.key();
            let values = (key.as_deref() == Some(with_values)).then(|| (event.old_value(), event.new_value()));
            on_change(key, values);
        }
    }))
}
