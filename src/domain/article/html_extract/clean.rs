//! Cleans the built blocks: prompts, link lists, the repeated headline, byline and date lines.

use super::*;

/// Whole short blocks that invite sharing, commenting or subscribing.
pub(super) const PROMPT_LINES: &[&str] = &[
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
pub(super) const PROMPT_PREFIXES: &[&str] = &[
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
pub(super) fn is_prompt(text: &str) -> bool {
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
pub(super) fn clean_article_blocks(blocks: Vec<Built>, title: &str, meta: &mut ArticleMeta) -> Vec<RawBlock> {
    let mut items = with_texts(blocks);
    // Lists with items of text as well as items of links are content (a changelog's "our review"
    // links); a list of nothing but links is a menu or a "related" list.
    let mixed: Vec<usize> = items.iter().filter(|(b, _)| !b.link_only).filter_map(|(b, _)| b.list).collect();
    items.retain(|(b, t)| {
        let in_mixed_list = b.list.is_some_and(|l| mixed.contains(&l));
        let short_links = b.link_only && !in_mixed_list && b.block.kind != BlockKind::Quote && t.chars().count() <= 100;
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
