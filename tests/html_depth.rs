//! Native tests of the nesting count that refuses a page before the browser's parser sees it: real markup stays shallow, unclosed soup does not.
#![cfg(not(target_arch = "wasm32"))]

use marginalia::domain::article::html_tree::{open_depth, MAX_OPEN_DEPTH};

#[test]
fn nesting_is_counted_as_a_parser_would_build_it() {
    let cases: &[(&str, &str, usize)] = &[
        ("closed elements", "<html><body><div><p>a</p><div><span>b</span></div></div></body></html>", 3),
        ("paragraphs and list items left open", "<div><p>a<p>b<p>c<ul><li>x<li>y</ul></div>", 2),
        ("void and self-closed elements", "<div><br><img src=x><input/><hr><span/></div>", 1),
        ("comments hold no tags", "<div><!-- <div><div><div> --></div>", 1),
        ("an end tag too many", "</div></div><div>a</div>", 1),
        ("unclosed divs", "<div><div><div><div>text", 4),
        ("upper-case tags", "<DIV><Section>a</SECTION></div>", 2),
        ("a lone less-than sign", "a < b <div> and 3<4 </div>", 1),
    ];
    for (name, html, depth) in cases {
        assert_eq!(open_depth(html), *depth, "{name}");
    }
}

#[test]
fn the_corpus_of_real_pages_stays_far_under_the_limit_and_soup_goes_over() {
    let fixtures = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/html")).expect("fixtures");
    for entry in fixtures {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|e| e == "html") {
            let html = String::from_utf8_lossy(&std::fs::read(&path).expect("readable")).into_owned();
            // The fixtures include hostile ones made 10,000 levels deep on purpose.
            let depth = open_depth(&html);
            assert!(!(500..=MAX_OPEN_DEPTH / 2).contains(&depth), "{}: {depth}", path.display());
        }
    }
    let soup = "<div>".repeat(100_000);
    assert!(open_depth(&soup) > MAX_OPEN_DEPTH);
    let formatting = "<b><i>".repeat(10_000);
    assert!(open_depth(&formatting) > MAX_OPEN_DEPTH);
}
