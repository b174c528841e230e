//! What a walk of the page enters: script-like, invisible and furniture elements are left out, by tag, role and class.

use super::*;

/// Elements that a class, id, role or `<form>` marks as furniture but that hold most of the page's text (see [`find_wrappers`]).
pub(super) type Wrappers = HashSet<*const HtmlElement>;

/// Which elements a walk enters.
#[derive(Debug, Clone, Copy)]
pub(super) enum Filter<'w> {
    /// Everything but script-like elements: for `<head>` metadata.
    Meta,
    /// Everything a reader could see.
    AllText,
    /// What a reader mode shows: no menus, headers, footers, sidebars, ads, share bars or comments,
    /// except the wrappers given, whose hint names the page's layout rather than what they hold.
    Article(&'w Wrappers),
    /// The second pass when the first finds no article: furniture tags are left out, class, id,
    /// role and form hints are not.
    Relaxed,
}

/// Elements whose content is never text a reader sees (or is a document of its own).
pub(super) const SCRIPTISH: &[&str] = &[
    "script", "style", "template", "noscript", "noembed", "noframes", "svg", "math", "iframe", "frame", "frameset",
    "object", "embed", "applet", "param", "canvas", "textarea", "select", "option", "optgroup", "datalist",
];

/// Elements that hold no body text (or only a form control's label).
pub(super) const NON_TEXT: &[&str] = &[
    "head", "title", "meta", "link", "base", "img", "picture", "source", "track", "video", "audio", "map", "area",
    "input", "button", "dialog", "progress", "meter", "output",
];

/// Elements that are site furniture in a reader-mode view.
pub(super) const ARTICLE_FURNITURE: &[&str] = &["nav", "aside", "footer", "figcaption", "menu", "label"];

/// ARIA roles of site furniture.
pub(super) const FURNITURE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "dialog",
    "alertdialog",
    "search",
    "alert",
    "menu",
    "menubar",
    "toolbar",
    "tooltip",
];

/// Block-level elements: text on either side of one belongs to different blocks.
pub(super) const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "listing",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "plaintext",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "xmp",
];

pub(super) fn is_block(name: &str) -> bool {
    BLOCKS.contains(&name)
}

pub(super) fn heading_level(name: &str) -> Option<u8> {
    match name {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

/// Whether a walk under `filter` enters `el`; `in_article` says an `<article>` (or article body) encloses it.
pub(super) fn keep(el: &HtmlElement, filter: Filter<'_>, in_article: bool) -> bool {
    let name = el.name.as_str();
    if SCRIPTISH.contains(&name) {
        return false;
    }
    if matches!(filter, Filter::Meta) {
        return true;
    }
    if NON_TEXT.contains(&name) || is_hidden(el) {
        return false;
    }
    if matches!(filter, Filter::AllText) {
        return true;
    }
    if ARTICLE_FURNITURE.contains(&name) {
        return false;
    }
    if let Filter::Article(wrappers) = filter {
        if hinted_furniture(el) && !wrappers.contains(&(el as *const HtmlElement)) {
            return false;
        }
    }
    // A page's header is furniture; an article's own header (its headline, byline) is not.
    name != "header" || in_article || holds_headline_or_byline(el)
}

/// A `<form>`, or an element whose role, class or id names site furniture.
pub(super) fn hinted_furniture(el: &HtmlElement) -> bool {
    el.name == "form" || has_furniture_role(el) || negative_class(el)
}

/// The hinted elements ([`hinted_furniture`]) that hold at least two fifths of the page's
/// paragraph text: a `<form>` around a whole ASP.NET page, a "l-sidebar-fixed" or "widget Blog"
/// layout wrapper around the article. Their hint lowers their score instead of removing them.
pub(super) fn find_wrappers(body: &HtmlElement) -> Wrappers {
    let mut hinted = Wrappers::new();
    let mut walk = Walk::new(body, Filter::Relaxed, false, &[]);
    while let Some(step) = walk.next() {
        if let Step::Enter(el) = step {
            if hinted_furniture(el) {
                hinted.insert(el as *const HtmlElement);
            }
        }
    }
    if hinted.is_empty() {
        return hinted;
    }
    let stats = text_stats(body, &hinted, Filter::Relaxed);
    let page_chars = stats.get(&(body as *const HtmlElement)).map_or(0, |s| s.paragraph_chars);
    let least = MIN_ARTICLE_CHARS.max(page_chars * 2 / 5);
    hinted.retain(|el| stats.get(el).is_some_and(|s| s.paragraph_chars >= least));
    hinted
}

pub(super) fn is_hidden(el: &HtmlElement) -> bool {
    if el.attr("hidden").is_some() || el.attr("aria-hidden").is_some_and(|v| v.trim().eq_ignore_ascii_case("true")) {
        return true;
    }
    el.attr("style").is_some_and(|style| {
        let compact: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        compact.contains("display:none") || compact.contains("visibility:hidden")
    })
}

pub(super) fn has_furniture_role(el: &HtmlElement) -> bool {
    el.attr("role").is_some_and(|role| {
        role.split_ascii_whitespace().any(|r| FURNITURE_ROLES.contains(&r.to_ascii_lowercase().as_str()))
    })
}

pub(super) fn is_article_body(el: &HtmlElement) -> bool {
    el.attr("itemprop").is_some_and(|p| p.split_ascii_whitespace().any(|t| t.eq_ignore_ascii_case("articlebody")))
}
/// Characters of text under `el`, counting no further than `cap`.
pub(super) fn capped_text_len(el: &HtmlElement, cap: usize) -> usize {
    let mut len = 0;
    let mut walk = Walk::new(el, Filter::AllText, false, &[]);
    while let Some(step) = walk.next() {
        if let Step::Text(text) = step {
            len += text_chars(text);
            if len >= cap {
                return len;
            }
        }
    }
    len
}

/// Whether a `<header>` holds a headline or a byline (looking at no more than a few thousand nodes).
pub(super) fn holds_headline_or_byline(header: &HtmlElement) -> bool {
    let mut stack = vec![header];
    let mut budget = 4096usize;
    while let Some(el) = stack.pop() {
        budget = match budget.checked_sub(1) {
            Some(b) => b,
            None => return false,
        };
        if el.name == "h1" || is_byline_candidate(el) {
            return true;
        }
        stack.extend(el.elements().filter(|c| !SCRIPTISH.contains(&c.name.as_str())));
    }
    false
}
