//! Reads files the user opened or dropped, checking the size limit before reading a byte.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::domain::i18n::Texts;

/// The files of a file list (from an `<input type=file>` or a drop).
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

/// Reads a whole file; files over `limit` bytes are refused unread.
pub async fn read_bytes(file: &web_sys::File, limit: usize, t: &Texts) -> Result<Vec<u8>, String> {
    let size = file.size() as usize;
    if size > limit {
        return Err((t.file_too_large)(limit / 1_048_576, size as f64 / 1_048_576.0));
    }
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|_| t.read_failed.to_string())?;
    let buffer: js_sys::ArrayBuffer = buffer.dyn_into().map_err(|_| t.read_failed.to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
