//! Saves a string as a file through the browser's download mechanism.

use wasm_bindgen::JsCast;

use crate::domain::i18n::Texts;

/// Offers `contents` as a download named `file_name`; returns a message if the browser refused.
pub fn download(file_name: &str, mime: &str, contents: &str, t: &Texts) -> Result<(), String> {
    let fail = |what: &str| (t.save_file_failed)(what);
    // The UTF-8 bytes as they are: a JS string would decode them to UTF-16 and the Blob encode
    // them back, twice the work for a 5 MB pack.
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    // A view of the wasm memory rather than a copy of it: the Blob makes the one copy it needs.
    // SAFETY: the view is used only by the next two calls, which allocate nothing in the wasm
    // memory (so it cannot grow and detach the view) while `contents` stays borrowed.
    let view = unsafe { js_sys::Uint8Array::view(contents.as_bytes()) };
    let parts = js_sys::Array::of1(&view);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(|_| fail("blob"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("object URL"))?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or_else(|| fail("no document"))?;
    let anchor: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(|_| fail("link"))?.dyn_into().map_err(|_| fail("link"))?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Revoke later: revoking at once can cancel the download in some browsers.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
