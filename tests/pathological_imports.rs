//! Hostile annotation files and plain-text articles (many tags, many annotations, repeated ids, long lines) are read with work linear in their size.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/linear.rs"]
mod linear;

use linear::{assert_linear, assert_linear_from, repeat};
use marginalia::domain::annotation::tags::TagSet;
use marginalia::domain::article::plain_text::parse_plain_text;
use marginalia::domain::format::import::read_file;

/// A W3C collection of about `bytes` with annotation k tagged `tags(k)`.
fn w3c(bytes: usize, tags: impl Fn(usize) -> Vec<String>) -> String {
    let items: Vec<serde_json::Value> = (0..bytes / 300)
        .map(|k| {
            let body: Vec<_> = tags(k)
                .into_iter()
                .map(|t| serde_json::json!({"type": "TextualBody", "purpose": "tagging", "value": t}))
                .collect();
            serde_json::json!({"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation",
                "id": format!("urn:uuid:00000000-0000-4000-8000-{k:012}"), "body": body,
                "target": {"selector": [{"type": "TextQuoteSelector", "exact": "words"}]}})
        })
        .collect();
    serde_json::Value::Array(items).to_string()
}

fn read(bytes: &str) {
    let _ = std::hint::black_box(read_file(bytes.as_bytes(), &TagSet::default()));
}

#[test]
fn annotation_files_are_read_in_linear_work() {
    // Past the 200 tags a set may hold, new names are no longer looked up: measured from 800 annotations.
    let own_tag = |b| w3c(b, |k| vec![format!("tag {k}")]);
    assert_linear_from("W3C, each annotation its own tag", 256 * 1024, 100, own_tag, read);
    let twenty = |b| w3c(b, |k| (0..20).map(|j| format!("t{}", (k + j) % 150)).collect());
    assert_linear_from("W3C, twenty tags each of a few", 256 * 1024, 100, twenty, read);
    let hypothesis = |b: usize| {
        let names: Vec<String> = (0..b / 8).map(|t| format!("t{t}")).collect();
        serde_json::json!({"export_date": "2026-01-01T00:00:00Z", "annotations": [{"id": "h", "created": "2026-01-01T00:00:00Z",
            "uri": "x", "tags": names, "target": [{"selector": [{"type": "TextQuoteSelector", "exact": "w"}]}]}]})
        .to_string()
    };
    assert_linear("Hypothesis, one annotation with thousands of tags", 50, hypothesis, read);
    assert_linear("deep arrays", 50, |b| repeat("[", b / 2) + &repeat("]", b / 2), read);
}

#[test]
fn plain_text_articles_are_read_in_linear_work() {
    let parse = |s: &str| {
        std::hint::black_box(parse_plain_text(s));
    };
    assert_linear("one long line", 50, |b| repeat("word ", b), parse);
    assert_linear("blank lines", 50, |b| repeat("\n", b), parse);
    assert_linear("one-word paragraphs", 50, |b| repeat("a\n\n", b), parse);
    assert_linear("furniture lines", 50, |b| repeat("Share this\nAdvertisement\n\n", b), parse);
}
