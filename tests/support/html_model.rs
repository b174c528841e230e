//! Parses HTML with html5ever (through `scraper`) into the domain's inert `HtmlElement` model, the way the browser adapter copies a DOMParser document.
//!
//! Shared by the native HTML tests and the corpus scorer (`examples/corpus_score.rs`): lower-case
//! names and attributes, text kept, comments dropped, depth bounded by `MAX_DEPTH`.
#![allow(dead_code)] // each includer uses its own subset

use marginalia::domain::article::html_tree::{HtmlElement, HtmlNode, MAX_DEPTH};
use scraper::{ElementRef, Html, Node};

/// Parses a page with html5ever and converts it into the domain model.
pub fn parse(source: &str) -> HtmlElement {
    let html = Html::parse_document(source);
    convert(html.root_element(), 0)
}

/// The element as the domain model; elements deeper than `MAX_DEPTH` are dropped, as the browser adapter does.
pub fn convert(el: ElementRef<'_>, depth: usize) -> HtmlElement {
    let value = el.value();
    let mut out = HtmlElement {
        name: value.name().to_ascii_lowercase(),
        attrs: value.attrs().map(|(k, v)| (k.to_ascii_lowercase(), v.to_string())).collect(),
        children: Vec::new(),
    };
    if depth + 1 >= MAX_DEPTH {
        return out;
    }
    for child in el.children() {
        match child.value() {
            Node::Text(text) => out.children.push(HtmlNode::Text(text.text.to_string())),
            Node::Element(_) => {
                if let Some(child) = ElementRef::wrap(child) {
                    out.children.push(HtmlNode::Element(convert(child, depth + 1)));
                }
            }
            _ => {} // comments, doctypes, processing instructions
        }
    }
    out
}

/// The words of an HTML fragment's visible text (script and style left out), lower-cased.
pub fn fragment_words(source: &str) -> Vec<String> {
    let html = Html::parse_fragment(source);
    let mut text = String::new();
    // A straightforward recursive walk (fragments of the corpus nest a few dozen levels).
    fn collect(el: ElementRef<'_>, out: &mut String) {
        if matches!(el.value().name(), "script" | "style" | "noscript") {
            return;
        }
        for child in el.children() {
            match child.value() {
                Node::Text(t) => {
                    out.push(' ');
                    out.push_str(&t.text);
                }
                Node::Element(_) => {
                    if let Some(child) = ElementRef::wrap(child) {
                        out.push(' ');
                        collect(child, out);
                    }
                }
                _ => {}
            }
        }
    }
    collect(html.root_element(), &mut text);
    words(&text)
}

/// The words of a text: runs of letters and digits, lower-cased; each Chinese, Japanese or Korean
/// character is a word of its own (those scripts write no spaces, so a run would be a whole sentence).
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        if is_cjk(c) {
            out.extend((!current.is_empty()).then(|| std::mem::take(&mut current).to_lowercase()));
            out.push(c.to_string());
        } else if c.is_alphanumeric() {
            current.push(c);
        } else if !current.is_empty() {
            out.push(std::mem::take(&mut current).to_lowercase());
        }
    }
    out.extend((!current.is_empty()).then(|| current.to_lowercase()));
    out
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF66..=0xFF9F)
}
