//! Keeps the eviction marker in a cookie (which storage eviction leaves alone) and the sentinel in localStorage.

use crate::domain::i18n::Texts;
use std::cell::Cell;

use wasm_bindgen::JsValue;

use crate::domain::storage::eviction::{self, Marker, SENTINEL_KEY};
use crate::ui::browser::storage::local_storage;

const COOKIE: &str = "marginalia-marker";
/// About 400 days, the longest Chromium keeps a cookie.
const MAX_AGE_SECONDS: u32 = 34_560_000;

thread_local! {
    /// Whether this page already wrote the marker and sentinel, so saves after the first cost nothing.
    static RECORDED: Cell<bool> = const { Cell::new(false) };
}

/// The message to show on start if the storage was cleared behind the app's back.
pub fn check_on_start(t: &Texts) -> Option<String> {
    let sentinel = local_storage().ok().map(|s| matches!(s.get_item(SENTINEL_KEY), Ok(Some(_))));
    // Without storage there is nothing to compare: the blocked-storage warning covers that.
    eviction::evicted_message(read().as_ref(), sentinel?, t)
}

/// Records, once per page, that annotations are saved here.
pub fn note_saved() {
    if RECORDED.with(Cell::get) {
        return;
    }
    let Ok(storage) = local_storage() else { return };
    if storage.set_item(SENTINEL_KEY, "1").is_err() {
        return;
    }
    let mut marker = read().unwrap_or_default();
    marker.saved = true;
    write(&marker);
    RECORDED.with(|r| r.set(true));
}

/// Records the file name and time of an export, so an eviction notice can name it.
pub fn note_export(name: &str, at: time::OffsetDateTime) {
    let mut marker = read().unwrap_or_default();
    marker.export_name = Some(name.to_string());
    marker.export_at = Some(eviction::export_time(at));
    write(&marker);
}

/// Forgets that annotations were saved and what was exported (the person started fresh on
/// purpose), so the next start does not take the empty storage for an eviction.
pub fn forget() {
    write(&Marker::default());
    RECORDED.with(|r| r.set(false));
}

fn document() -> Option<JsValue> {
    web_sys::window().and_then(|w| w.document()).map(JsValue::from)
}

fn read() -> Option<Marker> {
    let cookies = js_sys::Reflect::get(&document()?, &"cookie".into()).ok()?.as_string()?;
    let value = cookies.split("; ").find_map(|c| c.strip_prefix(COOKIE)?.strip_prefix('='))?;
    eviction::decode(&js_sys::decode_uri_component(value).ok()?.as_string()?)
}

fn write(marker: &Marker) {
    let Some(document) = document() else { return };
    let value = js_sys::encode_uri_component(&eviction::encode(marker));
    let cookie = format!("{COOKIE}={value}; max-age={MAX_AGE_SECONDS}; path=/; samesite=strict");
    // Best effort: browsers refuse cookies on file://, where eviction then goes unnoticed.
    let _ = js_sys::Reflect::set(&document, &"cookie".into(), &cookie.into());
}
