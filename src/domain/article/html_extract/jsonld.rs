//! The article's title and authors from the page's schema.org JSON-LD (`<script type="application/ld+json">`), read as data, never run.

use serde_json::Value;

use super::*;

/// What the page's JSON-LD says about its article.
#[derive(Debug, Default)]
pub(super) struct LinkedData {
    pub(super) title: Option<String>,
    pub(super) byline: Option<String>,
}

/// Scripts looked at, and the largest read: a page's own metadata is a few kilobytes.
const MAX_SCRIPTS: usize = 32;
const MAX_SCRIPT_BYTES: usize = 256 * 1024;

/// The first schema.org article described in the page's JSON-LD; `doc_title` decides between its name and headline.
pub(super) fn read_linked_data(root: &HtmlElement, doc_title: Option<&str>) -> LinkedData {
    let mut stack = vec![root];
    let mut seen = 0;
    while let Some(el) = stack.pop() {
        if el.name == "script" {
            let is_json_ld = el.attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
            if is_json_ld {
                seen += 1;
                if let Some(found) = article_of(&script_text(el)).map(|a| describe(a, doc_title)) {
                    return found;
                }
                if seen >= MAX_SCRIPTS {
                    break;
                }
            }
            continue;
        }
        // Children in reverse, so the stack pops them in document order.
        stack.extend(el.elements().collect::<Vec<_>>().into_iter().rev());
    }
    LinkedData::default()
}

fn script_text(el: &HtmlElement) -> String {
    let mut text = String::new();
    for child in &el.children {
        if let HtmlNode::Text(t) = child {
            if text.len() + t.len() > MAX_SCRIPT_BYTES {
                return String::new();
            }
            text.push_str(t);
        }
    }
    text
}

fn is_article_type(value: &Value) -> bool {
    let is_article = |t: &str| t.contains("Article") || t.contains("Posting") || t == "Report" || t == "APIReference";
    match value.get("@type") {
        Some(Value::String(t)) => is_article(t),
        Some(Value::Array(types)) => types.iter().filter_map(Value::as_str).any(is_article),
        _ => false,
    }
}

fn is_schema_org(value: &Value) -> bool {
    let schema = |s: &str| {
        let s = s.trim_end_matches('/');
        s == "http://schema.org" || s == "https://schema.org"
    };
    match value.get("@context") {
        Some(Value::String(c)) => schema(c),
        Some(Value::Object(c)) => c.get("@vocab").and_then(Value::as_str).is_some_and(schema),
        _ => false,
    }
}

/// The article object of one script: itself, the article of an array, or of its `@graph`.
fn article_of(text: &str) -> Option<Value> {
    let text = text.trim().trim_start_matches("<![CDATA[").trim_end_matches("]]>");
    let parsed: Value = serde_json::from_str(text).ok()?;
    let parsed = match parsed {
        Value::Array(items) => items.into_iter().find(is_article_type)?,
        other => other,
    };
    if !is_schema_org(&parsed) {
        return None;
    }
    if parsed.get("@type").is_none() {
        let graph = parsed.get("@graph")?.as_array()?;
        return graph.iter().find(|v| is_article_type(v)).cloned();
    }
    is_article_type(&parsed).then_some(parsed)
}

fn describe(article: Value, doc_title: Option<&str>) -> LinkedData {
    let text = |key: &str| article.get(key).and_then(Value::as_str).map(normalise_whitespace).filter(|t| !t.is_empty());
    let title = match (text("name"), text("headline")) {
        (Some(name), Some(headline)) if name != headline => {
            // The headline when it, and not the name, holds most of the document's title (Readability's choice).
            let doc = doc_title.unwrap_or_default();
            let matches = |candidate: &str| similarity(candidate, doc) > 0.75;
            Some(if matches(&headline) && !matches(&name) { headline } else { name })
        }
        (name, headline) => name.or(headline),
    };
    let author_name = |a: &Value| a.get("name").and_then(Value::as_str).map(normalise_whitespace);
    let byline = match article.get("author") {
        Some(Value::Array(authors)) => {
            let names: Vec<String> = authors.iter().filter_map(author_name).filter(|n| !n.is_empty()).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        Some(author) => author_name(author).filter(|n| !n.is_empty()),
        None => None,
    };
    LinkedData { title: title.filter(|t| valid_title(t)), byline: byline.and_then(|b| clean_byline(&b)) }
}

/// The share of `b`'s words that `a` holds (0 to 1).
fn similarity(a: &str, b: &str) -> f64 {
    let words = |s: &str| {
        lower(s).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(String::from).collect::<Vec<_>>()
    };
    let (a, b) = (words(a), words(b));
    if b.is_empty() {
        return 0.0;
    }
    b.iter().filter(|w| a.contains(w)).count() as f64 / b.len() as f64
}
