//! Browser test: the app mounts in a real page and shows the sample article's heading and paragraphs.
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn app_mounts_and_shows_the_article_heading() {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<marginalia::ui::app::App>::with_root(root.clone()).render();
    TimeoutFuture::new(50).await;

    let heading = root.query_selector("h1").unwrap().expect("the article heading is rendered");
    assert_eq!(
        heading.text_content().unwrap(),
        "Trump tells Mexican president he wants US troops to fight drug cartels"
    );
    let paragraphs = root.query_selector_all("article p[data-block]").unwrap();
    assert!(paragraphs.length() >= 10, "only {} paragraphs", paragraphs.length());
    let sidebar = root.query_selector("aside[aria-label='Annotations']").unwrap();
    assert!(sidebar.is_some(), "the Annotations sidebar is rendered");
}
