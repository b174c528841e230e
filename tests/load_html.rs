//! Native tests of the HTML article extractor on saved web pages: realistic news layouts, the bundled sample as an ArcaMax-like page, hostile markup, deep nesting and a large page.
//!
//! Fixtures live in `tests/fixtures/html/`; they are parsed with html5ever (through `scraper`, a
//! native-only dev-dependency) and converted into the domain's inert `HtmlElement` model the way
//! the browser adapter does: lower-case names, attributes and text, no comments, depth bounded by
//! `MAX_DEPTH`.
#![cfg(not(target_arch = "wasm32"))]

use marginalia::domain::article::document::{safe_link, BlockKind, Document, MarkKind};
use marginalia::domain::article::draft::ArticleDraft;
use marginalia::domain::article::html_extract::{extract_all_text, extract_article, ExtractError, MIN_ARTICLE_CHARS};
use marginalia::domain::article::html_tree::{HtmlElement, HtmlNode};
use marginalia::domain::article::plain_text::parse_plain_text;
use proptest::prelude::*;

#[path = "support/html_model.rs"]
mod html_model;
use html_model::parse;

// ---------------------------------------------------------------------------------------------
// Helpers.

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/html/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

fn extract_fixture(name: &str) -> (ArticleDraft, Document) {
    let draft = extract_article(&parse(&fixture(name))).unwrap_or_else(|e| panic!("{name}: {e}"));
    let doc = draft.clone().into_document().unwrap_or_else(|| panic!("{name}: empty document"));
    (draft, doc)
}

fn texts_of(doc: &Document, kind: BlockKind) -> Vec<&str> {
    doc.blocks().iter().filter(|b| b.kind == kind).map(|b| doc.block_text(b)).collect()
}

/// Every link mark of a document, in order.
fn links(doc: &Document) -> Vec<String> {
    (0..doc.blocks().len())
        .flat_map(|i| doc.marks(i).iter())
        .filter_map(|m| match &m.mark {
            MarkKind::Link { href } => Some(href.clone()),
            _ => None,
        })
        .collect()
}

/// Everything a draft would show: title, metadata, text and link targets.
fn everything(draft: &ArticleDraft, doc: &Document) -> String {
    let meta = &draft.meta;
    let metas = [&meta.byline, &meta.date, &meta.source].map(|m| m.clone().unwrap_or_default());
    format!("{}\n{}\n{}\n{}", draft.title, metas.join("\n"), doc.text(), links(doc).join("\n"))
}

/// Strings that are never article text, on any page.
const NEVER: &[&str] = &["<script", "</", "function(", "javascript:", "vbscript:", "data:text", "LEAK", "{"];

/// Extracts a fixture and checks its title (block 0, a level-1 heading), byline, date, first
/// paragraph, number of paragraphs, and that none of `must_not_contain` (nor [`NEVER`]) shows.
fn check(
    name: &str,
    title: &str,
    byline: Option<&str>,
    date: Option<&str>,
    first_paragraph_prefix: &str,
    paragraph_count: usize,
    must_not_contain: &[&str],
) {
    let (draft, doc) = extract_fixture(name);
    let paragraphs = texts_of(&doc, BlockKind::Paragraph);
    let context =
        format!("{name}:\n{:#?}", doc.blocks().iter().map(|b| (b.kind, doc.block_text(b))).collect::<Vec<_>>());
    assert_eq!(doc.title(), title, "title of {context}");
    assert_eq!(doc.blocks()[0].kind, BlockKind::Heading, "{context}");
    assert_eq!(doc.blocks()[0].level, 1, "{context}");
    assert_eq!(doc.block_text(&doc.blocks()[0]), title, "block 0 of {context}");
    assert_eq!(draft.meta.byline.as_deref(), byline, "byline of {context}");
    assert_eq!(draft.meta.date.as_deref(), date, "date of {context}");
    assert!(paragraphs.first().is_some_and(|p| p.starts_with(first_paragraph_prefix)), "first paragraph of {context}");
    assert_eq!(paragraphs.len(), paragraph_count, "paragraph count of {context}");
    let all = everything(&draft, &doc);
    for forbidden in must_not_contain.iter().chain(NEVER) {
        assert!(!all.contains(forbidden), "{forbidden:?} leaked into {context}\n{all}");
    }
    for href in links(&doc) {
        assert_eq!(safe_link(&href).as_deref(), Some(href.as_str()), "unsafe link {href:?} in {name}");
    }
    // The headline is never repeated as a body block.
    assert!(doc.blocks()[1..].iter().all(|b| doc.block_text(b) != title), "headline repeated in {context}");
}

// ---------------------------------------------------------------------------------------------
// Realistic pages, one line each.

#[test]
#[rustfmt::skip]
fn news_pages_yield_their_article_and_nothing_else() {
    //    fixture                       title                                                                   byline                                     date                               first paragraph starts with                                     paragraphs  must not contain
    check("newspaper.html",             "City council approves $2 billion transit plan after marathon session", Some("Maria Gonzalez, Tom Becker"),         Some("March 8, 2025"),             "The vote ends two years of debate",                            9,  &["Advertisement", "Sign up", "Most read", "Photo: Ana Ruiz", "Subscribe for", "We use cookies", "Breaking", "Skip to", "Facebook", "Copy link", "Related", "You Won't Believe", "All rights reserved", "Transportation", "Serving the valley", "Contact us", "Morning Ledger", "riverrat", "More from Local", "Updated March 9"]);
    check("wire_service.html",          "Drought pushes Panama Canal to limit ship crossings again",            Some("JUAN ZAMORANO and DÁNICA COTO"),       Some("2:05 PM EDT, June 2, 2025"), "PANAMA CITY (AP) — The Panama Canal will once again limit",    7,  &["ADVERTISEMENT", "RELATED COVERAGE", "Panama plans new reservoir", "Share", "Print", "AP Photo", "Top Stories", "Copyright 2025", "U.S. News", "Search", "World News", "___"]);
    check("blog_wordpress.html",        "Why I stopped tilling my vegetable beds",                              Some("Priya Raman"),                         Some("October 12, 2024"),          "For fifteen years I turned over every bed",                    5,  &["Garden Notes", "Small plots", "Skip to content", "Menu", "Posted on", "Share this", "Twitter", "Related", "Growing garlic", "Posted in", "Tagged", "Walt", "Leave a Reply", "Disqus", "Recent Posts", "About me", "Blue Ridge", "Proudly powered", "Previous Post", "October 14"]);
    check("portal_no_article_tag.html", "Local bakery celebrates 100 years of bread, gossip and cinnamon rolls", Some("Dale Whitmore, Staff Writer"),         Some("June 14, 2023"),             "When Anna Kowalski's great-grandfather opened a bakery",       7,  &["Springfield Gazette", "Local News", "Archives", "Print this story", "Email this story", "Reader comments", "springfieldmom", "Most Popular", "Sparkle Car Wash", "Copyright", "Contact Us"]);
    check("magazine.html",              "The Quiet Return of the Night Train",                                  Some("Elena Marsh"),                         Some("20 November 2024"),          "Across Europe, sleeper services written off a decade ago",     9,  &["free articles", "Subscribe", "Advertisement", "Continue reading", "Share this", "Sign up", "Read next", "The last ferry", "Meridian Media", "Features", "Illustrations by", "Back to top", "Night trains are back"]);
    check("sample_arcamax.html",        "Trump tells Mexican president he wants US troops to fight drug cartels", Some("Kate Linthicum, Los Angeles Times"), Some("2025"),                      "MEXICO CITY — Mexico's leader said Saturday",                  14, &["Current News", "ArcaMax", "Published in", "News & Features", "Comments", "Disqus", "———", "Sign Up", "Advertisement", "Cartoons", "Supreme Court weighs", "Facebook"]);
    check("hostile_scripts.html",       "Harbour authority reopens the old lighthouse to visitors",             Some("Morgan Lee"),                          Some("April 1, 2025"),             "The harbour authority reopened the 1874 lighthouse on Saturday", 6, &["alert", "onerror", "onclick", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "MATH", "HIDDEN", "IFRAME", "OBJECT", "INPUT", "TEXTAREA", "OPTION", "BUTTON", "CANVAS", "NOEMBED", "NOFRAMES", "COMMENT", "document.write", "Home"]);
}

// ---------------------------------------------------------------------------------------------
// The bundled sample, as a web page.

#[test]
fn sample_as_html_is_the_same_document_as_the_plain_text() {
    let (draft, from_html) = extract_fixture("sample_arcamax.html");
    let from_text = parse_plain_text(include_str!("../www/sample-article.txt"));
    assert_eq!(texts_of(&from_html, BlockKind::Paragraph), texts_of(&from_text, BlockKind::Paragraph));
    assert_eq!(from_html.text(), from_text.text());
    assert_eq!(from_html.hash(), from_text.hash(), "same text, same article identity");
    assert_eq!(from_html.title(), from_text.title());
    assert_eq!(from_html.meta().byline, from_text.meta().byline);
    assert_eq!(from_html.meta().date, from_text.meta().date);
    assert_eq!(draft.meta.source.as_deref(), Some("https://www.arcamax.example/currentnews/newsheadlines/s-3694020"));
    // The contributors' line keeps its emphasis, which never changes the text.
    let contributors = from_html.blocks().iter().position(|b| from_html.block_text(b).starts_with("(Cecilia")).unwrap();
    assert_eq!(from_html.marks(contributors)[0].mark, MarkKind::Emphasis);
}

// ---------------------------------------------------------------------------------------------
// Structure and inline marks.

#[test]
fn magazine_keeps_quotes_lists_headings_and_marks() {
    let (draft, doc) = extract_fixture("magazine.html");
    assert_eq!(draft.meta.source.as_deref(), Some("https://meridianreview.example/features/night-trains"));
    let headings: Vec<(u8, &str)> =
        doc.blocks().iter().filter(|b| b.kind == BlockKind::Heading).map(|b| (b.level, doc.block_text(b))).collect();
    assert_eq!(
        headings,
        [(1, "The Quiet Return of the Night Train"), (2, "The economics of sleep"), (2, "Booking, still an adventure")]
    );
    // The block quote is kept; the pull quotes (a figure and an aside repeating the text) are not.
    let quotes = texts_of(&doc, BlockKind::Quote);
    assert_eq!(quotes.len(), 2, "{quotes:#?}");
    assert!(quotes[0].starts_with("Night trains can be commercially viable"));
    assert!(quotes[1].starts_with("The main obstacles"));
    let items: Vec<(BlockKind, u8, &str)> = doc
        .blocks()
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::ListItem | BlockKind::NumberedItem))
        .map(|b| (b.kind, b.level, doc.block_text(b)))
        .collect();
    assert_eq!(items.len(), 6, "{items:#?}");
    assert_eq!(items[0], (BlockKind::NumberedItem, 0, "Fewer passengers per carriage than any daytime service."));
    assert_eq!(items[1].0, BlockKind::NumberedItem);
    assert!(items[1].2.starts_with("Track-access charges"));
    assert_eq!(items[2], (BlockKind::ListItem, 1, "France charges by the kilometre, whatever the hour."));
    assert_eq!(items[3], (BlockKind::ListItem, 1, "Germany discounts some night paths."));
    assert_eq!(items[5].0, BlockKind::NumberedItem);
    // The drop cap joins its word; marks cover exactly their text.
    let paragraphs = texts_of(&doc, BlockKind::Paragraph);
    assert!(paragraphs[1].starts_with("At 7.42pm on a wet Tuesday"), "{paragraphs:#?}");
    let marked = |kind: &MarkKind| -> Vec<&str> {
        (0..doc.blocks().len())
            .flat_map(|i| doc.marks(i).iter().map(move |m| (i, m)))
            .filter(|(_, m)| &m.mark == kind)
            .map(|(i, m)| {
                let b = doc.blocks()[i];
                doc.slice(b.start + m.start, b.start + m.end)
            })
            .collect()
    };
    assert_eq!(marked(&MarkKind::Emphasis)[0], "anything");
    assert_eq!(marked(&MarkKind::Strong), ["money-losing relic"]);
    assert_eq!(marked(&MarkKind::Code), ["ERR_NO_FARE"]);
    // Links: absolute kept, root-relative resolved against the page's address, protocol-relative made https, "#top" dropped.
    assert_eq!(
        links(&doc),
        [
            "https://www.deutschebahn.example/",
            "https://meridianreview.example/features/obb-nightjet-bet",
            "https://www.seat61.example/night-trains.htm",
        ]
    );
    assert_eq!(
        marked(&MarkKind::Link { href: "https://meridianreview.example/features/obb-nightjet-bet".into() }),
        ["bought the rolling stock"]
    );
}

#[test]
fn blog_lists_become_list_items() {
    let (_, doc) = extract_fixture("blog_wordpress.html");
    let items = texts_of(&doc, BlockKind::ListItem);
    assert_eq!(items.len(), 3, "{items:#?}");
    assert!(items[0].starts_with("Cover each bed"));
    assert_eq!(doc.blocks().iter().filter(|b| b.kind == BlockKind::Heading).count(), 2);
}

#[test]
fn text_split_by_double_line_breaks_becomes_paragraphs() {
    let (_, doc) = extract_fixture("portal_no_article_tag.html");
    let paragraphs = texts_of(&doc, BlockKind::Paragraph);
    assert!(paragraphs[4].starts_with("Mayor Linda Tran read a proclamation"), "{paragraphs:#?}");
    assert!(paragraphs[6].starts_with("Kowalski said she has no plans to retire."));
}

// ---------------------------------------------------------------------------------------------
// Hostile markup.

#[test]
fn hostile_links_keep_their_text_but_never_their_target() {
    let (draft, doc) = extract_fixture("hostile_scripts.html");
    assert_eq!(
        links(&doc),
        [
            "https://heritage.example/grants/lighthouse",
            "https://coastline.example/lighthouse-history",
            "mailto:tours@coastline.example"
        ]
    );
    for text in [
        "said project manager Ines Duarte.",
        "on the authority's website, by telephone, or at the harbour office; tours run daily",
        "a heritage grant, a local appeal",
    ] {
        assert!(doc.text().contains(text), "{text:?} missing from {}", doc.text());
    }
    // A javascript: og:url and canonical link are no source.
    assert_eq!(draft.meta.source, None);
    // Nothing anywhere in the draft (raw segments included) comes from a script, style or attribute.
    let raw = format!("{draft:?}");
    for leak in ["LEAK", "alert", "javascript", "data:", "vbscript", "onerror", "onclick", "display: none"] {
        assert!(!raw.contains(leak), "{leak:?} in {raw}");
    }
}

#[test]
fn links_are_kept_only_when_safe_whatever_the_spelling() {
    let hrefs = [
        ("javascript:alert(1)", None),
        (" JaVaScRiPt:alert(1)", None),
        ("jav\tascript:alert(1)", None),
        ("java\nscript:alert(1)", None),
        ("\u{1}javascript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("vbscript:msgbox(1)", None),
        ("JAVASCRIPT&colon;alert(1)", None), // the parser decodes the entity to ':'
        ("&#x6A;avascript:alert(1)", None),
        ("#section-2", None),
        ("relative/page.html", None),
        ("https://example.org/a?b=c", Some("https://example.org/a?b=c")),
        ("  http://example.org/  ", Some("http://example.org/")),
        ("mailto:desk@example.org", Some("mailto:desk@example.org")),
        ("//cdn.example.org/x", Some("https://cdn.example.org/x")),
        ("/news/story", Some("https://paper.example/news/story")),
    ];
    for (href, expected) in hrefs {
        let paragraph = format!(
            "<p>Readers who want more detail can follow <a href=\"{}\">this link</a>, which the newsroom added.</p>",
            href.replace('"', "&quot;")
        );
        let page = format!(
            "<html><head><meta property=\"og:url\" content=\"https://paper.example/section/story\"></head><body><article><h1>A headline</h1>{}</article></body></html>",
            paragraph.repeat(5)
        );
        let doc = extract_article(&parse(&page)).unwrap().into_document().unwrap();
        let found = links(&doc);
        match expected {
            Some(target) => assert_eq!(found, vec![target.to_string(); 5], "{href:?}"),
            None => assert!(found.is_empty(), "{href:?} kept as {found:?}"),
        }
        assert!(doc.text().contains("can follow this link, which"), "{href:?}: the link text stays");
    }
}

#[test]
fn deeply_nested_markup_is_bounded_and_the_article_still_found() {
    let depth = 10_000;
    let body = "<p>The river rose four feet overnight, flooding the lower town, closing the bridge and forcing the evacuation of two schools, the county said.</p>".repeat(4);
    let mut page = format!("<html><head><title>Flood closes bridge</title></head><body><article><h1>Flood closes bridge</h1>{body}</article>");
    for i in 0..depth {
        page.push_str(["<div>", "<span>", "<blockquote>", "<ul><li>", "<em>", "<section class=\"comments\">"][i % 6]);
    }
    page.push_str("DEEP_TEXT at the bottom of the pit</body></html>");
    let root = parse(&page);
    let draft = extract_article(&root).expect("the article before the pit is found");
    let doc = draft.into_document().unwrap();
    assert_eq!(doc.title(), "Flood closes bridge");
    assert_eq!(texts_of(&doc, BlockKind::Paragraph).len(), 4);
    let all = extract_all_text(&root).into_document().unwrap();
    assert!(all.text().contains("The river rose four feet overnight"));
    assert!(!all.text().contains("DEEP_TEXT"), "text below MAX_DEPTH is dropped by the builder");

    // Only the pit, no article: no panic, and NoArticle.
    let pit = format!("<html><body>{}<p>short</p></body></html>", "<div>".repeat(depth));
    assert_eq!(extract_article(&parse(&pit)), Err(ExtractError::NoArticle));
}

/// A tree far deeper than any builder makes, extracted on a thread with a small stack: every walk is iterative.
#[test]
fn walks_are_iterative_even_beyond_max_depth() {
    // Building and dropping a 20,000-level tree recurses in Drop, so that happens on a big stack.
    let big = std::thread::Builder::new().stack_size(256 * 1024 * 1024);
    big.spawn(|| {
        let paragraph = |text: &str| HtmlNode::Element(HtmlElement::new("p", vec![HtmlNode::Text(text.repeat(3))]));
        let mut inner = HtmlElement::new(
            "article",
            vec![
                HtmlNode::Element(HtmlElement::new("h1", vec![HtmlNode::Text("Deep headline".into())])),
                paragraph("Deep in the tree, a paragraph long enough to count, with commas, clauses and words. "),
                paragraph("Another paragraph down here, also long enough, so that the article is real enough. "),
            ],
        );
        for i in 0..20_000 {
            let name = ["div", "section", "span", "blockquote", "li"][i % 5];
            inner = HtmlElement::new(name, vec![HtmlNode::Element(inner)]);
        }
        let root =
            HtmlElement::new("html", vec![HtmlNode::Element(HtmlElement::new("body", vec![HtmlNode::Element(inner)]))]);
        let small = std::thread::Builder::new().stack_size(512 * 1024);
        std::thread::scope(|scope| {
            let handle = small
                .spawn_scoped(scope, || {
                    let article = extract_article(&root).map(|d| d.blocks.len());
                    let all = extract_all_text(&root).blocks.len();
                    (article, all)
                })
                .unwrap();
            let (article, all) = handle.join().expect("no stack overflow");
            assert_eq!(article, Ok(3));
            assert_eq!(all, 3);
        });
    })
    .unwrap()
    .join()
    .unwrap();
}

// ---------------------------------------------------------------------------------------------
// No article.

#[test]
fn a_page_without_an_article_fails_and_its_text_can_still_be_loaded() {
    let root = parse(&fixture("no_article.html"));
    let error = extract_article(&root).unwrap_err();
    assert_eq!(error, ExtractError::NoArticle);
    assert_eq!(
        error.to_string(),
        "No article was found in this page: it has no block of paragraphs long enough to be one."
    );
    let draft = extract_all_text(&root);
    let doc = draft.clone().into_document().unwrap();
    assert_eq!(doc.title(), "Search results for “lighthouse”");
    assert_eq!(doc.blocks()[0].kind, BlockKind::Heading);
    assert!(doc.blocks()[1..].iter().all(|b| b.kind == BlockKind::Paragraph));
    for text in [
        "Tide tables",
        "3 results, newest first.",
        "Fresnel lens returns after restoration",
        "January 3, 2025 · Books",
        "Next page",
        "© 2025 Coastline Courier",
    ] {
        assert!(doc.text().contains(text), "{text:?} missing from {}", doc.text());
    }
    let all = everything(&draft, &doc);
    for leak in ["LEAK", "searchConfig", "margin", "trackSearch"] {
        assert!(!all.contains(leak), "{leak:?} in {all}");
    }
    assert_eq!(doc.text().matches("Search results for").count(), 1, "the headline is block 0 only");
}

#[test]
fn all_text_of_a_hostile_page_is_visible_text_only() {
    let draft = extract_all_text(&parse(&fixture("hostile_scripts.html")));
    let doc = draft.clone().into_document().unwrap();
    assert!(doc.text().contains("The harbour authority reopened the 1874 lighthouse"));
    assert!(doc.text().contains("Home"), "menus are kept in the all-text view");
    let raw = format!("{draft:?}");
    for leak in [
        "SCRIPT_LEAK",
        "STYLE_LEAK",
        "NOSCRIPT",
        "TEMPLATE_LEAK",
        "SVG_LEAK",
        "MATH_LEAK",
        "HIDDEN_LEAK",
        "IFRAME_LEAK",
        "OBJECT_LEAK",
        "INPUT_LEAK",
        "TEXTAREA_LEAK",
        "OPTION_LEAK",
        "BUTTON_LEAK",
        "CANVAS_LEAK",
        "NOEMBED",
        "NOFRAMES",
        "COMMENT_NODE",
        "javascript",
        "alert",
    ] {
        assert!(!raw.contains(leak), "{leak:?} in {raw}");
    }
}

#[test]
fn too_little_paragraph_text_is_no_article() {
    let short = "<p>Just a short note, nothing more.</p>".repeat(2);
    let page = format!("<html><body><article><h1>Note</h1>{short}</article></body></html>");
    assert!(short.len() < MIN_ARTICLE_CHARS);
    assert_eq!(extract_article(&parse(&page)), Err(ExtractError::NoArticle));
    assert_eq!(extract_article(&HtmlElement::new("html", vec![])), Err(ExtractError::NoArticle));
    let empty = extract_all_text(&HtmlElement::new("html", vec![]));
    assert_eq!(empty.title, "Untitled article");
}

// ---------------------------------------------------------------------------------------------
// Size.

/// About 5 MB of article: must complete (no timing assertion; the walks are linear).
#[test]
fn a_five_megabyte_page_is_extracted() {
    let mut page = String::from("<!DOCTYPE html><html><head><title>The long report | Paper</title><script>var big = 1;</script></head><body><nav><a href=\"/\">Home</a></nav><main><article><h1>The long report</h1><p class=\"byline\">By Sam Writer</p>");
    let mut count = 0;
    while page.len() < 5 * 1024 * 1024 {
        count += 1;
        page.push_str(&format!(
            "<p>Paragraph {count} of the report, in which the committee describes, at length and with <em>some</em> care, the findings of section {count}, the <a href=\"https://example.org/annex/{count}\">annex</a> that supports them, and the objections raised by members who disagreed with the conclusions reached in the final draft.</p><div class=\"ad-slot\">Advertisement</div>"
        ));
        if count % 500 == 0 {
            page.push_str(&format!("<h2>Part {}</h2>", count / 500));
        }
    }
    page.push_str(
        "</article><aside class=\"sidebar\"><p>Sidebar text that should not appear.</p></aside></main></body></html>",
    );
    let root = parse(&page);
    let draft = extract_article(&root).unwrap();
    assert_eq!(draft.meta.byline.as_deref(), Some("Sam Writer"));
    let doc = draft.into_document().unwrap();
    assert_eq!(texts_of(&doc, BlockKind::Paragraph).len(), count);
    assert!(!doc.text().contains("Advertisement"));
    assert!(!doc.text().contains("Sidebar text"));
    assert_eq!(links(&doc).len(), count);
    assert!(extract_all_text(&root).blocks.len() > count);
}

// ---------------------------------------------------------------------------------------------
// Tag soup.

/// Pieces of markup, hostile and ordinary, for random pages. Script, style and attribute text
/// carries the marker ZQX; visible raw-text elements (xmp, plaintext) are left out, since a
/// browser shows what they hold.
const SOUP: &[&str] = &[
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<article>",
    "</article>",
    "<main>",
    "<section class=\"comments\">",
    "<aside>",
    "<header>",
    "</header>",
    "<footer>",
    "<nav>",
    "<h1>",
    "</h1>",
    "<h2>",
    "<ul>",
    "<ol>",
    "<li>",
    "</li>",
    "<blockquote>",
    "</blockquote>",
    "<pre>",
    "<em>",
    "</em>",
    "<b>",
    "<code>",
    "<br>",
    "<table><tr><td>",
    "</td></tr></table>",
    "<figure>",
    "<figcaption>",
    "<time datetime=\"2025-01-02\">",
    "</time>",
    "<div class=\"byline\">By ",
    "<span itemprop=\"author\">",
    "<div class=\"article-body paywall\">",
    "<div class=\"has-sidebar\">",
    "<div hidden>",
    "<span aria-hidden=\"true\">",
    "<p style=\"display:none\">",
    "<a href=\"javascript:ZQX()\">",
    "<a href=\"jav&#x09;ascript:ZQX()\">",
    "<a href=\" JaVaScRiPt:ZQX()\">",
    "<a href=\"data:text/html,ZQX\">",
    "<a href=\"vbscript:ZQX\">",
    "<a href=\"https://example.org/ok\">",
    "<a href=\"/relative\">",
    "</a>",
    "<img src=x onerror=\"ZQX()\">",
    "<svg><script>ZQX()</script><text>ZQX</text></svg>",
    "<math><mi>ZQX</mi></math>",
    "<script>ZQX()</script>",
    "<style>.ZQX{}</style>",
    "<noscript>ZQX</noscript>",
    "<template>ZQX</template>",
    "<iframe>ZQX</iframe>",
    "<textarea>ZQX</textarea>",
    "<select><option>ZQX</select>",
    "<object>ZQX</object>",
    "<button onclick=\"ZQX()\">",
    "<div onmouseover=\"ZQX()\">",
    "<!-- ZQX -->",
    "<title>ZQX</title>",
    "<meta property=\"og:title\" content=\"<b>ZQX</b>\">",
    "<meta name=\"author\" content=\"By Ann Lee\">",
    "<link rel=\"canonical\" href=\"javascript:ZQX\">",
    "&amp;",
    "&lt;script&gt;",
    "&#0;",
    "&nbsp;",
    "\u{0}",
    "Share this",
    "Advertisement",
    "———",
    "Comments",
    "naïve café 😀 ",
    "\u{202e}rtl ",
    "  \n\t ",
];

/// Article text, drawn often enough that many random pages hold an article.
const PROSE: &[&str] = &[
    "<p>The committee met on Tuesday, and after hours of debate, it approved the plan, with amendments.</p>",
    "<p>Officials said the work would begin in spring, weather permitting, and finish by autumn, at a cost of $4 million.</p>",
    "Residents who spoke at the hearing, most of them from the east side, said they had waited years for the repairs. ",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn tag_soup_never_panics_nor_leaks(
        pieces in proptest::collection::vec(prop_oneof![3 => 0..SOUP.len(), 2 => SOUP.len()..SOUP.len() + PROSE.len()], 0..120)
    ) {
        let page: String = pieces.iter().map(|&i| SOUP.get(i).copied().unwrap_or_else(|| PROSE[i - SOUP.len()])).collect();
        let root = parse(&format!("<html><head></head><body>{page}</body></html>"));
        let drafts = [extract_article(&root).ok(), Some(extract_all_text(&root))];
        for draft in drafts.into_iter().flatten() {
            let raw = format!("{draft:?}");
            prop_assert!(!raw.contains("ZQX"), "leak in {raw} from {page}");
            prop_assert!(!raw.to_lowercase().contains("javascript"), "{raw}");
            if let Some(doc) = draft.clone().into_document() {
                prop_assert_eq!(doc.blocks()[0].kind, BlockKind::Heading);
                prop_assert_eq!(doc.block_text(&doc.blocks()[0]), doc.title());
                for href in links(&doc) {
                    prop_assert_eq!(safe_link(&href), Some(href.clone()));
                }
            }
        }
    }
}
