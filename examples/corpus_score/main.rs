//! Scores the native article extractor on a folder of Readability test pages: word precision, recall and F1 against expected.html, title and byline matches.
//!
//! `cargo run --release --example corpus_score -- <test-pages folder> [page name to print]`.
//! A page is a real site when its source.html is 5,000 bytes or more (the corpus's own rule).
//! Not a test: it reports, it never fails (tests/corpus_pages.rs asserts minimum scores).

#[cfg(not(target_arch = "wasm32"))]
mod native;

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    native::main();
}
