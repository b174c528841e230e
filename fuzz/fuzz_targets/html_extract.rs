//! Fuzzes reader-mode extraction on arbitrary element trees built from the tags and attributes that steer it.
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use marginalia::domain::article::html_extract::{extract_all_text, extract_article};
use marginalia::domain::article::html_tree::{HtmlElement, HtmlNode, MAX_DEPTH};

const NAMES: &[&str] = &[
    "html",
    "head",
    "title",
    "meta",
    "body",
    "article",
    "main",
    "section",
    "div",
    "p",
    "span",
    "h1",
    "h2",
    "h3",
    "h6",
    "em",
    "strong",
    "b",
    "i",
    "code",
    "pre",
    "a",
    "blockquote",
    "ul",
    "ol",
    "li",
    "nav",
    "header",
    "footer",
    "aside",
    "script",
    "style",
    "form",
    "iframe",
    "svg",
    "math",
    "time",
    "address",
    "figure",
    "figcaption",
    "br",
    "table",
    "td",
    "template",
    "noscript",
    "x-custom",
];
const ATTRS: &[&str] = &[
    "class",
    "id",
    "href",
    "rel",
    "itemprop",
    "property",
    "name",
    "content",
    "datetime",
    "role",
    "hidden",
    "aria-hidden",
];
const WORDS: &[&str] = &[
    "article",
    "content",
    "byline",
    "author",
    "nav",
    "share",
    "comment",
    "ad",
    "promo",
    "related",
    "og:title",
    "headline",
    "datePublished",
    "javascript:alert(1)",
    "https://example.org/",
    "mailto:a@b.c",
    "data:text/html,x",
    " ",
    "",
];

fn text(u: &mut Unstructured) -> arbitrary::Result<String> {
    if u.ratio(1, 3)? {
        Ok(u.choose(WORDS)?.to_string())
    } else {
        String::arbitrary(u)
    }
}

fn element(u: &mut Unstructured, depth: usize) -> arbitrary::Result<HtmlElement> {
    let mut el = HtmlElement::new(u.choose(NAMES)?, Vec::new());
    for _ in 0..u.int_in_range(0..=3)? {
        el.attrs.push((u.choose(ATTRS)?.to_string(), text(u)?));
    }
    if depth < MAX_DEPTH {
        for _ in 0..u.int_in_range(0..=6)? {
            if u.is_empty() {
                break;
            }
            el.children.push(if u.ratio(1, 2)? {
                HtmlNode::Text(text(u)?)
            } else {
                HtmlNode::Element(element(u, depth + 1)?)
            });
        }
    }
    Ok(el)
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    if let Ok(root) = element(&mut u, 0) {
        if let Ok(draft) = extract_article(&root) {
            let _ = draft.into_document();
        }
        let _ = extract_all_text(&root).into_document();
    }
});
