//! Fuzzes the readers of values found in browser storage, which another tab, another version or damage may have written.
#![no_main]

use libfuzzer_sys::fuzz_target;
use marginalia::domain::{storage::eviction, storage};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = storage::decode(text);
    let _ = storage::decode_list(text);
    let _ = storage::decode_tags(text);
    let _ = storage::decode_classroom(text);
    let _ = storage::decode_article(text, None);
    let _ = eviction::decode(text);
});
