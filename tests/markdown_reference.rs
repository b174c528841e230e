//! The app's own Markdown parser against pulldown-cmark (a native dev-dependency only): the same articles, block for block and mark for mark.
#![cfg(not(target_arch = "wasm32"))]

use marginalia::domain::article::document::{BlockKind, Document, MarkKind};
use marginalia::domain::article::markdown::{draft_from_events, events, parse_markdown, Event, Tag};
use proptest::prelude::*;
use pulldown_cmark::{Event as Cm, HeadingLevel, Options, Parser, Tag as CmTag, TagEnd};

/// pulldown-cmark's events in the app's terms; what the app ignores (tables, footnotes, …) is dropped.
fn reference_events(source: &str) -> Vec<Event> {
    let tag = |t: CmTag| -> Option<Tag> {
        Some(match t {
            CmTag::Paragraph => Tag::Paragraph,
            CmTag::Heading { level, .. } => Tag::Heading(level_number(level)),
            CmTag::BlockQuote(_) => Tag::BlockQuote,
            CmTag::CodeBlock(_) => Tag::CodeBlock,
            CmTag::HtmlBlock => Tag::HtmlBlock,
            CmTag::List(first) => Tag::List(first.is_some()),
            CmTag::Item => Tag::Item,
            CmTag::Emphasis => Tag::Emphasis,
            CmTag::Strong => Tag::Strong,
            CmTag::Link { dest_url, .. } => Tag::Link(dest_url.to_string()),
            CmTag::Image { .. } => Tag::Image,
            _ => return None,
        })
    };
    let end = |t: TagEnd| -> Option<Tag> {
        Some(match t {
            TagEnd::Paragraph => Tag::Paragraph,
            TagEnd::Heading(level) => Tag::Heading(level_number(level)),
            TagEnd::BlockQuote(_) => Tag::BlockQuote,
            TagEnd::CodeBlock => Tag::CodeBlock,
            TagEnd::HtmlBlock => Tag::HtmlBlock,
            TagEnd::List(numbered) => Tag::List(numbered),
            TagEnd::Item => Tag::Item,
            TagEnd::Emphasis => Tag::Emphasis,
            TagEnd::Strong => Tag::Strong,
            TagEnd::Link => Tag::Link(String::new()),
            TagEnd::Image => Tag::Image,
            _ => return None,
        })
    };
    Parser::new_ext(source, Options::empty())
        .filter_map(|e| match e {
            Cm::Start(t) => tag(t).map(Event::Start),
            Cm::End(t) => end(t).map(Event::End),
            Cm::Text(t) => Some(Event::Text(t.to_string())),
            Cm::Code(t) => Some(Event::Code(t.to_string())),
            Cm::Html(t) | Cm::InlineHtml(t) => Some(Event::Html(t.to_string())),
            Cm::SoftBreak | Cm::HardBreak => Some(Event::Break),
            Cm::Rule => Some(Event::Rule),
            _ => None,
        })
        .collect()
}

fn level_number(level: HeadingLevel) -> u8 {
    level as u8
}

/// What a reader sees: the title, each block's kind, level and text, and its marks over that text.
type Seen = (String, Vec<(BlockKind, u8, String, Vec<(usize, usize, MarkKind)>)>);

fn seen(doc: Option<Document>) -> Option<Seen> {
    let doc = doc?;
    let blocks = doc
        .blocks()
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let marks = doc.marks(i).iter().map(|m| (m.start, m.end, m.mark.clone())).collect();
            (b.kind, b.level, doc.block_text(b).to_string(), marks)
        })
        .collect();
    Some((doc.title().to_string(), blocks))
}

fn assert_same(source: &str) {
    let ours = seen(parse_markdown(source, None).into_document());
    let reference = seen(draft_from_events(reference_events(source), None).into_document());
    assert_eq!(ours, reference, "{source:?}");
}

/// Articles as people write them, and the corners of CommonMark they touch.
const ARTICLES: &[&str] = &[
    "# Title\n\nPara one\ncontinues.\n\n## Section\n\nPara two.",
    "Title\n=====\n\nSub\n---\n\nText under it.",
    "# T\n\n> Quoted words\n> more.\n\nAfter.",
    "# T\n\n> Quoted\nlazy line.\n\n> > Nested quote.\n\nOut.",
    "# T\n\n- one\n- two\n  - nested\n\n1. first\n2. second",
    "# T\n\n- loose one\n\n- loose two\n\n  second paragraph of two",
    "# T\n\n* star\n* list\n\n+ plus\n+ list\n\n3) three\n4) four",
    "# T\n\n- item\ncontinued lazily\n- next\n\n  indented continuation\n\nafter",
    "# T\n\n1. one\n\n   - inner\n   - inner two\n2. two",
    "# T\n\n<script>alert(1)</script>\n\nA <b onclick=\"x()\">bold</b> claim.",
    "# T\n\n<div class=\"x\">\n*not emphasis*\n</div>\n\n<!-- a comment -->\n\nText.",
    "# T\n\nSome *soft* and **loud** `code` [safe](https://example.org) [bad](javascript:alert(1)) [mail](mailto:a@b.c) ![img](x.png)",
    "# T\n\n***both*** and *nested **strong** inside* and **strong *em* inside**.",
    "# T\n\n_under_ and __double__ and snake_case_word and 2*3*4 and * spaced * stars.",
    "# T\n\nUnmatched *star and **double and _under.",
    "# T\n\nA `` code with ` tick `` and ` padded ` and `unclosed.",
    "# T\n\nEscapes: \\*not em\\*, \\[not link\\], back\\\\slash, \\a kept.",
    "# T\n\nEntities: &amp; &lt;tag&gt; &quot;q&quot; &copy; &mdash; &#8212; &#x2014; &bogus; & alone.",
    "# T\n\nHard  \nbreak and backslash\\\nbreak.",
    "# T\n\n[ref link][r] and [collapsed][] and [r] and [missing][nope].\n\n[r]: https://example.org/r \"Title\"\n[collapsed]: https://example.org/c",
    "# T\n\n<https://example.org/auto> and <someone@example.org> and <not a link>.",
    "# T\n\n[link with *emphasis* inside](https://example.org/e) and [outer [inner](https://a.org) text](https://b.org).",
    "# T\n\n[spaced](<https://example.org/a b>) and [titled](https://example.org/t 'single') and [paren](https://example.org/p(1)).",
    "# T\n\n```rust\nfn main() {}\n```\n\n~~~\ntilde fence\n~~~\n\n    indented code\n    more\n\nAfter code.",
    "# T\n\n---\n\n***\n\n_ _ _\n\nText.",
    "# Closing hashes ##\n\n### Three ###\n\n#No space is text\n\n####### seven is text",
    "Setext under\nseveral lines\n---\n\nnext",
    "# T\n\n- [linked item](https://example.org)\n- **strong item**\n\n> - list in quote\n> - two",
    "# T\n\n\tTabbed code\n\n-\ttab item\n\nEnd.",
    "Line one\r\nline two\r\n\r\n# Heading after CRLF\r\n",
    "",
    "   \n\n  ",
];

#[test]
fn articles_read_the_same_as_with_pulldown_cmark() {
    for source in ARTICLES {
        assert_same(source);
    }
}

#[test]
fn the_events_pair_up() {
    for source in ARTICLES {
        let mut open = Vec::new();
        for event in events(source) {
            match event {
                Event::Start(tag) => open.push(std::mem::discriminant(&tag)),
                Event::End(tag) => assert_eq!(open.pop(), Some(std::mem::discriminant(&tag)), "{source:?}"),
                _ => {}
            }
        }
        assert!(open.is_empty(), "{source:?}");
    }
}

/// A line of an article built from the constructs writers use.
fn line() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "news",
        "said",
        "*em*",
        "**strong**",
        "`code`",
        "[link](https://example.org)",
        "_under_",
        "&amp;",
        "<b>bold</b>",
        "snake_case",
        "2*3",
        "\\*",
        "Ünïcödé",
        "“quoted”",
        "[r]",
        "<https://a.org>",
    ]);
    let words = prop::collection::vec(word, 1..8).prop_map(|w| w.join(" "));
    let prefix = prop::sample::select(vec!["", "", "", "# ", "## ", "> ", "- ", "1. ", "  - ", "    ", "---", "```"]);
    (prefix, words).prop_map(|(p, w)| if p == "---" || p == "```" { p.to_string() } else { format!("{p}{w}") })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]
    #[test]
    fn generated_articles_read_the_same(lines in prop::collection::vec(prop_oneof![line(), Just(String::new())], 1..14)) {
        let source = format!("[r]: https://example.org/r\n\n{}", lines.join("\n"));
        let ours = seen(parse_markdown(&source, None).into_document());
        let reference = seen(draft_from_events(reference_events(&source), None).into_document());
        prop_assert_eq!(ours, reference, "{:?}", source);
    }
}

/// A fragment of inline syntax, often unbalanced: the delimiter and bracket soup that the linear
/// emphasis and link look-aheads must read exactly as CommonMark does.
fn fragment() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "*",
        "**",
        "***",
        "_",
        "__",
        "a",
        "b ",
        " ",
        "[",
        "]",
        "![",
        "](",
        "(",
        ")",
        ">",
        "\"",
        "'",
        "`",
        "``",
        "x.org",
        "https://a.org",
        "<https://a.org>",
        "!",
        "&amp;",
        "&#x41;",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]
    #[test]
    fn delimiter_and_bracket_soup_reads_the_same(fragments in prop::collection::vec(fragment(), 1..40)) {
        let source = format!("[r]: https://example.org/r\n\n{}", fragments.concat());
        let ours = seen(parse_markdown(&source, None).into_document());
        let reference = seen(draft_from_events(reference_events(&source), None).into_document());
        prop_assert_eq!(ours, reference, "{:?}", source);
    }
}
