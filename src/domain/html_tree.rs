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
