//! Turns a Markdown article into an [`ArticleDraft`]: headings, paragraphs, quotes, lists, emphasis and safe links; raw HTML stays text.
//!
//! The parser is Marginalia's own (`blocks`, then `inline`), not a general Markdown library: it
//! covers CommonMark's blocks and inlines but decodes only common named entities, and its size in
//! the wasm is a fraction of a full parser's (docs/size.md). Both stages yield the [`Event`]s that
//! `State` turns into blocks.

mod blocks;
mod emphasis;
mod inline;
mod scan;

use crate::domain::article::document::{safe_link, BlockKind, MarkKind, RawBlock, Segment};
use crate::domain::article::draft::ArticleDraft;

/// Most inline marks (emphasis, strong, links) one piece of text carries; deeper ones are dropped.
pub const MAX_MARK_DEPTH: usize = 16;

/// Parses Markdown; the first level-1 heading (or `given_title`) is the title.
pub fn parse_markdown(source: &str, given_title: Option<&str>) -> ArticleDraft {
    draft_from_events(events(source), given_title)
}

/// The article that a stream of Markdown events describes (tests feed it a reference parser's events).
pub fn draft_from_events(events: impl IntoIterator<Item = Event>, given_title: Option<&str>) -> ArticleDraft {
    let mut state = State::default();
    for event in events {
        state.event(event);
    }
    state.flush();
    let mut blocks = state.blocks;
    let leading_heading = blocks
        .first()
        .filter(|b| b.kind == BlockKind::Heading)
        .map(|b| b.segments.iter().map(|s| s.text.as_str()).collect::<String>());
    let title = match (given_title.map(str::trim).filter(|t| !t.is_empty()), leading_heading) {
        (Some(given), _) => {
            blocks.insert(0, RawBlock::plain(BlockKind::Heading, 1, given));
            given.to_string()
        }
        (None, Some(heading)) => {
            blocks[0].level = 1;
            heading
        }
        (None, None) => String::from("Untitled article"),
    };
    ArticleDraft { title, meta: Default::default(), blocks }
}

/// A step through the article: a block or inline element starts or ends, or text arrives.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    Start(Tag),
    End(Tag),
    Text(String),
    Code(String),
    /// Raw HTML, shown as text.
    Html(String),
    /// A soft or hard line break inside a paragraph.
    Break,
    Rule,
}

/// A block or inline element.
#[derive(Debug, Clone, PartialEq)]
pub enum Tag {
    Paragraph,
    Heading(u8),
    BlockQuote,
    CodeBlock,
    HtmlBlock,
    /// Whether the list is numbered.
    List(bool),
    Item,
    Emphasis,
    Strong,
    /// A link and its target as written (not yet checked by `safe_link`).
    Link(String),
    Image,
}

/// The events of a whole Markdown article, in document order.
pub fn events(source: &str) -> Vec<Event> {
    let mut refs = blocks::Refs::new();
    let nodes = blocks::parse(source, &mut refs);
    let mut out = Vec::new();
    emit(&nodes, &refs, &mut out);
    out
}

fn emit(nodes: &[blocks::Node], refs: &blocks::Refs, out: &mut Vec<Event>) {
    use blocks::Node;
    for node in nodes {
        let (tag, body) = match node {
            Node::Paragraph(text) => (Tag::Paragraph, Some(text)),
            Node::Heading(level, text) => (Tag::Heading(*level), Some(text)),
            Node::Code(code) => {
                out.extend([Event::Start(Tag::CodeBlock), Event::Text(code.clone()), Event::End(Tag::CodeBlock)]);
                continue;
            }
            Node::Html(html) => {
                out.extend([Event::Start(Tag::HtmlBlock), Event::Html(html.clone()), Event::End(Tag::HtmlBlock)]);
                continue;
            }
            Node::Rule => {
                out.push(Event::Rule);
                continue;
            }
            Node::Quote(inner) => {
                out.push(Event::Start(Tag::BlockQuote));
                emit(inner, refs, out);
                out.push(Event::End(Tag::BlockQuote));
                continue;
            }
            Node::List { numbered, items } => {
                out.push(Event::Start(Tag::List(*numbered)));
                for item in items {
                    out.push(Event::Start(Tag::Item));
                    emit(item, refs, out);
                    out.push(Event::End(Tag::Item));
                }
                out.push(Event::End(Tag::List(*numbered)));
                continue;
            }
        };
        out.push(Event::Start(tag.clone()));
        if let Some(text) = body {
            inline::parse(text, refs, out);
        }
        out.push(Event::End(tag));
    }
}

/// The parser's position: the block being filled, open marks, quote depth and list nesting.
#[derive(Default)]
struct State {
    blocks: Vec<RawBlock>,
    current: Option<RawBlock>,
    /// Open inline marks; `None` for a link whose target was not safe (kept so ends still pair up).
    marks: Vec<Option<MarkKind>>,
    quote_depth: usize,
    /// For each open list, whether it is numbered.
    lists: Vec<bool>,
    in_item: bool,
    in_image: usize,
}

impl State {
    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) if self.in_image == 0 => self.text(&text, None),
            Event::Text(_) => {}
            Event::Code(text) => self.text(&text, Some(MarkKind::Code)),
            // Raw HTML is shown exactly as written, as text; it is never interpreted.
            Event::Html(text) => self.text(&text, None),
            Event::Break => self.text(" ", None),
            Event::Rule => self.flush(),
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph => {
                // A tight list item's text arrives without a paragraph; a loose one's first paragraph continues the item.
                let continues_item = self.in_item && self.current.as_ref().is_some_and(|b| b.segments.is_empty());
                if !continues_item {
                    self.begin(self.container_kind(), self.list_level());
                }
            }
            Tag::Heading(level) => self.begin(BlockKind::Heading, level),
            Tag::BlockQuote => {
                self.flush();
                self.quote_depth += 1;
            }
            Tag::CodeBlock => {
                self.begin(self.container_kind(), self.list_level());
                self.marks.push(Some(MarkKind::Code));
            }
            Tag::HtmlBlock => self.begin(self.container_kind(), self.list_level()),
            Tag::List(numbered) => {
                self.flush();
                self.lists.push(numbered);
            }
            Tag::Item => {
                self.in_item = true;
                let kind = if self.lists.last() == Some(&true) { BlockKind::NumberedItem } else { BlockKind::ListItem };
                self.begin(kind, self.list_level());
            }
            Tag::Emphasis => self.marks.push(Some(MarkKind::Emphasis)),
            Tag::Strong => self.marks.push(Some(MarkKind::Strong)),
            Tag::Link(dest) => self.marks.push(safe_link(&dest).map(|href| MarkKind::Link { href })),
            Tag::Image => self.in_image += 1,
        }
    }

    fn end(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph | Tag::Heading(_) | Tag::HtmlBlock => self.flush(),
            Tag::CodeBlock => {
                self.marks.pop();
                self.flush();
            }
            Tag::BlockQuote => {
                self.flush();
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            Tag::List(_) => {
                self.flush();
                self.lists.pop();
            }
            Tag::Item => {
                self.flush();
                self.in_item = false;
            }
            Tag::Emphasis | Tag::Strong | Tag::Link(_) => {
                self.marks.pop();
            }
            Tag::Image => self.in_image = self.in_image.saturating_sub(1),
        }
    }

    /// The kind a paragraph gets where it stands: in a quote, in a list item, or plain.
    fn container_kind(&self) -> BlockKind {
        match (self.quote_depth > 0, self.in_item, self.lists.last()) {
            (true, _, _) => BlockKind::Quote,
            (false, true, Some(true)) => BlockKind::NumberedItem,
            (false, true, Some(false)) => BlockKind::ListItem,
            _ => BlockKind::Paragraph,
        }
    }

    fn list_level(&self) -> u8 {
        u8::try_from(self.lists.len().saturating_sub(1)).unwrap_or(u8::MAX)
    }

    fn begin(&mut self, kind: BlockKind, level: u8) {
        self.flush();
        self.current = Some(RawBlock { kind, level, segments: Vec::new() });
    }

    fn text(&mut self, text: &str, extra: Option<MarkKind>) {
        // Only the outermost marks count: text inside 8,000 nested emphases must not carry 8,000 marks.
        let mut marks: Vec<MarkKind> = self.marks.iter().take(MAX_MARK_DEPTH).flatten().cloned().collect();
        marks.extend(extra);
        let block =
            self.current.get_or_insert_with(|| RawBlock { kind: BlockKind::Paragraph, level: 0, segments: Vec::new() });
        block.segments.push(Segment { text: text.to_string(), marks });
    }

    fn flush(&mut self) {
        if let Some(block) = self.current.take() {
            if block.segments.iter().any(|s| !s.text.trim().is_empty()) {
                self.blocks.push(block);
            }
        }
    }
}
