//! Extracts the article from a saved web page the way reader modes (Mozilla Readability) do: metadata, the main content, and its blocks with inline marks.
//!
//! The input is the inert [`HtmlElement`] model; the output is an [`ArticleDraft`] of text only.
//! Nothing that is not visible text ever reaches the output: script, style, template and embedded
//! documents are skipped wholesale, attributes are read only to decide what to keep (and hrefs
//! only through [`safe_link`]). Every walk over the tree is iterative, so no markup can exhaust
//! the stack, and every heuristic is bounded by the size of the tree.

use std::collections::{HashMap, HashSet};
use std::fmt;

mod builder;
mod classes;
mod clean;
mod content;
mod filter;
mod jsonld;
mod page;
mod prune;
mod title;
mod walk;

use builder::*;
use classes::*;
use clean::*;
use content::*;
use filter::*;
use jsonld::*;
use page::*;
use prune::*;
use title::*;
use walk::*;

use crate::domain::article::document::{
    normalise_whitespace, safe_link, ArticleMeta, BlockKind, MarkKind, RawBlock, Segment,
};
use crate::domain::article::draft::ArticleDraft;
use crate::domain::article::html_tree::{HtmlElement, HtmlNode};
use crate::domain::article::plain_text;
use crate::domain::i18n::{Texts, EN};
use crate::domain::text::lowercase::lower;

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
    let wrappers = find_wrappers(page.body);
    // A second pass without class, id, role and form hints when the first finds no article.
    let (survey, (roots, in_article)) = [Filter::Article(&wrappers), Filter::Relaxed]
        .into_iter()
        .find_map(|filter| {
            let survey = Survey::of(page.body, filter);
            choose_content(page.body, &survey).map(|content| (survey, content))
        })
        .ok_or(ExtractError::NoArticle)?;
    let title = choose_title(&page, &roots, &survey);
    let mut builder = Builder::new(Mode::Article, survey.filter, page.link_base());
    for root in &roots {
        let mut skip = pruned(root, survey.filter);
        skip.extend(survey.byline.iter().map(|(el, _)| *el as *const HtmlElement));
        crate::domain::text::sort::sort_by(&mut skip, |a, b| a.cmp(b));
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

/// An article from HTML pasted from a web page (the clipboard's `text/html`): everything visible,
/// with its headings, paragraphs, lists, quotes, emphasis and safe links, since the user chose what
/// to copy. The title is `given_title`, else the first block; a byline and a date right after it
/// become metadata, as in pasted plain text.
pub fn extract_pasted(root: &HtmlElement, given_title: Option<&str>) -> ArticleDraft {
    let page = Page::read(root);
    let mut builder = Builder::new(Mode::Article, Filter::AllText, page.link_base());
    builder.walk(page.body, false, &[]);
    let mut rest = with_texts(builder.finish()).into_iter().filter(|(_, t)| !plain_text::is_furniture(t)).peekable();
    let title = match given_title.map(str::trim).filter(|t| !t.is_empty()) {
        Some(given) => given.to_string(),
        None => rest.next().map_or_else(|| "Untitled article".to_string(), |(_, t)| t),
    };
    let mut meta = ArticleMeta { byline: None, date: None, source: page.source() };
    // The byline and date, when present, come right after the title, in either order.
    for _ in 0..2 {
        match rest.peek() {
            Some((_, line)) if meta.byline.is_none() && plain_text::byline(line).is_some() => {
                meta.byline = plain_text::byline(line);
                rest.next();
            }
            Some((_, line)) if meta.date.is_none() && plain_text::looks_like_date(line) => {
                meta.date = readable_date(line);
                rest.next();
            }
            _ => break,
        }
    }
    let mut blocks = vec![RawBlock::plain(BlockKind::Heading, 1, title.clone())];
    blocks.extend(rest.map(|(b, _)| b.block));
    ArticleDraft { title, meta, blocks }
}

/// Every visible text block of the page's `<body>` as paragraphs, after a title heading: the fallback when no article is found.
///
/// Only what a reader could never see is left out (script, style, templates, embedded documents,
/// form controls, hidden elements); menus, headers and footers are kept.
pub fn extract_all_text(root: &HtmlElement) -> ArticleDraft {
    let page = Page::read(root);
    let wrappers = find_wrappers(page.body);
    let survey = Survey::of(page.body, Filter::Article(&wrappers));
    let title = choose_title(&page, &[page.body], &survey);
    let mut builder = Builder::new(Mode::AllText, Filter::AllText, page.link_base());
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
