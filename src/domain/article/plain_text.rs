//! Turns a plain-text article (as saved from a news site) into a [`Document`], dropping site furniture.

use crate::domain::article::document::{normalise_whitespace, ArticleMeta, BlockKind, Document, RawBlock};
use crate::domain::article::draft::ArticleDraft;
use crate::domain::text::lowercase::lower;

/// Whole lines that news sites put around an article and that are not part of it.
const FURNITURE_LINES: &[&str] =
    &["current news", "/", "|", "arcamax", "comments", "share", "advertisement", "blog comments powered by disqus"];

/// Line prefixes that mark site furniture.
const FURNITURE_PREFIXES: &[&str] = &["published in ", "read more", "sign up for", "follow us"];

/// Parses plain text: paragraphs from blank lines, the first line as the title, a byline and a date where recognised.
pub fn parse_plain_text(source: &str) -> Document {
    parse_plain_text_draft(source, None)
        .into_document()
        .unwrap_or_else(|| Document::new("Untitled article", ArticleMeta::default(), &[]))
}

/// Parses plain text into a draft; `given_title`, when set, is the title and the text's first line stays body text.
pub fn parse_plain_text_draft(source: &str, given_title: Option<&str>) -> ArticleDraft {
    let mut paragraphs: Vec<String> = Vec::new();
    for lines in split_paragraphs(source) {
        // The title is the first line on its own, even when a line break (not a blank line) follows it.
        let split_title = paragraphs.is_empty() && given_title.is_none() && lines.len() > 1 && !is_furniture(lines[0]);
        if split_title {
            paragraphs.push(normalise_whitespace(lines[0]));
            paragraphs.push(normalise_whitespace(&lines[1..].join(" ")));
        } else {
            paragraphs.push(normalise_whitespace(&lines.join(" ")));
        }
    }
    paragraphs.retain(|p| !p.is_empty() && !is_furniture(p));
    let mut rest = paragraphs.iter().map(String::as_str).peekable();
    let title = match given_title.map(str::trim).filter(|t| !t.is_empty()) {
        Some(given) => given.to_string(),
        None => rest.next().unwrap_or("Untitled article").to_string(),
    };
    let mut meta = ArticleMeta::default();
    // The byline and date, when present, come right after the title, in either order.
    for _ in 0..2 {
        match rest.peek() {
            Some(line) if meta.byline.is_none() && byline(line).is_some() => {
                meta.byline = byline(line);
                rest.next();
            }
            Some(line) if meta.date.is_none() && looks_like_date(line) => {
                meta.date = Some(line.trim_start_matches("Published").trim().to_string());
                rest.next();
            }
            _ => break,
        }
    }
    let body: Vec<&str> = rest.collect();
    if meta.date.is_none() {
        meta.date = body.iter().find_map(|p| copyright_year(p));
    }
    let mut blocks = vec![RawBlock::plain(BlockKind::Heading, 1, title.as_str())];
    blocks.extend(body.iter().map(|p| RawBlock::plain(BlockKind::Paragraph, 0, *p)));
    ArticleDraft { title, meta, blocks }
}

/// Groups lines into paragraphs at blank lines; a line of only white space counts as blank.
fn split_paragraphs(source: &str) -> Vec<Vec<&str>> {
    let mut paragraphs = Vec::new();
    let mut current = Vec::new();
    for line in source.lines() {
        crate::domain::text::work::tick(line.len() + 1);
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line.trim());
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs
}

/// True for lines that belong to the site, not the article: menus, separators, comment widgets.
pub fn is_furniture(paragraph: &str) -> bool {
    let lower = lower(paragraph.trim());
    let is_separator =
        lower.chars().all(|c| matches!(c, '-' | '—' | '–' | '_' | '=' | '*' | '~' | '•' | '·') || c.is_whitespace());
    is_separator || FURNITURE_LINES.contains(&lower.as_str()) || FURNITURE_PREFIXES.iter().any(|p| lower.starts_with(p))
}

/// Recognises "By Jane Doe", "Jane Doe, Newspaper" and ArcaMax's "Jane Doe, Newspaper on" bylines.
pub(crate) fn byline(line: &str) -> Option<String> {
    if line.chars().count() > 120 || line.ends_with('.') {
        return None;
    }
    let cleaned = line.strip_suffix(" on").unwrap_or(line).trim();
    if let Some(name) = cleaned.strip_prefix("By ").or_else(|| cleaned.strip_prefix("by ")) {
        return Some(name.trim().to_string());
    }
    let (name, outlet) = cleaned.split_once(", ")?;
    let capitalised = |s: &str| s.split_whitespace().all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()));
    (capitalised(name) && name.split_whitespace().count() <= 4 && !outlet.is_empty()).then(|| cleaned.to_string())
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "feb.",
    "aug.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
];

/// True for a short line holding a date such as "March 8, 2025", "2025-03-08" or "Published Mar. 8, 2025".
pub(crate) fn looks_like_date(line: &str) -> bool {
    let lower = lower(line);
    let has_year = lower
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")));
    let has_month = MONTHS
        .iter()
        .any(|m| lower.split(|c: char| c.is_whitespace() || c == ',').any(|w| w == *m || w == &m[..3.min(m.len())]));
    let iso = lower.len() >= 10
        && lower.as_bytes()[..10].iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    line.chars().count() <= 60 && has_year && (has_month || iso)
}

/// The year from a closing "©2025 Publisher" line, the only date some syndicated copies keep.
pub(crate) fn copyright_year(paragraph: &str) -> Option<String> {
    let rest = paragraph.strip_prefix('©').or_else(|| paragraph.strip_prefix("(c)"))?.trim_start();
    let year: String = rest.chars().take_while(char::is_ascii_digit).collect();
    (year.len() == 4).then_some(year)
}
