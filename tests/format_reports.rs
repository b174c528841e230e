//! Native tests of the exports for people: CSV for spreadsheets, the Markdown report and the standalone HTML report.
#![cfg(not(target_arch = "wasm32"))]

use marginalia::domain::annotation::anchor::describe;
use marginalia::domain::annotation::tags::{Tag, TagId, TagSet, UnderlineStyle};
use marginalia::domain::annotation::{Annotation, Target};
use marginalia::domain::article::document::{ArticleMeta, BlockKind, Document};
use marginalia::domain::format::pack::ExportInfo;
use marginalia::domain::format::{csv, html_report, markdown_report};
use sha2::{Digest, Sha256};
use time::macros::datetime;
use uuid::Uuid;

/// An article whose every text tries something: markup, formulas, quotes, entities.
fn doc() -> Document {
    Document::new(
        "<script>alert(1)</script> & \"Friends\"",
        ArticleMeta { byline: Some("Eve <eve@example.com>".into()), date: Some("2025".into()), source: None },
        &[
            (BlockKind::Heading, "<script>alert(1)</script> & \"Friends\""),
            (BlockKind::Paragraph, "=1+2 opens the <b>first</b> paragraph; 'quoted' text & more."),
            (
                BlockKind::Paragraph,
                "Second paragraph: @mention -minus +plus *stars* [link](javascript:x) # not a heading.",
            ),
        ],
    )
}

fn tags() -> TagSet {
    let mut tags = TagSet::default();
    tags.tags.push(Tag {
        id: TagId::new("evil"),
        name: "<img src=x onerror=alert(1)>".into(),
        colour: "red;background:url(x)".into(),
        underline: UnderlineStyle::Dotted,
        description: "</style><script>".into(),
        hotkey: None,
    });
    tags
}

fn annotation(d: &Document, n: u128, quote: &str, tags: &[&str], note: &str, author: &str) -> Annotation {
    let start = d.char_of_byte(d.text().find(quote).expect("quote in the text"));
    Annotation {
        id: Uuid::from_u128(n),
        target: describe(d, start, start + quote.chars().count()),
        tags: tags.iter().map(|t| TagId::new(t)).collect(),
        note: note.into(),
        author: author.into(),
        created: datetime!(2025-03-08 14:05:00 UTC),
        modified: datetime!(2025-03-09 08:00:00 UTC),
    }
}

fn annotations(d: &Document) -> Vec<Annotation> {
    vec![
        annotation(d, 1, "=1+2 opens", &["claim"], "=HYPERLINK(\"http://x\")", "@bob"),
        annotation(d, 2, "<b>first</b> paragraph", &["quote", "evil"], "line one\nline \"two\"\r\n-3", "Ann"),
        annotation(d, 3, "@mention -minus", &["policy-shift"], "", "+alice"),
        annotation(d, 4, "<script>alert(1)</script>", &["claim"], "</li><script>x</script>", ""),
        // Overlaps the second one.
        annotation(d, 5, "first</b> paragraph; 'quoted'", &["claim"], "", "Ann"),
        // An orphan: its quote is not at its positions.
        Annotation {
            target: Target {
                start: 3,
                end: 8,
                exact: "gone text".into(),
                prefix: String::new(),
                suffix: String::new(),
            },
            ..annotation(d, 6, "Second", &["quote"], "orphan note", "Ann")
        },
    ]
}

// ---------------------------------------------------------------------------------------------
// CSV.

/// Parses CSV the RFC 4180 way, for checking what a spreadsheet would see.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => assert_eq!(chars.next(), Some('\n'), "rows end with CRLF"),
            (false, '\n') => panic!("a bare line feed outside quotes"),
            (false, c) => cell.push(c),
        }
        if !quoted && c == '\r' {
            row.push(std::mem::take(&mut cell));
            rows.push(std::mem::take(&mut row));
        }
    }
    assert!(cell.is_empty() && row.is_empty(), "the file ends with a complete row");
    rows
}

fn check_cell(cell: &str, expected: &str) {
    assert_eq!(csv::text_cell(cell), expected, "{cell:?}");
}

#[test]
fn cells_are_quoted_and_formulas_defused() {
    check_cell("plain", "\"plain\"");
    check_cell("", "\"\"");
    check_cell("say \"hi\"", "\"say \"\"hi\"\"\"");
    check_cell("a,b\nc", "\"a,b\nc\"");
    check_cell("=SUM(A1)", "\"'=SUM(A1)\"");
    check_cell("+1", "\"'+1\"");
    check_cell("-1", "\"'-1\"");
    check_cell("@cmd", "\"'@cmd\"");
    check_cell("\t=1", "\"'\t=1\"");
    check_cell("\r=1", "\"'\r=1\"");
    check_cell("a=1", "\"a=1\"");
    check_cell(" =1", "\"' =1\"");
    check_cell("\u{200b}\u{ff1d}1", "\"'\u{200b}\u{ff1d}1\"");
    check_cell("😀 é", "\"😀 é\"");
}

#[test]
fn csv_has_a_bom_a_header_and_one_row_per_annotation() {
    let d = doc();
    let text = csv::export(&d, &tags(), &annotations(&d));
    assert!(text.starts_with(csv::BOM), "UTF-8 byte order mark for spreadsheet programs");
    let rows = parse_csv(&text[csv::BOM.len()..]);
    assert_eq!(rows[0], csv::HEADER);
    assert_eq!(rows.len(), 1 + annotations(&d).len());
    assert!(rows.iter().all(|r| r.len() == csv::HEADER.len()));
    // In article order: the title's annotation first (paragraph 0), then by start.
    assert_eq!(rows[1], ["Claim", "<script>alert(1)</script>", "</li><script>x</script>", "", "0", "0", "25"]);
    let by_quote = |q: &str| rows.iter().find(|r| r[1].ends_with(q)).unwrap_or_else(|| panic!("{q}"));
    assert_eq!(
        by_quote("=1+2 opens"),
        &["Claim", "'=1+2 opens", "'=HYPERLINK(\"http://x\")", "'@bob", "1", "39", "49"]
    );
    assert_eq!(by_quote("<b>first</b> paragraph")[0], "Quote; <img src=x onerror=alert(1)>");
    assert_eq!(by_quote("<b>first</b> paragraph")[2], "line one\nline \"two\"\r\n-3");
    assert_eq!(rows[6][1..], ["gone text", "orphan note", "Ann", "", "", ""], "orphans last, without positions");
    assert_eq!(by_quote("@mention -minus")[..5], ["Policy shift", "'@mention -minus", "", "'+alice", "2"]);
}

// ---------------------------------------------------------------------------------------------
// Markdown.

#[test]
fn markdown_report_lists_counts_and_annotations_with_text_escaped() {
    let d = doc();
    let info = ExportInfo { source: Some("https://e.com/?a=<b>"), by: "", at: datetime!(2025-03-10 09:00:00 UTC) };
    let text = markdown_report::export(&d, &tags(), &annotations(&d), &info);
    assert!(text.starts_with("# Annotations: \\<script\\>alert(1)\\</script\\> \\& \"Friends\"\n"), "{text}");
    assert!(text.contains("| Claim | 3 |"), "{text}");
    assert!(text.contains("| Quote | 2 |"));
    assert!(text.contains("| \\<img src=x onerror=alert(1)\\> | 1 |"));
    assert!(text.contains("> 1\\=1+2 opens") || text.contains("> \\=1+2 opens"), "{text}");
    assert!(text.contains("> \\@mention -minus") || text.contains("> @mention -minus"));
    assert!(text.contains("\\-3"), "a note line starting with - is not a list item");
    assert!(!text.contains("<script>"), "no raw HTML from the article or notes");
    assert!(!text.contains("<b>"));
    assert!(text.contains("Paragraph 2"));
    assert!(text.contains("Title or heading"));
}

#[test]
fn markdown_escaping() {
    for (line, expected) in [
        ("# heading", "\\# heading"),
        ("- item", "\\- item"),
        ("+ item", "\\+ item"),
        ("1. item", "1\\. item"),
        ("12) item", "12\\) item"),
        (
            "*a* _b_ `c` [d](e) <f> |g| ~h~ &i; !j",
            "\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\<f\\> \\|g\\| \\~h\\~ \\&i; \\!j",
        ),
        ("plain text 2024.", "plain text 2024."),
    ] {
        assert_eq!(markdown_report::escape_line(line), expected, "{line:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// HTML.

fn html() -> String {
    let d = doc();
    let info = ExportInfo { source: Some("javascript:alert(1)"), by: "", at: datetime!(2025-03-10 09:00:00 UTC) };
    html_report::export(&d, &tags(), &annotations(&d), &info)
}

#[test]
fn html_report_is_inert() {
    let page = html();
    assert_eq!(page.matches("<script").count(), 0, "no script element, not even from the article or notes");
    assert!(!page.contains("<img"), "tag names are text");
    assert!(!page.contains("<b>"), "article markup is text");
    assert!(!page.contains("href=\"javascript"), "the source is shown, never linked");
    assert!(!page.contains("red;background"), "a colour that is not #rrggbb never reaches CSS");
    assert!(!page.contains(" style="), "no inline style attributes (the CSP would block them)");
    for tag in page.split('<').skip(1).map(|t| &t[..t.find('>').unwrap_or(t.len())]) {
        assert!(!tag.contains(" on"), "no event handler attribute in <{tag}>");
    }
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(page.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(page.contains("&lt;/li&gt;&lt;script&gt;x&lt;/script&gt;"));
    assert!(page.contains("javascript:alert(1)"));
}

#[test]
fn html_report_has_a_strict_csp_matching_its_one_style() {
    let page = html();
    let csp_start = page.find("<meta http-equiv=\"Content-Security-Policy\" content=\"").expect("a CSP meta tag");
    let style_start = page.find("<style>").expect("one style element");
    assert!(csp_start < style_start, "the policy comes before the style it governs");
    assert_eq!(page.matches("<style>").count(), 1);
    let csp = &page[csp_start..][..page[csp_start..].find("\">").unwrap()];
    assert!(csp.contains("default-src 'none'"), "{csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert!(!csp.contains("script-src"), "scripts fall under default-src 'none'");
    let style = &page[style_start + 7..page.find("</style>").unwrap()];
    let digest = Sha256::digest(style.as_bytes());
    let expected = base64(&digest);
    assert!(csp.contains(&format!("style-src 'sha256-{expected}'")), "{csp} vs {expected}");
}

/// Base64 written independently of the report's, to check its hash.
fn base64(bytes: &[u8]) -> String {
    let alphabet: Vec<char> = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".chars().collect();
    let bits: String = bytes.iter().map(|b| format!("{b:08b}")).collect();
    let mut out: String = bits
        .as_bytes()
        .chunks(6)
        .map(|c| {
            let s: String = std::str::from_utf8(c).unwrap().to_string();
            alphabet[usize::from_str_radix(&format!("{s:0<6}"), 2).unwrap()]
        })
        .collect();
    while !out.len().is_multiple_of(4) {
        out.push('=');
    }
    out
}

#[test]
fn html_report_numbers_highlights_and_lists_notes_legend_and_counts() {
    let page = html();
    // Five placed annotations are numbered in the text; the orphan only among the notes.
    for n in 1..=5 {
        assert!(page.contains(&format!("<sup class=\"ref\" id=\"h{n}\"><a href=\"#n{n}\">[{n}]</a></sup>")), "ref {n}");
    }
    assert!(!page.contains("id=\"h6\""));
    for n in 1..=6 {
        assert!(page.contains(&format!("<li id=\"n{n}\">")), "note {n}");
    }
    assert!(page.contains("passage not found in this version of the article"));
    assert!(
        page.contains("<mark class=\"t1\">&lt;b&gt;</mark><mark class=\"t0 overlap\">first"),
        "overlaps: the inner one colours, both marked"
    );
    // The legend counts each tag once per annotation, in tag-set order.
    let legend = &page[page.find("<section class=\"legend\">").unwrap()..page.find("</section>").unwrap()];
    let claim = legend.find("Claim</mark> 3").expect("Claim 3");
    let quote = legend.find("Quote</mark> 2").expect("Quote 2");
    let shift = legend.find("Policy shift</mark> 1").expect("Policy shift 1");
    assert!(claim < quote && quote < shift, "{legend}");
    assert!(page.contains("<mark class=\"t3\">&lt;img src=x onerror=alert(1)&gt;</mark> 1"));
    assert!(page.contains(".t3{background:#99999940"), "the bad colour is replaced");
    assert!(page.contains("<h1><mark class=\"t0\">&lt;script&gt;alert(1)&lt;/script&gt;</mark>"));
}

// ---------------------------------------------------------------------------------------------
// Reports made for people: the exporter's name, local times, the title once, unmistakable numbers.

#[test]
fn reports_name_the_exporter_and_give_local_times() {
    let d = doc();
    let madrid = ExportInfo { source: None, by: "Ana <b>Ruiz</b>", at: datetime!(2025-03-10 10:00:00 +01:00) };
    let markdown = markdown_report::export(&d, &tags(), &annotations(&d), &madrid);
    assert!(
        markdown.contains("By Ana \\<b\\>Ruiz\\</b\\> · 6 annotations · exported 2025-03-10 10:00 (UTC+01:00)"),
        "{markdown}"
    );
    // Modified 2025-03-09 08:00 UTC is 09:00 in Madrid.
    assert!(markdown.contains("· 2025-03-09 09:00"), "{markdown}");
    assert!(!markdown.contains("T08:00:00Z"), "no raw UTC times: {markdown}");
    let html = html_report::export(&d, &tags(), &annotations(&d), &madrid);
    assert!(
        html.contains("By Ana &lt;b&gt;Ruiz&lt;/b&gt; · 6 annotations · exported 2025-03-10 10:00 (UTC+01:00)"),
        "{html}"
    );
    assert!(html.contains("2025-03-09 09:00"));

    let cases = [
        (datetime!(2025-03-10 09:00:00 UTC), "", "6 annotations · exported 2025-03-10 09:00 (UTC)"),
        (
            datetime!(2025-03-10 06:30:00 -03:30),
            "Ben",
            "By Ben · 6 annotations · exported 2025-03-10 06:30 (UTC-03:30)",
        ),
        (datetime!(2025-03-10 14:45:00 +05:45), "  ", "6 annotations · exported 2025-03-10 14:45 (UTC+05:45)"),
    ];
    for (at, by, want) in cases {
        assert_eq!(html_report::exported_line(&ExportInfo { source: None, by, at }, 6), want);
    }
    assert_eq!(
        html_report::exported_line(&ExportInfo { source: None, by: "", at: datetime!(2025-03-10 09:00:00 UTC) }, 1),
        "1 annotation · exported 2025-03-10 09:00 (UTC)"
    );
}

#[test]
fn the_html_report_shows_the_title_once_and_numbers_nested_highlights_apart() {
    let d = Document::new(
        "Short title",
        ArticleMeta::default(),
        &[(BlockKind::Heading, "Short title"), (BlockKind::Paragraph, "Nested highlights end together here.")],
    );
    let outer = annotation(&d, 1, "Nested highlights end together", &["claim"], "", "");
    let inner = annotation(&d, 2, "end together", &["quote"], "", "");
    let info = ExportInfo { source: None, by: "Ana", at: datetime!(2025-03-10 09:00:00 UTC) };
    let page = html_report::export(&d, &TagSet::default(), &[outer, inner], &info);
    let body = &page[page.find("<body>").unwrap()..];
    assert_eq!(body.matches("Short title").count(), 1, "the title once: {body}");
    assert!(body.contains("<h1>Short title</h1>"), "{body}");
    assert!(body.contains("[1]</a></sup><sup class=\"ref\" id=\"h2\"><a href=\"#n2\">[2]</a></sup>"), "{body}");
    // An article whose first block is not its title keeps the title as the heading.
    let untitled = Document::new("Given title", ArticleMeta::default(), &[(BlockKind::Paragraph, "Only a paragraph.")]);
    let page = html_report::export(&untitled, &TagSet::default(), &[], &info);
    assert!(page.contains("<h1>Given title</h1>") && page.contains("<p>Only a paragraph."), "{page}");
}

/// Reports are written in the exporter's UI language: headings, counts, places and the signature line.
#[test]
fn reports_speak_the_exporters_language() {
    use marginalia::domain::format::export::ExportKind;
    use marginalia::domain::i18n::{REPORT_EN, REPORT_ES};
    let d = Document::new(
        "Short title",
        ArticleMeta::default(),
        &[(BlockKind::Heading, "Short title"), (BlockKind::Paragraph, "Nested highlights end together here.")],
    );
    let one = annotation(&d, 1, "Nested highlights", &["claim"], "Una nota", "");
    let info = ExportInfo { source: None, by: "Ana", at: datetime!(2025-03-10 10:00:00 +01:00) };
    // (words, what the Markdown report says, what the HTML report says)
    let cases = [
        (
            &REPORT_EN,
            [
                "# Annotations: Short title",
                "By Ana · 1 annotation · exported 2025-03-10 10:00 (UTC+01:00)",
                "## Tags",
                "| Tag | Annotations |",
                "Paragraph 1 · ",
            ],
            [
                "<html lang=\"en\">",
                "<title>Annotations: Short title</title>",
                "<h2>Tags</h2>",
                "<h2>Notes</h2>",
                " · paragraph 1",
            ],
        ),
        (
            &REPORT_ES,
            [
                "# Anotaciones: Short title",
                "De Ana · 1 anotación · exportado el 2025-03-10 10:00 (UTC+01:00)",
                "## Etiquetas",
                "| Etiqueta | Anotaciones |",
                "Párrafo 1 · ",
            ],
            [
                "<html lang=\"es\">",
                "<title>Anotaciones: Short title</title>",
                "<h2>Etiquetas</h2>",
                "<h2>Notas</h2>",
                " · párrafo 1",
            ],
        ),
    ];
    for (words, markdown, html) in cases {
        let (name, _, md) = ExportKind::Markdown.render_in(&d, &TagSet::default(), [&one], &info, words);
        assert!(name.starts_with("ana-"), "{name}");
        for want in markdown {
            assert!(md.contains(want), "{want:?} in {md}");
        }
        let (_, _, page) = ExportKind::HtmlReport.render_in(&d, &TagSet::default(), [&one], &info, words);
        for want in html {
            assert!(page.contains(want), "{want:?} in {page}");
        }
    }
    // Without a language, English, as before.
    assert_eq!(
        markdown_report::export(&d, &TagSet::default(), [&one], &info),
        ExportKind::Markdown.render_in(&d, &TagSet::default(), [&one], &info, &REPORT_EN).2
    );
}
