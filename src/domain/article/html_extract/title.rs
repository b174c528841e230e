//! The article's title: metadata, the content's headline, or the page's title without the site's name.

use super::*;

/// The title as Readability finds it: JSON-LD, then title metadata (without the site's name), then
/// the document's `<title>` cut at its last separator; failing those, the content's headline.
pub(super) fn choose_title(page: &Page<'_>, roots: &[&HtmlElement], survey: &Survey<'_>) -> String {
    let site = page.site_name();
    if let Some(title) = page.linked.title.as_deref().map(|t| strip_site_name(t, site.as_deref(), false)) {
        return title;
    }
    let from_meta = page
        .meta_value(&[
            "dc:title",
            "dcterm:title",
            "og:title",
            "weibo:article:title",
            "weibo:webpage:title",
            "title",
            "twitter:title",
            "parsely-title",
        ])
        .map(|t| strip_site_name(&t, site.as_deref(), false))
        .filter(|t| valid_title(t));
    if let Some(title) = from_meta {
        return title;
    }
    let headline = |el: &HtmlElement| text_of(el, survey.filter, 1000, false);
    let from_document = page.title.as_deref().map(|t| {
        let headings: Vec<String> = survey.h1s.iter().chain(&survey.h2s).map(|h| headline(h)).collect();
        let only_h1 = (survey.h1s.len() == 1).then(|| headline(survey.h1s[0]));
        title_of_document(t, &headings, only_h1)
    });
    if let Some(title) = from_document.map(|t| strip_site_name(&t, site.as_deref(), false)).filter(|t| valid_title(t)) {
        return title;
    }
    let in_content = roots.iter().find_map(|root| {
        let mut walk = Walk::new(root, survey.filter, true, &[]);
        while let Some(step) = walk.next() {
            if let Step::Enter(el) = step {
                if el.name == "h1" {
                    return Some(headline(el));
                }
            }
        }
        None
    });
    let site_heading = |h: &&HtmlElement| {
        class_tokens(h).iter().any(|t| matches!(t.as_str(), "site" | "logo" | "brand" | "sitename" | "masthead"))
    };
    let any_h1 = || survey.h1s.iter().find(|h| !site_heading(h)).map(|h| headline(h));
    in_content
        .filter(|t| valid_title(t))
        .or_else(|| any_h1().filter(|t| valid_title(t)))
        .unwrap_or_else(|| "Untitled article".to_string())
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Readability's reading of a document title: "Headline | Site" loses its last part (or its first,
/// when too little would be left), "Site: Headline" its first part unless a heading holds the
/// whole; a title of three words or fewer after that is the document title as it was (Readability
/// allows four, which turns "Search results for “x” | Site" back into the whole).
fn title_of_document(original: &str, headings: &[String], only_h1: Option<String>) -> String {
    const SEPARATORS: &[char] = &['|', '-', '–', '—', '\\', '/', '>', '»'];
    let original = normalise_whitespace(original);
    // Separators stand between spaces: " | ", " - ".
    let separators: Vec<usize> = original
        .char_indices()
        .filter(|(i, c)| {
            SEPARATORS.contains(c) && original[..*i].ends_with(' ') && original[*i + c.len_utf8()..].starts_with(' ')
        })
        .map(|(i, _)| i)
        .collect();
    let hierarchical = separators.iter().any(|&i| original[i..].starts_with(['\\', '/', '>', '»']));
    let mut title = original.clone();
    if let Some(&last) = separators.last() {
        title = original[..last].trim().to_string();
        if word_count(&title) < 3 {
            let first = separators[0];
            title = original[first + 1..].trim().to_string();
        }
    } else if original.contains(": ") {
        if !headings.iter().any(|h| h.trim() == original) {
            let after_last = original[original.rfind(':').map_or(0, |i| i + 1)..].trim().to_string();
            let colon = original.find(':').unwrap_or(0);
            title = if word_count(&after_last) < 3 {
                original[colon + 1..].trim().to_string()
            } else if word_count(&original[..colon]) > 5 {
                original.clone()
            } else {
                after_last
            };
        }
    } else if original.chars().count() > 150 || original.chars().count() < 15 {
        if let Some(h1) = only_h1 {
            title = h1;
        }
    }
    let title = normalise_whitespace(&title);
    let words = word_count(&title);
    let without_separators: String = original.chars().filter(|c| !SEPARATORS.contains(c)).collect();
    if words <= 3 && (!hierarchical || words + 1 != word_count(&without_separators)) {
        return original;
    }
    title
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
