//! Parses HTML with the browser's inert DOMParser and copies it into the domain's owned HTML model.
//!
//! DOMParser documents run no scripts, load nothing and fire no events; the copy keeps only
//! element names, attributes and text, bounded by `html_tree::MAX_DEPTH`.

use wasm_bindgen::JsCast;
use web_sys::{DomParser, Element, Node, SupportedType};

use crate::domain::article::html_tree::{HtmlElement, HtmlNode, MAX_DEPTH};
use crate::domain::i18n::Texts;

/// Parses `html` into the owned model of its `<html>` element.
pub fn parse(html: &str, t: &Texts) -> Result<HtmlElement, String> {
    let fail = || t.parse_failed.to_string();
    let parser = DomParser::new().map_err(|_| fail())?;
    let document = parser.parse_from_string(html, SupportedType::TextHtml).map_err(|_| fail())?;
    let root = document.document_element().ok_or_else(fail)?;
    Ok(copy(&root, 0))
}

fn copy(element: &Element, depth: usize) -> HtmlElement {
    let attributes = element.attributes();
    let attrs = (0..attributes.length())
        .filter_map(|i| attributes.item(i))
        .map(|a| (a.name().to_ascii_lowercase(), a.value()))
        .collect();
    let mut children = Vec::new();
    if depth < MAX_DEPTH {
        // A <template>'s content lives in a separate fragment and is not copied: it is never shown.
        let nodes = element.child_nodes();
        for i in 0..nodes.length() {
            let Some(node) = nodes.item(i) else { continue };
            match node.node_type() {
                Node::ELEMENT_NODE => {
                    if let Some(child) = node.dyn_ref::<Element>() {
                        children.push(HtmlNode::Element(copy(child, depth + 1)));
                    }
                }
                Node::TEXT_NODE | Node::CDATA_SECTION_NODE => {
                    children.push(HtmlNode::Text(node.text_content().unwrap_or_default()));
                }
                _ => {}
            }
        }
    }
    HtmlElement { name: element.local_name().to_ascii_lowercase(), attrs, children }
}
