//! Native tests: every export choice names its file, sets its type and produces its format.
#![cfg(not(target_arch = "wasm32"))]

use marginalia::domain::annotation::anchor::describe;
use marginalia::domain::annotation::tags::{TagId, TagSet};
use marginalia::domain::annotation::{time_from_millis, Annotation};
use marginalia::domain::article::plain_text::parse_plain_text;
use marginalia::domain::format::export::ExportKind;
use marginalia::domain::format::pack::ExportInfo;

#[test]
fn every_kind_renders_its_own_format() {
    let doc = parse_plain_text(include_str!("../www/sample-article.txt"));
    let at = time_from_millis(1_740_000_000_000.0);
    let annotation = Annotation {
        id: uuid::Uuid::from_u128(7),
        target: describe(&doc, 72, 83),
        tags: vec![TagId::new("claim")],
        note: "=SUM(A1) <b>note</b>".into(),
        author: "Ana".into(),
        created: at,
        modified: at,
    };
    let info = ExportInfo { source: Some("https://example.org/a"), by: "Ana", at };
    let check = |kind: ExportKind, name: &str, mime: &str, contains: &[&str]| {
        let (file, kind_mime, body) = kind.render(&doc, &TagSet::default(), [&annotation], &info);
        assert_eq!(file, name, "{kind:?}");
        assert_eq!(kind_mime, mime, "{kind:?}");
        for needle in contains {
            assert!(body.contains(needle), "{kind:?} lacks {needle:?}");
        }
        assert!(!kind.label().is_empty() && kind.description().ends_with('.'));
    };
    // Every file name starts with the exporter's name, then the title.
    let stem = "ana-trump-tells-mexican-president-he-wants-us-troops";
    check(
        ExportKind::Pack,
        &format!("{stem}.marginalia.json"),
        "application/json",
        &["\"format\": \"marginalia-pack\"", "MEXICO CITY"],
    );
    check(
        ExportKind::WebAnnotation,
        &format!("{stem}.w3c.jsonld"),
        "application/ld+json",
        &["AnnotationCollection", "TextQuoteSelector"],
    );
    check(
        ExportKind::Hypothesis,
        &format!("{stem}.hypothesis.json"),
        "application/json",
        &["\"export_date\"", "\"uri\": \"https://example.org/a\"", "TextQuoteSelector"],
    );
    check(
        ExportKind::Recogito,
        &format!("{stem}.recogito.jsonld"),
        "application/ld+json",
        &["[\n  {\n    \"@context\": \"http://www.w3.org/ns/anno.jsonld\"", "TextPositionSelector"],
    );
    check(ExportKind::Csv, &format!("{stem}.csv"), "text/csv;charset=utf-8", &["\u{feff}", "'=SUM(A1)"]);
    check(ExportKind::Markdown, &format!("{stem}.report.md"), "text/markdown;charset=utf-8", &["MEXICO CITY"]);
    check(
        ExportKind::HtmlReport,
        &format!("{stem}.report.html"),
        "text/html;charset=utf-8",
        &["&lt;b&gt;note&lt;/b&gt;", "Content-Security-Policy"],
    );
    assert_eq!(ExportKind::ALL.len(), 7);
}
