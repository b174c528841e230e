//! Turns the bytes of an opened or pasted file into text the loaders can read, with size, binary and encoding checks.

use crate::domain::article::document::Document;
use crate::domain::i18n::{Texts, EN};

/// The largest article file Marginalia opens.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;

/// The kinds of file Marginalia opens, told apart by file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    PlainText,
    Markdown,
    Html,
}

impl FileKind {
    /// The kind for a file name by its extension; `None` for anything else.
    pub fn from_name(name: &str) -> Option<FileKind> {
        let lower = name.to_ascii_lowercase();
        let ext = lower.rsplit_once('.').map_or("", |(_, e)| e);
        match ext {
            "txt" | "text" => Some(FileKind::PlainText),
            "md" | "markdown" | "mdown" => Some(FileKind::Markdown),
            "html" | "htm" | "xhtml" => Some(FileKind::Html),
            _ => None,
        }
    }
}

/// Why a file or pasted text cannot be opened; each reads as a sentence for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    Empty,
    TooLarge { bytes: usize },
    Binary,
    UnsupportedType { name: String },
    InvalidUtf16,
    NoText,
}

impl LoadError {
    /// The reason as a sentence in the language of `t`.
    pub fn message(&self, t: &Texts) -> String {
        match self {
            LoadError::Empty => t.load_empty.into(),
            LoadError::TooLarge { bytes } => {
                (t.load_too_large)(*bytes as f64 / (1024.0 * 1024.0), MAX_FILE_BYTES / (1024 * 1024))
            }
            LoadError::Binary => t.load_binary.into(),
            LoadError::UnsupportedType { .. } => t.load_unsupported.into(),
            LoadError::InvalidUtf16 => t.load_invalid_utf16.into(),
            LoadError::NoText => t.load_no_text.into(),
        }
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(&EN))
    }
}

/// Text decoded from a file, with a note for the user when the encoding had to be guessed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub note: Option<String>,
}

/// Checks size and content and decodes a file's bytes: UTF-8 (with or without BOM), UTF-16 with BOM,
/// or, when the bytes are not UTF-8, Windows-1252 (which includes Latin-1's printable range).
pub fn decode(bytes: &[u8]) -> Result<Decoded, LoadError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge { bytes: bytes.len() });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::Empty);
    }
    let (text, note) = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        (String::from_utf8(rest.to_vec()).map_err(|_| LoadError::Binary)?, None)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        (utf16(rest, u16::from_le_bytes)?, None)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        (utf16(rest, u16::from_be_bytes)?, None)
    } else {
        match std::str::from_utf8(bytes) {
            Ok(text) => (text.to_string(), None),
            Err(_) => (bytes.iter().map(|&b| windows_1252(b)).collect(), Some(EN.read_as_windows_1252.to_string())),
        }
    };
    if looks_binary(&text) {
        return Err(LoadError::Binary);
    }
    if text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    Ok(Decoded { text, note })
}

/// True when the text has NUL characters or many control characters: not an article.
fn looks_binary(text: &str) -> bool {
    let sample: Vec<char> = text.chars().take(8192).collect();
    let control = sample.iter().filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')).count();
    sample.contains(&'\0') || control * 20 > sample.len()
}

fn utf16(bytes: &[u8], read: fn([u8; 2]) -> u16) -> Result<String, LoadError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(LoadError::InvalidUtf16);
    }
    let units: Vec<u16> = bytes.chunks_exact(2).map(|p| read([p[0], p[1]])).collect();
    String::from_utf16(&units).map_err(|_| LoadError::InvalidUtf16)
}

/// Windows-1252 to Unicode. Bytes 0x80-0x9F hold typographic characters (curly quotes, dashes,
/// the euro sign); every other byte is the Latin-1 code point of the same value. A 32-entry table
/// keeps this tiny, where a general encoding crate would add hundreds of kilobytes to the app.
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// Loads plain text: what the app's own wasm does for `.txt` files and pasted text (Markdown and
/// HTML are read by the lazily loaded module, so the first visit carries neither parser).
pub fn load_plain_text(text: &str, given_title: Option<&str>, source: Option<&str>) -> Result<Document, LoadError> {
    let mut draft = crate::domain::article::plain_text::parse_plain_text_draft(text, given_title);
    if let Some(source) = source.map(str::trim).filter(|s| !s.is_empty()) {
        draft.meta.source = Some(source.to_string());
    }
    draft.into_document().ok_or(LoadError::NoText)
}

/// Loads plain text or Markdown (HTML goes through a browser parser first, see `html_extract`).
pub fn load_text(
    kind: FileKind,
    text: &str,
    given_title: Option<&str>,
    source: Option<&str>,
) -> Result<Document, LoadError> {
    let mut draft = match kind {
        FileKind::Markdown => crate::domain::article::markdown::parse_markdown(text, given_title),
        FileKind::PlainText | FileKind::Html => {
            crate::domain::article::plain_text::parse_plain_text_draft(text, given_title)
        }
    };
    if let Some(source) = source.map(str::trim).filter(|s| !s.is_empty()) {
        draft.meta.source = Some(source.to_string());
    }
    draft.into_document().ok_or(LoadError::NoText)
}
