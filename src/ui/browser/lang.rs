//! The UI language in the browser: the stored choice, else `navigator.languages`; and `<html lang>` kept in step.

use crate::domain::i18n::Lang;
use crate::domain::storage;
use crate::ui::browser::storage::{classify, local_storage, StorageProblem};

/// The language chosen in Settings, else the first of the browser's preferred languages that
/// Marginalia has, else English.
pub fn initial() -> Lang {
    stored().unwrap_or_else(|| Lang::from_browser_tags(&browser_tags()))
}

/// The choice stored in Settings, if any (and if it names a language Marginalia has).
fn stored() -> Option<Lang> {
    let code = local_storage().ok()?.get_item(storage::LANG_KEY).ok()??;
    Lang::from_tag(&code)
}

/// `navigator.languages` in preference order, or `navigator.language` where the list is missing.
fn browser_tags() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else { return Vec::new() };
    let tags: Vec<String> = navigator.languages().iter().filter_map(|t| t.as_string()).collect();
    if tags.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        tags
    }
}

/// Stores the user's choice, which from then on wins over the browser's preference.
pub fn save(lang: Lang) -> Result<(), StorageProblem> {
    local_storage()?.set_item(storage::LANG_KEY, lang.code()).map_err(|e| classify(&e))
}

/// Sets `<html lang>`, which screen readers use to pick their voice and pronunciation.
pub fn mark_document(lang: Lang) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang.code());
    }
}
