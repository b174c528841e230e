//! Browser tests for the loading adapters: the inert DOMParser copy and the library of stored articles.
#![cfg(target_arch = "wasm32")]

use marginalia::domain::article::document::Document;
use marginalia::domain::article::html_tree::{HtmlElement, HtmlNode, MAX_DEPTH};
use marginalia::domain::article::loader::{load_text, FileKind};
use marginalia::domain::article::plain_text::parse_plain_text;
use marginalia::domain::i18n::{Lang, EN, ES};
use marginalia::domain::session::SharedQueue;
use marginalia::domain::storage::{self, ArticleSummary};
use marginalia::ui::browser::storage::{local_storage, LocalKv};
use marginalia::ui::browser::{html_parse, lang, library};
use wasm_bindgen::prelude::*;
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

#[wasm_bindgen(inline_js = "
export function broken_image_settled() {
  return new Promise(resolve => {
    const img = new Image();
    img.onerror = img.onload = () => resolve();
    img.src = 'x';
  });
}
")]
extern "C" {
    /// Resolves once a broken image in the live page has fired its error event.
    fn broken_image_settled() -> js_sys::Promise;
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
    // A hostile handler would fire with the live page's own broken image (same source), so waiting
    // for that one's error event is waiting long enough, without guessing a time.
    wasm_bindgen_futures::JsFuture::from(broken_image_settled()).await.unwrap();
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

/// Writes everything queued to localStorage, as the app's idle flush does.
fn flush(queue: &SharedQueue) {
    let flushed = queue.borrow_mut().flush(&mut LocalKv, usize::MAX);
    assert_eq!(flushed.problem, None);
    assert!(queue.borrow().is_empty());
}

fn stored_summary(doc: &Document) -> Option<ArticleSummary> {
    let value = local_storage().unwrap().get_item(&storage::summary_key(doc.hash())).unwrap()?;
    Some(storage::decode_summary(&value).expect("a readable summary"))
}

#[wasm_bindgen_test]
fn the_library_saves_lists_renames_and_deletes_articles() {
    local_storage().unwrap().clear().unwrap();
    let sample = parse_plain_text("Sample title\n\nSample body.");
    let doc = load_text(FileKind::Markdown, "# Stored one\n\nBody *text*.", None, Some("a.md")).unwrap();
    let short = doc.hash().short();
    let added = marginalia::domain::annotation::time_from_millis(1_700_000_000_000.0);
    let queue = SharedQueue::default();
    assert!(!library::contains(&LocalKv, &queue, doc.hash()));
    library::save(&queue, &doc, added);
    assert!(library::contains(&LocalKv, &queue, doc.hash()), "a queued article is in the library");
    assert!(!library::contains(&LocalKv, &SharedQueue::default(), doc.hash()), "it is not stored before the flush");
    flush(&queue);
    assert!(library::contains(&LocalKv, &SharedQueue::default(), doc.hash()));
    assert_eq!(stored_summary(&doc), Some(ArticleSummary::of(&doc, added)));

    let entries = library::list(&LocalKv, &queue, &sample);
    assert_eq!(entries.len(), 2);
    assert!(entries[0].bundled);
    assert_eq!((entries[1].title.as_str(), entries[1].source.as_deref()), ("Stored one", Some("a.md")));
    assert_eq!((entries[1].key.as_str(), entries[1].added, entries[1].bundled), (short, Some(added), false));
    // The list is read from the summary key, not from the article itself.
    let summary = ArticleSummary { title: "From the summary".into(), source: None, added };
    local_storage().unwrap().set_item(&storage::summary_key(doc.hash()), &storage::encode_summary(&summary)).unwrap();
    let entries = library::list(&LocalKv, &queue, &sample);
    assert_eq!((entries[1].title.as_str(), entries[1].source.as_deref()), ("From the summary", None));
    assert!(queue.borrow().is_empty(), "a readable summary is not written again");

    let (loaded, when) = library::load(&LocalKv, &queue, short, &EN).unwrap();
    assert_eq!((loaded, when), (doc.clone(), added));
    library::rename(&LocalKv, &queue, short, "Renamed", &EN).unwrap();
    assert_eq!(library::load(&LocalKv, &queue, short, &EN).unwrap().0.title(), "Renamed", "the queued name is read");
    assert_eq!(library::list(&LocalKv, &queue, &sample)[1].title, "Renamed");
    flush(&queue);
    assert_eq!(library::load(&LocalKv, &SharedQueue::default(), short, &EN).unwrap().0.title(), "Renamed");
    assert_eq!(stored_summary(&doc).map(|s| s.title).as_deref(), Some("Renamed"));

    library::set_last_open(short);
    assert_eq!(library::last_open().as_deref(), Some(short));
    assert!(library::used_bytes() > 100);

    // Deleting removes the article and its summary, and drops what was still queued for it.
    library::rename(&LocalKv, &queue, short, "Renamed again", &EN).unwrap();
    assert_eq!(library::delete(&mut LocalKv, &queue, short, &EN).unwrap(), 2);
    assert!(queue.borrow().is_empty());
    flush(&queue);
    assert!(!library::contains(&LocalKv, &queue, doc.hash()));
    assert_eq!(stored_summary(&doc), None);
    assert_eq!(library::list(&LocalKv, &queue, &sample).len(), 1);
    assert!(library::load(&LocalKv, &queue, short, &EN).is_err());
}

#[wasm_bindgen_test]
fn an_article_stored_without_a_summary_is_listed_and_given_one() {
    local_storage().unwrap().clear().unwrap();
    let sample = parse_plain_text("Sample title\n\nSample body.");
    let doc = load_text(FileKind::Markdown, "# Older one\n\nBody.", None, Some("b.md")).unwrap();
    let added = marginalia::domain::annotation::time_from_millis(1_600_000_000_000.0);
    let stored = storage::encode_article(&doc, added);
    local_storage().unwrap().set_item(&storage::article_key(doc.hash()), &stored).unwrap();
    let queue = SharedQueue::default();

    let entries = library::list(&LocalKv, &queue, &sample);
    assert_eq!((entries.len(), entries[1].title.as_str(), entries[1].added), (2, "Older one", Some(added)));
    assert_eq!(queue.borrow().len(), 1, "the missing summary is queued");
    flush(&queue);
    assert_eq!(stored_summary(&doc), Some(ArticleSummary::of(&doc, added)));
    assert_eq!(local_storage().unwrap().get_item(&storage::article_key(doc.hash())).unwrap(), Some(stored));
}

#[wasm_bindgen_test]
fn a_damaged_stored_article_is_reported_not_opened() {
    local_storage().unwrap().clear().unwrap();
    let doc = parse_plain_text("Damaged\n\nBody.");
    let key = storage::article_key(doc.hash());
    local_storage().unwrap().set_item(&key, "{\"schema\":1,\"title\":").unwrap();
    let queue = SharedQueue::default();
    let message = library::load(&LocalKv, &queue, doc.hash().short(), &EN).unwrap_err();
    assert!(message.contains("cannot be opened"), "{message}");
    let mensaje = library::load(&LocalKv, &queue, doc.hash().short(), &ES).unwrap_err();
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
    assert_eq!(local_storage().unwrap().get_item(storage::LANG_KEY).unwrap().as_deref(), Some("es"));
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
