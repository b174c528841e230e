//! Extracts the article from a saved web page the way reader modes (Mozilla Readability) do: metadata, the main content, and its blocks with inline marks.
//!
//! The input is the inert [`HtmlElement`] model; the output is an [`ArticleDraft`] of text only.
//! Nothing that is not visible text ever reaches the output: script, style, template and embedded
//! documents are skipped wholesale, attributes are read only to decide what to keep (and hrefs
//! only through [`safe_link`]). Every walk over the tree is iterative, so no markup can exhaust
//! the stack, and every heuristic is bounded by the size of the tree.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::document::{normalise_whitespace, safe_link, ArticleMeta, BlockKind, MarkKind, RawBlock, Segment};
use super::html_tree::{HtmlElement, HtmlNode};
use super::i18n::{Texts, EN};
use super::loader::ArticleDraft;
use super::lowercase::lower;
use super::plain_text;

/// The least paragraph text (characters outside links, headings and lists) a part of a page needs to count as an article.
pub const MIN_ARTICLE_CHARS: usize = 250;

/// Why no article could be extracted from a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExtractError {
    /// The page has no block of paragraphs long enough to be an article.
    NoArticle,
}

impl fmt::Display for ExtractError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(&EN))
    }
}

impl ExtractError {
    /// The reason as a sentence in the language of `t`.
    pub fn message(&self, t: &Texts) -> String {
        match self {
            ExtractError::NoArticle => t.no_article.to_string(),
        }
    }
}

impl std::error::Error for ExtractError {}

/// Extracts the article of a page: its title (block 0, a level-1 heading), byline, date, source and body blocks.
///
/// `root` is the page's `<html>` element. Fails with [`ExtractError::NoArticle`] when no part of
/// the page holds at least [`MIN_ARTICLE_CHARS`] of paragraph text.
pub fn extract_article(root: &HtmlElement) -> Result<ArticleDraft, ExtractError> {
    let page = Page::read(root);
    let survey = Survey::of(page.body);
    let (roots, in_article) = choose_content(page.body, &survey).ok_or(ExtractError::NoArticle)?;
    let title = choose_title(&page, &roots, &survey);
    let skip: Vec<*const HtmlElement> = survey.byline.iter().map(|(el, _)| *el as *const HtmlElement).collect();
    let mut builder = Builder::new(Mode::Article, page.link_base());
    for root in &roots {
        builder.walk(root, in_article, &skip);
    }
    let blocks = builder.finish();
    let mut meta = ArticleMeta {
        byline: page.meta_byline().or_else(|| survey.byline.as_ref().map(|(_, b)| b.clone())),
        date: survey.date.clone().or_else(|| page.meta_date()),
        source: page.source(),
    };
    let body = clean_article_blocks(blocks, &title, &mut meta);
    let mut all = vec![RawBlock::plain(BlockKind::Heading, 1, title.clone())];
    all.extend(body);
    Ok(ArticleDraft { title, meta, blocks: all })
}

/// Every visible text block of the page's `<body>` as paragraphs, after a title heading: the fallback when no article is found.
///
/// Only what a reader could never see is left out (script, style, templates, embedded documents,
/// form controls, hidden elements); menus, headers and footers are kept.
pub fn extract_all_text(root: &HtmlElement) -> ArticleDraft {
    let page = Page::read(root);
    let survey = Survey::of(page.body);
    let title = choose_title(&page, &[page.body], &survey);
    let mut builder = Builder::new(Mode::AllText, page.link_base());
    builder.walk(page.body, false, &[]);
    let mut texts = with_texts(builder.finish());
    // The headline, when the page shows it, is already block 0.
    if let Some(at) = texts.iter().position(|(_, t)| same_title(t, &title)) {
        texts.remove(at);
    }
    let meta = ArticleMeta {
        byline: page.meta_byline().or_else(|| survey.byline.as_ref().map(|(_, b)| b.clone())),
        date: survey.date.clone().or_else(|| page.meta_date()),
        source: page.source(),
    };
    let mut blocks = vec![RawBlock::plain(BlockKind::Heading, 1, title.clone())];
    blocks.extend(texts.into_iter().map(|(b, _)| b.block));
    ArticleDraft { title, meta, blocks }
}

// ---------------------------------------------------------------------------------------------
// What is kept.

/// Which elements a walk enters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Filter {
    /// Everything but script-like elements: for `<head>` metadata.
    Meta,
    /// Everything a reader could see.
    AllText,
    /// What a reader mode shows: no menus, headers, footers, sidebars, ads, share bars or comments.
    Article,
}

/// Elements whose content is never text a reader sees (or is a document of its own).
const SCRIPTISH: &[&str] = &[
    "script", "style", "template", "noscript", "noembed", "noframes", "svg", "math", "iframe", "frame", "frameset",
    "object", "embed", "applet", "param", "canvas", "textarea", "select", "option", "optgroup", "datalist",
];

/// Elements that hold no body text (or only a form control's label).
const NON_TEXT: &[&str] = &[
    "head", "title", "meta", "link", "base", "img", "picture", "source", "track", "video", "audio", "map", "area",
    "input", "button", "dialog", "progress", "meter", "output",
];

/// Elements that are site furniture in a reader-mode view.
const ARTICLE_FURNITURE: &[&str] = &["nav", "aside", "footer", "form", "figcaption", "menu", "label"];

/// ARIA roles of site furniture.
const FURNITURE_ROLES: &[&str] = &[
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

/// Class and id tokens of site furniture (also matched with a plural "s" or trailing digits).
const NEGATIVE_TOKENS: &[&str] = &[
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
const NEGATIVE_PREFIXES: &[&str] = &[
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
const NOT_NEGATIVE: &[&str] = &["commentary", "commentaries", "commentator", "commentators"];

/// Two adjacent tokens that together name furniture ("ad-slot", "pull-quote", "most-read").
const NEGATIVE_PAIRS: &[&str] =
    &["adslot", "adunit", "adbox", "adcontainer", "pullquote", "mostread", "mostpopular", "morestories", "readnext"];

/// Tokens that turn a following furniture token into a layout modifier ("has-sidebar", "no-ads").
const MODIFIERS: &[&str] = &["has", "no", "with", "without"];

/// Class and id tokens of article content.
const POSITIVE_TOKENS: &[&str] =
    &["article", "articlebody", "body", "content", "entry", "hentry", "main", "page", "post", "story", "text", "blog"];

/// Block-level elements: text on either side of one belongs to different blocks.
const BLOCKS: &[&str] = &[
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

fn is_block(name: &str) -> bool {
    BLOCKS.contains(&name)
}

fn heading_level(name: &str) -> Option<u8> {
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
fn keep(el: &HtmlElement, filter: Filter, in_article: bool) -> bool {
    let name = el.name.as_str();
    if SCRIPTISH.contains(&name) {
        return false;
    }
    if filter == Filter::Meta {
        return true;
    }
    if NON_TEXT.contains(&name) || is_hidden(el) {
        return false;
    }
    if filter == Filter::AllText {
        return true;
    }
    if ARTICLE_FURNITURE.contains(&name) || has_furniture_role(el) || negative_class(el) {
        return false;
    }
    // A page's header is furniture; an article's own header (its headline, byline) is not.
    name != "header" || in_article || holds_headline_or_byline(el)
}

fn is_hidden(el: &HtmlElement) -> bool {
    if el.attr("hidden").is_some() || el.attr("aria-hidden").is_some_and(|v| v.trim().eq_ignore_ascii_case("true")) {
        return true;
    }
    el.attr("style").is_some_and(|style| {
        let compact: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        compact.contains("display:none") || compact.contains("visibility:hidden")
    })
}

fn has_furniture_role(el: &HtmlElement) -> bool {
    el.attr("role").is_some_and(|role| {
        role.split_ascii_whitespace().any(|r| FURNITURE_ROLES.contains(&r.to_ascii_lowercase().as_str()))
    })
}

fn is_article_body(el: &HtmlElement) -> bool {
    el.attr("itemprop").is_some_and(|p| p.split_ascii_whitespace().any(|t| t.eq_ignore_ascii_case("articlebody")))
}

/// Lower-case word tokens of the class and id: split at punctuation, white space and camelCase humps.
fn class_tokens(el: &HtmlElement) -> Vec<String> {
    let mut tokens = Vec::new();
    for value in [el.attr("class"), el.attr("id")].into_iter().flatten() {
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
    }
    tokens.iter().map(|t| lower(t)).collect()
}

fn is_negative_token(token: &str) -> bool {
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
fn negative_class(el: &HtmlElement) -> bool {
    if matches!(el.name.as_str(), "html" | "body" | "article" | "main") || is_article_body(el) {
        return false;
    }
    let tokens = class_tokens(el);
    let negative = tokens
        .iter()
        .enumerate()
        .any(|(i, t)| is_negative_token(t) && !(i > 0 && MODIFIERS.contains(&tokens[i - 1].as_str())))
        || tokens.windows(2).any(|w| NEGATIVE_PAIRS.contains(&format!("{}{}", w[0], w[1]).as_str()));
    negative && !(tokens.iter().any(|t| POSITIVE_TOKENS.contains(&t.as_str())) && has_article_paragraphs(el))
}

/// At least two paragraphs of 80 characters among the element's children and grandchildren (a bounded look).
fn has_article_paragraphs(el: &HtmlElement) -> bool {
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

/// Characters of text under `el`, counting no further than `cap`.
fn capped_text_len(el: &HtmlElement, cap: usize) -> usize {
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
fn holds_headline_or_byline(header: &HtmlElement) -> bool {
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

// ---------------------------------------------------------------------------------------------
// Walking.

/// One event of a walk: entering an element, leaving it, or a run of text.
#[derive(Debug, Clone, Copy)]
enum Step<'a> {
    Enter(&'a HtmlElement),
    Exit(&'a HtmlElement),
    Text(&'a str),
}

struct Frame<'a> {
    el: &'a HtmlElement,
    next: usize,
    in_article: bool,
}

/// An iterative depth-first walk that enters only what `filter` keeps (and never `skip`).
struct Walk<'a, 's> {
    root: Option<&'a HtmlElement>,
    stack: Vec<Frame<'a>>,
    filter: Filter,
    in_article: bool,
    skip: &'s [*const HtmlElement],
}

impl<'a, 's> Walk<'a, 's> {
    /// A walk of `root` and what it keeps below it; `root` itself is always entered.
    fn new(root: &'a HtmlElement, filter: Filter, in_article: bool, skip: &'s [*const HtmlElement]) -> Self {
        Walk { root: Some(root), stack: Vec::new(), filter, in_article, skip }
    }

    /// The elements entered and not yet left, outermost first (the last is the one just entered).
    fn path(&self) -> impl DoubleEndedIterator<Item = &'a HtmlElement> + '_ {
        self.stack.iter().map(|f| f.el)
    }

    fn next(&mut self) -> Option<Step<'a>> {
        if let Some(root) = self.root.take() {
            let in_article = self.in_article || root.name == "article" || is_article_body(root);
            self.stack.push(Frame { el: root, next: 0, in_article });
            return Some(Step::Enter(root));
        }
        loop {
            let frame = self.stack.last_mut()?;
            let Some(child) = frame.el.children.get(frame.next) else {
                let el = frame.el;
                self.stack.pop();
                return Some(Step::Exit(el));
            };
            frame.next += 1;
            let in_article = frame.in_article;
            match child {
                HtmlNode::Text(text) => return Some(Step::Text(text)),
                HtmlNode::Element(el) => {
                    if self.skip.contains(&(el as *const HtmlElement)) || !keep(el, self.filter, in_article) {
                        continue;
                    }
                    let in_article = in_article || el.name == "article" || is_article_body(el);
                    self.stack.push(Frame { el, next: 0, in_article });
                    return Some(Step::Enter(el));
                }
            }
        }
    }
}

/// The visible text of an element, white space collapsed, blocks separated by spaces; at most about `cap` characters.
fn text_of(el: &HtmlElement, filter: Filter, cap: usize, skip_dates: bool) -> String {
    let mut out = String::new();
    let mut len = 0;
    let mut walk = Walk::new(el, filter, false, &[]);
    let mut skipped_depth = 0usize;
    while let Some(step) = walk.next() {
        match step {
            Step::Enter(e) => {
                let date = skip_dates && !std::ptr::eq(e, el) && (e.name == "time" || is_date_holder(e));
                if skipped_depth > 0 || date {
                    skipped_depth += 1;
                } else if is_block(&e.name) || e.name == "br" {
                    out.push(' ');
                }
            }
            Step::Exit(e) => {
                if skipped_depth > 0 {
                    skipped_depth -= 1;
                } else if is_block(&e.name) {
                    out.push(' ');
                }
            }
            Step::Text(t) if skipped_depth == 0 => {
                out.push_str(t);
                len += t.chars().count();
                if len > cap {
                    break;
                }
            }
            Step::Text(_) => {}
        }
    }
    normalise_whitespace(&out)
}

/// Text measures of one element: all visible text, link text, and paragraph text (outside links,
/// headings, list items, table headers and figures), in characters.
#[derive(Debug, Clone, Copy, Default)]
struct TextStats {
    chars: usize,
    link_chars: usize,
    paragraph_chars: usize,
}

impl TextStats {
    fn link_density(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f64 / self.chars as f64
        }
    }
}

/// The [`TextStats`] of `root` (keyed by its address) and of every element of `targets` under it, in one walk.
fn text_stats(root: &HtmlElement, targets: &HashSet<*const HtmlElement>) -> HashMap<*const HtmlElement, TextStats> {
    let excludes = |name: &str| {
        matches!(name, "a" | "li" | "dt" | "dd" | "th" | "figure" | "caption") || heading_level(name).is_some()
    };
    let mut found = HashMap::new();
    // One running total per open element; a finished element adds its totals to its parent's.
    let mut open: Vec<TextStats> = Vec::new();
    let (mut in_link, mut excluded) = (0usize, 0usize);
    let mut walk = Walk::new(root, Filter::Article, false, &[]);
    while let Some(step) = walk.next() {
        match step {
            Step::Enter(e) => {
                open.push(TextStats::default());
                in_link += usize::from(e.name == "a");
                excluded += usize::from(excludes(&e.name));
            }
            Step::Exit(e) => {
                in_link -= usize::from(e.name == "a");
                excluded -= usize::from(excludes(&e.name));
                let stats = open.pop().unwrap_or_default();
                let key = e as *const HtmlElement;
                if std::ptr::eq(e, root) || targets.contains(&key) {
                    found.insert(key, stats);
                }
                if let Some(parent) = open.last_mut() {
                    parent.chars += stats.chars;
                    parent.link_chars += stats.link_chars;
                    parent.paragraph_chars += stats.paragraph_chars;
                }
            }
            Step::Text(t) => {
                let n = text_chars(t);
                if let Some(top) = open.last_mut() {
                    top.chars += n;
                    top.link_chars += if in_link > 0 { n } else { 0 };
                    top.paragraph_chars += if excluded == 0 { n } else { 0 };
                }
            }
        }
    }
    found
}

/// The [`TextStats`] of one element.
fn stats_of(el: &HtmlElement) -> TextStats {
    text_stats(el, &HashSet::new()).get(&(el as *const HtmlElement)).copied().unwrap_or_default()
}

/// Characters of a text node once its white space is collapsed (each word and the space after it).
fn text_chars(text: &str) -> usize {
    text.split_whitespace().map(|w| w.chars().count() + 1).sum()
}

// ---------------------------------------------------------------------------------------------
// The page and its metadata.

struct Page<'a> {
    body: &'a HtmlElement,
    /// `<meta>` values by lower-case property, name or itemprop, in document order.
    meta: Vec<(String, &'a str)>,
    title: Option<String>,
    canonical: Option<&'a str>,
    base: Option<&'a str>,
}

impl<'a> Page<'a> {
    fn read(root: &'a HtmlElement) -> Self {
        let body = if root.name == "body" { root } else { root.elements().find(|e| e.name == "body").unwrap_or(root) };
        let mut page = Page { body, meta: Vec::new(), title: None, canonical: None, base: None };
        let mut walk = Walk::new(root, Filter::Meta, false, &[]);
        let mut in_body = false;
        while let Some(step) = walk.next() {
            let Step::Enter(el) = step else { continue };
            match el.name.as_str() {
                "meta" => {
                    let key = el.attr("property").or_else(|| el.attr("name")).or_else(|| el.attr("itemprop"));
                    if let (Some(key), Some(content)) = (key, el.attr("content")) {
                        page.meta.push((key.trim().to_ascii_lowercase(), content));
                    }
                }
                "link" if page.canonical.is_none() && rel_has(el, "canonical") => page.canonical = el.attr("href"),
                "base" if page.base.is_none() => page.base = el.attr("href"),
                "title" if page.title.is_none() && !in_body => {
                    let t = text_of(el, Filter::Meta, 2000, false);
                    page.title = (!t.is_empty()).then_some(t);
                }
                _ => {}
            }
            // A <title> in the body is not the page's title.
            in_body |= el.name == "body";
        }
        page
    }

    fn meta_value(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|key| {
            self.meta.iter().find(|(k, v)| k == key && !v.trim().is_empty()).map(|(_, v)| normalise_whitespace(v))
        })
    }

    fn meta_byline(&self) -> Option<String> {
        let value = self.meta_value(&["author", "article:author", "byl", "parsely-author", "sailthru.author"])?;
        let looks_like_url = value.contains("://") || value.starts_with("www.") || value.starts_with('@');
        (!looks_like_url).then(|| clean_byline(&value)).flatten()
    }

    fn meta_date(&self) -> Option<String> {
        let value = self.meta_value(&[
            "article:published_time",
            "og:article:published_time",
            "datepublished",
            "publishdate",
            "publish-date",
            "pubdate",
            "parsely-pub-date",
            "sailthru.date",
            "dc.date.issued",
            "dc.date",
            "date",
        ])?;
        readable_date(&value)
    }

    fn site_name(&self) -> Option<String> {
        self.meta_value(&["og:site_name", "application-name"])
    }

    fn source(&self) -> Option<String> {
        self.meta_value(&["og:url"]).and_then(|u| safe_link(&u)).or_else(|| self.canonical.and_then(safe_link))
    }

    /// The URL root-relative links resolve against: `<base href>`, else the page's own address.
    fn link_base(&self) -> Option<String> {
        self.base.and_then(safe_link).or_else(|| self.source())
    }
}

fn rel_has(el: &HtmlElement, value: &str) -> bool {
    el.attr("rel").is_some_and(|rel| rel.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case(value)))
}

fn itemprop_has(el: &HtmlElement, value: &str) -> bool {
    el.attr("itemprop").is_some_and(|p| p.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case(value)))
}

/// An element that may hold the byline: rel=author, itemprop=author, or a byline/author class or id.
fn is_byline_candidate(el: &HtmlElement) -> bool {
    rel_has(el, "author")
        || itemprop_has(el, "author")
        || class_tokens(el).iter().any(|t| t.starts_with("byline") || t == "author" || t == "authors")
}

/// An element that holds a date beside the byline ("date", "timestamp", "published" classes).
fn is_date_holder(el: &HtmlElement) -> bool {
    itemprop_has(el, "datePublished")
        || class_tokens(el).iter().any(|t| {
            matches!(
                t.as_str(),
                "date" | "dateline" | "time" | "timestamp" | "published" | "pubdate" | "updated" | "posted"
            )
        })
}

/// "By Jane Doe", "Jane Doe, Newspaper on" → "Jane Doe", "Jane Doe, Newspaper"; `None` for what is not a name.
fn clean_byline(raw: &str) -> Option<String> {
    let mut text = normalise_whitespace(raw);
    for prefix in ["written by", "posted by", "story by", "words by", "by"] {
        let starts = text.get(..prefix.len()).is_some_and(|head| head.eq_ignore_ascii_case(prefix));
        if starts && text[prefix.len()..].starts_with([' ', ':']) {
            text = text[prefix.len()..].trim_start_matches([' ', ':']).to_string();
            break;
        }
    }
    let text = text.strip_suffix(" on").unwrap_or(&text);
    let text = text.trim_end_matches([' ', '|', ',', '-', '·', '—', '–', ':']).trim().to_string();
    let words = text.split_whitespace().count();
    let lowered = lower(&text);
    let valid = (2..=100).contains(&text.chars().count())
        && words <= 16
        && text.chars().any(char::is_alphabetic)
        && !matches!(lowered.as_str(), "author" | "authors" | "by" | "byline" | "staff")
        && !looks_like_markup(&text)
        && !plain_text::is_furniture(&text)
        && !is_prompt(&text);
    valid.then_some(text)
}

/// A date as people read it: a readable text as it is (without "Published"/"Updated"), an ISO timestamp as its date part.
fn readable_date(raw: &str) -> Option<String> {
    let text = normalise_whitespace(raw);
    let mut rest = text.as_str();
    for prefix in ["published on", "published:", "published", "posted on", "posted", "updated:", "updated", "on"] {
        if rest.len() > prefix.len()
            && rest.is_char_boundary(prefix.len())
            && rest[..prefix.len()].eq_ignore_ascii_case(prefix)
            && rest[prefix.len()..].starts_with([' ', ':'])
        {
            rest = rest[prefix.len()..].trim_start_matches([' ', ':']);
            break;
        }
    }
    if looks_like_markup(rest) {
        return None;
    }
    let bytes = rest.as_bytes();
    let iso = bytes.len() >= 10
        && bytes[..10].iter().enumerate().all(|(i, b)| if i == 4 || i == 7 { *b == b'-' } else { b.is_ascii_digit() });
    if iso {
        return Some(rest[..10].to_string());
    }
    plain_text::looks_like_date(rest).then(|| rest.to_string())
}

// ---------------------------------------------------------------------------------------------
// A survey of the visible body: semantic containers, headlines, byline and date.

struct Survey<'a> {
    articles: Vec<&'a HtmlElement>,
    article_bodies: Vec<&'a HtmlElement>,
    mains: Vec<&'a HtmlElement>,
    h1s: Vec<&'a HtmlElement>,
    byline: Option<(&'a HtmlElement, String)>,
    date: Option<String>,
}

impl<'a> Survey<'a> {
    fn of(body: &'a HtmlElement) -> Self {
        let mut survey = Survey {
            articles: Vec::new(),
            article_bodies: Vec::new(),
            mains: Vec::new(),
            h1s: Vec::new(),
            byline: None,
            date: None,
        };
        let mut preferred_date: Option<String> = None;
        let mut first_time: Option<String> = None;
        let mut first_dated: Option<String> = None;
        let mut walk = Walk::new(body, Filter::Article, false, &[]);
        while let Some(step) = walk.next() {
            let Step::Enter(el) = step else { continue };
            match el.name.as_str() {
                "article" => survey.articles.push(el),
                "main" => survey.mains.push(el),
                "h1" => survey.h1s.push(el),
                _ => {}
            }
            if is_article_body(el) {
                survey.article_bodies.push(el);
            }
            if el.attr("role").is_some_and(|r| r.eq_ignore_ascii_case("main")) && el.name != "main" {
                survey.mains.push(el);
            }
            if survey.byline.is_none() && is_byline_candidate(el) {
                if let Some(byline) = clean_byline(&text_of(el, Filter::Article, 300, true)) {
                    survey.byline = Some((el, byline));
                }
            }
            // A <time> or a "published" element gives the date; failing those, a short "date" element.
            let is_time = el.name == "time";
            let tokens = class_tokens(el);
            let dated = tokens.iter().any(|t| matches!(t.as_str(), "date" | "dateline" | "timestamp"));
            let published = itemprop_has(el, "datePublished")
                || el.attr("pubdate").is_some()
                || tokens.iter().any(|t| matches!(t.as_str(), "published" | "pubdate" | "datepublished"));
            if preferred_date.is_none() && published {
                preferred_date = element_date(el);
            } else if is_time && first_time.is_none() && in_short_block(&walk) {
                first_time = element_date(el);
            } else if dated && first_dated.is_none() && in_short_block(&walk) {
                first_dated = element_date(el);
            }
        }
        survey.date = preferred_date.or(first_time).or(first_dated);
        survey
    }
}

/// The date an element gives: its readable text, else its datetime (or content) attribute's date part.
fn element_date(el: &HtmlElement) -> Option<String> {
    readable_date(&text_of(el, Filter::Article, 200, false))
        .or_else(|| el.attr("datetime").or_else(|| el.attr("content")).and_then(readable_date))
}

/// Whether the element just entered sits in a short block (a dateline), not in running text.
fn in_short_block(walk: &Walk<'_, '_>) -> bool {
    let Some(block) = walk.path().rev().skip(1).find(|e| is_block(&e.name)) else { return true };
    capped_text_len(block, 160) <= 150
}

// ---------------------------------------------------------------------------------------------
// Choosing the content.

/// The content's root elements, and whether they are an article's own (so its header is kept).
fn choose_content<'a>(body: &'a HtmlElement, survey: &Survey<'a>) -> Option<(Vec<&'a HtmlElement>, bool)> {
    let groups = [&survey.articles, &survey.article_bodies, &survey.mains];
    let targets: HashSet<*const HtmlElement> =
        groups.iter().flat_map(|g| g.iter()).map(|e| *e as *const HtmlElement).collect();
    let stats = text_stats(body, &targets);
    let chars_of = |e: &HtmlElement| stats.get(&(e as *const HtmlElement)).map_or(0, |s| s.paragraph_chars);
    let body_chars = chars_of(body);
    let enough = |chars: usize| chars >= MIN_ARTICLE_CHARS && chars * 10 >= body_chars * 4;
    for group in groups {
        let qualified: Vec<&HtmlElement> = group.iter().copied().filter(|e| enough(chars_of(e))).collect();
        let Some(first) = qualified.first() else { continue };
        // Survey order is document order, so an element that encloses the others comes first.
        if qualified.len() == 1 || encloses_all(first, &qualified[1..]) {
            return Some((vec![*first], true));
        }
        break;
    }
    let roots = score_content(body)?;
    let chars: usize = roots.iter().map(|r| stats_of(r).paragraph_chars).sum();
    (chars >= MIN_ARTICLE_CHARS).then_some((roots, false))
}

/// Whether every one of `inner` lies inside `outer` (one walk of `outer`).
fn encloses_all(outer: &HtmlElement, inner: &[&HtmlElement]) -> bool {
    let mut wanted: HashSet<*const HtmlElement> = inner.iter().map(|e| *e as *const HtmlElement).collect();
    let mut stack = vec![outer];
    while let Some(el) = stack.pop() {
        wanted.remove(&(el as *const HtmlElement));
        if wanted.is_empty() {
            return true;
        }
        stack.extend(el.elements());
    }
    false
}

struct Candidate<'a> {
    el: &'a HtmlElement,
    parent: Option<&'a HtmlElement>,
    score: f64,
}

/// Readability's scoring: paragraphs give points (one, plus commas, plus length) to their parent,
/// half to the grandparent and less further up; scores are discounted by link density; the best
/// candidate is taken with the siblings that look like part of it.
fn score_content(body: &HtmlElement) -> Option<Vec<&HtmlElement>> {
    let mut candidates: HashMap<*const HtmlElement, Candidate<'_>> = HashMap::new();
    let mut order: Vec<*const HtmlElement> = Vec::new();
    let mut walk = Walk::new(body, Filter::Article, false, &[]);
    while let Some(step) = walk.next() {
        let Step::Enter(el) = step else { continue };
        if !is_scorable(el) {
            continue;
        }
        // Points stop growing with length at 300 characters; commas are counted in the first 10,000.
        let text = text_of(el, Filter::Article, 10_000, false);
        let len = text.chars().count();
        if len < 25 {
            continue;
        }
        let commas = text.chars().filter(|c| matches!(c, ',' | '،' | '，' | '、')).count();
        let points = 1.0 + commas as f64 + (len as f64 / 100.0).min(3.0);
        // `el` and its ancestors, nearest first: five levels get points, a sixth is the last one's parent.
        let path: Vec<&HtmlElement> = walk.path().rev().take(7).collect();
        for level in 0..5.min(path.len().saturating_sub(1)) {
            let ancestor = path[level + 1];
            let key = ancestor as *const HtmlElement;
            let parent = path.get(level + 2).copied();
            let entry = candidates.entry(key).or_insert_with(|| {
                order.push(key);
                Candidate { el: ancestor, parent, score: initial_score(ancestor) }
            });
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * 3.0,
            };
            entry.score += points / divider;
        }
    }
    let stats = text_stats(body, &order.iter().copied().collect());
    for key in &order {
        if let Some(candidate) = candidates.get_mut(key) {
            candidate.score *= 1.0 - stats.get(key).map_or(0.0, TextStats::link_density);
        }
    }
    let best = order.iter().filter_map(|k| candidates.get(k)).fold(None::<&Candidate<'_>>, |best, c| match best {
        Some(b) if b.score >= c.score => Some(b),
        _ => Some(c),
    })?;
    let Some(parent) = best.parent else { return Some(vec![best.el]) };
    let threshold = (best.score * 0.2).max(10.0);
    let best_class = best.el.attr("class").unwrap_or_default();
    let mut roots = Vec::new();
    for sibling in parent.elements().filter(|s| keep(s, Filter::Article, false)) {
        if std::ptr::eq(sibling, best.el) {
            roots.push(sibling);
            continue;
        }
        let mut score = candidates.get(&(sibling as *const HtmlElement)).map_or(0.0, |c| c.score);
        if !best_class.is_empty() && sibling.attr("class") == Some(best_class) {
            score += best.score * 0.2;
        }
        let append = if score >= threshold {
            true
        } else if sibling.name == "p" || (is_scorable(sibling) && sibling.name != "td") {
            let text = text_of(sibling, Filter::Article, 10_000, false);
            let len = text.chars().count();
            let density = stats_of(sibling).link_density();
            (len >= 80 && density < 0.25) || (len > 0 && len < 80 && density == 0.0 && text.ends_with('.'))
        } else {
            false
        };
        if append {
            roots.push(sibling);
        }
    }
    Some(roots)
}

/// Elements whose own text is a paragraph: p, pre, and divs, sections and cells with no block children.
fn is_scorable(el: &HtmlElement) -> bool {
    match el.name.as_str() {
        "p" | "pre" => true,
        "div" | "section" | "td" | "article" => {
            !el.elements().any(|c| is_block(&c.name))
                && el.children.iter().any(|c| matches!(c, HtmlNode::Text(t) if !t.trim().is_empty()))
        }
        _ => false,
    }
}

fn initial_score(el: &HtmlElement) -> f64 {
    let by_tag = match el.name.as_str() {
        "div" | "article" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    let tokens = class_tokens(el);
    let mut by_class = 0.0;
    // As in Readability, a positive word anywhere in a token counts ("storytext", "postbody").
    if tokens.iter().any(|t| POSITIVE_TOKENS.iter().any(|p| t.contains(p))) {
        by_class += 25.0;
    }
    if tokens.iter().any(|t| is_negative_token(t)) {
        by_class -= 25.0;
    }
    by_tag + by_class
}

// ---------------------------------------------------------------------------------------------
// The title.

fn choose_title(page: &Page<'_>, roots: &[&HtmlElement], survey: &Survey<'_>) -> String {
    let site = page.site_name();
    let from_meta = page
        .meta_value(&["og:title", "twitter:title"])
        .map(|t| strip_site_name(&t, site.as_deref(), false))
        .filter(|t| valid_title(t));
    if let Some(title) = from_meta {
        return title;
    }
    let in_content = roots.iter().find_map(|root| {
        let mut walk = Walk::new(root, Filter::Article, true, &[]);
        while let Some(step) = walk.next() {
            if let Step::Enter(el) = step {
                if el.name == "h1" {
                    return Some(text_of(el, Filter::Article, 1000, false));
                }
            }
        }
        None
    });
    let site_heading = |h: &&HtmlElement| {
        class_tokens(h).iter().any(|t| matches!(t.as_str(), "site" | "logo" | "brand" | "sitename" | "masthead"))
    };
    let any_h1 = || survey.h1s.iter().find(|h| !site_heading(h)).map(|h| text_of(h, Filter::Article, 1000, false));
    if let Some(title) = in_content.filter(|t| valid_title(t)).or_else(|| any_h1().filter(|t| valid_title(t))) {
        return title;
    }
    page.title
        .as_deref()
        .map(|t| strip_site_name(t, site.as_deref(), true))
        .filter(|t| valid_title(t))
        .unwrap_or_else(|| "Untitled article".to_string())
}

fn valid_title(title: &str) -> bool {
    (1..=300).contains(&title.chars().count()) && !looks_like_markup(title)
}

/// Text holding a tag ("<script>", "</p>"): metadata that is markup, not a name or a headline.
fn looks_like_markup(text: &str) -> bool {
    text.split('<').skip(1).any(|after| after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!'))
}

/// Removes trailing " | Site", " - Site", " — Site" parts: the site's name, or (with `guess`) any short tail after a headline of three words or more.
fn strip_site_name(title: &str, site: Option<&str>, guess: bool) -> String {
    const SEPARATORS: &[&str] = &[" | ", " - ", " — ", " – ", " · ", " :: ", " » ", " / "];
    let last_separator =
        |title: &str| SEPARATORS.iter().filter_map(|s| title.rfind(s).map(|i| (i, s.len()))).max_by_key(|(i, _)| *i);
    let mut title = normalise_whitespace(title);
    while let Some((at, sep_len)) = last_separator(&title) {
        let (head, tail) = (&title[..at], &title[at + sep_len..]);
        let is_site = site.is_some_and(|s| tail.eq_ignore_ascii_case(s.trim()));
        let short_tail = tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 3;
        if !(is_site || (guess && short_tail)) || head.trim().is_empty() {
            break;
        }
        title = head.trim().to_string();
    }
    title
}

/// Whether a heading repeats the title (equal once case and punctuation are ignored, or one holding most of the other).
fn same_title(text: &str, title: &str) -> bool {
    let squash = |s: &str| {
        lower(&s.chars().filter(|c| c.is_alphanumeric() || c.is_whitespace()).collect::<String>())
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (a, b) = (squash(text), squash(title));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    a == b || (long.contains(short.as_str()) && short.len() * 2 >= long.len())
}

// ---------------------------------------------------------------------------------------------
// From elements to blocks.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Article,
    AllText,
}

/// A block as the builder made it, with what the cleaning needs to know about where it came from.
struct Built {
    block: RawBlock,
    /// The block lies inside a `<header>`.
    in_header: bool,
    /// All of the block's text is link text.
    link_only: bool,
}

/// Turns a walk into blocks: block elements end blocks, inline elements become marks.
struct Builder {
    mode: Mode,
    base: Option<String>,
    blocks: Vec<Built>,
    segments: Vec<Segment>,
    /// Parallel to `segments`: whether each run lies inside a link (safe or not).
    linked: Vec<bool>,
    headers: usize,
    anchors: usize,
    /// (kind, level) of the innermost heading, list item or quote.
    context: Vec<(BlockKind, u8)>,
    /// One entry per open list: whether it is numbered.
    lists: Vec<bool>,
    marks: Vec<MarkKind>,
    after_br: bool,
    figures: usize,
    figure_text: usize,
}

impl Builder {
    fn new(mode: Mode, base: Option<String>) -> Self {
        Builder {
            mode,
            base,
            blocks: Vec::new(),
            segments: Vec::new(),
            linked: Vec::new(),
            headers: 0,
            anchors: 0,
            context: Vec::new(),
            lists: Vec::new(),
            marks: Vec::new(),
            after_br: false,
            figures: 0,
            figure_text: 0,
        }
    }

    fn walk(&mut self, root: &HtmlElement, in_article: bool, skip: &[*const HtmlElement]) {
        let filter = match self.mode {
            Mode::Article => Filter::Article,
            Mode::AllText => Filter::AllText,
        };
        let mut walk = Walk::new(root, filter, in_article, skip);
        while let Some(step) = walk.next() {
            match step {
                Step::Enter(el) => self.enter(el),
                Step::Exit(el) => self.exit(el),
                Step::Text(text) => self.text(text),
            }
        }
        self.flush();
    }

    fn enter(&mut self, el: &HtmlElement) {
        let name = el.name.as_str();
        if name == "br" {
            if self.after_br {
                // Two line breaks in a row end a paragraph, as reader modes treat them.
                self.flush();
            } else {
                self.segments.push(Segment::plain(" "));
                self.linked.push(self.anchors > 0);
                self.after_br = true;
            }
            return;
        }
        if is_block(name) {
            self.flush();
        }
        if self.mode == Mode::Article {
            match name {
                "figure" => self.figures += 1,
                "blockquote" | "pre" | "table" | "ul" | "ol" if self.figures > 0 => self.figure_text += 1,
                _ => {}
            }
        }
        match name {
            "header" => self.headers += 1,
            "a" if el.attr("href").is_some() => self.anchors += 1,
            "ul" | "ol" | "menu" | "dir" => self.lists.push(name == "ol"),
            "li" => {
                let numbered = self.lists.last().copied().unwrap_or(false);
                let level = u8::try_from(self.lists.len().saturating_sub(1)).unwrap_or(u8::MAX);
                let kind = if numbered { BlockKind::NumberedItem } else { BlockKind::ListItem };
                self.context.push((kind, level));
            }
            "blockquote" => self.context.push((BlockKind::Quote, 0)),
            _ => {
                if let Some(level) = heading_level(name) {
                    self.context.push((BlockKind::Heading, level));
                }
            }
        }
        if let Some(mark) = self.mark_of(el) {
            self.marks.push(mark);
        }
    }

    fn exit(&mut self, el: &HtmlElement) {
        let name = el.name.as_str();
        if name == "br" {
            return;
        }
        if is_block(name) {
            self.flush();
        }
        if self.mode == Mode::Article {
            match name {
                "figure" => self.figures = self.figures.saturating_sub(1),
                "blockquote" | "pre" | "table" | "ul" | "ol" if self.figures > 0 => {
                    self.figure_text = self.figure_text.saturating_sub(1)
                }
                _ => {}
            }
        }
        match name {
            "header" => self.headers = self.headers.saturating_sub(1),
            "a" if el.attr("href").is_some() => self.anchors = self.anchors.saturating_sub(1),
            "ul" | "ol" | "menu" | "dir" => {
                self.lists.pop();
            }
            "li" | "blockquote" => {
                self.context.pop();
            }
            _ => {
                if heading_level(name).is_some() {
                    self.context.pop();
                }
            }
        }
        if self.mark_of(el).is_some() {
            self.marks.pop();
        }
    }

    fn text(&mut self, text: &str) {
        // Figures keep only their quotes, code, tables and lists, never captions or credits.
        if self.figures > 0 && self.figure_text == 0 {
            return;
        }
        if !text.trim().is_empty() {
            self.after_br = false;
        }
        let mut marks: Vec<MarkKind> = Vec::with_capacity(self.marks.len());
        for mark in &self.marks {
            if !marks.contains(mark) {
                marks.push(mark.clone());
            }
        }
        self.segments.push(Segment { text: text.to_string(), marks });
        self.linked.push(self.anchors > 0);
    }

    fn mark_of(&self, el: &HtmlElement) -> Option<MarkKind> {
        match el.name.as_str() {
            "em" | "i" | "cite" | "dfn" => Some(MarkKind::Emphasis),
            "strong" | "b" => Some(MarkKind::Strong),
            "code" | "kbd" | "samp" | "tt" | "pre" => Some(MarkKind::Code),
            "a" => {
                el.attr("href").and_then(|h| resolve_link(h, self.base.as_deref())).map(|href| MarkKind::Link { href })
            }
            _ => None,
        }
    }

    fn flush(&mut self) {
        self.after_br = false;
        let linked = std::mem::take(&mut self.linked);
        if self.segments.iter().all(|s| s.text.trim().is_empty()) {
            self.segments.clear();
            return;
        }
        let (kind, level) = match self.mode {
            Mode::AllText => (BlockKind::Paragraph, 0),
            Mode::Article => self.context.last().copied().unwrap_or((BlockKind::Paragraph, 0)),
        };
        let segments = std::mem::take(&mut self.segments);
        let link_only = segments.iter().zip(&linked).all(|(s, l)| *l || s.text.trim().is_empty());
        let block = RawBlock { kind, level, segments };
        self.blocks.push(Built { block, in_header: self.headers > 0, link_only });
    }

    fn finish(mut self) -> Vec<Built> {
        self.flush();
        self.blocks
    }
}

/// A link target the document may keep: [`safe_link`] of the href, root-relative hrefs resolved against `base`.
fn resolve_link(href: &str, base: Option<&str>) -> Option<String> {
    let cleaned: String = href.chars().filter(|c| !c.is_ascii_control() && !c.is_whitespace()).collect();
    if let Some(rest) = cleaned.strip_prefix("//") {
        return safe_link(&format!("https://{rest}"));
    }
    if cleaned.starts_with('/') {
        let base = base?;
        let after_scheme = base.find("://")? + 3;
        let origin_end = base[after_scheme..].find(['/', '?', '#']).map_or(base.len(), |i| after_scheme + i);
        return safe_link(&format!("{}{cleaned}", &base[..origin_end]));
    }
    safe_link(&cleaned)
}

fn block_text(block: &RawBlock) -> String {
    let joined: String = block.segments.iter().map(|s| s.text.as_str()).collect();
    normalise_whitespace(&joined)
}

fn with_texts(blocks: Vec<Built>) -> Vec<(Built, String)> {
    blocks
        .into_iter()
        .map(|b| {
            let t = block_text(&b.block);
            (b, t)
        })
        .filter(|(_, t)| !t.is_empty())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Cleaning the article's blocks.

/// Whole short blocks that invite sharing, commenting or subscribing.
const PROMPT_LINES: &[&str] = &[
    "share",
    "share this",
    "share this article",
    "share this story",
    "share article",
    "tweet",
    "email",
    "print",
    "facebook",
    "twitter",
    "x",
    "linkedin",
    "reddit",
    "whatsapp",
    "pinterest",
    "copy link",
    "link copied",
    "comment",
    "comments",
    "view comments",
    "show comments",
    "load comments",
    "sign up",
    "subscribe",
    "sponsored",
    "sponsored content",
    "ad",
    "related",
    "related stories",
    "related articles",
    "related coverage",
    "more stories",
    "recommended",
    "most read",
    "most popular",
    "trending",
    "read next",
    "up next",
    "skip to content",
    "skip to main content",
    "back to top",
    "listen to this article",
    "gift this article",
    "save",
];

/// Starts of short blocks that invite sharing, commenting or subscribing.
const PROMPT_PREFIXES: &[&str] = &[
    "share this",
    "share on ",
    "share via ",
    "tweet this",
    "email this",
    "print this",
    "leave a comment",
    "post a comment",
    "add a comment",
    "join the conversation",
    "join the discussion",
    "comments are closed",
    "click here to",
    "subscribe to ",
    "subscribe now",
    "sign up ",
    "support our journalism",
    "story continues below",
    "article continues below",
    "continue reading",
    "related:",
    "related coverage",
    "related stories",
    "related articles",
    "related content",
    "related reading",
    "recommended:",
    "read also",
    "see also:",
    "you may also like",
    "you might also like",
    "we use cookies",
    "this site uses cookies",
];

/// True for a short block that is a share, comment or subscription prompt.
fn is_prompt(text: &str) -> bool {
    if text.chars().count() > 120 {
        return false;
    }
    let lower = lower(text.trim());
    let line = lower.trim_end_matches([':', '.', '!', '…', ' ']);
    let counted_comments = {
        let mut words = line.split_whitespace();
        let first_is_number = words.next().is_some_and(|w| w.chars().all(|c| c.is_ascii_digit() || c == ','));
        first_is_number && matches!(words.next(), Some("comment" | "comments")) && words.next().is_none()
    };
    PROMPT_LINES.contains(&line) || PROMPT_PREFIXES.iter().any(|p| lower.starts_with(p)) || counted_comments
}

/// Drops furniture, prompts and short lines of nothing but links, the headline repeated at the
/// top (and kickers above it), and the byline and date lines of the header; fills in the byline
/// and date from those lines when the page gave none.
fn clean_article_blocks(blocks: Vec<Built>, title: &str, meta: &mut ArticleMeta) -> Vec<RawBlock> {
    let mut items = with_texts(blocks);
    items.retain(|(b, t)| {
        let short_links = b.link_only && b.block.kind != BlockKind::Quote && t.chars().count() <= 100;
        !plain_text::is_furniture(t) && !is_prompt(t) && !short_links
    });
    // The header: what an article's <header> holds, and everything before the first real paragraph.
    let header_len = |items: &[(Built, String)]| {
        let first_long = items
            .iter()
            .position(|(b, t)| b.block.kind != BlockKind::Heading && !b.in_header && t.chars().count() >= 100)
            .unwrap_or(items.len());
        first_long.max(items.iter().rposition(|(b, _)| b.in_header).map_or(0, |i| i + 1))
    };
    let end = header_len(&items);
    let headline = items[..end]
        .iter()
        .position(|(b, t)| matches!(b.block.kind, BlockKind::Heading | BlockKind::Paragraph) && same_title(t, title));
    if let Some(at) = headline {
        // Short lines above the headline are kickers and section labels.
        let mut index = 0;
        items.retain(|(_, t)| {
            let keep = index > at || (index < at && t.chars().count() > 80);
            index += 1;
            keep
        });
    }
    let end = header_len(&items);
    let mut index = 0;
    let byline = meta.byline.clone();
    items.retain(|(b, t)| {
        let in_header = index < end;
        index += 1;
        if !in_header || b.block.kind != BlockKind::Paragraph || t.chars().count() > 120 {
            return true;
        }
        let holds_byline = byline.as_deref().is_some_and(|by| t.contains(by));
        // A byline is a few words; plain_text's looser test would also take a standfirst ("Across Europe, sleepers …").
        let as_byline =
            plain_text::byline(t).filter(|_| t.split_whitespace().count() <= 10 && !t.ends_with(['?', '!']));
        let is_date = plain_text::looks_like_date(t);
        if meta.byline.is_none() {
            meta.byline = as_byline.as_deref().and_then(clean_byline);
        }
        if meta.date.is_none() && is_date {
            meta.date = readable_date(t);
        }
        !(holds_byline || as_byline.is_some() || is_date)
    });
    // Headings with nothing after them introduced something that was dropped (a list of links).
    while items.last().is_some_and(|(b, _)| b.block.kind == BlockKind::Heading) {
        items.pop();
    }
    if meta.date.is_none() {
        meta.date = items.iter().rev().find_map(|(_, t)| plain_text::copyright_year(t));
    }
    items.into_iter().map(|(b, _)| b.block).collect()
}
