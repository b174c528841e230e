//! Renders the article once: title, byline, date and source, then each block as one element whose text runs are its only text nodes.

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::article::document::{safe_link, Block, BlockKind, Document, MarkKind, Segment};
use crate::domain::format::page_text::meta_line;
use crate::ui::i18n::use_texts;

#[derive(Properties, Clone)]
pub struct ArticleProps {
    pub doc: Rc<Document>,
    pub node_ref: NodeRef,
}

impl PartialEq for ArticleProps {
    /// Equal when it is the same document, so annotation changes never re-render the article.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.doc, &other.doc) && self.node_ref == other.node_ref
    }
}

#[function_component(ArticleView)]
pub fn article_view(props: &ArticleProps) -> Html {
    let t = use_texts();
    let doc = &props.doc;
    let blocks = doc.blocks();
    let titled = blocks.first().is_some_and(|b| b.kind == BlockKind::Heading && b.level == 1);
    let mut children: Vec<Html> = Vec::with_capacity(blocks.len() + 2);
    if !titled {
        // A document without a title heading still shows its title (it is not part of the annotatable text).
        children.push(html! { <h1 class="article-title" dir="auto">{doc.title().to_string()}</h1> });
        children.push(meta_line_view(doc));
    }
    let mut i = 0;
    while i < blocks.len() {
        let block = &blocks[i];
        match block.kind {
            BlockKind::ListItem | BlockKind::NumberedItem => {
                let group = run_of(blocks, i, |b| b.kind == block.kind);
                let items = (i..i + group).map(|j| {
                    let class = format!("depth-{}", blocks[j].level.min(6));
                    html! { <li class={class} dir="auto" data-block={j.to_string()}>{ runs(doc, j) }</li> }
                });
                children.push(if block.kind == BlockKind::NumberedItem {
                    html! { <ol>{ for items }</ol> }
                } else {
                    html! { <ul>{ for items }</ul> }
                });
                i += group;
            }
            BlockKind::Quote => {
                let group = run_of(blocks, i, |b| b.kind == BlockKind::Quote);
                let paragraphs =
                    (i..i + group).map(|j| html! { <p dir="auto" data-block={j.to_string()}>{ runs(doc, j) }</p> });
                children.push(html! { <blockquote>{ for paragraphs }</blockquote> });
                i += group;
            }
            BlockKind::Heading if i == 0 && titled => {
                children.push(html! { <h1 class="article-title" dir="auto" data-block="0">{ runs(doc, 0) }</h1> });
                children.push(meta_line_view(doc));
                i += 1;
            }
            BlockKind::Heading => {
                let index = i.to_string();
                children.push(match block.level {
                    0..=2 => html! { <h2 dir="auto" data-block={index}>{ runs(doc, i) }</h2> },
                    3 => html! { <h3 dir="auto" data-block={index}>{ runs(doc, i) }</h3> },
                    _ => html! { <h4 dir="auto" data-block={index}>{ runs(doc, i) }</h4> },
                });
                i += 1;
            }
            BlockKind::Paragraph => {
                children.push(html! { <p dir="auto" data-block={i.to_string()}>{ runs(doc, i) }</p> });
                i += 1;
            }
        }
    }
    html! {
        <article ref={props.node_ref.clone()} id="article" class="article" tabindex="0" aria-label={t.article}
            aria-describedby="keyboard-hint annotation-hint">
            { for children }
        </article>
    }
}

/// How many blocks from `start` on satisfy `same`.
fn run_of(blocks: &[Block], start: usize, same: impl Fn(&Block) -> bool) -> usize {
    blocks[start..].iter().take_while(|b| same(b)).count()
}

/// Byline, date and source under the title: [`meta_line`]'s strings, which the page text that
/// exported selectors count ([`crate::domain::format::page_text`]) is made of too.
fn meta_line_view(doc: &Document) -> Html {
    let (parts, source) = meta_line(doc.meta());
    let source = source.map(|source| match safe_link(source) {
        Some(href) => html! {
            <a class="source" href={href} target="_blank" rel="noopener noreferrer">{source.to_string()}</a>
        },
        None => html! { <span class="source">{source.to_string()}</span> },
    });
    if parts.is_empty() && source.is_none() {
        return html! {};
    }
    html! {
        <p class="byline">
            {parts.clone()}
            if let Some(source) = source {
                if !parts.is_empty() { {" · "} }
                {source}
            }
        </p>
    }
}

/// The text runs of block `index`, each wrapped in the elements for its marks.
fn runs(doc: &Document, index: usize) -> Html {
    let block = doc.blocks()[index];
    let segments = doc.segments(&block, doc.marks(index));
    html! { { for segments.into_iter().map(run) } }
}

fn run(segment: Segment) -> Html {
    let mut node = html! { {segment.text} };
    // Innermost first: code, emphasis, strong; a link wraps everything.
    let mut marks = segment.marks;
    crate::domain::text::sort::sort_by_key(&mut marks, |m| match m {
        MarkKind::Code => 0,
        MarkKind::Emphasis => 1,
        MarkKind::Strong => 2,
        MarkKind::Link { .. } => 3,
    });
    for mark in marks {
        node = match mark {
            MarkKind::Code => html! { <code>{node}</code> },
            MarkKind::Emphasis => html! { <em>{node}</em> },
            MarkKind::Strong => html! { <strong>{node}</strong> },
            // Only safe targets reach a mark (loaders filter with `safe_link`); checked again here all the same.
            MarkKind::Link { href } => match safe_link(&href) {
                Some(href) => html! { <a href={href} target="_blank" rel="noopener noreferrer">{node}</a> },
                None => node,
            },
        };
    }
    node
}
