//! Native tests of the plain-text and Markdown loaders and of file decoding, including hostile and oversized input.
#![cfg(not(target_arch = "wasm32"))]

use marginalia::domain::article::document::{BlockKind, Document, MarkKind};
use marginalia::domain::article::loader::{decode, load_plain_text, load_text, FileKind, LoadError, MAX_FILE_BYTES};

/// (kind, text of each block) of a document, for compact expectations.
fn shape(doc: &Document) -> Vec<(BlockKind, u8, String)> {
    doc.blocks().iter().map(|b| (b.kind, b.level, doc.block_text(b).to_string())).collect()
}

fn check_plain(source: &str, title: Option<&str>, expected_title: &str, expected_paragraphs: &[&str]) {
    let doc = load_text(FileKind::PlainText, source, title, None).unwrap();
    // The app's own plain-text path (no Markdown parser in the first visit's wasm) reads the same.
    assert_eq!(load_plain_text(source, title, None).unwrap(), doc, "{source:?}");
    assert_eq!(doc.title(), expected_title, "{source:?}");
    let paragraphs: Vec<String> = shape(&doc).into_iter().skip(1).map(|(_, _, t)| t).collect();
    assert_eq!(paragraphs, expected_paragraphs, "{source:?}");
    assert_eq!(doc.blocks()[0].kind, BlockKind::Heading);
}

#[test]
fn plain_text_paragraphs_titles_and_folding() {
    check_plain("Title\n\nOne\ntwo lines.\n\nThree.", None, "Title", &["One two lines.", "Three."]);
    check_plain(
        "Title on line one\nBody starts on line two.\n\nMore.",
        None,
        "Title on line one",
        &["Body starts on line two.", "More."],
    );
    check_plain(
        "First line is body\n\nSecond.",
        Some("Given title"),
        "Given title",
        &["First line is body", "Second."],
    );
    check_plain("  Spaced   title  \r\n\r\n\tTabs\tand   spaces  ", None, "Spaced title", &["Tabs and spaces"]);
    check_plain("Only a title", None, "Only a title", &[]);
    check_plain("T\n\n———\n\nBody\n\nComments", None, "T", &["Body"]);
}

#[test]
fn plain_text_byline_date_and_source() {
    let doc = load_text(
        FileKind::PlainText,
        "Headline here\n\nBy Ana Ruiz\n\nMarch 8, 2025\n\nBody text.",
        None,
        Some(" https://example.org/a "),
    )
    .unwrap();
    assert_eq!(doc.meta().byline.as_deref(), Some("Ana Ruiz"));
    assert_eq!(doc.meta().date.as_deref(), Some("March 8, 2025"));
    assert_eq!(doc.meta().source.as_deref(), Some("https://example.org/a"));
    assert_eq!(shape(&doc).len(), 2);
}

fn check_md(source: &str, expected: &[(BlockKind, u8, &str)]) {
    let doc = load_text(FileKind::Markdown, source, None, None).unwrap();
    let got = shape(&doc);
    let want: Vec<(BlockKind, u8, String)> = expected.iter().map(|(k, l, t)| (*k, *l, t.to_string())).collect();
    assert_eq!(got, want, "{source:?}");
}

#[test]
fn markdown_blocks() {
    use BlockKind::*;
    check_md(
        "# Title\n\nPara one\ncontinues.\n\n## Section\n\nPara two.",
        &[
            (Heading, 1, "Title"),
            (Paragraph, 0, "Para one continues."),
            (Heading, 2, "Section"),
            (Paragraph, 0, "Para two."),
        ],
    );
    check_md(
        "# T\n\n> Quoted words\n> more.\n\nAfter.",
        &[(Heading, 1, "T"), (Quote, 0, "Quoted words more."), (Paragraph, 0, "After.")],
    );
    check_md(
        "# T\n\n- one\n- two\n  - nested\n\n1. first\n2. second",
        &[
            (Heading, 1, "T"),
            (ListItem, 0, "one"),
            (ListItem, 0, "two"),
            (ListItem, 1, "nested"),
            (NumberedItem, 0, "first"),
            (NumberedItem, 0, "second"),
        ],
    );
    check_md(
        "# T\n\n- loose one\n\n- loose two",
        &[(Heading, 1, "T"), (ListItem, 0, "loose one"), (ListItem, 0, "loose two")],
    );
    // Raw HTML is text, exactly as written.
    check_md(
        "# T\n\n<script>alert(1)</script>\n\nA <b onclick=\"x()\">bold</b> claim.",
        &[
            (Heading, 1, "T"),
            (Paragraph, 0, "<script>alert(1)</script>"),
            (Paragraph, 0, "A <b onclick=\"x()\">bold</b> claim."),
        ],
    );
    check_md("No heading here.\n\nSecond.", &[(Paragraph, 0, "No heading here."), (Paragraph, 0, "Second.")]);
}

#[test]
fn markdown_marks_and_links() {
    let doc = load_text(
        FileKind::Markdown,
        "# T\n\nSome *soft* and **loud** `code` [safe](https://example.org) [bad](javascript:alert(1)) [tricky](JaVaScRiPt:alert(1)) [mail](mailto:a@b.c) ![img](x.png)",
        None,
        None,
    )
    .unwrap();
    let index = 1;
    let text = doc.block_text(&doc.blocks()[index]);
    assert_eq!(text, "Some soft and loud code safe bad tricky mail");
    let marks: Vec<(String, MarkKind)> = doc
        .marks(index)
        .iter()
        .map(|m| (marginalia::domain::text::slice_chars(text, m.start, m.end).to_string(), m.mark.clone()))
        .collect();
    assert_eq!(
        marks,
        vec![
            ("soft".to_string(), MarkKind::Emphasis),
            ("loud".to_string(), MarkKind::Strong),
            ("code".to_string(), MarkKind::Code),
            ("safe".to_string(), MarkKind::Link { href: "https://example.org".into() }),
            ("mail".to_string(), MarkKind::Link { href: "mailto:a@b.c".into() }),
        ]
    );
}

#[test]
fn given_title_for_markdown_becomes_the_heading() {
    let doc = load_text(FileKind::Markdown, "Body only.", Some("Pasted title"), None).unwrap();
    assert_eq!(doc.title(), "Pasted title");
    assert_eq!(doc.block_text(&doc.blocks()[0]), "Pasted title");
}

#[test]
fn file_kinds_by_name() {
    for (name, kind) in [
        ("a.txt", Some(FileKind::PlainText)),
        ("A.MD", Some(FileKind::Markdown)),
        ("page.htm", Some(FileKind::Html)),
        ("page.html", Some(FileKind::Html)),
        ("photo.png", None),
        ("noext", None),
    ] {
        assert_eq!(FileKind::from_name(name), kind, "{name}");
    }
}

fn check_decode(bytes: &[u8], expected: Result<&str, LoadError>, noted: bool) {
    let got = decode(bytes);
    match (&got, &expected) {
        (Ok(d), Ok(text)) => {
            assert_eq!(d.text, *text);
            assert_eq!(d.note.is_some(), noted, "{bytes:?}");
        }
        (Err(e), Err(want)) => assert_eq!(e, want),
        _ => panic!("{bytes:?}: got {got:?}, want {expected:?}"),
    }
}

#[test]
fn decoding_and_bad_files() {
    check_decode(b"Plain ASCII", Ok("Plain ASCII"), false);
    check_decode("Ünïcödé 😀".as_bytes(), Ok("Ünïcödé 😀"), false);
    check_decode(b"\xEF\xBB\xBFWith BOM", Ok("With BOM"), false);
    check_decode(b"\xFF\xFEH\x00i\x00", Ok("Hi"), false);
    check_decode(b"\xFE\xFF\x00H\x00i", Ok("Hi"), false);
    check_decode(b"\x93Caf\xe9\x94 \x96 \x80", Ok("“Café” – €"), true);
    check_decode(b"", Err(LoadError::Empty), false);
    check_decode(b"  \n\t ", Err(LoadError::Empty), false);
    check_decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", Err(LoadError::Binary), false);
    check_decode(b"\xFF\xFEH", Err(LoadError::InvalidUtf16), false);
    let big = vec![b'a'; MAX_FILE_BYTES + 1];
    check_decode(&big, Err(LoadError::TooLarge { bytes: MAX_FILE_BYTES + 1 }), false);
}

#[test]
fn errors_read_as_sentences() {
    for e in [
        LoadError::Empty,
        LoadError::TooLarge { bytes: 12_000_000 },
        LoadError::Binary,
        LoadError::NoText,
        LoadError::InvalidUtf16,
    ] {
        let message = e.to_string();
        assert!(message.ends_with('.') && message.len() > 15, "{message}");
    }
    assert!(LoadError::TooLarge { bytes: 12_000_000 }.to_string().contains("11.4 MB"));
}

#[test]
fn a_five_megabyte_article_loads() {
    let paragraph = "Officials said the plan, announced on Tuesday, would change how the border is policed. ";
    let mut source = String::from("A very long article\n\n");
    while source.len() < 5 * 1024 * 1024 {
        source.push_str(&paragraph.repeat(8));
        source.push_str("\n\n");
    }
    let doc = load_text(FileKind::PlainText, &source, None, None).unwrap();
    assert!(doc.len_chars() > 5_000_000);
    assert!(doc.blocks().len() > 7_000);
    let md = load_text(FileKind::Markdown, &source, None, None).unwrap();
    // The same text either way: the first line is a heading in one and a paragraph in the other.
    assert_eq!(md.len_chars(), doc.len_chars());
}

#[test]
fn plain_text_keeps_its_source_as_load_text_does() {
    let doc = load_plain_text("Title\n\nBody text.", None, Some("  https://example.org/a  ")).unwrap();
    assert_eq!(doc.meta().source.as_deref(), Some("https://example.org/a"));
    assert_eq!(load_plain_text(" \n\n ", None, None), load_text(FileKind::PlainText, " \n\n ", None, None));
}
