//! Browser tests for the loading adapters: the inert DOMParser copy and the library of stored articles.
#![cfg(target_arch = "wasm32")]

use marginalia::domain::html_tree::{HtmlElement, HtmlNode, MAX_DEPTH};
use marginalia::domain::i18n::{Lang, EN, ES};
use marginalia::domain::loader::{load_text, FileKind};
use marginalia::domain::plain_text::parse_plain_text;
use marginalia::ui::browser::storage::local_storage;
use marginalia::ui::browser::{html_parse, lang, library};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn depth(element: &HtmlElement) -> usize {
    1 + element.elements().map(depth).max().unwrap_or(0)
}

fn text_of(element: &HtmlElement) -> String {
    element
        .children
        .iter()
        .map(|c| match c {
            HtmlNode::Text(t) => t.clone(),
            HtmlNode::Element(e) => text_of(e),
        })
        .collect()
}

fn pwned() -> bool {
    let value = js_sys::Reflect::get(&js_sys::global(), &"__pwned".into()).unwrap();
    !value.is_undefined()
}

#[wasm_bindgen_test]
async fn parsing_a_hostile_page_runs_nothing() {
    let page = r#"<html><head><script>window.__pwned = 1</script></head>
        <body onload="window.__pwned = 2"><img src="x" onerror="window.__pwned = 3">
        <svg><script>window.__pwned = 4</script></svg><p>Text &amp; more</p></body></html>"#;
    let tree = html_parse::parse(page, &EN).unwrap();
    gloo_timers::future::TimeoutFuture::new(100).await;
    assert!(!pwned(), "a script in a parsed page ran");
    assert_eq!(tree.name, "html");
    let body = tree.elements().find(|e| e.name == "body").unwrap();
    assert_eq!(body.attr("onload"), Some("window.__pwned = 2"), "attributes are copied as data");
    assert!(text_of(body).contains("Text & more"), "entities are decoded by the parser");
}

#[wasm_bindgen_test]
fn deeply_nested_markup_is_cut_at_the_depth_limit() {
    let page = format!("<html><body>{}deep{}</body></html>", "<div>".repeat(5_000), "</div>".repeat(5_000));
    let tree = html_parse::parse(&page, &EN).unwrap();
    assert!(depth(&tree) <= MAX_DEPTH + 1, "depth {}", depth(&tree));
}

#[wasm_bindgen_test]
fn the_library_saves_lists_renames_and_deletes_articles() {
    local_storage().unwrap().clear().unwrap();
    let sample = parse_plain_text("Sample title\n\nSample body.");
    let doc = load_text(FileKind::Markdown, "# Stored one\n\nBody *text*.", None, Some("a.md")).unwrap();
    let added = marginalia::domain::annotation::time_from_millis(1_700_000_000_000.0);
    assert!(!library::contains(doc.hash()));
    library::save(&doc, added).unwrap();
    assert!(library::contains(doc.hash()));

    let entries = library::list(&sample);
    assert_eq!(entries.len(), 2);
    assert!(entries[0].bundled);
    assert_eq!((entries[1].title.as_str(), entries[1].source.as_deref()), ("Stored one", Some("a.md")));

    let (loaded, when) = library::load(doc.hash().short(), &EN).unwrap();
    assert_eq!((loaded.clone(), when), (doc.clone(), added));
    library::rename(doc.hash().short(), "Renamed", &EN).unwrap();
    assert_eq!(library::load(doc.hash().short(), &EN).unwrap().0.title(), "Renamed");

    library::set_last_open(doc.hash().short());
    assert_eq!(library::last_open().as_deref(), Some(doc.hash().short()));
    assert!(library::used_bytes() > 100);

    assert_eq!(library::delete(doc.hash().short(), &EN).unwrap(), 1);
    assert!(!library::contains(doc.hash()));
    assert_eq!(library::list(&sample).len(), 1);
    assert!(library::load(doc.hash().short(), &EN).is_err());
}

#[wasm_bindgen_test]
fn a_damaged_stored_article_is_reported_not_opened() {
    local_storage().unwrap().clear().unwrap();
    let doc = parse_plain_text("Damaged\n\nBody.");
    let key = marginalia::domain::persist::article_key(doc.hash());
    local_storage().unwrap().set_item(&key, "{\"schema\":1,\"title\":").unwrap();
    let message = library::load(doc.hash().short(), &EN).unwrap_err();
    assert!(message.contains("cannot be opened"), "{message}");
    let mensaje = library::load(doc.hash().short(), &ES).unwrap_err();
    assert!(mensaje.starts_with("El artículo guardado no se puede abrir porque no se puede leer"), "{mensaje}");
    assert_eq!(local_storage().unwrap().get_item(&key).unwrap().as_deref(), Some("{\"schema\":1,\"title\":"));
}

#[wasm_bindgen_test]
fn the_language_is_the_stored_choice_else_the_browsers_and_marks_the_page() {
    local_storage().unwrap().clear().unwrap();
    let languages: Vec<String> =
        web_sys::window().unwrap().navigator().languages().iter().filter_map(|l| l.as_string()).collect();
    assert_eq!(lang::initial(), Lang::from_browser_tags(&languages));
    lang::save(Lang::Es).unwrap();
    assert_eq!(
        local_storage().unwrap().get_item(marginalia::domain::persist::LANG_KEY).unwrap().as_deref(),
        Some("es")
    );
    assert_eq!(lang::initial(), Lang::Es);
    lang::mark_document(Lang::Es);
    let root = web_sys::window().unwrap().document().unwrap().document_element().unwrap();
    assert_eq!(root.get_attribute("lang").as_deref(), Some("es"));
    lang::save(Lang::En).unwrap();
    assert_eq!(lang::initial(), Lang::En);
    lang::mark_document(Lang::En);
    assert_eq!(root.get_attribute("lang").as_deref(), Some("en"));
    local_storage().unwrap().clear().unwrap();
}
