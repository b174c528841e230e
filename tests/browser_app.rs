//! Browser test: the app mounts in a real page and shows the sample article's heading and paragraphs.
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

/// Waits, checking every 10 ms, until `ready` holds; fails after `deadline_ms` saying what never came.
async fn wait_until(what: &str, deadline_ms: f64, ready: impl Fn() -> bool) {
    let deadline = js_sys::Date::now() + deadline_ms;
    while !ready() {
        assert!(js_sys::Date::now() < deadline, "timed out after {deadline_ms} ms waiting for {what}");
        TimeoutFuture::new(10).await;
    }
}

fn paragraphs(root: &Element) -> u32 {
    root.query_selector_all("article p[data-block]").map_or(0, |list| list.length())
}

#[wasm_bindgen_test]
async fn app_mounts_and_shows_the_article_heading() {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<marginalia::ui::app::App>::with_root(root.clone()).render();
    wait_until("the article heading and its paragraphs", 10_000.0, || {
        matches!(root.query_selector("h1"), Ok(Some(_))) && paragraphs(&root) >= 10
    })
    .await;

    let heading = root.query_selector("h1").unwrap().expect("the article heading is rendered");
    assert_eq!(
        heading.text_content().unwrap(),
        "Trump tells Mexican president he wants US troops to fight drug cartels"
    );
    assert!(paragraphs(&root) >= 10, "only {} paragraphs", paragraphs(&root));
    let sidebar = root.query_selector("aside[aria-label='Annotations']").unwrap();
    assert!(sidebar.is_some(), "the Annotations sidebar is rendered");
}
