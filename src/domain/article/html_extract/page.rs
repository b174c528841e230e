//! The page's metadata (title, meta tags, canonical link) and a survey of its body: semantic containers, headlines, byline and date.

use super::*;

pub(super) struct Page<'a> {
    pub(super) body: &'a HtmlElement,
    /// `<meta>` values by lower-case property, name or itemprop, in document order.
    pub(super) meta: Vec<(String, &'a str)>,
    pub(super) title: Option<String>,
    pub(super) canonical: Option<&'a str>,
    pub(super) base: Option<&'a str>,
    pub(super) linked: LinkedData,
}

impl<'a> Page<'a> {
    pub(super) fn read(root: &'a HtmlElement) -> Self {
        let body = if root.name == "body" { root } else { root.elements().find(|e| e.name == "body").unwrap_or(root) };
        let mut page =
            Page { body, meta: Vec::new(), title: None, canonical: None, base: None, linked: LinkedData::default() };
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
        page.linked = read_linked_data(root, page.title.as_deref());
        page
    }

    pub(super) fn meta_value(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|key| {
            self.meta.iter().find(|(k, v)| k == key && !v.trim().is_empty()).map(|(_, v)| normalise_whitespace(v))
        })
    }

    pub(super) fn meta_byline(&self) -> Option<String> {
        if let Some(byline) = &self.linked.byline {
            return Some(byline.clone());
        }
        let value = self.meta_value(&[
            "dc:creator",
            "dcterm:creator",
            "author",
            "article:author",
            "byl",
            "parsely-author",
            "sailthru.author",
        ])?;
        let looks_like_url = value.contains("://") || value.starts_with("www.") || value.starts_with('@');
        (!looks_like_url).then(|| clean_byline(&value)).flatten()
    }

    pub(super) fn meta_date(&self) -> Option<String> {
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

    pub(super) fn site_name(&self) -> Option<String> {
        self.meta_value(&["og:site_name", "application-name"])
    }

    pub(super) fn source(&self) -> Option<String> {
        self.meta_value(&["og:url"]).and_then(|u| safe_link(&u)).or_else(|| self.canonical.and_then(safe_link))
    }

    /// The URL root-relative links resolve against: `<base href>`, else the page's own address.
    pub(super) fn link_base(&self) -> Option<String> {
        self.base.and_then(safe_link).or_else(|| self.source())
    }
}

pub(super) fn rel_has(el: &HtmlElement, value: &str) -> bool {
    el.attr("rel").is_some_and(|rel| rel.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case(value)))
}

pub(super) fn itemprop_has(el: &HtmlElement, value: &str) -> bool {
    el.attr("itemprop").is_some_and(|p| p.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case(value)))
}

/// An element that may hold the byline: rel=author, itemprop=author, or a byline/author class or id.
pub(super) fn is_byline_candidate(el: &HtmlElement) -> bool {
    rel_has(el, "author")
        || itemprop_has(el, "author")
        || class_tokens(el).iter().any(|t| t.starts_with("byline") || t == "author" || t == "authors")
}

/// An element that holds a date beside the byline ("date", "timestamp", "published" classes).
pub(super) fn is_date_holder(el: &HtmlElement) -> bool {
    itemprop_has(el, "datePublished")
        || class_tokens(el).iter().any(|t| {
            matches!(
                t.as_str(),
                "date" | "dateline" | "time" | "timestamp" | "published" | "pubdate" | "updated" | "posted"
            )
        })
}

/// "By Jane Doe", "Jane Doe, Newspaper on" → "Jane Doe", "Jane Doe, Newspaper"; `None` for what is not a name.
pub(super) fn clean_byline(raw: &str) -> Option<String> {
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
        && !is_prompt(&text)
        && names_people(&text);
    valid.then_some(text)
}

/// Whether a byline reads as names: it starts with a letter or digit, at least half of its
/// characters are letters ("*****Notes*****" is decoration), and no more than half of its words
/// start in lower case ("From Wikipedia, the free encyclopedia" is a sentence, not a name).
fn names_people(text: &str) -> bool {
    let visible: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    let letters = visible.iter().filter(|c| c.is_alphabetic()).count();
    let words: Vec<&str> = text.split_whitespace().collect();
    let lower_words = words.iter().filter(|w| w.chars().next().is_some_and(char::is_lowercase)).count();
    text.starts_with(char::is_alphanumeric) && letters * 2 >= visible.len() && lower_words * 2 <= words.len()
}

/// A date as people read it: a readable text as it is (without "Published"/"Updated"), an ISO timestamp as its date part.
pub(super) fn readable_date(raw: &str) -> Option<String> {
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

pub(super) struct Survey<'a> {
    pub(super) articles: Vec<&'a HtmlElement>,
    pub(super) article_bodies: Vec<&'a HtmlElement>,
    pub(super) mains: Vec<&'a HtmlElement>,
    pub(super) h1s: Vec<&'a HtmlElement>,
    pub(super) h2s: Vec<&'a HtmlElement>,
    pub(super) byline: Option<(&'a HtmlElement, String)>,
    pub(super) date: Option<String>,
    /// What the survey entered; the content is chosen and built under the same filter.
    pub(super) filter: Filter<'a>,
}

impl<'a> Survey<'a> {
    pub(super) fn of(body: &'a HtmlElement, filter: Filter<'a>) -> Self {
        let mut survey = Survey {
            articles: Vec::new(),
            article_bodies: Vec::new(),
            mains: Vec::new(),
            h1s: Vec::new(),
            h2s: Vec::new(),
            byline: None,
            date: None,
            filter,
        };
        let mut preferred_date: Option<String> = None;
        let mut first_time: Option<String> = None;
        let mut first_dated: Option<String> = None;
        let mut walk = Walk::new(body, filter, false, &[]);
        while let Some(step) = walk.next() {
            let Step::Enter(el) = step else { continue };
            match el.name.as_str() {
                "article" => survey.articles.push(el),
                "main" => survey.mains.push(el),
                "h1" => survey.h1s.push(el),
                "h2" => survey.h2s.push(el),
                _ => {}
            }
            if is_article_body(el) {
                survey.article_bodies.push(el);
            }
            if el.attr("role").is_some_and(|r| r.eq_ignore_ascii_case("main")) && el.name != "main" {
                survey.mains.push(el);
            }
            if survey.byline.is_none() && is_byline_candidate(el) {
                if let Some(byline) = clean_byline(&text_of(el, filter, 300, true)) {
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
                preferred_date = element_date(el, filter);
            } else if is_time && first_time.is_none() && in_short_block(&walk) {
                first_time = element_date(el, filter);
            } else if dated && first_dated.is_none() && in_short_block(&walk) {
                first_dated = element_date(el, filter);
            }
        }
        survey.date = preferred_date.or(first_time).or(first_dated);
        survey
    }
}

/// The date an element gives: its readable text, else its datetime (or content) attribute's date part.
pub(super) fn element_date(el: &HtmlElement, filter: Filter<'_>) -> Option<String> {
    readable_date(&text_of(el, filter, 200, false))
        .or_else(|| el.attr("datetime").or_else(|| el.attr("content")).and_then(readable_date))
}

/// Whether the element just entered sits in a short block (a dateline), not in running text.
pub(super) fn in_short_block(walk: &Walk<'_, '_>) -> bool {
    let Some(block) = walk.path().rev().skip(1).find(|e| is_block(&e.name)) else { return true };
    capped_text_len(block, 160) <= 150
}
