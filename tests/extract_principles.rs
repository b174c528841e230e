//! Native table tests of the article extractor's principles on small hand-made pages: hints lower scores instead of removing wrappers, forms, span and `<br>` text, line breaks, sections, titles and bylines.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/html_model.rs"]
mod html_model;

use marginalia::domain::article::document::{BlockKind, Document};
use marginalia::domain::article::html_extract::extract_article;

/// Three paragraphs of article text, each long enough to score.
const STORY: &str =
    "<p>The council met on Monday evening to debate the new harbour plan, which has divided the town for years.</p>\
<p>Supporters say the plan will bring jobs, visitors and a safer quay, while opponents fear for the fishing fleet.</p>\
<p>A final vote is expected next month, after a public consultation that closes on the first of June this year.</p>";

/// A sidebar of links that is never article text.
const SIDEBAR: &str = "<div class=\"sidebar\"><ul><li><a href=\"/a\">SIDEBAR_LINK one</a></li><li><a href=\"/b\">SIDEBAR_LINK two</a></li></ul></div>";

fn page(head: &str, body: &str) -> Document {
    let html = format!("<!doctype html><html><head>{head}</head><body>{body}</body></html>");
    let draft = extract_article(&html_model::parse(&html)).unwrap_or_else(|e| panic!("{e} in {body}"));
    draft.into_document().expect("a document")
}

fn blocks(doc: &Document) -> Vec<(BlockKind, String)> {
    doc.blocks()[1..].iter().map(|b| (b.kind, doc.block_text(b).to_string())).collect()
}

#[test]
#[rustfmt::skip]
fn layout_wrappers_with_furniture_names_keep_their_article() {
    // Each wrapper's class or id holds a furniture word (sidebar, ad, modal, nav, widget, form); the article is inside.
    let wrappers = [
        "<div class=\"l-sidebar-fixed\">{}</div>",
        "<div class=\"theiaStickySidebar\">{}</div>",
        "<div class=\"non-ad-column-l\">{}</div>",
        "<div class=\"Page-ad-margins\">{}</div>",
        "<div class=\"m-advertisement-off-canvas--pusher\">{}</div>",
        "<div class=\"modal-enabled\">{}</div>",
        "<div class=\"has-section-nav\">{}</div>",
        "<div class=\"td-transition-content-and-menu\">{}</div>",
        "<div class=\"is-showingReadNextSidebar\">{}</div>",
        "<div class=\"widget Blog\" id=\"Blog1\">{}</div>",
        "<div class=\"elementor-widget-container\">{}</div>",
        "<div id=\"ad-portal\">{}</div>",
        "<form id=\"aspnetForm\" action=\"/page.aspx\">{}</form>",
        "<div class=\"i-nav_drawer_slide\"><main>{}</main></div>",
    ];
    for wrapper in wrappers {
        let body = wrapper.replace("{}", &format!("<div class=\"story\"><h1>Harbour plan</h1>{STORY}</div>{SIDEBAR}"));
        let doc = page("<title>Harbour plan</title>", &body);
        let text = doc.text();
        assert!(text.contains("The council met on Monday"), "{wrapper}: {text}");
        assert!(text.contains("A final vote is expected"), "{wrapper}: {text}");
        assert!(!text.contains("SIDEBAR_LINK"), "{wrapper}: the sidebar inside the wrapper is still left out: {text}");
    }
}

#[test]
fn furniture_beside_the_article_is_still_left_out() {
    let body = format!(
        "<div class=\"content\">{STORY}</div><div class=\"comments\"><p>COMMENT_TEXT I loved this, thanks for writing such a long piece about the harbour.</p></div>{SIDEBAR}"
    );
    let text = page("<title>Harbour plan</title>", &body).text().to_string();
    assert!(
        text.contains("The council met") && !text.contains("COMMENT_TEXT") && !text.contains("SIDEBAR_LINK"),
        "{text}"
    );
}

#[test]
fn text_in_spans_and_br_runs_counts_as_paragraphs() {
    // A chapter written as <div><span> lines, beside a short link list.
    let lines: String = (0..12)
        .map(|i| {
            format!("<div><span>Line {i} of the chapter goes on, with commas, and enough words to read.</span></div>")
        })
        .collect();
    let doc = page("<title>Chapter</title>", &format!("<div class=\"chapter\">{lines}</div>{SIDEBAR}"));
    assert!(doc.text().contains("Line 0 of the chapter") && doc.text().contains("Line 11 of the chapter"));
    // Bare text with <br> inside a div that also has block children.
    let body = "<div class=\"entry\"><h2>Notes</h2>First line of bare text in the post, long enough to count here, \
        with a few commas, and a few more words.<br>Second line of bare text in the post, also long enough to count, \
        with commas, words, and more.<br><br>Third line after a blank line, still the article, and still going on \
        for a while, with commas.<div class=\"meta\">x</div></div>";
    let doc = page("<title>Notes</title>", body);
    let texts: Vec<String> = blocks(&doc).into_iter().map(|(_, t)| t).collect();
    assert!(texts.iter().any(|t| t.starts_with("First line")), "{texts:#?}");
    assert!(texts.iter().any(|t| t.starts_with("Second line")), "{texts:#?}");
    assert!(texts.iter().any(|t| t.starts_with("Third line")), "{texts:#?}");
}

#[test]
fn line_breaks_separate_lines_and_pre_keeps_its_lines() {
    let changelog: String =
        (1..=8).map(|i| format!("Version 1.{i}: fixed a bug in the parser, and improved speed.<br>")).collect();
    let body = format!("<article><h1>Changelog</h1><p>{changelog}</p><pre>fn main() {{\n    println!(\"hi\");\n}}</pre>{STORY}</article>");
    let doc = page("<title>Changelog</title>", &body);
    let texts: Vec<String> = blocks(&doc).into_iter().map(|(_, t)| t).collect();
    for i in 1..=8 {
        assert!(
            texts.contains(&format!("Version 1.{i}: fixed a bug in the parser, and improved speed.")),
            "{texts:#?}"
        );
    }
    assert!(texts.contains(&"fn main() {".to_string()), "{texts:#?}");
    assert!(texts.contains(&"println!(\"hi\");".to_string()), "{texts:#?}");
}

#[test]
fn an_article_in_sibling_sections_is_whole() {
    let section = |n: usize| {
        format!(
            "<div class=\"layout\"><div class=\"col\"><div class=\"section-body\"><p>Section {n} opens with a long sentence, \
             with commas, about the harbour, the fleet, and the town.</p><p>Section {n} goes on with more of the story, \
             with commas, detail, quotes, and figures.</p></div></div></div><div class=\"figure\"><img src=\"x.jpg\"></div>"
        )
    };
    let body = format!("<div class=\"page\">{}</div>{SIDEBAR}", (1..=4).map(section).collect::<String>());
    let text = page("<title>Sections</title>", &body).text().to_string();
    for n in 1..=4 {
        assert!(text.contains(&format!("Section {n} opens")), "section {n} missing: {text}");
    }
}

#[test]
#[rustfmt::skip]
fn titles_and_bylines_as_readability_reads_them() {
    let cases: [(&str, &str, &str, Option<&str>); 5] = [
        // head, body before the story, title, byline
        ("<title>Babies who eat peanuts early may avoid allergy - WebMD</title>",
         "<h1>Allergies Health Center</h1>", "Babies who eat peanuts early may avoid allergy", None),
        ("<title>Daring Fireball: Colophon</title>", "<h1>About This Site</h1>", "Daring Fireball: Colophon", None),
        ("<title>Page</title><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\
          \"headline\":\"Harbour plan divides the town\",\"author\":[{\"name\":\"Ana Ruiz\"},{\"name\":\"Tom Lee\"}]}</script>",
         "", "Harbour plan divides the town", Some("Ana Ruiz, Tom Lee")),
        ("<title>Chapter one - Serial</title>", "<div class=\"author\">*****Notes*****</div>", "Chapter one - Serial", None),
        ("<title>Mozilla - Wikipedia</title>", "<div class=\"byline\">From Wikipedia, the free encyclopedia</div>", "Mozilla - Wikipedia", None),
    ];
    for (head, before, title, byline) in cases {
        let doc = page(head, &format!("{before}<div class=\"story\">{STORY}</div>"));
        assert_eq!(doc.title(), title, "{head}");
        assert_eq!(doc.meta().byline.as_deref(), byline, "{head}");
    }
}

#[test]
fn a_video_players_menus_inside_the_article_are_left_out() {
    let labels: String = [
        "Video Quality",
        "Auto",
        "High (HD)",
        "Medium",
        "Low",
        "Back",
        "Closed Captions",
        "Language",
        "English",
        "A",
        "Aa",
    ]
    .iter()
    .map(|l| format!("<div><span>{l}</span></div>"))
    .collect();
    // Code and lists of short items are made of short runs too, and stay.
    let recipe = "<ul><li>2 eggs</li><li>Salt</li><li>Milk</li><li>Flour</li><li>Butter</li><li>Sugar</li><li>Jam</li><li>Ice</li></ul>";
    let code = "<pre><span>let</span> <span>a</span> = <span>1</span>;\n<span>let</span> <span>b</span> = <span>2</span>;\n<span>a</span> + <span>b</span></pre>";
    let body = format!("<article><h1>Harbour plan</h1><div class=\"media\"><div class=\"settings\">{labels}</div></div>{STORY}{recipe}{code}</article>");
    let texts: Vec<String> = blocks(&page("<title>Harbour plan</title>", &body)).into_iter().map(|(_, t)| t).collect();
    for label in ["Video Quality", "Closed Captions", "Aa"] {
        assert!(!texts.iter().any(|t| t == label), "{label} kept: {texts:#?}");
    }
    for kept in [
        "2 eggs",
        "Jam",
        "let a = 1;",
        "a + b",
        "The council met on Monday evening to debate the new harbour plan, which has divided the town for years.",
    ] {
        assert!(texts.iter().any(|t| t == kept), "{kept} dropped: {texts:#?}");
    }
}

#[test]
fn ids_made_from_headings_and_state_classes_are_not_furniture() {
    // Each part holds a quarter of the text, so none is a wrapper: its own hint must not remove it.
    let part = |attrs: &str, heading: &str, n: usize| {
        format!(
            "<div {attrs}><h2>{heading}</h2><p>Part {n} opens with a long sentence, with commas, about the harbour, \
             the fleet, and the town council.</p><p>Part {n} goes on, with commas, with more of the story and its quotes.</p></div>"
        )
    };
    let body = format!(
        "<article><h1>Evolve</h1>{}{}{}{}<div class=\"comments\"><p>COMMENT_TEXT What a read, with commas, \
         and thanks for writing it all down for us here.</p></div></article>{SIDEBAR}",
        part("class=\"section\" id=\"sharing-with-a-single-developer\"", "Sharing with a single developer¶", 1),
        part("class=\"section has-section-nav\"", "Publishing", 2),
        part("class=\"non-ad-column-l\"", "Setting up", 3),
        part("class=\"is-showingReadNextSidebar\"", "Conclusion", 4),
    );
    let text = page("<title>Evolve</title>", &body).text().to_string();
    for n in 1..=4 {
        assert!(text.contains(&format!("Part {n} opens")), "part {n} missing: {text}");
    }
    // Found by the first pass, which leaves the comments out (a second pass without hints would keep them).
    assert!(!text.contains("SIDEBAR_LINK") && !text.contains("COMMENT_TEXT"), "{text}");
}

#[test]
fn link_items_of_a_list_that_also_holds_text_are_kept() {
    let body = format!(
        "<article><h1>Weekly notes</h1>{STORY}<ul><li><a href=\"https://example.org/review\">Our year in review</a></li>\
         <li>We landed a fix for the updater, which no longer starts twice.</li></ul>\
         <ul><li><a href=\"/a\">RELATED one</a></li><li><a href=\"/b\">RELATED two</a></li></ul></article>"
    );
    let texts: Vec<String> = blocks(&page("<title>Weekly notes</title>", &body)).into_iter().map(|(_, t)| t).collect();
    assert!(texts.contains(&"Our year in review".to_string()), "{texts:#?}");
    assert!(!texts.iter().any(|t| t.starts_with("RELATED")), "{texts:#?}");
}
