//! Fuzzes the file decoder (BOMs, UTF-16, Windows-1252, binary detection) and the plain-text and Markdown loaders.
#![no_main]

use libfuzzer_sys::fuzz_target;
use marginalia::domain::article::loader::{decode, load_text, FileKind};

fuzz_target!(|data: &[u8]| {
    let text = match decode(data) {
        Ok(decoded) => decoded.text,
        Err(_) => String::from_utf8_lossy(data).into_owned(),
    };
    let _ = load_text(FileKind::Markdown, &text, None, Some("fuzz.md"));
    let _ = load_text(FileKind::PlainText, &text, Some("Given"), None);
});
