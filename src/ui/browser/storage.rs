//! The session's key-value interface over the browser's localStorage, and telling a full storage from a blocked one.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::Storage;

pub use crate::domain::session::kv::{KeyValue, StorageProblem};

/// localStorage as the session's [`KeyValue`]; every call reports a blocked storage as such.
#[derive(Clone, Default)]
pub struct LocalKv;

impl KeyValue for LocalKv {
    fn get(&self, key: &str) -> Result<Option<String>, StorageProblem> {
        local_storage()?.get_item(key).map_err(|e| classify(&e))
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageProblem> {
        local_storage()?.set_item(key, value).map_err(|e| classify(&e))
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageProblem> {
        local_storage()?.remove_item(key).map_err(|e| classify(&e))
    }

    fn keys(&self) -> Result<Vec<String>, StorageProblem> {
        Ok(keys(&local_storage()?))
    }
}

/// The window's localStorage, or why it cannot be used.
pub fn local_storage() -> Result<Storage, StorageProblem> {
    let window = web_sys::window().ok_or_else(|| StorageProblem::Unavailable("no window".into()))?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err(StorageProblem::Unavailable("this browser has no localStorage".into())),
        Err(error) => Err(StorageProblem::Unavailable(error_text(&error))),
    }
}

/// Every key in `storage`.
pub fn keys(storage: &Storage) -> Vec<String> {
    let len = storage.length().unwrap_or(0);
    (0..len).filter_map(|i| storage.key(i).ok().flatten()).collect()
}

/// Tells a full storage (Chromium's QuotaExceededError, old Firefox's NS_ERROR_DOM_QUOTA_REACHED) from other failures.
pub fn classify(error: &JsValue) -> StorageProblem {
    let name = error.dyn_ref::<web_sys::DomException>().map(|e| e.name()).unwrap_or_default();
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        StorageProblem::Full
    } else {
        StorageProblem::Unavailable(error_text(error))
    }
}

fn error_text(error: &JsValue) -> String {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(e) => format!("{}: {}", e.name(), e.message()),
        None => error.as_string().unwrap_or_else(|| "unknown error".into()),
    }
}
