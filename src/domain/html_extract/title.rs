//! The article's title: metadata, the content's headline, or the page's title without the site's name.

use super::*;

pub(super) fn choose_title(page: &Page<'_>, roots: &[&HtmlElement], survey: &Survey<'_>) -> String {
    let site = page.site_name();
    let from_meta = page
        .meta_value(&["og:title", "twitter:title"])
        .map(|t| strip_site_name(&t, site.as_deref(), false))
        .filter(|t| valid_title(t));
    if let Some(title) = from_meta {
        return title;
    }
    let in_content = roots.iter().find_map(|root| {
        let mut walk = Walk::new(root, survey.filter, true, &[]);
        while let Some(step) = walk.next() {
            if let Step::Enter(el) = step {
                if el.name == "h1" {
                    return Some(text_of(el, survey.filter, 1000, false));
                }
            }
        }
        None
    });
    let site_heading = |h: &&HtmlElement| {
        class_tokens(h).iter().any(|t| matches!(t.as_str(), "site" | "logo" | "brand" | "sitename" | "masthead"))
    };
    let any_h1 = || survey.h1s.iter().find(|h| !site_heading(h)).map(|h| text_of(h, survey.filter, 1000, false));
    if let Some(title) = in_content.filter(|t| valid_title(t)).or_else(|| any_h1().filter(|t| valid_title(t))) {
        return title;
    }
    page.title
        .as_deref()
        .map(|t| strip_site_name(t, site.as_deref(), true))
        .filter(|t| valid_title(t))
        .unwrap_or_else(|| "Untitled article".to_string())
}

pub(super) fn valid_title(title: &str) -> bool {
    (1..=300).contains(&title.chars().count()) && !looks_like_markup(title)
}

/// Text holding a tag ("<script>", "</p>"): metadata that is markup, not a name or a headline.
pub(super) fn looks_like_markup(text: &str) -> bool {
    text.split('<').skip(1).any(|after| after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!'))
}

/// Removes trailing " | Site", " - Site", " — Site" parts: the site's name, or (with `guess`) any short tail after a headline of three words or more.
pub(super) fn strip_site_name(title: &str, site: Option<&str>, guess: bool) -> String {
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
pub(super) fn same_title(text: &str, title: &str) -> bool {
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
