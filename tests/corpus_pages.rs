//! A few real pages of Readability's test corpus, each with the least word F1 (against Readability's own output) the extractor must keep, and its title.
//!
//! Each page stands for one principle that once failed on it: a furniture-named layout wrapper
//! around the whole article (blogger's "widget Blog"), an article in several sibling sections
//! (ehow-1), one spread over sections of a deeper layout (herald-sun-1), an article written as
//! lists (firefox-nightly-blog), a page titled "Site: Title" with a section heading (daringfireball-1),
//! and text in `<div><span>` lines (royal-road). The whole corpus is scored by
//! `examples/corpus_score.rs`; fixtures and licence in tests/fixtures/corpus/.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/corpus.rs"]
mod corpus;

const FOLDER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus");

#[test]
#[rustfmt::skip]
fn real_pages_keep_their_article_and_title() {
    // page                    least F1   before this work (F1)
    let pages = [
        ("blogger",              0.95),  // no article
        ("ehow-1",               0.90),  // 0.37
        ("herald-sun-1",         0.95),  // 0.85
        ("firefox-nightly-blog", 0.85),  // 0.18
        ("daringfireball-1",     0.95),  // 0.96, title "About This Site"
        ("royal-road",           0.95),  // 0.06
    ];
    for (name, least) in pages {
        let s = corpus::score(FOLDER, name);
        assert!(s.found, "{name}: no article");
        assert!(s.f1 >= least, "{name}: F1 {:.3} (P {:.3}, R {:.3}) below {least}", s.f1, s.precision, s.recall);
        assert!(s.title_ok, "{name}: title {:?}, Readability's {:?}", s.title, s.expected_title);
    }
}
