//! Scores the native article extractor on one of Readability's test pages: word precision, recall and F1 against expected.html, title and byline matches.
//!
//! Shared by `examples/corpus_score.rs` (the whole corpus) and `tests/corpus_pages.rs` (a few pages
//! with minimum scores); it includes `html_model.rs` beside it.
#![allow(dead_code)] // each includer uses its own subset

use std::collections::HashMap;
use std::time::Instant;

use marginalia::domain::article::document::Document;
use marginalia::domain::article::html_extract::extract_article;

#[path = "html_model.rs"]
mod html_model;

/// One page's figures.
pub struct Score {
    pub name: String,
    pub real: bool,
    pub found: bool,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub title_ok: bool,
    pub byline_ok: bool,
    pub title: String,
    pub expected_title: String,
    pub byline: String,
    pub expected_byline: String,
    pub millis: f64,
}

pub fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

/// The expected title and byline of a page (missing ones are empty).
pub fn expected_meta(dir: &str) -> (String, String) {
    let meta: serde_json::Value =
        serde_json::from_str(&read(&format!("{dir}/expected-metadata.json"))).unwrap_or_default();
    let get = |k: &str| meta.get(k).and_then(|v| v.as_str()).unwrap_or_default().to_string();
    (get("title"), get("byline"))
}

/// The extracted document of a page, and how long extraction took (parsing not counted).
pub fn extract(dir: &str) -> (Option<Document>, f64) {
    let tree = html_model::parse(&read(&format!("{dir}/source.html")));
    let start = Instant::now();
    let doc = extract_article(&tree).ok().and_then(|d| d.into_document());
    (doc, start.elapsed().as_secs_f64() * 1000.0)
}

/// The body's text: every block after the title heading.
pub fn body_text(doc: &Document) -> String {
    doc.blocks()[1..].iter().map(|b| doc.block_text(b)).collect::<Vec<_>>().join("\n")
}

/// The same title, or Readability's with a site name after a separator that Marginalia leaves out ("Headline | Site").
pub fn title_matches(got: &str, expected: &str) -> bool {
    let (g, e) = (squash(got), squash(expected));
    if g == e {
        return true;
    }
    const SEPARATORS: &[&str] = &[" | ", " - ", " — ", " – ", " · ", " :: ", " » ", " / ", " _", "_"];
    let got = got.trim();
    !g.is_empty()
        && expected.trim().strip_prefix(got).is_some_and(|rest| SEPARATORS.iter().any(|s| rest.starts_with(s)))
}

fn squash(text: &str) -> String {
    html_model::words(text).join(" ")
}

pub fn score(folder: &str, name: &str) -> Score {
    let dir = format!("{folder}/{name}");
    let real = std::fs::metadata(format!("{dir}/source.html")).map_or(0, |m| m.len()) >= 5000;
    let expected = html_model::fragment_words(&read(&format!("{dir}/expected.html")));
    let (expected_title, expected_byline) = expected_meta(&dir);
    let (doc, millis) = extract(&dir);
    let got = doc.as_ref().map(|d| html_model::words(&body_text(d))).unwrap_or_default();
    let (precision, recall, f1) = overlap(&got, &expected);
    let title = doc.as_ref().map(|d| d.title().to_string()).unwrap_or_default();
    let byline = doc.as_ref().and_then(|d| d.meta().byline.clone()).unwrap_or_default();
    let (b, eb) = (squash(&byline), squash(&expected_byline));
    Score {
        name: name.to_string(),
        real,
        found: doc.is_some(),
        precision,
        recall,
        f1,
        title_ok: doc.is_some() && title_matches(&title, &expected_title),
        byline_ok: b == eb || (!b.is_empty() && !eb.is_empty() && (eb.contains(&b) || b.contains(&eb))),
        title,
        expected_title,
        byline,
        expected_byline,
        millis,
    }
}

/// Word-multiset precision, recall and F1 of `got` against `expected`.
pub fn overlap(got: &[String], expected: &[String]) -> (f64, f64, f64) {
    let mut counts: HashMap<&str, isize> = HashMap::new();
    for w in expected {
        *counts.entry(w).or_default() += 1;
    }
    let mut common = 0usize;
    for w in got {
        if let Some(c) = counts.get_mut(w.as_str()) {
            if *c > 0 {
                *c -= 1;
                common += 1;
            }
        }
    }
    if got.is_empty() || expected.is_empty() {
        let same = got.is_empty() && expected.is_empty();
        return if same { (1.0, 1.0, 1.0) } else { (0.0, 0.0, 0.0) };
    }
    let p = common as f64 / got.len() as f64;
    let r = common as f64 / expected.len() as f64;
    let f1 = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (p, r, f1)
}
