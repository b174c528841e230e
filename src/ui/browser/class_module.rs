//! Loads the app's second wasm module (`src/bin/class_view.rs`: the class view, the HTML and Markdown readers, the annotation file readers and the exports) on demand, mounts the class view in a host element of its own, and reads article and annotation files through it.
//!
//! The page names the module's files in `<meta name="marginalia-class-view" content="<js> <wasm>">`
//! (the post-build writes the hashed names; `trunk serve` keeps the unhashed ones of `index.html`).
//! The module is a second yew app: yew numbers its event roots per module, so the two apps'
//! elements must never nest (the app mounts in its own element for that, `ui::start`).

use std::cell::RefCell;

/// The JS values the second module's exports take and give back (`src/bin/class_view.rs`).
pub use js_sys::{Array, Function};
use js_sys::{Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::Element;

use crate::domain::annotation::tags::TagSet;
use crate::domain::article::document::Document;
use crate::domain::format::file_read::{self, ReadFile};
use crate::domain::format::FormatError;
use crate::domain::session::import::ImportReader;

#[wasm_bindgen(module = "/src/ui/browser/class_module.js")]
extern "C" {
    #[wasm_bindgen(js_name = loadClassView)]
    fn load_class_view(js: &str, wasm: &str) -> Promise;
}

thread_local! {
    /// The loaded module's exports, once loaded (a second opening does not load it again).
    static MODULE: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

/// The module's exports, loaded the first time; the error says why it could not be loaded.
pub async fn load() -> Result<JsValue, String> {
    if let Some(module) = MODULE.with(|m| m.borrow().clone()) {
        return Ok(module);
    }
    let (js, wasm) = urls().ok_or_else(|| "the page does not name the class view's files".to_string())?;
    let module = JsFuture::from(load_class_view(&js, &wasm)).await.map_err(|e| describe(&e))?;
    MODULE.with(|m| *m.borrow_mut() = Some(module.clone()));
    Ok(module)
}

/// The module's JS and wasm, as absolute URLs (a dynamic import resolves relative URLs against the loader's own).
fn urls() -> Option<(String, String)> {
    let document = web_sys::window()?.document()?;
    let named = document
        .query_selector("meta[name='marginalia-class-view']")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_else(|| "class_view.js class_view_bg.wasm".to_string());
    let mut names = named.split_whitespace();
    let (js, wasm) = (names.next()?, names.next()?);
    let base = document.base_uri().ok().flatten()?;
    let absolute = |name: &str| web_sys::Url::new_with_base(name, &base).ok().map(|u| u.href());
    Some((absolute(js)?, absolute(wasm)?))
}

/// An error's message (a failed import is a `TypeError` naming the file).
fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}

/// What the app passes to the class view, as it stores it (`domain::storage`).
pub struct Input {
    /// `en` or `es`.
    pub lang: &'static str,
    pub article: String,
    pub tags: String,
    /// Empty when the article has no answer key.
    pub answer_key: String,
    /// The student files kept for this article (a stored `ClassWorkspace`), empty when none.
    pub files: String,
    /// The teacher's own annotations of the article, a stored list.
    pub own_annotations: String,
}

/// The class view mounted on the page; dropping it unmounts it.
pub struct Mounted {
    host: Element,
    handle: JsValue,
    callbacks: Option<Callbacks>,
    /// Where the view was scrolled and what had focus when it was put away, given back when it returns.
    away: Option<(i32, Option<web_sys::HtmlElement>)>,
}

/// The app's functions the class view calls, kept alive while it is mounted.
struct Callbacks {
    _open_passage: Closure<dyn Fn(f64, f64)>,
    _close: Closure<dyn Fn()>,
    _save: Closure<dyn Fn(String) -> String>,
    _key: Closure<dyn Fn(String)>,
    _edit_key: Closure<dyn Fn()>,
}

/// Mounts the class view of `module` in a new element at the end of the body.
pub fn mount(
    module: &JsValue,
    input: Input,
    on_open_passage: impl Fn(usize, usize) + 'static,
    on_close: impl Fn() + 'static,
    on_save: impl Fn(String) -> String + 'static,
    on_key: impl Fn(String) + 'static,
    on_edit_key: impl Fn() + 'static,
) -> Result<Mounted, String> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let body = document.body().ok_or("no body")?;
    let open: Function = Reflect::get(module, &"open_class_view".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or("no open_class_view")?;
    let host = document.create_element("div").map_err(|e| describe(&e))?;
    host.set_class_name("class-view-host");
    body.append_child(&host).map_err(|e| describe(&e))?;
    let on_open_passage =
        Closure::<dyn Fn(f64, f64)>::new(move |start: f64, end: f64| on_open_passage(start as usize, end as usize));
    let on_close = Closure::<dyn Fn()>::new(on_close);
    let on_save = Closure::<dyn Fn(String) -> String>::new(on_save);
    let on_key = Closure::<dyn Fn(String)>::new(on_key);
    let on_edit_key = Closure::<dyn Fn()>::new(on_edit_key);
    let args = Array::new();
    for arg in [
        host.clone().into(),
        JsValue::from_str(input.lang),
        JsValue::from_str(&input.article),
        JsValue::from_str(&input.tags),
        JsValue::from_str(&input.answer_key),
        JsValue::from_str(&input.files),
        JsValue::from_str(&input.own_annotations),
        on_open_passage.as_ref().clone(),
        on_close.as_ref().clone(),
        on_save.as_ref().clone(),
        on_key.as_ref().clone(),
        on_edit_key.as_ref().clone(),
    ] {
        args.push(&arg);
    }
    match open.apply(&JsValue::NULL, &args) {
        Ok(handle) => Ok(Mounted {
            host,
            handle,
            callbacks: Some(Callbacks {
                _open_passage: on_open_passage,
                _close: on_close,
                _save: on_save,
                _key: on_key,
                _edit_key: on_edit_key,
            }),
            away: None,
        }),
        Err(error) => {
            host.remove();
            Err(describe(&error))
        }
    }
}

impl Mounted {
    /// Puts the view away (hidden, still mounted: nothing in it is lost) while the article shows a
    /// passage, or brings it back scrolled as it was with focus where it was.
    pub fn set_away(&mut self, away: bool) {
        let panel = self.host.query_selector(".class-view").ok().flatten();
        if away && self.away.is_none() {
            let focused = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .filter(|e| self.host.contains(Some(e)))
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            self.away = Some((panel.as_ref().map_or(0, |p| p.scroll_top()), focused));
            let _ = self.host.set_attribute("hidden", "");
        } else if !away {
            let Some((top, focused)) = self.away.take() else { return };
            let _ = self.host.remove_attribute("hidden");
            if let Some(panel) = panel {
                panel.set_scroll_top(top);
            }
            if let Some(element) = focused {
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = element.focus_with_options(&options);
            }
        }
    }
}

impl Mounted {
    /// Hands the app's answer key (a stored list, or empty) to the mounted view, whose scores follow it.
    pub fn set_key(&self, answer_key: &str) {
        if let Ok(set) = Reflect::get(&self.handle, &"set_key".into()).and_then(|f| f.dyn_into::<Function>()) {
            let _ = set.call1(&self.handle, &answer_key.into());
        }
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        // Out of the page at once (so focus and the modal's focus trap move on with the app)...
        self.host.remove();
        // ...but unmounted a microtask later: the app closes the view from inside the module's own
        // event handler (its close button), which must return before its app is destroyed.
        let (handle, callbacks) = (self.handle.clone(), self.callbacks.take());
        wasm_bindgen_futures::spawn_local(async move {
            if let Ok(close) = Reflect::get(&handle, &"close".into()).and_then(|f| f.dyn_into::<Function>()) {
                let _ = close.call0(&handle);
            }
            drop(callbacks);
        });
    }
}

/// Why the module could not read an article file.
pub enum ReadError {
    /// The page has no recognisable article; its whole text can be loaded instead.
    NoArticle(String),
    Failed(String),
}

/// Reads an HTML page (`html`) or a Markdown file through the module (loaded first if need be).
pub async fn read_article(
    html: bool,
    text: &str,
    name: &str,
    lang: &str,
    all_text: bool,
) -> Result<crate::domain::article::document::Document, ReadError> {
    let module = load().await.map_err(ReadError::Failed)?;
    let read: Function = Reflect::get(&module, &"read_article".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| ReadError::Failed("no read_article".into()))?;
    let args = Array::of5(
        &(if html { "html" } else { "markdown" }).into(),
        &text.into(),
        &name.into(),
        &lang.into(),
        &all_text.into(),
    );
    let answer: Array =
        read.apply(&JsValue::NULL, &args).map_err(|e| ReadError::Failed(describe(&e)))?.unchecked_into();
    decode_answer(&answer)
}

/// Reads HTML pasted from a web page through the module (loaded first if need be): the same inert
/// extraction as a saved page, keeping headings, lists, emphasis and safe links.
pub async fn read_pasted(
    pasted: &crate::ui::new_article::Pasted,
    lang: &str,
) -> Result<crate::domain::article::document::Document, ReadError> {
    let module = load().await.map_err(ReadError::Failed)?;
    let read: Function = Reflect::get(&module, &"read_pasted".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| ReadError::Failed("no read_pasted".into()))?;
    let args = Array::of5(
        &pasted.html.as_deref().unwrap_or_default().into(),
        &pasted.text.as_str().into(),
        &pasted.title.as_str().into(),
        &pasted.source.as_str().into(),
        &lang.into(),
    );
    let answer: Array =
        read.apply(&JsValue::NULL, &args).map_err(|e| ReadError::Failed(describe(&e)))?.unchecked_into();
    decode_answer(&answer)
}

/// The module's `[status, payload]` answer as a document or the reason there is none.
fn decode_answer(answer: &Array) -> Result<crate::domain::article::document::Document, ReadError> {
    let payload = answer.get(1).as_string().unwrap_or_default();
    match answer.get(0).as_string().as_deref() {
        Some("ok") => crate::domain::storage::decode_article(&payload, None)
            .map(|(doc, _)| doc)
            .map_err(|e| ReadError::Failed(e.to_string())),
        Some("no-article") => Err(ReadError::NoArticle(payload)),
        _ => Err(ReadError::Failed(payload)),
    }
}

/// Renders an export other than the pack through the module (loaded first if need be): `kind` is
/// its index in `ExportKind::ALL`, the rest as the app stores them. Returns (name, type, contents).
pub async fn render_export(
    kind: usize,
    article: String,
    tags: String,
    annotations: String,
    by: String,
    at_ms: f64,
    lang: &str,
) -> Result<(String, String, String), String> {
    let module = load().await?;
    let render: Function = Reflect::get(&module, &"render_export".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| "no render_export".to_string())?;
    let args = Array::new();
    for arg in [
        JsValue::from_f64(kind as f64),
        JsValue::from_str(&article),
        JsValue::from_str(&tags),
        JsValue::from_str(&annotations),
        JsValue::from_str(&by),
        JsValue::from_f64(at_ms),
        JsValue::from_str(lang),
    ] {
        args.push(&arg);
    }
    let answer: Array = render.apply(&JsValue::NULL, &args).map_err(|e| describe(&e))?.unchecked_into();
    let part = |i: u32| answer.get(i).as_string().unwrap_or_default();
    match part(0) {
        name if name.is_empty() => Err(part(2)),
        name => Ok((name, part(1), part(2))),
    }
}

/// Calls the module's function `name` with `args`; the error says why it could not.
fn call(module: &JsValue, name: &str, args: &Array) -> Result<JsValue, String> {
    let function: Function =
        Reflect::get(module, &name.into()).ok().and_then(|f| f.dyn_into().ok()).ok_or_else(|| name.to_string())?;
    function.apply(&JsValue::NULL, args).map_err(|e| describe(&e))
}

/// The module's readers of annotation files (packs, W3C, Hypothesis), for
/// `Session::plan_import_with`: the app's own wasm does not carry them.
pub struct ModuleReader(JsValue);

impl ModuleReader {
    /// The readers, the module loaded first if need be; the error says why it could not be.
    pub async fn load() -> Result<Self, String> {
        load().await.map(ModuleReader)
    }
}

impl ImportReader for ModuleReader {
    fn read(&mut self, bytes: &[u8], known: &TagSet) -> Result<ReadFile, FormatError> {
        let args = Array::of2(&Uint8Array::from(bytes).into(), &file_read::tags_to_json(known).into());
        let answer = call(&self.0, "read_import", &args).map_err(FormatError::file)?;
        // Only a module of another build could answer what this one cannot read.
        file_read::from_wire(&answer.as_string().unwrap_or_default()).ok_or_else(|| FormatError::file("read_import"))?
    }

    fn pack_article(&mut self, bytes: &[u8]) -> Option<Document> {
        let answer = call(&self.0, "pack_article", &Array::of1(&Uint8Array::from(bytes).into())).ok()?;
        crate::domain::storage::decode_article(&answer.as_string()?, None).ok().map(|(doc, _)| doc)
    }
}

/// The definitions of the class view's figures in the language `lang` (a code) through the module
/// (loaded first if need be), for the help: each section its title then its paragraphs.
pub async fn agreement_help(lang: &str) -> Result<Vec<Vec<String>>, String> {
    let module = load().await?;
    let answer = call(&module, "agreement_help", &Array::of1(&lang.into()))?.as_string().unwrap_or_default();
    Ok(answer
        .split('\u{1e}')
        .filter(|s| !s.is_empty())
        .map(|s| s.split('\u{1f}').map(String::from).collect())
        .collect())
}

/// For each passage of `key` (a stored list), whether `mine` (a stored list) found it in an article
/// whose text is `text` (`answer_key::key_found`), worked out by the module (loaded first if need be).
pub async fn key_found(text: &str, mine: &str, key: &str) -> Result<Vec<bool>, String> {
    let module = load().await?;
    let answer = call(&module, "key_found", &Array::of3(&text.into(), &mine.into(), &key.into()))?;
    match answer.as_string().unwrap_or_default() {
        found if found.is_empty() => Err("key_found".to_string()),
        found => Ok(found.chars().map(|c| c == '1').collect()),
    }
}
