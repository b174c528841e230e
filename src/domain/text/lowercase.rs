//! Lower-casing for case-insensitive matching (tag names, search, page heuristics) from a provider the platform installs: `str::to_lowercase` natively, the browser's `String.prototype.toLowerCase` in the wasm build.
//!
//! The standard library's case tables cost the wasm about 12 KB before compression; the browser
//! already has them. Both follow Unicode's default (locale-free) case mapping, final sigma
//! included; `tests/browser_lowercase.rs` compares them. ASCII text never leaves the wasm.

use std::sync::OnceLock;

/// Lower-cases a whole text.
pub type Lower = fn(&str) -> String;

static INSTALLED: OnceLock<Lower> = OnceLock::new();

/// Makes `lower` the provider for this process; the first installed one stays.
pub fn install(lower: Lower) {
    let _ = INSTALLED.set(lower);
}

/// `text` in lower case, by Unicode's default case mapping (`İ` becomes `i̇`, a final `Σ` becomes `ς`).
pub fn lower(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        text.to_lowercase()
    }
    #[cfg(target_arch = "wasm32")]
    {
        (INSTALLED.get().expect("no lower-casing installed: call ui::browser::lowercase::install() first"))(text)
    }
}

/// `c` in lower case, when that is one character (as `lower` maps it on its own).
pub fn lower_char(c: char) -> Option<char> {
    let mut buffer = [0; 4];
    let lowered = lower(c.encode_utf8(&mut buffer));
    let mut chars = lowered.chars();
    match (chars.next(), chars.next()) {
        (Some(l), None) => Some(l),
        _ => None,
    }
}
