//! An owned, inert model of parsed HTML: the only form in which the domain ever sees a web page.
//!
//! A browser adapter (DOMParser) or a test parser builds it; nothing in it is ever rendered as HTML.
//! Builders stop descending at [`MAX_DEPTH`], so code walking the tree recursively stays within
//! the 1 MiB wasm stack whatever the page.

/// How deep builders go; deeper markup is dropped (real articles nest a few dozen levels at most).
pub const MAX_DEPTH: usize = 256;

/// A node of the model: an element or a run of text (comments and other nodes are not kept).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HtmlNode {
    Element(HtmlElement),
    Text(String),
}

/// An element with its lower-case local name, its attributes and its children.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HtmlElement {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<HtmlNode>,
}

impl HtmlElement {
    /// An element with no attributes.
    pub fn new(name: &str, children: Vec<HtmlNode>) -> Self {
        HtmlElement { name: name.to_ascii_lowercase(), attrs: Vec::new(), children }
    }

    /// The value of attribute `name` (case-insensitive).
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// The element's children that are elements.
    pub fn elements(&self) -> impl Iterator<Item = &HtmlElement> {
        self.children.iter().filter_map(|c| match c {
            HtmlNode::Element(e) => Some(e),
            HtmlNode::Text(_) => None,
        })
    }
}

/// The most elements a page may leave open inside each other, counted by [`open_depth`] before
/// the browser parses it: Chromium's own parser slows down with the square of that depth (500 KB
/// of unclosed `<div>`s took it about 30 s), while real pages stay under a few hundred.
pub const MAX_OPEN_DEPTH: usize = 8_192;

/// Elements whose end tag may be left out, or that have none: they do not nest when unclosed.
const SELF_ENDING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "p",
    "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "caption", "rb",
    "rt", "rtc", "rp", "html", "head", "body",
];

/// How deep elements nest in `html` at most, counted from start and end tags in one pass (an
/// upper bound of what a parser builds: elements that close themselves are not counted).
pub fn open_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest, mut at) = (0usize, 0usize, 0usize);
    while let Some(offset) = bytes[at..].iter().position(|&b| b == b'<') {
        at += offset + 1;
        if bytes[at..].starts_with(b"!--") {
            // A comment: skip to its end (or the end of the page).
            at = html[at..].find("-->").map_or(bytes.len(), |end| at + end + 3);
            continue;
        }
        let closing = bytes.get(at) == Some(&b'/');
        let start = if closing { at + 1 } else { at };
        // A tag name starts with a letter ("3<4" is text).
        let len = bytes[start..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        if len == 0 || !bytes[start].is_ascii_alphabetic() {
            continue;
        }
        let name = html[start..start + len].to_ascii_lowercase();
        if SELF_ENDING.contains(&name.as_str()) {
            continue;
        }
        let self_closed = html[start + len..].split('>').next().is_some_and(|rest| rest.ends_with('/'));
        if closing {
            depth = depth.saturating_sub(1);
        } else if !self_closed {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}
