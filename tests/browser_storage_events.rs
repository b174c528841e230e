//! Browser tests for the `storage` event adapter: every key another tab writes is passed on, with the replaced and written values for the one key asked for (the presets') and for no other.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use marginalia::domain::storage::PRESETS_KEY;
use marginalia::ui::browser::storage_events::{self, Values};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = "
export function another_tab_wrote(key, oldValue, newValue) {
  window.dispatchEvent(new StorageEvent('storage', { key, oldValue, newValue, storageArea: localStorage }));
}
")]
extern "C" {
    fn another_tab_wrote(key: Option<String>, old: Option<String>, new: Option<String>);
}

/// What the listener was called with: the key, and the values when asked for.
type Heard = Vec<(Option<String>, Option<Values>)>;

#[wasm_bindgen_test]
fn the_values_come_with_the_presets_key_only() {
    let heard: Rc<RefCell<Heard>> = Rc::default();
    let into = heard.clone();
    let listener = storage_events::listen(PRESETS_KEY, move |key, values| into.borrow_mut().push((key, values)));
    assert!(listener.is_some());
    let s = |v: &str| Some(v.to_string());
    another_tab_wrote(s(PRESETS_KEY), s("{\"old\":1}"), s("{\"new\":2}"));
    another_tab_wrote(s(PRESETS_KEY), s("{\"old\":1}"), None);
    another_tab_wrote(s("marginalia/v1/abc/doc"), s("a long article"), s("another"));
    another_tab_wrote(None, None, None);
    let expected: Heard = vec![
        (s(PRESETS_KEY), Some((s("{\"old\":1}"), s("{\"new\":2}")))),
        (s(PRESETS_KEY), Some((s("{\"old\":1}"), None))),
        (s("marginalia/v1/abc/doc"), None),
        (None, None),
    ];
    assert_eq!(*heard.borrow(), expected);
    drop(listener);
    another_tab_wrote(s(PRESETS_KEY), None, s("{}"));
    assert_eq!(heard.borrow().len(), 4, "nothing is heard once the listener is dropped");
}
