//! Native tests: the bundled sample article parses into a clean title, byline, date and body.
#![cfg(not(target_arch = "wasm32"))]

use marginalia::domain::article::document::BlockKind;
use marginalia::domain::article::plain_text::parse_plain_text;

const SAMPLE: &str = include_str!("../www/sample-article.txt");

#[test]
fn title_is_the_headline() {
    let doc = parse_plain_text(SAMPLE);
    assert_eq!(doc.title(), "Trump tells Mexican president he wants US troops to fight drug cartels");
    assert_eq!(doc.blocks()[0].kind, BlockKind::Heading);
    assert_eq!(doc.block_text(&doc.blocks()[0]), doc.title());
}

#[test]
fn byline_and_date_are_recognised() {
    let doc = parse_plain_text(SAMPLE);
    assert_eq!(doc.meta().byline.as_deref(), Some("Kate Linthicum, Los Angeles Times"));
    assert_eq!(doc.meta().date.as_deref(), Some("2025"));
}

#[test]
fn body_has_every_paragraph_and_nothing_else() {
    let doc = parse_plain_text(SAMPLE);
    let paragraphs: Vec<&str> =
        doc.blocks().iter().filter(|b| b.kind == BlockKind::Paragraph).map(|b| doc.block_text(b)).collect();
    assert_eq!(paragraphs.len(), 14, "{paragraphs:#?}");
    assert!(paragraphs[0].starts_with("MEXICO CITY — Mexico's leader said Saturday"));
    assert!(paragraphs.last().unwrap().starts_with("©2025 Los Angeles Times."));
}

#[test]
fn site_furniture_is_removed() {
    let doc = parse_plain_text(SAMPLE);
    for block in doc.blocks() {
        let text = doc.block_text(block);
        for furniture in ["Current News", "ArcaMax", "Published in News & Features", "Comments", "Disqus", "———"]
        {
            assert!(!text.contains(furniture) || text.len() > 200, "furniture {furniture:?} in {text:?}");
        }
        assert_ne!(text, "/");
    }
    assert!(!doc.text().contains("Disqus"));
    assert!(!doc.text().contains("———"));
}

#[test]
fn parsing_is_deterministic_and_hash_identifies_the_text() {
    let a = parse_plain_text(SAMPLE);
    let b = parse_plain_text(&SAMPLE.replace('\n', "\r\n"));
    assert_eq!(a.hash(), b.hash());
    assert_eq!(a.hash().0.len(), 64);
    let c = parse_plain_text(&SAMPLE.replace("Saturday", "Sunday"));
    assert_ne!(a.hash(), c.hash());
}
