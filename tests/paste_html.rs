//! Native tests of rich paste: HTML from the clipboard keeps headings, paragraphs, lists, quotes, emphasis and safe links, and nothing else.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/html_model.rs"]
mod html_model;

use marginalia::domain::article::document::{BlockKind, Document, MarkKind};
use marginalia::domain::article::html_extract::extract_pasted;

/// What Chromium puts on the clipboard when part of a page is copied.
const CLIPBOARD: &str = r#"<html><body><!--StartFragment--><h1 style="color:red">Harbour plan divides the town</h1>
<p>By Ana Ruiz</p><p>March 3, 2025</p>
<p>The council met on <em>Monday</em> to debate the <strong>harbour plan</strong>, <a href="https://example.org/plan">published here</a>.</p>
<h2>What happens next</h2>
<ul><li>A consultation</li><li>A <a href="javascript:alert(1)">final</a> vote</li></ul>
<ol><li>First step</li></ol>
<blockquote><p>We will listen to everyone.</p></blockquote>
<script>window.LEAK = 1</script><style>p { color: red }</style><p onclick="alert(2)">Last line<img src=x onerror="alert(3)"></p>
<!--EndFragment--></body></html>"#;

fn pasted(html: &str, title: Option<&str>) -> Document {
    extract_pasted(&html_model::parse(html), title).into_document().expect("a document")
}

#[test]
fn pasted_html_keeps_structure_marks_and_safe_links() {
    let doc = pasted(CLIPBOARD, None);
    assert_eq!(doc.title(), "Harbour plan divides the town");
    assert_eq!(doc.meta().byline.as_deref(), Some("Ana Ruiz"));
    assert_eq!(doc.meta().date.as_deref(), Some("March 3, 2025"));
    let blocks: Vec<(BlockKind, u8, &str)> =
        doc.blocks()[1..].iter().map(|b| (b.kind, b.level, doc.block_text(b))).collect();
    assert_eq!(
        blocks,
        [
            (BlockKind::Paragraph, 0, "The council met on Monday to debate the harbour plan, published here."),
            (BlockKind::Heading, 2, "What happens next"),
            (BlockKind::ListItem, 0, "A consultation"),
            (BlockKind::ListItem, 0, "A final vote"),
            (BlockKind::NumberedItem, 0, "First step"),
            (BlockKind::Quote, 0, "We will listen to everyone."),
            (BlockKind::Paragraph, 0, "Last line"),
        ]
    );
    let marks: Vec<MarkKind> = doc.marks(1).iter().map(|m| m.mark.clone()).collect();
    assert!(marks.contains(&MarkKind::Emphasis) && marks.contains(&MarkKind::Strong), "{marks:?}");
    assert!(marks.contains(&MarkKind::Link { href: "https://example.org/plan".into() }), "{marks:?}");
    // The javascript: link keeps its text, never its target; script and style are not text.
    assert!(doc.marks(4).iter().all(|m| !matches!(m.mark, MarkKind::Link { .. })));
    assert!(!doc.text().contains("LEAK") && !doc.text().contains("color"));
}

#[test]
fn a_given_title_keeps_the_first_block_in_the_body() {
    let doc = pasted("<p>Just one paragraph, copied from a page.</p><p>And another.</p>", Some("My title"));
    assert_eq!(doc.title(), "My title");
    assert_eq!(doc.block_text(&doc.blocks()[1]), "Just one paragraph, copied from a page.");
    let doc = pasted("<p>Just one paragraph, copied from a page.</p><p>And another.</p>", None);
    assert_eq!(doc.title(), "Just one paragraph, copied from a page.");
}
