//! Class and id hints: the furniture and content words of class names and ids, matched as whole words.

use super::*;

/// Class and id tokens of site furniture (also matched with a plural "s" or trailing digits).
pub(super) const NEGATIVE_TOKENS: &[&str] = &[
    "ad",
    "adv",
    "advert",
    "advertisement",
    "advertising",
    "adslot",
    "adunit",
    "adbox",
    "adwrap",
    "adwrapper",
    "adcontainer",
    "dfp",
    "sponsor",
    "sponsored",
    "promo",
    "promoted",
    "promotion",
    "comment",
    "commentlist",
    "disqus",
    "share",
    "sharing",
    "sharebar",
    "sharetools",
    "sharethis",
    "social",
    "related",
    "recommended",
    "sidebar",
    "widget",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "cookie",
    "consent",
    "gdpr",
    "popup",
    "modal",
    "outbrain",
    "taboola",
    "breadcrumb",
    "caption",
    "menu",
    "nav",
    "navbar",
    "navigation",
    "subnav",
    "topnav",
    "footer",
    "masthead",
    "paywall",
    "recirc",
    "recirculation",
    "skip",
    "pullquote",
    "toolbar",
    "trending",
];

/// Prefixes of run-together furniture tokens ("commentlist", "sidebarleft", "relatedstories").
pub(super) const NEGATIVE_PREFIXES: &[&str] = &[
    "comment",
    "advert",
    "social",
    "related",
    "sidebar",
    "newsletter",
    "cookie",
    "popup",
    "sponsor",
    "outbrain",
    "taboola",
    "breadcrumb",
    "masthead",
    "paywall",
    "recirc",
    "widget",
    "disqus",
    "footer",
    "navbar",
    "sharebar",
];

/// Tokens that start like furniture but are not.
pub(super) const NOT_NEGATIVE: &[&str] = &["commentary", "commentaries", "commentator", "commentators"];

/// Two adjacent tokens that together name furniture ("ad-slot", "pull-quote", "most-read").
pub(super) const NEGATIVE_PAIRS: &[&str] =
    &["adslot", "adunit", "adbox", "adcontainer", "pullquote", "mostread", "mostpopular", "morestories", "readnext"];

/// Tokens that turn a following furniture token into a layout modifier ("has-sidebar", "no-ads");
/// a class name that starts with one is a page state ("is-showingReadNextSidebar", "non-ad-column-l"), not furniture.
pub(super) const MODIFIERS: &[&str] = &["has", "no", "with", "without", "non", "is"];

/// Class and id tokens of article content.
pub(super) const POSITIVE_TOKENS: &[&str] =
    &["article", "articlebody", "body", "content", "entry", "hentry", "main", "page", "post", "story", "text", "blog"];

/// Lower-case word tokens of the class and id: split at punctuation, white space and camelCase humps.
pub(super) fn class_tokens(el: &HtmlElement) -> Vec<String> {
    let mut tokens = Vec::new();
    for value in [el.attr("class"), el.attr("id")].into_iter().flatten() {
        tokens.extend(words_of(value));
    }
    tokens
}

/// The lower-case words of one class name or id ("theiaStickySidebar" → theia, sticky, sidebar).
fn words_of(value: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut current = String::new();
    let mut prev_lower = false;
    for c in value.chars() {
        if !c.is_alphanumeric() {
            if !current.is_empty() {
                tokens.push(std::mem::take(&mut current));
            }
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower && !current.is_empty() {
            tokens.push(std::mem::take(&mut current));
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        current.push(c);
    }
    if !current.is_empty() {
        tokens.push(current);
    }
    tokens.iter().map(|t| lower(t)).collect()
}

/// The class and id words that can hint at furniture: each class name and the id, except names
/// that state a page state ("has-section-nav", "is-…", "no-ads") and an id made from the element's
/// own heading (a Sphinx section "sharing-with-a-single-developer" names its topic, not its role).
pub(super) fn hint_tokens(el: &HtmlElement) -> Vec<String> {
    let mut tokens = Vec::new();
    let classes = el.attr("class").unwrap_or_default().split_ascii_whitespace().map(words_of);
    let id = el.attr("id").map(words_of).filter(|id| !is_heading_slug(el, id));
    for words in classes.chain(id) {
        if !words.first().is_some_and(|w| MODIFIERS.contains(&w.as_str())) {
            tokens.extend(words);
        }
    }
    tokens
}

/// Whether `id` (three words or more) begins the words of the element's own first heading, among its first children.
fn is_heading_slug(el: &HtmlElement, id: &[String]) -> bool {
    if id.len() < 3 {
        return false;
    }
    let Some(heading) = el.elements().take(3).find(|c| heading_level(&c.name).is_some()) else { return false };
    let text = lower(&text_of(heading, Filter::AllText, 300, false));
    let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    words.len() >= id.len() && words.iter().zip(id).all(|(w, i)| *w == i)
}

pub(super) fn is_negative_token(token: &str) -> bool {
    let bare = token.trim_end_matches(|c: char| c.is_ascii_digit());
    let singular = bare.strip_suffix('s').unwrap_or(bare);
    if NOT_NEGATIVE.contains(&bare) {
        return false;
    }
    NEGATIVE_TOKENS.contains(&bare)
        || NEGATIVE_TOKENS.contains(&singular)
        || NEGATIVE_PREFIXES.iter().any(|p| bare.starts_with(p))
}

/// True when the class or id names site furniture, unless the element is itself a content
/// container (`<article>`, an article body, or "article-body paywall" holding real paragraphs).
pub(super) fn negative_class(el: &HtmlElement) -> bool {
    if matches!(el.name.as_str(), "html" | "body" | "article" | "main") || is_article_body(el) {
        return false;
    }
    let tokens = hint_tokens(el);
    let negative = tokens
        .iter()
        .enumerate()
        .any(|(i, t)| is_negative_token(t) && !(i > 0 && MODIFIERS.contains(&tokens[i - 1].as_str())))
        || tokens.windows(2).any(|w| NEGATIVE_PAIRS.contains(&format!("{}{}", w[0], w[1]).as_str()));
    negative && !(tokens.iter().any(|t| POSITIVE_TOKENS.contains(&t.as_str())) && has_article_paragraphs(el))
}

/// At least two paragraphs of 80 characters among the element's children and grandchildren (a bounded look).
pub(super) fn has_article_paragraphs(el: &HtmlElement) -> bool {
    let long = |p: &HtmlElement| p.name == "p" && capped_text_len(p, 80) >= 80;
    let mut count = 0;
    for child in el.elements() {
        count += usize::from(long(child));
        count += child.elements().filter(|g| long(g)).count();
        if count >= 2 {
            return true;
        }
    }
    false
}
