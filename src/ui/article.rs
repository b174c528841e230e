//! Renders the article once: title, byline and date, and each block as one element holding one text node.

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::document::{BlockKind, Document};

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
    let doc = &props.doc;
    let meta = doc.meta();
    let byline = match (&meta.byline, &meta.date) {
        (Some(b), Some(d)) => Some(format!("{b} · {d}")),
        (Some(b), None) => Some(b.clone()),
        (None, Some(d)) => Some(d.clone()),
        (None, None) => None,
    };
    let blocks = doc.blocks().iter().enumerate().map(|(index, block)| {
        let text = doc.block_text(block).to_string();
        let attr = index.to_string();
        match block.kind {
            BlockKind::Heading if index == 0 => html! {
                <>
                    <h1 class="article-title" data-block={attr}>{text}</h1>
                    if let Some(byline) = byline.clone() {
                        <p class="byline">{byline}</p>
                    }
                </>
            },
            BlockKind::Heading => html! { <h2 data-block={attr}>{text}</h2> },
            BlockKind::Paragraph => html! { <p data-block={attr}>{text}</p> },
        }
    });
    html! {
        <article ref={props.node_ref.clone()} class="article" tabindex="0" aria-label="Article"
            aria-describedby="keyboard-hint">
            { for blocks }
        </article>
    }
}
